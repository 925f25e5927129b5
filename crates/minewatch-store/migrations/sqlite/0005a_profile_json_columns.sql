-- Schema version 5: a profile version's notes and candidate facts are kept with the
-- version, as two JSON arrays, instead of a row each (and a `source` row per note).
-- They are derived from the version's text and never change, and writing ~35 rows per
-- profile made the single SQLite writer the bottleneck of `minewatch ingest`. The views
-- `profile_note` and `profile_fact` (0005c) still show them a row each, for SQL users.
-- Step 1: the new columns, and the index of which states a version has facts about.

ALTER TABLE profile_version ADD COLUMN notes_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE profile_version ADD COLUMN facts_json TEXT NOT NULL DEFAULT '[]';

CREATE TABLE profile_fact_subject (
    subject            TEXT NOT NULL,
    profile_version_id INTEGER NOT NULL REFERENCES profile_version(id),
    PRIMARY KEY (subject, profile_version_id)
);
