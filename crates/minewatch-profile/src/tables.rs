//! Tables in the two shapes profiles arrive in: `cell | cell` lines, and the
//! blank-line form extraction leaves (one cell per line, values often lost).

use minewatch_model::Span;

use crate::model::*;
use crate::reader::{Chunk, Src};

#[inline(always)]
fn is_numeric_cell(s: &str) -> bool {
    // A line opening with a letter or a bracket (no white space to trim before it) is
    // no figure: that byte fails the test below whatever the end, so nothing is trimmed
    // (told where the line is asked about: most lines are words).
    if s.as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'[' || b == b'(')
    {
        return false;
    }
    is_numeric_trimmed(s)
}

/// [`is_numeric_cell`] of a line that does not open with a letter or a bracket.
fn is_numeric_trimmed(s: &str) -> bool {
    let mut t = s.trim();
    // A figure with its footnote reference: "187[3]".
    if let Some(open) = t.strip_suffix(']').and_then(|x| x.rfind('[')) {
        let inner = &t[open + 1..t.len() - 1];
        if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit()) && open > 0 {
            t = t[..open].trim_end();
        }
    }
    // Every character one a figure may have, then a digit among them: prose fails the
    // first test at its first letter, without the second scanning it for a digit.
    !t.is_empty()
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    ',' | '.'
                        | ' '
                        | '-'
                        | '+'
                        | '\u{2013}'
                        | '$'
                        | '\u{20ac}'
                        | '\u{a3}'
                        | '\u{a5}'
                        | '%'
                        | '~'
                        | '*'
                )
        })
        && t.bytes().any(|b| b.is_ascii_digit())
}

/// The second line of a header cell written on two ("Amount" over "(national
/// currency)", "Size of area" over "(m2)"): a unit in parentheses.
fn unit_line(line: &str) -> bool {
    let t = line.trim();
    t.len() <= 40
        && t.len() >= 3
        && t.starts_with('(')
        && t.ends_with(')')
        && !t[1..t.len() - 1].contains(['(', ')'])
}

/// Whether `t` has more than `n` characters. A character is one to four bytes: the
/// length in bytes settles it but between `n` and `4 * n` bytes, where `n + 1` ASCII
/// bytes first (eight a step) are as many characters; only then are they counted.
fn more_chars_than(t: &str, n: usize) -> bool {
    t.len() > n && (t.len() > 4 * n || t.as_bytes()[..=n].is_ascii() || t.chars().count() > n)
}

/// The lists [`find_tables`] works in, kept by the reader between files.
#[derive(Default)]
pub(crate) struct Lists {
    shorts: Vec<Short>,
    /// The run of short lines each chunk may start, gathered in one list: most runs
    /// are no table, and a list made anew for each would be grown from nothing.
    elems: Vec<(usize, usize)>,
}

/// What a chunk is to a table: no short line, or a short line of words or a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Short {
    Unknown,
    No,
    Text,
    Figure,
}

/// The [`Short`] of each chunk, found on first use: the run of short lines is
/// gathered from each chunk in turn, and the chunk that ends one run (a paragraph
/// after a heading) is the next one asked about.
struct Shorts<'s>(&'s mut [Short]);

impl Shorts<'_> {
    #[inline(always)]
    fn get(&mut self, src: &Src, chunks: &[Chunk], ci: usize) -> Short {
        if self.0[ci] == Short::Unknown {
            self.0[ci] = short_kind(src, &chunks[ci]);
        }
        self.0[ci]
    }
}

