//! The shared story on SQLite, plus SQLite-specific behaviour (files, WAL, open errors).

use std::path::Path;

use minewatch_store::testkit::{sample_profile, story};
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
        include_str!("../migrations/sqlite/0004_checks_without_in_lists.sql"),
        concat!(
            include_str!("../migrations/sqlite/0005a_profile_json_columns.sql"),
            include_str!("../migrations/sqlite/0005b_profile_rows_to_json.sql"),
            include_str!("../migrations/sqlite/0005c_profile_views.sql"),
        ),
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
    assert_eq!(s.migrate().unwrap(), vec![4, 5, 6]);
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
            "SELECT group_concat(sql) FROM sqlite_master WHERE name IN ('source', 'fact', 'state_version')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        !schema.contains(" IN (") && schema.contains("CHECK"),
        "{schema}"
    );
    let indexes: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN
             ('fact_by_predicate', 'fact_claim_versions')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(indexes, 2);
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

/// Opening a database while another process migrates it never mistakes it for another
/// application's: the schema is read in one snapshot (it once read the version, then
/// the tables, and saw a migration's tables committed in between without its version).
#[test]
fn opening_a_database_while_another_migrates_it() {
    for round in 0..6 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("kb{round}.db"));
        // Created empty first (as a first command would), then migrated by one while
        // others open it again and again.
        drop(SqliteStore::open(&path).unwrap());
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|s| {
            let readers: Vec<_> = (0..3)
                .map(|_| {
                    s.spawn(|| {
                        let mut opened = 0;
                        while !done.load(std::sync::atomic::Ordering::Relaxed) || opened == 0 {
                            if let Err(e) = SqliteStore::open(&path) {
                                panic!("open during a migration: {e}");
                            }
                            opened += 1;
                        }
                        opened
                    })
                })
                .collect();
            let mut st = SqliteStore::open(&path).unwrap();
            st.migrate().unwrap();
            done.store(true, std::sync::atomic::Ordering::Relaxed);
            for r in readers {
                assert!(r.join().unwrap() > 0);
            }
        });
    }
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
        e.contains("schema version 2") && e.contains(&format!("3 to {SQLITE_SCHEMA_VERSION}")),
        "{e}"
    );
}

/// Profile rows as schema 4 kept them: a version with two notes (each with its
/// `source` row) and two candidate facts, one of them reviewed and recorded later; a
/// fact of the knowledge base cites the first note's source row.
const V4_PROFILE_ROWS: &str = r#"
INSERT INTO state VALUES ('USA', '2025-01-01T00:00:00.000000Z');
INSERT INTO profile (id, key, iso3, country, profile_type, recorded_at)
  VALUES (1, 'USA|mine ban policy', 'USA', 'United States', 'Mine Ban Policy', '2026-01-01T00:00:00.000000Z');
INSERT INTO profile_version (id, profile_id, version, content_hash, source_path, last_updated, byte_len, text,
  model_json, diagnostics_json, error_count, warning_count, recorded_at)
  VALUES (1, 1, 1, 'h1', 'us.txt', '2020-11-16', 4, 'text', '{}', '[]', 0, 0, '2026-01-01T00:00:00.000000Z');
INSERT INTO source (id, key, kind, title, url, note, confidence, recorded_at) VALUES
  (10, 'profile-note:1:0', 'profile-note', 'Landmine Policy', 'https://example.org/a', 'DoD, "Landmine Policy", 2020.', 'medium', '2026-01-01T00:00:00.000000Z'),
  (11, 'profile-note:1:1', 'profile-note', 'Author B', NULL, 'Author B, undated.', 'medium', '2026-01-01T00:00:00.000000Z');
INSERT INTO profile_note (id, profile_version_id, number, span_start, span_end, text, author, title, place, dates, url, undated, source_id) VALUES
  (1, 1, 1, 100, 140, 'DoD, "Landmine Policy", 2020.', 'DoD', 'Landmine Policy', NULL, '["2020"]', 'https://example.org/a', 0, 10),
  (2, 1, 2, 141, 160, 'Author B, undated.', 'Author B', NULL, NULL, '[]', NULL, 1, 11);
