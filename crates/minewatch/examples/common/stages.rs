//! What the stage-timing examples share: the profiles of a folder, read into memory
//! first (no file I/O in the timings), and the table of where the time went.

use std::time::Duration;

/// The `*.txt` and `*.md` files of `dir`, in name order.
pub fn load(dir: &str) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("read_dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "md")))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read(p).expect("read"))
        .collect()
}

/// Each stage's time, throughput and share, then the total.
pub fn print(names: &[&str], times: &[Duration], bytes: usize) {
    let mb = bytes as f64 / 1e6;
    let total: Duration = times.iter().sum();
    for (name, d) in names.iter().zip(times) {
        println!(
            "{name:12} {:8.1} ms  {:7.1} MB/s  {:4.1} %",
            d.as_secs_f64() * 1e3,
            mb / d.as_secs_f64(),
            100.0 * d.as_secs_f64() / total.as_secs_f64()
        );
    }
    println!(
        "{:12} {:8.1} ms  {:7.1} MB/s",
        "total",
        total.as_secs_f64() * 1e3,
        mb / total.as_secs_f64()
    );
}
