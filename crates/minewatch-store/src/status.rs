//! Treaty status as of a date, computed from facts. Pure: every backend shares it.
//!
//! Semantics, as of a date D (using the best-ranked value of every event):
//! - `withdrawn` if the withdrawal took effect on or before D;
//! - `state-party` if the treaty entered into force for the state on or before D
//!   (a state is a State Party from entry into force, Art. 17);
//! - `signatory` if it signed on or before D (this includes a signatory that has deposited
//!   its instrument but for which the treaty is not yet in force);
//! - `not-party` otherwise (including a state that acceded but whose entry into force is
//!   still ahead, and the "other areas", which cannot join).
//!
//! Dates after D are not shown, except those already fixed on D: the entry into force of a
//! deposited instrument and the effective date of a deposited withdrawal.

use std::collections::BTreeMap;
use std::fmt;

use minewatch_model::Date;
use serde::Serialize;

use crate::error::StoreError;
use crate::types::{predicate as p, Confidence, Fact, StateInfo};

/// A state's standing under the Mine Ban Treaty on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TreatyStatus {
    StateParty,
    Signatory,
    NotParty,
    Withdrawn,
}

impl TreatyStatus {
    pub const ALL: [TreatyStatus; 4] = [
        TreatyStatus::StateParty,
        TreatyStatus::Signatory,
        TreatyStatus::NotParty,
        TreatyStatus::Withdrawn,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            TreatyStatus::StateParty => "state-party",
            TreatyStatus::Signatory => "signatory",
            TreatyStatus::NotParty => "not-party",
            TreatyStatus::Withdrawn => "withdrawn",
        }
    }
    pub fn parse(s: &str) -> Result<TreatyStatus, StoreError> {
        let f: String = s
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '_' || c == ' ' { '-' } else { c })
            .collect();
        match f.as_str() {
            "state-party" | "party" => Ok(TreatyStatus::StateParty),
            "signatory" => Ok(TreatyStatus::Signatory),
            "not-party" | "non-party" => Ok(TreatyStatus::NotParty),
            "withdrawn" => Ok(TreatyStatus::Withdrawn),
            _ => Err(StoreError::Invalid(format!(
                "unknown status '{s}': expected one of state-party, signatory, not-party, withdrawn"
            ))),
        }
    }
}

impl fmt::Display for TreatyStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Art. 17: entry into force for an instrument deposited on `deposit`.
pub fn art17_entry_into_force(deposit: Date) -> Date {
    let fortieth = Date::new(1998, 9, 16).expect("valid date");
    if deposit <= fortieth {
        Date::new(1999, 3, 1).expect("valid date")
    } else {
        deposit.first_of_month().add_months(6)
    }
}

/// Art. 20: a withdrawal deposited on `deposit` takes effect six months later (unless the
/// state is then engaged in an armed conflict).
pub fn art20_effective(deposit: Date) -> Date {
    deposit.add_months(6)
}

/// The earliest date `--as-of` accepts.
pub fn earliest_as_of() -> Date {
    Date::new(1997, 1, 1).expect("valid date")
}

/// Parse a user's `--as-of` date: YYYY-MM-DD, 1997 or later.
pub fn parse_as_of(s: &str) -> Result<Date, StoreError> {
    let d: Date =
        s.trim()
            .parse()
            .map_err(|e: minewatch_model::DateError| StoreError::BadDate {
                input: s.to_string(),
                reason: format!("{e}"),
            })?;
    if d < earliest_as_of() {
        return Err(StoreError::BadDate {
            input: s.to_string(),
            reason: "dates before 1997 are out of range: the treaty was adopted in September 1997 and opened for signature on 3 December 1997".into(),
        });
    }
    Ok(d)
}

/// One source behind a status, with the fields it supports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusSource {
    pub fields: Vec<String>,
    pub title: String,
    /// The source's link as the data writes it: several are joined by " ; ".
    pub url: Option<String>,
    /// Each link on its own (what a program should read).
    pub urls: Vec<String>,
    pub note: Option<String>,
    pub confidence: Confidence,
    /// False for low-confidence rows: not yet verified against a source.
    pub verified: bool,
}

