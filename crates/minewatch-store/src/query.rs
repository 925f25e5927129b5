//! Queries shared by every backend, written against the [`Store`] trait.

use std::collections::{BTreeMap, HashMap};

use minewatch_model::Date;
use serde::Serialize;

use crate::clock::Timestamp;
use crate::error::{Result, StoreError};
use crate::status::{
    self, art17_entry_into_force, art20_effective, compute_status, StatusRecord, TreatyStatus,
};
use crate::types::{predicate as p, Confidence, Fact, FactFilter, StateInfo};
use crate::{StatusQuery, Store};

/// Resolve a code, name or alias to a stored state; unknown names get suggestions.
pub fn resolve<S: Store + ?Sized>(store: &S, query: &str) -> Result<StateInfo> {
    let unknown = || StoreError::UnknownState {
        query: minewatch_refdata::shown_query(query).into_owned(),
        suggestions: minewatch_refdata::suggest_states(query, 3)
            .iter()
            .map(|s| format!("{} ({})", s.name, s.iso3))
            .collect(),
    };
    if query.trim().is_empty() {
        return Err(StoreError::Invalid(
            "no state given: name one by ISO code (FIN, FI, 246) or name (Finland)".into(),
        ));
    }
    let code = match minewatch_refdata::resolve_state(query)
        .or_else(|| minewatch_refdata::state_by_numeric(query))
    {
        Some(s) => s.iso3.clone(),
        None => query.trim().to_ascii_uppercase(),
    };
    store.state(&code)?.ok_or_else(unknown)
}

fn mbt_filter(subject: Option<&str>, known_at: Option<Timestamp>) -> FactFilter {
    FactFilter {
        subject: subject.map(str::to_string),
        predicate_prefix: Some("mbt.".into()),
        known_at,
        all_versions: false,
        all_ranks: false,
    }
}

pub fn status<S: Store + ?Sized>(store: &S, iso3: &str, q: &StatusQuery) -> Result<StatusRecord> {
    let state = store.state(iso3)?.ok_or_else(|| StoreError::UnknownState {
        query: iso3.to_string(),
        suggestions: vec![],
    })?;
    // One read; best-ranked and side-by-side views from it.
    let versions = store.fact_versions(&mbt_filter(Some(iso3), q.known_at))?;
    if let (Some(known_at), true) = (q.known_at, versions.is_empty()) {
        // Nothing known then, but recorded later: the knowledge base did not know yet
        // (a state it never has a record of keeps the answer its data gives).
        let later = store.fact_versions(&mbt_filter(Some(iso3), None))?;
        if let Some(first) = later.iter().map(|f| f.recorded_at).min() {
            return Err(StoreError::NotYetKnown {
                name: state.name.clone(),
                iso3: state.iso3.clone(),
                known_at: known_at.to_string(),
                first: first.to_string(),
            });
        }
    }
    let facts = status::resolve_ranks(versions.clone(), false);
    let mut rec = compute_status(&state, &facts, q.as_of);
    let all = status::resolve_ranks(versions, true);
    rec.alternatives = all
        .into_iter()
        .filter(|f| !facts.iter().any(|b| b.id == f.id))
        .collect();
    Ok(rec)
}

