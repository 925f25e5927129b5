//! The checks. Each takes the document and appends diagnostics; none fails.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use minewatch_model::{letter_bits, push_decimal as push_int, Date, Diagnostic, Severity, Span};
use minewatch_profile::{Document, Format, SectionKind};

use crate::{Listed, Options};

/// A note's number as the profile writes it where `at` (its marker, or a reference
/// to it) stands: `[^3]` for a Markdown footnote, `[3]` otherwise. (The `note` field
/// of a diagnostic stays the plain number.)
fn note_label(doc: &Document, at: Span, number: u32) -> String {
    note_text(doc, at, number, "", "")
}

/// `before`, [`note_label`], then `after`: a message about a note, put together
/// without a formatter.
fn note_text(doc: &Document, at: Span, number: u32, before: &str, after: &str) -> String {
    let mut s = String::with_capacity(before.len() + after.len() + 8);
    s.push_str(before);
    if doc
        .text
        .get(at.start..)
        .is_some_and(|t| t.starts_with("[^"))
    {
        s.push_str("[^");
    } else {
        s.push('[');
    }
    push_int(&mut s, i64::from(number));
    s.push(']');
    s.push_str(after);
    s
}

pub fn notes(doc: &Document, out: &mut Listed) {
    // Each number's first definition: by number in a table where the numbers are few
    // and small (as a profile's are: 1, 2, 3, ...), else in a sorted list (a map would
    // cost more: a profile has tens of notes and references).
    let max = doc.notes.iter().map(|n| n.number).max().unwrap_or(0) as usize;
    let dense: Option<Vec<u32>> = (max <= 4 * doc.notes.len() + 64).then(|| {
        let mut d = vec![u32::MAX; max + 1];
        for (i, n) in doc.notes.iter().enumerate() {
            let e = &mut d[n.number as usize];
            if *e == u32::MAX {
                *e = i as u32;
            }
        }
        d
    });
    let mut by_number: Vec<(u32, usize)> = Vec::new();
    if dense.is_none() {
        by_number = doc
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.number, i))
            .collect();
        by_number.sort_unstable();
        by_number.dedup_by_key(|x| x.0);
    }
    let first_index = |number: u32| -> Option<usize> {
        match &dense {
            Some(d) => d
                .get(number as usize)
                .copied()
                .filter(|&i| i != u32::MAX)
                .map(|i| i as usize),
            None => by_number
                .binary_search_by_key(&number, |x| x.0)
                .ok()
                .map(|k| by_number[k].1),
        }
    };
    let first_marker =
        |number: u32| -> Option<Span> { first_index(number).map(|i| doc.notes[i].marker) };
    for (i, n) in doc.notes.iter().enumerate() {
        let first = first_index(n.number).unwrap_or(i);
        if first != i {
            out.push(
                Diagnostic::new(
                    "duplicate-note",
                    Severity::Error,
                    n.marker,
                    note_text(doc, n.marker, n.number, "note ", " is defined twice"),
                )
                .with_note(n.number)
                .with_related(doc.notes[first].marker, "first defined here")
                .with_help("renumber one of the notes, or remove the copy"),
            );
        }
    }
    // References by number, each number's in the order of the text.
    let mut referenced: Vec<(u32, Span)> =
        doc.references.iter().map(|r| (r.number, r.span)).collect();
    referenced.sort_by_key(|r| r.0);
    for refs in referenced.chunk_by(|a, b| a.0 == b.0) {
        let number = refs[0].0;
        if first_marker(number).is_none() {
            let label = note_label(doc, refs[0].1, number);
            let mut d = Diagnostic::new(
                "missing-note",
                Severity::Error,
                refs[0].1,
                [
                    "note ",
                    &label,
                    " is referenced but missing from the notes list",
                ]
                .concat(),
            )
            .with_note(number)
            .with_help(["add the citation for ", &label, " to the notes at the end"].concat());
            for (_, s) in &refs[1..] {
                d = d.with_related(*s, "also referenced here");
            }
            out.push(d);
        }
    }
    // The numbers referenced, as flags for those below a thousand (a reference has
    // three digits at most), the list searched for any other.
    let mut flags = [false; 1000];
    for &(number, _) in &referenced {
        if let Some(f) = flags.get_mut(number as usize) {
            *f = true;
        }
    }
    let is_referenced = |number: u32| match flags.get(number as usize) {
        Some(&f) => f,
        None => referenced.binary_search_by_key(&number, |r| r.0).is_ok(),
    };
    for n in &doc.notes {
        if !is_referenced(n.number) && first_marker(n.number) == Some(n.marker) {
            out.push(
                Diagnostic::new(
                    "unused-note",
                    Severity::Warning,
                    n.marker,
                    note_text(
                        doc,
                        n.marker,
                        n.number,
                        "note ",
                        " is not referenced anywhere in the text",
                    ),
                )
                .with_note(n.number)
                .with_help("cite it where it supports a statement, or remove it"),
            );
        }
        if n.lost_link() {
            let t = doc
                .text
                .get(n.span.start..n.span.end)
                .unwrap_or("")
                .trim_end();
            let end = n.span.start + t.len();
            let start = end
                - t.chars()
                    .rev()
                    .take_while(|c| *c == ',' || *c == '.' || *c == ' ')
                    .map(char::len_utf8)
                    .sum::<usize>();
            out.push(
                Diagnostic::new(
                    "note-lost-link",
                    Severity::Warning,
                    Span::new(start, end),
                    note_text(
                        doc,
                        n.marker,
                        n.number,
                        "note ",
                        " ends where its link was stripped",
                    ),
                )
                .with_note(n.number)
                .with_help("restore the URL from the source page"),
            );
        }
    }
}

pub fn header(doc: &Document, opts: &Options, out: &mut Listed) {
    match &doc.header.last_updated {
        None => {
            let span = doc
                .header
                .country
                .as_ref()
                .map(|c| c.span)
                .unwrap_or(Span::new(0, 0));
            let help = match doc.format {
                Format::Markdown => "add `last_updated: YYYY-MM-DD` to the front matter",
                Format::PlainText => {
                    "add a line such as \"Last updated: 16 November 2020\" after the profile type"
                }
            };
            out.push(
                Diagnostic::new(
                    "missing-last-updated",
                    Severity::Warning,
                    span,
                    "the profile has no last-updated date",
                )
                .with_help(help),
            );
        }
        Some(lu) => {
            let months = lu.value.months_until(opts.as_of);
            // Compared as i64: a threshold above i32::MAX months must not wrap negative.
            if i64::from(months) > i64::from(opts.stale_after_months) {
                out.push(
                    Diagnostic::new(
                        "stale-profile",
                        Severity::Warning,
                        lu.span,
                        // "last updated {long} ({months} months before {as_of}), more
                        // than {stale_after_months} months ago", put together without a
                        // formatter (hundreds of profiles a run).
                        {
                            let mut m = String::with_capacity(96);
                            m.push_str("last updated ");
                            lu.value.push_long(&mut m);
                            m.push_str(" (");
                            push_int(&mut m, i64::from(months));
                            m.push_str(" months before ");
                            opts.as_of.push_iso(&mut m);
                            m.push_str("), more than ");
                            push_int(&mut m, i64::from(opts.stale_after_months));
                            m.push_str(" months ago");
                            m
                        },
                    )
                    .with_help("review the profile and update it"),
                );
            } else if opts
                .as_of
                .checked_add_months(1)
                .is_some_and(|limit| lu.value > limit)
            {
                // More than a month after `as_of`: a date a few days ahead may be a
                // publication's own dating (time zones, an embargo), a later one a slip.
                out.push(
                    Diagnostic::new(
                        "future-last-updated",
                        Severity::Warning,
                        lu.span,
                        format!(
                            "last updated {}, more than a month after {}: a date still to come then (a slip in the year?)",
                            lu.value.long(),
                            opts.as_of
                        ),
                    )
                    .with_help("check the year of the last-updated date"),
                );
            }
        }
    }
}

pub fn sections(doc: &Document, out: &mut Listed) {
    for s in doc.sections.iter().filter(|s| s.heading_lost) {
        let first_line_end = first_line_end(&doc.text, s.span);
        let span = Span::new(
            s.span.start,
            first_line_end.min(s.span.start + 80).max(s.span.start),
        );
        let span = Span::new(span.start, floor_char(&doc.text, span.end));
        let (message, help) = lost_heading_texts(s.kind);
        out.push(Diagnostic::new("lost-heading", Severity::Warning, span, message).with_help(help));
    }
}

/// The message and help of a lost heading in a section of `kind`, written once per
/// kind: a profile can have hundreds of thousands of lost headings, and each
/// diagnostic borrows its texts instead of holding copies.
fn lost_heading_texts(kind: SectionKind) -> (Cow<'static, str>, Cow<'static, str>) {
    let make = || {
        (
            format!(
                "a section heading was lost here; the section reads as \"{}\"",
                kind.title()
            ),
            format!("restore the heading (inferred: \"{}\")", kind.title()),
        )
    };
    // One slot per kind (a kind without one, were `ALL` to miss it, is written anew).
    static TEXTS: [std::sync::OnceLock<(String, String)>; SectionKind::ALL.len()] =
        [const { std::sync::OnceLock::new() }; SectionKind::ALL.len()];
    match TEXTS.get(kind as usize) {
        Some(slot) => {
            let (m, h) = slot.get_or_init(make);
            (Cow::Borrowed(m), Cow::Borrowed(h))
        }
        None => {
            let (m, h) = make();
            (Cow::Owned(m), Cow::Owned(h))
        }
    }
}

/// Where the first line of `span` ends: before its "\n", or its "\r\n" (a span
/// that stops at a line's end holds no "\r": the column after it is the line's
/// length plus one with either line ending), or the span's end.
fn first_line_end(text: &str, span: Span) -> usize {
    match memchr::memchr(b'\n', span.slice(text).as_bytes()) {
        Some(i) => {
            span.start + i - usize::from(i > 0 && text.as_bytes()[span.start + i - 1] == b'\r')
        }
        None => span.end,
    }
}

/// An empty pipe cell's place, so that a caret stands under it: the blank between
/// its bars (its span is empty, where the blank ends); a cell a row lacks ("PFM-1 | "
/// under two columns) is the blank after the row's last bar, if any.
fn empty_cell_span(text: &str, span: Span) -> Span {
    if !span.is_empty() {
        return span;
    }
    let blanks = |s: &str| s.len() - s.trim_start_matches([' ', '\t']).len();
    let before = text.get(..span.start).unwrap_or("");
    let blank = before.len() - before.trim_end_matches([' ', '\t']).len();
    if before[..before.len() - blank].ends_with('|') {
        return Span::new(span.start - blank, span.start);
    }
    let after = text.get(span.end..).unwrap_or("");
    let line = &after[..after.find(['\n', '\r']).unwrap_or(after.len())];
    let bar = span.end + blanks(line);
    if let Some(rest) = line[bar - span.end..].strip_prefix('|') {
        let n = blanks(rest);
        if n > 0 && n == rest.len() {
            return Span::new(bar + 1, bar + 1 + n);
        }
    }
    span
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether a table's empty cell (row `r`, column `c`) lost its value. A total row
/// may leave a column empty whose other cells are years or words, not figures (a
/// "Year" or "Source" column has nothing to add up).
fn cell_lost(text: &str, t: &minewatch_profile::Table, r: usize, c: usize, total: bool) -> bool {
    let row = &t.rows[r];
    if row.cells[c].value.is_some() {
        return false;
    }
    // In the blank-line form a lost value leaves its line behind: a row with no value
    // whose next line of text stands one blank line below held none there (a label
    // over its value in a "key data" box, a heading inside the box) — unless a header
    // says what each row holds (columns, "[quantity of ... in each]").
    // The last row, so followed, is a heading after the table whatever its header.
    if t.form == minewatch_profile::TableForm::BlankLine
        && (t.columns.is_empty() && t.bracket_header.is_none() || r + 1 == t.rows.len())
        && row.cells.iter().all(|x| x.value.is_none())
        && one_blank_line_after(text, row.label.span.end)
    {
        return false;
    }
    // A box of labels over values, every row one blank line above the next, ends on
    // a value: its last row (the value of the last pair, or a figure written out)
    // lost nothing, whatever gap follows the box.
    if t.form == minewatch_profile::TableForm::BlankLine
        && t.columns.is_empty()
        && t.bracket_header.is_none()
        && r + 1 == t.rows.len()
        && t.rows.len() >= 4
        && (t.rows.len() % 2 == 0 || row.label.value.starts_with(|c: char| c.is_ascii_digit()))
        && t.rows[..r]
            .iter()
            .all(|o| one_blank_line_after(text, o.label.span.end))
    {
        return false;
    }
    if !total {
        return true;
    }
    let figure = |v: &str| {
        let v = v.trim();
        let year = v.len() == 4
            && v.bytes().all(|b| b.is_ascii_digit())
            && (v.starts_with("19") || v.starts_with("20"));
        !year
            && !v.bytes().any(|b| b.is_ascii_alphabetic())
            && v.bytes().any(|b| b.is_ascii_digit())
    };
    let others: Vec<&str> = t
        .rows
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != r)
        .filter_map(|(_, o)| o.cells.get(c).and_then(|x| x.value.as_deref()))
        .collect();
    // A column of amounts in different currencies ("$12,300,000", "€2,100,400",
    // "SEK25,000,000") has no total.
    fn currency(v: &str) -> &str {
        let v = v.trim();
        &v[..v.find(|ch: char| ch.is_ascii_digit()).unwrap_or(v.len())]
    }
    if others.iter().any(|v| currency(v) != currency(others[0])) {
        return false;
    }
    // A column with no other value: nothing says what it holds, so the cell counts.
    others.is_empty() || others.iter().any(|v| figure(v))
}

/// Whether the line holding byte `end` is followed by exactly one blank line and then
/// a line of text.
fn one_blank_line_after(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let mut lines = rest.split('\n').skip(1);
    let blank = |l: &str| l.trim().is_empty();
    matches!(
        (lines.next(), lines.next()),
        (Some(a), Some(b)) if blank(a) && !blank(b)
    )
}

pub fn tables(doc: &Document, out: &mut Listed) {
    for t in &doc.tables {
        if t.empty_cells() == 0 {
            continue;
        }
        // A blank-line table whose source marked its blank cells (a line holding only
        // a space or a no-break space, as the "Assessing the impact" matrices of
        // Mine Action profiles arrive) left them blank: its empty cells lost nothing.
        // A lost value leaves an empty line (the seed).
        // (The blank lines right after the table count: a last row's marked cells
        // stand there, "Total" / "16,356,696" / "21,890,663" / " ".)
        let after = doc.text.get(t.span.end..).unwrap_or("");
        let trailing = after.len()
            - after
                .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{a0}')
                .len();
        let trailing = after[..trailing].rfind('\n').map_or(0, |k| k + 1);
        if t.form == minewatch_profile::TableForm::BlankLine
            && doc
                .text
                .get(t.span.start..t.span.end + trailing)
                .is_some_and(|s| {
                    s.split('\n').any(|l| {
                        let l = l.trim_end_matches('\r');
                        !l.is_empty() && l.trim().is_empty()
                    })
                })
        {
            continue;
        }
        let lost: Vec<(usize, usize)> = (0..t.rows.len())
            .flat_map(|r| {
                let total = t.rows[r].is_total();
                (0..t.rows[r].cells.len()).map(move |c| (r, c, total))
            })
            .filter(|&(r, c, total)| cell_lost(&doc.text, t, r, c, total))
            .map(|(r, c, _)| (r, c))
            .collect();
        let empty = lost.len();
        if empty == 0 {
            continue;
        }
        // The caret stands on the first empty cell: in the pipe form the cell itself
        // (the blank between its bars); in the blank-line form, whose lost values left
        // only blank lines, the table's caption, or else the row that lost it.
        let (r0, c0) = lost[0];
        let span = match t.form {
            minewatch_profile::TableForm::Pipe => {
                empty_cell_span(&doc.text, t.rows[r0].cells[c0].span)
            }
            minewatch_profile::TableForm::BlankLine => t
                .caption
                .as_ref()
                .map(|c| c.span)
                .unwrap_or(t.rows[r0].label.span),
        };
        // "table \"{caption}\" has {empty} of {cells} cells empty: their values were
        // lost" (no caption, no name), put together without a formatter.
        let mut message = String::with_capacity(96);
        message.push_str("table");
        if let Some(c) = &t.caption {
            message.push_str(" \"");
            message.push_str(&c.value);
            message.push('"');
        }
        message.push_str(" has ");
        push_int(&mut message, empty as i64);
        message.push_str(" of ");
        push_int(&mut message, t.cell_count() as i64);
        message.push_str(" cells empty: their values were lost");
        let mut d = Diagnostic::new("empty-table", Severity::Warning, span, message)
            .with_help("restore the figures from the source");
        // Every row that lost a value, with the columns it lost, in both forms (the
        // first ones of a long table: the message says how many rows there are).
        const ROWS_SHOWN: usize = 12;
        let rows_lost = lost.chunk_by(|a, b| a.0 == b.0).count();
        if rows_lost > ROWS_SHOWN {
            d.message = format!(
                "{} ({rows_lost} rows; the first {ROWS_SHOWN} are shown)",
                d.message
            )
            .into();
        }
        for row_lost in lost.chunk_by(|a, b| a.0 == b.0).take(ROWS_SHOWN) {
            let r = &t.rows[row_lost[0].0];
            // "row \"{label}\" has no values", or "... has no value in column(s)
            // {names or numbers, joined by ", "}", put together without a formatter.
            let mut m = String::with_capacity(r.label.value.len() + 32);
            m.push_str("row \"");
            m.push_str(&r.label.value);
            m.push_str("\" ");
            if row_lost.len() == r.cells.len() {
                m.push_str("has no values");
            } else {
                m.push_str("has no value in column");
                if row_lost.len() > 1 {
                    m.push('s');
                }
                m.push(' ');
                for (k, &(_, c)) in row_lost.iter().enumerate() {
                    if k > 0 {
                        m.push_str(", ");
                    }
                    match t.columns.get(c) {
                        Some(h) if !h.value.is_empty() => {
                            m.push('\u{201c}');
                            m.push_str(&h.value);
                            m.push('\u{201d}');
                        }
                        _ => push_int(&mut m, c as i64 + 1),
                    }
                }
            }
            d = d.with_related(r.label.span, m);
        }
        out.push(d);
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "in", "on", "for", "to", "by", "with", "from", "at", "as", "is",
    "was", "its", "this", "that", "or",
];
const SUFFIX_WORDS: &[&str] = &[
    "for", "the", "of", "and", "with", "from", "that", "to", "in", "by", "on",
];
const NOT_GLUED: &[&str] = &[
    "hereby",
    "thereby",
    "whereby",
    "nearby",
    "standby",
    "herein",
    "therein",
    "wherein",
    "thereof",
    "hereof",
    "whereof",
    "within",
    "without",
    "upon",
    "into",
    "onto",
    "cannot",
    "therefore",
    "thereto",
    "hereto",
    "whereto",
    "thereon",
    "hereon",
    "whereon",
    "forthwith",
    "heretofore",
    "thereafter",
    "hereafter",
    "whereas",
    "wherefrom",
    "therefrom",
    "herewith",
    "therewith",
    "notwithstanding",
    "often",
    "mainland",
    "homeland",
    "headland",
    "wasteland",
    "grassland",
    "woodland",
    "farmland",
    "wetland",
    "borderland",
    "highland",
    "lowland",
    "hinterland",
    "motherland",
    "fatherland",
    "overland",
    "outstanding",
    "understanding",
    "withstanding",
    "wherewith",
    "passersby",
    "bystanders",
    "thereto",
    "lineup",
];

/// Words of a text: maximal runs of letters, with the byte offset of each. No allocation.
struct Words<'a> {
    text: &'a str,
    pos: usize,
}

fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

#[inline(always)]
fn is_letter_at(text: &str, i: usize) -> Option<(bool, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((b.is_ascii_alphabetic(), 1));
    }
    let c = text[i..].chars().next()?;
    Some((c.is_alphabetic(), c.len_utf8()))
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);
    fn next(&mut self) -> Option<(usize, &'a str)> {
        let text = self.text;
        let b = text.as_bytes();
        let n = b.len();
        let mut i = self.pos;
        // Skip non-letters: a tight loop over ASCII bytes, decoding only non-ASCII.
        while i < n {
            let c = b[i];
            if c < 0x80 {
                if c.is_ascii_alphabetic() {
                    break;
                }
                i += 1;
            } else {
                match is_letter_at(text, i) {
                    Some((true, _)) => break,
                    Some((false, len)) => i += len,
                    None => i += 1,
                }
            }
        }
        let start = i;
        while i < n {
            let c = b[i];
            if c < 0x80 {
                if !c.is_ascii_alphabetic() {
                    break;
                }
                i += 1;
            } else {
                match is_letter_at(text, i) {
                    Some((true, len)) => i += len,
                    _ => break,
                }
            }
        }
        self.pos = i;
        (i > start).then(|| (start, &text[start..i]))
    }
}

/// A hash of a word, case-folded: equal for "Defense", "defense" and "DEFENSE".
fn fold_hash(w: &str) -> u64 {
    if w.is_ascii() {
        return hash_lower(w.as_bytes());
    }
    let folded: String = w.chars().flat_map(char::to_lowercase).collect();
    hash_lower(folded.as_bytes())
}

/// Eight bytes with their ASCII capitals lowered (other bytes as they are), at once.
#[inline(always)]
fn lower8(v: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let h7 = v & LOW7;
    // The high bit of each byte: at least 'A' (0x41), and above 'Z' (0x5a).
    let from_a = h7 + 0x3f3f_3f3f_3f3f_3f3f;
    let past_z = h7 + 0x2525_2525_2525_2525;
    let upper = from_a & !past_z & !v & HIGH;
    v | (upper >> 2)
}

/// Hash of bytes with ASCII capitals lowered, eight bytes a step: this runs on every
/// word of every profile.
#[inline]
fn hash_lower(b: &[u8]) -> u64 {
    hash_lower_at(b, 0, b.len())
}

/// [`hash_lower`] of `b[start..end]`, reading whole eight-byte words where `b` goes on
/// past the end (masked to the length: the same value as the bytes padded with zeros).
#[inline(always)]
fn hash_lower_at(b: &[u8], start: usize, end: usize) -> u64 {
    let mut h = hash_start(end - start);
    let mut i = start;
    while i + 8 <= end {
        h = hash_step(h, load8(&b[i..i + 8]));
        i += 8;
    }
    let r = end - i;
    if r > 0 {
        let v = if i + 8 <= b.len() {
            load8(&b[i..i + 8]) & (u64::MAX >> (8 * (8 - r)))
        } else {
            let mut x = [0u8; 8];
            x[..r].copy_from_slice(&b[i..end]);
            u64::from_le_bytes(x)
        };
        h = hash_step(h, v);
    }
    hash_finish(h)
}

/// [`hash_lower_at`] of ASCII letters (lowered by setting bit 0x20 of each, as the
/// word scan does), sixteen at most with sixteen bytes of text from the first: one
/// step of eight or two, with no loop.
#[inline(always)]
fn hash_letters_at(b: &[u8], start: usize, end: usize) -> u64 {
    const LOW: u64 = 0x2020_2020_2020_2020;
    let n = end - start;
    if n <= 16 && start + 16 <= b.len() {
        let v = load8(&b[start..start + 8]) | LOW;
        hash_finish(if n <= 8 {
            hash_first(n, v & KEEP[n])
        } else {
            hash_mix(
                hash_first(n, v),
                (load8(&b[start + 8..start + 16]) | LOW) & KEEP[n - 8],
            )
        })
    } else {
        hash_lower_at(b, start, end)
    }
}

/// The three parts of [`hash_lower_at`]: the start for `len` bytes, a step of eight
/// (zeros past the end), the end. The start is nothing, not mixed with the length:
/// what is hashed is words and parts of words, letters, none a zero byte, so the
/// zeros that pad the last step tell where the word ends (three instructions fewer
/// for every word of the scan).
#[inline(always)]
fn hash_start(_len: usize) -> u64 {
    0
}

/// `hash_mix(hash_start(len), lowered)`: the eight bytes mixed alone.
#[inline(always)]
fn hash_first(_len: usize, lowered: u64) -> u64 {
    lowered.wrapping_mul(0x517C_C1B7_2722_0A95)
}

#[inline(always)]
fn hash_step(h: u64, v: u64) -> u64 {
    hash_mix(h, lower8(v))
}

/// [`hash_step`] of eight bytes already lowered.
#[inline(always)]
fn hash_mix(h: u64, lowered: u64) -> u64 {
    (h.rotate_left(5) ^ lowered).wrapping_mul(0x517C_C1B7_2722_0A95)
}

/// The end: the product's upper half, mixed from every byte, turned down to the low
/// bits, which the filters and tables read (a product's low bits come from the low
/// bytes only). One instruction for every word of the scan, where a full mix took
/// seven; a rotation, so no two hashes become one.
#[inline(always)]
fn hash_finish(h: u64) -> u64 {
    h.rotate_left(32)
}

#[inline(always)]
fn load8(b: &[u8]) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(b);
    u64::from_le_bytes(x)
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ *b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type IdMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<IdHasher>>;

/// Every word of the document with its case-folded hash, found in one pass and shared
/// by the checks that look at words.
pub struct WordIndex {
    /// Byte ranges of the words in `doc.text`, in order.
    pub spans: Vec<(u32, u32)>,
    /// `fold_hash` of each word.
    pub hashes: Vec<u64>,
    /// The words that could be two glued together ([`is_candidate`]), by index, in
    /// order, each with whether a lower-case letter stands before a capital in it:
    /// decided during the scan, while the word is at hand.
    pub glue_candidates: Vec<(u32, bool)>,
    /// Capitalised ASCII words of seven letters or more whose first four letters may
    /// begin a state's name ([`glued_to_names`]), by index.
    pub name_candidates: Vec<u32>,
    /// ASCII words that start with a capital right after a full stop or a bracket
    /// ([`glued_after_stops`]), by index.
    pub stop_candidates: Vec<u32>,
    /// The ASCII words right after an ASCII digit ([`glued_to_numbers`]), by index.
    pub number_candidates: Vec<u32>,
    /// The words that start with an ASCII capital and whose hash passes the months'
    /// filter ([`month_filter`], for [`impossible_dates`]), by index.
    pub month_candidates: Vec<u32>,
    /// See [`WordIndex::counts`].
    counts: std::sync::OnceLock<IdMap<u32>>,
    /// The word scan's candidates not yet in their lists (see [`WordIndex::new_in`]),
    /// kept with the lists from one profile to the next: not set to zeros for each.
    held: Box<Held>,
}

/// Room for the candidates of [`HELD`] words, of each kind: see [`WordIndex::new_in`].
struct Held {
    glue: [(u32, bool); HELD],
    name: [u32; HELD],
    stop: [u32; HELD],
    number: [u32; HELD],
    month: [u32; HELD],
}

impl Held {
    fn new() -> Box<Held> {
        Box::new(Held {
            glue: [(0, false); HELD],
            name: [0; HELD],
            stop: [0; HELD],
            number: [0; HELD],
            month: [0; HELD],
        })
    }
}

/// The words the word scan holds before it adds them to the index's lists.
const WORDS: usize = 256;

/// The candidates of each kind it holds at most: one a word, and one more (see
/// [`WordIndex::new_in`]).
const HELD: usize = WORDS + 1;

/// Byte classes for the word scan: an ASCII letter, lower case, upper case (`LOWER << 1`,
/// so a lower-case class shifted left meets an upper-case one), a byte of a
/// multi-byte character, or an ASCII digit.
const LETTER: u8 = 1;
const LOWER: u8 = 2;
const UPPER: u8 = 4;
const NON_ASCII: u8 = 8;
const DIGIT: u8 = 16;
static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_lowercase() {
            LETTER | LOWER
        } else if b.is_ascii_uppercase() {
            LETTER | UPPER
        } else if b >= 0x80 {
            NON_ASCII
        } else if b.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        i += 1;
    }
    t
};

/// How far the word scan steps past the byte that ends a word it read whole: one
/// ASCII byte, a quotation mark or dash (three bytes, led by a byte beyond ASCII), or
/// none for a digit (the loop's start looks at digits).
static STEP_AFTER: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut i = 0;
    while i < 256 {
        if i >= 0x80 {
            t[i] = 3;
        } else if (i as u8).is_ascii_digit() {
            t[i] = 0;
        }
        i += 1;
    }
    t
};

/// The bytes the word scan reads at a time for the mask of their letters.
const BLOCK: usize = 64;

/// The bit of each byte of `v` whose high bit is set (the only bits set), at once:
/// bit `k` for byte `k`. The eight high bits are each multiplied into a place of
/// their own in the top byte (no two products meet, so nothing carries).
#[inline(always)]
fn byte_mask(high: u64) -> u64 {
    high.wrapping_mul(0x0002_0408_1020_4081) >> 56
}

/// [`letter_bits`] of the bytes of `v` before the first beyond ASCII, if any (the
/// bits after it wrong): one test fewer.
#[inline(always)]
fn ascii_letter_bits(v: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Lowered, a letter is 'a'..='z'; an ASCII byte carries into no other (at most
    // 0x7f + 0x1f), and a carry from a byte beyond it goes up, to the bytes after.
    let x = v | 0x2020_2020_2020_2020;
    x.wrapping_add(0x1f1f_1f1f_1f1f_1f1f) & !x.wrapping_add(0x0505_0505_0505_0505) & HIGH
}

/// The first `r` bytes of eight, by `r`.
static KEEP: [u64; 9] = {
    let mut t = [u64::MAX; 9];
    let mut r = 0;
    while r < 8 {
        t[r] = (1u64 << (8 * r)) - 1;
        r += 1;
    }
    t
};

/// What the byte before a word makes of it: a digit (a number candidate), or a full
/// stop or a bracket (`STOP`: a stop candidate, if the word starts with a capital).
const STOP: u8 = 1;
static BEFORE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_digit() {
            DIGIT
        } else if b == b'.' || b == b']' {
            STOP
        } else {
            0
        };
        i += 1;
    }
    t
};

impl WordIndex {
    /// How many times each word stands in the document, by hash: built on first use
    /// (the checks that need it find few candidates; a scan of every word per
    /// candidate would be quadratic on a hostile file).
    fn counts(&self) -> &IdMap<u32> {
        self.counts.get_or_init(|| {
            let mut m: IdMap<u32> = IdMap::default();
            for &h in &self.hashes {
                *m.entry(h).or_insert(0) += 1;
            }
            m
        })
    }

    /// How many times the word of hash `h` stands in the document.
    fn count(&self, h: u64) -> u32 {
        self.counts().get(&h).copied().unwrap_or(0)
    }

    #[cfg(test)]
    pub fn new(text: &str) -> WordIndex {
        WordIndex::new_in(text, None)
    }

