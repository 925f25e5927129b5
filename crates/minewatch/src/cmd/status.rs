//! `minewatch status STATE`: a state's Mine Ban Treaty status on a date, with sources.

use std::fmt::Write as _;
use std::process::ExitCode;

use minewatch_store::{StatusQuery, StatusRecord, Store};

use crate::db_open::{self, or_dash, Format};
use crate::Global;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// ISO code (FIN, FI), name or alias ("Myanmar/Burma", "Türkiye").
    #[arg(value_name = "STATE")]
    pub state: String,
    /// The date the status holds on (YYYY-MM-DD, 1997 or later; default today).
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
    let as_of = db_open::as_of(args.as_of.as_deref())?;
    let known_at = db_open::known_at(args.known_at.as_deref())?;
    let store = db_open::open(g)?;
    let state = db_open::resolve(&store, &args.state)?;
    let rec = store.status(&state.iso3, &StatusQuery { as_of, known_at })?;
    match args.format {
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&rec)?)?,
        Format::Human => write!(out, "{}", human(&rec))?,
    }
    db_open::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

pub fn human(r: &StatusRecord) -> String {
    let mut s = String::new();
    let unverified = if r.confidence.verified() {
        ""
    } else {
        " [UNVERIFIED]"
    };
    let _ = writeln!(
        s,
        "{} ({}) as of {}: {}{unverified}",
        r.name, r.iso3, r.as_of, r.status
    );
    let deposit = match (&r.deposit_date, &r.instrument) {
        (Some(d), Some(i)) => format!("{d} ({i})"),
        (d, _) => or_dash(d),
    };
    for (label, v) in [
        ("signature", or_dash(&r.signature_date)),
        ("deposit", deposit),
        ("entry into force", or_dash(&r.entry_into_force)),
        ("withdrawal deposited", or_dash(&r.withdrawal_deposit_date)),
        (
            "withdrawal effective",
            or_dash(&r.withdrawal_effective_date),
        ),
        ("confidence", r.confidence.to_string()),
    ] {
        let _ = writeln!(s, "  {label:<21} {v}");
    }
    for n in &r.notes {
        let _ = writeln!(s, "  note: {n}");
    }
    for a in &r.alternatives {
        let _ = writeln!(
            s,
            "  also claimed: {} = {} [{}{}]",
            a.predicate,
            a.value_date
                .map(|d| d.to_string())
                .or(a.value_text.clone())
                .unwrap_or_default(),
            a.rank.as_str(),
            a.reason
                .as_ref()
                .map(|r| format!(": {r}"))
                .unwrap_or_default()
        );
    }
    let _ = writeln!(s, "  sources:");
    for (i, src) in r.sources.iter().enumerate() {
        let flag = if src.verified { "" } else { " [UNVERIFIED]" };
        let _ = writeln!(
            s,
            "    [{}] {} ({}){flag} — for {}",
            i + 1,
            src.title,
            src.confidence,
            src.fields.join(", ")
        );
        for u in &src.urls {
            let _ = writeln!(s, "        {u}");
        }
        if let Some(n) = &src.note {
            let _ = writeln!(s, "        {n}");
        }
    }
    s
}
