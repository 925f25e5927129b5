//! The profile checker: finds what is wrong in a profile before it is published,
//! as a compiler does. Diagnostics are plain data ([`minewatch_model::Diagnostic`]);
//! [`render`] turns them into terminal text, JSON or SARIF. Pure: no I/O.

mod cap;
mod checks;
pub mod render;

pub use cap::{cap_per_code, Levels, Listed, Tally, DEFAULT_MAX_PER_CODE};

use minewatch_model::{Date, Diagnostic};
use minewatch_profile::Document;

/// Every diagnostic code minewatch emits, with its default severity and meaning.
/// Other tools depend on these names.
pub const CODES: &[(&str, &str, &str)] = &[
    (
        "missing-note",
        "error",
        "A reference whose note is not in the notes list.",
    ),
    ("unused-note", "warning", "A note that nothing references."),
    ("duplicate-note", "error", "A note number defined twice."),
    (
        "near-duplicate-paragraph",
        "warning",
        "Two paragraphs that say nearly the same thing.",
    ),
    (
        "empty-table",
        "warning",
        "A table with cells whose values were lost.",
    ),
    (
        "glued-words",
        "warning",
        "Words run together by a lost space: between two words, after a full stop, after a number or a state's name (\"Defensefor\", \"2011.In\", \"2015were\", \"Namibiahas\").",
    ),
    (
        "mojibake",
        "warning",
        "Text decoded with the wrong encoding (\"â€œ\" for \"\u{201c}\", \"Ã©\" for \"é\"), named with what it was.",
    ),
    (
        "note-lost-link",
        "warning",
        "A note whose link was stripped, leaving \",.\" or a trailing comma.",
    ),
    (
        "stale-profile",
        "warning",
        "Last updated longer ago than the staleness threshold.",
    ),
    (
        "missing-last-updated",
        "warning",
        "The profile has no last-updated date.",
    ),
    (
        "future-last-updated",
        "warning",
        "Last updated more than a month after the --as-of date (today by default): probably a slip in the year.",
    ),
    (
        "lost-heading",
        "warning",
        "A section whose heading was lost; the inferred section is named.",
    ),
    (
        "invalid-utf8",
        "warning",
        "Bytes that are not valid UTF-8 (kept as they are).",
    ),
    (
        "binary-input",
        "error",
        "The input looks like a binary file.",
    ),
    ("empty-input", "error", "The input is empty."),
    (
        "bad-date",
        "warning",
        "A date that cannot be read or does not exist: a last-updated date (in front matter or the header's \"Last updated:\" line), or a day its month does not have (\"31 September 2001\").",
    ),
    (
        "sum-mismatch",
        "warning",
        "Parts that do not add up to the stated total (in a sentence, casualties by kind, or a table).",
    ),
    (
        "treaty-date-mismatch",
        "error",
        "A stated entry into force or deadline that contradicts what the treaty's articles give from the stated deposit date.",
    ),
    (
        "conflicting-figures",
        "warning",
        "The same quantity for the same time stated differently in one profile.",
    ),
    (
        "contradicts-reference",
        "warning",
        "A claim that contradicts the reference data (treaty dates and withdrawals, UN General Assembly votes).",
    ),
    (
        "stale-as-of",
        "warning",
        "An \"as of <date>\" clause older than the staleness threshold before the profile's last update (without one, the latest date the profile names).",
    ),
    (
        "too-many-diagnostics",
        "note",
        "More diagnostics of one code in a file than are listed (see --max-per-code); says how many.",
    ),
];

/// What the checks need to know beyond the document.
#[derive(Debug, Clone)]
pub struct Options {
    /// The date staleness is measured against (default: today).
    pub as_of: Date,
    /// A profile last updated more than this many months before `as_of` is stale.
    pub stale_after_months: u32,
    /// Share of shared 4-word sequences (Jaccard) from which two paragraphs are near-duplicates.
    pub near_duplicate_threshold: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            as_of: checks::default_as_of(),
            stale_after_months: 12,
            near_duplicate_threshold: 0.5,
        }
    }
}

/// Build the checks' tables, the reader's and the reference data's now, ahead of the
/// first document (each is built once, on first use, while any other thread that needs
/// it waits): a command can do this on one thread while another lists its input.
pub fn warm_up() {
    minewatch_profile::warm_up();
    checks::warm_up();
}

/// Run every check on a document. The reader's own diagnostics come first;
/// the result is sorted by position.
pub fn check(doc: &Document, opts: &Options) -> Vec<Diagnostic> {
    let mut out = Listed::new(0);
    check_into(doc, opts, &mut out);
    out.finish().diagnostics
}

/// Run every check on a document into `out`, which keeps as many of each code as it
/// lists (see [`Listed`]): a file with a million findings of one code never holds them.
pub fn check_into(doc: &Document, opts: &Options, out: &mut Listed) {
    out.extend(doc.diagnostics.iter().cloned());
    let binary = doc
        .diagnostics
        .iter()
        .any(|d| d.code == "binary-input" || d.code == "empty-input");
    if !binary {
        checks::header(doc, opts, out);
        checks::sections(doc, out);
        checks::notes(doc, out);
        checks::tables(doc, out);
        // The word index's lists kept on each thread from one profile to the next
        // (not those of a huge file: let go).
        thread_local! {
            static WORDS: std::cell::Cell<Option<checks::WordIndex>> =
                const { std::cell::Cell::new(None) };
        }
        let words = checks::WordIndex::new_in(&doc.text, WORDS.with(|w| w.take()));
        checks::glued_words(doc, &words, out);
        checks::glued_to_numbers(doc, &words, out);
        checks::glued_to_names(doc, &words, out);
        checks::glued_after_stops(doc, &words, out);
        checks::mojibake(doc, out);
        let body = doc.body_span();
        checks::impossible_dates(doc, &words, body, out);
        checks::near_duplicates(doc, &words, body, opts, out);
        if words.spans.capacity() <= 1 << 20 {
            WORDS.with(|w| w.set(Some(words)));
        }
    }
}
