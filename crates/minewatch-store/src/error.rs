//! The store's error type.

use std::path::PathBuf;

/// Everything that can go wrong in the knowledge base. Each message carries its cause's
/// text itself, so no variant names a `source` (a caller printing the error chain
/// would show the cause twice).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: not a minewatch database (the file is not an SQLite database)", path.display())]
    NotADatabase { path: PathBuf },
    #[error("{}: cannot open the database: {cause}", path.display())]
    Open {
        path: PathBuf,
        cause: rusqlite::Error,
    },
    #[error(
        "{}: the database has schema version {found}, newer than this minewatch supports ({supported}); use a newer minewatch",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    #[error("{}: not a minewatch database: {reason}", path.display())]
    Foreign { path: PathBuf, reason: String },
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    /// A value read from the database that is not what the schema promises (a date
    /// that is not a date, JSON that is not JSON, an unknown grade): where, and what.
    #[error("damaged data in the database: {0}")]
    Damaged(String),
    #[error("reference data: {0}")]
    RefData(String),
    #[error("unknown state '{query}'{}", did_you_mean(suggestions))]
    UnknownState {
        query: String,
        suggestions: Vec<String>,
    },
    #[error("invalid date '{input}': {reason}")]
    BadDate { input: String, reason: String },
    /// `--known-at` before the knowledge base had recorded anything about the state:
    /// the honest answer is that it did not know, not a status.
    #[error("nothing about {name} ({iso3}) had been recorded by {known_at}; the knowledge base's first record of it is from {first}")]
    NotYetKnown {
        name: String,
        iso3: String,
        known_at: String,
        first: String,
    },
    /// `--known-at` before the knowledge base had recorded any treaty status.
    #[error("no treaty status had been recorded by {known_at}; the knowledge base's first record is from {first}")]
    NothingYetKnown { known_at: String, first: String },
    /// `--known-at` before the knowledge base had recorded any UN General Assembly vote.
    #[error("no UN General Assembly votes had been recorded by {known_at}; the knowledge base's first record is from {first}")]
    VotesNotYetKnown { known_at: String, first: String },
    #[error("restore: {0}")]
    Restore(String),
    #[error(
        "the database already holds data ({rows} rows{}); restore only into an empty database (a new --db path), or replace its contents explicitly (--replace)",
        if *profiles == 0 { ", only the reference data and no profiles: `--replace` loses nothing" } else { "" }
    )]
    NotEmpty { rows: i64, profiles: i64 },
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("I/O error: {0}")]
    Io(std::io::Error),
    #[error("JSON error: {0}")]
    Json(serde_json::Error),
}

impl StoreError {
    /// What the database file itself has to do with this error, for a message that
    /// names it: `Some("...")` where the error says nothing of the file (a query or a
    /// write that failed), with a plain word on the usual causes; `None` where the
    /// message names the file already or is not about it.
    pub fn about_the_file(&self) -> Option<String> {
        let code = |e: &rusqlite::Error| match e {
            rusqlite::Error::SqliteFailure(f, _) => Some(f.code),
            _ => None,
        };
        match self {
            StoreError::Sqlite(e) => Some(match code(e) {
                Some(rusqlite::ErrorCode::ReadOnly) => format!(
                    "the database cannot be written here (the file or its folder is read-only for this user); nothing was written ({e})"
                ),
                Some(rusqlite::ErrorCode::DatabaseCorrupt) => format!(
                    "the database file is damaged ({e}); run `minewatch db check` for details, and restore it from a dump (`minewatch db restore`)"
                ),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                    format!("the database is locked by another process ({e}); try again when it is done")
                }
                Some(rusqlite::ErrorCode::DiskFull) => {
                    format!("the disk is full ({e}); nothing of the failed write was kept")
                }
                _ => format!("database error: {e}"),
            }),
            StoreError::Damaged(_) => Some(self.to_string()),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        match e {
            // A value that did not convert: say where, and what (a `Damaged` cause
            // already names its row and column).
            rusqlite::Error::FromSqlConversionFailure(i, ty, cause) => {
                StoreError::Damaged(match cause.downcast_ref::<Damaged>() {
                    Some(d) => d.0.clone(),
                    None => format!("column {i} ({ty}): {cause}"),
                })
            }
            rusqlite::Error::InvalidColumnType(i, name, ty) => StoreError::Damaged(format!(
                "column {name} (index {i}) holds a value of type {ty}, not the type the schema gives it"
            )),
            e => StoreError::Sqlite(e),
        }
    }
}

/// The cause of a conversion failure that names where the damaged value is: "table
/// row: column: what is wrong".
#[derive(Debug)]
pub struct Damaged(pub String);

impl std::fmt::Display for Damaged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Damaged {}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> StoreError {
        StoreError::Io(e)
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(e: serde_json::Error) -> StoreError {
        StoreError::Json(e)
    }
}

fn did_you_mean(s: &[String]) -> String {
    match s {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        more => format!("; did you mean one of: {}?", more.join(", ")),
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
