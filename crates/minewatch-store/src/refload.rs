//! Reference data (compiled into minewatch-refdata) turned into store rows. Pure: the
//! backend writes what this builds, idempotently.

use minewatch_model::Date;
use minewatch_refdata::csv::Table;
use minewatch_refdata::EmptyDate;
use sha2::{Digest, Sha256};

use crate::clock::Timestamp;
use crate::error::StoreError;
use crate::types::{predicate as p, Confidence, NewFact, Rank, Resolution, SourceRef, StateInfo};

/// Bump when the way reference data is turned into rows changes.
const LOADER_VERSION: &str = "refload-2";

/// The claim name of values read from the shipped reference data.
pub const REFDATA_CLAIM: &str = "refdata";

/// Everything the reference data yields.
#[derive(Debug, Clone)]
pub struct RefBatch {
    /// Hash of the embedded data and the loader version: equal hash, nothing to do.
    pub content_hash: String,
    pub states: Vec<StateInfo>,
    pub facts: Vec<NewFact>,
    pub resolutions: Vec<Resolution>,
}

/// Alternatives the sources themselves mention, kept side by side with the preferred value.
/// (subject, predicate, claim, date, reason)
const CURATED_ALTERNATIVES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "LTU",
        p::MBT_SIGNATURE,
        "curated:monitor-later-profiles",
        "1999-02-22",
        "Later Monitor profiles give 22 Feb 1999; Landmine Monitor 1999 and the Dutch Treaty Series (Trb. 2003-112) give 26 Feb 1999, which is preferred",
    ),
    (
        "DZA",
        p::MBT_ENTRY_INTO_FORCE,
        "curated:algerian-embassy",
        "2002-04-09",
        "An Algerian embassy page gives 9 Apr 2002; the Monitor gives 1 Apr 2002, which Art. 17 confirms (deposit 9 Oct 2001)",
    ),
    (
        "AND",
        p::MBT_SIGNATURE,
        "curated:isu-page",
        "1998-12-03",
        "The ISU page gives 3 Dec 1998, a misprint: the Monitor and Landmine Monitor 2000 give 3 Dec 1997",
    ),
];

fn d(s: &str) -> Date {
    s.parse().expect("a valid date in the curated table")
}

fn short_hash(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    h.finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn conf(s: &str) -> Result<Confidence, StoreError> {
    Confidence::parse(s).map_err(|_| StoreError::RefData(format!("unknown confidence '{s}'")))
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn empty_meaning(e: EmptyDate) -> &'static str {
    match e {
        EmptyDate::NotApplicable => "date given",
        EmptyDate::NotParty => "not party",
        EmptyDate::SignatoryNotParty => "signatory, not party",
        EmptyDate::PartyDateUnknown => "party, date unknown",
        EmptyDate::Unknown => "unknown",
    }
}

/// Sessions whose dataset dates are not the plenary dates (the data's README says so
/// of 53-57; 51's is a week before its plenary date, so 52's is not taken on trust).
fn date_is_plenary(session: i64) -> bool {
    !(51..=57).contains(&session)
}

/// Hash of the embedded reference data and the loader version (computed once).
pub fn content_hash() -> &'static str {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| {
        let mut h = Sha256::new();
        for t in [
            LOADER_VERSION,
            minewatch_refdata::STATES_CSV,
            minewatch_refdata::MBT_STATUS_CSV,
            minewatch_refdata::CCW_APII_CSV,
            minewatch_refdata::UNGA_ROLL_CALLS_CSV,
            minewatch_refdata::UNGA_VOTES_CSV,
            minewatch_refdata::UNGA_PLENARY_DATES_CSV,
        ] {
            h.update(t.as_bytes());
            h.update([0u8]);
        }
        for c in CURATED_ALTERNATIVES {
            h.update(format!("{c:?}").as_bytes());
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    })
}

