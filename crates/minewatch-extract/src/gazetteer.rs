//! Mine designations in text, from the gazetteer in `minewatch-refdata`
//! (`data/mine_types.csv`): longest match at word boundaries.

use std::sync::OnceLock;

use minewatch_refdata::{mine_types, MineType};

/// A designation found in text.
#[derive(Debug, Clone)]
pub struct MineMatch {
    pub start: usize,
    pub end: usize,
    pub mine: &'static MineType,
    /// Why the name does not settle the type, when it does not.
    pub ambiguity: Option<String>,
}

struct Name {
    text: String,
    /// Match ignoring ASCII case (names written all in lowercase, e.g. "butterfly mine").
    fold: bool,
    mine: &'static MineType,
}

/// Name indices with their second byte, by their first byte, as the text being
/// matched shows them: case-folded names are compared with the lowercase text, the
/// others with the text itself. Sorted by second byte, then in [`names`] order.
struct Index {
    fold: Vec<Vec<(u8, u16)>>,
    exact: Vec<Vec<(u8, u16)>>,
    /// Bit `b1` of word `b0 * 4 + b1 / 64`: some name starts with the bytes `b0 b1`
    /// (case-folded names in `fold_pairs`, the others in `exact_pairs`).
    fold_pairs: Vec<u64>,
    exact_pairs: Vec<u64>,
    /// The first two bytes of every name, ASCII-lowercased (as the lowercase text shows
    /// them, whatever their case): a word whose first two are none starts no name.
    lower_pairs: Vec<u64>,
}

/// Whether bit `(b0, b1)` of a [`Index`] pair set is set.
#[inline]
fn pair(set: &[u64], b0: u8, b1: u8) -> bool {
    set[b0 as usize * 4 + (b1 as usize >> 6)] >> (b1 & 63) & 1 != 0
}

/// Build the gazetteer's index now ([`crate::warm_up`]).
pub(crate) fn warm_up() {
    index();
}

fn index() -> &'static Index {
    static IDX: OnceLock<Index> = OnceLock::new();
    IDX.get_or_init(|| {
        let mut idx = Index {
            fold: vec![Vec::new(); 256],
            exact: vec![Vec::new(); 256],
            fold_pairs: vec![0; 256 * 4],
            exact_pairs: vec![0; 256 * 4],
            lower_pairs: vec![0; 256 * 4],
        };
        for (i, n) in names().iter().enumerate() {
            let b = n.text.as_bytes();
            let (list, pairs) = if n.fold {
                (&mut idx.fold, &mut idx.fold_pairs)
            } else {
                (&mut idx.exact, &mut idx.exact_pairs)
            };
            list[b[0] as usize].push((b[1], i as u16));
            pairs[b[0] as usize * 4 + (b[1] as usize >> 6)] |= 1 << (b[1] & 63);
            let (l0, l1) = (b[0].to_ascii_lowercase(), b[1].to_ascii_lowercase());
            idx.lower_pairs[l0 as usize * 4 + (l1 as usize >> 6)] |= 1 << (l1 & 63);
        }
        // By second byte, in name order within it (a stable sort).
        for l in idx.fold.iter_mut().chain(idx.exact.iter_mut()) {
            l.sort_by_key(|x| x.0);
        }
        idx
    })
}

fn names() -> &'static [Name] {
    static NAMES: OnceLock<Vec<Name>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut v: Vec<Name> = Vec::new();
        for m in mine_types() {
            for n in m.names() {
                if n.len() < 2 || v.iter().any(|x| x.text == n) {
                    continue;
                }
                v.push(Name {
                    text: n.to_string(),
                    fold: !n.bytes().any(|b| b.is_ascii_uppercase()),
                    mine: m,
                });
            }
        }
        // Longest first, so "CBU-89/B Gator" wins over "Gator".
        v.sort_by_key(|n| std::cmp::Reverse(n.text.len()));
        v
    })
}

fn boundary_before(s: &str, i: usize) -> bool {
    // An ASCII byte before without decoding.
    if let Some(&p) = i.checked_sub(1).and_then(|j| s.as_bytes().get(j)) {
        if p < 0x80 {
            return !(p.is_ascii_alphanumeric() || matches!(p, b'-' | b'/' | b'_'));
        }
    }
    match s[..i].chars().next_back() {
        None => true,
        Some(c) => !(c.is_alphanumeric() || matches!(c, '-' | '/' | '_')),
    }
}

