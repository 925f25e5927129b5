-- Schema version 5, step 3: the old tables go; views of the same names show each note
-- and each candidate fact as a row (`position`: its place in the version's array).

DROP INDEX profile_note_by_version;
DROP TABLE profile_note;
DROP INDEX profile_fact_by_subject;
DROP INDEX profile_fact_by_version;
DROP TABLE profile_fact;

CREATE VIEW profile_note AS
SELECT v.id                    AS profile_version_id,
       n.key                   AS position,
       n.value ->> 'number'    AS number,
       n.value -> 'span' ->> 0 AS span_start,
       n.value -> 'span' ->> 1 AS span_end,
       n.value ->> 'text'      AS text,
       n.value ->> 'author'    AS author,
       n.value ->> 'title'     AS title,
       n.value ->> 'place'     AS place,
       n.value -> 'dates'      AS dates,
       n.value ->> 'url'       AS url,
       n.value ->> 'undated'   AS undated
FROM profile_version v, json_each(v.notes_json) n;

CREATE VIEW profile_fact AS
SELECT v.id                                       AS profile_version_id,
       f.key                                      AS position,
       coalesce(f.value ->> 'status', 'candidate') AS status,
       f.value ->> 'subject'                      AS subject,
       f.value ->> 'predicate'                    AS predicate,
       f.value -> 'value'                         AS value,
       f.value ->> 'qualifier'                    AS qualifier,
       f.value ->> 'unit'                         AS unit,
       f.value ->> 'as_of'                        AS as_of,
       f.value -> 'notes'                         AS notes,
       f.value ->> 'line'                         AS line,
       f.value -> 'span' ->> 0                    AS span_start,
       f.value -> 'span' ->> 1                    AS span_end,
       f.value ->> 'quote'                        AS quote,
       f.value ->> 'confidence'                   AS confidence,
       f.value -> 'fact'                          AS fact_json,
       coalesce(f.value ->> 'recorded_at', v.recorded_at) AS recorded_at
FROM profile_version v, json_each(v.facts_json) f;
