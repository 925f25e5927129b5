//! Cross-checks: facts against each other, the treaty's articles (via
//! `minewatch-law`) and the reference data (via `minewatch-refdata`). A claim the
//! data cannot settle gives no diagnostic.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use minewatch_law::ConsentInstrument;
use minewatch_model::{Date, Diagnostic, Severity, Span};
use minewatch_profile::Document;
use minewatch_refdata::csv::Table;

use crate::text::{date_at_start, quantities, sentences, Num, Qualifier};
use crate::{Confidence, Fact, Value};

/// The diagnostic codes [`cross_check`] emits: (code, default severity, meaning).
pub const CROSS_CODES: &[(&str, &str, &str)] = &[
    ("sum-mismatch", "warning", "Parts that do not add up to the stated total (in a sentence, casualties by kind, or a table)."),
    ("treaty-date-mismatch", "error", "A stated entry into force or deadline that contradicts what the treaty's articles give from the stated deposit date."),
    ("conflicting-figures", "warning", "The same quantity for the same time stated differently in one profile."),
    ("contradicts-reference", "warning", "A claim that contradicts the reference data (treaty dates and withdrawals, UN General Assembly votes)."),
    ("stale-as-of", "warning", "An \"as of <date>\" clause older than the staleness threshold before the profile's last update (or --as-of)."),
];

/// What the cross-checks need beyond the document and its facts.
#[derive(Debug, Clone)]
pub struct CrossOptions {
    /// The date staleness is measured against.
    pub as_of: Date,
    /// An "as of" date more than this many months before `as_of` is stale.
    pub stale_after_months: u32,
}

impl Default for CrossOptions {
    fn default() -> Self {
        CrossOptions {
            as_of: Date::today(),
            stale_after_months: 12,
        }
    }
}

/// Run every cross-check; the result is sorted by position.
pub fn cross_check(doc: &Document, facts: &[Fact], opts: &CrossOptions) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if doc
        .diagnostics
        .iter()
        .any(|d| d.code == "binary-input" || d.code == "empty-input")
    {
        return out;
    }
    let body = doc.body_span();
    sums_in_sentences(doc, body, facts, &mut out);
    sums_in_tables(doc, &mut out);
    donor_sums(doc, facts, &mut out);
    casualty_sums(facts, &mut out);
    treaty_dates(facts, opts, &mut out);
    withdrawal_dates(doc, facts, &mut out);
    conflicting(doc, facts, &mut out);
    reference(doc, facts, &mut out);
    stale(doc, body, facts, opts, &mut out);
    out.sort_by(|a, b| (a.span.start, a.code).cmp(&(b.span.start, b.code)));
    // One finding per place and code (a repeated deposit date must not repeat it).
    out.dedup_by(|a, b| a.code == b.code && a.span == b.span);
    out
}

/// Where the text after each "as of " (in any case) starts in `text`, in order (a
/// list only where there is one: most paragraphs have none). The 'f's and 'F's are
/// stopped at by the SSE2 search made inline, and the bytes around each compared: a
/// paragraph has a few, and these stops cost fewer instructions than the lowercase
/// copy of each paragraph that was searched whole before.
fn after_as_of(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    // ("as of " cannot overlap itself: every one is found.)
    let hit = |j: usize| {
        (j >= 4 && b.get(j + 1) == Some(&b' ') && b[j - 4..j].eq_ignore_ascii_case(b"as o"))
            .then_some(j + 2)
    };
    #[cfg(target_arch = "x86_64")]
    if let Some(two) = memchr::arch::x86_64::sse2::memchr::Two::new(b'f', b'F') {
        return two.iter(b).filter_map(hit).collect();
    }
    memchr::memchr2_iter(b'f', b'F', b)
        .filter_map(hit)
        .collect()
}

fn span(f: &Fact) -> Span {
    Span::new(f.value_span[0], f.value_span[1])
}

fn full_date(v: &Value) -> Option<Date> {
    v.as_text().and_then(Date::parse_iso)
}

