//! The minewatch knowledge base: what is known about every state's treaty status, where it
//! comes from, and since when.
//!
//! - [`Store`] is the interface, in domain types only; [`SqliteStore`] is the embedded
//!   backend (a PostgreSQL backend can implement the same trait and run the same
//!   [`testkit::story`]).
//! - **Nothing is overwritten.** Every fact-like row is a version with a valid time (the
//!   event's date, a period, or an "as of") and a recorded time (`recorded_at`, set by the
//!   store from an injectable [`Clock`]). `--as-of` questions filter on valid time,
//!   `--known-at` questions on recorded time.
//! - **Conflicts stand side by side**: different claims about one thing carry a [`Rank`] and a
//!   reason; queries return the best-ranked unless asked for all.
//! - **Every write is one transaction**: a failure midway leaves the previous state intact.
//! - Status semantics are pure functions in [`status`], shared by every backend.

mod clock;
mod error;
pub mod profile_json;
pub mod query;
pub mod refload;
mod sqlite;
pub mod status;
pub mod testkit;
mod types;

use std::io::{BufRead, Write};

use minewatch_model::Date;

pub use clock::{Clock, ManualClock, SystemClock, Timestamp};
pub use error::{Result, StoreError};
pub use query::{Finding, TimelineEntry, VoteRecord};
pub use sqlite::{SqliteStore, SQLITE_SCHEMA_VERSION};
pub use status::{
    art17_entry_into_force, art20_effective, parse_as_of, StatusRecord, StatusSource, TreatyStatus,
};
pub use types::*;

/// A status question: as of which date (valid time), with what the database knew when
/// (recorded time; `None` = everything recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusQuery {
    pub as_of: Date,
    pub known_at: Option<Timestamp>,
}

impl StatusQuery {
    pub fn as_of(as_of: Date) -> StatusQuery {
        StatusQuery {
            as_of,
            known_at: None,
        }
    }
}

/// The knowledge base. Object-safe: use `&mut dyn Store`.
///
/// Backends implement the required methods (storage, versions, transactions); the
/// provided methods (status, history, votes, consistency) are shared logic on top.
pub trait Store {
    /// `sqlite`, `postgres`, ...
    fn backend(&self) -> &'static str;
    /// Where the data lives (a path, or a connection description without secrets).
    fn location(&self) -> String;
    /// The schema version the database is at (0: empty).
    fn schema_version(&self) -> Result<u32>;
    /// Apply pending migrations; returns the versions applied.
    fn migrate(&mut self) -> Result<Vec<u32>>;
    /// Load the shipped reference data. Idempotent: unchanged data writes nothing; changed
    /// data writes new versions (and retracts values the data no longer states).
    fn load_reference_data(&mut self) -> Result<LoadReport>;
    /// When the reference data was last loaded with changes (None: never).
    fn last_reference_load(&self) -> Result<Option<Timestamp>>;
    fn stats(&self) -> Result<Stats>;

    /// The latest attributes of one state (by exact code).
    fn state(&self, iso3: &str) -> Result<Option<StateInfo>>;
    /// Every state and other area, in code order.
    fn list_states(&self) -> Result<Vec<StateInfo>>;

    /// Write facts in one transaction; a claim whose content is unchanged is skipped.
    /// Returns the number of new versions written. Fails as a whole (nothing written) if
    /// any fact is invalid, e.g. about an unknown subject.
    fn put_facts(&mut self, facts: &[NewFact]) -> Result<usize>;
    /// Fact versions as recorded by `filter.known_at`: the latest version of every claim, or
    /// every version with `all_versions`. Rank resolution is left to [`Store::facts`].
    fn fact_versions(&self, filter: &FactFilter) -> Result<Vec<Fact>>;
    /// UNGA roll calls, as recorded by `known_at`.
    fn resolutions(&self, known_at: Option<Timestamp>) -> Result<Vec<Resolution>>;

    /// Store profiles, all in one transaction. A profile whose content hash is already
    /// stored is unchanged.
    fn ingest_profiles(&mut self, batch: &[ProfileInput]) -> Result<Vec<IngestOutcome>>;
    /// Many writes follow (a bulk ingest): the backend may write them more cheaply
    /// while nothing else uses the database, each transaction still atomic and
    /// durable. Returns whether it does; [`Store::end_bulk`] returns to the usual
    /// mode. The default does nothing.
    fn begin_bulk(&mut self) -> Result<bool> {
        Ok(false)
    }
    /// The end of what [`Store::begin_bulk`] began (nothing if it declined).
    fn end_bulk(&mut self) -> Result<()> {
        Ok(())
    }
    /// Candidate facts extracted from stored profiles (all versions), optionally for one
    /// state: its own, and those of money others gave it (a fact whose `recipient` it is).
    fn profile_facts(&self, iso3: Option<&str>) -> Result<Vec<StoredProfileFact>>;
    /// The content hashes of every stored profile version (to skip reading unchanged files).
    fn profile_hashes(&self) -> Result<std::collections::HashSet<String>>;
    /// Profile versions (of one state, or all), as recorded by `known_at`.
    fn profile_versions(
        &self,
        iso3: Option<&str>,
        known_at: Option<Timestamp>,
    ) -> Result<Vec<ProfileVersionInfo>>;

    /// Write every row, versions and recorded times included, as JSON lines.
    fn dump(&self, out: &mut dyn Write) -> Result<DumpReport>;
    /// Read a dump, in one transaction. Refuses a database that holds data unless `replace`,
    /// in which case its contents are replaced (atomically).
    fn restore(&mut self, input: &mut dyn BufRead, replace: bool) -> Result<DumpReport>;

    /// Facts with versions and ranks resolved (best-ranked per (subject, predicate, slot)
    /// unless `filter.all_ranks`; every version if `filter.all_versions`).
    fn facts(&self, filter: &FactFilter) -> Result<Vec<Fact>> {
        let v = self.fact_versions(filter)?;
        if filter.all_versions {
            return Ok(v);
        }
        Ok(status::resolve_ranks(v, filter.all_ranks))
    }

    /// Resolve what a user typed (code, name or alias) to a stored state.
    fn resolve(&self, query: &str) -> Result<StateInfo> {
        query::resolve(self, query)
    }

    /// One state's treaty status.
    fn status(&self, iso3: &str, q: &StatusQuery) -> Result<StatusRecord> {
        query::status(self, iso3, q)
    }

    /// Every state's status (optionally only those with `filter`), in code order.
    fn states(&self, filter: Option<TreatyStatus>, q: &StatusQuery) -> Result<Vec<StatusRecord>> {
        query::states(self, filter, q)
    }

    /// A state's timeline in date order.
    fn history(&self, iso3: &str, known_at: Option<Timestamp>) -> Result<Vec<TimelineEntry>> {
        query::history(self, iso3, known_at)
    }

    /// A state's vote on each roll call.
    fn votes(&self, iso3: &str, known_at: Option<Timestamp>) -> Result<Vec<VoteRecord>> {
        query::votes(self, iso3, known_at)
    }

    /// The storage's own check of its files (pages, indexes): the problems found, none
    /// when it is sound. The default (a backend without one) finds none.
    fn integrity(&self) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    /// Rows that contradict each other or the treaty's rules.
    fn consistency(&self) -> Result<Vec<Finding>> {
        query::consistency(self)
    }
}
