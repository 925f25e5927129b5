//! Diagnostics are plain data: a code, a severity, a byte span and a message.
//! Terminal, JSON and SARIF views are renderings of the same data.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A half-open byte range `[start, end)` into a source text. Serialised as `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.start, self.end).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let (start, end) = <(usize, usize)>::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom(format!(
                "span [{start}, {end}] ends before it starts"
            )));
        }
        Ok(Span { start, end })
    }
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The text this span covers in `src` (empty if out of range or not on a char boundary).
    pub fn slice(self, src: &str) -> &str {
        src.get(self.start..self.end).unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Another place that a diagnostic points at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// One finding about a source text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable kebab-case code, e.g. `missing-note`. Other tools depend on these names.
    pub code: &'static str,
    pub severity: Severity,
    pub span: Span,
    /// What is wrong. Borrowed where it is a fixed text (no allocation per finding:
    /// a profile can have hundreds of thousands of the same).
    pub message: Cow<'static, str>,
    /// A suggestion shown as `help:`.
    pub help: Option<Cow<'static, str>>,
    /// The footnote number concerned, for note diagnostics.
    pub note: Option<u32>,
    /// The offending text as it stands, for e.g. `glued-words`.
    pub text: Option<String>,
    pub related: Vec<Related>,
}

impl Diagnostic {
    pub fn new(
        code: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            span,
            message: message.into(),
            help: None,
            note: None,
            text: None,
            related: Vec::new(),
        }
    }
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn with_note(mut self, n: u32) -> Self {
        self.note = Some(n);
        self
    }
    pub fn with_text(mut self, t: impl Into<String>) -> Self {
        self.text = Some(t.into());
        self
    }
    /// This diagnostic as JSON: what `serde_json` writes for it, by hand (see
    /// [`crate::json`]).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        use crate::json;
        out.extend_from_slice(b"{\"code\":");
        json::str(out, self.code);
        out.extend_from_slice(b",\"severity\":");
        json::str(out, self.severity.as_str());
        out.extend_from_slice(b",\"span\":");
        json::span(out, self.span);
        out.extend_from_slice(b",\"message\":");
        json::str(out, &self.message);
        out.extend_from_slice(b",\"help\":");
        json::opt_str(out, self.help.as_deref());
        out.extend_from_slice(b",\"note\":");
        json::opt_uint(out, self.note.map(u64::from));
        out.extend_from_slice(b",\"text\":");
        json::opt_str(out, self.text.as_deref());
        out.extend_from_slice(b",\"related\":");
        json::array(out, &self.related, |out, r| {
            out.extend_from_slice(b"{\"span\":");
            json::span(out, r.span);
            out.extend_from_slice(b",\"message\":");
            json::str(out, &r.message);
            out.push(b'}');
        });
        out.push(b'}');
    }
    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }
}

/// A 1-based line and column; the column counts characters (Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Maps byte offsets to lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Where the text has a line longer than [`LONG_LINE`] bytes: (byte offset,
    /// characters before it) about every `LONG_LINE` bytes, so that a column is
    /// counted from the nearest mark rather than from the start of its line (a
    /// profile whose line breaks were lost is one line of megabytes).
    marks: Vec<(usize, usize)>,
}

