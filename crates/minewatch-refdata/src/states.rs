//! States and other areas, with ISO 3166 codes and the aliases profiles use.

use std::sync::OnceLock;

use serde::Serialize;

use crate::csv::{CsvError, Table};

/// Whether an entry is a state or one of the "other areas" the monitor reports on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AreaKind {
    State,
    OtherArea,
}

#[derive(Debug, Clone, Serialize)]
pub struct State {
    pub iso3: String,
    pub iso2: String,
    /// ISO 3166-1 numeric code, empty for codes of our own.
    pub numeric: String,
    pub name: String,
    pub kind: AreaKind,
    pub un_member: bool,
    /// `iso-3166-1`, or `minewatch` for a code of our own (user-assigned X range).
    pub code_source: String,
    pub aliases: Vec<String>,
    pub source: String,
}

pub(crate) fn parse(text: &str) -> Result<Vec<State>, CsvError> {
    let t = Table::parse("data/states.csv", text)?;
    let c = |n| t.col(n);
    let (i3, i2, num, name, kind, un, cs, al, src) = (
        c("iso3")?,
        c("iso2")?,
        c("numeric")?,
        c("name")?,
        c("kind")?,
        c("un_member")?,
        c("code_source")?,
        c("aliases")?,
        c("source")?,
    );
    let mut out = Vec::new();
    for r in &t.records {
        let f = &r.fields;
        let kind = match f[kind].as_str() {
            "state" => AreaKind::State,
            "other-area" => AreaKind::OtherArea,
            other => {
                return Err(CsvError {
                    file: t.file.clone(),
                    line: r.line,
                    message: format!("unknown kind '{other}'"),
                })
            }
        };
        out.push(State {
            iso3: f[i3].clone(),
            iso2: f[i2].clone(),
            numeric: f[num].clone(),
            name: f[name].clone(),
            kind,
            un_member: f[un] == "yes",
            code_source: f[cs].clone(),
            aliases: f[al]
                .split(';')
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
            source: f[src].clone(),
        });
    }
    Ok(out)
}

/// Fold a name for lookup: lowercase, ASCII letters and digits only, accents dropped,
/// "&" read as "and", a leading "the" dropped.
pub fn fold_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                'a'
            }
            'ç' | 'Ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
            'ñ' | 'Ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
            '&' => {
                out.push_str("and");
                continue;
            }
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
    }
    if let Some(rest) = out.strip_prefix("the") {
        if s.trim_start().to_ascii_lowercase().starts_with("the ") {
            return rest.to_string();
        }
    }
    out
}

struct Index {
    states: Vec<State>,
    /// (folded name, index into states), sorted by name.
    names: Vec<(String, usize)>,
    /// Every name, alias and code exactly as the data writes it, with its answer:
    /// the queries that come most often (extraction asks for every state name it
    /// meets), answered without folding.
    exact: std::collections::HashMap<String, Option<usize>>,
}

/// Build the name index and the demonyms' map now ([`crate::warm_up`]).
pub(crate) fn warm_up() {
    index();
    state_of_demonym("");
}

fn index() -> &'static Index {
    static IDX: OnceLock<Index> = OnceLock::new();
    IDX.get_or_init(|| {
        let states =
            parse(crate::STATES_CSV).expect("data/states.csv is checked by the test suite");
        let mut names = Vec::new();
        for (i, s) in states.iter().enumerate() {
            names.push((fold_name(&s.name), i));
            for a in &s.aliases {
                names.push((fold_name(a), i));
            }
        }
        names.sort();
        names.dedup();
        let mut idx = Index {
            states,
            names,
            exact: std::collections::HashMap::new(),
        };
        let mut exact = std::collections::HashMap::new();
        for s in &idx.states {
            for n in std::iter::once(&s.name)
                .chain(&s.aliases)
                .chain([&s.iso3, &s.iso2])
            {
                exact
                    .entry(n.clone())
                    .or_insert_with(|| resolve_folded(&idx, n));
            }
        }
        idx.exact = exact;
        idx
    })
}

/// Every state and other area, in code order (states first).
pub fn states() -> &'static [State] {
    &index().states
}

/// Look a state up by ISO alpha-3 or alpha-2 code (any case), name or alias.
pub fn resolve_state(query: &str) -> Option<&'static State> {
    let idx = index();
    match idx.exact.get(query) {
        Some(hit) => hit.map(|i| &idx.states[i]),
        None => resolve_folded(idx, query).map(|i| &idx.states[i]),
    }
}

/// A state by its ISO 3166-1 numeric code ("840", "40" or "040" for Austria), for what
/// a user types; not part of [`resolve_state`], which reads names in text.
pub fn state_by_numeric(query: &str) -> Option<&'static State> {
    let q = query.trim();
    if q.is_empty() || q.len() > 3 || !q.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let code = format!("{q:0>3}");
    index().states.iter().find(|s| s.numeric == code)
}