    /// [`WordIndex::new`] in the lists of an index no longer needed, if given (one
    /// per thread: a profile's lists not allocated anew for every profile).
    pub fn new_in(text: &str, old: Option<WordIndex>) -> WordIndex {
        let (
            mut spans,
            mut hashes,
            mut glue_candidates,
            mut name_candidates,
            mut stop_candidates,
            mut number_candidates,
            mut month_candidates,
            mut held,
        ) = match old {
            Some(w) => (
                w.spans,
                w.hashes,
                w.glue_candidates,
                w.name_candidates,
                w.stop_candidates,
                w.number_candidates,
                w.month_candidates,
                w.held,
            ),
            None => (
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Vec::new(),
                Held::new(),
            ),
        };
        spans.clear();
        hashes.clear();
        glue_candidates.clear();
        name_candidates.clear();
        stop_candidates.clear();
        number_candidates.clear();
        month_candidates.clear();
        // (Six bytes a word in prose, and more; five, not to grow for most profiles.)
        spans.reserve(text.len() / 5 + 8);
        hashes.reserve(text.len() / 5 + 8);
        // Candidates of each kind, made at about the number a profile has (a glue
        // candidate every fifty bytes or so, the others rarer), not grown from nothing.
        glue_candidates.reserve(text.len() / 48);
        name_candidates.reserve(text.len() / 256);
        stop_candidates.reserve(text.len() / 256);
        number_candidates.reserve(text.len() / 64);
        month_candidates.reserve(text.len() / 96);
        let heads = &state_names().1;
        let months = &month_filter().1;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let b = text.as_bytes();
        let n = b.len();
        let mut i = 0;
        // Whether the next step is one of the loop below the blocks (a word or a
        // character the blocks leave to it).
        let mut one_step = false;
        // The spans and hashes of the words, written here first and added to the lists
        // `WORDS` at a time (a push a word kept the lists' lengths and pointers on the
        // stack, loaded and stored for every word). `k` words are found, word `k` at
        // `k % WORDS` here (a ring), the first `flushed` in the lists: one count a
        // word, where a count of the words here and one of those in the lists took
        // two.
        let mut word_spans = [(0u32, 0u32); WORDS];
        let mut word_hashes = [0u64; WORDS];
        let mut k = 0usize;
        let mut flushed = 0usize;
        let (mut glue_n, mut name_n, mut stop_n, mut number_n, mut month_n) = (0, 0, 0, 0, 0);
        macro_rules! flush {
            () => {
                let (from, words) = (flushed % WORDS, k - flushed);
                let to = (from + words).min(WORDS);
                spans.extend_from_slice(&word_spans[from..to]);
                hashes.extend_from_slice(&word_hashes[from..to]);
                spans.extend_from_slice(&word_spans[..from + words - to]);
                hashes.extend_from_slice(&word_hashes[..from + words - to]);
                flushed = k;
                glue_candidates.extend_from_slice(&held.glue[..glue_n]);
                name_candidates.extend_from_slice(&held.name[..name_n]);
                stop_candidates.extend_from_slice(&held.stop[..stop_n]);
                number_candidates.extend_from_slice(&held.number[..number_n]);
                month_candidates.extend_from_slice(&held.month[..month_n]);
                // (Not read after the last flush.)
                #[allow(unused_assignments)]
                {
                    (glue_n, name_n, stop_n, number_n, month_n) = (0, 0, 0, 0, 0);
                }
            };
        }
        // Each word's candidates are noted in `held` first too, and added to their
        // lists with the words (a push may call to grow its list, and around such a
        // call the block loop below kept its values on the stack, stored and loaded for
        // every word). A list takes one entry a word at most; the words are flushed
        // once `WORDS` are held, when the next word's candidates may be noted already:
        // room for one more.
        macro_rules! note {
            ($held:ident, $n:ident, $v:expr) => {
                held.$held[$n] = $v;
                $n += 1;
            };
        }
        macro_rules! push_word {
            ($span:expr, $h:expr) => {
                if k - flushed == WORDS {
                    flush!();
                }
                word_spans[k % WORDS] = $span;
                word_hashes[k % WORDS] = $h;
                k += 1;
            };
        }
        while i < n {
            // Most of a profile: the words of sixty-four bytes at a time, from a mask
            // of their letters (a bit a byte), up to the first byte beyond ASCII. The
            // words of sixteen letters at most that end inside the block are taken
            // whole from the mask: no step over the bytes between them. `i` is where no
            // word goes on from before (the start of the text, of a word, or a byte
            // that is no letter, or one after a byte that is none). Not at the start of
            // the text: the block is read with the byte before it.
            if !one_step && i > 0 && i + BLOCK + 16 <= n {
                // Room for the block's words: at most thirty-two (a word's start
                // follows a byte that is no letter, so no two starts are next to each
                // other).
                if k - flushed + BLOCK / 2 > WORDS {
                    flush!();
                }
                let p = i;
                // The byte before the block, the block, and sixteen bytes more (a word's
                // two steps of eight): byte `j` of the block is `blk[j + 1]`.
                let blk: &[u8; BLOCK + 17] = b[p - 1..p + BLOCK + 16].try_into().unwrap();
                let mut letters = 0u64;
                let mut any = 0u64;
                for k in 0..BLOCK / 8 {
                    let v = load8(&blk[8 * k + 1..8 * k + 9]);
                    any |= v;
                    letters |= byte_mask(ascii_letter_bits(v)) << (8 * k);
                }
                // The bytes before the first one beyond ASCII: the region read here.
                let limit = if any & HIGH == 0 {
                    BLOCK
                } else {
                    let mut k = 0;
                    while load8(&blk[8 * k + 1..8 * k + 9]) & HIGH == 0 {
                        k += 1;
                    }
                    8 * k + (load8(&blk[8 * k + 1..8 * k + 9]) & HIGH).trailing_zeros() as usize / 8
                };
                let region = if limit == BLOCK {
                    u64::MAX
                } else {
                    (1u64 << limit) - 1
                };
                let letters = letters & region;
                let mut starts = letters & !(letters << 1);
                // Where the step ends: past the region, unless a word is left over.
                i = p + limit;
                one_step = limit < BLOCK;
                // The last word, if it reaches the end of the region: it may go on past
                // the block (read from its start in the next, unless it starts this
                // one), or to a byte beyond ASCII (left to the loop below).
                if limit > 0 && letters >> (limit - 1) & 1 != 0 {
                    let last = 63 - starts.leading_zeros() as usize;
                    starts &= !(1u64 << last);
                    i = p + last;
                    one_step = last == 0 || limit < BLOCK;
                }
                while starts != 0 {
                    const LOW: u64 = 0x2020_2020_2020_2020;
                    let s = starts.trailing_zeros() as usize;
                    // (Each word left ends inside the region, at a clear bit of
                    // `letters`: the bits shifted in past it, set here, are never reached.)
                    let len = (!(letters >> s)).trailing_zeros() as usize;
                    if len > 16 {
                        // A word of more than sixteen letters: left to the loop below.
                        i = p + s;
                        one_step = true;
                        break;
                    }
                    starts &= starts - 1;
                    let start = p + s;
                    let v = load8(&blk[s + 1..s + 9]);
                    // Bit 0x80 of each byte of the word that is a lower-case letter
                    // (bit 0x20 set): the first a capital where it is clear, and a
                    // case change where a capital follows a lower-case letter. The
                    // hash as in the loop below.
                    let lower = (v << 2) & HIGH;
                    let capital = v & 0x20 == 0;
                    let (joint, h) = if len <= 8 {
                        let keep = KEEP[len];
                        (
                            (lower << 8) & !lower & keep != 0,
                            hash_first(len, (v | LOW) & keep),
                        )
                    } else {
                        let v2 = load8(&blk[s + 9..s + 17]);
                        let keep2 = KEEP[len - 8];
                        let lower2 = (v2 << 2) & HIGH;
                        (
                            (lower << 8) & !lower != 0
                                || ((lower >> 56) | (lower2 << 8)) & !lower2 & keep2 != 0,
                            hash_mix(hash_first(len, v | LOW), (v2 | LOW) & keep2),
                        )
                    };
                    let kw = k as u32;
                    if joint
                        || len >= 6
                            && ends_like_function_word(u32::from_le_bytes(
                                blk[s + len - 3..s + len + 1].try_into().unwrap(),
                            ))
                    {
                        note!(glue, glue_n, (kw, joint));
                    }
                    let h = hash_finish(h);
                    // The byte before the word: a digit, or a full stop or bracket. (Most
                    // are a space or a line's end, below '.': turned away by one compare,
                    // where the table took a load more.)
                    if blk[s] >= b'.' {
                        let before = BEFORE[blk[s] as usize];
                        if before != 0 {
                            if before & DIGIT != 0 {
                                note!(number, number_n, kw);
                            } else if capital {
                                note!(stop, stop_n, kw);
                            }
                        }
                    }
                    if capital {
                        if len >= 7 && !joint && {
                            let bit = head_bit_of(v as u32);
                            heads[bit >> 6] & (1 << (bit & 63)) != 0
                        } {
                            note!(name, name_n, kw);
                        }
                        if months[h as usize & 255] {
                            note!(month, month_n, kw);
                        }
                    }
                    word_spans[k % WORDS] = (start as u32, (start + len) as u32);
                    word_hashes[k % WORDS] = h;
                    k += 1;
                }
                continue;
            }
            one_step = false;
            let c = CLASS[b[i] as usize];
            if c & (LETTER | NON_ASCII | DIGIT) == 0 {
                i += 1;
                continue;
            }
            // A digit: passed over (the word after it notes it).
            if c & DIGIT != 0 {
                i += 1;
                continue;
            }
            if c & NON_ASCII != 0 && is_punctuation_at(b, i) {
                i += 3;
                continue;
            }
            let start = i;
            // An ASCII word right after an ASCII digit.
            if c & LETTER != 0 && start > 0 && b[start - 1].is_ascii_digit() {
                note!(number, number_n, k as u32);
            }
            // Most words: ASCII letters ending within the sixteen bytes from their
            // start (fifteen letters at most), at an ASCII byte or a quotation mark or
            // dash. Their letters, case change and hash come from those bytes eight at a
            // time, in one step or two.
            if c & LETTER != 0 && i + 8 <= n {
                const LOW: u64 = 0x2020_2020_2020_2020;
                let v = load8(&b[i..i + 8]);
                let letters = letter_bits(v);
                let run = ((!letters & HIGH).trailing_zeros() / 8) as usize;
                // Of the word: its length, the byte after it, its last four bytes, its
                // first letter a capital, a lower-case letter before a capital, its hash
                // (`hash_lower_at(b, start, end)`: masked steps of eight bytes, all
                // letters, so lowered by setting bit 0x20 of each). `None`: left to the
                // loop below.
                let word = if run < 8 {
                    let keep = (1u64 << (8 * run)) - 1;
                    // A letter is a capital where bit 0x20 is clear (moved up to 0x80).
                    let upper = letters & !(v << 2) & keep;
                    let lower = letters & keep & !upper;
                    Some((
                        run,
                        (v >> (8 * run)) as u8,
                        (v >> (8 * run.max(4) - 32)) as u32,
                        upper & 0x80 != 0,
                        (lower << 8) & upper != 0,
                        hash_mix(hash_start(run), (v | LOW) & keep),
                    ))
                } else if i + 16 <= n {
                    let v2 = load8(&b[i + 8..i + 16]);
                    let letters2 = letter_bits(v2);
                    let run2 = ((!letters2 & HIGH).trailing_zeros() / 8) as usize;
                    (run2 < 8).then(|| {
                        let keep2 = (1u64 << (8 * run2)) - 1;
                        let upper = letters & !(v << 2);
                        let lower = letters & !upper;
                        let upper2 = letters2 & !(v2 << 2) & keep2;
                        let lower2 = letters2 & keep2 & !upper2;
                        let both = (v2 as u128) << 64 | v as u128;
                        let len = 8 + run2;
                        let mut h = hash_mix(hash_start(len), v | LOW);
                        if run2 > 0 {
                            h = hash_mix(h, (v2 | LOW) & keep2);
                        }
                        (
                            len,
                            (v2 >> (8 * run2)) as u8,
                            (both >> (8 * len - 32)) as u32,
                            upper & 0x80 != 0,
                            // Inside a step, or across the two.
                            (lower << 8) & upper != 0
                                || (lower >> 56) & upper2 != 0
                                || (lower2 << 8) & upper2 != 0,
                            h,
                        )
                    })
                } else {
                    None
                };
                if let Some((len, after, tail, capital, joint, h)) = word {
                    let end = i + len;
                    if after < 0x80 || is_punctuation_at(b, end) {
                        let kw = k as u32;
                        if joint || len >= 6 && ends_like_function_word(tail) {
                            note!(glue, glue_n, (kw, joint));
                        }
                        let h = hash_finish(h);
                        if capital {
                            if start > 0 && matches!(b[start - 1], b'.' | b']') {
                                note!(stop, stop_n, kw);
                            }
                            if len >= 7 && !joint && {
                                // The word's first bytes are those read first.
                                let bit = head_bit_of(v as u32);
                                heads[bit >> 6] & (1 << (bit & 63)) != 0
                            } {
                                note!(name, name_n, kw);
                            }
                            if months[h as usize & 255] {
                                note!(month, month_n, kw);
                            }
                        }
                        push_word!((start as u32, end as u32), h);
                        // The byte after the word is no letter: past it (a quotation
                        // mark or dash, three bytes), unless it is a digit (left to
                        // the loop's start, which notes a word right after it).
                        i = end + STEP_AFTER[after as usize] as usize;
                        continue;
                    }
                }
            }
            // An ASCII word in one tight loop; anything else through the general iterator.
            // Bit UPPER of `seen` ends up set where a lower-case letter precedes a capital.
            let mut seen = 0u8;
            let mut prev = 0u8;
            // Eight bytes a step while they last: the run of letters, and whether a
            // lower-case letter stands before a capital in it (also across steps).
            while i + 8 <= n {
                let v = load8(&b[i..i + 8]);
                let letters = letter_bits(v);
                let run = ((!letters & HIGH).trailing_zeros() / 8) as usize;
                let keep = if run == 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * run)) - 1
                };
                let lower = letters & ((v & 0x2020_2020_2020_2020) << 2) & keep;
                let upper = letters & !lower & keep;
                if (lower << 8) & upper != 0 || prev & LOWER != 0 && upper & 0x80 != 0 {
                    seen |= UPPER;
                }
                if run > 0 {
                    prev = if (lower >> (8 * (run - 1))) & 0x80 != 0 {
                        LOWER
                    } else {
                        0
                    };
                }
                i += run;
                if run < 8 {
                    break;
                }
            }
            // The last bytes of the text (or a run that reached them) one at a time.
            if i + 8 > n {
                while i < n {
                    let c = CLASS[b[i] as usize];
                    if c & LETTER == 0 {
                        break;
                    }
                    seen |= (prev << 1) & c;
                    prev = c;
                    i += 1;
                }
            }
            let joint = seen & UPPER != 0;
            // A word that ends at a quotation mark or a dash is whole as read.
            if i < n && b[i] >= 0x80 && !is_punctuation_at(b, i) || i == start {
                let mut it = words(text);
                it.pos = start;
                match it.next() {
                    Some((s, w)) => {
                        i = s + w.len();
                        let mut prev: Option<char> = None;
                        let joint = w.chars().any(|c| {
                            let j = prev.is_some_and(char::is_lowercase) && c.is_uppercase();
                            prev = Some(c);
                            j
                        });
                        if is_candidate(w, joint) {
                            note!(glue, glue_n, (k as u32, joint));
                        }
                        // A digit the iterator passed over before the word (the
                        // loop's start looked at those before `start`).
                        if s > start && b[s - 1].is_ascii_digit() && b[s].is_ascii_alphabetic() {
                            note!(number, number_n, k as u32);
                        }
                        let h = fold_hash(w);
                        if b[s].is_ascii_uppercase() && months[h as usize & 255] {
                            note!(month, month_n, k as u32);
                        }
                        push_word!((s as u32, i as u32), h);
                    }
                    None => i = n,
                }
                continue;
            }
            if joint
                || i - start >= 6
                    && ends_like_function_word(u32::from_le_bytes([
                        b[i - 4],
                        b[i - 3],
                        b[i - 2],
                        b[i - 1],
                    ]))
            {
                note!(glue, glue_n, (k as u32, joint));
            }
            if start > 0 && matches!(b[start - 1], b'.' | b']') && b[start].is_ascii_uppercase() {
                note!(stop, stop_n, k as u32);
            }
            if i - start >= 7 && b[start].is_ascii_uppercase() && !joint && {
                let bit = head_bit(&b[start..]);
                heads[bit >> 6] & (1 << (bit & 63)) != 0
            } {
                note!(name, name_n, k as u32);
            }
            let h = hash_lower_at(b, start, i);
            if b[start].is_ascii_uppercase() && months[h as usize & 255] {
                note!(month, month_n, k as u32);
            }
            push_word!((start as u32, i as u32), h);
        }
        flush!();
        debug_assert_eq!(flushed, spans.len());
        WordIndex {
            spans,
            hashes,
            glue_candidates,
            name_candidates,
            stop_candidates,
            number_candidates,
            month_candidates,
            counts: std::sync::OnceLock::new(),
            held,
        }
    }

    /// The word scan as first written, one byte or one word a step: what
    /// [`WordIndex::new_in`] must agree with on every text.
    #[cfg(test)]
    fn new_in_reference(text: &str) -> WordIndex {
        let old: Option<WordIndex> = None;
        let (
            mut spans,
            mut hashes,
            mut glue_candidates,
            mut name_candidates,
            mut stop_candidates,
            mut number_candidates,
            mut month_candidates,
        ) = match old {
            Some(w) => (
                w.spans,
                w.hashes,
                w.glue_candidates,
                w.name_candidates,
                w.stop_candidates,
                w.number_candidates,
                w.month_candidates,
            ),
            None => Default::default(),
        };
        spans.clear();
        hashes.clear();
        glue_candidates.clear();
        name_candidates.clear();
        stop_candidates.clear();
        number_candidates.clear();
        month_candidates.clear();
        // (Six bytes a word in prose, and more; five, not to grow for most profiles.)
        spans.reserve(text.len() / 5 + 8);
        hashes.reserve(text.len() / 5 + 8);
        // Candidates of each kind, made at about the number a profile has (a glue
        // candidate every fifty bytes or so, the others rarer), not grown from nothing.
        glue_candidates.reserve(text.len() / 48);
        name_candidates.reserve(text.len() / 256);
        stop_candidates.reserve(text.len() / 256);
        number_candidates.reserve(text.len() / 64);
        month_candidates.reserve(text.len() / 96);
        let heads = &state_names().1;
        let months = &month_filter().1;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let b = text.as_bytes();
        let n = b.len();
        let mut i = 0;
        while i < n {
            let c = CLASS[b[i] as usize];
            if c & (LETTER | NON_ASCII | DIGIT) == 0 {
                i += 1;
                continue;
            }
            // A digit: the next word is a number candidate if it starts right after.
            // (Every digit outside the general iterator's reach is passed over here: a
            // word is never stepped past when a digit ends it.)
            if c & DIGIT != 0 {
                i += 1;
                if b.get(i).is_some_and(u8::is_ascii_alphabetic) {
                    number_candidates.push(spans.len() as u32);
                }
                continue;
            }
            if c & NON_ASCII != 0 && is_punctuation_at(b, i) {
                i += 3;
                continue;
            }
            let start = i;
            // Most words: ASCII letters ending within the sixteen bytes from their
            // start (fifteen letters at most), at an ASCII byte or a quotation mark or
            // dash. Their letters, case change and hash come from those bytes eight at a
            // time, in one step or two.
            if c & LETTER != 0 && i + 8 <= n {
                const LOW: u64 = 0x2020_2020_2020_2020;
                let v = load8(&b[i..i + 8]);
                let letters = letter_bits(v);
                let run = ((!letters & HIGH).trailing_zeros() / 8) as usize;
                // Of the word: its length, the byte after it, its last four bytes, its
                // first letter a capital, a lower-case letter before a capital, its hash
                // (`hash_lower_at(b, start, end)`: masked steps of eight bytes, all
                // letters, so lowered by setting bit 0x20 of each). `None`: left to the
                // loop below.
                let word = if run < 8 {
                    let keep = (1u64 << (8 * run)) - 1;
                    // A letter is a capital where bit 0x20 is clear (moved up to 0x80).
                    let upper = letters & !(v << 2) & keep;
                    let lower = letters & keep & !upper;
                    Some((
                        run,
                        (v >> (8 * run)) as u8,
                        (v >> (8 * run.max(4) - 32)) as u32,
                        upper & 0x80 != 0,
                        (lower << 8) & upper != 0,
                        hash_mix(hash_start(run), (v | LOW) & keep),
                    ))
                } else if i + 16 <= n {
                    let v2 = load8(&b[i + 8..i + 16]);
                    let letters2 = letter_bits(v2);
                    let run2 = ((!letters2 & HIGH).trailing_zeros() / 8) as usize;
                    (run2 < 8).then(|| {
                        let keep2 = (1u64 << (8 * run2)) - 1;
                        let upper = letters & !(v << 2);
                        let lower = letters & !upper;
                        let upper2 = letters2 & !(v2 << 2) & keep2;
                        let lower2 = letters2 & keep2 & !upper2;
                        let both = (v2 as u128) << 64 | v as u128;
                        let len = 8 + run2;
                        let mut h = hash_mix(hash_start(len), v | LOW);
                        if run2 > 0 {
                            h = hash_mix(h, (v2 | LOW) & keep2);
                        }
                        (
                            len,
                            (v2 >> (8 * run2)) as u8,
                            (both >> (8 * len - 32)) as u32,
                            upper & 0x80 != 0,
                            // Inside a step, or across the two.
                            (lower << 8) & upper != 0
                                || (lower >> 56) & upper2 != 0
                                || (lower2 << 8) & upper2 != 0,
                            h,
                        )
                    })
                } else {
                    None
                };
                if let Some((len, after, tail, capital, joint, h)) = word {
                    let end = i + len;
                    if after < 0x80 || is_punctuation_at(b, end) {
                        let k = spans.len() as u32;
                        if joint || len >= 6 && ends_like_function_word(tail) {
                            glue_candidates.push((k, joint));
                        }
                        let h = hash_finish(h);
                        if capital {
                            if start > 0 && matches!(b[start - 1], b'.' | b']') {
                                stop_candidates.push(k);
                            }
                            if len >= 7 && !joint && {
                                // The word's first bytes are those read first.
                                let bit = head_bit_of(v as u32);
                                heads[bit >> 6] & (1 << (bit & 63)) != 0
                            } {
                                name_candidates.push(k);
                            }
                            if months[h as usize & 255] {
                                month_candidates.push(k);
                            }
                        }
                        spans.push((start as u32, end as u32));
                        hashes.push(h);
                        // The byte after the word is no letter: past it (a quotation
                        // mark or dash, three bytes), unless it is a digit (left to
                        // the loop's start, which notes a word right after it).
                        i = end + STEP_AFTER[after as usize] as usize;
                        continue;
                    }
                }
            }
            // An ASCII word in one tight loop; anything else through the general iterator.
            // Bit UPPER of `seen` ends up set where a lower-case letter precedes a capital.
            let mut seen = 0u8;
            let mut prev = 0u8;
            // Eight bytes a step while they last: the run of letters, and whether a
            // lower-case letter stands before a capital in it (also across steps).
            while i + 8 <= n {
                let v = load8(&b[i..i + 8]);
                let letters = letter_bits(v);
                let run = ((!letters & HIGH).trailing_zeros() / 8) as usize;
                let keep = if run == 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * run)) - 1
                };
                let lower = letters & ((v & 0x2020_2020_2020_2020) << 2) & keep;
                let upper = letters & !lower & keep;
                if (lower << 8) & upper != 0 || prev & LOWER != 0 && upper & 0x80 != 0 {
                    seen |= UPPER;
                }
                if run > 0 {
                    prev = if (lower >> (8 * (run - 1))) & 0x80 != 0 {
                        LOWER
                    } else {
                        0
                    };
                }
                i += run;
                if run < 8 {
                    break;
                }
            }
            // The last bytes of the text (or a run that reached them) one at a time.
            if i + 8 > n {
                while i < n {
                    let c = CLASS[b[i] as usize];
                    if c & LETTER == 0 {
                        break;
                    }
                    seen |= (prev << 1) & c;
                    prev = c;
                    i += 1;
                }
            }
            let joint = seen & UPPER != 0;
            // A word that ends at a quotation mark or a dash is whole as read.
            if i < n && b[i] >= 0x80 && !is_punctuation_at(b, i) || i == start {
                let mut it = words(text);
                it.pos = start;
                match it.next() {
                    Some((s, w)) => {
                        i = s + w.len();
                        let mut prev: Option<char> = None;
                        let joint = w.chars().any(|c| {
                            let j = prev.is_some_and(char::is_lowercase) && c.is_uppercase();
                            prev = Some(c);
                            j
                        });
                        if is_candidate(w, joint) {
                            glue_candidates.push((spans.len() as u32, joint));
                        }
                        // A digit the iterator passed over before the word (the
                        // loop's start looked at those before `start`).
                        if s > start && b[s - 1].is_ascii_digit() && b[s].is_ascii_alphabetic() {
                            number_candidates.push(spans.len() as u32);
                        }
                        let h = fold_hash(w);
                        if b[s].is_ascii_uppercase() && months[h as usize & 255] {
                            month_candidates.push(spans.len() as u32);
                        }
                        spans.push((s as u32, i as u32));
                        hashes.push(h);
                    }
                    None => i = n,
                }
                continue;
            }
            if joint
                || i - start >= 6
                    && ends_like_function_word(u32::from_le_bytes([
                        b[i - 4],
                        b[i - 3],
                        b[i - 2],
                        b[i - 1],
                    ]))
            {
                glue_candidates.push((spans.len() as u32, joint));
            }
            if start > 0 && matches!(b[start - 1], b'.' | b']') && b[start].is_ascii_uppercase() {
                stop_candidates.push(spans.len() as u32);
            }
            if i - start >= 7 && b[start].is_ascii_uppercase() && !joint && {
                let bit = head_bit(&b[start..]);
                heads[bit >> 6] & (1 << (bit & 63)) != 0
            } {
                name_candidates.push(spans.len() as u32);
            }
            let h = hash_lower_at(b, start, i);
            if b[start].is_ascii_uppercase() && months[h as usize & 255] {
                month_candidates.push(spans.len() as u32);
            }
            spans.push((start as u32, i as u32));
            hashes.push(h);
        }
        WordIndex {
            spans,
            hashes,
            glue_candidates,
            name_candidates,
            stop_candidates,
            number_candidates,
            month_candidates,
            counts: std::sync::OnceLock::new(),
            held: Held::new(),
        }
    }

    /// The index range of the words inside `span`.
    fn range(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.spans.partition_point(|w| (w.0 as usize) < span.start);
        let b = self.spans.partition_point(|w| (w.0 as usize) < span.end);
        a..b.max(a)
    }
}

