//! Typed view of `data/ccw_apii.csv`: consent dates for the Convention on Certain
//! Conventional Weapons (CCW) and its Amended Protocol II, with what an empty date means.

use std::sync::OnceLock;

use minewatch_model::Date;
use serde::Serialize;

use crate::csv::{CsvError, Table};
use crate::mbt::opt_date;

/// What an empty consent date means for one instrument, per `empty_date_meaning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EmptyDate {
    /// The date is given (or the row says nothing about an empty date).
    NotApplicable,
    /// The state is not party.
    NotParty,
    /// The state has signed but is not party.
    SignatoryNotParty,
    /// The state is party, but the date was not found.
    PartyDateUnknown,
    /// Whether the state is party is not known.
    Unknown,
}

/// One row of `data/ccw_apii.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CcwApiiRow {
    pub iso3: String,
    pub name: String,
    pub ccw_party_date: Option<Date>,
    pub amended_protocol_ii_consent_date: Option<Date>,
    pub source_url: String,
    /// The row's grade: the weaker of its two dates'.
    pub confidence: String,
    /// The grade of `ccw_party_date` (or of what its emptiness means); the row's
    /// where the file leaves it empty.
    pub ccw_confidence: String,
    /// The grade of `amended_protocol_ii_consent_date` (or of its emptiness); the row's
    /// where the file leaves it empty.
    pub apii_confidence: String,
    /// The raw `empty_date_meaning` cell ("ccw=not party; apii=unknown", "none", ...).
    pub empty_date_meaning: String,
    /// What an empty `ccw_party_date` means.
    pub ccw_empty: EmptyDate,
    /// What an empty `amended_protocol_ii_consent_date` means.
    pub apii_empty: EmptyDate,
    pub note: String,
}

fn meaning(cell: &str, key: &str) -> EmptyDate {
    for part in cell.split(';') {
        if let Some((k, v)) = part.split_once('=') {
            if k.trim().eq_ignore_ascii_case(key) {
                let v = v.trim().to_ascii_lowercase();
                return if v.starts_with("unknown") {
                    EmptyDate::Unknown
                } else if v.starts_with("signatory") {
                    EmptyDate::SignatoryNotParty
                } else if v.starts_with("not party") {
                    EmptyDate::NotParty
                } else if v.starts_with("party") {
                    EmptyDate::PartyDateUnknown
                } else {
                    EmptyDate::Unknown
                };
            }
        }
    }
    EmptyDate::NotApplicable
}

/// Parse the text of `data/ccw_apii.csv`.
pub fn parse_ccw_apii(text: &str) -> Result<Vec<CcwApiiRow>, CsvError> {
    let t = Table::parse("data/ccw_apii.csv", text)?;
    let cols = [
        "iso3",
        "name",
        "ccw_party_date",
        "amended_protocol_ii_consent_date",
        "source_url",
        "confidence",
        "empty_date_meaning",
        "note",
        "ccw_confidence",
        "apii_confidence",
    ];
    let idx = t.cols(&cols)?;
    let mut out = Vec::with_capacity(t.records.len());
    for r in &t.records {
        let f = |i: usize| r.fields[idx[i]].trim().to_string();
        let d = |i: usize| opt_date(&t, r.line, cols[i], &r.fields[idx[i]]);
        let ccw_party_date = d(2)?;
        let apii = d(3)?;
        let edm = f(6);
        let mut ccw_empty = if ccw_party_date.is_some() {
            EmptyDate::NotApplicable
        } else {
            meaning(&edm, "ccw")
        };
        let mut apii_empty = if apii.is_some() {
            EmptyDate::NotApplicable
        } else {
            meaning(&edm, "apii")
        };
        // An empty date the row does not explain is not known.
        if ccw_party_date.is_none() && ccw_empty == EmptyDate::NotApplicable {
            ccw_empty = EmptyDate::Unknown;
        }
        if apii.is_none() && apii_empty == EmptyDate::NotApplicable {
            apii_empty = EmptyDate::Unknown;
        }
        let confidence = f(5);
        let grade = |i: usize| -> Result<String, CsvError> {
            let g = f(i);
            match g.as_str() {
                "" => Ok(confidence.clone()),
                "high" | "medium" | "low" => Ok(g),
                _ => Err(CsvError {
                    file: t.file.clone(),
                    line: r.line,
                    message: format!("{}: '{g}' is not high, medium or low", cols[i]),
                }),
            }
        };
        let (ccw_confidence, apii_confidence) = (grade(8)?, grade(9)?);
        out.push(CcwApiiRow {
            iso3: f(0),
            name: f(1),
            ccw_party_date,
            amended_protocol_ii_consent_date: apii,
            source_url: f(4),
            confidence,
            ccw_confidence,
            apii_confidence,
            empty_date_meaning: edm,
            ccw_empty,
            apii_empty,
            note: f(7),
        });
    }
    Ok(out)
}