/// Whether a chunk is a short single line that can be a table cell, label or caption
/// (or a header cell with its unit on a second line: its first line), and whether
/// that line is a figure ([`is_numeric_cell`]; a header cell over its unit never is).
#[inline(never)]
fn short_kind(src: &Src, c: &Chunk) -> Short {
    if !c.blank && c.last == c.first + 1 && unit_line(src.line(c.last)) {
        let first = src.line(c.first).trim();
        let ok = !first.is_empty()
            && !more_chars_than(first, 60)
            && !is_numeric_cell(first)
            && !first.ends_with(['.', ';', ':', ',', '!', '?']);
        return if ok { Short::Text } else { Short::No };
    }
    let Some(line) = src.single_line(c) else {
        return Short::No;
    };
    let t = crate::reader::trim_ws(line);
    // More than 100 characters: the 101st exists (no need to count a long line).
    if t.is_empty() || more_chars_than(t, 100) || crate::reader::note_marker(t).is_some() {
        return Short::No;
    }
    if is_numeric_cell(t) {
        return Short::Figure;
    }
    // A sentence ends in punctuation, also before its footnote references
    // ("Chile retains 200 mines.[1]"); a label may end in a bracket ("Mine [36]").
    let mut u = t;
    while let Some(inner) = u.strip_suffix(']').and_then(|x| x.rsplit_once('[')) {
        if inner.1.is_empty() || !inner.1.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
            break;
        }
        u = inner.0.trim_end();
    }
    let last = u.chars().last().unwrap_or(' ');
    if matches!(last, '.' | ';' | ':' | ',' | '!' | '?') {
        return Short::No;
    }
    // Nor is a line with a sentence's end inside it: prose (a page cut in its middle:
    // "TMAC recorded 12 mine/ERW casualties for 2012. Seven").
    if sentence_end_inside(u) {
        return Short::No;
    }
    Short::Text
}

/// A short single line that can be a table cell, label or caption (or a header cell
/// with its unit on a second line: its first line), as first asked
/// ([`short_kind`] now).
#[cfg(test)]
fn short_line<'a>(src: &Src<'a>, c: &Chunk) -> Option<&'a str> {
    if !c.blank && c.last == c.first + 1 && unit_line(src.line(c.last)) {
        let first = src.line(c.first).trim();
        let ok = !first.is_empty()
            && !more_chars_than(first, 60)
            && !is_numeric_cell(first)
            && !first.ends_with(['.', ';', ':', ',', '!', '?']);
        return ok.then(|| src.line(c.first));
    }
    let line = src.single_line(c)?;
    let t = crate::reader::trim_ws(line);
    // More than 100 characters: the 101st exists (no need to count a long line).
    if t.is_empty() || more_chars_than(t, 100) || crate::reader::note_marker(t).is_some() {
        return None;
    }
    if is_numeric_cell(t) {
        return Some(line);
    }
    // A sentence ends in punctuation, also before its footnote references
    // ("Chile retains 200 mines.[1]"); a label may end in a bracket ("Mine [36]").
    let mut u = t;
    while let Some(inner) = u.strip_suffix(']').and_then(|x| x.rsplit_once('[')) {
        if inner.1.is_empty() || !inner.1.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
            break;
        }
        u = inner.0.trim_end();
    }
    let last = u.chars().last().unwrap_or(' ');
    if matches!(last, '.' | ';' | ':' | ',' | '!' | '?') {
        return None;
    }
    // Nor is a line with a sentence's end inside it: prose (a page cut in its middle:
    // "TMAC recorded 12 mine/ERW casualties for 2012. Seven").
    if sentence_end_inside(u) {
        return None;
    }
    Some(line)
}

/// Whether `t` has a sentence's end before its last word: ". " after a lower-case
/// word of two letters or more or a figure, then a capital, in a line of six words or
/// more (not "U.S. Army", "No. 5").
fn sentence_end_inside(t: &str) -> bool {
    if crate::reader::find_byte(b'.', t.as_bytes()).is_none()
        || t.split_whitespace().nth(5).is_none()
    {
        return false;
    }
    let b = t.as_bytes();
    crate::reader::byte_positions(b'.', b).any(|i| {
        let next =
            b.get(i + 1) == Some(&b' ') && b.get(i + 2).is_some_and(|c| c.is_ascii_uppercase());
        let word = &t[..i];
        let w = word.rsplit(' ').next().unwrap_or("");
        next && w.len() >= 2
            && w.bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    })
}

fn located(src: &Src, c: &Chunk) -> Located<String> {
    let l = src.lines[c.first];
    let raw = &src.text[l.start..l.end];
    let lead = raw.len() - crate::reader::trim_start_ws(raw).len();
    let t = crate::reader::trim_ws(raw);
    let span = Span::new(l.start + lead, l.start + lead + t.len());
    // A header cell with its unit on a second line: both, joined by a space.
    if c.last == c.first + 1 && unit_line(src.line(c.last)) {
        let l2 = src.lines[c.last];
        let raw2 = &src.text[l2.start..l2.end];
        let t2 = raw2.trim();
        let end = l2.start + (raw2.len() - raw2.trim_start().len()) + t2.len();
        return Located {
            value: format!("{t} {t2}"),
            span: Span::new(span.start, end),
        };
    }
    Located {
        value: t.to_string(),
        span,
    }
}