/// Whether one of U+2010–U+202F (dashes, quotation marks, daggers, the ellipsis,
/// separators and marks of direction: none a letter) starts at byte `i` — the
/// non-ASCII characters that stand most beside words in profiles.
#[inline]
fn is_punctuation_at(b: &[u8], i: usize) -> bool {
    b.get(i..i + 3)
        .is_some_and(|x| x[0] == 0xE2 && x[1] == 0x80 && (0x90..=0xAF).contains(&x[2]))
}

/// A `glued-words` finding for `text[from..to]`, two words run together at `cut`.
fn glued_finding(text: &str, from: usize, cut: usize, to: usize, help: &'static str) -> Diagnostic {
    let glued = &text[from..to];
    Diagnostic::new(
        "glued-words",
        Severity::Warning,
        Span::new(from, to),
        format!(
            "\"{glued}\" looks like words run together: \"{}\" and \"{}\"",
            &text[from..cut],
            &text[cut..to]
        ),
    )
    .with_text(glued)
    .with_help(help)
}

/// The whitespace-delimited token around `s..e`, up to `TOKEN_REACH` bytes each side:
/// a "token" of megabytes without a space is looked at near the word only (a scan to
/// its ends for every word in it was quadratic: 129 s for 1.1 MB of mojibake).
fn token_around(text: &str, s: usize, e: usize) -> &str {
    let (ts, te) = token_bounds(text, s, e);
    &text[ts..te]
}

/// Where [`token_around`]'s token starts and ends.
fn token_bounds(text: &str, s: usize, e: usize) -> (usize, usize) {
    const TOKEN_REACH: usize = 256;
    let lo = minewatch_model::ceil_char_boundary(text, s.saturating_sub(TOKEN_REACH));
    let hi = minewatch_model::floor_char_boundary(text, e + TOKEN_REACH);
    // (ASCII white space, byte by byte: always a character boundary.)
    let b = text.as_bytes();
    let ts = b[lo..s]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(lo, |i| lo + i + 1);
    let te = b[e..hi]
        .iter()
        .position(u8::is_ascii_whitespace)
        .map_or(hi, |i| e + i);
    (ts, te)
}

/// Could this word be two glued together? A case change inside it (`joint`, found
/// by the word scan), or (six letters or more) an ending in one of the function words.
#[inline]
fn is_candidate(w: &str, joint: bool) -> bool {
    let b = w.as_bytes();
    joint
        || b.len() >= 6
            && suffixes_ending_in(b[b.len() - 1])
                .iter()
                .any(|f| ends_with_ignore_case(w, f))
}

/// The function words of [`SUFFIX_WORDS`] that end in `last` (any case).
const fn suffixes_ending_in(last: u8) -> &'static [&'static str] {
    match last.to_ascii_lowercase() {
        b'r' => &["for"],
        b'e' => &["the"],
        b'f' => &["of"],
        b'd' => &["and"],
        b'h' => &["with"],
        b'm' => &["from"],
        b't' => &["that"],
        b'o' => &["to"],
        b'n' => &["in", "on"],
        b'y' => &["by"],
        _ => &[],
    }
}

/// [`suffixes_ending_in`] as (mask, value) pairs on a word's last four bytes, read
/// as a little-endian `u32` with bit 0x20 set in each (lower case, for letters): by
/// the word's last byte, at most two, the rest never matching (mask 0, value 1).
static TAILS: [[(u32, u32); 2]; 256] = {
    let mut t = [[(0u32, 1u32); 2]; 256];
    let mut last = 0;
    while last < 256 {
        let list = suffixes_ending_in(last as u8);
        let mut j = 0;
        while j < list.len() {
            let f = list[j].as_bytes();
            let mut value = 0u32;
            let mut k = 0;
            while k < f.len() {
                value |= (f[k] as u32) << (8 * (4 - f.len() + k));
                k += 1;
            }
            t[last][j] = (u32::MAX << (8 * (4 - f.len())), value);
            j += 1;
        }
        last += 1;
    }
    t
};

/// [`TAILS`] as one (mask, value) pair a last byte: the bits its pairs agree on. Only
/// "in" and "on" end alike, and their pair takes a byte before the "n" that differs
/// from "i" in bits 0x06 ("i", "k", "m", "o"); a word it passes is tested on `TAILS`.
static TAIL_FILTER: [(u32, u32); 256] = {
    let mut t = [(0u32, 1u32); 256];
    let mut last = 0;
    while last < 256 {
        let [(m1, v1), (m2, v2)] = TAILS[last];
        t[last] = if m2 == 0 {
            (m1, v1)
        } else {
            let m = m1 & m2 & !(v1 ^ v2);
            (m, v1 & m)
        };
        last += 1;
    }
    t
};

/// [`is_candidate`]`(w, false)` for a word of six ASCII letters or more whose last
/// four bytes are `tail` (little-endian): masked compares instead of a search, one
/// for most words ([`TAIL_FILTER`]), where the two of [`TAILS`] took two.
#[inline(always)]
fn ends_like_function_word(tail: u32) -> bool {
    let t = tail | 0x2020_2020;
    let (m, v) = TAIL_FILTER[(tail >> 24) as usize];
    t & m == v && {
        let [(m1, v1), (m2, v2)] = TAILS[(tail >> 24) as usize];
        t & m1 == v1 || t & m2 == v2
    }
}

/// The length of the function word such a word ends like, if it does.
#[inline]
fn function_word_ending(tail: u32) -> Option<usize> {
    let t = tail | 0x2020_2020;
    TAILS[(tail >> 24) as usize]
        .iter()
        .find(|&&(m, v)| t & m == v)
        // (The mask covers the ending's last bytes: its length from where it starts,
        // a count of the bits not set below it, where a count of those set would be
        // a dozen instructions without the processor's own.)
        .map(|&(m, _)| 4 - m.trailing_zeros() as usize / 8)
}

#[inline]
fn ends_with_ignore_case(w: &str, suffix: &str) -> bool {
    w.len() > suffix.len()
        && w.as_bytes()[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Where the one case change of `w` is (a lower-case letter, then a capital), if it
/// has exactly one.
fn only_joint(w: &str) -> Option<usize> {
    let mut prev: Option<char> = None;
    let mut joint = None;
    for (i, ch) in w.char_indices() {
        if prev.is_some_and(char::is_lowercase) && ch.is_uppercase() {
            if joint.is_some() {
                return None;
            }
            joint = Some(i);
        }
        prev = Some(ch);
    }
    joint
}

/// How many times each of a few words stands in a document, by hash: open addressing
/// with linear probing, kept at most half full, made at its final size. A word not
/// asked for counts 0.
struct CountTable {
    /// (hash, count); `u32::MAX` counts an empty slot.
    slots: Vec<(u64, u32)>,
}

impl CountTable {
    const EMPTY: (u64, u32) = (0, u32::MAX);

    /// A table for `n` words at most.
    fn with_capacity(n: usize) -> CountTable {
        CountTable {
            slots: vec![Self::EMPTY; (n * 2).next_power_of_two().max(16)],
        }
    }

    /// The slot holding `h`, or the empty slot where it would go.
    #[inline]
    fn find(&self, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut k = (h as usize) & mask;
        loop {
            let e = self.slots[k];
            if e.1 == u32::MAX || e.0 == h {
                return k;
            }
            k = (k + 1) & mask;
        }
    }

    /// Ask for the count of `h` (0 until counted).
    fn insert(&mut self, h: u64) {
        let k = self.find(h);
        if self.slots[k].1 == u32::MAX {
            self.slots[k] = (h, 0);
        }
    }

    /// Count one more of `h`, if it was asked for (`u32::MAX` marks an empty slot,
    /// not a count: the test says so, where a saturating add would hide it).
    #[inline]
    #[allow(clippy::implicit_saturating_add)]
    fn bump(&mut self, h: u64) {
        let k = self.find(h);
        if self.slots[k].1 != u32::MAX {
            self.slots[k].1 += 1;
        }
    }

    /// The count of `h` (0 if it was not asked for).
    fn get(&self, h: u64) -> u32 {
        let e = self.slots[self.find(h)];
        if e.1 == u32::MAX {
            0
        } else {
            e.1
        }
    }
}

/// A word that could be two glued together, for [`glued_words`].
struct Candidate {
    /// Its number in the word index (its span and [`fold_hash`] there).
    k: u32,
    /// A lower-case letter stands before a capital in it.
    joint: bool,
    /// It is ASCII.
    ascii: bool,
    /// The length and `fold_hash` of what stands before the function word it ends
    /// like, if it does.
    before: Option<(usize, u64)>,
}

/// Whether `b[s..e]` is ASCII: a word of sixteen bytes at most, with sixteen bytes
/// of text from its start, in two loads masked to its length.
#[inline(always)]
fn is_ascii_span(b: &[u8], s: usize, e: usize) -> bool {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let n = e - s;
    if n <= 16 && s + 16 <= b.len() {
        let lo = load8(&b[s..s + 8]) & KEEP[n.min(8)];
        let hi = load8(&b[s + 8..s + 16]) & KEEP[n.saturating_sub(8)];
        (lo | hi) & HIGH == 0
    } else {
        b[s..e].is_ascii()
    }
}

pub fn glued_words(doc: &Document, wi: &WordIndex, out: &mut Listed) {
    let text = doc.text.as_str();
    // The few words that could be glued. Most documents have a handful.
    // Each with its hash from the word scan, and where it ends like a function word,
    // the length and hash of what stands before that ending ("product" in
    // "production"): a word ends like one function word at most ("in" and "on", the
    // only two ending alike, differ before).
    if wi.glue_candidates.is_empty() {
        return;
    }
    let tb = text.as_bytes();
    // The words the decisions need counts of: each candidate, its two halves at a case
    // change, and what stands before a function-word ending (two words a candidate at
    // most, four with a case change: a table made at that size, never grown), and a
    // filter of their hashes' top ten bits (a flag each: one load a word turns most
    // words away before the table is asked).
    let most = wi
        .glue_candidates
        .iter()
        .map(|&(_, joint)| if joint { 4 } else { 2 })
        .sum();
    let mut needed = CountTable::with_capacity(most);
    let mut filter = [false; 1024];
    let mut need = |h: u64| {
        needed.insert(h);
        filter[(h >> 54) as usize] = true;
    };
    let mut candidates: Vec<Candidate> = Vec::with_capacity(wi.glue_candidates.len());
    for &(k, joint) in &wi.glue_candidates {
        let (a, b) = (
            wi.spans[k as usize].0 as usize,
            wi.spans[k as usize].1 as usize,
        );
        // Most candidates: ASCII words of six letters or more, with no case change,
        // ending like a function word ("production", "convention"). Such a word is
        // looked at further (below) only if what stands before the ending has four
        // letters or more and stands in the profile twice: that count is asked for,
        // and the word's own for the decision after; or else it is left here.
        if !joint && b - a >= 6 && is_ascii_span(tb, a, b) {
            let tail = u32::from_le_bytes(tb[b - 4..b].try_into().unwrap());
            if let Some(f) = function_word_ending(tail) {
                if b - a - f >= 4 {
                    let h = hash_letters_at(tb, a, b - f);
                    need(h);
                    need(wi.hashes[k as usize]);
                    candidates.push(Candidate {
                        k,
                        joint,
                        ascii: true,
                        before: Some((b - a - f, h)),
                    });
                }
            }
            continue;
        }
        let w = &text[a..b];
        let ascii = w.is_ascii();
        let before = if w.len() >= 6 && ascii {
            // The ending from the last four bytes, as the word scan tells it; what
            // stands before it hashed in the text (`fold_hash` of ASCII).
            function_word_ending(u32::from_le_bytes([
                tb[b - 4],
                tb[b - 3],
                tb[b - 2],
                tb[b - 1],
            ]))
            .map(|f| (w.len() - f, hash_lower_at(tb, a, b - f)))
        } else {
            suffixes_ending_in(w.as_bytes()[w.len() - 1])
                .iter()
                .find(|f| ends_with_ignore_case(w, f))
                .map(|f| {
                    let p = &w[..w.len() - f.len()];
                    (p.len(), fold_hash(p))
                })
        };
        let hash = wi.hashes[k as usize];
        need(hash);
        // The halves at a case change (there is none unless the word scan saw one):
        // only a word with exactly one is split there (below), so a word with many
        // ("AbcAbcAbc…") asks for none.
        if let Some(i) = joint.then(|| only_joint(w)).flatten() {
            need(fold_hash(&w[..i]));
            need(fold_hash(&w[i..]));
        }
        if let Some((_, h)) = before {
            need(h);
        }
        candidates.push(Candidate {
            k,
            joint,
            ascii,
            before,
        });
    }
    // Count the needed words (four a step: the filter's loads, one loop's steps).
    let mut quads = wi.hashes.chunks_exact(4);
    for q in &mut quads {
        for &h in q {
            if filter[(h >> 54) as usize] {
                needed.bump(h);
            }
        }
    }
    for &h in quads.remainder() {
        if filter[(h >> 54) as usize] {
            needed.bump(h);
        }
    }
    let vocab = needed;
    let in_vocab = |w: &str, min: u32| vocab.get(fold_hash(w)) >= min;
    let mut seen: HashSet<(usize, usize)> = HashSet::new();
    let mut report = |s: usize, w: &str, why: String, out: &mut Listed| {
        if seen.insert((s, s + w.len())) {
            out.push(
                Diagnostic::new(
                    "glued-words",
                    Severity::Warning,
                    Span::new(s, s + w.len()),
                    format!("\"{w}\" looks like words run together: {why}"),
                )
                .with_text(w)
                .with_help("insert the missing space"),
            );
        }
    };
    for c in candidates {
        let joint = c.joint;
        // Most candidates are long words ending like a function word ("production",
        // "convention"): what stands before the ending is rarely a word of the profile.
        // For plain ASCII words that settles it before anything else is looked at.
        if !joint
            && c.ascii
            && !c
                .before
                .is_some_and(|(len, h)| len >= 4 && vocab.get(h) >= 2)
        {
            continue;
        }
        let k = c.k as usize;
        let (s, e, h) = (wi.spans[k].0 as usize, wi.spans[k].1 as usize, wi.hashes[k]);
        let w = &text[s..e];
        // Skip designations (M16A1, PFM-1), handles, hashtags, URLs, e-mail.
        let before = text[..s].chars().next_back();
        let after = text[e..].chars().next();
        if before
            .is_some_and(|c| c.is_ascii_digit() || matches!(c, '@' | '#' | '_' | '-' | '/' | '.'))
            || after.is_some_and(|c| c.is_ascii_digit() || matches!(c, '_' | '-' | '/' | '@'))
        {
            continue;
        }
        let tok = token_around(text, s, e);
        if tok.contains('/') || tok.contains("www") || tok.contains('@') || tok.contains('#') {
            continue;
        }
        // A handle alone in parentheses: "(SomeName)".
        if before == Some('(') && after == Some(')') {
            continue;
        }
        let chars: Vec<char> = w.chars().collect();
        // Case-change joints: "TheVolcano", "policyThe".
        let joints: Vec<usize> = (1..chars.len())
            .filter(|&i| chars[i - 1].is_lowercase() && chars[i].is_uppercase())
            .collect();
        if joints.len() == 1 {
            let i = joints[0];
            let a: String = chars[..i].iter().collect();
            let b: String = chars[i..].iter().collect();
            let b_caps = b.chars().all(|c| c.is_uppercase());
            let mc = matches!(a.as_str(), "Mc" | "Mac" | "O" | "De" | "La" | "Di" | "Van");
            // A function word run into an acronym: "anERW", "ofNATO" (not "iOS", "eID").
            if b_caps
                && b.chars().count() >= 2
                && a.chars().count() >= 2
                && a.chars().all(|c| c.is_ascii_lowercase())
                && FUNCTION_WORDS.contains(&a.as_str())
            {
                report(s, w, format!("\"{a}\" and \"{b}\""), out);
                continue;
            }
            if !mc && !b_caps && b.chars().count() >= 2 {
                let a_lower = a.to_lowercase();
                let function_word = FUNCTION_WORDS.contains(&a_lower.as_str());
                if function_word && (in_vocab(&b, 1) || b.chars().count() >= 4) {
                    report(s, w, format!("\"{a}\" and \"{b}\""), out);
                    continue;
                }
                if chars[0].is_lowercase()
                    && a.chars().count() >= 2
                    && b.chars().count() >= 3
                    && in_vocab(&a, 2)
                {
                    report(s, w, format!("\"{a}\" and \"{b}\""), out);
                    continue;
                }
                if chars[0].is_uppercase()
                    && a.chars().count() >= 3
                    && in_vocab(&a, 2)
                    && in_vocab(&b, 2)
                    && !in_vocab(w, 2)
                {
                    report(s, w, format!("\"{a}\" and \"{b}\""), out);
                    continue;
                }
            }
            continue;
        }
        if !joints.is_empty() || chars.len() < 6 {
            continue;
        }
        // A word glued to a following function word: "Defensefor".
        let lower = w.to_lowercase();
        if NOT_GLUED.contains(&lower.as_str()) || vocab.get(h) >= 3 {
            continue;
        }
        for f in SUFFIX_WORDS {
            if let Some(p) = lower.strip_suffix(f) {
                if p.chars().count() >= 4 && in_vocab(p, 2) {
                    let pre: String = w.chars().take(p.chars().count()).collect();
                    report(s, w, format!("\"{pre}\" and \"{f}\""), out);
                    break;
                }
            }
        }
    }
}

/// The one-word names and aliases of the reference data's states, by their
/// case-folded hash, and an 8192-bit filter of their first four letters (most words are
/// turned away by one bit during the word scan).
fn state_names() -> &'static (IdMap<()>, [u64; 128], Vec<u32>) {
    type Names = (IdMap<()>, [u64; 128], Vec<u32>);
    static NAMES: std::sync::OnceLock<Names> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = IdMap::default();
        let mut heads = [0u64; 128];
        // By filter bit, the lengths of the names under it: bit `k` for `k` letters
        // (bit 31 for 31 or more).
        let mut lengths = vec![0u32; 8192];
        for st in minewatch_refdata::states() {
            for n in std::iter::once(&st.name).chain(&st.aliases) {
                if n.len() >= 4 && n.bytes().all(|b| b.is_ascii_alphabetic()) {
                    names.insert(hash_lower(n.as_bytes()), ());
                    let bit = head_bit(n.as_bytes());
                    heads[bit >> 6] |= 1 << (bit & 63);
                    lengths[bit] |= 1 << n.len().min(31);
                }
            }
        }
        (names, heads, lengths)
    })
}

