//! Entry into force (Art. 17) and the deadlines that run from it: stockpile
//! destruction (Art. 4), clearance of mined areas (Art. 5, with extensions), the
//! initial transparency report (Art. 7.1) and the annual updates (Art. 7.2).
//!
//! Date arithmetic: "N years after" is the same day N years later; a day that does
//! not exist in the target month (29 February in a common year) is clamped to the
//! last day of that month (28 February). The treaty says "not later than four years
//! after"; clamping backwards never gives a date after the period ends, so the
//! deadline is never later than the treaty allows. Entry into force under Art. 17
//! is always a first of the month, so clamping only matters for an explicit
//! succession date. "180 days after" counts calendar days.

use std::fmt;
use std::str::FromStr;

use minewatch_model::Date;
use serde::{Deserialize, Serialize};

use crate::{fortieth_deposit, signature_opened, treaty_entry_into_force, LawError};

/// The kind of instrument by which a state expressed its consent to be bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConsentInstrument {
    Ratification,
    Accession,
    Acceptance,
    Approval,
    Succession,
}

impl ConsentInstrument {
    pub fn as_str(self) -> &'static str {
        match self {
            ConsentInstrument::Ratification => "ratification",
            ConsentInstrument::Accession => "accession",
            ConsentInstrument::Acceptance => "acceptance",
            ConsentInstrument::Approval => "approval",
            ConsentInstrument::Succession => "succession",
        }
    }
}

impl fmt::Display for ConsentInstrument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ConsentInstrument {
    type Err = LawError;
    fn from_str(s: &str) -> Result<Self, LawError> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "ratification" => ConsentInstrument::Ratification,
            "accession" => ConsentInstrument::Accession,
            "acceptance" => ConsentInstrument::Acceptance,
            "approval" => ConsentInstrument::Approval,
            "succession" => ConsentInstrument::Succession,
            _ => return Err(LawError::ConsentInstrument(s.to_string())),
        })
    }
}

/// A date with the article that produced it and a one-line explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dated {
    pub date: Date,
    pub article: String,
    pub explanation: String,
    /// The withdrawal took effect on this date, before the deadline: it was never
    /// reached (see [`end_at_withdrawal`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended_by_withdrawal: Option<Date>,
}

/// Which rule gave the entry into force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EifBasis {
    /// Among the first forty instruments: 1 March 1999 (Art. 17.1).
    FirstForty,
    /// Deposited after the fortieth: first day of the sixth month after the month of deposit (Art. 17.2).
    AfterFortieth,
    /// An explicit date given for a succession, which wins over the Art. 17 rule.
    ExplicitSuccession,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryIntoForce {
    pub date: Date,
    pub article: String,
    pub basis: EifBasis,
    /// What the Art. 17 rule alone would give (differs from `date` for an explicit succession date).
    pub art17_rule_date: Date,
    pub explanation: String,
}

/// One granted Art. 5 extension.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Extension {
    pub number: usize,
    pub previous: Date,
    pub date: Date,
    pub article: String,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClearanceDeadline {
    /// The deadline in force: the original, or the last granted extension.
    pub date: Date,
    pub article: String,
    pub explanation: String,
    /// Ten years after entry into force.
    pub original: Date,
    pub extensions: Vec<Extension>,
    /// The withdrawal took effect on this date, before the deadline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended_by_withdrawal: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnnualReport {
    /// The first annual update: the first 30 April after the initial report is due.
    pub first: Date,
    pub first_covers_year: i32,
    /// The next annual update due on or after `as_of` (never before `first`); `None`
    /// when a withdrawal takes effect first and ends the obligation.
    pub next: Option<Date>,
    pub next_covers_year: Option<i32>,
    pub as_of: Date,
    pub article: String,
    pub explanation: String,
    /// The withdrawal that ended the annual updates took effect on this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ended_by_withdrawal: Option<Date>,
    /// Where a withdrawal ended them: the last annual update that fell due before it
    /// took effect, and the year it covers (absent if none ever fell due).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_covers_year: Option<i32>,
}

