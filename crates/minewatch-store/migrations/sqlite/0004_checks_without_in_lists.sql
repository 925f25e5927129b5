-- Schema version 4: the same tables, with CHECK constraints written as comparisons.
-- A CHECK of the form `x IN ('a', 'b')` makes SQLite build a temporary b-tree on every
-- row written; `x = 'a' OR x = 'b'` allows exactly the same values at no such cost (the
-- ingest writes tens of thousands of source and profile_fact rows). SQLite cannot alter
-- a CHECK in place, so each table is rebuilt: copy, drop, rename, re-index. The store
-- runs migrations with foreign-key enforcement off and checks every key afterwards.

CREATE TABLE state_version_new (
    iso3        TEXT NOT NULL REFERENCES state(iso3),
    version     INTEGER NOT NULL,
    iso2        TEXT NOT NULL,
    numeric     TEXT NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind = 'state' OR kind = 'other-area'),
    un_member   INTEGER NOT NULL,
    code_source TEXT NOT NULL,
    aliases     TEXT NOT NULL,   -- JSON array
    source      TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (iso3, version)
);
INSERT INTO state_version_new SELECT * FROM state_version;
DROP TABLE state_version;
ALTER TABLE state_version_new RENAME TO state_version;

CREATE TABLE source_new (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    url         TEXT,
    note        TEXT,
    confidence  TEXT NOT NULL CHECK (confidence = 'high' OR confidence = 'medium' OR confidence = 'low'),
    recorded_at TEXT NOT NULL
);
INSERT INTO source_new SELECT * FROM source;
DROP TABLE source;
ALTER TABLE source_new RENAME TO source;

CREATE TABLE fact_new (
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
    confidence  TEXT NOT NULL CHECK (confidence = 'high' OR confidence = 'medium' OR confidence = 'low'),
    rank        TEXT NOT NULL CHECK (rank = 'preferred' OR rank = 'normal' OR rank = 'deprecated'),
    reason      TEXT,
    source_id   INTEGER NOT NULL REFERENCES source(id),
    retracted   INTEGER NOT NULL DEFAULT 0,
    recorded_at TEXT NOT NULL,
    UNIQUE (subject, predicate, slot, claim, version)
);
INSERT INTO fact_new SELECT * FROM fact;
DROP TABLE fact;
ALTER TABLE fact_new RENAME TO fact;
CREATE INDEX fact_by_predicate ON fact (predicate, subject);
CREATE INDEX fact_claim_versions ON fact (subject, predicate, slot, claim, version, recorded_at);

CREATE TABLE profile_fact_new (
    id                 INTEGER PRIMARY KEY,
    profile_version_id INTEGER NOT NULL REFERENCES profile_version(id),
    status             TEXT NOT NULL DEFAULT 'candidate' CHECK (status = 'candidate' OR status = 'accepted' OR status = 'rejected'),
    subject            TEXT NOT NULL,
    predicate          TEXT NOT NULL,
    value              TEXT NOT NULL,   -- JSON
    qualifier          TEXT NOT NULL,
    unit               TEXT,
    as_of              TEXT,
    notes              TEXT NOT NULL,   -- JSON array of note numbers
    source_id          INTEGER REFERENCES source(id),
    line               INTEGER NOT NULL,
    span_start         INTEGER NOT NULL,
    span_end           INTEGER NOT NULL,
    quote              TEXT NOT NULL,
    confidence         TEXT NOT NULL,
    fact_json          TEXT NOT NULL,   -- the fact as extracted, every field
    recorded_at        TEXT NOT NULL
);
INSERT INTO profile_fact_new SELECT * FROM profile_fact;
DROP TABLE profile_fact;
ALTER TABLE profile_fact_new RENAME TO profile_fact;
CREATE INDEX profile_fact_by_subject ON profile_fact (subject, predicate);
CREATE INDEX profile_fact_by_version ON profile_fact (profile_version_id);
