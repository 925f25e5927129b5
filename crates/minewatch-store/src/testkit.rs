//! The shared "story" test: one scenario, written against the [`Store`] trait only, that
//! every backend must pass (SQLite in this crate's tests; PostgreSQL when a connection
//! string is set). It panics on the first failed expectation.

use std::io::BufReader;

use minewatch_model::Date;

use crate::clock::{ManualClock, Timestamp};
use crate::status::{art17_entry_into_force, parse_as_of, TreatyStatus};
use crate::types::*;
use crate::{StatusQuery, Store, StoreError};

fn d(s: &str) -> Date {
    s.parse().expect("a test date")
}

/// Expected number of States Parties on `date`, straight from the CSV text (independent of
/// the store and of the refdata crate's typed loader).
pub fn expected_parties_from_csv(date: Date) -> usize {
    let t =
        minewatch_refdata::csv::Table::parse("mbt_status.csv", minewatch_refdata::MBT_STATUS_CSV)
            .expect("csv");
    let eif = t.col("entry_into_force").expect("column");
    let weff = t.col("withdrawal_effective_date").expect("column");
    t.records
        .iter()
        .filter(|r| {
            let e = r.fields[eif].trim();
            let w = r.fields[weff].trim();
            !e.is_empty() && d(e) <= date && (w.is_empty() || date < d(w))
        })
        .count()
}

fn parties(store: &dyn Store, date: &str) -> usize {
    store
        .states(Some(TreatyStatus::StateParty), &StatusQuery::as_of(d(date)))
        .expect("states")
        .len()
}

fn status_of(store: &dyn Store, iso3: &str, date: &str) -> TreatyStatus {
    store
        .status(iso3, &StatusQuery::as_of(d(date)))
        .expect("status")
        .status
}

fn count_facts(store: &dyn Store) -> usize {
    store
        .fact_versions(&FactFilter {
            all_versions: true,
            ..FactFilter::default()
        })
        .expect("facts")
        .len()
}

fn user_fact(
    subject: &str,
    predicate: &str,
    claim: &str,
    date: Option<&str>,
    rank: Rank,
) -> NewFact {
    NewFact {
        subject: subject.into(),
        predicate: predicate.into(),
        slot: String::new(),
        claim: claim.into(),
        value_date: date.map(d),
        value_text: None,
        valid_from: date.map(d),
        valid_to: None,
        confidence: Confidence::Medium,
        rank,
        reason: Some("story test".into()),
        source: SourceRef {
            key: format!("story:{claim}"),
            kind: "user".into(),
            title: "story test".into(),
            url: None,
            note: None,
            confidence: Confidence::Medium,
        },
        retracted: false,
    }
}

/// A small profile for ingest tests.
pub fn sample_profile(
    country: &str,
    iso3: Option<&str>,
    last_updated: &str,
    body: &str,
) -> ProfileInput {
    let text = format!("{country}\nMine Ban Policy\nLast updated: {last_updated}\n\n{body}[1]\n\n[1] Author, \"Title\", Place, 1 January 2020.\n");
    ProfileInput {
        source_path: Some(format!("{}.txt", country.to_ascii_lowercase())),
        content_hash: ProfileInput::hash_bytes(text.as_bytes()),
        byte_len: text.len() as u64,
        country: Some(country.into()),
        iso3: iso3.map(str::to_string),
        profile_type: Some("Mine Ban Policy".into()),
        last_updated: Some(d(last_updated)),
        model_json: "{}".into(),
        diagnostics_json: "[]".into(),
        error_count: 0,
        warning_count: 0,
        parts: crate::profile_json::ProfileParts::new(
            &[ProfileNote {
                number: 1,
                span_start: 0,
                span_end: 1,
                text: "Author, \"Title\", Place, 1 January 2020.".into(),
                author: Some("Author".into()),
                title: Some("Title".into()),
                place: Some("Place".into()),
                dates: vec!["1 January 2020".into()],
                url: None,
                undated: false,
            }],
            &[serde_json::json!({
                "predicate": "stockpile.total",
                "subject": iso3.unwrap_or(""),
                "value": 3000000,
                "qualifier": "more-than",
                "unit": "mines",
                "as_of": "2014",
                "notes": [1],
                "line": 5,
                "span": [0, body.len()],
                "value_span": [0, 1],
                "quote": body,
                "confidence": "high",
            })
            .to_string()],
        )
        .expect("the sample's parts are well formed"),
        text,
    }
}

