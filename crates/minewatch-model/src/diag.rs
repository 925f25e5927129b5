//! Diagnostics are plain data: a code, a severity, a byte span and a message.
//! Terminal, JSON and SARIF views are renderings of the same data.

use serde::{Deserialize, Serialize};

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
    pub message: String,
    /// A suggestion shown as `help:`.
    pub help: Option<String>,
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
        message: impl Into<String>,
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
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
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
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = Vec::with_capacity(src.len() / 40 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
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
        let column = src.get(start..o).map(|s| s.chars().count()).unwrap_or(0) + 1;
        LineCol {
            line: l + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
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
}
