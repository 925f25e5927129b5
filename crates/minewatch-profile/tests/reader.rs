//! The reader on the seed, on Markdown, on reference variants, and its invariants
//! (never fails; lossless; blocks tile the text) on arbitrary input.

use minewatch_model::LineIndex;
use minewatch_profile::{read, BlockKind, Document, Format, SectionKind, TableForm};
use proptest::prelude::*;

fn seed() -> Vec<u8> {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/000_bd786dfe2a2cbc87.txt"
    );
    std::fs::read(p).expect("the seed profile is read from ../shared/seeds/")
}

fn line(doc: &Document, offset: usize) -> usize {
    LineIndex::new(&doc.text).line_col(&doc.text, offset).line
}

/// The blocks are consecutive, non-overlapping, and cover the text.
fn assert_tiles(doc: &Document) {
    let mut at = 0;
    for b in &doc.blocks {
        assert_eq!(
            b.span.start, at,
            "block {b:?} starts where the previous ended"
        );
        assert!(b.span.end > b.span.start, "no empty block");
        at = b.span.end;
    }
    assert_eq!(at, doc.text.len());
}

#[test]
fn seed_header_sections_table_and_references() {
    let doc = read(&seed());
    assert_tiles(&doc);
    assert_eq!(doc.format, Format::PlainText);
    assert_eq!(doc.header.country.as_ref().unwrap().value, "United States");
    assert_eq!(doc.header.country_iso3.as_deref(), Some("USA"));
    assert_eq!(
        doc.header.profile_type.as_ref().unwrap().value,
        "Mine Ban Policy"
    );
    assert_eq!(
        doc.header.last_updated.as_ref().unwrap().value.to_string(),
        "2020-11-16"
    );
    let kinds: Vec<(usize, SectionKind, bool)> = doc
        .sections
        .iter()
        .map(|s| (line(&doc, s.span.start), s.kind, s.heading_lost))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (8, SectionKind::Policy, true),
            (20, SectionKind::Policy, false),
            (39, SectionKind::Use, true),
            (54, SectionKind::Transfer, true),
            (59, SectionKind::Production, true),
            (65, SectionKind::Alternatives, false),
            (76, SectionKind::Stockpiling, true),
            (142, SectionKind::StockpileDestruction, false),
            (159, SectionKind::RetainedMines, true),
        ]
    );
    assert_eq!(doc.tables.len(), 1);
    let t = &doc.tables[0];
    assert_eq!(t.form, TableForm::BlankLine);
    assert!(t.bracketed_quantities);
    assert_eq!(
        t.columns
            .iter()
            .map(|c| c.value.as_str())
            .collect::<Vec<_>>(),
        ["Inside the US", "Outside the US"]
    );
    assert_eq!(t.rows.len(), 6);
    assert_eq!(
        t.rows[0].label.value,
        "M692 Artillery Delivered Antipersonnel Mine [36]"
    );
    assert_eq!(t.empty_cells(), 12);
    assert_eq!(t.notes.len(), 1, "the 'Note: *' line belongs to the table");
    // References: 1..=35 in the body, none from the table's per-munition quantities.
    let mut nums: Vec<u32> = doc.references.iter().map(|r| r.number).collect();
    nums.dedup();
    assert_eq!(nums, (1..=35).collect::<Vec<u32>>());
    let table_refs: Vec<_> = doc
        .references
        .iter()
        .filter(|r| t.span.contains(r.span))
        .map(|r| r.number)
        .collect();
    assert_eq!(
        table_refs,
        vec![26],
        "only the caption's [26] inside the table"
    );
    // Notes: 30 of them, note 3 and 4 lost their links.
    assert_eq!(doc.notes.len(), 30);
    let lost: Vec<u32> = doc
        .notes
        .iter()
        .filter(|n| n.lost_link())
        .map(|n| n.number)
        .collect();
    assert_eq!(lost, vec![3, 4]);
    let n2 = doc.note(2).unwrap();
    assert_eq!(n2.citation().place.as_deref(), Some("Washington, DC"));
    assert_eq!(n2.citation().dates, vec!["27 February 2004"]);
    assert!(doc.note(32).unwrap().citation().undated);
    assert!(doc.note(6).unwrap().citation().url.is_some());
}

