//! Sections: from headings where they survived, inferred from the content where
//! extraction lost them (a run of blank lines between topics).

use minewatch_model::Span;

use crate::model::*;
use crate::reader::{Chunk, Src};

const KEYWORDS: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::Policy,
        &[
            "acced",
            "accession",
            "ratif",
            "signed",
            "resolution",
            "vote",
            "voted",
            "observer",
            "meeting",
            "convention",
            "policy",
            "withdraw",
        ],
    ),
    (
        SectionKind::Use,
        &[
            " use ", " use.", "used", " laid", "emplaced", "new use", "planted",
        ],
    ),
    (SectionKind::Production, &["produc", "manufactur"]),
    (
        SectionKind::Transfer,
        &["export", "transfer", "import", "moratorium"],
    ),
    (
        SectionKind::Stockpiling,
        &["stockpil", "stocks", "inventory"],
    ),
    (
        SectionKind::StockpileDestruction,
        &["destroy", "destruction", "destroyed", "demilitariz"],
    ),
    (
        SectionKind::RetainedMines,
        &["retain", "retention", "training", "research"],
    ),
    (SectionKind::Alternatives, &["alternative"]),
    (
        SectionKind::Transparency,
        &["article 7", "transparency report", "transparency measures"],
    ),
];

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

/// Classify a section from its text (the first paragraph weighs most).
pub fn classify_content(first: &str, rest: &str) -> SectionKind {
    // The first sentence says what a section is about; it weighs most.
    let cut = first.find(". ").map(|i| i + 1).unwrap_or(first.len());
    let lead = format!(" {} ", first[..cut].to_lowercase());
    let first = format!(" {} ", first[cut..].to_lowercase());
    let rest = rest.to_lowercase();
    let mut best = (0, SectionKind::Other);
    for (kind, words) in KEYWORDS {
        let score: usize = words
            .iter()
            .map(|w| 6 * count(&lead, w) + 2 * count(&first, w) + count(&rest, w))
            .sum();
        if score > best.0 {
            best = (score, *kind);
        }
    }
    best.1
}

/// Classify a section from its heading.
pub fn classify_heading(h: &str) -> SectionKind {
    let h = h.to_lowercase();
    let has = |w: &str| h.contains(w);
    if has("alternative") {
        SectionKind::Alternatives
    } else if has("retain") || has("retention") {
        SectionKind::RetainedMines
    } else if has("destruction") || has("destroy") {
        SectionKind::StockpileDestruction
    } else if has("stockpil") {
        SectionKind::Stockpiling
    } else if has("transfer") || has("export") || has("trade") {
        SectionKind::Transfer
    } else if has("production") || has("produc") {
        SectionKind::Production
    } else if has("transparency") || has("article 7") || has("reporting") {
        SectionKind::Transparency
    } else if h.split(|c: char| !c.is_alphanumeric()).any(|w| w == "use") {
        SectionKind::Use
    } else if has("policy") || has("treaty") || has("universal") {
        SectionKind::Policy
    } else {
        SectionKind::Other
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn build(
    src: &Src,
    chunks: &[Chunk],
    body_start: usize,
    notes_start: usize,
    markdown: bool,
    headings: Vec<(usize, Heading)>,
    doc: &mut Document,
    kinds: &mut [Option<BlockKind>],
) {
    // Section starts: (chunk index, heading).
    let mut starts: Vec<(usize, Option<Heading>, bool)> = Vec::new();
    let mut hi = headings.into_iter().peekable();
    let mut blank_before = 0;
    for ci in body_start..notes_start {
        let c = &chunks[ci];
        if c.blank {
            // Blank lines right after a table are its lost cells, not a lost heading.
            let after_table = ci > 0 && matches!(kinds[ci - 1], Some(BlockKind::Table { .. }));
            blank_before = if after_table { 1 } else { c.last - c.first + 1 };
            continue;
        }
        if hi.peek().map(|(h, _)| *h == ci).unwrap_or(false) {
            let (_, h) = hi.next().unwrap_or((
                ci,
                Heading {
                    text: String::new(),
                    span: Span::default(),
                    level: 2,
                },
            ));
            starts.push((ci, Some(h), false));
        } else if starts.is_empty()
            || (!markdown
                && blank_before >= 2
                && matches!(kinds[ci], Some(BlockKind::Paragraph { .. })))
        {
            // Two or more blank lines where a heading would stand: the heading was lost.
            starts.push((ci, None, !markdown && blank_before >= 2));
        }
        blank_before = 0;
    }
    let body_end = if notes_start < chunks.len() {
        src.lines[chunks[notes_start].first].start
    } else {
        src.text.len()
    };
    for (k, (ci, heading, heading_lost)) in starts.iter().enumerate() {
        let start = src.lines[chunks[*ci].first].start;
        let end = starts
            .get(k + 1)
            .map(|(cj, _, _)| src.lines[chunks[*cj].first].start)
            .unwrap_or(body_end);
        let span = Span::new(start, end);
        let index = doc.sections.len();
        let (kind, inferred) = match heading {
            Some(h) => {
                kinds[*ci] = Some(BlockKind::Heading { section: index });
                (classify_heading(&h.text), false)
            }
            None => {
                let paras: Vec<&Paragraph> = doc
                    .paragraphs
                    .iter()
                    .filter(|p| span.start <= p.span.start && p.span.start < span.end)
                    .collect();
                let first = paras.first().map(|p| p.text.as_str()).unwrap_or("");
                let rest: String = paras
                    .iter()
                    .skip(1)
                    .map(|p| p.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                (classify_content(first, &rest), true)
            }
        };
        doc.sections.push(Section {
            heading: heading.clone(),
            kind,
            inferred,
            heading_lost: *heading_lost,
            span,
            blocks: (0, 0),
        });
    }
}

/// Fill each section's block range once the blocks are final.
pub(crate) fn link_blocks(doc: &mut Document) {
    for s in doc.sections.iter_mut() {
        let first = doc
            .blocks
            .iter()
            .position(|b| b.span.start >= s.span.start)
            .unwrap_or(doc.blocks.len());
        let end = doc
            .blocks
            .iter()
            .position(|b| b.span.start >= s.span.end)
            .unwrap_or(doc.blocks.len());
        s.blocks = (first, end.max(first));
    }
}