fn fmt(v: f64) -> String {
    let s = crate::text::fmt_num(v);
    // thousands separators for integers
    if s.contains('.') || s.len() <= 4 {
        return s;
    }
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Half a unit of the last digit a figure is written with ("$8.2 million": 50,000;
/// "1,000": 0.5): how far its rounding may take it from what it stands for.
fn half_unit(written: &str, value: f64) -> f64 {
    let b = written.as_bytes();
    let Some(a) = b.iter().position(u8::is_ascii_digit) else {
        return 0.5;
    };
    let e = b[a..]
        .iter()
        .position(|c| !(c.is_ascii_digit() || matches!(c, b',' | b'.')))
        .map_or(b.len(), |k| a + k);
    let lit = written[a..e].trim_end_matches(['.', ',']);
    let decimals = lit.rsplit_once('.').map_or(0, |(_, d)| d.len());
    let Ok(n) = lit.replace(',', "").parse::<f64>() else {
        return 0.5;
    };
    let scale = if n > 0.0 { (value / n).max(1.0) } else { 1.0 };
    0.5 * scale / 10f64.powi(decimals as i32)
}

/// "a total of 1,000 mines: 600 PMN and 300 PFM-1" — the parts must add up. Money
/// received and its donors' parts are [`donor_sums`]'s (a list of the largest donors
/// names no whole).
fn sums_in_sentences(doc: &Document, body: Span, facts: &[Fact], out: &mut Vec<Diagnostic>) {
    static TOTAL: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    static TOTAL_OF: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let total_word = TOTAL.get_or_init(|| memchr::memmem::Finder::new("total"));
    let total_of = TOTAL_OF.get_or_init(|| memchr::memmem::Finder::new("total of "));
    for p in &doc.paragraphs {
        if !body.contains(p.span) || total_word.find(p.text.as_bytes()).is_none() {
            continue;
        }
        // Lowercase once: a sentence's lowercase is its slice.
        let plower = p.text.to_ascii_lowercase();
        // A sentence's "total of " is the paragraph's.
        if total_of.find(plower.as_bytes()).is_none() {
            continue;
        }
        for (a, b) in sentences(&p.text) {
            let s = &p.text[a..b];
            let l = &plower[a..b];
            let Some(tp) = total_of.find(l.as_bytes()) else {
                continue;
            };
            let qs = quantities(s, l);
            let Some(ti) = qs
                .iter()
                .position(|q| q.hedge_start == tp + "total of ".len())
            else {
                continue;
            };
            let total = &qs[ti];
            let Num::One(tv) = total.num else { continue };
            if total.qualifier != Qualifier::Exact {
                continue;
            }
            let parts: Vec<_> = qs[ti + 1..]
                .iter()
                // Parts count what the total counts: "16,356,485 square meters ...
                // including 36,880 mines and 10,198 UXO" has no parts of its total.
                .filter(|q| {
                    q.currency == total.currency
                        && (q.unit == total.unit
                            || q.unit.is_none()
                            || total.unit.is_none()
                                && q.unit != Some("states")
                                && q.unit != Some("people"))
                })
                .collect();
            if parts.len() < 2
                || parts
                    .iter()
                    .any(|q| q.qualifier != Qualifier::Exact || !matches!(q.num, Num::One(_)))
            {
                continue;
            }
            // Parts must follow an enumeration marker right after the total.
            let between = &l[total.end..parts[0].hedge_start];
            if !(between.contains(':')
                || between.contains("including")
                || between.contains("comprising")
                || between.contains("consisting of")
                || between.contains("of which"))
            {
                continue;
            }
            let sum: f64 = parts
                .iter()
                .map(|q| if let Num::One(v) = q.num { v } else { 0.0 })
                .sum();
            let abs = p.span.start + a;
            // Money received and its donors' parts: `donor_sums`'s, whatever the verb.
            if total.currency.is_some()
                && facts.iter().any(|f| {
                    abs <= f.value_span[0]
                        && f.value_span[0] < p.span.start + b
                        && (f.predicate == "support.received"
                            || f.predicate == "spending" && f.recipient.is_some())
                })
            {
                continue;
            }
            if (sum - tv).abs() > 0.5 {
                let mut d = Diagnostic::new(
                    "sum-mismatch",
                    Severity::Warning,
                    Span::new(abs + total.start, abs + total.end),
                    format!(
                        "the parts add up to {}, but the stated total is {}",
                        fmt(sum),
                        fmt(tv)
                    ),
                )
                .with_help("correct the total or the parts");
                for q in parts {
                    d = d.with_related(Span::new(abs + q.start, abs + q.end), "a part");
                }
                out.push(d);
            }
        }
    }
}

/// Money received from a stated number of donors, and the donors' parts listed after
/// it in the sentence ("totaled US$21.4 million from six donors: the United States
/// ($8.2 million), ...", "received a total of US$10.0 million from three donors:
/// US$5.0 million from ..."): where as many parts are listed as donors are stated, the
/// list is complete and must add up to the total, each figure allowed half a unit of
/// its last digit ("$8.2 million": $50,000). A list of the largest donors only (no
/// count, or another count) names no whole.
fn donor_sums(doc: &Document, facts: &[Fact], out: &mut Vec<Diagnostic>) {
    let amount = |f: &Fact| match f.value {
        Value::Number(v) if f.qualifier == Qualifier::Exact => Some(v),
        _ => None,
    };
    let written = |f: &Fact| doc.text.get(f.value_span[0]..f.value_span[1]).unwrap_or("");
    for total in facts.iter().filter(|f| f.predicate == "support.received") {
        let (Some(n), Some(tv)) = (total.donors, amount(total)) else {
            continue;
        };
        let parts: Vec<&Fact> = facts
            .iter()
            .filter(|f| {
                f.predicate == "spending"
                    && f.span == total.span
                    && f.value_span[0] > total.value_span[0]
                    && f.recipient.as_deref() == Some(total.subject.as_str())
                    && f.unit == total.unit
            })
            .collect();
        if parts.len() != usize::from(n.get()) {
            continue;
        }
        let Some(values) = parts
            .iter()
            .map(|f| amount(f))
            .collect::<Option<Vec<f64>>>()
        else {
            continue;
        };
        let sum: f64 = values.iter().sum();
        let tolerance: f64 = parts
            .iter()
            .zip(&values)
            .map(|(f, &v)| half_unit(written(f), v))
            .sum::<f64>()
            + half_unit(written(total), tv);
        if (sum - tv).abs() > tolerance {
            let mut d = Diagnostic::new(
                "sum-mismatch",
                Severity::Warning,
                span(total),
                format!(
                    "the parts add up to {}, but the stated total is {}",
                    fmt(sum),
                    fmt(tv)
                ),
            )
            .with_help("correct the total or the parts");
            for f in parts {
                d = d.with_related(span(f), "a part");
            }
            out.push(d);
        }
    }
}

/// A sentence's casualties by kind against its total: "117 casualties (39 killed, 76
/// injured, and 2 unknown)", "Of the 49 casualties, 16 were killed and 33 were
/// injured". Only exact figures for one time, with at least two kinds after the
/// total, are added up.
fn casualty_sums(facts: &[Fact], out: &mut Vec<Diagnostic>) {
    let cas: Vec<&Fact> = facts
        .iter()
        .filter(|f| {
            f.predicate == "casualties"
                && f.qualifier == Qualifier::Exact
                && f.confidence == Confidence::High
                && matches!(f.value, Value::Number(_))
        })
        .collect();
    // A sentence with a casualty figure of low confidence (survivors, a part read as
    // such) gives an incomplete breakdown: its high ones need not add up.
    let uncertain: Vec<[usize; 2]> = facts
        .iter()
        .filter(|f| f.predicate == "casualties" && f.confidence != Confidence::High)
        .map(|f| f.span)
        .collect();
    for g in cas.chunk_by(|a, b| a.span == b.span) {
        if uncertain.contains(&g[0].span) {
            continue;
        }
        fn kind(f: &Fact) -> &str {
            f.casualty.as_deref().unwrap_or("total")
        }
        // The whole: the sentence's total, else the "Of the N casualties" it opens with.
        let total = g.iter().find(|f| kind(f) == "total").map(|f| {
            (
                f.value.as_number().unwrap_or(0.0),
                span(f),
                f.value_span[0],
                f.as_of.as_deref(),
            )
        });
        let (tv, at, from, as_of) = match total {
            Some(t) => t,
            None => {
                let l = g[0].quote.to_ascii_lowercase();
                let Some(rest) = l.strip_prefix("of the ") else {
                    continue;
                };
                let qs = quantities(&g[0].quote[7..], rest);
                let Some(q) = qs.first().filter(|q| {
                    q.start == 0 && q.qualifier == Qualifier::Exact && q.unit == Some("people")
                }) else {
                    continue;
                };
                let Num::One(v) = q.num else { continue };
                (v, span(g[0]), 0, g[0].as_of.as_deref())
            }
        };
        let parts: Vec<&&Fact> = g
            .iter()
            .filter(|f| {
                matches!(kind(f), "killed" | "injured" | "unknown")
                    && f.value_span[0] > from
                    && f.as_of.as_deref() == as_of
            })
            .collect();
        let kinds: Vec<&str> = ["killed", "injured", "unknown"]
            .into_iter()
            .filter(|k| parts.iter().any(|f| kind(f) == *k))
            .collect();
        if kinds.len() < 2 || kinds.len() != parts.len() {
            continue;
        }
        let sum: f64 = parts.iter().filter_map(|f| f.value.as_number()).sum();
        // A sentence that speaks of an outcome not read as a figure ("and for 360 it
        // was unknown if they survived") has a part that was not counted.
        let unread_unknown = !kinds.contains(&"unknown")
            && parts
                .first()
                .is_some_and(|f| f.quote.to_ascii_lowercase().contains("unknown"));
        if (sum - tv).abs() > 0.5 && !(unread_unknown && sum < tv) {
            let mut d = Diagnostic::new(
                "sum-mismatch",
                Severity::Warning,
                at,
                format!(
                    "the casualties by kind ({}) add up to {}, but the stated total is {}",
                    kinds.join(", "),
                    fmt(sum),
                    fmt(tv)
                ),
            )
            .with_help("correct the total or the parts");
            for f in &parts {
                d = d.with_related(span(f), "a part");
            }
            out.push(d);
        }
    }
}

/// A table's total row against the sum of its rows, column by column, where no cell was lost.
fn sums_in_tables(doc: &Document, out: &mut Vec<Diagnostic>) {
    for t in &doc.tables {
        let Some(total) = t.rows.iter().find(|r| r.is_total()) else {
            continue;
        };
        let rows: Vec<_> = t.rows.iter().filter(|r| !r.is_total()).collect();
        if rows.len() < 2 {
            continue;
        }
        for (ci, tc) in total.cells.iter().enumerate() {
            let Some(tv) = tc.value.as_deref().and_then(crate::rules::parse_cell) else {
                continue;
            };
            let mut sum = 0.0;
            let mut complete = true;
            for r in &rows {
                match r.cells.get(ci).and_then(|c| c.value.as_deref()) {
                    Some(v) if v.trim() == "-" || v.trim() == "0" => {}
                    Some(v) => match crate::rules::parse_cell(v) {
                        Some(n) => sum += n,
                        None => complete = false,
                    },
                    None => complete = false,
                }
            }
            // Amounts converted from another currency are rounded row by row: their
            // sum may be off the total by up to half a unit a row (7,751,253 against
            // 7,751,254 over 30 rows). Counts are exact.
            let converted = t.columns.get(ci).is_some_and(|c| {
                let h = c.value.to_ascii_lowercase();
                h.contains("amount") || h.contains(['$', '\u{20ac}', '\u{a3}'])
            });
            let tolerance = if converted {
                0.5 * rows.len() as f64
            } else {
                0.5
            };
            if complete && (sum - tv).abs() > tolerance {
                let col = t
                    .columns
                    .get(ci)
                    .map(|c| format!(" in column \u{201c}{}\u{201d}", c.value))
                    .unwrap_or_default();
                out.push(
                    Diagnostic::new(
                        "sum-mismatch",
                        Severity::Warning,
                        tc.span,
                        format!(
                            "the rows add up to {}{col}, but the total row says {}",
                            fmt(sum),
                            fmt(tv)
                        ),
                    )
                    .with_help("correct the total or the rows"),
                );
            }
        }
    }
}

fn treaty_dates(facts: &[Fact], opts: &CrossOptions, out: &mut Vec<Diagnostic>) {
    let hi = |f: &&Fact| f.confidence == Confidence::High;
    // The deposits stated, each (subject, date, instrument) once, at its first mention:
    // a profile states the same deposit again and again, and a date derived from it is
    // measured against each distinct one, not against every mention (which made the
    // findings, and the memory they take, grow with the square of the facts).
    let mut deposits: Vec<(&str, Date, ConsentInstrument, &Fact)> = Vec::new();
    for dep in facts
        .iter()
        .filter(hi)
        .filter(|f| f.predicate == "treaty.deposit")
    {
        let Some(dd) = full_date(&dep.value) else {
            continue;
        };
        let inst = dep
            .instrument
            .as_deref()
            .and_then(|i| i.parse::<ConsentInstrument>().ok())
            .unwrap_or(ConsentInstrument::Ratification);
        if !deposits
            .iter()
            .any(|(s, d, i, _)| *s == dep.subject && *d == dd && *i == inst)
        {
            deposits.push((dep.subject.as_str(), dd, inst, dep));
        }
        if deposits.len() > 64 {
            break; // (no real profile states more; a hostile one is not read further)
        }
    }
    // A profile that states two deposit dates for one state, one of them the reference
    // data's, is measured from that one: the other is `contradicts-reference`'s and
    // `conflicting-figures`' already, and each date derived from it would be one more
    // finding of the same slip.
    let confirmed_stated = |subject: &str, dd: Date| {
        minewatch_refdata::mbt_status_of(subject)
            .and_then(|r| r.deposit_date)
            .is_some_and(|c| {
                c != dd && deposits.iter().any(|(s, d, _, _)| *s == subject && *d == c)
            })
    };
    let deposits: Vec<_> = deposits
        .iter()
        .copied()
        .filter(|&(s, dd, inst, _)| {
            // (An explicit date may win over Art. 17 for a succession.)
            inst != ConsentInstrument::Succession && !confirmed_stated(s, dd)
        })
        .collect();
    // Each stated date is reported once, against the first deposit it disagrees with.
    for f in facts.iter().filter(hi) {
        let p = f.predicate.as_str();
        if p != "treaty.entry_into_force"
            && p != "stockpile.destruction_deadline"
            && !(p == "clearance.deadline" && original_deadline(f))
        {
            continue;
        }
        let Some(stated) = full_date(&f.value) else {
            continue;
        };
        // An original Art. 5 deadline of a state whose deposit the profile does not
        // state is measured from its stated entry into force.
        if p == "clearance.deadline" && !deposits.iter().any(|x| x.0 == f.subject) {
            if let Some(d) = clearance_from_stated_eif(f, stated, facts) {
                out.push(d);
            }
            continue;
        }
        for &(subject, dd, inst, dep) in &deposits {
            if subject != f.subject {
                continue;
            }
            let eif = law_memo::entry_into_force(dd, inst);
            let Ok(eif) = eif.as_ref() else {
                continue;
            };
            let finding = match p {
                "treaty.entry_into_force" if stated != eif.date => Some(
                    Diagnostic::new(
                        "treaty-date-mismatch",
                        Severity::Error,
                        span(f),
                        format!(
                            "entry into force stated as {}, but {} gives {} from the {} deposited on {}",
                            stated.long(),
                            eif.article,
                            eif.date.long(),
                            inst,
                            dd.long()
                        ),
                    )
                    .with_related(span(dep), "deposit stated here")
                    .with_help(eif.explanation.clone()),
                ),
                "stockpile.destruction_deadline" => {
                    let d = law_memo::deadlines(dd, inst, opts.as_of);
                    let Ok(d) = d.as_ref() else { continue };
                    let want = &d.stockpile_destruction_deadline;
                    (stated != want.date).then(|| {
                        Diagnostic::new(
                            "treaty-date-mismatch",
                            Severity::Error,
                            span(f),
                            format!(
                                "stockpile destruction deadline stated as {}, but {} gives {} (four years after entry into force on {})",
                                stated.long(),
                                want.article,
                                want.date.long(),
                                d.entry_into_force.date.long()
                            ),
                        )
                        .with_related(span(dep), "deposit stated here")
                        .with_help(want.explanation.clone())
                    })
                }
                "clearance.deadline" => {
                    let d = law_memo::deadlines(dd, inst, opts.as_of);
                    let Ok(d) = d.as_ref() else { continue };
                    let want = &d.clearance_deadline;
                    (stated != want.date).then(|| {
                        clearance_mismatch(f, stated, want.date, d.entry_into_force.date)
                            .with_related(span(dep), "deposit stated here")
                            .with_help(want.explanation.clone())
                    })
                }
                _ => None,
            };
            if let Some(d) = finding {
                out.push(d);
                break;
            }
        }
    }
}

/// A clearance deadline the profile calls the original one ("its original Article 5
/// deadline", "its initial ..."), not one extended ("extended to", "its new deadline"):
/// only the original is ten years after entry into force (Art. 5.1); extensions are
/// granted (Art. 5.3-5.6), so a later deadline is no error.
fn original_deadline(f: &Fact) -> bool {
    let before = f.value_span[0]
        .checked_sub(f.span[0])
        .and_then(|i| f.quote.get(..i))
        .unwrap_or("")
        .to_ascii_lowercase();
    ["original", "initial"].iter().any(|w| before.contains(w))
        && !["extend", "extension", "new ", "revised", "current"]
            .iter()
            .any(|w| before.contains(w))
}

/// An original clearance deadline stated as `stated` where Art. 5.1 gives `want`.
fn clearance_mismatch(f: &Fact, stated: Date, want: Date, eif: Date) -> Diagnostic {
    Diagnostic::new(
        "treaty-date-mismatch",
        Severity::Error,
        span(f),
        format!(
            "original clearance deadline stated as {}, but Art. 5.1 gives {} (ten years after entry into force on {})",
            stated.long(),
            want.long(),
            eif.long()
        ),
    )
}

/// [`clearance_mismatch`] measured from the entry into force the profile states for
/// the same state (its first), where it states no deposit.
fn clearance_from_stated_eif(f: &Fact, stated: Date, facts: &[Fact]) -> Option<Diagnostic> {
    let (eif_fact, eif) = facts.iter().find_map(|e| {
        (e.predicate == "treaty.entry_into_force"
            && e.confidence == Confidence::High
            && e.subject == f.subject)
            .then(|| full_date(&e.value).map(|d| (e, d)))
            .flatten()
    })?;
    let want = eif.checked_add_years(10)?;
    (stated != want).then(|| {
        clearance_mismatch(f, stated, want, eif)
            .with_related(span(eif_fact), "entry into force stated here")
            .with_help(format!(
                "destroy all anti-personnel mines in mined areas under its jurisdiction or control not later than ten years after entry into force: {}",
                want.long()
            ))
    })
}

/// The law engine's answers remembered (on each thread, for a bounded number of
/// inputs): profiles state the same deposits again and again, and the answers come
/// with their explanations written out.
mod law_memo {
    use std::cell::RefCell;
    use std::rc::Rc;

    use minewatch_law::{ConsentInstrument, Deadlines, EntryIntoForce, LawError};
    use minewatch_model::Date;

    use crate::rules::FastMap;

    type Memo<K, V> = RefCell<FastMap<K, Rc<Result<V, LawError>>>>;

    /// How many answers each memo keeps before starting over.
    const MAX: usize = 4096;

    thread_local! {
        static EIF: Memo<(Date, &'static str), EntryIntoForce> = Default::default();
        static DEADLINES: Memo<(Date, &'static str, Date), Deadlines> = Default::default();
    }

    fn remember<K: std::hash::Hash + Eq, V>(
        memo: &Memo<K, V>,
        key: K,
        f: impl FnOnce() -> Result<V, LawError>,
    ) -> Rc<Result<V, LawError>> {
        if let Some(v) = memo.borrow().get(&key) {
            return v.clone();
        }
        let v = Rc::new(f());
        let mut m = memo.borrow_mut();
        if m.len() >= MAX {
            m.clear();
        }
        m.insert(key, v.clone());
        v
    }

    /// [`minewatch_law::entry_into_force`] without an explicit date.
    pub(super) fn entry_into_force(
        deposit: Date,
        inst: ConsentInstrument,
    ) -> Rc<Result<EntryIntoForce, LawError>> {
        EIF.with(|m| {
            remember(m, (deposit, inst.as_str()), || {
                minewatch_law::entry_into_force(deposit, inst, None)
            })
        })
    }

    /// [`minewatch_law::deadlines`] without an explicit entry into force or extensions.
    pub(super) fn deadlines(
        deposit: Date,
        inst: ConsentInstrument,
        as_of: Date,
    ) -> Rc<Result<Deadlines, LawError>> {
        DEADLINES.with(|m| {
            remember(m, (deposit, inst.as_str(), as_of), || {
                minewatch_law::deadlines(&minewatch_law::DeadlineInput {
                    deposit,
                    instrument: inst,
                    explicit_entry_into_force: None,
                    extensions: Vec::new(),
                    as_of,
                })
            })
        })
    }
}

/// A stated effective date of a withdrawal that Art. 20.3 rules out: one earlier than
/// six months after the deposit, or one later where nothing explains it. Art. 20.3
/// holds a withdrawal back past the six months only while the state is engaged in an
/// armed conflict, so a later date is not settled where the profile's words about the
/// withdrawal speak of a conflict or a war, or where the treaty status data give that
/// date. The finding points at the effective date where the extractor read it.
fn withdrawal_dates(doc: &Document, facts: &[Fact], out: &mut Vec<Diagnostic>) {
    for f in facts
        .iter()
        .filter(|f| f.predicate == "treaty.withdrawal" && f.confidence == Confidence::High)
    {
        let Some((dep, eff, w)) = art20_mismatch(doc, f) else {
            continue;
        };
        let message = if eff < w.six_months {
            format!(
                "withdrawal stated to take effect on {}, but {} gives {} at the earliest (six months after the deposit on {})",
                eff.long(),
                w.article,
                w.six_months.long(),
                dep.long()
            )
        } else {
            format!(
                "withdrawal stated to take effect on {}, but {} gives {} (six months after the deposit on {}); only an armed conflict, which the profile does not mention, would hold it back later",
                eff.long(),
                w.article,
                w.six_months.long(),
                dep.long()
            )
        };
        let mut d = Diagnostic::new(
            "treaty-date-mismatch",
            Severity::Error,
            f.date_span.map_or(span(f), |[a, b]| Span::new(a, b)),
            message,
        );
        if f.date_span.is_some() {
            d = d.with_related(span(f), "deposit stated here");
        }
        out.push(d.with_help(w.explanation));
    }
}

/// A withdrawal fact's (deposit, stated effective date, what Art. 20.3 gives) where the
/// effective date contradicts Art. 20.3 (see [`withdrawal_dates`]).
fn art20_mismatch(doc: &Document, f: &Fact) -> Option<(Date, Date, minewatch_law::Withdrawal)> {
    let dep = full_date(&f.value)?;
    let eff = Date::parse_iso(f.date.as_deref()?)?;
    let w = minewatch_law::withdrawal(dep, minewatch_law::ArmedConflict::None).ok()?;
    if eff == w.six_months {
        return None;
    }
    if eff > w.six_months {
        let confirmed = minewatch_refdata::mbt_status_of(&f.subject)
            .is_some_and(|r| r.withdrawal_effective_date == Some(eff));
        // The words about it: its sentence, and the next where the date stands there.
        let end = f.date_span.map_or(f.span[1], |d| d[1].max(f.span[1]));
        let words = doc
            .text
            .get(f.span[0]..end)
            .unwrap_or(&f.quote)
            .to_ascii_lowercase();
        let conflict = words.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            matches!(
                w,
                "conflict" | "conflicts" | "war" | "wars" | "hostilities" | "fighting"
            )
        });
        if confirmed || conflict {
            return None;
        }
    }
    Some((dep, eff, w))
}

fn interval(f: &Fact) -> Option<(f64, f64)> {
    let v = match f.value {
        Value::Number(v) => v,
        Value::Range([a, b]) => return Some((a, b)),
        Value::Text(_) => return None,
    };
    Some(match f.qualifier {
        Qualifier::Exact => (v, v),
        Qualifier::Approximately => (v * 0.9, v * 1.1),
        Qualifier::MoreThan => (v + f64::EPSILON * v.max(1.0), f64::INFINITY),
        Qualifier::AtLeast => (v, f64::INFINITY),
        Qualifier::LessThan => (f64::NEG_INFINITY, v - f64::EPSILON * v.max(1.0)),
        Qualifier::AtMost => (f64::NEG_INFINITY, v),
        Qualifier::Range => (v, v),
    })
}

const DATED_EVENTS: &[&str] = &[
    "treaty.signature",
    "treaty.deposit",
    "treaty.entry_into_force",
    "treaty.withdrawal",
];

/// (predicate, subject, as_of, mine type, unit, column, casualty kind, recipient, who
/// counted)
type GroupKey<'a> = (
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    Cow<'a, str>,
);

/// Who counted a casualty figure, as its clause says: the Monitor itself or nobody
/// named (`""`), the state (`"state"`: its government, a ministry, the state by name,
/// "reported by Turkey"), or another body (`"other:<its last word>"`: "The National
/// Agency for Mine Action (ANAMA) recorded", "the database of SPADO, which
/// included"). Profiles set the state's and other bodies' counts beside the Monitor's
/// on purpose ("The government of Turkey reported 106 mine casualties ... for 2011"
/// beside the Monitor's 59): each is compared with the same counter's only.
fn counted_by(f: &Fact) -> Cow<'static, str> {
    let lower = f.quote.to_ascii_lowercase();
    let mut at = f.value_span[0].saturating_sub(f.span[0]).min(lower.len());
    // Parentheses that hold figures or clauses ("(29 killed; 186 injured)") are set
    // aside, kept in place as spaces; a figure inside them is counted by whoever
    // counted the figure they follow. Those that hold a name stay ("(ANAMA)").
    let mut s = lower.into_bytes();
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'(' {
            let end = s[i..]
                .iter()
                .position(|&c| c == b')')
                .map_or(s.len() - 1, |k| i + k);
            if s[i..=end].iter().any(|c| c.is_ascii_digit() || *c == b';') {
                if (i..=end).contains(&at) {
                    at = i;
                }
                s[i..=end].fill(b' ');
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
    // Bytes replaced whole (a character inside a parenthesis became spaces), so
    // this never fails; a failure would only lose the counter.
    let Ok(s) = String::from_utf8(s) else {
        return Cow::Borrowed("");
    };
    let at = (0..=at.min(s.len()))
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0);
    let (before, after) = s.split_at(at);
    let after = &after[..after.find([';', '.']).unwrap_or(after.len())];
    // The clause of the figure first: "The Monitor identified 57, while Turkey
    // reported 215" counts the two apart; a clause that names no counter shares the
    // sentence's ("... the 83 mine casualties Turkey reported for 2009, but was still
    // lower than the 158 mine casualties reported for 2008").
    let clause_start = [", while ", ", whereas ", ", but "]
        .iter()
        .filter_map(|b| before.rfind(b).map(|k| k + b.len()))
        .max()
        .unwrap_or(0);
    counter_named(&before[clause_start..], after, &f.subject)
        .or_else(|| {
            (clause_start > 0)
                .then(|| counter_named(before, "", &f.subject))
                .flatten()
        })
        .unwrap_or(Cow::Borrowed(""))
}

/// The counter a clause names for the figure between `before` and `after` (both
/// lowercase, the figure's own parentheses blanked), if it names one.
fn counter_named(before: &str, after: &str, subject: &str) -> Option<Cow<'static, str>> {
    const VERBS: [&str; 9] = [
        " reported",
        " recorded",
        " registered",
        " identified",
        " documented",
        " counted",
        ", which included",
        // "A media report provides slightly different figures for casualties in 2017,
        // where 193 people were killed and injured"
        " provides",
        " provided",
    ];
    // "215 casualties ... were reported by Turkey", "158 mine casualties reported by
    // Turkey for 2008": the counter after the figure.
    for v in [
        "reported by ",
        "recorded by ",
        "registered by ",
        "identified by ",
    ] {
        if let Some(k) = after.find(v) {
            let agent = after[k + v.len()..]
                .split([',', ';', '.'])
                .next()
                .unwrap_or("");
            let agent = agent.split(" for ").next().unwrap_or("");
            let agent = agent.split(" in ").next().unwrap_or("");
            return counter_class(agent, subject);
        }
    }
    // "the 104 mine casualties Turkey reported for 2010": a counter named between the
    // figure's noun and its verb.
    if let Some(k) = after.find(" reported") {
        let words: Vec<&str> = after[..k].split_whitespace().collect();
        if let Some(i) = words.iter().rposition(|w| w.starts_with("casualt")) {
            let tail = &words[i + 1..];
            if (1..=4).contains(&tail.len()) && !matches!(tail[0], "were" | "was" | "had" | "have")
            {
                return counter_class(&tail.join(" "), subject);
            }
        }
    }
    // "The government of Turkey reported 106 mine casualties", "For 2017, Morocco
    // reported 19", "ANAMA recorded eight casualties": the subject of the verb before
    // the figure.
    let k = VERBS.iter().filter_map(|v| before.rfind(v)).max()?;
    let agent = &before[..k];
    if before[k..].starts_with(", which included") {
        let d = agent.rfind("database of ")?;
        return counter_class(&agent[d + "database of ".len()..], subject);
    }
    // After a leading date or clause ("For 2017, ", "In 2016, ").
    counter_class(agent.rsplit(", ").next().unwrap_or(agent), subject)
}

