//! Domain types the [`crate::Store`] trait speaks in. No SQL here.

use std::fmt;

use minewatch_model::Date;
use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::error::StoreError;

/// How a claim ranks against other claims about the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rank {
    Preferred,
    Normal,
    Deprecated,
}

impl Rank {
    pub fn as_str(self) -> &'static str {
        match self {
            Rank::Preferred => "preferred",
            Rank::Normal => "normal",
            Rank::Deprecated => "deprecated",
        }
    }
    pub fn parse(s: &str) -> Result<Rank, StoreError> {
        match s {
            "preferred" => Ok(Rank::Preferred),
            "normal" => Ok(Rank::Normal),
            "deprecated" => Ok(Rank::Deprecated),
            _ => Err(StoreError::Invalid(format!("unknown rank '{s}'"))),
        }
    }
}

/// How well a value is supported: `high` (read in a primary or Monitor source),
/// `medium` (secondary source or one date inferred), `low` (not verified: shown as unverified).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
    pub fn parse(s: &str) -> Result<Confidence, StoreError> {
        match s.trim() {
            "high" => Ok(Confidence::High),
            "medium" => Ok(Confidence::Medium),
            "low" => Ok(Confidence::Low),
            _ => Err(StoreError::Invalid(format!("unknown confidence '{s}'"))),
        }
    }
    /// Low-confidence values have not been checked against a source.
    pub fn verified(self) -> bool {
        self != Confidence::Low
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A source: a citation with a stable key. Sources are immutable; a changed citation is a new key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub key: String,
    /// `reference-data`, `curated`, `profile-note`, `user`, ...
    pub kind: String,
    pub title: String,
    pub url: Option<String>,
    pub note: Option<String>,
    pub confidence: Confidence,
}

/// Predicates used for facts.
pub mod predicate {
    pub const MBT_SIGNATURE: &str = "mbt.signature";
    /// `value_text` holds the kind of instrument.
    pub const MBT_DEPOSIT: &str = "mbt.deposit";
    pub const MBT_ENTRY_INTO_FORCE: &str = "mbt.entry_into_force";
    pub const MBT_WITHDRAWAL_DEPOSIT: &str = "mbt.withdrawal_deposit";
    pub const MBT_WITHDRAWAL_EFFECTIVE: &str = "mbt.withdrawal_effective";
    /// The status as the source states it (`value_text`), e.g. "State Party - withdrawal pending".
    pub const MBT_REPORTED_STATUS: &str = "mbt.reported_status";
    /// `value_date` the date of consent; empty date: `value_text` says what that means.
    pub const CCW_PARTY: &str = "ccw.party";
    pub const CCW_APII_CONSENT: &str = "ccw.apii_consent";
    /// slot = resolution ("53/77N"); `value_text` = yes/no/abstain; `valid_from` = vote date.
    pub const UNGA_VOTE: &str = "unga.vote";
}

/// A fact to write. The store assigns the version and the recorded time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFact {
    /// ISO alpha-3 code (or our own code for other areas) of a known state.
    pub subject: String,
    pub predicate: String,
    /// Distinguishes several facts with one predicate (e.g. the resolution of a vote).
    pub slot: String,
    /// The line of assertion: versions of one claim supersede each other, different claims
    /// stand side by side.
    pub claim: String,
    pub value_date: Option<Date>,
    pub value_text: Option<String>,
    /// Valid time: when the value holds (an event's date, a period, an "as of").
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub confidence: Confidence,
    pub rank: Rank,
    pub reason: Option<String>,
    pub source: SourceRef,
    /// This version withdraws the claim (the source no longer says it).
    pub retracted: bool,
}

