//! From bytes to a [`Document`]. Never fails: whatever it cannot make sense of
//! becomes paragraphs, and what is wrong with the bytes becomes diagnostics.

use minewatch_model::{Date, Diagnostic, Severity, Span};

use crate::model::*;
use crate::{refs, sections, tables};

/// Profile types the reader recognises in a header.
pub const PROFILE_TYPES: &[&str] = &[
    "Mine Ban Policy",
    "Mine Action",
    "Casualties",
    "Casualties and Victim Assistance",
    "Victim Assistance",
    "Support for Mine Action",
    "Cluster Munition Ban Policy",
    "Cluster Munition Remnants",
    "Impact",
];

/// One line: `start..end` without its line ending (the next line starts after it:
/// [`Src::next_start`]). Sixteen bytes: a file of millions of empty lines has one each.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
}

/// A run of lines: non-blank lines between blank ones, or a run of blank lines.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chunk {
    /// Index range into the lines.
    pub first: usize,
    pub last: usize,
    pub blank: bool,
}

pub(crate) struct Src<'a> {
    pub text: &'a str,
    pub lines: Vec<Line>,
    /// Whether the text holds a "\r" anywhere: without one, every line ending is the
    /// "\n" at a line's end, and text is joined from the lines ([`Src::joined`]).
    pub has_cr: bool,
}

impl<'a> Src<'a> {
    #[inline]
    pub fn line(&self, i: usize) -> &'a str {
        let l = self.lines[i];
        &self.text[l.start..l.end]
    }
    pub fn chunk_span(&self, c: &Chunk) -> Span {
        Span::new(self.lines[c.first].start, self.next_start(c.last))
    }
    /// Where the line after line `i` starts: past its "\n" or "\r\n", or the end of
    /// the text.
    pub fn next_start(&self, i: usize) -> usize {
        let end = self.lines[i].end;
        match self.text.as_bytes().get(end) {
            None => end,
            Some(b'\n') => end + 1,
            // "\r\n": a line's end stops before a "\r" only when "\n" follows it.
            Some(_) => end + 2,
        }
    }
    /// [`note_marker`] of line `i`, read from its bytes (the line as a string, its
    /// character bounds tested, only to trim white space at its start).
    #[inline(always)]
    pub fn note_marker(&self, i: usize) -> Option<(u32, usize, usize)> {
        let l = self.lines[i];
        marker_in(&self.text.as_bytes()[l.start..l.end], || {
            let s = self.line(i);
            s.len() - s.trim_start().len()
        })
    }
    /// The chunk's text without its final line ending.
    pub fn chunk_text_span(&self, c: &Chunk) -> Span {
        Span::new(self.lines[c.first].start, self.lines[c.last].end)
    }
    #[inline]
    pub fn single_line(&self, c: &Chunk) -> Option<&'a str> {
        (!c.blank && c.first == c.last).then(|| self.line(c.first))
    }
    /// [`join_lines`] of the text of `span`, which starts in line `first` or after
    /// it. Without a "\r" in the text, the line endings inside the span are the "\n"s
    /// the lines end at: the pieces between them are copied as they are, with no
    /// search through the bytes (a search a line cost more than the copy).
    pub fn joined(&self, first: usize, span: Span) -> String {
        if self.has_cr {
            return join_lines(span.slice(self.text));
        }
        // Most notes, and a paragraph of a line: no line ending inside, a copy.
        if self.lines[first].end >= span.end {
            return self.text[span.start..span.end].to_string();
        }
        let mut out = String::with_capacity(span.end - span.start);
        let mut at = span.start;
        for l in &self.lines[first..] {
            if l.end >= span.end {
                break;
            }
            // A "\n" before the span (after a trimmed start) is no part of it.
            if l.end >= at {
                out.push_str(&self.text[at..l.end]);
                out.push(' ');
                at = l.end + 1;
            }
        }
        out.push_str(&self.text[at..span.end]);
        out
    }
}

/// Decode bytes, standing each invalid byte as U+001A so offsets are kept.
pub(crate) fn decode(bytes: &[u8]) -> (String, Vec<InvalidByte>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), Vec::new()),
        Err(_) => {
            let mut out = String::with_capacity(bytes.len());
            let mut invalid = Vec::new();
            let mut rest = bytes;
            let mut offset = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let bad = e.error_len().unwrap_or(rest.len() - good);
                        for i in 0..bad {
                            invalid.push(InvalidByte {
                                offset: offset + good + i,
                                byte: rest[good + i],
                            });
                            out.push('\u{1A}');
                        }
                        offset += good + bad;
                        rest = &rest[good + bad..];
                    }
                }
            }
            (out, invalid)
        }
    }
}

/// A text longer than this has its lines counted before they are listed: the list
/// is then made at its size, never doubled on the way (a file of millions of short
/// lines would need twice its final size while it grew). Shorter texts are listed in
/// the thread's list ([`SCRATCH`]) at once, without the count.
const COUNT_LINES_ABOVE: usize = 64 << 10;

/// The lines of `text`, in `lines` (emptied first), and their chunks, in `chunks`
/// (emptied first), in one pass: each line is looked at as its end is found, while
/// it is at hand, not in a second pass over the list. The chunks are those of
/// Markdown ([`chunks_into`]: a heading is a chunk of its own); returned is what
/// tells whether the text is Markdown ([`detect_markdown`]: a heading or a footnote
/// definition among the first 4000 lines), and whether any line is a Markdown
/// heading. Where none is, the chunks of plain text are the same.
fn lines_and_chunks_into(text: &str, lines: &mut Vec<Line>, chunks: &mut Vec<Chunk>) -> LinePass {
    let bytes = text.as_bytes();
    lines.clear();
    chunks.clear();
    if bytes.len() > COUNT_LINES_ABOVE {
        let n = memchr::memchr_iter(b'\n', bytes).count() + 1;
        lines.reserve_exact(n);
        // At most a chunk a line.
        chunks.reserve(n);
    }
    // The SSE2 search, which every x86-64 processor has, is made inline here: a line
    // is some forty bytes, and the call of the searcher chosen at run time (AVX2)
    // for each cost more than the search.
    #[cfg(target_arch = "x86_64")]
    if let Some(one) = memchr::arch::x86_64::sse2::memchr::One::new(b'\n') {
        return lines_and_chunks_at(text, one.iter(bytes), lines, chunks);
    }
    lines_and_chunks_at(text, memchr::memchr_iter(b'\n', bytes), lines, chunks)
}

/// What the line pass tells beside the lines and chunks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LinePass {
    /// A Markdown heading or a footnote definition stands among the first 4000 lines.
    markdown_lines: bool,
    /// A line is a Markdown heading (anywhere).
    md_headings: bool,
}

/// Whether a line opening with '#' (or "[^") is a Markdown heading; noted in
/// `pass`, with a footnote definition, where it tells the text is Markdown (line `i`
/// among the first 4000, and not told yet).
#[inline(never)]
fn marked_line(line: &str, i: usize, pass: &mut LinePass) -> bool {
    let heading = line.as_bytes()[0] == b'#' && md_heading(line).is_some();
    pass.md_headings |= heading;
    if i < 4000
        && !pass.markdown_lines
        && (heading || line.starts_with("[^") && line.contains("]:"))
    {
        pass.markdown_lines = true;
    }
    heading
}