/// What to compute deadlines from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineInput {
    pub deposit: Date,
    pub instrument: ConsentInstrument,
    /// An explicit entry-into-force date for a succession (e.g. the date of independence).
    pub explicit_entry_into_force: Option<Date>,
    /// Granted Art. 5 extensions: each is the new clearance deadline, in order.
    pub extensions: Vec<Date>,
    /// The date "next" answers are relative to.
    pub as_of: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadlines {
    pub deposit: Date,
    pub instrument: ConsentInstrument,
    pub entry_into_force: EntryIntoForce,
    pub stockpile_destruction_deadline: Dated,
    pub clearance_deadline: ClearanceDeadline,
    pub initial_report_due: Dated,
    pub annual_report_due: AnnualReport,
}

/// Entry into force for a state per Art. 17, or the explicit succession date.
pub fn entry_into_force(
    deposit: Date,
    instrument: ConsentInstrument,
    explicit: Option<Date>,
) -> Result<EntryIntoForce, LawError> {
    if deposit < signature_opened() {
        return Err(LawError::DepositBeforeSignature { deposit });
    }
    let (rule_date, basis, article, why) = if deposit <= fortieth_deposit() {
        (
            treaty_entry_into_force(),
            EifBasis::FirstForty,
            "Art. 17.1",
            format!(
                "{instrument} deposited {} is among the first forty instruments (the fortieth was deposited on 16 September 1998), so the Convention entered into force for this state with the Convention itself, on 1 March 1999, the first day of the sixth month after the month of the fortieth deposit",
                deposit.long()
            ),
        )
    } else {
        let d = plus_months(
            deposit.first_of_month(),
            6,
            "entry into force (Art. 17.2: the first day of the sixth month after the deposit's month)",
        )?;
        (
            d,
            EifBasis::AfterFortieth,
            "Art. 17.2",
            format!(
                "{instrument} deposited {} (after the fortieth instrument): in force on the first day of the sixth month after the month of deposit, {}",
                deposit.long(),
                d.long()
            ),
        )
    };
    if let Some(date) = explicit {
        if instrument != ConsentInstrument::Succession {
            return Err(LawError::ExplicitDateNotSuccession {
                date,
                instrument: instrument.to_string(),
            });
        }
        if date < treaty_entry_into_force() {
            return Err(LawError::EntryIntoForceBeforeTreaty { date });
        }
        let same = if date == rule_date {
            "the same date the Art. 17 rule gives".to_string()
        } else {
            format!("the Art. 17 rule alone would give {}", rule_date.long())
        };
        return Ok(EntryIntoForce {
            date,
            article: "succession (explicit date)".into(),
            basis: EifBasis::ExplicitSuccession,
            art17_rule_date: rule_date,
            explanation: format!(
                "succession: the Convention is in force for this state from the date given, {} (e.g. its independence), which wins over Art. 17; {same}",
                date.long()
            ),
        });
    }
    // Art. 17 names ratification, acceptance, approval and accession: a succession
    // with no date of its own is dated by the same rule, and said to be.
    let (article, why) = if instrument == ConsentInstrument::Succession {
        (
            format!("{article}, by analogy"),
            format!("{why} (Art. 17 names ratification, acceptance, approval and accession: a succession without a date of its own is dated by the same rule)"),
        )
    } else {
        (article.to_string(), why)
    };
    Ok(EntryIntoForce {
        date: rule_date,
        article,
        basis,
        art17_rule_date: rule_date,
        explanation: why,
    })
}

fn clamp_note(from: Date, to: Date) -> &'static str {
    if to.day() != from.day() {
        " (that day does not exist in the target month, so the last day of the month is used)"
    } else {
        ""
    }
}

/// The 30 April on or after `d` (`what` names it in the error past the calendar).
fn april_30_on_or_after(d: Date, what: &str) -> Result<Date, LawError> {
    let year = if (d.month(), d.day()) <= (4, 30) {
        d.year()
    } else {
        d.year() + 1
    };
    Date::new(year, 4, 30)
        .map_err(|_| LawError::BeyondCalendar(format!("{what} (30 April {year})")))
}

/// `d` plus `months` months, or the error naming `what` past the calendar.
pub(crate) fn plus_months(d: Date, months: i32, what: &str) -> Result<Date, LawError> {
    d.checked_add_months(months)
        .ok_or_else(|| LawError::BeyondCalendar(format!("{what} ({months} months after {d})")))
}

