//! Run the fuzz target's body over the stored corpus and the checker's fixtures.

#[test]
fn corpus_and_fixtures_hold_the_invariants() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for dir in [
        root.join("corpus/read"),
        root.join("../crates/minewatch-check/tests/fixtures"),
    ] {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            minewatch_fuzz::read_and_check(&std::fs::read(&p).unwrap());
            n += 1;
        }
    }
    assert!(n >= 10, "{n} inputs");
}
