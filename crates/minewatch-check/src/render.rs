//! Renderings of diagnostics: rustc-style terminal text, JSON and SARIF 2.1.0.
//! Each takes the file's path and text and returns a string.

use minewatch_model::{Diagnostic, LineIndex, Severity};
use serde_json::{json, Value};

/// One checked file: its display path, its text and its diagnostics.
pub struct FileReport<'a> {
    pub path: &'a str,
    pub text: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

const WINDOW: usize = 60;

/// Output written in pieces of about a mebibyte: a report of a million diagnostics is
/// never one buffer that doubles (and is copied) as it grows. Write the pieces in
/// order to get the report.
#[derive(Default)]
pub struct Pieces {
    done: Vec<Vec<u8>>,
    cur: Vec<u8>,
}

const PIECE: usize = 1 << 20;

impl Pieces {
    /// The pieces, in order.
    pub fn finish(mut self) -> Vec<Vec<u8>> {
        if !self.cur.is_empty() || self.done.is_empty() {
            self.done.push(self.cur);
        }
        self.done
    }
}

impl std::io::Write for Pieces {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        if !self.cur.is_empty() && self.cur.len() + b.len() > PIECE {
            self.done.push(std::mem::take(&mut self.cur));
        }
        if self.cur.capacity() == 0 {
            // Most reports are a few kilobytes: one allocation for them.
            self.cur.reserve(b.len().max(4096));
        }
        self.cur.extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl std::fmt::Write for Pieces {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        std::io::Write::write_all(self, s.as_bytes()).map_err(|_| std::fmt::Error)
    }
}

/// How many decimal digits `n` has (the width of a line number in the gutter).
fn digits(mut n: usize) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

/// rustc-style text: the message, the location, the source line with a caret
/// under the span, and a help line. Long lines are cut to a window around the span.
pub fn human(file: &FileReport, color: bool) -> String {
    let mut out = String::new();
    human_into(file, color, &mut out);
    out
}

/// [`human`], written to `out` (for instance [`Pieces`]).
pub fn human_into<W: std::fmt::Write>(file: &FileReport, color: bool, out: &mut W) {
    let idx = LineIndex::new(file.text);
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    for d in file.diagnostics {
        let (sev_color, sev) = match d.severity {
            Severity::Error => ("1;31", "error"),
            Severity::Warning => ("1;33", "warning"),
            Severity::Note => ("1;36", "note"),
        };
        let start = idx.line_col(file.text, d.span.start);
        let _ = writeln!(
            out,
            "{}: {}",
            paint(sev_color, &format!("{sev}[{}]", d.code)),
            paint("1", &d.message)
        );
        let gutter = digits(start.line);
        let _ = writeln!(
            out,
            "{:gutter$}{} {}:{}:{}",
            "",
            paint("1;34", "-->"),
            file.path,
            start.line,
            start.column
        );
        snippet(
            out,
            file.text,
            &idx,
            d.span.start,
            d.span.end,
            gutter,
            &paint,
            sev_color,
            None,
        );
        for r in &d.related {
            let rc = idx.line_col(file.text, r.span.start);
            let _ = writeln!(
                out,
                "{:gutter$}{} {}:{}:{}",
                "",
                paint("1;34", "::"),
                file.path,
                rc.line,
                rc.column
            );
            let g2 = digits(rc.line).max(gutter);
            snippet(
                out,
                file.text,
                &idx,
                r.span.start,
                r.span.end,
                g2,
                &paint,
                "1;34",
                Some(&r.message),
            );
        }
        if let Some(h) = &d.help {
            let _ = writeln!(
                out,
                "{:gutter$} {} {}",
                "",
                paint("1;34", "="),
                format_args!("help: {h}")
            );
        }
        let _ = out.write_char('\n');
    }
}