fn boundary_after(s: &str, i: usize) -> bool {
    match s[i..].chars().next() {
        None => true,
        Some(c) => {
            let glued_dash = c == '-'
                && s[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(|d| d.is_alphanumeric());
            !(c.is_alphanumeric() || matches!(c, '/' | '_') || glued_dash)
        }
    }
}

/// Every non-overlapping designation in `s`, in order (`lower` is `s.to_ascii_lowercase()`).
pub fn find_mines(s: &str, lower: &str) -> Vec<MineMatch> {
    find_mines_from(s, lower, 0..s.len())
}

/// [`find_mines`] from the places where a designation may start, in increasing
/// order: every start of a run of ASCII letters and digits must be among them
/// (other places are passed over).
pub(crate) fn find_mines_from(
    s: &str,
    lower: &str,
    starts: impl IntoIterator<Item = usize>,
) -> Vec<MineMatch> {
    let mut out = Vec::new();
    find_mines_into(s, lower, starts, &mut out);
    out
}

/// [`find_mines_from`] added to `out` (a buffer kept from one sentence to the next).
pub(crate) fn find_mines_into(
    s: &str,
    lower: &str,
    starts: impl IntoIterator<Item = usize>,
    out: &mut Vec<MineMatch>,
) {
    let b = s.as_bytes();
    let mut next = 0;
    let idx = index();
    let lb = lower.as_bytes();
    for i in starts {
        // (The lowercase pair first: it rules out most words in one look.)
        if i < next
            || lb
                .get(i + 1)
                .is_none_or(|&l1| !pair(&idx.lower_pairs, lb[i], l1))
        {
            continue;
        }
        if !b[i].is_ascii_alphanumeric() {
            continue;
        }
        // Most words start no name: their first two bytes say so before the boundary
        // is looked at.
        let Some((s1, l1)) = b
            .get(i + 1)
            .zip(lb.get(i + 1))
            .map(|(&s1, &l1)| (s1, l1))
            .filter(|&(s1, l1)| {
                pair(&idx.fold_pairs, lb[i], l1) || pair(&idx.exact_pairs, b[i], s1)
            })
        else {
            continue;
        };
        if !boundary_before(s, i) {
            continue;
        }
        // The first name (longest first) that matches here, from the names whose first
        // two bytes do.
        let mut hit = None;
        {
            let all = names();
            let l0 = lower.as_bytes()[i];
            // The names with this second byte: a range of the first byte's list.
            let second = |list: &'static [(u8, u16)], c: u8| {
                let r = &list[list.partition_point(|x| x.0 < c)..];
                r[..r.partition_point(|x| x.0 == c)].iter().map(|x| x.1)
            };
            let mut f = second(&idx.fold[l0 as usize], l1).peekable();
            let mut x = second(&idx.exact[b[i] as usize], s1).peekable();
            loop {
                // Merge the two lists in name order.
                let k = match (f.peek(), x.peek()) {
                    (Some(&a), Some(&c)) if a < c => f.next(),
                    (Some(_), Some(_)) => x.next(),
                    (Some(_), None) => f.next(),
                    (None, Some(_)) => x.next(),
                    (None, None) => break,
                };
                let Some(k) = k else { break };
                let n = &all[k as usize];
                let hay = if n.fold { lower } else { s };
                if hay.as_bytes()[i..].starts_with(n.text.as_bytes())
                    && boundary_after(s, i + n.text.len())
                {
                    hit = Some(n);
                    break;
                }
            }
        }
        match hit {
            Some(n) => {
                let end = i + n.text.len();
                out.push(MineMatch {
                    start: i,
                    end,
                    mine: n.mine,
                    ambiguity: ambiguity(n.mine, lower),
                });
                next = end;
            }
            // (A later start inside this word has a letter or digit before it: no
            // boundary, passed over without skipping the word here.)
            None => next = i + 1,
        }
    }
}

