//! `minewatch compliance`: Art. 4 stockpile destruction over time, for a state.
//!
//! The state's entry into force (and any withdrawal) comes from the reference data;
//! stockpile facts come from `--facts FILE` (a JSON list) or, without it, from the
//! candidate facts the knowledge base extracted from the state's ingested profiles.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use minewatch_law::{explain, parse_facts, stockpile_compliance, ComplianceReport, StockpileFact};
use serde::Serialize;

use super::classify::read_text;
use super::deadlines::{not_bound, status_row, Format};
use crate::Global;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// A state (ISO code or any name).
    #[arg(value_name = "STATE")]
    pub state: String,
    /// JSON list of stockpile facts:
    /// [{"kind":"stockpile","date":"YYYY-MM-DD","quantity":N}, {"kind":"destruction_completed","date":"YYYY-MM-DD"}].
    #[arg(long, value_name = "FILE|-")]
    pub facts: Option<PathBuf>,
    /// Assess as of this date (YYYY-MM-DD; default today): facts after it are not
    /// weighed, and nothing is a violation before the deadline has passed.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Serialize)]
struct Output {
    iso3: String,
    name: String,
    /// Whether Art. 4 binds the state at all (it has deposited an instrument).
    applies: bool,
    /// Why it does not, where it does not.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(flatten)]
    report: Option<ComplianceReport>,
    notes: Vec<String>,
}

