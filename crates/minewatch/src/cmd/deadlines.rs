//! `minewatch deadlines`: entry into force (Art. 17) and the deadlines that run from it.

use std::process::ExitCode;

use anyhow::{bail, Context};
use minewatch_law::{
    deadlines, explain, withdrawal, ArmedConflict, ConsentInstrument, DeadlineInput, Deadlines,
    Withdrawal,
};
use minewatch_model::Date;
use serde::Serialize;

use crate::Global;

/// Output format of the law commands.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["state", "deposit"])))]
pub struct Args {
    /// A state (ISO code or any name) whose deposit is read from the reference data.
    #[arg(value_name = "STATE", conflicts_with_all = ["deposit", "succession_date"])]
    pub state: Option<String>,
    /// Date the instrument was deposited with the UN Secretary-General.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub deposit: Option<Date>,
    /// Kind of instrument: ratification, accession, acceptance, approval or succession.
    #[arg(long, value_name = "KIND", default_value = "ratification")]
    pub instrument: ConsentInstrument,
    /// Explicit entry-into-force date of a succession (e.g. independence); wins over Art. 17.
    #[arg(long, value_name = "YYYY-MM-DD", visible_alias = "entry-into-force")]
    pub succession_date: Option<Date>,
    /// A granted Art. 5 extension: the new clearance deadline (repeat, in order).
    #[arg(long = "extension", value_name = "YYYY-MM-DD")]
    pub extensions: Vec<Date>,
    /// Date the "next annual report" is relative to (default: today).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Option<Date>,
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// A state, as the reference data has it, with its status on the date asked about.
#[derive(Serialize)]
pub(crate) struct StateInfo {
    iso3: String,
    name: String,
    status_2025: String,
    source_url: String,
    confidence: String,
}

impl StateInfo {
    pub(crate) fn of(row: &minewatch_refdata::MbtStatusRow, status: String) -> StateInfo {
        StateInfo {
            iso3: row.iso3.clone(),
            name: row.name.clone(),
            status_2025: status,
            source_url: row.source_url.clone(),
            confidence: row.confidence.clone(),
        }
    }

    /// "Finland (FIN): withdrawn", the first line of a state's answer.
    pub(crate) fn title(&self) -> String {
        format!("{} ({}): {}", self.name, self.iso3, self.status_2025)
    }

    /// "source: URL (confidence high)", its last line.
    pub(crate) fn source_line(&self) -> String {
        format!(
            "source: {} (confidence {})",
            self.source_url, self.confidence
        )
    }
}

#[derive(Serialize)]
struct StateDeadlines {
    state: StateInfo,
    /// Whether the treaty binds the state at all (it has deposited an instrument).
    applies: bool,
    /// Why no deadline runs, where none does.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(flatten)]
    deadlines: Option<Deadlines>,
    #[serde(skip_serializing_if = "Option::is_none")]
    withdrawal: Option<Withdrawal>,
    notes: Vec<String>,
}

/// Resolve a state by code or name, with "did you mean" on failure.
pub(crate) fn resolve(query: &str) -> anyhow::Result<&'static minewatch_refdata::State> {
    if let Some(s) = minewatch_refdata::resolve_state(query) {
        return Ok(s);
    }
    let sugg: Vec<String> = minewatch_refdata::suggest_states(query, 3)
        .iter()
        .map(|s| format!("{} ({})", s.name, s.iso3))
        .collect();
    let shown = minewatch_refdata::shown_query(query);
    if sugg.is_empty() {
        bail!("unknown state '{shown}'")
    }
    bail!("unknown state '{shown}'; did you mean {}?", sugg.join(", "))
}