#[allow(clippy::too_many_arguments)]
fn snippet<W: std::fmt::Write>(
    out: &mut W,
    text: &str,
    idx: &LineIndex,
    start: usize,
    end: usize,
    gutter: usize,
    paint: &dyn Fn(&str, &str) -> String,
    caret_color: &str,
    label: Option<&str>,
) {
    let lc = idx.line_col(text, start);
    let line0 = lc.line - 1;
    let line = idx.line_text(text, line0);
    let line_start = idx.line_start(line0);
    // Characters are counted, never listed: a line may be megabytes long (a profile
    // whose line breaks were lost), and only a window of it is shown.
    let line_chars = idx.line_col(text, line_start + line.len()).column - 1;
    let col0 = lc.column - 1;
    // The span may run past the line's end: underline to the end of the line.
    let end_lc = idx.line_col(text, end);
    let span_len = if end_lc.line == lc.line {
        (end_lc.column - lc.column).max(1)
    } else {
        (line_chars.saturating_sub(col0)).max(1)
    };
    // Show a window around the span; a long span is shown by its first WINDOW characters.
    let visible = span_len.min(WINDOW);
    let (from, prefix) = if col0 > WINDOW / 2 {
        (col0 - WINDOW / 2, "…")
    } else {
        (0, "")
    };
    let tail = if span_len > WINDOW { 0 } else { WINDOW / 2 };
    let to = (col0 + visible + tail).min(line_chars).max(from);
    let suffix = if to < line_chars { "…" } else { "" };
    // The byte where character `from` starts: `col0` characters stand before the
    // span's start (at a character boundary), so walk back from there.
    let mut o = start.min(text.len());
    while o > line_start && !text.is_char_boundary(o) {
        o -= 1;
    }
    let from_byte = if from == col0 {
        o - line_start
    } else {
        text[line_start..o]
            .char_indices()
            .rev()
            .nth(col0 - from - 1)
            .map_or(0, |(i, _)| i)
    };
    let shown: String = line
        .get(from_byte.min(line.len())..)
        .unwrap_or("")
        .chars()
        .take(to - from)
        .map(|c| if c == '\t' || c.is_control() { ' ' } else { c })
        .collect();
    let shape = Window {
        line: lc.line,
        prefix,
        shown: &shown,
        suffix,
        pad: col0 - from + prefix.chars().count(),
        carets: visible.min(to.saturating_sub(col0)).max(1),
    };
    draw_snippet(out, &shape, gutter, paint, caret_color, label);
}

/// What a snippet shows of its line: the window's text between its elisions, and where
/// and how wide the carets stand under it.
struct Window<'a> {
    line: usize,
    prefix: &'a str,
    shown: &'a str,
    suffix: &'a str,
    pad: usize,
    carets: usize,
}

/// The snippet's three lines: the gutter, the window of the line, the carets.
fn draw_snippet<W: std::fmt::Write>(
    out: &mut W,
    w: &Window<'_>,
    gutter: usize,
    paint: &dyn Fn(&str, &str) -> String,
    caret_color: &str,
    label: Option<&str>,
) {
    let bar = paint("1;34", "|");
    let _ = writeln!(out, "{:gutter$} {bar}", "");
    let _ = writeln!(
        out,
        "{:>gutter$} {bar} {}{}{}",
        paint("1;34", &w.line.to_string()),
        w.prefix,
        w.shown,
        w.suffix
    );
    let carets = "^".repeat(w.carets);
    let label = label.map(|l| format!(" {l}")).unwrap_or_default();
    let _ = writeln!(
        out,
        "{:gutter$} {bar} {:pad$}{}",
        "",
        "",
        paint(caret_color, &format!("{carets}{label}")),
        pad = w.pad
    );
}

/// A diagnostic as JSON; fields in the order a JSON object's keys are written
/// (alphabetical), so this and the `Value` built from it print the same.
#[derive(serde::Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    column: usize,
    end_column: usize,
    end_line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    line: usize,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonRelated<'a>>,
    severity: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

#[derive(serde::Serialize)]
struct JsonRelated<'a> {
    column: usize,
    line: usize,
    message: &'a str,
}

#[derive(serde::Serialize)]
struct JsonFile<'a> {
    diagnostics: JsonDiagnostics<'a>,
    path: &'a str,
}

