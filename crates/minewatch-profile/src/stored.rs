//! The compact form of the stored model (`"v":2`), and its expansion back into the
//! full form ([`StoredModel`]'s serialisation, "v1").
//!
//! A knowledge base keeps one model per profile version, beside the text. The full
//! form names every field of every block, paragraph and reference, and came to 1.8
//! times the size of the text it describes; the compact form keeps the same
//! information in about a fifth of that, as JSON still (so SQL's JSON functions read
//! it), with the repeated keys dropped:
//!
//! ```text
//! {"v":2,"format":…,"header":{…as v1…},
//!  "invalid_bytes":[offset,byte, …],
//!  "blocks":[kind,length,field, …]          blocks tile the text from 0, so each
//!                                           starts where the one before it ends;
//!                                           kind: 0 blank (field: lines),
//!                                           1 front-matter, 2 country, 3 profile-type,
//!                                           4 last-updated, 5 heading (section),
//!                                           6 paragraph (index), 7 table (index),
//!                                           8 notes-heading, 9 note (index);
//!                                           field 0 where the kind has none
//!  "sections":[[kind,heading_lost,start,end,first_block,end_block,heading], …]
//!                                           heading: null or [text,start,end,level]
//!  "paragraphs":[start,end,section, …]      section −1: none
//!  "tables":[{"form","span","caption","bracket_header","bracketed_quantities",
//!             "columns":[value,start,end, …],
//!             "rows":[[label,start,end,[value,start,end, …]], …],
//!             "notes":[value,start,end, …]}, …]   caption, bracket_header: null or
//!                                                 [value,start,end]; a cell's value
//!                                                 may be null
//!  "references":[number,start,end, …]
//!  "notes":[number,start,end,marker_start,marker_end, …]
//!  "diagnostics":[…as v1…]}
//! ```
//!
//! [`expand`] turns either form into the full one; a row written before the compact
//! form existed has no `"v"` and is the full form already.

use minewatch_model::json::{array, bool, into_string, opt_str, span, str, uint};
use serde_json::{json, Map, Value};

use crate::model::{BlockKind, Located, StoredModel};

/// The version number the compact form carries.
pub const COMPACT_VERSION: u64 = 2;

const BLOCK_KINDS: [&str; 10] = [
    "blank",
    "front-matter",
    "country",
    "profile-type",
    "last-updated",
    "heading",
    "paragraph",
    "table",
    "notes-heading",
    "note",
];
/// The name of each kind's one number field, where it has one.
const BLOCK_FIELDS: [Option<&str>; 10] = [
    Some("lines"),
    None,
    None,
    None,
    None,
    Some("section"),
    Some("index"),
    Some("index"),
    None,
    Some("index"),
];

fn block_code(k: BlockKind) -> (u64, usize) {
    match k {
        BlockKind::Blank { lines } => (0, lines),
        BlockKind::FrontMatter => (1, 0),
        BlockKind::Country => (2, 0),
        BlockKind::ProfileType => (3, 0),
        BlockKind::LastUpdated => (4, 0),
        BlockKind::Heading { section } => (5, section),
        BlockKind::Paragraph { index } => (6, index),
        BlockKind::Table { index } => (7, index),
        BlockKind::NotesHeading => (8, 0),
        BlockKind::Note { index } => (9, index),
    }
}

/// Numbers after a comma, unless first in their array.
fn sep(o: &mut Vec<u8>, first: &mut bool) {
    if !*first {
        o.push(b',');
    }
    *first = false;
}

fn located_flat(o: &mut Vec<u8>, first: &mut bool, l: &Located<String>) {
    sep(o, first);
    str(o, &l.value);
    o.push(b',');
    uint(o, l.span.start as u64);
    o.push(b',');
    uint(o, l.span.end as u64);
}

fn opt_located(o: &mut Vec<u8>, l: &Option<Located<String>>) {
    match l {
        Some(l) => {
            o.push(b'[');
            located_flat(o, &mut true, l);
            o.push(b']');
        }
        None => o.extend_from_slice(b"null"),
    }
}

