//! `minewatch db init|migrate|stats|check|dump|restore`: the knowledge base itself.

use std::fmt::Write as _;
use std::io::{BufReader, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use minewatch_store::Store;

use crate::db_open::{self, Format};
use crate::Global;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    pub command: DbCommand,
}

#[derive(clap::Subcommand, Debug)]
pub enum DbCommand {
    /// Create the database (if needed), migrate it and load the reference data (idempotent);
    /// then report rows that contradict each other or the treaty's rules.
    Init,
    /// Apply pending schema migrations.
    Migrate,
    /// Row counts, schema version, location.
    Stats {
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Integrity of the file, then consistency: rows that contradict each other or Art. 17 / Art. 20, explained exceptions, unverified rows.
    Check {
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Write a full backup as JSON lines (every version and recorded time).
    Dump {
        /// Write to FILE instead of standard output (written atomically; `-`: standard output).
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Restore a dump, in one transaction. Refuses a database that holds data unless --replace.
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace the contents of a database that holds data (all or nothing).
        #[arg(long)]
        replace: bool,
    },
}

pub fn run(args: Args, g: &Global) -> anyhow::Result<ExitCode> {
    let mut out = String::new();
    match args.command {
        DbCommand::Init => {
            let mut store = db_open::open_bare(g)?;
            let report = store.load_reference_data()?;
            writeln!(
                out,
                "database: {} (schema version {})",
                store.location(),
                store.schema_version()?
            )?;
            if report.unchanged {
                writeln!(out, "reference data: already loaded, unchanged")?;
            } else {
                writeln!(out,
                    "reference data loaded: {} states, {} sources, {} fact versions, {} retractions, {} roll calls",
                    report.states, report.sources, report.facts, report.retracted, report.resolutions
                )?;
            }
            let findings = store.consistency()?;
            print_findings(&mut out, &findings, false)?;
        }
        DbCommand::Migrate => {
            let path = db_open::db_path(g)?;
            let (store, applied) = db_open::open_migrated(g)?;
            match applied.as_slice() {
                [] => writeln!(
                    out,
                    "{}: schema version {}, up to date",
                    path.display(),
                    store.schema_version()?
                )?,
                v => writeln!(
                    out,
                    "{}: applied migrations {:?}; schema version {}",
                    path.display(),
                    v,
                    store.schema_version()?
                )?,
            }
        }
        DbCommand::Stats { format } => {
            let store = db_open::open(g)?;
            let stats = store.stats()?;
            match format {
                Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&stats)?)?,
                Format::Human => {
                    writeln!(out, "database: {} ({})", stats.location, stats.backend)?;
                    writeln!(out, "schema version: {}", stats.schema_version)?;
                    writeln!(
                        out,
                        "reference data loaded: {}",
                        stats
                            .last_reference_load
                            .map(|t| t.to_string())
                            .unwrap_or_else(|| "never".into())
                    )?;
                    let rows: Vec<(String, i64)> = stats
                        .tables
                        .iter()
                        .cloned()
                        .chain(stats.views.iter().map(|(v, n)| (format!("{v} (view)"), *n)))
                        .collect();
                    let w = rows.iter().map(|(t, _)| t.len()).max().unwrap_or(0);
                    for (t, n) in &rows {
                        writeln!(out, "  {t:<w$} {n:>9}")?;
                    }
                }
            }
        }
        DbCommand::Check { format } => {
            let store = db_open::open(g)?;
            // First the file itself: a damaged one answers nothing reliably.
            let damage = store.integrity()?;
            if !damage.is_empty() {
                anyhow::bail!(
                    "{}: the database file is damaged ({} problem(s) found by the integrity check: {}); restore it from a dump (`minewatch db restore FILE --replace`) or re-create it (`minewatch ingest` again)",
                    store.location(),
                    damage.len(),
                    damage.join("; ")
                );
            }
            let findings = store.consistency()?;
            match format {
                Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&findings)?)?,
                Format::Human => {
                    writeln!(
                        out,
                        "integrity check: ok (every page and index of the file)"
                    )?;
                    print_findings(&mut out, &findings, true)?
                }
            }
        }
        DbCommand::Dump { output } => {
            let store = db_open::open(g)?;
            // `-o -`: standard output, as elsewhere.
            let output = output.filter(|p| p.as_os_str() != "-");
            match output {
                Some(path) => {
                    let dir = path
                        .parent()
                        .filter(|p| !p.as_os_str().is_empty())
                        .unwrap_or(std::path::Path::new("."));
                    let (tmp, mut file) = tempfile_in(dir, &path)?;
                    let written = (|| -> anyhow::Result<minewatch_store::DumpReport> {
                        let mut w = BufWriter::new(&mut file);
                        let r = store.dump(&mut w)?;
                        w.flush()?;
                        drop(w);
                        file.sync_all()?;
                        std::fs::rename(&tmp, &path)
                            .with_context(|| format!("cannot write {}", path.display()))?;
                        Ok(r)
                    })();
                    if written.is_err() {
                        let _ = std::fs::remove_file(&tmp);
                    }
                    let report = written?;
                    eprintln!("dumped {} rows to {}", report.rows, path.display());
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut w = BufWriter::new(stdout.lock());
                    let written = store.dump(&mut w).and_then(|r| Ok(w.flush().map(|_| r)?));
                    match written {
                        Ok(report) => {
                            if std::io::stderr().is_terminal() {
                                eprintln!("dumped {} rows", report.rows);
                            }
                        }
                        // A closed pipe (`| head`) is the reader's choice, not an error.
                        Err(minewatch_store::StoreError::Io(e))
                            if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                        Err(e) => return Err(e.into()),
                    }
                }
            }
        }
        DbCommand::Restore { file, replace } => {
            let f = std::fs::File::open(&file)
                .with_context(|| format!("cannot open {}", file.display()))?;
            let mut store = db_open::open_bare(g)?;
            // One large transaction: written in bulk where the store can (SQLite: each
            // page once, through a rollback journal, while nothing else has it open).
            let bulk = store.begin_bulk()?;
            let restored = store.restore(&mut BufReader::new(f), replace);
            if bulk {
                // Committed or rolled back either way; the next opening returns a
                // database left in bulk mode to WAL.
                if let Err(e) = store.end_bulk() {
                    eprintln!("warning: {e} (the next command to open the database will switch it back to WAL)");
                }
            }
            let report = restored.with_context(|| {
                format!("restoring {} into {}", file.display(), store.location())
            })?;
            writeln!(
                out,
                "restored {} rows into {}",
                report.rows,
                store.location()
            )?;
        }
    }
    db_open::emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// A temporary file next to `target`, removed unless renamed.