/// The lines of `text` whose "\n"s stand at `newlines`, in order, pushed to `lines`,
/// and their chunks to `chunks` ([`lines_and_chunks_into`]). The chunk being made
/// is kept in locals (its first line and whether blank) until a line ends it.
#[inline(always)]
fn lines_and_chunks_at(
    text: &str,
    newlines: impl Iterator<Item = usize>,
    lines: &mut Vec<Line>,
    chunks: &mut Vec<Chunk>,
) -> LinePass {
    let bytes = text.as_bytes();
    let mut pass = LinePass {
        markdown_lines: false,
        md_headings: false,
    };
    // The chunk being made: its first line and whether blank (none before line 0).
    let (mut first, mut blank_run) = (0, false);
    let mut after_heading = false;
    // Each line, in the loop and after it (the last line, without "\n"): written out
    // in both places (a closure called for each line was not made inline).
    macro_rules! line {
        ($start:expr, $end:expr) => {{
            let (start, end) = ($start, $end);
            let i = lines.len();
            lines.push(Line { start, end });
            // Most lines open with an ASCII byte that is no white space, nor '#' nor
            // '[': not blank, no heading, nothing more to look at.
            let (blank, heading) = match bytes.get(start) {
                _ if start == end => (true, false),
                Some(&b) if b < 0x80 && !is_ascii_space(b) => {
                    // A note's "[1]" needs no look; a footnote definition's "[^1]:"
                    // only while the text is not told Markdown yet.
                    if b == b'#'
                        || b == b'['
                            && bytes.get(start + 1) == Some(&b'^')
                            && !pass.markdown_lines
                            && i < 4000
                    {
                        (false, marked_line(&text[start..end], i, &mut pass))
                    } else {
                        (false, false)
                    }
                }
                _ => (is_blank(&text[start..end]), false),
            };
            if i == 0 || blank != blank_run || heading || after_heading {
                if i > 0 {
                    chunks.push(Chunk {
                        first,
                        last: i - 1,
                        blank: blank_run,
                    });
                }
                (first, blank_run) = (i, blank);
            }
            // (Never read after the last line.)
            #[allow(unused_assignments)]
            {
                after_heading = heading;
            }
        }};
    }
    let mut start = 0;
    for i in newlines {
        let end = if i > start && bytes[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        line!(start, end);
        start = i + 1;
    }
    if start < bytes.len() {
        line!(start, bytes.len());
    }
    if !lines.is_empty() {
        chunks.push(Chunk {
            first,
            last: lines.len() - 1,
            blank: blank_run,
        });
    }
    pass
}

/// The lines of `text`, in `lines` (emptied first), as listed before the line pass
/// made the chunks too ([`lines_and_chunks_into`]).
#[cfg(test)]
fn split_lines_into(text: &str, lines: &mut Vec<Line>) {
    let bytes = text.as_bytes();
    lines.clear();
    if bytes.len() > COUNT_LINES_ABOVE {
        lines.reserve_exact(memchr::memchr_iter(b'\n', bytes).count() + 1);
    }
    // The SSE2 search, which every x86-64 processor has, is made inline here: a line
    // is some forty bytes, and the call of the searcher chosen at run time (AVX2)
    // for each cost more than the search.
    #[cfg(target_arch = "x86_64")]
    if let Some(one) = memchr::arch::x86_64::sse2::memchr::One::new(b'\n') {
        return lines_at(bytes, one.iter(bytes), lines);
    }
    lines_at(bytes, memchr::memchr_iter(b'\n', bytes), lines)
}

/// The first `needle` in `hay`, by the SSE2 search made inline on x86-64 (for the
/// short texts the reader searches, the call of the searcher chosen at run time
/// costs more than the search), by [`memchr::memchr`] elsewhere.
#[inline(always)]
pub(crate) fn find_byte(needle: u8, hay: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(one) = memchr::arch::x86_64::sse2::memchr::One::new(needle) {
        return one.find(hay);
    }
    memchr::memchr(needle, hay)
}

/// Each `needle` in `hay`, in order ([`find_byte`]).
#[inline(always)]
pub(crate) fn byte_positions(needle: u8, hay: &[u8]) -> impl Iterator<Item = usize> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let i = at + find_byte(needle, &hay[at..])?;
        at = i + 1;
        Some(i)
    })
}

/// The lines of `bytes` whose "\n"s stand at `newlines`, in order, pushed to `lines`.
#[cfg(test)]
fn lines_at(bytes: &[u8], newlines: impl Iterator<Item = usize>, lines: &mut Vec<Line>) {
    let mut start = 0;
    for i in newlines {
        let end = if i > start && bytes[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        lines.push(Line { start, end });
        start = i + 1;
    }
    if start < bytes.len() {
        lines.push(Line {
            start,
            end: bytes.len(),
        });
    }
}

/// The lines as listed before: counted first, at any length.
#[cfg(test)]
fn split_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', bytes) {
        let end = if i > start && bytes[i - 1] == b'\r' {
            i - 1
        } else {
            i
        };
        lines.push(Line { start, end });
        start = i + 1;
    }
    if start < bytes.len() {
        lines.push(Line {
            start,
            end: bytes.len(),
        });
    }
    lines
}

/// The lists a reading needs only while it reads (its lines, chunks and the kinds of
/// the chunks), kept on each thread between files: not allocated anew for each.
#[derive(Default)]
struct Scratch {
    lines: Vec<Line>,
    chunks: Vec<Chunk>,
    kinds: Vec<Option<BlockKind>>,
    /// Each note chunk's first marker ([`notes`]).
    markers: Vec<Option<(u32, usize, usize)>>,
    /// The headings found, by chunk ([`sections::build`] takes them).
    headings: Vec<(usize, Heading)>,
    tables: tables::Lists,
    sections: sections::Lists,
}

/// A list of more lines than this (a megabyte) is not kept for the next file.
const KEEP_LINES: usize = 1 << 16;

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

#[inline(always)]
fn is_blank(s: &str) -> bool {
    // Most lines open with an ASCII byte that is no white space: that settles it.
    match s.as_bytes().first() {
        None => true,
        Some(&b) if b < 0x80 && !is_ascii_space(b) => false,
        _ => s
            .chars()
            .all(|c| c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}'),
    }
}

fn chunks_into(src: &Src, markdown: bool, out: &mut Vec<Chunk>) {
    out.clear();
    // At most a chunk a line.
    out.reserve(src.lines.len());
    // Whether the line before (the last of the chunk before) is a Markdown heading:
    // a heading is a chunk of its own.
    let mut after_heading = false;
    for i in 0..src.lines.len() {
        let line = src.line(i);
        let blank = is_blank(line);
        let md_heading = markdown && !blank && is_md_heading(line).is_some();
        let extend = match out.last() {
            Some(c) => c.blank == blank && !md_heading && !after_heading,
            None => false,
        };
        after_heading = md_heading;
        if extend {
            if let Some(c) = out.last_mut() {
                c.last = i;
            }
        } else {
            out.push(Chunk {
                first: i,
                last: i,
                blank,
            });
        }
    }
}

#[cfg(test)]
fn chunks(src: &Src, markdown: bool) -> Vec<Chunk> {
    let mut out = Vec::new();
    chunks_into(src, markdown, &mut out);
    out
}

/// `## Heading` → (level, text start offset within the line). Most lines open with
/// another byte than '#': told here, where the line is asked about.
#[inline(always)]
pub(crate) fn is_md_heading(line: &str) -> Option<(u8, usize)> {
    if line.as_bytes().first() != Some(&b'#') {
        return None;
    }
    md_heading(line)
}

fn md_heading(line: &str) -> Option<(u8, usize)> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with([' ', '\t']) {
        let ws = line[hashes..].len() - line[hashes..].trim_start().len();
        Some((hashes as u8, hashes + ws))
    } else {
        None
    }
}

/// Whether the text is Markdown, as first told: in a pass of its own over the lines
/// (the line pass tells it now, [`LinePass`]).
#[cfg(test)]
fn detect_markdown(src: &Src) -> bool {
    if src.text.starts_with("---\n") || src.text.starts_with("---\r\n") {
        return true;
    }
    // A heading, or a footnote definition, among the first 4000 lines. Most lines
    // start with neither '#' nor '[': their first byte settles it.
    let b = src.text.as_bytes();
    src.lines[..src.lines.len().min(4000)].iter().any(|l| {
        matches!(b.get(l.start), Some(b'#' | b'[')) && {
            let l = &src.text[l.start..l.end];
            is_md_heading(l).is_some() || l.starts_with("[^") && l.contains("]:")
        }
    })
}

