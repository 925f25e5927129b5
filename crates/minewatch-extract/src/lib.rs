//! Facts with provenance: every figure, date and event a country profile states,
//! as typed [`Fact`]s bound to their sentence, span and footnotes, and
//! cross-checks of those facts against each other, the treaty's articles and the
//! reference data ([`cross_check`]). Pure: no I/O, no printing.
//!
//! Extraction reads only the body: paragraphs and tables, never the notes list.
//! Precision comes before recall: a sentence whose reading is uncertain gives a
//! fact with `confidence: low` and a `reason`, or no fact at all.
//!
//! # Facts
//!
//! Every fact has `predicate`, `subject` (ISO alpha-3 of the profile's state, or of
//! another state, or `NSAG` for non-state armed groups, when the sentence is about
//! them), `value` (a number, a `[low, high]` range, an ISO 8601 date at the precision
//! written — `2020-01-31`, `2019-12`, `1997` — or a term), `qualifier` (`exact`,
//! `approximately`, `more-than`, `at-least`, `less-than`, `at-most`, `range`), `unit`
//! (`mines`, `munitions`, `people`, `USD`, `EUR`, `km2`, `m2`, `states`), `as_of` (the
//! time the fact holds for: a date, `1969/1992` for a period, `2011/..` for "since
//! 2011"), `notes` (footnote numbers inside or right after the sentence), `line`
//! (1-based line of the value), `span` (the sentence, byte offsets), `value_span`,
//! `quote` (the sentence), `confidence` and `reason`.
//!
//! # Predicates
//!
//! | predicate | value | extra fields | read from |
//! |---|---|---|---|
//! | `treaty.signature` | date | | "signed" (not negated) in a sentence about the Mine Ban Treaty |
//! | `treaty.deposit` | date | `instrument` (ratification, accession, acceptance, approval, succession) | "ratified", "acceded", "deposited its instrument of …" |
//! | `treaty.entry_into_force` | date | | "entered into force", "became a State Party" |
//! | `treaty.withdrawal` | date (deposit of the instrument) | `date` (when it takes effect, if stated) | "instrument of withdrawal", "withdrew", "withdrawal" |
//! | `unga.vote` | `yes`/`no`/`abstain` | `resolution` (`74/61`, or `all` for "every resolution"), `date`, `since` and `until` (years: "since 1998", "from 1996 to 2019"), `one_of` ("one of 18 states") | "abstained", "voted in favor/against" |
//! | `meeting.attendance` | meeting name | `date`, `role` (`observer`) | "attended", "participated in", "was present at" a Review Conference / Meeting of States Parties / intersessional meetings |
//! | `policy.announced` | date | | "announced"/"issued"/"adopted" … "policy" |
//! | `use.reported` | date (year) | `mine_type` | "used"/"laid"/"planted" mines in a year |
//! | `use.last` | date | | "last use", "last used" |
//! | `production.quantity` | number | `mine_type`, `cost` | "produced"/"manufactured"/"procured"/"bought" N mines |
//! | `production.last` | date | | "last produced", "last … production" |
//! | `transfer.quantity` | number | `destinations` (a count), `destination_states` (ISO codes, when every destination is named) | "exported"/"transferred"/"sold" N mines (to N countries, or to Angola, Cambodia and Iraq) |
//! | `transfer.moratorium` | date | | "moratorium" on export or transfer, dated |
//! | `transfer.last` | date | | "last exported", "last transfer", "stopped exporting" |
//! | `stockpile.total` | number | | "stockpile of N mines", a table's total row |
//! | `stockpile.by_type` | number | `mine_type`, `column` | a stockpile figure tied to a mine type, a stockpile table row |
//! | `stockpile.destroyed` | number | `mine_type` | "destroyed N mines" |
//! | `stockpile.destruction_completed` | date | | "completed (the) destruction of its stockpile", "destroyed its stockpile", "destroyed its last stockpiled mines" |
//! | `stockpile.destruction_deadline` | date | | a stockpile destruction (Art. 4) deadline |
//! | `clearance.deadline` | date | | an "Article 5 (clearance) deadline", original or extended |
//! | `retained.total` | number | | "retained/retains N mines" |
//! | `report.article7` | date | | an Article 7 transparency report submitted/provided |
//! | `report.ccw_apii` | date | | a report for CCW Amended Protocol II |
//! | `spending` | number (money) | `equivalent` (the other currency), `recipient` (ISO code of the state the money went to, when named: "to clearance in Angola", "to Cambodia") | "spent/allocated/contributed $N"; a donor's part of a list of donors ("the United States ($8.2 million)", "US$12.0 million from Japan"), its subject the donor (a state or `EU`; any other donor gives no fact) |
//! | `support.received` | number (money) | `donors` (a count: "from six donors") | "X received (a total of) US$N", "international contributions (to mine action in X) totaled US$N", "Donors contributed US$N to mine action in X": money a state received from others, its subject the recipient (the state named, else the profile's); unnamed donors give no `spending` |
//! | `casualties` | number (people) | `casualty` (`killed`, `injured`, `unknown`, `total`) | "N people were killed/injured", "the status of N people was unknown", "N casualties" |
//!
//! # Cross-checks
//!
//! [`cross_check`] gives [`minewatch_model::Diagnostic`]s with the codes in
//! [`CROSS_CODES`]: `sum-mismatch` (a "total of N: a, b and c" sentence, casualties
//! by kind against their sentence's total, or a table's total row, whose parts do not
//! add up), `treaty-date-mismatch` (a stated entry into
//! force, Art. 4 deadline, original Art. 5 deadline or withdrawal effect that
//! contradicts what `minewatch-law` gives from the stated deposit (an original Art. 5
//! deadline also from a stated entry into force), naming the article and the expected
//! date),
//! `conflicting-figures` (the same predicate, subject, mine type and time stated with
//! incompatible values in two sentences), `contradicts-reference` (treaty dates, a withdrawal's deposit and effect
//! against `data/mbt_status.csv`; votes, vote dates and "one of N states" against the UN General
//! Assembly record; "every resolution since 1998" when the record shows the same vote
//! earlier), `stale-as-of` (`as of <date>` older than the threshold before the profile's last update). What the data
//! cannot settle gives nothing.
//!
//! # Gold annotations and scoring
//!
//! See [`eval`]: JSON lines, one expected fact per line. Fixtures and their roles:
//! `tests/fixtures/README.md`; figures: `BENCHMARKS.md`.

