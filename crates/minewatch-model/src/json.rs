//! Writing JSON by hand, for the forms written once per profile on every ingest (the
//! stored model, facts, notes): the same bytes `serde_json::to_string` writes for
//! them (tests compare the two), at a fraction of the instructions — serde's generic
//! path escapes every key and checks every write. Strings are escaped as
//! `serde_json` escapes them: `"`, `\`, and control characters below U+0020 (`\b`,
//! `\t`, `\n`, `\f`, `\r` by name, the rest as `\u00XX`); nothing else.

use crate::Span;

/// The bytes of eight that must be escaped: below 0x20, `"` or `\`, as the high bit
/// of each in the mask. The lowest bit set is exact (the first such byte); above it,
/// a borrow may set others. A `"` is told with the bytes below 0x20: with bit 0x02
/// flipped, it is 0x20 and they stay below it, and no other byte falls below 0x21.
#[inline(always)]
fn escapes_in8(v: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let q = v ^ (ONES * 0x02);
    let below_or_quote = q.wrapping_sub(ONES * 0x21) & !q;
    let k = v ^ (ONES * u64::from(b'\\'));
    let backslash = k.wrapping_sub(ONES) & !k;
    (below_or_quote | backslash) & HIGH
}

/// Whether `c` must be escaped in a JSON string.
#[inline(always)]
fn escaped(c: u8) -> bool {
    c < 0x20 || c == b'"' || c == b'\\'
}

/// Where the first byte to escape stands in `b` from `at` on (`b.len()` if none):
/// eight bytes a step; the last few by the eight that end `b` (read again in part)
/// where it is that long, one by one where a byte before `at` among those eight is
/// one to escape (it would hide the ones after it).
#[inline(always)]
fn next_escape(b: &[u8], at: usize) -> usize {
    let n = b.len();
    let load = |at: usize| {
        let mut x = [0u8; 8];
        x.copy_from_slice(&b[at..at + 8]);
        u64::from_le_bytes(x)
    };
    let mut i = at;
    while i + 8 <= n {
        let m = escapes_in8(load(i));
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    if i == n {
        return n;
    }
    if n >= 8 {
        let m = escapes_in8(load(n - 8));
        if m == 0 {
            return n;
        }
        let first = (m.trailing_zeros() / 8) as usize;
        if n - 8 + first >= i {
            return n - 8 + first;
        }
    }
    b[i..].iter().position(|&c| escaped(c)).map_or(n, |k| i + k)
}

/// `s` as a JSON string: the runs without escapes copied whole, found eight bytes a
/// step.
pub fn str(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let b = s.as_bytes();
    let mut from = 0;
    loop {
        let i = next_escape(b, from);
        if i >= b.len() {
            break;
        }
        out.extend_from_slice(&b[from..i]);
        let c = b[i];
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

    /// Whether any of eight bytes must be escaped, as first tested: each of the three
    /// kinds on its own.
    fn escape_in8_plain(v: u64) -> bool {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let below_space = v.wrapping_sub(ONES * 0x20) & !v & HIGH;
        let q = v ^ (ONES * u64::from(b'"'));
        let quote = q.wrapping_sub(ONES) & !q & HIGH;
        let k = v ^ (ONES * u64::from(b'\\'));
        let backslash = k.wrapping_sub(ONES) & !k & HIGH;
        below_space | quote | backslash != 0
    }

    proptest::proptest! {
        /// The mask of bytes to escape is set where the first test said, and its
        /// lowest bit is the first such byte.
        #[test]
        fn the_escape_mask_finds_the_first_byte_to_escape(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                proptest::num::u8::ANY,
                proptest::sample::select(vec![0u8, 0x1f, 0x20, 0x21, b'"', b'#', b'\\', 0x5b, 0x5d, 0x80, 0xa2, 0xdc]),
            ], 8),
        ) {
            let mut x = [0u8; 8];
            x.copy_from_slice(&bytes);
            let m = escapes_in8(u64::from_le_bytes(x));
            proptest::prop_assert_eq!(m != 0, escape_in8_plain(u64::from_le_bytes(x)));
            let first = bytes.iter().position(|&c| escaped(c));
            proptest::prop_assert_eq!(first, (m != 0).then(|| (m.trailing_zeros() / 8) as usize));
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
