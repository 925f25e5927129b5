//! Footnote references: `[12]`, `[12 ]`, ` [12]`, `Use[5]`, Markdown `[^12]`.
//! Bracketed numbers in a table whose header announces quantities are not references.

use minewatch_model::Span;

use crate::model::*;

/// Scan `text[span]` for references, appending them to `out`.
pub fn scan(text: &str, span: Span, markdown: bool, out: &mut Vec<Reference>) {
    let s = crate::reader::slice(text, span).as_bytes();
    let mut i = 0;
    while i < s.len() {
        match crate::reader::find_byte(b'[', &s[i..]) {
            Some(k) => i += k,
            None => break,
        }
        let mut j = i + 1;
        if j < s.len() && s[j] == b'^' {
            j += 1;
        }
        let d0 = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        let digits = j - d0;
        while j < s.len() && s[j] == b' ' {
            j += 1;
        }
        if digits == 0 || digits > 3 || j >= s.len() || s[j] != b']' {
            i += 1;
            continue;
        }
        let end = j + 1;
        // `[3](url)` is a Markdown link; `[^3]:` a note definition.
        let next = s.get(end).copied();
        if (markdown && next == Some(b'(')) || next == Some(b':') && s[i + 1] == b'^' {
            i = end;
            continue;
        }
        // One to three digits: the number, read as it goes (no check, no parse).
        let number = s[d0..d0 + digits]
            .iter()
            .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
        if number > 0 {
            out.push(Reference {
                number,
                span: Span::new(span.start + i, span.start + end),
            });
        }
        i = end;
    }
}

pub(crate) fn collect(doc: &mut Document, markdown: bool) {
    let text = doc.text.as_str();
    // About a reference a note: made at that size, not grown from nothing.
    let mut refs = Vec::with_capacity(doc.notes.len());
    for p in &doc.paragraphs {
        scan(text, p.span, markdown, &mut refs);
    }
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            scan(text, h.span, markdown, &mut refs);
        }
    }
    for t in &doc.tables {
        if let Some(c) = &t.caption {
            scan(text, c.span, markdown, &mut refs);
        }
        if !t.bracketed_quantities {
            for r in &t.rows {
                scan(text, r.label.span, markdown, &mut refs);
                for c in &r.cells {
                    scan(text, c.span, markdown, &mut refs);
                }
            }
            for n in &t.notes {
                scan(text, n.span, markdown, &mut refs);
            }
        }
    }
    refs.sort_by_key(|r| r.span.start);
    refs.dedup();
    doc.references = refs;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan as first written: the digits checked as UTF-8, then parsed.
    fn scan_plain(text: &str, span: Span, markdown: bool, out: &mut Vec<Reference>) {
        let s = span.slice(text).as_bytes();
        let mut i = 0;
        while i < s.len() {
            if s[i] != b'[' {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            if j < s.len() && s[j] == b'^' {
                j += 1;
            }
            let d0 = j;
            while j < s.len() && s[j].is_ascii_digit() {
                j += 1;
            }
            let digits = j - d0;
            while j < s.len() && s[j] == b' ' {
                j += 1;
            }
            if digits == 0 || digits > 3 || j >= s.len() || s[j] != b']' {
                i += 1;
                continue;
            }
            let end = j + 1;
            let next = s.get(end).copied();
            if (markdown && next == Some(b'(')) || next == Some(b':') && s[i + 1] == b'^' {
                i = end;
                continue;
            }
            let number: u32 = std::str::from_utf8(&s[d0..d0 + digits])
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            if number > 0 {
                out.push(Reference {
                    number,
                    span: Span::new(span.start + i, span.start + end),
                });
            }
            i = end;
        }
    }

    proptest::proptest! {
        /// References are found and numbered as by the plain scan.
        #[test]
        fn scan_agrees_with_the_plain_scan(
            text in "(\\[|\\]|\\^|0|1|7|9|00|999|1000| |:|\\(|x|\u{e9})*",
            markdown in proptest::bool::ANY,
        ) {
            let span = Span::new(0, text.len());
            let (mut got, mut want) = (Vec::new(), Vec::new());
            scan(&text, span, markdown, &mut got);
            scan_plain(&text, span, markdown, &mut want);
            proptest::prop_assert_eq!(got, want);
        }
    }
}