mod cross;
pub mod eval;
mod gazetteer;
mod rules;
pub mod text;

pub use cross::{cross_check, CrossOptions, CROSS_CODES};
pub use gazetteer::{find_mines, MineMatch};
pub use rules::{extract, page_state};
pub use text::Qualifier;

/// Build the extraction's tables, the reader's and the reference data's now, ahead of
/// the first document (each is built once, on first use, while any other thread that
/// needs it waits): a command can do this on one thread while another lists its
/// input. (Not the UN votes' table, three times the rest: only a profile that states a
/// vote needs it.)
pub fn warm_up() {
    minewatch_profile::warm_up();
    rules::warm_up();
    gazetteer::warm_up();
}

use serde::{Deserialize, Serialize};

/// A fact's value: a number, a `[low, high]` range, or text (an ISO date or a term).
/// Whole numbers serialise as JSON integers.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Range([f64; 2]),
    Text(String),
}

/// Serialise a whole number as an integer.
pub(crate) fn ser_num<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    match whole(*v) {
        Some(n) => s.serialize_i64(n),
        None => s.serialize_f64(*v),
    }
}

/// A number that is written as an integer: whole, and well inside what an `i64` and
/// a JSON reader's double hold exactly.
fn whole(v: f64) -> Option<i64> {
    (v.fract() == 0.0 && v.abs() < 9.0e15).then_some(v as i64)
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        struct N(f64);
        impl Serialize for N {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                ser_num(&self.0, s)
            }
        }
        match self {
            Value::Number(v) => ser_num(v, s),
            Value::Range([a, b]) => {
                let mut t = s.serialize_tuple(2)?;
                t.serialize_element(&N(*a))?;
                t.serialize_element(&N(*b))?;
                t.end()
            }
            Value::Text(t) => s.serialize_str(t),
        }
    }
}