/// A located text as the full form writes it: `{"value","span"}` or `null`.
pub(crate) fn located_full(o: &mut Vec<u8>, l: &Option<Located<String>>) {
    match l {
        Some(l) => {
            o.extend_from_slice(b"{\"value\":");
            str(o, &l.value);
            o.extend_from_slice(b",\"span\":");
            span(o, l.span);
            o.push(b'}');
        }
        None => o.extend_from_slice(b"null"),
    }
}

/// A table's first fields, as both forms write them (`{"form",...,"bracketed_quantities"`),
/// its caption and bracket header by `located`.
pub(crate) fn table_head(
    o: &mut Vec<u8>,
    t: &crate::model::Table,
    located: impl Fn(&mut Vec<u8>, &Option<Located<String>>),
) {
    o.extend_from_slice(b"{\"form\":");
    str(o, t.form.name());
    o.extend_from_slice(b",\"span\":");
    span(o, t.span);
    o.extend_from_slice(b",\"caption\":");
    located(o, &t.caption);
    o.extend_from_slice(b",\"bracket_header\":");
    located(o, &t.bracket_header);
    o.extend_from_slice(b",\"bracketed_quantities\":");
    bool(o, t.bracketed_quantities);
}

impl StoredModel<'_> {
    /// The stored model in its compact form (see the [module](crate::stored)); what
    /// [`expand`] makes of it is the full form, [`StoredModel::to_json`].
    pub fn to_compact_json(&self) -> String {
        let d = self.0;
        let mut o: Vec<u8> = Vec::with_capacity(d.text.len() / 2 + 256);
        o.extend_from_slice(b"{\"v\":2,\"format\":");
        str(&mut o, d.format.name());
        o.extend_from_slice(b",\"invalid_bytes\":[");
        let mut first = true;
        for b in &d.invalid_bytes {
            sep(&mut o, &mut first);
            uint(&mut o, b.offset as u64);
            o.push(b',');
            uint(&mut o, u64::from(b.byte));
        }
        o.extend_from_slice(b"],\"header\":");
        self.header_json(&mut o);
        o.extend_from_slice(b",\"blocks\":[");
        let mut first = true;
        for b in &d.blocks {
            let (code, field) = block_code(b.kind);
            sep(&mut o, &mut first);
            uint(&mut o, code);
            o.push(b',');
            uint(&mut o, (b.span.end - b.span.start) as u64);
            o.push(b',');
            uint(&mut o, field as u64);
        }
        o.extend_from_slice(b"],\"sections\":");
        array(&mut o, &d.sections, |o, s| {
            o.push(b'[');
            str(o, s.kind.name());
            o.push(b',');
            uint(o, u64::from(s.heading_lost));
            for n in [s.span.start, s.span.end, s.blocks.0, s.blocks.1] {
                o.push(b',');
                uint(o, n as u64);
            }
            o.push(b',');
            match &s.heading {
                Some(h) => {
                    o.push(b'[');
                    str(o, &h.text);
                    for n in [h.span.start, h.span.end, usize::from(h.level)] {
                        o.push(b',');
                        uint(o, n as u64);
                    }
                    o.push(b']');
                }
                None => o.extend_from_slice(b"null"),
            }
            o.push(b']');
        });
        o.extend_from_slice(b",\"paragraphs\":[");
        let mut first = true;
        for p in &d.paragraphs {
            sep(&mut o, &mut first);
            uint(&mut o, p.span.start as u64);
            o.push(b',');
            uint(&mut o, p.span.end as u64);
            o.push(b',');
            match p.section {
                Some(s) => uint(&mut o, s as u64),
                None => o.extend_from_slice(b"-1"),
            }
        }
        o.extend_from_slice(b"],\"tables\":");
        array(&mut o, &d.tables, |o, t| {
            table_head(o, t, opt_located);
            o.extend_from_slice(b",\"columns\":[");
            let mut first = true;
            for c in &t.columns {
                located_flat(o, &mut first, c);
            }
            o.extend_from_slice(b"],\"rows\":");
            array(o, &t.rows, |o, r| {
                o.push(b'[');
                located_flat(o, &mut true, &r.label);
                o.extend_from_slice(b",[");
                let mut first = true;
                for c in &r.cells {
                    sep(o, &mut first);
                    opt_str(o, c.value.as_deref());
                    o.push(b',');
                    uint(o, c.span.start as u64);
                    o.push(b',');
                    uint(o, c.span.end as u64);
                }
                o.extend_from_slice(b"]]");
            });
            o.extend_from_slice(b",\"notes\":[");
            let mut first = true;
            for n in &t.notes {
                located_flat(o, &mut first, n);
            }
            o.extend_from_slice(b"]}");
        });
        o.extend_from_slice(b",\"references\":[");
        let mut first = true;
        for r in &d.references {
            sep(&mut o, &mut first);
            uint(&mut o, u64::from(r.number));
            o.push(b',');
            uint(&mut o, r.span.start as u64);
            o.push(b',');
            uint(&mut o, r.span.end as u64);
        }
        o.extend_from_slice(b"],\"notes\":[");
        let mut first = true;
        for n in &d.notes {
            sep(&mut o, &mut first);
            uint(&mut o, u64::from(n.number));
            for x in [n.span.start, n.span.end, n.marker.start, n.marker.end] {
                o.push(b',');
                uint(&mut o, x as u64);
            }
        }
        o.extend_from_slice(b"],\"diagnostics\":");
        array(&mut o, &d.diagnostics, |o, x| x.write_json(o));
        o.push(b'}');
        into_string(o)
    }
}

