//! `minewatch extract` and `minewatch eval` as a user runs them: formats, folders,
//! standard input, gold files, and bad input (binary, empty, non-UTF-8, malformed gold).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_minewatch"));
    c.env_remove("MINEWATCH_DB").env("NO_COLOR", "1");
    c
}

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seeds/000_bd786dfe2a2cbc87.txt"
);
const GOLD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../minewatch-extract/gold/seed.gold.jsonl"
);
const FIX: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../minewatch-extract/tests/fixtures"
);

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run minewatch")
}

/// Run with `input` on standard input.
fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

#[test]
fn seed_json_has_facts_with_provenance() {
    let o = run(&["extract", SEED]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let facts = v["facts"].as_array().unwrap();
    assert_eq!(facts.len(), 22);
    let st = facts
        .iter()
        .find(|f| f["predicate"] == "stockpile.total" && f["value"] == 3_000_000)
        .expect("stockpile.total 3 million");
    // Every field the store reads (and checks on writing) is there.
    for field in minewatch_store::profile_json::FACT_FIELDS {
        assert!(!st[field].is_null(), "field {field}: {st}");
    }
    assert_eq!(st["qualifier"], "more-than");
    assert_eq!(st["notes"], serde_json::json!([24]));
    assert_eq!(st["subject"], "USA");
    assert_eq!(st["line"], 76);
    let vote = facts
        .iter()
        .find(|f| f["resolution"] == "74/61")
        .expect("the 74/61 vote");
    assert_eq!(vote["vote"], "abstain");
    assert_eq!(vote["date"], "2019-12");
}

#[test]
fn csv_has_a_header_and_one_row_per_fact() {
    let o = run(&["extract", "--format", "csv", SEED]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let mut lines = out.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("file,predicate,subject,value,qualifier,unit"));
    // Quotes contain commas and quotation marks: fields are quoted, so count records by predicate column.
    let rows = out.lines().filter(|l| l.contains(",USA,")).count();
    assert_eq!(rows, 22, "{out}");
    assert!(
        out.contains(",stockpile.total,USA,3000000,more-than,mines,2014,24,76,"),
        "{out}"
    );
}

#[test]
fn human_folder_and_stdin() {
    let o = run(&["extract", "--format", "human", FIX]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("finland.txt: 19 fact(s)"), "{out}");
    assert!(out.contains("heldout/angola.txt"), "{out}");
    assert!(out.contains("FIN treaty.deposit = 2012-01-09"), "{out}");

    let o = run_stdin(&["extract", "-"], &std::fs::read(SEED).unwrap());
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["facts"][0]["file"], "<stdin>");
    assert_eq!(v["facts"].as_array().unwrap().len(), 22);
}

