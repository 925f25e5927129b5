//! Snapshot tests of the three renderings (terminal, JSON, SARIF) on our own fixtures.

use minewatch_check::render::{self, FileReport};
use minewatch_check::{check, Options};

fn report(name: &str) -> (String, Vec<minewatch_model::Diagnostic>) {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let doc = minewatch_profile::read(&std::fs::read(p).unwrap());
    let opts = Options {
        as_of: "2026-11-30".parse().unwrap(),
        ..Options::default()
    };
    let diags = check(&doc, &opts);
    (doc.text, diags)
}

/// A checked fixture: its display path, text and diagnostics.
type Checked = (&'static str, String, Vec<minewatch_model::Diagnostic>);

/// The two checked fixtures the JSON and SARIF tests render.
fn two_fixtures() -> [Checked; 2] {
    [
        ("fixtures/plain-defects.txt", "plain-defects.txt"),
        ("fixtures/markdown.md", "markdown.md"),
    ]
    .map(|(path, name)| {
        let (text, diags) = report(name);
        (path, text, diags)
    })
}

fn reports<'a>(fixtures: &'a [Checked]) -> Vec<FileReport<'a>> {
    fixtures
        .iter()
        .map(|(path, text, diags)| FileReport {
            path,
            text,
            diagnostics: diags,
        })
        .collect()
}

#[test]
fn human_plain() {
    let (text, diags) = report("plain-defects.txt");
    let out = render::human(
        &FileReport {
            path: "fixtures/plain-defects.txt",
            text: &text,
            diagnostics: &diags,
        },
        false,
    );
    insta::assert_snapshot!(out);
}

#[test]
fn human_markdown_and_binary() {
    let mut out = String::new();
    for name in ["markdown.md", "binary.txt", "latin1.txt"] {
        let (text, diags) = report(name);
        out.push_str(&render::human(
            &FileReport {
                path: name,
                text: &text,
                diagnostics: &diags,
            },
            false,
        ));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn human_color_marks_severity() {
    let (text, diags) = report("markdown.md");
    let out = render::human(
        &FileReport {
            path: "m.md",
            text: &text,
            diagnostics: &diags,
        },
        true,
    );
    assert!(out.contains("\x1b[1;31merror[missing-note]"), "{out}");
}

#[test]
fn json_and_sarif() {
    let fixtures = two_fixtures();
    let files = reports(&fixtures);
    let json = render::json(&files);
    insta::assert_json_snapshot!("json", json);
    let sarif = render::sarif(&files, "0.1.0");
    // Shape that code-scanning tools rely on.
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), fixtures[0].2.len() + fixtures[1].2.len());
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(sarif["runs"][0]["tool"]["driver"]["rules"][idx]["id"], id);
        assert!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .unwrap()
                >= 1
        );
    }
    insta::assert_json_snapshot!("sarif", sarif);
}

/// Streaming a report item by item writes the very bytes of the whole document
/// pretty-printed at once, for no file, one file and several.
#[test]
fn streamed_reports_equal_whole_documents() {
    let fixtures = two_fixtures();
    let mut all = reports(&fixtures);
    all.push(FileReport {
        path: "clean.txt",
        text: "",
        diagnostics: &[],
    });
    for n in 0..=all.len() {
        let files = &all[..n];
        // JSON: one item per file.
        let mut s = render::ArrayStream::new(&render::json_frame(), "files").unwrap();
        let mut out = s.head().to_string();
        for f in files {
            out.push_str(s.separator());
            // What the CLI writes, and the generic path over the file's Value: the same.
            let item = render::json_file_item(f, s.indent());
            assert_eq!(
                item,
                render::ArrayStream::item(&render::json_file(f), s.indent())
            );
            // The CLI writes the item in pieces.
            assert_eq!(
                render::json_file_pieces(f, s.indent()).concat(),
                item.as_bytes()
            );
            out.push_str(&item);
        }
        out.push_str(&s.finish());
        assert_eq!(
            out,
            serde_json::to_string_pretty(&render::json(files)).unwrap()
        );
        // SARIF: one item per result.
        let mut s = render::ArrayStream::new(&render::sarif_frame("0.1.0"), "results").unwrap();
        let mut out = s.head().to_string();
        for f in files {
            let items = render::sarif_items(f, s.indent());
            assert_eq!(items.len(), f.diagnostics.len());
            for (r, item) in render::sarif_results(f).into_iter().zip(items) {
                out.push_str(s.separator());
                let made = render::ArrayStream::item(&r, s.indent());
                assert_eq!(item, made, "the CLI's item, made as the result is");
                out.push_str(&made);
            }
            // Human output in pieces is the same text.
            let mut p = render::Pieces::default();
            render::human_into(f, false, &mut p);
            assert_eq!(p.finish().concat(), render::human(f, false).as_bytes());
        }
        out.push_str(&s.finish());
        assert_eq!(
            out,
            serde_json::to_string_pretty(&render::sarif(files, "0.1.0")).unwrap()
        );
    }
    assert!(render::ArrayStream::new(&render::json_frame(), "nothing").is_none());
}
