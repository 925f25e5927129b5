//! Human-readable renderings of the engine's answers: one line per fact, each with
//! the article that produced it.

use std::fmt::Write;

use crate::classify::{Case, InstrumentResult};
use crate::compliance::ComplianceReport;
use crate::deadlines::Deadlines;
use crate::withdrawal::Withdrawal;

/// Deadlines, one per line, each with its article and explanation.
pub fn render_deadlines(d: &Deadlines) -> String {
    let mut s = String::new();
    let e = &d.entry_into_force;
    let _ = writeln!(
        s,
        "Instrument of {} deposited {}",
        d.instrument,
        d.deposit.long()
    );
    let _ = writeln!(
        s,
        "Entry into force:               {}  [{}]",
        e.date, e.article
    );
    let _ = writeln!(s, "    {}", e.explanation);
    let line = |s: &mut String, label: &str, date: &dyn std::fmt::Display, art: &str, why: &str| {
        let _ = writeln!(s, "{label:<32}{date}  [{art}]");
        let _ = writeln!(s, "    {why}");
    };
    let st = &d.stockpile_destruction_deadline;
    line(
        &mut s,
        "Stockpile destruction deadline:",
        &st.date,
        &st.article,
        &st.explanation,
    );
    let c = &d.clearance_deadline;
    line(
        &mut s,
        "Clearance deadline:",
        &c.date,
        &c.article,
        &c.explanation,
    );
    for x in &c.extensions {
        let _ = writeln!(
            s,
            "    extension {}: {} -> {}  [{}] {}",
            x.number, x.previous, x.date, x.article, x.explanation
        );
    }
    let i = &d.initial_report_due;
    line(
        &mut s,
        "Initial report due:",
        &i.date,
        &i.article,
        &i.explanation,
    );
    let a = &d.annual_report_due;
    let next = match (a.next, a.next_covers_year, a.ended_by_withdrawal) {
        (Some(n), Some(y), _) => format!("{n} (covering {y})"),
        (_, _, Some(w)) => match (a.last, a.last_covers_year) {
            (Some(l), Some(y)) => format!(
                "none (the withdrawal took effect {w}; the last fell due {l}, covering {y})"
            ),
            _ => format!("none (the withdrawal took effect {w})"),
        },
        _ => "none".to_string(),
    };
    let _ = writeln!(
        s,
        "{:<32}{}; first {} (covering {})  [{}]",
        "Next annual report due:", next, a.first, a.first_covers_year, a.article
    );
    let _ = writeln!(s, "    {}", a.explanation);
    s
}

/// A withdrawal answer.
pub fn render_withdrawal(w: &Withdrawal) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Withdrawal deposited {} (armed conflict: {})",
        w.deposited.long(),
        w.armed_conflict
    );
    match w.effective {
        Some(e) => {
            let _ = writeln!(s, "Takes effect: {}  [{}]", e, w.article);
        }
        None => {
            let _ = writeln!(s, "Takes effect: pending  [{}]", w.article);
        }
    }
    if let Some(p) = &w.pending_reason {
        let _ = writeln!(s, "    pending: {p}");
    }
    let _ = writeln!(s, "    {}", w.explanation);
    s
}

/// A classification: the case, then one block per instrument.
pub fn render_classification(case: &Case, results: &[InstrumentResult]) -> String {
    let mut s = String::new();
    let d = &case.device;
    let a = &case.activity;
    let name = if d.name.is_empty() {
        "(unnamed device)"
    } else {
        d.name.as_str()
    };
    // "use by Finland", "stockpiling for training by Finland" (not "training
    // stockpile by Finland").
    let doing = match a.kind.as_str() {
        "use" => "use",
        "develop" => "development",
        "produce" => "production",
        "acquire" => "acquisition",
        "stockpile" => "stockpiling",
        "retain" => "retention",
        "transfer" => "transfer",
        other => other,
    };
    let purpose = match a.purpose.as_str() {
        "operational" => String::new(),
        "training" => " for training".to_string(),
        "destruction" => " for destruction".to_string(),
        other => format!(" ({other})"),
    };
    let _ = writeln!(
        s,
        "{name}: {doing}{purpose} by {} on {}{}",
        a.actor,
        a.date,
        a.place
            .as_deref()
            .map(|p| format!(" in {p}"))
            .unwrap_or_default()
    );
    for r in results {
        let _ = writeln!(
            s,
            "\n{}: {}  (anti-personnel mine: {}; binding: {}{})",
            r.instrument,
            r.verdict.as_str().to_uppercase(),
            match r.ap_mine {
                Some(true) => "yes".to_string(),
                Some(false) => "no".to_string(),
                None => format!("not known: {} not given", r.depends_on.join(", ")),
            },
            if r.binding {
                "yes"
            } else if r.reasons.iter().any(|x| x.starts_with("binding: unknown")
                || x.starts_with("binding: a non-state armed group is bound in a non-international armed conflict") && x.contains("unknown"))
            {
                // (The reference data cannot tell: not "no".)
                "not known"
            } else {
                "no"
            },
            if r.binding_confidence.as_deref() == Some("low") {
                ", UNVERIFIED"
            } else {
                ""
            }
        );
        let _ = writeln!(s, "  articles: {}", r.articles.join("; "));
        for why in &r.reasons {
            let _ = writeln!(s, "  - {why}");
        }
    }
    s
}

