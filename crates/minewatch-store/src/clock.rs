//! Recorded time: timestamps and an injectable clock.

use std::fmt;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use minewatch_model::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::StoreError;

/// A UTC instant with microsecond precision. Shown and stored as
/// `YYYY-MM-DDTHH:MM:SS.ffffffZ` (fixed width, so text order is time order).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

const MICROS_PER_DAY: i64 = 86_400_000_000;

impl Timestamp {
    /// Microseconds since 1970-01-01T00:00:00Z.
    pub fn from_micros(us: i64) -> Timestamp {
        Timestamp(us)
    }
    pub fn micros(self) -> i64 {
        self.0
    }
    /// The first instant of `d`.
    pub fn start_of(d: Date) -> Timestamp {
        Timestamp(d.to_days() * MICROS_PER_DAY)
    }
    /// The last instant of `d` (what a date means in "what did we know on `d`?").
    pub fn end_of(d: Date) -> Timestamp {
        Timestamp((d.to_days() + 1) * MICROS_PER_DAY - 1)
    }
    pub fn date(self) -> Date {
        Date::from_days(self.0.div_euclid(MICROS_PER_DAY))
    }
    /// The latest representable instant (used for "known now").
    pub fn max() -> Timestamp {
        Timestamp::end_of(Date::new(9999, 12, 31).expect("valid date"))
    }
    /// Parse a timestamp as written by [`fmt::Display`], or a plain date (its last instant).
    pub fn parse(s: &str) -> Result<Timestamp, StoreError> {
        let bad = |reason: &str| StoreError::BadDate {
            input: s.to_string(),
            reason: reason.to_string(),
        };
        if s.len() == 10 {
            let d: Date = s
                .parse()
                .map_err(|e: minewatch_model::DateError| bad(&e.to_string()))?;
            return Ok(Timestamp::end_of(d));
        }
        let b = s.as_bytes();
        if s.len() != 27
            || b[10] != b'T'
            || b[13] != b':'
            || b[16] != b':'
            || b[19] != b'.'
            || b[26] != b'Z'
        {
            return Err(bad("expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS.ffffffZ"));
        }
        let d: Date = s[..10]
            .parse()
            .map_err(|e: minewatch_model::DateError| bad(&e.to_string()))?;
        let num = |r: std::ops::Range<usize>| -> Result<i64, StoreError> {
            let p = &s[r];
            if p.bytes().all(|c| c.is_ascii_digit()) {
                p.parse::<i64>().map_err(|_| bad("bad number"))
            } else {
                Err(bad("bad number"))
            }
        };
        let (h, m, sec, us) = (num(11..13)?, num(14..16)?, num(17..19)?, num(20..26)?);
        if h > 23 || m > 59 || sec > 59 {
            return Err(bad("time out of range"));
        }
        Ok(Timestamp(
            d.to_days() * MICROS_PER_DAY + ((h * 60 + m) * 60 + sec) * 1_000_000 + us,
        ))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date();
        let rem = self.0.rem_euclid(MICROS_PER_DAY);
        let (secs, us) = (rem / 1_000_000, rem % 1_000_000);
        write!(
            f,
            "{d}T{:02}:{:02}:{:02}.{us:06}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
        let s = String::deserialize(d)?;
        Timestamp::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Where the store gets recorded time from. Inject a [`ManualClock`] in tests.
pub trait Clock: Send + Sync {
    fn now(&self) -> Timestamp;
}

/// The system clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let us = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_micros() as i64)
            .unwrap_or(0);
        Timestamp(us)
    }
}

/// A clock that stands still until told to move; clones share the same time.
#[derive(Debug, Clone)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    pub fn new(at: Timestamp) -> ManualClock {
        ManualClock(Arc::new(AtomicI64::new(at.0)))
    }
    /// A clock standing at the start of date `d` (e.g. "2020-11-16").
    pub fn at_date(d: &str) -> ManualClock {
        ManualClock::new(Timestamp::start_of(d.parse().expect("a YYYY-MM-DD date")))
    }
    pub fn set(&self, at: Timestamp) {
        self.0.store(at.0, Ordering::SeqCst)
    }
    pub fn set_date(&self, d: &str) {
        self.set(Timestamp::start_of(d.parse().expect("a YYYY-MM-DD date")))
    }
    pub fn advance_micros(&self, us: i64) {
        self.0.fetch_add(us, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        Timestamp(self.0.load(Ordering::SeqCst))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_parse_round_trip() {
        let t = Timestamp::from_micros(1_605_484_800_123_456);
        assert_eq!(t.to_string(), "2020-11-16T00:00:00.123456Z");
        assert_eq!(Timestamp::parse(&t.to_string()).unwrap(), t);
        let e = Timestamp::parse("2020-11-16").unwrap();
        assert_eq!(e.to_string(), "2020-11-16T23:59:59.999999Z");
        assert!(Timestamp::parse("2020-11-16T25:00:00.000000Z").is_err());
        assert!(Timestamp::parse("yesterday").is_err());
    }
}