/// The story. `store` is a fresh, empty backend whose recorded time comes from `clock`;
/// `fresh` makes further empty backends of the same kind (for restore).
pub fn story(
    store: &mut dyn Store,
    clock: &ManualClock,
    fresh: &mut dyn FnMut() -> Box<dyn Store>,
) {
    // --- Schema and reference data -------------------------------------------------
    clock.set_date("2026-01-15");
    assert_eq!(store.schema_version().unwrap(), 0, "a fresh store is empty");
    let applied = store.migrate().unwrap();
    assert!(!applied.is_empty());
    assert!(store.migrate().unwrap().is_empty(), "migrate is idempotent");
    let v = store.schema_version().unwrap();
    assert!(v >= 1);

    let first = store.load_reference_data().unwrap();
    assert!(!first.unchanged);
    assert_eq!(
        first.states, 202,
        "193 UN members + Holy See, Palestine, Niue, Cook Islands + 5 other areas"
    );
    assert!(
        first.facts > 4000,
        "treaty events, CCW and UNGA votes: {}",
        first.facts
    );
    let facts_after_load = count_facts(store);
    clock.set_date("2026-01-16");
    let again = store.load_reference_data().unwrap();
    assert!(
        again.unchanged,
        "loading the same reference data again changes nothing"
    );
    assert_eq!(count_facts(store), facts_after_load);
    assert_eq!(
        store.last_reference_load().unwrap(),
        Some(Timestamp::start_of(d("2026-01-15")))
    );
    let stats = store.stats().unwrap();
    assert!(stats
        .tables
        .iter()
        .any(|(t, n)| t == "fact" && *n as usize == facts_after_load));

    // --- Counts of States Parties agree with the data and with Art. 17 -------------
    for date in [
        "1999-02-28",
        "1999-03-01",
        "1999-04-01",
        "2000-01-01",
        "2005-06-30",
        "2012-06-30",
        "2012-07-01",
        "2020-11-16",
        "2025-12-26",
        "2025-12-27",
        "2026-01-09",
        "2026-01-10",
        "2026-02-19",
        "2026-02-20",
        "2026-06-01",
    ] {
        assert_eq!(
            parties(store, date),
            expected_parties_from_csv(d(date)),
            "States Parties on {date}"
        );
    }
    assert_eq!(
        parties(store, "1999-02-28"),
        0,
        "nobody before the treaty entered into force"
    );
    // The treaty entered into force on 1999-03-01 for the first 40 instruments (the 40th
    // was deposited on 1998-09-16), and for those deposited later that September.
    let rows = minewatch_refdata::mbt_status();
    let first_forty = rows
        .iter()
        .filter(|r| r.deposit_date.is_some_and(|x| x <= d("1998-09-16")))
        .count();
    assert_eq!(first_forty, 40);
    let by_rule = rows
        .iter()
        .filter(|r| {
            r.deposit_date
                .is_some_and(|x| art17_entry_into_force(x) <= d("1999-03-01"))
        })
        .count();
    assert_eq!(parties(store, "1999-03-01"), by_rule);
    assert_eq!(
        by_rule, 45,
        "40 by 16 Sep 1998, plus 5 deposited 17-30 Sep 1998"
    );
    let all_2026 = store
        .states(None, &StatusQuery::as_of(d("2026-06-01")))
        .unwrap();
    assert_eq!(all_2026.len(), 202);
    let withdrawn: Vec<&str> = all_2026
        .iter()
        .filter(|s| s.status == TreatyStatus::Withdrawn)
        .map(|s| s.iso3.as_str())
        .collect();
    assert_eq!(withdrawn, ["EST", "FIN", "LTU", "LVA", "POL"]);

    // --- Known states, pinned ------------------------------------------------------
    for (iso, date, want) in [
        ("EST", "2025-12-26", TreatyStatus::StateParty),
        ("EST", "2025-12-27", TreatyStatus::Withdrawn),
        ("LVA", "2025-12-27", TreatyStatus::Withdrawn),
        ("FIN", "2012-06-30", TreatyStatus::NotParty), // acceded 9 Jan 2012, never signed
        ("FIN", "2012-07-01", TreatyStatus::StateParty),
        ("FIN", "2026-01-09", TreatyStatus::StateParty),
        ("FIN", "2026-01-10", TreatyStatus::Withdrawn),
        ("POL", "1998-01-01", TreatyStatus::Signatory),
        ("POL", "2013-05-31", TreatyStatus::Signatory), // deposited 27 Dec 2012, in force 1 Jun 2013
        ("POL", "2013-06-01", TreatyStatus::StateParty),
        ("POL", "2026-02-19", TreatyStatus::StateParty),
        ("POL", "2026-02-20", TreatyStatus::Withdrawn),
        ("UKR", "2026-06-01", TreatyStatus::StateParty), // suspension notified, not an Art. 20 withdrawal
        ("USA", "2026-06-01", TreatyStatus::NotParty),
        ("LBN", "2026-06-01", TreatyStatus::NotParty),
        ("SSD", "2011-07-09", TreatyStatus::StateParty), // succession, in force from independence
        ("XKX", "2026-06-01", TreatyStatus::NotParty),
    ] {
        assert_eq!(status_of(store, iso, date), want, "{iso} on {date}");
    }
    let fin = store
        .status("FIN", &StatusQuery::as_of(d("2025-08-01")))
        .unwrap();
    assert_eq!(fin.deposit_date, Some(d("2012-01-09")));
    assert_eq!(fin.instrument.as_deref(), Some("accession"));
    assert_eq!(fin.withdrawal_deposit_date, Some(d("2025-07-10")));
    assert_eq!(
        fin.withdrawal_effective_date,
        Some(d("2026-01-10")),
        "a deposited withdrawal's effect is known"
    );
    assert!(fin.notes.iter().any(|n| n.contains("Withdrawal pending")));
    let fin_old = store
        .status("FIN", &StatusQuery::as_of(d("2011-01-01")))
        .unwrap();
    assert_eq!(
        (fin_old.deposit_date, fin_old.entry_into_force),
        (None, None),
        "no future dates as of 2011"
    );
    let json = serde_json::to_value(&fin).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "confidence",
            "deposit_date",
            "entry_into_force",
            "instrument",
            "iso3",
            "name",
            "signature_date",
            "sources",
            "status",
            "withdrawal_deposit_date",
            "withdrawal_effective_date"
        ]
    );
    assert_eq!(json["status"], "state-party");
    // The Cook Islands' deposit was read in a secondary source (medium): verified.
    let cok = store
        .status("COK", &StatusQuery::as_of(d("2026-06-01")))
        .unwrap();
    assert_eq!(cok.confidence, Confidence::Medium);
    assert!(cok.sources.iter().all(|s| s.verified));
    assert!(!cok.notes.iter().any(|n| n.contains("UNVERIFIED")));
    let xkx = store
        .status("XKX", &StatusQuery::as_of(d("2026-06-01")))
        .unwrap();
    assert!(xkx
        .notes
        .iter()
        .any(|n| n.contains("not a state able to join")));

    // --- Names, typos, dates ------------------------------------------------------
    assert_eq!(store.resolve("Türkiye").unwrap().iso3, "TUR");
    assert_eq!(
        store.resolve("united states of america").unwrap().iso3,
        "USA"
    );
    assert_eq!(store.resolve("fin").unwrap().iso3, "FIN");
    match store.resolve("Finlnd") {
        Err(StoreError::UnknownState { suggestions, .. }) => {
            assert!(suggestions[0].contains("FIN"), "{suggestions:?}")
        }
        other => panic!("expected an unknown state, got {other:?}"),
    }
    let e = store.resolve("Atlantis").unwrap_err();
    assert!(e.to_string().contains("unknown state 'Atlantis'"), "{e}");
    assert!(parse_as_of("1996-12-31").is_err());
    assert!(parse_as_of("2026-02-30").is_err());
    assert!(parse_as_of("01/06/2026").is_err());

    // --- Conflicting values side by side --------------------------------------------
    let ltu_sig = FactFilter {
        subject: Some("LTU".into()),
        predicate_prefix: Some(predicate::MBT_SIGNATURE.into()),
        ..FactFilter::default()
    };
    let best = store.facts(&ltu_sig).unwrap();
    assert_eq!(best.len(), 1);
    assert_eq!(best[0].value_date, Some(d("1999-02-26")));
    let all = store
        .facts(&FactFilter {
            all_ranks: true,
            ..ltu_sig.clone()
        })
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].rank, Rank::Deprecated);
    assert!(all[1].reason.as_deref().unwrap_or("").contains("22 Feb"));
    let ltu = store
        .status("LTU", &StatusQuery::as_of(d("2020-01-01")))
        .unwrap();
    assert_eq!(ltu.signature_date, Some(d("1999-02-26")));
    assert!(!ltu.alternatives.is_empty());

    // --- Votes and history ----------------------------------------------------------
    let fin_votes = store.votes("FIN", None).unwrap();
    assert_eq!(fin_votes.len(), 25, "25 roll calls, 1996-2019");
    assert!(fin_votes
        .iter()
        .filter(|v| v.vote.is_some())
        .all(|v| v.vote.as_deref() == Some("yes")));
    let r5238h = fin_votes.iter().find(|v| v.resolution == "52/38H").unwrap();
    assert!(!r5238h.treaty_resolution);
    // A plenary date found in the Assembly's own texts replaces the dataset's, which
    // the caveat keeps; one not found stays the dataset's, marked unverified.
    let r53 = fin_votes.iter().find(|v| v.resolution == "53/77N").unwrap();
    assert!(r53.date_is_plenary, "{r53:?}");
    assert_eq!(r53.date, d("1998-12-04"));
    assert!(
        r53.caveat
            .as_deref()
            .unwrap()
            .contains("the voting dataset dates it 1998-12-06"),
        "{r53:?}"
    );
    let r51 = fin_votes.iter().find(|v| v.resolution == "51/45S").unwrap();
    assert_eq!((r51.date, r51.date_is_plenary), (d("1996-12-10"), true));
    let r52 = fin_votes.iter().find(|v| v.resolution == "52/38A").unwrap();
    assert!(!r52.date_is_plenary, "{r52:?}");
    assert!(
        r52.caveat
            .as_deref()
            .unwrap()
            .contains("the plenary date is not verified"),
        "{r52:?}"
    );
    let last = fin_votes.iter().find(|v| v.resolution == "74/61").unwrap();
    assert_eq!((last.yes, last.no, last.abstain), (169, 0, 18));
    let usa_votes = store.votes("USA", None).unwrap();
    assert_eq!(
        usa_votes
            .iter()
            .filter(|v| v.vote.as_deref() == Some("abstain"))
            .count(),
        23
    );
    let srb = store.votes("SRB", None).unwrap();
    assert!(
        srb.iter().filter(|v| v.vote.is_some()).count() >= 19,
        "YU votes are Serbia's"
    );
    let h = store.history("FIN", None).unwrap();
    let kinds: Vec<&str> = h.iter().map(|e| e.kind.as_str()).collect();
    for k in [
        "deposit",
        "entry-into-force",
        "withdrawal-deposit",
        "withdrawal-effective",
        "unga-vote",
        "ccw-party",
    ] {
        assert!(kinds.contains(&k), "history has {k}: {kinds:?}");
    }
    assert_eq!(
        h.iter().filter(|e| e.kind == "unga-vote").count(),
        24,
        "52/38H is not the treaty resolution"
    );
    assert!(
        h.windows(2)
            .all(|w| w[0].date <= w[1].date || w[1].date.is_none()),
        "date order"
    );
    assert_eq!(h.last().unwrap().kind, "withdrawal-effective");

    // --- Consistency check ------------------------------------------------------------
    let findings = store.consistency().unwrap();
    let ssd = findings
        .iter()
        .find(|f| f.iso3 == "SSD")
        .expect("South Sudan differs from Art. 17");
    assert_eq!(
        (ssd.code.as_str(), ssd.severity.as_str()),
        ("eif-rule-exception", "note")
    );
    assert!(ssd.message.contains("independence"));
    assert!(
        !findings.iter().any(|f| f.code == "unverified"),
        "no shipped treaty row is low"
    );
    assert!(findings
        .iter()
        .any(|f| f.iso3 == "LTU" && f.code == "conflict"));
    let warnings: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == "warning")
        .collect();
    assert!(
        warnings.is_empty(),
        "the shipped data agrees with itself and the treaty: {warnings:#?}"
    );

    // --- A value nobody has verified (low confidence) ----------------------------------
    // Another source's day for the Cook Islands' deposit, recorded unverified and
    // preferred: it is the value shown, marked unverified everywhere, then retracted.
    let mut low = user_fact(
        "COK",
        predicate::MBT_DEPOSIT,
        "story:unverified",
        Some("2006-03-16"),
        Rank::Preferred,
    );
    low.confidence = Confidence::Low;
    low.source.confidence = Confidence::Low;
    assert_eq!(store.put_facts(std::slice::from_ref(&low)).unwrap(), 1);
    let cok = store
        .status("COK", &StatusQuery::as_of(d("2026-06-01")))
        .unwrap();
    assert_eq!(cok.deposit_date, Some(d("2006-03-16")));
    assert_eq!(cok.confidence, Confidence::Low);
    assert!(
        cok.sources.iter().any(|s| !s.verified),
        "low confidence is shown as unverified"
    );
    assert!(cok.notes.iter().any(|n| n.contains("UNVERIFIED")));
    let listed = store
        .states(None, &StatusQuery::as_of(d("2026-06-01")))
        .unwrap();
    let cok_listed = listed.iter().find(|r| r.iso3 == "COK").unwrap();
    assert_eq!(cok_listed.confidence, Confidence::Low);
    assert!(store
        .consistency()
        .unwrap()
        .iter()
        .any(|f| f.iso3 == "COK" && f.code == "unverified"));
    low.retracted = true;
    assert_eq!(store.put_facts(std::slice::from_ref(&low)).unwrap(), 1);
    let cok = store
        .status("COK", &StatusQuery::as_of(d("2026-06-01")))
        .unwrap();
    assert_eq!(
        (cok.deposit_date, cok.confidence),
        (Some(d("2006-03-15")), Confidence::Medium)
    );

    // --- Bitemporal: new versions, known-at, retraction -----------------------------
    clock.set_date("2026-03-01");
    let claim = "story:hypothetical";
    let f1 = user_fact(
        "USA",
        predicate::MBT_SIGNATURE,
        claim,
        Some("2026-02-01"),
        Rank::Preferred,
    );
    assert_eq!(store.put_facts(std::slice::from_ref(&f1)).unwrap(), 1);
    assert_eq!(
        store.put_facts(std::slice::from_ref(&f1)).unwrap(),
        0,
        "unchanged content writes nothing"
    );
    clock.set_date("2026-04-01");
    let f2 = user_fact(
        "USA",
        predicate::MBT_SIGNATURE,
        claim,
        Some("2026-02-02"),
        Rank::Preferred,
    );
    assert_eq!(store.put_facts(std::slice::from_ref(&f2)).unwrap(), 1);
    let known = |at: &str| StatusQuery {
        as_of: d("2026-06-01"),
        known_at: Some(Timestamp::end_of(d(at))),
    };
    assert_eq!(
        store.status("USA", &known("2026-02-28")).unwrap().status,
        TreatyStatus::NotParty
    );
    let mar = store.status("USA", &known("2026-03-15")).unwrap();
    assert_eq!(
        (mar.status, mar.signature_date),
        (TreatyStatus::Signatory, Some(d("2026-02-01")))
    );
    let now = store
        .status("USA", &StatusQuery::as_of(d("2026-06-01")))
        .unwrap();
    assert_eq!(
        now.signature_date,
        Some(d("2026-02-02")),
        "the newer version wins"
    );
    assert_eq!(
        status_of(store, "USA", "2026-01-31"),
        TreatyStatus::NotParty,
        "valid time still applies"
    );
    let versions = store
        .fact_versions(&FactFilter {
            subject: Some("USA".into()),
            predicate_prefix: Some(predicate::MBT_SIGNATURE.into()),
            all_versions: true,
            ..FactFilter::default()
        })
        .unwrap();
    assert_eq!(
        versions.iter().map(|f| f.version).collect::<Vec<_>>(),
        [1, 2],
        "both versions kept"
    );
    assert_eq!(
        versions[0].recorded_at,
        Timestamp::start_of(d("2026-03-01"))
    );
    clock.set_date("2026-05-01");
    let mut f3 = f2.clone();
    f3.retracted = true;
    assert_eq!(store.put_facts(&[f3]).unwrap(), 1);
    assert_eq!(
        status_of(store, "USA", "2026-06-01"),
        TreatyStatus::NotParty,
        "retracted"
    );
    assert_eq!(
        store.status("USA", &known("2026-04-15")).unwrap().status,
        TreatyStatus::Signatory
    );
    // Reference data as known before it was loaded: nothing — said as such, not as a
    // status (it was answered "not-party", with high confidence and no source).
    let before_load = StatusQuery {
        as_of: d("2020-01-01"),
        known_at: Some(Timestamp::end_of(d("2026-01-14"))),
    };
    match store.status("FIN", &before_load) {
        Err(StoreError::NotYetKnown { iso3, first, .. }) => {
            assert_eq!(iso3, "FIN");
            assert!(first.starts_with("2026-"), "{first}");
        }
        other => panic!("expected NotYetKnown, got {other:?}"),
    }
    assert!(
        matches!(
            store.states(None, &before_load),
            Err(StoreError::NothingYetKnown { .. })
        ),
        "no status at all was recorded by then"
    );

    // --- Atomicity: a failure in the middle of a batch writes nothing ---------------
    let before = count_facts(store);
    let batch = [
        user_fact(
            "CAN",
            predicate::MBT_SIGNATURE,
            "story:batch-a",
            Some("2026-01-01"),
            Rank::Normal,
        ),
        user_fact(
            "ZZZ",
            predicate::MBT_SIGNATURE,
            "story:batch-b",
            Some("2026-01-01"),
            Rank::Normal,
        ),
        user_fact(
            "MEX",
            predicate::MBT_SIGNATURE,
            "story:batch-c",
            Some("2026-01-01"),
            Rank::Normal,
        ),
    ];
    let e = store.put_facts(&batch).unwrap_err();
    assert!(e.to_string().contains("ZZZ"), "{e}");
    assert_eq!(
        count_facts(store),
        before,
        "no fact of the failed batch was written"
    );

    // --- Profiles ---------------------------------------------------------------------
    clock.set_date("2026-06-01");
    let p1 = sample_profile(
        "United States",
        Some("USA"),
        "2020-11-16",
        "The US is not party.",
    );
    let p2 = sample_profile(
        "United States",
        Some("USA"),
        "2021-11-10",
        "The US is still not party.",
    );
    let out = store.ingest_profiles(std::slice::from_ref(&p1)).unwrap();
    assert!(matches!(out[0], IngestOutcome::Stored { version: 1, .. }));
    assert!(matches!(
        store.ingest_profiles(std::slice::from_ref(&p1)).unwrap()[0],
        IngestOutcome::Unchanged { .. }
    ));
    let mut bad = p2.clone();
    bad.content_hash = "not-a-hash".into();
    assert!(store.ingest_profiles(&[p2.clone(), bad]).is_err());
    assert_eq!(
        store.profile_versions(Some("USA"), None).unwrap().len(),
        1,
        "the failed batch stored nothing"
    );
    let hashes = store.profile_hashes().unwrap();
    assert!(hashes.contains(&p1.content_hash) && !hashes.contains(&p2.content_hash));
    clock.set_date("2026-06-02");
    assert!(matches!(
        store.ingest_profiles(std::slice::from_ref(&p2)).unwrap()[0],
        IngestOutcome::Stored { version: 2, .. }
    ));
    let pv = store.profile_versions(Some("USA"), None).unwrap();
    assert_eq!(pv.len(), 2);
    assert_eq!(pv[0].note_count, 1);
    // Extracted facts are stored as candidates, one set per version, bound to their
    // sentence and to the citation of their note.
    let facts = store.profile_facts(Some("USA")).unwrap();
    assert_eq!(
        facts.len(),
        2,
        "one candidate per stored version; the failed batch wrote none"
    );
    assert_eq!(facts[0].status, "candidate");
    assert_eq!(facts[0].fact.predicate, "stockpile.total");
    assert_eq!(facts[0].fact.quote, "The US is not party.");
    assert_eq!(facts[0].source_title.as_deref(), Some("Title"));
    assert_eq!(facts[1].fact.quote, "The US is still not party.");
    assert!(store.profile_facts(Some("FIN")).unwrap().is_empty());
    assert_eq!(
        store
            .profile_versions(Some("USA"), Some(Timestamp::end_of(d("2026-06-01"))))
            .unwrap()
            .len(),
        1
    );
    let h = store.history("USA", None).unwrap();
    assert_eq!(h.iter().filter(|e| e.kind == "profile-version").count(), 2);

    // --- Dump and restore lose nothing --------------------------------------------------
    let mut dump = Vec::new();
    let report = store.dump(&mut dump).unwrap();
    assert!(report.rows > 5000);
    let mut other = fresh();
    let restored = other
        .restore(&mut BufReader::new(&dump[..]), false)
        .unwrap();
    assert_eq!(restored.rows, report.rows);
    let mut dump2 = Vec::new();
    other.dump(&mut dump2).unwrap();
    assert!(dump == dump2, "dump -> restore -> dump is the identity");
    assert_eq!(
        other.status("USA", &known("2026-04-15")).unwrap().status,
        TreatyStatus::Signatory,
        "recorded times survive the round trip"
    );
    assert_eq!(
        other.profile_versions(None, None).unwrap(),
        store.profile_versions(None, None).unwrap()
    );
    // Restoring into a database with data refuses, unless asked to replace.
    let e = other
        .restore(&mut BufReader::new(&dump[..]), false)
        .unwrap_err();
    assert!(matches!(e, StoreError::NotEmpty { .. }), "{e}");
    // A truncated dump restores nothing, even in replace mode.
    let cut = &dump[..dump.len() / 2];
    let cut = &cut[..cut.iter().rposition(|b| *b == b'\n').unwrap() + 1];
    assert!(other.restore(&mut BufReader::new(cut), true).is_err());
    let mut dump3 = Vec::new();
    other.dump(&mut dump3).unwrap();
    assert!(
        dump == dump3,
        "a failed restore leaves the previous state intact"
    );
    assert_eq!(
        other
            .restore(&mut BufReader::new(&dump[..]), true)
            .unwrap()
            .rows,
        report.rows
    );
}
