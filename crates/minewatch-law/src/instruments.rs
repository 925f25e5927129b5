//! Instruments as data: each treaty or national policy with its source, its
//! definition of the devices it covers, its rules and who it binds. The table is
//! `data/instruments.json`; adding a national policy is a new entry there (binding
//! rule `state-policy`), not new code.
//!
//! How a table is read (see `crate::classify`): the device is first tested against the
//! instrument's definition; outside its scope the answer is `out_of_scope`. Otherwise
//! the rules are tried in order. A matching rule adds its verdict, article, text and
//! conditions; a rule with `stop` ends the search (exceptions such as Art. 3 come
//! first). The most severe verdict wins (prohibited > restricted > permitted). A rule
//! that would match only if an input not given had a certain value (place, delivery,
//! detectability) makes the answer at most `restricted` and names the missing field.
//! When no rule matches, the answer is `otherwise`.

use std::sync::OnceLock;

use minewatch_model::Date;
use serde::{Deserialize, Serialize};

use crate::classify::{ActivityKind, Delivery, Purpose, Verdict};
use crate::LawError;

/// The embedded instrument table.
pub const INSTRUMENTS_JSON: &str = include_str!("../data/instruments.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InstrumentKind {
    Treaty,
    NationalPolicy,
}

/// How to tell whether an actor is bound by an instrument on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Binding {
    /// A State Party to the Mine Ban Treaty on the date (reference data `mbt_status.csv`).
    MbtParty,
    /// Amended Protocol II in force for the state on the date (reference data `ccw_apii.csv`);
    /// a non-state armed group is bound in a non-international armed conflict in the
    /// territory of a High Contracting Party (APII Art. 1.3).
    CcwApiiParty,
    /// A national policy: binds one state from its adoption until it is superseded.
    StatePolicy {
        state: String,
        from: Date,
        #[serde(default)]
        until: Option<Date>,
        #[serde(default)]
        superseded_by: Option<String>,
    },
}

/// Which devices an instrument's rules are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Anti-personnel mines only.
    ApMines,
    /// All victim-activated mines, anti-personnel and anti-vehicle.
    AllMines,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    pub scope: Scope,
    /// The article defining an anti-personnel mine.
    pub article: String,
    /// The definition, in the instrument's words.
    pub text: String,
    /// The anti-handling-device exception, cited when it applies.
    pub anti_handling: String,
    /// Said when a device is an anti-personnel mine only through a secondary person-activated mode.
    #[serde(default)]
    pub person_mode_note: Option<String>,
}

/// One rule: conditions on the activity and the device, and what follows.
/// An empty list or an absent value places no condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    #[serde(default)]
    pub kinds: Vec<ActivityKind>,
    #[serde(default)]
    pub purposes: Vec<Purpose>,
    /// The activity takes place in one of these (ISO alpha-3).
    #[serde(default)]
    pub place_in: Vec<String>,
    /// The activity takes place outside all of these (ISO alpha-3).
    #[serde(default)]
    pub place_not_in: Vec<String>,
    /// Persistent = lacks self-destruction or self-deactivation.
    #[serde(default)]
    pub persistent: Option<bool>,
    /// The device is (true) or is not (false) an anti-personnel mine: for a policy whose
    /// scope is every landmine but whose rules tell the two kinds apart (2004 US policy).
    #[serde(default)]
    pub ap_mine: Option<bool>,
    #[serde(default)]
    pub delivery: Option<Delivery>,
    #[serde(default)]
    pub detectable: Option<bool>,
    /// The rule applies to activities on or after this date.
    #[serde(default)]
    pub from: Option<Date>,
    pub verdict: Verdict,
    pub article: String,
    pub text: String,
    /// Conditions the answer depends on that the input does not settle.
    #[serde(default)]
    pub conditions: Vec<String>,
    /// When this rule matches, later rules are not considered (exceptions come first).
    #[serde(default)]
    pub stop: bool,
}