fn is_table_note(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with("Note:")
        || t.starts_with("Notes:")
        || t.starts_with("Source:")
        || t.starts_with("Sources:")
        || t.starts_with('*')
}

pub(crate) fn find_tables(
    src: &Src,
    chunks: &[Chunk],
    body_start: usize,
    notes_start: usize,
    doc: &mut Document,
    kinds: &mut [Option<BlockKind>],
    lists: &mut Lists,
) {
    let Lists { shorts, elems } = lists;
    shorts.clear();
    shorts.resize(notes_start, Short::Unknown);
    let mut shorts = Shorts(shorts);
    let mut ci = body_start;
    while ci < notes_start {
        let c = chunks[ci];
        if c.blank || kinds[ci].is_some() {
            ci += 1;
            continue;
        }
        if let Some(end) = pipe_table(src, chunks, ci, doc, kinds, &mut shorts) {
            ci = end;
            continue;
        }
        if let Some(end) =
            blank_line_table(src, chunks, ci, notes_start, doc, kinds, elems, &mut shorts)
        {
            ci = end;
            continue;
        }
        ci += 1;
    }
}

fn split_pipe_row(src: &Src, line_idx: usize) -> Vec<Cell> {
    let l = src.lines[line_idx];
    let line = &src.text[l.start..l.end];
    // (A few cells a row: made at that size.)
    let mut cells = Vec::with_capacity(6);
    let trimmed_start = line.len() - crate::reader::trim_start_ws(line).len();
    let body_end = crate::reader::trim_end_ws(line).len();
    let mut s = trimmed_start;
    let mut e = body_end;
    if line[s..e].starts_with('|') {
        s += 1;
    }
    if e > s && line[s..e].ends_with('|') {
        e -= 1;
    }
    let mut start = s;
    for (i, ch) in line[s..e].char_indices() {
        if ch == '|' {
            cells.push(cell(src, l.start + start, l.start + s + i));
            start = s + i + 1;
        }
    }
    cells.push(cell(src, l.start + start, l.start + e));
    cells
}

fn cell(src: &Src, start: usize, end: usize) -> Cell {
    let raw = &src.text[start..end];
    let lead = raw.len() - crate::reader::trim_start_ws(raw).len();
    let t = crate::reader::trim_ws(raw);
    let span = Span::new(start + lead, start + lead + t.len());
    if t.is_empty() {
        Cell {
            value: None,
            span: Span::new(span.start, span.start),
        }
    } else {
        Cell {
            value: Some(t.to_string()),
            span,
        }
    }
}

