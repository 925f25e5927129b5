//! `minewatch check` as a user runs it: exit codes, formats, standard input, folders,
//! and bad input (missing, empty, binary, non-UTF-8, many files).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_minewatch"));
    c.env_remove("MINEWATCH_DB").env("NO_COLOR", "1");
    c
}

fn seed_path() -> String {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/000_bd786dfe2a2cbc87.txt"
    )
    .to_string()
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run minewatch")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&o.stdout)))
}

fn codes_with_notes(v: &serde_json::Value, code: &str) -> Vec<u64> {
    v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d["note"].as_u64().unwrap())
        .collect()
}

#[test]
fn seed_json_exit_code_and_missing_notes() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2026-11-30",
        &seed_path(),
    ]);
    assert_eq!(o.status.code(), Some(1), "errors found → exit 1");
    let v = json(&o);
    assert_eq!(codes_with_notes(&v, "missing-note"), vec![1, 5, 12, 21, 33]);
    assert_eq!(codes_with_notes(&v, "note-lost-link"), vec![3, 4]);
    let d = &v["files"][0]["diagnostics"][0];
    for field in [
        "code",
        "severity",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
    ] {
        assert!(!d[field].is_null(), "field {field}");
    }
    let dup = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "near-duplicate-paragraph")
        .unwrap();
    assert_eq!(dup["line"], 22);
    assert_eq!(dup["related"][0]["line"], 41);
}

#[test]
fn seed_is_not_stale_when_checked_as_of_its_own_date() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2021-01-01",
        &seed_path(),
    ]);
    let v = json(&o);
    let stale = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "stale-profile");
    assert!(!stale);
    let o = run(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2021-01-01",
        "--stale-after",
        "0",
        &seed_path(),
    ]);
    let v = json(&o);
    assert!(v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "stale-profile"));
}

#[test]
fn human_output_has_caret_and_summary() {
    let o = run(&["check", "--as-of", "2026-11-30", &seed_path()]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("error[missing-note]: note [1] is referenced but missing"));
    assert!(out.contains("^^^"));
    assert!(out.contains("= help:"));
    assert!(
        out.trim_end()
            .ends_with("5 error(s), 14 warning(s) in 1 file(s)"),
        "{out}"
    );
}

#[test]
fn sarif_is_valid_shape() {
    let o = run(&[
        "check",
        "--format",
        "sarif",
        "--as-of",
        "2026-11-30",
        &seed_path(),
    ]);
    let v = json(&o);
    assert_eq!(v["version"], "2.1.0");
    assert!(v["runs"][0]["results"].as_array().unwrap().len() >= 18);
}

#[test]
fn standard_input() {
    let mut child = bin()
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Finland\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nText.[1]\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let v = json(&o);
    assert_eq!(v["files"][0]["path"], "<stdin>");
    assert_eq!(codes_with_notes(&v, "missing-note"), vec![1]);
}

