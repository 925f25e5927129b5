-- Facts extracted from a profile version: candidates for review, each with its
-- provenance (the version, the sentence's span and quote, its notes, and the first
-- note's citation as source). Never updated in place; a new profile version brings
-- its own rows. `status` is for a later review queue.
CREATE TABLE profile_fact (
    id                 INTEGER PRIMARY KEY,
    profile_version_id INTEGER NOT NULL REFERENCES profile_version(id),
    status             TEXT NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'accepted', 'rejected')),
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
CREATE INDEX profile_fact_by_subject ON profile_fact (subject, predicate);
CREATE INDEX profile_fact_by_version ON profile_fact (profile_version_id);