/// Parse "Last updated: 16 November 2020" (any case of "updated", optional zero pad):
/// where the date starts in the line, and the date — `Err` with the text as written
/// where the line is a last-updated line whose date cannot be read ("31 February
/// 2020"). `None`: not a last-updated line.
pub(crate) fn parse_last_updated(line: &str) -> Option<(usize, Result<Date, &str>)> {
    let t = line.trim_start();
    // The first twelve bytes, in any case (a line opening otherwise has no copy made).
    if !t
        .as_bytes()
        .get(..12)
        .is_some_and(|h| h.eq_ignore_ascii_case(b"last updated"))
    {
        return None;
    }
    let after = &t["last updated".len()..];
    let after = after.trim_start_matches([':', ' ', '\t']);
    let date_start = line.len() - after.len();
    let written = after.trim().trim_end_matches('.');
    Some((date_start, Date::parse_prose(written).ok_or(written)))
}

/// A last-updated date that cannot be read, where it stands (front matter or the
/// header's "Last updated:" line).
fn bad_date(span: Span, written: &str) -> Diagnostic {
    Diagnostic::new(
        "bad-date",
        Severity::Warning,
        span,
        format!("'{written}' is not a date (expected e.g. 2020-11-16 or 16 November 2020)"),
    )
}

/// The white space `char::is_whitespace` tells among ASCII bytes (with the vertical
/// tab, which `u8::is_ascii_whitespace` leaves out).
#[inline(always)]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// [`str::trim`] by bytes while the ends are ASCII (the plain trim where a character
/// beyond ASCII stands at an end: it may be white space).
#[inline(always)]
pub(crate) fn trim_ws(s: &str) -> &str {
    let b = s.as_bytes();
    let mut a = 0;
    while a < b.len() && is_ascii_space(b[a]) {
        a += 1;
    }
    if a == b.len() {
        return &s[..0];
    }
    let mut e = b.len();
    while is_ascii_space(b[e - 1]) {
        e -= 1;
    }
    if b[a] >= 0x80 || b[e - 1] >= 0x80 {
        return s.trim();
    }
    &s[a..e]
}

/// [`str::trim_start`] by bytes while the start is ASCII.
pub(crate) fn trim_start_ws(s: &str) -> &str {
    let b = s.as_bytes();
    let mut a = 0;
    while a < b.len() && is_ascii_space(b[a]) {
        a += 1;
    }
    if a < b.len() && b[a] >= 0x80 {
        return s.trim_start();
    }
    &s[a..]
}

/// [`str::trim_end`] by bytes while the end is ASCII.
pub(crate) fn trim_end_ws(s: &str) -> &str {
    let b = s.as_bytes();
    let mut e = b.len();
    while e > 0 && is_ascii_space(b[e - 1]) {
        e -= 1;
    }
    if e > 0 && b[e - 1] >= 0x80 {
        return s.trim_end();
    }
    &s[..e]
}

/// [`Span::slice`], inlined: the reader slices many short spans (a heading, a note,
/// a cell), and a call costs as much as the slicing.
#[inline(always)]
pub(crate) fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

#[inline(always)]
fn trim_span(text: &str, span: Span) -> Span {
    let s = slice(text, span);
    let lead = s.len() - trim_start_ws(s).len();
    let trail = s.len() - trim_end_ws(s).len();
    Span::new(span.start + lead, (span.end - trail).max(span.start + lead))
}

fn located(text: &str, span: Span) -> Located<String> {
    let span = trim_span(text, span);
    Located {
        value: slice(text, span).to_string(),
        span,
    }
}

/// A note marker at the start of a line: `[12]`, `[12 ]`, `[^12]:`. Returns (number, marker end).
/// Read by bytes: each step of the reading as first written (a slice of the string
/// at each) checked where it cut, and cost more than the test.
#[inline(always)]
pub(crate) fn note_marker(line: &str) -> Option<(u32, usize, usize)> {
    marker_in(line.as_bytes(), || line.len() - line.trim_start().len())
}

/// [`note_marker`] of a line's bytes `b`, `lead` the length of its white space at the
/// start (asked only where it opens with white space or a character beyond ASCII).
#[inline(always)]
fn marker_in(b: &[u8], lead: impl FnOnce() -> usize) -> Option<(u32, usize, usize)> {
    // Most lines start with a character that is no white space: ASCII then, nothing to trim.
    let lead = match b.first() {
        Some(&c) if c < 0x80 && !matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') => 0,
        _ => lead(),
    };
    if b.get(lead) != Some(&b'[') {
        return None;
    }
    let caret = usize::from(b.get(lead + 1) == Some(&b'^'));
    let d0 = lead + 1 + caret;
    // One to four digits: a number `parse` would read, read as it goes (a fifth digit
    // is enough to say no).
    let mut j = d0;
    let mut number = 0u32;
    while j < b.len() && j - d0 < 5 && b[j].is_ascii_digit() {
        number = number * 10 + u32::from(b[j] - b'0');
        j += 1;
    }
    if j == d0 || j - d0 > 4 {
        return None;
    }
    while j < b.len() && b[j] == b' ' {
        j += 1;
    }
    if b.get(j) != Some(&b']') {
        return None;
    }
    let mut end = j + 1;
    if caret == 1 && b.get(end) == Some(&b':') {
        end += 1;
    }
    Some((number, lead, end))
}

fn is_notes_heading(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_end_matches(':')
        .to_ascii_lowercase();
    matches!(
        t.as_str(),
        "notes" | "endnotes" | "footnotes" | "sources" | "references"
    )
}

/// Read a profile. Never fails.
pub fn read(bytes: &[u8]) -> Document {
    let (text, invalid_bytes) = decode(bytes);
    read_text(text, invalid_bytes)
}

/// [`read`], taking the bytes: valid UTF-8 becomes the document's text as it is, not
/// copied (a file is never held twice while it is read).
pub fn read_owned(bytes: Vec<u8>) -> Document {
    match String::from_utf8(bytes) {
        Ok(text) => read_text(text, Vec::new()),
        Err(e) => read(e.as_bytes()),
    }
}

/// Whether the input is UTF-16 text, and which kind: by its byte-order mark (read as
/// two invalid bytes at offsets 0 and 1), or, without one, by its first 512 bytes
/// holding ASCII with a NUL beside every character (a NUL in every other byte, on one
/// side, and none on the other).
fn utf16(text: &[u8], invalid: &[InvalidByte]) -> Option<&'static str> {
    match invalid {
        [a, b, ..] if (a.offset, b.offset) == (0, 1) => match (a.byte, b.byte) {
            (0xFF, 0xFE) => return Some("UTF-16 (little-endian, with a byte-order mark)"),
            (0xFE, 0xFF) => return Some("UTF-16 (big-endian, with a byte-order mark)"),
            _ => {}
        },
        _ => {}
    }
    let head = &text[..text.len().min(512) & !1];
    if head.len() < 16 {
        return None;
    }
    let pairs = head.len() / 2;
    let (mut even, mut odd) = (0, 0);
    for p in head.chunks_exact(2) {
        even += usize::from(p[0] == 0);
        odd += usize::from(p[1] == 0);
    }
    if odd == pairs && even == 0 {
        Some("UTF-16 (little-endian)")
    } else if even == pairs && odd == 0 {
        Some("UTF-16 (big-endian)")
    } else {
        None
    }
}