fn is_separator(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

fn pipe_table(
    src: &Src,
    chunks: &[Chunk],
    ci: usize,
    doc: &mut Document,
    kinds: &mut [Option<BlockKind>],
    shorts: &mut Shorts,
) -> Option<usize> {
    let c = chunks[ci];
    let lines = c.first..=c.last;
    if c.last == c.first
        || !lines
            .clone()
            .all(|i| crate::reader::find_byte(b'|', src.line(i).as_bytes()).is_some())
    {
        return None;
    }
    let mut header: Option<Vec<Cell>> = None;
    let mut rows_raw: Vec<Vec<Cell>> = Vec::new();
    for i in lines {
        if is_separator(src.line(i)) {
            if rows_raw.len() == 1 && header.is_none() {
                header = rows_raw.pop();
            }
            continue;
        }
        rows_raw.push(split_pipe_row(src, i));
    }
    if header.is_none() && rows_raw.len() > 1 {
        let first = &rows_raw[0];
        if first.iter().all(|c| {
            c.value
                .as_deref()
                .map(|v| !is_numeric_cell(v))
                .unwrap_or(true)
        }) {
            header = Some(rows_raw.remove(0));
        }
    }
    let columns: Vec<Located<String>> = header
        .map(|h| {
            h.into_iter()
                .skip(1)
                .map(|c| Located {
                    value: c.value.unwrap_or_default(),
                    span: c.span,
                })
                .collect()
        })
        .unwrap_or_default();
    let ncols = columns.len().max(
        rows_raw
            .iter()
            .map(|r| r.len().saturating_sub(1))
            .max()
            .unwrap_or(0),
    );
    let rows = rows_raw
        .into_iter()
        .map(|mut r| {
            let label = r.remove(0);
            let end = r.last().map(|c| c.span.end).unwrap_or(label.span.end);
            while r.len() < ncols {
                r.push(Cell {
                    value: None,
                    span: Span::new(end, end),
                });
            }
            Row {
                label: Located {
                    value: label.value.unwrap_or_default(),
                    span: label.span,
                },
                cells: r,
            }
        })
        .collect();
    let index = doc.tables.len();
    // A short line just above, with a single blank between, is the caption.
    let mut caption = None;
    if ci >= 2
        && chunks[ci - 1].blank
        && kinds[ci - 2].is_none()
        && shorts.get(src, chunks, ci - 2) != Short::No
    {
        let l = src.line(chunks[ci - 2].first);
        // (Not a Markdown heading: "## Stockpile destruction" heads its section.)
        if !is_numeric_cell(l) && !l.contains('|') && !l.trim_start().starts_with('#') {
            caption = Some(located(src, &chunks[ci - 2]));
            kinds[ci - 2] = Some(BlockKind::Table { index });
        }
    }
    let span = Span::new(
        caption
            .as_ref()
            .map(|c: &Located<String>| c.span.start)
            .unwrap_or(src.lines[c.first].start),
        src.lines[c.last].end,
    );
    kinds[ci] = Some(BlockKind::Table { index });
    doc.tables.push(Table {
        form: TableForm::Pipe,
        span,
        caption,
        bracket_header: None,
        bracketed_quantities: false,
        columns,
        rows,
        notes: Vec::new(),
    });
    Some(ci + 1)
}

/// A value written as a figure with words ("52 (2016: 47)", "19 killed; 33 injured"),
/// which heads no column: it starts with a figure that is not a year standing alone
/// as a word (a header may be "2019", or "2017 casualties by device type").
fn figure_with_words(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("");
    let year = first.len() == 4
        && first.bytes().all(|b| b.is_ascii_digit())
        && (first.starts_with("19") || first.starts_with("20"));
    first.starts_with(|c: char| c.is_ascii_digit()) && !year
}

#[allow(clippy::too_many_arguments)]
fn blank_line_table(
    src: &Src,
    chunks: &[Chunk],
    ci: usize,
    notes_start: usize,
    doc: &mut Document,
    kinds: &mut [Option<BlockKind>],
    elems: &mut Vec<(usize, usize)>,
    shorts: &mut Shorts,
) -> Option<usize> {
    // A table is four short lines at least, one chunk of text after another: where
    // the chunk of text after this one is no short line, no run from here is one.
    // That is asked first where this chunk was not asked about yet, as it is cheaper
    // (a heading above a paragraph: the paragraph is told by its length, and the
    // heading is never looked at).
    if shorts.0[ci] == Short::Unknown {
        let next = (ci + 1..notes_start).find(|&cj| !chunks[cj].blank);
        if next.is_none_or(|n| kinds[n].is_some() || shorts.get(src, chunks, n) == Short::No) {
            // (Checked against the run gathered, where debug assertions are on.)
            #[cfg(debug_assertions)]
            {
                let run =
                    blank_line_table_run(src, chunks, ci, notes_start, doc, kinds, elems, shorts);
                debug_assert!(run.is_none() && elems.len() <= 1);
            }
            return None;
        }
    }
    blank_line_table_run(src, chunks, ci, notes_start, doc, kinds, elems, shorts)
}

/// [`blank_line_table`] from the run of short lines that starts at chunk `ci`.
#[allow(clippy::too_many_arguments)]
fn blank_line_table_run(
    src: &Src,
    chunks: &[Chunk],
    ci: usize,
    notes_start: usize,
    doc: &mut Document,
    kinds: &mut [Option<BlockKind>],
    elems: &mut Vec<(usize, usize)>,
    shorts: &mut Shorts,
) -> Option<usize> {
    // Gather the run of short single-line chunks, with the blank lines before each
    // (the first is chunk `ci`, not taken yet: no short line there, no run, no table):
    // (chunk, blank lines before).
    elems.clear();
    let mut gap = 0;
    let mut cj = ci;
    let mut max_gap = 0;
    while cj < notes_start {
        let c = chunks[cj];
        if c.blank {
            gap = c.last - c.first + 1;
            cj += 1;
            continue;
        }
        if kinds[cj].is_some() || shorts.get(src, chunks, cj) == Short::No {
            break;
        }
        // A "key data" box of labels and values one blank line apart ends at a wider
        // gap before words: what stands after it is the text's next heading, not a row
        // whose values were lost (a figure there is a cell of the box's last row).
        if gap >= 2 && max_gap == 1 && elems.len() >= 6 && !is_numeric_cell(src.line(c.first)) && {
            let digits = elems
                .iter()
                .filter(|&&(e, _)| {
                    src.line(chunks[e].first)
                        .trim_start()
                        .starts_with(|ch: char| ch.is_ascii_digit())
                })
                .count();
            digits >= 2
        } {
            break;
        }
        if !elems.is_empty() {
            max_gap = max_gap.max(gap);
        }
        elems.push((cj, if elems.is_empty() { 0 } else { gap }));
        gap = 0;
        cj += 1;
    }
    // (The line of a chunk of the run is a figure where its kind says so.)
    let has_numbers = elems.iter().any(|&(c, _)| shorts.0[c] == Short::Figure);
    // A "key data" box: labels and values one blank line apart, some values dates or
    // figures with words ("1 August 2000", "0 (2007: 18)").
    let key_data = || {
        elems.len() >= 6
            && max_gap == 1
            && elems
                .iter()
                .filter(|&&(c, _)| {
                    src.line(chunks[c].first)
                        .trim_start()
                        .starts_with(|ch: char| ch.is_ascii_digit())
                })
                .count()
                >= 2
    };
    if elems.len() < 4 || !(max_gap >= 2 || has_numbers || key_data()) {
        return None;
    }
    let text_of = |c: usize| src.line(chunks[c].first).trim();
    let mut k = 0;
    let mut caption = None;
    let mut bracket_header = None;
    if !text_of(elems[0].0).starts_with('[') && !is_numeric_cell(text_of(elems[0].0)) {
        caption = Some(located(src, &chunks[elems[0].0]));
        k = 1;
    }
    if k < elems.len() {
        let t = text_of(elems[k].0);
        if t.starts_with('[') && t.ends_with(']') {
            bracket_header = Some(located(src, &chunks[elems[k].0]));
            k += 1;
        }
    }
    let bracketed_quantities = bracket_header
        .as_ref()
        .map(|b| {
            let v = b.value.to_ascii_lowercase();
            v.contains("quantit") || v.contains("number") || v.contains("in each")
        })
        .unwrap_or(false);
    // Column headers: non-numeric lines one blank apart, closed by a wider gap.
    let mut columns = Vec::new();
    let mut g = k;
    while g < elems.len()
        && !is_numeric_cell(text_of(elems[g].0))
        && !figure_with_words(text_of(elems[g].0))
        && (g == k || elems[g].1 == 1)
    {
        g += 1;
    }
    // (At most six: a longer run one blank apart is a box of labels and values, as
    // "Treaty status overview" / "Mine Ban Treaty" / "State Party" / ...)
    if (2..=6).contains(&(g - k)) && g < elems.len() && elems[g].1 >= 2 {
        columns = elems[k..g]
            .iter()
            .map(|&(c, _)| located(src, &chunks[c]))
            .collect();
        k = g;
    }
    let mut rows: Vec<Row> = Vec::new();
    // A header run one blank line above its first figure, with no wider gap to close
    // it, over rows of as many lines, each row's cells figures ("Year" / "Amount (€)"
    // / "Amount ($)" / "% change" above "2015" / "270,000" / "299,592" / "-91", the
    // summaries of Support for Mine Action profiles): the rows are read by that
    // period, a year in the first column being a row's label, not a cell.
    let period = g - k;
    let value_cell = |c: usize| {
        let t = text_of(c);
        // An amount with its currency's code: "SEK25,000,000", "US$1,200".
        let code = t.bytes().take_while(u8::is_ascii_uppercase).count();
        is_numeric_cell(t)
            || (1..=3).contains(&code)
                && t[code..].starts_with(|ch: char| ch.is_ascii_digit() || ch == '$')
                && is_numeric_cell(&t[code..])
            || matches!(
                t,
                "N/A" | "N/R" | "n/a" | "NA" | "-" | "\u{2013}" | "\u{2014}" | "None" | "Nil"
            )
    };
    // A header one blank line above its rows, with no wider gap to close it, whose
    // rows start with a label of words ("Mine type" / "Destroyed" / "Remaining" over
    // "DM-31" / "702,354" / "0" / "M16" / ...): the run of words before the first
    // figure is the header and the first row's label, so the header is one line
    // shorter than the run, and its width is the rows'. Read so where every row
    // fits — a label that is no figure ("M16" names a mine, it is no amount), then
    // figures, one blank line apart — to the end of the run, but for a heading one
    // blank line above the text after the table. A table that lost a value does not
    // fit (blank lines stand where it was) and is read as before. The line read as a
    // caption may be the header's first cell (no heading above the table).
    let header_rows = |hk: usize| -> Option<(usize, usize)> {
        let w = (g - hk).checked_sub(1)?;
        if !(2..=6).contains(&w) || elems.get(g).is_none_or(|&(_, gap)| gap != 1) {
            return None;
        }
        let start = g - 1;
        if elems[hk + 1..=start].iter().any(|&(_, gap)| gap != 1) {
            return None;
        }
        let figure = |c: usize| {
            let t = text_of(c);
            is_numeric_cell(t)
                || matches!(
                    t,
                    "N/A" | "N/R" | "n/a" | "NA" | "-" | "\u{2013}" | "\u{2014}" | "None" | "Nil"
                )
        };
        let mut n = 0;
        for row in elems[start..].chunks(w) {
            let fits = row.len() == w
                && row.iter().all(|&(_, gap)| gap == 1)
                && !is_numeric_cell(text_of(row[0].0))
                && !figure_with_words(text_of(row[0].0))
                && row[1..].iter().all(|&(c, _)| figure(c));
            if !fits {
                break;
            }
            n += w;
        }
        if n < 2 * w {
            return None;
        }
        match &elems[start + n..] {
            [] => {}
            [(c, gap)] if *gap == 1 && !figure(*c) && !figure_with_words(text_of(*c)) => {
                // A heading after the table: one blank line, then text.
                let blank = chunks.get(c + 1)?;
                if !blank.blank || blank.last != blank.first || chunks.get(c + 2).is_none() {
                    return None;
                }
            }
            _ => return None,
        }
        Some((start, n))
    };
    let mut by_header = None;
    if columns.is_empty() && bracket_header.is_none() {
        by_header = header_rows(k);
        if by_header.is_none() && caption.is_some() && k == 1 {
            by_header = header_rows(0);
            if by_header.is_some() {
                caption = None;
                k = 0;
            }
        }
    }
    // How many of the lines after the header make such rows: whole rows, and a last
    // one that may stop short (its blank cells marked, or lost); a lone line after
    // them ("Note: N/A=not applicable.") is not one.
    let used = if by_header.is_some() {
        0
    } else if columns.is_empty()
        && (2..=6).contains(&period)
        && elems
            .get(g)
            .is_some_and(|&(c, gap)| gap == 1 && is_numeric_cell(text_of(c)))
    {
        let mut used = 0;
        for row in elems[g..].chunks(period) {
            let fits = row.iter().all(|&(_, gap)| gap == 1)
                && row[1..].iter().all(|&(c, _)| value_cell(c));
            if !fits || row.len() < 2 {
                break;
            }
            used += row.len();
            if row.len() < period {
                break;
            }
        }
        used
    } else {
        0
    };
    let (mut g, mut period, mut used) = match by_header {
        Some((start, n)) => (start, start - k, n),
        None => (g, period, used),
    };
    // A header of words one blank line above rows whose cells are words too ("Donor"
    // / "Sector" / "Amount (national currency)" / "Amount ($)" over "US" /
    // "Clearance" / "$22,450,000" / "22,450,000", the contributions tables of
    // Support for Mine Action profiles): the narrowest header whose rows all end
    // in a value and have their values in the same columns, two rows at least.
    if columns.is_empty() && used < 2 * period.max(2) {
        let value_pattern = |row: &[(usize, usize)]| -> Vec<bool> {
            row[1..].iter().map(|&(c, _)| value_cell(c)).collect()
        };
        for p in 2..=6 {
            let start = k + p;
            if start >= elems.len()
                || elems[k + 1..=start].iter().any(|&(_, gap)| gap != 1)
                || elems[k..start]
                    .iter()
                    .any(|&(c, _)| value_cell(c) || figure_with_words(text_of(c)))
            {
                continue;
            }
            let mut n = 0;
            let mut pattern: Option<Vec<bool>> = None;
            for row in elems[start..].chunks(p) {
                let whole = row.len() == p
                    && row.iter().all(|&(_, gap)| gap == 1)
                    && value_cell(row[p - 1].0)
                    && !value_cell(row[0].0)
                    && pattern.as_ref().is_none_or(|x| *x == value_pattern(row));
                if !whole {
                    break;
                }
                pattern.get_or_insert_with(|| value_pattern(row));
                n += p;
            }
            if n >= 2 * p {
                // A last row that stops short: its label, then values after a wider
                // gap where its first cells were left blank ("Total" over the last
                // column's sum), to the end of the run.
                let rest = &elems[start + n..];
                if rest.len() >= 2
                    && rest.len() < p
                    && rest[0].1 == 1
                    && !value_cell(rest[0].0)
                    && rest[1..].iter().all(|&(c, _)| value_cell(c))
                {
                    n += rest.len();
                }
                (g, period, used) = (start, p, n);
                break;
            }
        }
    }
    let by_period = period >= 2 && used >= 2 * period;
    if by_period {
        elems.truncate(g + used);
        columns = elems[k..g]
            .iter()
            .map(|&(c, _)| located(src, &chunks[c]))
            .collect();
        for row in elems[g..].chunks(period) {
            let label = located(src, &chunks[row[0].0]);
            let mut cells: Vec<Cell> = row[1..]
                .iter()
                .map(|&(c, _)| {
                    let loc = located(src, &chunks[c]);
                    Cell {
                        value: Some(loc.value),
                        span: loc.span,
                    }
                })
                .collect();
            // A short row whose values stand after a wider gap has its first cells
            // blank: its values are the last columns'.
            if row.len() < period && row.get(1).is_some_and(|&(_, gap)| gap > 1) {
                let at = label.span.end;
                let blanks = (0..period - row.len()).map(|_| Cell {
                    value: None,
                    span: Span::new(at, at),
                });
                cells.splice(0..0, blanks);
            }
            rows.push(Row { label, cells });
        }
    }
    for &(c, gap) in &elems[if by_period { elems.len() } else { k }..] {
        let loc = located(src, &chunks[c]);
        // A figure is a cell of the row above; so is a word one blank line after a
        // cell of it, where the header has a column left for it ("51,653", "north"
        // under "Quantity", "Location"): a new row stands after a wider gap.
        let text_cell = |r: &Row| gap == 1 && !r.cells.is_empty() && r.cells.len() < columns.len();
        if let Some(r) = rows
            .last_mut()
            .filter(|r| is_numeric_cell(&loc.value) || text_cell(r))
        {
            r.cells.push(Cell {
                value: Some(loc.value),
                span: loc.span,
            });
            continue;
        }
        rows.push(Row {
            label: loc,
            cells: Vec::new(),
        });
    }
    // A header over the labels ("Mine type" above "Held", "Destroyed") heads no value
    // column: dropped, as the pipe form's first header is, so that `columns[i]` heads
    // every row's `cells[i]` in both forms.
    let widest = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    if widest > 0 && columns.len() == widest + 1 {
        columns.remove(0);
    }
    let ncols = columns.len().max(widest).max(1);
    for r in rows.iter_mut() {
        let end = r
            .cells
            .last()
            .map(|c| c.span.end)
            .unwrap_or(r.label.span.end);
        while r.cells.len() < ncols {
            r.cells.push(Cell {
                value: None,
                span: Span::new(end, end),
            });
        }
    }
    let index = doc.tables.len();
    let mut last_chunk = elems.last().map(|e| e.0).unwrap_or(ci);
    for &(c, _) in elems.iter() {
        kinds[c] = Some(BlockKind::Table { index });
    }
    // Notes under the table ("Note: * ...") belong to it.
    let mut notes = Vec::new();
    let mut cn = last_chunk + 1;
    while cn < notes_start {
        let c = chunks[cn];
        if c.blank {
            cn += 1;
            continue;
        }
        if kinds[cn].is_none() && is_table_note(src.line(c.first)) {
            let span = src.chunk_text_span(&c);
            notes.push(Located {
                value: src.joined(c.first, span),
                span,
            });
            kinds[cn] = Some(BlockKind::Table { index });
            last_chunk = cn;
            cn += 1;
            continue;
        }
        break;
    }
    let span = Span::new(
        src.lines[chunks[elems[0].0].first].start,
        src.lines[chunks[last_chunk].last].end,
    );
    doc.tables.push(Table {
        form: TableForm::BlankLine,
        span,
        caption,
        bracket_header,
        bracketed_quantities,
        columns,
        rows,
        notes,
    });
    Some(last_chunk + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Whether a cell is a figure, as first told: trimmed and every character looked at.
    fn is_numeric_cell_plain(s: &str) -> bool {
        let mut t = s.trim();
        if let Some(open) = t.strip_suffix(']').and_then(|x| x.rfind('[')) {
            let inner = &t[open + 1..t.len() - 1];
            if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit()) && open > 0 {
                t = t[..open].trim_end();
            }
        }
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_ascii_digit() || ",. -+\u{2013}$\u{20ac}\u{a3}\u{a5}%~*".contains(c))
            && t.bytes().any(|b| b.is_ascii_digit())
    }

    proptest! {
        /// A chunk of one or two lines is a short line as first asked, and a figure
        /// where its line is one.
        #[test]
        fn short_kind_is_short_line_and_the_figure_test(
            lines in proptest::collection::vec(
                "( |a|Zb|Mine|\\.|\\. A|x. Y|1|9,0|\\(m2\\)|\\(|\\)|\\[1\\]|\\[|:|\u{e9}|\u{a0}){0,14}",
                1..3,
            ),
            long in proptest::bool::ANY,
        ) {
            let mut lines = lines;
            if long {
                lines[0] = lines[0].repeat(9);
            }
            let text = lines.join("\n");
            let mut at = 0;
            let mut ls = Vec::new();
            for l in &lines {
                ls.push(crate::reader::Line { start: at, end: at + l.len() });
                at += l.len() + 1;
            }
            let src = Src { text: &text, lines: ls, has_cr: false };
            let c = Chunk { first: 0, last: lines.len() - 1, blank: false };
            let want = short_line(&src, &c);
            let got = short_kind(&src, &c);
            prop_assert_eq!(got != Short::No, want.is_some());
            prop_assert_ne!(got, Short::Unknown);
            if let Some(l) = want {
                prop_assert_eq!(l, src.line(0));
                prop_assert_eq!(got == Short::Figure, is_numeric_cell(l));
            }
        }

        /// A cell is told a figure as by the plain look.
        #[test]
        fn is_numeric_cell_agrees_with_the_plain_look(s in "( |\t|\u{a0}|a|Z|\\[|\\]|\\(|1|9|,|\\.|-|\u{2013}|\u{20ac}|%|\\*|x)*") {
            prop_assert_eq!(is_numeric_cell(&s), is_numeric_cell_plain(&s));
        }

        /// The shortcut agrees with counting the characters, on ASCII, accented and
        /// wider characters, around the lengths where it decides by bytes.
        #[test]
        fn more_chars_than_counts_characters(t in "[a-z é€𝄞]{0,130}", n in 0usize..110) {
            prop_assert_eq!(more_chars_than(&t, n), t.chars().nth(n).is_some());
            prop_assert_eq!(more_chars_than(&t, 60), t.chars().nth(60).is_some());
            prop_assert_eq!(more_chars_than(&t, 100), t.chars().nth(100).is_some());
        }
    }
}