INSERT INTO profile_fact (id, profile_version_id, status, subject, predicate, value, qualifier, unit, as_of, notes, source_id,
  line, span_start, span_end, quote, confidence, fact_json, recorded_at) VALUES
  (1, 1, 'candidate', 'USA', 'stockpile.total', '3000000', 'more-than', 'mines', '2014', '[9,2]', 11, 5, 50, 90,
   'It holds "3 million".', 'high', '{"predicate":"stockpile.total","value":3000000}', '2026-01-01T00:00:00.000000Z'),
  (2, 1, 'accepted', 'FIN', 'mbt.party', '"yes"', 'exact', NULL, NULL, '[1]', 10, 6, 20, 40,
   'Finland is party.', 'medium', '{"predicate":"mbt.party"}', '2026-02-01T00:00:00.000000Z');
INSERT INTO fact (subject, predicate, claim, version, value_text, confidence, rank, source_id, recorded_at)
  VALUES ('USA', 'note', 'c', 1, 'x', 'high', 'normal', 10, '2026-01-01T00:00:00.000000Z');
"#;

/// What a store shows of `V4_PROFILE_ROWS` once they are in schema 5 (and 6: their
/// facts' fields disagree with the facts, so they keep them).
fn assert_v4_profile_rows_kept(s: &SqliteStore, c: &rusqlite::Connection) {
    let usa = s.profile_facts(Some("USA")).unwrap();
    assert_eq!(usa.len(), 1);
    let f = &usa[0];
    assert_eq!(
        (
            f.status.as_str(),
            f.fact.value_json.as_str(),
            f.fact.notes.clone(),
            f.fact.quote.as_str()
        ),
        (
            "candidate",
            "3000000",
            vec![9, 2],
            "It holds \"3 million\"."
        )
    );
    assert_eq!(
        f.fact.fact_json,
        "{\"predicate\":\"stockpile.total\",\"value\":3000000}"
    );
    assert_eq!(
        (f.source_title.as_deref(), f.source_url.as_deref()),
        (Some("Author B, undated."), None)
    );
    assert_eq!(
        (f.recorded_at.as_str(), f.fact.span_start, f.fact.line),
        ("2026-01-01T00:00:00.000000Z", 50, 5)
    );
    let fin = s.profile_facts(Some("FIN")).unwrap();
    assert_eq!(
        (
            fin[0].status.as_str(),
            fin[0].recorded_at.as_str(),
            fin[0].source_title.as_deref()
        ),
        (
            "accepted",
            "2026-02-01T00:00:00.000000Z",
            Some("Landmine Policy")
        )
    );
    assert_eq!(s.profile_facts(None).unwrap().len(), 2);
    assert_eq!(s.profile_versions(None, None).unwrap()[0].note_count, 2);
    // The views show a row per note and per fact, with the old columns.
    let note: (i64, i64, i64, String, Option<String>, String, i64) = c
        .query_row(
            "SELECT number, span_start, span_end, text, title, dates, undated FROM profile_note WHERE position = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)),
        )
        .unwrap();
    assert_eq!(
        note,
        (
            2,
            141,
            160,
            "Author B, undated.".into(),
            None,
            "[]".into(),
            1
        )
    );
    let fact: (String, String, String, String) = c
        .query_row(
            "SELECT status, subject, value, recorded_at FROM profile_fact WHERE position = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        fact,
        (
            "accepted".into(),
            "FIN".into(),
            "\"yes\"".into(),
            "2026-02-01T00:00:00.000000Z".into()
        )
    );
    // The note's source row that a fact cites stays; the other one went.
    let keys: Vec<String> = c
        .prepare("SELECT key FROM source WHERE kind = 'profile-note'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(keys, vec!["profile-note:1:0".to_string()]);
    let broken: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(broken, 0);
}

/// Version 5 moves notes and candidate facts into their version's JSON arrays: every
/// field, the order, a fact's review status and recorded time survive, and the views
/// show the old rows.
#[test]
fn a_version_4_database_keeps_its_profile_notes_and_facts_in_version_5() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    let c = database_at_version(&path, 4);
    c.execute_batch(V4_PROFILE_ROWS).unwrap();
    drop(c);
    let mut s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.migrate().unwrap(), vec![5, 6]);
    let c = rusqlite::Connection::open(&path).unwrap();
    assert_v4_profile_rows_kept(&s, &c);
}