/// The filter bit of a word's first four letters (any case).
#[inline(always)]
fn head_bit(b: &[u8]) -> usize {
    head_bit_of(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// [`head_bit`] of a word whose first four bytes are `first4` (little-endian).
#[inline(always)]
fn head_bit_of(first4: u32) -> usize {
    ((first4 | 0x2020_2020).wrapping_mul(0x9E37_79B1) >> 19) as usize
}

/// A state's name run into the next word by a lost space: "Namibiahas", "Republic of
/// the Philippinessigned", "Senegalsigned". The name is one word of the reference
/// data's names and aliases; what follows is a word the profile uses elsewhere, or one
/// of the verbs and function words that follow a state's name, of three letters or
/// more: so no demonym ("Nigerian", "Malians", "Israelis") and no other word that
/// starts like a state ("Maligned").
pub fn glued_to_names(doc: &Document, wi: &WordIndex, out: &mut Listed) {
    let (names, _, name_lengths) = state_names();
    const AFTER: &[&str] = &[
        "the",
        "and",
        "for",
        "with",
        "from",
        "its",
        "this",
        "that",
        "was",
        "has",
        "had",
        "have",
        "signed",
        "ratified",
        "acceded",
        "joined",
        "voted",
        "attended",
        "reported",
        "submitted",
        "stated",
        "declared",
        "destroyed",
        "used",
        "became",
        "did",
        "does",
        "also",
        "said",
        "announced",
        "completed",
        "remains",
        "continues",
        "is",
    ];
    let text = doc.text.as_str();
    let b = text.as_bytes();
    for &k in &wi.name_candidates {
        let (ws, we) = wi.spans[k as usize];
        let (ws, we) = (ws as usize, we as usize);
        let h = wi.hashes[k as usize];
        let w = &b[ws..we];
        if !w[1..].iter().all(u8::is_ascii_lowercase) {
            continue;
        }
        // The longest name first ("Nigeria" before "Niger"); only the lengths of the
        // names with the word's first four letters (their filter bit) looked up.
        let lengths = name_lengths[head_bit(w)];
        let Some(k) = (4..=w.len() - 3).rev().find(|&k| {
            lengths & (1 << k.min(31)) != 0
                && names.contains_key(&hash_lower_at(b, ws, ws + k))
                && {
                    let rest = &text[ws + k..we];
                    AFTER.contains(&rest) || {
                        let rh = hash_lower(rest.as_bytes());
                        wi.count(rh) > 0
                    }
                }
        }) else {
            continue;
        };
        // A word the profile itself uses whole is no slip ("Georgetown" twice).
        if wi.count(h) > 1 {
            continue;
        }
        out.push(glued_finding(
            text,
            ws,
            ws + k,
            we,
            "insert the missing space",
        ));
    }
}

/// A sentence run into the next by a lost space after its full stop (or after the
/// footnote reference that ends it): "ratified in 2011.In 2013", "ended in May
/// 2009.Both sides", "completed in 2003.[3]He". The word after is capitalised and has
/// lower-case letters ("U.S.A", "Ph.D" are not); the stop follows a lower-case letter,
/// a digit or a closing mark; nothing in a link or an address.
pub fn glued_after_stops(doc: &Document, wi: &WordIndex, out: &mut Listed) {
    let text = doc.text.as_str();
    let b = text.as_bytes();
    for &k in &wi.stop_candidates {
        let (ws, we) = wi.spans[k as usize];
        let (ws, we) = (ws as usize, we as usize);
        let w = &b[ws..we];
        if w.len() < 2 || !w[1..].iter().all(u8::is_ascii_lowercase) {
            continue;
        }
        // The full stop: right before the word, or before a reference "[12]" there.
        let stop = if b[ws - 1] == b'.' {
            ws - 1
        } else {
            // (A reference is a few bytes long: never a scan back through the text.)
            let lo = (ws - 1).saturating_sub(8);
            let open = b[lo..ws - 1]
                .iter()
                .rposition(|&c| c == b'[')
                .map(|k| lo + k);
            match open {
                Some(o)
                    if ws - 1 - o <= 6
                        && o > 0
                        && b[o - 1] == b'.'
                        && b[o + 1..ws - 1]
                            .iter()
                            .all(|c| c.is_ascii_digit() || *c == b' ')
                        && b[o + 1..ws - 1].iter().any(u8::is_ascii_digit) =>
                {
                    o - 1
                }
                _ => continue,
            }
        };
        if stop == 0
            || !(b[stop - 1].is_ascii_lowercase()
                || b[stop - 1].is_ascii_digit()
                || matches!(b[stop - 1], b')' | b'"'))
        {
            continue;
        }
        let tok = token_around(text, ws, we);
        if tok.contains("://") || tok.contains("www") || tok.contains('@') || tok.contains('/') {
            continue;
        }
        // The token from the word before the stop to the word after it (as far back as
        // `token_around` looks).
        let from = token_bounds(text, stop, stop).0;
        out.push(glued_finding(
            text,
            from,
            ws,
            we,
            "insert the missing space after the full stop",
        ));
    }
}

/// The Windows-1252 byte a character stands for (Latin-1 for U+00A0–U+00FF), where
/// UTF-8 bytes were read as that encoding: the inverse of the misreading.
fn cp1252_byte(c: char) -> Option<u8> {
    Some(match c {
        '\u{a0}'..='\u{ff}' => c as u32 as u8,
        // Bytes 0x80–0x9F that Windows-1252 leaves undefined come through as the C1
        // controls of the same number.
        '\u{81}' | '\u{8d}' | '\u{8f}' | '\u{90}' | '\u{9d}' => c as u32 as u8,
        '\u{20ac}' => 0x80,
        '\u{201a}' => 0x82,
        '\u{192}' => 0x83,
        '\u{201e}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{2c6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{160}' => 0x8a,
        '\u{2039}' => 0x8b,
        '\u{152}' => 0x8c,
        '\u{17d}' => 0x8e,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201c}' => 0x93,
        '\u{201d}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{2dc}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{161}' => 0x9a,
        '\u{203a}' => 0x9b,
        '\u{153}' => 0x9c,
        '\u{17e}' => 0x9e,
        '\u{178}' => 0x9f,
        _ => return None,
    })
}

/// Text decoded with the wrong encoding and written again as UTF-8 (mojibake): a
/// quotation mark or dash read as Windows-1252 ("â€œ", "â€™", "â€“") or as Greek
/// ("β€œ"), an accented letter ("Ã©" for "é"), a no-break space or a sign ("Â°"). Each
/// is named with what it was.
pub fn mojibake(doc: &Document, out: &mut Listed) {
    let text = doc.text.as_str();
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(p) = memchr::memchr2(0xC3, 0xCE, &b[i..]).map(|p| i + p) {
        i = p + 1;
        // The lead: "â" or "β" (0xE2 read as Windows-1252 or as Greek), "Ã" (0xC3),
        // "Â" (0xC2); then the bytes that followed it, read one character each.
        let lead: u8 = match (b[p], b.get(p + 1)) {
            (0xC3, Some(0xA2)) | (0xCE, Some(0xB2)) => 0xE2,
            (0xC3, Some(0x83)) => 0xC3,
            (0xC3, Some(0x82)) => 0xC2,
            _ => continue,
        };
        let rest = &text[p + 2..];
        let mut chars = rest.char_indices();
        let need = if lead == 0xE2 { 2 } else { 1 };
        let mut bytes = vec![lead];
        let mut end = p + 2;
        for _ in 0..need {
            let Some((k, c)) = chars.next() else { break };
            match cp1252_byte(c) {
                Some(x) if (0x80..=0xBF).contains(&x) => {
                    bytes.push(x);
                    end = p + 2 + k + c.len_utf8();
                }
                _ => break,
            }
        }
        // "â€" alone: the closing quotation mark, whose last byte (0x9D) Windows-1252
        // does not define and the page dropped.
        if bytes == [0xE2, 0x80] {
            bytes.push(0x9D);
        }
        if bytes.len() != need + 1 {
            continue;
        }
        let Ok(was) = std::str::from_utf8(&bytes) else {
            continue;
        };
        // ("Â" or "Ã" before a plain letter is a word, not a misreading: only the
        // bytes a UTF-8 sequence continues with, 0x80–0xBF, were taken above.)
        let garbled = &text[p..end];
        let shown = if was == "\u{a0}" {
            "a no-break space".to_string()
        } else {
            format!("\"{was}\"")
        };
        out.push(
            Diagnostic::new(
                "mojibake",
                Severity::Warning,
                Span::new(p, end),
                format!(
                    "\"{garbled}\" looks like text decoded with the wrong encoding: it was {shown}"
                ),
            )
            .with_text(garbled)
            .with_help(format!("take the text again as UTF-8, or write {shown}")),
        );
        i = end;
    }
}

/// What may follow a number without a space: ordinals, decades, units ("4th", "1990s",
/// "155mm", "10km", "$4m", "3pm").
const NUMBER_SUFFIXES: &[&str] = &[
    "s", "th", "st", "nd", "rd", "er", "re", "km", "kms", "m", "mm", "cm", "kg", "kgs", "g", "ha",
    "sqm", "sq", "am", "pm", "bn", "mn", "m2", "x", "h", "hr", "hrs", "ft", "lb", "lbs", "kt",
    "mt", "t", "l", "ml", "mph", "kw", "mw",
];
/// Units that a word may follow, run together with it ("5.1kmof", "55kmcleared").
const GLUED_UNITS: &[&str] = &["km", "kg", "mm", "cm", "ha", "sqm"];

/// A number run together with the word after it ("identified in 2015were", "90minefields",
/// "£43.5million", "ratified on 24March 2011", "5.1kmof"): a lost space, where neither an
/// ordinal, a decade nor a unit follows the number. A token that mixes letters and digits
/// further on (a hash, "786dfe2a"), a designation (letters first: "M16A1") and anything
/// in a link are left alone.
pub fn glued_to_numbers(doc: &Document, wi: &WordIndex, out: &mut Listed) {
    let text = doc.text.as_str();
    let b = text.as_bytes();
    // The words right after a digit, as the word scan found them.
    for &k in &wi.number_candidates {
        let (ws, we) = wi.spans[k as usize];
        let (ws, we) = (ws as usize, we as usize);
        let word = &text[ws..we];
        if !word.is_ascii()
            || b.get(we)
                .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'@'))
        {
            continue;
        }
        // Lower case, or a capitalised word of three letters or more ("24March"); not
        // capitals ("3D", "4WD").
        let wb = word.as_bytes();
        let capitalised = wb[0].is_ascii_uppercase()
            && wb.len() >= 3
            && wb[1..].iter().all(u8::is_ascii_lowercase);
        // A unit run into an acronym: "1,061kmSHA" (a suspected hazardous area).
        let unit_acronym = GLUED_UNITS.iter().find(|u| {
            wb.len() >= u.len() + 2
                && wb.starts_with(u.as_bytes())
                && wb[u.len()..].iter().all(u8::is_ascii_uppercase)
        });
        if !(capitalised || unit_acronym.is_some() || wb.iter().all(u8::is_ascii_lowercase))
            || wb.len() < 2
        {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        if !capitalised && NUMBER_SUFFIXES.contains(&lower.as_str()) {
            continue;
        }
        // The number: digits, with commas and points between them, after a space, a
        // bracket, a currency sign or a slash ("73/61calling"); not inside a name.
        let mut s = ws;
        while s > 0
            && (b[s - 1].is_ascii_digit()
                || matches!(b[s - 1], b',' | b'.') && s >= 2 && b[s - 2].is_ascii_digit())
        {
            s -= 1;
        }
        // A number of the form "79/41" is one ("Resolution 79/41calling").
        if s >= 2 && b[s - 1] == b'/' && b[s - 2].is_ascii_digit() {
            s -= 1;
            while s > 0 && b[s - 1].is_ascii_digit() {
                s -= 1;
            }
        }
        if s > 0
            && (b[s - 1].is_ascii_alphabetic()
                || matches!(
                    b[s - 1],
                    b'_' | b'-' | b'.' | b'@' | b'#' | b'&' | b'=' | b'+' | b'%'
                ))
        {
            continue;
        }
        let tok = token_around(text, ws, we);
        if tok.contains("://") || tok.contains("www") || tok.contains('@') {
            continue;
        }
        // Where the space was lost: after a unit when a word follows it ("5.1km" and
        // "of"), else after the number.
        let in_doc = |w: &str| wi.count(fold_hash(w)) > 0;
        let mut cut = ws + unit_acronym.map_or(0, |u| u.len());
        if !capitalised && unit_acronym.is_none() && !FUNCTION_WORDS.contains(&lower.as_str()) {
            for u in GLUED_UNITS {
                if let Some(rest) = lower.strip_prefix(u) {
                    // No English word starts "km", "kg", "mm", "cm" or "sqm"; "ha" does
                    // ("5have"), so after it only a word the profile uses elsewhere.
                    let word_after = FUNCTION_WORDS.contains(&rest)
                        || if *u == "ha" {
                            rest.len() >= 4 && in_doc(rest)
                        } else {
                            rest.len() >= 2
                        };
                    if word_after {
                        cut = ws + u.len();
                        break;
                    }
                }
            }
        }
        out.push(glued_finding(text, s, cut, we, "insert the missing space"));
    }
}

/// A shingle's entry: its hash, the last paragraph that had it (numbered from the
/// table's `base`; a number below it marks an empty slot) and its number (the
/// entries made before it), which stays as the table grows.
#[derive(Clone, Copy)]
struct Shingle {
    hash: u64,
    last: u32,
    id: u32,
}

/// Open addressing with linear probing, kept at most half full. Its paragraphs are
/// numbered from `base` (at least 1): an entry of a paragraph below, of an earlier
/// profile's table made in the same slots, is an empty slot, and the slots need not
/// be emptied from one profile to the next.
struct ShingleTable {
    slots: Vec<Shingle>,
    len: usize,
    base: u32,
}

impl ShingleTable {
    const EMPTY: Shingle = Shingle {
        hash: 0,
        last: 0,
        id: 0,
    };

    #[cfg(test)]
    fn with_capacity(n: usize) -> ShingleTable {
        ShingleTable::with_capacity_in(n, Vec::new(), 1)
    }

    /// An empty table for `n` entries in the slots of one no longer needed, whose
    /// paragraphs were numbered below `base` (1: emptied). Slots of about the size
    /// wanted (up to four times it) are kept as they are, their entries all empty.
    fn with_capacity_in(n: usize, mut slots: Vec<Shingle>, base: u32) -> ShingleTable {
        debug_assert!(base >= 1);
        let size = (n * 2).next_power_of_two().max(16);
        if base == 1 || slots.len() < size || slots.len() > 4 * size {
            slots.clear();
            slots.resize(size, Self::EMPTY);
        }
        ShingleTable {
            slots,
            len: 0,
            base,
        }
    }

    /// The slot holding `h`, or the empty slot where it would go.
    fn find(&self, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut k = (h as usize) & mask;
        loop {
            let e = &self.slots[k];
            if e.last < self.base || e.hash == h {
                return k;
            }
            k = (k + 1) & mask;
        }
    }

    /// Room for `m` entries more, the table kept at most half full: grown (doubled
    /// as often as that takes) and its entries placed anew.
    fn reserve(&mut self, m: usize) {
        let mut size = self.slots.len();
        while (self.len + m) * 2 > size {
            size *= 2;
        }
        if size != self.slots.len() {
            let bigger = vec![Self::EMPTY; size];
            let old = std::mem::replace(&mut self.slots, bigger);
            for e in old.into_iter().filter(|e| e.last >= self.base) {
                let j = self.find(e.hash);
                self.slots[j] = e;
            }
        }
    }

    /// Note that paragraph `base + para` has shingle `h` (paragraphs come in order):
    /// the shingle's number if an earlier paragraph had it and this one had not yet,
    /// or else `None` (a new shingle is numbered `len`, seen first in this paragraph).
    /// ([`near_duplicates`] does the same inline, for a batch of shingles at once.)
    #[cfg(test)]
    fn visit(&mut self, h: u64, para: u32) -> Option<u32> {
        let para = self.base + para;
        let mut k = self.find(h);
        let e = &mut self.slots[k];
        if e.last >= self.base {
            // Made in an earlier paragraph if not seen in this one yet.
            if e.last == para {
                return None;
            }
            e.last = para;
            return Some(e.id);
        }
        if (self.len + 1) * 2 > self.slots.len() {
            self.reserve(1);
            k = self.find(h);
        }
        self.slots[k] = Shingle {
            hash: h,
            last: para,
            id: self.len as u32,
        };
        self.len += 1;
        None
    }
}

/// Whether a text ends as a sentence does: `.`, `!` or `?`, before any closing quotes,
/// brackets and footnote references (`policy."[12]`).
fn ends_like_a_sentence(text: &str) -> bool {
    let mut t = text.trim_end();
    loop {
        let before = t.len();
        t = t.trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}', ' ']);
        if let Some(inner) = t.strip_suffix(']') {
            if let Some((head, num)) = inner.rsplit_once('[') {
                if num
                    .trim_start_matches('^')
                    .trim()
                    .bytes()
                    .all(|b| b.is_ascii_digit())
                {
                    t = head;
                }
            }
        }
        if t.len() == before {
            break;
        }
    }
    t.ends_with(['.', '!', '?'])
}

