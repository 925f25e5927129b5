//! How a profile version keeps its notes and candidate facts (schema 5): one JSON array
//! each, beside the version's text. Both are derived from that text and never change;
//! the same JSON suits every backend (a `jsonb` column in PostgreSQL).
//!
//! A note: `{"number","span":[start,end],"text","author","title","place","dates","url",
//! "undated"}`. A fact: `{"subject","predicate","value","qualifier","unit","as_of",
//! "notes","line","span","quote","confidence","fact"}` with `value` and `fact` as the
//! JSON given, plus `status` and `recorded_at` only where they are not the default
//! (a candidate, recorded with its version; only a migrated row can differ).

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::types::{ProfileFact, ProfileNote};

#[derive(Serialize)]
struct NoteOut<'a> {
    number: u32,
    span: [u64; 2],
    text: &'a str,
    author: &'a Option<String>,
    title: &'a Option<String>,
    place: &'a Option<String>,
    dates: &'a [String],
    url: &'a Option<String>,
    undated: bool,
}

#[derive(Deserialize)]
struct NoteIn {
    number: u32,
    span: [u64; 2],
    text: String,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    place: Option<String>,
    #[serde(default)]
    dates: Vec<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    undated: bool,
}

#[derive(Serialize)]
struct FactOut<'a> {
    subject: &'a str,
    predicate: &'a str,
    value: &'a RawValue,
    qualifier: &'a str,
    unit: &'a Option<String>,
    as_of: &'a Option<String>,
    notes: &'a [u32],
    line: u64,
    span: [u64; 2],
    quote: &'a str,
    confidence: &'a str,
    fact: &'a RawValue,
}

#[derive(Deserialize)]
struct FactIn<'a> {
    subject: String,
    predicate: String,
    #[serde(borrow)]
    value: &'a RawValue,
    qualifier: String,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    notes: Vec<u32>,
    line: u64,
    span: [u64; 2],
    quote: String,
    confidence: String,
    #[serde(borrow)]
    fact: &'a RawValue,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    recorded_at: Option<String>,
}

/// A stored candidate fact as read back: the fact, its review status and, where it
/// differs from its version's, its recorded time.
pub struct FactRead {
    pub fact: ProfileFact,
    pub status: String,
    pub recorded_at: Option<String>,
}

/// The notes as one JSON array.
pub fn notes_json(notes: &[ProfileNote]) -> String {
    let out: Vec<NoteOut<'_>> = notes
        .iter()
        .map(|n| NoteOut {
            number: n.number,
            span: [n.span_start, n.span_end],
            text: &n.text,
            author: &n.author,
            title: &n.title,
            place: &n.place,
            dates: &n.dates,
            url: &n.url,
            undated: n.undated,
        })
        .collect();
    serde_json::to_string(&out).unwrap_or_else(|_| "[]".into())
}

/// The facts as one JSON array; refused (with the fact's position and field) where a
/// fact's `value_json` or `fact_json` is not JSON.
pub fn facts_json(facts: &[ProfileFact]) -> Result<String, String> {
    fn raw<'a>(i: usize, field: &str, s: &'a str) -> Result<&'a RawValue, String> {
        serde_json::from_str::<&RawValue>(s)
            .map_err(|e| format!("fact {i}: {field} is not JSON: {e}"))
    }
    let mut out = Vec::with_capacity(facts.len());
    for (i, f) in facts.iter().enumerate() {
        out.push(FactOut {
            subject: &f.subject,
            predicate: &f.predicate,
            value: raw(i, "value_json", &f.value_json)?,
            qualifier: &f.qualifier,
            unit: &f.unit,
            as_of: &f.as_of,
            notes: &f.notes,
            line: f.line,
            span: [f.span_start, f.span_end],
            quote: &f.quote,
            confidence: &f.confidence,
            fact: raw(i, "fact_json", &f.fact_json)?,
        });
    }
    serde_json::to_string(&out).map_err(|e| e.to_string())
}

/// The notes of a stored version.
pub fn read_notes(json: &str) -> Result<Vec<ProfileNote>, String> {
    let notes: Vec<NoteIn> = serde_json::from_str(json).map_err(|e| format!("notes_json: {e}"))?;
    Ok(notes
        .into_iter()
        .map(|n| ProfileNote {
            number: n.number,
            span_start: n.span[0],
            span_end: n.span[1],
            text: n.text,
            author: n.author,
            title: n.title,
            place: n.place,
            dates: n.dates,
            url: n.url,
            undated: n.undated,
        })
        .collect())
}

