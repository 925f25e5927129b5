//! Extraction throughput over a generated corpus.
//!
//! `cargo bench -p minewatch-extract --bench extract` — divan reports the time per
//! iteration and the throughput in bytes/s (read as MB/s).

use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    divan::main();
}

fn corpus() -> Vec<minewatch_profile::Document> {
    minewatch_corpus::corpus(7, 200)
        .map(|p| minewatch_profile::read(p.text.as_bytes()))
        .collect()
}

/// Extraction alone, over documents already read.
#[divan::bench(sample_count = 20)]
fn extract_corpus(bencher: Bencher) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut n = 0;
        for d in &docs {
            n += minewatch_extract::extract(divan::black_box(d)).len();
        }
        n
    });
}

/// Reading plus extraction plus cross-checks: what `minewatch extract` and `check` pay.
#[divan::bench(sample_count = 10)]
fn read_extract_cross(bencher: Bencher) {
    let texts: Vec<String> = minewatch_corpus::corpus(7, 200).map(|p| p.text).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let opts = minewatch_extract::CrossOptions::default();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut n = 0;
        for t in &texts {
            let doc = minewatch_profile::read(t.as_bytes());
            let facts = minewatch_extract::extract(&doc);
            n += facts.len() + minewatch_extract::cross_check(&doc, &facts, &opts).len();
        }
        n
    });
}

/// Extraction alone on both cores of this machine: the corpus split in two halves,
/// one thread each (what `minewatch extract` does per file).
#[divan::bench(sample_count = 20)]
fn extract_corpus_2_threads(bencher: Bencher) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let (a, b) = docs.split_at(docs.len() / 2);
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        std::thread::scope(|s| {
            let h = s.spawn(|| {
                a.iter()
                    .map(|d| minewatch_extract::extract(divan::black_box(d)).len())
                    .sum::<usize>()
            });
            let n: usize = b
                .iter()
                .map(|d| minewatch_extract::extract(divan::black_box(d)).len())
                .sum();
            n + h.join().unwrap_or(0)
        })
    });
}