impl NewFact {
    /// The identity of the claim this fact is a version of.
    pub fn key(&self) -> FactKey {
        FactKey {
            subject: self.subject.clone(),
            predicate: self.predicate.clone(),
            slot: self.slot.clone(),
            claim: self.claim.clone(),
        }
    }
    /// Everything but the key, as one string: a new version is written only when it changes.
    pub fn content(&self) -> String {
        content_string(
            self.value_date,
            self.value_text.as_deref(),
            self.valid_from,
            self.valid_to,
            self.confidence,
            self.rank,
            self.reason.as_deref(),
            &self.source.key,
            self.retracted,
        )
    }
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn content_string(
    value_date: Option<Date>,
    value_text: Option<&str>,
    valid_from: Option<Date>,
    valid_to: Option<Date>,
    confidence: Confidence,
    rank: Rank,
    reason: Option<&str>,
    source_key: &str,
    retracted: bool,
) -> String {
    serde_json::json!([
        value_date, value_text, valid_from, valid_to, confidence, rank, reason, source_key,
        retracted
    ])
    .to_string()
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FactKey {
    pub subject: String,
    pub predicate: String,
    pub slot: String,
    pub claim: String,
}

/// A stored fact version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub id: i64,
    pub subject: String,
    pub predicate: String,
    pub slot: String,
    pub claim: String,
    pub version: i64,
    pub value_date: Option<Date>,
    pub value_text: Option<String>,
    pub valid_from: Option<Date>,
    pub valid_to: Option<Date>,
    pub confidence: Confidence,
    pub rank: Rank,
    pub reason: Option<String>,
    pub source: SourceRef,
    pub retracted: bool,
    pub recorded_at: Timestamp,
}

impl Fact {
    pub fn content(&self) -> String {
        content_string(
            self.value_date,
            self.value_text.as_deref(),
            self.valid_from,
            self.valid_to,
            self.confidence,
            self.rank,
            self.reason.as_deref(),
            &self.source.key,
            self.retracted,
        )
    }
}

/// Which facts to read.
#[derive(Debug, Clone, Default)]
pub struct FactFilter {
    pub subject: Option<String>,
    /// Predicates starting with this text ("mbt." for all treaty events).
    pub predicate_prefix: Option<String>,
    /// What the database knew at this instant (default: now, everything recorded).
    pub known_at: Option<Timestamp>,
    /// Every version, superseded and retracted ones included (for history and audits).
    pub all_versions: bool,
    /// Every claim side by side instead of the best-ranked one per (subject, predicate, slot).
    pub all_ranks: bool,
}

/// A state or other area, as the store holds it (its latest attributes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateInfo {
    pub iso3: String,
    pub iso2: String,
    pub numeric: String,
    pub name: String,
    /// `state` or `other-area`.
    pub kind: String,
    pub un_member: bool,
    pub code_source: String,
    pub aliases: Vec<String>,
    pub source: String,
    pub version: i64,
    pub recorded_at: Timestamp,
}

/// A UN General Assembly roll call on the treaty resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolution {
    pub rcid: i64,
    pub session: i64,
    pub resolution: String,
    /// The date in the voting dataset.
    pub date: Date,
    /// False where the dataset's date is known not to be the plenary date (sessions 53-57).
    pub date_is_plenary: bool,
    /// False for a roll call that is not on the treaty resolution (52/38H, 1997).
    pub treaty_resolution: bool,
    pub caveat: Option<String>,
    pub yes: i64,
    pub no: i64,
    pub abstain: i64,
    pub title: String,
    pub source: SourceRef,
}

/// A profile document reduced to what the store keeps (the CLI converts the reader's
/// `Document` into this, so the store does not depend on the reader).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileInput {
    /// Where it was read from (kept for display; not part of its identity).
    pub source_path: Option<String>,
    /// The raw bytes' SHA-256, hex; filled by [`ProfileInput::hash_bytes`].
    pub content_hash: String,
    pub byte_len: u64,
    pub text: String,
    pub country: Option<String>,
    pub iso3: Option<String>,
    pub profile_type: Option<String>,
    pub last_updated: Option<Date>,
    /// The reader's document as JSON, in its stored form (without the text, and the
    /// notes without their text and citation: they are kept once, in `parts`);
    /// `ingest` writes the compact form (`minewatch_profile::stored`).
    pub model_json: String,
    /// Diagnostics (reader and checker) as a JSON array.
    pub diagnostics_json: String,
    pub error_count: u32,
    pub warning_count: u32,
    /// The notes (as sources) and the facts extracted from the profile (stored as
    /// candidates with their provenance), in the form the store keeps them.
    pub parts: crate::profile_json::ProfileParts,
}

