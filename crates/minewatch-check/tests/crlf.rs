//! Line endings do not move a diagnostic: every fixture (and the seed, when it is
//! there) written with "\r\n" gives, in JSON, the lines and columns it gives with
//! "\n" — `end_column` included, which had counted the "\r" of a span that reaches
//! its line's end (a lost heading's line, a near-duplicate paragraph's first line).

use std::path::Path;

use minewatch_check::render::{self, FileReport};
use minewatch_check::{check, Options};
use serde_json::Value;

/// The JSON of one file's diagnostics, without their messages (a byte offset named in
/// one, as `invalid-utf8` and `binary-input` do, counts the "\r"s before it).
fn positions(bytes: &[u8]) -> Vec<Value> {
    let doc = minewatch_profile::read(bytes);
    let opts = Options {
        as_of: "2026-11-30".parse().unwrap(),
        ..Options::default()
    };
    let diags = check(&doc, &opts);
    let json = render::json_file(&FileReport {
        path: "profile",
        text: &doc.text,
        diagnostics: &diags,
    });
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let mut d = d.clone();
            d.as_object_mut().unwrap().remove("message");
            d
        })
        .collect()
}

fn with_line_ending(bytes: &[u8], crlf: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() * 11 / 10);
    for &b in bytes {
        match b {
            b'\r' => {}
            b'\n' if crlf => out.extend_from_slice(b"\r\n"),
            _ => out.push(b),
        }
    }
    out
}

#[test]
fn crlf_line_endings_give_the_same_lines_and_columns() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e != "expected"))
        .collect();
    files.push(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/seeds/000_bd786dfe2a2cbc87.txt"),
    );
    files.sort();
    let mut checked = 0;
    let mut spans_at_line_ends = 0;
    for p in &files {
        let Ok(bytes) = std::fs::read(p) else {
            continue;
        };
        let lf = positions(&with_line_ending(&bytes, false));
        let crlf = positions(&with_line_ending(&bytes, true));
        assert_eq!(crlf, lf, "{}", p.display());
        spans_at_line_ends += lf
            .iter()
            .filter(|d| {
                matches!(
                    d["code"].as_str(),
                    Some("lost-heading" | "near-duplicate-paragraph")
                )
            })
            .count();
        checked += 1;
    }
    assert!(checked >= 10, "files checked: {checked}");
    assert!(
        spans_at_line_ends >= 1,
        "no span reaching a line's end was compared"
    );
}