#[test]
fn reference_variants_and_brackets_that_are_not_references() {
    let text = "Country X\n\nMine Ban Policy\n\nLast updated: 01 May 2026\n\nUse[5]\n\nA claim.[12 ] Another [7] and [sic] and [UPDATE June 2012: new text] and [Department of Defense] and [1997] also[3].\n\n[3] A.\n\n[5] B.\n\n[7] C.\n\n[12] D.\n";
    let doc = read(text.as_bytes());
    let nums: Vec<u32> = doc.references.iter().map(|r| r.number).collect();
    assert_eq!(nums, vec![5, 12, 7, 3]);
    assert_eq!(
        doc.header.last_updated.as_ref().unwrap().value.to_string(),
        "2026-05-01"
    );
    assert_eq!(doc.notes.len(), 4);
    assert_eq!(
        doc.header.country_iso3, None,
        "an unknown country stays unresolved"
    );
}

#[test]
fn markdown_front_matter_headings_and_footnotes() {
    let text = "---\ncountry: \"Korea, Republic of\"\ntype: Mine Ban Policy\nlast_updated: 2025-03-04\n---\n\n# Korea, Republic of\n\nIt has not acceded.[^1]\n\n## Use\n\nNo new use.[^2] See [a link](https://example.org) and [3](https://example.org/3).\n\n## Notes\n\n[^1]: A source, 2024.\n[^2]: Another source,\n  wrapped over two lines, 2025.\n";
    let doc = read(text.as_bytes());
    assert_tiles(&doc);
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(doc.header.country_iso3.as_deref(), Some("KOR"));
    assert_eq!(
        doc.header.last_updated.as_ref().unwrap().value.to_string(),
        "2025-03-04"
    );
    assert_eq!(
        doc.references.iter().map(|r| r.number).collect::<Vec<_>>(),
        vec![1, 2]
    );
    assert_eq!(doc.notes.len(), 2);
    assert_eq!(
        doc.notes[1].text,
        "Another source,   wrapped over two lines, 2025."
    );
    let headings: Vec<&str> = doc
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref().map(|h| h.text.as_str()))
        .collect();
    assert_eq!(headings, vec!["Korea, Republic of", "Use"]);
    assert!(doc.sections.iter().any(|s| s.kind == SectionKind::Use));
    assert!(doc
        .blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::NotesHeading)));
}

#[test]
fn wrapped_lines_are_joined_byte_for_byte() {
    let text = "Country\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nIt holds 3.37\nmillion mines.[1]\n\n[1] Source.\n";
    let doc = read(text.as_bytes());
    let p = doc
        .paragraphs
        .iter()
        .find(|p| p.text.contains("3.37"))
        .unwrap();
    assert_eq!(p.text, "It holds 3.37 million mines.[1]");
    assert_eq!(p.text.len(), p.span.len());
}

