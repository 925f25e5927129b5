//! Compliance over time: stockpile destruction (Art. 4). Given a state's entry into
//! force and a timeline of stockpile facts, find the periods in which the state held
//! a stockpile after its deadline.
//!
//! The deadline day itself is compliant ("not later than four years after"): a
//! violation starts the day after it. A period runs from its first day in violation to
//! its last (`until`, inclusive: the day destruction was completed or a zero stockpile
//! was reported, or the day before a withdrawal took effect), or is ongoing. A
//! stockpile reported after the deadline with no completion reported by the deadline
//! shows the obligation unmet: a violation from the day after the deadline. One
//! reported after a completion (a newly found stockpile) opens a violation from that
//! report. A stockpile reported only before the deadline, with nothing after, proves
//! nothing either way: it is an open question, not a violation. Nothing is a violation
//! before the deadline has passed (`as_of`), nor after a withdrawal took effect.

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
    /// The first day in violation.
    pub from: Date,
    /// The last day in violation; `None`: ongoing (no completion reported).
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
    /// The date the assessment is made for (facts after it are not weighed).
    pub as_of: Date,
    pub facts: usize,
    /// Whether there was anything to assess (no facts: no finding either way).
    pub assessed: bool,
    pub violations: Vec<Violation>,
    /// What the facts leave open after the deadline (a stockpile reported before it,
    /// with no completion and no later figure): no violation, no compliance either.
    pub open_questions: Vec<String>,
    pub explanation: String,
}

struct Open {
    from: Date,
    quantity: u64,
    /// Reported after a completion (a newly found stockpile), from its report.
    late_find: bool,
    /// Reported only after the deadline, with nothing reported up to it.
    inferred: bool,
    reported: Date,
}