/// A fixed answer: when no rule matches, or when the device is outside the instrument's scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    pub verdict: Verdict,
    pub article: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    pub id: String,
    pub name: String,
    pub kind: InstrumentKind,
    /// Citation of the instrument's text (and URL where there is one).
    pub source: String,
    pub binding: Binding,
    pub definition: Definition,
    pub rules: Vec<Rule>,
    pub otherwise: Outcome,
    pub out_of_scope: Outcome,
}

/// Parse and check an instrument table (JSON list of instruments).
pub fn parse_instruments(json: &str) -> Result<Vec<Instrument>, LawError> {
    let list: Vec<Instrument> =
        serde_json::from_str(json).map_err(|e| LawError::Instruments(e.to_string()))?;
    let bad = |m: String| Err(LawError::Instruments(m));
    let mut ids: Vec<&str> = Vec::new();
    for ins in &list {
        if ins.id.is_empty() || ins.source.trim().is_empty() {
            return bad(format!("instrument '{}' needs an id and a source", ins.id));
        }
        if ids.contains(&ins.id.as_str()) {
            return bad(format!("duplicate instrument id '{}'", ins.id));
        }
        ids.push(&ins.id);
        if let Binding::StatePolicy {
            state, from, until, ..
        } = &ins.binding
        {
            if minewatch_refdata::resolve_state(state).map(|s| s.iso3.as_str())
                != Some(state.as_str())
            {
                return bad(format!(
                    "{}: binding state '{state}' is not an ISO alpha-3 code",
                    ins.id
                ));
            }
            if until.is_some_and(|u| u <= *from) {
                return bad(format!("{}: binding ends before it starts", ins.id));
            }
        }
        let mut rule_ids: Vec<&str> = Vec::new();
        for r in &ins.rules {
            if rule_ids.contains(&r.id.as_str()) {
                return bad(format!("{}: duplicate rule id '{}'", ins.id, r.id));
            }
            rule_ids.push(&r.id);
            if r.text.trim().is_empty() || r.article.trim().is_empty() {
                return bad(format!(
                    "{}: rule '{}' needs an article and a text",
                    ins.id, r.id
                ));
            }
            for p in r.place_in.iter().chain(&r.place_not_in) {
                if minewatch_refdata::resolve_state(p).map(|s| s.iso3.as_str()) != Some(p.as_str())
                {
                    return bad(format!(
                        "{}: rule '{}': place '{p}' is not an ISO alpha-3 code",
                        ins.id, r.id
                    ));
                }
            }
            if r.ap_mine == Some(false) && ins.definition.scope == Scope::ApMines {
                return bad(format!(
                    "{}: rule '{}' is about devices that are not anti-personnel mines, which the instrument does not cover",
                    ins.id, r.id
                ));
            }
            if !r.place_in.is_empty() && !r.place_not_in.is_empty() {
                return bad(format!(
                    "{}: rule '{}' has both place_in and place_not_in",
                    ins.id, r.id
                ));
            }
        }
    }
    for ins in &list {
        if let Binding::StatePolicy {
            superseded_by: Some(s),
            ..
        } = &ins.binding
        {
            if !ids.contains(&s.as_str()) {
                return bad(format!(
                    "{}: superseded by unknown instrument '{s}'",
                    ins.id
                ));
            }
        }
    }
    Ok(list)
}

/// The embedded instruments: `mbt`, `ccw-apii`, `us-2004`, `us-2014`, `us-2020`, `us-2022`.
pub fn instruments() -> &'static [Instrument] {
    static LIST: OnceLock<Vec<Instrument>> = OnceLock::new();
    LIST.get_or_init(|| {
        parse_instruments(INSTRUMENTS_JSON)
            .expect("data/instruments.json is checked by the test suite")
    })
}