#[test]
fn bad_input_never_fails() {
    for input in [
        &b""[..],
        b"\0\0\0",
        b"\xff\xfe\xfd",
        b"[",
        b"[1",
        b"[1]",
        b"---\n",
        b"---\ncountry: x\n",
        b"#",
        b"\r\r\n\n",
    ] {
        let doc = read(input);
        assert_eq!(doc.to_bytes(), input);
    }
    let doc = read(b"A\xffB\n");
    assert_eq!(doc.invalid_bytes.len(), 1);
    assert_eq!(doc.invalid_bytes[0].offset, 1);
    assert!(doc.diagnostics.iter().any(|d| d.code == "invalid-utf8"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_round_trip(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let doc = read(&bytes);
        prop_assert_eq!(doc.to_bytes(), bytes.clone());
        assert_tiles(&doc);
        prop_assert_eq!(doc.stored().to_json(), serde_json::to_string(&doc.stored()).unwrap());
        assert_compact_expands(&doc);
        // Reading the bytes owned (valid UTF-8 kept as the text, not copied) reads the same.
        let owned = minewatch_profile::read_owned(bytes);
        prop_assert_eq!(&owned.text, &doc.text);
        prop_assert_eq!(serde_json::to_string(&owned).unwrap(), serde_json::to_string(&doc).unwrap());
    }

    #[test]
    fn profile_text_read_owned_is_read(parts in proptest::collection::vec(prop_oneof![
        Just("Use\n".to_string()), Just("\n\n\n".to_string()), Just("[12]".to_string()), Just("\u{0}".to_string()),
        Just("Last updated: 1 May 2020\n".to_string()), "[a-zA-Z .,]{0,40}", Just("\u{2014}".to_string()),
    ], 0..40)) {
        let text = parts.concat();
        let doc = read(text.as_bytes());
        let owned = minewatch_profile::read_owned(text.into_bytes());
        prop_assert_eq!(serde_json::to_string(&owned).unwrap(), serde_json::to_string(&doc).unwrap());
        prop_assert_eq!(owned.to_bytes(), doc.to_bytes());
    }

    #[test]
    fn profile_like_text_round_trips(parts in proptest::collection::vec(prop_oneof![
        Just("Use".to_string()), Just("\n".to_string()), Just("\n\n\n".to_string()), Just("[12]".to_string()),
        Just("[^3]".to_string()), Just("[^3]: note".to_string()), Just(" | ".to_string()), Just("---\n".to_string()),
        Just("# H\n".to_string()), Just("Last updated: 1 May 2020".to_string()), Just("\r\n".to_string()),
        Just("[quantity of mines in each]".to_string()), Just("1,234".to_string()), Just("Note: *".to_string()),
        "[a-zA-Z .,]{0,40}", Just("\u{2014}\u{201c}".to_string()),
    ], 0..60)) {
        let text = parts.concat();
        let doc = read(text.as_bytes());
        prop_assert_eq!(doc.to_bytes(), text.as_bytes());
        assert_tiles(&doc);
        prop_assert_eq!(doc.stored().to_json(), serde_json::to_string(&doc.stored()).unwrap());
        assert_compact_expands(&doc);
        for r in &doc.references {
            prop_assert!(text.get(r.span.start..r.span.end).is_some_and(|s| s.starts_with('[') && s.ends_with(']')));
        }
    }

    #[test]
    fn seed_with_a_cut_round_trips(cut in 0usize..25_000, len in 0usize..2_000) {
        let s = seed();
        let a = cut.min(s.len());
        let b = (a + len).min(s.len());
        let mut bytes = s[..a].to_vec();
        bytes.extend_from_slice(&s[b..]);
        let doc = read(&bytes);
        prop_assert_eq!(doc.to_bytes(), bytes);
    }
}

/// A note's citation is parsed on first use from its text, the same as parsing
/// the text directly, and is part of the serialised model.
#[test]
fn citations_parse_on_first_use() {
    let doc = read(b"Utopia\n\nMine Ban Policy\n\nLast updated: 1 May 2020\n\nText.[1]\n\n[1] Ministry of Examples, \xe2\x80\x9cA Title,\xe2\x80\x9d Geneva, 3 May 2020, https://example.org/a.\n");
    let n = doc.note(1).unwrap();
    assert_eq!(n.citation(), &minewatch_profile::parse_citation(&n.text));
    assert_eq!(n.citation().place.as_deref(), Some("Geneva"));
    assert!(!n.lost_link());
    let v = serde_json::to_value(n).unwrap();
    assert_eq!(v["citation"]["url"], "https://example.org/a");
    assert_eq!(v["citation"]["dates"][0], "3 May 2020");
    assert_eq!(n.clone(), *n);
}

/// The stored form of the model is the model with each note reduced to its place
/// (number, span, marker): everything else, key for key.
#[test]
fn the_stored_model_is_the_model_without_the_notes_text_and_citation() {
    let mut inputs: Vec<Vec<u8>> = vec![b"".to_vec(), b"\xff\xfe binary\x00".to_vec()];
    for dir in ["../../examples", "../minewatch-check/tests/fixtures"] {
        let Ok(rd) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in rd.flatten() {
            if e.path().is_file() {
                inputs.push(std::fs::read(e.path()).unwrap());
            }
        }
    }
    if let Ok(seed) = std::fs::read("../../../shared/seeds/000_bd786dfe2a2cbc87.txt") {
        inputs.push(seed);
    }
    assert!(inputs.len() > 4, "examples and fixtures found");
    let mut notes_seen = 0;
    for bytes in &inputs {
        let doc = read(bytes);
        let mut full = serde_json::to_value(&doc).unwrap();
        for n in full["notes"].as_array_mut().unwrap() {
            let n = n.as_object_mut().unwrap();
            assert!(n.remove("text").is_some() && n.remove("citation").is_some());
            notes_seen += 1;
        }
        let stored = serde_json::to_string(&doc.stored()).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&stored).unwrap(),
            full
        );
    }
    assert!(notes_seen > 20, "{notes_seen} notes");
}