impl Value {
    /// A canonical string for comparisons: numbers without trailing zeros, ranges as `lo-hi`.
    pub fn canonical(&self) -> String {
        match self {
            Value::Number(v) => text::fmt_num(*v),
            Value::Range([a, b]) => format!("{}-{}", text::fmt_num(*a), text::fmt_num(*b)),
            Value::Text(t) => t.trim().to_ascii_lowercase(),
        }
    }
    pub fn as_number(&self) -> Option<f64> {
        match self {
            Value::Number(v) => Some(*v),
            _ => None,
        }
    }
    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Money {
    #[serde(serialize_with = "ser_num")]
    pub value: f64,
    pub unit: String,
}

/// A state's ISO alpha-3 code, or `EU`, held inline (a fact's `recipient`): no
/// allocation, and nothing to free, for a field most facts leave empty (a `String`
/// here made every fact's drop dearer on `check`'s path). Written and read as its
/// text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code {
    bytes: [u8; 3],
    /// (Never zero: `Option<Code>` is four bytes, and `Fact` no larger than before.)
    len: std::num::NonZeroU8,
}

impl Code {
    /// The code of `s`: two or three ASCII capital letters ("AGO", "EU"), else none.
    pub fn new(s: &str) -> Option<Code> {
        let b = s.as_bytes();
        if !(2..=3).contains(&b.len()) || !b.iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let mut bytes = [0u8; 3];
        bytes[..b.len()].copy_from_slice(b);
        Some(Code {
            bytes,
            len: std::num::NonZeroU8::new(b.len() as u8)?,
        })
    }
    pub fn as_str(&self) -> &str {
        // (ASCII capitals only: see `new`.)
        std::str::from_utf8(&self.bytes[..usize::from(self.len.get())]).unwrap_or_default()
    }
}

impl std::ops::Deref for Code {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Code::new(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "'{s}' is not a state code (two or three capital letters)"
            ))
        })
    }
}

/// How sure the extractor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Low,
}

impl Confidence {
    /// The name it serialises as.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Low => "low",
        }
    }
}

