//! `minewatch votes STATE`: the state's vote on each UN General Assembly treaty resolution.

use std::fmt::Write as _;
use std::process::ExitCode;

use minewatch_store::Store;

use crate::db_open::{self, Format};
use crate::Global;

/// STATE, `--known-at` and `--format`, shared with `votes`/`history`.
pub use crate::db_open::StateQueryArgs as Args;

pub fn run(args: Args, g: &Global) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    let known_at = db_open::known_at(args.known_at.as_deref())?;
    let store = db_open::open(g)?;
    let state = db_open::resolve(&store, &args.state)?;
    let votes = store.votes(&state.iso3, known_at)?;
    match args.format {
        Format::Json => {
            let v = serde_json::json!({
                "iso3": state.iso3,
                "name": state.name,
                "un_member": state.un_member,
                "votes": votes
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
        Format::Human => {
            writeln!(
                out,
                "{} ({}): UN General Assembly votes on the treaty resolution",
                state.name, state.iso3
            )?;
            writeln!(
                out,
                "{:<12} {:<11}  {:<8}  {:>4} {:>3} {:>7}",
                "resolution", "date", "vote", "yes", "no", "abstain"
            )?;
            let mut caveats: Vec<String> = Vec::new();
            for v in &votes {
                let mut mark = String::new();
                if let Some(c) = &v.caveat {
                    let i = caveats.iter().position(|x| x == c).unwrap_or_else(|| {
                        caveats.push(c.clone());
                        caveats.len() - 1
                    });
                    mark = format!(" ({})", i + 1);
                }
                writeln!(
                    out,
                    "{:<12} {:<11}  {:<8}  {:>4} {:>3} {:>7}{mark}",
                    v.resolution,
                    v.date.to_string(),
                    v.vote.as_deref().unwrap_or("none"),
                    v.yes,
                    v.no,
                    v.abstain
                )?;
            }
            for (i, c) in caveats.iter().enumerate() {
                writeln!(out, "({}) {c}", i + 1)?;
            }
            if state.un_member {
                writeln!(
                    out,
                    "none: absent, or not a UN member then (the dataset omits absent votes)"
                )?;
            } else {
                writeln!(
                    out,
                    "none: {} is not a UN member state and has no vote in the General Assembly",
                    state.name
                )?;
            }
            if let Some(v) = votes.first() {
                writeln!(out, "source: {}", v.source)?;
            }
        }
    }
    db_open::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
