//! Note-numbered messages write the note as the profile does: `[^3]` in a Markdown
//! profile whose notes are footnotes (they had said "note [3]"), `[3]` where the
//! profile writes `[3]`; the `note` field stays the plain number.

use minewatch_check::{check, Options};

fn messages(bytes: &[u8]) -> Vec<(String, Option<u32>, String, String)> {
    let doc = minewatch_profile::read(bytes);
    let opts = Options {
        as_of: "2026-11-30".parse().unwrap(),
        ..Options::default()
    };
    check(&doc, &opts)
        .into_iter()
        .filter(|d| d.note.is_some())
        .map(|d| {
            (
                d.code.to_string(),
                d.note,
                d.message.to_string(),
                d.help.as_deref().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn fixture(name: &str) -> Vec<u8> {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(p).unwrap()
}

#[test]
fn markdown_footnotes_are_named_as_the_profile_writes_them() {
    let got = messages(&fixture("markdown-footnotes.md"));
    let want = [
        (
            "missing-note",
            4,
            "note [^4] is referenced but missing from the notes list",
            "add the citation for [^4] to the notes at the end",
        ),
        (
            "duplicate-note",
            3,
            "note [^3] is defined twice",
            "renumber one of the notes, or remove the copy",
        ),
        (
            "unused-note",
            5,
            "note [^5] is not referenced anywhere in the text",
            "cite it where it supports a statement, or remove it",
        ),
        (
            "note-lost-link",
            5,
            "note [^5] ends where its link was stripped",
            "restore the URL from the source page",
        ),
    ]
    .map(|(c, n, m, h)| (c.to_string(), Some(n), m.to_string(), h.to_string()));
    assert_eq!(got, want);
}

/// A plain-text profile, and a Markdown one that writes its notes `[n]`, keep `[n]`.
#[test]
fn bracketed_notes_keep_their_brackets() {
    let plain = "Chile\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nChile signed the Mine Ban Treaty in 1997.[1] It ratified it in 2001.[2]\n\n[1] One, 1997.\n\n[1] Again, 1997.\n";
    let md = "---\ncountry: Chile\ntype: Mine Ban Policy\nlast_updated: 2026-05-01\n---\n\n# Chile\n\nChile signed the Mine Ban Treaty in 1997.[1] It ratified it in 2001.[2]\n\n## Notes\n\n[1] One, 1997.\n\n[1] Again, 1997.\n";
    for text in [plain, md] {
        let got: Vec<String> = messages(text.as_bytes())
            .into_iter()
            .map(|(_, _, m, _)| m)
            .collect();
        assert_eq!(
            got,
            [
                "note [2] is referenced but missing from the notes list",
                "note [1] is defined twice"
            ],
            "{text}"
        );
    }
}
