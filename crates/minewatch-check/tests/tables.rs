//! `empty-table` on tables that lost values and on tables that leave a cell empty on
//! purpose.

use minewatch_check::{check, Options};

fn empty_tables(text: &str) -> Vec<(String, Vec<String>)> {
    let doc = minewatch_profile::read(text.as_bytes());
    let opts = Options {
        as_of: "2026-06-01".parse().unwrap(),
        ..Options::default()
    };
    check(&doc, &opts)
        .into_iter()
        .filter(|d| d.code == "empty-table")
        .map(|d| {
            (
                d.message.to_string(),
                d.related.iter().map(|r| r.message.clone()).collect(),
            )
        })
        .collect()
}

const HEAD: &str = "Chile\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\n";

/// A total row may leave a year column empty (nothing to add up there); a lost
/// figure is still found, and the column it was lost from is named.
#[test]
fn a_total_row_without_a_year_is_whole() {
    let whole = format!("{HEAD}Mine type | Destroyed | Year\nPMN | 2,000 | 2002\nOZM-72 | 1,500 | 2003\nTotal | 3,500 |\n");
    assert!(empty_tables(&whole).is_empty());
    let lost = format!("{HEAD}Mine type | Destroyed | Year\nPMN | 2,000 | 2002\nOZM-72 | | 2003\nTotal | 3,500 |\n");
    assert_eq!(
        empty_tables(&lost),
        [(
            "table has 1 of 6 cells empty: their values were lost".to_string(),
            vec!["row \"OZM-72\" has no value in column \u{201c}Destroyed\u{201d}".to_string()]
        )]
    );
    // A total row without its figure is a loss.
    let no_total = format!("{HEAD}Mine type | Destroyed | Year\nPMN | 2,000 | 2002\nOZM-72 | 1,500 | 2003\nTotal | |\n");
    assert_eq!(empty_tables(&no_total).len(), 1);
    // A row with nothing left says so.
    let bare = format!("{HEAD}Mine type | Held | Destroyed\nPMN | | \nM14 | 50 | 30\n");
    assert_eq!(
        empty_tables(&bare)[0].1,
        ["row \"PMN\" has no values".to_string()]
    );
}

/// A lost value leaves its line behind in the blank-line form. A "key data" box —
/// each label one blank line above its value, some values words — lost nothing (real
/// archived profiles open with one; every such box had been reported as a table with
/// most cells lost), and neither did a heading one blank line after a table, read as
/// its last row. The seed's shape — blank lines where the figures were — is still a
/// loss, with or without a header.
#[test]
fn a_key_data_box_and_a_heading_after_a_table_lost_nothing() {
    let boxed = format!("{HEAD}Mine Ban Policy\n\nCommitment to the Mine Ban Treaty\n\nMine Ban Treaty status\n\nState Party\n\nNational implementation measures\n\nEnacted a law in 2001\n\nTransparency reporting\n\n2025\n\nPolicy\n\nChile signed the Mine Ban Treaty on 3 December 1997.\n");
    assert_eq!(empty_tables(&boxed), []);
    let heading_after = format!("{HEAD}Stockpile by type\n\n\nQuantity\n\nLocation\n\n\n\nPMN [1]\n\n5,000\n\nnorth\n\n\nTotal\n\n5,000\n\nnorth\n\nMines retained\n\nChile retains 200 mines for training.[1]\n\n[1] One.\n");
    assert_eq!(empty_tables(&heading_after), []);
    let lost = format!("{HEAD}Stockpile by type\n\n\nQuantity\n\nLocation\n\n\n\nPMN [1]\n\n\n\n\nOZM-72 [1]\n\n\n\n\nTotal\n\n\n\nChile retains 200 mines for training.[1]\n\n[1] One.\n");
    assert_eq!(empty_tables(&lost).len(), 1, "{:?}", empty_tables(&lost));
    let no_header = format!("{HEAD}Stockpile\n\nPMN\n\n\n\nOZM-72\n\n\n\nTotal\n\n\n\nChile retains 200 mines for training.\n");
    assert_eq!(
        empty_tables(&no_header).len(),
        1,
        "{:?}",
        empty_tables(&no_header)
    );
}

