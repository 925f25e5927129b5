//! How a profile version keeps its notes and candidate facts: one JSON array each,
//! beside the version's text. Both are derived from that text and never change; the
//! same JSON suits every backend (a `jsonb` column in PostgreSQL).
//!
//! A note: `{"number","span":[start,end],"text","author","title","place","dates","url",
//! "undated"}`.
//!
//! A fact (schema 6): `{"fact": <the fact as extracted>}`, plus `status` and
//! `recorded_at` only where they are not the default (a candidate, recorded with its
//! version; only a migrated row can differ). The fact is a JSON object with at least
//! `subject`, `predicate`, `value`, `qualifier`, `unit`, `as_of`, `notes`, `line`,
//! `span` and `quote`, `confidence`; its fields are read from it, so it is kept once.
//! Schema 5 kept those fields a second time beside it (`{"subject", …, "fact"}`):
//! migration 6 folds every such element whose fields agree with its fact, and an
//! element that still has them (they disagreed) is read from them, as before.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::types::{ProfileFact, ProfileNote};

/// A note as serde writes it: the reference [`notes_json`] is tested against.
#[cfg(test)]
#[derive(serde::Serialize)]
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

/// The fields every stored fact has, and that the store reads ([`Fields`]); a fact
/// without one of them, or with one of another type, is refused on writing.
pub const FACT_FIELDS: [&str; 11] = [
    "subject",
    "predicate",
    "value",
    "qualifier",
    "unit",
    "as_of",
    "notes",
    "line",
    "span",
    "quote",
    "confidence",
];

/// The fields of a fact the store reads: from the fact itself, or (a schema-5
/// element whose fields disagreed with its fact) from the element.
#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(borrow)]
    subject: Cow<'a, str>,
    #[serde(borrow)]
    predicate: Cow<'a, str>,
    #[serde(borrow)]
    value: &'a RawValue,
    #[serde(borrow)]
    qualifier: Cow<'a, str>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    notes: Vec<u32>,
    line: u64,
    span: [u64; 2],
    #[serde(borrow)]
    quote: Cow<'a, str>,
    #[serde(borrow)]
    confidence: Cow<'a, str>,
    #[serde(default)]
    recipient: Option<String>,
}

/// A fact as [`ProfileParts::new`] checks it: the fields [`Fields`] reads, of the
/// types it reads them as, without keeping them (only the subject is kept).
#[derive(Deserialize)]
struct FieldsCheck<'a> {
    #[serde(borrow)]
    subject: Cow<'a, str>,
    #[allow(dead_code)]
    predicate: Str,
    #[allow(dead_code)]
    value: serde::de::IgnoredAny,
    #[allow(dead_code)]
    qualifier: Str,
    #[serde(default)]
    #[allow(dead_code)]
    unit: Option<Str>,
    #[serde(default)]
    #[allow(dead_code)]
    as_of: Option<Str>,
    #[serde(default)]
    #[allow(dead_code)]
    notes: U32s,
    #[allow(dead_code)]
    line: u64,
    #[allow(dead_code)]
    span: [u64; 2],
    #[allow(dead_code)]
    quote: Str,
    #[allow(dead_code)]
    confidence: Str,
    /// The state the money went to, on a donor's `spending` (kept: the version is
    /// listed under it too).
    #[serde(default, borrow)]
    recipient: Option<Cow<'a, str>>,
}

/// A JSON string, checked and not kept.
struct Str;

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Str;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Str, E> {
                Ok(Str)
            }
        }
        d.deserialize_str(V)
    }
}

/// A JSON array of unsigned 32-bit numbers, checked and not kept.
#[derive(Default)]
struct U32s;

impl<'de> Deserialize<'de> for U32s {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = U32s;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an array of note numbers")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<U32s, A::Error> {
                while a.next_element::<u32>()?.is_some() {}
                Ok(U32s)
            }
        }
        d.deserialize_seq(V)
    }
}

/// An element of `facts_json`: the fact, its review status and recorded time where
/// they are not the default, and (schema 5 only) the fact's fields beside it.
#[derive(Deserialize)]
struct Elem<'a> {
    #[serde(borrow)]
    fact: &'a RawValue,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    recorded_at: Option<String>,
    /// Present in a schema-5 element only.
    #[serde(default, borrow)]
    subject: Option<Cow<'a, str>>,
}