/// One embedded instrument by id.
pub fn instrument(id: &str) -> Result<&'static Instrument, LawError> {
    instruments()
        .iter()
        .find(|i| i.id == id)
        .ok_or_else(|| LawError::UnknownInstrument(id.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_is_valid() {
        let ids: Vec<&str> = instruments().iter().map(|i| i.id.as_str()).collect();
        assert_eq!(
            ids,
            ["mbt", "ccw-apii", "us-2004", "us-2014", "us-2020", "us-2022"]
        );
        assert!(instrument("us-2022")
            .unwrap()
            .source
            .contains("21 June 2022"));
        assert!(matches!(
            instrument("us-1997"),
            Err(LawError::UnknownInstrument(_))
        ));
    }

    #[test]
    fn us_policies_chain_without_gaps() {
        let span = |id: &str| match &instrument(id).unwrap().binding {
            Binding::StatePolicy {
                from,
                until,
                superseded_by,
                ..
            } => (*from, *until, superseded_by.clone()),
            other => panic!("{id}: {other:?}"),
        };
        // The 2004 policy's commitments on persistent and non-detectable mines stood
        // beside the 2014 changes, until the 2020 policy took over the same ground.
        let (from04, until04, by04) = span("us-2004");
        assert_eq!(from04.to_string(), "2004-02-27");
        let (_, until14, by14) = span("us-2014");
        let (from20, until20, by20) = span("us-2020");
        let (from22, until22, _) = span("us-2022");
        assert_eq!((until14, by14.as_deref()), (Some(from20), Some("us-2020")));
        assert_eq!((until04, by04.as_deref()), (Some(from20), Some("us-2020")));
        assert_eq!((until20, by20.as_deref()), (Some(from22), Some("us-2022")));
        assert_eq!(from20.to_string(), "2020-01-31");
        assert_eq!(from22.to_string(), "2022-06-21");
        assert_eq!(until22, None);
    }

    #[test]
    fn table_errors() {
        let base = r#"{"id":"x","name":"X","kind":"national-policy","source":"s","binding":{"rule":"state-policy","state":"FRA","from":"2000-01-01"},
            "definition":{"scope":"ap-mines","article":"a","text":"t","anti_handling":"h"},"rules":[RULES],
            "otherwise":{"verdict":"permitted","article":"a","text":"t"},"out_of_scope":{"verdict":"permitted","article":"a","text":"t"}}"#;
        let ok = format!("[{}]", base.replace("RULES", r#"{"id":"r","kinds":["use"],"place_not_in":["KOR"],"verdict":"prohibited","article":"a","text":"t"}"#));
        assert_eq!(parse_instruments(&ok).unwrap().len(), 1);
        for (rules, want) in [
            (
                r#"{"id":"r","kinds":["fire"],"verdict":"prohibited","article":"a","text":"t"}"#,
                "unknown variant",
            ),
            (
                r#"{"id":"r","colour":1,"verdict":"prohibited","article":"a","text":"t"}"#,
                "unknown field `colour`",
            ),
            (
                r#"{"id":"r","place_in":["Korea"],"verdict":"prohibited","article":"a","text":"t"}"#,
                "not an ISO alpha-3",
            ),
            (
                r#"{"id":"r","verdict":"prohibited","article":"a","text":"t"},{"id":"r","verdict":"permitted","article":"a","text":"t"}"#,
                "duplicate rule",
            ),
            (
                r#"{"id":"r","ap_mine":false,"verdict":"prohibited","article":"a","text":"t"}"#,
                "does not cover",
            ),
        ] {
            let e = parse_instruments(&format!("[{}]", base.replace("RULES", rules)))
                .unwrap_err()
                .to_string();
            assert!(e.contains(want), "{e}");
        }
        let twice = format!(
            "[{},{}]",
            base.replace("RULES", ""),
            base.replace("RULES", "")
        );
        assert!(parse_instruments(&twice)
            .unwrap_err()
            .to_string()
            .contains("duplicate instrument"));
    }
}