/// A dump written by schema 4 (with its `profile_note` and `profile_fact` rows)
/// restores into schema 5 as the migration would have moved it.
#[test]
fn a_version_4_dump_restores_into_version_5() {
    let dir = tempfile::tempdir().unwrap();
    let c = database_at_version(&dir.path().join("v4.db"), 4);
    c.execute_batch(V4_PROFILE_ROWS).unwrap();
    // The dump as schema 4 wrote it: its tables in this order, every row as an object.
    let tables = [
        "state",
        "state_version",
        "source",
        "fact",
        "unga_resolution",
        "refdata_load",
        "profile",
        "profile_version",
        "profile_note",
        "profile_fact",
    ];
    let (dump, rows) = dump_as_written_by(&c, 4, &tables);
    let path = dir.path().join("v5.db");
    let mut s = SqliteStore::open(&path).unwrap();
    let report = s
        .restore(&mut std::io::BufReader::new(dump.as_bytes()), false)
        .unwrap();
    assert_eq!(report.rows, rows);
    let c = rusqlite::Connection::open(&path).unwrap();
    assert_v4_profile_rows_kept(&s, &c);
    // The temporary tables went with the restore: the same store restores the dump
    // again (it would fail to make them if they were still there).
    s.restore(&mut std::io::BufReader::new(dump.as_bytes()), true)
        .unwrap();
    assert_v4_profile_rows_kept(&s, &c);
}

/// Database contents are outside input too: a version whose notes or facts are not
/// the JSON the store wrote gives an error naming the version, not a panic.
#[test]
fn damaged_notes_or_facts_json_is_an_error_naming_the_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.db");
    let mut s = SqliteStore::open_initialized(&path).unwrap();
    let p = minewatch_store::testkit::sample_profile("Norway", Some("NOR"), "2024-01-01", "Party.");
    s.ingest_profiles(&[p]).unwrap();
    let c = rusqlite::Connection::open(&path).unwrap();
    for (column, value) in [
        ("facts_json", "'[{\"subject\": \"NOR\"}]'"),
        ("facts_json", "'not json'"),
        ("notes_json", "x'ff00'"),
        ("notes_json", "'[1, 2]'"),
    ] {
        c.execute_batch(&format!("UPDATE profile_version SET {column} = {value}"))
            .unwrap();
        let e = s.profile_facts(Some("NOR")).unwrap_err().to_string();
        assert!(e.contains("profile version 1"), "{column} = {value}: {e}");
        c.execute_batch("UPDATE profile_version SET facts_json = '[]', notes_json = '[]'")
            .unwrap();
    }
    c.execute_batch("UPDATE profile_version SET notes_json = 'not json'")
        .unwrap();
    let e = s.profile_versions(None, None).unwrap_err().to_string();
    assert!(
        e.contains("profile version 1: notes_json is not JSON"),
        "{e}"
    );
}

/// Any other damaged value a query reads — a date that is not a date, an aliases list
/// that is not JSON, a grade the schema does not know — is an error that says what is
/// damaged, where (the row and the column) and what it holds; the first of each kind
/// failed as "Conversion error from type Text at index: 0" with no row named.
#[test]
fn a_damaged_value_is_an_error_naming_its_row_and_column() {
    let cases: [(&str, &[&str]); 4] = [
        (
            "UPDATE state_version SET aliases = '{not json' WHERE iso3 = 'NOR'",
            &["damaged data in the database", "state NOR (version 1): aliases", "{not json"],
        ),
        (
            "UPDATE fact SET value_date = '2012-13-45' WHERE subject = 'NOR' AND value_date IS NOT NULL",
            &["damaged data in the database: fact ", ": value_date", "2012-13-45", "calendar"],
        ),
        (
            "UPDATE source SET confidence = 'sure' WHERE id IN (SELECT source_id FROM fact WHERE subject = 'NOR')",
            &["its source's confidence", "\"sure\""],
        ),
        (
            "UPDATE profile_version SET last_updated = 'yesterday'",
            &["profile version 1: last_updated", "yesterday"],
        ),
    ];
    for (damage, wants) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kb.db");
        let mut s = SqliteStore::open_initialized(&path).unwrap();
        let p = sample_profile("Norway", Some("NOR"), "2024-01-01", "Party.");
        s.ingest_profiles(&[p]).unwrap();
        let as_of = StatusQuery::as_of("2020-01-01".parse().unwrap());
        s.status("NOR", &as_of).unwrap();
        s.profile_versions(None, None).unwrap();
        let c = rusqlite::Connection::open(&path).unwrap();
        // CHECK constraints on grades are set aside to put a bad one in.
        c.execute_batch("PRAGMA ignore_check_constraints = ON")
            .unwrap();
        let changed = c.execute(damage, []).unwrap();
        assert!(changed > 0, "{damage} changed nothing");
        let e = if damage.contains("profile_version") {
            s.profile_versions(None, None).map(|_| ()).unwrap_err()
        } else {
            s.status("NOR", &as_of).map(|_| ()).unwrap_err()
        };
        assert!(matches!(e, StoreError::Damaged(_)), "{damage}: {e:?}");
        let e = e.to_string();
        for w in wants {
            assert!(e.contains(w), "{damage}: {e} (wants {w})");
        }
    }
}

