//! Typed view of `data/mine_types.csv`: the mine-type gazetteer (designation,
//! aliases, category, origin, and where a source states them activation,
//! self-destruction and delivery), each row with its source and confidence.

use std::sync::OnceLock;

use serde::Serialize;

use crate::csv::{CsvError, Table};

/// One row of `data/mine_types.csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MineType {
    /// The canonical designation ("M16A1", "CBU-89/B Gator", "PFM-1").
    pub designation: String,
    /// Other names the same type goes by in profiles ("M16", "butterfly mine").
    pub aliases: Vec<String>,
    /// `antipersonnel`, `antivehicle`, `dispenser/system`,
    /// `directional fragmentation (command-detonatable)` or `other`.
    pub category: String,
    /// ISO 3166 alpha-3 of the maker (withdrawn codes for states gone before 1991: SUN, YUG, DDR, RHO).
    pub origin: String,
    /// `pressure`, `tripwire`, ... or `unknown`.
    pub activation: String,
    /// `yes`, `no` or `unknown`.
    pub self_destruct: String,
    pub delivery: String,
    pub notes: String,
    pub source: String,
    /// `high`, `medium` or `low`.
    pub confidence: String,
}

impl MineType {
    /// The designation followed by its aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.designation.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
    pub fn is_antipersonnel(&self) -> bool {
        self.category == "antipersonnel"
    }
    pub fn is_antivehicle(&self) -> bool {
        self.category == "antivehicle"
    }
}

/// Parse the text of `data/mine_types.csv`.
pub fn parse_mine_types(text: &str) -> Result<Vec<MineType>, CsvError> {
    let t = Table::parse("data/mine_types.csv", text)?;
    let cols = [
        "designation",
        "aliases",
        "category",
        "origin_country_iso3",
        "activation",
        "self_destruct",
        "delivery",
        "notes",
        "source_url",
        "confidence",
    ];
    let idx = t.cols(&cols)?;
    let mut out = Vec::with_capacity(t.records.len());
    for r in &t.records {
        let f = |i: usize| r.fields[idx[i]].trim().to_string();
        let designation = f(0);
        if designation.is_empty() {
            return Err(CsvError {
                file: t.file.clone(),
                line: r.line,
                message: "empty designation".into(),
            });
        }
        out.push(MineType {
            designation,
            aliases: f(1)
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
            category: f(2),
            origin: f(3),
            activation: f(4),
            self_destruct: f(5),
            delivery: f(6),
            notes: f(7),
            source: f(8),
            confidence: f(9),
        });
    }
    Ok(out)
}

/// Every row of the embedded `data/mine_types.csv`, in file order.
pub fn mine_types() -> &'static [MineType] {
    static ROWS: OnceLock<Vec<MineType>> = OnceLock::new();
    ROWS.get_or_init(|| {
        parse_mine_types(crate::MINE_TYPES_CSV).expect("embedded data/mine_types.csv parses")
    })
}

/// The gazetteer row whose designation or alias is `name` (ASCII case-insensitive).
pub fn mine_type(name: &str) -> Option<&'static MineType> {
    let name = name.trim();
    mine_types()
        .iter()
        .find(|m| m.names().any(|n| n.eq_ignore_ascii_case(name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_loads() {
        let rows = mine_types();
        assert!(rows.len() >= 90, "{} rows", rows.len());
        // A family named without its model is the family, not one of its models.
        let m16 = mine_type("M16").unwrap();
        assert_eq!(m16.designation, "M16");
        assert!(m16.is_antipersonnel());
        assert_eq!(mine_type("m16a1").unwrap().designation, "M16A1");
        assert_eq!(mine_type("M16 bounding mine").unwrap().designation, "M16");
        assert_eq!(mine_type("butterfly mine").unwrap().designation, "PFM-1");
        assert!(mine_type("no such mine").is_none());
    }

    #[test]
    fn errors_name_the_line() {
        let bad = "designation,aliases,category,origin_country_iso3,activation,self_destruct,delivery,notes,source_url,confidence\n,x,antipersonnel,SUN,,,,,,low\n";
        let e = parse_mine_types(bad).unwrap_err();
        assert_eq!(e.line, 2);
    }
}
