//! Diagnostics kept up to a number per code as they are made: a pathological file
//! (a million lost headings) must not hold a million findings nobody will read.

use minewatch_model::{Diagnostic, Severity, Span};

/// How many diagnostics of one code a file lists by default ([`Listed`]): far more
/// than any real profile has, far fewer than a pathological file can make.
pub const DEFAULT_MAX_PER_CODE: usize = 1000;

/// Diagnostics as they come, keeping of each code the first `max` by position (ties
/// in the order they came), and counting every one. What [`Listed::finish`] returns
/// is what sorting them all by position and listing the first `max` of each code
/// would give, plus one `too-many-diagnostics` note per code that had more, where
/// the first unlisted one stands; it holds at most twice `max` of a code at a time.
/// `max` 0 keeps everything.
pub struct Listed {
    max: usize,
    levels: Levels,
    /// Every diagnostic pushed so far gets the next number: ties in position are
    /// broken by it, as a stable sort would.
    seq: u64,
    codes: Vec<CodeList>,
    errors: usize,
    warnings: usize,
}

/// What a caller makes of some codes (`check --allow`, `--deny`): an allowed code is
/// dropped before it is counted; a denied one, or any warning when `deny_warnings`,
/// counts as an error. Codes are names of [`crate::CODES`] (see [`Levels::code`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Levels {
    pub allow: Vec<&'static str>,
    pub deny: Vec<&'static str>,
    pub deny_warnings: bool,
}

impl Levels {
    /// The code named `name` among [`crate::CODES`] (the `too-many-diagnostics` note
    /// is no finding and has no level), or the reason it is not one.
    pub fn code(name: &str) -> Result<&'static str, String> {
        Levels::codes()
            .find(|c| *c == name)
            .ok_or_else(|| format!("`{name}` is not a diagnostic code"))
    }

    /// The codes a level can be set for: every finding's (not the note that counts
    /// unlisted ones).
    pub fn codes() -> impl Iterator<Item = &'static str> {
        crate::CODES
            .iter()
            .map(|c| c.0)
            .filter(|c| *c != "too-many-diagnostics")
    }

    fn is_default(&self) -> bool {
        self.allow.is_empty() && self.deny.is_empty() && !self.deny_warnings
    }
}

struct CodeList {
    code: &'static str,
    kept: Vec<(u64, Diagnostic)>,
    total: usize,
    /// The first (by position, then order) of the ones left out so far.
    first_out: Option<(usize, u64, Span)>,
}

/// What a file's diagnostics come to: those listed, sorted by position, and how many
/// errors and warnings there were in all (listed or not).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub diagnostics: Vec<Diagnostic>,
    pub errors: usize,
    pub warnings: usize,
}

impl Listed {
    pub fn new(max: usize) -> Listed {
        Listed::with_levels(max, Levels::default())
    }

    /// [`Listed::new`] with the caller's levels applied to every diagnostic pushed.
    pub fn with_levels(max: usize, levels: Levels) -> Listed {
        Listed {
            max,
            levels,
            seq: 0,
            codes: Vec::new(),
            errors: 0,
            warnings: 0,
        }
    }

    pub fn push(&mut self, mut d: Diagnostic) {
        if !self.levels.is_default() {
            if self.levels.allow.contains(&d.code) {
                return;
            }
            if self.levels.deny.contains(&d.code)
                || self.levels.deny_warnings && d.severity == Severity::Warning
            {
                d.severity = Severity::Error;
            }
        }
        match d.severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Note => {}
        }
        let seq = self.seq;
        self.seq += 1;
        let i = match self.codes.iter().position(|c| c.code == d.code) {
            Some(i) => i,
            None => {
                if self.codes.is_empty() {
                    // (A file has findings of a few codes: made at that size.)
                    self.codes.reserve(8);
                }
                self.codes.push(CodeList {
                    code: d.code,
                    kept: Vec::with_capacity(4),
                    total: 0,
                    first_out: None,
                });
                self.codes.len() - 1
            }
        };
        let list = &mut self.codes[i];
        list.total += 1;
        list.kept.push((seq, d));
        if self.max > 0 && list.kept.len() >= 2 * self.max {
            list.trim(self.max);
        }
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        for d in ds {
            self.push(d);
        }
    }

    /// The diagnostics listed, sorted by position (then code, then the order they
    /// came in), with the notes for the codes that had more than were listed (notes
    /// at one position in the order of the codes they count).
    pub fn finish(mut self) -> Tally {
        let max = self.max;
        // (the code a note counts, or "" for a diagnostic; its number; it)
        // Made at the size it reaches (a list's kept diagnostics, at most `max` of them
        // when capped, and its note), not grown list by list.
        let cap = |n: usize| if max > 0 { n.min(max) } else { n };
        let mut all: Vec<(&'static str, u64, Diagnostic)> =
            Vec::with_capacity(self.codes.iter().map(|l| cap(l.kept.len()) + 1).sum());
        for mut list in std::mem::take(&mut self.codes) {
            if max > 0 && list.kept.len() > max {
                list.trim(max);
            }
            if let Some((_, seq, span)) = list.first_out {
                let (code, n) = (list.code, list.total);
                all.push((
                    code,
                    seq,
                    Diagnostic::new(
                        "too-many-diagnostics",
                        Severity::Note,
                        span,
                        more_message(code, n, max),
                    )
                    .with_help("`--max-per-code 0` lists them all"),
                ));
            }
            all.extend(list.kept.into_iter().map(|(seq, d)| ("", seq, d)));
        }
        all.sort_by(|(ca, sa, a), (cb, sb, b)| {
            (a.span.start, a.code, ca, sa).cmp(&(b.span.start, b.code, cb, sb))
        });
        Tally {
            diagnostics: all.into_iter().map(|(_, _, d)| d).collect(),
            errors: self.errors,
            warnings: self.warnings,
        }
    }
}

