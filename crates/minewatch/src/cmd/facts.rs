//! `minewatch facts STATE`: the candidate facts extracted from the state's stored
//! profiles, each with its sentence, its notes and the citation behind it.

use std::fmt::Write as _;
use std::process::ExitCode;

use minewatch_store::Store;

use crate::db_open::{self, Format};
use crate::Global;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// ISO code, name or alias.
    #[arg(value_name = "STATE")]
    pub state: String,
    /// Only facts with this predicate (e.g. stockpile.total).
    #[arg(long)]
    pub predicate: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

pub fn run(args: Args, g: &Global) -> anyhow::Result<ExitCode> {
    let store = db_open::open(g)?;
    let state = db_open::resolve(&store, &args.state)?;
    let facts: Vec<_> = store
        .profile_facts(Some(&state.iso3))?
        .into_iter()
        .filter(|f| {
            args.predicate
                .as_deref()
                .is_none_or(|p| f.fact.predicate == p)
        })
        .collect();
    let mut out = String::new();
    match args.format {
        Format::Json => {
            let list: Vec<serde_json::Value> = facts
                .iter()
                .map(|f| {
                    serde_json::json!({
                        "status": f.status,
                        "profile_version_id": f.profile_version_id,
                        "source_path": f.source_path,
                        "source": {"title": f.source_title, "url": f.source_url},
                        "recorded_at": f.recorded_at,
                        "fact": serde_json::from_str::<serde_json::Value>(&f.fact.fact_json).unwrap_or(serde_json::Value::Null),
                    })
                })
                .collect();
            let v = serde_json::json!({"iso3": state.iso3, "name": state.name, "count": list.len(), "facts": list});
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
        Format::Human => {
            writeln!(
                out,
                "{} ({}): {} candidate fact(s) from stored profiles",
                state.name,
                state.iso3,
                facts.len()
            )?;
            for f in &facts {
                let one = f.fact.value_json.parse::<f64>() == Ok(1.0);
                let unit = f
                    .fact
                    .unit
                    .as_deref()
                    .map(|u| format!(" {}", minewatch_extract::unit_word(u, one)))
                    .unwrap_or_default();
                let qual = if f.fact.qualifier == "exact" {
                    String::new()
                } else {
                    format!("{} ", f.fact.qualifier)
                };
                let as_of = f
                    .fact
                    .as_of
                    .as_deref()
                    .map(|a| format!(" (as of {a})"))
                    .unwrap_or_default();
                // What the fact says beyond its value ("killed", "type PMN-2"), read from
                // its stored form (one that no longer parses shows none).
                let details = serde_json::from_str::<minewatch_extract::Fact>(&f.fact.fact_json)
                    .map(|x| x.details())
                    .unwrap_or_default();
                let details = if details.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", details.join("; "))
                };
                let notes: String = f.fact.notes.iter().map(|n| format!("[{n}]")).collect();
                let notes = if notes.is_empty() {
                    notes
                } else {
                    format!(" {notes}")
                };
                let line = format!(
                    "{}:{}  {} = {qual}{}{unit}{details}{as_of}{notes}{}",
                    f.source_path.as_deref().unwrap_or("?"),
                    f.fact.line,
                    f.fact.predicate,
                    f.fact.value_json.trim_matches('"'),
                    if f.fact.confidence == "low" {
                        " (low confidence)"
                    } else {
                        ""
                    }
                );
                writeln!(out, "{}", line.trim_end())?;
                if let Some(t) = &f.source_title {
                    writeln!(
                        out,
                        "    source: {t}{}",
                        f.source_url
                            .as_deref()
                            .map(|u| format!(" <{u}>"))
                            .unwrap_or_default()
                    )?;
                } else if !f.fact.notes.is_empty() {
                    writeln!(
                        out,
                        "    source: note missing from the profile (source gap)"
                    )?;
                }
            }
        }
    }
    db_open::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
