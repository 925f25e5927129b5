//! Read + check throughput over a generated corpus (in memory, no file I/O).
//! `cargo bench -p minewatch-check --bench check`

use divan::counter::BytesCount;
use divan::Bencher;

fn main() {
    divan::main();
}

fn corpus(n: usize) -> Vec<String> {
    minewatch_corpus::corpus(1, n).map(|p| p.text).collect()
}

#[divan::bench(args = [500])]
fn read_and_check(bencher: Bencher, n: usize) {
    let texts = corpus(n);
    let bytes: usize = texts.iter().map(String::len).sum();
    let opts = minewatch_check::Options {
        as_of: "2026-11-30".parse().unwrap(),
        ..Default::default()
    };
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut found = 0;
        for t in &texts {
            let doc = minewatch_profile::read(t.as_bytes());
            found += minewatch_check::check(&doc, &opts).len();
        }
        found
    });
}

#[divan::bench(args = [500])]
fn read_only(bencher: Bencher, n: usize) {
    let texts = corpus(n);
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        texts
            .iter()
            .map(|t| minewatch_profile::read(t.as_bytes()).blocks.len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn seed(bencher: Bencher) {
    let p = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/000_bd786dfe2a2cbc87.txt"
    );
    let Ok(bytes) = std::fs::read(p) else { return };
    let opts = minewatch_check::Options {
        as_of: "2026-11-30".parse().unwrap(),
        ..Default::default()
    };
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| minewatch_check::check(&minewatch_profile::read(&bytes), &opts).len());
}