/// Read the decoded text: invalid bytes stand in it as U+001A, one byte each, so its
/// offsets are the input's.
fn read_text(text: String, invalid_bytes: Vec<InvalidByte>) -> Document {
    let mut diagnostics = Vec::new();
    if !invalid_bytes.is_empty() {
        let first = invalid_bytes[0].offset;
        diagnostics.push(
            Diagnostic::new(
                "invalid-utf8",
                Severity::Warning,
                Span::new(first, first + 1),
                format!(
                    "{} byte(s) are not valid UTF-8, the first at byte offset {first} (0x{:02X})",
                    invalid_bytes.len(),
                    invalid_bytes[0].byte
                ),
            )
            .with_help(
                "save the file as UTF-8; the bytes are kept as they are and shown as U+001A",
            ),
        );
    }
    // A NUL or a "\r", looked for at once: usually neither stands in the text.
    let (nul, has_cr) = match memchr::memchr2(0, b'\r', text.as_bytes()) {
        None => (None, false),
        Some(_) => (
            memchr::memchr(0, text.as_bytes()),
            memchr::memchr(b'\r', text.as_bytes()).is_some(),
        ),
    };
    if let Some(nul) = nul {
        // Text saved as UTF-16 (a Windows export) is text, not binary: say which.
        let d = match utf16(text.as_bytes(), &invalid_bytes) {
            Some(kind) => Diagnostic::new(
                "binary-input",
                Severity::Error,
                Span::new(0, nul + 1),
                format!("this is text in {kind}, not UTF-8 (a NUL byte at offset {nul})"),
            )
            .with_help("save it as UTF-8, e.g. `iconv -f UTF-16 -t UTF-8 FILE > FILE.txt`"),
            None => Diagnostic::new(
                "binary-input",
                Severity::Error,
                Span::new(nul, nul + 1),
                format!(
                    "this looks like a binary file, not a profile (a NUL byte at offset {nul})"
                ),
            )
            .with_help("minewatch reads plain text and Markdown profiles"),
        };
        diagnostics.push(d);
    }
    let mut scratch = SCRATCH.with(|s| s.take());
    let mut lines = std::mem::take(&mut scratch.lines);
    let mut chunks = std::mem::take(&mut scratch.chunks);
    let pass = lines_and_chunks_into(&text, &mut lines, &mut chunks);
    let mut src = Src {
        text: &text,
        lines,
        has_cr,
    };
    let markdown = text.starts_with("---\n") || text.starts_with("---\r\n") || pass.markdown_lines;
    let format = if markdown {
        Format::Markdown
    } else {
        Format::PlainText
    };
    // The pass made Markdown's chunks: plain text with a Markdown heading past its
    // first 4000 lines (and none before) has its chunks made again.
    if !markdown && pass.md_headings {
        chunks_into(&src, false, &mut chunks);
    }

    let mut doc = Document {
        format,
        text: String::new(),
        invalid_bytes,
        header: Header::default(),
        blocks: Vec::new(),
        sections: Vec::new(),
        paragraphs: Vec::new(),
        tables: Vec::new(),
        references: Vec::new(),
        notes: Vec::new(),
        diagnostics,
    };
    if text.is_empty() {
        doc.diagnostics.push(Diagnostic::new(
            "empty-input",
            Severity::Error,
            Span::new(0, 0),
            "the file is empty",
        ));
        return doc;
    }

    // Kinds assigned per chunk before blocks are built.
    let mut kinds = std::mem::take(&mut scratch.kinds);
    kinds.clear();
    kinds.resize(chunks.len(), None);
    let body_start = header(&src, &chunks, markdown, &mut doc, &mut kinds);
    let (notes_start, several_notes_a_chunk) = notes(
        &src,
        &chunks,
        body_start,
        &mut doc,
        &mut kinds,
        &mut scratch.markers,
    );
    let mut headings = std::mem::take(&mut scratch.headings);
    headings.clear();
    tables::find_tables(
        &src,
        &chunks,
        body_start,
        notes_start,
        &mut doc,
        &mut kinds,
        &mut scratch.tables,
    );
    // At most a paragraph a chunk of the body not taken yet (headings are fewer).
    doc.paragraphs.reserve_exact(
        (body_start..notes_start)
            .filter(|&ci| !chunks[ci].blank && kinds[ci].is_none())
            .count(),
    );
    for ci in body_start..notes_start {
        let c = &chunks[ci];
        if c.blank || kinds[ci].is_some() {
            continue;
        }
        if markdown {
            if let Some((level, off)) = is_md_heading(src.line(c.first)) {
                let l = src.lines[c.first];
                let span = trim_span(&text, Span::new(l.start + off, l.end));
                let t = slice(&text, span)
                    .trim_end_matches('#')
                    .trim_end()
                    .to_string();
                headings.push((
                    ci,
                    Heading {
                        text: t,
                        span,
                        level,
                    },
                ));
                continue;
            }
        } else if let Some(line) = src.single_line(c) {
            if looks_like_heading(line) && next_is_prose(&src, &chunks, ci, notes_start, &kinds) {
                let l = src.lines[c.first];
                let span = trim_span(&text, Span::new(l.start, l.end));
                headings.push((
                    ci,
                    Heading {
                        text: slice(&text, span).to_string(),
                        span,
                        level: 2,
                    },
                ));
                continue;
            }
        }
        let span = src.chunk_text_span(c);
        let joined = src.joined(c.first, span);
        kinds[ci] = Some(BlockKind::Paragraph {
            index: doc.paragraphs.len(),
        });
        doc.paragraphs.push(Paragraph {
            span,
            text: joined,
            section: None,
        });
    }
    sections::build(
        &src,
        &chunks,
        body_start,
        notes_start,
        markdown,
        &mut headings,
        &mut doc,
        &mut kinds,
        &mut scratch.sections,
    );

    // A block a chunk (notes sharing a chunk are split later): made at its size, in
    // one extension of the list (no test of its room for each). A chunk's span ends
    // where the next chunk's first line starts ([`Src::chunk_span`]: the lines tile
    // the text), the last one's at the text's end.
    doc.blocks.reserve_exact(chunks.len());
    let paragraphs = &mut doc.paragraphs;
    // (The first chunk starts the text.)
    let mut start = 0;
    doc.blocks.extend(
        chunks
            .iter()
            .zip(&kinds)
            .enumerate()
            .map(|(ci, (c, &kind))| {
                let end = chunks
                    .get(ci + 1)
                    .map_or(text.len(), |n| src.lines[n.first].start);
                let span = Span::new(start, end);
                debug_assert_eq!(span, src.chunk_span(c));
                start = end;
                let kind = if c.blank {
                    BlockKind::Blank {
                        lines: c.last - c.first + 1,
                    }
                } else {
                    match kind {
                        Some(k) => k,
                        None => {
                            // Anything unclaimed (e.g. a table's own lines) is part of a
                            // paragraph.
                            let index = paragraphs.len();
                            let tspan = src.chunk_text_span(c);
                            paragraphs.push(Paragraph {
                                span: tspan,
                                text: src.joined(c.first, tspan),
                                section: None,
                            });
                            BlockKind::Paragraph { index }
                        }
                    }
                };
                Block { kind, span }
            }),
    );
    // Notes made of several markers in one chunk become several blocks (a note
    // chunk's block holds the notes read from it, and only those).
    if several_notes_a_chunk {
        split_note_blocks(&mut doc);
    } else {
        #[cfg(debug_assertions)]
        {
            let blocks = doc.blocks.clone();
            split_note_blocks(&mut doc);
            debug_assert_eq!(blocks, doc.blocks);
        }
    }
    // Paragraphs do not overlap, so no two start together: an unstable sort gives the
    // one order (and needs no buffer), and usually they are in order already. Then
    // each paragraph's block holds its place already (the block starts where the
    // paragraph does, and was given the paragraph's index as it was made): only a
    // sort moves them.
    if !doc.paragraphs.is_sorted_by_key(|p| p.span.start) {
        doc.paragraphs.sort_unstable_by_key(|p| p.span.start);
        reindex_paragraphs(&mut doc);
    } else {
        #[cfg(debug_assertions)]
        {
            let blocks = doc.blocks.clone();
            reindex_paragraphs(&mut doc);
            debug_assert_eq!(blocks, doc.blocks);
        }
    }
    for p in doc.paragraphs.iter_mut() {
        let i = doc
            .sections
            .partition_point(|s| s.span.start <= p.span.start);
        p.section = i
            .checked_sub(1)
            .filter(|&i| p.span.start < doc.sections[i].span.end);
    }
    scratch.lines = std::mem::take(&mut src.lines);
    if scratch.lines.capacity() <= KEEP_LINES {
        scratch.chunks = chunks;
        scratch.kinds = kinds;
        scratch.headings = headings;
        SCRATCH.with(|s| s.set(scratch));
    }
    doc.text = text;
    sections::link_blocks(&mut doc);
    refs::collect(&mut doc, markdown);
    doc
}