/// `section_at` (a binary search) finds the section a plain scan finds, at every offset
/// of the examples, the fixtures and the seed.
#[test]
fn section_at_agrees_with_a_scan() {
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for dir in ["../../examples", "../minewatch-check/tests/fixtures"] {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            if e.path().is_file() {
                inputs.push(std::fs::read(e.path()).unwrap());
            }
        }
    }
    if let Ok(seed) = std::fs::read("../../../shared/seeds/000_bd786dfe2a2cbc87.txt") {
        inputs.push(seed);
    }
    let mut found = 0;
    for bytes in &inputs {
        let doc = read(bytes);
        for off in 0..=doc.text.len() + 1 {
            let scan = doc
                .sections
                .iter()
                .find(|s| s.span.start <= off && off < s.span.end);
            assert_eq!(doc.section_at(off).map(|s| s.span), scan.map(|s| s.span));
            found += usize::from(scan.is_some());
        }
    }
    assert!(found > 10_000, "{found}");
}

/// `references_starting_in` (binary searches) gives the references a scan finds, for
/// every paragraph, table and note span of the examples, the fixtures and the seed.
#[test]
fn references_starting_in_agrees_with_a_scan() {
    let mut docs = Vec::new();
    for dir in ["../../examples", "../minewatch-check/tests/fixtures"] {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            if e.path().is_file() {
                docs.push(read(&std::fs::read(e.path()).unwrap()));
            }
        }
    }
    if let Ok(seed) = std::fs::read("../../../shared/seeds/000_bd786dfe2a2cbc87.txt") {
        docs.push(read(&seed));
    }
    let mut found = 0;
    for doc in &docs {
        let spans = doc
            .paragraphs
            .iter()
            .map(|p| p.span)
            .chain(doc.tables.iter().map(|t| t.span))
            .chain(doc.notes.iter().map(|n| n.span))
            .chain([minewatch_model::Span::new(0, doc.text.len())]);
        for s in spans {
            let scan: Vec<_> = doc
                .references
                .iter()
                .filter(|r| s.start <= r.span.start && r.span.start < s.end)
                .collect();
            let fast: Vec<_> = doc.references_starting_in(s).iter().collect();
            assert_eq!(fast, scan);
            found += fast.len();
        }
    }
    assert!(found > 50, "{found}");
}