/// The class of a counter named by `agent` (lowercase): `""` for the Monitor,
/// `"state"`, `"other:<last word>"`; `None` where the words name no one (a figure's
/// own noun phrase: "the 24 casualties identified for 2012").
fn counter_class(agent: &str, subject: &str) -> Option<Cow<'static, str>> {
    if agent.contains("monitor") || agent.contains("analysis") {
        return Some(Cow::Borrowed(""));
    }
    let words: Vec<&str> = agent
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | '\u{2019}' | '\''))
        .filter(|w| !w.is_empty() && *w != "s")
        .collect();
    // Only the words after a figure or its noun ("the 83 mine casualties Turkey").
    let from = words
        .iter()
        .rposition(|w| w.bytes().any(|c| c.is_ascii_digit()) || w.starts_with("casualt"))
        .map_or(0, |i| i + 1);
    let words = &words[from..];
    let last = *words.last()?;
    if words
        .iter()
        .any(|w| matches!(*w, "government" | "ministry" | "authorities"))
    {
        return Some(Cow::Borrowed("state"));
    }
    // The state by name: its last one to four words.
    for n in 1..=words.len().min(4) {
        let name = words[words.len() - n..].join(" ");
        if minewatch_refdata::resolve_state(&name).is_some_and(|st| st.iso3 == subject) {
            return Some(Cow::Borrowed("state"));
        }
    }
    if matches!(
        last,
        "it" | "they"
            | "which"
            | "that"
            | "and"
            | "were"
            | "was"
            | "been"
            | "be"
            | "people"
            | "persons"
            | "survivors"
            | "victims"
    ) {
        return None;
    }
    Some(Cow::Owned(format!("other:{last}")))
}