/// A file's diagnostics as JSON, each made as it is written (not all held at once).
struct JsonDiagnostics<'a> {
    text: &'a str,
    diagnostics: &'a [Diagnostic],
    idx: LineIndex,
}

impl serde::Serialize for JsonDiagnostics<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (idx, text) = (&self.idx, self.text);
        s.collect_seq(self.diagnostics.iter().map(|d| {
            let st = idx.line_col(text, d.span.start);
            let e = idx.line_col(text, d.span.end);
            JsonDiagnostic {
                code: d.code,
                column: st.column,
                end_column: e.column,
                end_line: e.line,
                help: d.help.as_deref(),
                line: st.line,
                message: &d.message,
                note: d.note,
                related: d
                    .related
                    .iter()
                    .map(|r| {
                        let rc = idx.line_col(text, r.span.start);
                        JsonRelated {
                            column: rc.column,
                            line: rc.line,
                            message: &r.message,
                        }
                    })
                    .collect(),
                severity: d.severity.as_str(),
                text: d.text.as_deref(),
            }
        }))
    }
}

fn json_file_of<'a>(f: &FileReport<'a>) -> JsonFile<'a> {
    JsonFile {
        diagnostics: JsonDiagnostics {
            text: f.text,
            diagnostics: f.diagnostics,
            idx: LineIndex::new(f.text),
        },
        path: f.path,
    }
}

/// One file's entry of [`json`] pretty-printed as an item of its `files` array
/// (see [`ArrayStream`]), written straight from the diagnostics.
pub fn json_file_item(f: &FileReport, indent: usize) -> String {
    ArrayStream::item(&json_file_of(f), indent)
}

/// [`json_file_item`] in pieces of about a mebibyte (see [`Pieces`]), written by hand:
/// the same bytes (tests compare the two), without the serializer's calls per token.
/// The lines and columns of the byte offsets a file's diagnostics name, as
/// [`LineIndex::line_col`] gives them, found in one pass over the text up to the last
/// of them: a file has a handful of diagnostics, and an index of all its lines would
/// cost more than they do. The newlines between two offsets are counted many bytes a
/// step; characters are counted only from a line's start (or the offset before).
struct Positions {
    /// The offsets, sorted, each with its line and column.
    at: Vec<(usize, minewatch_model::LineCol)>,
}

impl Positions {
    fn new(text: &str, mut offsets: Vec<usize>) -> Positions {
        offsets.sort_unstable();
        offsets.dedup();
        let b = text.as_bytes();
        // `pos` is a character boundary on line `line` (0-based) starting at `start`,
        // with `chars` characters between them.
        let (mut pos, mut line, mut start, mut chars) = (0, 0, 0, 0);
        let at = offsets
            .into_iter()
            .map(|offset| {
                let mut o = offset.min(b.len());
                if let Some(last) = memchr::memrchr(b'\n', &b[pos..o]) {
                    line += memchr::memchr_iter(b'\n', &b[pos..o]).count();
                    start = pos + last + 1;
                    (pos, chars) = (start, 0);
                }
                while o > start && !text.is_char_boundary(o) {
                    o -= 1;
                }
                chars += text[pos..o].chars().count();
                pos = o;
                let lc = minewatch_model::LineCol {
                    line: line + 1,
                    column: chars + 1,
                };
                (offset, lc)
            })
            .collect();
        Positions { at }
    }

    /// The line and column of `offset`, one of those given.
    fn line_col(&self, offset: usize) -> minewatch_model::LineCol {
        let k = self.at.partition_point(|&(o, _)| o < offset);
        self.at[k].1
    }
}

