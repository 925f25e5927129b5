//! `minewatch withdrawal`: when a withdrawal takes effect (Art. 20.3), from a date of
//! deposit or from a state's withdrawal as the knowledge base holds it.

use std::process::ExitCode;

use minewatch_law::{explain, withdrawal, ArmedConflict, Withdrawal};
use minewatch_model::Date;
use serde::Serialize;

use super::deadlines::{status_row, Format, StateInfo};
use crate::Global;

#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["state", "deposited"])))]
pub struct Args {
    /// A state (ISO code or any name) whose instrument of withdrawal, if any, is read
    /// from the knowledge base.
    #[arg(value_name = "STATE", conflicts_with = "deposited")]
    pub state: Option<String>,
    /// Date the depositary received the instrument of withdrawal.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub deposited: Option<Date>,
    /// Armed conflict at the end of the six months: none, ongoing or ended:YYYY-MM-DD.
    #[arg(long, value_name = "STATE", default_value = "none")]
    pub armed_conflict: ArmedConflict,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// A state's withdrawal: `withdrawal` is `None` where it has deposited none.
#[derive(Serialize)]
struct StateWithdrawal {
    /// As `deadlines STATE` gives it.
    state: StateInfo,
    withdrawal: Option<Withdrawal>,
    notes: Vec<String>,
}

pub fn run(args: Args, g: &Global) -> anyhow::Result<ExitCode> {
    let Some(query) = &args.state else {
        let deposited = args
            .deposited
            .ok_or_else(|| anyhow::anyhow!("--deposited is required without STATE"))?;
        let w = withdrawal(deposited, args.armed_conflict)?;
        match args.format {
            Format::Json => println!("{}", serde_json::to_string_pretty(&w)?),
            Format::Human => print!("{}", explain::render_withdrawal(&w)),
        }
        return Ok(ExitCode::SUCCESS);
    };
    let row = status_row(g, query)?;
    let mut notes = Vec::new();
    let w = match row.withdrawal_deposit_date {
        Some(d) => {
            let w = withdrawal(d, args.armed_conflict)?;
            if w.effective != row.withdrawal_effective_date {
                notes.push(format!(
                    "the knowledge base gives the withdrawal effective on {}; Art. 20.3 with armed conflict '{}' gives {}",
                    row.withdrawal_effective_date
                        .map_or_else(|| "no date".to_string(), |d| d.to_string()),
                    args.armed_conflict,
                    w.effective
                        .map_or_else(|| "no date yet".to_string(), |d| d.to_string()),
                ));
            }
            Some(w)
        }
        None => {
            notes.push(if row.deposit_date.is_none() {
                format!(
                    "{} has deposited no instrument of ratification or accession: there is nothing to withdraw from",
                    row.name
                )
            } else {
                format!("{} has deposited no instrument of withdrawal", row.name)
            });
            // What the reference data says of an announced or contested withdrawal
            // (Ukraine's suspension of 2025 is no Art. 20 withdrawal).
            if ["withdraw", "suspen"]
                .iter()
                .any(|w| row.source_note.to_lowercase().contains(w))
            {
                notes.push(format!("the reference data notes: {}", row.source_note));
            }
            None
        }
    };
    let out = StateWithdrawal {
        state: StateInfo::of(&row, row.status_2025.clone()),
        withdrawal: w,
        notes,
    };
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&out)?),
        Format::Human => {
            println!("{}", out.state.title());
            if let Some(w) = &out.withdrawal {
                print!("{}", explain::render_withdrawal(w));
            }
            for n in &out.notes {
                println!("note: {n}");
            }
            println!("{}", out.state.source_line());
        }
    }
    Ok(ExitCode::SUCCESS)
}
