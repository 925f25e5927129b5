//! A proleptic Gregorian calendar date, with the arithmetic the treaty needs.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (proleptic Gregorian), year 1..=9999.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date could not be built or parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("'{0}' is not a date in the form YYYY-MM-DD")]
    Format(String),
    #[error("{year:04}-{month:02}-{day:02} does not exist in the calendar")]
    OutOfRange { year: i32, month: u32, day: u32 },
}

pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Parse an English month name or its usual abbreviation ("Sep", "Sept.") into 1..=12.
/// Decided by the first three letters, then the whole word (this runs on every word
/// that might start a date).
pub fn month_from_name(s: &str) -> Option<u8> {
    let s = s.trim_end_matches('.');
    let b = s.as_bytes();
    if b.len() < 3 || b.len() > 9 {
        return None;
    }
    let m = month_of_prefix([b[0], b[1], b[2]])?;
    let full = MONTH_NAMES[m as usize - 1];
    (b.len() == 3 || full.eq_ignore_ascii_case(s) || (m == 9 && s.eq_ignore_ascii_case("sept")))
        .then_some(m)
}

/// The month whose name starts with these three bytes, in any ASCII case ("jan",
/// "FEB", …): the only months [`month_from_name`] can find in a word that starts so.
#[inline]
pub fn month_of_prefix(b: [u8; 3]) -> Option<u8> {
    Some(match b.map(|c| c.to_ascii_lowercase()) {
        [b'j', b'a', b'n'] => 1,
        [b'f', b'e', b'b'] => 2,
        [b'm', b'a', b'r'] => 3,
        [b'a', b'p', b'r'] => 4,
        [b'm', b'a', b'y'] => 5,
        [b'j', b'u', b'n'] => 6,
        [b'j', b'u', b'l'] => 7,
        [b'a', b'u', b'g'] => 8,
        [b's', b'e', b'p'] => 9,
        [b'o', b'c', b't'] => 10,
        [b'n', b'o', b'v'] => 11,
        [b'd', b'e', b'c'] => 12,
        _ => return None,
    })
}

pub fn is_leap_year(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        _ => 28,
    }
}

impl Date {
    /// Build a date, checking that it exists.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        let bad = || DateError::OutOfRange { year, month, day };
        if !(1..=9999).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return Err(bad());
        }
        if day > days_in_month(year, month as u8) as u32 {
            return Err(bad());
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's civil algorithm.
    pub fn to_days(self) -> i64 {
        let y = self.year as i64 - if self.month <= 2 { 1 } else { 0 };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = if m <= 2 { y + 1 } else { y };
        Date {
            year: y.clamp(1, 9999) as i32,
            month: m,
            day: d,
        }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.to_days() + n)
    }

    /// [`Date::add_days`], or `None` where the result leaves the years 1 to 9999 (where
    /// `add_days` would clamp the year and give a wrong date).
    pub fn checked_add_days(self, n: i64) -> Option<Date> {
        let days = self.to_days().checked_add(n)?;
        let d = Date::from_days(days);
        (d.to_days() == days).then_some(d)
    }

    /// [`Date::add_months`], or `None` where the result leaves the years 1 to 9999.
    pub fn checked_add_months(self, n: i32) -> Option<Date> {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(n);
        (1..=9999)
            .contains(&total.div_euclid(12))
            .then(|| self.add_months(n))
    }

    /// [`Date::add_years`], or `None` where the result leaves the years 1 to 9999.
    pub fn checked_add_years(self, n: i32) -> Option<Date> {
        self.checked_add_months(n.checked_mul(12)?)
    }

    /// Add calendar months; the day is clamped to the end of a shorter month
    /// (31 January + 1 month = 28/29 February). The year is clamped to 1..=9999, which
    /// gives a wrong date past the calendar's ends: where outside input can reach them,
    /// use [`Date::checked_add_months`].
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + (self.month as i32 - 1) + n;
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date {
            year: year.clamp(1, 9999),
            month,
            day,
        }
    }

    pub fn add_years(self, n: i32) -> Date {
        self.add_months(n * 12)
    }

    /// The first day of this date's month.
    pub fn first_of_month(self) -> Date {
        Date { day: 1, ..self }
    }

    /// Whole months from `self` to `later` (negative if `later` is earlier);
    /// a month counts only once its day-of-month is reached.
    pub fn months_until(self, later: Date) -> i32 {
        let mut m = (later.year - self.year) * 12 + later.month as i32 - self.month as i32;
        if m > 0 && later.day < self.day {
            m -= 1;
        } else if m < 0 && later.day > self.day {
            m += 1;
        }
        m
    }

    /// Today's date in UTC from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Date::from_days(secs.div_euclid(86_400))
    }

    /// "16 November 2020".
    pub fn long(self) -> String {
        let mut s = String::with_capacity(20);
        self.push_long(&mut s);
        s
    }

    /// [`Date::long`] added to `out`, written digit by digit (no formatter).
    pub fn push_long(self, out: &mut String) {
        push_decimal(out, i64::from(self.day));
        out.push(' ');
        out.push_str(MONTH_NAMES[self.month as usize - 1]);
        out.push(' ');
        push_decimal(out, i64::from(self.year));
    }

    /// The date as [`Display`](fmt::Display) writes it ("2020-11-16") added to `out`,
    /// digit by digit for a year of 0 to 9999.
    pub fn push_iso(self, out: &mut String) {
        if (0..=9999).contains(&self.year) {
            let y = self.year as u32;
            let (m, d) = (u32::from(self.month), u32::from(self.day));
            let digit = |x: u32| char::from(b'0' + (x % 10) as u8);
            for c in [
                digit(y / 1000),
                digit(y / 100),
                digit(y / 10),
                digit(y),
                '-',
                digit(m / 10),
                digit(m),
                '-',
                digit(d / 10),
                digit(d),
            ] {
                out.push(c);
            }
        } else {
            use fmt::Write;
            let _ = write!(out, "{self}");
        }
    }

    /// A date written `YYYY-MM-DD`, or `None`: `s.parse::<Date>().ok()` without the
    /// error, and so without the copy of the text the error holds (most of the text
    /// asked about is no such date).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| {
            b[r].iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        Date::new(num(0..4)? as i32, num(5..7)?, num(8..10)?).ok()
    }

    /// Parse a date written in prose: "16 November 2020", "November 16, 2020",
    /// "16 Nov. 2020", "2020-11-16".
    pub fn parse_prose(s: &str) -> Option<Date> {
        let s = s.trim();
        if let Some(d) = Date::parse_iso(s) {
            return Some(d);
        }
        // Three words, or none of this form (the words kept in place, not listed).
        let mut split = s
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty());
        let words = [split.next(), split.next(), split.next(), split.next()];
        match words {
            [Some(d), Some(m), Some(y), None] => {
                if let (Ok(d), Some(m), Ok(y)) =
                    (d.parse::<u32>(), month_from_name(m), y.parse::<i32>())
                {
                    return Date::new(y, m as u32, d).ok();
                }
                if let (Some(m), Ok(d), Ok(y)) =
                    (month_from_name(d), m.parse::<u32>(), y.parse::<i32>())
                {
                    return Date::new(y, m as u32, d).ok();
                }
                None
            }
            _ => None,
        }
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError::Format(s.to_string());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        Date::new(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }
}