pub fn json_file_pieces(f: &FileReport, indent: usize) -> Vec<Vec<u8>> {
    use minewatch_model::json;
    /// A new line indented by `n` spaces: copied with the line end from a line of
    /// spaces (no deeper than a diagnostic's related spans nest), filled beyond that.
    fn nl(o: &mut Vec<u8>, n: usize) {
        const LINE: &[u8; 33] = b"\n                                ";
        if n < LINE.len() {
            o.extend_from_slice(&LINE[..=n]);
        } else {
            o.push(b'\n');
            o.resize(o.len() + n, b' ');
        }
    }
    /// `,` unless first, a new line at depth `n`, then `"name": `: put together in a
    /// line of spaces on the stack (the name's copy inlined, `key` being called with
    /// names known) and added to `o` in one copy.
    #[inline(always)]
    fn key(o: &mut Vec<u8>, n: usize, name: &str, first: bool) {
        let mut line = [b' '; 64];
        let comma = usize::from(!first);
        let len = comma + 1 + n + 1 + name.len() + 3;
        if len > line.len() {
            if !first {
                o.push(b',');
            }
            nl(o, n);
            o.push(b'"');
            o.extend_from_slice(name.as_bytes());
            o.extend_from_slice(b"\": ");
            return;
        }
        line[0] = b',';
        line[comma] = b'\n';
        let at = comma + 1 + n;
        line[at] = b'"';
        line[at + 1..at + 1 + name.len()].copy_from_slice(name.as_bytes());
        line[len - 3..len].copy_from_slice(b"\": ");
        o.extend_from_slice(&line[..len]);
    }
    let text = f.text;
    // The offsets named, listed at their number (not grown through a chain of
    // iterators an item at a time).
    let mut offsets = Vec::with_capacity(f.diagnostics.iter().map(|d| 2 + d.related.len()).sum());
    for d in f.diagnostics {
        offsets.extend([d.span.start, d.span.end]);
        offsets.extend(d.related.iter().map(|r| r.span.start));
    }
    let idx = Positions::new(text, offsets);
    let mut done: Vec<Vec<u8>> = Vec::new();
    let mut o: Vec<u8> = Vec::with_capacity((f.diagnostics.len().min(2048) * 320).max(256));
    o.resize(indent, b' ');
    o.push(b'{');
    key(&mut o, indent + 2, "diagnostics", true);
    o.push(b'[');
    let (d0, d1) = (indent + 4, indent + 6);
    for (i, d) in f.diagnostics.iter().enumerate() {
        if i > 0 {
            o.push(b',');
        }
        nl(&mut o, d0);
        o.push(b'{');
        let st = idx.line_col(d.span.start);
        let e = idx.line_col(d.span.end);
        key(&mut o, d1, "code", true);
        json::str(&mut o, d.code);
        key(&mut o, d1, "column", false);
        json::uint(&mut o, st.column as u64);
        key(&mut o, d1, "end_column", false);
        json::uint(&mut o, e.column as u64);
        key(&mut o, d1, "end_line", false);
        json::uint(&mut o, e.line as u64);
        if let Some(h) = d.help.as_deref() {
            key(&mut o, d1, "help", false);
            json::str(&mut o, h);
        }
        key(&mut o, d1, "line", false);
        json::uint(&mut o, st.line as u64);
        key(&mut o, d1, "message", false);
        json::str(&mut o, &d.message);
        if let Some(n) = d.note {
            key(&mut o, d1, "note", false);
            json::uint(&mut o, n as u64);
        }
        if !d.related.is_empty() {
            key(&mut o, d1, "related", false);
            o.push(b'[');
            for (k, r) in d.related.iter().enumerate() {
                if k > 0 {
                    o.push(b',');
                }
                nl(&mut o, d1 + 2);
                o.push(b'{');
                let rc = idx.line_col(r.span.start);
                key(&mut o, d1 + 4, "column", true);
                json::uint(&mut o, rc.column as u64);
                key(&mut o, d1 + 4, "line", false);
                json::uint(&mut o, rc.line as u64);
                key(&mut o, d1 + 4, "message", false);
                json::str(&mut o, &r.message);
                nl(&mut o, d1 + 2);
                o.push(b'}');
            }
            nl(&mut o, d1);
            o.push(b']');
        }
        key(&mut o, d1, "severity", false);
        // (A severity's name needs no escape: written with its quotes at once.)
        let quoted: &[u8] = match d.severity {
            Severity::Note => b"\"note\"",
            Severity::Warning => b"\"warning\"",
            Severity::Error => b"\"error\"",
        };
        o.extend_from_slice(quoted);
        if let Some(t) = d.text.as_deref() {
            key(&mut o, d1, "text", false);
            json::str(&mut o, t);
        }
        nl(&mut o, d0);
        o.push(b'}');
        if o.len() >= PIECE {
            done.push(std::mem::replace(&mut o, Vec::with_capacity(PIECE + 4096)));
        }
    }
    if !f.diagnostics.is_empty() {
        nl(&mut o, indent + 2);
    }
    o.push(b']');
    key(&mut o, indent + 2, "path", false);
    json::str(&mut o, f.path);
    nl(&mut o, indent);
    o.push(b'}');
    done.push(o);
    done
}