/// Migration 5 drops the old note and fact tables; the pages they held are given back
/// (the file does not keep them as free space), and every note is still there.
#[test]
fn migrating_to_version_5_gives_back_the_space_of_the_dropped_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    let c = database_at_version(&path, 4);
    c.execute_batch(V4_PROFILE_ROWS).unwrap();
    c.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 FROM n WHERE i < 6002)
         INSERT INTO profile_note (id, profile_version_id, number, span_start, span_end, text, dates, undated, source_id)
         SELECT i, 1, i, 0, 1, printf('%.1000c', 'x'), '[]', 0, 11 FROM n;",
    )
    .unwrap();
    drop(c);
    let mut s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.migrate().unwrap(), vec![5, 6]);
    let c = rusqlite::Connection::open(&path).unwrap();
    let pragma = |p: &str| -> i64 {
        c.query_row(&format!("PRAGMA {p}"), [], |r| r.get(0))
            .unwrap()
    };
    let (free, total) = (pragma("freelist_count"), pragma("page_count"));
    assert!(free * 10 < total, "{free} of {total} pages free");
    let notes: i64 = c
        .query_row("SELECT count(*) FROM profile_note", [], |r| r.get(0))
        .unwrap();
    assert_eq!(notes, 6002);
}

/// A dump whose notes or facts are not a JSON array is refused, naming the version,
/// and nothing is restored.
#[test]
fn a_dump_with_damaged_notes_or_facts_json_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = SqliteStore::open(&dir.path().join("a.db")).unwrap();
    a.migrate().unwrap();
    let p = minewatch_store::testkit::sample_profile("Nowhere", None, "2024-01-01", "Party.");
    a.ingest_profiles(&[p]).unwrap();
    let mut buf = Vec::new();
    a.dump(&mut buf).unwrap();
    let text = String::from_utf8(buf).unwrap();
    for (from, to) in [
        ("\"facts_json\":\"[", "\"facts_json\":\"{\\\"x\\\":["),
        ("\"notes_json\":\"[", "\"notes_json\":\"[["),
    ] {
        assert!(text.contains(from), "{from}");
        let damaged = text.replacen(from, to, 1);
        let mut b = SqliteStore::open(&dir.path().join("b.db")).unwrap();
        let e = b
            .restore(&mut std::io::BufReader::new(damaged.as_bytes()), false)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("profile version 1") && e.contains("nothing was restored"),
            "{e}"
        );
        assert!(b.profile_versions(None, None).unwrap().is_empty());
    }
}

/// A profile version as schema 5 kept it: facts with their fields repeated beside them
/// (two agree with their fact, one of them reviewed and recorded later; the third
/// disagrees), and a model whose notes carry their text and citation.
const V5_PROFILE_ROWS: &str = r#"
INSERT INTO state VALUES ('USA', '2025-01-01T00:00:00.000000Z');
INSERT INTO profile (id, key, iso3, country, profile_type, recorded_at)
  VALUES (1, 'USA|mine ban policy', 'USA', 'United States', 'Mine Ban Policy', '2026-01-01T00:00:00.000000Z');