/// A stored candidate fact as read back: the fact, its review status and, where it
/// differs from its version's, its recorded time.
pub struct FactRead {
    pub fact: ProfileFact,
    pub status: String,
    pub recorded_at: Option<String>,
}

/// The subject of fact `i`, given as JSON, and its recipient where it has one, once it
/// is checked to be an object with every field the store reads, of the type it reads
/// it as.
fn checked_states(i: usize, f: &str) -> Result<(Cow<'_, str>, Option<Cow<'_, str>>), String> {
    if !f.starts_with('{') {
        return Err(format!("fact {i}: not a JSON object"));
    }
    let fields: FieldsCheck<'_> = serde_json::from_str(f).map_err(|e| format!("fact {i}: {e}"))?;
    Ok((fields.subject, fields.recipient))
}

/// Adds `s` to `states` unless it is there.
fn add_state(states: &mut Vec<String>, s: &str) {
    if !states.iter().any(|x| x == s) {
        states.push(s.to_string());
    }
}

/// A profile version's notes and candidate facts in the form the store keeps them,
/// built (and checked) before the write, on the caller's thread.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProfileParts {
    pub(crate) notes_json: String,
    pub(crate) facts_json: String,
    /// The states the facts are about, and those a fact's money went to (a donor's
    /// `spending` with its `recipient`): the version is listed under each. Sorted,
    /// without repeats.
    pub(crate) subjects: Vec<String>,
}

impl ProfileParts {
    /// From the notes and the facts, each fact given as the JSON object the extractor
    /// wrote (see the module's documentation for the fields it must have). A fact that
    /// is not such an object is refused, naming its position and what is wrong.
    pub fn new<S: AsRef<str>>(notes: &[ProfileNote], facts: &[S]) -> Result<Self, String> {
        let mut json =
            String::with_capacity(2 + facts.iter().map(|f| f.as_ref().len() + 10).sum::<usize>());
        json.push('[');
        let mut subjects: Vec<String> = Vec::new();
        for (i, f) in facts.iter().enumerate() {
            let f = f.as_ref().trim();
            let (subject, recipient) = checked_states(i, f)?;
            add_state(&mut subjects, &subject);
            if let Some(r) = recipient {
                add_state(&mut subjects, &r);
            }
            if i > 0 {
                json.push(',');
            }
            json.push_str("{\"fact\":");
            json.push_str(f);
            json.push('}');
        }
        json.push(']');
        subjects.sort_unstable();
        Ok(ProfileParts {
            notes_json: notes_json(notes),
            facts_json: json,
            subjects,
        })
    }

    /// From the notes and the facts as typed values (the extractor's), each written
    /// straight into the array by `write` (its JSON object): no JSON text of its own
    /// per fact, and no second reading of it. `states` gives a fact's subject and its
    /// recipient, if any. A fact's fields come from its type, the same for every fact
    /// of it, so the first fact's JSON is checked as [`ProfileParts::new`] checks each,
    /// with `states` against its own (in debug builds, so in every test, each fact is).
    pub fn from_facts<F>(
        notes: &[ProfileNote],
        facts: &[F],
        states: impl Fn(&F) -> (&str, Option<&str>),
        write: impl Fn(&F, &mut Vec<u8>),
    ) -> Result<Self, String> {
        let mut json: Vec<u8> = Vec::with_capacity(2 + facts.len() * 512);
        json.push(b'[');
        let mut subjects: Vec<String> = Vec::new();
        for (i, f) in facts.iter().enumerate() {
            if i > 0 {
                json.push(b',');
            }
            json.extend_from_slice(b"{\"fact\":");
            let start = json.len();
            write(f, &mut json);
            let (s, r) = states(f);
            if i == 0 || cfg!(debug_assertions) {
                let written =
                    std::str::from_utf8(&json[start..]).map_err(|e| format!("fact {i}: {e}"))?;
                let (own, own_r) = checked_states(i, written)?;
                if own != s {
                    return Err(format!(
                        "fact {i}: subject given as {s:?}, but the fact's is {own:?}"
                    ));
                }
                if own_r.as_deref() != r {
                    return Err(format!(
                        "fact {i}: recipient given as {r:?}, but the fact's is {own_r:?}"
                    ));
                }
            }
            json.push(b'}');
            add_state(&mut subjects, s);
            if let Some(r) = r {
                add_state(&mut subjects, r);
            }
        }
        json.push(b']');
        subjects.sort_unstable();
        Ok(ProfileParts {
            notes_json: notes_json(notes),
            facts_json: String::from_utf8(json).map_err(|e| format!("facts: {e}"))?,
            subjects,
        })
    }

