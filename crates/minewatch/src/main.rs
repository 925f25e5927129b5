//! The `minewatch` command line: a thin layer over the library crates. It parses
//! arguments, reads files, calls the libraries and prints their results. Library
//! crates never print or exit; this binary maps their errors to exit codes.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc (its version 2, the `v2` feature): the reader and checks allocate many
/// small strings and vectors per profile; measured in BENCHMARKS.md against the
/// system allocator and against mimalloc 3.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod chunks;
mod cmd;
mod db_open;
mod input;
mod par;
mod stored_notes;

const EXIT_CODES: &str = "\
Exit codes:
  0  success (for `check`: no error-severity diagnostics)
  1  `check` found error-severity diagnostics
  2  an input could not be read, the arguments are wrong, or the command failed";

#[derive(Parser, Debug)]
#[command(
    name = "minewatch",
    version,
    about = "Monitor the Mine Ban Treaty: read, check, store and reason about country profiles",
    after_help = EXIT_CODES
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after any subcommand.
#[derive(clap::Args, Debug, Clone)]
pub struct Global {
    /// The knowledge-base file (SQLite). Default: $XDG_DATA_HOME/minewatch/minewatch.db,
    /// else ~/.local/share/minewatch/minewatch.db.
    #[arg(long, global = true, env = "MINEWATCH_DB", value_name = "PATH")]
    pub db: Option<std::path::PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check profiles like a compiler: missing notes, near-duplicates, lost headings, ...
    #[command(after_help = EXIT_CODES)]
    Check(cmd::check::Args),
    /// Write a deterministic corpus of synthetic profiles (for tests and benchmarks).
    GenCorpus(cmd::gen_corpus::Args),
    /// Treaty deadlines: entry into force (Art. 17), stockpile (Art. 4), clearance (Art. 5), reports (Art. 7).
    Deadlines(cmd::deadlines::Args),
    /// When a withdrawal takes effect (Art. 20).
    Withdrawal(cmd::withdrawal::Args),
    /// Is a device an anti-personnel mine, and what does each instrument say about an activity.
    Classify(cmd::classify::Args),
    /// Art. 4 stockpile compliance over time for a state.
    Compliance(cmd::compliance::Args),
    /// The knowledge base: init, migrate, stats, check, dump, restore.
    Db(cmd::db::Args),
    /// A state's Mine Ban Treaty status on a date, with sources.
    Status(cmd::status::Args),
    /// Every state's status on a date, with a count.
    States(cmd::states::Args),
    /// A state's timeline: signature, deposit, entry into force, votes, profiles, withdrawal.
    History(cmd::history::Args),
    /// A state's votes on the UN General Assembly treaty resolution, with totals.
    Votes(cmd::votes::Args),
    /// Candidate facts extracted from a state's stored profiles, with their sources (and
    /// what donors gave it, from any profile).
    Facts(cmd::facts::Args),
    /// Store profiles in the knowledge base as new versions.
    Ingest(cmd::ingest::Args),
    /// Facts with provenance: every figure, date and event in profiles, as JSON, CSV or text.
    Extract(cmd::extract::Args),
    /// Score extraction against gold annotations: precision and recall per predicate.
    Eval(cmd::eval::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(a) => cmd::check::run(a, &cli.global),
        Command::GenCorpus(a) => cmd::gen_corpus::run(a, &cli.global),
        Command::Deadlines(a) => cmd::deadlines::run(a, &cli.global),
        Command::Withdrawal(a) => cmd::withdrawal::run(a, &cli.global),
        Command::Classify(a) => cmd::classify::run(a, &cli.global),
        Command::Compliance(a) => cmd::compliance::run(a, &cli.global),
        Command::Db(a) => cmd::db::run(a, &cli.global),
        Command::Status(a) => cmd::status::run(a, &cli.global),
        Command::States(a) => cmd::states::run(a, &cli.global),
        Command::History(a) => cmd::history::run(a, &cli.global),
        Command::Votes(a) => cmd::votes::run(a, &cli.global),
        Command::Facts(a) => cmd::facts::run(a, &cli.global),
        Command::Ingest(a) => cmd::ingest::run(a, &cli.global),
        Command::Extract(a) => cmd::extract::run(a, &cli.global),
        Command::Eval(a) => cmd::eval::run(a, &cli.global),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // A database error that does not name the file: name it, with the cause in
            // plain words (read-only, damaged, locked).
            let about_file = e
                .chain()
                .find_map(|c| c.downcast_ref::<minewatch_store::StoreError>())
                .and_then(|s| s.about_the_file())
                .zip(db_open::db_path(&cli.global).ok());
            match about_file {
                Some((msg, path)) => {
                    let path = path.display().to_string();
                    // What the command was doing ("…: migrating the schema"), if said.
                    let doing = (e.chain().count() > 1).then(|| e.to_string());
                    match doing {
                        Some(d) if d.contains(&path) => eprintln!("error: {d}: {msg}"),
                        Some(d) => eprintln!("error: {path}: {d}: {msg}"),
                        None => eprintln!("error: {path}: {msg}"),
                    }
                }
                None => eprintln!("error: {e:#}"),
            }
            ExitCode::from(2)
        }
    }
}