/// The stored model written by hand is what serde writes for it, on every profile the
/// project has (the seed, the examples, the checker's and extraction's fixtures, the
/// fuzz corpus) and on a generated one of every shape.
#[test]
fn the_stored_model_by_hand_is_what_serde_writes() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut files = vec![std::path::PathBuf::from(format!(
        "{root}/../shared/seeds/000_bd786dfe2a2cbc87.txt"
    ))];
    for dir in [
        "examples",
        "crates/minewatch-check/tests/fixtures",
        "crates/minewatch-extract/tests/fixtures",
        "fuzz/corpus/read",
    ] {
        let mut stack = vec![std::path::PathBuf::from(format!("{root}/{dir}"))];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    files.push(p);
                }
            }
        }
    }
    assert!(files.len() > 20, "{} files", files.len());
    let mut shapes = 0;
    let (mut compact_bytes, mut full_bytes) = (0, 0);
    for f in &files {
        let doc = read(&std::fs::read(f).unwrap());
        shapes += usize::from(!doc.tables.is_empty()) + usize::from(!doc.invalid_bytes.is_empty());
        assert_eq!(
            doc.stored().to_json(),
            serde_json::to_string(&doc.stored()).unwrap(),
            "{}",
            f.display()
        );
        assert_compact_expands(&doc);
        compact_bytes += doc.stored().to_compact_json().len();
        full_bytes += doc.stored().to_json().len();
    }
    // The point of the compact form: well under half the size on real shapes.
    assert!(
        compact_bytes * 2 < full_bytes,
        "compact {compact_bytes} bytes against {full_bytes}"
    );
    assert!(shapes > 2, "tables and invalid bytes among the files");
}

#[test]
fn kinds_are_named_as_serde_names_them() {
    for k in SectionKind::ALL {
        assert_eq!(
            serde_json::to_string(&k).unwrap(),
            format!("\"{}\"", k.name())
        );
    }
    for f in [Format::PlainText, Format::Markdown] {
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            format!("\"{}\"", f.name())
        );
    }
    for t in [TableForm::Pipe, TableForm::BlankLine] {
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            format!("\"{}\"", t.name())
        );
    }
}

/// `columns[i]` heads every row's `cells[i]` in both table forms: a blank-line table's
/// header over the row labels is not a value column, and a word one blank line after
/// a row's figure is a cell of it (a "Location" column), not a row of its own.
#[test]
fn table_columns_head_the_cells_in_both_forms() {
    let blank = "Chile\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nStockpile of antipersonnel mines in 2002\n\nMine type\n\nHeld\n\nDestroyed\n\n\nPMN\n\n100\n\n20\n\n\nM14\n\n50\n\n30\n\n\nThe figures come from the report.\n";
    let doc = minewatch_profile::read(blank.as_bytes());
    let t = &doc.tables[0];
    let heads: Vec<&str> = t.columns.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(heads, ["Held", "Destroyed"]);
    assert_eq!(t.empty_cells(), 0);
    assert_eq!(t.rows[1].cells[1].value.as_deref(), Some("30"));

    let pipe = "Chile\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nMine type | Held | Destroyed\nPMN | 100 | 20\nM14 | 50 | 30\n";
    let doc = minewatch_profile::read(pipe.as_bytes());
    let heads: Vec<&str> = doc.tables[0]
        .columns
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(heads, ["Held", "Destroyed"]);

    let text_cells = "Chile\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nStockpile by type\n\n\nQuantity\n\nLocation\n\n\n\nPMN [1]\n\n51,653\n\nnorth\n\n\nM14 [1]\n\n9,319\n\nsouth\n\n\nThe figures come from the report.\n";
    let doc = minewatch_profile::read(text_cells.as_bytes());
    let t = &doc.tables[0];
    assert_eq!(t.rows.len(), 2, "{:#?}", t.rows);
    assert_eq!(t.rows[0].cells[1].value.as_deref(), Some("north"));
    assert_eq!(t.empty_cells(), 0);
    assert_eq!(doc.text, text_cells, "lossless");
}