pub fn run(args: Args, g: &Global) -> anyhow::Result<ExitCode> {
    let row = status_row(g, &args.state)?;
    if let Some(reason) = not_bound(&row) {
        let mut notes = Vec::new();
        if let Some(p) = &args.facts {
            notes.push(format!(
                "{}: not weighed, Art. 4 does not bind {}",
                p.display(),
                row.name
            ));
        }
        let out = Output {
            iso3: row.iso3.clone(),
            name: row.name.clone(),
            applies: false,
            reason: Some(reason),
            report: None,
            notes,
        };
        match args.format {
            Format::Json => println!("{}", serde_json::to_string_pretty(&out)?),
            Format::Human => {
                println!("{} ({})", out.name, out.iso3);
                println!(
                    "Art. 4 does not bind it: {}",
                    out.reason.as_deref().unwrap_or_default()
                );
                for n in &out.notes {
                    println!("note: {n}");
                }
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let eif = row
        .entry_into_force
        .context("entry into force missing in the reference data")?;
    let mut notes = Vec::new();
    let facts: Vec<StockpileFact> = match &args.facts {
        Some(p) => {
            let text = read_text(p)?;
            parse_facts(&text).with_context(|| p.display().to_string())?
        }
        None => {
            let (facts, undated) = stored_facts(g, &row.iso3)?;
            if facts.is_empty() && undated.is_empty() {
                notes.push(format!(
                    "no stockpile facts are stored for {}: ingest its profiles (minewatch ingest) or pass --facts FILE",
                    row.name
                ));
            } else if facts.is_empty() {
                notes.push(format!(
                    "no stockpile fact stored for {} can be placed in time: {}",
                    row.name,
                    undated.join("; ")
                ));
            } else {
                notes.push(format!(
                    "{} stockpile fact(s) from the knowledge base (candidates extracted from ingested profiles; \
                     a year stands for its first day, a month for its first day)",
                    facts.len()
                ));
                if !undated.is_empty() {
                    notes.push(format!("left out: {}", undated.join("; ")));
                }
            }
            facts
        }
    };
    let as_of = match args.as_of.as_deref() {
        None => minewatch_model::Date::today(),
        Some(a) => a
            .parse::<minewatch_model::Date>()
            .map_err(|e| anyhow::anyhow!("--as-of: {e}"))?,
    };
    let report = stockpile_compliance(eif, &facts, row.withdrawal_effective_date, as_of)?;
    let out = Output {
        iso3: row.iso3.clone(),
        name: row.name.clone(),
        applies: true,
        reason: None,
        report: Some(report),
        notes,
    };
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&out)?),
        Format::Human => {
            println!("{} ({})", out.name, out.iso3);
            if let Some(r) = &out.report {
                print!("{}", explain::render_compliance(r));
            }
            for n in &out.notes {
                println!("note: {n}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// "2014" → 2014-01-01, "2014-06" → 2014-06-01, "2014-06-27" → itself.
fn start_of(as_of: &str) -> Option<minewatch_model::Date> {
    let mut parts = as_of.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next().map(|m| m.parse().ok()).unwrap_or(Some(1))?;
    let d: u32 = parts.next().map(|d| d.parse().ok()).unwrap_or(Some(1))?;
    minewatch_model::Date::new(y, m, d).ok()
}

/// Stockpile totals and completed destruction among the state's stored candidate facts
/// (high confidence only), with where each was read; and, said of each, the stockpile
/// figures and completions left out because they give no single time (a figure with
/// no date, for a period, or up to a date) — a reader must know they were not weighed.
fn stored_facts(g: &Global, iso3: &str) -> anyhow::Result<(Vec<StockpileFact>, Vec<String>)> {
    use minewatch_store::Store;
    let store = crate::db_open::open(g)?;
    let mut out = Vec::new();
    let mut undated = Vec::new();
    // Each version of a profile stores its facts: the same figure for the same time
    // is weighed once, from the newest edition that states it; where editions differ
    // for a time, the newest edition's figure stands (a correction).
    let mut facts: Vec<_> = store
        .profile_facts(Some(iso3))?
        .into_iter()
        // (Its own facts, not the money others gave it.)
        .filter(|f| f.fact.confidence == "high" && f.fact.subject == iso3)
        .collect();
    facts.sort_by(|a, b| {
        (b.current, &b.last_updated, b.version).cmp(&(a.current, &a.last_updated, a.version))
    });
    let several = facts
        .iter()
        .map(|f| f.profile_version_id)
        .collect::<std::collections::HashSet<_>>()
        .len()
        > 1;
    let mut taken: std::collections::HashSet<(bool, minewatch_model::Date)> =
        std::collections::HashSet::new();
    for f in facts {
        // (Left-out figures are named by place only: one mention each, whatever the
        // versions that repeat them.)
        let place = format!(
            "{}:{}",
            f.source_path.as_deref().unwrap_or("?"),
            f.fact.line
        );
        let at = if several {
            format!("{place} (v{})", f.version)
        } else {
            place.clone()
        };
        let source = Some(format!(
            "{at} {}",
            f.fact
                .notes
                .iter()
                .map(|n| format!("[{n}]"))
                .collect::<String>()
        ));
        match f.fact.predicate.as_str() {
            "stockpile.total" => {
                let Ok(quantity) = f.fact.value_json.parse::<f64>() else {
                    continue; // a range: no single quantity to weigh
                };
                let Some(date) = f.fact.as_of.as_deref().and_then(start_of) else {
                    undated.push(match f.fact.as_of.as_deref() {
                        None => format!("a stockpile of {quantity} mines with no date ({place})"),
                        Some(a) => {
                            format!(
                                "a stockpile of {quantity} mines for {a}, not a single time ({place})"
                            )
                        }
                    });
                    continue;
                };
                if !taken.insert((false, date)) {
                    continue;
                }
                out.push(StockpileFact::Stockpile {
                    date,
                    quantity: quantity as u64,
                    source,
                });
            }
            "stockpile.destruction_completed" => {
                let Some(date) = start_of(f.fact.value_json.trim_matches('"')) else {
                    undated.push(format!(
                        "a completed destruction dated {} ({place})",
                        f.fact.value_json.trim_matches('"')
                    ));
                    continue;
                };
                if !taken.insert((true, date)) {
                    continue;
                }
                out.push(StockpileFact::DestructionCompleted { date, source });
            }
            _ => {}
        }
    }
    out.sort_by_key(|f| f.date());
    // (Each version of a profile stores its facts: one mention a place.)
    let mut seen = std::collections::HashSet::new();
    undated.retain(|u| seen.insert(u.clone()));
    Ok((out, undated))
}