fn reindex_paragraphs(doc: &mut Document) {
    let starts: Vec<usize> = doc.paragraphs.iter().map(|p| p.span.start).collect();
    for b in doc.blocks.iter_mut() {
        if let BlockKind::Paragraph { index } = &mut b.kind {
            let start = b.span.start;
            if let Ok(i) = starts.binary_search(&start) {
                *index = i;
            } else if let Some(i) = starts.iter().position(|&s| s >= start && s < b.span.end) {
                *index = i;
            }
        }
    }
}

fn split_note_blocks(doc: &mut Document) {
    // Notes are in text order: the ones inside a block by binary search.
    let notes_in = |notes: &[Note], b: &Block| {
        let lo = notes.partition_point(|n| n.span.start < b.span.start);
        let hi = notes.partition_point(|n| n.span.start < b.span.end);
        lo..hi.max(lo)
    };
    let several =
        |b: &Block| matches!(b.kind, BlockKind::Note { .. }) && notes_in(&doc.notes, b).len() > 1;
    // Usually no block holds several notes: then the blocks stay as they are.
    let Some(first) = doc.blocks.iter().position(several) else {
        return;
    };
    let rest = doc.blocks.split_off(first);
    for b in rest {
        let inside = notes_in(&doc.notes, &b);
        if !matches!(b.kind, BlockKind::Note { .. }) || inside.len() < 2 {
            doc.blocks.push(b);
            continue;
        }
        for ni in inside.clone() {
            let start = if ni == inside.start {
                b.span.start
            } else {
                doc.notes[ni].span.start
            };
            let end = if ni + 1 < inside.end {
                doc.notes[ni + 1].span.start
            } else {
                b.span.end
            };
            doc.blocks.push(Block {
                kind: BlockKind::Note { index: ni },
                span: Span::new(start, end),
            });
        }
    }
}

/// Join hard-wrapped lines: each line ending becomes spaces of the same byte length.
pub(crate) fn join_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    // Both are ASCII: the pieces between them are whole characters.
    for i in memchr::memchr2_iter(b'\n', b'\r', s.as_bytes()) {
        out.push_str(&s[last..i]);
        out.push(' ');
        last = i + 1;
    }
    out.push_str(&s[last..]);
    out
}

fn looks_like_heading(line: &str) -> bool {
    let t = trim_ws(line);
    // (Thirteen words need 25 bytes at least: a shorter line, most headings, has
    // its words not counted.)
    if t.is_empty() || t.len() > 90 || t.len() >= 25 && t.split_whitespace().count() > 12 {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    // The end of the text, past any footnote references: "... were killed.[5]" ends a
    // sentence, "Use[5]" a heading.
    let last = strip_trailing_refs(t).chars().last().unwrap_or(' ');
    !matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '"' | '\u{201d}')
        && note_marker(t).is_none()
}

/// `t` without the footnote references at its end (`[12]`, `[12 ]`, `[^3]`, several).
fn strip_trailing_refs(mut t: &str) -> &str {
    loop {
        let s = t.trim_end();
        let Some(inner) = s.strip_suffix(']') else {
            return s;
        };
        let Some(open) = inner.rfind('[') else {
            return s;
        };
        let r = inner[open + 1..].trim_end();
        let r = r.strip_prefix('^').unwrap_or(r);
        if r.is_empty() || r.len() > 4 || !r.bytes().all(|b| b.is_ascii_digit()) {
            return s;
        }
        t = &inner[..open];
    }
}

fn next_is_prose(
    src: &Src,
    chunks: &[Chunk],
    ci: usize,
    end: usize,
    kinds: &[Option<BlockKind>],
) -> bool {
    for cj in ci + 1..end.min(chunks.len()) {
        let c = &chunks[cj];
        if c.blank {
            continue;
        }
        if kinds[cj].is_some() {
            return matches!(kinds[cj], Some(BlockKind::Table { .. }));
        }
        return match src.single_line(c) {
            Some(l) => !looks_like_heading(l),
            None => true,
        };
    }
    false
}

/// Recognise the header; returns the first chunk of the body.
fn header(
    src: &Src,
    chunks: &[Chunk],
    markdown: bool,
    doc: &mut Document,
    kinds: &mut [Option<BlockKind>],
) -> usize {
    let text = src.text;
    let mut ci = 0;
    while ci < chunks.len() && chunks[ci].blank {
        ci += 1;
    }
    if ci >= chunks.len() {
        return chunks.len();
    }
    // Markdown front matter.
    if markdown && src.line(chunks[ci].first).trim_end() == "---" && chunks[ci].first == 0 {
        let c = chunks[ci];
        let mut close = None;
        for i in c.first + 1..src.lines.len() {
            if src.line(i).trim_end() == "---" {
                close = Some(i);
                break;
            }
        }
        if let Some(close) = close {
            for i in c.first + 1..close {
                let l = src.lines[i];
                let line = src.line(i);
                let Some(colon) = line.find(':') else {
                    continue;
                };
                let key = line[..colon]
                    .trim()
                    .to_ascii_lowercase()
                    .replace(['-', ' '], "_");
                let vstart = l.start + colon + 1;
                let vspan = trim_span(text, Span::new(vstart, l.end));
                let mut v = located(text, vspan);
                let unq = v.value.trim_matches(|c| c == '"' || c == '\'').to_string();
                if unq.len() + 2 == v.value.len() {
                    v = Located {
                        value: unq,
                        span: Span::new(v.span.start + 1, v.span.end - 1),
                    };
                }
                match key.as_str() {
                    "country" | "state" => doc.header.country = Some(v),
                    "type" | "profile_type" | "profile" => doc.header.profile_type = Some(v),
                    "last_updated" | "updated" | "date" => {
                        if let Some(d) = Date::parse_prose(&v.value) {
                            doc.header.last_updated = Some(Located {
                                value: d,
                                span: v.span,
                            });
                        } else {
                            doc.diagnostics.push(bad_date(v.span, &v.value));
                        }
                    }
                    _ => {}
                }
            }
            // Claim every chunk up to and including the closing line.
            let mut cj = ci;
            while cj < chunks.len() && chunks[cj].first <= close {
                kinds[cj] = Some(BlockKind::FrontMatter);
                cj += 1;
            }
            // A front-matter block must not stop half-way through a chunk: if the
            // closing line shares a chunk with following lines, the whole chunk is front matter.
            resolve_country(doc);
            return cj;
        }
    }
    // Plain-text header: up to three short single-line chunks, the last "Last updated:".
    let mut seen = Seen::default();
    let mut cj = ci;
    while cj < chunks.len() && seen.len() < 4 {
        let c = chunks[cj];
        if c.blank {
            cj += 1;
            continue;
        }
        let Some(line) = src.single_line(&c) else {
            break;
        };
        let l = src.lines[c.first];
        if markdown {
            if let Some((1, off)) = is_md_heading(line) {
                if seen.is_empty() {
                    seen.push((cj, Span::new(l.start + off, l.end)));
                    cj += 1;
                    continue;
                }
            }
        }
        if let Some((dstart, date)) = parse_last_updated(line) {
            let dspan = trim_span(text, Span::new(l.start + dstart, l.end));
            match date {
                Ok(value) => doc.header.last_updated = Some(Located { value, span: dspan }),
                // The line is the header's last-updated line, its date unreadable: said
                // where it stands, as in front matter.
                Err(written) => doc.diagnostics.push(bad_date(dspan, written)),
            }
            kinds[cj] = Some(BlockKind::LastUpdated);
            assign_title_lines(text, &seen, doc, kinds);
            resolve_country(doc);
            return cj + 1;
        }
        if trim_ws(line).len() > 80 || trim_end_ws(line).ends_with('.') {
            break;
        }
        seen.push((cj, Span::new(l.start, l.end)));
        cj += 1;
    }
    // No "Last updated": accept "Country" + known type.
    if seen.len() >= 2 {
        let t = seen[1].1.slice(text).trim();
        if PROFILE_TYPES.iter().any(|p| p.eq_ignore_ascii_case(t)) {
            assign_title_lines(text, &seen[..2], doc, kinds);
            resolve_country(doc);
            return seen[1].0 + 1;
        }
    }
    if let Some(&(c0, span)) = seen.first() {
        if minewatch_refdata::resolve_state(span.slice(text).trim()).is_some() {
            assign_title_lines(text, &seen[..1], doc, kinds);
            resolve_country(doc);
            return c0 + 1;
        }
    }
    ci
}

