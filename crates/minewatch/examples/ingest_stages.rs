//! Where `ingest` spends its time before the writer, stage by stage, on one core, over
//! a folder of profiles loaded into memory first: the same steps as `ingest`'s
//! `to_input`. `cargo run --release -p minewatch --example ingest_stages -- /tmp/corpus5k`.

use std::time::{Duration, Instant};

use minewatch_store::profile_json::ProfileParts;
use minewatch_store::ProfileInput;

#[path = "common/stages.rs"]
mod common;
#[path = "../src/stored_notes.rs"]
mod stored_notes;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: ingest_stages DIR");
    let files = common::load(&dir);
    let bytes: usize = files.iter().map(Vec::len).sum();
    let opts = minewatch_check::Options::default();
    const STAGES: [&str; 9] = [
        "hash",
        "read",
        "check",
        "model_json",
        "diag_json",
        "citations",
        "notes",
        "extract",
        "parts",
    ];
    let mut t = [Duration::ZERO; STAGES.len()];
    let mut keep = 0usize;
    for f in &files {
        let mut lap = Instant::now();
        let mut mark = |i: usize, t: &mut [Duration]| {
            t[i] += lap.elapsed();
            lap = Instant::now();
        };
        let hash = ProfileInput::hash_bytes(f);
        mark(0, &mut t);
        let mut doc = minewatch_profile::read(f);
        mark(1, &mut t);
        let diags = minewatch_check::check(&doc, &opts);
        mark(2, &mut t);
        let model = doc.stored().to_compact_json();
        mark(3, &mut t);
        let mut dj = Vec::new();
        minewatch_model::json::array(&mut dj, &diags, |o, d| d.write_json(o));
        mark(4, &mut t);
        for n in &doc.notes {
            keep += n.citation().dates.len();
        }
        mark(5, &mut t);
        let facts = minewatch_extract::extract(&doc);
        mark(7, &mut t);
        // As `ingest`: the notes move out of the document last.
        let notes = stored_notes::stored_notes(&mut doc);
        mark(6, &mut t);
        let parts = ProfileParts::from_facts(
            &notes,
            &facts,
            |f| (&f.subject, f.recipient.as_deref()),
            |f, o| f.write_json(o),
        )
        .expect("parts");
        mark(8, &mut t);
        keep += hash.len() + model.len() + dj.len();
        std::hint::black_box(&parts);
    }
    println!(
        "{} files, {:.1} MB ({keep})",
        files.len(),
        bytes as f64 / 1e6
    );
    common::print(&STAGES, &t, bytes);
}