INSERT INTO profile_version (id, profile_id, version, content_hash, source_path, last_updated, byte_len, text,
  model_json, diagnostics_json, error_count, warning_count, recorded_at, notes_json, facts_json)
  VALUES (1, 1, 1, 'h1', 'us.txt', '2020-11-16', 4, 'text',
  '{"format":"plain-text","blocks":[],"notes":[{"number":1,"span":[100,140],"marker":[100,103],"text":"DoD, \u201cLandmine Policy,\u201d 2020.","citation":{"author":"DoD","title":"Landmine Policy","dates":["2020"],"url":null,"undated":false,"lost_link":false}}],"diagnostics":[]}',
  '[]', 0, 0, '2026-01-01T00:00:00.000000Z',
  '[{"number":1,"span":[100,140],"text":"DoD, \u201cLandmine Policy,\u201d 2020.","author":"DoD","title":"Landmine Policy","place":null,"dates":["2020"],"url":null,"undated":false}]',
  '[{"subject":"USA","predicate":"stockpile.total","value":3000000,"qualifier":"more-than","unit":"mines","as_of":"2014","notes":[1],"line":5,"span":[50,90],"quote":"It holds \"3 million\" \u2014 so it says.","confidence":"high","fact":{"predicate":"stockpile.total","subject":"USA","value":3000000,"qualifier":"more-than","unit":"mines","as_of":"2014","notes":[1],"line":5,"span":[50,90],"value_span":[60,70],"quote":"It holds \"3 million\" \u2014 so it says.","confidence":"high"}},
    {"subject":"USA","predicate":"treaty.signature","value":"1997-12-03","qualifier":"exact","unit":null,"as_of":null,"notes":[],"line":6,"span":[91,99],"quote":"Signed.","confidence":"low","fact":{"predicate":"treaty.signature","subject":"USA","value":"1997-12-03","qualifier":"exact","unit":null,"as_of":null,"notes":[],"line":6,"span":[91,99],"value_span":[91,98],"quote":"Signed.","confidence":"low","reason":"r"},"status":"accepted","recorded_at":"2026-02-01T00:00:00.000000Z"},
    {"subject":"USA","predicate":"use.last","value":"1991","qualifier":"exact","unit":null,"as_of":null,"notes":[],"line":7,"span":[92,99],"quote":"Used.","confidence":"high","fact":{"predicate":"use.last","subject":"USA","value":"1992","qualifier":"exact","unit":null,"as_of":null,"notes":[],"line":7,"span":[92,99],"quote":"Used.","confidence":"high"}}]');
"#;

