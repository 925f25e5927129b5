//! Data-driven fixtures: each profile in tests/fixtures/ has its expected
//! diagnostics beside it in NAME.expected, one per line:
//! `code line:column [note=N] [text=T]`. Run with UPDATE_EXPECT=1 to rewrite
//! them, then review the diff.

use std::path::Path;

use minewatch_check::{check, Options};
use minewatch_model::LineIndex;

fn render(bytes: &[u8]) -> String {
    let doc = minewatch_profile::read(bytes);
    assert_eq!(doc.to_bytes(), bytes, "the model rebuilds the input");
    let opts = Options {
        as_of: "2026-11-30".parse().unwrap(),
        ..Options::default()
    };
    let idx = LineIndex::new(&doc.text);
    let mut out = String::new();
    for d in check(&doc, &opts) {
        let lc = idx.line_col(&doc.text, d.span.start);
        out.push_str(&format!("{} {}:{}", d.code, lc.line, lc.column));
        if let Some(n) = d.note {
            out.push_str(&format!(" note={n}"));
        }
        if let Some(t) = &d.text {
            out.push_str(&format!(" text={t}"));
        }
        out.push('\n');
    }
    out
}

#[test]
fn fixtures_match_their_expected_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    names.sort();
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut failures = Vec::new();
    let mut count = 0;
    for p in names
        .iter()
        .filter(|p| p.extension().map(|e| e != "expected").unwrap_or(false))
    {
        let got = render(&std::fs::read(p).unwrap());
        let exp_path = p.with_extension("expected");
        if update {
            std::fs::write(&exp_path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&exp_path).unwrap_or_default();
        if got != want {
            failures.push(format!(
                "{}:\n--- expected\n{want}--- got\n{got}",
                p.display()
            ));
        }
        count += 1;
    }
    assert!(count >= 8, "fixtures found: {count}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