/// `d` plus `years` years, or the error naming `what` past the calendar.
pub(crate) fn plus_years(d: Date, years: i32, what: &str) -> Result<Date, LawError> {
    d.checked_add_years(years)
        .ok_or_else(|| LawError::BeyondCalendar(format!("{what} ({years} years after {d})")))
}

/// `d` plus `days` days, or the error naming `what` past the calendar.
fn plus_days(d: Date, days: i64, what: &str) -> Result<Date, LawError> {
    d.checked_add_days(days)
        .ok_or_else(|| LawError::BeyondCalendar(format!("{what} ({days} days after {d})")))
}

/// Every deadline that runs from entry into force.
pub fn deadlines(input: &DeadlineInput) -> Result<Deadlines, LawError> {
    let eif = entry_into_force(
        input.deposit,
        input.instrument,
        input.explicit_entry_into_force,
    )?;
    let e = eif.date;

    let stock = plus_years(e, 4, "the stockpile destruction deadline (Art. 4)")?;
    let stockpile_destruction_deadline = Dated {
        date: stock,
        article: "Art. 4".into(),
        explanation: format!(
            "destroy all stockpiled anti-personnel mines as soon as possible and not later than four years after entry into force ({}): {}{}",
            e.long(),
            stock.long(),
            clamp_note(e, stock)
        ),
        ended_by_withdrawal: None,
    };

    let original = plus_years(e, 10, "the mine clearance deadline (Art. 5.1)")?;
    let mut previous = original;
    let mut extensions = Vec::new();
    for (i, &date) in input.extensions.iter().enumerate() {
        let number = i + 1;
        if date <= previous {
            return Err(LawError::ExtensionNotLater {
                number,
                date,
                previous,
            });
        }
        // Ten years past a deadline near the calendar's end is past the calendar: no
        // date in it is too late.
        if previous
            .checked_add_years(10)
            .is_some_and(|limit| date > limit)
        {
            return Err(LawError::ExtensionTooLong {
                number,
                date,
                previous,
            });
        }
        let months = previous.months_until(date);
        extensions.push(Extension {
            number,
            previous,
            date,
            article: "Art. 5.3-5.6".into(),
            explanation: format!(
                "extension {number} granted by a Meeting of States Parties: deadline moved from {} to {} ({} years {} months; at most ten years per request)",
                previous.long(),
                date.long(),
                months / 12,
                months % 12
            ),
        });
        previous = date;
    }
    let clearance_deadline = ClearanceDeadline {
        date: previous,
        article: if extensions.is_empty() {
            "Art. 5.1".into()
        } else {
            "Art. 5.1, 5.3".into()
        },
        explanation: if extensions.is_empty() {
            format!(
                "destroy all anti-personnel mines in mined areas under its jurisdiction or control not later than ten years after entry into force: {}{}",
                original.long(),
                clamp_note(e, original)
            )
        } else {
            format!(
                "ten years after entry into force gave {}; after {} granted extension(s) the deadline is {}",
                original.long(),
                extensions.len(),
                previous.long()
            )
        },
        original,
        extensions,
        ended_by_withdrawal: None,
    };

    let initial = plus_days(e, 180, "the initial transparency report (Art. 7.1)")?;
    let initial_report_due = Dated {
        date: initial,
        article: "Art. 7.1".into(),
        explanation: format!(
            "initial transparency report to the UN Secretary-General as soon as practicable and not later than 180 days after entry into force: {}",
            initial.long()
        ),
        ended_by_withdrawal: None,
    };

    // The first annual update is the first 30 April strictly after the initial report
    // is due: an update "covering the last calendar year" presupposes an initial report.
    let first = april_30_on_or_after(
        plus_days(
            initial,
            1,
            "the first annual transparency report (Art. 7.2)",
        )?,
        "the first annual transparency report (Art. 7.2)",
    )?;
    let next = april_30_on_or_after(
        input.as_of,
        "the next annual transparency report (Art. 7.2)",
    )?
    .max(first);
    let annual_report_due = AnnualReport {
        first,
        first_covers_year: first.year() - 1,
        next: Some(next),
        next_covers_year: Some(next.year() - 1),
        as_of: input.as_of,
        article: "Art. 7.2".into(),
        explanation: format!(
            "annual update covering the last calendar year, due by 30 April each year; the first falls due {} (covering {}), the next on or after {} is {} (covering {})",
            first.long(),
            first.year() - 1,
            input.as_of.long(),
            next.long(),
            next.year() - 1
        ),
        ended_by_withdrawal: None,
        last: None,
        last_covers_year: None,
    };

    Ok(Deadlines {
        deposit: input.deposit,
        instrument: input.instrument,
        entry_into_force: eif,
        stockpile_destruction_deadline,
        clearance_deadline,
        initial_report_due,
        annual_report_due,
    })
}