/// Paragraphs that say nearly the same thing (a copy left behind after editing).
/// (`body`: [`Document::body_span`], asked once for this and [`impossible_dates`].)
pub fn near_duplicates(
    doc: &Document,
    wi: &WordIndex,
    body: Span,
    opts: &Options,
    out: &mut Listed,
) {
    const SHINGLE: usize = 4;
    const MAX_POSTINGS: usize = 24;
    // The lists are those of the thread's profile before, emptied (not allocated
    // anew for every profile), and handed back at the end.
    thread_local! {
        static LISTS: std::cell::Cell<NearLists> = std::cell::Cell::new(NearLists::default());
    }
    let mut lists = LISTS.with(std::cell::Cell::take);
    let take = |v: &mut Vec<u32>| {
        let mut v = std::mem::take(v);
        v.clear();
        v
    };
    // The paragraphs long enough to compare, and their word hashes.
    let mut spans: Vec<Span> = std::mem::take(&mut lists.spans);
    spans.clear();
    let mut words: Vec<&[u64]> = Vec::with_capacity(doc.paragraphs.len());
    for p in doc.paragraphs.iter().filter(|p| body.contains(p.span)) {
        let hashes = &wi.hashes[wi.range(p.span)];
        // Prose only: a table's labels repeat by design ("Mwenezi to Sango Border Post
        // Sector 3 / (formerly one area, ...)" above "... Sector 4 / (formerly ...)").
        if hashes.len() >= SHINGLE + 7 && ends_like_a_sentence(&p.text) {
            spans.push(p.span);
            words.push(hashes);
        }
    }
    // A pair needs two paragraphs.
    if spans.len() < 2 {
        lists.spans = spans;
        LISTS.with(|l| l.set(lists));
        return;
    }
    fn shingles(hs: &[u64]) -> impl Iterator<Item = u64> + '_ {
        hs.windows(SHINGLE).map(|ws| {
            ws.iter().fold(0xcbf29ce484222325u64, |h, w| {
                (h ^ w).wrapping_mul(0x100000001b3)
            })
        })
    }
    // Every distinct 4-word shingle in an open-addressing table: its hash, the last
    // paragraph that had it, and its number. One pass, in paragraph order, counts each
    // paragraph's distinct shingles: those it is the first to have (numbered on from
    // `born`), and those it has again (collected in `again`). The table grows with the
    // distinct shingles, not the words: a long profile repeating itself stays small.
    // Paragraphs with fewer than eight distinct shingles take no part. The shingles the
    // others share are listed as (shingle << 32 | paragraph) once a second paragraph
    // has them (the first, kept in `first`, listed then too): the same pass that
    // counts the shingles lists them, without hashing them again, and a shingle no
    // other paragraph has is never listed. `listed` counts the paragraphs of each.
    // A shingle in more than MAX_POSTINGS of them is boilerplate: its list stops one
    // past that (enough to tell), so a profile repeating itself cannot fill memory.
    let capacity = words.iter().map(|w| w.len()).sum::<usize>().min(4096);
    // (Paragraphs numbered on from the last profile's in the table: numbers that would
    // run past `u32::MAX` start again from 1, the slots emptied.)
    let base = match lists.base.checked_add(spans.len() as u32 + 1) {
        Some(_) if lists.base > 0 => lists.base,
        _ => 1,
    };
    lists.base = base + spans.len() as u32;
    let mut table =
        ShingleTable::with_capacity_in(capacity, std::mem::take(&mut lists.slots), base);
    let mut lens = std::mem::take(&mut lists.lens);
    lens.clear();
    lens.resize(spans.len(), 0);
    // Of each shingle by number: (first paragraph, paragraphs listed).
    let mut first: Vec<(u32, u32)> = std::mem::take(&mut lists.first);
    first.clear();
    // (Made at sizes that usually last: a paragraph's shingles, and half the table's;
    // no larger than the table is made, as `again` holds no more than its distinct
    // shingles: one huge paragraph repeating itself keeps it small.)
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    let mut again: Vec<u32> = take(&mut lists.again);
    again.reserve(longest.min(capacity));
    let mut shared: Vec<u64> = std::mem::take(&mut lists.shared);
    shared.clear();
    // With no more paragraphs than a `u64` has bits (most profiles), each shingle's
    // paragraphs are kept as the bits of one (`masks`, by shingle), and the shingles
    // that two paragraphs or more have are listed in `multi`: the pairs are counted
    // from those in a table of all pairs, with none of the postings lists below.
    let few = spans.len() <= 64;
    let mut masks: Vec<u64> = std::mem::take(&mut lists.masks);
    masks.clear();
    let mut multi: Vec<u32> = take(&mut lists.multi);
    if few {
        masks.reserve(capacity);
    } else {
        first.reserve(capacity);
        shared.reserve(capacity / 2);
    }
    // The shingles of words `hs` into the table for paragraph `mark`: `again(id)` for
    // each one an earlier paragraph had and this one had not yet (a new one is
    // numbered on). A batch at a time with room made for all of it first: the table
    // does not grow inside the batch, so its slots and length stay in registers (a
    // test for room a shingle kept them on the stack). A batch of at most 256 keeps
    // the table sized by the distinct shingles, not by a long paragraph's words.
    #[inline(always)]
    fn visit_all(table: &mut ShingleTable, hs: &[u64], mark: u32, mut again: impl FnMut(u32)) {
        const BATCH: usize = 256;
        let base = table.base;
        let count = hs.len() + 1 - SHINGLE;
        for from in (0..count).step_by(BATCH) {
            let to = (from + BATCH).min(count);
            table.reserve(to - from);
            let (slots, mut len) = (&mut table.slots[..], table.len);
            let mask = slots.len() - 1;
            for h in shingles(&hs[from..to + SHINGLE - 1]) {
                let mut k = (h as usize) & mask;
                loop {
                    let e = &mut slots[k];
                    if e.last < base {
                        *e = Shingle {
                            hash: h,
                            last: mark,
                            id: len as u32,
                        };
                        len += 1;
                        break;
                    }
                    if e.hash == h {
                        if e.last != mark {
                            e.last = mark;
                            again(e.id);
                        }
                        break;
                    }
                    k = (k + 1) & mask;
                }
            }
            table.len = len;
        }
    }
    for (i, hs) in words.iter().enumerate() {
        let i = i as u32;
        let born = table.len;
        let mark = base + i;
        if few {
            // A shingle's paragraphs as bits: a new one has this paragraph's, one had
            // again this paragraph's too (listed in `multi` when it gets its second).
            // Set as the shingles come, and taken back from a paragraph that turns
            // out to take no part: it has fewer than eight shingles had again, and
            // those are noted.
            let bit = 1u64 << i;
            let listed = multi.len();
            let (mut n, mut noted) = (0usize, [0u32; 8]);
            visit_all(&mut table, hs, mark, |id| {
                let m = &mut masks[id as usize];
                if *m != 0 && *m & (*m - 1) == 0 {
                    multi.push(id);
                }
                *m |= bit;
                if n < 8 {
                    noted[n] = id;
                }
                n += 1;
            });
            lens[i as usize] = table.len - born + n;
            if lens[i as usize] >= 8 {
                masks.resize(table.len, bit);
            } else {
                multi.truncate(listed);
                for &id in &noted[..n] {
                    masks[id as usize] &= !bit;
                }
                masks.resize(table.len, 0);
            }
            continue;
        }
        visit_all(&mut table, hs, mark, |id| again.push(id));
        lens[i as usize] = table.len - born + again.len();
        if lens[i as usize] >= 8 {
            first.resize(table.len, (i, 1));
            for &k in &again {
                let (at, n) = &mut first[k as usize];
                if *n == 0 {
                    *at = i;
                } else if *n <= MAX_POSTINGS as u32 {
                    if *n == 1 {
                        shared.push(u64::from(k) << 32 | u64::from(*at));
                    }
                    shared.push(u64::from(k) << 32 | u64::from(i));
                }
                if *n <= MAX_POSTINGS as u32 {
                    *n += 1;
                }
            }
        } else {
            first.resize(table.len, (u32::MAX, 0));
        }
        again.clear();
    }
    // Whether paragraphs `a` and `b` sharing `n` shingles say nearly the same thing:
    // their overlap relative to the shorter one, and to the union (the latter given).
    let near = |a: u32, b: u32, n: u32| {
        let (la, lb) = (lens[a as usize] as f64, lens[b as usize] as f64);
        let n = n as f64;
        let containment = n / la.min(lb);
        let jaccard = n / (la + lb - n);
        (jaccard >= opts.near_duplicate_threshold
            || containment >= 0.8 && jaccard >= opts.near_duplicate_threshold * 0.6)
            .then_some(jaccard)
    };
    let mut pairs: Vec<((u32, u32), f64)> = Vec::new();
    let mut together = take(&mut lists.together);
    if few {
        /// The count of shingles each pair of paragraphs shares, `together[a * n + b]`
        /// for paragraphs `a < b` of `n`, from the bits of the shingles in `multi`
        /// (those two paragraphs or more have).
        #[inline(never)]
        fn count_pairs(masks: &[u64], multi: &[u32], n: usize, together: &mut [u32]) {
            // Each pair of the paragraphs of `m`, `times` shingles more.
            let mut add = |m: u64, times: u32| {
                // Boilerplate: in more paragraphs than a postings list holds. (The bits
                // are counted only where there can be too many: a count of the bits is
                // a dozen instructions without the processor's own.)
                if n > MAX_POSTINGS && m.count_ones() as usize > MAX_POSTINGS {
                    return;
                }
                let mut rest = m;
                while rest != 0 {
                    let a = rest.trailing_zeros() as usize;
                    rest &= rest - 1;
                    let row = &mut together[a * n..a * n + n];
                    let mut later = rest;
                    while later != 0 {
                        row[later.trailing_zeros() as usize] += times;
                        later &= later - 1;
                    }
                }
            };
            // The shingles of a passage two paragraphs share come one after another
            // with the same bits: each run of them counted at once.
            let (mut bits, mut times) = (0u64, 0u32);
            for &k in multi {
                let m = masks[k as usize];
                if m == bits {
                    times += 1;
                } else {
                    add(bits, times);
                    (bits, times) = (m, 1);
                }
            }
            add(bits, times);
        }
        let n = spans.len();
        together.resize(n * n, 0);
        count_pairs(&masks, &multi, n, &mut together);
        // In order of (a, b), as they are reported.
        for a in 0..n {
            for b in a + 1..n {
                let shared = together[a * n + b];
                if shared != 0 {
                    if let Some(j) = near(a as u32, b as u32, shared) {
                        pairs.push(((a as u32, b as u32), j));
                    }
                }
            }
        }
        lists.shared = shared;
        lists.first = first;
    } else {
        // From here on each shingle's count of paragraphs listed, `listed[k].1` (the
        // first paragraph, `.0`, no longer needed), used in place.
        let mut listed_list = first;
        let slot = |x: u64| (x >> 32) as usize;
        let para = |x: u64| x as u32;
        // Only shingles listed for two paragraphs or more, and not boilerplate, make
        // pairs: the rest are passed over. The others' paragraphs (their postings) lie one
        // after another in `postings`, each list ended by `u32::MAX`, `seen` saying where
        // each starts (`u32::MAX`: a shingle passed over); and `shared` is put in
        // paragraph order (a first paragraph was listed late, when its second came) by a
        // counting sort on the paragraph. One pass counts, one fills, without sorting:
        // each shingle's paragraphs were listed in order, so going back over `shared`,
        // each list is filled from its end, `listed[k]` counting down to 0 as it is, and
        // each paragraph's region in `ends` (its end, moving down).
        let mut seen_list = take(&mut lists.seen);
        seen_list.resize(table.len, u32::MAX);
        // (Both lists by shingle as slices of one length, for the passes below: the
        // bounds check of a shingle's number serves both.)
        let shingles = table.len;
        let (listed, seen) = (&mut listed_list[..shingles], &mut seen_list[..shingles]);
        let mut ends = take(&mut lists.ends);
        ends.resize(spans.len(), 0);
        // (The two passes are functions of their own: their lists then stay in
        // registers, where in this long function they were loaded from the stack at
        // every step.)
        #[inline(never)]
        fn count(shared: &[u64], listed: &[(u32, u32)], seen: &mut [u32], ends: &mut [u32]) -> u32 {
            let mut next = 0u32;
            for &x in shared {
                let k = (x >> 32) as usize;
                if (2..=MAX_POSTINGS as u32).contains(&listed[k].1) {
                    ends[x as u32 as usize] += 1;
                    if seen[k] == u32::MAX {
                        seen[k] = next;
                        next += listed[k].1 + 1;
                    }
                }
            }
            next
        }
        #[inline(never)]
        fn fill(
            shared: &[u64],
            listed: &mut [(u32, u32)],
            seen: &[u32],
            ends: &mut [u32],
            postings: &mut [u32],
            sorted: &mut [u64],
        ) {
            for &x in shared.iter().rev() {
                let k = (x >> 32) as usize;
                if seen[k] == u32::MAX {
                    continue;
                }
                listed[k].1 -= 1;
                postings[(seen[k] + listed[k].1) as usize] = x as u32;
                let end = &mut ends[x as u32 as usize];
                *end -= 1;
                sorted[*end as usize] = x;
            }
        }
        let next = count(&shared, listed, seen, &mut ends);
        for p in 1..ends.len() {
            ends[p] += ends[p - 1];
        }
        let mut postings = take(&mut lists.postings);
        postings.resize(next as usize, u32::MAX);
        let mut sorted = std::mem::take(&mut lists.sorted);
        sorted.clear();
        sorted.resize(ends.last().copied().unwrap_or(0) as usize, 0);
        fill(&shared, listed, seen, &mut ends, &mut postings, &mut sorted);
        // (The shared shingles in paragraph order from here: the list they were made in
        // kept for the next profile.)
        lists.sorted = shared;
        let shared = sorted;
        // Shingles shared by a few paragraphs (not boilerplate shared by many) count
        // towards each pair of them. Paragraph by paragraph (`shared` holds each one's
        // shingles together, the paragraphs in order), the later paragraphs sharing each of its
        // shingles are counted in `together`: they follow it in the shingle's list, and
        // `listed[k]` (counting up again) says how many of the list came before it. The
        // pairs so come out in order of (a, b), as they are reported.
        together.resize(spans.len(), 0);
        let mut later: Vec<u32> = take(&mut lists.later);
        for run in shared.chunk_by(|x, y| para(*x) == para(*y)) {
            let a = para(run[0]);
            for &x in run {
                let k = slot(x);
                let at = (seen[k] + listed[k].1) as usize;
                debug_assert_eq!(postings[at], a);
                listed[k].1 += 1;
                for &b in postings[at + 1..].iter().take_while(|&&b| b != u32::MAX) {
                    if together[b as usize] == 0 {
                        later.push(b);
                    }
                    together[b as usize] += 1;
                }
            }
            later.sort_unstable();
            for &b in &later {
                let n = std::mem::take(&mut together[b as usize]);
                if let Some(j) = near(a, b, n) {
                    pairs.push(((a, b), j));
                }
            }
            later.clear();
        }
        lists.shared = shared;
        lists.first = listed_list;
        lists.seen = seen_list;
        lists.ends = ends;
        lists.postings = postings;
        lists.later = later;
    }
    for ((a, b), j) in pairs {
        let (sa, sb) = (spans[a as usize], spans[b as usize]);
        let first_line_end = |s: Span| first_line_end(&doc.text, s);
        out.push(
            Diagnostic::new(
                "near-duplicate-paragraph",
                Severity::Warning,
                Span::new(sa.start, first_line_end(sa)),
                format!(
                    "this paragraph and a later one say nearly the same thing ({:.0}% of their word sequences are shared)",
                    j * 100.0
                ),
            )
            .with_related(Span::new(sb.start, first_line_end(sb)), "the other paragraph")
            .with_help("keep one of them, merging what differs"),
        );
    }
    // The lists for the thread's next profile (not those a huge profile made huge).
    if table.slots.capacity() <= 1 << 16
        && lists.shared.capacity() <= 1 << 16
        && masks.capacity() <= 1 << 16
    {
        lists.spans = spans;
        lists.slots = table.slots;
        lists.lens = lens;
        lists.again = again;
        lists.together = together;
        lists.masks = masks;
        lists.multi = multi;
        LISTS.with(|l| l.set(lists));
    }
}

/// The lists [`near_duplicates`] fills for a profile, kept on each thread for the
/// next (named as there; `sorted` is the one `shared` is made in).
#[derive(Default)]
struct NearLists {
    spans: Vec<Span>,
    slots: Vec<Shingle>,
    lens: Vec<usize>,
    first: Vec<(u32, u32)>,
    again: Vec<u32>,
    shared: Vec<u64>,
    seen: Vec<u32>,
    ends: Vec<u32>,
    postings: Vec<u32>,
    sorted: Vec<u64>,
    together: Vec<u32>,
    later: Vec<u32>,
    masks: Vec<u64>,
    multi: Vec<u32>,
    /// The number of the next profile's first paragraph in `slots` (0: none yet).
    base: u32,
}

/// The value of a few ASCII digits (at most nine: no overflow), read as they go.
fn digits_value(d: &[u8]) -> u32 {
    d.iter().fold(0, |n, &c| n * 10 + u32::from(c - b'0'))
}

/// The months' hashes ([`fold_hash`] of their names), and a filter on their low bytes:
/// a flag a byte value (one load a word, where a bit would take shifts too).
/// Build the checks' tables now ([`crate::warm_up`]).
pub(crate) fn warm_up() {
    state_names();
    month_filter();
}

fn month_filter() -> &'static ([u64; 12], [bool; 256]) {
    static MONTHS: std::sync::OnceLock<([u64; 12], [bool; 256])> = std::sync::OnceLock::new();
    MONTHS.get_or_init(|| {
        let h = minewatch_model::MONTH_NAMES.map(fold_hash);
        let mut mask = [false; 256];
        for x in h {
            mask[x as usize & 255] = true;
        }
        (h, mask)
    })
}

/// "31 September 2001", "February 30, 2002": a day its month does not have, in the
/// body or the notes (the header's own date is `header`'s). The reader takes such a
/// date at the month's precision; this says why. Found from the month names among the
/// words already indexed: a cheap mask on each word's hash, then the digits around.
pub fn impossible_dates(doc: &Document, wi: &WordIndex, body: Span, out: &mut Listed) {
    let hashes = &month_filter().0;
    let text = doc.text.as_str();
    let b = text.as_bytes();
    let from = body.start;
    // A run of ASCII digits ending before `end` (1..=max of them, not part of a longer
    // number); its start and value.
    let digits_before = |end: usize, max: usize| -> Option<(usize, u32)> {
        let mut s = end;
        while s > 0 && b[s - 1].is_ascii_digit() && end - s < max + 1 {
            s -= 1;
        }
        let n = end - s;
        let clean = s == 0 || !(b[s - 1].is_ascii_digit() || matches!(b[s - 1], b',' | b'.'));
        (n >= 1 && n <= max && clean).then(|| (s, digits_value(&b[s..end])))
    };
    let digits_after = |start: usize, max: usize| -> Option<(usize, u32)> {
        let mut e = start;
        while e < b.len() && b[e].is_ascii_digit() && e - start < max + 1 {
            e += 1;
        }
        let n = e - start;
        let clean = e == b.len()
            || !(b[e].is_ascii_alphanumeric()
                || b[e] == b',' && b.get(e + 1).is_some_and(u8::is_ascii_digit));
        (n >= 1 && n <= max && clean).then(|| (e, digits_value(&b[start..e])))
    };
    // The capitalised words that may be a month, as the word scan found them.
    for &k in &wi.month_candidates {
        let k = k as usize;
        let h = wi.hashes[k];
        let Some(m) = hashes.iter().position(|&x| x == h) else {
            continue;
        };
        let (ws, we) = (wi.spans[k].0 as usize, wi.spans[k].1 as usize);
        if ws < from || !b[ws].is_ascii_uppercase() {
            continue;
        }
        // "31 September 2001"
        let day_first = (ws >= 2 && b[ws - 1] == b' ')
            .then(|| digits_before(ws - 1, 2))
            .flatten()
            .and_then(|(ds, d)| {
                (b.get(we) == Some(&b' '))
                    .then(|| digits_after(we + 1, 4))
                    .flatten()
                    .filter(|(ye, _)| *ye == we + 5)
                    .map(|(ye, y)| (ds, d, ye, y))
            });
        // "September 31, 2001"
        let month_first = || {
            (b.get(we) == Some(&b' '))
                .then(|| digits_after(we + 1, 2))
                .flatten()
                .and_then(|(de, d)| {
                    let ys = if text[de..].starts_with(", ") {
                        de + 2
                    } else {
                        de + 1
                    };
                    (ys <= b.len() && matches!(b.get(de), Some(b',' | b' ')))
                        .then(|| digits_after(ys, 4))
                        .flatten()
                        .filter(|(ye, _)| *ye == ys + 4)
                        .map(|(ye, y)| (ws, d, ye, y))
                })
        };
        let Some((start, day, end, year)) = day_first.or_else(month_first) else {
            continue;
        };
        let Ok(year) = i32::try_from(year) else {
            continue;
        };
        if !(1000..=2999).contains(&year) {
            continue;
        }
        let days = minewatch_model::days_in_month(year, m as u8 + 1) as u32;
        if day >= 1 && day <= days {
            continue;
        }
        let name = minewatch_model::MONTH_NAMES[m];
        let has = if m == 1 {
            format!("{name} {year} has {days} days")
        } else {
            format!("{name} has {days} days")
        };
        let written = &text[start..end];
        out.push(
            Diagnostic::new(
                "bad-date",
                Severity::Warning,
                Span::new(start, end),
                format!("\"{written}\" is not a date: {has}"),
            )
            .with_text(written)
            .with_help("correct the day (the date is read as the month alone)"),
        );
    }
}

