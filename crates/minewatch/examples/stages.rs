//! Where `check` spends its time, stage by stage, on one core, over a folder of
//! profiles loaded into memory first (no file I/O in the timings):
//! `cargo run --release -p minewatch --example stages -- /tmp/corpus5k`.

use std::time::{Duration, Instant};

#[path = "common/stages.rs"]
mod common;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: stages DIR");
    let files = common::load(&dir);
    let bytes: usize = files.iter().map(Vec::len).sum();
    let opts = minewatch_check::Options::default();
    let cross = minewatch_extract::CrossOptions {
        as_of: opts.as_of,
        stale_after_months: opts.stale_after_months,
    };
    // `STAGES=n` runs only the first n stages (for `perf record` on one of them).
    let stages: usize = std::env::var("STAGES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    // `ROUNDS=n` runs the corpus n times and keeps each stage's best time (this VM's
    // speed drifts: the best of several rounds is the figure to compare builds by).
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let mut best = [Duration::MAX; 5];
    let mut n = 0usize;
    for _ in 0..rounds {
        let mut t = [Duration::ZERO; 5];
        for f in &files {
            let s = Instant::now();
            let doc = minewatch_profile::read(f);
            t[0] += s.elapsed();
            if stages == 1 {
                n += doc.paragraphs.len();
                continue;
            }
            let s = Instant::now();
            let d = minewatch_check::check(&doc, &opts);
            t[1] += s.elapsed();
            if stages == 2 {
                n += d.len();
                continue;
            }
            let s = Instant::now();
            let facts = minewatch_extract::extract(&doc);
            t[2] += s.elapsed();
            let s = Instant::now();
            let c = minewatch_extract::cross_check(&doc, &facts, &cross);
            t[3] += s.elapsed();
            let s = Instant::now();
            // As `check --format json` renders a file: its pieces of the report's
            // array, streamed.
            let report = minewatch_check::render::FileReport {
                path: "x",
                text: &doc.text,
                diagnostics: &d,
            };
            let v = minewatch_check::render::json_file_pieces(&report, 4);
            t[4] += s.elapsed();
            n += d.len() + c.len();
            std::hint::black_box(v);
        }
        for (b, x) in best.iter_mut().zip(t) {
            *b = (*b).min(x);
        }
    }
    let t = best;
    println!(
        "{} files, {:.1} MB, {} diagnostics a round",
        files.len(),
        bytes as f64 / 1e6,
        n / rounds.max(1)
    );
    common::print(
        &["read", "check", "extract", "cross_check", "render_json"],
        &t,
        bytes,
    );
}