/// The header's lines seen (chunk, span), four at most: kept in place, not in a list
/// allocated for each file.
#[derive(Default)]
struct Seen {
    items: [(usize, Span); 4],
    len: usize,
}

impl Seen {
    fn push(&mut self, item: (usize, Span)) {
        self.items[self.len] = item;
        self.len += 1;
    }
}

impl std::ops::Deref for Seen {
    type Target = [(usize, Span)];
    fn deref(&self) -> &[(usize, Span)] {
        &self.items[..self.len]
    }
}

fn assign_title_lines(
    text: &str,
    seen: &[(usize, Span)],
    doc: &mut Document,
    kinds: &mut [Option<BlockKind>],
) {
    match seen {
        [] => {}
        [(c, s)] => {
            // "United States — Mine Ban Policy" on one line.
            let line = s.slice(text);
            let sep = [" \u{2014} ", " \u{2013} ", " - ", " | "]
                .iter()
                .find_map(|sep| line.find(sep).map(|i| (i, sep.len())));
            if let Some((i, l)) = sep {
                doc.header.country = Some(located(text, Span::new(s.start, s.start + i)));
                doc.header.profile_type = Some(located(text, Span::new(s.start + i + l, s.end)));
            } else if PROFILE_TYPES
                .iter()
                .any(|p| p.eq_ignore_ascii_case(line.trim()))
            {
                // A page that opens with its type alone ("Cluster Munition Ban Policy"
                // above "Last updated: ..."): no country named.
                doc.header.profile_type = Some(located(text, *s));
                kinds[*c] = Some(BlockKind::ProfileType);
                return;
            } else {
                doc.header.country = Some(located(text, *s));
            }
            kinds[*c] = Some(BlockKind::Country);
        }
        [.., (c1, s1), (c2, s2)] => {
            doc.header.country = Some(located(text, *s1));
            doc.header.profile_type = Some(located(text, *s2));
            kinds[*c1] = Some(BlockKind::Country);
            kinds[*c2] = Some(BlockKind::ProfileType);
            // Lines before those two (unusual) stay paragraphs.
        }
    }
}

fn resolve_country(doc: &mut Document) {
    if let Some(c) = &doc.header.country {
        doc.header.country_iso3 =
            minewatch_refdata::resolve_state(&c.value).map(|s| s.iso3.clone());
    }
}

/// Find the notes list at the end; returns the first chunk index of the notes (or
/// `chunks.len()`), and whether a chunk holds several notes.
fn notes(
    src: &Src,
    chunks: &[Chunk],
    body_start: usize,
    doc: &mut Document,
    kinds: &mut [Option<BlockKind>],
    first_markers: &mut Vec<Option<(u32, usize, usize)>>,
) -> (usize, bool) {
    let mut start = chunks.len();
    let mut ci = chunks.len();
    // The marker of each chunk's first line from `start` on, last chunk first (none
    // for a blank chunk or the heading): kept for the notes read below. Made at the
    // most it can hold (a chunk of the body each), not grown a push at a time.
    first_markers.clear();
    first_markers.reserve(chunks.len().saturating_sub(body_start));
    while ci > body_start {
        ci -= 1;
        let c = &chunks[ci];
        if c.blank {
            first_markers.push(None);
            continue;
        }
        let m = src.note_marker(c.first);
        if m.is_some() {
            first_markers.push(m);
            start = ci;
            continue;
        }
        if let Some(line) = src.single_line(c) {
            if is_notes_heading(line) && start < chunks.len() {
                kinds[ci] = Some(BlockKind::NotesHeading);
                first_markers.push(None);
                start = ci;
            }
        }
        break;
    }
    // Blank chunks before the first note are no part of the list.
    first_markers.truncate(chunks.len() - start);
    first_markers.reverse();
    // A notes list needs at least one note chunk. A note a chunk at least: the list
    // is made at that size (grown only for chunks of several).
    let note_chunks = (start..chunks.len())
        .filter(|&i| !chunks[i].blank && kinds[i].is_none())
        .count();
    if note_chunks == 0 {
        return (chunks.len(), false);
    }
    let mut several = false;
    doc.notes.reserve_exact(note_chunks);
    for ci in start..chunks.len() {
        let c = &chunks[ci];
        if c.blank || kinds[ci].is_some() {
            continue;
        }
        kinds[ci] = Some(BlockKind::Note {
            index: doc.notes.len(),
        });
        let first_note = doc.notes.len();
        // Each line that starts with a marker starts a note; other lines continue it.
        // The marker of the line after a note, found in looking for the note's end,
        // is kept for the next note (not read again).
        let mut i = c.first;
        let mut marker = first_markers[ci - start];
        while i <= c.last {
            let Some((number, mstart, mend)) = marker else {
                i += 1;
                marker = if i <= c.last {
                    src.note_marker(i)
                } else {
                    None
                };
                continue;
            };
            let mut j = i;
            marker = None;
            while j < c.last {
                marker = src.note_marker(j + 1);
                if marker.is_some() {
                    break;
                }
                j += 1;
            }
            let l0 = src.lines[i];
            let span = Span::new(l0.start + mstart, src.lines[j].end);
            let marker = Span::new(l0.start + mstart, l0.start + mend);
            let body = Span::new(marker.end, span.end);
            // Trimming before joining is trimming after: line endings are white space.
            let raw = slice(src.text, body);
            let t = trim_ws(raw);
            let lead = t.as_ptr() as usize - raw.as_ptr() as usize;
            let text = src.joined(i, Span::new(body.start + lead, body.start + lead + t.len()));
            doc.notes.push(Note::new(number, span, marker, text));
            i = j + 1;
        }
        several |= doc.notes.len() - first_note > 1;
    }
    (start, several)
}

#[cfg(test)]
mod tests {