/// A long run of lines one blank apart before a wider gap is a box of labels and
/// values, not a header of eight columns over rows that lost all their cells (a real
/// "Treaty status overview" box was reported 24 of 24 cells lost). Only the row before
/// the wider gap may have lost its value: blank lines stand where it would be.
#[test]
fn a_status_box_is_no_header_of_many_columns() {
    let boxed = format!("{HEAD}Treaty status\n\nTreaty status overview\n\nMine Ban Treaty\n\nState Party\n\nClearance completed in November 2012\n\nConvention on Cluster Munitions\n\nSignatory\n\nConvention on the Rights of Persons with Disabilities\n\nState Party\n\n\n\nManagement and coordination\n\nMine action management\n\nChile coordinates mine action through a national commission.\n");
    assert_eq!(
        empty_tables(&boxed),
        [(
            "table \"Treaty status\" has 1 of 10 cells empty: their values were lost".to_string(),
            vec!["row \"State Party\" has no values".to_string()]
        )]
    );
}

/// The "Assessing the impact" matrices of Mine Action profiles arrive with their blank
/// cells marked (a line holding only a space or a no-break space): those cells were
/// blank in the source, not lost. Their repeated labels are not near-duplicate
/// paragraphs either: only prose is compared.
#[test]
fn marked_blank_cells_and_repeated_labels_lost_nothing() {
    let matrix = format!("{HEAD}ASSESSING THE IMPACT\n\nExtent of contamination\n\n \n\nAntipersonnel landmine\n\nCluster munition remnant\n\nERW\n\nExtent of contamination\n\nLarge\n\n\u{a0}\n\nUnknown*\n\nChile reports its contamination every year.\n");
    assert_eq!(empty_tables(&matrix), []);
    let labels = format!("{HEAD}Mwenezi to Sango Border Post Sector 3 (formerly one area, Sango Border Post to Crooks Corner)\n\nMwenezi to Sango Border Post Sector 4 (formerly one area, Sango Border Post to Crooks Corner)\n\nChile cleared both areas in 2020.\n");
    let doc = minewatch_profile::read(labels.as_bytes());
    let opts = Options {
        as_of: "2026-06-01".parse().unwrap(),
        ..Options::default()
    };
    assert!(check(&doc, &opts)
        .iter()
        .all(|d| d.code != "near-duplicate-paragraph"));
    // The same two paragraphs as sentences are a copy left behind.
    let prose = labels.replace("Corner)", "Corner).");
    let doc = minewatch_profile::read(prose.as_bytes());
    assert!(check(&doc, &opts)
        .iter()
        .any(|d| d.code == "near-duplicate-paragraph"));
}

/// A Casualties overview box (labels over values, each one blank line apart, values
/// written as figures with words: "52 (2016: 47)") ends at the two blank lines before
/// the text's next heading: its values head no columns, the heading is no row of it,
/// and its last value lost nothing (it had been reported as a row with no values).
#[test]
fn an_overview_box_before_a_wider_gap_lost_nothing() {
    let boxed = format!("{HEAD}Casualties Overview\n\nCasualties occurring in 2017\n\n52 (2016: 47)\n\n2017 casualties by survival outcome\n\n19 killed; 33 injured (2016: 17 killed; 30 injured)\n\n2017 casualties by device type\n\n4 antipersonnel mines; 48 explosive remnants of war\n\n\nDetails and trends\n\nIn 2017, the Monitor identified 52 casualties in Chile.\n");
    assert_eq!(empty_tables(&boxed), []);
    let doc = minewatch_profile::read(boxed.as_bytes());
    let t = &doc.tables[0];
    assert!(t.columns.is_empty());
    assert_eq!(t.rows.len(), 6);
    assert_eq!(
        t.rows[5].label.value,
        "4 antipersonnel mines; 48 explosive remnants of war"
    );
}

/// A figure with its footnote reference ("187[3]") is a cell, not a row of its own
/// whose values were lost; and a table whose cells are one blank line apart goes on
/// after a wider gap that a marked blank cell (a line holding a space) leaves before
/// a figure.
#[test]
fn referenced_figures_and_figures_after_a_wider_gap_are_cells() {
    let referenced = format!("{HEAD}Contamination by location[1]\n\nLocation\n\nAreas\n\nArea (m2)\n\nNorth\n\n187[2]\n\n28,025,706\n\nSouth\n\n4\n\n13,600,000\n\nTotal\n\n191\n\n41,625,706\n\n\nChile reports its contamination every year.[1]\n\n[1] One.\n[2] Two.\n");
    assert_eq!(empty_tables(&referenced), []);
    let doc = minewatch_profile::read(referenced.as_bytes());
    assert!(doc.tables[0].rows.iter().all(|r| r.label.value != "187[2]"));
    let marked = format!("{HEAD}Contributions by recipient: 2025\n\nRecipient\n\nSector\n\nAmount (A)\n\nAmount (B)\n\nAngola\n\nClearance\n\n3,450,000\n\n3,828,120\n\nCambodia\n\nClearance\n\n1,000,000\n\n1,100,000\n\nTotal\n\n \n\n4,450,000\n\n4,928,120\n\n \n\nChile gave most to clearance in 2025.\n");
    assert_eq!(empty_tables(&marked), []);
}