/// A blank-line table whose header is closed by no wider gap, over rows that start
/// with a label of words ("DM-31", "M16": mines' names, not amounts), is read by its
/// header's width: every row its label and two figures. (Its first row's label had
/// been taken for a fourth header cell, "M16" for an amount, and the rows read four
/// wide, the total row's last cell lost.) So with a heading above the table, with a
/// paragraph above it (its header's first cell is no caption), and with a heading
/// after it; a table that lost a value is read as before, its loss kept.
#[test]
fn a_blank_line_table_is_read_by_its_headers_width() {
    let cells = "Mine type\n\nDestroyed\n\nRemaining\n\nDM-31\n\n702,354\n\n0\n\nM16\n\n201,440\n\n55,120\n\nM2\n\n30,040\n\n12,400\n\nTotal\n\n933,834\n\n67,520";
    let head = "Germany\n\nMine Ban Policy\n\nLast updated: 1 May 2024\n\nGermany ratified the Mine Ban Treaty in 1998.[1]\n\n";
    let tail = "\n\nGermany keeps a few mines for training.[1]\n\n[1] One, 1998.\n";
    for (above, after, caption) in [
        (
            "Stockpile destruction\n\n",
            "",
            Some("Stockpile destruction"),
        ),
        ("Germany destroyed its stockpile by 2001.[1]\n\n", "", None),
        (
            "Stockpile destruction\n\n",
            "\n\nMines retained",
            Some("Stockpile destruction"),
        ),
    ] {
        let text = format!("{head}{above}{cells}{after}{tail}");
        let doc = minewatch_profile::read(text.as_bytes());
        assert_eq!(doc.to_bytes(), text.as_bytes(), "lossless");
        assert_eq!(doc.tables.len(), 1, "{text}");
        let t = &doc.tables[0];
        assert_eq!(t.caption.as_ref().map(|c| c.value.as_str()), caption);
        let heads: Vec<&str> = t.columns.iter().map(|c| c.value.as_str()).collect();
        assert_eq!(heads, ["Destroyed", "Remaining"], "{text}");
        let rows: Vec<(&str, Vec<Option<&str>>)> = t
            .rows
            .iter()
            .map(|r| {
                let cells = r.cells.iter().map(|c| c.value.as_deref()).collect();
                (r.label.value.as_str(), cells)
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("DM-31", vec![Some("702,354"), Some("0")]),
                ("M16", vec![Some("201,440"), Some("55,120")]),
                ("M2", vec![Some("30,040"), Some("12,400")]),
                ("Total", vec![Some("933,834"), Some("67,520")]),
            ],
            "{text}"
        );
        // Each cell's span is its figure in the input.
        for r in &t.rows {
            for c in &r.cells {
                assert_eq!(Some(c.span.slice(&doc.text)), c.value.as_deref());
            }
        }
    }
    // A value lost (blank lines where "30,040" stood): still a table with an empty cell.
    let lost = format!(
        "{head}Stockpile destruction\n\n{}{tail}",
        cells.replace("M2\n\n30,040\n\n", "M2\n\n\n\n")
    );
    let doc = minewatch_profile::read(lost.as_bytes());
    assert_eq!(doc.tables.len(), 1);
    assert!(doc.tables[0].empty_cells() > 0, "{:#?}", doc.tables[0].rows);
}

/// A lost heading in a profile of another kind than ban policy (Mine Action,
/// Casualties) is named by no ban-policy guess: "International:" above a list of
/// demining operators had read as "Mines retained for training and research".
#[test]
fn lost_headings_outside_ban_policy_are_not_guessed() {
    let body = "Last updated: 1 May 2026\n\nOperators\n\nThe army clears mines in the north.\n\n\nInternational operators retain mines for training and destroy stockpiled mines.\n";
    let ma = read(format!("Chile\n\nMine Action\n\n{body}").as_bytes());
    let lost: Vec<SectionKind> = ma
        .sections
        .iter()
        .filter(|s| s.heading_lost)
        .map(|s| s.kind)
        .collect();
    assert_eq!(lost, [SectionKind::Other]);
    // Nor is one in a cluster munition ban policy profile.
    let ccm = read(format!("Chile\n\nCluster Munition Ban Policy\n\n{body}").as_bytes());
    assert!(ccm
        .sections
        .iter()
        .filter(|s| s.heading_lost)
        .all(|s| s.kind == SectionKind::Other));
    // In a ban-policy profile the same text is read for its section.
    let mbp = read(format!("Chile\n\nMine Ban Policy\n\n{body}").as_bytes());
    assert!(mbp
        .sections
        .iter()
        .any(|s| s.heading_lost && s.kind != SectionKind::Other));
}

