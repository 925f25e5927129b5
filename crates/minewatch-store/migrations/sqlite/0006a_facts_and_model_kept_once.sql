-- Schema version 6, step 1: what a profile version keeps, kept once.
--
-- A candidate fact becomes `{"fact": <the fact>}` (plus `status` and `recorded_at`
-- where they are not the default): schema 5 repeated the fact's fields beside it
-- (subject, predicate, value, qualifier, unit, as_of, notes, line, span, quote,
-- confidence). An element whose fields do not agree with its fact keeps them (they are
-- what it says), and is read from them as before. Also run by `db restore` on a dump
-- of an earlier schema.
UPDATE profile_version SET facts_json = (
    SELECT json_group_array(json(CASE
        WHEN json_type(f.value, '$.fact') = 'object'
         AND f.value ->> 'subject'    IS f.value -> 'fact' ->> 'subject'
         AND f.value ->> 'predicate'  IS f.value -> 'fact' ->> 'predicate'
         AND f.value -> 'value'       IS f.value -> 'fact' -> 'value'
         AND f.value ->> 'qualifier'  IS f.value -> 'fact' ->> 'qualifier'
         AND f.value ->> 'unit'       IS f.value -> 'fact' ->> 'unit'
         AND f.value ->> 'as_of'      IS f.value -> 'fact' ->> 'as_of'
         AND f.value -> 'notes'       IS f.value -> 'fact' -> 'notes'
         AND f.value ->> 'line'       IS f.value -> 'fact' ->> 'line'
         AND f.value -> 'span'        IS f.value -> 'fact' -> 'span'
         AND f.value ->> 'quote'      IS f.value -> 'fact' ->> 'quote'
         AND f.value ->> 'confidence' IS f.value -> 'fact' ->> 'confidence'
        THEN json_remove(f.value, '$.subject', '$.predicate', '$.value', '$.qualifier',
                         '$.unit', '$.as_of', '$.notes', '$.line', '$.span', '$.quote',
                         '$.confidence')
        ELSE f.value END) ORDER BY f.key)
    FROM json_each(profile_version.facts_json) f)
WHERE facts_json <> '[]' AND json_valid(facts_json) AND json_type(facts_json) = 'array';

-- The model's notes keep their place (number, span, marker); their text and citation
-- are the version's `notes_json`.
UPDATE profile_version SET model_json = json_set(model_json, '$.notes', json((
    SELECT json_group_array(json_object(
               'number', json(n.value -> 'number'),
               'span',   json(n.value -> 'span'),
               'marker', json(n.value -> 'marker')) ORDER BY n.key)
    FROM json_each(profile_version.model_json, '$.notes') n)))
WHERE json_valid(model_json)
  AND json_type(model_json, '$.notes') = 'array'
  AND json_array_length(model_json, '$.notes') > 0;
