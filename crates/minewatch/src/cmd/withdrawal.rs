//! `minewatch withdrawal`: when a withdrawal takes effect (Art. 20.3).

use std::process::ExitCode;

use minewatch_law::{explain, withdrawal, ArmedConflict};
use minewatch_model::Date;

use super::deadlines::Format;
use crate::Global;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Date the depositary received the instrument of withdrawal.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub deposited: Date,
    /// Armed conflict at the end of the six months: none, ongoing or ended:YYYY-MM-DD.
    #[arg(long, value_name = "STATE", default_value = "none")]
    pub armed_conflict: ArmedConflict,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

pub fn run(args: Args, _g: &Global) -> anyhow::Result<ExitCode> {
    let w = withdrawal(args.deposited, args.armed_conflict)?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&w)?),
        Format::Human => print!("{}", explain::render_withdrawal(&w)),
    }
    Ok(ExitCode::SUCCESS)
}