/// `n` in decimal (as `{}` writes it) added to `out`, without a formatter.
pub fn push_decimal(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    let mut x = n.unsigned_abs();
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (x % 10) as u8;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    for &d in &digits[k..] {
        out.push(char::from(d));
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {

    /// The month names read as a plain loop over the names would read them.
    #[test]
    fn month_names_read_as_the_plain_loop_does() {
        fn plain(s: &str) -> Option<u8> {
            let s = s.trim_end_matches('.');
            if s.len() < 3 {
                return None;
            }
            for (i, name) in MONTH_NAMES.iter().enumerate() {
                if name.eq_ignore_ascii_case(s)
                    || (s.len() == 3 && name[..3].eq_ignore_ascii_case(s))
                {
                    return Some(i as u8 + 1);
                }
            }
            s.eq_ignore_ascii_case("sept").then_some(9)
        }
        let mut words: Vec<String> = Vec::new();
        for m in MONTH_NAMES {
            for w in [
                m.to_string(),
                m.to_ascii_lowercase(),
                m.to_ascii_uppercase(),
            ] {
                for n in 0..=w.len() {
                    for tail in ["", ".", "x", ".."] {
                        words.push(format!("{}{tail}", &w[..n]));
                    }
                }
            }
        }
        for w in [
            "Sept",
            "sept.",
            "SEPT",
            "Septe",
            "Mayo",
            "Ma\u{e9}",
            "Jan\u{e9}",
            "",
            ".",
            "maY",
        ] {
            words.push(w.to_string());
        }
        for w in &words {
            assert_eq!(month_from_name(w), plain(w), "{w:?}");
        }
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parse_and_display() {
        let d: Date = "2012-01-09".parse().unwrap();
        assert_eq!(d.to_string(), "2012-01-09");
        assert!("2012-02-30".parse::<Date>().is_err());
        assert!("2012-1-09".parse::<Date>().is_err());
        assert!("2000-02-29".parse::<Date>().is_ok());
        assert!("1900-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn month_arithmetic_clamps() {
        let d: Date = "2020-01-31".parse().unwrap();
        assert_eq!(d.add_months(1).to_string(), "2020-02-29");
        assert_eq!(d.add_months(13).to_string(), "2021-02-28");
        assert_eq!(d.add_months(-2).to_string(), "2019-11-30");
    }

    #[test]
    fn prose_dates() {
        assert_eq!(
            Date::parse_prose("16 November 2020").unwrap().to_string(),
            "2020-11-16"
        );
        assert_eq!(
            Date::parse_prose("November 16, 2020").unwrap().to_string(),
            "2020-11-16"
        );
        assert_eq!(
            Date::parse_prose("1 Sept. 2020").unwrap().to_string(),
            "2020-09-01"
        );
        assert!(Date::parse_prose("31 June 2020").is_none());
    }

    #[test]
    fn months_until() {
        let a: Date = "2019-11-16".parse().unwrap();
        assert_eq!(a.months_until("2020-11-16".parse().unwrap()), 12);
        assert_eq!(a.months_until("2020-11-15".parse().unwrap()), 11);
    }

    #[test]
    fn checked_arithmetic_stops_at_the_calendar_s_ends() {
        let last: Date = "9999-12-31".parse().unwrap();
        let first: Date = "0001-01-01".parse().unwrap();
        assert_eq!(last.checked_add_days(1), None);
        assert_eq!(last.checked_add_months(1), None);
        assert_eq!(last.checked_add_years(1), None);
        assert_eq!(first.checked_add_days(-1), None);
        assert_eq!(first.checked_add_months(-1), None);
        assert_eq!(last.checked_add_days(0), Some(last));
        assert_eq!(
            "9999-06-30".parse::<Date>().unwrap().checked_add_months(6),
            "9999-12-30".parse().ok()
        );
        assert_eq!(last.checked_add_years(i32::MAX), None, "no overflow");
        assert_eq!(last.checked_add_days(i64::MAX), None, "no overflow");
        // What the unchecked forms do there (clamp the year): a wrong date.
        assert_eq!(last.add_months(6).to_string(), "9999-06-30");
    }

    /// [`Date::parse_prose`] as first written: the ISO form by the parser, the words
    /// listed.
    fn parse_prose_plain(s: &str) -> Option<Date> {
        let s = s.trim();
        if let Ok(d) = s.parse::<Date>() {
            return Some(d);
        }
        let words: Vec<&str> = s
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        match words.as_slice() {
            [d, m, y] => {
                if let (Ok(d), Some(m), Ok(y)) =
                    (d.parse::<u32>(), month_from_name(m), y.parse::<i32>())
                {
                    return Date::new(y, m as u32, d).ok();
                }
                if let (Some(m), Ok(d), Ok(y)) =
                    (month_from_name(d), m.parse::<u32>(), y.parse::<i32>())
                {
                    return Date::new(y, m as u32, d).ok();
                }
                None
            }
            _ => None,
        }
    }

    proptest! {
        /// The ISO form without its error is the parser's; prose dates are read as
        /// first.
        #[test]
        fn iso_and_prose_dates_are_read_as_before(
            s in "[ ,]{0,2}(2020-11-16|2020-02-30|0000-01-01|9999-12-31|20a0-01-01|\\+020-01-01|2020-1-016|[0-9]{1,3}|[0-9]{4}-[0-9]{2}-[0-9]{2}|May|Sept\\.|november|Nov\\.|\\u{e9}|,| |\\t){0,5}",
        ) {
            prop_assert_eq!(Date::parse_iso(&s), s.parse::<Date>().ok());
            prop_assert_eq!(Date::parse_prose(&s), parse_prose_plain(&s));
        }

        /// The long and ISO forms written digit by digit are the formatter's.
        #[test]
        fn long_and_iso_forms_are_the_formatters(days in -4_000_000i64..4_000_000) {
            let d = Date::from_days(days);
            prop_assert_eq!(
                d.long(),
                format!("{} {} {}", d.day, MONTH_NAMES[d.month as usize - 1], d.year)
            );
            let mut iso = String::from("x");
            d.push_iso(&mut iso);
            prop_assert_eq!(iso, format!("x{d}"));
        }

        /// Inside the calendar the checked forms are the plain ones; outside, `None`.
        #[test]
        fn checked_arithmetic_agrees_with_the_plain_forms(
            start in 0i64..2_900_000,
            days in -3_000_000i64..3_000_000,
            months in -130_000i32..130_000,
        ) {
            let d = Date::from_days(start - 719_162);
            let by_days = d.to_days() + days;
            let in_range = |x: i64| Date::from_days(x).to_days() == x;
            match d.checked_add_days(days) {
                Some(x) => prop_assert_eq!(x, d.add_days(days)),
                None => prop_assert!(!in_range(by_days)),
            }
            let y = (i64::from(d.year()) * 12 + i64::from(d.month()) - 1 + i64::from(months)).div_euclid(12);
            match d.checked_add_months(months) {
                Some(x) => {
                    prop_assert!((1..=9999).contains(&y));
                    prop_assert_eq!(x, d.add_months(months));
                }
                None => prop_assert!(!(1..=9999).contains(&y)),
            }
        }

        #[test]
        fn days_round_trip(n in -700_000i64..2_900_000) {
            let d = Date::from_days(n);
            prop_assert_eq!(d.to_days(), n);
            prop_assert_eq!(d.to_string().parse::<Date>().unwrap(), d);
        }
    }
}