/// Build everything from the embedded reference data.
pub fn build() -> Result<RefBatch, StoreError> {
    let content_hash = content_hash().to_string();
    let epoch = Timestamp::from_micros(0);

    let states: Vec<StateInfo> = minewatch_refdata::states()
        .iter()
        .map(|s| StateInfo {
            iso3: s.iso3.clone(),
            iso2: s.iso2.clone(),
            numeric: s.numeric.clone(),
            name: s.name.clone(),
            kind: match s.kind {
                minewatch_refdata::AreaKind::State => "state".into(),
                minewatch_refdata::AreaKind::OtherArea => "other-area".into(),
            },
            un_member: s.un_member,
            code_source: s.code_source.clone(),
            aliases: s.aliases.clone(),
            source: s.source.clone(),
            version: 0,
            recorded_at: epoch,
        })
        .collect();

    let mut facts = Vec::new();
    let fact = |subject: &str,
                predicate: &str,
                slot: &str,
                date: Option<Date>,
                text: Option<String>,
                c: Confidence,
                src: &SourceRef| NewFact {
        subject: subject.to_string(),
        predicate: predicate.to_string(),
        slot: slot.to_string(),
        claim: REFDATA_CLAIM.to_string(),
        value_date: date,
        value_text: text,
        valid_from: date,
        valid_to: None,
        confidence: c,
        rank: Rank::Normal,
        reason: None,
        source: src.clone(),
        retracted: false,
    };

    // Mine Ban Treaty status.
    for r in minewatch_refdata::mbt_status() {
        let c = conf(&r.confidence)?;
        let src = SourceRef {
            key: format!(
                "refdata:mbt_status:{}:{}",
                r.iso3,
                short_hash(&[&r.source_url, &r.source_note, &r.confidence])
            ),
            kind: "reference-data".into(),
            title: format!("data/mbt_status.csv, row {}", r.iso3),
            url: opt(&r.source_url),
            note: opt(&r.source_note),
            confidence: c,
        };
        let events = [
            (p::MBT_SIGNATURE, r.signature_date, None),
            (p::MBT_DEPOSIT, r.deposit_date, opt(&r.instrument)),
            (p::MBT_ENTRY_INTO_FORCE, r.entry_into_force, None),
            (p::MBT_WITHDRAWAL_DEPOSIT, r.withdrawal_deposit_date, None),
            (
                p::MBT_WITHDRAWAL_EFFECTIVE,
                r.withdrawal_effective_date,
                None,
            ),
        ];
        for (pred, date, text) in events {
            if date.is_some() {
                facts.push(fact(&r.iso3, pred, "", date, text, c, &src));
            }
        }
        let mut reported = fact(
            &r.iso3,
            p::MBT_REPORTED_STATUS,
            "",
            None,
            Some(r.status_2025.clone()),
            c,
            &src,
        );
        reported.valid_from = Some(d("2025-12-31"));
        reported.reason = Some("status as the source states it (data compiled 2025-2026)".into());
        facts.push(reported);
    }
    for (subject, pred, claim, date, reason) in CURATED_ALTERNATIVES {
        let src = SourceRef {
            key: format!("curated:{subject}:{pred}:{claim}"),
            kind: "curated".into(),
            title: "minewatch curation of conflicting source values".into(),
            url: None,
            note: Some(reason.to_string()),
            confidence: Confidence::Medium,
        };
        let mut f = fact(
            subject,
            pred,
            "",
            Some(d(date)),
            None,
            Confidence::Medium,
            &src,
        );
        f.claim = claim.to_string();
        f.rank = Rank::Deprecated;
        f.reason = Some(reason.to_string());
        facts.push(f);
    }

    // CCW and Amended Protocol II.
    for r in minewatch_refdata::ccw_apii() {
        // Each date carries its own grade; the source (the row, with every URL that
        // was read for it) the better of the two (`Confidence` orders high first).
        let (c_ccw, c_apii) = (conf(&r.ccw_confidence)?, conf(&r.apii_confidence)?);
        let c = c_ccw.min(c_apii);
        let src = SourceRef {
            key: format!(
                "refdata:ccw_apii:{}:{}",
                r.iso3,
                short_hash(&[
                    &r.source_url,
                    &r.note,
                    &r.confidence,
                    &r.ccw_confidence,
                    &r.apii_confidence,
                    &r.empty_date_meaning
                ])
            ),
            kind: "reference-data".into(),
            title: format!("data/ccw_apii.csv, row {}", r.iso3),
            url: opt(&r.source_url),
            note: opt(&format!(
                "{} (empty date means: {})",
                r.note, r.empty_date_meaning
            )),
            confidence: c,
        };
        for (pred, date, empty, grade) in [
            (p::CCW_PARTY, r.ccw_party_date, r.ccw_empty, c_ccw),
            (
                p::CCW_APII_CONSENT,
                r.amended_protocol_ii_consent_date,
                r.apii_empty,
                c_apii,
            ),
        ] {
            let text = if date.is_some() {
                None
            } else {
                Some(empty_meaning(empty).to_string())
            };
            facts.push(fact(&r.iso3, pred, "", date, text, grade, &src));
        }
    }

    // UN General Assembly roll calls and votes.
    let unvotes = SourceRef {
        key: "refdata:unvotes".into(),
        kind: "reference-data".into(),
        title: "Erik Voeten et al., United Nations General Assembly Voting Data (unvotes), Harvard Dataverse hdl:1902.1/12379".into(),
        url: Some("https://hdl.handle.net/1902.1/12379".into()),
        note: Some("CC0; as packaged in the unvotes R package; absent votes are omitted".into()),
        confidence: Confidence::High,
    };
    let rc = Table::parse(
        "data/unga/mbt_unga_roll_calls.csv",
        minewatch_refdata::UNGA_ROLL_CALLS_CSV,
    )
    .map_err(|e| StoreError::RefData(e.to_string()))?;
    let col = |t: &Table, n: &str| t.col(n).map_err(|e| StoreError::RefData(e.to_string()));
    let (c_rcid, c_sess, c_date, c_res, c_yes, c_no, c_abs, c_descr) = (
        col(&rc, "rcid")?,
        col(&rc, "session")?,
        col(&rc, "date_dataset")?,
        col(&rc, "resolution")?,
        col(&rc, "yes")?,
        col(&rc, "no")?,
        col(&rc, "abstain")?,
        col(&rc, "descr")?,
    );
    let num = |s: &str, what: &str| -> Result<i64, StoreError> {
        s.trim()
            .parse::<i64>()
            .map_err(|_| StoreError::RefData(format!("{what}: '{s}' is not a number")))
    };
    // Plenary dates found in the General Assembly's own texts, by resolution.
    let pd = Table::parse(
        "data/unga/plenary_dates.csv",
        minewatch_refdata::UNGA_PLENARY_DATES_CSV,
    )
    .map_err(|e| StoreError::RefData(e.to_string()))?;
    let (p_res, p_date, p_url) = (
        col(&pd, "resolution")?,
        col(&pd, "plenary_date")?,
        col(&pd, "source_url")?,
    );
    let mut plenary_dates: std::collections::HashMap<String, (Date, String)> =
        std::collections::HashMap::new();
    for r in &pd.records {
        let f = &r.fields;
        let d: Date = f[p_date]
            .trim()
            .parse()
            .map_err(|e| StoreError::RefData(format!("plenary date: {e}")))?;
        plenary_dates.insert(
            f[p_res].trim().to_string(),
            (d, f[p_url].trim().to_string()),
        );
    }
    let mut resolutions = Vec::new();
    for r in &rc.records {
        let f = &r.fields;
        let session = num(&f[c_sess], "session")?;
        let resolution = f[c_res].trim().to_string();
        let treaty = resolution != "52/38H";
        let dataset_date: Date = f[c_date]
            .trim()
            .parse()
            .map_err(|e| StoreError::RefData(format!("roll call date: {e}")))?;
        let mut caveats: Vec<String> = Vec::new();
        let (date, plenary) = match plenary_dates.get(&resolution) {
            Some((d, url)) => {
                if *d != dataset_date {
                    caveats.push(format!(
                        "adopted in plenary on {d} ({url}); the voting dataset dates it {dataset_date}"
                    ));
                }
                (*d, true)
            }
            None => {
                let plenary = date_is_plenary(session);
                if !plenary {
                    caveats.push(format!(
                        "the voting dataset's date ({dataset_date}); the plenary date is not verified (the dataset's dates for 1996-2002 are not the plenary dates)"
                    ));
                }
                (dataset_date, plenary)
            }
        };
        if !treaty {
            caveats.push("52/38H (1997, \"Banning anti-personnel landmines\") is a different landmine resolution, not the treaty resolution: excluded from treaty votes".into());
        }
        if session == 51 {
            caveats.push("51/45S (1996) called for an international agreement to ban antipersonnel mines, before the treaty existed".into());
        }
        resolutions.push(Resolution {
            rcid: num(&f[c_rcid], "rcid")?,
            session,
            resolution,
            date,
            date_is_plenary: plenary,
            treaty_resolution: treaty,
            caveat: (!caveats.is_empty()).then(|| caveats.join("; ")),
            yes: num(&f[c_yes], "yes")?,
            no: num(&f[c_no], "no")?,
            abstain: num(&f[c_abs], "abstain")?,
            title: f[c_descr].trim().to_string(),
            source: unvotes.clone(),
        });
    }
    let vt = Table::parse(
        "data/unga/mbt_unga_votes_by_country.csv",
        minewatch_refdata::UNGA_VOTES_CSV,
    )
    .map_err(|e| StoreError::RefData(e.to_string()))?;
    let (v_res, v_date, v_code, v_vote) = (
        col(&vt, "resolution")?,
        col(&vt, "date_dataset")?,
        col(&vt, "country_code")?,
        col(&vt, "vote")?,
    );
    // ISO alpha-2 → alpha-3, the first state of each code (as a search of the list in
    // order finds it): a lookup a vote instead of a scan of every state.
    let mut by_iso2: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for s in minewatch_refdata::states() {
        by_iso2.entry(s.iso2.as_str()).or_insert(s.iso3.as_str());
    }
    for r in &vt.records {
        let f = &r.fields;
        let code = f[v_code].trim();
        // The dataset keeps Yugoslavia's code YU for Serbia and Montenegro and then Serbia.
        let (iso3, note) = if code == "YU" {
            (
                "SRB".to_string(),
                Some(
                    "cast as YU (Yugoslavia / Serbia and Montenegro / Serbia) in the dataset"
                        .to_string(),
                ),
            )
        } else {
            match by_iso2.get(code) {
                Some(iso3) => (iso3.to_string(), None),
                None => {
                    return Err(StoreError::RefData(format!(
                        "data/unga/mbt_unga_votes_by_country.csv line {}: unknown country code '{code}'",
                        r.line
                    )))
                }
            }
        };
        let vote = f[v_vote].trim().to_string();
        if !["yes", "no", "abstain"].contains(&vote.as_str()) {
            return Err(StoreError::RefData(format!(
                "votes line {}: unknown vote '{vote}'",
                r.line
            )));
        }
        let date: Date = f[v_date]
            .trim()
            .parse()
            .map_err(|e| StoreError::RefData(format!("vote date: {e}")))?;
        let mut fct = fact(
            &iso3,
            p::UNGA_VOTE,
            f[v_res].trim(),
            Some(date),
            Some(vote),
            Confidence::High,
            &unvotes,
        );
        fct.value_date = None;
        fct.reason = note;
        facts.push(fct);
    }

    Ok(RefBatch {
        content_hash,
        states,
        facts,
        resolutions,
    })
}

/// `data/eif_rule_discrepancies.csv`: iso3 → explanation of a legitimate difference from Art. 17.
pub fn eif_exceptions() -> Result<Vec<(String, String)>, StoreError> {
    let t = Table::parse(
        "data/eif_rule_discrepancies.csv",
        minewatch_refdata::EIF_DISCREPANCIES_CSV,
    )
    .map_err(|e| StoreError::RefData(e.to_string()))?;
    let i = t
        .col("iso3")
        .map_err(|e| StoreError::RefData(e.to_string()))?;
    let e = t
        .col("explanation")
        .map_err(|e| StoreError::RefData(e.to_string()))?;
    Ok(t.records
        .iter()
        .map(|r| {
            (
                r.fields[i].trim().to_string(),
                r.fields[e].trim().to_string(),
            )
        })
        .collect())
}