    /// Text saved as UTF-16 is named as such, with or without its byte-order mark, in
    /// either byte order; a binary file with NULs here and there is still binary; the
    /// model keeps every byte either way.
    #[test]
    fn utf16_text_is_named_not_called_binary() {
        let text = "Chile\n\nMine Ban Policy\n\nLast updated: 1 October 2026\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let with_bom = |bom: [u8; 2], body: &[u8]| [&bom[..], body].concat();
        for (bytes, kind) in [
            (
                with_bom([0xFF, 0xFE], &le),
                "UTF-16 (little-endian, with a byte-order mark)",
            ),
            (
                with_bom([0xFE, 0xFF], &be),
                "UTF-16 (big-endian, with a byte-order mark)",
            ),
            (le.clone(), "UTF-16 (little-endian)"),
            (be.clone(), "UTF-16 (big-endian)"),
        ] {
            let doc = read(&bytes);
            let d = doc
                .diagnostics
                .iter()
                .find(|d| d.code == "binary-input")
                .expect("an error");
            assert!(d.message.contains(kind), "{kind}: {}", d.message);
            assert!(d.help.as_deref().unwrap_or("").contains("UTF-8"));
            assert_eq!(doc.to_bytes(), bytes);
        }
        let mut binary = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00".to_vec();
        binary.extend((0u8..=255).cycle().take(600));
        let doc = read(&binary);
        let d = doc
            .diagnostics
            .iter()
            .find(|d| d.code == "binary-input")
            .unwrap();
        assert!(d.message.contains("binary file"), "{}", d.message);
    }

    #[test]
    fn a_short_sentence_with_a_reference_is_not_a_heading() {
        assert!(!looks_like_heading("In 2023, 12 people were killed.[5]"));
        assert!(!looks_like_heading(
            "It entered into force on 1 June 2006.[1] [2]"
        ));
        assert!(!looks_like_heading("The treaty entered into force.[^3]"));
        assert!(looks_like_heading("Use[5]"));
        assert!(looks_like_heading("Stockpile destruction [12]"));
        assert!(looks_like_heading("Transfer"));
        // Twelve words at most, however short (thirteen take 25 bytes at least).
        assert!(looks_like_heading("A b c d e f g h i j k l"));
        assert!(!looks_like_heading("A b c d e f g h i j k l m"));
        assert!(!looks_like_heading("A\u{a0}b c d e f g h i j k l m"));
        assert_eq!(strip_trailing_refs("Use[5][6] "), "Use");
        assert_eq!(strip_trailing_refs("a [sic]"), "a [sic]");
    }

    use super::*;

    fn lines_of(text: &str) -> Vec<Line> {
        let mut lines = Vec::new();
        split_lines_into(text, &mut lines);
        lines
    }

    /// A long text's lines are counted first: the list is made at its size.
    #[test]
    fn a_long_texts_lines_are_listed_at_their_size() {
        let text = "a line of text\n\r\n".repeat(COUNT_LINES_ABOVE / 8) + "the last";
        let mut lines = Vec::new();
        split_lines_into(&text, &mut lines);
        assert_eq!(lines.capacity(), lines.len());
        assert_eq!(lines.len(), COUNT_LINES_ABOVE / 4 + 1);
    }

    /// Each line's end and the next line's start, for "\n", "\r\n", a lone "\r" and the
    /// end of the text; the list is made at its size.
    #[test]
    fn lines_and_where_the_next_starts() {
        let text = "a\nbc\r\n\r\nd\re\n\nf\r";
        let src = Src {
            text,
            lines: lines_of(text),
            has_cr: true,
        };
        let got: Vec<(&str, usize)> = (0..src.lines.len())
            .map(|i| (src.line(i), src.next_start(i)))
            .collect();
        assert_eq!(
            got,
            [
                ("a", 2),
                ("bc", 6),
                ("", 8),
                ("d\re", 12),
                ("", 13),
                ("f\r", 15)
            ]
        );
        // The lines and their endings tile the text.
        let mut at = 0;
        for (i, l) in src.lines.iter().enumerate() {
            assert_eq!(l.start, at);
            at = src.next_start(i);
        }
        assert_eq!(at, text.len());
    }

    /// The line pass as first written: a search for each line's end, and chunks that
    /// ask again whether the line before is a Markdown heading.
    #[allow(clippy::type_complexity)]
    fn lines_and_chunks_reference(
        text: &str,
        markdown: bool,
    ) -> (Vec<(usize, usize)>, Vec<(usize, usize, bool)>) {
        let b = text.as_bytes();
        let mut lines = Vec::new();
        let mut start = 0;
        while start < b.len() {
            let (end, next) = match memchr::memchr(b'\n', &b[start..]).map(|i| start + i) {
                Some(i) => (
                    if i > start && b[i - 1] == b'\r' {
                        i - 1
                    } else {
                        i
                    },
                    i + 1,
                ),
                None => (b.len(), b.len()),
            };
            lines.push((start, end));
            start = next;
        }
        let line = |i: usize| &text[lines[i].0..lines[i].1];
        let mut out: Vec<(usize, usize, bool)> = Vec::new();
        for i in 0..lines.len() {
            let blank = is_blank(line(i));
            let md_heading = markdown && !blank && is_md_heading(line(i)).is_some();
            let extend = out.last().is_some_and(|c| {
                c.2 == blank
                    && !md_heading
                    && !(markdown && !blank && is_md_heading(line(c.1)).is_some())
            });
            match out.last_mut() {
                Some(c) if extend => c.1 = i,
                _ => out.push((i, i, blank)),
            }
        }
        (lines, out)
    }

    /// A Markdown heading past the first 4000 lines does not make the text Markdown,
    /// nor a chunk of its own there.
    #[test]
    fn a_late_heading_leaves_plain_text_plain() {
        let text = "Chile\n".repeat(4000) + "# Late\nmore\n";
        let doc = read(text.as_bytes());
        assert_eq!(doc.format, Format::PlainText);
        assert_eq!(doc.blocks.len(), 1);
        let text = "Chile\n".repeat(3999) + "# Late\nmore\n";
        let doc = read(text.as_bytes());
        assert_eq!(doc.format, Format::Markdown);
        assert_eq!(doc.blocks.len(), 3);
    }