/// A Support for Mine Action summary: a header of four lines one blank line above its
/// first figure, with no wider gap to close it, over rows of four whose first cell is
/// a year; the total row's last cell marked blank (a line holding a no-break space,
/// right after the table), and a note under it. Nothing was lost (real summaries had
/// been read as rows of one figure each, most cells "lost").
#[test]
fn a_contributions_summary_is_read_by_its_period() {
    let summary = format!("{HEAD}Summary of contributions: 2021\u{2013}2025\n\nYear\n\nAmount (A)\n\nAmount (US$)\n\n% change from previous year\n\n2025\n\n270,000\n\n299,592\n\n-91\n\n2024\n\n2,378,028\n\n3,162,064\n\n+2\n\n2023\n\n2,273,060\n\n3,097,547\n\nN/A\n\nTotal\n\n4,921,088\n\n6,559,203\n\n\u{a0}\n\nNote: N/A=not applicable.\n\nChile gave less in 2025 than in any year before.\n");
    assert_eq!(empty_tables(&summary), []);
    let doc = minewatch_profile::read(summary.as_bytes());
    let t = &doc.tables[0];
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.value.as_str()).collect();
    assert_eq!(labels, ["2025", "2024", "2023", "Total"]);
    assert_eq!(t.columns.len(), 3);
    assert_eq!(t.rows[0].cells[1].value.as_deref(), Some("299,592"));
    assert_eq!(t.notes.len(), 1);
    // The same summary with a figure lost (a blank line where it stood) is a loss
    // (where no cell of the table is marked blank).
    let lost = summary
        .replace("\n\n3,162,064\n", "\n\n\n")
        .replace('\u{a0}', "N/A");
    assert_eq!(empty_tables(&lost).len(), 1, "{:?}", empty_tables(&lost));
}

/// A contributions table by donor (session 13, from real Support for Mine Action
/// profiles): header cells with their unit on a second line ("Amount" over
/// "(national currency)"), rows whose second cell is words, amounts with a currency
/// sign or code ("€2,100,400", "SEK25,000,000"), and a total row whose first cells
/// were left blank. Nothing was lost (its rows had been read from the first donor on,
/// the header as text, and the total's blank cells as lost values); a section
/// heading was not lost either.
#[test]
fn a_contributions_table_by_donor_is_read_by_its_header() {
    let table = format!("{HEAD}In 2025, four donors gave $21.9 million to mine action in Chile.[1]\n\nInternational contributions: 2025[1]\n\nDonor\n\nSector\n\nAmount\n(national currency)\n\nAmount\n($)\n\nUS\n\nClearance\n\n$12,300,000\n\n12,300,000\n\nGermany\n\nClearance and victim assistance\n\n\u{20ac}2,100,400\n\n2,792,100\n\nSweden\n\nVarious\n\nSEK40,000,000\n\n3,930,000\n\nJapan\n\nClearance\n\n\u{a5}310,000,000\n\n2,930,000\n\nTotal\n\n\n\n\n\n21,952,100\n\n[1] Donors' reports.\n");
    assert_eq!(empty_tables(&table), []);
    let doc = minewatch_profile::read(table.as_bytes());
    assert_eq!(doc.tables.len(), 1);
    let t = &doc.tables[0];
    let cols: Vec<&str> = t.columns.iter().map(|c| c.value.as_str()).collect();
    assert_eq!(
        cols,
        ["Sector", "Amount (national currency)", "Amount ($)"],
        "the label column's header dropped, as in the pipe form"
    );
    let labels: Vec<&str> = t.rows.iter().map(|r| r.label.value.as_str()).collect();
    assert_eq!(labels, ["US", "Germany", "Sweden", "Japan", "Total"]);
    assert_eq!(t.rows[2].cells[1].value.as_deref(), Some("SEK40,000,000"));
    // The total's value is the last column's; its first cells are blank.
    let total: Vec<Option<&str>> = t.rows[4].cells.iter().map(|c| c.value.as_deref()).collect();
    assert_eq!(total, [None, None, Some("21,952,100")]);
    let opts = Options {
        as_of: "2026-06-01".parse().unwrap(),
        ..Options::default()
    };
    let codes: Vec<&str> = check(&doc, &opts).iter().map(|d| d.code).collect();
    assert!(!codes.contains(&"lost-heading"), "{codes:?}");
    assert_eq!(doc.to_bytes(), table.as_bytes());
    // The same table with an amount lost (a blank line where it stood) is a loss.
    let lost = table.replace("\n\n2,792,100\n", "\n\n\n");
    assert_eq!(empty_tables(&lost).len(), 1, "{:?}", empty_tables(&lost));
}