/// Today's date when `--as-of` is not given.
pub fn default_as_of() -> Date {
    Date::today()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The scan's glued-word candidates are exactly the words `is_candidate`
        /// accepts, in order (the check once filtered every word afterwards), each with
        /// its case joint as the plain definition finds it.
        #[test]
        fn glue_candidates_are_the_words_is_candidate_accepts(
            text in "([A-Za-z]{1,12}|[ .,\\-\n]|Défense|ThéVolcano|for|the|[0-9]{1,3}|[\u{2010}-\u{202f}]|\u{2030}|\u{200f}){0,60}"
        ) {
            let wi = WordIndex::new(&text);
            let expected: Vec<(u32, bool)> = (0..wi.spans.len() as u32)
                .filter_map(|k| {
                    let (a, b) = wi.spans[k as usize];
                    let w = &text[a as usize..b as usize];
                    let joint = w.chars().zip(w.chars().skip(1)).any(|(a, c)| a.is_lowercase() && c.is_uppercase());
                    is_candidate(w, joint).then_some((k, joint))
                })
                .collect();
            prop_assert_eq!(&wi.glue_candidates, &expected);
        }
    }

    /// Every list of the index of `text` as the reference scan makes it.
    fn same_index_as_reference(text: &str) -> Result<(), TestCaseError> {
        let (a, r) = (WordIndex::new(text), WordIndex::new_in_reference(text));
        prop_assert_eq!(&a.spans, &r.spans, "spans of {:?}", text);
        prop_assert_eq!(&a.hashes, &r.hashes, "hashes of {:?}", text);
        prop_assert_eq!(&a.glue_candidates, &r.glue_candidates, "glue of {:?}", text);
        prop_assert_eq!(
            &a.name_candidates,
            &r.name_candidates,
            "names of {:?}",
            text
        );
        prop_assert_eq!(
            &a.stop_candidates,
            &r.stop_candidates,
            "stops of {:?}",
            text
        );
        prop_assert_eq!(
            &a.number_candidates,
            &r.number_candidates,
            "numbers of {:?}",
            text
        );
        prop_assert_eq!(
            &a.month_candidates,
            &r.month_candidates,
            "months of {:?}",
            text
        );
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// The word scan finds what the reference scan finds on texts of many more
        /// words than it holds before adding them to its lists (a ring of them).
        #[test]
        fn word_index_matches_the_reference_scan_on_many_words(
            text in "([A-Za-z]{1,12}|[ ,.0-9\n]{1,2}|May|\u{e9}t\u{e9}|[a-z]{2,6}[A-Z][a-z]{2}|[A-Za-z]{17,40}|\u{2014}){300,900}"
        ) {
            same_index_as_reference(&text)?;
        }
    }

    /// Prose-like text: words of 1 to 40 letters in both cases, capitals after full
    /// stops and brackets, digits glued to letters, letters beyond ASCII, the
    /// three-byte punctuation the scan steps over, and other characters.
    const PROSE: &str = "([a-z]{1,12}|[A-Z][a-z]{1,12}|[A-Za-z]{1,40}|[A-Z]{2,9}|[a-z]{2,8}[A-Z][a-z]{1,8}|[ ]{1,3}|[.,;:!?()\\[\\]\"'/\n-]|\\. [A-Z][a-z]{0,10}|\\][A-Z][a-z]{0,10}|[0-9]{1,4}|[0-9]{1,3}[A-Za-z]{1,9}|[a-z]{1,6}[0-9]{1,3}|Défense|ThéVolcano|Straße|ЖЖ|[é ßЖ]{1,3}|[a-zé]{1,10}|[\u{2010}-\u{202f}]|\u{2030}|\u{200f}|\u{a0}|January|September|Namibiahas|Philippinessigned|Lebanon|[A-Za-z]{6,9}(for|the|of|and|with|from|that|to|in|on|by)){0,120}";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The word scan finds exactly what the reference scan finds, on prose-like
        /// text and on the same text cut short at every length around the scan's steps
        /// of eight, sixteen and sixty-four bytes.
        #[test]
        fn word_index_matches_the_reference_scan(text in PROSE) {
            same_index_as_reference(&text)?;
            for cut in [1usize, 2, 3, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 32, 33, 63, 64, 65, 71, 72, 73, 79, 80, 81, 95, 96, 97, 127, 128, 129, 143, 144, 145] {
                if cut < text.len() {
                    let t = &text[..minewatch_model::floor_char_boundary(&text, cut)];
                    same_index_as_reference(t)?;
                }
            }
            // And at every offset into it, for the blocks to fall everywhere.
            for from in 1..text.len().min(70) {
                if text.is_char_boundary(from) {
                    same_index_as_reference(&text[from..])?;
                }
            }
        }

        /// The same on any text at all.
        #[test]
        fn word_index_matches_the_reference_scan_on_any_text(text in "\\PC{0,200}") {
            same_index_as_reference(&text)?;
        }

        /// The same on words of letters and single separators, at any length.
        #[test]
        fn word_index_matches_the_reference_scan_on_long_runs(
            words in proptest::collection::vec(("[A-Za-z]{1,70}", "[ .\\]0-9\u{2014}é]"), 0..40),
            cut in 0usize..400,
        ) {
            let text: String = words.iter().map(|(w, s)| format!("{w}{s}")).collect();
            same_index_as_reference(&text)?;
            let t = &text[..minewatch_model::floor_char_boundary(&text, cut)];
            same_index_as_reference(t)?;
        }
    }

    proptest! {
        /// The hash of a run of letters in one or two steps is the general one, and
        /// the quick test for ASCII is the library's.
        #[test]
        fn hash_letters_at_is_hash_lower_at(
            text in "[A-Za-z]{1,24}( |\u{e9}|[A-Za-z]{0,20}){0,3}",
            from in 0usize..24,
            len in 0usize..24,
        ) {
            let b = text.as_bytes();
            let start = from.min(b.len());
            let end = (start + len).min(b.len());
            prop_assert_eq!(is_ascii_span(b, start, end), b[start..end].is_ascii());
            if b[start..end].iter().all(u8::is_ascii_alphabetic) && end > start {
                prop_assert_eq!(hash_letters_at(b, start, end), hash_lower_at(b, start, end));
            }
        }
    }

    #[test]
    fn folded_hashes_ignore_case_only() {
        assert_eq!(fold_hash("Defense"), fold_hash("DEFENSE"));
        assert_eq!(fold_hash("defense"), fold_hash("DeFeNsE"));
        assert_eq!(fold_hash("Ärger"), fold_hash("ärger"));
        assert_ne!(fold_hash("defense"), fold_hash("defence"));
        assert_ne!(fold_hash("a"), fold_hash("aa"));
        // Bytes around the capitals are not letters to lower.
        assert_eq!(
            lower8(u64::from_le_bytes(*b"@AZ[`az{")),
            u64::from_le_bytes(*b"@az[`az{")
        );
        assert_eq!(
            lower8(u64::from_le_bytes([0xc1, 0xda, b'Q', 0, 0, 0, 0, 0])),
            u64::from_le_bytes([0xc1, 0xda, b'q', 0, 0, 0, 0, 0])
        );
    }

    #[test]
    fn byte_mask_gathers_the_high_bits() {
        for m in 0..=255u64 {
            let high = (0..8).fold(0u64, |x, k| x | ((m >> k) & 1) << (8 * k + 7));
            assert_eq!(byte_mask(high), m, "{m:#x}");
        }
    }

    #[test]
    fn ascii_letter_bits_are_right_before_the_first_byte_beyond_ascii() {
        for b in 0..=255u8 {
            for c in [b'a', b'Z', b'0', 0xff] {
                let v = u64::from_le_bytes([c, b, b'q', b, 0x7f, b, b'@', b]);
                let bits = ascii_letter_bits(v).to_le_bytes();
                for (k, &byte) in v.to_le_bytes().iter().enumerate() {
                    if byte >= 0x80 {
                        break;
                    }
                    assert_eq!(bits[k] == 0x80, byte.is_ascii_alphabetic(), "{byte:#x}");
                }
            }
        }
    }

    #[test]
    fn letter_bits_mark_exactly_the_ascii_letters() {
        for b in 0..=255u8 {
            let v = u64::from_le_bytes([b, b' ', b, 0x80, b, b'z', b'A', b]);
            let bits = letter_bits(v).to_le_bytes();
            for (k, &byte) in v.to_le_bytes().iter().enumerate() {
                assert_eq!(bits[k] == 0x80, byte.is_ascii_alphabetic(), "{byte:#x}");
            }
        }
    }

    #[test]
    fn lost_heading_texts_are_written_once_per_kind() {
        for (i, k) in SectionKind::ALL.into_iter().enumerate() {
            assert_eq!(k as usize, i, "ALL in declaration order");
            let (m, h) = lost_heading_texts(k);
            assert_eq!(
                m,
                format!(
                    "a section heading was lost here; the section reads as \"{}\"",
                    k.title()
                )
            );
            assert_eq!(
                h,
                format!("restore the heading (inferred: \"{}\")", k.title())
            );
            let (again, _) = lost_heading_texts(k);
            assert!(
                matches!((&m, &again), (Cow::Borrowed(a), Cow::Borrowed(b)) if std::ptr::eq(*a, *b)),
                "one text per kind, borrowed"
            );
        }
    }

    #[test]
    fn a_shingle_table_in_the_slots_of_another_starts_empty() {
        let hash = |i: u64| i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut t = ShingleTable::with_capacity(100);
        for i in 0..100u64 {
            assert_eq!(t.visit(hash(i), 0), None);
        }
        assert_eq!(t.visit(hash(5), 1), Some(5));
        let size = t.slots.len();
        // The next profile's paragraphs numbered after the two of this one.
        let mut u = ShingleTable::with_capacity_in(60, t.slots, t.base + 2);
        assert_eq!(u.slots.len(), size, "the slots kept as they are");
        for i in (0..100u64).rev() {
            assert_eq!(u.visit(hash(i), 0), None, "entry {i} new");
        }
        assert_eq!(u.len, 100);
        assert_eq!(u.visit(hash(99), 1), Some(0), "numbered anew");
        // Numbers started again from 1: the slots emptied.
        let w = ShingleTable::with_capacity_in(60, u.slots, 1);
        assert!(w.slots.iter().all(|e| e.last == 0));
    }

    #[test]
    fn the_shingle_table_keeps_every_entry_as_it_grows() {
        let mut t = ShingleTable::with_capacity(1);
        let hash = |i: u64| i.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (i << 7);
        for i in 0..10_000u64 {
            assert_eq!(t.visit(hash(i), i as u32), None, "new entry {i}");
            assert_eq!(
                t.visit(hash(i), i as u32),
                None,
                "entry {i} again in its paragraph"
            );
        }
        assert!(t.slots.len() >= 2 * 10_000, "kept at most half full");
        for i in 0..10_000u64 {
            assert_eq!(
                t.visit(hash(i), 10_000),
                Some(i as u32),
                "entry {i} survived the growth, its number kept"
            );
            assert_eq!(
                t.visit(hash(i), 10_000),
                None,
                "entry {i} seen in paragraph 10000"
            );
        }
        assert_eq!(t.len, 10_000);
        // Room made for many more at once: every entry kept, the table at most half
        // full with them.
        t.reserve(30_000);
        assert!(t.slots.len() >= 2 * 40_000);
        for i in 0..10_000u64 {
            assert_eq!(t.visit(hash(i), 10_001), Some(i as u32), "entry {i} kept");
        }
    }

    /// The messages one word check gives on a document.
    fn messages_of(doc: &Document, check: fn(&Document, &WordIndex, &mut Listed)) -> Vec<String> {
        let wi = WordIndex::new(&doc.text);
        let mut out = Listed::new(0);
        check(doc, &wi, &mut out);
        out.finish()
            .diagnostics
            .iter()
            .map(|d| d.message.to_string())
            .collect()
    }

    #[test]
    fn a_number_run_into_a_word_is_split_where_the_space_was_lost() {
        let doc = minewatch_profile::read(
            b"Peru\n\nMine Action\n\nLast updated: 1 May 2026\n\nIn 2024were 3.2kmof land and 7kmcleared by 2haves, Resolution 80/12calling, 5have, 1,061kmSHA; 1990s, 81mm, 3rd, 2D, 10km, 5ha, 4WD and M18A1 are not, nor is id 3f9a2b, 12ab3 or www.example.org/2024report.\n",
        );
        assert_eq!(
            messages_of(&doc, glued_to_numbers),
            [
                "\"2024were\" looks like words run together: \"2024\" and \"were\"",
                "\"3.2kmof\" looks like words run together: \"3.2km\" and \"of\"",
                "\"7kmcleared\" looks like words run together: \"7km\" and \"cleared\"",
                "\"2haves\" looks like words run together: \"2\" and \"haves\"",
                "\"80/12calling\" looks like words run together: \"80/12\" and \"calling\"",
                "\"5have\" looks like words run together: \"5\" and \"have\"",
                "\"1,061kmSHA\" looks like words run together: \"1,061km\" and \"SHA\"",
            ]
        );
    }

    #[test]
    fn a_function_word_run_into_an_acronym_is_glued() {
        let doc = minewatch_profile::read(
            b"Peru\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nIt was anERW incident reported ofNATO forces; iOS, eID, DoD, MoD and McDonald are names.\n",
        );
        assert_eq!(
            messages_of(&doc, glued_words),
            [
                "\"anERW\" looks like words run together: \"an\" and \"ERW\"",
                "\"ofNATO\" looks like words run together: \"of\" and \"NATO\"",
            ]
        );
    }

    #[test]
    fn a_sentence_run_into_the_next_after_its_stop_is_glued() {
        let doc = minewatch_profile::read(
            b"Peru\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nIt ratified in 2011.In 2013 it reported. The war ended in May 2009.Both sides agreed. It finished in 2003.[3]He said so. The U.S.Army, the U.S.A, a Ph.D, e.g. its site www.example.Org and mail at a.Name@example.org are not.\n",
        );
        assert_eq!(
            messages_of(&doc, glued_after_stops),
            [
                "\"2011.In\" looks like words run together: \"2011.\" and \"In\"",
                "\"2009.Both\" looks like words run together: \"2009.\" and \"Both\"",
                "\"2003.[3]He\" looks like words run together: \"2003.[3]\" and \"He\"",
            ]
        );
    }

    #[test]
    fn text_decoded_with_the_wrong_encoding_is_named_with_what_it_was() {
        let doc = minewatch_profile::read(
            "Peru\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nThe law, β€œLey 28824,â€ was passed; itâ€™s in forceâ€”mostly. The Ministerio de RelaciÃ³n said so at 20Â°C,Â\u{a0}twice. Ângela, Ãgua and São Tomé are words.\n".as_bytes(),
        );
        let mut out = Listed::new(0);
        mojibake(&doc, &mut out);
        let got: Vec<(String, String)> = out
            .finish()
            .diagnostics
            .iter()
            .map(|d| (d.text.clone().unwrap_or_default(), d.message.to_string()))
            .collect();
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["β€œ", "â€", "â€™", "â€”", "Ã³", "Â°", "Â\u{a0}"],
            "{got:#?}"
        );
        assert!(got[0].1.ends_with("it was \"\u{201c}\""), "{got:#?}");
        assert!(got[1].1.ends_with("it was \"\u{201d}\""), "{got:#?}");
        assert!(got[4].1.ends_with("it was \"ó\""), "{got:#?}");
        assert!(got[6].1.ends_with("it was a no-break space"), "{got:#?}");
    }

    /// A token of megabytes without a space is looked at near the word only: what
    /// `token_around` returns is bounded whatever the text (the scan per word had made
    /// the checks quadratic on such a file).
    #[test]
    fn the_token_around_a_word_is_bounded() {
        let long = format!("a b {} c", "\u{e2}\u{20ac}\u{153}x".repeat(100_000));
        let mid = long.len() / 2;
        let mid = (mid..).find(|&i| long.is_char_boundary(i)).unwrap();
        let tok = token_around(&long, mid, mid);
        assert!(tok.len() <= 2 * 256 + 8, "{}", tok.len());
        assert!(!tok.is_empty());
        // A short token is whole.
        let t = "see www.example.org/page now";
        assert_eq!(token_around(t, 8, 11), "www.example.org/page");
    }

    /// The lengths filter of glued_to_names turns no name away: each name's length is
    /// among those of its first four letters' bit, whatever the case of the word.
    #[test]
    fn every_state_name_passes_the_lengths_filter() {
        let (names, _, lengths) = state_names();
        let mut n = 0;
        for st in minewatch_refdata::states() {
            for name in std::iter::once(&st.name).chain(&st.aliases) {
                if name.len() >= 4 && name.bytes().all(|b| b.is_ascii_alphabetic()) {
                    for w in [
                        name.clone(),
                        name.to_ascii_uppercase(),
                        name.to_ascii_lowercase(),
                    ] {
                        assert!(names.contains_key(&hash_lower(w.as_bytes())));
                        let bit = head_bit(w.as_bytes());
                        assert!(lengths[bit] & (1 << w.len().min(31)) != 0, "{w}");
                    }
                    n += 1;
                }
            }
        }
        assert!(n > 100, "{n} names");
    }

    #[test]
    fn a_state_name_run_into_the_next_word_is_split_after_the_name() {
        let doc = minewatch_profile::read(
            b"Peru\n\nMine Ban Policy\n\nLast updated: 1 May 2026\n\nThe Republic of the Philippinessigned the treaty in 1997 and Namibiahas destroyed its stockpile; Nigeriareported it. Nigerian, Malian and Peruvian officials, the Israelis, Omanis and Chadians attended; the claim was maligned, and Perusal of the report followed. Georgetown hosted Georgetown talks.\n",
        );
        assert_eq!(
            messages_of(&doc, glued_to_names),
            [
                "\"Philippinessigned\" looks like words run together: \"Philippines\" and \"signed\"",
                "\"Namibiahas\" looks like words run together: \"Namibia\" and \"has\"",
                "\"Nigeriareported\" looks like words run together: \"Nigeria\" and \"reported\"",
            ]
        );
    }

    #[test]
    fn suffix_table_covers_every_function_word_ending() {
        for f in SUFFIX_WORDS {
            let last = *f.as_bytes().last().unwrap();
            assert!(suffixes_ending_in(last).contains(f), "{f}");
            assert!(
                suffixes_ending_in(last.to_ascii_uppercase()).contains(f),
                "{f}"
            );
        }
        let listed: usize = (b'a'..=b'z').map(|c| suffixes_ending_in(c).len()).sum();
        assert_eq!(listed, SUFFIX_WORDS.len());
        // A word ends like one function word at most (`Candidate::before` keeps one):
        // none ends another.
        for f in SUFFIX_WORDS {
            for g in SUFFIX_WORDS {
                assert!(f == g || !f.ends_with(g), "{f} {g}");
            }
        }
    }

    /// The notes check as it was: every number found in a sorted list.
    fn notes_reference(doc: &Document, out: &mut Listed) {
        // Each number's first definition, by number (sorted lists rather than maps: a
        // profile has tens of notes and references).
        let mut by_number: Vec<(u32, usize)> = doc
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.number, i))
            .collect();
        by_number.sort_unstable();
        by_number.dedup_by_key(|x| x.0);
        let first_marker = |number: u32| -> Option<Span> {
            by_number
                .binary_search_by_key(&number, |x| x.0)
                .ok()
                .map(|k| doc.notes[by_number[k].1].marker)
        };
        for (i, n) in doc.notes.iter().enumerate() {
            let k = by_number.partition_point(|x| x.0 < n.number);
            if by_number[k].1 != i {
                out.push(
                    Diagnostic::new(
                        "duplicate-note",
                        Severity::Error,
                        n.marker,
                        note_text(doc, n.marker, n.number, "note ", " is defined twice"),
                    )
                    .with_note(n.number)
                    .with_related(doc.notes[by_number[k].1].marker, "first defined here")
                    .with_help("renumber one of the notes, or remove the copy"),
                );
            }
        }
        // References by number, each number's in the order of the text.
        let mut referenced: Vec<(u32, Span)> =
            doc.references.iter().map(|r| (r.number, r.span)).collect();
        referenced.sort_by_key(|r| r.0);
        for refs in referenced.chunk_by(|a, b| a.0 == b.0) {
            let number = refs[0].0;
            if first_marker(number).is_none() {
                let label = note_label(doc, refs[0].1, number);
                let mut d = Diagnostic::new(
                    "missing-note",
                    Severity::Error,
                    refs[0].1,
                    [
                        "note ",
                        &label,
                        " is referenced but missing from the notes list",
                    ]
                    .concat(),
                )
                .with_note(number)
                .with_help(["add the citation for ", &label, " to the notes at the end"].concat());
                for (_, s) in &refs[1..] {
                    d = d.with_related(*s, "also referenced here");
                }
                out.push(d);
            }
        }
        let is_referenced = |number: u32| referenced.binary_search_by_key(&number, |r| r.0).is_ok();
        for n in &doc.notes {
            if !is_referenced(n.number) && first_marker(n.number) == Some(n.marker) {
                out.push(
                    Diagnostic::new(
                        "unused-note",
                        Severity::Warning,
                        n.marker,
                        note_text(
                            doc,
                            n.marker,
                            n.number,
                            "note ",
                            " is not referenced anywhere in the text",
                        ),
                    )
                    .with_note(n.number)
                    .with_help("cite it where it supports a statement, or remove it"),
                );
            }
            if n.lost_link() {
                let t = doc
                    .text
                    .get(n.span.start..n.span.end)
                    .unwrap_or("")
                    .trim_end();
                let end = n.span.start + t.len();
                let start = end
                    - t.chars()
                        .rev()
                        .take_while(|c| *c == ',' || *c == '.' || *c == ' ')
                        .map(char::len_utf8)
                        .sum::<usize>();
                out.push(
                    Diagnostic::new(
                        "note-lost-link",
                        Severity::Warning,
                        Span::new(start, end),
                        note_text(
                            doc,
                            n.marker,
                            n.number,
                            "note ",
                            " ends where its link was stripped",
                        ),
                    )
                    .with_note(n.number)
                    .with_help("restore the URL from the source page"),
                );
            }
        }
    }

    /// The near-duplicate pairs as first written: per-paragraph shingle sets and
    /// postings lists in ordinary maps. The fast version must agree with it.
    fn near_duplicate_pairs_reference(
        doc: &Document,
        wi: &WordIndex,
    ) -> Vec<(usize, usize, String)> {
        use std::collections::{BTreeMap, BTreeSet};
        let body = doc.body_span();
        let mut paras: Vec<(Span, BTreeSet<u64>)> = Vec::new();
        for p in doc.paragraphs.iter().filter(|p| body.contains(p.span)) {
            let hs = &wi.hashes[wi.range(p.span)];
            if hs.len() < 4 + 7 {
                continue;
            }
            let set: BTreeSet<u64> = hs
                .windows(4)
                .map(|ws| {
                    ws.iter().fold(0xcbf29ce484222325u64, |h, w| {
                        (h ^ w).wrapping_mul(0x100000001b3)
                    })
                })
                .collect();
            if set.len() >= 8 {
                paras.push((p.span, set));
            }
        }
        let mut postings: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        for (i, (_, set)) in paras.iter().enumerate() {
            for h in set {
                postings.entry(*h).or_default().push(i);
            }
        }
        let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for list in postings.values().filter(|l| l.len() >= 2 && l.len() <= 24) {
            for (k, &a) in list.iter().enumerate() {
                for &b in &list[k + 1..] {
                    *shared.entry((a, b)).or_default() += 1;
                }
            }
        }
        let mut out = Vec::new();
        for ((a, b), n) in shared {
            let (la, lb, n) = (paras[a].1.len() as f64, paras[b].1.len() as f64, n as f64);
            let j = n / (la + lb - n);
            if j >= 0.5 || n / la.min(lb) >= 0.8 && j >= 0.3 {
                out.push((
                    paras[a].0.start,
                    paras[b].0.start,
                    format!("{:.0}", j * 100.0),
                ));
            }
        }
        out
    }

    /// The word index as plainly as it can be written: every word of the iterator,
    /// its joint found char by char. A state name or a capital after a full stop is
    /// looked for only in words the fast scan reads whole: ASCII, with no character
    /// before it (since the last word) or right after it that is neither ASCII nor a
    /// quotation mark or dash.
    #[allow(clippy::type_complexity)]
    fn word_index_reference(
        text: &str,
    ) -> (
        Vec<(u32, u32)>,
        Vec<u64>,
        Vec<(u32, bool)>,
        Vec<u32>,
        Vec<u32>,
        Vec<u32>,
        Vec<u32>,
    ) {
        let b = text.as_bytes();
        let heads = &state_names().1;
        let months = &month_filter().1;
        let mut r = (
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        );
        let mut prev_end = 0;
        let other = |c: char| !c.is_ascii() && !('\u{2010}'..='\u{202f}').contains(&c);
        for (k, (s, w)) in words(text).enumerate() {
            let k = k as u32;
            let e = s + w.len();
            let joint = w
                .chars()
                .zip(w.chars().skip(1))
                .any(|(a, c)| a.is_lowercase() && c.is_uppercase());
            if is_candidate(w, joint) {
                r.2.push((k, joint));
            }
            let whole = w.is_ascii()
                && !text[prev_end..s].chars().any(other)
                && !text[e..].chars().next().is_some_and(other);
            let capital = b[s].is_ascii_uppercase();
            if whole && capital && s > 0 && matches!(b[s - 1], b'.' | b']') {
                r.4.push(k);
            }
            if whole && capital && w.len() >= 7 && !joint && {
                let bit = head_bit(&b[s..]);
                heads[bit >> 6] & (1 << (bit & 63)) != 0
            } {
                r.3.push(k);
            }
            if s > 0 && b[s - 1].is_ascii_digit() && b[s].is_ascii_alphabetic() {
                r.5.push(k);
            }
            if capital && months[fold_hash(w) as usize & 255] {
                r.6.push(k);
            }
            r.0.push((s as u32, e as u32));
            r.1.push(fold_hash(w));
            prev_end = e;
        }
        r
    }

    /// Paragraphs of words of a small vocabulary (`paras`, then copies of them with a
    /// word changed: (paragraph, at, word)): the fast near-duplicates are the reference's.
    fn near_duplicates_agree_on(
        paras: Vec<Vec<usize>>,
        copies: Vec<(usize, usize, usize)>,
    ) -> Result<(), TestCaseError> {
        const VOCAB: [&str; 12] = [
            "mines",
            "the",
            "state",
            "treaty",
            "stockpile",
            "of",
            "destroyed",
            "in",
            "and",
            "Party",
            "reported",
            "2020",
        ];
        let mut ps: Vec<Vec<usize>> = paras.clone();
        for (src, at, word) in copies {
            let mut p = ps[src % ps.len()].clone();
            let k = at % p.len();
            p[k] = word;
            ps.push(p);
        }
        let mut text = String::from("Utopia\n\nMine Ban Policy\n\nLast updated: 1 May 2020\n\n");
        for p in &ps {
            let words: Vec<&str> = p.iter().map(|&w| VOCAB[w]).collect();
            text.push_str(&words.join(" "));
            text.push_str(".\n\n");
        }
        let doc = minewatch_profile::read(text.as_bytes());
        let wi = WordIndex::new(&doc.text);
        let mut out = Listed::new(0);
        near_duplicates(
            &doc,
            &wi,
            doc.body_span(),
            &Options {
                as_of: "2026-11-30".parse().unwrap(),
                ..Options::default()
            },
            &mut out,
        );
        let got: Vec<(usize, usize, String)> = out
            .finish()
            .diagnostics
            .iter()
            .map(|d| {
                let pct = d
                    .message
                    .split('(')
                    .nth(1)
                    .unwrap()
                    .split('%')
                    .next()
                    .unwrap()
                    .to_string();
                (d.span.start, d.related[0].span.start, pct)
            })
            .collect();
        prop_assert_eq!(got, near_duplicate_pairs_reference(&doc, &wi));
        Ok(())
    }

    /// Long paragraphs with more distinct shingles than the table is first made for:
    /// it grows between batches of a paragraph's shingles, and the near-duplicates
    /// found are still those of the plain reference.
    #[test]
    fn near_duplicates_agree_with_the_reference_as_the_table_grows() {
        let mut x = 12345u64;
        let mut next = || {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (x >> 33) as usize % 12
        };
        let paras: Vec<Vec<usize>> = (0..3)
            .map(|_| (0..3000).map(|_| next()).collect())
            .collect();
        near_duplicates_agree_on(paras, vec![(0, 5, 3), (1, 2999, 7), (2, 1000, 0)]).unwrap();
    }

    /// A paragraph of one phrase repeated (three distinct shingles, all had by the
    /// paragraph before) takes no part: what it set for its shingles is taken back,
    /// and the copy after it is counted once with the paragraph it copies.
    #[test]
    fn a_repeated_phrase_between_two_copies_takes_no_part() {
        let a = vec![0, 5, 1, 0, 5, 1, 2, 3, 4, 6, 7];
        let repeated = [0, 5, 1].repeat(4);
        near_duplicates_agree_on(vec![a.clone(), repeated, a], vec![]).unwrap();
    }

    proptest! {
        /// Paragraphs drawn from a small vocabulary, some copied with an edit: the
        /// near-duplicates found are those of the plain reference.
        #[test]
        fn near_duplicates_agree_with_the_reference(
            paras in proptest::collection::vec(proptest::collection::vec(0usize..12, 8..40), 1..12),
            copies in proptest::collection::vec((0usize..12, 0usize..40, 0usize..12), 0..6),
        ) {
            near_duplicates_agree_on(paras, copies)?;
        }

        /// As above with many copies of a few paragraphs: shingles in more paragraphs
        /// than a postings list holds (boilerplate), and paragraphs in many pairs.
        #[test]
        fn near_duplicates_agree_with_the_reference_on_many_copies(
            paras in proptest::collection::vec(proptest::collection::vec(0usize..12, 8..30), 1..4),
            copies in proptest::collection::vec((0usize..4, 0usize..30, 0usize..12), 10..40),
        ) {
            near_duplicates_agree_on(paras, copies)?;
        }

        /// As above with about as many paragraphs as a `u64` has bits, and more: the
        /// pairs counted from each shingle's paragraphs as bits, and from postings lists.
        #[test]
        fn near_duplicates_agree_with_the_reference_on_many_paragraphs(
            paras in proptest::collection::vec(proptest::collection::vec(0usize..12, 11..20), 1..6),
            copies in proptest::collection::vec((0usize..6, 0usize..20, 0usize..12), 55..90),
        ) {
            near_duplicates_agree_on(paras, copies)?;
        }

        /// Every list of the word index is the plain reference's, on text with state
        /// names, capitals after full stops and brackets, function-word endings, words
        /// after digits, months, and the non-ASCII characters that send a word down the
        /// general path.
        #[test]
        fn word_index_matches_a_plain_reference(text in "([a-z]{1,12}|[A-Z][a-z]{1,12}|[A-Za-z]{6,20}|(Namibia|Senegal|Philippines|Angola|Cambodia)(has|signed|the|)|(produc|informa|condi|Thou|Is|wi|fro|Toron|thereto|Defense)(tion|on|in|and|that|with|from|to|for|of|the|by)|(January|May|September|june|MARCH|Mayo)|[ÄäÉéΣσЖж]{1,3}|[ ,.;:!?0-9\\-\\]\\[\n]{1,3}|[\u{a0}\u{2010}-\u{2030}]{1,2}){0,80}") {
            let wi = WordIndex::new(&text);
            let r = word_index_reference(&text);
            prop_assert_eq!(&wi.spans, &r.0);
            prop_assert_eq!(&wi.hashes, &r.1);
            prop_assert_eq!(&wi.glue_candidates, &r.2);
            prop_assert_eq!(&wi.name_candidates, &r.3);
            prop_assert_eq!(&wi.stop_candidates, &r.4);
            prop_assert_eq!(&wi.number_candidates, &r.5);
            prop_assert_eq!(&wi.month_candidates, &r.6);
        }

        /// An index made in the lists of another is the one made anew.
        #[test]
        fn a_word_index_made_in_old_lists_is_made_anew(
            first in "([A-Za-z]{1,12}|[ ,.0-9\n]{1,3}|May|\u{e9}){0,60}",
            text in "([A-Za-z]{1,12}|[ ,.0-9\n]{1,3}|May|\u{e9}){0,60}",
        ) {
            let old = WordIndex::new(&first);
            let (wi, fresh) = (WordIndex::new_in(&text, Some(old)), WordIndex::new(&text));
            prop_assert_eq!(&wi.spans, &fresh.spans);
            prop_assert_eq!(&wi.hashes, &fresh.hashes);
            prop_assert_eq!(&wi.glue_candidates, &fresh.glue_candidates);
            prop_assert_eq!(&wi.name_candidates, &fresh.name_candidates);
            prop_assert_eq!(&wi.stop_candidates, &fresh.stop_candidates);
            prop_assert_eq!(&wi.number_candidates, &fresh.number_candidates);
            prop_assert_eq!(&wi.month_candidates, &fresh.month_candidates);
        }

        /// Digits read as they go are the number parse reads.
        #[test]
        fn digits_value_is_what_parse_reads(d in "[0-9]{1,9}") {
            prop_assert_eq!(digits_value(d.as_bytes()), d.parse::<u32>().unwrap());
        }

        /// A word's first step of the hash taken at once is the start and the step.
        #[test]
        fn hash_first_is_the_start_mixed(len in 0usize..1 << 40, v in proptest::num::u64::ANY) {
            prop_assert_eq!(hash_first(len, v), hash_mix(hash_start(len), v));
        }

        /// The notes' findings are those of the sorted-list version, whatever the
        /// numbers (repeated, missing, large) of the notes and references.
        #[test]
        fn notes_findings_agree_with_the_sorted_lists(
            defined in proptest::collection::vec(prop_oneof![1u32..20, 1u32..2000], 0..12),
            cited in proptest::collection::vec(prop_oneof![1u32..20, 1u32..2000], 0..12),
        ) {
            let mut text = String::from("Utopia\n\nMine Ban Policy\n\nLast updated: 1 May 2020\n\n");
            for n in &cited {
                text.push_str(&format!("The state said so.[{n}]\n\n"));
            }
            text.push_str("Notes\n\n");
            for n in &defined {
                text.push_str(&format!("[{n}] A source, 2020,.\n"));
            }
            let doc = minewatch_profile::read(text.as_bytes());
            let (mut got, mut want) = (Listed::new(0), Listed::new(0));
            notes(&doc, &mut got);
            notes_reference(&doc, &mut want);
            let show = |l: Listed| -> Vec<String> {
                l.finish().diagnostics.iter().map(|d| format!("{d:?}")).collect()
            };
            prop_assert_eq!(show(got), show(want));
        }

        /// A number written digit by digit is the formatter's.
        #[test]
        fn push_int_writes_what_the_formatter_writes(n in proptest::num::i64::ANY, small in -1000i64..1000) {
            for x in [n, small] {
                let mut s = String::from("x");
                push_int(&mut s, x);
                prop_assert_eq!(s, format!("x{x}"));
            }
        }

        /// The glued-words count table counts as a plain map does: every word asked
        /// for, as often as it is seen, the others 0 (keys close together, or equal in
        /// their low bits, so probes run on).
        #[test]
        fn count_table_counts_as_a_map(
            asked in proptest::collection::vec(0u64..48, 0..40),
            seen in proptest::collection::vec(0u64..64, 0..300),
            shift in 0u32..40,
        ) {
            let key = |x: u64| x << shift;
            let mut table = CountTable::with_capacity(asked.len());
            let mut map: HashMap<u64, u32> = HashMap::new();
            for &x in &asked {
                table.insert(key(x));
                map.insert(key(x), 0);
            }
            for &x in &seen {
                table.bump(key(x));
                if let Some(n) = map.get_mut(&key(x)) {
                    *n += 1;
                }
            }
            for x in 0..64 {
                prop_assert_eq!(table.get(key(x)), map.get(&key(x)).copied().unwrap_or(0));
            }
        }

        /// The function-word ending read from a word's last four bytes is the one the
        /// suffix search finds, in any case.
        #[test]
        fn function_word_ending_agrees_with_the_suffix_search(
            head in "[A-Za-z]{5,8}",
            end in "(for|the|of|and|with|from|that|to|in|on|by|[a-z]{1,4}|FOR|Of|WiTh|IN|oN|kn|mN|Kn)",
        ) {
            let w = format!("{head}{end}");
            let b = w.as_bytes();
            let tail = u32::from_le_bytes([b[b.len() - 4], b[b.len() - 3], b[b.len() - 2], b[b.len() - 1]]);
            let searched = suffixes_ending_in(b[b.len() - 1])
                .iter()
                .find(|f| ends_with_ignore_case(&w, f))
                .map(|f| f.len());
            prop_assert_eq!(function_word_ending(tail), searched);
            prop_assert_eq!(ends_like_function_word(tail), searched.is_some());
        }

        /// The test through `TAIL_FILTER` is the two compares of `TAILS` on any four
        /// bytes, the last two those of function words' endings most often.
        #[test]
        fn ends_like_function_word_is_the_two_compares(
            low in 0u32..1 << 16,
            before in 0u32..256,
            last in proptest::sample::select(b"nNrReEfFdDhHmMtToOyYaz".to_vec()),
        ) {
            let tail = low | before << 16 | u32::from(last) << 24;
            let [(m1, v1), (m2, v2)] = TAILS[last as usize];
            let t = tail | 0x2020_2020;
            prop_assert_eq!(ends_like_function_word(tail), t & m1 == v1 || t & m2 == v2);
        }

        /// The fused scan finds the words the general iterator finds, with the same hashes
        /// and case joints, on any text (ASCII, accented, mixed scripts, punctuation).
        #[test]
        fn word_index_matches_the_word_iterator(text in "([A-Za-z]{1,12}|[A-Za-z]{40,70}|[ÄäÉéΣσЖж]{1,3}|[ ,.;:!?0-9\\-\u{201c}\u{201d}\n]{1,3}|[\u{2010}-\u{2030}]{1,2}){0,120}") {
            let wi = WordIndex::new(&text);
            let expected: Vec<(usize, &str)> = words(&text).collect();
            prop_assert_eq!(wi.spans.len(), expected.len());
            for (k, (s, w)) in expected.iter().enumerate() {
                prop_assert_eq!(wi.spans[k], (*s as u32, (s + w.len()) as u32));
                prop_assert_eq!(wi.hashes[k], fold_hash(w));
                prop_assert_eq!(wi.hashes[k], fold_hash(&w.to_uppercase()));
                // A word with a case joint is always a candidate, and carries it.
                let joint = w.chars().zip(w.chars().skip(1)).any(|(a, c)| a.is_lowercase() && c.is_uppercase());
                if joint {
                    prop_assert!(wi.glue_candidates.contains(&(k as u32, true)));
                }
            }
        }
    }
}