pub fn states<S: Store + ?Sized>(
    store: &S,
    filter: Option<TreatyStatus>,
    q: &StatusQuery,
) -> Result<Vec<StatusRecord>> {
    let list = store.list_states()?;
    let facts = store.facts(&mbt_filter(None, q.known_at))?;
    let mut by_subject: HashMap<&str, Vec<Fact>> = HashMap::new();
    for f in &facts {
        by_subject
            .entry(f.subject.as_str())
            .or_default()
            .push(f.clone());
    }
    // With `known_at`, a state whose status was recorded only later was not known
    // then: it is left out rather than shown as not party (see `status`).
    let mut recorded_later: std::collections::HashSet<String> = Default::default();
    if let Some(known_at) = q.known_at {
        let all = store.facts(&mbt_filter(None, None))?;
        if facts.is_empty() {
            if let Some(first) = all.iter().map(|f| f.recorded_at).min() {
                return Err(StoreError::NothingYetKnown {
                    known_at: known_at.to_string(),
                    first: first.to_string(),
                });
            }
        }
        recorded_later = all
            .iter()
            .filter(|f| !by_subject.contains_key(f.subject.as_str()))
            .map(|f| f.subject.clone())
            .collect();
    }
    let empty = Vec::new();
    Ok(list
        .iter()
        .filter(|s| !recorded_later.contains(&s.iso3))
        .map(|s| {
            compute_status(
                s,
                by_subject.get(s.iso3.as_str()).unwrap_or(&empty),
                q.as_of,
            )
        })
        .filter(|r| filter.is_none_or(|f| r.status == f))
        .collect())
}

/// One entry of a state's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// None for entries without a date (they sort last).
    pub date: Option<Date>,
    /// `signature`, `deposit`, `entry-into-force`, `withdrawal-deposit`, `withdrawal-effective`,
    /// `ccw-party`, `ccw-apii-consent`, `unga-vote`, `profile-version`.
    pub kind: String,
    pub description: String,
    pub source: String,
    pub url: Option<String>,
    pub confidence: Confidence,
    /// Caveats: unverified values, dataset dates that are not plenary dates, ...
    pub flags: Vec<String>,
}

pub fn history<S: Store + ?Sized>(
    store: &S,
    iso3: &str,
    known_at: Option<Timestamp>,
) -> Result<Vec<TimelineEntry>> {
    let state = store.state(iso3)?.ok_or_else(|| StoreError::UnknownState {
        query: iso3.to_string(),
        suggestions: vec![],
    })?;
    let facts = store.facts(&FactFilter {
        subject: Some(iso3.into()),
        known_at,
        ..FactFilter::default()
    })?;
    let resolutions: HashMap<String, crate::Resolution> = store
        .resolutions(known_at)?
        .into_iter()
        .map(|r| (r.resolution.clone(), r))
        .collect();
    let mut out = Vec::new();
    for f in &facts {
        let mut flags = Vec::new();
        if !f.confidence.verified() || !f.source.confidence.verified() {
            flags.push("UNVERIFIED (low confidence)".to_string());
        }
        let (kind, description, date) = match f.predicate.as_str() {
            p::MBT_SIGNATURE => (
                "signature",
                format!("{} signed the Mine Ban Treaty", state.name),
                f.value_date,
            ),
            p::MBT_DEPOSIT => (
                "deposit",
                format!(
                    "instrument of {} deposited",
                    f.value_text.as_deref().unwrap_or("consent")
                ),
                f.value_date,
            ),
            p::MBT_ENTRY_INTO_FORCE => (
                "entry-into-force",
                "the treaty entered into force: State Party".to_string(),
                f.value_date,
            ),
            p::MBT_WITHDRAWAL_DEPOSIT => (
                "withdrawal-deposit",
                "instrument of withdrawal deposited (Art. 20)".to_string(),
                f.value_date,
            ),
            p::MBT_WITHDRAWAL_EFFECTIVE => (
                "withdrawal-effective",
                "withdrawal took effect: no longer party".to_string(),
                f.value_date,
            ),
            p::CCW_PARTY => match f.value_date {
                Some(d) => ("ccw-party", "became party to the CCW".to_string(), Some(d)),
                None => continue,
            },
            p::CCW_APII_CONSENT => match f.value_date {
                Some(d) => (
                    "ccw-apii-consent",
                    "consented to CCW Amended Protocol II".to_string(),
                    Some(d),
                ),
                None => continue,
            },
            p::UNGA_VOTE => {
                let r = resolutions.get(&f.slot);
                if r.is_some_and(|r| !r.treaty_resolution) {
                    continue; // 52/38H is not the treaty resolution
                }
                if let Some(c) = r.and_then(|r| r.caveat.clone()) {
                    flags.push(c);
                }
                if let Some(n) = &f.reason {
                    flags.push(n.clone());
                }
                (
                    "unga-vote",
                    format!(
                        "voted {} on UNGA resolution {}",
                        f.value_text.as_deref().unwrap_or("?"),
                        f.slot
                    ),
                    f.valid_from,
                )
            }
            _ => continue,
        };
        out.push(TimelineEntry {
            date,
            kind: kind.into(),
            description,
            source: f.source.title.clone(),
            url: f.source.url.clone(),
            confidence: f.confidence,
            flags,
        });
    }
    for v in store.profile_versions(Some(iso3), known_at)? {
        out.push(TimelineEntry {
            date: v.last_updated.or(Some(v.recorded_at.date())),
            kind: "profile-version".into(),
            description: format!(
                "{} profile, version {} (last updated {}; {}; profile checks at ingest: {}, {})",
                v.profile_type.as_deref().unwrap_or("untyped"),
                v.version,
                v.last_updated
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "unknown".into()),
                counted(v.note_count, "note"),
                counted(v.error_count, "error"),
                counted(v.warning_count, "warning")
            ),
            source: v
                .source_path
                .clone()
                .unwrap_or_else(|| format!("sha256:{}", v.content_hash)),
            url: None,
            confidence: Confidence::High,
            flags: if v.last_updated.is_none() {
                vec!["dated by recorded time: no last-updated date".into()]
            } else {
                vec![]
            },
        });
    }
    out.sort_by_key(|a| (a.date.is_none(), a.date));
    if let (Some(known_at), true) = (known_at, out.is_empty()) {
        // Nothing recorded by then, but later: the knowledge base did not know yet
        // (an empty timeline would read as "nothing happened"), as `status` says.
        let first = first_recorded(store, iso3)?;
        if let Some(first) = first {
            return Err(StoreError::NotYetKnown {
                name: state.name.clone(),
                iso3: state.iso3.clone(),
                known_at: known_at.to_string(),
                first: first.to_string(),
            });
        }
    }
    Ok(out)
}