/// A paragraph after a run of blank lines that opens with its own label ("Key
/// developments since May 2004: ...", "Summary: ...") starts a section whose heading
/// is that label, not a lost one; the same paragraph without it is a lost heading.
#[test]
fn a_paragraph_with_its_own_label_lost_no_heading() {
    let lost = |para: &str| {
        let doc = read(
            format!("Chile\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nChile signed the treaty.\n\n\n{para}\n").as_bytes(),
        );
        doc.sections.iter().filter(|s| s.heading_lost).count()
    };
    assert_eq!(
        lost("Key developments since May 2004: Chile destroyed its stockpile."),
        0
    );
    assert_eq!(lost("Summary: Chile destroyed its stockpile."), 0);
    assert_eq!(lost("Chile destroyed its stockpile in 2001."), 1);
    assert_eq!(lost("Chile stated: it destroyed its stockpile in 2001."), 1);
}

/// The compact stored model expands to exactly the full form.
fn assert_compact_expands(doc: &minewatch_profile::Document) {
    let compact = doc.stored().to_compact_json();
    let expanded =
        minewatch_profile::stored::expand(&compact).unwrap_or_else(|e| panic!("{e}\n{compact}"));
    let full: serde_json::Value = serde_json::from_str(&doc.stored().to_json()).unwrap();
    assert_eq!(expanded, full, "{compact}");
    // The full form passes through as it is.
    assert_eq!(
        minewatch_profile::stored::expand(&doc.stored().to_json()).unwrap(),
        full
    );
}

#[test]
fn a_damaged_compact_model_is_refused_with_where_and_what() {
    use minewatch_profile::stored::expand;
    let doc =
        read(b"Utopia\n\nMine Ban Policy\n\nLast updated: 1 May 2020\n\nText.[1]\n\n[1] A note.\n");
    let good = doc.stored().to_compact_json();
    assert!(expand(&good).is_ok());
    let cases: &[(&str, &str)] = &[
        ("", "$"),
        ("[1,2]", "$"),
        ("{\"v\":3}", "$.v"),
        ("{\"v\":2,\"format\":\"plain-text\",\"invalid_bytes\":[1],\"header\":{}}", "$.invalid_bytes"),
        ("{\"v\":2,\"format\":\"plain-text\",\"invalid_bytes\":[1,300],\"header\":{}}", "$.invalid_bytes[0]"),
        ("{\"v\":2,\"format\":\"plain-text\",\"invalid_bytes\":[],\"header\":{},\"blocks\":[42,1,0]}", "$.blocks[0]"),
        ("{\"v\":2,\"format\":\"plain-text\",\"invalid_bytes\":[],\"header\":{},\"blocks\":[0,-1,0]}", "$.blocks[0]"),
        ("{\"v\":2,\"format\":\"plain-text\",\"invalid_bytes\":[],\"header\":{},\"blocks\":[],\"sections\":[[\"use\",0,5,2,0,1,null]]}", "$.sections[0]"),
    ];
    for (json, at) in cases {
        let e = expand(json).expect_err(json);
        assert_eq!(&e.at, at, "{json}: {e}");
        assert!(e.to_string().contains(at), "{e}");
    }
    // A field the compact form does not have is named.
    let extra = good.replacen("{\"v\":2,", "{\"v\":2,\"surprise\":1,", 1);
    assert_eq!(expand(&extra).unwrap_err().at, "$.surprise");
}