/// The Mine Ban Treaty status of a state, as the knowledge base holds it (its
/// best-ranked values; created from the reference data on first use).
pub(crate) fn status_row(
    g: &Global,
    query: &str,
) -> anyhow::Result<minewatch_refdata::MbtStatusRow> {
    use minewatch_store::Store;
    let st = resolve(query)?;
    let store = crate::db_open::open(g)?;
    let far = Date::new(9999, 12, 31).expect("valid date");
    let rec = store
        .status(&st.iso3, &minewatch_store::StatusQuery::as_of(far))
        .with_context(|| {
            format!(
                "{} ({}): treaty status in the knowledge base",
                st.name, st.iso3
            )
        })?;
    let first = rec.sources.first();
    let row = minewatch_refdata::MbtStatusRow {
        iso3: rec.iso3.clone(),
        name: rec.name.clone(),
        status_2025: serde_json::to_value(rec.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        signature_date: rec.signature_date,
        deposit_date: rec.deposit_date,
        instrument: rec.instrument.clone().unwrap_or_default(),
        entry_into_force: rec.entry_into_force,
        withdrawal_deposit_date: rec.withdrawal_deposit_date,
        withdrawal_effective_date: rec.withdrawal_effective_date,
        source_url: first
            .and_then(|s| s.url.clone())
            .unwrap_or_else(|| first.map(|s| s.title.clone()).unwrap_or_default()),
        source_note: first.and_then(|s| s.note.clone()).unwrap_or_default(),
        confidence: rec.confidence.as_str().to_string(),
    };
    Ok(row)
}

/// Why the treaty's deadlines do not bind a state, where it has deposited no
/// instrument; `None` for a state that has.
pub(crate) fn not_bound(row: &minewatch_refdata::MbtStatusRow) -> Option<String> {
    if row.deposit_date.is_some() {
        return None;
    }
    let mut why = format!(
        "{} ({}) has deposited no instrument of ratification, acceptance, approval or \
         accession (status '{}'): the treaty binds a state from its entry into force for \
         that state (Art. 17), so no Art. 4, 5 or 7 deadline runs for it",
        row.name, row.iso3, row.status_2025
    );
    if let Some(s) = row.signature_date {
        why.push_str(&format!(
            "; it signed on {}: a signatory must refrain from acts that would defeat the \
             treaty's object and purpose (Vienna Convention on the Law of Treaties, Art. 18), \
             but no deadline runs until it deposits an instrument",
            s.long()
        ));
    }
    Some(why)
}

/// The answer for a state the treaty does not bind: its status, why no deadline runs,
/// and the source; a successful answer, not an error.
fn not_party(
    row: &minewatch_refdata::MbtStatusRow,
    reason: String,
    as_of: Date,
    args: &Args,
) -> anyhow::Result<ExitCode> {
    let mut notes = Vec::new();
    if !args.extensions.is_empty() {
        notes.push(format!(
            "{} Art. 5 extension(s) given on the command line not used: no clearance deadline runs",
            args.extensions.len()
        ));
    }
    let sd = StateDeadlines {
        state: StateInfo::of(row, status_on(row, as_of)),
        applies: false,
        reason: Some(reason),
        deadlines: None,
        withdrawal: None,
        notes,
    };
    let out = match args.format {
        Format::Json => serde_json::to_string_pretty(&sd)? + "\n",
        Format::Human => {
            let mut s = format!(
                "{}\nno treaty deadlines: {}\n",
                sd.state.title(),
                sd.reason.as_deref().unwrap_or_default()
            );
            for n in &sd.notes {
                s.push_str(&format!("note: {n}\n"));
            }
            s + &sd.state.source_line() + "\n"
        }
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

/// The state's status on `as_of` from its dates (the header of `deadlines STATE
/// --as-of`: Poland on 2025-12-01 was a State Party with its withdrawal pending, not
/// the "withdrawn" of today).
fn status_on(row: &minewatch_refdata::MbtStatusRow, as_of: Date) -> String {
    let on = |d: Option<Date>| d.is_some_and(|d| d <= as_of);
    if on(row.withdrawal_effective_date) {
        "withdrawn".into()
    } else if on(row.entry_into_force) {
        match row.withdrawal_deposit_date.filter(|d| *d <= as_of) {
            Some(d) => format!("state-party (withdrawal deposited on {d}, pending)"),
            None => "state-party".into(),
        }
    } else if on(row.deposit_date) {
        "instrument deposited, not yet in force".into()
    } else if on(row.signature_date) {
        "signatory".into()
    } else {
        "not-party".into()
    }
}

pub fn run(args: Args, g: &Global) -> anyhow::Result<ExitCode> {
    let as_of = args.as_of.unwrap_or_else(Date::today);
    let out = if let Some(q) = &args.state {
        let row = status_row(g, q)?;
        if let Some(reason) = not_bound(&row) {
            return not_party(&row, reason, as_of, &args);
        }
        let deposit = row.deposit_date.context("deposit date")?;
        let instrument: ConsentInstrument = row
            .instrument
            .parse()
            .with_context(|| format!("{}: instrument in data/mbt_status.csv", row.iso3))?;
        let rule = minewatch_law::entry_into_force(deposit, instrument, None)?;
        let mut notes = Vec::new();
        let explicit = match row.entry_into_force {
            Some(e) if e != rule.date => {
                if instrument != ConsentInstrument::Succession {
                    bail!(
                        "{}: the reference data gives entry into force {e}, but Art. 17 gives {} for a {instrument} deposited {deposit}",
                        row.iso3,
                        rule.date
                    );
                }
                notes.push(format!("entry into force {e} is taken from the reference data (succession), not from Art. 17"));
                Some(e)
            }
            _ => None,
        };
        if !args.extensions.is_empty() {
            notes.push(format!(
                "{} Art. 5 extension(s) given on the command line",
                args.extensions.len()
            ));
        } else {
            notes.push("Art. 5 extensions are not in the reference data: pass --extension YYYY-MM-DD for each granted one".into());
        }
        if row.confidence == "low" {
            notes.push(format!(
                "reference data confidence for {}: low — UNVERIFIED, not yet checked against a source",
                row.iso3
            ));
        } else if row.confidence != "high" {
            notes.push(format!(
                "reference data confidence for {}: {}",
                row.iso3, row.confidence
            ));
        }
        let mut d = deadlines(&DeadlineInput {
            deposit,
            instrument,
            explicit_entry_into_force: explicit,
            extensions: args.extensions.clone(),
            as_of,
        })?;
        let wd = match row.withdrawal_deposit_date {
            Some(w) => {
                let wd = withdrawal(w, ArmedConflict::None)?;
                if wd.effective != row.withdrawal_effective_date {
                    notes.push(format!(
                        "the reference data gives withdrawal effective {:?}; Art. 20.3 without armed conflict gives {:?}",
                        row.withdrawal_effective_date, wd.effective
                    ));
                }
                Some(wd)
            }
            None => None,
        };
        // The treaty stops binding the state when its withdrawal takes effect (the
        // date the knowledge base holds, else Art. 20.3's).
        if let Some(w) = row
            .withdrawal_effective_date
            .or(wd.as_ref().and_then(|w| w.effective))
        {
            minewatch_law::end_at_withdrawal(&mut d, w);
        }
        let sd = StateDeadlines {
            state: StateInfo::of(&row, status_on(&row, as_of)),
            applies: true,
            reason: None,
            deadlines: Some(d),
            withdrawal: wd,
            notes,
        };
        match args.format {
            Format::Json => serde_json::to_string_pretty(&sd)? + "\n",
            Format::Human => {
                let mut s = sd.state.title() + "\n";
                if let Some(d) = &sd.deadlines {
                    s.push_str(&explain::render_deadlines(d));
                }
                if let Some(w) = &sd.withdrawal {
                    s.push_str(&explain::render_withdrawal(w));
                }
                for n in &sd.notes {
                    s.push_str(&format!("note: {n}\n"));
                }
                s + &sd.state.source_line() + "\n"
            }
        }
    } else {
        let deposit = args
            .deposit
            .context("--deposit is required without STATE")?;
        let d = deadlines(&DeadlineInput {
            deposit,
            instrument: args.instrument,
            explicit_entry_into_force: args.succession_date,
            extensions: args.extensions.clone(),
            as_of,
        })?;
        match args.format {
            Format::Json => serde_json::to_string_pretty(&d)? + "\n",
            Format::Human => explain::render_deadlines(&d),
        }
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::not_bound;
    use minewatch_model::Date;

    fn row(signed: Option<Date>, deposited: Option<Date>) -> minewatch_refdata::MbtStatusRow {
        minewatch_refdata::MbtStatusRow {
            iso3: "XXA".into(),
            name: "Atlantis".into(),
            status_2025: "signatory".into(),
            signature_date: signed,
            deposit_date: deposited,
            instrument: String::new(),
            entry_into_force: None,
            withdrawal_deposit_date: None,
            withdrawal_effective_date: None,
            source_url: String::new(),
            source_note: String::new(),
            confidence: "high".into(),
        }
    }

    #[test]
    fn a_signatory_is_told_what_its_signature_binds_it_to() {
        let d = |y, m, d| Date::new(y, m, d).unwrap();
        let why = not_bound(&row(Some(d(1997, 12, 3)), None)).unwrap();
        assert!(why.contains("signed on 3 December 1997"), "{why}");
        assert!(why.contains("Art. 18"), "{why}");
        let why = not_bound(&row(None, None)).unwrap();
        assert!(!why.contains("Art. 18"), "{why}");
        assert_eq!(not_bound(&row(None, Some(d(1998, 1, 1)))), None);
    }
}