impl CodeList {
    /// Keep the first `max` by position (then order), remembering the first left out.
    fn trim(&mut self, max: usize) {
        self.kept.sort_by_key(|(seq, d)| (d.span.start, *seq));
        for (seq, d) in self.kept.drain(max..) {
            let key = (d.span.start, seq);
            if self.first_out.is_none_or(|(s, q, _)| key < (s, q)) {
                self.first_out = Some((key.0, key.1, d.span));
            }
        }
    }
}

/// What a `too-many-diagnostics` note says: how many of `code` are not listed, of
/// `n` in all, the first `max` being listed.
pub fn more_message(code: &str, n: usize, max: usize) -> String {
    let more = n - max;
    let (s, are) = if more == 1 { ("", "is") } else { ("s", "are") };
    format!("{more} more {code} diagnostic{s} in this file {are} not listed (listed: the first {max} of {n})")
}

/// `diags` (sorted by position) with at most `max` of each code listed, as
/// [`Listed`] lists them. `max` 0 keeps everything.
pub fn cap_per_code(diags: Vec<Diagnostic>, max: usize) -> Vec<Diagnostic> {
    if max == 0 || diags.len() <= max {
        return diags;
    }
    let mut l = Listed::new(max);
    l.extend(diags);
    l.finish().diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The plain definition: every diagnostic held, sorted by position (stable), the
    /// first `max` of each code listed, a note per code with more where its first
    /// unlisted one stands (appended in the order of the codes, then sorted again).
    fn plain(ds: &[Diagnostic], max: usize) -> Tally {
        let mut all = ds.to_vec();
        all.sort_by(|a, b| (a.span.start, a.code).cmp(&(b.span.start, b.code)));
        let mut codes: Vec<&'static str> = all.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        codes.dedup();
        let mut listed = Vec::new();
        let mut notes = Vec::new();
        for code in codes {
            let of: Vec<&Diagnostic> = all.iter().filter(|d| d.code == code).collect();
            if max > 0 && of.len() > max {
                notes.push(
                    Diagnostic::new(
                        "too-many-diagnostics",
                        Severity::Note,
                        of[max].span,
                        format!(
                            "{} more {code} diagnostic{} in this file {} not listed (listed: the first {max} of {})",
                            of.len() - max,
                            if of.len() - max == 1 { "" } else { "s" },
                            if of.len() - max == 1 { "is" } else { "are" },
                            of.len()
                        ),
                    )
                    .with_help("`--max-per-code 0` lists them all"),
                );
            }
        }
        let mut counts = std::collections::HashMap::new();
        for d in &all {
            let c = counts.entry(d.code).or_insert(0usize);
            *c += 1;
            if max == 0 || *c <= max {
                listed.push(d.clone());
            }
        }
        listed.extend(notes);
        listed.sort_by(|a, b| (a.span.start, a.code).cmp(&(b.span.start, b.code)));
        let count = |s| ds.iter().filter(|d| d.severity == s).count();
        Tally {
            diagnostics: listed,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
        }
    }

    proptest! {
        /// Listing as they come, holding at most twice `max` of a code, gives what
        /// holding them all and listing the first gives; every one is counted.
        #[test]
        fn listed_as_they_come_is_the_plain_definition(
            items in proptest::collection::vec((0usize..4, 0usize..40, 0usize..3, 0u8..3), 0..300),
            max in 0usize..6,
        ) {
            const CODES: [&str; 4] = ["lost-heading", "glued-words", "missing-note", "zz"];
            let ds: Vec<Diagnostic> = items
                .iter()
                .enumerate()
                .map(|(i, &(c, start, len, sev))| {
                    let severity = [Severity::Note, Severity::Warning, Severity::Error][sev as usize];
                    Diagnostic::new(CODES[c], severity, Span::new(start, start + len), format!("#{i}"))
                })
                .collect();
            let mut l = Listed::new(max);
            l.extend(ds.iter().cloned());
            prop_assert_eq!(l.finish(), plain(&ds, max));
        }
    }

    #[test]
    fn a_file_within_the_cap_is_listed_whole_and_sorted() {
        let d = |code, start| {
            Diagnostic::new(code, Severity::Warning, Span::new(start, start + 1), "m")
        };
        let mut l = Listed::new(2);
        l.extend([d("b", 5), d("a", 1), d("a", 3)]);
        let t = l.finish();
        let got: Vec<(&str, usize)> = t
            .diagnostics
            .iter()
            .map(|d| (d.code, d.span.start))
            .collect();
        assert_eq!(got, vec![("a", 1), ("a", 3), ("b", 5)]);
        assert_eq!((t.errors, t.warnings), (0, 3));
    }

    fn d(code: &'static str, start: usize) -> Diagnostic {
        Diagnostic::new(code, Severity::Warning, Span::new(start, start + 1), "m")
    }

    fn listed(v: &[Diagnostic]) -> Vec<(&str, usize)> {
        v.iter().map(|d| (d.code, d.span.start)).collect()
    }

    #[test]
    fn a_file_within_the_cap_is_listed_whole() {
        let v = vec![d("a", 1), d("b", 2), d("a", 3)];
        assert_eq!(cap_per_code(v.clone(), 2), v);
        let many: Vec<Diagnostic> = (0..50).map(|i| d("a", i)).collect();
        assert_eq!(cap_per_code(many.clone(), 0), many, "0 lists everything");
    }

    #[test]
    fn beyond_the_cap_each_code_is_counted_where_its_first_unlisted_one_stands() {
        // In position order: a0 b1 a2 a3 a4 b5 a6 b7 b8; cap 2.
        let v: Vec<Diagnostic> = [
            ("a", 0),
            ("b", 1),
            ("a", 2),
            ("a", 3),
            ("a", 4),
            ("b", 5),
            ("a", 6),
            ("b", 7),
            ("b", 8),
        ]
        .into_iter()
        .map(|(c, s)| d(c, s))
        .collect();
        let out = cap_per_code(v, 2);
        assert_eq!(
            listed(&out),
            vec![
                ("a", 0),
                ("b", 1),
                ("a", 2),
                ("too-many-diagnostics", 3),
                ("b", 5),
                ("too-many-diagnostics", 7),
            ]
        );
        let notes: Vec<&Diagnostic> = out
            .iter()
            .filter(|d| d.code == "too-many-diagnostics")
            .collect();
        assert_eq!(
            notes[0].message,
            "3 more a diagnostics in this file are not listed (listed: the first 2 of 5)"
        );
        assert_eq!(
            notes[1].message,
            "2 more b diagnostics in this file are not listed (listed: the first 2 of 4)"
        );
        assert!(notes.iter().all(|n| n.severity == Severity::Note));
        assert_eq!(
            more_message("glued-words", 3, 2),
            "1 more glued-words diagnostic in this file is not listed (listed: the first 2 of 3)"
        );
        assert!(crate::CODES
            .iter()
            .any(|(c, _, _)| *c == "too-many-diagnostics"));
    }
}

