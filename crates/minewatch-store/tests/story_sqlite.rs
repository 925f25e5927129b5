//! The shared story on SQLite, plus SQLite-specific behaviour (files, WAL, open errors).

use std::path::Path;

use minewatch_store::testkit::story;
use minewatch_store::{
    ManualClock, SqliteStore, StatusQuery, Store, StoreError, TreatyStatus, SQLITE_SCHEMA_VERSION,
};

#[test]
fn story_in_memory() {
    let clock = ManualClock::at_date("2026-01-01");
    let mut store = SqliteStore::open_in_memory(Box::new(clock.clone())).unwrap();
    let c2 = clock.clone();
    let mut fresh = move || -> Box<dyn Store> {
        Box::new(SqliteStore::open_in_memory(Box::new(c2.clone())).unwrap())
    };
    story(&mut store, &clock, &mut fresh);
}

#[test]
fn story_on_files() {
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::at_date("2026-01-01");
    let mut store =
        SqliteStore::open_with_clock(&dir.path().join("kb.db"), Box::new(clock.clone())).unwrap();
    let c2 = clock.clone();
    let base = dir.path().to_path_buf();
    let mut n = 0;
    let mut fresh = move || -> Box<dyn Store> {
        n += 1;
        Box::new(
            SqliteStore::open_with_clock(
                &base.join(format!("restored-{n}.db")),
                Box::new(c2.clone()),
            )
            .unwrap(),
        )
    };
    story(&mut store, &clock, &mut fresh);
}

#[test]
fn wal_mode_and_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.db");
    {
        let s = SqliteStore::open_initialized(&path).unwrap();
        assert_eq!(s.schema_version().unwrap(), SQLITE_SCHEMA_VERSION);
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(conn);
    let mut s = SqliteStore::open(&path).unwrap();
    assert!(
        s.load_reference_data().unwrap().unchanged,
        "reopening finds the data loaded"
    );
    let fin = s
        .status("FIN", &StatusQuery::as_of("2020-01-01".parse().unwrap()))
        .unwrap();
    assert_eq!(fin.status, TreatyStatus::StateParty);
}

fn open_err(path: &Path) -> StoreError {
    SqliteStore::open(path).unwrap_err()
}

#[test]
fn garbage_file_is_not_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("garbage.db");
    std::fs::write(
        &path,
        b"this is not a database, just some text that is long enough",
    )
    .unwrap();
    let e = open_err(&path);
    assert!(matches!(e, StoreError::NotADatabase { .. }), "{e:?}");
    let msg = e.to_string();
    assert!(
        msg.contains("garbage.db") && msg.contains("not an SQLite database"),
        "{msg}"
    );
    // A short file, too.
    std::fs::write(&path, b"x").unwrap();
    assert!(matches!(open_err(&path), StoreError::NotADatabase { .. }));
    // Bytes after a valid header that are garbage.
    let mut bytes = b"SQLite format 3\0".to_vec();
    bytes.extend(std::iter::repeat_n(0xAB, 4096));
    std::fs::write(&path, &bytes).unwrap();
    let e = open_err(&path);
    assert!(e.to_string().contains("garbage.db"), "{e}");
}

#[test]
fn other_applications_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        .unwrap();
    drop(c);
    let e = open_err(&path);
    assert!(matches!(e, StoreError::Foreign { .. }), "{e:?}");
    assert!(e.to_string().contains("other.db"));
}

#[test]
fn newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    SqliteStore::open_initialized(&path).unwrap();
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute(
        "INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', 'x')",
        [],
    )
    .unwrap();
    drop(c);
    let e = open_err(&path);
    match &e {
        StoreError::NewerSchema {
            found, supported, ..
        } => assert_eq!((*found, *supported), (99, SQLITE_SCHEMA_VERSION)),
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("future.db"));
}

#[test]
fn directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let e = open_err(dir.path());
    assert!(e.to_string().contains("directory"), "{e}");
}

/// A database as an older minewatch left it: the migrations up to `version` applied
/// by hand, as that version did.
fn database_at_version(path: &std::path::Path, version: u32) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);",
    )
    .unwrap();
    let migrations = [
        include_str!("../migrations/sqlite/0001_init.sql"),
        include_str!("../migrations/sqlite/0002_fact_claim_index.sql"),
        include_str!("../migrations/sqlite/0003_profile_fact.sql"),
    ];
    for (v, sql) in (1..=version).zip(migrations) {
        c.execute_batch(sql).unwrap();
        c.execute(
            "INSERT INTO schema_version VALUES (?1, 'm', '2026-01-01T00:00:00.000000Z')",
            [v],
        )
        .unwrap();
    }
    c
}

#[test]
fn a_version_1_database_is_migrated_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    let c = database_at_version(&path, 1);
    c.execute(
        "INSERT INTO state VALUES ('FIN', '2026-01-01T00:00:00.000000Z')",
        [],
    )
    .unwrap();
    drop(c);
    let mut s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), 1);
    let applied = s.migrate().unwrap();
    assert_eq!(applied, (2..=SQLITE_SCHEMA_VERSION).collect::<Vec<_>>());
    assert_eq!(s.schema_version().unwrap(), SQLITE_SCHEMA_VERSION);
    s.load_reference_data().unwrap();
    let fin = s
        .status("FIN", &StatusQuery::as_of("2013-01-01".parse().unwrap()))
        .unwrap();
    assert_eq!(fin.status, TreatyStatus::StateParty);
    drop(s);
    let c = rusqlite::Connection::open(&path).unwrap();
    let kept: String = c
        .query_row(
            "SELECT recorded_at FROM state WHERE iso3 = 'FIN'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, "2026-01-01T00:00:00.000000Z", "existing rows kept");
}