/// What is wrong with a stored model that [`expand`] cannot read: where (a path into
/// the JSON) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpandError {
    pub at: String,
    pub what: String,
}

impl std::fmt::Display for ExpandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "stored model, at {}: {}", self.at, self.what)
    }
}

impl std::error::Error for ExpandError {}

fn err(at: impl Into<String>, what: impl Into<String>) -> ExpandError {
    ExpandError {
        at: at.into(),
        what: what.into(),
    }
}

/// The stored model `json` in its full form, whichever form it was written in: the
/// compact form (`"v":2`) expanded, the full form (no `"v"`) as it is.
pub fn expand(json: &str) -> Result<Value, ExpandError> {
    let v: Value = serde_json::from_str(json).map_err(|e| err("$", format!("not JSON: {e}")))?;
    let Value::Object(mut m) = v else {
        return Err(err("$", "not an object"));
    };
    match m.remove("v") {
        None => Ok(Value::Object(m)),
        Some(Value::Number(n)) if n.as_u64() == Some(COMPACT_VERSION) => expand_v2(m),
        Some(other) => Err(err("$.v", format!("unknown version {other}"))),
    }
}

/// A field's array.
fn arr(m: &mut Map<String, Value>, key: &str) -> Result<Vec<Value>, ExpandError> {
    match m.remove(key) {
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(err(format!("$.{key}"), "not an array")),
        None => Err(err(format!("$.{key}"), "missing")),
    }
}

fn num(v: &Value, at: &dyn Fn() -> String) -> Result<u64, ExpandError> {
    v.as_u64()
        .ok_or_else(|| err(at(), format!("{v} is not a whole number ≥ 0")))
}

/// An array's items in groups of `n`.
fn groups(a: &[Value], n: usize, at: &str) -> Result<Vec<Vec<Value>>, ExpandError> {
    if a.len() % n != 0 {
        return Err(err(
            at,
            format!("{} numbers, not a whole number of groups of {n}", a.len()),
        ));
    }
    Ok(a.chunks(n).map(<[Value]>::to_vec).collect())
}

fn span_value(a: &Value, b: &Value, at: &dyn Fn() -> String) -> Result<Value, ExpandError> {
    let (s, e) = (num(a, at)?, num(b, at)?);
    if e < s {
        return Err(err(
            at(),
            format!("a span that ends ({e}) before it starts ({s})"),
        ));
    }
    Ok(json!([s, e]))
}

/// `[value,start,end]` (value a string, or null where `nullable`) as
/// `{"value","span"}`.
fn located_value(
    g: &[Value],
    nullable: bool,
    at: &dyn Fn() -> String,
) -> Result<Value, ExpandError> {
    match &g[0] {
        Value::String(_) => {}
        Value::Null if nullable => {}
        v => return Err(err(at(), format!("{v} is not a string"))),
    }
    Ok(json!({"value": g[0], "span": span_value(&g[1], &g[2], at)?}))
}