    /// Notes one a chunk and several a chunk, with lines that continue a note and
    /// text before the first marker of a chunk: each note has its number and text.
    #[test]
    fn notes_of_one_line_and_several() {
        let text = "Chile\n\nMine Ban Policy\n\nChile is a State Party.[1]\n\n\
                    [1] One.\n\n[2] Two,\ngoing on.\n[3] Three.\n\n[4] Four.\n[5] Five,\nand more.\n";
        let doc = read(text.as_bytes());
        let got: Vec<(u32, &str)> = doc
            .notes
            .iter()
            .map(|n| (n.number, n.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "One."),
                (2, "Two, going on."),
                (3, "Three."),
                (4, "Four."),
                (5, "Five, and more.")
            ]
        );
        for n in &doc.notes {
            assert!(n.marker.slice(text).starts_with('['));
        }
    }

    /// A note marker as first read: the line trimmed, the number parsed.
    fn note_marker_plain(line: &str) -> Option<(u32, usize, usize)> {
        let t = line.trim_start();
        let lead = line.len() - t.len();
        let rest = t.strip_prefix('[')?;
        let (caret, rest) = match rest.strip_prefix('^') {
            Some(r) => (1, r),
            None => (0, rest),
        };
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 4 {
            return None;
        }
        let after = &rest[digits..];
        let spaces = after.bytes().take_while(|&b| b == b' ').count();
        if !after[spaces..].starts_with(']') {
            return None;
        }
        let number: u32 = rest[..digits].parse().ok()?;
        let mut end = lead + 1 + caret + digits + spaces + 1;
        if caret == 1 && line[end..].starts_with(':') {
            end += 1;
        }
        Some((number, lead, end))
    }

    proptest::proptest! {
        /// The byte trims give the slices the plain trims give (the same bytes of the
        /// same string), ASCII ends or not.
        #[test]
        fn byte_trims_are_the_plain_trims(
            s in "( |\t|\n|\r|\u{b}|\u{c}|\u{a0}|\u{85}|\u{2003}|\u{3000}|a|\u{e9}|\u{1f600}|\\.){0,12}",
        ) {
            let at = |t: &str| (t.as_ptr() as usize - s.as_ptr() as usize, t.len());
            proptest::prop_assert_eq!(at(trim_ws(&s)), at(s.trim()));
            proptest::prop_assert_eq!(at(trim_start_ws(&s)), at(s.trim_start()));
            proptest::prop_assert_eq!(at(trim_end_ws(&s)), at(s.trim_end()));
        }

        /// Note markers are read as they were first.
        #[test]
        fn note_markers_are_read_as_before(
            line in "[ \\t\\x0B\u{a0}\u{3000}]{0,2}\\[?\\^?[0-9]{0,5} {0,2}\\]?:?(x|\u{e9}| )?",
        ) {
            proptest::prop_assert_eq!(note_marker(&line), note_marker_plain(&line));
        }

        /// A last-updated line is told as when its first thirteen characters were
        /// copied and lowered.
        #[test]
        fn last_updated_lines_are_told_as_before(
            line in "[ \t]{0,2}(Last updated|LAST UPDATED|last Updated|Last updatéd|Last update|Låst updated|)[: ]{0,2}(1 May 2020|31 February 2020|é|)",
        ) {
            let t = line.trim_start();
            let lower: String = t.chars().take(13).collect::<String>().to_ascii_lowercase();
            proptest::prop_assert_eq!(
                parse_last_updated(&line).is_some(),
                lower.starts_with("last updated")
            );
        }

        /// The inline search finds what the searcher chosen at run time finds, in
        /// texts of any length around the sixteen bytes of a step.
        #[test]
        fn the_inline_search_finds_what_memchr_finds(
            hay in proptest::collection::vec(proptest::sample::select(vec![b'.', b'[', b'a', b' ', 0xC3, 0xA9]), 0..80),
        ) {
            for needle in [b'.', b'[', b'x'] {
                proptest::prop_assert_eq!(find_byte(needle, &hay), memchr::memchr(needle, &hay));
                let got: Vec<usize> = byte_positions(needle, &hay).collect();
                let want: Vec<usize> = memchr::memchr_iter(needle, &hay).collect();
                proptest::prop_assert_eq!(got, want);
            }
        }

        /// A line is blank as when every character was looked at.
        #[test]
        fn blank_lines_are_told_as_before(
            line in "( |\t|\u{b}|\u{c}|\r|\u{a0}|\u{feff}|\u{2003}|\u{85}|a|\u{e9}|\\.){0,6}",
        ) {
            let plain = line
                .chars()
                .all(|c| c.is_whitespace() || c == '\u{a0}' || c == '\u{feff}');
            proptest::prop_assert_eq!(is_blank(&line), plain);
        }

        /// The lines listed without their count first are the lines listed after it.
        #[test]
        fn lines_listed_without_a_count_are_the_lines(
            text in "(a|bcdefgh|\n|\r\n|\r|\u{e9}|\u{b}|\u{9}|\u{1f600}){0,60}",
        ) {
            let got: Vec<(usize, usize)> = lines_of(&text).iter().map(|l| (l.start, l.end)).collect();
            let want: Vec<(usize, usize)> = split_lines(&text).iter().map(|l| (l.start, l.end)).collect();
            proptest::prop_assert_eq!(got, want);
        }

        /// Lines and chunks are the reference's, on text of Markdown headings, blank
        /// lines (with spaces), "\r\n" and lone "\r", footnote definitions.
        #[test]
        fn lines_and_chunks_agree_with_the_reference(
            text in "(# H|## Use|#no|text|  |\u{a0}|\\[\\^1\\]: n|\\[1\\] n|\n|\r\n|\r){0,40}",
            markdown in proptest::bool::ANY,
        ) {
            let src = Src { text: &text, lines: lines_of(&text), has_cr: text.contains('\r') };
            let (lines, want) = lines_and_chunks_reference(&text, markdown);
            let got: Vec<(usize, usize)> = src.lines.iter().map(|l| (l.start, l.end)).collect();
            proptest::prop_assert_eq!(got, lines);
            let got: Vec<(usize, usize, bool)> = chunks(&src, markdown).iter().map(|c| (c.first, c.last, c.blank)).collect();
            proptest::prop_assert_eq!(got, want);
            // Markdown: a heading or a footnote definition among the first lines.
            let want_md = text.starts_with("---\n") || text.starts_with("---\r\n")
                || (0..src.lines.len().min(4000)).any(|i| {
                    let l = src.line(i);
                    is_md_heading(l).is_some() || l.starts_with("[^") && l.contains("]:")
                });
            proptest::prop_assert_eq!(detect_markdown(&src), want_md);
        }

        /// The one line pass gives the lines, the chunks and the format the passes
        /// of their own gave (lines, then whether Markdown, then chunks).
        #[test]
        fn the_line_pass_is_the_passes_it_replaces(
            text in "(---\n|# H|## Use|#no|##|text|  |\t|\u{a0}|\u{e9}|\\[\\^1\\]: n|\\[\\^1\\] n|\\[1\\] n|\\[|\n|\r\n|\r){0,40}",
        ) {
            let (mut lines, mut made) = (Vec::new(), Vec::new());
            let pass = lines_and_chunks_into(&text, &mut lines, &mut made);
            let src = Src { text: &text, lines: lines_of(&text), has_cr: text.contains('\r') };
            let got: Vec<(usize, usize)> = lines.iter().map(|l| (l.start, l.end)).collect();
            let want: Vec<(usize, usize)> = src.lines.iter().map(|l| (l.start, l.end)).collect();
            proptest::prop_assert_eq!(got, want);
            let markdown = text.starts_with("---\n") || text.starts_with("---\r\n") || pass.markdown_lines;
            proptest::prop_assert_eq!(markdown, detect_markdown(&src));
            let want: Vec<(usize, usize, bool)> = chunks(&src, true).iter().map(|c| (c.first, c.last, c.blank)).collect();
            let got: Vec<(usize, usize, bool)> = made.iter().map(|c| (c.first, c.last, c.blank)).collect();
            proptest::prop_assert_eq!(&got, &want);
            // Without a heading, plain text's chunks are Markdown's.
            let plain: Vec<(usize, usize, bool)> = chunks(&src, false).iter().map(|c| (c.first, c.last, c.blank)).collect();
            proptest::prop_assert_eq!(pass.md_headings, (0..src.lines.len()).any(|i| is_md_heading(src.line(i)).is_some()));
            if !pass.md_headings {
                proptest::prop_assert_eq!(&got, &plain);
            }
        }

        /// Text joined from the lines is [`join_lines`] of it, for any span that starts
        /// in or after its first line: trimmed or not, starting or ending at a line
        /// ending or inside one.
        #[test]
        fn text_joined_from_the_lines_is_joined_text(
            text in "(ab|c|  |\u{e9}|\n|\n\n|\r\n|\r){0,30}",
            cuts in proptest::collection::vec(0usize..64, 2),
            trim in proptest::bool::ANY,
        ) {
            // The text as it is, and without its "\r"s (the joining from the lines).
            for text in [text.clone(), text.replace('\r', "")] {
                let lines = lines_of(&text);
                let has_cr = text.contains('\r');
                let src = Src { text: &text, lines, has_cr };
                let (a, b) = (cuts[0].min(cuts[1]).min(text.len()), cuts[0].max(cuts[1]).min(text.len()));
                if !(text.is_char_boundary(a) && text.is_char_boundary(b)) || src.lines.is_empty() {
                    continue;
                }
                let mut span = Span::new(a, b);
                if trim {
                    span = trim_span(&text, span);
                }
                // The line the span starts in (or the last line), and the first line.
                let first = src.lines.iter().rposition(|l| l.start <= span.start).unwrap_or(0);
                let want = join_lines(span.slice(&text));
                for f in [0, first] {
                    proptest::prop_assert_eq!(&src.joined(f, span), &want);
                }
            }
        }
    }
}