/// The figures whose counter ([`counted_by`]) keeps them apart: casualties.
fn key_predicate_counted(p: &str) -> bool {
    p == "casualties"
}

fn conflicting(doc: &Document, facts: &[Fact], out: &mut Vec<Diagnostic>) {
    // The paragraph a fact stands in (paragraphs are in text order); a table (a
    // "key data" box above the text) is a paragraph of its own.
    let paragraph = |f: &Fact| {
        let at = f.span[0];
        let i = doc.paragraphs.partition_point(|p| p.span.end <= at);
        if doc.paragraphs.get(i).is_some_and(|p| p.span.start <= at) {
            return i;
        }
        doc.paragraphs.len()
            + doc
                .tables
                .iter()
                .position(|t| t.span.start <= at && at < t.span.end)
                .unwrap_or(doc.tables.len())
    };
    // Whether `f` is the largest figure of its group in its paragraph.
    let paragraph_total = |f: &Fact, g: &[(GroupKey, &Fact)]| {
        let top = |x: &Fact| interval(x).map_or(f64::NEG_INFINITY, |(_, hi)| hi);
        let p = paragraph(f);
        g.iter()
            .filter(|(_, o)| paragraph(o) == p)
            .all(|(_, o)| top(o) <= top(f))
    };
    // Grouped by sorting (stable: in text order within a group), groups in key order.
    let mut groups: Vec<(GroupKey, &Fact)> = Vec::new();
    for f in facts.iter().filter(|f| f.confidence == Confidence::High) {
        let dated = DATED_EVENTS.contains(&f.predicate.as_str());
        let numeric = matches!(f.value, Value::Number(_) | Value::Range(_));
        if !(dated || numeric) {
            continue;
        }
        if numeric && f.as_of.as_deref().is_none_or(|a| a.contains('/')) {
            continue; // a figure for no stated time, or for a period, cannot be compared
        }
        let key = (
            f.predicate.as_str(),
            f.subject.as_str(),
            if dated {
                ""
            } else {
                f.as_of.as_deref().unwrap_or_default()
            },
            f.mine_type.as_deref().unwrap_or_default(),
            f.unit.as_deref().unwrap_or_default(),
            f.column.as_deref().unwrap_or_default(),
            // The killed and the injured are not two counts of the same.
            f.casualty.as_deref().unwrap_or_default(),
            // A donor's money for one state is not its money for another, nor its
            // total.
            f.recipient.as_deref().unwrap_or_default(),
            // Nor are the state's count and the Monitor's.
            if key_predicate_counted(&f.predicate) {
                counted_by(f)
            } else {
                Cow::Borrowed("")
            },
        );
        groups.push((key, f));
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    // The same figure by every counter: a paragraph's total is its largest whoever
    // counted it (UNMAS's 22 above the 17 "known in detail" leaves 17 a part).
    let same_but_counter = |a: &GroupKey, b: &GroupKey| {
        (a.0, a.1, a.2, a.3, a.4, a.5, a.6, a.7) == (b.0, b.1, b.2, b.3, b.4, b.5, b.6, b.7)
    };
    for wide in groups.chunk_by(|a, b| same_but_counter(&a.0, &b.0)) {
        for g in wide.chunk_by(|a, b| a.0 == b.0) {
            let key = &g[0].0;
            // The same value (and qualifier) stated again and again clashes nowhere (unless
            // its interval is empty, so that it clashes with itself): a profile repeating
            // itself is not compared pair by pair.
            let first = g[0].1;
            let clashes_with_itself =
                !DATED_EVENTS.contains(&key.0) && interval(first).is_some_and(|(lo, hi)| hi < lo);
            if !clashes_with_itself
                && g.iter()
                    .all(|(_, f)| f.value == first.value && f.qualifier == first.qualifier)
            {
                continue;
            }
            'pairs: for (i, (_, a)) in g.iter().enumerate() {
                for (_, b) in &g[i + 1..] {
                    if a.span == b.span {
                        continue;
                    }
                    // Casualties and money are broken down by who, where, how and to whom
                    // ("The majority of casualties (156) were male", "$16.2 million to
                    // Cambodia"): a paragraph's total for a year is its largest figure for
                    // it, the others its parts. Only totals are compared.
                    if matches!(key.0, "casualties" | "spending" | "support.received")
                        && (!paragraph_total(a, wide) || !paragraph_total(b, wide))
                    {
                        continue;
                    }
                    let clash = if DATED_EVENTS.contains(&key.0) {
                        match (full_date(&a.value), full_date(&b.value)) {
                            (Some(x), Some(y)) => x != y,
                            _ => false,
                        }
                    } else {
                        match (interval(a), interval(b)) {
                            (Some((a0, a1)), Some((b0, b1))) => a1 < b0 || b1 < a0,
                            _ => false,
                        }
                    };
                    if clash {
                        let when = if key.2.is_empty() {
                            String::new()
                        } else {
                            format!(" for {}", key.2)
                        };
                        out.push(
                            Diagnostic::new(
                                "conflicting-figures",
                                Severity::Warning,
                                span(b),
                                format!(
                                    "{} ({}){when} is stated as {} here but as {} on line {}",
                                    what_is_stated(a),
                                    key.0,
                                    show(b),
                                    show(a),
                                    a.line
                                ),
                            )
                            .with_related(span(a), "first stated here")
                            .with_help("make the figures agree, or say which is for which time"),
                        );
                        break 'pairs;
                    }
                }
            }
        }
    }
}

