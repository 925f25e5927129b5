//! `minewatch compliance`: Art. 4 stockpile destruction over time, for a state.
//!
//! The state's entry into force (and any withdrawal) comes from the reference data;
//! stockpile facts come from `--facts FILE` (a JSON list) until the knowledge base
//! stores them.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use minewatch_law::{explain, parse_facts, stockpile_compliance, ComplianceReport, StockpileFact};
use serde::Serialize;

use super::classify::read_text;
use super::deadlines::{party_row, Format};
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
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

#[derive(Serialize)]
struct Output {
    iso3: String,
    name: String,
    #[serde(flatten)]
    report: ComplianceReport,
    notes: Vec<String>,
}

pub fn run(args: Args, _g: &Global) -> anyhow::Result<ExitCode> {
    let row = party_row(&args.state)?;
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
            notes.push(
                "no stockpile facts given: the knowledge base does not store them yet; pass --facts FILE".to_string(),
            );
            Vec::new()
        }
    };
    let report = stockpile_compliance(eif, &facts, row.withdrawal_effective_date);
    let out = Output {
        iso3: row.iso3.clone(),
        name: row.name.clone(),
        report,
        notes,
    };
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&out)?),
        Format::Human => {
            println!("{} ({})", out.name, out.iso3);
            print!("{}", explain::render_compliance(&out.report));
            for n in &out.notes {
                println!("note: {n}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
