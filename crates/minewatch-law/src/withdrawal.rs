//! Withdrawal (Art. 20).
//!
//! Art. 20.3: "Such withdrawal shall only take effect six months after the receipt of
//! the instrument of withdrawal by the Depositary. If, however, on the expiry of that
//! six-month period, the withdrawing State Party is engaged in an armed conflict, the
//! withdrawal shall not take effect before the end of the armed conflict."
//!
//! "Six months after" is the same day six months later, clamped to the end of a shorter
//! month (31 August → 28/29 February). "Not ... before the end of the armed conflict":
//! the end date itself is not before the end, so a withdrawal held back by a conflict
//! takes effect on the day the conflict ends (not the day after).

use std::fmt;
use std::str::FromStr;

use minewatch_model::Date;
use serde::Serialize;

use crate::{treaty_entry_into_force, LawError};

/// Whether the withdrawing state is engaged in an armed conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArmedConflict {
    None,
    Ongoing,
    Ended(Date),
}

impl FromStr for ArmedConflict {
    type Err = LawError;
    fn from_str(s: &str) -> Result<Self, LawError> {
        let t = s.trim();
        match t.to_ascii_lowercase().as_str() {
            "none" => Ok(ArmedConflict::None),
            "ongoing" => Ok(ArmedConflict::Ongoing),
            _ => match t.split_once(':') {
                Some((k, d)) if k.eq_ignore_ascii_case("ended") => d
                    .trim()
                    .parse()
                    .map(ArmedConflict::Ended)
                    .map_err(|_| LawError::ArmedConflict(s.to_string())),
                _ => Err(LawError::ArmedConflict(s.to_string())),
            },
        }
    }
}

impl fmt::Display for ArmedConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArmedConflict::None => f.write_str("none"),
            ArmedConflict::Ongoing => f.write_str("ongoing"),
            ArmedConflict::Ended(d) => write!(f, "ended:{d}"),
        }
    }
}

impl Serialize for ArmedConflict {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Withdrawal {
    pub deposited: Date,
    pub armed_conflict: ArmedConflict,
    /// The end of the six-month period.
    pub six_months: Date,
    /// When the withdrawal takes effect; `None` while pending.
    pub effective: Option<Date>,
    pub pending_reason: Option<String>,
    pub article: String,
    pub explanation: String,
}

/// When a withdrawal deposited on `deposited` takes effect (Art. 20.3).
pub fn withdrawal(deposited: Date, conflict: ArmedConflict) -> Result<Withdrawal, LawError> {
    if deposited < treaty_entry_into_force() {
        return Err(LawError::WithdrawalBeforeTreaty { deposited });
    }
    let six = crate::deadlines::plus_months(deposited, 6, "the withdrawal's effect (Art. 20.3)")?;
    let clamp = if six.day() != deposited.day() {
        " (clamped to the last day of the month)"
    } else {
        ""
    };
    let (effective, pending_reason, explanation) = match conflict {
        ArmedConflict::None => (
            Some(six),
            None,
            format!(
                "takes effect six months after the depositary received the instrument of withdrawal ({}): {}{clamp}",
                deposited.long(),
                six.long()
            ),
        ),
        ArmedConflict::Ongoing => (
            None,
            Some(format!(
                "the state is engaged in an armed conflict at the expiry of the six-month period ({}); the withdrawal does not take effect before the end of the armed conflict",
                six.long()
            )),
            format!(
                "six months after deposit ({}) is {}{clamp}, but an ongoing armed conflict holds the withdrawal back until the conflict ends",
                deposited.long(),
                six.long()
            ),
        ),
        ArmedConflict::Ended(end) if end > six => (
            Some(end),
            None,
            format!(
                "six months after deposit is {}{clamp}, but the state was then engaged in an armed conflict, which ended on {}; the withdrawal takes effect on that day (not before the end of the conflict)",
                six.long(),
                end.long()
            ),
        ),
        ArmedConflict::Ended(end) => (
            Some(six),
            None,
            format!(
                "the armed conflict ended on {}, on or before the expiry of the six-month period; the withdrawal takes effect six months after deposit: {}{clamp}",
                end.long(),
                six.long()
            ),
        ),
    };
    Ok(Withdrawal {
        deposited,
        armed_conflict: conflict,
        six_months: six,
        effective,
        pending_reason,
        article: "Art. 20.3".into(),
        explanation,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn withdrawal_table() {
        // (deposited, armed conflict, effective or None, pending)
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("2025-06-27", "none", Some("2025-12-27")),
            ("2025-07-10", "none", Some("2026-01-10")),
            ("2025-08-31", "none", Some("2026-02-28")),
            ("2027-08-31", "none", Some("2028-02-29")),
            ("2025-03-31", "none", Some("2025-09-30")),
            ("2025-12-31", "none", Some("2026-06-30")),
            ("2025-01-01", "none", Some("2025-07-01")),
            ("2025-06-27", "ongoing", None),
            // Conflict ends after the six months: effect on the end date.
            ("2025-06-27", "ended:2027-03-15", Some("2027-03-15")),
            ("2025-06-27", "ended:2025-12-28", Some("2025-12-28")),
            // Ends exactly at the expiry, or before: six months apply.
            ("2025-06-27", "ended:2025-12-27", Some("2025-12-27")),
            ("2025-06-27", "ended:2025-09-01", Some("2025-12-27")),
            ("2025-06-27", "ended:2020-01-01", Some("2025-12-27")),
            ("2025-06-27", "ENDED: 2027-03-15", Some("2027-03-15")),
        ];
        for (dep, conflict, want) in cases {
            let w = withdrawal(d(dep), conflict.parse().unwrap()).unwrap();
            assert_eq!(w.effective, want.map(d), "{dep} {conflict}");
            assert_eq!(
                w.pending_reason.is_some(),
                want.is_none(),
                "{dep} {conflict}"
            );
            assert_eq!(w.article, "Art. 20.3");
        }
    }

    #[test]
    fn reference_withdrawals_match_art20() {
        let mut n = 0;
        for r in minewatch_refdata::mbt_status() {
            if let (Some(dep), Some(eff)) = (r.withdrawal_deposit_date, r.withdrawal_effective_date)
            {
                assert_eq!(
                    withdrawal(dep, ArmedConflict::None).unwrap().effective,
                    Some(eff),
                    "{}",
                    r.iso3
                );
                n += 1;
            }
        }
        assert!(n >= 5, "the reference data has the 2025 withdrawals");
    }

    #[test]
    fn bad_input() {
        for s in [
            "",
            "maybe",
            "ended",
            "ended:",
            "ended:2025-02-30",
            "over:2025-01-01",
        ] {
            assert!(
                matches!(s.parse::<ArmedConflict>(), Err(LawError::ArmedConflict(_))),
                "{s:?}"
            );
        }
        assert!(matches!(
            withdrawal(d("1999-02-28"), ArmedConflict::None),
            Err(LawError::WithdrawalBeforeTreaty { .. })
        ));
        assert!(withdrawal(d("1999-03-01"), ArmedConflict::None).is_ok());
    }
}