/// What a fact states, in words, for a message: "the deposit of its instrument", "the
/// killed", "the stockpile of PMN-2 mines".
fn what_is_stated(f: &Fact) -> String {
    let of_type = |what: &str| match &f.mine_type {
        Some(t) => format!("{what} of {t} mines"),
        None => what.to_string(),
    };
    match f.predicate.as_str() {
        "treaty.signature" => "the signature".into(),
        "treaty.deposit" => "the deposit of its instrument".into(),
        "treaty.entry_into_force" => "the entry into force".into(),
        "treaty.withdrawal" => "the withdrawal".into(),
        "stockpile.destruction_completed" => "the completion of stockpile destruction".into(),
        "stockpile.destruction_deadline" => "the stockpile destruction deadline".into(),
        "clearance.deadline" => "the clearance deadline".into(),
        "stockpile.total" => "the stockpile".into(),
        "stockpile.by_type" => of_type("the stockpile"),
        "stockpile.destroyed" => of_type("the number of stockpiled mines destroyed"),
        "retained.total" => "the number of mines retained".into(),
        "casualties" => match f.casualty.as_deref() {
            Some("killed") => "the number killed".into(),
            Some("injured") => "the number injured".into(),
            Some("unknown") => "the number of casualties of unknown outcome".into(),
            _ => "the number of casualties".into(),
        },
        "production.quantity" => "the number produced".into(),
        "transfer.quantity" => "the number transferred".into(),
        "spending" => "the amount".into(),
        other => other.to_string(),
    }
}

