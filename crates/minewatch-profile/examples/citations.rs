//! Time the parsing of every note's citation under the given folders (one core, the
//! notes read first): `cargo run --release -p minewatch-profile --example citations -- DIR`.
//! `DIGEST=1` prints every citation instead, to compare two versions byte for byte.

fn main() {
    let mut notes: Vec<String> = Vec::new();
    for dir in std::env::args().skip(1) {
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("read_dir")
            .flatten()
            .map(|e| e.path())
            .collect();
        paths.sort();
        for p in paths {
            if let Ok(b) = std::fs::read(&p) {
                notes.extend(
                    minewatch_profile::read(&b)
                        .notes
                        .iter()
                        .map(|n| n.text.clone()),
                );
            }
        }
    }
    if std::env::var_os("DIGEST").is_some() {
        for n in &notes {
            println!("{:?}", minewatch_profile::parse_citation(n));
        }
        return;
    }
    let mut best = f64::MAX;
    let mut keep = 0usize;
    for _ in 0..7 {
        let t = std::time::Instant::now();
        for n in &notes {
            keep += minewatch_profile::parse_citation(n).dates.len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} notes: best of 7 {:.1} ms ({keep})",
        notes.len(),
        best * 1e3
    );
}