/// When the knowledge base first recorded anything about a state (a fact of it, or a
/// profile version), if ever.
fn first_recorded<S: Store + ?Sized>(store: &S, iso3: &str) -> Result<Option<Timestamp>> {
    let facts = store.fact_versions(&FactFilter {
        subject: Some(iso3.into()),
        all_versions: true,
        ..FactFilter::default()
    })?;
    let profiles = store.profile_versions(Some(iso3), None)?;
    Ok(facts
        .iter()
        .map(|f| f.recorded_at)
        .chain(profiles.iter().map(|v| v.recorded_at))
        .min())
}

/// A state's vote on one roll call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoteRecord {
    pub resolution: String,
    pub session: i64,
    pub date: Date,
    pub date_is_plenary: bool,
    pub treaty_resolution: bool,
    /// `yes`, `no`, `abstain`, or None when absent or not recorded.
    pub vote: Option<String>,
    pub yes: i64,
    pub no: i64,
    pub abstain: i64,
    pub caveat: Option<String>,
    pub source: String,
}

pub fn votes<S: Store + ?Sized>(
    store: &S,
    iso3: &str,
    known_at: Option<Timestamp>,
) -> Result<Vec<VoteRecord>> {
    if store.state(iso3)?.is_none() {
        return Err(StoreError::UnknownState {
            query: iso3.to_string(),
            suggestions: vec![],
        });
    }
    let facts = store.facts(&FactFilter {
        subject: Some(iso3.into()),
        predicate_prefix: Some(p::UNGA_VOTE.into()),
        known_at,
        ..FactFilter::default()
    })?;
    let by_res: HashMap<&str, &Fact> = facts.iter().map(|f| (f.slot.as_str(), f)).collect();
    let resolutions = store.resolutions(known_at)?;
    if let (Some(known_at), true) = (known_at, resolutions.is_empty()) {
        // No roll call recorded by then: an empty table would read as "it never voted".
        let recorded_later = !store.resolutions(None)?.is_empty();
        if let (true, Some(first)) = (recorded_later, first_recorded(store, iso3)?) {
            return Err(StoreError::VotesNotYetKnown {
                known_at: known_at.to_string(),
                first: first.to_string(),
            });
        }
    }
    Ok(resolutions
        .into_iter()
        .map(|r| VoteRecord {
            vote: by_res
                .get(r.resolution.as_str())
                .and_then(|f| f.value_text.clone()),
            resolution: r.resolution,
            session: r.session,
            date: r.date,
            date_is_plenary: r.date_is_plenary,
            treaty_resolution: r.treaty_resolution,
            yes: r.yes,
            no: r.no,
            abstain: r.abstain,
            caveat: r.caveat,
            source: r.source.title,
        })
        .collect())
}