/// Version 4 rebuilds tables to rewrite their CHECK constraints: rows, their keys
/// and the constraints themselves survive, and foreign keys are enforced afterwards.
#[test]
fn a_version_3_database_keeps_its_rows_and_constraints_through_the_table_rebuilds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    let c = database_at_version(&path, 3);
    c.execute_batch(
        "INSERT INTO state VALUES ('FIN', 't0');
         INSERT INTO source (id, key, kind, title, confidence, recorded_at) VALUES (7, 'k', 'dataset', 'T', 'high', 't0');
         INSERT INTO fact (subject, predicate, claim, version, value_date, confidence, rank, source_id, recorded_at)
           VALUES ('FIN', 'mbt.deposit', 'reference', 1, '2011-01-09', 'high', 'preferred', 7, 't0');",
    )
    .unwrap();
    drop(c);
    let mut s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.migrate().unwrap(), vec![4]);
    drop(s);
    let c = rusqlite::Connection::open(&path).unwrap();
    let row: (i64, String) = c
        .query_row(
            "SELECT f.source_id, s.key FROM fact f JOIN source s ON s.id = f.source_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(row, (7, "k".to_string()));
    // The same values are refused as before.
    assert!(c
        .execute(
            "INSERT INTO source (key, kind, title, confidence, recorded_at) VALUES ('k2', 'x', 'T', 'certain', 't1')",
            [],
        )
        .is_err());
    // Keys are enforced again: a fact citing a source that does not exist is refused.
    assert!(c
        .execute(
            "INSERT INTO fact (subject, predicate, claim, version, confidence, rank, source_id, recorded_at)
             VALUES ('FIN', 'p', 'c', 1, 'high', 'normal', 999, 't1')",
            [],
        )
        .is_err());
    let schema: String = c
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'profile_fact'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!schema.contains(" IN ("), "{schema}");
    let indexes: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN
             ('fact_by_predicate', 'fact_claim_versions', 'profile_fact_by_subject', 'profile_fact_by_version')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(indexes, 4);
}

/// A writer that lets another connection write once the dump is under way.
struct Interrupting<'a> {
    buf: Vec<u8>,
    other: Option<&'a mut SqliteStore>,
}

impl std::io::Write for Interrupting<'_> {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(b);
        if self.buf.len() > 200_000 {
            if let Some(o) = self.other.take() {
                let p = minewatch_store::testkit::sample_profile(
                    "Norway",
                    Some("NOR"),
                    "2024-01-01",
                    "Party.",
                );
                o.ingest_profiles(&[p]).unwrap();
            }
        }
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn dump_is_a_consistent_snapshot_while_another_process_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.db");
    let a = SqliteStore::open_initialized(&path).unwrap();
    let mut b = SqliteStore::open(&path).unwrap();
    let mut w = Interrupting {
        buf: Vec::new(),
        other: Some(&mut b),
    };
    a.dump(&mut w).unwrap();
    assert!(
        w.other.is_none(),
        "the other connection wrote during the dump"
    );
    let text = String::from_utf8(w.buf).unwrap();
    assert!(
        !text.contains("\"table\":\"profile_version\""),
        "the dump is the snapshot from its start"
    );
    let mut restored = SqliteStore::open(&dir.path().join("restored.db")).unwrap();
    restored
        .restore(&mut std::io::BufReader::new(text.as_bytes()), false)
        .unwrap();
    assert_eq!(b.profile_versions(None, None).unwrap().len(), 1);
}

#[test]
fn several_processes_initialising_one_new_database_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.db");
    let reports: Vec<_> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    let mut st = SqliteStore::open(&path).unwrap();
                    st.migrate().unwrap();
                    st.load_reference_data().unwrap()
                })
            })
            .collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        reports.iter().filter(|r| !r.unchanged).count(),
        1,
        "loaded exactly once: {reports:?}"
    );
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), SQLITE_SCHEMA_VERSION);
    let stats = s.stats().unwrap();
    assert!(stats
        .tables
        .iter()
        .any(|(t, n)| t == "refdata_load" && *n == 1));
}

/// A dump made by schema 3 (the same tables and columns; only CHECK constraints were
/// rewritten in 4) restores; one of an unknown schema is refused with both numbers.
#[test]
fn version_3_dumps_restore_and_unknown_versions_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = SqliteStore::open_initialized(&dir.path().join("a.db")).unwrap();
    let mut buf = Vec::new();
    a.dump(&mut buf).unwrap();
    let text = String::from_utf8(buf).unwrap();
    let (header, rest) = text.split_once('\n').unwrap();
    let with_version = |v: u32| {
        let mut h: serde_json::Value = serde_json::from_str(header).unwrap();
        h["schema_version"] = v.into();
        format!("{h}\n{rest}")
    };
    let mut b = SqliteStore::open(&dir.path().join("b.db")).unwrap();
    b.restore(
        &mut std::io::BufReader::new(with_version(3).as_bytes()),
        false,
    )
    .unwrap();
    let (sa, sb) = (a.stats().unwrap(), b.stats().unwrap());
    assert_eq!(
        (sb.tables, sb.last_reference_load),
        (sa.tables, sa.last_reference_load)
    );
    let mut c = SqliteStore::open(&dir.path().join("c.db")).unwrap();
    let e = c
        .restore(
            &mut std::io::BufReader::new(with_version(2).as_bytes()),
            false,
        )
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("schema version 2") && e.contains("3 to 4"),
        "{e}"
    );
}