/// Version 6 keeps each thing of a profile version once: a fact whose fields agree
/// with it becomes `{"fact": …}`, one whose fields disagree keeps them, the model's
/// notes keep their place only; nothing read back changes (facts, their status and
/// recorded times, sources, the views' rows).
#[test]
fn a_version_5_database_keeps_each_fact_once_in_version_6() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    let c = database_at_version(&path, 5);
    c.execute_batch(V5_PROFILE_ROWS).unwrap();
    let view = |c: &rusqlite::Connection, v: &str| -> Vec<String> {
        let mut st = c
            .prepare(&format!(
                "SELECT * FROM {v} ORDER BY profile_version_id, position"
            ))
            .unwrap();
        let n = st.column_count();
        st.query_map([], |r| {
            (0..n)
                .map(|i| {
                    r.get::<_, rusqlite::types::Value>(i)
                        .map(|v| format!("{v:?}"))
                })
                .collect::<Result<Vec<_>, _>>()
                .map(|x| x.join("|"))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    let (facts_before, notes_before) = (view(&c, "profile_fact"), view(&c, "profile_note"));
    drop(c);
    let mut s = SqliteStore::open(&path).unwrap();
    let before = s.profile_facts(None).unwrap();
    assert_eq!(before.len(), 3);
    assert_eq!(s.migrate().unwrap(), vec![6]);
    assert_eq!(s.profile_facts(None).unwrap(), before);
    let c = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(view(&c, "profile_fact"), facts_before);
    assert_eq!(view(&c, "profile_note"), notes_before);
    let (facts, model): (String, String) = c
        .query_row(
            "SELECT facts_json, model_json FROM profile_version",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let facts: Vec<serde_json::Value> = serde_json::from_str(&facts).unwrap();
    let keys = |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&facts[0]), vec!["fact"]);
    assert_eq!(keys(&facts[1]), vec!["fact", "recorded_at", "status"]);
    assert!(
        keys(&facts[2]).contains(&"subject".to_string()),
        "disagreeing fields kept"
    );
    assert_eq!(
        before[2].fact.value_json, "\"1991\"",
        "read from the kept fields"
    );
    let model: serde_json::Value = serde_json::from_str(&model).unwrap();
    assert_eq!(
        model["notes"],
        serde_json::json!([{"number": 1, "span": [100, 140], "marker": [100, 103]}])
    );
    assert_eq!(model["format"], "plain-text");
    // A dump of schema 5 restores into the same.
    let c5 = database_at_version(&dir.path().join("v5b.db"), 5);
    c5.execute_batch(V5_PROFILE_ROWS).unwrap();
    let tables = [
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
    let (dump, _) = dump_as_written_by(&c5, 5, &tables);
    let mut r = SqliteStore::open(&dir.path().join("r.db")).unwrap();
    r.restore(&mut std::io::BufReader::new(dump.as_bytes()), false)
        .unwrap();
    let restored: String = rusqlite::Connection::open(dir.path().join("r.db"))
        .unwrap()
        .query_row("SELECT facts_json FROM profile_version", [], |r| r.get(0))
        .unwrap();
    let restored: Vec<serde_json::Value> = serde_json::from_str(&restored).unwrap();
    assert_eq!(restored, facts);
    assert_eq!(r.profile_facts(None).unwrap(), before);
}

/// A dump as an older schema wrote it: its tables in this order, every row as an object.
fn dump_as_written_by(
    c: &rusqlite::Connection,
    schema_version: u32,
    tables: &[&str],
) -> (String, u64) {
    let mut dump = serde_json::json!({
        "format": "minewatch-dump", "format_version": 1, "schema_version": schema_version,
        "backend": "sqlite", "tables": tables,
    })
    .to_string();
    dump.push('\n');
    let mut rows = 0;
    for &t in tables {
        let mut st = c
            .prepare(&format!("SELECT * FROM {t} ORDER BY rowid"))
            .unwrap();
        let cols: Vec<String> = st.column_names().iter().map(|c| c.to_string()).collect();
        let mut q = st.query([]).unwrap();
        while let Some(r) = q.next().unwrap() {
            let mut obj = serde_json::Map::new();
            for (i, col) in cols.iter().enumerate() {
                let v = match r.get::<_, rusqlite::types::Value>(i).unwrap() {
                    rusqlite::types::Value::Null => serde_json::Value::Null,
                    rusqlite::types::Value::Integer(n) => n.into(),
                    rusqlite::types::Value::Text(s) => s.into(),
                    other => panic!("{other:?}"),
                };
                obj.insert(col.clone(), v);
            }
            dump.push_str(&serde_json::json!({ "table": t, "row": obj }).to_string());
            dump.push('\n');
            rows += 1;
        }
    }
    dump.push_str(&serde_json::json!({ "end": true, "rows": rows }).to_string());
    dump.push('\n');
    (dump, rows)
}

/// Migration 6 rewrites only what it can read: a version whose facts are not a JSON
/// array, or whose model has no notes array, is left as it was.
#[test]
fn migration_6_leaves_what_it_cannot_read_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    let c = database_at_version(&path, 5);
    c.execute_batch(V5_PROFILE_ROWS).unwrap();
    c.execute_batch(
        "INSERT INTO profile_version (id, profile_id, version, content_hash, byte_len, text, model_json,
           diagnostics_json, error_count, warning_count, recorded_at, notes_json, facts_json)
         VALUES (2, 1, 2, 'h2', 1, 'x', '[1, {\"notes\": 3}]', '[]', 0, 0, 't', '[]', '{\"subject\": \"USA\", \"x\": [1]}'),
                (3, 1, 3, 'h3', 1, 'y', 'not json', '[]', 0, 0, 't', '[]', 'not json');",
    )
    .unwrap();
    let rows = |c: &rusqlite::Connection| -> Vec<(String, String)> {
        c.prepare("SELECT model_json, facts_json FROM profile_version WHERE id > 1 ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let before = rows(&c);
    drop(c);
    let mut s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.migrate().unwrap(), vec![6]);
    let c = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(rows(&c), before);
    // The version that could be read was rewritten.
    let facts: String = c
        .query_row(
            "SELECT facts_json FROM profile_version WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(facts.starts_with("[{\"fact\":"), "{facts}");
}

fn journal_mode(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap()
}

/// Bulk writes go through a rollback journal, and the database is in WAL again
/// afterwards, with what was written.
#[test]
fn bulk_writes_go_through_a_rollback_journal_and_return_to_wal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.db");
    let mut s = SqliteStore::open_initialized(&path).unwrap();
    assert!(s.begin_bulk().unwrap(), "alone with the database: bulk");
    assert_eq!(journal_mode(&path), "delete");
    let p = sample_profile(
        "Finland",
        Some("FIN"),
        "2026-01-01",
        "Finland destroyed its stockpile.",
    );
    s.ingest_profiles(&[p]).unwrap();
    s.end_bulk().unwrap();
    assert_eq!(journal_mode(&path), "wal");
    drop(s);
    assert_eq!(journal_mode(&path), "wal");
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.profile_versions(None, None).unwrap().len(), 1);
    // An in-memory store has no journal to change: it declines.
    let mut m = SqliteStore::open_in_memory(Box::new(ManualClock::at_date("2026-01-01"))).unwrap();
    assert!(!m.begin_bulk().unwrap());
    m.end_bulk().unwrap();
}