/// A row that contradicts another row or a treaty rule (or is an explained exception).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub iso3: String,
    /// `warning` (needs a look), `note` (explained or informational).
    pub severity: String,
    /// Stable code: `eif-rule`, `eif-rule-exception`, `withdrawal-rule`, `missing-deposit`,
    /// `signature-after-deposit`, `reported-status`, `conflict`, `unverified`.
    pub code: String,
    pub message: String,
}

fn finding(iso3: &str, severity: &str, code: &str, message: String) -> Finding {
    Finding {
        iso3: iso3.into(),
        severity: severity.into(),
        code: code.into(),
        message,
    }
}

pub fn consistency<S: Store + ?Sized>(store: &S) -> Result<Vec<Finding>> {
    let exceptions: HashMap<String, String> =
        crate::refload::eif_exceptions()?.into_iter().collect();
    let best = store.facts(&mbt_filter(None, None))?;
    let all = store.facts(&FactFilter {
        all_ranks: true,
        ..mbt_filter(None, None)
    })?;
    let mut by: BTreeMap<&str, HashMap<&str, &Fact>> = BTreeMap::new();
    for f in &best {
        by.entry(f.subject.as_str())
            .or_default()
            .insert(f.predicate.as_str(), f);
    }
    let mut out = Vec::new();
    let end_2025 = Date::new(2025, 12, 31).expect("valid date");
    for state in store.list_states()? {
        let iso = state.iso3.as_str();
        let Some(m) = by.get(iso) else { continue };
        let date = |pr: &str| m.get(pr).and_then(|f| f.value_date);
        let (sig, dep, eif, wdep, weff) = (
            date(p::MBT_SIGNATURE),
            date(p::MBT_DEPOSIT),
            date(p::MBT_ENTRY_INTO_FORCE),
            date(p::MBT_WITHDRAWAL_DEPOSIT),
            date(p::MBT_WITHDRAWAL_EFFECTIVE),
        );
        match (dep, eif) {
            (Some(d), Some(e)) => {
                let rule = art17_entry_into_force(d);
                if rule != e {
                    match exceptions.get(iso) {
                        Some(why) => out.push(finding(
                            iso,
                            "note",
                            "eif-rule-exception",
                            format!("entry into force {e} differs from the Art. 17 rule ({rule}, deposit {d}); a legitimate exception: {why}"),
                        )),
                        None => out.push(finding(
                            iso,
                            "warning",
                            "eif-rule",
                            format!("entry into force {e} contradicts Art. 17: deposit on {d} gives {rule}"),
                        )),
                    }
                }
            }
            (Some(d), None) => out.push(finding(
                iso,
                "warning",
                "missing-deposit",
                format!("deposit on {d} but no entry into force"),
            )),
            (None, Some(e)) => out.push(finding(
                iso,
                "warning",
                "missing-deposit",
                format!("entry into force {e} but no deposit"),
            )),
            (None, None) => {}
        }
        if let (Some(s), Some(d)) = (sig, dep) {
            if s > d {
                out.push(finding(
                    iso,
                    "warning",
                    "signature-after-deposit",
                    format!("signed {s}, after depositing on {d}"),
                ));
            }
        }
        match (wdep, weff) {
            (Some(w), Some(e)) if art20_effective(w) != e => out.push(finding(
                iso,
                "warning",
                "withdrawal-rule",
                format!("withdrawal deposited {w} takes effect {e}, not six months later ({}) as Art. 20 has it", art20_effective(w)),
            )),
            (Some(w), None) => out.push(finding(iso, "warning", "withdrawal-rule", format!("withdrawal deposited {w} with no effective date"))),
            (None, Some(e)) => out.push(finding(iso, "warning", "withdrawal-rule", format!("withdrawal effective {e} with no deposit"))),
            _ => {}
        }
        if let Some(r) = m
            .get(p::MBT_REPORTED_STATUS)
            .and_then(|f| f.value_text.as_deref())
        {
            let computed = compute_status(
                &state,
                &best
                    .iter()
                    .filter(|f| f.subject == iso)
                    .cloned()
                    .collect::<Vec<_>>(),
                end_2025,
            )
            .status;
            let l = r.to_ascii_lowercase();
            let expected = if l.starts_with("state party") {
                Some(TreatyStatus::StateParty)
            } else if l.starts_with("withdrawn") {
                Some(TreatyStatus::Withdrawn)
            } else if l.starts_with("signatory") {
                Some(TreatyStatus::Signatory)
            } else {
                None // "not party": not-party or signatory, both are not party
            };
            let ok = match expected {
                Some(e) => e == computed,
                None => matches!(computed, TreatyStatus::NotParty | TreatyStatus::Signatory),
            };
            if !ok {
                out.push(finding(
                    iso,
                    "warning",
                    "reported-status",
                    format!("the source's status \"{r}\" contradicts the dates, which give {computed} on {end_2025}"),
                ));
            }
        }
        for f in m.values() {
            if !f.confidence.verified() {
                out.push(finding(
                    iso,
                    "note",
                    "unverified",
                    format!(
                        "{} ({}) has low confidence: not yet verified against a source",
                        f.predicate,
                        f.value_date
                            .map(|d| d.to_string())
                            .or(f.value_text.clone())
                            .unwrap_or_default()
                    ),
                ));
            }
        }
    }
    // Claims side by side with different values.
    let mut groups: BTreeMap<(&str, &str, &str), Vec<&Fact>> = BTreeMap::new();
    for f in &all {
        groups
            .entry((f.subject.as_str(), f.predicate.as_str(), f.slot.as_str()))
            .or_default()
            .push(f);
    }
    for ((s, pr, _), fs) in groups {
        if fs.len() < 2 {
            continue;
        }
        let values: Vec<String> = fs
            .iter()
            .map(|f| {
                format!(
                    "{} [{}{}]",
                    f.value_date
                        .map(|d| d.to_string())
                        .or(f.value_text.clone())
                        .unwrap_or_default(),
                    f.rank.as_str(),
                    f.reason
                        .as_ref()
                        .map(|r| format!(": {r}"))
                        .unwrap_or_default()
                )
            })
            .collect();
        out.push(finding(
            s,
            "note",
            "conflict",
            format!(
                "{pr}: {} claims side by side: {}",
                fs.len(),
                values.join(" vs ")
            ),
        ));
    }
    Ok(out)
}

/// Re-export for callers that want the rank logic directly.
pub use status::resolve_ranks;

/// "1 note", "2 notes", "0 errors".
fn counted(n: impl Into<i64>, noun: &str) -> String {
    let n = n.into();
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