#[cfg(test)]
mod levels_tests {
    use super::*;

    fn d(code: &'static str, severity: Severity, at: usize) -> Diagnostic {
        Diagnostic::new(code, severity, Span::new(at, at + 1), "m")
    }

    /// Allowed codes are neither listed nor counted; denied ones (and every warning
    /// with `deny_warnings`) count as errors; the default changes nothing.
    #[test]
    fn levels_drop_and_raise() {
        let push_all = |levels: Levels| {
            let mut l = Listed::with_levels(0, levels);
            l.push(d("glued-words", Severity::Warning, 1));
            l.push(d("missing-note", Severity::Error, 2));
            l.push(d("stale-profile", Severity::Warning, 3));
            l.finish()
        };
        let t = push_all(Levels::default());
        assert_eq!((t.errors, t.warnings, t.diagnostics.len()), (1, 2, 3));
        let t = push_all(Levels {
            allow: vec!["missing-note"],
            deny: vec!["stale-profile"],
            deny_warnings: false,
        });
        assert_eq!((t.errors, t.warnings), (1, 1));
        assert_eq!(
            t.diagnostics
                .iter()
                .map(|d| (d.code, d.severity))
                .collect::<Vec<_>>(),
            [
                ("glued-words", Severity::Warning),
                ("stale-profile", Severity::Error)
            ]
        );
        let t = push_all(Levels {
            deny_warnings: true,
            ..Levels::default()
        });
        assert_eq!((t.errors, t.warnings), (3, 0));
        assert_eq!(Levels::code("glued-words"), Ok("glued-words"));
        assert!(Levels::code("too-many-diagnostics").is_err());
        assert!(Levels::code("glued").is_err());
    }
}
