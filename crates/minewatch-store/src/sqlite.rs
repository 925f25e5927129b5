//! The SQLite backend. All SQL of the SQLite dialect lives here and in
//! `migrations/sqlite/`.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use minewatch_model::Date;
use rusqlite::types::Value;
use rusqlite::{
    params, Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};

use crate::clock::{Clock, SystemClock, Timestamp};
use crate::error::{Result, StoreError};
use crate::refload::{self, REFDATA_CLAIM};
use crate::types::*;
use crate::Store;

/// The longest dump line restore reads (one row: a profile version with its text,
/// model and facts is far below this); an input with longer lines, or none at all
/// (`/dev/zero`), is refused rather than read into memory.
pub const MAX_DUMP_LINE_BYTES: usize = 1 << 30;

/// The lines of a dump, each at most [`MAX_DUMP_LINE_BYTES`].
struct DumpLines<'a> {
    input: &'a mut dyn BufRead,
}

impl Iterator for DumpLines<'_> {
    type Item = std::io::Result<String>;
    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        let mut limited = std::io::Read::take(&mut self.input, MAX_DUMP_LINE_BYTES as u64 + 1);
        match limited.read_until(b'\n', &mut buf) {
            Ok(0) => None,
            Ok(_) if buf.len() > MAX_DUMP_LINE_BYTES => Some(Err(std::io::Error::new(
                std::io::ErrorKind::FileTooLarge,
                "longer than",
            ))),
            Ok(_) => {
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                    if buf.last() == Some(&b'\r') {
                        buf.pop();
                    }
                }
                Some(
                    String::from_utf8(buf)
                        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
                )
            }
            Err(e) => Some(Err(e)),
        }
    }
}

/// A dump line that could not be read as text: say which line and why.
fn not_text(line: usize, e: std::io::Error) -> StoreError {
    if e.kind() == std::io::ErrorKind::FileTooLarge {
        return StoreError::Restore(format!(
            "line {line}: longer than {} MiB (a minewatch dump is JSON lines); nothing was restored",
            MAX_DUMP_LINE_BYTES >> 20
        ));
    }
    if e.kind() == std::io::ErrorKind::InvalidData {
        StoreError::Restore(format!(
            "line {line}: not UTF-8 text (a minewatch dump is JSON lines)"
        ))
    } else {
        StoreError::Io(e)
    }
}

/// SQLite's "the database is busy" (another connection holds the lock).
fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.code, rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Versioned migrations, applied in order; each runs in its own transaction.
const MIGRATIONS: &[(u32, &str, &str)] = &[
    (
        1,
        "init",
        include_str!("../migrations/sqlite/0001_init.sql"),
    ),
    (
        2,
        "fact_claim_index",
        include_str!("../migrations/sqlite/0002_fact_claim_index.sql"),
    ),
    (
        3,
        "profile_fact",
        include_str!("../migrations/sqlite/0003_profile_fact.sql"),
    ),
    (
        4,
        "checks_without_in_lists",
        include_str!("../migrations/sqlite/0004_checks_without_in_lists.sql"),
    ),
    (
        5,
        "profile_json",
        concat!(
            include_str!("../migrations/sqlite/0005a_profile_json_columns.sql"),
            include_str!("../migrations/sqlite/0005b_profile_rows_to_json.sql"),
            include_str!("../migrations/sqlite/0005c_profile_views.sql"),
        ),
    ),
    (
        6,
        "kept_once",
        concat!(
            include_str!("../migrations/sqlite/0006a_facts_and_model_kept_once.sql"),
            include_str!("../migrations/sqlite/0006b_profile_fact_view.sql"),
        ),
    ),
];

/// The schema version this build creates and understands.
pub const SQLITE_SCHEMA_VERSION: u32 = 6;

/// Dumps this build restores: version 4 changed only CHECK constraints (the same values
/// allowed), so a version-3 dump has the very same tables and columns; dumps of 3 and 4
/// hold `profile_note` and `profile_fact` rows, which restore moves into their
/// versions' JSON arrays as migration 5 does; the facts and models of dumps before 6
/// are rewritten as migration 6 does.
const RESTORABLE_SCHEMA_VERSIONS: std::ops::RangeInclusive<u32> = 3..=SQLITE_SCHEMA_VERSION;

/// The tables of schemas 3 and 4 that schema 5 folded into `profile_version`: restore
/// makes them as temporary tables (without keys: those cannot cross into `main`), reads
/// a dump's rows into them and moves the rows as migration 5 does.
const PRE_5_PROFILE_TABLES: &str = "
CREATE TEMP TABLE profile_note (
    id INTEGER PRIMARY KEY, profile_version_id INTEGER NOT NULL, number INTEGER NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL, author TEXT,
    title TEXT, place TEXT, dates TEXT NOT NULL, url TEXT, undated INTEGER NOT NULL,
    source_id INTEGER NOT NULL);
CREATE TEMP TABLE profile_fact (
    id INTEGER PRIMARY KEY, profile_version_id INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'candidate' CHECK (status = 'candidate' OR status = 'accepted' OR status = 'rejected'),
    subject TEXT NOT NULL, predicate TEXT NOT NULL, value TEXT NOT NULL, qualifier TEXT NOT NULL,
    unit TEXT, as_of TEXT, notes TEXT NOT NULL, source_id INTEGER, line INTEGER NOT NULL,
    span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, quote TEXT NOT NULL,
    confidence TEXT NOT NULL, fact_json TEXT NOT NULL, recorded_at TEXT NOT NULL);";
const PRE_5_PROFILE_ROWS_TO_JSON: &str =
    include_str!("../migrations/sqlite/0005b_profile_rows_to_json.sql");
const PRE_5_TABLES: &[&str] = &["profile_note", "profile_fact"];
/// Migration 6's rewrite of the versions' facts and models (each thing kept once), run
/// again by restore on a dump of an earlier schema.
const PRE_6_KEPT_ONCE: &str =
    include_str!("../migrations/sqlite/0006a_facts_and_model_kept_once.sql");

/// Data tables in dependency order (parents first): the order of dump and restore.
const TABLES: &[&str] = &[
    "state",
    "state_version",
    "source",
    "fact",
    "unga_resolution",
    "refdata_load",
    "profile",
    "profile_version",
    "profile_fact_subject",
];

/// Views that show the JSON arrays of `profile_version` a row per element; `db stats`
/// counts their rows too.
const VIEWS: &[&str] = &["profile_note", "profile_fact"];

/// (version, iso2, numeric, name, kind, un_member, code_source, aliases, source)
type StateRow = (
    i64,
    String,
    String,
    String,
    String,
    i64,
    String,
    String,
    String,
);

const DUMP_FORMAT: &str = "minewatch-dump";
const DUMP_FORMAT_VERSION: u64 = 1;

/// The embedded knowledge base: one SQLite file (WAL mode), or memory.
pub struct SqliteStore {
    conn: Connection,
    path: Option<PathBuf>,
    clock: Box<dyn Clock>,
    read_only: bool,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish()
    }
}

/// An error that says the database cannot be written (read-only file or folder, or
/// the WAL's files cannot be created beside it).
pub(crate) fn is_read_only(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.code, ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied)
    )
}

fn is_not_a_db(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == ErrorCode::NotADatabase)
}