#[test]
fn bad_input_is_a_clear_error() {
    let dir = std::env::temp_dir().join(format!("mw-extract-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin_file = dir.join("x.bin");
    std::fs::write(&bin_file, b"\x00\x01\x02\x03\xff\xfe\x00\x00binary").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let latin = dir.join("latin1.txt");
    std::fs::write(
        &latin,
        b"Finland\n\nMine Ban Policy\n\nLast updated: 1 June 2020\n\nIn 2014, Finland destroyed 5,000 antipersonnel mines \xe9.\n",
    )
    .unwrap();

    for p in [&bin_file, &empty] {
        let o = run(&["extract", p.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{}", p.display());
        assert!(stderr(&o).contains("error:"), "{}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"));
    }
    let o = run(&["extract", "/no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file"), "{}", stderr(&o));

    let o = run(&["extract", "--format", "human", latin.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("not valid UTF-8"), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("stockpile.destroyed = 5000 mines"),
        "{}",
        stdout(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn eval_prints_precision_and_recall() {
    let o = run(&["eval", "--gold", GOLD, SEED]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("predicate"), "{out}");
    assert!(out.contains("stockpile.total"), "{out}");
    assert!(
        out.lines()
            .any(|l| l.starts_with("overall") && l.contains("1.000  1.000")),
        "{out}"
    );

    let ho = format!("{FIX}/heldout");
    let o = run(&[
        "eval",
        "--format",
        "json",
        "--gold",
        &format!("{ho}/angola.gold.jsonl"),
        "--gold",
        &format!("{ho}/sri_lanka.gold.jsonl"),
        &format!("{ho}/angola.txt"),
        &format!("{ho}/sri_lanka.txt"),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["overall"]["gold"], 28);
    assert!(v["overall"]["precision"].as_f64().unwrap() > 0.9);
    assert!(
        v["per_predicate"]["treaty.signature"]["recall"]
            .as_f64()
            .unwrap()
            == 1.0
    );
}

#[test]
fn malformed_gold_names_the_line() {
    let dir = std::env::temp_dir().join(format!("mw-eval-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.gold.jsonl");
    std::fs::write(
        &bad,
        "# comment\n{\"predicate\":\"spending\",\"value\":1,\"line\":3}\n{\"predicate\":\"spending\",\"value\":1\n",
    )
    .unwrap();
    let o = run(&["eval", "--gold", bad.to_str().unwrap(), SEED]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("bad.gold.jsonl") && e.contains("line 3"), "{e}");

    let unknown = dir.join("unknown.gold.jsonl");
    std::fs::write(
        &unknown,
        "{\"predicate\":\"mines.eaten\",\"value\":1,\"line\":3}\n",
    )
    .unwrap();
    let o = run(&["eval", "--gold", unknown.to_str().unwrap(), SEED]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown predicate"), "{}", stderr(&o));

    // A gold file with no annotations scores, with a word of warning.
    let empty = dir.join("empty.gold.jsonl");
    std::fs::write(&empty, "# nothing yet\n").unwrap();
    let o = run(&["eval", "--gold", empty.to_str().unwrap(), SEED]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("empty.gold.jsonl: no annotations: every fact extracted"),
        "{}",
        stderr(&o)
    );

    let o = run(&["eval", "--gold", GOLD, SEED, SEED]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("one gold file per profile"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// The README's table of predicates lists every predicate the extractor gives, and
/// nothing else.
#[test]
fn readme_lists_every_predicate() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README.md");
    let rows: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .filter(|p| p.contains('.') || *p == "spending" || *p == "casualties")
        .collect();
    for p in minewatch_extract::PREDICATES {
        assert!(
            rows.contains(p),
            "{p} is not in the README's predicate table"
        );
    }
    for r in &rows {
        if r.starts_with("device.") || r.starts_with("activity.") {
            continue;
        }
        assert!(
            minewatch_extract::PREDICATES.contains(r),
            "the README lists {r}, which the extractor does not give"
        );
    }
}

/// The human listing says what each fact says beyond its value: the casualties' kind,
/// the instrument, the destinations, the mine type (they were in JSON and CSV only).
#[test]
fn human_listing_says_each_facts_details() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("extract_details");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("ruritania.txt");
    std::fs::write(
        &p,
        "Finland\n\nMine Ban Policy\n\nLast updated: 1 October 2026\n\nFinland acceded to the Mine Ban Treaty on 9 January 2012.[1] Between 1985 and 1995, Finland exported 30,000 antipersonnel mines to Angola, Cambodia and Iraq.[1] In 2024, 4 people were killed and 9 injured by mines.[1] In 2025, one person was killed and 1 injured.[1]\n\n[1] A source of our own, 2025.\n",
    )
    .unwrap();
    let o = run(&["extract", "--format", "human", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    for want in [
        "FIN treaty.deposit = 2012-01-09  (accession; as of 2012-01-09",
        "FIN transfer.quantity = 30000 mines  (to 3 state(s): AGO, KHM, IRQ; as of 1985/1995",
        "FIN casualties = 4 people  (killed; as of 2024",
        "FIN casualties = 9 people  (injured; as of 2024",
        // One is in the singular.
        "FIN casualties = 1 person  (killed; as of 2025",
        "FIN casualties = 1 person  (injured; as of 2025",
    ] {
        assert!(out.contains(want), "{want}\n{out}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A mine named by its family ("M16") is that family, not one of its models: the
/// profile does not say M16A1, so neither does the fact.
#[test]
fn a_mine_family_named_alone_stays_the_family() {
    let profile = "Testland\n\nMine Ban Policy\n\nLast updated: 10 October 2025\n\nUse\n\nTroops laid M16 mines near the northern border in 2022.[1] In 2023 they laid M16A1 mines there.[2]\n\nNotes\n\n[1] Ministry of Defence, \"Report,\" 2023.\n[2] Ministry of Defence, \"Report,\" 2024.\n";
    let o = run_stdin(&["extract", "-"], profile.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    let types: Vec<&str> = v["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["mine_type"].as_str())
        .collect();
    assert_eq!(types, ["M16", "M16A1"], "{v}");
}
