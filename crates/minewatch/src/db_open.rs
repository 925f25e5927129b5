//! Opening the knowledge base for a command: where it lives, creating it on first use,
//! and the argument parsing the knowledge-base commands share.

use std::path::PathBuf;

use anyhow::Context;
use minewatch_model::Date;
use minewatch_store::{SqliteStore, StateInfo, Store, Timestamp};

use crate::Global;

/// Output format of the knowledge-base commands.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

/// `$XDG_DATA_HOME/minewatch/minewatch.db`, else `$HOME/.local/share/minewatch/minewatch.db`.
pub fn default_db_path() -> anyhow::Result<PathBuf> {
    if let Some(x) = std::env::var_os("XDG_DATA_HOME").map(PathBuf::from) {
        // The XDG spec says relative values are invalid and must be ignored.
        if x.is_absolute() {
            return Ok(x.join("minewatch").join("minewatch.db"));
        }
    }
    let home = std::env::var_os("HOME")
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
        .context("no database location: set --db PATH or MINEWATCH_DB (neither XDG_DATA_HOME nor HOME is set)")?;
    Ok(home
        .join(".local")
        .join("share")
        .join("minewatch")
        .join("minewatch.db"))
}

/// The database file for this invocation: `--db` / `MINEWATCH_DB`, else the default.
pub fn db_path(g: &Global) -> anyhow::Result<PathBuf> {
    match &g.db {
        Some(p) if !p.as_os_str().is_empty() => Ok(p.clone()),
        _ => default_db_path(),
    }
}

fn create_parent(path: &std::path::Path) -> anyhow::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create the database folder {}", parent.display()))?;
    }
    Ok(())
}

/// Open the database with its schema up to date, without loading reference data.
pub fn open_bare(g: &Global) -> anyhow::Result<SqliteStore> {
    Ok(open_migrated(g)?.0)
}

/// Open the database and apply pending migrations; also returns the versions applied.
pub fn open_migrated(g: &Global) -> anyhow::Result<(SqliteStore, Vec<u32>)> {
    let path = db_path(g)?;
    let new = std::fs::symlink_metadata(&path).is_err();
    create_parent(&path)?;
    let mut s = SqliteStore::open(&path)?;
    if new {
        eprintln!("note: created a new knowledge base at {}", path.display());
    }
    let applied = s
        .migrate()
        .with_context(|| format!("{}: migrating the schema", path.display()))?;
    Ok((s, applied))
}

/// Open the database file as it stands (created empty where there is none), neither
/// migrated nor loaded: for a command that makes it ready itself ([`prepare`]) while
/// other work goes on.
pub fn open_unprepared(g: &Global) -> anyhow::Result<SqliteStore> {
    let path = db_path(g)?;
    let new = std::fs::symlink_metadata(&path).is_err();
    create_parent(&path)?;
    let store = SqliteStore::open(&path)?;
    if new {
        // Said, so that a mistyped --db is seen: a new, empty knowledge base (its
        // reference data loaded) is not the one the user meant to ask.
        eprintln!(
            "note: created a new knowledge base at {} (no profiles yet)",
            path.display()
        );
    }
    Ok(store)
}

/// Make an opened database ready for queries, as [`open`] does: its schema migrated,
/// the reference data loaded (nothing is written where both are done already).
pub fn prepare(s: &mut SqliteStore) -> anyhow::Result<()> {
    s.migrate()
        .with_context(|| format!("{}: migrating the schema", s.location()))?;
    s.load_reference_data()
        .with_context(|| format!("{}: loading the reference data", s.location()))?;
    Ok(())
}

/// Open the database ready for queries: created, migrated and loaded with the reference
/// data on first use (later calls find the data loaded and write nothing).
pub fn open(g: &Global) -> anyhow::Result<SqliteStore> {
    let mut s = open_unprepared(g)?;
    prepare(&mut s)?;
    Ok(s)
}

/// `--as-of`: a YYYY-MM-DD date, 1997 or later; default today.
pub fn as_of(arg: Option<&str>) -> anyhow::Result<Date> {
    match arg {
        None => Ok(Date::today()),
        Some(s) => minewatch_store::parse_as_of(s).context("--as-of"),
    }
}

/// `--known-at`: a date (its end) or a timestamp as stored; default: everything recorded.
pub fn known_at(arg: Option<&str>) -> anyhow::Result<Option<Timestamp>> {
    arg.map(|s| Timestamp::parse(s).context("--known-at"))
        .transpose()
}

/// A state by code, name or alias, with "did you mean" on failure.
pub fn resolve(store: &dyn Store, query: &str) -> anyhow::Result<StateInfo> {
    Ok(store.resolve(query)?)
}

/// "—" for a missing value.
pub fn or_dash<T: std::fmt::Display>(v: &Option<T>) -> String {
    v.as_ref()
        .map(|v| v.to_string())
        .unwrap_or_else(|| "—".into())
}

/// Write a command's output to standard output; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// The arguments of a question about one state: which state, what the database knew
/// when, and the output format.
#[derive(clap::Args, Debug)]
pub struct StateQueryArgs {
    /// ISO code, name or alias.
    #[arg(value_name = "STATE")]
    pub state: String,
    /// Answer with what the database knew then (YYYY-MM-DD: the end of that day).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub known_at: Option<String>,
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}
