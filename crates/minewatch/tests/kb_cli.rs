//! The knowledge-base commands, run as the built binary against a database in a tempdir.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use minewatch_model::Date;
use minewatch_store::testkit::expected_parties_from_csv;

/// How `ingest` cuts its work into transactions (the kill test must know where they end).
#[path = "../src/chunks.rs"]
mod chunks;

const BIN: &str = env!("CARGO_BIN_EXE_minewatch");

struct Kb {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Kb {
    fn new() -> Kb {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("nested").join("folder").join("kb.db");
        Kb { dir, db }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::new(BIN);
        c.env_remove("MINEWATCH_DB")
            .env("HOME", self.dir.path())
            .env_remove("XDG_DATA_HOME");
        c
    }

    /// Run with `--db` before the subcommand.
    fn run(&self, args: &[&str]) -> Output {
        let mut c = self.cmd();
        c.arg("--db").arg(&self.db).args(args);
        c.output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut a = args.to_vec();
        a.extend(["--format", "json"]);
        serde_json::from_str(&self.ok(&a)).unwrap()
    }

    /// A generated corpus of `n` profiles in the test's folder.
    fn corpus(&self, n: usize, seed: u64) -> PathBuf {
        let corpus = self.dir.path().join("corpus");
        let o = self
            .cmd()
            .args([
                "gen-corpus",
                "--profiles",
                &n.to_string(),
                "--seed",
                &seed.to_string(),
            ])
            .arg(&corpus)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        corpus
    }

    /// The profile versions `history STATE` lists, in its order.
    fn profile_versions(&self, state: &str) -> Vec<serde_json::Value> {
        let h = self.json(&["history", state]);
        h["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "profile-version")
            .cloned()
            .collect()
    }

    fn fails(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?} should fail with exit 2");
        String::from_utf8(o.stderr).unwrap()
    }
}

#[test]
fn first_use_creates_the_database_and_answers() {
    let kb = Kb::new();
    assert!(!kb.db.exists());
    let v = kb.json(&["status", "Finland", "--as-of", "2026-01-10"]);
    assert!(
        kb.db.exists(),
        "created with its parent folders on first use"
    );
    assert_eq!(v["iso3"], "FIN");
    assert_eq!(v["status"], "withdrawn");
    assert_eq!(v["deposit_date"], "2012-01-09");
    assert_eq!(v["instrument"], "accession");
    assert_eq!(v["entry_into_force"], "2012-07-01");
    assert_eq!(v["withdrawal_deposit_date"], "2025-07-10");
    assert_eq!(v["withdrawal_effective_date"], "2026-01-10");
    assert_eq!(v["signature_date"], serde_json::Value::Null);
    assert_eq!(v["confidence"], "high");
    assert!(v["sources"][0]["url"].as_str().unwrap().contains("icbl"));
    // The source's "withdrawal pending" line is said to be of its time, not now's.
    let text = kb.ok(&["status", "Finland"]);
    assert!(
        text.contains("status line, as it stood when written (the status above is computed for"),
        "{text}"
    );
    // Each link on its own, for programs (the data joins several with " ; ").
    let urls = v["sources"][0]["urls"].as_array().unwrap();
    assert!(urls.len() > 1, "{v}");
    assert!(
        urls.iter()
            .all(|u| u.as_str().unwrap().starts_with("http") && !u.as_str().unwrap().contains(' ')),
        "{v}"
    );
    let mut keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "confidence",
            "deposit_date",
            "entry_into_force",
            "instrument",
            "iso3",
            "name",
            "signature_date",
            "sources",
            "status",
            "withdrawal_deposit_date",
            "withdrawal_effective_date"
        ]
    );
    let day_before = kb.json(&["status", "FIN", "--as-of", "2026-01-09"]);
    assert_eq!(day_before["status"], "state-party");
    let human = kb.ok(&["status", "est", "--as-of", "2025-12-27"]);
    assert!(
        human.contains("Estonia (EST) as of 2025-12-27: withdrawn"),
        "{human}"
    );
}

#[test]
fn global_db_flag_after_the_subcommand_and_from_the_environment() {
    let kb = Kb::new();
    let o = kb
        .cmd()
        .args(["status", "USA", "--format", "json", "--db"])
        .arg(&kb.db)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(kb.db.exists());
    let other = kb.dir.path().join("env.db");
    let o = kb
        .cmd()
        .env("MINEWATCH_DB", &other)
        .args(["status", "USA"])
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(other.exists(), "MINEWATCH_DB names the database");
    assert!(String::from_utf8_lossy(&o.stdout).contains("not-party"));
}