impl SqliteStore {
    /// Apply the migrations this database lacks, each in its own transaction.
    fn apply_migrations(&mut self) -> Result<Vec<u32>> {
        self.conn.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
        )?;
        let current = self.schema_version()?;
        if current > SQLITE_SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: self.path_buf(),
                found: current,
                supported: SQLITE_SCHEMA_VERSION,
            });
        }
        let now = self.now();
        let mut applied = Vec::new();
        for (v, name, sql) in MIGRATIONS {
            if *v <= current {
                continue;
            }
            // Immediate: take the write lock first, then look again (another process may
            // have applied it meanwhile).
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let now_at: Option<i64> =
                tx.query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))?;
            if now_at.unwrap_or(0) >= *v as i64 {
                continue;
            }
            tx.execute_batch(sql)?;
            tx.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?1, ?2, ?3)",
                params![v, name, now],
            )?;
            tx.commit()?;
            applied.push(*v);
        }
        Ok(applied)
    }

    /// Open (creating if needed) the database at `path`, with the system clock. Checks that
    /// the file is an SQLite database of a schema this build understands; does not migrate.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        SqliteStore::open_with_clock(path, Box::new(SystemClock))
    }

    pub fn open_with_clock(path: &Path, clock: Box<dyn Clock>) -> Result<SqliteStore> {
        let pb = path.to_path_buf();
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_dir() {
                return Err(StoreError::Foreign {
                    path: pb,
                    reason: "it is a directory".into(),
                });
            }
            if meta.len() > 0 {
                use std::io::Read;
                let mut head = [0u8; 16];
                let mut f = std::fs::File::open(path)?;
                let n = f.read(&mut head)?;
                if n < 16 || &head != b"SQLite format 3\0" {
                    return Err(StoreError::NotADatabase { path: pb });
                }
            }
        }
        let conn = Connection::open(path).map_err(|cause| StoreError::Open {
            path: pb.clone(),
            cause,
        })?;
        let store = SqliteStore {
            conn,
            path: Some(pb),
            clock,
            read_only: false,
        };
        match store.configure() {
            Ok(()) => {}
            // A database we may read but not write (the file, or its folder, is not
            // ours to write): open it read-only, so questions still get answers; a
            // command that writes then fails saying so.
            Err(StoreError::Open { cause, .. }) if is_read_only(&cause) => {
                let SqliteStore { conn, clock, .. } = store;
                drop(conn);
                return SqliteStore::open_read_only(path, clock);
            }
            Err(e) => return Err(e),
        }
        store.check_schema()?;
        Ok(store)
    }

    /// Open an existing database read-only: `mode=ro`, or, where the WAL's shared-memory
    /// file cannot be created beside it (a folder we may not write), `immutable=1` (the
    /// file is then read as it stands, without locking: nothing of ours can change it).
    fn open_read_only(path: &Path, clock: Box<dyn Clock>) -> Result<SqliteStore> {
        let pb = path.to_path_buf();
        let abs = std::path::absolute(path).unwrap_or_else(|_| pb.clone());
        // A URI path: '%', '?' and '#' escaped (and every byte outside ASCII).
        let mut uri = String::from("file:");
        for &b in abs.as_os_str().as_encoded_bytes() {
            if b.is_ascii_graphic() && !matches!(b, b'%' | b'?' | b'#') || b == b' ' {
                uri.push(b as char);
            } else {
                uri.push_str(&format!("%{b:02X}"));
            }
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut last = None;
        for mode in ["?mode=ro", "?immutable=1"] {
            let ready = Connection::open_with_flags(format!("{uri}{mode}"), flags).and_then(|c| {
                c.busy_timeout(Duration::from_secs(5))?;
                c.pragma_update(None, "foreign_keys", "ON")?;
                c.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                    r.get::<_, i64>(0)
                })?;
                Ok(c)
            });
            match ready {
                Ok(conn) => {
                    let store = SqliteStore {
                        conn,
                        path: Some(pb),
                        clock,
                        read_only: true,
                    };
                    store.check_schema()?;
                    return Ok(store);
                }
                Err(e) => last = Some(e),
            }
        }
        Err(StoreError::Open {
            path: pb,
            cause: last.unwrap_or(rusqlite::Error::InvalidQuery),
        })
    }

    /// Whether the database was opened read-only (its file or folder is not writable).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// A private in-memory database (for tests).
    pub fn open_in_memory(clock: Box<dyn Clock>) -> Result<SqliteStore> {
        let conn = Connection::open_in_memory()?;
        let store = SqliteStore {
            conn,
            path: None,
            clock,
            read_only: false,
        };
        store.configure()?;
        Ok(store)
    }

    /// Open, migrate and load the reference data: ready for any command.
    pub fn open_initialized(path: &Path) -> Result<SqliteStore> {
        let mut s = SqliteStore::open(path)?;
        s.migrate()?;
        s.load_reference_data()?;
        Ok(s)
    }

    fn path_buf(&self) -> PathBuf {
        self.path
            .clone()
            .unwrap_or_else(|| PathBuf::from(":memory:"))
    }

    fn map_open_err(&self, e: rusqlite::Error) -> StoreError {
        if is_not_a_db(&e) {
            StoreError::NotADatabase {
                path: self.path_buf(),
            }
        } else {
            StoreError::Open {
                path: self.path_buf(),
                cause: e,
            }
        }
    }

    fn configure(&self) -> Result<()> {
        self.conn
            .busy_timeout(Duration::from_secs(5))
            .map_err(|e| self.map_open_err(e))?;
        // Profiles are rows of tens of kilobytes: larger pages mean fewer overflow pages.
        // Only takes effect on a new, empty database (before WAL is switched on).
        self.conn
            .pragma_update(None, "page_size", 16384)
            .map_err(|e| self.map_open_err(e))?;
        // A page cache of 4 MiB: more than a chunk of ingested profiles (about 3 MiB)
        // and every query's working set. A larger one (32 MiB before) made every
        // command slower, not faster: each process touches its cache afresh, and the
        // memory it faults in costs more than the pages it keeps (BENCHMARKS.md,
        // session 13: ingest −9 % wall and −11 % CPU, `facts USA` 58 → 34 ms).
        self.conn
            .pragma_update(None, "cache_size", -4096)
            .map_err(|e| self.map_open_err(e))?;
        if self.path.is_some() {
            self.enter_wal()?;
        }
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| self.map_open_err(e))?;
        Ok(())
    }

    /// Switch the database to WAL (readers never wait for a writer) with
    /// `synchronous = NORMAL`. Switching needs the database to itself for a moment;
    /// when several processes open it at once SQLite may answer "busy" without waiting
    /// (to avoid a deadlock), so wait here, within the same five seconds.
    fn enter_wal(&self) -> Result<()> {
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        let mode: String = loop {
            match self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            {
                Err(e) if is_busy(&e) && std::time::Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(10));
                }
                r => break r.map_err(|e| self.map_open_err(e))?,
            }
        };
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Foreign {
                path: self.path_buf(),
                reason: format!("cannot switch to WAL mode (journal mode stays '{mode}')"),
            });
        }
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| self.map_open_err(e))?;
        Ok(())
    }

    fn table_exists(&self, name: &str) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [name],
                |r| r.get(0),
            )
            .map_err(|e| self.map_open_err(e))?;
        Ok(n > 0)
    }

    fn check_schema(&self) -> Result<()> {
        // One read transaction, so one snapshot: another process migrating a new
        // database meanwhile commits each migration's tables with its version, and
        // between two separate reads its tables could be seen without its version
        // (and the database taken for another application's).
        let _snapshot = self
            .conn
            .unchecked_transaction()
            .map_err(|e| self.map_open_err(e))?;
        let v = self.schema_version()?;
        if v > SQLITE_SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path: self.path_buf(),
                found: v,
                supported: SQLITE_SCHEMA_VERSION,
            });
        }
        if v == 0 {
            let others: i64 = self
                .conn
                .query_row(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version'",
                    [],
                    |r| r.get(0),
                )
                .map_err(|e| self.map_open_err(e))?;
            if others > 0 {
                return Err(StoreError::Foreign {
                    path: self.path_buf(),
                    reason: format!("an SQLite database of another application ({others} tables, no minewatch schema version)"),
                });
            }
        }
        Ok(())
    }

    /// Migration 5 moves a database's notes and facts into their versions and drops
    /// the old tables, which leaves their pages free: a file of 150 MB grew to 230 MB;
    /// migration 6 shortens what each version keeps. Give the pages back (VACUUM,
    /// itself atomic) when over a quarter of the file is free. Best effort: another
    /// process holding the database only means it stays larger.
    fn compact_after_migration(&self, applied: &[u32]) {
        if self.path.is_none() || !(applied.contains(&5) || applied.contains(&6)) {
            return;
        }
        let pages = |p: &str| -> i64 {
            self.conn
                .query_row(&format!("PRAGMA {p}"), [], |r| r.get(0))
                .unwrap_or(0)
        };
        let (free, total) = (pages("freelist_count"), pages("page_count"));
        if free > 256 && free * 4 > total {
            let _ = self.conn.execute_batch("VACUUM");
        }
    }

    fn now(&self) -> String {
        self.clock.now().to_string()
    }

    /// Total rows in the data tables.
    fn data_rows(&self) -> Result<i64> {
        let mut total = 0;
        for t in TABLES {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
            total += n;
        }
        Ok(total)
    }
}

