//! Typed view of `data/mbt_status.csv`: every state's Mine Ban Treaty status,
//! with its source and confidence. Empty cells become `None`.

use std::sync::OnceLock;

use minewatch_model::Date;
use serde::Serialize;

use crate::csv::{CsvError, Table};

/// One row of `data/mbt_status.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MbtStatusRow {
    pub iso3: String,
    pub name: String,
    /// The status as the source states it in 2025 ("State Party", "not party",
    /// "withdrawn (effective 2025-12-27)", ...).
    pub status_2025: String,
    pub signature_date: Option<Date>,
    /// Deposit of the instrument of ratification, acceptance, approval, accession or succession.
    pub deposit_date: Option<Date>,
    /// `ratification`, `accession`, `acceptance`, `approval`, `succession`, or empty.
    pub instrument: String,
    pub entry_into_force: Option<Date>,
    pub withdrawal_deposit_date: Option<Date>,
    pub withdrawal_effective_date: Option<Date>,
    pub source_url: String,
    pub source_note: String,
    /// `high`, `medium` or `low`.
    pub confidence: String,
}

impl MbtStatusRow {
    /// Whether the treaty is in force for this state on `date`, per the data
    /// (entry into force on or before `date`, and no withdrawal effective on or before it).
    pub fn party_on(&self, date: Date) -> bool {
        match self.entry_into_force {
            Some(eif) if eif <= date => self.withdrawal_effective_date.is_none_or(|w| date < w),
            _ => false,
        }
    }
}

pub(crate) fn opt_date(
    t: &Table,
    line: usize,
    col: &str,
    s: &str,
) -> Result<Option<Date>, CsvError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<Date>().map(Some).map_err(|e| CsvError {
        file: t.file.clone(),
        line,
        message: format!("column '{col}': {e}"),
    })
}

/// Parse the text of `data/mbt_status.csv`.
pub fn parse_mbt_status(text: &str) -> Result<Vec<MbtStatusRow>, CsvError> {
    let t = Table::parse("data/mbt_status.csv", text)?;
    let cols = [
        "iso3",
        "name",
        "status_2025",
        "signature_date",
        "deposit_date",
        "instrument",
        "entry_into_force",
        "withdrawal_deposit_date",
        "withdrawal_effective_date",
        "source_url",
        "source_note",
        "confidence",
    ];
    let idx = t.cols(&cols)?;
    let mut out = Vec::with_capacity(t.records.len());
    for r in &t.records {
        let f = |i: usize| r.fields[idx[i]].trim().to_string();
        let d = |i: usize| opt_date(&t, r.line, cols[i], &r.fields[idx[i]]);
        out.push(MbtStatusRow {
            iso3: f(0),
            name: f(1),
            status_2025: f(2),
            signature_date: d(3)?,
            deposit_date: d(4)?,
            instrument: f(5),
            entry_into_force: d(6)?,
            withdrawal_deposit_date: d(7)?,
            withdrawal_effective_date: d(8)?,
            source_url: f(9),
            source_note: f(10),
            confidence: f(11),
        });
    }
    Ok(out)
}

/// Every row of the embedded `data/mbt_status.csv`, in file order.
pub fn mbt_status() -> &'static [MbtStatusRow] {
    static ROWS: OnceLock<Vec<MbtStatusRow>> = OnceLock::new();
    ROWS.get_or_init(|| {
        parse_mbt_status(crate::MBT_STATUS_CSV)
            .expect("data/mbt_status.csv is checked by the test suite")
    })
}

/// The Mine Ban Treaty row for an ISO alpha-3 code (any case).
pub fn mbt_status_of(iso3: &str) -> Option<&'static MbtStatusRow> {
    // By code, upper-cased once; the first row of a code is its row.
    static BY_CODE: OnceLock<std::collections::HashMap<String, usize>> = OnceLock::new();
    let by_code = BY_CODE.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for (i, r) in mbt_status().iter().enumerate() {
            m.entry(r.iso3.to_ascii_uppercase()).or_insert(i);
        }
        m
    });
    let i = match by_code.get(iso3) {
        Some(&i) => i,
        None => *by_code.get(&iso3.to_ascii_uppercase())?,
    };
    Some(&mbt_status()[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn embedded_table_parses_and_is_consistent() {
        let rows = mbt_status();
        assert_eq!(rows.len(), 197);
        for r in rows {
            assert_eq!(
                r.deposit_date.is_some(),
                r.entry_into_force.is_some(),
                "{}",
                r.iso3
            );
            assert_eq!(
                r.withdrawal_deposit_date.is_some(),
                r.withdrawal_effective_date.is_some(),
                "{}",
                r.iso3
            );
            assert!(
                ["high", "medium", "low"].contains(&r.confidence.as_str()),
                "{}",
                r.iso3
            );
            assert!(
                crate::resolve_state(&r.iso3).is_some(),
                "{} is a known state",
                r.iso3
            );
        }
    }

    #[test]
    fn party_on_dates() {
        let fin = mbt_status_of("fin").unwrap();
        assert_eq!(fin.entry_into_force, Some(d("2012-07-01")));
        assert!(!fin.party_on(d("2012-06-30")));
        assert!(fin.party_on(d("2012-07-01")));
        assert!(fin.party_on(d("2026-01-09")));
        assert!(!fin.party_on(d("2026-01-10")));
        let usa = mbt_status_of("USA").unwrap();
        assert!(usa.entry_into_force.is_none());
        assert!(!usa.party_on(d("2020-01-01")));
    }

    #[test]
    fn bad_dates_name_the_column() {
        let text = "iso3,name,status_2025,signature_date,deposit_date,instrument,entry_into_force,withdrawal_deposit_date,withdrawal_effective_date,source_url,source_note,confidence\nXXX,X,State Party,,2012-02-30,accession,,,,,,high\n";
        let e = parse_mbt_status(text).unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("deposit_date"), "{e}");
    }
}