/// One file's entry of [`json`]: `{"path":…,"diagnostics":[…]}`.
pub fn json_file(f: &FileReport) -> Value {
    serde_json::to_value(json_file_of(f)).unwrap_or(Value::Null)
}

/// `{"files":[{"path":…,"diagnostics":[…]}]}`; lines and columns are 1-based,
/// `end_column` is the column just after the span.
pub fn json(files: &[FileReport]) -> Value {
    json!({ "files": files.iter().map(json_file).collect::<Vec<_>>() })
}

/// The document [`json`] makes, with its `files` array empty: the frame for [`ArrayStream`].
pub fn json_frame() -> Value {
    json(&[])
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// One file's SARIF results (the entries of the run's `results` array).
pub fn sarif_results(f: &FileReport) -> Vec<Value> {
    let idx = LineIndex::new(f.text);
    f.diagnostics
        .iter()
        .map(|d| sarif_result(f, &idx, d))
        .collect()
}

/// One file's SARIF results, each pretty-printed as an item of the `results` array
/// (see [`ArrayStream`]) as soon as it is made: no file's results are all held as
/// JSON trees at once.
pub fn sarif_items(f: &FileReport, indent: usize) -> Vec<String> {
    let idx = LineIndex::new(f.text);
    f.diagnostics
        .iter()
        .map(|d| ArrayStream::item(&sarif_result(f, &idx, d), indent))
        .collect()
}

/// The SARIF result of one diagnostic.
fn sarif_result(f: &FileReport, idx: &LineIndex, d: &Diagnostic) -> Value {
    let region = |start: usize, end: usize| {
        let s = idx.line_col(f.text, start);
        let e = idx.line_col(f.text, end);
        json!({"startLine": s.line, "startColumn": s.column, "endLine": e.line, "endColumn": e.column})
    };
    {
        let rule_index = crate::CODES.iter().position(|(c, _, _)| *c == d.code);
        let mut r = json!({
            "ruleId": d.code,
            "level": sarif_level(d.severity),
            "message": {"text": match &d.help { Some(h) => format!("{} (help: {h})", d.message), None => d.message.to_string() }},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": f.path}, "region": region(d.span.start, d.span.end)}}],
        });
        let m = r.as_object_mut().expect("object");
        if let Some(i) = rule_index {
            m.insert("ruleIndex".into(), json!(i));
        }
        if !d.related.is_empty() {
            let rel: Vec<Value> = d
                .related
                .iter()
                .enumerate()
                .map(|(i, rl)| {
                    json!({"id": i, "message": {"text": rl.message},
                           "physicalLocation": {"artifactLocation": {"uri": f.path}, "region": region(rl.span.start, rl.span.end)}})
                })
                .collect();
            m.insert("relatedLocations".into(), Value::Array(rel));
        }
        let mut props = serde_json::Map::new();
        if let Some(n) = d.note {
            props.insert("note".into(), json!(n));
        }
        if let Some(t) = &d.text {
            props.insert("text".into(), json!(t));
        }
        if !props.is_empty() {
            m.insert("properties".into(), Value::Object(props));
        }
        r
    }
}

/// SARIF 2.1.0, one run, every code as a rule.
pub fn sarif(files: &[FileReport], tool_version: &str) -> Value {
    let results: Vec<Value> = files.iter().flat_map(sarif_results).collect();
    sarif_with(results, tool_version)
}

/// The document [`sarif`] makes, with its `results` array empty: the frame for [`ArrayStream`].
pub fn sarif_frame(tool_version: &str) -> Value {
    sarif_with(Vec::new(), tool_version)
}

fn sarif_with(results: Vec<Value>, tool_version: &str) -> Value {
    let rules: Vec<Value> = crate::CODES
        .iter()
        .map(|(id, level, desc)| {
            json!({
                "id": id,
                "name": id,
                "shortDescription": {"text": desc},
                "defaultConfiguration": {"level": level},
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "minewatch", "version": tool_version, "rules": rules}},
            "results": results,
        }],
    })
}

