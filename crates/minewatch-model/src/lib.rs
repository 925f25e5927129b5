//! Shared value types for minewatch: civil dates, byte spans, line indexes and
//! diagnostics. Pure data, no I/O.

mod date;
mod diag;
pub mod json;

pub use date::{
    days_in_month, is_leap_year, month_from_name, month_of_prefix, push_decimal, Date, DateError,
    MONTH_NAMES,
};
pub use diag::{Diagnostic, LineCol, LineIndex, Related, Severity, Span};

/// The high bit of each of the eight bytes of `v` (read little-endian) that is an
/// ASCII letter, either case: the word scans' test, eight bytes a step.
#[inline(always)]
pub fn letter_bits(v: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Lowered, a letter is 'a'..='z'; no byte carries into the next (at most 0x7f + 0x1f).
    let x = (v | 0x2020_2020_2020_2020) & LOW7;
    let from_a = x + 0x1f1f_1f1f_1f1f_1f1f;
    let past_z = x + 0x0505_0505_0505_0505;
    from_a & !past_z & !v & HIGH
}

/// The greatest character boundary of `s` at or before byte `i` (`s.len()` at most):
/// a byte window cut at any offset, kept inside whole characters. (The standard
/// library's `str::floor_char_boundary` needs Rust 1.91; this crate supports 1.85.)
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The least character boundary of `s` at or after byte `i` (`s.len()` at most).
pub fn ceil_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod boundary_tests {
    use super::{ceil_char_boundary, floor_char_boundary};

    #[test]
    fn boundaries_round_to_whole_characters() {
        let s = "a\u{e9}\u{20ac}b"; // a, é (2 bytes), € (3 bytes), b
        let floors: Vec<usize> = (0..=9).map(|i| floor_char_boundary(s, i)).collect();
        let ceils: Vec<usize> = (0..=9).map(|i| ceil_char_boundary(s, i)).collect();
        assert_eq!(floors, [0, 1, 1, 3, 3, 3, 6, 7, 7, 7]);
        assert_eq!(ceils, [0, 1, 3, 3, 6, 6, 6, 7, 7, 7]);
    }
}