/// A compliance report.
pub fn render_compliance(c: &ComplianceReport) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Entry into force {}; stockpile destruction deadline {}  [Art. 4]",
        c.entry_into_force, c.stockpile_destruction_deadline
    );
    if let Some(w) = c.withdrawal_effective {
        let _ = writeln!(s, "Withdrawal effective {w}  [Art. 20.3]");
    }
    if c.facts == 0 {
        let _ = writeln!(s, "NOT ASSESSED: no stockpile facts.");
    } else if c.as_of <= c.stockpile_destruction_deadline
        && c.withdrawal_effective
            .is_none_or(|w| w > c.stockpile_destruction_deadline)
    {
        let _ = writeln!(
            s,
            "Deadline still to come on {}: no violation yet.",
            c.as_of
        );
    } else if c.violations.is_empty() && !c.open_questions.is_empty() {
        let _ = writeln!(
            s,
            "NOT ASSESSABLE after the deadline: no violation shown, and no compliance either."
        );
    } else if c.violations.is_empty() {
        let _ = writeln!(s, "No violation found in {} fact(s).", c.facts);
    }
    for q in &c.open_questions {
        let _ = writeln!(s, "OPEN: {q}");
    }
    for v in &c.violations {
        let until = v
            .until
            .map(|u| u.to_string())
            .unwrap_or_else(|| "ongoing".into());
        let _ = writeln!(s, "VIOLATION {} .. {}  [{}]", v.from, until, v.article);
        let _ = writeln!(s, "    {}", v.explanation);
    }
    let _ = writeln!(s, "{}", c.explanation);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::{classify, parse_case};
    use crate::compliance::{stockpile_compliance, StockpileFact};
    use crate::deadlines::{deadlines, ConsentInstrument, DeadlineInput};
    use crate::withdrawal::{withdrawal, ArmedConflict};
    use minewatch_model::Date;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn deadlines_finland() {
        let r = deadlines(&DeadlineInput {
            deposit: d("2012-01-09"),
            instrument: ConsentInstrument::Accession,
            explicit_entry_into_force: None,
            extensions: vec![],
            as_of: d("2025-06-01"),
        })
        .unwrap();
        insta::assert_snapshot!(render_deadlines(&r));
    }

    #[test]
    fn deadlines_succession_with_extensions() {
        let r = deadlines(&DeadlineInput {
            deposit: d("2011-11-11"),
            instrument: ConsentInstrument::Succession,
            explicit_entry_into_force: Some(d("2011-07-09")),
            extensions: vec![d("2026-07-09")],
            as_of: d("2025-06-01"),
        })
        .unwrap();
        insta::assert_snapshot!(render_deadlines(&r));
    }

    #[test]
    fn withdrawals() {
        let mut s = String::new();
        for c in ["none", "ongoing", "ended:2027-03-15", "ended:2025-09-01"] {
            s.push_str(&render_withdrawal(
                &withdrawal(d("2025-06-27"), c.parse::<ArmedConflict>().unwrap()).unwrap(),
            ));
            s.push('\n');
        }
        insta::assert_snapshot!(s);
    }

    #[test]
    fn classification_claymore_tripwire() {
        let c = parse_case(
            r#"{"device": {"name": "M18A1 Claymore on a tripwire", "activation": "command", "person_activation_mode": true,
                           "delivery": "hand-emplaced", "detectable": true},
                "activity": {"kind": "use", "actor": "NOR", "place": "NOR", "date": "2020-01-01"}}"#,
        )
        .unwrap();
        insta::assert_snapshot!(render_classification(&c, &classify(&c).unwrap()));
    }

    #[test]
    fn classification_adam_2021() {
        let c = parse_case(
            r#"{"device": {"name": "M692 ADAM", "activation": "person", "self_destruct": true, "self_deactivation": true,
                           "delivery": "remotely-delivered", "detectable": true},
                "activity": {"kind": "use", "actor": "USA", "place": "IRQ", "date": "2021-03-01"}}"#,
        )
        .unwrap();
        insta::assert_snapshot!(render_classification(&c, &classify(&c).unwrap()));
    }

    #[test]
    fn compliance_report() {
        let facts = vec![
            StockpileFact::Stockpile {
                date: d("2013-01-01"),
                quantity: 16_500,
                source: None,
            },
            StockpileFact::Stockpile {
                date: d("2017-01-01"),
                quantity: 2_000,
                source: None,
            },
            StockpileFact::DestructionCompleted {
                date: d("2018-03-31"),
                source: None,
            },
        ];
        let mut s = render_compliance(
            &stockpile_compliance(d("2012-07-01"), &facts, None, d("2026-12-01")).unwrap(),
        );
        s.push('\n');
        s.push_str(&render_compliance(
            &stockpile_compliance(
                d("2012-07-01"),
                &facts[..2],
                Some(d("2026-01-10")),
                d("2026-12-01"),
            )
            .unwrap(),
        ));
        s.push('\n');
        s.push_str(&render_compliance(
            &stockpile_compliance(d("2012-07-01"), &facts[..1], None, d("2026-12-01")).unwrap(),
        ));
        insta::assert_snapshot!(s);
    }
}