/// While another connection has the database open, bulk mode is declined at once
/// (no five-second wait for a lock) and writes go on in WAL.
#[test]
fn bulk_mode_is_declined_while_another_connection_has_the_database_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.db");
    let mut a = SqliteStore::open_initialized(&path).unwrap();
    let b = SqliteStore::open(&path).unwrap();
    assert_eq!(b.profile_versions(None, None).unwrap().len(), 0);
    let t = std::time::Instant::now();
    assert!(!a.begin_bulk().unwrap(), "another connection is open");
    assert!(
        t.elapsed() < std::time::Duration::from_secs(4),
        "declined without waiting"
    );
    assert_eq!(journal_mode(&path), "wal");
    a.ingest_profiles(&[sample_profile("Finland", Some("FIN"), "2026-01-01", "A.")])
        .unwrap();
    a.end_bulk().unwrap();
    assert_eq!(b.profile_versions(None, None).unwrap().len(), 1);
}

/// A new database in bulk mode (asserted) with one profile written: its folder (kept
/// alive by the caller), its path and the store.
fn bulk_with_one_profile() -> (tempfile::TempDir, std::path::PathBuf, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.db");
    let mut a = SqliteStore::open_initialized(&path).unwrap();
    assert!(a.begin_bulk().unwrap(), "alone with the database: bulk");
    a.ingest_profiles(&[sample_profile("Finland", Some("FIN"), "2026-01-01", "A.")])
        .unwrap();
    (dir, path, a)
}

/// A process that opens the database during bulk writes switches it back to WAL;
/// the bulk writer goes on (now in WAL), and each side sees the other's writes.
#[test]
fn opening_the_database_during_bulk_writes_returns_it_to_wal() {
    let (_dir, path, mut a) = bulk_with_one_profile();
    let b = SqliteStore::open(&path).unwrap();
    assert_eq!(journal_mode(&path), "wal");
    assert_eq!(b.profile_versions(None, None).unwrap().len(), 1);
    a.ingest_profiles(&[sample_profile("Norway", Some("NOR"), "2026-01-01", "B.")])
        .unwrap();
    assert_eq!(b.profile_versions(None, None).unwrap().len(), 2);
    a.end_bulk().unwrap();
    drop((a, b));
    assert_eq!(journal_mode(&path), "wal");
}

