-- Schema version 5, step 2: the rows of `profile_note` and `profile_fact` (tables of
-- schema 3 and 4) moved into their version's JSON arrays, in their order. Also run by
-- `db restore` on a dump of schema 3 or 4 (into temporary tables of those names).
-- A fact's status and recorded time are written only where they are not the default
-- (a candidate, recorded with its version). The `source` rows made for notes go: the
-- note itself, in `notes_json`, is the source (unless a fact of the knowledge base
-- cites that row).

UPDATE profile_version SET
    notes_json = coalesce((
        SELECT json_group_array(json_object(
                   'number', n.number,
                   'span', json_array(n.span_start, n.span_end),
                   'text', n.text,
                   'author', n.author,
                   'title', n.title,
                   'place', n.place,
                   'dates', json(n.dates),
                   'url', n.url,
                   'undated', json(CASE WHEN n.undated THEN 'true' ELSE 'false' END)
               ) ORDER BY n.id)
        FROM profile_note n WHERE n.profile_version_id = profile_version.id), '[]'),
    facts_json = coalesce((
        SELECT json_group_array(json_patch(json_patch(json_object(
                   'subject', f.subject,
                   'predicate', f.predicate,
                   'value', json(f.value),
                   'qualifier', f.qualifier,
                   'unit', f.unit,
                   'as_of', f.as_of,
                   'notes', json(f.notes),
                   'line', f.line,
                   'span', json_array(f.span_start, f.span_end),
                   'quote', f.quote,
                   'confidence', f.confidence,
                   'fact', json(f.fact_json)),
                 CASE WHEN f.status = 'candidate' THEN '{}' ELSE json_object('status', f.status) END),
                 CASE WHEN f.recorded_at = profile_version.recorded_at THEN '{}'
                      ELSE json_object('recorded_at', f.recorded_at) END) ORDER BY f.id)
        FROM profile_fact f WHERE f.profile_version_id = profile_version.id), '[]')
WHERE id IN (SELECT profile_version_id FROM profile_note UNION SELECT profile_version_id FROM profile_fact);

INSERT OR IGNORE INTO profile_fact_subject (subject, profile_version_id)
    SELECT subject, profile_version_id FROM profile_fact;

DELETE FROM source
WHERE kind = 'profile-note'
  AND id IN (SELECT source_id FROM profile_note)
  AND id NOT IN (SELECT source_id FROM fact)
  AND id NOT IN (SELECT source_id FROM unga_resolution);