fn show(f: &Fact) -> String {
    let q = match f.qualifier {
        Qualifier::Exact | Qualifier::Range => "",
        Qualifier::Approximately => "approximately ",
        Qualifier::MoreThan => "more than ",
        Qualifier::AtLeast => "at least ",
        Qualifier::LessThan => "less than ",
        Qualifier::AtMost => "at most ",
    };
    let v = match &f.value {
        Value::Number(v) => fmt(*v),
        Value::Range([a, b]) => format!("{}\u{2013}{}", fmt(*a), fmt(*b)),
        Value::Text(t) => t.clone(),
    };
    format!(
        "{q}{v}{}",
        f.unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default()
    )
}

/// A UN General Assembly roll call on a landmine resolution.
struct RollCall {
    resolution: String,
    session: u32,
    date: Date,
    yes: u32,
    no: u32,
    abstain: u32,
    /// The yearly resolution on the Mine Ban Treaty ("Implementation of the Convention ...").
    treaty: bool,
}

struct Unga {
    calls: Vec<RollCall>,
    /// iso2 -> resolution -> vote, borrowed from the compiled-in table.
    votes: BTreeMap<Text, BTreeMap<Text, Text>>,
}

/// A field of the compiled-in vote table: borrowed where it stands.
type Text = Cow<'static, str>;

/// The vote table's rows as (resolution, country code, vote). A line without quotes is
/// split where it stands (the shipped table has none: 4,400 rows read on a process's
/// first check, no string made for them); a table with quoted fields is read by the
/// full CSV reader.
fn vote_rows(text: &'static str) -> Option<Vec<(Text, Text, Text)>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if memchr::memchr(b'"', text.as_bytes()).is_some() {
        let t = Table::parse("data/unga/mbt_unga_votes_by_country.csv", text).ok()?;
        let (r, c, v) = (
            t.col("resolution").ok()?,
            t.col("country_code").ok()?,
            t.col("vote").ok()?,
        );
        return Some(
            t.records
                .into_iter()
                .map(|rec| {
                    let mut f = rec.fields;
                    let owned = |s: &mut String| Cow::Owned(std::mem::take(s));
                    (owned(&mut f[r]), owned(&mut f[c]), owned(&mut f[v]))
                })
                .collect(),
        );
    }
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next()?.split(',').collect();
    let col = |n: &str| header.iter().position(|h| *h == n);
    let (r, c, v) = (col("resolution")?, col("country_code")?, col("vote")?);
    let mut out = Vec::with_capacity(text.len() / 48);
    for line in lines.filter(|l| !l.is_empty()) {
        // The wanted fields picked on the way: no list of fields made per line.
        let (mut fr, mut fc, mut fv, mut n, mut from) = ("", "", "", 0, 0);
        let commas = line.bytes().enumerate().filter(|&(_, b)| b == b',');
        for end in commas.map(|(i, _)| i).chain([line.len()]) {
            let field = &line[from..end];
            if n == r {
                fr = field;
            }
            if n == c {
                fc = field;
            }
            if n == v {
                fv = field;
            }
            n += 1;
            from = end + 1;
        }
        if n != header.len() {
            return None;
        }
        out.push((Cow::Borrowed(fr), Cow::Borrowed(fc), Cow::Borrowed(fv)));
    }
    Some(out)
}

fn unga() -> Option<&'static Unga> {
    static U: OnceLock<Option<Unga>> = OnceLock::new();
    U.get_or_init(|| {
        let rc = Table::parse(
            "data/unga/mbt_unga_roll_calls.csv",
            minewatch_refdata::UNGA_ROLL_CALLS_CSV,
        )
        .ok()?;
        let (r, s, d, y, n, a, ds) = (
            rc.col("resolution").ok()?,
            rc.col("session").ok()?,
            rc.col("date_dataset").ok()?,
            rc.col("yes").ok()?,
            rc.col("no").ok()?,
            rc.col("abstain").ok()?,
            rc.col("descr").ok()?,
        );
        let mut calls = Vec::new();
        for rec in &rc.records {
            let f = &rec.fields;
            calls.push(RollCall {
                resolution: f[r].clone(),
                session: f[s].parse().ok()?,
                date: f[d].parse().ok()?,
                yes: f[y].parse().ok()?,
                no: f[n].parse().ok()?,
                abstain: f[a].parse().ok()?,
                treaty: f[ds].starts_with("Implementation of the Convention"),
            });
        }
        let mut votes: BTreeMap<Text, BTreeMap<Text, Text>> = BTreeMap::new();
        for (res, country, vote) in vote_rows(minewatch_refdata::UNGA_VOTES_CSV)? {
            votes.entry(country).or_default().insert(res, vote);
        }
        Some(Unga { calls, votes })
    })
    .as_ref()
}