    /// The notes, as they will be read back.
    pub fn notes(&self) -> Result<Vec<ProfileNote>, String> {
        read_notes(&self.notes_json)
    }

    /// The facts, as they will be read back.
    pub fn facts(&self) -> Result<Vec<ProfileFact>, String> {
        Ok(read_facts(&self.facts_json)?
            .into_iter()
            .map(|f| f.fact)
            .collect())
    }
}

/// The notes as one JSON array: what `serde_json` writes for them, written by hand
/// (see `minewatch_model::json`; `ingest` writes one per profile).
pub fn notes_json(notes: &[ProfileNote]) -> String {
    use minewatch_model::json::{array, bool, into_string, opt_str, span, str, uint};
    let mut o: Vec<u8> =
        Vec::with_capacity(notes.iter().map(|n| 2 * n.text.len() + 128).sum::<usize>() + 2);
    array(&mut o, notes, |o, n| {
        o.extend_from_slice(b"{\"number\":");
        uint(o, u64::from(n.number));
        o.extend_from_slice(b",\"span\":");
        span(
            o,
            minewatch_model::Span::new(n.span_start as usize, n.span_end as usize),
        );
        o.extend_from_slice(b",\"text\":");
        str(o, &n.text);
        o.extend_from_slice(b",\"author\":");
        opt_str(o, n.author.as_deref());
        o.extend_from_slice(b",\"title\":");
        opt_str(o, n.title.as_deref());
        o.extend_from_slice(b",\"place\":");
        opt_str(o, n.place.as_deref());
        o.extend_from_slice(b",\"dates\":");
        array(o, &n.dates, |o, d| str(o, d));
        o.extend_from_slice(b",\"url\":");
        opt_str(o, n.url.as_deref());
        o.extend_from_slice(b",\"undated\":");
        bool(o, n.undated);
        o.push(b'}');
    });
    into_string(o)
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
    let elems: Vec<&RawValue> =
        serde_json::from_str(json).map_err(|e| format!("facts_json: {e}"))?;
    elems
        .into_iter()
        .enumerate()
        .map(|(i, raw)| {
            let bad = |e: serde_json::Error| format!("facts_json: fact {i}: {e}");
            let el: Elem<'_> = serde_json::from_str(raw.get()).map_err(bad)?;
            let from = if el.subject.is_some() { raw } else { el.fact };
            let f: Fields<'_> = serde_json::from_str(from.get()).map_err(bad)?;
            Ok(FactRead {
                fact: ProfileFact {
                    subject: f.subject.into_owned(),
                    predicate: f.predicate.into_owned(),
                    value_json: f.value.get().to_string(),
                    qualifier: f.qualifier.into_owned(),
                    unit: f.unit,
                    as_of: f.as_of,
                    notes: f.notes,
                    line: f.line,
                    span_start: f.span[0],
                    span_end: f.span[1],
                    quote: f.quote.into_owned(),
                    confidence: f.confidence.into_owned(),
                    recipient: f.recipient,
                    fact_json: el.fact.get().to_string(),
                },
                status: el.status.unwrap_or_else(|| "candidate".into()),
                recorded_at: el.recorded_at,
            })
        })
        .collect()
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
    // Its quoted title; without one, the citation itself ("Angola, Article 7 Report,
    // Form D, April 2016" says more than its first part, "Angola").
    let title = n.title.clone().unwrap_or_else(|| {
        let t = n.text.trim();
        if t.chars().count() <= 160 {
            t.to_string()
        } else {
            let cut: String = t.chars().take(159).collect();
            format!("{}…", cut.trim_end())
        }
    });
    Some((n, title))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

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
            recipient: None,
            fact_json: "{\"predicate\": \"stockpile.total\", \"x\": [1, 2]}".into(),
        }
    }

    /// A fact as the extractor writes it (other fields included), for `subject`.
    fn fact_json(subject: &str, quote: &str, notes: &[u32]) -> String {
        serde_json::json!({
            "predicate": "stockpile.total", "subject": subject, "value": [1000, 2000],
            "qualifier": "range", "unit": "mines", "as_of": null, "notes": notes,
            "line": 4, "span": [10, 40], "value_span": [12, 20], "quote": quote,
            "mine_type": "PMN-2", "confidence": "low", "reason": "a range"
        })
        .to_string()
    }

    #[test]
    fn notes_by_hand_are_what_serde_writes() {
        let mut odd = note(7, None, None);
        odd.text = "tab\there, \\ back, \u{1} ctl, \r\n end".into();
        odd.place = Some("Washington, DC".into());
        odd.dates = vec![];
        odd.url = None;
        odd.undated = true;
        odd.span_end = u64::from(u32::MAX) + 5;
        for notes in [
            vec![],
            vec![note(1, Some("T \"q\""), Some("A"))],
            vec![note(2, None, Some("B")), odd],
        ] {
            let by_serde: Vec<NoteOut<'_>> = notes
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
            assert_eq!(
                notes_json(&notes),
                serde_json::to_string(&by_serde).unwrap()
            );
        }
    }

    #[test]
    fn notes_and_facts_read_back_as_written() {
        let notes = vec![note(1, Some("T"), None), note(2, None, Some("A"))];
        let facts = [
            fact_json("USA", "It holds \"3 million\" \u{2014} or more.", &[2]),
            fact_json("RUS", "Other.", &[]),
            fact_json("USA", "Again.", &[1, 2]),
        ];
        let parts = ProfileParts::new(&notes, &facts).unwrap();
        assert_eq!(parts.notes().unwrap(), notes);
        assert_eq!(
            parts.subjects,
            vec!["RUS", "USA"],
            "sorted, without repeats"
        );
        let back = read_facts(&parts.facts_json).unwrap();
        assert_eq!(back.len(), 3);
        for (f, json) in back.iter().zip(&facts) {
            assert_eq!(&f.fact.fact_json, json, "the fact kept byte for byte");
            assert_eq!(f.status, "candidate");
            assert!(f.recorded_at.is_none());
        }
        assert_eq!(parts.facts().unwrap()[2].quote, "Again.");
        let f = &back[0].fact;
        assert_eq!(
            (
                f.subject.as_str(),
                f.predicate.as_str(),
                f.value_json.as_str()
            ),
            ("USA", "stockpile.total", "[1000,2000]")
        );
        assert_eq!(
            (f.qualifier.as_str(), f.unit.as_deref(), f.as_of.as_deref()),
            ("range", Some("mines"), None)
        );
        assert_eq!(
            (f.notes.clone(), f.line, f.span_start, f.span_end),
            (vec![2], 4, 10, 40)
        );
        assert_eq!(f.quote, "It holds \"3 million\" \u{2014} or more.");
        assert_eq!(f.confidence, "low");
        // Each fact once: its quote is not repeated beside it.
        assert_eq!(parts.facts_json.matches("3 million").count(), 1);
        assert_eq!(read_notes("[]").unwrap(), vec![]);
        assert_eq!(
            ProfileParts::new::<&str>(&[], &[]).unwrap().facts_json,
            "[]"
        );
    }

    /// A fact of the store's shape as a typed value, as the extractor hands one over.
    #[derive(Serialize)]
    struct Typed {
        predicate: &'static str,
        subject: String,
        value: [u32; 2],
        qualifier: &'static str,
        unit: Option<&'static str>,
        as_of: Option<String>,
        notes: Vec<u32>,
        line: u64,
        span: [u64; 2],
        quote: String,
        confidence: &'static str,
    }

    fn serde_write<T: Serialize>(f: &T, out: &mut Vec<u8>) {
        serde_json::to_writer(out, f).unwrap();
    }

    fn typed(subject: &str, quote: &str) -> Typed {
        Typed {
            predicate: "stockpile.total",
            subject: subject.into(),
            value: [1000, 2000],
            qualifier: "range",
            unit: None,
            as_of: Some("2020".into()),
            notes: vec![2],
            line: 4,
            span: [10, 40],
            quote: quote.into(),
            confidence: "low",
        }
    }

    #[test]
    fn a_donors_recipient_lists_the_version_under_it_too() {
        let gift = serde_json::json!({
            "predicate": "spending", "subject": "NOR", "value": 2600000, "qualifier": "exact",
            "unit": "USD", "as_of": "2024", "notes": [1], "line": 3, "span": [0, 10],
            "quote": "Norway gave.", "confidence": "high", "recipient": "AGO"
        })
        .to_string();
        let own = fact_json("AGO", "Angola spent.", &[1]);
        let parts = ProfileParts::new(&[], &[gift.clone(), own]).unwrap();
        assert_eq!(parts.subjects, vec!["AGO", "NOR"]);
        let back = parts.facts().unwrap();
        assert_eq!(back[0].recipient.as_deref(), Some("AGO"));
        assert_eq!(back[1].recipient, None);
        // Typed facts the same way; a recipient given that the JSON lacks is refused.
        let typed = ProfileParts::from_facts(
            &[],
            std::slice::from_ref(&gift),
            |_| ("NOR", Some("AGO")),
            |f, o| o.extend_from_slice(f.as_bytes()),
        )
        .unwrap();
        assert_eq!(typed.subjects, vec!["AGO", "NOR"]);
        let e = ProfileParts::from_facts(
            &[],
            &[gift],
            |_| ("NOR", None),
            |f, o| o.extend_from_slice(f.as_bytes()),
        )
        .unwrap_err();
        assert!(e.contains("recipient"), "{e}");
    }

    #[test]
    fn typed_facts_are_kept_as_their_json_would_be() {
        let notes = vec![note(1, Some("T"), None)];
        let facts = [
            typed("USA", "It holds \"3 million\" \u{2014} or more."),
            typed("RUS", "Other."),
            typed("USA", "Again."),
        ];
        let json: Vec<String> = facts
            .iter()
            .map(|f| serde_json::to_string(f).unwrap())
            .collect();
        let direct =
            ProfileParts::from_facts(&notes, &facts, |f| (f.subject.as_str(), None), serde_write)
                .unwrap();
        assert_eq!(direct, ProfileParts::new(&notes, &json).unwrap());
        assert_eq!(direct.subjects, vec!["RUS", "USA"]);
        assert_eq!(direct.facts().unwrap()[0].quote, facts[0].quote);
        let none: [Typed; 0] = [];
        assert_eq!(
            ProfileParts::from_facts(&[], &none, |f| (f.subject.as_str(), None), serde_write)
                .unwrap()
                .facts_json,
            "[]"
        );
    }

    #[test]
    fn typed_facts_without_the_fields_or_with_another_subject_are_refused() {
        let facts = [typed("USA", "Q."), typed("FIN", "R.")];
        let e = ProfileParts::from_facts(&[], &facts, |_| ("FIN", None), serde_write).unwrap_err();
        assert_eq!(
            e,
            "fact 0: subject given as \"FIN\", but the fact's is \"USA\""
        );
        if cfg!(debug_assertions) {
            // Every fact is checked in debug builds.
            let e =
                ProfileParts::from_facts(&[], &facts, |_| ("USA", None), serde_write).unwrap_err();
            assert_eq!(
                e,
                "fact 1: subject given as \"USA\", but the fact's is \"FIN\""
            );
        }
        #[derive(Serialize)]
        struct Short {
            subject: &'static str,
            predicate: &'static str,
        }
        let short = [Short {
            subject: "USA",
            predicate: "p",
        }];
        let e =
            ProfileParts::from_facts(&[], &short, |f| (f.subject, None), serde_write).unwrap_err();
        assert!(e.starts_with("fact 0: missing field"), "{e}");
    }

    /// Schema 5 kept the fields beside the fact; an element that still has them (they
    /// disagreed with the fact) is read from them, with its status and recorded time.
    #[test]
    fn a_schema_5_element_is_read_from_its_own_fields() {
        let f = fact(vec![2]);
        let el = serde_json::json!({
            "subject": f.subject, "predicate": f.predicate,
            "value": serde_json::from_str::<serde_json::Value>(&f.value_json).unwrap(),
            "qualifier": f.qualifier, "unit": f.unit, "as_of": f.as_of, "notes": f.notes,
            "line": f.line, "span": [f.span_start, f.span_end], "quote": f.quote,
            "confidence": f.confidence,
            "fact": serde_json::from_str::<serde_json::Value>(&f.fact_json).unwrap(),
            "status": "accepted", "recorded_at": "2026-01-02T03:04:05Z"
        });
        let back = read_facts(&format!("[{el}]")).unwrap();
        let mut want = f.clone();
        want.value_json = "{\"n\":3000000}".into();
        want.fact_json = "{\"predicate\":\"stockpile.total\",\"x\":[1,2]}".into();
        assert_eq!(back[0].fact, want);
        assert_eq!(back[0].status, "accepted");
        assert_eq!(back[0].recorded_at.as_deref(), Some("2026-01-02T03:04:05Z"));
    }

    #[test]
    fn a_fact_that_is_not_a_fact_object_is_refused_with_its_position() {
        let good = fact_json("USA", "Q.", &[]);
        let e = |facts: &[&str]| ProfileParts::new(&[], facts).unwrap_err();
        assert!(e(&[&good, "3 million"]).starts_with("fact 1: not a JSON object"));
        assert!(e(&[&good, &good, "[1, 2]"]).starts_with("fact 2: not a JSON object"));
        let no_quote = good.replace("\"quote\"", "\"quotation\"");
        let msg = e(&[&no_quote]);
        assert!(msg.starts_with("fact 0: missing field `quote`"), "{msg}");
        assert!(e(&[&format!("{good} trailing")]).starts_with("fact 0:"));
        assert!(read_facts("{").is_err() && read_notes("[1]").is_err());
        let err = read_facts("[{\"fact\": {\"subject\": \"USA\"}}]")
            .err()
            .unwrap();
        assert!(
            err.starts_with("facts_json: fact 0: missing field"),
            "{err}"
        );
    }

    /// What the write accepts is exactly what reading can read: for facts with a field
    /// missing, null or of another type, both agree.
    #[test]
    fn the_write_check_accepts_what_reading_reads() {
        let fields = FACT_FIELDS;
        let values = [
            "null",
            "\"x\"",
            "\"esc\\\"aped\"",
            "3",
            "-1",
            "4.5",
            "[1, 2]",
            "[\"1\"]",
            "[4294967296]",
            "[1, 2, 3]",
            "{}",
            "true",
        ];
        let base: serde_json::Value = serde_json::from_str(&fact_json("USA", "Q.", &[1])).unwrap();
        let mut cases = 0;
        for f in fields {
            let mut without = base.clone();
            without.as_object_mut().unwrap().remove(f);
            let mut variants = vec![without];
            for v in values {
                let mut m = base.clone();
                m[f] = serde_json::from_str(v).unwrap();
                variants.push(m);
            }
            for m in variants {
                let m = m.to_string();
                let write = ProfileParts::new(&[], &[&m]).is_ok();
                let read = read_facts(&format!("[{{\"fact\":{m}}}]")).is_ok();
                assert_eq!(write, read, "{m}");
                cases += usize::from(!write);
            }
        }
        assert!(cases > 60, "{cases} refused");
    }

    #[test]
    fn a_fact_cites_the_first_of_its_notes_that_exists() {
        let notes = vec![
            note(1, Some("T"), None),
            note(2, None, Some("A")),
            note(3, None, None),
        ];
        let title = |ns: Vec<u32>| fact_source(&notes, &fact(ns)).map(|(n, t)| (n.number, t));
        // Without a quoted title, the whole citation, not its author alone.
        assert_eq!(title(vec![9, 2, 1]), Some((2, notes[1].text.clone())));
        assert_eq!(title(vec![1]), Some((1, "T".into())));
        assert_eq!(title(vec![3]).unwrap().1, notes[2].text);
        assert_eq!(title(vec![9]), None);
        // A long citation is cut at 160 characters.
        let mut long = note(4, None, Some("A"));
        long.text = "é".repeat(300);
        let t = fact_source(&[long], &fact(vec![4])).unwrap().1;
        assert_eq!(t.chars().count(), 160);
        assert!(t.ends_with('…'));
    }
}
