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
    #[error("reference data: {0}")]
    RefData(String),
    #[error("unknown state '{query}'{}", did_you_mean(suggestions))]
    UnknownState {
        query: String,
        suggestions: Vec<String>,
    },
    #[error("invalid date '{input}': {reason}")]
    BadDate { input: String, reason: String },
    #[error("restore: {0}")]
    Restore(String),
    #[error(
        "the database already holds data ({rows} rows); restore only into an empty database, or replace its contents explicitly (--replace)"
    )]
    NotEmpty { rows: i64 },
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("I/O error: {0}")]
    Io(std::io::Error),
    #[error("JSON error: {0}")]
    Json(serde_json::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(e)
    }
}

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
