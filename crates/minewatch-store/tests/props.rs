//! Property tests: bitemporal reads agree with a simple model, and dump/restore is lossless,
//! for random sequences of writes.

use std::io::BufReader;
use std::sync::OnceLock;

use minewatch_model::Date;
use minewatch_store::{
    Confidence, FactFilter, ManualClock, NewFact, Rank, SourceRef, SqliteStore, Store, Timestamp,
};
use proptest::prelude::*;

/// A database with the reference data loaded, as a dump (restored for every case).
fn base_dump() -> &'static [u8] {
    static DUMP: OnceLock<Vec<u8>> = OnceLock::new();
    DUMP.get_or_init(|| {
        let mut s =
            SqliteStore::open_in_memory(Box::new(ManualClock::at_date("2026-01-01"))).unwrap();
        s.migrate().unwrap();
        s.load_reference_data().unwrap();
        let mut out = Vec::new();
        s.dump(&mut out).unwrap();
        out
    })
}

#[derive(Debug, Clone)]
struct Op {
    claim: usize,
    day: i64,
    rank: Rank,
    retract: bool,
    /// Days the clock moves before this write.
    step: i64,
}

fn op() -> impl Strategy<Value = Op> {
    (
        0usize..3,
        0i64..2000,
        0usize..3,
        proptest::bool::weighted(0.2),
        0i64..4,
    )
        .prop_map(|(claim, day, r, retract, step)| Op {
            claim,
            day,
            rank: [Rank::Preferred, Rank::Normal, Rank::Deprecated][r],
            retract,
            step,
        })
}

fn fact(o: &Op) -> NewFact {
    let date = Date::new(2000, 1, 1).unwrap().add_days(o.day);
    NewFact {
        subject: "NOR".into(),
        predicate: "test.prop".into(),
        slot: String::new(),
        claim: format!("claim-{}", o.claim),
        value_date: Some(date),
        value_text: None,
        valid_from: Some(date),
        valid_to: None,
        confidence: Confidence::Medium,
        rank: o.rank,
        reason: None,
        source: SourceRef {
            key: "prop".into(),
            kind: "test".into(),
            title: "property test".into(),
            url: None,
            note: None,
            confidence: Confidence::Medium,
        },
        retracted: o.retract,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, .. ProptestConfig::default() })]

    #[test]
    fn known_at_reads_agree_with_a_model(ops in proptest::collection::vec(op(), 1..12)) {
        let clock = ManualClock::at_date("2026-02-01");
        let mut store = SqliteStore::open_in_memory(Box::new(clock.clone())).unwrap();
        store.restore(&mut BufReader::new(base_dump()), false).unwrap();
        // Model: every write that changed its claim's content, with the time it was recorded.
        let mut model: Vec<(Timestamp, NewFact)> = Vec::new();
        let mut day = Date::new(2026, 2, 1).unwrap();
        for o in &ops {
            day = day.add_days(o.step);
            clock.set(Timestamp::start_of(day));
            let f = fact(o);
            let latest = model.iter().rev().find(|(_, m)| m.claim == f.claim);
            let changed = latest.is_none_or(|(_, m)| m.content() != f.content());
            let n = store.put_facts(std::slice::from_ref(&f)).unwrap();
            prop_assert_eq!(n, usize::from(changed));
            if changed {
                model.push((Timestamp::start_of(day), f));
            }
        }
        let start = Date::new(2026, 1, 31).unwrap();
        for k in 0..=(day.to_days() - start.to_days()) {
            let at = Timestamp::end_of(start.add_days(k));
            let filter = FactFilter {
                subject: Some("NOR".into()),
                predicate_prefix: Some("test.".into()),
                known_at: Some(at),
                all_ranks: true,
                ..FactFilter::default()
            };
            let got: Vec<(String, Option<Date>, Rank)> =
                store.facts(&filter).unwrap().into_iter().map(|f| (f.claim, f.value_date, f.rank)).collect();
            // Expected: per claim the last version recorded by `at`, unless it is a retraction;
            // best rank first (ties: most recently recorded first).
            let mut want: Vec<(Timestamp, usize, &NewFact)> = Vec::new();
            for c in 0..3 {
                let name = format!("claim-{c}");
                if let Some((i, (t, f))) = model.iter().enumerate().rev().find(|(_, (t, f))| f.claim == name && *t <= at) {
                    if !f.retracted {
                        want.push((*t, i, f));
                    }
                }
            }
            want.sort_by_key(|a| (a.2.rank, std::cmp::Reverse(a.0), std::cmp::Reverse(a.1)));
            let want: Vec<(String, Option<Date>, Rank)> = want.iter().map(|(_, _, f)| (f.claim.clone(), f.value_date, f.rank)).collect();
            prop_assert_eq!(&got, &want, "known at {}", at);
            let best = store.facts(&FactFilter { all_ranks: false, ..filter }).unwrap();
            prop_assert_eq!(best.len(), want.len().min(1));
        }
        // Everything written survives dump -> restore -> dump.
        let mut a = Vec::new();
        store.dump(&mut a).unwrap();
        let mut other = SqliteStore::open_in_memory(Box::new(clock.clone())).unwrap();
        other.restore(&mut BufReader::new(&a[..]), false).unwrap();
        let mut b = Vec::new();
        other.dump(&mut b).unwrap();
        prop_assert!(a == b);
    }
}

/// A small dump: one profile (no state, so no reference data needed) with its notes
/// and facts.
fn profile_dump() -> &'static str {
    static DUMP: OnceLock<String> = OnceLock::new();
    DUMP.get_or_init(|| {
        let mut s =
            SqliteStore::open_in_memory(Box::new(ManualClock::at_date("2026-01-01"))).unwrap();
        s.migrate().unwrap();
        let p = minewatch_store::testkit::sample_profile(
            "Nowhere",
            None,
            "2024-01-01",
            "It \"holds\" mines.",
        );
        s.ingest_profiles(&[p]).unwrap();
        let mut out = Vec::new();
        s.dump(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    /// A damaged dump (a byte changed, a line cut short or dropped) is restored whole
    /// or refused with the database left as it was; reading what was restored answers
    /// or errs, and never panics.
    #[test]
    fn a_damaged_dump_restores_whole_or_not_at_all(
        line in 0usize..8, pos in 0usize..2000, byte in any::<u8>(), kind in 0u8..3,
    ) {
        let dump = profile_dump();
        let mut lines: Vec<Vec<u8>> = dump.lines().map(|l| l.as_bytes().to_vec()).collect();
        let k = line % lines.len();
        match kind {
            0 => {
                let l = &mut lines[k];
                if !l.is_empty() {
                    let i = pos % l.len();
                    l[i] = byte;
                }
            }
            1 => {
                let l = &mut lines[k];
                let keep = pos % (l.len() + 1);
                l.truncate(keep);
            }
            _ => {
                lines.remove(k);
            }
        }
        let damaged = lines.join(&b'\n');
        let mut s = SqliteStore::open_in_memory(Box::new(ManualClock::at_date("2026-02-01"))).unwrap();
        s.migrate().unwrap();
        match s.restore(&mut BufReader::new(&damaged[..]), false) {
            Ok(_) => {
                let _ = s.profile_facts(None);
                let _ = s.profile_versions(None, None);
                let _ = s.stats();
            }
            Err(_) => {
                let stats = s.stats().unwrap();
                prop_assert!(stats.tables.iter().all(|(_, n)| *n == 0), "{:?}", stats.tables);
            }
        }
    }
}
