//! The checker on the real seed profile (read from ../shared/seeds/, never copied here).

use minewatch_check::{check, Options};
use minewatch_model::LineIndex;

fn seed() -> Option<Vec<u8>> {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/000_bd786dfe2a2cbc87.txt"
    );
    std::fs::read(p).ok()
}

fn opts() -> Options {
    Options {
        as_of: "2026-11-30".parse().unwrap(),
        ..Options::default()
    }
}

#[test]
fn seed_findings_are_exactly_the_known_defects() {
    let Some(bytes) = seed() else {
        panic!("the seed profile ../shared/seeds/000_bd786dfe2a2cbc87.txt is missing");
    };
    let doc = minewatch_profile::read(&bytes);
    let diags = check(&doc, &opts());
    let idx = LineIndex::new(&doc.text);
    let line = |o: usize| idx.line_col(&doc.text, o).line;
    for d in &diags {
        eprintln!(
            "{} L{} {:?} {:?} {}",
            d.code,
            line(d.span.start),
            d.note,
            d.text,
            d.message
        );
    }
    let notes_of = |code: &str| -> Vec<u32> {
        diags
            .iter()
            .filter(|d| d.code == code)
            .filter_map(|d| d.note)
            .collect()
    };
    assert_eq!(notes_of("missing-note"), vec![1, 5, 12, 21, 33]);
    assert_eq!(notes_of("unused-note"), Vec::<u32>::new());
    assert_eq!(notes_of("duplicate-note"), Vec::<u32>::new());
    assert_eq!(notes_of("note-lost-link"), vec![3, 4]);
    let glued: Vec<&str> = diags
        .iter()
        .filter(|d| d.code == "glued-words")
        .filter_map(|d| d.text.as_deref())
        .collect();
    assert_eq!(glued, vec!["Defensefor", "TheVolcano"]);
    let dups: Vec<(usize, usize)> = diags
        .iter()
        .filter(|d| d.code == "near-duplicate-paragraph")
        .map(|d| (line(d.span.start), line(d.related[0].span.start)))
        .collect();
    assert_eq!(dups, vec![(22, 41)]);
    let tables: Vec<usize> = diags
        .iter()
        .filter(|d| d.code == "empty-table")
        .map(|d| line(d.span.start))
        .collect();
    assert_eq!(tables, vec![80]);
    let lost: Vec<usize> = diags
        .iter()
        .filter(|d| d.code == "lost-heading")
        .map(|d| line(d.span.start))
        .collect();
    assert_eq!(lost, vec![8, 39, 54, 59, 76, 159]);
    assert_eq!(
        diags.iter().filter(|d| d.code == "stale-profile").count(),
        1
    );
    assert_eq!(
        diags
            .iter()
            .filter(|d| d.code == "missing-last-updated")
            .count(),
        0
    );
    let known = [
        "missing-note",
        "note-lost-link",
        "glued-words",
        "near-duplicate-paragraph",
        "empty-table",
        "lost-heading",
        "stale-profile",
    ];
    assert!(
        diags.iter().all(|d| known.contains(&d.code)),
        "no other findings on the seed"
    );
}

#[test]
fn seed_is_read_losslessly() {
    let bytes = seed().expect("seed");
    assert_eq!(minewatch_profile::read(&bytes).to_bytes(), bytes);
}

/// A word with many case changes ("AbcAbcAbc…", as a stripped page can leave) is not
/// split at each of them: it is no glued pair, and checking it costs one pass. A word
/// with one case change next to it is still found.
#[test]
fn a_word_with_many_case_changes_is_not_split_at_each() {
    let long = "Abc".repeat(50_000);
    let text = format!(
        "Utopia\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nThe {long} stood here. The policy stays. TheVolcano erupted.\n"
    );
    let doc = minewatch_profile::read(text.as_bytes());
    let opts = minewatch_check::Options {
        as_of: "2026-06-01".parse().unwrap(),
        ..Default::default()
    };
    let glued: Vec<_> = minewatch_check::check(&doc, &opts)
        .into_iter()
        .filter(|d| d.code == "glued-words")
        .map(|d| d.text.unwrap_or_default())
        .collect();
    assert_eq!(glued, vec!["TheVolcano"]);
}