/// [`resolve_state`] the long way: codes in any case, then the folded name.
fn resolve_folded(idx: &Index, query: &str) -> Option<usize> {
    let q = query.trim();
    if q.len() == 3 || q.len() == 2 {
        let up = q.to_ascii_uppercase();
        if let Some(i) = idx
            .states
            .iter()
            .position(|s| s.iso3 == up || (q.len() == 2 && s.iso2 == up))
        {
            return Some(i);
        }
    }
    let f = fold_name(q);
    if f.is_empty() {
        return None;
    }
    let find = |f: &str| {
        idx.names
            .binary_search_by(|(n, _)| n.as_str().cmp(f))
            .ok()
            .map(|i| idx.names[i].1)
    };
    find(&f).or_else(|| {
        // A name inverted the way lists sort them, its "of" dropped: "Iran, Islamic
        // Republic" reads as "Islamic Republic of Iran", "Macedonia, FYR" as "FYR
        // Macedonia".
        let (a, b) = q.split_once(", ")?;
        let (a, b) = (a.trim(), b.trim());
        if a.is_empty() || b.is_empty() || b.contains(',') {
            return None;
        }
        [
            format!("{b} {a}"),
            format!("{b} of {a}"),
            format!("{b} of the {a}"),
            format!("{a}, {b} of"),
            format!("{a}, {b} of the"),
        ]
        .iter()
        .find_map(|c| find(&fold_name(c)))
    })
}

/// The states whose name or alias is nearest to `query` (for "did you mean"), best first.
pub fn suggest_states(query: &str, max: usize) -> Vec<&'static State> {
    let idx = index();
    let f = fold_name(query);
    if f.is_empty() {
        return Vec::new();
    }
    // A word of several names first ("Korea": North Korea and the Republic of Korea,
    // "Guinea": Guinea-Bissau, Equatorial Guinea, ...), then the names nearest in
    // spelling.
    let word_of = |st: &State| {
        f.len() >= 4
            && std::iter::once(&st.name)
                .chain(&st.aliases)
                .flat_map(|n| n.split(|c: char| !c.is_alphanumeric()))
                .any(|w| fold_name(w) == f)
    };
    let mut scored: Vec<(usize, usize)> = idx
        .states
        .iter()
        .enumerate()
        .filter(|(_, st)| word_of(st))
        .map(|(i, _)| (0, i))
        .collect();
    scored.extend(spelling_neighbours(&f, true));
    scored.sort();
    let mut out: Vec<&State> = Vec::new();
    for (_, i) in scored {
        if !out.iter().any(|s| s.iso3 == idx.states[i].iso3) {
            out.push(&idx.states[i]);
        }
        if out.len() == max {
            break;
        }
    }
    out
}

/// Edit distance between two strings (by characters).
/// The names within a third of the folded query's length in edit distance (at least
/// 2), as (distance + 1, state index). With `prune`, a name whose length alone puts it
/// further off is not compared (the distance is at least the difference in length):
/// a 100 KB query is not 600 long comparisons.
fn spelling_neighbours(f: &str, prune: bool) -> Vec<(usize, usize)> {
    let within = (f.len() / 3).max(2);
    let f_chars = f.chars().count();
    index()
        .names
        .iter()
        .filter_map(|(n, i)| {
            if prune && f_chars.abs_diff(n.chars().count()) > within {
                return None;
            }
            let d = levenshtein(f, n);
            (d <= within).then_some((d + 1, *i))
        })
        .collect()
}

/// A state query as a message quotes it: whole up to 60 characters, else its first 60
/// and how long it was.
pub fn shown_query(q: &str) -> std::borrow::Cow<'_, str> {
    match q.char_indices().nth(60) {
        None => q.into(),
        Some((cut, _)) => format!("{}… ({} bytes)", &q[..cut], q.len()).into(),
    }
}

