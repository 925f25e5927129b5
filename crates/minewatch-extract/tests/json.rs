//! A fact written by hand (`Fact::write_json`, what `ingest` stores) is what serde
//! writes for it: on every fact extracted from the project's profiles, on a fact with
//! every field set, and on any number.

use minewatch_extract::{extract, Confidence, Fact, Money, Qualifier, Value};
use proptest::prelude::*;

fn by_hand(f: &Fact) -> String {
    let mut o = Vec::new();
    f.write_json(&mut o);
    String::from_utf8(o).unwrap()
}

#[test]
fn every_fact_of_the_projects_profiles() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut files = vec![std::path::PathBuf::from(format!(
        "{root}/../shared/seeds/000_bd786dfe2a2cbc87.txt"
    ))];
    for dir in ["examples", "crates/minewatch-extract/tests/fixtures"] {
        let mut stack = vec![std::path::PathBuf::from(format!("{root}/{dir}"))];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "txt" || x == "md") {
                    files.push(p);
                }
            }
        }
    }
    let mut facts = 0;
    let mut optional = std::collections::BTreeSet::new();
    for f in &files {
        let doc = minewatch_profile::read(&std::fs::read(f).unwrap());
        for fact in extract(&doc) {
            let serde = serde_json::to_string(&fact).unwrap();
            assert_eq!(by_hand(&fact), serde, "{}", f.display());
            let v: serde_json::Value = serde_json::from_str(&serde).unwrap();
            optional.extend(v.as_object().unwrap().keys().cloned());
            facts += 1;
        }
    }
    assert!(facts > 100, "{facts} facts");
    assert!(optional.len() > 16, "fields seen: {optional:?}");
}

fn full(value: Value, money: f64) -> Fact {
    Fact {
        predicate: "stockpile.total".into(),
        subject: "USA".into(),
        value,
        qualifier: Qualifier::MoreThan,
        unit: Some("mines".into()),
        as_of: None,
        notes: vec![1, 22],
        line: 7,
        span: [10, 200],
        value_span: [20, 30],
        quote: "It holds \"3 million\" \u{2014} or\tmore.\u{1}".into(),
        instrument: Some("accession".into()),
        resolution: Some("74/61".into()),
        vote: Some("yes".into()),
        date: Some("2019-12".into()),
        date_span: Some([40, 47]),
        since: Some(-5),
        until: Some(2019),
        one_of: Some(3),
        role: Some("producer".into()),
        mine_type: Some("PMN-2".into()),
        cost: Some(Money {
            value: money,
            unit: "USD".into(),
        }),
        equivalent: Some(Money {
            value: 4.0,
            unit: "EUR".into(),
        }),
        destinations: Some(38),
        destination_states: Some(vec!["AGO".into(), "KHM".into()]),
        recipient: minewatch_extract::Code::new("AGO"),
        donors: std::num::NonZeroU16::new(6),
        casualty: Some("killed".into()),
        column: Some("Quantity".into()),
        confidence: Confidence::Low,
        reason: Some("a range".into()),
    }
}

#[test]
fn a_fact_with_every_field_set() {
    for (value, money) in [
        (Value::Number(3.0e6), 120.0e6),
        (Value::Range([1000.0, 2500.5]), 0.1),
        (Value::Text("2009-04-02".into()), -7.25),
    ] {
        let f = full(value, money);
        assert_eq!(by_hand(&f), serde_json::to_string(&f).unwrap());
    }
}

proptest! {
    #[test]
    fn any_number(v in prop_oneof![
        any::<f64>(),
        (-1.0e16f64..1.0e16),
        (-100i64..100).prop_map(|x| x as f64),
        Just(9.0e15), Just(-9.0e15), Just(8.999_999_999_999_999e15), Just(0.0), Just(-0.0),
    ]) {
        let f = full(Value::Range([v, -v]), v);
        prop_assert_eq!(by_hand(&f), serde_json::to_string(&f).unwrap());
    }
}
