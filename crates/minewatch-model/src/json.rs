//! Writing JSON by hand, for the forms written once per profile on every ingest (the
//! stored model, facts, notes): the same bytes `serde_json::to_string` writes for
//! them (tests compare the two), at a fraction of the instructions — serde's generic
//! path escapes every key and checks every write. Strings are escaped as
//! `serde_json` escapes them: `"`, `\`, and control characters below U+0020 (`\b`,
//! `\t`, `\n`, `\f`, `\r` by name, the rest as `\u00XX`); nothing else.

use crate::Span;

/// Whether any of eight bytes must be escaped: below 0x20, `"` or `\`. (Each test is
/// exact for "any byte of the eight": a borrow only ever follows a byte that matched.)
#[inline(always)]
fn escape_in8(v: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_space = v.wrapping_sub(ONES * 0x20) & !v & HIGH;
    let q = v ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q & HIGH;
    let k = v ^ (ONES * u64::from(b'\\'));
    let backslash = k.wrapping_sub(ONES) & !k & HIGH;
    below_space | quote | backslash != 0
}

/// `s` as a JSON string.
pub fn str(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let b = s.as_bytes();
    let n = b.len();
    let load = |at: usize| {
        let mut x = [0u8; 8];
        x.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(x)
    };
    let mut from = 0;
    let mut i = 0;
    while i < n {
        // Eight bytes a step while none of them needs escaping; the last few by the
        // eight that end the string (read again in part) where it is that long.
        if i + 8 <= n {
            if !escape_in8(load(i)) {
                i += 8;
                continue;
            }
        } else if n >= 8 && !escape_in8(load(n - 8)) {
            break;
        }
        let c = b[i];
        i += 1;
        if c >= 0x20 && c != b'"' && c != b'\\' {
            continue;
        }
        let i = i - 1;
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

/// The decimal digits of 0 to 99, two bytes each.
const PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// An unsigned integer. Below 10⁸ (every offset, line and count of a profile) its
/// digits are made two at a time in eight bytes that are appended whole, then cut to
/// length: no copy of a variable length.
#[inline]
pub fn uint(out: &mut Vec<u8>, v: u64) {
    if v < 10 {
        out.push(b'0' + v as u8);
        return;
    }
    if v < 100_000_000 {
        let mut x = v as u32;
        let n = match x {
            0..=99 => 2,
            100..=999 => 3,
            1_000..=9_999 => 4,
            10_000..=99_999 => 5,
            100_000..=999_999 => 6,
            1_000_000..=9_999_999 => 7,
            _ => 8,
        };
        let mut buf = [0u8; 8];
        let mut i = n;
        while i >= 2 {
            let p = (x % 100) as usize * 2;
            x /= 100;
            buf[i - 2] = PAIRS[p];
            buf[i - 1] = PAIRS[p + 1];
            i -= 2;
        }
        if i == 1 {
            buf[0] = b'0' + x as u8;
        }
        let len = out.len();
        out.extend_from_slice(&buf);
        out.truncate(len + n);
        return;
    }
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut v = v;
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

    proptest::proptest! {
        /// Any string, with escapes anywhere (eight bytes at a time or one by one).
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(
            x in "(\\PC|[\\x00-\\x1f\"\\\\]|\u{7f}|\u{80}|\u{2028}|[a-z]{1,9}){0,40}"
        ) {
            proptest::prop_assert_eq!(s(&x), serde_json::to_string(&x).unwrap());
        }
    }

    proptest::proptest! {
        /// Any integer, of any length, after any text: written as serde_json writes it.
        #[test]
        fn any_integer_is_written_as_serde_json_writes_it(
            v in proptest::prop_oneof![0u64..1000, 0u64..200_000_000, proptest::num::u64::ANY],
            before in "[a-z]{0,3}",
        ) {
            let mut o = before.clone().into_bytes();
            uint(&mut o, v);
            proptest::prop_assert_eq!(into_string(o), format!("{before}{}", serde_json::to_string(&v).unwrap()));
        }
    }

    #[test]
    fn every_length_of_integer() {
        let mut v = 1u64;
        for _ in 0..20 {
            for x in [v - 1, v, v + 1, v.saturating_mul(10) - 1] {
                let mut o = Vec::new();
                uint(&mut o, x);
                assert_eq!(into_string(o), x.to_string());
            }
            v = v.saturating_mul(10);
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
