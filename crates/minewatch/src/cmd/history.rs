//! `minewatch history STATE`: the state's timeline, in date order, with sources.

use std::fmt::Write as _;
use std::process::ExitCode;

use minewatch_store::Store;

use crate::db_open::{self, or_dash, Format};
use crate::Global;

/// STATE, `--known-at` and `--format`, shared with `votes`/`history`.
pub use crate::db_open::StateQueryArgs as Args;

pub fn run(args: Args, g: &Global) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    let known_at = db_open::known_at(args.known_at.as_deref())?;
    let store = db_open::open(g)?;
    let state = db_open::resolve(&store, &args.state)?;
    let h = store.history(&state.iso3, known_at)?;
    match args.format {
        Format::Json => {
            let v = serde_json::json!({ "iso3": state.iso3, "name": state.name, "events": h });
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
        Format::Human => {
            writeln!(out, "{} ({}): {} events", state.name, state.iso3, h.len())?;
            for e in &h {
                let flags = if e.flags.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", e.flags.join("; "))
                };
                writeln!(
                    out,
                    "{:<10}  {:<20}  {}{flags}",
                    or_dash(&e.date),
                    e.kind,
                    e.description
                )?;
                writeln!(
                    out,
                    "{:<10}  {:<20}  source: {}{}",
                    "",
                    "",
                    e.source,
                    e.url
                        .as_ref()
                        .map(|u| format!(" <{u}>"))
                        .unwrap_or_default()
                )?;
            }
        }
    }
    db_open::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