/// One extracted fact with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub predicate: String,
    pub subject: String,
    pub value: Value,
    pub qualifier: Qualifier,
    pub unit: Option<String>,
    pub as_of: Option<String>,
    pub notes: Vec<u32>,
    pub line: usize,
    pub span: [usize; 2],
    pub value_span: [usize; 2],
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instrument: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where `date` stands in the input (byte offsets), where the extractor read it
    /// from the text: a withdrawal's effective date, which a finding about it points
    /// at. Not written out (a fact read back from JSON has none).
    #[serde(skip)]
    pub date_span: Option<[usize; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<i32>,
    /// The last year of a "from 1996 to 2019" claim about every resolution.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mine_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equivalent: Option<Money>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destinations: Option<u32>,
    /// The destination states by ISO code, where the sentence names them all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination_states: Option<Vec<String>>,
    /// Where money went: the recipient state by ISO code (`spending` that names it,
    /// a donor's part of a `support.received` list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Code>,
    /// How many donors gave the money received (`support.received`: "from six donors").
    /// (Never zero, and two bytes: `Fact` keeps its size.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub donors: Option<std::num::NonZeroU16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub casualty: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A number as [`ser_num`] writes it: a whole number as an integer, else as
/// `serde_json` writes the float.
fn write_num(out: &mut Vec<u8>, v: f64) {
    match whole(v) {
        Some(n) => write_int(out, n),
        None => {
            if serde_json::to_writer(&mut *out, &v).is_err() {
                out.extend_from_slice(b"null");
            }
        }
    }
}

fn write_int(out: &mut Vec<u8>, v: i64) {
    if v < 0 {
        out.push(b'-');
    }
    minewatch_model::json::uint(out, v.unsigned_abs());
}

impl Fact {
    /// Mark the fact as uncertain, with why: a low-confidence fact is kept and shown,
    /// but no cross-check rests on it.
    pub fn uncertain(&mut self, reason: impl Into<String>) {
        self.confidence = Confidence::Low;
        self.reason = Some(reason.into());
    }

    /// This fact as JSON: what `serde_json` writes for it, written by hand (see
    /// `minewatch_model::json`; `ingest` writes every fact of every profile).
    pub fn write_json(&self, out: &mut Vec<u8>) {
        use minewatch_model::json::{array, opt_str, span, str, uint};
        let money = |out: &mut Vec<u8>, m: &Money| {
            out.extend_from_slice(b"{\"value\":");
            write_num(out, m.value);
            out.extend_from_slice(b",\"unit\":");
            str(out, &m.unit);
            out.push(b'}');
        };
        let pair =
            |out: &mut Vec<u8>, p: [usize; 2]| span(out, minewatch_model::Span::new(p[0], p[1]));
        // An optional field, written only where it is set (`skip_serializing_if`).
        fn field<T>(
            out: &mut Vec<u8>,
            name: &str,
            v: &Option<T>,
            w: impl FnOnce(&mut Vec<u8>, &T),
        ) {
            if let Some(v) = v {
                out.extend_from_slice(b",\"");
                out.extend_from_slice(name.as_bytes());
                out.extend_from_slice(b"\":");
                w(out, v);
            }
        }
        let text = |out: &mut Vec<u8>, s: &String| str(out, s);
        out.extend_from_slice(b"{\"predicate\":");
        str(out, &self.predicate);
        out.extend_from_slice(b",\"subject\":");
        str(out, &self.subject);
        out.extend_from_slice(b",\"value\":");
        match &self.value {
            Value::Number(v) => write_num(out, *v),
            Value::Range([a, b]) => {
                out.push(b'[');
                write_num(out, *a);
                out.push(b',');
                write_num(out, *b);
                out.push(b']');
            }
            Value::Text(t) => str(out, t),
        }
        out.extend_from_slice(b",\"qualifier\":");
        str(out, self.qualifier.as_str());
        out.extend_from_slice(b",\"unit\":");
        opt_str(out, self.unit.as_deref());
        out.extend_from_slice(b",\"as_of\":");
        opt_str(out, self.as_of.as_deref());
        out.extend_from_slice(b",\"notes\":");
        array(out, &self.notes, |out, n| uint(out, u64::from(*n)));
        out.extend_from_slice(b",\"line\":");
        uint(out, self.line as u64);
        out.extend_from_slice(b",\"span\":");
        pair(out, self.span);
        out.extend_from_slice(b",\"value_span\":");
        pair(out, self.value_span);
        out.extend_from_slice(b",\"quote\":");
        str(out, &self.quote);
        field(out, "instrument", &self.instrument, text);
        field(out, "resolution", &self.resolution, text);
        field(out, "vote", &self.vote, text);
        field(out, "date", &self.date, text);
        field(out, "since", &self.since, |o, v| {
            write_int(o, i64::from(*v))
        });
        field(out, "until", &self.until, |o, v| {
            write_int(o, i64::from(*v))
        });
        field(out, "one_of", &self.one_of, |o, v| uint(o, u64::from(*v)));
        field(out, "role", &self.role, text);
        field(out, "mine_type", &self.mine_type, text);
        field(out, "cost", &self.cost, money);
        field(out, "equivalent", &self.equivalent, money);
        field(out, "destinations", &self.destinations, |o, v| {
            uint(o, u64::from(*v))
        });
        field(
            out,
            "destination_states",
            &self.destination_states,
            |o, v| array(o, v, |o, s| str(o, s)),
        );
        field(out, "recipient", &self.recipient, |o, c| str(o, c.as_str()));
        field(out, "donors", &self.donors, |o, v| {
            uint(o, u64::from(v.get()))
        });
        field(out, "casualty", &self.casualty, text);
        field(out, "column", &self.column, text);
        out.extend_from_slice(b",\"confidence\":");
        str(out, self.confidence.as_str());
        field(out, "reason", &self.reason, text);
        out.push(b'}');
    }

    /// The value as it would be written in a gold file (see [`eval`]).
    pub fn value_canonical(&self) -> String {
        self.value.canonical()
    }

    /// What the fact says beyond its predicate, value, time and notes, in words for a
    /// reader, in a fixed order: "killed", "type PMN-2", "ratification", "resolution
    /// 74/61", "one of 17 states", "to 3 states: AGO, KHM, IRQ", "cost 2 million USD".
    pub fn details(&self) -> Vec<String> {
        let mut d = Vec::new();
        let money = |m: &Money| format!("{} {}", text::fmt_num(m.value), m.unit);
        if let Some(c) = &self.casualty {
            d.push(c.clone());
        }
        if let Some(m) = &self.mine_type {
            d.push(format!("type {m}"));
        }
        if let Some(c) = &self.column {
            d.push(format!("column \"{c}\""));
        }
        if let Some(i) = &self.instrument {
            d.push(i.clone());
        }
        if let Some(r) = &self.resolution {
            d.push(format!("resolution {r}"));
        }
        // (A vote's value is its vote already.)
        if let Some(v) = self
            .vote
            .as_ref()
            .filter(|v| self.value.as_text() != Some(v))
        {
            d.push(format!("vote {v}"));
        }
        match (self.since, self.until) {
            (Some(s), Some(u)) => d.push(format!("from {s} to {u}")),
            (Some(s), None) => d.push(format!("since {s}")),
            (None, Some(u)) => d.push(format!("until {u}")),
            (None, None) => {}
        }
        if let Some(n) = self.one_of {
            d.push(format!("one of {n} states"));
        }
        if let Some(r) = &self.role {
            d.push(format!("as {r}"));
        }
        // (A date the fact holds for already is not said twice.)
        if let Some(t) = self
            .date
            .as_ref()
            .filter(|t| self.as_of.as_ref() != Some(t))
        {
            let what = if self.predicate == "treaty.withdrawal" {
                "takes effect"
            } else {
                "on"
            };
            d.push(format!("{what} {t}"));
        }
        match (&self.destination_states, self.destinations) {
            (Some(s), n) => d.push(format!(
                "to {} state(s): {}",
                n.map_or(s.len(), |n| n as usize),
                s.join(", ")
            )),
            (None, Some(n)) => d.push(format!("to {n} state(s)")),
            (None, None) => {}
        }
        if let Some(r) = &self.recipient {
            d.push(format!("to {r}"));
        }
        if let Some(n) = self.donors {
            d.push(format!("from {n} donor(s)"));
        }
        if let Some(c) = &self.cost {
            d.push(format!("cost {}", money(c)));
        }
        if let Some(e) = &self.equivalent {
            d.push(format!("= {}", money(e)));
        }
        d
    }
}

/// A unit as a listing writes it beside its figure: in the singular for one ("1
/// person", "1 mine"), else as stored ("people", "mines").
pub fn unit_word(unit: &str, one: bool) -> &str {
    if !one {
        return unit;
    }
    match unit {
        "people" => "person",
        "mines" => "mine",
        "munitions" => "munition",
        "states" => "state",
        "devices" => "device",
        u => u,
    }
}

/// Every predicate the extractor emits, in documentation order.
pub const PREDICATES: &[&str] = &[
    "treaty.signature",
    "treaty.deposit",
    "treaty.entry_into_force",
    "treaty.withdrawal",
    "unga.vote",
    "meeting.attendance",
    "policy.announced",
    "use.reported",
    "use.last",
    "production.quantity",
    "production.last",
    "transfer.quantity",
    "transfer.moratorium",
    "transfer.last",
    "stockpile.total",
    "stockpile.by_type",
    "stockpile.destroyed",
    "stockpile.destruction_completed",
    "stockpile.destruction_deadline",
    "clearance.deadline",
    "retained.total",
    "report.article7",
    "report.ccw_apii",
    "spending",
    "support.received",
    "casualties",
];

#[cfg(test)]
mod name_tests {
    use super::*;

    /// `as_str` gives the names the JSON output uses (the store keeps them as text).
    #[test]
    fn qualifier_and_confidence_names_are_their_serialised_names() {
        use text::Qualifier as Q;
        for q in [
            Q::Exact,
            Q::Approximately,
            Q::MoreThan,
            Q::AtLeast,
            Q::LessThan,
            Q::AtMost,
            Q::Range,
        ] {
            assert_eq!(serde_json::to_value(q).unwrap(), q.as_str());
        }
        for c in [Confidence::High, Confidence::Low] {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
    }
}