/// Writes a pretty-printed JSON document item by item, so that a report over
/// thousands of files is neither held whole nor serialised on one thread: the
/// frame is the document with one array left empty (`"key": []`); items are
/// pretty-printed where they are made ([`ArrayStream::item`]) and joined here.
/// The bytes are those `serde_json::to_writer_pretty` writes for the whole document.
pub struct ArrayStream {
    head: String,
    tail: String,
    indent: usize,
    items: usize,
}

impl ArrayStream {
    /// `key` must name an empty array in `frame`; `None` if it does not.
    pub fn new(frame: &Value, key: &str) -> Option<ArrayStream> {
        let text = serde_json::to_string_pretty(frame).ok()?;
        let marker = format!("{}: []", serde_json::to_string(key).ok()?);
        let at = text.find(&marker)?;
        let open = at + marker.len() - 1;
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        Some(ArrayStream {
            head: text[..open].to_string(),
            tail: text[open..].to_string(),
            indent: at - line_start + 2,
            items: 0,
        })
    }

    /// The spaces an item's lines are indented by.
    pub fn indent(&self) -> usize {
        self.indent
    }

    /// The text before the first item.
    pub fn head(&self) -> &str {
        &self.head
    }

    /// An item pretty-printed at the array's depth (made anywhere, e.g. on a worker thread).
    pub fn item<T: serde::Serialize + ?Sized>(v: &T, indent: usize) -> String {
        let mut out = Vec::with_capacity(256);
        if !Self::write_item(v, indent, &mut out) {
            return String::new();
        }
        // serde_json writes only valid UTF-8.
        String::from_utf8(out).unwrap_or_default()
    }

    /// [`ArrayStream::item`], written to `out`; false if it could not be serialised.
    pub fn write_item<T: serde::Serialize + ?Sized, W: std::io::Write>(
        v: &T,
        indent: usize,
        out: &mut W,
    ) -> bool {
        const SPACES: &[u8; 64] = &[b' '; 64];
        let mut left = indent;
        while left > 0 {
            let n = left.min(SPACES.len());
            if out.write_all(&SPACES[..n]).is_err() {
                return false;
            }
            left -= n;
        }
        let mut ser = serde_json::Serializer::with_formatter(
            out,
            Indented {
                base: indent,
                level: 0,
                has_value: false,
            },
        );
        v.serialize(&mut ser).is_ok()
    }

    /// The separator to write before an item made by [`ArrayStream::item`].
    pub fn separator(&mut self) -> &'static str {
        self.items += 1;
        if self.items == 1 {
            "\n"
        } else {
            ",\n"
        }
    }

    /// The text after the last item.
    pub fn finish(&self) -> String {
        if self.items == 0 {
            self.tail.clone()
        } else {
            format!("\n{}{}", " ".repeat(self.indent - 2), self.tail)
        }
    }
}

/// serde_json's pretty layout (two spaces a level) shifted right by `base` spaces:
/// an item written straight at its depth in the document.
struct Indented {
    base: usize,
    level: usize,
    has_value: bool,
}