/// A stored date, or the error that names where it is (`at`: "table row: column") and
/// what it holds.
fn opt_date(at: impl FnOnce() -> String, s: Option<String>) -> rusqlite::Result<Option<Date>> {
    match s {
        None => Ok(None),
        Some(s) => match s.parse::<Date>() {
            Ok(d) => Ok(Some(d)),
            Err(e) => Err(damaged(at(), &s, e)),
        },
    }
}

/// A stored value converted (`parse` of the text `raw`), or the error that names
/// where it is (`at`) and what it holds.
fn conv<T, E: std::fmt::Display>(
    at: impl FnOnce() -> String,
    raw: &str,
    parse: impl FnOnce(&str) -> std::result::Result<T, E>,
) -> rusqlite::Result<T> {
    parse(raw).map_err(|e| damaged(at(), raw, e))
}

/// A conversion failure whose cause says where the value is and what it holds (the
/// store's error reads it back: `StoreError::Damaged`).
fn damaged(at: String, raw: &str, e: impl std::fmt::Display) -> rusqlite::Error {
    let shown: String = raw.chars().take(60).collect();
    let more = if shown.len() < raw.len() { "…" } else { "" };
    rusqlite::Error::FromSqlConversionFailure(
        0,
        rusqlite::types::Type::Text,
        Box::new(crate::error::Damaged(format!("{at}: {shown:?}{more}: {e}"))),
    )
}

const FACT_COLUMNS: &str =
    "f.id, f.subject, f.predicate, f.slot, f.claim, f.version, f.value_date, f.value_text, \
    f.valid_from, f.valid_to, f.confidence, f.rank, f.reason, f.retracted, f.recorded_at, \
    s.key, s.kind, s.title, s.url, s.note, s.confidence";

fn fact_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Fact> {
    let id: i64 = r.get(0)?;
    let at = |col: &'static str| move || format!("fact {id}: {col}");
    Ok(Fact {
        id,
        subject: r.get(1)?,
        predicate: r.get(2)?,
        slot: r.get(3)?,
        claim: r.get(4)?,
        version: r.get(5)?,
        value_date: opt_date(at("value_date"), r.get(6)?)?,
        value_text: r.get(7)?,
        valid_from: opt_date(at("valid_from"), r.get(8)?)?,
        valid_to: opt_date(at("valid_to"), r.get(9)?)?,
        confidence: conv(
            at("confidence"),
            &r.get::<_, String>(10)?,
            Confidence::parse,
        )?,
        rank: conv(at("rank"), &r.get::<_, String>(11)?, Rank::parse)?,
        reason: r.get(12)?,
        retracted: r.get::<_, i64>(13)? != 0,
        recorded_at: conv(
            at("recorded_at"),
            &r.get::<_, String>(14)?,
            Timestamp::parse,
        )?,
        source: SourceRef {
            key: r.get(15)?,
            kind: r.get(16)?,
            title: r.get(17)?,
            url: r.get(18)?,
            note: r.get(19)?,
            confidence: conv(
                at("its source's confidence"),
                &r.get::<_, String>(20)?,
                Confidence::parse,
            )?,
        },
    })
}

fn ds(d: Option<Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// Insert a source if its key is new; its id either way.
fn source_id(
    tx: &Transaction<'_>,
    cache: &mut HashMap<String, i64>,
    s: &SourceRef,
    now: &str,
) -> Result<i64> {
    if let Some(id) = cache.get(&s.key) {
        return Ok(*id);
    }
    tx.prepare_cached(
        "INSERT OR IGNORE INTO source (key, kind, title, url, note, confidence, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![s.key, s.kind, s.title, s.url, s.note, s.confidence.as_str(), now])?;
    let id: i64 = tx
        .prepare_cached("SELECT id FROM source WHERE key = ?1")?
        .query_row([&s.key], |r| r.get(0))?;
    cache.insert(s.key.clone(), id);
    Ok(id)
}

/// The latest version and content of a claim.
fn latest_fact(tx: &Transaction<'_>, k: &FactKey) -> Result<Option<(i64, String)>> {
    let sql = format!(
        "SELECT {FACT_COLUMNS} FROM fact f JOIN source s ON s.id = f.source_id \
         WHERE f.subject = ?1 AND f.predicate = ?2 AND f.slot = ?3 AND f.claim = ?4 ORDER BY f.version DESC LIMIT 1"
    );
    let f = tx
        .prepare_cached(&sql)?
        .query_row(
            params![k.subject, k.predicate, k.slot, k.claim],
            fact_from_row,
        )
        .optional()?;
    Ok(f.map(|f| (f.version, f.content())))
}

/// Write the facts whose content changed; returns how many versions were written.
/// `table_empty`: the fact table held no row when the transaction began (a new
/// database), so each fact's latest version is the one this call wrote, if any —
/// looked up in memory instead of by a query a fact (`db init` loads 5,000).
fn write_facts(
    tx: &Transaction<'_>,
    facts: &[NewFact],
    now: &str,
    cache: &mut HashMap<String, i64>,
    table_empty: bool,
) -> Result<usize> {
    let mut written = 0;
    // (The version written for a key, and which fact it was: its content is made
    // only if the key comes again. Keyed by the fact's own fields, borrowed.)
    let mut here: HashMap<(&str, &str, &str, &str), (i64, usize)> = HashMap::new();
    if table_empty {
        here.reserve(facts.len());
    }
    // Prepared once for the batch: a statement taken from the cache a fact costs a
    // lookup by its SQL text and, on its return, a reset (5,000 facts on `db init`).
    let mut insert = tx.prepare_cached(
        "INSERT INTO fact (subject, predicate, slot, claim, version, value_date, value_text, valid_from, valid_to, \
         confidence, rank, reason, source_id, retracted, recorded_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for (i, f) in facts.iter().enumerate() {
        let borrowed = (
            f.subject.as_str(),
            f.predicate.as_str(),
            f.slot.as_str(),
            f.claim.as_str(),
        );
        let latest = if table_empty {
            here.get(&borrowed).map(|&(v, j)| (v, facts[j].content()))
        } else {
            latest_fact(tx, &f.key())?
        };
        if let Some((_, content)) = &latest {
            if *content == f.content() {
                continue;
            }
        }
        let version = latest.map(|(v, _)| v + 1).unwrap_or(1);
        let sid = source_id(tx, cache, &f.source, now)?;
        insert
            .execute(params![
                f.subject,
                f.predicate,
                f.slot,
                f.claim,
                version,
                ds(f.value_date),
                f.value_text,
                ds(f.valid_from),
                ds(f.valid_to),
                f.confidence.as_str(),
                f.rank.as_str(),
                f.reason,
                sid,
                f.retracted as i64,
                now
            ])
            .map_err(|e| match e {
                rusqlite::Error::SqliteFailure(ref fe, _)
                    if fe.code == ErrorCode::ConstraintViolation =>
                {
                    StoreError::Invalid(format!(
                        "fact {}/{}/{}/{} rejected ({e}); is '{}' a known state?",
                        f.subject, f.predicate, f.slot, f.claim, f.subject
                    ))
                }
                e => StoreError::Sqlite(e),
            })?;
        written += 1;
        if table_empty {
            here.insert(borrowed, (version, i));
        }
    }
    Ok(written)
}

fn json_of(v: Value) -> serde_json::Value {
    match v {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => serde_json::Value::from(i),
        Value::Real(f) => serde_json::Value::from(f),
        Value::Text(t) => serde_json::Value::String(t),
        Value::Blob(b) => {
            let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
            serde_json::json!({ "blob_hex": hex })
        }
    }
}

fn value_of(v: &serde_json::Value) -> Result<Value> {
    Ok(match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Integer(*b as i64),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(
                n.as_f64()
                    .ok_or_else(|| StoreError::Restore(format!("bad number {n}")))?,
            ),
        },
        serde_json::Value::String(s) => Value::Text(s.clone()),
        serde_json::Value::Object(o) => {
            let hex = o.get("blob_hex").and_then(|h| h.as_str()).ok_or_else(|| {
                StoreError::Restore("an object value must be {\"blob_hex\": ...}".into())
            })?;
            let bytes: std::result::Result<Vec<u8>, _> = (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("zz"), 16))
                .collect();
            Value::Blob(bytes.map_err(|_| StoreError::Restore("bad blob_hex".into()))?)
        }
        serde_json::Value::Array(_) => {
            return Err(StoreError::Restore("arrays are not column values".into()))
        }
    })
}

impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    fn location(&self) -> String {
        self.path_buf().display().to_string()
    }

    fn schema_version(&self) -> Result<u32> {
        if !self.table_exists("schema_version")? {
            return Ok(0);
        }
        let v: Option<i64> = self
            .conn
            .query_row("SELECT max(version) FROM schema_version", [], |r| r.get(0))
            .map_err(|e| self.map_open_err(e))?;
        Ok(v.unwrap_or(0) as u32)
    }

    fn migrate(&mut self) -> Result<Vec<u32>> {
        // Up to date (the case of every command after the first): nothing to do, and
        // nothing scanned.
        if self.table_exists("schema_version")? && self.schema_version()? == SQLITE_SCHEMA_VERSION {
            return Ok(Vec::new());
        }
        // Migrations may rebuild a table (SQLite cannot alter a constraint in place), which
        // needs foreign-key enforcement off; every key is checked before it is back on.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let applied = self.apply_migrations();
        let violations: Result<i64> = match &applied {
            Ok(a) if !a.is_empty() => self
                .conn
                .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                    r.get(0)
                })
                .map_err(StoreError::from),
            _ => Ok(0),
        };
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        let applied = applied?;
        match violations? {
            0 => {
                self.compact_after_migration(&applied);
                Ok(applied)
            }
            n => Err(StoreError::Invalid(format!(
                "after migrating, {n} row(s) refer to rows that do not exist (see `minewatch db check`)"
            ))),
        }
    }

    fn integrity(&self) -> Result<Vec<String>> {
        // Every page and index entry (at most 20 problems reported).
        let mut st = self.conn.prepare("PRAGMA integrity_check(20)")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let found: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
        Ok(if found.len() == 1 && found[0] == "ok" {
            Vec::new()
        } else {
            found
        })
    }

    fn load_reference_data(&mut self) -> Result<LoadReport> {
        if self.schema_version()? < SQLITE_SCHEMA_VERSION {
            self.migrate()?;
        }
        let last: Option<String> = self
            .conn
            .query_row(
                "SELECT content_hash FROM refdata_load ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if last.as_deref() == Some(refload::content_hash()) {
            return Ok(LoadReport {
                unchanged: true,
                ..LoadReport::default()
            });
        }
        let batch = refload::build()?;
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Another process may have loaded the same data while we waited for the lock.
        let last: Option<String> = tx
            .query_row(
                "SELECT content_hash FROM refdata_load ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if last.as_deref() == Some(batch.content_hash.as_str()) {
            return Ok(LoadReport {
                unchanged: true,
                ..LoadReport::default()
            });
        }
        let mut report = LoadReport::default();
        // States: identity, then a new version where attributes changed.
        for s in &batch.states {
            tx.prepare_cached("INSERT OR IGNORE INTO state (iso3, recorded_at) VALUES (?1, ?2)")?
                .execute(params![s.iso3, now])?;
            let aliases = serde_json::to_string(&s.aliases)?;
            let latest: Option<StateRow> = tx
                .prepare_cached(
                    "SELECT version, iso2, numeric, name, kind, un_member, code_source, aliases, source FROM state_version \
                     WHERE iso3 = ?1 ORDER BY version DESC LIMIT 1",
                )?
                .query_row([&s.iso3], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?))
                })
                .optional()?;
            let same = latest.as_ref().is_some_and(|l| {
                (&l.1, &l.2, &l.3, &l.4, l.5 != 0, &l.6, &l.7, &l.8)
                    == (
                        &s.iso2,
                        &s.numeric,
                        &s.name,
                        &s.kind,
                        s.un_member,
                        &s.code_source,
                        &aliases,
                        &s.source,
                    )
            });
            if !same {
                let version = latest.map(|l| l.0 + 1).unwrap_or(1);
                tx.prepare_cached(
                    "INSERT INTO state_version (iso3, version, iso2, numeric, name, kind, un_member, code_source, aliases, source, recorded_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                )?
                .execute(params![
                    s.iso3,
                    version,
                    s.iso2,
                    s.numeric,
                    s.name,
                    s.kind,
                    s.un_member as i64,
                    s.code_source,
                    aliases,
                    s.source,
                    now
                ])?;
                report.states += 1;
            }
        }
        let sources_before: i64 = tx.query_row("SELECT count(*) FROM source", [], |r| r.get(0))?;
        let mut cache = HashMap::new();
        let facts_empty: bool =
            tx.query_row("SELECT NOT EXISTS (SELECT 1 FROM fact)", [], |r| r.get(0))?;
        report.facts = write_facts(&tx, &batch.facts, &now, &mut cache, facts_empty)?;
        // Retract reference-data claims the data no longer states.
        let mut stale = Vec::new();
        // Into an empty table every fact just written is wanted: nothing to look for.
        if !facts_empty {
            let wanted: std::collections::HashSet<FactKey> =
                batch.facts.iter().map(|f| f.key()).collect();
            let sql = format!(
                "SELECT {FACT_COLUMNS} FROM fact f JOIN source s ON s.id = f.source_id \
                 WHERE (f.claim = ?1 OR f.claim LIKE 'curated:%') AND f.retracted = 0 AND f.version = \
                 (SELECT max(g.version) FROM fact g WHERE g.subject = f.subject AND g.predicate = f.predicate AND g.slot = f.slot AND g.claim = f.claim)"
            );
            let mut st = tx.prepare(&sql)?;
            let rows = st.query_map([REFDATA_CLAIM], fact_from_row)?;
            for f in rows {
                let f = f?;
                let key = FactKey {
                    subject: f.subject.clone(),
                    predicate: f.predicate.clone(),
                    slot: f.slot.clone(),
                    claim: f.claim.clone(),
                };
                if !wanted.contains(&key) {
                    stale.push(f);
                }
            }
        }
        let retractions: Vec<NewFact> = stale
            .into_iter()
            .map(|f| NewFact {
                subject: f.subject,
                predicate: f.predicate,
                slot: f.slot,
                claim: f.claim,
                value_date: f.value_date,
                value_text: f.value_text,
                valid_from: f.valid_from,
                valid_to: f.valid_to,
                confidence: f.confidence,
                rank: f.rank,
                reason: Some("no longer in the reference data".into()),
                source: f.source,
                retracted: true,
            })
            .collect();
        report.retracted = write_facts(&tx, &retractions, &now, &mut cache, false)?;
        for r in &batch.resolutions {
            let sid = source_id(&tx, &mut cache, &r.source, &now)?;
            let latest: Option<(i64, String)> = tx
                .prepare_cached(
                    "SELECT version, json_array(session, resolution, date_dataset, date_is_plenary, treaty_resolution, caveat, yes, no, abstain, title, source_id) \
                     FROM unga_resolution WHERE rcid = ?1 ORDER BY version DESC LIMIT 1",
                )?
                .query_row([r.rcid], |row| Ok((row.get(0)?, row.get(1)?)))
                .optional()?;
            let content = serde_json::json!([
                r.session,
                r.resolution,
                r.date.to_string(),
                r.date_is_plenary as i64,
                r.treaty_resolution as i64,
                r.caveat,
                r.yes,
                r.no,
                r.abstain,
                r.title,
                sid
            ]);
            let same = latest
                .as_ref()
                .and_then(|(_, c)| serde_json::from_str::<serde_json::Value>(c).ok())
                .is_some_and(|c| c == content);
            if !same {
                let version = latest.map(|l| l.0 + 1).unwrap_or(1);
                tx.prepare_cached(
                    "INSERT INTO unga_resolution (rcid, version, session, resolution, date_dataset, date_is_plenary, treaty_resolution, caveat, yes, no, abstain, title, source_id, recorded_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                )?
                .execute(params![
                    r.rcid,
                    version,
                    r.session,
                    r.resolution,
                    r.date.to_string(),
                    r.date_is_plenary as i64,
                    r.treaty_resolution as i64,
                    r.caveat,
                    r.yes,
                    r.no,
                    r.abstain,
                    r.title,
                    sid,
                    now
                ])?;
                report.resolutions += 1;
            }
        }
        let sources_after: i64 = tx.query_row("SELECT count(*) FROM source", [], |r| r.get(0))?;
        report.sources = (sources_after - sources_before) as usize;
        let summary = serde_json::to_string(&report)?;
        tx.execute(
            "INSERT INTO refdata_load (content_hash, summary, recorded_at) VALUES (?1, ?2, ?3)",
            params![batch.content_hash, summary, now],
        )?;
        tx.commit()?;
        Ok(report)
    }

    fn last_reference_load(&self) -> Result<Option<Timestamp>> {
        if self.schema_version()? == 0 {
            return Ok(None);
        }
        let s: Option<String> = self
            .conn
            .query_row(
                "SELECT recorded_at FROM refdata_load ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        s.map(|s| Timestamp::parse(&s)).transpose()
    }

    fn stats(&self) -> Result<Stats> {
        let schema_version = self.schema_version()?;
        let counts = |names: &[&str]| -> Result<Vec<(String, i64)>> {
            names
                .iter()
                .map(|t| {
                    let n: i64 =
                        self.conn
                            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
                    Ok((t.to_string(), n))
                })
                .collect()
        };
        let (tables, views) = match schema_version {
            0 => (Vec::new(), Vec::new()),
            v if v < 5 => (counts(TABLES)?, Vec::new()),
            _ => (counts(TABLES)?, counts(VIEWS)?),
        };
        Ok(Stats {
            backend: "sqlite".into(),
            location: self.location(),
            schema_version,
            tables,
            views,
            last_reference_load: self.last_reference_load()?,
        })
    }

    fn state(&self, iso3: &str) -> Result<Option<StateInfo>> {
        Ok(self.list_states_where(Some(iso3))?.into_iter().next())
    }

    fn list_states(&self) -> Result<Vec<StateInfo>> {
        self.list_states_where(None)
    }

    fn put_facts(&mut self, facts: &[NewFact]) -> Result<usize> {
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = write_facts(&tx, facts, &now, &mut HashMap::new(), false)?;
        tx.commit()?;
        Ok(n)
    }

    fn fact_versions(&self, filter: &FactFilter) -> Result<Vec<Fact>> {
        // Only the conditions asked for, so that SQLite can use the indexes.
        let known = filter.known_at.unwrap_or_else(Timestamp::max).to_string();
        let prefix_hi = filter
            .predicate_prefix
            .as_ref()
            .map(|p| format!("{p}\u{10FFFF}"));
        let mut conds = vec!["f.recorded_at <= :known"];
        let mut args: Vec<(&str, &dyn rusqlite::ToSql)> = vec![(":known", &known)];
        if let Some(subject) = &filter.subject {
            conds.push("f.subject = :subject");
            args.push((":subject", subject));
        }
        if let (Some(lo), Some(hi)) = (&filter.predicate_prefix, &prefix_hi) {
            conds.push("f.predicate >= :lo AND f.predicate < :hi");
            args.push((":lo", lo));
            args.push((":hi", hi));
        }
        if !filter.all_versions {
            conds.push(
                "f.version = (SELECT max(g.version) FROM fact g WHERE g.subject = f.subject AND g.predicate = f.predicate \
                 AND g.slot = f.slot AND g.claim = f.claim AND g.recorded_at <= :known)",
            );
        }
        let sql = format!(
            "SELECT {FACT_COLUMNS} FROM fact f JOIN source s ON s.id = f.source_id WHERE {} \
             ORDER BY f.subject, f.predicate, f.slot, f.claim, f.version",
            conds.join(" AND ")
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(args.as_slice(), fact_from_row)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn resolutions(&self, known_at: Option<Timestamp>) -> Result<Vec<Resolution>> {
        let known = known_at.unwrap_or_else(Timestamp::max).to_string();
        let mut st = self.conn.prepare_cached(
            "SELECT r.rcid, r.session, r.resolution, r.date_dataset, r.date_is_plenary, r.treaty_resolution, r.caveat, r.yes, r.no, r.abstain, r.title, \
                    s.key, s.kind, s.title, s.url, s.note, s.confidence \
             FROM unga_resolution r JOIN source s ON s.id = r.source_id \
             WHERE r.recorded_at <= ?1 AND r.version = (SELECT max(q.version) FROM unga_resolution q WHERE q.rcid = r.rcid AND q.recorded_at <= ?1) \
             ORDER BY r.date_dataset, r.rcid",
        )?;
        let rows = st.query_map([known], |r| {
            let rcid: i64 = r.get(0)?;
            let at = |col: &'static str| move || format!("UN vote (roll call {rcid}): {col}");
            Ok(Resolution {
                rcid,
                session: r.get(1)?,
                resolution: r.get(2)?,
                date: opt_date(at("date"), Some(r.get(3)?))?.unwrap_or_else(|| Date::from_days(0)),
                date_is_plenary: r.get::<_, i64>(4)? != 0,
                treaty_resolution: r.get::<_, i64>(5)? != 0,
                caveat: r.get(6)?,
                yes: r.get(7)?,
                no: r.get(8)?,
                abstain: r.get(9)?,
                title: r.get(10)?,
                source: SourceRef {
                    key: r.get(11)?,
                    kind: r.get(12)?,
                    title: r.get(13)?,
                    url: r.get(14)?,
                    note: r.get(15)?,
                    confidence: conv(
                        at("its source's confidence"),
                        &r.get::<_, String>(16)?,
                        Confidence::parse,
                    )?,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn ingest_profiles(&mut self, batch: &[ProfileInput]) -> Result<Vec<IngestOutcome>> {
        let now = self.now();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut out = Vec::with_capacity(batch.len());
        // Every statement prepared once for the batch, not looked up per row.
        let mut by_hash =
            tx.prepare_cached("SELECT id FROM profile_version WHERE content_hash = ?1")?;
        let mut state_known = tx.prepare_cached("SELECT iso3 FROM state WHERE iso3 = ?1")?;
        let mut insert_profile = tx.prepare_cached(
            "INSERT OR IGNORE INTO profile (key, iso3, country, profile_type, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut profile_by_key = tx.prepare_cached("SELECT id FROM profile WHERE key = ?1")?;
        let mut next_version = tx.prepare_cached(
            "SELECT coalesce(max(version), 0) + 1 FROM profile_version WHERE profile_id = ?1",
        )?;
        let mut insert_version = tx.prepare_cached(
            "INSERT INTO profile_version (profile_id, version, content_hash, source_path, last_updated, byte_len, text, model_json, \
             diagnostics_json, error_count, warning_count, recorded_at, notes_json, facts_json) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?;
        let mut insert_subject = tx.prepare_cached(
            "INSERT OR IGNORE INTO profile_fact_subject (subject, profile_version_id) VALUES (?1, ?2)",
        )?;
        for p in batch {
            if p.content_hash.len() != 64 {
                return Err(StoreError::Invalid(format!(
                    "profile {}: content_hash must be a SHA-256 hex digest",
                    p.source_path.as_deref().unwrap_or("?")
                )));
            }
            let existing: Option<i64> = by_hash
                .query_row([&p.content_hash], |r| r.get(0))
                .optional()?;
            if let Some(id) = existing {
                out.push(IngestOutcome::Unchanged {
                    profile_version_id: id,
                });
                continue;
            }
            let iso3 = match &p.iso3 {
                Some(c) => {
                    let known: Option<String> =
                        state_known.query_row([c], |r| r.get(0)).optional()?;
                    known
                }
                None => None,
            };
            let who = iso3
                .clone()
                .or_else(|| {
                    p.country
                        .as_ref()
                        .map(|c| format!("country:{}", minewatch_refdata::fold_name(c)))
                })
                .unwrap_or_else(|| {
                    format!(
                        "unknown:{}",
                        p.source_path
                            .clone()
                            .unwrap_or_else(|| p.content_hash.clone())
                    )
                });
            let key = format!(
                "{who}|{}",
                p.profile_type.as_deref().unwrap_or("").to_ascii_lowercase()
            );
            insert_profile.execute(params![key, iso3, p.country, p.profile_type, now])?;
            let profile_id: i64 = profile_by_key.query_row([&key], |r| r.get(0))?;
            let version: i64 = next_version.query_row([profile_id], |r| r.get(0))?;
            // Notes and candidate facts go with their version, one JSON array each.
            insert_version.execute(params![
                profile_id,
                version,
                p.content_hash,
                p.source_path,
                ds(p.last_updated),
                p.byte_len as i64,
                p.text,
                p.model_json,
                p.diagnostics_json,
                p.error_count,
                p.warning_count,
                now,
                p.parts.notes_json,
                p.parts.facts_json
            ])?;
            let pv_id = tx.last_insert_rowid();
            for subject in &p.parts.subjects {
                insert_subject.execute(params![subject, pv_id])?;
            }
            out.push(IngestOutcome::Stored {
                profile_id,
                version,
                profile_version_id: pv_id,
            });
        }
        drop((
            by_hash,
            state_known,
            insert_profile,
            profile_by_key,
            next_version,
            insert_version,
            insert_subject,
        ));
        tx.commit()?;
        Ok(out)
    }

    fn profile_facts(&self, iso3: Option<&str>) -> Result<Vec<StoredProfileFact>> {
        // The versions with facts about the state (all versions with facts for `None`),
        // then their facts read from the version's JSON.
        let mut st = self.conn.prepare_cached(
            "SELECT v.id, v.source_path, v.notes_json, v.facts_json, v.recorded_at, \
                    v.profile_id, v.version, v.last_updated, \
                    v.id = (SELECT c.id FROM profile_version c WHERE c.profile_id = v.profile_id \
                            ORDER BY c.last_updated IS NULL, c.last_updated DESC, c.version DESC LIMIT 1) \
             FROM profile_version v \
             WHERE (?1 IS NULL AND v.facts_json <> '[]') \
                OR v.id IN (SELECT profile_version_id FROM profile_fact_subject WHERE subject = ?1) \
             ORDER BY v.id",
        )?;
        let mut rows = st.query(params![iso3])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let pv_id: i64 = r.get(0)?;
            let source_path: Option<String> = r.get(1)?;
            let bad = |e: String| StoreError::Invalid(format!("profile version {pv_id}: {e}"));
            let text = |i: usize| r.get::<_, String>(i).map_err(|e| bad(e.to_string()));
            let notes = crate::profile_json::read_notes(&text(2)?).map_err(bad)?;
            let facts = crate::profile_json::read_facts(&text(3)?).map_err(bad)?;
            let recorded_at: String = r.get(4)?;
            let (profile_id, version): (i64, i64) = (r.get(5)?, r.get(6)?);
            let last_updated: Option<String> = r.get(7)?;
            let current: bool = r.get(8)?;
            let mut mine: Vec<StoredProfileFact> = facts
                .into_iter()
                // The state's own facts, and the money others gave it.
                .filter(|f| {
                    iso3.is_none_or(|c| {
                        f.fact.subject == c || f.fact.recipient.as_deref() == Some(c)
                    })
                })
                .map(|f| {
                    let source = crate::profile_json::fact_source(&notes, &f.fact);
                    StoredProfileFact {
                        profile_version_id: pv_id,
                        profile_id,
                        version,
                        last_updated: last_updated.clone(),
                        current,
                        status: f.status,
                        source_path: source_path.clone(),
                        source_title: source.as_ref().map(|(_, t)| t.clone()),
                        source_url: source.and_then(|(n, _)| n.url.clone()),
                        fact: f.fact,
                        recorded_at: f.recorded_at.unwrap_or_else(|| recorded_at.clone()),
                    }
                })
                .collect();
            // In the order of the text (a stable sort keeps the extraction order).
            mine.sort_by_key(|f| f.fact.span_start);
            out.extend(mine);
        }
        Ok(out)
    }

    /// A bulk ingest writes through a rollback journal (`journal_mode = DELETE`,
    /// `synchronous = FULL`): the pages of new rows are written once, to the database
    /// file, where WAL writes them twice (to the log, then back at each checkpoint).
    /// Each transaction stays atomic (a kill leaves a journal that the next opening
    /// rolls back) and durable. Leaving WAL needs the database to itself: while another
    /// connection has it open this declines at once and the ingest goes on in WAL;
    /// a process that opens the database meanwhile switches it back to WAL (as every
    /// opening does), and the bulk writes continue in WAL from then on.
    fn begin_bulk(&mut self) -> Result<bool> {
        if self.path.is_none() {
            return Ok(false);
        }
        // Declining is cheap and waiting is not: never wait for the lock here (SQLite
        // answers at once today; the zero timeout keeps it so).
        self.conn.busy_timeout(Duration::ZERO)?;
        let mode = self
            .conn
            .query_row("PRAGMA journal_mode = DELETE", [], |r| {
                r.get::<_, String>(0)
            });
        self.conn.busy_timeout(Duration::from_secs(5))?;
        match mode {
            Ok(m) if m.eq_ignore_ascii_case("delete") => {
                self.conn.pragma_update(None, "synchronous", "FULL")?;
                Ok(true)
            }
            Ok(_) => Ok(false),
            Err(e) if is_busy(&e) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    fn end_bulk(&mut self) -> Result<()> {
        if self.path.is_none() {
            return Ok(());
        }
        self.enter_wal()
    }

    fn profile_hashes(&self) -> Result<std::collections::HashSet<String>> {
        let mut st = self
            .conn
            .prepare("SELECT content_hash FROM profile_version")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn profile_versions(
        &self,
        iso3: Option<&str>,
        known_at: Option<Timestamp>,
    ) -> Result<Vec<ProfileVersionInfo>> {
        let known = known_at.unwrap_or_else(Timestamp::max).to_string();
        let mut st = self.conn.prepare_cached(
            "SELECT p.id, v.id, v.version, p.iso3, p.country, p.profile_type, v.last_updated, v.content_hash, v.source_path, v.byte_len, \
                    CASE WHEN json_valid(v.notes_json) THEN json_array_length(v.notes_json) ELSE -1 END, v.error_count, v.warning_count, v.recorded_at \
             FROM profile_version v JOIN profile p ON p.id = v.profile_id \
             WHERE (?1 IS NULL OR p.iso3 = ?1) AND v.recorded_at <= ?2 ORDER BY p.id, v.version",
        )?;
        let rows = st.query_map(params![iso3, known], |r| {
            let id: i64 = r.get(1)?;
            let at = |col: &'static str| move || format!("profile version {id}: {col}");
            Ok(ProfileVersionInfo {
                profile_id: r.get(0)?,
                profile_version_id: id,
                version: r.get(2)?,
                iso3: r.get(3)?,
                country: r.get(4)?,
                profile_type: r.get(5)?,
                last_updated: opt_date(at("last_updated"), r.get(6)?)?,
                content_hash: r.get(7)?,
                source_path: r.get(8)?,
                byte_len: r.get(9)?,
                note_count: match r.get::<_, i64>(10)? {
                    -1 => {
                        return Err(rusqlite::Error::FromSqlConversionFailure(
                            10,
                            rusqlite::types::Type::Text,
                            Box::new(crate::error::Damaged(format!(
                                "profile version {id}: notes_json is not JSON"
                            ))),
                        ))
                    }
                    n => n,
                },
                error_count: r.get(11)?,
                warning_count: r.get(12)?,
                recorded_at: conv(
                    at("recorded_at"),
                    &r.get::<_, String>(13)?,
                    Timestamp::parse,
                )?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn dump(&self, out: &mut dyn Write) -> Result<DumpReport> {
        // One read transaction: a consistent snapshot even while another process writes.
        let snapshot = self.conn.unchecked_transaction()?;
        let schema_version = self.schema_version()?;
        if schema_version == 0 {
            return Err(StoreError::Invalid(
                "the database has no schema yet: nothing to dump".into(),
            ));
        }
        let header = serde_json::json!({
            "format": DUMP_FORMAT,
            "format_version": DUMP_FORMAT_VERSION,
            "schema_version": schema_version,
            "backend": "sqlite",
            "tables": TABLES,
        });
        writeln!(out, "{header}")?;
        let mut report = DumpReport {
            schema_version,
            rows: 0,
            tables: Vec::new(),
        };
        for t in TABLES {
            let mut st = self
                .conn
                .prepare(&format!("SELECT * FROM {t} ORDER BY rowid"))?;
            let cols: Vec<String> = st.column_names().iter().map(|c| c.to_string()).collect();
            let mut rows = st.query([])?;
            let mut n = 0u64;
            while let Some(r) = rows.next()? {
                let mut obj = serde_json::Map::new();
                for (i, c) in cols.iter().enumerate() {
                    obj.insert(c.clone(), json_of(r.get::<_, Value>(i)?));
                }
                let line = serde_json::json!({ "table": t, "row": obj });
                writeln!(out, "{line}")?;
                n += 1;
            }
            report.rows += n;
            report.tables.push((t.to_string(), n));
        }
        writeln!(
            out,
            "{}",
            serde_json::json!({ "end": true, "rows": report.rows })
        )?;
        out.flush()?;
        snapshot.commit()?;
        Ok(report)
    }

    fn restore(&mut self, input: &mut dyn BufRead, replace: bool) -> Result<DumpReport> {
        if self.schema_version()? < SQLITE_SCHEMA_VERSION {
            self.migrate()?;
        }
        let mut lines = DumpLines { input };
        let header: serde_json::Value = match lines.next() {
            Some(l) => serde_json::from_str(&l.map_err(|e| not_text(1, e))?)
                .map_err(|e| StoreError::Restore(format!("line 1: not a dump header: {e}")))?,
            None => return Err(StoreError::Restore("empty input".into())),
        };
        if header.get("format").and_then(|f| f.as_str()) != Some(DUMP_FORMAT) {
            return Err(StoreError::Restore("line 1: not a minewatch dump".into()));
        }
        if header.get("format_version").and_then(|f| f.as_u64()) != Some(DUMP_FORMAT_VERSION) {
            return Err(StoreError::Restore(format!(
                "unsupported dump format version {}",
                header["format_version"]
            )));
        }
        let sv = header
            .get("schema_version")
            .and_then(|v| v.as_u64())
            .unwrap_or(0) as u32;
        if !RESTORABLE_SCHEMA_VERSIONS.contains(&sv) {
            return Err(StoreError::Restore(format!(
                "the dump has schema version {sv}; this minewatch restores schema versions {} to {}",
                RESTORABLE_SCHEMA_VERSIONS.start(),
                RESTORABLE_SCHEMA_VERSIONS.end()
            )));
        }
        let existing = self.data_rows()?;
        if existing > 0 && !replace {
            let profiles: i64 =
                self.conn
                    .query_row("SELECT count(*) FROM profile_version", [], |r| r.get(0))?;
            return Err(StoreError::NotEmpty {
                rows: existing,
                profiles,
            });
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // The tables a dump of this schema version holds, parents first.
        let mut tables: Vec<&str> = TABLES.to_vec();
        let pre_5 = sv < 5;
        if pre_5 {
            tables.retain(|t| *t != "profile_fact_subject");
            tables.extend(PRE_5_TABLES);
            tx.execute_batch(PRE_5_PROFILE_TABLES)?;
        }
        // Known columns per table: dump lines may only name these.
        let mut columns: HashMap<&str, Vec<String>> = HashMap::new();
        for t in &tables {
            let schema = if PRE_5_TABLES.contains(t) && pre_5 {
                "temp"
            } else {
                "main"
            };
            let mut st = tx.prepare(&format!(
                "SELECT name FROM pragma_table_info('{t}', '{schema}')"
            ))?;
            let cols = st
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            columns.insert(t, cols);
        }
        if existing > 0 {
            for t in TABLES.iter().rev() {
                tx.execute(&format!("DELETE FROM {t}"), [])?;
            }
        }
        let mut report = DumpReport {
            schema_version: sv,
            rows: 0,
            tables: tables.iter().map(|t| (t.to_string(), 0)).collect(),
        };
        let mut ended = false;
        for (i, line) in lines.enumerate() {
            let lno = i + 2;
            let line = line.map_err(|e| not_text(i + 2, e))?;
            if line.trim().is_empty() {
                continue;
            }
            if ended {
                return Err(StoreError::Restore(format!(
                    "line {lno}: data after the end marker"
                )));
            }
            let v: serde_json::Value = serde_json::from_str(&line)
                .map_err(|e| StoreError::Restore(format!("line {lno}: {e}")))?;
            if v.get("end").and_then(|e| e.as_bool()) == Some(true) {
                let n = v.get("rows").and_then(|n| n.as_u64());
                if n != Some(report.rows) {
                    return Err(StoreError::Restore(format!(
                        "line {lno}: the end marker counts {n:?} rows, the dump holds {}",
                        report.rows
                    )));
                }
                ended = true;
                continue;
            }
            let t = v.get("table").and_then(|t| t.as_str()).unwrap_or("");
            let ti = tables
                .iter()
                .position(|x| *x == t)
                .ok_or_else(|| StoreError::Restore(format!("line {lno}: unknown table '{t}'")))?;
            let row = v
                .get("row")
                .and_then(|r| r.as_object())
                .ok_or_else(|| StoreError::Restore(format!("line {lno}: no row object")))?;
            let known = &columns[tables[ti]];
            let mut names = Vec::with_capacity(row.len());
            let mut vals = Vec::with_capacity(row.len());
            for (k, val) in row {
                if !known.contains(k) {
                    return Err(StoreError::Restore(format!(
                        "line {lno}: table {t} has no column '{k}'"
                    )));
                }
                names.push(k.as_str());
                vals.push(
                    value_of(val).map_err(|e| StoreError::Restore(format!("line {lno}: {e}")))?,
                );
            }
            let sql = format!(
                "INSERT INTO {t} ({}) VALUES ({})",
                names.join(", "),
                (1..=names.len())
                    .map(|i| format!("?{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            tx.prepare_cached(&sql)?
                .execute(rusqlite::params_from_iter(vals.iter()))
                .map_err(|e| StoreError::Restore(format!("line {lno}: {e}")))?;
            report.rows += 1;
            report.tables[ti].1 += 1;
        }
        if !ended {
            return Err(StoreError::Restore(
                "the dump is truncated (no end marker); nothing was restored".into(),
            ));
        }
        // The JSON a version holds is read back by later commands: refuse a dump whose
        // JSON columns are not JSON (or not arrays where arrays belong).
        let bad_json: Option<i64> = tx
            .query_row(
                "SELECT id FROM profile_version WHERE NOT (json_valid(model_json) AND json_valid(diagnostics_json) \
                 AND json_valid(notes_json) AND json_type(notes_json) = 'array' \
                 AND json_valid(facts_json) AND json_type(facts_json) = 'array') LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = bad_json {
            return Err(StoreError::Restore(format!(
                "profile version {id}: its model, diagnostics, notes or facts are not the JSON minewatch writes; nothing was restored"
            )));
        }
        if pre_5 {
            // As migration 5 did to the database that made the dump.
            tx.execute_batch(PRE_5_PROFILE_ROWS_TO_JSON).map_err(|e| {
                StoreError::Restore(format!("the dump's profile notes and facts: {e}"))
            })?;
            tx.execute_batch("DROP TABLE temp.profile_note; DROP TABLE temp.profile_fact;")?;
        }
        if sv < 6 {
            tx.execute_batch(PRE_6_KEPT_ONCE).map_err(|e| {
                StoreError::Restore(format!("the dump's profile facts and models: {e}"))
            })?;
        }
        let fk: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })?;
        if fk > 0 {
            return Err(StoreError::Restore(format!(
                "{fk} rows refer to rows the dump does not hold; nothing was restored"
            )));
        }
        tx.commit()?;
        Ok(report)
    }
}

impl SqliteStore {
    fn list_states_where(&self, iso3: Option<&str>) -> Result<Vec<StateInfo>> {
        if self.schema_version()? == 0 {
            return Ok(Vec::new());
        }
        let mut st = self.conn.prepare_cached(
            "SELECT iso3, iso2, numeric, name, kind, un_member, code_source, aliases, source, version, recorded_at FROM state_version v \
             WHERE (?1 IS NULL OR iso3 = ?1) AND version = (SELECT max(w.version) FROM state_version w WHERE w.iso3 = v.iso3) \
             ORDER BY kind = 'other-area', iso3",
        )?;
        let rows = st.query_map([iso3], |r| {
            let (code, version): (String, i64) = (r.get(0)?, r.get(9)?);
            // Borrowed: the text of an error is made only if there is one.
            let code_ref = &code;
            let at = move |col: &'static str| {
                move || format!("state {code_ref} (version {version}): {col}")
            };
            let aliases = conv(at("aliases"), &r.get::<_, String>(7)?, |t| {
                serde_json::from_str::<Vec<String>>(t)
            })?;
            let recorded_at = conv(
                at("recorded_at"),
                &r.get::<_, String>(10)?,
                Timestamp::parse,
            )?;
            Ok(StateInfo {
                iso3: code,
                iso2: r.get(1)?,
                numeric: r.get(2)?,
                name: r.get(3)?,
                kind: r.get(4)?,
                un_member: r.get::<_, i64>(5)? != 0,
                code_source: r.get(6)?,
                aliases,
                source: r.get(8)?,
                version,
                recorded_at,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::ManualClock;

    /// A database opened read-only (as one whose file or folder the user may not write
    /// is) answers questions, and a write fails with an error that says why; the open
    /// that falls back to it is taken on the errors that mean "not writable" only.
    #[test]
    fn a_read_only_database_answers_and_refuses_writes_saying_so() {
        let dir = tempfile::tempdir().unwrap();
        // A path a URI must escape.
        let path = dir.path().join("kb 100%?#.db");
        {
            let mut s = SqliteStore::open_initialized(&path).unwrap();
            s.put_facts(&[fact("c1", "2012-01-09")]).unwrap();
        }
        let mut ro = SqliteStore::open_read_only(&path, Box::new(SystemClock)).unwrap();
        assert!(ro.is_read_only());
        assert_eq!(ro.schema_version().unwrap(), SQLITE_SCHEMA_VERSION);
        assert!(
            ro.migrate().unwrap().is_empty(),
            "up to date: nothing to write"
        );
        assert!(ro.load_reference_data().unwrap().unchanged);
        assert_eq!(
            ro.status(
                "FIN",
                &crate::StatusQuery::as_of(Date::new(2020, 1, 1).unwrap())
            )
            .unwrap()
            .iso3,
            "FIN"
        );
        let e = ro.put_facts(&[fact("c2", "2013-01-09")]).unwrap_err();
        let said = e.about_the_file().expect("a database error");
        assert!(said.contains("read-only"), "{said}");
        // Which open errors send a database to the read-only path.
        let failure = |code| {
            rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error {
                    code,
                    extended_code: 0,
                },
                None,
            )
        };
        assert!(is_read_only(&failure(ErrorCode::ReadOnly)));
        assert!(is_read_only(&failure(ErrorCode::CannotOpen)));
        assert!(!is_read_only(&failure(ErrorCode::DatabaseCorrupt)));
        assert!(!is_read_only(&failure(ErrorCode::DatabaseBusy)));
    }

    /// A fact of `FIN` for the claim `c` dated `d`.
    fn fact(c: &str, d: &str) -> NewFact {
        NewFact {
            subject: "FIN".into(),
            predicate: "treaty.deposit".into(),
            slot: String::new(),
            claim: c.into(),
            value_date: d.parse().ok(),
            value_text: None,
            valid_from: d.parse().ok(),
            valid_to: None,
            confidence: Confidence::High,
            rank: Rank::Normal,
            reason: None,
            source: SourceRef {
                key: "test:one".into(),
                kind: "user".into(),
                title: "test".into(),
                url: None,
                note: None,
                confidence: Confidence::High,
            },
            retracted: false,
        }
    }

    /// Writing into an empty fact table looks the latest versions up in memory: the
    /// rows are the ones the queries give, a repeated key included (the same content
    /// again is no new version; another content is the next).
    #[test]
    fn an_empty_fact_table_is_written_as_by_queries() {
        let batch = [
            fact("a", "2012-01-09"),
            fact("b", "2012-01-09"),
            fact("a", "2012-01-09"),
            fact("a", "2013-02-01"),
            fact("b", "2012-01-09"),
        ];
        let rows = |table_empty: bool| {
            let mut s = SqliteStore::open_in_memory(Box::new(ManualClock::at_date("2026-12-01")))
                .expect("store");
            s.migrate().expect("migrate");
            s.load_reference_data().expect("reference data");
            s.conn.execute("DELETE FROM fact", []).expect("empty");
            let tx = s.conn.transaction().expect("tx");
            let n = write_facts(
                &tx,
                &batch,
                "2026-12-01T00:00:00.000000Z",
                &mut HashMap::new(),
                table_empty,
            )
            .expect("write");
            let mut st = tx
                .prepare("SELECT claim, version, value_date FROM fact ORDER BY claim, version")
                .expect("select");
            let v: Vec<(String, i64, Option<String>)> = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .expect("rows")
                .map(|r| r.expect("row"))
                .collect();
            (n, v)
        };
        let by_query = rows(false);
        assert_eq!(by_query.0, 3);
        assert_eq!(rows(true), by_query);
    }
}
