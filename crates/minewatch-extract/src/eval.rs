//! Scoring extraction against hand-made gold annotations.
//!
//! # Gold format
//!
//! JSON lines (`*.gold.jsonl`): one expected fact per line; blank lines and lines
//! starting with `#` are ignored. Each object has
//!
//! - `predicate` (required): one of [`crate::PREDICATES`];
//! - `value` (required): a number, a `[low, high]` range, or a string (an ISO date at
//!   the precision written — `"2020-01-31"`, `"2019-12"`, `"1997"` — or a term such as
//!   `"abstain"`);
//! - `line` (required): the 1-based line of the profile where the value stands;
//! - `unit`, `qualifier`, `mine_type` (optional): when given, they must match too;
//! - `comment` (optional, ignored).
//!
//! Gold files hold data, not the profile's prose. Example:
//!
//! ```text
//! {"predicate":"stockpile.total","value":3000000,"unit":"mines","qualifier":"more-than","line":76}
//! {"predicate":"unga.vote","value":"abstain","line":16}
//! ```
//!
//! # Matching
//!
//! A predicted fact matches a gold fact with the same predicate, the same line, the
//! same value (numbers compared exactly, text ignoring case) and, where the gold
//! fact gives them, the same unit, qualifier and mine type. Each gold fact matches at
//! most one prediction. Precision = matched / predicted, recall = matched / gold, per
//! predicate and overall.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{Fact, Qualifier, Value};

/// One expected fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldFact {
    pub predicate: String,
    pub value: Value,
    pub line: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mine_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// Why a gold file could not be read: the 1-based line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct GoldError {
    pub line: usize,
    pub message: String,
}

/// Parse a gold file (JSON lines).
pub fn parse_gold(text: &str) -> Result<Vec<GoldFact>, GoldError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let t = raw.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let g: GoldFact = serde_json::from_str(t).map_err(|e| GoldError {
            line: i + 1,
            message: e.to_string(),
        })?;
        if !crate::PREDICATES.contains(&g.predicate.as_str()) {
            return Err(GoldError {
                line: i + 1,
                message: format!("unknown predicate '{}'", g.predicate),
            });
        }
        if g.line == 0 {
            return Err(GoldError {
                line: i + 1,
                message: "line numbers start at 1".into(),
            });
        }
        out.push(g);
    }
    Ok(out)
}

/// Counts for one predicate (or overall).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predictions that match a gold fact.
    pub matched: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    /// Matched / predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.matched as f64 / self.predicted as f64
        }
    }
    /// Matched / gold (1 when there is no gold fact).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            self.matched as f64 / self.gold as f64
        }
    }
    fn add(&mut self, o: Counts) {
        self.matched += o.matched;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

/// A prediction without a gold match, or a gold fact without a prediction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub predicate: String,
    pub value: String,
    pub line: usize,
}

/// The score of predictions against gold facts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    pub per_predicate: BTreeMap<String, Counts>,
    pub overall: Counts,
    pub false_positives: Vec<Miss>,
    pub false_negatives: Vec<Miss>,
}

impl Score {
    /// Add another file's score.
    pub fn merge(&mut self, o: Score) {
        for (k, c) in o.per_predicate {
            self.per_predicate.entry(k).or_default().add(c);
        }
        self.overall.add(o.overall);
        self.false_positives.extend(o.false_positives);
        self.false_negatives.extend(o.false_negatives);
    }
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => (x - y).abs() <= 1e-9 * x.abs().max(1.0),
        (Value::Range([a0, a1]), Value::Range([b0, b1])) => a0 == b0 && a1 == b1,
        (Value::Text(x), Value::Text(y)) => x.trim().eq_ignore_ascii_case(y.trim()),
        _ => false,
    }
}

fn matches(g: &GoldFact, f: &Fact) -> bool {
    g.predicate == f.predicate
        && g.line == f.line
        && same_value(&g.value, &f.value)
        && g.unit.as_ref().is_none_or(|u| f.unit.as_ref() == Some(u))
        && g.qualifier.is_none_or(|q| q == f.qualifier)
        && g.mine_type.as_ref().is_none_or(|m| {
            f.mine_type
                .as_deref()
                .is_some_and(|x| x.eq_ignore_ascii_case(m))
        })
}

/// Score predicted facts against gold facts.
pub fn score(predicted: &[Fact], gold: &[GoldFact]) -> Score {
    let mut s = Score::default();
    let mut used = vec![false; predicted.len()];
    // A gold fact can only match a predicted one of its predicate and line: look among
    // those (in predicted order), not through every prediction for every gold fact.
    let mut by_place: std::collections::HashMap<(&str, usize), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, f) in predicted.iter().enumerate() {
        by_place
            .entry((f.predicate.as_str(), f.line))
            .or_default()
            .push(i);
    }
    for g in gold {
        let c = s.per_predicate.entry(g.predicate.clone()).or_default();
        c.gold += 1;
        let hit = by_place
            .get(&(g.predicate.as_str(), g.line))
            .and_then(|ix| {
                ix.iter()
                    .copied()
                    .find(|&i| !used[i] && matches(g, &predicted[i]))
            });
        match hit {
            Some(i) => {
                used[i] = true;
                c.matched += 1;
            }
            None => s.false_negatives.push(Miss {
                predicate: g.predicate.clone(),
                value: g.value.canonical(),
                line: g.line,
            }),
        }
    }
    for (i, f) in predicted.iter().enumerate() {
        s.per_predicate
            .entry(f.predicate.clone())
            .or_default()
            .predicted += 1;
        if !used[i] {
            s.false_positives.push(Miss {
                predicate: f.predicate.clone(),
                value: f.value.canonical(),
                line: f.line,
            });
        }
    }
    for c in s.per_predicate.values() {
        s.overall.add(*c);
    }
    s
}

/// A plain-text table of the score.
pub fn render(s: &Score) -> String {
    let mut out = format!(
        "{:<34} {:>9} {:>6} {:>9} {:>6}\n",
        "predicate", "precision", "recall", "predicted", "gold"
    );
    let mut row = |name: &str, c: &Counts| {
        out.push_str(&format!(
            "{:<34} {:>9.3} {:>6.3} {:>9} {:>6}\n",
            name,
            c.precision(),
            c.recall(),
            c.predicted,
            c.gold
        ));
    };
    for (k, c) in &s.per_predicate {
        row(k, c);
    }
    row("overall", &s.overall);
    for m in &s.false_positives {
        out.push_str(&format!(
            "false positive: line {} {} = {}\n",
            m.line, m.predicate, m.value
        ));
    }
    for m in &s.false_negatives {
        out.push_str(&format!(
            "missed: line {} {} = {}\n",
            m.line, m.predicate, m.value
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_errors_name_the_line() {
        let e = parse_gold("# c\n{\"predicate\":\"spending\",\"value\":1,\"line\":2}\n{\"predicate\":\"spending\"}\n").unwrap_err();
        assert_eq!(e.line, 3);
        let e = parse_gold("{\"predicate\":\"nope\",\"value\":1,\"line\":2}").unwrap_err();
        assert!(e.message.contains("unknown predicate"));
        let e =
            parse_gold("{\"predicate\":\"spending\",\"value\":1,\"line\":2,\"x\":1}").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(parse_gold("not json").is_err());
        assert_eq!(parse_gold("\n# only comments\n").unwrap().len(), 0);
    }
}
