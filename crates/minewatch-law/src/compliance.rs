//! Compliance over time: stockpile destruction (Art. 4). Given a state's entry into
//! force and a timeline of stockpile facts, find the periods in which the state held
//! a stockpile after its deadline.
//!
//! The deadline day itself is compliant ("not later than four years after"): a
//! stockpile still held at the end of it is a violation, reported from the deadline
//! until the date destruction was completed (or a zero stockpile was reported), or as
//! ongoing. A stockpile first reported after the deadline (e.g. a newly found one)
//! opens a violation from the date of that report. A withdrawal ends the obligation.

use minewatch_model::Date;
use serde::{Deserialize, Serialize};

/// One dated fact about a state's stockpile of anti-personnel mines (excluding mines
/// retained under Art. 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum StockpileFact {
    /// The stockpile held on `date`.
    Stockpile {
        date: Date,
        quantity: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
    },
    /// Stockpile destruction completed on `date`.
    DestructionCompleted {
        date: Date,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<String>,
    },
}

impl StockpileFact {
    pub fn date(&self) -> Date {
        match self {
            StockpileFact::Stockpile { date, .. }
            | StockpileFact::DestructionCompleted { date, .. } => *date,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    pub article: String,
    pub from: Date,
    /// `None`: ongoing (no completion reported).
    pub until: Option<Date>,
    pub ongoing: bool,
    /// The last stockpile quantity reported during the period.
    pub quantity: u64,
    pub explanation: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComplianceReport {
    pub entry_into_force: Date,
    pub stockpile_destruction_deadline: Date,
    pub withdrawal_effective: Option<Date>,
    pub facts: usize,
    /// Whether there was anything to assess (no facts: no finding either way).
    pub assessed: bool,
    pub violations: Vec<Violation>,
    pub explanation: String,
}

struct Open {
    from: Date,
    quantity: u64,
    late_find: bool,
}

fn close(open: Open, until: Option<Date>, deadline: Date, why: &str) -> Violation {
    let start = if open.late_find {
        format!("a stockpile of {} anti-personnel mines was reported on {}, after the Art. 4 deadline ({})", open.quantity, open.from, deadline)
    } else {
        format!("a stockpile ({} anti-personnel mines last reported) was still held after the Art. 4 deadline ({})", open.quantity, deadline)
    };
    let end = match until {
        Some(u) => format!("violation from {} until {} ({why})", open.from, u),
        None => format!(
            "violation from {}, ongoing (no completion of destruction reported)",
            open.from
        ),
    };
    Violation {
        article: "Art. 4".into(),
        from: open.from,
        until,
        ongoing: until.is_none(),
        quantity: open.quantity,
        explanation: format!("{start}; {end}"),
    }
}

/// Stockpile violations of Art. 4 over time. An entry into force whose deadline falls
/// past the calendar's end (9999-12-31) is an error, not a clamped date.
pub fn stockpile_compliance(
    entry_into_force: Date,
    facts: &[StockpileFact],
    withdrawal_effective: Option<Date>,
) -> Result<ComplianceReport, crate::LawError> {
    let deadline = crate::deadlines::plus_years(
        entry_into_force,
        4,
        "the Art. 4 stockpile destruction deadline",
    )?;
    let mut sorted: Vec<&StockpileFact> = facts.iter().collect();
    // By date; on the same day a stockpile report comes before the completion.
    sorted.sort_by_key(|f| {
        (
            f.date(),
            matches!(f, StockpileFact::DestructionCompleted { .. }),
        )
    });

    let mut held: Option<u64> = None;
    let mut open: Option<Open> = None;
    let mut violations = Vec::new();
    let mut deadline_checked = false;
    for f in sorted {
        let date = f.date();
        if withdrawal_effective.is_some_and(|w| date >= w) {
            break;
        }
        if !deadline_checked && date > deadline {
            deadline_checked = true;
            if let Some(q) = held.filter(|q| *q > 0) {
                open = Some(Open {
                    from: deadline,
                    quantity: q,
                    late_find: false,
                });
            }
        }
        match f {
            StockpileFact::Stockpile { quantity, .. } => {
                held = Some(*quantity);
                if date > deadline {
                    match (&mut open, *quantity) {
                        (Some(o), 0) => {
                            let o = std::mem::replace(
                                o,
                                Open {
                                    from: date,
                                    quantity: 0,
                                    late_find: false,
                                },
                            );
                            violations.push(close(
                                o,
                                Some(date),
                                deadline,
                                "a stockpile of zero was reported",
                            ));
                            open = None;
                        }
                        (Some(o), q) => o.quantity = q,
                        (None, 0) => {}
                        (None, q) => {
                            open = Some(Open {
                                from: date,
                                quantity: q,
                                late_find: true,
                            })
                        }
                    }
                }
            }
            StockpileFact::DestructionCompleted { .. } => {
                if let Some(o) = open.take() {
                    violations.push(close(o, Some(date), deadline, "destruction completed"));
                } else if date > deadline && held != Some(0) {
                    // Destruction completed after the deadline: a stockpile was held from
                    // the deadline until then, even where no figure was reported.
                    let o = Open {
                        from: deadline,
                        quantity: held.unwrap_or(0),
                        late_find: false,
                    };
                    let mut v = close(
                        o,
                        Some(date),
                        deadline,
                        "destruction completed after the deadline",
                    );
                    if held.is_none() {
                        v.explanation = format!(
                            "destruction of the stockpile was completed on {date}, after the Art. 4 deadline ({deadline}), \
                             so a stockpile (quantity not reported) was held in between; violation from {deadline} until {date}"
                        );
                    }
                    violations.push(v);
                }
                held = Some(0);
            }
        }
    }
    if !deadline_checked && withdrawal_effective.is_none_or(|w| w > deadline) {
        if let Some(q) = held.filter(|q| *q > 0) {
            open = Some(Open {
                from: deadline,
                quantity: q,
                late_find: false,
            });
        }
    }
    if let Some(o) = open.take() {
        match withdrawal_effective {
            Some(w) if w > o.from => violations.push(close(
                o,
                Some(w),
                deadline,
                "the withdrawal took effect and the obligation ended",
            )),
            Some(_) => {}
            None => violations.push(close(o, None, deadline, "")),
        }
    }
    let explanation = if facts.is_empty() {
        format!(
            "Art. 4: stockpile to be destroyed not later than {} (four years after entry into force on {}); with no stockpile facts, compliance cannot be assessed (which is no finding of compliance)",
            deadline, entry_into_force
        )
    } else if violations.is_empty() {
        format!(
            "Art. 4: stockpile to be destroyed not later than {} (four years after entry into force on {}); no stockpile is reported held after that date in {} fact(s)",
            deadline,
            entry_into_force,
            facts.len()
        )
    } else {
        format!(
            "Art. 4: stockpile to be destroyed not later than {} (four years after entry into force on {}); {} violation period(s)",
            deadline,
            entry_into_force,
            violations.len()
        )
    };
    Ok(ComplianceReport {
        entry_into_force,
        stockpile_destruction_deadline: deadline,
        withdrawal_effective,
        facts: facts.len(),
        assessed: !facts.is_empty(),
        violations,
        explanation,
    })
}

/// Parse a JSON list of stockpile facts.
pub fn parse_facts(json: &str) -> Result<Vec<StockpileFact>, crate::LawError> {
    serde_json::from_str(json).map_err(|e| crate::LawError::Input(format!("stockpile facts: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }
    #[test]
    fn completion_after_the_deadline_alone_is_a_violation_until_completion() {
        let done = StockpileFact::DestructionCompleted {
            date: d("2017-04-01"),
            source: None,
        };
        let r = stockpile_compliance(d("2004-03-01"), std::slice::from_ref(&done), None).unwrap();
        assert_eq!(r.violations.len(), 1);
        assert_eq!(r.violations[0].from, d("2008-03-01"));
        assert_eq!(r.violations[0].until, Some(d("2017-04-01")));
        assert!(r.violations[0]
            .explanation
            .contains("quantity not reported"));
        // Completed before the deadline: no violation.
        let early = StockpileFact::DestructionCompleted {
            date: d("2007-01-01"),
            source: None,
        };
        assert!(stockpile_compliance(d("2004-03-01"), &[early], None)
            .unwrap()
            .violations
            .is_empty());
        // A zero stockpile reported before the deadline, then a late "completion": no violation.
        let zero = StockpileFact::Stockpile {
            date: d("2007-01-01"),
            quantity: 0,
            source: None,
        };
        assert!(stockpile_compliance(d("2004-03-01"), &[zero, done], None)
            .unwrap()
            .violations
            .is_empty());
    }

    fn stock(date: &str, q: u64) -> StockpileFact {
        StockpileFact::Stockpile {
            date: d(date),
            quantity: q,
            source: None,
        }
    }
    fn done(date: &str) -> StockpileFact {
        StockpileFact::DestructionCompleted {
            date: d(date),
            source: None,
        }
    }

    #[test]
    fn violation_table() {
        // EIF 2012-07-01 -> deadline 2016-07-01.
        type Case = (
            &'static str,
            Vec<StockpileFact>,
            Option<&'static str>,
            Vec<(&'static str, Option<&'static str>)>,
        );
        let cases: Vec<Case> = vec![
            ("no facts", vec![], None, vec![]),
            (
                "destroyed before the deadline",
                vec![stock("2013-01-01", 500), done("2015-12-31")],
                None,
                vec![],
            ),
            (
                "destroyed on the deadline day",
                vec![stock("2013-01-01", 500), done("2016-07-01")],
                None,
                vec![],
            ),
            (
                "destroyed the day after",
                vec![stock("2013-01-01", 500), done("2016-07-02")],
                None,
                vec![("2016-07-01", Some("2016-07-02"))],
            ),
            (
                "never completed",
                vec![stock("2013-01-01", 500)],
                None,
                vec![("2016-07-01", None)],
            ),
            (
                "later report, still held",
                vec![stock("2013-01-01", 500), stock("2018-01-01", 200)],
                None,
                vec![("2016-07-01", None)],
            ),
            (
                "zero reported later",
                vec![stock("2013-01-01", 500), stock("2019-05-05", 0)],
                None,
                vec![("2016-07-01", Some("2019-05-05"))],
            ),
            (
                "zero before the deadline",
                vec![stock("2013-01-01", 500), stock("2016-06-30", 0)],
                None,
                vec![],
            ),
            (
                "found after completion",
                vec![
                    stock("2013-01-01", 500),
                    done("2015-01-01"),
                    stock("2020-03-03", 12),
                    done("2020-09-09"),
                ],
                None,
                vec![("2020-03-03", Some("2020-09-09"))],
            ),
            (
                "two periods",
                vec![
                    stock("2013-01-01", 500),
                    done("2017-01-01"),
                    stock("2021-01-01", 3),
                ],
                None,
                vec![("2016-07-01", Some("2017-01-01")), ("2021-01-01", None)],
            ),
            (
                "withdrawal ends the obligation",
                vec![stock("2013-01-01", 500)],
                Some("2026-01-10"),
                vec![("2016-07-01", Some("2026-01-10"))],
            ),
            (
                "withdrawal before the deadline",
                vec![stock("2013-01-01", 500)],
                Some("2015-01-01"),
                vec![],
            ),
            (
                "unsorted input",
                vec![done("2017-01-01"), stock("2013-01-01", 500)],
                None,
                vec![("2016-07-01", Some("2017-01-01"))],
            ),
            (
                "same-day report and completion",
                vec![stock("2018-01-01", 5), done("2018-01-01")],
                None,
                vec![("2018-01-01", Some("2018-01-01"))],
            ),
        ];
        for (name, facts, withdrawal, want) in cases {
            let r = stockpile_compliance(d("2012-07-01"), &facts, withdrawal.map(d)).unwrap();
            assert_eq!(r.stockpile_destruction_deadline, d("2016-07-01"));
            let got: Vec<(String, Option<String>)> = r
                .violations
                .iter()
                .map(|v| (v.from.to_string(), v.until.map(|u| u.to_string())))
                .collect();
            let want: Vec<(String, Option<String>)> = want
                .iter()
                .map(|(f, u)| (f.to_string(), u.map(str::to_string)))
                .collect();
            assert_eq!(got, want, "{name}");
            for v in &r.violations {
                assert_eq!(v.article, "Art. 4");
                assert_eq!(v.ongoing, v.until.is_none());
            }
        }
    }

    #[test]
    fn facts_json() {
        let f = parse_facts(r#"[{"kind":"stockpile","date":"2013-01-01","quantity":5,"source":"Art. 7 report 2013"},{"kind":"destruction_completed","date":"2014-01-01"}]"#).unwrap();
        assert_eq!(f.len(), 2);
        let e = parse_facts(
            r#"[{"kind":"stockpile","date":"2013-01-01","quantity":5,"colour":"red"}]"#,
        )
        .unwrap_err();
        assert!(e.to_string().contains("colour"), "{e}");
        assert!(
            parse_facts(r#"[{"kind":"stockpile","date":"2013-01-01","quantity":-5}]"#).is_err()
        );
        assert!(parse_facts(r#"[{"kind":"burnt","date":"2013-01-01"}]"#)
            .unwrap_err()
            .to_string()
            .contains("burnt"));
    }

    #[test]
    fn a_deadline_past_the_calendar_is_an_error_not_a_clamped_date() {
        // Four years after 9996-03-01 is 10000-03-01: past 9999-12-31.
        let e = stockpile_compliance(d("9996-03-01"), &[], None).unwrap_err();
        assert!(matches!(e, crate::LawError::BeyondCalendar(_)), "{e}");
        assert!(e.to_string().contains("Art. 4"), "{e}");
        // The last entry into force that still has a deadline.
        let r = stockpile_compliance(d("9995-12-31"), &[], None).unwrap();
        assert_eq!(r.stockpile_destruction_deadline, d("9999-12-31"));
    }
}