impl Indented {
    fn newline<W: ?Sized + std::io::Write>(&self, w: &mut W, sep: &[u8]) -> std::io::Result<()> {
        const SPACES: [u8; 64] = [b' '; 64];
        w.write_all(sep)?;
        let mut n = self.base + 2 * self.level;
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// `]` or `}`: on a line of its own at the outer depth, unless the container is empty.
    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(w, b"\n")?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.newline(w, if first { b"\n" } else { b",\n" })
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.newline(w, if first { b"\n" } else { b",\n" })
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _w: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The hand-written JSON item is the serializer's, byte for byte: any text,
        /// spans, messages (quotes, control characters, non-ASCII), optional fields
        /// present or not, related places, any indent.
        #[test]
        fn hand_written_json_items_are_the_serializers(
            text in "(\\PC|\n|\r\n){0,80}",
            path in "\\PC{0,12}",
            ds in proptest::collection::vec(
                (0usize..100, 0usize..100, "(\\PC|[\"\\\\\u{0}-\u{1f}]){0,20}",
                 proptest::option::of("\\PC{0,10}"), proptest::option::of(0u32..1000),
                 proptest::option::of("[a-zA-Z\u{e9}\"]{0,8}"),
                 proptest::collection::vec((0usize..100, "\\PC{0,6}"), 0..3), proptest::bool::ANY),
                0..6),
            indent in 0usize..9,
        ) {
            let cut = |i: usize| {
                let mut i = i.min(text.len());
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            let diags: Vec<Diagnostic> = ds
                .into_iter()
                .map(|(a, b, m, h, n, t, rel, err)| {
                    let (a, b) = (cut(a.min(b)), cut(a.max(b)));
                    let sev = if err { Severity::Error } else { Severity::Warning };
                    let mut d = Diagnostic::new("glued-words", sev, minewatch_model::Span::new(a, b), m);
                    if let Some(h) = h {
                        d = d.with_help(h);
                    }
                    if let Some(n) = n {
                        d = d.with_note(n);
                    }
                    if let Some(t) = t {
                        d = d.with_text(t);
                    }
                    for (r, rm) in rel {
                        let r = cut(r);
                        d = d.with_related(minewatch_model::Span::new(r, r), rm);
                    }
                    d
                })
                .collect();
            let f = FileReport { path: &path, text: &text, diagnostics: &diags };
            let want = json_file_item(&f, indent);
            proptest::prop_assert_eq!(String::from_utf8(json_file_pieces(&f, indent).concat()).unwrap(), want);
        }
    }

    /// A report of many diagnostics comes in pieces of about a mebibyte, the same bytes.
    #[test]
    fn long_json_reports_come_in_pieces() {
        let text = "word ".repeat(2000);
        let diags: Vec<Diagnostic> = (0..6000)
            .map(|i| {
                Diagnostic::new(
                    "lost-heading",
                    Severity::Warning,
                    minewatch_model::Span::new(i % 9000, i % 9000 + 4),
                    "a message of some length, to fill the pieces \u{201c}quoted\u{201d}",
                )
                .with_help("a help text that is also not short")
            })
            .collect();
        let f = FileReport {
            path: "p",
            text: &text,
            diagnostics: &diags,
        };
        let pieces = json_file_pieces(&f, 4);
        assert!(pieces.len() >= 2, "{}", pieces.len());
        assert_eq!(
            String::from_utf8(pieces.concat()).unwrap(),
            json_file_item(&f, 4)
        );
    }

    /// Pieces are about a mebibyte each, in order, and nothing is lost between them.
    #[test]
    fn pieces_keep_every_byte_in_order() {
        use std::io::Write as _;
        let mut p = Pieces::default();
        let mut want = Vec::new();
        for i in 0..400_000u32 {
            let chunk = format!("{i},");
            p.write_all(chunk.as_bytes()).unwrap();
            want.extend_from_slice(chunk.as_bytes());
        }
        let big = vec![b'x'; 3 * PIECE];
        p.write_all(&big).unwrap();
        want.extend_from_slice(&big);
        let pieces = p.finish();
        assert!(pieces.len() >= 3, "{}", pieces.len());
        assert!(pieces.iter().rev().skip(1).all(|x| x.len() <= PIECE));
        assert_eq!(pieces.concat(), want);
        assert_eq!(Pieces::default().finish(), vec![Vec::<u8>::new()]);
    }

    /// The snippet as it was first written: every character of the line listed.
    #[allow(clippy::too_many_arguments)]
    fn snippet_plain(
        out: &mut String,
        text: &str,
        idx: &LineIndex,
        start: usize,
        end: usize,
        gutter: usize,
        paint: &dyn Fn(&str, &str) -> String,
        caret_color: &str,
        label: Option<&str>,
    ) {
        let lc = idx.line_col(text, start);
        let line = idx.line_text(text, lc.line - 1);
        let chars: Vec<char> = line
            .chars()
            .map(|c| if c == '\t' || c.is_control() { ' ' } else { c })
            .collect();
        let col0 = lc.column - 1;
        // The span may run past the line's end: underline to the end of the line.
        let end_lc = idx.line_col(text, end);
        let span_len = if end_lc.line == lc.line {
            (end_lc.column - lc.column).max(1)
        } else {
            (chars.len().saturating_sub(col0)).max(1)
        };
        // Show a window around the span; a long span is shown by its first WINDOW characters.
        let visible = span_len.min(WINDOW);
        let (from, prefix) = if col0 > WINDOW / 2 {
            (col0 - WINDOW / 2, "…")
        } else {
            (0, "")
        };
        let tail = if span_len > WINDOW { 0 } else { WINDOW / 2 };
        let to = (col0 + visible + tail).min(chars.len()).max(from);
        let suffix = if to < chars.len() { "…" } else { "" };
        let shown: String = chars[from..to].iter().collect();
        let shape = Window {
            line: lc.line,
            prefix,
            shown: &shown,
            suffix,
            pad: col0 - from + prefix.chars().count(),
            carets: visible.min(to.saturating_sub(col0)).max(1),
        };
        draw_snippet(out, &shape, gutter, paint, caret_color, label);
    }

    proptest::proptest! {
        /// The lines and columns found in one pass are the line index's, on short and
        /// very long lines, at any offsets (inside a character, past the end, repeated).
        #[test]
        fn positions_are_the_line_index_ones(
            piece in "[a-z \t\u{e9}\u{20ac}\u{1F600}\n]{1,20}",
            repeats in 1usize..600,
            cr in proptest::bool::ANY,
            at in proptest::collection::vec(0.0f64..1.05, 0..12),
        ) {
            let mut text = piece.repeat(repeats);
            if cr {
                text = text.replace('\n', "\r\n");
            }
            let offsets: Vec<usize> = at.iter().map(|a| ((text.len() as f64) * a) as usize).collect();
            let idx = LineIndex::new(&text);
            let pos = Positions::new(&text, offsets.clone());
            for o in offsets {
                proptest::prop_assert_eq!(pos.line_col(o), idx.line_col(&text, o));
            }
        }

        /// Showing a window of the line without listing the line's characters gives
        /// what listing them gave, on short and very long lines, spans anywhere.
        #[test]
        fn the_snippet_window_is_the_listed_one(
            piece in "[a-z \t\u{e9}\u{20ac}\u{1F600}\u{7}]{1,20}",
            repeats in 1usize..600,
            newline_every in proptest::option::of(1usize..300),
            cr in proptest::bool::ANY,
            at in 0.0f64..1.0,
            len in 0usize..200,
        ) {
            let mut text = String::new();
            for i in 0..repeats {
                text.push_str(&piece);
                if newline_every.is_some_and(|k| i % k == k - 1) {
                    text.push_str(if cr { "\r\n" } else { "\n" });
                }
            }
            let idx = LineIndex::new(&text);
            let start = ((text.len() as f64) * at) as usize;
            let end = (start + len).min(text.len());
            let paint = |_: &str, s: &str| s.to_string();
            for label in [None, Some("label")] {
                let (mut a, mut b) = (String::new(), String::new());
                snippet(&mut a, &text, &idx, start, end, 3, &paint, "1", label);
                snippet_plain(&mut b, &text, &idx, start, end, 3, &paint, "1", label);
                proptest::prop_assert_eq!(a, b);
            }
        }
    }
}