/// A reader that holds the database in rollback mode (another SQLite program, in a
/// read transaction) keeps bulk mode from ending: `end_bulk` answers an error after
/// its five seconds, nothing is lost, and the next opening returns to WAL.
#[test]
fn bulk_mode_that_cannot_end_loses_nothing_and_the_next_opening_returns_to_wal() {
    let (_dir, path, mut a) = bulk_with_one_profile();
    let reader = rusqlite::Connection::open(&path).unwrap();
    reader.execute_batch("BEGIN").unwrap();
    let n: i64 = reader
        .query_row("SELECT count(*) FROM profile_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    let err = a.end_bulk().unwrap_err().to_string();
    assert!(err.contains("locked") || err.contains("busy"), "{err}");
    reader.execute_batch("COMMIT").unwrap();
    drop((a, reader));
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(journal_mode(&path), "wal");
    assert_eq!(s.profile_versions(None, None).unwrap().len(), 1);
}

/// `--known-at` before a state's status was recorded: `status` says nothing was known
/// yet and when the first record is from, and `states` leaves the state out; both
/// used to answer "not-party" from the absence of a record.
#[test]
fn a_status_recorded_later_is_not_known_before() {
    let clock = ManualClock::at_date("2026-01-15");
    let mut s = SqliteStore::open_in_memory(Box::new(clock.clone())).unwrap();
    s.migrate().unwrap();
    s.load_reference_data().unwrap();
    // Kosovo (an "other area") has no treaty record in the reference data; one is
    // added on 2 May.
    clock.set_date("2026-05-02");
    let d = |x: &str| x.parse::<minewatch_model::Date>().unwrap();
    s.put_facts(&[minewatch_store::NewFact {
        subject: "XKX".into(),
        predicate: minewatch_store::predicate::MBT_REPORTED_STATUS.into(),
        slot: String::new(),
        claim: "test".into(),
        value_date: None,
        value_text: Some("not party".into()),
        valid_from: Some(d("2026-05-01")),
        valid_to: None,
        confidence: minewatch_store::Confidence::Medium,
        rank: minewatch_store::Rank::Normal,
        reason: None,
        source: minewatch_store::SourceRef {
            key: "test:xkx".into(),
            kind: "user".into(),
            title: "a test record".into(),
            url: None,
            note: None,
            confidence: minewatch_store::Confidence::Medium,
        },
        retracted: false,
    }])
    .unwrap();
    let q = |known: &str| StatusQuery {
        as_of: d("2026-06-01"),
        known_at: Some(minewatch_store::Timestamp::end_of(d(known))),
    };
    let listed = |known: &str| {
        s.states(None, &q(known))
            .unwrap()
            .iter()
            .any(|r| r.iso3 == "XKX")
    };
    assert!(!listed("2026-05-01"), "not yet recorded on 1 May");
    assert!(listed("2026-05-03"), "recorded on 2 May");
    let finland_then = s.status("FIN", &q("2026-05-01")).unwrap();
    assert_eq!(
        finland_then.status,
        TreatyStatus::Withdrawn,
        "known since January"
    );
    match s.status("XKX", &q("2026-05-01")) {
        Err(e @ StoreError::NotYetKnown { .. }) => {
            let m = e.to_string();
            assert!(
                m.contains("Kosovo (XKX)") && m.contains("2026-05-02"),
                "{m}"
            );
        }
        other => panic!("expected NotYetKnown, got {other:?}"),
    }
    assert!(s.status("XKX", &q("2026-05-03")).is_ok());
}

/// A claim the reference data no longer states is retracted when the data is loaded
/// again (a new version, marked retracted), and nothing else is: every claim of a
/// first load into an empty table is one the data states.
#[test]
fn a_reference_claim_the_data_no_longer_states_is_retracted_on_reload() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kb.db");
    let mut s = SqliteStore::open(&path).unwrap();
    let first = s.load_reference_data().unwrap();
    assert!(!first.unchanged && first.facts > 100, "{first:?}");
    assert_eq!(first.retracted, 0);
    s.put_facts(&[minewatch_store::NewFact {
        subject: "FIN".into(),
        predicate: "mbt.signature".into(),
        slot: "withdrawn-from-the-data".into(),
        claim: "refdata".into(),
        value_date: Some("1997-12-03".parse().unwrap()),
        value_text: None,
        valid_from: Some("1997-12-03".parse().unwrap()),
        valid_to: None,
        confidence: minewatch_store::Confidence::Medium,
        rank: minewatch_store::Rank::Normal,
        reason: None,
        source: minewatch_store::SourceRef {
            key: "test:old-data".into(),
            kind: "dataset".into(),
            title: "an older edition of the reference data".into(),
            url: None,
            note: None,
            confidence: minewatch_store::Confidence::Medium,
        },
        retracted: false,
    }])
    .unwrap();
    // As if the data had changed since: the next load is not skipped.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("DELETE FROM refdata_load", [])
        .unwrap();
    let again = s.load_reference_data().unwrap();
    assert!(!again.unchanged);
    assert_eq!(again.retracted, 1, "{again:?}");
    let latest: (i64, Option<String>) = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT retracted, reason FROM fact WHERE slot = 'withdrawn-from-the-data' ORDER BY version DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(latest.0, 1);
    assert_eq!(latest.1.as_deref(), Some("no longer in the reference data"));
}