fn reference(doc: &Document, facts: &[Fact], out: &mut Vec<Diagnostic>) {
    // What the profile can speak of: up to its last update, or, without one (a page
    // cut above its title), the latest year it names. A profile of 2010 saying a
    // state "abstained on every resolution since 1998" says nothing of 2013's.
    // (As (year, month, day); a year or a month alone reaches to its end.)
    let horizon = doc
        .header
        .last_updated
        .as_ref()
        .map(|d| (d.value.year(), d.value.month(), d.value.day()))
        .or_else(|| latest_named(facts));
    for f in facts.iter().filter(|f| f.confidence == Confidence::High) {
        match f.predicate.as_str() {
            "unga.vote" => unga_vote(f, horizon, out),
            "treaty.signature" | "treaty.deposit" | "treaty.entry_into_force" => {
                treaty_status(f, out)
            }
            "treaty.withdrawal" => withdrawal_status(doc, f, out),
            _ => {}
        }
    }
}

/// The latest time the facts name (their `as_of`, a period by its end), as (year,
/// month, day); a year or a month alone reaches to its end. Deadlines are times ahead,
/// not the profile's.
fn latest_named(facts: &[Fact]) -> Option<(i32, u8, u8)> {
    facts
        .iter()
        .filter(|f| !f.predicate.ends_with("deadline"))
        .filter_map(|f| f.as_of.as_deref())
        .flat_map(|a| a.split('/'))
        .filter_map(|p| {
            let mut parts = p.split('-').map(|x| x.parse::<u32>().ok());
            let y = i32::try_from(parts.next()??).ok()?;
            let m = parts.next().flatten().unwrap_or(12);
            let d = parts.next().flatten().unwrap_or(31);
            Some((y, u8::try_from(m).ok()?, u8::try_from(d).ok()?))
        })
        .max()
}

fn unga_vote(f: &Fact, horizon: Option<(i32, u8, u8)>, out: &mut Vec<Diagnostic>) {
    let (Some(u), Some(vote)) = (unga(), f.vote.as_deref()) else {
        return;
    };
    let Some(state) = crate::rules::resolve_state(&f.subject) else {
        return;
    };
    let by_res = u.votes.get(state.iso2.as_str());
    let vote_of = |res: &str| by_res.and_then(|m| m.get(res)).map(|v| &**v);
    let word = |v: &str| match v {
        "abstain" => "abstained on",
        "yes" => "voted for",
        _ => "voted against",
    };
    match (f.resolution.as_deref(), f.since) {
        (Some("all"), Some(since)) => {
            let treaty: Vec<&RollCall> = u.calls.iter().filter(|c| c.treaty).collect();
            let until = f.until.unwrap_or(i32::MAX);
            let known = |c: &RollCall| {
                horizon.is_none_or(|h| (c.date.year(), c.date.month(), c.date.day()) <= h)
            };
            let period = match f.until {
                Some(u) => format!("from {since} to {u}"),
                None => format!("since {since}"),
            };
            // A treaty resolution in the period with a different vote.
            for c in treaty
                .iter()
                .filter(|c| c.date.year() >= since && c.date.year() <= until && known(c))
            {
                if let Some(v) = vote_of(&c.resolution) {
                    if v != vote {
                        out.push(Diagnostic::new(
                            "contradicts-reference",
                            Severity::Warning,
                            span(f),
                            format!(
                                "the profile says {} {} every treaty resolution {period}, but the UNGA vote record shows it {} Resolution {} ({})",
                                state.name, word(vote), word(v), c.resolution, c.date.year()
                            ),
                        ).with_help("source: UNGA voting data (Voeten et al.), data/unga/"));
                        return;
                    }
                }
            }
            // The same vote on an earlier treaty resolution: "since" understates.
            if f.until.is_some() {
                return;
            }
            if let Some(c) = treaty
                .iter()
                .filter(|c| c.date.year() < since)
                .max_by_key(|c| c.date)
            {
                if vote_of(&c.resolution) == Some(vote) {
                    // At the words to change ("since 1998"), where they were read.
                    out.push(
                        Diagnostic::new(
                            "contradicts-reference",
                            Severity::Warning,
                            f.date_span.map_or(span(f), |[a, b]| Span::new(a, b)),
                            format!(
                                "the profile says {} has {} every treaty resolution since {since}, but the UNGA vote record shows it {} the treaty resolution in {} too (Resolution {})",
                                state.name, word(vote), word(vote), c.date.year(), c.resolution
                            ),
                        )
                        .with_help(format!("say \u{201c}since {}\u{201d}; source: UNGA voting data (Voeten et al.), data/unga/", c.date.year())),
                    );
                }
            }
        }
        (Some(res), _) => {
            let Some(c) = u.calls.iter().find(|c| {
                c.resolution == res
                    || (c.resolution.starts_with(res) && c.resolution.len() == res.len() + 1)
            }) else {
                return;
            };
            if let Some(v) = vote_of(&c.resolution) {
                if v != vote {
                    out.push(Diagnostic::new(
                        "contradicts-reference",
                        Severity::Warning,
                        span(f),
                        format!(
                            "the profile says {} {} Resolution {}, but the UNGA vote record shows it {} it",
                            state.name, word(vote), res, word(v)
                        ),
                    ));
                }
            }
            // The dataset's dates for sessions 53–57 are not the plenary dates: not comparable.
            if let Some(d) = f
                .date
                .as_deref()
                .filter(|_| !(53..=57).contains(&c.session))
            {
                let (y, m) = (
                    d.get(0..4).and_then(|y| y.parse::<i32>().ok()),
                    d.get(5..7).and_then(|m| m.parse::<u8>().ok()),
                );
                let bad = match (y, m) {
                    (Some(y), Some(m)) => y != c.date.year() || m != c.date.month(),
                    (Some(y), None) => y != c.date.year(),
                    _ => false,
                };
                if bad {
                    out.push(Diagnostic::new(
                        "contradicts-reference",
                        Severity::Warning,
                        span(f),
                        format!(
                            "Resolution {} was voted on {}, not in {d}",
                            c.resolution,
                            c.date.long()
                        ),
                    ));
                }
            }
            if let Some(n) = f.one_of {
                let count = match vote {
                    "abstain" => c.abstain,
                    "yes" => c.yes,
                    _ => c.no,
                };
                if count != n {
                    out.push(Diagnostic::new(
                        "contradicts-reference",
                        Severity::Warning,
                        span(f),
                        format!("the profile says one of {n} states, but the record for Resolution {} counts {count}", c.resolution),
                    ));
                }
            }
        }
        _ => {}
    }
}

fn treaty_status(f: &Fact, out: &mut Vec<Diagnostic>) {
    let Some(stated) = full_date(&f.value) else {
        return;
    };
    let Some(row) = minewatch_refdata::mbt_status_of(&f.subject) else {
        return;
    };
    let (known, what) = match f.predicate.as_str() {
        "treaty.signature" => (row.signature_date, "signature"),
        "treaty.deposit" => (row.deposit_date, "deposit of its instrument"),
        _ => (row.entry_into_force, "entry into force"),
    };
    let Some(known) = known else { return };
    if known != stated {
        out.push(status_differs(f, row, what, stated, known));
    }
}

/// A treaty date stated otherwise than the treaty status data give it.
fn status_differs(
    f: &Fact,
    row: &minewatch_refdata::MbtStatusRow,
    what: &str,
    stated: Date,
    known: Date,
) -> Diagnostic {
    Diagnostic::new(
        "contradicts-reference",
        Severity::Warning,
        span(f),
        format!(
            "{what} stated as {}, but the treaty status data give {} for {}",
            stated.long(),
            known.long(),
            row.name
        ),
    )
    .with_help(format!("source: {}", row.source_url))
}