pub fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The state an English adjective of nationality names ("Syrian", "Indian",
/// "Filipino"), from `data/demonyms.csv`; exact case, as profiles write them. A form
/// two states share (Congolese, Korean) is not listed.
pub fn state_of_demonym(word: &str) -> Option<&'static State> {
    static MAP: std::sync::OnceLock<std::collections::HashMap<String, usize>> =
        std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let idx = index();
        let mut m = std::collections::HashMap::new();
        let t = Table::parse("data/demonyms.csv", crate::DEMONYMS_CSV)
            .expect("data/demonyms.csv is compiled in and tested");
        let (i3, d) = (
            t.col("iso3").expect("iso3 column"),
            t.col("demonyms").expect("demonyms column"),
        );
        for r in &t.records {
            let Some(i) = idx.states.iter().position(|s| s.iso3 == r.fields[i3]) else {
                continue;
            };
            for w in r.fields[d].split(';').filter(|w| !w.is_empty()) {
                m.insert(w.to_string(), i);
            }
        }
        m
    });
    map.get(word).map(|&i| &index().states[i])
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_exact_table_answers_as_the_long_way_does() {
        let idx = index();
        assert!(idx.exact.len() > 400, "names, aliases and codes");
        for (name, hit) in &idx.exact {
            assert_eq!(*hit, resolve_folded(idx, name), "{name}");
            for q in [
                name.to_lowercase(),
                name.to_uppercase(),
                format!(" {name} "),
            ] {
                assert_eq!(
                    resolve_state(&q).map(|s| &s.iso3),
                    resolve_folded(idx, &q).map(|i| &idx.states[i].iso3),
                    "{q}"
                );
            }
        }
    }

    use super::*;

    #[test]
    fn table_is_complete() {
        let s = states();
        assert_eq!(s.iter().filter(|s| s.kind == AreaKind::State).count(), 197);
        assert_eq!(
            s.iter()
                .filter(|s| s.kind == AreaKind::State && s.un_member)
                .count(),
            193
        );
        assert_eq!(
            s.iter().filter(|s| s.kind == AreaKind::OtherArea).count(),
            5
        );
        let mut codes: Vec<_> = s.iter().map(|s| &s.iso3).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), s.len(), "iso3 codes are unique");
    }

    #[test]
    fn resolves_aliases_profiles_use() {
        for (q, want) in [
            ("United States", "USA"),
            ("US", "USA"),
            ("united states of america", "USA"),
            ("Myanmar/Burma", "MMR"),
            ("Korea, Republic of", "KOR"),
            ("Türkiye", "TUR"),
            ("Turkey", "TUR"),
            ("Lao PDR", "LAO"),
            ("Cote d'Ivoire", "CIV"),
            ("fin", "FIN"),
            ("Kosovo", "XKX"),
            ("The Gambia", "GMB"),
            // The inverted forms lists and archived profile headers use.
            ("Congo, Democratic Republic", "COD"),
            ("Democratic Republic of Congo", "COD"),
            ("Congo, Rep.", "COG"),
            ("Iran, Islamic Republic", "IRN"),
            ("Micronesia, Federated States", "FSM"),
            ("Macedonia, FYR", "MKD"),
            ("Venezuela, Bolivarian Republic", "VEN"),
            ("Bosnia", "BIH"),
        ] {
            assert_eq!(resolve_state(q).map(|s| s.iso3.as_str()), Some(want), "{q}");
        }
        assert!(resolve_state("Atlantis").is_none());
        assert!(resolve_state("Congo, Atlantis").is_none());
        assert!(resolve_state(", ").is_none());
        assert!(resolve_state("").is_none());
    }

    #[test]
    fn suggests_nearest() {
        let s = suggest_states("Finlnd", 3);
        assert_eq!(s[0].iso3, "FIN");
        assert_eq!(suggest_states("Untied States", 1)[0].iso3, "USA");
        // A word several names share: each of them, before spelling neighbours.
        let korea: Vec<&str> = suggest_states("Korea", 3)
            .iter()
            .map(|s| s.iso3.as_str())
            .collect();
        assert!(
            korea.contains(&"KOR") && korea.contains(&"PRK"),
            "{korea:?}"
        );
        assert!(suggest_states("  ", 3).is_empty());
    }

    /// Names too far off in length are not compared; the neighbours are those of
    /// comparing every name, for misspellings of every name and for long queries.
    #[test]
    fn pruning_by_length_finds_what_comparing_every_name_does() {
        let mut queries: Vec<String> = vec!["a".repeat(300), "x".into(), String::new()];
        for st in states() {
            let n: Vec<char> = fold_name(&st.name).chars().collect();
            for k in [0, n.len() / 2, n.len().saturating_sub(1)] {
                let mut dropped = n.clone();
                if k < dropped.len() {
                    dropped.remove(k);
                }
                queries.push(dropped.iter().collect());
                let mut added = n.clone();
                added.insert(k.min(added.len()), 'x');
                added.insert(0, 'q');
                queries.push(added.iter().collect());
            }
            queries.push(format!("{} republic of the", fold_name(&st.name)));
        }
        let mut pruned = 0;
        for q in &queries {
            let (a, b) = (spelling_neighbours(q, true), spelling_neighbours(q, false));
            assert_eq!(a, b, "{q}");
            pruned += usize::from(a.is_empty());
        }
        assert!(pruned > 0, "no query was far from every name");
    }

    #[test]
    fn a_long_query_is_quoted_short() {
        assert_eq!(shown_query("Atlantis"), "Atlantis");
        let long = "é".repeat(100);
        let s = shown_query(&long);
        assert!(
            s.starts_with(&"é".repeat(60)) && s.ends_with("… (200 bytes)"),
            "{s}"
        );
    }

    #[test]
    fn numeric_codes_for_what_users_type() {
        assert_eq!(state_by_numeric("840").unwrap().iso3, "USA");
        assert_eq!(state_by_numeric("40").unwrap().iso3, "AUT");
        assert_eq!(state_by_numeric("040").unwrap().iso3, "AUT");
        assert!(state_by_numeric("999").is_none());
        assert!(state_by_numeric("8400").is_none());
        assert!(state_by_numeric("").is_none());
        // Not among the names read in text.
        assert!(resolve_state("840").is_none());
    }
}