#[test]
fn unreadable_paths_exit_2_naming_the_file() {
    let o = run(&["check", "/nonexistent/profile.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("/nonexistent/profile.txt: no such file or folder"),
        "{err}"
    );
}

#[test]
fn bad_arguments_exit_2() {
    let o = run(&["check", "--as-of", "2026-13-01", &seed_path()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8(o.stderr).unwrap().contains("--as-of"));
    let o = run(&["check", "--format", "xml", &seed_path()]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["check"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn empty_binary_and_non_utf8_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.path().join("binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00\xff\xfe",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("latin1.txt"),
        b"Finland\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nCaf\xe9 text.\n",
    )
    .unwrap();
    let o = run(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "binary and empty inputs are errors"
    );
    let v = json(&o);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    let codes = |i: usize| -> Vec<String> {
        files[i]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(codes(0).contains(&"binary-input".to_string()));
    assert_eq!(codes(1), vec!["empty-input"]);
    assert_eq!(codes(2), vec!["invalid-utf8"]);
    let msg = files[2]["diagnostics"][0]["message"].as_str().unwrap();
    assert!(msg.contains("byte offset 55"), "{msg}");
}

#[test]
fn a_folder_of_thousands_of_files() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&[
        "gen-corpus",
        "--profiles",
        "2000",
        "--seed",
        "3",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(&[
        "check",
        "--stale-after",
        "1200",
        dir.path().to_str().unwrap(),
    ]);
    assert_ne!(o.status.code(), Some(2));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(
        out.trim_end().ends_with("in 2000 file(s)"),
        "{}",
        &out[out.len().saturating_sub(200)..]
    );
}

/// `--stale-after` takes any u32: a huge threshold means nothing is stale (it was cast
/// to i32, so 4294967295 months read as -1 and made every profile stale).
#[test]
fn a_huge_stale_after_makes_nothing_stale() {
    let stale = |months: &str| {
        let o = run(&[
            "check",
            "--format",
            "json",
            "--as-of",
            "2026-11-30",
            "--stale-after",
            months,
            "../../examples",
            &seed_path(),
        ]);
        assert_ne!(
            o.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        let v = json(&o);
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|f| f["diagnostics"].as_array().unwrap().iter())
            .filter(|d| matches!(d["code"].as_str(), Some("stale-profile" | "stale-as-of")))
            .count()
    };
    assert!(stale("0") >= 3, "everything is stale at 0 months");
    assert!(stale("12") >= 2, "the seed and an example at 12 months");
    for huge in ["2147483647", "2147483648", "4294967295"] {
        assert_eq!(stale(huge), 0, "--stale-after {huge}");
    }
}

/// A slip of the keyboard in `--profiles` is refused before anything is written: the
/// generator wrote 3 million files (12 GB) in two minutes when asked for 100 billion.
#[test]
fn gen_corpus_refuses_a_count_that_would_fill_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus");
    let o = run(&[
        "gen-corpus",
        "--profiles",
        "99999999999",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--profiles") && err.contains("0..=1000000"),
        "{err}"
    );
    assert!(!out.exists(), "nothing written");
}

/// A smaller corpus written over a larger one leaves the folder holding one corpus, as
/// its manifest says: the earlier corpus's other profiles go; files it did not write stay.
#[test]
fn gen_corpus_over_an_earlier_one_leaves_one_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus");
    let gen = |n: &str| {
        let o = run(&["gen-corpus", "--profiles", n, out.to_str().unwrap()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    gen("12");
    std::fs::write(out.join("ours.txt"), "kept").unwrap();
    gen("4");
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 6, "{names:?}");
    assert!(
        names.contains(&"ours.txt".to_string()) && names.contains(&"manifest.jsonl".to_string())
    );
    let manifest = std::fs::read_to_string(out.join("manifest.jsonl")).unwrap();
    assert_eq!(manifest.lines().count(), 4);
}

#[test]
fn seed_cross_check_contradicts_reference() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2026-11-30",
        &seed_path(),
    ]);
    let v = json(&o);
    let d = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "contradicts-reference")
        .expect("the 'since 1998' claim contradicts the 1997 vote record");
    assert_eq!(d["line"], 16);
    assert!(d["message"].as_str().unwrap().contains("52/38A"));
}

#[test]
fn generated_clean_profiles_have_no_cross_check_findings() {
    let dir = tempfile::tempdir().unwrap();
    let o = run(&[
        "gen-corpus",
        "--profiles",
        "300",
        "--seed",
        "5",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let o = run(&[
        "check",
        "--format",
        "json",
        "--stale-after",
        "1200",
        "--as-of",
        "2026-11-30",
        dir.path().to_str().unwrap(),
    ]);
    let v = json(&o);
    let cross = [
        "sum-mismatch",
        "treaty-date-mismatch",
        "conflicting-figures",
        "contradicts-reference",
    ];
    for f in v["files"].as_array().unwrap() {
        for d in f["diagnostics"].as_array().unwrap() {
            assert!(
                !cross.contains(&d["code"].as_str().unwrap()),
                "{}: {d}",
                f["path"]
            );
        }
    }
}

#[test]
fn no_cross_checks_runs_only_the_profile_checks() {
    let o = run(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2026-11-30",
        "--no-cross-checks",
        &seed_path(),
    ]);
    let v = json(&o);
    let codes: Vec<&str> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(!codes.contains(&"contradicts-reference"));
    assert_eq!(codes.iter().filter(|c| **c == "missing-note").count(), 5);
}

/// Input that would fill memory is refused with the reason, the other inputs still
/// checked: a file over the limit (refused by its size, unread), a device that never
/// ends, and standard input that goes on past the limit.
#[test]
fn endless_or_huge_input_is_refused_not_read_into_memory() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.txt");
    // Sparse: no disk used, 600 MiB as far as its size goes.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(600 << 20)
        .unwrap();
    let small = dir.path().join("small.txt");
    std::fs::write(
        &small,
        "Finland\nMine Ban Policy\nLast updated: 1 May 2026\n\nText.\n",
    )
    .unwrap();
    let o = run(&[
        "check",
        "--format",
        "json",
        huge.to_str().unwrap(),
        "/dev/zero",
        small.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    for name in [huge.to_str().unwrap(), "/dev/zero"] {
        assert!(
            err.contains(&format!(
                "{name}: larger than 512 MiB, the largest input minewatch reads; not read"
            )),
            "{err}"
        );
    }
    let v = json(&o);
    assert_eq!(
        v["files"].as_array().unwrap().len(),
        1,
        "the small file is checked"
    );
    // Standard input that does not end: refused once past the limit.
    let mut child = bin()
        .args(["check", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let block = vec![b'x'; 1 << 20];
        // Until minewatch stops reading (a broken pipe) or well past the limit.
        for _ in 0..700 {
            if stdin.write_all(&block).is_err() {
                break;
            }
        }
    });
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("<stdin>: larger than 512 MiB"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// A file with more diagnostics of one code than the cap lists the first ones, one
/// note counting the rest, and counts them all in the summary; `--max-per-code 0`
/// lists them all.
#[test]
fn a_file_with_thousands_of_one_finding_lists_the_first_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lost.txt");
    let mut text = String::from("Examplestan\n\nMine Ban Policy\n\nLast updated: 1 May 2020\n\n");
    for i in 0..1_500 {
        text.push_str(&format!("Paragraph number {i} stands alone.\n\n\n"));
    }
    std::fs::write(&path, &text).unwrap();
    let p = path.to_str().unwrap();
    let count = |v: &serde_json::Value, code: &str| {
        v["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == code)
            .count()
    };
    let capped = json(&run(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2020-06-01",
        p,
    ]));
    let lost = 1_500 - 1; // the first paragraph is not a lost heading
    assert_eq!(count(&capped, "lost-heading"), 1_000);
    assert_eq!(count(&capped, "too-many-diagnostics"), 1);
    let note = capped["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "too-many-diagnostics")
        .unwrap();
    assert_eq!(
        note["message"],
        format!(
            "{} more lost-heading diagnostics in this file are not listed (listed: the first 1000 of {lost})",
            lost - 1_000
        )
    );
    assert_eq!(note["severity"], "note");
    let all = json(&run(&[
        "check",
        "--format",
        "json",
        "--as-of",
        "2020-06-01",
        "--max-per-code",
        "0",
        p,
    ]));
    assert_eq!(count(&all, "lost-heading"), lost);
    assert_eq!(count(&all, "too-many-diagnostics"), 0);
    let human = run(&["check", "--as-of", "2020-06-01", "--max-per-code", "10", p]);
    let out = String::from_utf8_lossy(&human.stdout);
    assert_eq!(out.matches("warning[lost-heading]").count(), 10, "{out}");
    assert!(
        out.ends_with(&format!("0 error(s), {lost} warning(s) in 1 file(s)\n")),
        "the summary counts every finding: {out}"
    );
}

/// `--allow` leaves codes out (neither listed nor counted, so the exit code follows),
/// `--deny` counts them as errors (`warnings`: every warning), and a name that is no
/// code is an argument error naming the nearest code.
#[test]
fn allow_and_deny_codes() {
    let codes = |o: &Output| -> Vec<(String, String)> {
        json(o)["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap().to_string(),
                    d["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let seed = seed_path();
    let base = ["check", "--format", "json", "--as-of", "2026-11-30"];
    let plain = run(&[&base[..], &[seed.as_str()]].concat());
    let all = codes(&plain);
    assert!(all.iter().any(|c| c.0 == "missing-note"));
    assert!(all
        .iter()
        .any(|c| c.0 == "stale-profile" && c.1 == "warning"));

    // The seed's only errors are its missing notes: allowed, it passes.
    let o = run(&[&base[..], &["--allow", "missing-note,glued-words", &seed]].concat());
    assert_eq!(o.status.code(), Some(0));
    let left = codes(&o);
    assert!(left
        .iter()
        .all(|c| c.0 != "missing-note" && c.0 != "glued-words"));
    assert_eq!(
        left.len(),
        all.iter()
            .filter(|c| c.0 != "missing-note" && c.0 != "glued-words")
            .count()
    );

    // Denied, a warning is an error: in JSON, SARIF and the human summary.
    let o = run(&[
        &base[..],
        &["--allow", "missing-note", "--deny", "stale-profile", &seed],
    ]
    .concat());
    assert_eq!(o.status.code(), Some(1));
    assert!(codes(&o).contains(&("stale-profile".into(), "error".into())));
    let o = run(&[
        "check",
        "--deny",
        "warnings",
        "--as-of",
        "2026-11-30",
        &seed,
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("error[stale-profile]"), "{out}");
    assert!(
        out.trim_end().ends_with(&format!(
            "{} error(s), 0 warning(s) in 1 file(s)",
            all.len()
        )),
        "{out}"
    );
    let o = run(&[
        "check",
        "--format",
        "sarif",
        "--deny",
        "stale-profile",
        "--as-of",
        "2026-11-30",
        &seed,
    ]);
    let v = json(&o);
    let r = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "stale-profile")
        .unwrap();
    assert_eq!(r["level"], "error");

    // Wrong names: exit 2, the nearest code suggested, nothing checked.
    let o = run(&["check", "--allow", "missng-note", &seed]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("did you mean `missing-note`"), "{err}");
    assert!(o.stdout.is_empty());
    let o = run(&[
        "check",
        "--allow",
        "glued-words",
        "--deny",
        "glued-words",
        &seed,
    ]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["check", "--deny", "too-many-diagnostics", &seed]);
    assert_eq!(o.status.code(), Some(2));
}