fn close(open: Open, until: Option<Date>, deadline: Date, why: &str) -> Violation {
    let start = if open.late_find {
        format!("a stockpile of {} anti-personnel mines was reported on {}, after destruction had been completed and after the Art. 4 deadline ({})", open.quantity, open.from, deadline)
    } else if open.inferred {
        format!("a stockpile of {} anti-personnel mines was reported on {}, after the Art. 4 deadline ({}), and no completion of destruction by the deadline is reported: it was held from the day after the deadline", open.quantity, open.reported, deadline)
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

/// Stockpile violations of Art. 4 over time, as of `as_of`. An entry into force whose
/// deadline falls past the calendar's end (9999-12-31) is an error, not a clamped date.
pub fn stockpile_compliance(
    entry_into_force: Date,
    facts: &[StockpileFact],
    withdrawal_effective: Option<Date>,
    as_of: Date,
) -> Result<ComplianceReport, crate::LawError> {
    let deadline = crate::deadlines::plus_years(
        entry_into_force,
        4,
        "the Art. 4 stockpile destruction deadline",
    )?;
    // The first day a stockpile still held is a violation (none past the calendar).
    let first_day = deadline.checked_add_days(1);
    let mut sorted: Vec<&StockpileFact> = facts.iter().collect();
    // By date; on the same day a stockpile report comes before the completion.
    sorted.sort_by_key(|f| {
        (
            f.date(),
            matches!(f, StockpileFact::DestructionCompleted { .. }),
        )
    });
    // Weighed: what was reported by `as_of` and before a withdrawal took effect.
    let bound = |d: Date| d <= as_of && withdrawal_effective.is_none_or(|w| d < w);
    let not_weighed = sorted.iter().filter(|f| !bound(f.date())).count();

    let mut violations = Vec::new();
    let mut open_questions = Vec::new();
    let passed =
        first_day.is_some_and(|f| f <= as_of) && withdrawal_effective.is_none_or(|w| w > deadline);
    if let (true, Some(first_day)) = (passed, first_day) {
        // The last figure reported up to the deadline (a completion is zero).
        let mut held: Option<(u64, Date)> = None;
        let mut open: Option<Open> = None;
        let mut after_deadline = false;
        for f in sorted.iter().filter(|f| bound(f.date())) {
            let date = f.date();
            if date <= deadline {
                held = Some(match f {
                    StockpileFact::Stockpile { quantity, .. } => (*quantity, date),
                    StockpileFact::DestructionCompleted { .. } => (0, date),
                });
                continue;
            }
            if !after_deadline {
                after_deadline = true;
                // A stockpile still held at the deadline: a violation from the day after.
                if let Some((q, _)) = held.filter(|(q, _)| *q > 0) {
                    open = Some(Open {
                        from: first_day,
                        quantity: q,
                        late_find: false,
                        inferred: false,
                        reported: date,
                    });
                }
            }
            match f {
                StockpileFact::Stockpile { quantity, .. } => {
                    match (&mut open, *quantity) {
                        (Some(_), 0) => {
                            if let Some(o) = open.take() {
                                violations.push(close(
                                    o,
                                    Some(date),
                                    deadline,
                                    "a stockpile of zero was reported",
                                ));
                            }
                        }
                        (Some(o), q) => o.quantity = q,
                        (None, 0) => {}
                        (None, q) => {
                            // Nothing reported up to the deadline: the obligation was
                            // not met, so held from the day after it. After a
                            // completion or a zero: found later, from its report.
                            let late = held.is_some_and(|(h, _)| h == 0);
                            open = Some(Open {
                                from: if late { date } else { first_day },
                                quantity: q,
                                late_find: late,
                                inferred: !late,
                                reported: date,
                            });
                        }
                    }
                    held = Some((*quantity, date));
                }
                StockpileFact::DestructionCompleted { .. } => {
                    if let Some(o) = open.take() {
                        violations.push(close(o, Some(date), deadline, "destruction completed"));
                    } else if held.is_none_or(|(h, _)| h > 0) {
                        // Destruction completed after the deadline: a stockpile was held
                        // from the day after the deadline until then, even where no
                        // figure was reported.
                        let o = Open {
                            from: first_day,
                            quantity: held.map_or(0, |(h, _)| h),
                            late_find: false,
                            inferred: false,
                            reported: date,
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
                                 so a stockpile (quantity not reported) was held in between; violation from {first_day} until {date}"
                            );
                        }
                        violations.push(v);
                    }
                    held = Some((0, date));
                }
            }
        }
        if !after_deadline {
            if let Some((q, d)) = held.filter(|(q, _)| *q > 0) {
                open_questions.push(format!(
                    "a stockpile of {q} anti-personnel mines was reported on {d}, before the deadline ({deadline}); neither the completion of its destruction nor a later figure is reported: whether it was destroyed in time is not known"
                ));
            }
        }
        if let Some(o) = open.take() {
            match withdrawal_effective {
                Some(w) if w <= as_of => violations.push(close(
                    o,
                    w.checked_add_days(-1),
                    deadline,
                    &format!("the withdrawal took effect on {w} and the obligation ended"),
                )),
                _ => violations.push(close(o, None, deadline, "")),
            }
        }
    }
    let head = format!(
        "Art. 4: stockpile to be destroyed not later than {deadline} (four years after entry into force on {entry_into_force})"
    );
    let tail = match withdrawal_effective {
        Some(w) if w <= as_of && not_weighed > 0 => format!(
            "; Art. 4 bound the state until its withdrawal took effect on {w}: {not_weighed} later fact(s) not weighed"
        ),
        Some(w) if w <= as_of => {
            format!("; Art. 4 bound the state until its withdrawal took effect on {w}")
        }
        _ if not_weighed > 0 => format!("; {not_weighed} fact(s) dated after {as_of} not weighed"),
        _ => String::new(),
    };
    let explanation = if facts.is_empty() {
        format!("{head}; with no stockpile facts, compliance cannot be assessed (which is no finding of compliance)")
    } else if withdrawal_effective.is_some_and(|w| w <= deadline) {
        format!("{head}; the withdrawal took effect on {} before the deadline: Art. 4 never required destruction", withdrawal_effective.map(|w| w.to_string()).unwrap_or_default())
    } else if !passed {
        format!(
            "{head}; on {as_of} the deadline is still to come: no violation can have occurred yet"
        )
    } else if !violations.is_empty() {
        format!("{head}; {} violation period(s){tail}", violations.len())
    } else if !open_questions.is_empty() {
        format!("{head}; no violation shown, and no compliance either: what happened after the deadline is not reported{tail}")
    } else {
        format!(
            "{head}; no stockpile is reported held after the deadline in {} fact(s){tail}",
            facts.len() - not_weighed
        )
    };
    Ok(ComplianceReport {
        entry_into_force,
        stockpile_destruction_deadline: deadline,
        withdrawal_effective,
        as_of,
        facts: facts.len(),
        assessed: !facts.is_empty(),
        violations,
        open_questions,
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
    const TODAY: &str = "2026-12-01";

    #[test]
    fn completion_after_the_deadline_alone_is_a_violation_until_completion() {
        let done = StockpileFact::DestructionCompleted {
            date: d("2017-04-01"),
            source: None,
        };
        let r = stockpile_compliance(d("2004-03-01"), std::slice::from_ref(&done), None, d(TODAY))
            .unwrap();
        assert_eq!(r.violations.len(), 1);
        assert_eq!(r.violations[0].from, d("2008-03-02"));
        assert_eq!(r.violations[0].until, Some(d("2017-04-01")));
        assert!(r.violations[0]
            .explanation
            .contains("quantity not reported"));
        // Completed before the deadline: no violation.
        let early = StockpileFact::DestructionCompleted {
            date: d("2007-01-01"),
            source: None,
        };
        assert!(
            stockpile_compliance(d("2004-03-01"), &[early], None, d(TODAY))
                .unwrap()
                .violations
                .is_empty()
        );
        // A zero stockpile reported before the deadline, then a late "completion": no violation.
        let zero = StockpileFact::Stockpile {
            date: d("2007-01-01"),
            quantity: 0,
            source: None,
        };
        assert!(
            stockpile_compliance(d("2004-03-01"), &[zero, done], None, d(TODAY))
                .unwrap()
                .violations
                .is_empty()
        );
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
        // EIF 2012-07-01 -> deadline 2016-07-01: a violation starts on 2016-07-02, and
        // `until` is its last day.
        type Case = (
            &'static str,
            Vec<StockpileFact>,
            Option<&'static str>,
            &'static str,
            Vec<(&'static str, Option<&'static str>)>,
            usize,
        );
        let cases: Vec<Case> = vec![
            ("no facts", vec![], None, TODAY, vec![], 0),
            (
                "destroyed before the deadline",
                vec![stock("2013-01-01", 500), done("2015-12-31")],
                None,
                TODAY,
                vec![],
                0,
            ),
            (
                "destroyed on the deadline day",
                vec![stock("2013-01-01", 500), done("2016-07-01")],
                None,
                TODAY,
                vec![],
                0,
            ),
            (
                "destroyed the day after",
                vec![stock("2013-01-01", 500), done("2016-07-02")],
                None,
                TODAY,
                vec![("2016-07-02", Some("2016-07-02"))],
                0,
            ),
            (
                "a figure before the deadline, nothing after: an open question",
                vec![stock("2013-01-01", 500)],
                None,
                TODAY,
                vec![],
                1,
            ),
            (
                "later report, still held",
                vec![stock("2013-01-01", 500), stock("2018-01-01", 200)],
                None,
                TODAY,
                vec![("2016-07-02", None)],
                0,
            ),
            (
                "zero reported later",
                vec![stock("2013-01-01", 500), stock("2019-05-05", 0)],
                None,
                TODAY,
                vec![("2016-07-02", Some("2019-05-05"))],
                0,
            ),
            (
                "zero before the deadline",
                vec![stock("2013-01-01", 500), stock("2016-06-30", 0)],
                None,
                TODAY,
                vec![],
                0,
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
                TODAY,
                vec![("2020-03-03", Some("2020-09-09"))],
                0,
            ),
            (
                "two periods",
                vec![
                    stock("2013-01-01", 500),
                    done("2017-01-01"),
                    stock("2021-01-01", 3),
                ],
                None,
                TODAY,
                vec![("2016-07-02", Some("2017-01-01")), ("2021-01-01", None)],
                0,
            ),
            (
                "withdrawal ends the obligation the day before it takes effect",
                vec![stock("2013-01-01", 500), stock("2018-01-01", 400)],
                Some("2026-01-10"),
                TODAY,
                vec![("2016-07-02", Some("2026-01-09"))],
                0,
            ),
            (
                "a figure after the withdrawal is not weighed",
                vec![
                    stock("2013-01-01", 500),
                    done("2015-01-01"),
                    stock("2026-09-30", 20000),
                ],
                Some("2026-01-10"),
                TODAY,
                vec![],
                0,
            ),
            (
                "withdrawal before the deadline",
                vec![stock("2013-01-01", 500)],
                Some("2015-01-01"),
                TODAY,
                vec![],
                0,
            ),
            (
                "unsorted input",
                vec![done("2017-01-01"), stock("2013-01-01", 500)],
                None,
                TODAY,
                vec![("2016-07-02", Some("2017-01-01"))],
                0,
            ),
            (
                "reported only after the deadline: held since the day after it",
                vec![stock("2020-12-31", 342_864), done("2023-06-30")],
                None,
                TODAY,
                vec![("2016-07-02", Some("2023-06-30"))],
                0,
            ),
            (
                "same-day report and completion after the deadline",
                vec![stock("2018-01-01", 5), done("2018-01-01")],
                None,
                TODAY,
                vec![("2016-07-02", Some("2018-01-01"))],
                0,
            ),
            (
                "the deadline still to come",
                vec![stock("2013-01-01", 500), stock("2016-06-01", 500)],
                None,
                "2016-07-01",
                vec![],
                0,
            ),
            (
                "a figure after the date asked is not weighed",
                vec![
                    stock("2013-01-01", 500),
                    done("2016-01-01"),
                    stock("2027-01-01", 9),
                ],
                None,
                TODAY,
                vec![],
                0,
            ),
        ];
        for (name, facts, withdrawal, as_of, want, questions) in cases {
            let r =
                stockpile_compliance(d("2012-07-01"), &facts, withdrawal.map(d), d(as_of)).unwrap();
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
            assert_eq!(r.open_questions.len(), questions, "{name}: {r:?}");
            for v in &r.violations {
                assert_eq!(v.article, "Art. 4");
                assert_eq!(v.ongoing, v.until.is_none());
            }
        }
    }

    /// What the explanation says matches what was weighed: a deadline still to come, a
    /// withdrawal that ended the obligation (and the facts after it), an open question.
    #[test]
    fn the_explanation_says_what_was_weighed() {
        let e = |facts: &[StockpileFact], w: Option<&str>, as_of: &str| {
            stockpile_compliance(d("2012-07-01"), facts, w.map(d), d(as_of))
                .unwrap()
                .explanation
        };
        assert!(e(&[stock("2013-01-01", 5)], None, "2016-01-01")
            .contains("on 2016-01-01 the deadline is still to come"));
        let after = e(
            &[
                stock("2013-01-01", 5),
                done("2015-01-01"),
                stock("2026-09-30", 20_000),
            ],
            Some("2026-01-10"),
            TODAY,
        );
        assert!(
            after.contains("Art. 4 bound the state until its withdrawal took effect on 2026-01-10: 1 later fact(s) not weighed"),
            "{after}"
        );
        assert!(after.contains("in 2 fact(s)"), "{after}");
        assert!(e(&[stock("2013-01-01", 5)], None, TODAY).contains("no compliance either"));
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
        let e = stockpile_compliance(d("9996-03-01"), &[], None, d(TODAY)).unwrap_err();
        assert!(matches!(e, crate::LawError::BeyondCalendar(_)), "{e}");
        assert!(e.to_string().contains("Art. 4"), "{e}");
        // The last entry into force that still has a deadline.
        let r = stockpile_compliance(d("9995-12-31"), &[], None, d(TODAY)).unwrap();
        assert_eq!(r.stockpile_destruction_deadline, d("9999-12-31"));
    }
}