/// The links in a source's `url` ("https://a ; https://b"), each on its own.
pub fn split_urls(url: Option<&str>) -> Vec<String> {
    url.map(|u| {
        u.split(" ; ")
            .flat_map(|p| p.split("; "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect()
    })
    .unwrap_or_default()
}

/// A state's status on a date. The JSON form has exactly the documented fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusRecord {
    pub iso3: String,
    pub name: String,
    pub status: TreatyStatus,
    pub signature_date: Option<Date>,
    pub deposit_date: Option<Date>,
    pub instrument: Option<String>,
    pub entry_into_force: Option<Date>,
    pub withdrawal_deposit_date: Option<Date>,
    pub withdrawal_effective_date: Option<Date>,
    /// The lowest confidence among the values used.
    pub confidence: Confidence,
    pub sources: Vec<StatusSource>,
    #[serde(skip)]
    pub as_of: Date,
    /// Explanations for people (pending entry into force or withdrawal, unverified data, ...).
    #[serde(skip)]
    pub notes: Vec<String>,
    /// `state` or `other-area`.
    #[serde(skip)]
    pub kind: String,
    /// Other claims about the same events, kept side by side (filled by `Store::status`).
    #[serde(skip)]
    pub alternatives: Vec<Fact>,
}

/// Compute a status from the best-ranked `mbt.*` facts of one state.
pub fn compute_status(state: &StateInfo, facts: &[Fact], as_of: Date) -> StatusRecord {
    let get = |pred: &str| {
        facts
            .iter()
            .find(|f| f.predicate == pred && f.subject == state.iso3 && !f.retracted)
    };
    let date_of = |pred: &str| get(pred).and_then(|f| f.value_date);
    let sig = date_of(p::MBT_SIGNATURE);
    let dep = date_of(p::MBT_DEPOSIT);
    let eif = date_of(p::MBT_ENTRY_INTO_FORCE);
    let wdep = date_of(p::MBT_WITHDRAWAL_DEPOSIT);
    let weff = date_of(p::MBT_WITHDRAWAL_EFFECTIVE);
    let on = |d: Option<Date>| d.filter(|d| *d <= as_of);
    let dep_shown = on(dep);
    let wdep_shown = on(wdep);
    let record_sig = on(sig);
    // Fixed on the as-of date: EIF once deposited, the effect once a withdrawal is deposited.
    let eif_shown = if dep_shown.is_some() || on(eif).is_some() {
        eif
    } else {
        None
    };
    let weff_shown = if wdep_shown.is_some() || on(weff).is_some() {
        weff
    } else {
        None
    };
    let status = if on(weff).is_some() {
        TreatyStatus::Withdrawn
    } else if on(eif).is_some() {
        TreatyStatus::StateParty
    } else if record_sig.is_some() {
        TreatyStatus::Signatory
    } else {
        TreatyStatus::NotParty
    };

    let mut used: Vec<(&str, &Fact)> = Vec::new();
    for (field, pred, shown) in [
        ("signature_date", p::MBT_SIGNATURE, record_sig.is_some()),
        ("deposit_date", p::MBT_DEPOSIT, dep_shown.is_some()),
        (
            "entry_into_force",
            p::MBT_ENTRY_INTO_FORCE,
            eif_shown.is_some(),
        ),
        (
            "withdrawal_deposit_date",
            p::MBT_WITHDRAWAL_DEPOSIT,
            wdep_shown.is_some(),
        ),
        (
            "withdrawal_effective_date",
            p::MBT_WITHDRAWAL_EFFECTIVE,
            weff_shown.is_some(),
        ),
        ("status", p::MBT_REPORTED_STATUS, true),
    ] {
        if let (true, Some(f)) = (shown, get(pred)) {
            used.push((field, f));
        }
    }
    let confidence = used
        .iter()
        .map(|(_, f)| f.confidence.max(f.source.confidence))
        .max()
        .unwrap_or(Confidence::High);
    let mut by_source: BTreeMap<String, StatusSource> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    for (field, f) in &used {
        let e = by_source.entry(f.source.key.clone()).or_insert_with(|| {
            order.push(f.source.key.clone());
            StatusSource {
                fields: Vec::new(),
                title: f.source.title.clone(),
                url: f.source.url.clone(),
                urls: split_urls(f.source.url.as_deref()),
                note: f.source.note.clone(),
                confidence: f.source.confidence,
                verified: f.source.confidence.verified(),
            }
        });
        e.fields.push(field.to_string());
    }
    let mut sources: Vec<StatusSource> = order
        .into_iter()
        .filter_map(|k| by_source.remove(&k))
        .collect();

    let mut notes = Vec::new();
    if state.kind == "other-area" {
        let n = format!(
            "{} is not a state able to join the treaty: it is one of the other areas the Monitor reports on (code {} is {}'s own).",
            state.name,
            state.iso3,
            if state.code_source == "minewatch" { "minewatch" } else { "ISO" }
        );
        sources.push(StatusSource {
            fields: vec!["status".into()],
            title: "minewatch states table (data/states.csv)".into(),
            url: None,
            urls: Vec::new(),
            note: Some(n.clone()),
            confidence: Confidence::High,
            verified: true,
        });
        notes.push(n);
    }
    if let (Some(d), Some(e)) = (dep_shown, eif_shown) {
        if e > as_of {
            notes.push(format!(
                "Instrument deposited on {d}; the treaty enters into force for it on {e} (Art. 17); until then it is {}.",
                status
            ));
        }
    }
    if let (Some(d), Some(e)) = (wdep_shown, weff_shown) {
        if e > as_of {
            notes.push(format!(
                "Withdrawal pending: instrument of withdrawal deposited on {d}, taking effect on {e} (Art. 20: six months after deposit, and not before the end of any armed conflict the state is engaged in)."
            ));
        }
    }
    if let Some(r) = get(p::MBT_REPORTED_STATUS).and_then(|f| f.value_text.clone()) {
        let plain = ["State Party", "not party", "signatory"].contains(&r.as_str());
        if !plain {
            // (Written when the source was: "withdrawal pending" may since have taken
            // effect; the status above is computed for the date asked.)
            notes.push(format!(
                "The source's own status line, as it stood when written (the status above is computed for {as_of}): \"{r}\"."
            ));
        }
    }
    if !confidence.verified() {
        notes.push(
            "UNVERIFIED: at least one value has low confidence (not yet checked against a source)."
                .into(),
        );
    }
    StatusRecord {
        iso3: state.iso3.clone(),
        name: state.name.clone(),
        status,
        signature_date: record_sig,
        deposit_date: dep_shown,
        instrument: if dep_shown.is_some() {
            get(p::MBT_DEPOSIT).and_then(|f| f.value_text.clone())
        } else {
            None
        },
        entry_into_force: eif_shown,
        withdrawal_deposit_date: wdep_shown,
        withdrawal_effective_date: weff_shown,
        confidence,
        sources,
        as_of,
        notes,
        kind: state.kind.clone(),
        alternatives: Vec::new(),
    }
}

/// Keep the best-ranked non-retracted fact per (subject, predicate, slot): rank first,
/// then confidence, then the most recently recorded. With `all_ranks`, keep every
/// non-retracted claim, best first.
pub fn resolve_ranks(mut facts: Vec<Fact>, all_ranks: bool) -> Vec<Fact> {
    facts.retain(|f| !f.retracted);
    facts.sort_by(|a, b| {
        (
            &a.subject,
            &a.predicate,
            &a.slot,
            a.rank,
            a.confidence,
            std::cmp::Reverse(a.recorded_at),
            std::cmp::Reverse(a.id),
        )
            .cmp(&(
                &b.subject,
                &b.predicate,
                &b.slot,
                b.rank,
                b.confidence,
                std::cmp::Reverse(b.recorded_at),
                std::cmp::Reverse(b.id),
            ))
    });
    if !all_ranks {
        facts.dedup_by(|b, a| {
            a.subject == b.subject && a.predicate == b.predicate && a.slot == b.slot
        });
    }
    facts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn art17_examples() {
        assert_eq!(art17_entry_into_force(d("2012-01-09")), d("2012-07-01"));
        assert_eq!(art17_entry_into_force(d("1998-09-16")), d("1999-03-01"));
        assert_eq!(art17_entry_into_force(d("1997-12-03")), d("1999-03-01"));
        assert_eq!(art17_entry_into_force(d("1998-09-17")), d("1999-03-01"));
        assert_eq!(art17_entry_into_force(d("1998-10-01")), d("1999-04-01"));
        assert_eq!(art17_entry_into_force(d("2001-10-09")), d("2002-04-01"));
        assert_eq!(art20_effective(d("2025-06-27")), d("2025-12-27"));
    }

    #[test]
    fn as_of_parsing() {
        assert_eq!(parse_as_of("2026-06-01").unwrap(), d("2026-06-01"));
        assert!(matches!(
            parse_as_of("1996-12-31"),
            Err(StoreError::BadDate { .. })
        ));
        assert!(parse_as_of("1996-12-31")
            .unwrap_err()
            .to_string()
            .contains("before 1997"));
        assert!(parse_as_of("2026-13-01").is_err());
        assert!(parse_as_of("June 2026")
            .unwrap_err()
            .to_string()
            .contains("YYYY-MM-DD"));
    }

    #[test]
    fn status_words_parse() {
        for s in TreatyStatus::ALL {
            assert_eq!(TreatyStatus::parse(s.as_str()).unwrap(), s);
        }
        assert!(TreatyStatus::parse("party-ish").is_err());
    }
}
