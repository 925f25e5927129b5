//! Writing JSON by hand, for the forms written once per profile on every ingest (the
//! stored model, facts, notes): the same bytes `serde_json::to_string` writes for
//! them (tests compare the two), at a fraction of the instructions — serde's generic
//! path escapes every key and checks every write. Strings are escaped as
//! `serde_json` escapes them: `"`, `\`, and control characters below U+0020 (`\b`,
//! `\t`, `\n`, `\f`, `\r` by name, the rest as `\u00XX`); nothing else.

use crate::Span;

/// `s` as a JSON string.
pub fn str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let b = s.as_bytes();
    let mut from = 0;
    for (i, &c) in b.iter().enumerate() {
        if c >= 0x20 && c != b'"' && c != b'\\' {
            continue;
        }
        out.extend_from_slice(&b[from..i]);
        match c {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            0x0C => out.extend_from_slice(b"\\f"),
            b'\r' => out.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(c >> 4) as usize],
                    HEX[(c & 0xF) as usize],
                ]);
            }
        }
        from = i + 1;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
}

/// `s` as a JSON string, or `null`.
pub fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// An unsigned integer.
#[inline]
pub fn uint(out: &mut Vec<u8>, mut v: u64) {
    if v < 10 {
        out.push(b'0' + v as u8);
        return;
    }
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    while v > 0 {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
    }
    out.extend_from_slice(&buf[i..]);
}

/// An unsigned integer, or `null`.
pub fn opt_uint(out: &mut Vec<u8>, v: Option<u64>) {
    match v {
        Some(v) => uint(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

/// `true` or `false`.
pub fn bool(out: &mut Vec<u8>, v: bool) {
    out.extend_from_slice(if v { b"true" } else { b"false" });
}

/// A span as `[start,end]`.
#[inline]
pub fn span(out: &mut Vec<u8>, s: Span) {
    out.push(b'[');
    uint(out, s.start as u64);
    out.push(b',');
    uint(out, s.end as u64);
    out.push(b']');
}

/// A JSON array of `items`, each written by `write`.
#[inline]
pub fn array<T>(
    out: &mut Vec<u8>,
    items: impl IntoIterator<Item = T>,
    mut write: impl FnMut(&mut Vec<u8>, T),
) {
    out.push(b'[');
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write(out, x);
    }
    out.push(b']');
}

/// What was written, as text: every piece written is UTF-8 (strings whole, escapes
/// and numbers ASCII), so nothing is ever replaced.
pub fn into_string(out: Vec<u8>) -> String {
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> String {
        let mut o = Vec::new();
        str(&mut o, x);
        into_string(o)
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut every = String::new();
        for c in (0u32..0x80).chain([0xe9, 0x2014, 0x201c, 0x1f600, 0x7f, 0x85, 0x2028]) {
            every.push(char::from_u32(c).unwrap());
        }
        for x in ["", "plain", "a\"b\\c", "\u{1a}\u{0}\n\r\t", every.as_str()] {
            assert_eq!(s(x), serde_json::to_string(x).unwrap(), "{x:?}");
        }
    }

    #[test]
    fn numbers_spans_and_arrays() {
        for v in [0u64, 7, 10, 99, 100, 1_000_000, u64::MAX] {
            let mut o = Vec::new();
            uint(&mut o, v);
            assert_eq!(into_string(o), serde_json::to_string(&v).unwrap());
        }
        let mut o = Vec::new();
        array(&mut o, [Span::new(0, 3), Span::new(10, 10)], span);
        assert_eq!(
            into_string(o),
            serde_json::to_string(&[Span::new(0, 3), Span::new(10, 10)]).unwrap()
        );
        let mut o = Vec::new();
        array(&mut o, Vec::<u64>::new(), uint);
        opt_str(&mut o, None);
        opt_uint(&mut o, Some(5));
        bool(&mut o, true);
        assert_eq!(into_string(o), "[]null5true");
    }
}
