-- Schema version 6, step 2: the view shows a fact's fields from the fact itself (or,
-- for an element that kept them, from the element).
DROP VIEW profile_fact;

CREATE VIEW profile_fact AS
SELECT profile_version_id,
       position,
       coalesce(status, 'candidate')    AS status,
       c ->> 'subject'                  AS subject,
       c ->> 'predicate'                AS predicate,
       c -> 'value'                     AS value,
       c ->> 'qualifier'                AS qualifier,
       c ->> 'unit'                     AS unit,
       c ->> 'as_of'                    AS as_of,
       coalesce(c -> 'notes', '[]')     AS notes,
       c ->> 'line'                     AS line,
       c -> 'span' ->> 0                AS span_start,
       c -> 'span' ->> 1                AS span_end,
       c ->> 'quote'                    AS quote,
       c ->> 'confidence'               AS confidence,
       fact_json,
       coalesce(recorded, version_recorded_at) AS recorded_at
FROM (SELECT v.id                          AS profile_version_id,
             v.recorded_at                 AS version_recorded_at,
             f.key                         AS position,
             f.value ->> 'status'          AS status,
             f.value ->> 'recorded_at'     AS recorded,
             f.value -> 'fact'             AS fact_json,
             CASE WHEN f.value -> 'subject' IS NULL THEN f.value -> 'fact' ELSE f.value END AS c
      FROM profile_version v, json_each(v.facts_json) f);
