-- minewatch knowledge base, SQLite dialect, schema version 1.
-- Every fact-like table is insert-only: a changed value is a new row with a higher
-- `version`; `recorded_at` (set by the store) is when the database learned it.

-- States and other areas: identity, then versions of their attributes.
CREATE TABLE state (
    iso3        TEXT PRIMARY KEY,
    recorded_at TEXT NOT NULL
);

CREATE TABLE state_version (
    iso3        TEXT NOT NULL REFERENCES state(iso3),
    version     INTEGER NOT NULL,
    iso2        TEXT NOT NULL,
    numeric     TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('state', 'other-area')),
    un_member   INTEGER NOT NULL,
    code_source TEXT NOT NULL,
    aliases     TEXT NOT NULL,   -- JSON array
    source      TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (iso3, version)
);

-- Where a fact comes from. Immutable: a changed citation is a new key.
CREATE TABLE source (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    url         TEXT,
    note        TEXT,
    confidence  TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    recorded_at TEXT NOT NULL
);

-- A fact: (subject, predicate, slot) is what it is about; `claim` names one line of
-- assertion about it (reference data, a curated alternative, a profile, ...). Versions of
-- one claim supersede each other by recorded time; different claims stand side by side
-- and are ordered by rank.
CREATE TABLE fact (
    id          INTEGER PRIMARY KEY,
    subject     TEXT NOT NULL REFERENCES state(iso3),
    predicate   TEXT NOT NULL,
    slot        TEXT NOT NULL DEFAULT '',
    claim       TEXT NOT NULL,
    version     INTEGER NOT NULL,
    value_date  TEXT,
    value_text  TEXT,
    valid_from  TEXT,
    valid_to    TEXT,
    confidence  TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
    rank        TEXT NOT NULL CHECK (rank IN ('preferred', 'normal', 'deprecated')),
    reason      TEXT,
    source_id   INTEGER NOT NULL REFERENCES source(id),
    retracted   INTEGER NOT NULL DEFAULT 0,
    recorded_at TEXT NOT NULL,
    UNIQUE (subject, predicate, slot, claim, version)
);
CREATE INDEX fact_by_predicate ON fact (predicate, subject);

-- UN General Assembly roll calls on the treaty resolution (versions, like facts).
CREATE TABLE unga_resolution (
    rcid              INTEGER NOT NULL,
    version           INTEGER NOT NULL,
    session           INTEGER NOT NULL,
    resolution        TEXT NOT NULL,
    date_dataset      TEXT NOT NULL,
    date_is_plenary   INTEGER NOT NULL,
    treaty_resolution INTEGER NOT NULL,
    caveat            TEXT,
    yes               INTEGER NOT NULL,
    no                INTEGER NOT NULL,
    abstain           INTEGER NOT NULL,
    title             TEXT NOT NULL,
    source_id         INTEGER NOT NULL REFERENCES source(id),
    recorded_at       TEXT NOT NULL,
    PRIMARY KEY (rcid, version)
);

-- Each load of the embedded reference data that changed something.
CREATE TABLE refdata_load (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,
    summary      TEXT NOT NULL,
    recorded_at  TEXT NOT NULL
);

-- Country profiles and their versions (one version per distinct content).
CREATE TABLE profile (
    id           INTEGER PRIMARY KEY,
    key          TEXT NOT NULL UNIQUE,
    iso3         TEXT REFERENCES state(iso3),
    country      TEXT,
    profile_type TEXT,
    recorded_at  TEXT NOT NULL
);

CREATE TABLE profile_version (
    id               INTEGER PRIMARY KEY,
    profile_id       INTEGER NOT NULL REFERENCES profile(id),
    version          INTEGER NOT NULL,
    content_hash     TEXT NOT NULL UNIQUE,
    source_path      TEXT,
    last_updated     TEXT,
    byte_len         INTEGER NOT NULL,
    text             TEXT NOT NULL,
    model_json       TEXT NOT NULL,
    diagnostics_json TEXT NOT NULL,
    error_count      INTEGER NOT NULL,
    warning_count    INTEGER NOT NULL,
    recorded_at      TEXT NOT NULL,
    UNIQUE (profile_id, version)
);

-- A profile's footnotes, each also a row in `source`.
CREATE TABLE profile_note (
    id                 INTEGER PRIMARY KEY,
    profile_version_id INTEGER NOT NULL REFERENCES profile_version(id),
    number             INTEGER NOT NULL,
    span_start         INTEGER NOT NULL,
    span_end           INTEGER NOT NULL,
    text               TEXT NOT NULL,
    author             TEXT,
    title              TEXT,
    place              TEXT,
    dates              TEXT NOT NULL,  -- JSON array
    url                TEXT,
    undated            INTEGER NOT NULL,
    source_id          INTEGER NOT NULL REFERENCES source(id)
);
CREATE INDEX profile_note_by_version ON profile_note (profile_version_id);