fn opt_located_value(v: &Value, at: &dyn Fn() -> String) -> Result<Value, ExpandError> {
    match v {
        Value::Null => Ok(Value::Null),
        Value::Array(g) if g.len() == 3 => located_value(g, false, at),
        _ => Err(err(at(), "neither null nor [value,start,end]")),
    }
}

fn located_list(v: &Value, nullable: bool, at: &str) -> Result<Vec<Value>, ExpandError> {
    let a = v.as_array().ok_or_else(|| err(at, "not an array"))?;
    groups(a, 3, at)?
        .iter()
        .enumerate()
        .map(|(i, g)| located_value(g, nullable, &|| format!("{at}[{i}]")))
        .collect()
}

fn expand_v2(mut m: Map<String, Value>) -> Result<Value, ExpandError> {
    let mut out = Map::new();
    out.insert(
        "format".into(),
        m.remove("format")
            .ok_or_else(|| err("$.format", "missing"))?,
    );
    let ib = arr(&mut m, "invalid_bytes")?;
    let ib = groups(&ib, 2, "$.invalid_bytes")?
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let at = || format!("$.invalid_bytes[{i}]");
            let byte = num(&g[1], &at)?;
            if byte > 255 {
                return Err(err(at(), format!("{byte} is not a byte")));
            }
            Ok(json!({"offset": num(&g[0], &at)?, "byte": byte}))
        })
        .collect::<Result<Vec<_>, _>>()?;
    out.insert("invalid_bytes".into(), Value::Array(ib));
    out.insert(
        "header".into(),
        m.remove("header")
            .ok_or_else(|| err("$.header", "missing"))?,
    );
    let blocks = arr(&mut m, "blocks")?;
    let mut at_byte = 0u64;
    let blocks = groups(&blocks, 3, "$.blocks")?
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let at = || format!("$.blocks[{i}]");
            let code = num(&g[0], &at)? as usize;
            let kind = *BLOCK_KINDS
                .get(code)
                .ok_or_else(|| err(at(), format!("unknown block kind {code}")))?;
            let len = num(&g[1], &at)?;
            let field = num(&g[2], &at)?;
            let start = at_byte;
            at_byte = start
                .checked_add(len)
                .ok_or_else(|| err(at(), "a length past any text"))?;
            let mut b = Map::new();
            b.insert("type".into(), json!(kind));
            if let Some(name) = BLOCK_FIELDS[code] {
                b.insert(name.into(), json!(field));
            }
            b.insert("span".into(), json!([start, at_byte]));
            Ok(Value::Object(b))
        })
        .collect::<Result<Vec<_>, _>>()?;
    out.insert("blocks".into(), Value::Array(blocks));
    let sections = arr(&mut m, "sections")?
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let at = || format!("$.sections[{i}]");
            let g = match s.as_array() {
                Some(g) if g.len() == 7 => g,
                _ => {
                    return Err(err(
                        at(),
                        "not [kind,heading_lost,start,end,first_block,end_block,heading]",
                    ))
                }
            };
            if !g[0].is_string() {
                return Err(err(at(), "a kind that is not a string"));
            }
            let lost = match num(&g[1], &at)? {
                0 => false,
                1 => true,
                n => return Err(err(at(), format!("heading_lost {n}, not 0 or 1"))),
            };
            let heading = match &g[6] {
                Value::Null => Value::Null,
                Value::Array(h) if h.len() == 4 && h[0].is_string() => json!({
                    "text": h[0],
                    "span": span_value(&h[1], &h[2], &at)?,
                    "level": num(&h[3], &at)?,
                }),
                _ => {
                    return Err(err(
                        at(),
                        "a heading that is neither null nor [text,start,end,level]",
                    ))
                }
            };
            Ok(json!({
                "heading": heading,
                "kind": g[0],
                "heading_lost": lost,
                "span": span_value(&g[2], &g[3], &at)?,
                "blocks": [num(&g[4], &at)?, num(&g[5], &at)?],
            }))
        })
        .collect::<Result<Vec<_>, _>>()?;
    out.insert("sections".into(), Value::Array(sections));
    let paragraphs = arr(&mut m, "paragraphs")?;
    let paragraphs = groups(&paragraphs, 3, "$.paragraphs")?
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let at = || format!("$.paragraphs[{i}]");
            let section = match g[2].as_i64() {
                Some(-1) => Value::Null,
                _ => json!(num(&g[2], &at)?),
            };
            Ok(json!({"span": span_value(&g[0], &g[1], &at)?, "section": section}))
        })
        .collect::<Result<Vec<_>, _>>()?;
    out.insert("paragraphs".into(), Value::Array(paragraphs));
    let tables = arr(&mut m, "tables")?
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let at = format!("$.tables[{i}]");
            let Value::Object(mut t) = t else {
                return Err(err(at, "not an object"));
            };
            let mut field = |k: &str| t.remove(k).ok_or_else(|| err(format!("{at}.{k}"), "missing"));
            let (form, span, caption, bracket_header, bq, columns, rows, notes) = (
                field("form")?,
                field("span")?,
                field("caption")?,
                field("bracket_header")?,
                field("bracketed_quantities")?,
                field("columns")?,
                field("rows")?,
                field("notes")?,
            );
            let rows = rows
                .as_array()
                .ok_or_else(|| err(format!("{at}.rows"), "not an array"))?
                .iter()
                .enumerate()
                .map(|(r, row)| {
                    let rat = format!("{at}.rows[{r}]");
                    let g = match row.as_array() {
                        Some(g) if g.len() == 4 => g,
                        _ => return Err(err(rat, "not [label,start,end,cells]")),
                    };
                    let cells = located_list(&g[3], true, &format!("{rat}.cells"))?;
                    Ok(json!({
                        "label": located_value(&g[..3], false, &|| rat.clone())?,
                        "cells": cells,
                    }))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Ok(json!({
                "form": form,
                "span": span,
                "caption": opt_located_value(&caption, &|| format!("{at}.caption"))?,
                "bracket_header": opt_located_value(&bracket_header, &|| format!("{at}.bracket_header"))?,
                "bracketed_quantities": bq,
                "columns": located_list(&columns, false, &format!("{at}.columns"))?,
                "rows": rows,
                "notes": located_list(&notes, false, &format!("{at}.notes"))?,
            }))
        })
        .collect::<Result<Vec<_>, _>>()?;
    out.insert("tables".into(), Value::Array(tables));
    let refs = arr(&mut m, "references")?;
    let refs = groups(&refs, 3, "$.references")?
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let at = || format!("$.references[{i}]");
            Ok(json!({"number": num(&g[0], &at)?, "span": span_value(&g[1], &g[2], &at)?}))
        })
        .collect::<Result<Vec<_>, _>>()?;
    out.insert("references".into(), Value::Array(refs));
    let notes = arr(&mut m, "notes")?;
    let notes = groups(&notes, 5, "$.notes")?
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let at = || format!("$.notes[{i}]");
            Ok(json!({
                "number": num(&g[0], &at)?,
                "span": span_value(&g[1], &g[2], &at)?,
                "marker": span_value(&g[3], &g[4], &at)?,
            }))
        })
        .collect::<Result<Vec<_>, _>>()?;
    out.insert("notes".into(), Value::Array(notes));
    out.insert(
        "diagnostics".into(),
        Value::Array(arr(&mut m, "diagnostics")?),
    );
    if let Some(k) = m.keys().next() {
        return Err(err(
            format!("$.{k}"),
            "a field the compact form does not have",
        ));
    }
    Ok(Value::Object(out))
}

impl StoredModel<'_> {
    /// The header as the full form writes it (the compact form keeps it so).
    pub(crate) fn header_json(&self, o: &mut Vec<u8>) {
        let h = &self.0.header;
        let located = located_full;
        o.extend_from_slice(b"{\"country\":");
        located(o, &h.country);
        o.extend_from_slice(b",\"country_iso3\":");
        opt_str(o, h.country_iso3.as_deref());
        o.extend_from_slice(b",\"profile_type\":");
        located(o, &h.profile_type);
        o.extend_from_slice(b",\"last_updated\":");
        match &h.last_updated {
            Some(l) => {
                o.extend_from_slice(b"{\"value\":");
                str(o, &l.value.to_string());
                o.extend_from_slice(b",\"span\":");
                span(o, l.span);
                o.push(b'}');
            }
            None => o.extend_from_slice(b"null"),
        }
        o.push(b'}');
    }
}