/// A page cut in the middle of the prose after a key-data box (session 14, from a
/// real Casualties profile): the last line, a sentence and the start of another
/// ("... for 2012. Seven"), is no row of the box that lost its values.
#[test]
fn prose_cut_after_a_key_data_box_is_no_row() {
    let cut = format!("{HEAD}Casualties Overview\n\nAll known casualties by end 2012\n\n846 mine/ERW casualties (368 killed; 478 injured)\n\nCasualties in 2012\n\n12 (2011: 6)\n\n2012 casualties by device type\n\n7 ERW; 5 antipersonnel mines\n\nThe national centre recorded 12 mine/ERW casualties for 2012. Seven");
    assert_eq!(empty_tables(&cut), []);
}

/// `empty-table` on a Markdown pipe table points at the first empty cell (it had
/// pointed at the first row, whole) and lists every row that lost a value with its
/// columns (it had listed the first one only), as the blank-line form names a row's
/// columns; the seed's blank-line table still points at its caption.
#[test]
fn every_empty_cell_is_listed_and_the_caret_is_on_the_first() {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/markdown-empty-cells.md");
    let text = std::fs::read_to_string(p).unwrap();
    let doc = minewatch_profile::read(text.as_bytes());
    let opts = Options {
        as_of: "2026-11-30".parse().unwrap(),
        ..Options::default()
    };
    let idx = minewatch_model::LineIndex::new(&doc.text);
    let at = |o: usize| {
        let lc = idx.line_col(&doc.text, o);
        (lc.line, lc.column)
    };
    let diags: Vec<_> = check(&doc, &opts)
        .into_iter()
        .filter(|d| d.code == "empty-table")
        .collect();
    assert_eq!(diags.len(), 1);
    let d = &diags[0];
    // "| OZM-72 | | 300 |": the blank between the bars.
    assert_eq!((at(d.span.start), at(d.span.end)), ((18, 11), (18, 12)));
    assert_eq!(d.span.slice(&doc.text), " ");
    let related: Vec<((usize, usize), &str)> = d
        .related
        .iter()
        .map(|r| (at(r.span.start), r.message.as_str()))
        .collect();
    assert_eq!(
        related,
        [
            (
                (18, 3),
                "row \"OZM-72\" has no value in column \u{201c}Destroyed\u{201d}"
            ),
            (
                (19, 3),
                "row \"M14\" has no value in column \u{201c}Remaining\u{201d}"
            ),
        ]
    );
    // A plain-text pipe row that stops short ("PFM-1 | "): the blank after its bar.
    let short = format!("{HEAD}Mine type | Quantity\nPFM-1 | \nPOM-2 | 12\n");
    let doc = minewatch_profile::read(short.as_bytes());
    let d = check(&doc, &opts)
        .into_iter()
        .find(|d| d.code == "empty-table")
        .unwrap();
    assert_eq!(d.span.slice(&doc.text), " ");
    assert_eq!(&doc.text[d.span.start - 2..d.span.start], " |");
}

/// A long table that lost its values lists its first rows, and the message says how
/// many there are (a listing of hundreds of rows would bury the rest).
#[test]
fn a_long_table_lists_its_first_rows_and_counts_them_all() {
    let mut text = format!("{HEAD}Mine type | Destroyed\n");
    for i in 0..20 {
        text.push_str(&format!("PMN-{i} | \n"));
    }
    let found = empty_tables(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].0.ends_with("(20 rows; the first 12 are shown)"),
        "{found:?}"
    );
    assert_eq!(found[0].1.len(), 12);
    assert_eq!(found[0].1[0], "row \"PMN-0\" has no values");
}

/// A Markdown heading right above a pipe table heads its section; it is not the
/// table's caption (the message named the table "## Stockpile destruction").
#[test]
fn a_markdown_heading_is_no_table_caption() {
    let text = "---\ncountry: Chile\ntype: Mine Ban Policy\nlast_updated: 2026-05-01\n---\n\n## Stockpile destruction\n\n| Mine type | Destroyed |\n|---|---|\n| PMN | |\n| M14 | 1,000 |\n";
    let found = empty_tables(text);
    assert_eq!(
        found[0].0,
        "table has 1 of 2 cells empty: their values were lost"
    );
    let doc = minewatch_profile::read(text.as_bytes());
    assert!(
        doc.sections.iter().any(|s| s
            .heading
            .as_ref()
            .is_some_and(|h| h.text.contains("Stockpile destruction"))),
        "{:?}",
        doc.sections
    );
}
