//! `minewatch states`: every state's status on a date, optionally filtered.

use std::fmt::Write as _;
use std::process::ExitCode;

use minewatch_store::{StatusQuery, Store, TreatyStatus};

use crate::db_open::{self, or_dash, Format};
use crate::Global;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Only states with this status: state-party, signatory, not-party, withdrawn.
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
    /// The date the statuses hold on (YYYY-MM-DD, 1997 or later; default today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<String>,
    /// Answer with what the database knew then (YYYY-MM-DD: the end of that day).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub known_at: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

pub fn run(args: Args, g: &Global) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    let filter = args
        .status
        .as_deref()
        .map(TreatyStatus::parse)
        .transpose()?;
    let as_of = db_open::as_of(args.as_of.as_deref())?;
    let known_at = db_open::known_at(args.known_at.as_deref())?;
    let store = db_open::open(g)?;
    let list = store.states(filter, &StatusQuery { as_of, known_at })?;
    match args.format {
        Format::Json => {
            #[derive(serde::Serialize)]
            struct Out<'a> {
                count: usize,
                states: &'a [minewatch_store::StatusRecord],
            }
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&Out {
                    count: list.len(),
                    states: &list
                })?
            )?;
        }
        Format::Human => {
            writeln!(
                out,
                "{:<4} {:<34} {:<12} {:<11} {:<11} {:<11}",
                "code", "name", "status", "deposit", "in force", "withdrawn"
            )?;
            for r in &list {
                let flag = if r.confidence.verified() {
                    ""
                } else {
                    "  [UNVERIFIED]"
                };
                let name: String = r.name.chars().take(34).collect();
                writeln!(
                    out,
                    "{:<4} {:<34} {:<12} {:<11} {:<11} {:<11}{flag}",
                    r.iso3,
                    name,
                    r.status.as_str(),
                    or_dash(&r.deposit_date),
                    or_dash(&r.entry_into_force),
                    or_dash(&r.withdrawal_effective_date)
                )?;
            }
            let what = filter
                .map(|f| format!(" with status {f}"))
                .unwrap_or_default();
            writeln!(
                out,
                "{} states and other areas{what} as of {as_of}",
                list.len()
            )?;
        }
    }
    db_open::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}