/// A withdrawal's stated deposit and effective dates against the treaty status data,
/// where the data have them. Only a sentence that speaks of the deposit itself ("deposited",
/// "instrument of withdrawal", "notification") is compared: an announcement is dated
/// otherwise. A state the data show with no withdrawal is not settled (the data may
/// predate it).
fn withdrawal_status(doc: &Document, f: &Fact, out: &mut Vec<Diagnostic>) {
    let Some(row) = minewatch_refdata::mbt_status_of(&f.subject) else {
        return;
    };
    let Some(known) = row.withdrawal_deposit_date else {
        return;
    };
    let q = f.quote.to_ascii_lowercase();
    let deposit = [
        "deposit",
        "instrument of withdrawal",
        "notification",
        "notified",
    ]
    .iter()
    .any(|w| q.contains(w));
    let announced = ["announce", "intention", "decided", "decision"]
        .iter()
        .any(|w| q.contains(w));
    let mut differ = |what: &str, stated: Date, known: Date| {
        out.push(status_differs(f, row, what, stated, known));
    };
    if let Some(stated) = full_date(&f.value).filter(|_| deposit && !announced) {
        if stated != known {
            differ("withdrawal deposited", stated, known);
            return;
        }
    }
    // An effective date Art. 20.3 rules out is `treaty-date-mismatch`'s (one finding).
    if let (Some(stated), Some(known)) = (
        f.date.as_deref().and_then(Date::parse_iso),
        row.withdrawal_effective_date,
    ) {
        if stated != known && art20_mismatch(doc, f).is_none() {
            differ("withdrawal effective", stated, known);
        }
    }
}

/// `as of <date>` older than the threshold before the profile's time: its last
/// update; without one (a page cut above its title, an archived chapter), the latest
/// date it names (its facts' first, deadlines aside, else its prose's), else `--as-of`
/// (also where the last update is after it). A profile that is stale as a whole is
/// `stale-profile`'s, once; this finds the figures an update left behind. (An undated
/// chapter of 2000 saying "as of March 2000" is not stale for being read in 2026.)
fn stale(
    doc: &Document,
    body: Span,
    facts: &[Fact],
    opts: &CrossOptions,
    out: &mut Vec<Diagnostic>,
) {
    let updated = doc
        .header
        .last_updated
        .as_ref()
        .map(|d| d.value)
        .filter(|d| *d <= opts.as_of);
    let named = if updated.is_none() {
        latest_named(facts)
            .or_else(|| {
                // No fact dated: the latest date the prose names (a year by its end).
                doc.paragraphs
                    .iter()
                    .filter(|p| body.contains(p.span))
                    .flat_map(|p| crate::text::dates(&p.text))
                    .filter_map(|d| {
                        Some((d.year, d.month.unwrap_or(12), d.day.unwrap_or(31)))
                            .filter(|x| x.1 >= 1 && x.1 <= 12)
                    })
                    .max()
            })
            .and_then(|(y, m, d)| {
                let d = (d as u32).min(minewatch_model::days_in_month(y, m) as u32);
                Date::new(y, m as u32, d).ok().filter(|x| *x < opts.as_of)
            })
    } else {
        None
    };
    let reference = updated.or(named).unwrap_or(opts.as_of);
    // (Written out only for a finding: most profiles have none.)
    let before = || match (updated, named) {
        (Some(d), _) => format!("the profile's last update ({})", d.long()),
        (None, Some(d)) => format!("the latest date the profile names ({})", d.long()),
        (None, None) => opts.as_of.long(),
    };
    for p in &doc.paragraphs {
        if !body.contains(p.span) {
            continue;
        }
        for k in after_as_of(&p.text) {
            let i = k - "as of ".len();
            // The date right after (what `dates` finds first, when it starts there).
            let Some(d) = date_at_start(&p.text[k..]) else {
                continue;
            };
            // The end of the period written.
            let end = match (d.month, d.day) {
                (Some(m), Some(day)) => Date::new(d.year, m as u32, day as u32).ok(),
                (Some(m), None) => Date::new(
                    d.year,
                    m as u32,
                    minewatch_model::days_in_month(d.year, m) as u32,
                )
                .ok(),
                _ => Date::new(d.year, 12, 31).ok(),
            };
            let Some(end) = end else { continue };
            // A figure for a calendar year's end is the newest annual figure until the
            // next year's report was due (Art. 7.2: by 30 April, covering the year
            // before): "as of 31 December 2024" in a profile of February 2026 is as new
            // as any then.
            if end.month() == 12 && end.day() == 31 {
                let next_due = Date::new(end.year().saturating_add(2), 4, 30).ok();
                if next_due.is_some_and(|due| reference <= due) {
                    continue;
                }
            }
            // A threshold past the calendar's end (or past i32::MAX months) is never
            // reached: not stale.
            let months = i32::try_from(opts.stale_after_months).unwrap_or(i32::MAX);
            if end
                .checked_add_months(months)
                .is_some_and(|t| t < reference)
            {
                let months = end.months_until(reference);
                out.push(
                    Diagnostic::new(
                        "stale-as-of",
                        Severity::Warning,
                        Span::new(p.span.start + i, p.span.start + k + d.end),
                        format!("\u{201c}as of {}\u{201d} is {months} months before {}", &p.text[k..k + d.end], before()),
                    )
                    .with_help(if end.month() == 12 && end.day() == 31 {
                        format!(
                            "update the figure: the annual report covering {} was due by 30 April {} (Art. 7.2); keep it if nothing newer exists (threshold: {} months)",
                            end.year() + 1,
                            end.year() + 2,
                            opts.stale_after_months
                        )
                    } else {
                        format!("update the figure, or keep it if nothing newer exists (threshold: {} months)", opts.stale_after_months)
                    }),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    /// [`after_as_of`] as first found: a lowercase copy searched for "as of ".
    fn after_as_of_plain(text: &str) -> Vec<usize> {
        let l = text.to_ascii_lowercase();
        let finder = memchr::memmem::Finder::new("as of ");
        let mut out = Vec::new();
        let mut k = 0;
        while let Some(i) = finder.find(&l.as_bytes()[k..]).map(|i| i + k) {
            k = i + 6;
            out.push(k);
        }
        out
    }

    proptest::proptest! {
        /// Every "as of " is found where the lowercase copy had it, in any case.
        #[test]
        fn as_of_is_found_as_in_the_lowercase_copy(
            text in "(as of |As Of |AS OF|aS oF |has of|as  of|as of|of |f |F|\u{e9}|a|s| |o|f|\\.|1 May 2020){0,16}",
        ) {
            proptest::prop_assert_eq!(super::after_as_of(&text), after_as_of_plain(&text));
        }
    }

    use super::*;

    /// The vote table's rows, split where they stand or read by the full CSV reader
    /// when a field is quoted: the same (resolution, country code, vote) either way.
    #[test]
    fn vote_rows_with_and_without_quotes() {
        let plain = "resolution,date_dataset,rcid,country,country_code,vote\n\
                     51/45S,1996-12-03,3994,Afghanistan,AF,yes\n\
                     51/45S,1996-12-03,3994,Korea Republic of,KR,abstain\n";
        let quoted = "resolution,date_dataset,rcid,country,country_code,vote\n\
                      51/45S,1996-12-03,3994,Afghanistan,AF,yes\n\
                      51/45S,1996-12-03,3994,\"Korea, Republic of\",KR,abstain\n";
        let want = vec![
            ("51/45S".into(), "AF".into(), "yes".into()),
            ("51/45S".into(), "KR".into(), "abstain".into()),
        ];
        assert_eq!(vote_rows(plain), Some(want.clone()));
        assert_eq!(vote_rows(quoted), Some(want));
        assert!(matches!(vote_rows(plain).unwrap()[0].0, Cow::Borrowed(_)));
        // A row with a field too many is refused, not misread.
        assert_eq!(
            vote_rows("resolution,country_code,vote\n1,AF,yes,extra\n"),
            None
        );
        // The shipped table: every row read, borrowed.
        let rows = vote_rows(minewatch_refdata::UNGA_VOTES_CSV).unwrap();
        assert_eq!(
            rows.len(),
            minewatch_refdata::UNGA_VOTES_CSV.lines().count() - 1
        );
        assert!(rows.iter().all(|r| matches!(r.1, Cow::Borrowed(_))));
    }
}