/// "DM31" is counted as antipersonnel in one profile and antitank in another, and
/// "Type 72" names several mines: settled only when the sentence says which.
fn ambiguity(m: &MineType, lower: &str) -> Option<String> {
    if m.designation != "DM31" && m.designation != "Type 72" {
        return None;
    }
    let ap = lower.contains("antipersonnel") || lower.contains("anti-personnel");
    let av = lower.contains("antivehicle")
        || lower.contains("anti-vehicle")
        || lower.contains("antitank")
        || lower.contains("anti-tank");
    let tricky = m.designation == "DM31" || m.designation == "Type 72";
    if !tricky || (ap != av) {
        return None;
    }
    Some(format!(
        "\"{}\" names more than one mine (antipersonnel or antitank) and the sentence does not say which",
        m.designation
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(s: &str) -> Vec<String> {
        find_mines(s, &s.to_ascii_lowercase())
            .into_iter()
            .map(|m| m.mine.designation.clone())
            .collect()
    }

    #[test]
    fn longest_match_and_boundaries() {
        assert_eq!(
            found("450,000 ADAM and 13,200 CBU-89/B Gator mines, 80,000 M16A1 and a PFM-1."),
            vec!["ADAM", "CBU-89/B Gator", "M16A1", "PFM-1"]
        );
        assert_eq!(
            found("The M87A1 Volcano uses M74 mines"),
            vec!["M87 Volcano", "M74"]
        );
        assert!(found("MAPS2 and XM16A1 and M16A1X").is_empty());
        assert_eq!(found("green parrot mines"), vec!["PFM-1"]);
    }

    /// Every name is found where it stands (through the first-two-bytes sets).
    #[test]
    fn every_name_found() {
        for n in names() {
            let s = format!("held 5 {} mines", n.text);
            let m = find_mines(&s, &s.to_ascii_lowercase());
            assert!(m.iter().any(|m| m.start == 7), "{}", n.text);
        }
    }

    /// `find_mines_from` as it was, every start's two bytes looked up as written
    /// (no lowercase pair first), from every byte.
    fn find_mines_reference(
        s: &str,
        lower: &str,
        starts: impl IntoIterator<Item = usize>,
    ) -> Vec<MineMatch> {
        let mut out = Vec::new();
        let b = s.as_bytes();
        let mut next = 0;
        let idx = index();
        let lb = lower.as_bytes();
        for i in starts {
            if i < next || !b[i].is_ascii_alphanumeric() {
                continue;
            }
            // Most words start no name: their first two bytes say so before the boundary
            // is looked at.
            let Some((s1, l1)) = b
                .get(i + 1)
                .zip(lb.get(i + 1))
                .map(|(&s1, &l1)| (s1, l1))
                .filter(|&(s1, l1)| {
                    pair(&idx.fold_pairs, lb[i], l1) || pair(&idx.exact_pairs, b[i], s1)
                })
            else {
                continue;
            };
            if !boundary_before(s, i) {
                continue;
            }
            // The first name (longest first) that matches here, from the names whose first
            // two bytes do.
            let mut hit = None;
            {
                let all = names();
                let l0 = lower.as_bytes()[i];
                // The names with this second byte: a range of the first byte's list.
                let second = |list: &'static [(u8, u16)], c: u8| {
                    let r = &list[list.partition_point(|x| x.0 < c)..];
                    r[..r.partition_point(|x| x.0 == c)].iter().map(|x| x.1)
                };
                let mut f = second(&idx.fold[l0 as usize], l1).peekable();
                let mut x = second(&idx.exact[b[i] as usize], s1).peekable();
                loop {
                    // Merge the two lists in name order.
                    let k = match (f.peek(), x.peek()) {
                        (Some(&a), Some(&c)) if a < c => f.next(),
                        (Some(_), Some(_)) => x.next(),
                        (Some(_), None) => f.next(),
                        (None, Some(_)) => x.next(),
                        (None, None) => break,
                    };
                    let Some(k) = k else { break };
                    let n = &all[k as usize];
                    let hay = if n.fold { lower } else { s };
                    if hay.as_bytes()[i..].starts_with(n.text.as_bytes())
                        && boundary_after(s, i + n.text.len())
                    {
                        hit = Some(n);
                        break;
                    }
                }
            }
            match hit {
                Some(n) => {
                    let end = i + n.text.len();
                    out.push(MineMatch {
                        start: i,
                        end,
                        mine: n.mine,
                        ambiguity: ambiguity(n.mine, lower),
                    });
                    next = end;
                }
                // (A later start inside this word has a letter or digit before it: no
                // boundary, passed over without skipping the word here.)
                None => next = i + 1,
            }
        }
        out
    }

    fn as_reference(s: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let lower = s.to_ascii_lowercase();
        let got: Vec<(usize, usize, &str)> = find_mines(s, &lower)
            .iter()
            .map(|m| (m.start, m.end, m.mine.designation.as_str()))
            .collect();
        let want: Vec<(usize, usize, &str)> = find_mines_reference(s, &lower, 0..s.len())
            .iter()
            .map(|m| (m.start, m.end, m.mine.designation.as_str()))
            .collect();
        proptest::prop_assert_eq!(got, want, "{:?}", s);
        Ok(())
    }

    proptest::proptest! {
        /// The lowercase pair rules out no start the names' own pairs keep: names,
        /// their parts and their case changed, between separators.
        #[test]
        fn lower_pairs_as_reference(
            parts in proptest::collection::vec((0usize..10_000, 0u8..4, 0usize..6), 0..10),
            seps in proptest::collection::vec(proptest::sample::select(vec![
                " ", "-", "/", "", ", ", "é", "2", "x",
            ]), 10),
        ) {
            let all = names();
            let mut s = String::new();
            for ((k, case, cut), sep) in parts.iter().zip(&seps) {
                let n = &all[k % all.len()].text;
                let mut w = match case {
                    0 => n.clone(),
                    1 => n.to_ascii_lowercase(),
                    2 => n.to_ascii_uppercase(),
                    _ => n.chars().enumerate().map(|(i, c)| if i % 2 == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect(),
                };
                // Some cut short after their first bytes.
                if *cut > 0 {
                    let mut e = (*cut).min(w.len());
                    while !w.is_char_boundary(e) {
                        e -= 1;
                    }
                    w.truncate(e);
                }
                s.push_str(&w);
                s.push_str(sep);
            }
            as_reference(&s)?;
        }

        #[test]
        fn lower_pairs_as_reference_any_text(s in "[a-zA-Z0-9 /é-]{0,24}") {
            as_reference(&s)?;
        }
    }

    #[test]
    fn ambiguous_types() {
        let s = "It holds 500 DM31 mines.";
        let m = find_mines(s, &s.to_ascii_lowercase());
        assert!(m[0].ambiguity.is_some());
        let s = "It holds 500 DM31 antitank mines.";
        let m = find_mines(s, &s.to_ascii_lowercase());
        assert!(m[0].ambiguity.is_none());
    }
}
