//! Runs the built `minewatch` binary for the law commands: deadlines, withdrawal,
//! classify (on the fixtures in `tests/fixtures/classify/`) and compliance.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Commands that read a state's status use the knowledge base: one in the build's
/// folder for test files (reference data only, made on first use and reused), never
/// the user's and never left behind in the system's temporary folder.
fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_minewatch"));
    let db = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("minewatch-law-cli.db");
    // Made afresh by each run (once, before any command): a database an older or newer
    // build left there is never read.
    static FRESH: std::sync::Once = std::sync::Once::new();
    FRESH.call_once(|| {
        for ext in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(format!("{}{ext}", db.display()));
        }
    });
    c.env("MINEWATCH_DB", db);
    c
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run minewatch")
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn minewatch");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn ok_json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// Exit code 2 and a stderr starting with "error:" that contains every phrase.
fn fails(out: &Output, phrases: &[&str]) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(err.starts_with("error:") || err.contains("error:"), "{err}");
    for p in phrases {
        assert!(err.contains(p), "{p:?} not in {err}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

/// `classify --format json` of a case given on standard input (it must succeed).
fn classify_json(case: &str) -> Value {
    let out = run_stdin(&["classify", "-", "--format", "json"], case.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// One instrument's answer in a `classify` JSON result.
fn instrument(v: &Value, id: &str) -> Value {
    v["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["instrument"] == id)
        .unwrap_or_else(|| panic!("{id}: {v}"))
        .clone()
}

fn fixture(name: &str) -> String {
    let p: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        "classify",
        name,
    ]
    .iter()
    .collect();
    p.to_string_lossy().into_owned()
}

#[test]
fn deadlines_from_deposit() {
    // (deposit, instrument, eif, eif article, stockpile, clearance, initial report)
    for (dep, inst, eif, art, stock, clear, initial) in [
        (
            "2012-01-09",
            "accession",
            "2012-07-01",
            "Art. 17.2",
            "2016-07-01",
            "2022-07-01",
            "2012-12-28",
        ),
        (
            "1998-09-16",
            "ratification",
            "1999-03-01",
            "Art. 17.1",
            "2003-03-01",
            "2009-03-01",
            "1999-08-28",
        ),
        (
            "1998-09-17",
            "ratification",
            "1999-03-01",
            "Art. 17.2",
            "2003-03-01",
            "2009-03-01",
            "1999-08-28",
        ),
        (
            "2000-02-29",
            "ratification",
            "2000-08-01",
            "Art. 17.2",
            "2004-08-01",
            "2010-08-01",
            "2001-01-28",
        ),
        (
            "1999-12-31",
            "acceptance",
            "2000-06-01",
            "Art. 17.2",
            "2004-06-01",
            "2010-06-01",
            "2000-11-28",
        ),
    ] {
        let v = ok_json(&[
            "deadlines",
            "--deposit",
            dep,
            "--instrument",
            inst,
            "--format",
            "json",
            "--as-of",
            "2025-06-01",
        ]);
        assert_eq!(v["entry_into_force"]["date"], eif, "{dep}");
        assert_eq!(v["entry_into_force"]["article"], art, "{dep}");
        assert_eq!(v["stockpile_destruction_deadline"]["date"], stock, "{dep}");
        assert_eq!(v["stockpile_destruction_deadline"]["article"], "Art. 4");
        assert_eq!(v["clearance_deadline"]["date"], clear, "{dep}");
        assert_eq!(v["initial_report_due"]["date"], initial, "{dep}");
        assert_eq!(v["initial_report_due"]["article"], "Art. 7.1");
        assert_eq!(v["annual_report_due"]["next"], "2026-04-30");
        assert_eq!(v["annual_report_due"]["article"], "Art. 7.2");
    }
}

#[test]
fn deadlines_succession_and_extensions() {
    let v = ok_json(&[
        "deadlines",
        "--deposit",
        "2011-11-11",
        "--instrument",
        "succession",
        "--succession-date",
        "2011-07-09",
        "--extension",
        "2026-07-09",
        "--extension",
        "2031-07-09",
        "--format",
        "json",
    ]);
    assert_eq!(v["entry_into_force"]["date"], "2011-07-09");
    assert_eq!(v["entry_into_force"]["basis"], "explicit-succession");
    assert_eq!(v["entry_into_force"]["art17_rule_date"], "2012-05-01");
    assert_eq!(v["clearance_deadline"]["original"], "2021-07-09");
    assert_eq!(v["clearance_deadline"]["date"], "2031-07-09");
    assert_eq!(
        v["clearance_deadline"]["extensions"][1]["previous"],
        "2026-07-09"
    );
    // The alias.
    let v = ok_json(&[
        "deadlines",
        "--deposit",
        "2011-11-11",
        "--instrument",
        "succession",
        "--entry-into-force",
        "2011-07-09",
        "--format",
        "json",
    ]);
    assert_eq!(v["entry_into_force"]["date"], "2011-07-09");
}

#[test]
fn deadlines_for_a_state() {
    let v = ok_json(&[
        "deadlines",
        "Finland",
        "--format",
        "json",
        "--as-of",
        "2025-06-01",
    ]);
    assert_eq!(v["state"]["iso3"], "FIN");
    assert_eq!(v["deposit"], "2012-01-09");
    assert_eq!(v["entry_into_force"]["date"], "2012-07-01");
    assert_eq!(v["withdrawal"]["effective"], "2026-01-10");
    let v = ok_json(&["deadlines", "ssd", "--format", "json"]);
    assert_eq!(v["entry_into_force"]["date"], "2011-07-09");
    assert_eq!(v["entry_into_force"]["basis"], "explicit-succession");
    let human = run(&["deadlines", "Norway"]);
    assert!(human.status.success());
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("Norway (NOR)")
            && text.contains("[Art. 17.1]")
            && text.contains("2003-03-01  [Art. 4]"),
        "{text}"
    );
}

/// Dates near the end of the calendar (9999-12-31): a deadline that would fall after
/// it is an error naming the deadline, not a panic (`deadlines --deposit 9999-12-31`
/// panicked) nor a wrong date (`withdrawal --deposited 9999-12-31` said it takes
/// effect on 9999-06-30, six months *before* its deposit).
#[test]
fn dates_past_the_calendar_s_end_are_errors() {
    fails(
        &run(&["deadlines", "--deposit", "9999-12-31"]),
        &["entry into force", "after 9999-12-31"],
    );
    fails(
        &run(&[
            "deadlines",
            "--deposit",
            "2012-01-09",
            "--as-of",
            "9999-12-31",
        ]),
        &["the next annual transparency report", "30 April 10000"],
    );
    fails(
        &run(&["deadlines", "--deposit", "9995-01-01"]),
        &["the mine clearance deadline (Art. 5.1)", "after 9999-12-31"],
    );
    fails(
        &run(&["withdrawal", "--deposited", "9999-12-31"]),
        &["the withdrawal's effect", "after 9999-12-31"],
    );
    let v = ok_json(&[
        "withdrawal",
        "--deposited",
        "9999-06-30",
        "--format",
        "json",
    ]);
    assert_eq!(v["effective"], "9999-12-30", "{v}");
    let v = ok_json(&["deadlines", "--deposit", "9989-01-01", "--format", "json"]);
    assert_eq!(v["clearance_deadline"]["date"], "9999-07-01", "{v}");
}

/// `withdrawal STATE` reads the state's instrument of withdrawal from the knowledge
/// base; a state without one is answered, not refused.
#[test]
fn withdrawal_of_a_state_from_the_knowledge_base() {
    let v = ok_json(&["withdrawal", "Finland", "--format", "json"]);
    assert_eq!(v["withdrawal"]["deposited"], "2025-07-10", "{v}");
    assert_eq!(v["withdrawal"]["effective"], "2026-01-10", "{v}");
    assert_eq!(v["notes"].as_array().unwrap().len(), 0, "{v}");
    // An armed conflict holds it back: said against the knowledge base's date.
    let v = ok_json(&[
        "withdrawal",
        "FIN",
        "--armed-conflict",
        "ongoing",
        "--format",
        "json",
    ]);
    assert!(v["withdrawal"]["effective"].is_null(), "{v}");
    assert!(
        v["notes"][0].as_str().unwrap().contains("2026-01-10"),
        "{v}"
    );
    let v = ok_json(&["withdrawal", "Norway", "--format", "json"]);
    assert!(v["withdrawal"].is_null(), "{v}");
    assert!(v["notes"][0]
        .as_str()
        .unwrap()
        .contains("no instrument of withdrawal"));
    // Ukraine's notification of 2025 suspended the treaty; it was no Art. 20 withdrawal.
    let o = run(&["withdrawal", "Ukraine"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let human = String::from_utf8_lossy(&o.stdout);
    assert!(human.contains("no instrument of withdrawal"), "{human}");
    assert!(human.contains("not an Art. 20 instrument"), "{human}");
    let o = run(&["withdrawal", "USA"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("nothing to withdraw from"));
    fails(&run(&["withdrawal"]), &["<STATE|--deposited"]);
    fails(
        &run(&["withdrawal", "FIN", "--deposited", "2025-07-10"]),
        &["cannot be used with"],
    );
    fails(
        &run(&["withdrawal", "Atlantis"]),
        &["unknown state 'Atlantis'"],
    );
    // A state's name of 100,000 letters: refused at once, quoted short.
    let long = "a".repeat(100_000);
    let o = run(&["withdrawal", &long]);
    fails(&o, &["unknown state 'aaaa", "… (100000 bytes)"]);
    assert!(o.stderr.len() < 300, "{}", o.stderr.len());
}

/// A state that has deposited no instrument gets an answer, not an error: no deadline
/// runs for it, and why, with the source of its status.
#[test]
fn a_non_party_is_answered_with_why_no_deadline_runs() {
    let o = run(&["deadlines", "United States"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    let human = String::from_utf8_lossy(&o.stdout);
    assert!(
        human.starts_with("United States (USA): not-party\n"),
        "{human}"
    );
    assert!(human.contains("no Art. 4, 5 or 7 deadline runs"), "{human}");
    assert!(human.contains("source: http"), "{human}");
    assert!(!human.contains("Art. 4 stockpile"), "{human}");
    let v = ok_json(&["deadlines", "USA", "--format", "json"]);
    assert_eq!(v["applies"], false, "{v}");
    assert_eq!(v["state"]["status_2025"], "not-party", "{v}");
    assert!(v["reason"].as_str().unwrap().contains("Art. 17"), "{v}");
    assert!(v.get("entry_into_force").is_none(), "{v}");
    // A party's answer says that the treaty applies, and has no reason.
    let v = ok_json(&["deadlines", "NOR", "--format", "json"]);
    assert_eq!(v["applies"], true, "{v}");
    assert!(
        v.get("reason").is_none() && v["entry_into_force"].is_object(),
        "{v}"
    );

    let o = run(&["compliance", "USA"]);
    assert_eq!(o.status.code(), Some(0), "{o:?}");
    assert!(String::from_utf8_lossy(&o.stdout).contains("Art. 4 does not bind it"));
    let v = ok_json(&[
        "compliance",
        "USA",
        "--facts",
        "/no/such/file",
        "--format",
        "json",
    ]);
    assert_eq!(v["applies"], false, "{v}");
    assert!(v.get("violations").is_none(), "{v}");
    assert!(
        v["notes"][0].as_str().unwrap().contains("not weighed"),
        "{v}"
    );
    let v = ok_json(&["compliance", "NOR", "--format", "json"]);
    assert_eq!(v["applies"], true, "{v}");
}

#[test]
fn deadlines_errors() {
    fails(
        &run(&["deadlines", "Finlnd"]),
        &["unknown state 'Finlnd'", "did you mean Finland (FIN)"],
    );
    fails(
        &run(&["deadlines", "--deposit", "1997-12-02"]),
        &["before the Convention opened for signature"],
    );
    fails(
        &run(&["deadlines", "--deposit", "2012-02-30"]),
        &["2012-02-30"],
    );
    fails(
        &run(&[
            "deadlines",
            "--deposit",
            "2012-01-09",
            "--instrument",
            "signature",
        ]),
        &["signature"],
    );
    fails(
        &run(&[
            "deadlines",
            "--deposit",
            "2012-01-09",
            "--succession-date",
            "2012-01-01",
        ]),
        &["only accepted for an instrument of succession"],
    );
    fails(
        &run(&[
            "deadlines",
            "--deposit",
            "2012-01-09",
            "--extension",
            "2040-01-01",
        ]),
        &["more than ten years"],
    );
    fails(&run(&["deadlines"]), &["--deposit"]);
}

#[test]
fn withdrawal_cases() {
    for (dep, conflict, effective) in [
        ("2025-06-27", "none", Value::from("2025-12-27")),
        ("2025-08-31", "none", Value::from("2026-02-28")),
        ("2025-06-27", "ongoing", Value::Null),
        ("2025-06-27", "ended:2027-03-15", Value::from("2027-03-15")),
        ("2025-06-27", "ended:2025-10-01", Value::from("2025-12-27")),
    ] {
        let v = ok_json(&[
            "withdrawal",
            "--deposited",
            dep,
            "--armed-conflict",
            conflict,
            "--format",
            "json",
        ]);
        assert_eq!(v["effective"], effective, "{dep} {conflict}");
        assert_eq!(v["article"], "Art. 20.3");
        assert_eq!(
            v["pending_reason"].is_null(),
            !effective.is_null(),
            "{dep} {conflict}"
        );
    }
    let v = ok_json(&[
        "withdrawal",
        "--deposited",
        "2025-06-27",
        "--format",
        "json",
    ]);
    assert_eq!(v["effective"], "2025-12-27");
    fails(
        &run(&[
            "withdrawal",
            "--deposited",
            "2025-06-27",
            "--armed-conflict",
            "soon",
        ]),
        &["none, ongoing or ended:YYYY-MM-DD"],
    );
    fails(
        &run(&["withdrawal", "--deposited", "1998-01-01"]),
        &["before the Convention entered into force"],
    );
}

/// (fixture, [(instrument, ap_mine, binding, verdict)])
type Expect = (
    &'static str,
    &'static [(&'static str, bool, bool, &'static str)],
);

const CLASSIFY: &[Expect] = &[
    (
        "claymore_command.json",
        &[
            ("mbt", false, false, "permitted"),
            ("ccw-apii", false, true, "permitted"),
            ("us-2014", false, false, "permitted"),
            ("us-2020", false, false, "permitted"),
            ("us-2022", false, false, "permitted"),
        ],
    ),
    (
        "claymore_tripwire.json",
        &[
            ("mbt", true, true, "prohibited"),
            ("ccw-apii", true, false, "restricted"),
        ],
    ),
    (
        "av_magnetic.json",
        &[
            ("mbt", false, false, "permitted"),
            ("ccw-apii", false, true, "permitted"),
            ("us-2020", false, true, "restricted"),
        ],
    ),
    (
        "av_anti_handling.json",
        &[
            ("mbt", false, true, "permitted"),
            ("ccw-apii", false, true, "permitted"),
        ],
    ),
    (
        "adam_artillery_2021.json",
        &[
            ("mbt", true, false, "prohibited"),
            ("ccw-apii", true, true, "restricted"),
            ("us-2014", true, false, "prohibited"),
            ("us-2020", true, true, "restricted"),
            ("us-2022", true, false, "prohibited"),
        ],
    ),
    (
        "adam_artillery_2016_korea.json",
        &[
            ("us-2014", true, true, "restricted"),
            ("mbt", true, false, "prohibited"),
        ],
    ),
    (
        "ied_nsag.json",
        &[
            ("mbt", true, false, "prohibited"),
            // Bound under APII Art. 1.3: Afghanistan's consent (9 August 2017) put the
            // Protocol in force on its territory from 9 February 2018.
            ("ccw-apii", true, true, "prohibited"),
        ],
    ),
    (
        "retained_training.json",
        &[("mbt", true, true, "permitted")],
    ),
    (
        "transfer_destruction.json",
        &[
            ("mbt", true, true, "permitted"),
            ("ccw-apii", true, true, "prohibited"),
            ("us-2022", true, false, "permitted"),
        ],
    ),
    (
        "m16_persistent_apii.json",
        &[
            ("ccw-apii", true, true, "restricted"),
            ("mbt", true, false, "prohibited"),
        ],
    ),
];

#[test]
fn classify_fixtures() {
    for (file, wants) in CLASSIFY {
        let v = ok_json(&["classify", &fixture(file), "--format", "json"]);
        let results = v["results"]
            .as_array()
            .unwrap_or_else(|| panic!("{file}: {v}"));
        assert_eq!(
            results.len(),
            minewatch_law::instruments::instruments().len(),
            "{file}"
        );
        for (id, ap, bound, verdict) in *wants {
            let r = results
                .iter()
                .find(|r| r["instrument"] == *id)
                .unwrap_or_else(|| panic!("{file}: {id}"));
            assert_eq!(
                (
                    r["ap_mine"].as_bool(),
                    r["binding"].as_bool(),
                    r["verdict"].as_str()
                ),
                (Some(*ap), Some(*bound), Some(*verdict)),
                "{file} / {id}: {r:#}"
            );
            assert!(
                !r["articles"].as_array().unwrap().is_empty(),
                "{file} / {id}"
            );
            assert!(
                !r["reasons"].as_array().unwrap().is_empty(),
                "{file} / {id}"
            );
        }
    }
}

/// A binding that rests on a low-graded reference date says so: `binding_confidence`
/// in JSON, UNVERIFIED in the reason and on the instrument's line (Lithuania's
/// Amended Protocol II consent date is not yet confirmed by a source; Finland's is).
#[test]
fn classify_marks_a_binding_on_unverified_reference_data() {
    let case = |actor: &str| {
        format!(
            r#"{{"device": {{"name": "test mine", "activation": "person", "detectable": true}},
                "activity": {{"kind": "use", "purpose": "operational", "actor": "{actor}", "date": "2020-01-01"}}}}"#
        )
    };
    let apii = |actor: &str| {
        let v = classify_json(&case(actor));
        (instrument(&v, "ccw-apii"), instrument(&v, "us-2022"))
    };
    let unverified = |r: &Value| {
        r["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x.as_str().unwrap().contains("UNVERIFIED"))
    };
    let (ltu, policy) = apii("LTU");
    assert_eq!(
        (&ltu["binding"], &ltu["binding_confidence"]),
        (&true.into(), &"low".into())
    );
    assert!(unverified(&ltu), "{ltu:#}");
    assert_eq!(
        policy["binding_confidence"],
        Value::Null,
        "a policy has no reference row"
    );
    let (fin, _) = apii("FIN");
    assert_eq!(
        (&fin["binding"], &fin["binding_confidence"]),
        (&true.into(), &"high".into())
    );
    assert!(!unverified(&fin), "{fin:#}");
    let out = run_stdin(&["classify", "-"], case("LTU").as_bytes());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines()
            .any(|l| l.starts_with("ccw-apii:") && l.contains("binding: yes, UNVERIFIED")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("mbt:") && !l.contains("UNVERIFIED")),
        "{text}"
    );
}

#[test]
fn classify_from_stdin_and_human() {
    let text = std::fs::read(fixture("claymore_tripwire.json")).unwrap();
    let out = run_stdin(&["classify", "-", "--format", "json"], &text);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["results"][0]["instrument"], "mbt");
    assert_eq!(v["results"][0]["verdict"], "prohibited");
    let out = run(&["classify", &fixture("claymore_tripwire.json")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("mbt: PROHIBITED") && text.contains("Art. 1.1(a)"),
        "{text}"
    );
}

#[test]
fn classify_bad_input() {
    fails(
        &run(&["classify", &fixture("bad_unknown_field.json")]),
        &["bad_unknown_field.json", "device.colour", "unknown field"],
    );
    fails(
        &run(&["classify", &fixture("bad_contradictory.json")]),
        &[
            "bad_contradictory.json",
            "contradictory",
            "activity.kind",
            "activity.purpose",
        ],
    );
    fails(
        &run(&["classify", &fixture("bad_malformed.json")]),
        &["bad_malformed.json", "malformed JSON", "line"],
    );
    fails(
        &run(&["classify", &fixture("bad_empty.json")]),
        &["bad_empty.json", "empty"],
    );
    fails(
        &run(&["classify", &fixture("does_not_exist.json")]),
        &["does_not_exist.json", "cannot read"],
    );
    fails(&run(&["classify", &fixture("")]), &["is a folder"]);

    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("mine.bin");
    std::fs::write(&binary, b"{\"device\":\x00\x01\x02}").unwrap();
    fails(
        &run(&["classify", binary.to_str().unwrap()]),
        &["mine.bin", "binary data"],
    );
    let latin1 = dir.path().join("latin1.json");
    std::fs::write(&latin1, b"{\"device\": {\"name\": \"Mine \xe9\"}}").unwrap();
    fails(
        &run(&["classify", latin1.to_str().unwrap()]),
        &["latin1.json", "not UTF-8"],
    );
    let huge = dir.path().join("huge.json");
    std::fs::write(&huge, vec![b' '; 2 << 20]).unwrap();
    fails(
        &run(&["classify", huge.to_str().unwrap()]),
        &["huge.json", "too large"],
    );
    let list = dir.path().join("list.json");
    std::fs::write(&list, "[]").unwrap();
    fails(
        &run(&["classify", list.to_str().unwrap()]),
        &["list.json", "expected an object"],
    );
    fails(&run_stdin(&["classify", "-"], b""), &["<stdin>", "empty"]);
}

#[test]
fn compliance_cli() {
    let dir = tempfile::tempdir().unwrap();
    let facts = dir.path().join("facts.json");
    std::fs::write(
        &facts,
        r#"[{"kind": "stockpile", "date": "2013-01-01", "quantity": 16500},
            {"kind": "destruction_completed", "date": "2018-03-31"}]"#,
    )
    .unwrap();
    let v = ok_json(&[
        "compliance",
        "Finland",
        "--facts",
        facts.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(v["iso3"], "FIN");
    assert_eq!(v["stockpile_destruction_deadline"], "2016-07-01");
    assert_eq!(
        v["violations"][0]["from"], "2016-07-02",
        "the day after the deadline"
    );
    assert_eq!(v["violations"][0]["until"], "2018-03-31");
    // Before the deadline has passed nothing is a violation; a figure before it with
    // nothing after is an open question, not a violation.
    let v = ok_json(&[
        "compliance",
        "Finland",
        "--facts",
        facts.to_str().unwrap(),
        "--as-of",
        "2016-07-01",
        "--format",
        "json",
    ]);
    assert_eq!(v["violations"].as_array().unwrap().len(), 0, "{v}");
    assert!(
        v["explanation"].as_str().unwrap().contains("still to come"),
        "{v}"
    );
    let only = dir.path().join("only.json");
    std::fs::write(
        &only,
        r#"[{"kind": "stockpile", "date": "2013-01-01", "quantity": 16500}]"#,
    )
    .unwrap();
    let v = ok_json(&[
        "compliance",
        "Finland",
        "--facts",
        only.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(v["violations"].as_array().unwrap().len(), 0, "{v}");
    assert_eq!(v["open_questions"].as_array().unwrap().len(), 1, "{v}");
    let v = ok_json(&["compliance", "NOR", "--format", "json"]);
    assert_eq!(v["violations"].as_array().unwrap().len(), 0);
    assert!(v["notes"][0].as_str().unwrap().contains("--facts"));
    std::fs::write(&facts, r#"[{"kind": "stockpile", "date": "2013-01-01"}]"#).unwrap();
    fails(
        &run(&["compliance", "FIN", "--facts", facts.to_str().unwrap()]),
        &["facts.json", "quantity"],
    );
}

/// The device cases in `examples/devices/` (the README's starting points) classify,
/// with the Mine Ban Treaty's answer each was written to show.
#[test]
fn classify_the_readme_examples() {
    let dir: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "..",
        "examples",
        "devices",
    ]
    .iter()
    .collect();
    // file → (MBT: anti-personnel mine, binding, verdict)
    let wants: &[(&str, bool, bool, &str)] = &[
        ("tripwire-claymore-use.json", true, true, "prohibited"),
        (
            "self-destructing-mine-stockpile.json",
            true,
            false,
            "prohibited",
        ),
        ("anti-vehicle-mine-transfer.json", false, true, "permitted"),
        ("improvised-mine-nsag.json", true, false, "prohibited"),
        ("retained-for-training.json", true, true, "permitted"),
    ];
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = wants.iter().map(|w| w.0.to_string()).collect();
    listed.sort();
    assert_eq!(files, listed, "every example is checked here");
    for (file, ap, bound, verdict) in wants {
        let path = dir.join(file);
        let v = ok_json(&["classify", path.to_str().unwrap(), "--format", "json"]);
        let mbt = v["results"]
            .as_array()
            .and_then(|r| r.iter().find(|r| r["instrument"] == "mbt"))
            .unwrap_or_else(|| panic!("{file}: {v}"));
        assert_eq!(
            (
                mbt["ap_mine"].as_bool(),
                mbt["binding"].as_bool(),
                mbt["verdict"].as_str()
            ),
            (Some(*ap), Some(*bound), Some(*verdict)),
            "{file}: {mbt:#}"
        );
    }
}

/// `classify --help` names every field the input accepts (the parser's own list, as
/// its error for an unknown field gives it).
#[test]
fn classify_help_names_every_input_field() {
    let help = String::from_utf8(run(&["classify", "--help"]).stdout).unwrap();
    for (part, case) in [
        (
            "device",
            r#"{"device": {"bogus": 1}, "activity": {"kind": "use", "actor": "USA", "date": "2020-01-01"}}"#,
        ),
        (
            "activity",
            r#"{"device": {"activation": "person"}, "activity": {"bogus": 1}}"#,
        ),
    ] {
        let out = run_stdin(&["classify", "-"], case.as_bytes());
        let err = String::from_utf8_lossy(&out.stderr).into_owned();
        let list = err
            .split("expected one of: ")
            .nth(1)
            .unwrap_or_else(|| panic!("{part}: {err}"));
        let fields: Vec<&str> = list.trim().split(", ").collect();
        assert!(fields.len() >= 5, "{part}: {fields:?}");
        for f in fields {
            assert!(
                help.contains(f),
                "{part}.{f} not in classify --help:\n{help}"
            );
        }
    }
}

/// Amended Protocol II binds a state six months after its consent, but not before the
/// Protocol's own entry into force (3 December 1998): the reason says which applied.
#[test]
fn apii_binding_dates_early_and_late_consent() {
    let case = |actor: &str| {
        format!(
            r#"{{"device": {{"activation": "person", "delivery": "hand-emplaced", "detectable": true}},
                "activity": {{"kind": "use", "actor": "{actor}", "date": "2010-01-01"}}}}"#
        )
    };
    let reason = |actor: &str| {
        let apii = instrument(&classify_json(&case(actor)), "ccw-apii");
        assert_eq!(apii["binding"], true, "{apii:#}");
        apii["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r.as_str())
            .find(|r| r.starts_with("binding:"))
            .unwrap()
            .to_string()
    };
    // Canada consented on 5 January 1998, before the Protocol was in force.
    let can = reason("Canada");
    assert!(
        can.contains("since 1998-12-03 (consent 1998-01-05; in force from the Protocol's own entry into force)"),
        "{can}"
    );
    // North Macedonia consented on 19 March 2007.
    let mkd = reason("North Macedonia");
    assert!(
        mkd.contains("since 2007-09-19 (consent 2007-03-19, six months before)"),
        "{mkd}"
    );
}

/// A state whose withdrawal has taken effect owes no further annual report: `next` is
/// null, with the date the withdrawal ended the obligation.
#[test]
fn deadlines_of_a_withdrawn_state_stop_at_the_withdrawal() {
    let v = ok_json(&[
        "deadlines",
        "Finland",
        "--as-of",
        "2026-11-30",
        "--format",
        "json",
    ]);
    let a = &v["annual_report_due"];
    assert_eq!(a["next"], Value::Null, "{a:#}");
    assert_eq!(a["next_covers_year"], Value::Null, "{a:#}");
    assert_eq!(a["ended_by_withdrawal"], "2026-01-10", "{a:#}");
    // Before the withdrawal deposit, the next report is due as usual.
    let v = ok_json(&[
        "deadlines",
        "Finland",
        "--as-of",
        "2025-03-01",
        "--format",
        "json",
    ]);
    assert_eq!(v["annual_report_due"]["next"], "2025-04-30");
    assert!(v["annual_report_due"].get("ended_by_withdrawal").is_none());
    // The deadlines reached before it are as the articles give them.
    assert_eq!(v["stockpile_destruction_deadline"]["date"], "2016-07-01");
    assert!(v["stockpile_destruction_deadline"]
        .get("ended_by_withdrawal")
        .is_none());
    // The status in the header is the one on --as-of, not today's.
    let head = |as_of: &str| {
        let o = run(&["deadlines", "Finland", "--as-of", as_of]);
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .next()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(head("2025-03-01"), "Finland (FIN): state-party");
    assert_eq!(
        head("2025-08-01"),
        "Finland (FIN): state-party (withdrawal deposited on 2025-07-10, pending)"
    );
    assert_eq!(head("2026-11-30"), "Finland (FIN): withdrawn");
}