#[test]
fn default_location_follows_xdg_then_home() {
    let kb = Kb::new();
    let xdg = kb.dir.path().join("xdg");
    let o = kb
        .cmd()
        .env("XDG_DATA_HOME", &xdg)
        .args(["db", "init"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(xdg.join("minewatch/minewatch.db").exists());
    let o = kb.cmd().args(["db", "migrate"]).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(kb
        .dir
        .path()
        .join(".local/share/minewatch/minewatch.db")
        .exists());
}

#[test]
fn counts_of_states_parties_agree_with_the_data() {
    let kb = Kb::new();
    for date in [
        "1999-02-28",
        "1999-03-01",
        "2003-03-01",
        "2012-07-01",
        "2025-12-26",
        "2025-12-27",
        "2026-02-20",
    ] {
        let v = kb.json(&["states", "--status", "state-party", "--as-of", date]);
        let want = expected_parties_from_csv(date.parse::<Date>().unwrap());
        assert_eq!(v["count"].as_u64().unwrap() as usize, want, "{date}");
        assert_eq!(v["states"].as_array().unwrap().len(), want);
    }
    let v = kb.json(&["states", "--status", "state-party", "--as-of", "1999-03-01"]);
    assert_eq!(
        v["count"], 45,
        "Art. 17: deposits up to September 1998 are in force on 1 March 1999"
    );
    let all = kb.json(&["states", "--as-of", "2026-06-01"]);
    assert_eq!(all["count"], 202);
    let w = kb.json(&["states", "--status", "withdrawn", "--as-of", "2026-06-01"]);
    let codes: Vec<&str> = w["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["iso3"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["EST", "FIN", "LTU", "LVA", "POL"]);
    // Every shipped treaty row is verified (the Cook Islands' deposit, the last low
    // one, was found in a secondary source): nothing is marked.
    let text = kb.ok(&["states", "--as-of", "2026-06-01"]);
    assert!(text.lines().any(|l| l.starts_with("COK")), "{text}");
    assert!(!text.contains("UNVERIFIED"), "{text}");
    assert!(kb
        .fails(&["states", "--status", "partyish"])
        .contains("unknown status"));
}

#[test]
fn clear_errors_for_unknown_states_and_bad_dates() {
    let kb = Kb::new();
    let e = kb.fails(&["status", "Finlnd"]);
    // The first command makes the database, and says so (a mistyped --db is seen).
    let mut lines = e.lines();
    assert_eq!(
        lines.next(),
        Some(
            format!(
                "note: created a new knowledge base at {} (no profiles yet)",
                kb.db.display()
            )
            .as_str()
        ),
        "{e}"
    );
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("error: unknown state 'Finlnd'; did you mean Finland (FIN)"),
        "{e}"
    );
    // Said once: the next command finds it.
    let e = kb.fails(&["status", "Finlnd"]);
    assert!(e.starts_with("error: unknown state 'Finlnd'"), "{e}");
    let e = kb.fails(&["status", "Atlantis"]);
    assert!(e.contains("unknown state 'Atlantis'"), "{e}");
    let e = kb.fails(&["status", "FIN", "--as-of", "1996-12-31"]);
    assert!(e.contains("before 1997"), "{e}");
    let e = kb.fails(&["status", "FIN", "--as-of", "2026-02-30"]);
    assert!(
        e.contains("2026-02-30") && e.contains("does not exist"),
        "{e}"
    );
    let e = kb.fails(&["states", "--as-of", "1 June 2026"]);
    assert!(e.contains("YYYY-MM-DD"), "{e}");
    let e = kb.fails(&["status", "FIN", "--known-at", "soon"]);
    assert!(e.contains("--known-at"), "{e}");
    // Before anything was recorded, the answer is that nothing was known, not a status.
    let e = kb.fails(&["status", "FIN", "--known-at", "2020-01-01"]);
    assert!(
        e.contains("nothing about Finland (FIN) had been recorded by 2020-01-01"),
        "{e}"
    );
    let e = kb.fails(&["states", "--known-at", "2020-01-01"]);
    assert!(
        e.contains("no treaty status had been recorded by 2020-01-01"),
        "{e}"
    );
    // So too the timeline and the votes (an empty list would read as "nothing
    // happened", "never voted").
    let e = kb.fails(&["history", "FIN", "--known-at", "2020-01-01"]);
    assert!(
        e.contains("nothing about Finland (FIN) had been recorded by 2020-01-01"),
        "{e}"
    );
    let e = kb.fails(&["votes", "FIN", "--known-at", "2020-01-01"]);
    assert!(
        e.contains("no UN General Assembly votes had been recorded by 2020-01-01"),
        "{e}"
    );
    let e = kb.fails(&["status", "Korea"]);
    assert!(
        e.contains("South Korea (KOR)") && e.contains("North Korea (PRK)"),
        "{e}"
    );
    let e = kb.fails(&["status", ""]);
    assert!(e.contains("no state given"), "{e}");
    assert_eq!(kb.json(&["status", "840"])["iso3"], "USA");
    let e = kb.fails(&["history", "Untied States"]);
    assert!(e.contains("did you mean United States"), "{e}");
    let e = kb.fails(&["votes", "Narnia"]);
    assert!(e.contains("unknown state 'Narnia'"), "{e}");
}

#[test]
fn other_areas_are_not_party_with_a_note() {
    let kb = Kb::new();
    let v = kb.json(&["status", "Kosovo"]);
    assert_eq!(v["status"], "not-party");
    assert!(v["sources"]
        .to_string()
        .contains("not a state able to join"));
}

#[test]
fn init_is_idempotent_and_reports_the_consistency_check() {
    let kb = Kb::new();
    let first = kb.ok(&["db", "init"]);
    assert!(first.contains("reference data loaded"), "{first}");
    assert!(
        first.contains("SSD [eif-rule-exception]") && first.contains("independence"),
        "{first}"
    );
    let stats1 = kb.json(&["db", "stats"]);
    let second = kb.ok(&["db", "init"]);
    assert!(second.contains("already loaded, unchanged"), "{second}");
    assert_eq!(kb.json(&["db", "stats"]), stats1);
    assert_eq!(
        stats1["schema_version"],
        minewatch_store::SQLITE_SCHEMA_VERSION
    );
    let check = kb.json(&["db", "check"]);
    let findings = check.as_array().unwrap();
    assert!(
        findings.iter().all(|f| f["severity"] != "warning"),
        "{check:#}"
    );
    assert!(
        !findings.iter().any(|f| f["code"] == "unverified"),
        "{check:#}"
    );
}

/// A value of low confidence (here: one restored from a backup that holds it) is
/// marked unverified wherever it is shown: the list, the status, the timeline and the
/// consistency check.
#[test]
fn an_unverified_value_is_marked_wherever_it_is_shown() {
    let kb = Kb::new();
    kb.ok(&["db", "init"]);
    let d = kb.dir.path().join("d.jsonl");
    dump(&kb, &kb.db, &d);
    let text = std::fs::read_to_string(&d).unwrap();
    let mut edited = 0;
    let lines: Vec<String> = text
        .lines()
        .map(|l| {
            if l.contains("\"table\":\"fact\"")
                && l.contains("\"subject\":\"COK\"")
                && l.contains("\"predicate\":\"mbt.deposit\"")
            {
                edited += 1;
                l.replace("\"confidence\":\"medium\"", "\"confidence\":\"low\"")
            } else {
                l.to_string()
            }
        })
        .collect();
    assert_eq!(edited, 1, "one deposit row for the Cook Islands");
    std::fs::write(&d, lines.join("\n") + "\n").unwrap();
    kb.ok(&["db", "restore", "--replace", d.to_str().unwrap()]);
    let list = kb.ok(&["states", "--as-of", "2026-06-01"]);
    assert!(
        list.lines()
            .any(|l| l.starts_with("COK") && l.contains("UNVERIFIED")),
        "{list}"
    );
    assert_eq!(
        list.lines().filter(|l| l.contains("UNVERIFIED")).count(),
        1,
        "only that one"
    );
    let status = kb.ok(&["status", "Cook Islands", "--as-of", "2026-06-01"]);
    assert!(status.contains("UNVERIFIED"), "{status}");
    let json = kb.json(&["status", "COK", "--as-of", "2026-06-01"]);
    assert_eq!(json["confidence"], "low");
    let history = kb.ok(&["history", "COK"]);
    assert!(
        history
            .lines()
            .any(|l| l.contains("2006-03-15") && l.contains("UNVERIFIED")),
        "{history}"
    );
    let deadlines = kb.ok(&["deadlines", "COK"]);
    assert!(
        deadlines
            .lines()
            .any(|l| l.starts_with("note:") && l.contains("COK") && l.contains("UNVERIFIED")),
        "{deadlines}"
    );
    let check = kb.json(&["db", "check"]);
    assert!(check
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["iso3"] == "COK" && f["code"] == "unverified"));
}

#[test]
fn history_and_votes() {
    let kb = Kb::new();
    let h = kb.json(&["history", "Finland"]);
    let events = h["events"].as_array().unwrap();
    let dates: Vec<&str> = events.iter().filter_map(|e| e["date"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "date order");
    let kinds: Vec<&str> = events.iter().map(|e| e["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds.first(), Some(&"ccw-party"));
    assert_eq!(kinds.last(), Some(&"withdrawal-effective"));
    assert!(kinds.contains(&"entry-into-force") && kinds.contains(&"unga-vote"));
    // Each CCW date carries its own grade. Finland's two dates are both checked against
    // sources (CCW medium, Amended Protocol II high); Pakistan's CCW deposit was not
    // found in a source (unverified) while its Amended Protocol II deposit was, in the
    // UN's treaty database.
    let unverified = |e: &serde_json::Value| {
        e["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f.as_str().unwrap().contains("UNVERIFIED"))
    };
    let event = |h: &serde_json::Value, k: &str| {
        h["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == k)
            .unwrap()
            .clone()
    };
    let grade = |e: &serde_json::Value| (e["date"].clone(), e["confidence"].clone());
    let (ccw, apii) = (event(&h, "ccw-party"), event(&h, "ccw-apii-consent"));
    assert_eq!(grade(&ccw), ("1982-04-08".into(), "medium".into()));
    assert_eq!(grade(&apii), ("1998-04-02".into(), "high".into()));
    assert!(!unverified(&ccw) && !unverified(&apii), "{h:#}");
    let pak = kb.json(&["history", "Pakistan"]);
    let (ccw, apii) = (event(&pak, "ccw-party"), event(&pak, "ccw-apii-consent"));
    assert_eq!(grade(&ccw), ("1985-04-01".into(), "low".into()));
    assert!(unverified(&ccw), "{pak:#}");
    assert_eq!(grade(&apii), ("1999-03-09".into(), "high".into()));
    assert!(!unverified(&apii), "{pak:#}");
    let v = kb.json(&["votes", "USA"]);
    let votes = v["votes"].as_array().unwrap();
    assert_eq!(votes.len(), 25);
    let last = votes.iter().find(|x| x["resolution"] == "74/61").unwrap();
    assert_eq!(
        (
            last["vote"].as_str(),
            last["yes"].as_i64(),
            last["abstain"].as_i64()
        ),
        (Some("abstain"), Some(169), Some(18))
    );
    let text = kb.ok(&["votes", "USA"]);
    assert!(text.contains("not the plenary date"), "{text}");
    assert!(text.contains("not the treaty resolution"), "{text}");
    assert_eq!(v["un_member"], true);
    // Kosovo is not a UN member: no vote on any resolution, and the output says why.
    let v = kb.json(&["votes", "Kosovo"]);
    assert_eq!(v["un_member"], false);
    let votes = v["votes"].as_array().unwrap();
    assert!(!votes.is_empty() && votes.iter().all(|x| x["vote"].is_null()));
    let text = kb.ok(&["votes", "Kosovo"]);
    assert!(
        text.contains("Kosovo is not a UN member state and has no vote"),
        "{text}"
    );
}

fn dump(kb: &Kb, db: &Path, out: &Path) {
    let o = kb
        .cmd()
        .arg("--db")
        .arg(db)
        .args(["db", "dump", "-o"])
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn dump_and_restore_round_trip() {
    let kb = Kb::new();
    kb.ok(&["db", "init"]);
    let d1 = kb.dir.path().join("one.jsonl");
    dump(&kb, &kb.db, &d1);
    let other = kb.dir.path().join("restored.db");
    let o = kb
        .cmd()
        .arg("--db")
        .arg(&other)
        .args(["db", "restore"])
        .arg(&d1)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let d2 = kb.dir.path().join("two.jsonl");
    dump(&kb, &other, &d2);
    assert!(
        std::fs::read(&d1).unwrap() == std::fs::read(&d2).unwrap(),
        "dump -> restore -> dump is the identity"
    );
    // Into a database that holds data: refused, unless --replace.
    let e = kb.fails(&["db", "restore", d1.to_str().unwrap()]);
    // (Initialised only: it says the replacing loses nothing.)
    assert!(e.contains("only the reference data and no profiles"), "{e}");
    // `-o -` is standard output.
    let o = kb.run(&["db", "dump", "-o", "-"]);
    assert!(o.status.success());
    assert_eq!(o.stdout, std::fs::read(&d1).unwrap());
    assert!(!std::path::Path::new("-").exists());
    assert!(
        e.contains("already holds data") && e.contains("--replace"),
        "{e}"
    );
    kb.ok(&["db", "restore", "--replace", d1.to_str().unwrap()]);
    // A corrupt dump changes nothing.
    let bad = kb.dir.path().join("bad.jsonl");
    let text = std::fs::read_to_string(&d1).unwrap();
    let cut: String = text.lines().take(100).map(|l| format!("{l}\n")).collect();
    std::fs::write(&bad, cut).unwrap();
    let e = kb.fails(&["db", "restore", "--replace", bad.to_str().unwrap()]);
    assert!(e.contains("truncated"), "{e}");
    let d3 = kb.dir.path().join("three.jsonl");
    dump(&kb, &kb.db, &d3);
    assert!(std::fs::read(&d1).unwrap() == std::fs::read(&d3).unwrap());
}

#[test]
fn a_file_that_is_not_a_database_is_named_in_the_error() {
    let kb = Kb::new();
    let junk = kb.dir.path().join("junk.db");
    std::fs::write(&junk, "hello, I am a text file and not an SQLite database").unwrap();
    let o = kb
        .cmd()
        .arg("--db")
        .arg(&junk)
        .args(["status", "FIN"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(
        e.contains("junk.db") && e.contains("not an SQLite database"),
        "{e}"
    );
    assert_eq!(
        std::fs::read_to_string(&junk).unwrap(),
        "hello, I am a text file and not an SQLite database"
    );
}

#[test]
fn ingest_stores_versions_and_skips_unchanged_files() {
    let kb = Kb::new();
    let dir = kb.dir.path().join("profiles");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds/000_bd786dfe2a2cbc87.txt"))
        .unwrap_or_else(|_| {
            "United States\n\nMine Ban Policy\n\nLast updated: 16 November 2020\n\nThe US has not acceded.[1]\n\n[1] US Department of State, \"Policy\", Washington, DC, 31 January 2020.\n".into()
        });
    std::fs::write(dir.join("us.txt"), &seed).unwrap();
    let newer = seed.replace("16 November 2020", "10 November 2021");
    std::fs::write(dir.join("sub").join("us-2021.txt"), &newer).unwrap();
    std::fs::write(dir.join("ignored.bin"), b"\x00\x01").unwrap();
    let out = kb.json(&["ingest", dir.to_str().unwrap()]);
    assert_eq!(
        (out["stored"].as_u64(), out["unchanged"].as_u64()),
        (Some(2), Some(0)),
        "{out}"
    );
    let again = kb.json(&["ingest", dir.to_str().unwrap()]);
    assert_eq!(
        (again["stored"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(2)),
        "{again}"
    );
    let stats = kb.json(&["db", "stats"]);
    let pv = stats["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t[0] == "profile_version")
        .unwrap()[1]
        .as_i64();
    assert_eq!(pv, Some(2));
    // The notes of both versions, a row each in the view (the seed's notes included).
    let notes = stats["views"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t[0] == "profile_note")
        .unwrap()[1]
        .as_i64()
        .unwrap();
    // The seed has 30 notes; the stand-in used without it, one.
    let per_version = if seed.contains("[30]") { 30 } else { 1 };
    assert_eq!(notes, 2 * per_version, "{stats}");
    let h = kb.json(&["history", "USA"]);
    let profiles: Vec<&serde_json::Value> = h["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "profile-version")
        .collect();
    assert_eq!(profiles.len(), 2, "{h:#}");
    assert_eq!(profiles[0]["date"], "2020-11-16");
    assert_eq!(profiles[1]["date"], "2021-11-10");
    let missing = kb.fails(&["ingest", kb.dir.path().join("nope.txt").to_str().unwrap()]);
    assert!(missing.contains("nope.txt"), "{missing}");
    // Each version keeps its model in the compact form, which expands to the full
    // form of what the reader makes of the stored text.
    let conn = rusqlite::Connection::open(&kb.db).unwrap();
    let mut st = conn
        .prepare("SELECT text, model_json FROM profile_version ORDER BY id")
        .unwrap();
    let rows: Vec<(String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 2);
    for (text, model) in rows {
        assert!(model.starts_with("{\"v\":2,"), "{model}");
        let doc = minewatch_profile::read(text.as_bytes());
        let full: serde_json::Value = serde_json::from_str(&doc.stored().to_json()).unwrap();
        assert_eq!(minewatch_profile::stored::expand(&model).unwrap(), full);
        assert!(model.len() * 2 < doc.stored().to_json().len());
    }
}

#[test]
fn ingest_stores_extracted_facts_as_candidates_with_their_sources() {
    let kb = Kb::new();
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/000_bd786dfe2a2cbc87.txt"
    );
    kb.ok(&["ingest", seed]);
    let v = kb.json(&["facts", "United States"]);
    let facts = v["facts"].as_array().unwrap();
    assert!(facts.len() >= 15, "{v}");
    assert!(facts.iter().all(|f| f["status"] == "candidate"));
    // The 2014 stockpile figure, bound to its sentence, its note [24] and that note's citation.
    let stock = facts
        .iter()
        .find(|f| f["fact"]["predicate"] == "stockpile.total" && f["fact"]["value"] == 3_000_000)
        .expect("the 2014 stockpile total");
    assert_eq!(stock["fact"]["qualifier"], "more-than");
    assert_eq!(stock["fact"]["notes"], serde_json::json!([24]));
    assert!(stock["source"]["title"]
        .as_str()
        .unwrap()
        .contains("active stockpile"));
    // A fact whose note is missing has no source: a gap, shown as such.
    let human = kb.ok(&["facts", "USA", "--predicate", "policy.announced"]);
    assert!(
        human.contains("note missing from the profile (source gap)"),
        "{human}"
    );
    // What a fact says beyond its value is listed with it (its stored form read back).
    let human = kb.ok(&["facts", "USA", "--predicate", "production.quantity"]);
    assert!(
        human.contains("production.quantity = 450000 mines [type ADAM; cost 120000000 USD]"),
        "{human}"
    );
    // No line of the listing ends in spaces (a fact without notes or a low one had).
    let all = kb.ok(&["facts", "USA"]);
    assert!(all.lines().all(|l| l == l.trim_end()), "{all}");
    // Ingesting again changes nothing: no duplicate candidates.
    kb.ok(&["ingest", seed]);
    assert_eq!(kb.json(&["facts", "USA"])["count"], v["count"]);
}

#[test]
fn facts_of_a_state_list_what_donors_gave_it_by_whom() {
    let kb = Kb::new();
    // Our own Support for Mine Action fixture: money Angola received, and the donors'
    // parts (each donor's spending, its recipient Angola).
    let support = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../minewatch-extract/tests/fixtures/support/angola.txt"
    );
    kb.ok(&["ingest", support]);
    let angola = kb.ok(&["facts", "Angola"]);
    assert!(
        angola.contains("spending by USA = 8200000 USD [to AGO] (as of 2024)"),
        "{angola}"
    );
    assert!(
        angola.contains("support.received = 21400000 USD [from 6 donor(s)] (as of 2024)"),
        "{angola}"
    );
    // The donor's own listing has it as its spending, without "by".
    let usa = kb.ok(&["facts", "United States"]);
    assert!(
        usa.contains("spending = 8200000 USD [to AGO] (as of 2024)"),
        "{usa}"
    );
    // In JSON the fact keeps its subject and recipient.
    let v = kb.json(&["facts", "AGO", "--predicate", "spending"]);
    let facts = v["facts"].as_array().unwrap();
    assert!(!facts.is_empty(), "{v}");
    assert!(facts
        .iter()
        .all(|f| f["fact"]["recipient"] == "AGO" && f["fact"]["subject"] != "AGO"));
    // A state that neither gave nor received has none of them.
    let finland = kb.run(&["facts", "Finland"]);
    assert!(!String::from_utf8_lossy(&finland.stdout).contains("spending"));
}

#[test]
fn compliance_reads_stockpile_facts_from_ingested_profiles() {
    let kb = Kb::new();
    let v = kb.json(&["compliance", "Belarus"]);
    assert_eq!(
        v["violations"].as_array().unwrap().len(),
        0,
        "nothing stored yet: {v}"
    );
    assert!(v["notes"][0]
        .as_str()
        .unwrap()
        .contains("no stockpile facts are stored"));
    // Nothing to weigh is no finding either way: said so, not "no violation".
    assert_eq!(v["assessed"], false, "{v}");
    assert!(
        v["explanation"]
            .as_str()
            .unwrap()
            .contains("compliance cannot be assessed"),
        "{v}"
    );
    let human = kb.ok(&["compliance", "Belarus"]);
    assert!(
        human.contains("NOT ASSESSED: no stockpile facts."),
        "{human}"
    );
    assert!(!human.contains("No violation"), "{human}");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../minewatch-extract/tests/fixtures/belarus.txt"
    );
    kb.ok(&["ingest", fixture]);
    let v = kb.json(&["compliance", "BLR"]);
    let viol = v["violations"].as_array().unwrap();
    assert_eq!(viol.len(), 1, "{v}");
    assert_eq!(viol[0]["from"], "2008-03-02", "the day after the deadline");
    assert_eq!(viol[0]["until"], "2017-04-01");
    let weighed = v["facts"].clone();
    // A later edition of the same profile repeats its facts: each is weighed once.
    let later = kb.dir.path().join("belarus.txt");
    let text = std::fs::read_to_string(fixture).unwrap();
    let edited = text.replacen(
        "Last updated:",
        "Last updated: 2 February 2030\nWas updated:",
        1,
    );
    assert_ne!(edited, text, "the fixture has a last-updated line");
    std::fs::write(&later, edited).unwrap();
    kb.ok(&["ingest", later.to_str().unwrap()]);
    let v = kb.json(&["compliance", "BLR"]);
    assert_eq!(v["facts"], weighed, "{v}");
    assert_eq!(v["violations"].as_array().unwrap().len(), 1, "{v}");
}

/// `facts STATE` lists the current version of each profile (the edition last updated
/// latest); `--all-versions` adds the earlier ones, each labelled; `--predicate` takes a
/// predicate or its family and refuses anything else with the nearest names.
#[test]
fn facts_are_the_current_editions_unless_all_versions_are_asked() {
    let kb = Kb::new();
    let p = kb.dir.path().join("norway.txt");
    let edition = |updated: &str, withdrawn: &str| {
        format!("Norway\n\nMine Ban Policy\n\nLast updated: {updated}\n\nNorway ratified the Mine Ban Treaty on 9 July 1998.[1] It destroyed its stockpile of 1,500 antipersonnel mines in {withdrawn}.[1]\n\n[1] A source of our own, 2020.\n")
    };
    std::fs::write(&p, edition("1 May 2020", "2001")).unwrap();
    kb.ok(&["ingest", p.to_str().unwrap()]);
    std::fs::write(&p, edition("1 May 2021", "2002")).unwrap();
    kb.ok(&["ingest", p.to_str().unwrap()]);
    // An older edition ingested last is not the current one.
    std::fs::write(&p, edition("1 May 2019", "2000")).unwrap();
    kb.ok(&["ingest", p.to_str().unwrap()]);
    let v = kb.json(&["facts", "Norway", "--predicate", "stockpile"]);
    let values: Vec<(String, bool, i64)> = v["facts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["fact"]["as_of"].as_str().unwrap_or("").to_string(),
                f["current"].as_bool().unwrap(),
                f["version"].as_i64().unwrap(),
            )
        })
        .collect();
    assert!(!values.is_empty(), "{v}");
    assert!(
        values.iter().all(|(a, c, n)| a == "2002" && *c && *n == 2),
        "{values:?}"
    );
    let all = kb.json(&[
        "facts",
        "Norway",
        "--predicate",
        "stockpile",
        "--all-versions",
    ]);
    assert_eq!(
        all["count"].as_u64().unwrap(),
        3 * v["count"].as_u64().unwrap(),
        "{all}"
    );
    let human = kb.ok(&["facts", "Norway", "--predicate", "stockpile"]);
    assert!(
        human.contains("more from earlier versions: --all-versions lists them"),
        "{human}"
    );
    let human = kb.ok(&["facts", "Norway", "--all-versions"]);
    assert!(
        human.contains("(v2, current)") && human.contains("(v3, superseded)"),
        "{human}"
    );
    let err = kb.fails(&["facts", "Norway", "--predicate", "stockpile.totl"]);
    assert!(
        err.contains("unknown predicate 'stockpile.totl'; did you mean stockpile.total"),
        "{err}"
    );
}

/// A stockpile figure the profile gives no date is stored but cannot be weighed against
/// the deadline: compliance says it left it out, and where it stands, instead of saying
/// nothing is stored.
#[test]
fn compliance_names_the_stored_figures_it_could_not_place_in_time() {
    let kb = Kb::new();
    let path = kb.dir.path().join("oman.txt");
    std::fs::write(
        &path,
        "Oman\n\nMine Ban Policy\n\nLast updated: 3 March 2023\n\n\
         Oman declared a stockpile of 15,372 antipersonnel mines in its initial report.[1]\n\n\
         [1] Initial report, 2015.\n",
    )
    .unwrap();
    kb.ok(&["ingest", path.to_str().unwrap()]);
    let v = kb.json(&["compliance", "Oman"]);
    let notes: Vec<&str> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    let at = format!("{}:7", path.display());
    assert_eq!(
        notes,
        [format!("no stockpile fact stored for Oman can be placed in time: a stockpile of 15372 mines with no date ({at})")],
        "{v}"
    );
    // With a dated completion beside it, the completion is weighed and the figure named.
    std::fs::write(
        &path,
        "Oman\n\nMine Ban Policy\n\nLast updated: 3 March 2024\n\n\
         Oman declared a stockpile of 15,372 antipersonnel mines in its initial report.[1] \
         Oman reported completing the destruction of its stockpile on 30 November 2018.[1]\n\n\
         [1] Initial report, 2015.\n",
    )
    .unwrap();
    kb.ok(&["ingest", path.to_str().unwrap()]);
    let v = kb.json(&["compliance", "Oman"]);
    let notes = v["notes"].as_array().unwrap();
    assert!(
        notes[0]
            .as_str()
            .unwrap()
            .starts_with("1 stockpile fact(s)"),
        "{v}"
    );
    assert_eq!(
        notes[1],
        format!("left out: a stockpile of 15372 mines with no date ({at})").as_str(),
        "{v}"
    );
}

/// A database file damaged in the middle (a disk fault, a copy cut short and patched):
/// `db check` finds it and says so, naming the file, instead of a clean bill.
#[test]
fn db_check_finds_a_damaged_file() {
    let kb = Kb::new();
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");
    kb.ok(&["ingest", examples]);
    let out = kb.ok(&["db", "check"]);
    assert!(out.starts_with("integrity check: ok"), "{out}");
    // Garbage over pages in the middle of the file (not its header page).
    let mut bytes = std::fs::read(&kb.db).unwrap();
    let mid = bytes.len() / 2 / 16384 * 16384;
    for b in &mut bytes[mid + 100..mid + 16000] {
        *b = 0xA5;
    }
    std::fs::write(&kb.db, &bytes).unwrap();
    let err = kb.fails(&["db", "check"]);
    assert!(err.contains(&kb.db.display().to_string()), "{err}");
    assert!(err.contains("damaged"), "{err}");
}

/// A file that names no state is stored (it may be a profile whose header was lost)
/// but not silently: a warning names it, and the JSON summary lists it beside the
/// files that could not be read.
#[test]
fn ingest_warns_of_a_file_of_no_recognised_state_and_lists_failures_in_json() {
    let kb = Kb::new();
    let dir = kb.dir.path().join("odd");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a-note.txt"), "x1\n").unwrap();
    std::fs::write(dir.join("b-empty.txt"), "").unwrap();
    let o = kb.run(&["ingest", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "the empty file is unreadable");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("a-note.txt: no state recognised in its header or title"),
        "{err}"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("2 profiles: 1 stored as new version, 0 unchanged, 1 unreadable, 1 of no recognised state"), "{out}");
    std::fs::write(dir.join("a-note.txt"), "x2\n").unwrap();
    let o = kb.run(&["ingest", "--format", "json", dir.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["warnings"].as_array().unwrap().len(), 1, "{v}");
    let errors = v["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{v}");
    assert!(errors[0].as_str().unwrap().contains("b-empty.txt"), "{v}");
}

#[test]
fn ingest_refuses_binary_and_empty_files_and_stores_the_rest() {
    let kb = Kb::new();
    let dir = kb.dir.path().join("mixed");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a-binary.txt"), b"\x00\x01\x02\xff").unwrap();
    std::fs::write(dir.join("b-empty.txt"), b"").unwrap();
    std::fs::write(dir.join("c-good.txt"), b"Finland\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nFinland acceded on 9 January 2012.[1]\n\n[1] Source, 2012.\n").unwrap();
    let o = kb.run(&["ingest", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("a-binary.txt: this looks like a binary file"),
        "{err}"
    );
    assert!(
        err.contains("b-empty.txt: the file is empty; not stored"),
        "{err}"
    );
    let v = kb.json(&["db", "stats"]);
    assert!(
        v["tables"].to_string().contains("[\"profile_version\",1]"),
        "only the good file is stored: {v}"
    );
}

#[test]
fn restore_of_a_binary_file_names_the_line_and_changes_nothing() {
    let kb = Kb::new();
    kb.ok(&["db", "init"]);
    let before = kb.json(&["db", "stats"])["tables"].clone();
    let bad = kb.dir.path().join("bad.jsonl");
    std::fs::write(&bad, b"\xff\xfe\x00binary").unwrap();
    let err = kb.fails(&["db", "restore", "--replace", bad.to_str().unwrap()]);
    assert!(err.contains("line 1: not UTF-8 text"), "{err}");
    // Restored in bulk (a rollback journal), and back in WAL after the failure.
    let conn = rusqlite::Connection::open(&kb.db).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(conn);
    assert_eq!(
        kb.json(&["db", "stats"])["tables"],
        before,
        "the database is as it was"
    );
}

/// A "dump" that never ends a line (`/dev/zero`) is refused once a line passes the
/// limit, naming the line; the database is as it was.
#[test]
fn restore_of_endless_input_is_refused_and_changes_nothing() {
    let kb = Kb::new();
    kb.ok(&["db", "init"]);
    let before = kb.json(&["db", "stats"])["tables"].clone();
    let err = kb.fails(&["db", "restore", "--replace", "/dev/zero"]);
    assert!(err.contains("line 1: longer than 1024 MiB"), "{err}");
    assert_eq!(kb.json(&["db", "stats"])["tables"], before);
}

/// An ingest killed midway leaves every committed transaction whole and nothing of the
/// one it was writing: the database opens (back in WAL), passes SQLite's integrity
/// check, holds whole chunks only (transactions end where chunks end), and the next
/// ingest stores exactly the rest. Killed twice: as soon as the database file grows (inside the first
/// commit, as a rule), then once a commit has completed (its journal gone).
#[test]
fn an_ingest_killed_midway_keeps_whole_transactions_and_resumes() {
    let kb = Kb::new();
    let corpus = kb.corpus(1100, 7);
    kb.ok(&["db", "init"]);
    let journal = kb.db.with_extension("db-journal");
    let count = |kb: &Kb| {
        let stats = kb.json(&["db", "stats"]);
        stats["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t[0] == "profile_version")
            .unwrap()[1]
            .as_u64()
            .unwrap()
    };
    // Where transactions end, in profiles from the first: the corpus's 1,100 files cut
    // as `ingest` cuts them (also when it goes over them again: the files stored
    // already are skipped inside their chunks).
    let paths: Vec<usize> = (0..1100).collect();
    let ends: Vec<u64> = std::iter::once(0)
        .chain(
            chunks::chunked(&paths, chunks::BATCH, chunks::workers())
                .iter()
                .scan(0u64, |n, c| {
                    *n += c.len() as u64;
                    Some(*n)
                }),
        )
        .collect();
    let mut stored = 0;
    for wait_for_commit in [false, true] {
        let before = std::fs::metadata(&kb.db).unwrap().len();
        let mut child = kb
            .cmd()
            .arg("--db")
            .arg(&kb.db)
            .arg("ingest")
            .arg(&corpus)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let t = std::time::Instant::now();
        while t.elapsed() < std::time::Duration::from_secs(60) {
            let grown = std::fs::metadata(&kb.db).map_or(0, |m| m.len()) > before;
            if grown && (!wait_for_commit || !journal.exists())
                || child.try_wait().unwrap().is_some()
            {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let finished = child.try_wait().unwrap().is_some();
        child.kill().ok();
        child.wait().unwrap();
        let now = count(&kb);
        assert!(
            now >= stored,
            "committed profiles were lost: {now} < {stored}"
        );
        if !finished {
            assert!(
                ends.contains(&now),
                "a partial transaction survived: {now} (transactions end at {ends:?})"
            );
            if wait_for_commit {
                assert!(now > stored, "the commit waited for is kept");
            }
        }
        stored = now;
        let conn = rusqlite::Connection::open(&kb.db).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal", "opening returned the database to WAL");
    }
    let again = kb.json(&["ingest", corpus.to_str().unwrap()]);
    assert_eq!(again["stored"].as_u64(), Some(1100 - stored), "{again}");
    assert_eq!(again["unchanged"].as_u64(), Some(stored), "{again}");
    assert_eq!(count(&kb), 1100);
}

/// Ctrl-C during an ingest: the transaction under way is committed, the summary says
/// what was stored (JSON: `"interrupted": true`), the exit code is 130, and the next
/// ingest stores exactly the rest.
#[test]
fn an_interrupted_ingest_says_what_it_stored_and_resumes() {
    let kb = Kb::new();
    let corpus = kb.corpus(1100, 11);
    kb.ok(&["db", "init"]);
    let before = std::fs::metadata(&kb.db).unwrap().len();
    let child = kb
        .cmd()
        .arg("--db")
        .arg(&kb.db)
        .args(["ingest", "--format", "json"])
        .arg(&corpus)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Once the first commit is under way, interrupt it.
    let t = std::time::Instant::now();
    while std::fs::metadata(&kb.db).map_or(0, |m| m.len()) <= before
        && t.elapsed() < std::time::Duration::from_secs(60)
    {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let o = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr);
    let summary: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)));
    let stored = summary["stored"].as_u64().unwrap();
    if o.status.success() {
        // (The whole corpus was written before the signal came: nothing to resume.)
        assert_eq!(stored, 1100, "{summary}");
        return;
    }
    assert_eq!(o.status.code(), Some(130), "{stderr}");
    assert!(
        stderr.contains("interrupted: the profiles counted above are stored"),
        "{stderr}"
    );
    assert_eq!(summary["interrupted"], true, "{summary}");
    assert!(stored < 1100, "{summary}");
    let again = kb.json(&["ingest", corpus.to_str().unwrap()]);
    assert_eq!(again["stored"].as_u64(), Some(1100 - stored), "{again}");
    assert_eq!(again["unchanged"].as_u64(), Some(stored), "{again}");
    assert!(again.get("interrupted").is_none(), "{again}");
}

/// A page whose header was lost under a site's menu is stored as the profile of the
/// state its own title names ("REPUBLIC OF MOLDOVA, Landmine Monitor Report 2004"),
/// not of an unknown subject: `history` lists it.
#[test]
fn ingest_keys_a_headerless_page_by_the_state_its_title_names() {
    let kb = Kb::new();
    let page = kb.dir.path().join("page.txt");
    std::fs::write(
        &page,
        "About Us\nThe Issues\nTable of Contents\nCountry Reports\n\nREPUBLIC OF MOLDOVA, Landmine Monitor Report 2004\n\nMine Ban Policy\n\nMoldova voted in favor of Resolution 58/53 on 8 December 2003.\n",
    )
    .unwrap();
    kb.ok(&["ingest", page.to_str().unwrap()]);
    let profiles = kb.profile_versions("Moldova");
    assert_eq!(profiles.len(), 1, "{profiles:?}");
    assert!(profiles[0]["source"]
        .as_str()
        .unwrap()
        .ends_with("page.txt"));
}

/// A profile version's stored findings are what `check --no-cross-checks` reports on
/// it, and the history says so: the cross-checks weigh the text against reference data
/// that improves between releases, so `check` gives them fresh (a stated entry into
/// force that Art. 17 contradicts is an error there, not in the stored counts).
#[test]
fn stored_findings_are_the_profile_checks_and_say_so() {
    let kb = Kb::new();
    let p = kb.dir.path().join("peru.md");
    std::fs::write(
        &p,
        "---\ncountry: Peru\ntype: Mine Ban Policy\nlast_updated: 2026-10-01\n---\n\n# Commitment to the Mine Ban Treaty\n\nPeru signed the Mine Ban Treaty on 3 December 1997 and ratified it on 17 June 1998. It entered into force for Peru on 1 January 1999.[^1]\n\n[^1]: A source of our own, 2025.\n",
    )
    .unwrap();
    let path = p.to_str().unwrap();
    let counts = |args: &[&str]| {
        let o = kb.run(args);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let diags = v["files"][0]["diagnostics"].as_array().unwrap().clone();
        let n = |sev: &str| diags.iter().filter(|d| d["severity"] == sev).count();
        (n("error"), n("warning"), diags)
    };
    let (e, w, all) = counts(&["check", "--format", "json", path]);
    assert!(
        all.iter().any(|d| d["code"] == "treaty-date-mismatch") && e >= 1,
        "{all:#?}"
    );
    let (pe, pw, _) = counts(&["check", "--format", "json", "--no-cross-checks", path]);
    assert!((pe, pw) != (e, w));
    kb.ok(&["ingest", path]);
    let versions = kb.profile_versions("Peru");
    let version = versions.first().expect("the profile version");
    // ("1 warning", "0 errors": a count of one takes the singular.)
    let n_of = |n: usize, noun: &str| format!("{n} {noun}{}", if n == 1 { "" } else { "s" });
    let want = format!(
        "profile checks at ingest: {}, {}",
        n_of(pe, "error"),
        n_of(pw, "warning")
    );
    assert!(
        version["description"].as_str().unwrap().contains(&want),
        "{want}: {version}"
    );
    assert!(
        version["description"]
            .as_str()
            .unwrap()
            .contains("; 1 note;"),
        "{version}"
    );
}