/// A stored candidate fact with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredProfileFact {
    pub profile_version_id: i64,
    /// The profile (a state's profile of one type) and which of its versions this is.
    pub profile_id: i64,
    pub version: i64,
    /// The version's "Last updated" date, where it has one.
    pub last_updated: Option<String>,
    /// Whether the version is its profile's current one: the edition last updated
    /// latest (a version without a date ranks below every dated one; ties go to the
    /// version recorded last). Facts of earlier editions are its history.
    pub current: bool,
    /// `candidate`, `accepted` or `rejected`.
    pub status: String,
    /// The profile file it was read from.
    pub source_path: Option<String>,
    /// The citation of its first note, where the note exists.
    pub source_title: Option<String>,
    pub source_url: Option<String>,
    pub fact: ProfileFact,
    pub recorded_at: String,
}

/// A fact extracted from a profile, as read back: a candidate, bound to its sentence
/// and notes. Its fields are read from `fact_json`, the fact as extracted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileFact {
    pub subject: String,
    pub predicate: String,
    /// The value as JSON (a number, a date or a term).
    pub value_json: String,
    pub qualifier: String,
    pub unit: Option<String>,
    pub as_of: Option<String>,
    /// Footnote numbers; the first one found in the notes list becomes the source.
    pub notes: Vec<u32>,
    pub line: u64,
    pub span_start: u64,
    pub span_end: u64,
    pub quote: String,
    pub confidence: String,
    /// The state a donor's money went to (`spending` with a `recipient`), where named:
    /// the fact is listed under that state too.
    pub recipient: Option<String>,
    /// The whole fact as extracted.
    pub fact_json: String,
}

impl ProfileInput {
    /// SHA-256 of `bytes`, lowercase hex.
    pub fn hash_bytes(bytes: &[u8]) -> String {
        use sha2::{Digest, Sha256};
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let d = Sha256::digest(bytes);
        let mut out = String::with_capacity(2 * d.len());
        for b in d {
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
        out
    }
}

/// One footnote of a profile, with its citation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileNote {
    pub number: u32,
    pub span_start: u64,
    pub span_end: u64,
    pub text: String,
    pub author: Option<String>,
    pub title: Option<String>,
    pub place: Option<String>,
    pub dates: Vec<String>,
    pub url: Option<String>,
    pub undated: bool,
}

/// What ingesting one profile did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum IngestOutcome {
    /// A new profile version was stored.
    Stored {
        profile_id: i64,
        version: i64,
        profile_version_id: i64,
    },
    /// The same content was stored before: nothing changed.
    Unchanged { profile_version_id: i64 },
}

/// A stored profile version, without its text and model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileVersionInfo {
    pub profile_id: i64,
    pub profile_version_id: i64,
    pub version: i64,
    pub iso3: Option<String>,
    pub country: Option<String>,
    pub profile_type: Option<String>,
    pub last_updated: Option<Date>,
    pub content_hash: String,
    pub source_path: Option<String>,
    pub byte_len: i64,
    pub note_count: i64,
    pub error_count: i64,
    pub warning_count: i64,
    pub recorded_at: Timestamp,
}

/// What loading the reference data did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LoadReport {
    /// The same reference data was loaded before: nothing was written.
    pub unchanged: bool,
    pub states: usize,
    pub sources: usize,
    pub facts: usize,
    pub retracted: usize,
    pub resolutions: usize,
}

/// Row counts and facts about the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub backend: String,
    pub location: String,
    pub schema_version: u32,
    pub tables: Vec<(String, i64)>,
    /// Rows shown by the views over the tables (a row per note, per candidate fact).
    pub views: Vec<(String, i64)>,
    pub last_reference_load: Option<Timestamp>,
}

/// What a dump or restore moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DumpReport {
    pub schema_version: u32,
    pub rows: u64,
    pub tables: Vec<(String, u64)>,
}

#[cfg(test)]
mod hash_tests {
    use super::ProfileInput;

    /// Content hashes are SHA-256 in lowercase hex (the FIPS 180-2 test vectors).
    #[test]
    fn content_hash_is_lowercase_hex_sha256() {
        assert_eq!(
            ProfileInput::hash_bytes(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            ProfileInput::hash_bytes(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
