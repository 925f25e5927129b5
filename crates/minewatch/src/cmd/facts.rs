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
    /// Only facts with this predicate (e.g. stockpile.total), or a family of them
    /// (stockpile: stockpile.total, stockpile.destroyed, ...).
    #[arg(long)]
    pub predicate: Option<String>,
    /// Also the facts of earlier versions of each profile (each labelled with its
    /// version); by default only each profile's current version, the one last updated
    /// latest.
    #[arg(long)]
    pub all_versions: bool,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// The predicates `--predicate` takes: one of the extractor's, or the part before its
/// dot naming a family ("stockpile"); anything else is refused with the nearest names.
fn check_predicate(p: &str) -> anyhow::Result<()> {
    let known = minewatch_extract::PREDICATES;
    let family = |k: &str| k.split('.').next().unwrap_or(k).to_string();
    if known.contains(&p) || known.iter().any(|k| family(k) == p) {
        return Ok(());
    }
    let mut near: Vec<(usize, &str)> = known.iter().map(|k| (strsim_distance(p, k), *k)).collect();
    near.sort();
    let near: Vec<&str> = near
        .iter()
        .filter(|(d, _)| *d <= (p.chars().count() / 3).max(2))
        .take(3)
        .map(|(_, k)| *k)
        .collect();
    let hint = if near.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", near.join(", "))
    };
    anyhow::bail!(
        "--predicate: unknown predicate '{p}'{hint} (all: {})",
        known.join(", ")
    )
}

/// Edit distance (Levenshtein), for "did you mean".
fn strsim_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

pub fn run(args: Args, g: &Global) -> anyhow::Result<ExitCode> {
    if let Some(p) = &args.predicate {
        check_predicate(p)?;
    }
    let store = db_open::open(g)?;
    let state = db_open::resolve(&store, &args.state)?;
    let wanted: Vec<_> = store
        .profile_facts(Some(&state.iso3))?
        .into_iter()
        .filter(|f| {
            args.predicate.as_deref().is_none_or(|p| {
                f.fact.predicate == p
                    || f.fact
                        .predicate
                        .strip_prefix(p)
                        .is_some_and(|r| r.starts_with('.'))
            })
        })
        .collect();
    let superseded = wanted.iter().filter(|f| !f.current).count();
    let facts: Vec<_> = wanted
        .into_iter()
        .filter(|f| args.all_versions || f.current)
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
                        "version": f.version,
                        "last_updated": f.last_updated,
                        "current": f.current,
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
                "{} ({}): {} candidate fact(s) from {}",
                state.name,
                state.iso3,
                facts.len(),
                if args.all_versions {
                    "every stored version of its profiles"
                } else {
                    "the current version of each stored profile"
                }
            )?;
            if !args.all_versions && superseded > 0 {
                writeln!(
                    out,
                    "  ({superseded} more from earlier versions: --all-versions lists them)"
                )?;
            }
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
                // (Beside all versions, which one: "v2, superseded".)
                let version = if args.all_versions {
                    format!(
                        " (v{}{})",
                        f.version,
                        if f.current {
                            ", current"
                        } else {
                            ", superseded"
                        }
                    )
                } else {
                    String::new()
                };
                // Money another gave the state: whose ("spending by USA").
                let by = if f.fact.subject == state.iso3 {
                    String::new()
                } else {
                    format!(" by {}", f.fact.subject)
                };
                let line = format!(
                    "{}:{}{version}  {}{by} = {qual}{}{unit}{details}{as_of}{notes}{}",
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