/// What a withdrawal ends (Art. 20.3: the treaty ceases to bind the state when the
/// withdrawal takes effect): a deadline on or after `effective` was never reached,
/// and no annual update falls due from then on. Each is marked and explained; the
/// dates the articles give stay as they are.
pub fn end_at_withdrawal(d: &mut Deadlines, effective: Date) {
    let note = format!(
        "; not reached: the withdrawal took effect on {} (Art. 20.3), before this date",
        effective.long()
    );
    for x in [
        &mut d.stockpile_destruction_deadline,
        &mut d.initial_report_due,
    ] {
        if x.date >= effective {
            x.ended_by_withdrawal = Some(effective);
            x.explanation.push_str(&note);
        }
    }
    let c = &mut d.clearance_deadline;
    if c.date >= effective {
        c.ended_by_withdrawal = Some(effective);
        c.explanation.push_str(&note);
    }
    let a = &mut d.annual_report_due;
    if let Some(next) = a.next.filter(|n| *n >= effective) {
        a.next = None;
        a.next_covers_year = None;
        a.ended_by_withdrawal = Some(effective);
        a.explanation.push_str(&format!(
            "; none is due: the withdrawal took effect on {} (Art. 20.3), before {}",
            effective.long(),
            next.long()
        ));
        // The last 30 April before the withdrawal took effect (one falling on that
        // very day is not due), if the updates had begun by then.
        let year = if (effective.month(), effective.day()) > (4, 30) {
            effective.year()
        } else {
            effective.year() - 1
        };
        match Date::new(year, 4, 30).ok().filter(|l| *l >= a.first) {
            Some(last) => {
                a.last = Some(last);
                a.last_covers_year = Some(year - 1);
                a.explanation.push_str(&format!(
                    "; the last fell due {} (covering {})",
                    last.long(),
                    year - 1
                ));
            }
            None => a
                .explanation
                .push_str("; none ever fell due while the state was bound"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn input(deposit: &str) -> DeadlineInput {
        DeadlineInput {
            deposit: d(deposit),
            instrument: ConsentInstrument::Ratification,
            explicit_entry_into_force: None,
            extensions: vec![],
            as_of: d("2025-06-01"),
        }
    }

    #[test]
    fn a_withdrawal_ends_the_deadlines_after_it() {
        let mut i = input("2020-01-09");
        i.as_of = d("2026-11-30");
        let mut r = deadlines(&i).unwrap();
        assert_eq!(r.clearance_deadline.date, d("2030-07-01"));
        end_at_withdrawal(&mut r, d("2026-01-10"));
        // Reached before the withdrawal: kept as it was.
        assert_eq!(r.stockpile_destruction_deadline.date, d("2024-07-01"));
        assert_eq!(r.stockpile_destruction_deadline.ended_by_withdrawal, None);
        assert_eq!(r.initial_report_due.ended_by_withdrawal, None);
        // After it: the date stays, marked and explained.
        assert_eq!(r.clearance_deadline.date, d("2030-07-01"));
        assert_eq!(
            r.clearance_deadline.ended_by_withdrawal,
            Some(d("2026-01-10"))
        );
        assert!(r
            .clearance_deadline
            .explanation
            .contains("not reached: the withdrawal took effect on 10 January 2026"));
        assert_eq!(r.annual_report_due.next, None);
        assert_eq!(r.annual_report_due.next_covers_year, None);
        assert_eq!(
            r.annual_report_due.ended_by_withdrawal,
            Some(d("2026-01-10"))
        );
        // The last update the state owed: 30 April 2025, covering 2024.
        assert_eq!(
            (
                r.annual_report_due.last,
                r.annual_report_due.last_covers_year
            ),
            (Some(d("2025-04-30")), Some(2024))
        );
        assert!(r
            .annual_report_due
            .explanation
            .ends_with("the last fell due 30 April 2025 (covering 2024)"));
        // The update due 30 April 2026 falls after the withdrawal: none is due.
        i.as_of = d("2025-06-01");
        let mut r = deadlines(&i).unwrap();
        end_at_withdrawal(&mut r, d("2026-01-10"));
        assert_eq!(r.annual_report_due.next, None);
        // Before the withdrawal, the update due 30 April 2025 still is.
        i.as_of = d("2025-03-01");
        let mut r = deadlines(&i).unwrap();
        end_at_withdrawal(&mut r, d("2026-01-10"));
        assert_eq!(r.annual_report_due.next, Some(d("2025-04-30")));
        assert_eq!(r.annual_report_due.ended_by_withdrawal, None);
        assert_eq!(r.annual_report_due.last, None);
        // On the day the withdrawal takes effect nothing further falls due: the last
        // was the year before.
        let mut r = deadlines(&i).unwrap();
        end_at_withdrawal(&mut r, d("2025-04-30"));
        assert_eq!(r.annual_report_due.next, None);
        assert_eq!(r.annual_report_due.last, Some(d("2024-04-30")));
        // A withdrawal before the first update fell due: none ever did.
        let mut r = deadlines(&i).unwrap();
        assert_eq!(r.annual_report_due.first, d("2021-04-30"));
        end_at_withdrawal(&mut r, d("2021-04-30"));
        assert_eq!(r.annual_report_due.last, None);
        assert!(r
            .annual_report_due
            .explanation
            .ends_with("none ever fell due while the state was bound"));
    }

    #[test]
    fn entry_into_force_table() {
        use ConsentInstrument::*;
        // (deposit, instrument, explicit, eif, basis, article)
        type Row = (
            &'static str,
            ConsentInstrument,
            Option<&'static str>,
            &'static str,
            EifBasis,
            &'static str,
        );
        let cases: &[Row] = &[
            (
                "1997-12-03",
                Ratification,
                None,
                "1999-03-01",
                EifBasis::FirstForty,
                "Art. 17.1",
            ),
            (
                "1998-01-19",
                Ratification,
                None,
                "1999-03-01",
                EifBasis::FirstForty,
                "Art. 17.1",
            ),
            (
                "1998-09-16",
                Ratification,
                None,
                "1999-03-01",
                EifBasis::FirstForty,
                "Art. 17.1",
            ),
            // Just after the fortieth: the Art. 17.2 rule gives the same date.
            (
                "1998-09-17",
                Ratification,
                None,
                "1999-03-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            (
                "1998-09-30",
                Accession,
                None,
                "1999-03-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            (
                "1998-10-01",
                Ratification,
                None,
                "1999-04-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            (
                "1998-11-30",
                Ratification,
                None,
                "1999-05-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            // Month and year boundaries: deposits in July..December roll into the next year.
            (
                "1999-06-30",
                Ratification,
                None,
                "1999-12-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            (
                "1999-07-01",
                Ratification,
                None,
                "2000-01-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            (
                "1999-12-31",
                Ratification,
                None,
                "2000-06-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            (
                "2000-01-01",
                Ratification,
                None,
                "2000-07-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            // Leap day deposit (Albania).
            (
                "2000-02-29",
                Ratification,
                None,
                "2000-08-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            (
                "2012-01-09",
                Accession,
                None,
                "2012-07-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            (
                "2012-12-27",
                Ratification,
                None,
                "2013-06-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            (
                "2017-12-29",
                Accession,
                None,
                "2018-06-01",
                EifBasis::AfterFortieth,
                "Art. 17.2",
            ),
            // A succession with no date of its own (Montenegro): the Art. 17.2 rule,
            // said to be applied by analogy (the article names the other four).
            (
                "2006-10-23",
                Succession,
                None,
                "2007-04-01",
                EifBasis::AfterFortieth,
                "Art. 17.2, by analogy",
            ),
            (
                "2011-11-11",
                Succession,
                Some("2011-07-09"),
                "2011-07-09",
                EifBasis::ExplicitSuccession,
                "succession (explicit date)",
            ),
        ];
        for (dep, inst, explicit, want, basis, article) in cases {
            let e = entry_into_force(d(dep), *inst, explicit.map(d)).unwrap();
            assert_eq!(
                (e.date.to_string().as_str(), e.basis, e.article.as_str()),
                (*want, *basis, *article),
                "deposit {dep}"
            );
        }
    }

    #[test]
    fn explicit_succession_reports_rule_date() {
        let e = entry_into_force(
            d("2011-11-11"),
            ConsentInstrument::Succession,
            Some(d("2011-07-09")),
        )
        .unwrap();
        assert_eq!(e.art17_rule_date, d("2012-05-01"));
        assert!(e.explanation.contains("1 May 2012"), "{}", e.explanation);
    }

    #[test]
    fn entry_into_force_errors() {
        use ConsentInstrument::*;
        assert_eq!(
            entry_into_force(d("1997-12-02"), Ratification, None),
            Err(LawError::DepositBeforeSignature {
                deposit: d("1997-12-02")
            })
        );
        assert!(matches!(
            entry_into_force(d("2012-01-09"), Accession, Some(d("2012-01-01"))),
            Err(LawError::ExplicitDateNotSuccession { .. })
        ));
        assert!(matches!(
            entry_into_force(d("1998-06-01"), Succession, Some(d("1998-12-31"))),
            Err(LawError::EntryIntoForceBeforeTreaty { .. })
        ));
        assert!(entry_into_force(d("1999-01-01"), Succession, Some(d("1999-03-01"))).is_ok());
    }

    #[test]
    fn deadlines_table() {
        // (deposit, explicit succession date, eif, stockpile, clearance, initial report, first annual)
        type Row = (
            &'static str,
            Option<&'static str>,
            &'static str,
            &'static str,
            &'static str,
            &'static str,
            &'static str,
        );
        let cases: &[Row] = &[
            (
                "1998-09-16",
                None,
                "1999-03-01",
                "2003-03-01",
                "2009-03-01",
                "1999-08-28",
                "2000-04-30",
            ),
            (
                "2012-01-09",
                None,
                "2012-07-01",
                "2016-07-01",
                "2022-07-01",
                "2012-12-28",
                "2013-04-30",
            ),
            // EIF 1 Jan in a leap year: 180 days end on 29 June.
            (
                "2003-07-15",
                None,
                "2004-01-01",
                "2008-01-01",
                "2014-01-01",
                "2004-06-29",
                "2005-04-30",
            ),
            // EIF 1 Nov: initial report due exactly 30 April; first annual update a year later.
            (
                "2012-05-31",
                None,
                "2012-11-01",
                "2016-11-01",
                "2022-11-01",
                "2013-04-30",
                "2014-04-30",
            ),
            // EIF 1 Nov before a leap year: 180 days end on 29 April, first annual the next day.
            (
                "2011-05-01",
                None,
                "2011-11-01",
                "2015-11-01",
                "2021-11-01",
                "2012-04-29",
                "2012-04-30",
            ),
            // Explicit succession on a leap day: 4 and 10 years later clamp to 28 February.
            (
                "2004-06-01",
                Some("2004-02-29"),
                "2004-02-29",
                "2008-02-29",
                "2014-02-28",
                "2004-08-27",
                "2005-04-30",
            ),
            (
                "2001-01-01",
                Some("2000-02-29"),
                "2000-02-29",
                "2004-02-29",
                "2010-02-28",
                "2000-08-27",
                "2001-04-30",
            ),
            (
                "2011-11-11",
                Some("2011-07-09"),
                "2011-07-09",
                "2015-07-09",
                "2021-07-09",
                "2012-01-05",
                "2012-04-30",
            ),
        ];
        for (dep, explicit, eif, stock, clear, initial, annual) in cases {
            let mut i = input(dep);
            if let Some(x) = explicit {
                i.instrument = ConsentInstrument::Succession;
                i.explicit_entry_into_force = Some(d(x));
            }
            let r = deadlines(&i).unwrap();
            let got = (
                r.entry_into_force.date.to_string(),
                r.stockpile_destruction_deadline.date.to_string(),
                r.clearance_deadline.date.to_string(),
                r.initial_report_due.date.to_string(),
                r.annual_report_due.first.to_string(),
            );
            assert_eq!(
                got,
                (
                    eif.to_string(),
                    stock.to_string(),
                    clear.to_string(),
                    initial.to_string(),
                    annual.to_string()
                ),
                "deposit {dep}"
            );
            assert_eq!(r.stockpile_destruction_deadline.article, "Art. 4");
            assert_eq!(r.clearance_deadline.article, "Art. 5.1");
            assert_eq!(r.initial_report_due.article, "Art. 7.1");
            assert_eq!(r.annual_report_due.article, "Art. 7.2");
        }
    }

    #[test]
    fn leap_day_clamp_is_explained() {
        let mut i = input("2004-06-01");
        i.instrument = ConsentInstrument::Succession;
        i.explicit_entry_into_force = Some(d("2004-02-29"));
        let r = deadlines(&i).unwrap();
        assert!(
            r.clearance_deadline
                .explanation
                .contains("last day of the month"),
            "{}",
            r.clearance_deadline.explanation
        );
        assert!(!r
            .stockpile_destruction_deadline
            .explanation
            .contains("last day of the month"));
    }

    #[test]
    fn next_annual_report_relative_to_as_of() {
        // (as_of, next, covers)
        for (as_of, next, covers) in [
            ("2025-04-29", "2025-04-30", 2024),
            ("2025-04-30", "2025-04-30", 2024),
            ("2025-05-01", "2026-04-30", 2025),
            ("2024-12-31", "2025-04-30", 2024),
            ("2025-01-01", "2025-04-30", 2024),
            // Before the first update is due, the next one is the first one.
            ("2012-08-01", "2013-04-30", 2012),
            ("1990-01-01", "2013-04-30", 2012),
        ] {
            let mut i = input("2012-01-09");
            i.as_of = d(as_of);
            let r = deadlines(&i).unwrap();
            assert_eq!(
                (
                    r.annual_report_due.next.unwrap(),
                    r.annual_report_due.next_covers_year.unwrap()
                ),
                (d(next), covers),
                "as of {as_of}"
            );
        }
    }

    #[test]
    fn clearance_extensions() {
        let mut i = input("1998-09-16");
        i.extensions = vec![d("2014-03-01"), d("2019-03-01"), d("2025-12-31")];
        let r = deadlines(&i).unwrap();
        let c = &r.clearance_deadline;
        assert_eq!(c.original, d("2009-03-01"));
        assert_eq!(c.date, d("2025-12-31"));
        assert_eq!(c.extensions.len(), 3);
        assert_eq!(c.extensions[0].previous, d("2009-03-01"));
        assert_eq!(c.extensions[2].previous, d("2019-03-01"));
        assert!(
            c.extensions[2].explanation.contains("6 years 9 months"),
            "{}",
            c.extensions[2].explanation
        );
        assert_eq!(c.article, "Art. 5.1, 5.3");

        // Exactly ten years is allowed; a day more is not; a date not later is an error.
        i.extensions = vec![d("2019-03-01")];
        assert!(deadlines(&i).is_ok());
        i.extensions = vec![d("2019-03-02")];
        assert!(matches!(
            deadlines(&i),
            Err(LawError::ExtensionTooLong { number: 1, .. })
        ));
        i.extensions = vec![d("2014-03-01"), d("2014-03-01")];
        assert!(matches!(
            deadlines(&i),
            Err(LawError::ExtensionNotLater { number: 2, .. })
        ));
        i.extensions = vec![d("2009-03-01")];
        assert!(matches!(
            deadlines(&i),
            Err(LawError::ExtensionNotLater { number: 1, .. })
        ));
    }

    #[test]
    fn every_reference_row_follows_art17_or_is_an_explained_succession() {
        for r in minewatch_refdata::mbt_status() {
            let (Some(dep), Some(eif)) = (r.deposit_date, r.entry_into_force) else {
                continue;
            };
            let inst: ConsentInstrument = r.instrument.parse().unwrap();
            let rule = entry_into_force(dep, inst, None).unwrap();
            if rule.date != eif {
                assert_eq!(
                    inst,
                    ConsentInstrument::Succession,
                    "{}: {} vs {}",
                    r.iso3,
                    rule.date,
                    eif
                );
                let explicit = entry_into_force(dep, inst, Some(eif)).unwrap();
                assert_eq!(explicit.date, eif);
            }
        }
    }

    #[test]
    fn consent_instrument_parse() {
        assert_eq!(
            "Accession".parse::<ConsentInstrument>().unwrap(),
            ConsentInstrument::Accession
        );
        assert!(matches!(
            "signature".parse::<ConsentInstrument>(),
            Err(LawError::ConsentInstrument(_))
        ));
    }

    proptest! {
        #[test]
        fn art17_eif_is_a_first_of_month_within_six_months(days in 10_198i64..30_000) {
            // 10_198 days after 1970-01-01 is 1997-12-03.
            let dep = Date::from_days(days);
            let e = entry_into_force(dep, ConsentInstrument::Accession, None).unwrap();
            prop_assert_eq!(e.date.day(), 1);
            prop_assert!(e.date > dep);
            if dep > fortieth_deposit() {
                prop_assert_eq!(dep.first_of_month().months_until(e.date), 6);
            }
            let r = deadlines(&DeadlineInput { deposit: dep, instrument: ConsentInstrument::Accession, explicit_entry_into_force: None, extensions: vec![], as_of: dep }).unwrap();
            prop_assert!(r.stockpile_destruction_deadline.date < r.clearance_deadline.date);
            prop_assert!(r.initial_report_due.date < r.annual_report_due.first);
            prop_assert!(r.annual_report_due.next.unwrap() >= r.annual_report_due.first);
        }

        /// Up to the calendar's last day (9999-12-31) every deposit and as-of date gives
        /// deadlines in order or an error naming the one past the calendar — never a
        /// panic, never a deadline clamped back before its start.
        #[test]
        fn deadlines_near_the_calendar_s_end_are_in_order_or_an_error(
            dep_days in prop_oneof![10_198i64..=2_932_896, 2_925_000i64..=2_932_896, 2_932_000i64..=2_932_896],
            as_of_days in prop_oneof![10_198i64..=2_932_896, 2_932_000i64..=2_932_896],
            explicit in proptest::option::of(prop_oneof![10_650i64..=2_932_896, 2_925_000i64..=2_932_896]),
            extension in proptest::option::of(0i64..4_000),
        ) {
            // 2_932_896 days after 1970-01-01 is 9999-12-31; 10_650 is 1999-03-01.
            let deposit = Date::from_days(dep_days);
            let as_of = Date::from_days(as_of_days);
            let (instrument, explicit) = match explicit {
                Some(d) => (ConsentInstrument::Succession, Some(Date::from_days(d))),
                None => (ConsentInstrument::Ratification, None),
            };
            let base = DeadlineInput { deposit, instrument, explicit_entry_into_force: explicit, extensions: vec![], as_of };
            let extensions = match (deadlines(&base), extension) {
                (Ok(r), Some(days)) => r.clearance_deadline.date.checked_add_days(days + 1).into_iter().collect(),
                _ => vec![],
            };
            let input = DeadlineInput { extensions, ..base };
            match deadlines(&input) {
                Ok(r) => {
                    let e = r.entry_into_force.date;
                    prop_assert!(explicit.is_some() || e > deposit);
                    prop_assert!(r.stockpile_destruction_deadline.date > e);
                    prop_assert!(r.clearance_deadline.original > r.stockpile_destruction_deadline.date);
                    prop_assert!(r.clearance_deadline.date >= r.clearance_deadline.original);
                    prop_assert!(r.initial_report_due.date > e);
                    prop_assert!(r.annual_report_due.first > r.initial_report_due.date);
                    prop_assert!(r.annual_report_due.next.unwrap() >= r.annual_report_due.first);
                    prop_assert!(r.annual_report_due.next.unwrap() >= as_of);
                }
                Err(e) => {
                    let m = e.to_string();
                    prop_assert!(
                        m.contains("after 9999-12-31")
                            || matches!(e, LawError::EntryIntoForceBeforeTreaty { .. } | LawError::ExtensionTooLong { .. }),
                        "{}", m
                    );
                }
            }
            if let Ok(w) = crate::withdrawal(deposit.max(treaty_entry_into_force()), crate::ArmedConflict::None) {
                prop_assert!(w.effective.is_some_and(|x| x > deposit.max(treaty_entry_into_force())));
            }
        }
    }
}