fn tempfile_in(
    dir: &std::path::Path,
    target: &std::path::Path,
) -> anyhow::Result<(PathBuf, std::fs::File)> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "dump".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let f =
        std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?;
    Ok((tmp, f))
}

fn print_findings(
    out: &mut String,
    findings: &[minewatch_store::Finding],
    all: bool,
) -> std::fmt::Result {
    let warnings = findings.iter().filter(|f| f.severity == "warning").count();
    let mut by_code: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for f in findings {
        *by_code.entry(f.code.as_str()).or_default() += 1;
    }
    let summary: Vec<String> = by_code.iter().map(|(c, n)| format!("{c}: {n}")).collect();
    writeln!(
        out,
        "consistency check: {warnings} warning{}; {}",
        if warnings == 1 { "" } else { "s" },
        if summary.is_empty() {
            "nothing to report".into()
        } else {
            summary.join(", ")
        }
    )?;
    for f in findings {
        if all || f.severity == "warning" || f.code == "eif-rule-exception" {
            writeln!(
                out,
                "  {}: {} [{}] {}",
                f.severity, f.iso3, f.code, f.message
            )?;
        }
    }
    if !all && findings.len() > warnings {
        writeln!(out, "  (`minewatch db check` lists every finding)")?;
    }
    Ok(())
}