/// The candidate facts of a stored version, in their order.
pub fn read_facts(json: &str) -> Result<Vec<FactRead>, String> {
    let facts: Vec<FactIn<'_>> =
        serde_json::from_str(json).map_err(|e| format!("facts_json: {e}"))?;
    Ok(facts
        .into_iter()
        .map(|f| FactRead {
            fact: ProfileFact {
                subject: f.subject,
                predicate: f.predicate,
                value_json: f.value.get().to_string(),
                qualifier: f.qualifier,
                unit: f.unit,
                as_of: f.as_of,
                notes: f.notes,
                line: f.line,
                span_start: f.span[0],
                span_end: f.span[1],
                quote: f.quote,
                confidence: f.confidence,
                fact_json: f.fact.get().to_string(),
            },
            status: f.status.unwrap_or_else(|| "candidate".into()),
            recorded_at: f.recorded_at,
        })
        .collect())
}

/// The note a fact cites as its source: the first of its note numbers that the notes
/// list holds (the first note of that number), with the title shown for it (the
/// citation's title, else its author, else the note's first 120 characters).
pub fn fact_source<'a>(
    notes: &'a [ProfileNote],
    fact: &ProfileFact,
) -> Option<(&'a ProfileNote, String)> {
    let n = fact
        .notes
        .iter()
        .find_map(|k| notes.iter().find(|n| n.number == *k))?;
    let title = n
        .title
        .clone()
        .or_else(|| n.author.clone())
        .unwrap_or_else(|| n.text.chars().take(120).collect());
    Some((n, title))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(number: u32, title: Option<&str>, author: Option<&str>) -> ProfileNote {
        ProfileNote {
            number,
            span_start: 3,
            span_end: 9,
            text: format!("Note {number} \"quoted\" \u{2014} text"),
            author: author.map(str::to_string),
            title: title.map(str::to_string),
            place: None,
            dates: vec!["1 May 2020".into()],
            url: Some("https://example.org/x?a=1&b=\"2\"".into()),
            undated: false,
        }
    }

    fn fact(notes: Vec<u32>) -> ProfileFact {
        ProfileFact {
            subject: "USA".into(),
            predicate: "stockpile.total".into(),
            value_json: "{\"n\": 3000000}".into(),
            qualifier: "more-than".into(),
            unit: None,
            as_of: Some("2014".into()),
            notes,
            line: 7,
            span_start: 10,
            span_end: 40,
            quote: "It holds \"3 million\".".into(),
            confidence: "high".into(),
            fact_json: "{\"predicate\": \"stockpile.total\", \"x\": [1, 2]}".into(),
        }
    }

    #[test]
    fn notes_and_facts_read_back_as_written() {
        let notes = vec![note(1, Some("T"), None), note(2, None, Some("A"))];
        assert_eq!(read_notes(&notes_json(&notes)).unwrap(), notes);
        let facts = vec![fact(vec![2]), fact(vec![])];
        let back = read_facts(&facts_json(&facts).unwrap()).unwrap();
        assert_eq!(
            back.iter().map(|f| f.fact.clone()).collect::<Vec<_>>(),
            facts,
            "value and fact JSON kept byte for byte"
        );
        assert!(back
            .iter()
            .all(|f| f.status == "candidate" && f.recorded_at.is_none()));
        assert_eq!(read_notes("[]").unwrap(), vec![]);
    }

    #[test]
    fn a_fact_whose_json_is_not_json_is_refused_with_its_position() {
        let mut bad = fact(vec![]);
        bad.value_json = "3 million".into();
        let e = facts_json(&[fact(vec![]), bad]).unwrap_err();
        assert!(e.starts_with("fact 1: value_json is not JSON"), "{e}");
        assert!(read_facts("{").is_err() && read_notes("[1]").is_err());
    }

    #[test]
    fn a_fact_cites_the_first_of_its_notes_that_exists() {
        let notes = vec![
            note(1, Some("T"), None),
            note(2, None, Some("A")),
            note(3, None, None),
        ];
        let title = |ns: Vec<u32>| fact_source(&notes, &fact(ns)).map(|(n, t)| (n.number, t));
        assert_eq!(title(vec![9, 2, 1]), Some((2, "A".into())));
        assert_eq!(title(vec![1]), Some((1, "T".into())));
        assert_eq!(title(vec![3]).unwrap().1, notes[2].text);
        assert_eq!(title(vec![9]), None);
    }
}