/// A line longer than this many bytes has its columns counted from marks.
const LONG_LINE: usize = 4096;

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        // Counted first: made at its size, never doubled on the way.
        let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', src.as_bytes()).count() + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
        let long = starts
            .iter()
            .zip(starts.iter().skip(1).chain(std::iter::once(&src.len())))
            .any(|(a, b)| b.saturating_sub(*a) > LONG_LINE);
        let mut marks = Vec::new();
        if long {
            let (mut pos, mut chars) = (0, 0);
            marks.push((0, 0));
            while pos + LONG_LINE < src.len() {
                let mut next = pos + LONG_LINE;
                while !src.is_char_boundary(next) {
                    next += 1;
                }
                chars += src[pos..next].chars().count();
                marks.push((next, chars));
                pos = next;
            }
        }
        LineIndex { starts, marks }
    }

    /// The characters of `src` before byte `o` (a character boundary), from the marks.
    fn chars_before(&self, src: &str, o: usize) -> usize {
        let k = self.marks.partition_point(|m| m.0 <= o).max(1) - 1;
        let (p, c) = self.marks[k];
        c + src[p..o].chars().count()
    }

    /// 0-based line number containing byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_start(&self, line0: usize) -> usize {
        self.starts
            .get(line0)
            .copied()
            .unwrap_or(*self.starts.last().unwrap_or(&0))
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The text of 0-based line `line0`, without its line ending.
    pub fn line_text<'a>(&self, src: &'a str, line0: usize) -> &'a str {
        let start = self.line_start(line0).min(src.len());
        let end = self
            .starts
            .get(line0 + 1)
            .map(|e| e - 1)
            .unwrap_or(src.len())
            .min(src.len());
        let t = src.get(start..end.max(start)).unwrap_or("");
        t.strip_suffix('\r').unwrap_or(t)
    }

    /// 1-based line and character column of byte `offset` in `src`.
    pub fn line_col(&self, src: &str, offset: usize) -> LineCol {
        let offset = offset.min(src.len());
        let l = self.line_of(offset);
        let start = self.line_start(l);
        let mut o = offset;
        while o > start && !src.is_char_boundary(o) {
            o -= 1;
        }
        let column = if !self.marks.is_empty() && o > start + LONG_LINE {
            self.chars_before(src, o) - self.chars_before(src, start)
        } else {
            src.get(start..o).map(|s| s.chars().count()).unwrap_or(0)
        } + 1;
        LineCol {
            line: l + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_diagnostic_as_json_is_what_serde_json_writes() {
        let plain = Diagnostic::new("lost-heading", Severity::Warning, Span::new(3, 9), "fixed");
        let full = Diagnostic::new(
            "glued-words",
            Severity::Error,
            Span::new(10, 20),
            "\"quoted\" \\ and\ncontrol \u{1}".to_string(),
        )
        .with_help("help \u{2014} text")
        .with_note(12)
        .with_text("Defensefor")
        .with_related(Span::new(1, 2), "one")
        .with_related(Span::new(5, 8), "two \t");
        for d in [plain, full] {
            let mut o = Vec::new();
            d.write_json(&mut o);
            assert_eq!(
                crate::json::into_string(o),
                serde_json::to_string(&d).unwrap()
            );
        }
    }
    use super::*;

    #[test]
    fn line_col_counts_chars() {
        let src = "ab\nc\u{2014}d\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(src, 0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(src, 3), LineCol { line: 2, column: 1 });
        // 'd' comes after a 3-byte em dash
        assert_eq!(idx.line_col(src, 7), LineCol { line: 2, column: 3 });
        assert_eq!(idx.line_text(src, 1), "c\u{2014}d");
        assert_eq!(idx.line_col(src, src.len()), LineCol { line: 3, column: 1 });
    }

    /// The column as counted from the start of its line, character by character.
    fn plain_column(src: &str, offset: usize) -> usize {
        let offset = offset.min(src.len());
        let mut o = offset;
        while !src.is_char_boundary(o) {
            o -= 1;
        }
        let start = src[..o].rfind('\n').map_or(0, |i| i + 1);
        src[start..o].chars().count() + 1
    }

    proptest::proptest! {
        /// Columns counted from the marks of long lines are the plain counts, at
        /// every offset (also inside characters, and past the end).
        #[test]
        fn long_line_columns_are_the_plain_counts(
            piece in "[a-z \u{e9}\u{20ac}\u{1F600}]{1,30}",
            repeats in 1usize..700,
            newline_every in proptest::option::of(1usize..400),
        ) {
            let mut src = String::new();
            for i in 0..repeats {
                src.push_str(&piece);
                if newline_every.is_some_and(|k| i % k == k - 1) {
                    src.push('\n');
                }
            }
            let idx = LineIndex::new(&src);
            for offset in (0..src.len() + 3).step_by(13).chain([src.len()]) {
                let lc = idx.line_col(&src, offset);
                proptest::prop_assert_eq!(lc.column, plain_column(&src, offset), "offset {}", offset);
            }
        }
    }

    #[test]
    fn a_long_line_has_marks_and_short_ones_none() {
        assert!(LineIndex::new(&"ab\n".repeat(5000)).marks.is_empty());
        let long = "\u{e9}".repeat(10_000);
        let idx = LineIndex::new(&long);
        assert!(idx.marks.len() >= 4);
        assert_eq!(idx.line_col(&long, long.len()).column, 10_001);
        assert_eq!(idx.line_col(&long, 9_001).column, 4_501);
    }
}