/// Every row of the embedded `data/ccw_apii.csv`, in file order.
pub fn ccw_apii() -> &'static [CcwApiiRow] {
    static ROWS: OnceLock<Vec<CcwApiiRow>> = OnceLock::new();
    ROWS.get_or_init(|| {
        parse_ccw_apii(crate::CCW_APII_CSV).expect("data/ccw_apii.csv is checked by the test suite")
    })
}

/// The CCW / Amended Protocol II row for an ISO alpha-3 code (any case).
pub fn ccw_apii_of(iso3: &str) -> Option<&'static CcwApiiRow> {
    ccw_apii()
        .iter()
        .find(|r| r.iso3.eq_ignore_ascii_case(iso3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_parses() {
        let rows = ccw_apii();
        assert_eq!(rows.len(), 65);
        for r in rows {
            assert!(crate::resolve_state(&r.iso3).is_some(), "{}", r.iso3);
            assert_eq!(
                r.amended_protocol_ii_consent_date.is_some(),
                r.apii_empty == EmptyDate::NotApplicable,
                "{}",
                r.iso3
            );
        }
    }

    /// A row's grade is the weaker of its dates' grades; a date graded apart from its
    /// row is one a source confirmed while the other was not found.
    #[test]
    fn a_rows_grade_is_its_weaker_dates() {
        let rank = |g: &str| ["low", "medium", "high"].iter().position(|x| *x == g);
        for r in ccw_apii() {
            let (c, a) = (rank(&r.ccw_confidence), rank(&r.apii_confidence));
            let row = rank(&r.confidence);
            assert!(c.is_some() && a.is_some() && row.is_some(), "{}", r.iso3);
            assert_eq!(row, c.min(a), "{}", r.iso3);
        }
        // Pakistan: its CCW deposit not found in a source, its APII consent found.
        let pak = ccw_apii_of("PAK").unwrap();
        assert_eq!(
            (
                pak.ccw_confidence.as_str(),
                pak.apii_confidence.as_str(),
                pak.confidence.as_str()
            ),
            ("low", "high", "low")
        );
        let bad = "iso3,name,ccw_party_date,amended_protocol_ii_consent_date,source_url,confidence,ccw_confidence,apii_confidence,empty_date_meaning,note\nFIN,Finland,,,,low,sure,,none,\n";
        let e = parse_ccw_apii(bad).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("ccw_confidence"), "{}", e.message);
    }

    #[test]
    fn empty_date_meanings() {
        for (iso, ccw, apii) in [
            ("ARM", EmptyDate::NotParty, EmptyDate::NotParty),
            ("EGY", EmptyDate::SignatoryNotParty, EmptyDate::NotParty),
            ("LBN", EmptyDate::NotApplicable, EmptyDate::PartyDateUnknown),
            ("FSM", EmptyDate::Unknown, EmptyDate::Unknown),
            ("SGP", EmptyDate::NotApplicable, EmptyDate::Unknown),
            ("USA", EmptyDate::NotApplicable, EmptyDate::NotApplicable),
        ] {
            let r = ccw_apii_of(iso).unwrap();
            assert_eq!((r.ccw_empty, r.apii_empty), (ccw, apii), "{iso}");
        }
        assert_eq!(
            ccw_apii_of("usa")
                .unwrap()
                .amended_protocol_ii_consent_date
                .unwrap()
                .to_string(),
            "1999-05-24"
        );
    }
}
