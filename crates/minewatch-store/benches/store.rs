//! Latency of `status` and `states` against a database file with the reference data loaded.
//! Run: `cargo bench -p minewatch-store --bench store`

use std::sync::OnceLock;

use minewatch_store::{SqliteStore, StatusQuery, Store, TreatyStatus};

fn main() {
    divan::main();
}

struct Db {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

fn db() -> &'static Db {
    static DB: OnceLock<Db> = OnceLock::new();
    DB.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("bench.db");
        SqliteStore::open_initialized(&path).expect("initialised database");
        Db { _dir: dir, path }
    })
}

fn q() -> StatusQuery {
    StatusQuery::as_of("2026-06-01".parse().expect("date"))
}

#[divan::bench]
fn status_one_state(bencher: divan::Bencher) {
    let store = SqliteStore::open(&db().path).expect("open");
    bencher.bench_local(|| store.status(divan::black_box("FIN"), &q()).expect("status"));
}

#[divan::bench]
fn status_resolve_name(bencher: divan::Bencher) {
    let store = SqliteStore::open(&db().path).expect("open");
    bencher.bench_local(|| {
        let s = store
            .resolve(divan::black_box("United States of America"))
            .expect("resolve");
        store.status(&s.iso3, &q()).expect("status")
    });
}

#[divan::bench]
fn states_all(bencher: divan::Bencher) {
    let store = SqliteStore::open(&db().path).expect("open");
    bencher.bench_local(|| store.states(None, &q()).expect("states"));
}

#[divan::bench]
fn states_parties(bencher: divan::Bencher) {
    let store = SqliteStore::open(&db().path).expect("open");
    bencher.bench_local(|| {
        store
            .states(Some(TreatyStatus::StateParty), &q())
            .expect("states")
    });
}

#[divan::bench]
fn open_and_check_refdata(bencher: divan::Bencher) {
    let path = &db().path;
    bencher.bench_local(|| {
        let mut s = SqliteStore::open(path).expect("open");
        s.load_reference_data().expect("load")
    });
}

const MODEL: usize = 12_000;

/// 256 synthetic profiles shaped like the generated corpus (3 KB text, 12 KB model JSON,
/// 11 notes each), written in one transaction into a fresh database.
fn synthetic_batch(seed: usize) -> Vec<minewatch_store::ProfileInput> {
    (0..256)
        .map(|i| {
            let body = format!("Profile {seed}-{i}. ").repeat(150);
            let mut p = minewatch_store::testkit::sample_profile(
                "Finland",
                Some("FIN"),
                "2020-11-16",
                &body,
            );
            p.content_hash = minewatch_store::ProfileInput::hash_bytes(p.text.as_bytes());
            p.model_json = format!("{{\"blocks\":\"{}\"}}", "x".repeat(MODEL));
            let note = p.parts.notes().expect("notes")[0].clone();
            let notes: Vec<_> = (1..=11)
                .map(|n| minewatch_store::ProfileNote {
                    number: n,
                    ..note.clone()
                })
                .collect();
            let facts: Vec<String> = p
                .parts
                .facts()
                .expect("facts")
                .iter()
                .map(|f| f.fact_json.clone())
                .collect();
            p.parts =
                minewatch_store::profile_json::ProfileParts::new(&notes, &facts).expect("parts");
            p
        })
        .collect()
}

#[divan::bench(sample_count = 20)]
fn ingest_256_profiles(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ingest.db");
    let mut store = SqliteStore::open_initialized(&path).expect("open");
    let mut seed = 0;
    bencher
        .counter(divan::counter::BytesCount::new(
            256 * synthetic_batch(0)[0].byte_len as usize,
        ))
        .bench_local(|| {
            seed += 1;
            let batch = synthetic_batch(seed);
            store.ingest_profiles(&batch).expect("ingest")
        });
}
