//! The extraction rules: sentence by sentence over the body's paragraphs, and row
//! by row over its tables. See the crate documentation for the predicates.

use minewatch_model::Span;
use minewatch_profile::{Document, Format, SectionKind, TableForm};

use crate::gazetteer::{find_mines_from, find_mines_into, MineMatch};
use crate::text::{
    dates_from_into, quantities, quantities_from_into, sentences_into, DateMention, Num, Qualifier,
    Quantity,
};
use crate::{Code, Confidence, Fact, Money, Value};

/// A substring searcher for a fixed needle, made once (`str::contains` and `str::find`
/// build one on every call): `mm!("needle").find(haystack)`.
macro_rules! mm {
    ($needle:literal) => {{
        static F: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
        F.get_or_init(|| memchr::memmem::Finder::new($needle))
    }};
}

/// [`mm!`] for the last match: `mm_rev!("needle").rfind(haystack)`.
macro_rules! mm_rev {
    ($needle:literal) => {{
        static F: std::sync::OnceLock<memchr::memmem::FinderRev<'static>> =
            std::sync::OnceLock::new();
        F.get_or_init(|| memchr::memmem::FinderRev::new($needle))
    }};
}

/// Whether the text `$h` contains the literal `$needle`, by a [`mm!`] finder (made
/// once; `str::contains` builds a searcher on every call).
macro_rules! contains {
    ($h:expr, $needle:literal) => {
        mm!($needle).find(($h).as_bytes()).is_some()
    };
}

/// Whether `h` contains `needle` (a [`mm!`] finder).
fn has(f: &memchr::memmem::Finder<'_>, h: &str) -> bool {
    f.find(h.as_bytes()).is_some()
}

/// Where `needle` (a [`mm!`] finder) first stands in `h`.
fn find(f: &memchr::memmem::Finder<'_>, h: &str) -> Option<usize> {
    f.find(h.as_bytes())
}

/// One sentence being read.
struct Sent<'d, 'a> {
    /// The sentence (paragraph text: line breaks are spaces).
    s: &'d str,
    lower: &'a str,
    /// The lowercase words (for cheap trigger gating): their starts and ends in the
    /// paragraph's text, where the sentence starts at `start` (a word of the sentence
    /// is `lower[a - start..e - start]`).
    words: &'a [(usize, usize)],
    start: usize,
    /// The words with keyword or event bits (see [`KeywordTable`]), in order: (index
    /// among the paragraph's words, keyword bits, event bits); most words have none.
    hits: &'a [(usize, u64, u64)],
    /// The index of the sentence's first word among the paragraph's.
    w0: usize,
    /// The keywords among `words` ([`kw`] bits) and the first words of event
    /// triggers among them (bit `i` for `EV_FIRST[i]`): see [`KeywordTable`].
    kw: u64,
    ev: u64,
    /// The keywords of the whole paragraph (context a sentence may lean on: "It
    /// completed destruction in 2021" after a sentence about the stockpile).
    para_kw: u64,
    /// Byte offset of `s` in the document.
    abs: usize,
    section: Option<SectionKind>,
    /// The profile is about cluster munitions ("Cluster Munition Ban Policy"): "the
    /// convention" is the Convention on Cluster Munitions unless the sentence names the
    /// Mine Ban Treaty.
    cluster_profile: bool,
    /// The profile is about mine action ("Mine Action"): mines destroyed are cleared
    /// ones unless a stockpile is named.
    mine_action_profile: bool,
    /// The footnote references inside or right after the sentence.
    /// (Where, in the input: looked up for each fact, not for every sentence read;
    /// most give none.)
    notes_span: Span,
    /// The sentence's dates, found when first asked for.
    dates: Dates<'a>,
    /// The sentence's words as `subject` reads them, scanned as far as needed.
    runs: std::cell::RefCell<Runs>,
}

/// A paragraph's sentences, with their dates found when a rule first asks for them.
struct Para<'a> {
    /// The paragraph text.
    text: &'a str,
    /// The paragraph's lowercase text.
    lower: &'a str,
    /// Its words: their starts and ends.
    words: &'a [(usize, usize)],
    /// Each sentence: (start, end, first word, end of its words).
    sents: &'a [(usize, usize, usize, usize)],
    dates: &'a [std::cell::OnceCell<Vec<DateMention>>],
    /// Empty vectors (of the sentences' dates before) to read dates into.
    pool: &'a std::cell::RefCell<Vec<Vec<DateMention>>>,
}

impl Para<'_> {
    /// The dates of sentence `k`.
    fn dates(&self, k: usize) -> &[DateMention] {
        self.dates[k].get_or_init(|| {
            let (a, b, w0, w1) = self.sents[k];
            let words = &self.words[w0..w1];
            let pb = self.text.as_bytes();
            // Every date has a year, a word of four digits: none, no date. Dates
            // start at word starts.
            if words
                .iter()
                .any(|&(ws, we)| we - ws == 4 && pb[ws..we].iter().all(u8::is_ascii_digit))
            {
                let text = &self.text[a..b];
                let mut out = self
                    .pool
                    .borrow_mut()
                    .pop()
                    .unwrap_or_else(|| Vec::with_capacity(4));
                dates_from_into(
                    text,
                    date_start_words(text.as_bytes(), words, a).map(|j| words[j].0 - a),
                    &mut out,
                );
                out
            } else {
                Vec::new()
            }
        })
    }
}

/// The words (indices in `words`, the runs of ASCII letters and digits of the text
/// `s`, their starts and ends less `base` in it) where a date may start, in order: those at most
/// two words before a word starting with four digits, a year's. A date ends with
/// its year, so near its start ("16 November 2020", "November 16, 2020", "December
/// 2019", "1997", "mid-2002"); the other words need not be read. (Nor passed over: a
/// word read as a month's name may run on over the words after it where only '.',
/// '-', '/', '\'' or non-ASCII characters part them, "Nov.mid-2020", so the words so
/// joined to the first near a year are read too.)
fn date_start_words<'a>(
    s: &'a [u8],
    words: &'a [(usize, usize)],
    base: usize,
) -> impl Iterator<Item = usize> + 'a {
    // Whether nothing but such characters stands between word `j - 1` and word `j`.
    let joined = move |j: usize| {
        s[words[j - 1].1 - base..words[j].0 - base]
            .iter()
            .all(|&c| matches!(c, b'.' | b'-' | b'/' | b'\'') || c >= 0x80)
    };
    let mut from = 0;
    words
        .iter()
        .enumerate()
        .filter(move |(_, &(ws, we))| {
            we - ws >= 4 && s[ws - base..ws - base + 4].iter().all(u8::is_ascii_digit)
        })
        .flat_map(move |(y, _)| {
            let mut lo = y.saturating_sub(2);
            while lo > from && joined(lo) {
                lo -= 1;
            }
            let lo = lo.max(from);
            from = y + 1;
            lo..=y
        })
}

/// The dates of one sentence of a [`Para`], found when first asked for.
struct Dates<'a> {
    para: &'a Para<'a>,
    k: usize,
}

impl std::ops::Deref for Dates<'_> {
    type Target = [DateMention];
    fn deref(&self) -> &[DateMention] {
        self.para.dates(self.k)
    }
}

impl Dates<'_> {
    /// The last date of the sentences before, in the same paragraph (context for `as_of`).
    fn context(&self) -> Option<&DateMention> {
        self.context_in().map(|(_, d)| d)
    }

    /// [`Self::context`] with the text of its sentence up to the date.
    fn context_in(&self) -> Option<(&str, &DateMention)> {
        (0..self.k).rev().find_map(|j| {
            let ds = self.para.dates(j);
            let a = self.para.sents[j].0;
            // Not the year a comparison looks back to: "In 2020, there were nine
            // casualties; a decrease from 13 casualties in 2019." speaks of 2020.
            let compared = |d: &DateMention| {
                let pre = &self.para.text[a..a + d.start];
                let mut from = pre.len().saturating_sub(50);
                while !pre.is_char_boundary(from) {
                    from += 1;
                }
                let near = pre[from..].to_ascii_lowercase();
                let near = after_last(&near, b';');
                [
                    "decrease from",
                    "increase from",
                    "down from",
                    "up from",
                    "compared with",
                    "compared to",
                ]
                .iter()
                .any(|w| near.contains(w))
            };
            let d = ds
                .iter()
                .rev()
                .find(|d| !compared(d))
                .or_else(|| ds.last())?;
            Some((&self.para.text[a..a + d.start], d))
        })
    }

    /// The context date for a figure in the present ("it retains 1,250 mines"): only
    /// the date of a report or statement ("reported on 30 April 2024"), which dates
    /// what the present describes; an event's date does not.
    fn context_of_present(&self) -> Option<&DateMention> {
        let (pre, d) = self.context_in()?;
        // The date must date the report itself ("reported on 30 April 2024", "its report
        // of 30 April 2024"), not an event it reports ("reported that it had completed
        // destruction ... on 31 December 2015").
        let pre = pre.to_ascii_lowercase();
        let mut from = pre.len().saturating_sub(40);
        while !pre.is_char_boundary(from) {
            from += 1;
        }
        let near = &pre[from..];
        let near = near.rsplit(" that ").next().unwrap_or(near);
        [
            "report",
            "stated",
            "statement",
            "told",
            "informed",
            "letter",
            "according",
        ]
        .iter()
        .any(|w| near.contains(w))
        .then_some(d)
    }
}

/// Keywords the rules test for, as bits of [`Sent::kw`].
mod kw {
    pub const TREATY: u64 = 1 << 0;
    pub const OTTAWA: u64 = 1 << 1;
    pub const CONVENTION: u64 = 1 << 2;
    pub const CONVENTIONAL: u64 = 1 << 3;
    pub const WEAPONS: u64 = 1 << 4;
    pub const CCW: u64 = 1 << 5;
    pub const PROTOCOL: u64 = 1 << 6;
    pub const II: u64 = 1 << 7;
    pub const CLUSTER: u64 = 1 << 8;
    pub const TRANSPARENCY: u64 = 1 << 9;
    pub const REPORT: u64 = 1 << 10;
    pub const MORATORIUM: u64 = 1 << 11;
    pub const POLICY: u64 = 1 << 12;
    pub const DEADLINE: u64 = 1 << 13;
    pub const CLEARANCE: u64 = 1 << 14;
    pub const LAST: u64 = 1 << 15;
    pub const TIME: u64 = 1 << 16;
    pub const PRODUCED: u64 = 1 << 17;
    pub const PRODUCTION: u64 = 1 << 18;
    pub const RESOLUTION: u64 = 1 << 19;
    pub const RESOLUTIONS: u64 = 1 << 20;
    pub const BETWEEN: u64 = 1 << 21;
    /// "abstained", "voted"
    pub const VOTE: u64 = 1 << 22;
    /// The verbs of attendance (see `meeting`).
    pub const MEET: u64 = 1 << 23;
    /// "used", "laid", "planted", "emplaced"
    pub const USE: u64 = 1 << 24;
    /// The stockpile cues of a stockpiling section (see `figures`).
    pub const QCUE: u64 = 1 << 25;
    /// A figure trigger: `qpred_of` gives a predicate.
    pub const QPRED: u64 = 1 << 26;
    /// A word starting with "export", "transfer", "stockpile".
    pub const P_EXPORT: u64 = 1 << 27;
    pub const P_TRANSFER: u64 = 1 << 28;
    pub const P_STOCKPILE: u64 = 1 << 29;
    /// The words of a non-state armed group or the EU (see `subject`).
    pub const NSAG: u64 = 1 << 30;
    pub const ARMED: u64 = 1 << 31;
    pub const GROUP: u64 = 1 << 32;
    pub const NON: u64 = 1 << 33;
    pub const ISLAMIC: u64 = 1 << 34;
    pub const STATE: u64 = 1 << 35;
    pub const EUROPEAN: u64 = 1 << 36;
    pub const UNION: u64 = 1 << 37;
    /// "no" (see `zero_mines`).
    pub const NO: u64 = 1 << 38;
    /// "stock" ("N mines in stock": see `figures`).
    pub const STOCK: u64 = 1 << 39;
    /// A legislature or government body (see `domestic_step`).
    pub const LEGIS: u64 = 1 << 40;
    /// "destroy", "destroyed", "destruction", ...
    pub const DESTROY: u64 = 1 << 41;
    /// A law or decree (see the entry into force in `events`).
    pub const LAW: u64 = 1 << 42;
    /// Words of a clause about the future ("would review in 2026"): see `FUTURE`.
    pub const FUTURE: u64 = 1 << 43;
    /// The words that open a group's name `subject_from` reads by its letters: "spla",
    /// "splm" (of "SPLA-IO", "SPLM/IO") and "liberation" ("Liberation Army").
    pub const GROUP_NAME: u64 = 1 << 44;
    /// "which" ("of which ": see `figures`).
    pub const WHICH: u64 = 1 << 45;
    /// "any" (" any ": see `no_longer_any`).
    pub const ANY: u64 = 1 << 46;
    /// The words `negated` reads as a negation, and the "t" of "n't" (see
    /// `negated_in`).
    pub const NEG: u64 = 1 << 47;
    /// Words of money received from others: "received", "totaled", "amounted",
    /// "donors" (see `support`). They carry the `QPRED` bit too, so that the
    /// sentence is read (`read_by_a_rule`) and `figures` runs, though `qpred_of`
    /// makes no trigger of them.
    pub const SUPPORT: u64 = 1 << 48;
}

/// The first words of every event trigger phrase (bit `i` of [`Sent::ev`] is `EV_FIRST[i]`):
/// a sentence without any has no event.
const EV_FIRST: [&str; 46] = [
    "signed",
    "instrument",
    "ratified",
    "ratification",
    "acceded",
    "accession",
    "notification",
    "succeeded",
    "entered",
    "entry",
    "became",
    "becoming",
    "state",
    "withdrew",
    "withdrawal",
    "withdraw",
    "article",
    "transparency",
    "report",
    "moratorium",
    "announced",
    "issued",
    "adopted",
    "unveiled",
    "completed",
    "finished",
    "destruction",
    "deadline",
    "last",
    "ceased",
    "stopped",
    "ended",
    "halted",
    "will",
    "enters",
    "completing",
    "ratify",
    "accede",
    "entering",
    "signing",
    "completion",
    "reports",
    "signatory",
    "deposited",
    "been",
    "destroyed",
];

/// The words behind the [`kw`] bits (a word may carry several).
const KEYWORDS: &[(&str, u64)] = &[
    ("treaty", kw::TREATY),
    ("ottawa", kw::OTTAWA),
    ("convention", kw::CONVENTION),
    ("conventional", kw::CONVENTIONAL),
    ("weapons", kw::WEAPONS),
    ("ccw", kw::CCW),
    ("protocol", kw::PROTOCOL),
    ("ii", kw::II),
    ("cluster", kw::CLUSTER),
    ("transparency", kw::TRANSPARENCY),
    ("report", kw::REPORT),
    ("reports", kw::REPORT),
    ("moratorium", kw::MORATORIUM),
    ("policy", kw::POLICY),
    ("deadline", kw::DEADLINE),
    ("clearance", kw::CLEARANCE),
    ("last", kw::LAST),
    ("time", kw::TIME),
    ("produced", kw::PRODUCED),
    ("production", kw::PRODUCTION),
    ("resolution", kw::RESOLUTION),
    ("resolutions", kw::RESOLUTIONS),
    ("between", kw::BETWEEN),
    ("abstained", kw::VOTE),
    ("voted", kw::VOTE),
    ("attended", kw::MEET),
    ("participated", kw::MEET),
    ("present", kw::MEET),
    ("took", kw::MEET),
    ("attends", kw::MEET),
    ("participates", kw::MEET),
    ("used", kw::USE),
    ("laid", kw::USE),
    ("planted", kw::USE),
    ("emplaced", kw::USE),
    // "accused the government of emplacing landmines" (see `use_reported`)
    ("emplacing", kw::USE),
    ("laying", kw::USE),
    ("planting", kw::USE),
    ("number", kw::QCUE),
    ("total", kw::QCUE),
    ("estimated", kw::QCUE),
    ("size", kw::QCUE),
    ("holds", kw::QCUE),
    ("held", kw::QCUE),
    ("possesses", kw::QCUE),
    ("stock", kw::STOCK),
    ("legislation", kw::LAW),
    ("law", kw::LAW),
    ("bill", kw::LAW),
    ("decree", kw::LAW),
    ("regulation", kw::LAW),
    ("amendment", kw::LAW),
    ("code", kw::LAW),
    ("destroy", kw::DESTROY),
    ("destroys", kw::DESTROY),
    ("destroyed", kw::DESTROY),
    ("destroying", kw::DESTROY),
    ("destruction", kw::DESTROY),
    ("parliament", kw::LEGIS),
    ("senate", kw::LEGIS),
    ("assembly", kw::LEGIS),
    ("congress", kw::LEGIS),
    ("legislature", kw::LEGIS),
    ("house", kw::LEGIS),
    ("sejm", kw::LEGIS),
    ("duma", kw::LEGIS),
    ("cabinet", kw::LEGIS),
    ("council", kw::LEGIS),
    ("armed", kw::ARMED),
    ("group", kw::GROUP),
    ("groups", kw::GROUP),
    ("non", kw::NON),
    ("islamic", kw::ISLAMIC),
    ("state", kw::STATE),
    ("european", kw::EUROPEAN),
    ("union", kw::UNION),
    ("no", kw::NO),
    ("will", kw::FUTURE),
    ("would", kw::FUTURE),
    ("shall", kw::FUTURE),
    ("plans", kw::FUTURE),
    ("plan", kw::FUTURE),
    ("planning", kw::FUTURE),
    ("intends", kw::FUTURE),
    ("intend", kw::FUTURE),
    ("expects", kw::FUTURE),
    ("expect", kw::FUTURE),
    ("aims", kw::FUTURE),
    ("aim", kw::FUTURE),
    ("spla", kw::GROUP_NAME),
    ("splm", kw::GROUP_NAME),
    ("liberation", kw::GROUP_NAME),
    ("which", kw::WHICH),
    ("any", kw::ANY),
    ("not", kw::NEG),
    ("never", kw::NEG),
    ("no", kw::NEG),
    ("yet", kw::NEG),
    ("plans", kw::NEG),
    ("planned", kw::NEG),
    ("intends", kw::NEG),
    ("expected", kw::NEG),
    ("supposed", kw::NEG),
    ("would", kw::NEG),
    ("will", kw::NEG),
    ("may", kw::NEG),
    ("could", kw::NEG),
    ("should", kw::NEG),
    ("if", kw::NEG),
    ("whether", kw::NEG),
    ("refused", kw::NEG),
    ("t", kw::NEG),
    ("received", kw::SUPPORT | kw::QPRED),
    ("receives", kw::SUPPORT | kw::QPRED),
    ("totaled", kw::SUPPORT | kw::QPRED),
    ("totalled", kw::SUPPORT | kw::QPRED),
    ("totaling", kw::SUPPORT | kw::QPRED),
    ("totalling", kw::SUPPORT | kw::QPRED),
    ("amounted", kw::SUPPORT | kw::QPRED),
    ("donors", kw::SUPPORT | kw::QPRED),
    ("donor", kw::SUPPORT | kw::QPRED),
];

/// Whether a byte of lowercase text is part of a word (an ASCII letter or digit).
#[cfg(test)]
fn is_word_byte(c: u8) -> bool {
    c.wrapping_sub(b'a') < 26 || c.wrapping_sub(b'0') < 10
}

/// The end of the run of word bytes ([`is_word_byte`]) starting at `k`: eight bytes at
/// a time, their non-word bytes found as a bit mask.
#[cfg(test)]
fn word_end(b: &[u8], mut k: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    /// The high bit of each byte whose value is in `lo..=hi` (both below 0x80).
    fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
        // With the high bit set, a byte minus `lo` (or `hi + 1`) never borrows from
        // the next; the high bit stays where the low seven bits reach the bound.
        let y = x | HIGH;
        let ge_lo = y.wrapping_sub(ONES * lo as u64);
        let gt_hi = y.wrapping_sub(ONES * (hi as u64 + 1));
        ge_lo & !gt_hi & !x & HIGH
    }
    while let Some(c) = b.get(k..k + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        let word = in_range(x, b'a', b'z') | in_range(x, b'0', b'9');
        let other = !word & HIGH;
        if other != 0 {
            return k + (other.trailing_zeros() / 8) as usize;
        }
        k += 8;
    }
    while k < b.len() && is_word_byte(b[k]) {
        k += 1;
    }
    k
}

/// The end of the run of word bytes ([`is_word_byte`]) starting at `k` and the start
/// of the next run after it (or the end of `b`): the eight bytes read for the end most
/// often show the next word's start too (words apart by one space).
#[cfg(test)]
fn word_span(b: &[u8], mut k: usize) -> (usize, usize) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
        let y = x | HIGH;
        let ge_lo = y.wrapping_sub(ONES * lo as u64);
        let gt_hi = y.wrapping_sub(ONES * (hi as u64 + 1));
        ge_lo & !gt_hi & !x & HIGH
    }
    let end = loop {
        let Some(c) = b.get(k..k + 8) else {
            while k < b.len() && is_word_byte(b[k]) {
                k += 1;
            }
            break k;
        };
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        let word = in_range(x, b'a', b'z') | in_range(x, b'0', b'9');
        let other = !word & HIGH;
        if other != 0 {
            let at = other.trailing_zeros() / 8;
            // The word bytes after the end among the eight (byte `at` is none).
            let after = word >> (8 * at);
            if after != 0 {
                let e = k + at as usize;
                return (e, e + (after.trailing_zeros() / 8) as usize);
            }
            let e = k + at as usize;
            // None among the eight: the next is past them.
            let mut n = k + 8;
            while n < b.len() && !is_word_byte(b[n]) {
                n += 1;
            }
            return (e, n);
        }
        k += 8;
    };
    let mut n = end;
    while n < b.len() && !is_word_byte(b[n]) {
        n += 1;
    }
    (end, n)
}

/// A word (at most 16 bytes, no NUL) as one integer, for the keyword table.
fn word_key(w: &[u8]) -> Option<u128> {
    if w.len() > 16 {
        return None;
    }
    // Byte by byte into two halves: a copy through memory would stall the load of
    // the integer.
    let (mut lo, mut hi) = (0u64, 0u64);
    for (i, &c) in w.iter().enumerate() {
        if i < 8 {
            lo |= (c as u64) << (8 * i);
        } else {
            hi |= (c as u64) << (8 * (i - 8));
        }
    }
    Some((hi as u128) << 64 | lo as u128)
}

/// The slot of a key in the keyword table (a multiplicative hash).
fn word_slot(key: u128) -> usize {
    let h = (key as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ ((key >> 64) as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    (h >> (64 - WORD_TABLE_BITS)) as usize
}

/// 512 slots for about 200 words (two in five full: a word that is no keyword, most of
/// those looked up, ends its probe within two slots; at 256 slots it took eight; 16 KB).
const WORD_TABLE_BITS: u32 = 9;

/// The keyword table: the bits of [`KEYWORDS`], [`EV_FIRST`] and [`QPRED_WORDS`] by
/// word.
struct KeywordTable {
    /// (key, kw bits, ev bits) by [`word_slot`], probed linearly; key 0 is a free slot.
    slots: Vec<(u128, u64, u64)>,
    /// By first and last byte ([`end_bytes`]), bit `n` set when some word of `n`
    /// bytes starts and ends with them (most words are no keyword: they leave here;
    /// by the first byte alone, about one word in two went on to the probe, by both
    /// ends one in six).
    lens: [u16; 1024],
    /// `lens` and, for the first bytes of the prefixes [`KeywordTable::bits_in`]
    /// tells (any last byte), the lengths from the prefix's up: a word of under 16
    /// bytes whose bit is not set here has no bits at all.
    gate: [u16; 1024],
}

/// The slot of a word's first and last bytes in [`KeywordTable::lens`]: their low five
/// bits each (a letter's and a digit's may meet in a slot: the table then lets through
/// a word it need not, never the other way).
#[inline]
fn end_bytes(first: u8, last: u8) -> usize {
    ((first & 31) as usize) << 5 | (last & 31) as usize
}

fn keyword_table() -> &'static KeywordTable {
    static TABLE: std::sync::OnceLock<KeywordTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = KeywordTable {
            slots: vec![(0u128, 0u64, 0u64); 1 << WORD_TABLE_BITS],
            lens: [0; 1024],
            gate: [0; 1024],
        };
        let mut add = |w: &str, k: u64, e: u64| {
            let Some(key) = word_key(w.as_bytes()).filter(|_| (1..16).contains(&w.len())) else {
                return;
            };
            let b = w.as_bytes();
            t.lens[end_bytes(b[0], b[b.len() - 1])] |= 1 << w.len();
            let mut i = word_slot(key);
            while t.slots[i].0 != 0 && t.slots[i].0 != key {
                i = (i + 1) & (t.slots.len() - 1);
            }
            t.slots[i].0 = key;
            t.slots[i].1 |= k;
            t.slots[i].2 |= e;
        };
        for &(w, k) in KEYWORDS {
            add(w, k, 0);
        }
        for (i, w) in EV_FIRST.iter().enumerate() {
            add(w, 0, 1 << i);
        }
        for w in QPRED_WORDS {
            add(w, kw::QPRED, 0);
        }
        for w in NSAG {
            add(w, kw::NSAG, 0);
        }
        t.gate = t.lens;
        for p in PREFIXES {
            for last in 0..32 {
                t.gate[end_bytes(p.as_bytes()[0], last)] |= u16::MAX << p.len();
            }
        }
        t
    })
}

/// The prefixes whose words have bits of their own ([`KeywordTable::bits_in`]).
const PREFIXES: [&str; 3] = ["export", "transfer", "stockpile"];

/// The first `n` bytes (at most 8) of `b` from `at` as a little-endian integer, the
/// rest zero: one load where eight bytes are there to read.
#[inline]
fn load_le(b: &[u8], at: usize, n: usize) -> u64 {
    debug_assert!(n <= 8);
    if let Some(c) = b.get(at..at + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        if n == 8 {
            x
        } else {
            x & ((1u64 << (8 * n)) - 1)
        }
    } else {
        let mut x = 0u64;
        for (i, &c) in b[at..at + n].iter().enumerate() {
            x |= (c as u64) << (8 * i);
        }
        x
    }
}

impl KeywordTable {
    /// Whether a word of `len` bytes that starts with `first` and ends with `last` may
    /// have bits ([`KeywordTable::gate`]): most words are no keyword, and leave here.
    #[inline(always)]
    fn gated(&self, first: u8, last: u8, len: usize) -> bool {
        len >= 16 || self.gate[end_bytes(first, last)] >> len & 1 != 0
    }

    /// The bits of the word `b[st..end]` (lowercase), its key read as one or two loads
    /// ([`word_key`] is the same key, byte by byte).
    #[inline]
    fn bits_in(&self, b: &[u8], st: usize, end: usize) -> (u64, u64) {
        let n = end - st;
        let first = b[st];
        let (mut k, e) = if n < 16 && self.lens[end_bytes(first, b[end - 1])] >> n & 1 != 0 {
            let lo = load_le(b, st, n.min(8));
            let hi = if n > 8 { load_le(b, st + 8, n - 8) } else { 0 };
            self.probe((hi as u128) << 64 | lo as u128)
        } else {
            (0, 0)
        };
        // (Each prefix has six bytes or more; most words have fewer.)
        if n >= 6 {
            let w = &b[st..end];
            match first {
                b'e' if w.starts_with(b"export") => k |= kw::P_EXPORT,
                b't' if w.starts_with(b"transfer") => k |= kw::P_TRANSFER,
                b's' if w.starts_with(b"stockpile") => k |= kw::P_STOCKPILE,
                _ => {}
            }
        }
        (k, e)
    }

    /// The bits stored under `key` (none for a word that is no keyword).
    #[inline]
    fn probe(&self, key: u128) -> (u64, u64) {
        let mut i = word_slot(key);
        loop {
            let x = &self.slots[i];
            if x.0 == key {
                return (x.1, x.2);
            }
            if x.0 == 0 {
                return (0, 0);
            }
            i = (i + 1) & (self.slots.len() - 1);
        }
    }

    /// The bits of the word `w` (lowercase).
    #[cfg(test)]
    fn bits(&self, w: &[u8]) -> (u64, u64) {
        let Some(&first) = w.first() else {
            return (0, 0);
        };
        let last = w[w.len() - 1];
        let (mut k, e) = if w.len() < 16 && self.lens[end_bytes(first, last)] >> w.len() & 1 != 0 {
            let key = word_key(w).unwrap_or(0);
            let mut i = word_slot(key);
            loop {
                let x = &self.slots[i];
                if x.0 == key {
                    break (x.1, x.2);
                }
                if x.0 == 0 {
                    break (0, 0);
                }
                i = (i + 1) & (self.slots.len() - 1);
            }
        } else {
            (0, 0)
        };
        match first {
            b'e' if w.starts_with(b"export") => k |= kw::P_EXPORT,
            b't' if w.starts_with(b"transfer") => k |= kw::P_TRANSFER,
            b's' if w.starts_with(b"stockpile") => k |= kw::P_STOCKPILE,
            _ => {}
        }
        (k, e)
    }
}

/// A lowercase word's keyword bits and its event-trigger first-word bit (one lookup
/// for every test the rules make on a sentence's words).
#[cfg(test)]
fn word_bits(w: &str) -> (u64, u64) {
    keyword_table().bits(w.as_bytes())
}

/// Line numbers from byte offsets (as [`minewatch_model::LineIndex`] counts them: the
/// line breaks before the offset), counted from the last offset asked for: facts come
/// in text order, near enough.
struct Lines<'a> {
    text: &'a [u8],
    /// (offset, line breaks before it)
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> Lines<'a> {
    fn new(src: &'a str) -> Lines<'a> {
        Lines {
            text: src.as_bytes(),
            last: std::cell::Cell::new((0, 0)),
        }
    }
    /// 0-based line number containing byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        // Very short distances byte by byte, longer ones with memchr (a sentence's
        // length holds a line break or two at most).
        let breaks = |a: usize, b: usize| {
            let r = &self.text[a..b];
            if r.len() < 16 {
                r.iter().filter(|&&c| c == b'\n').count()
            } else {
                memchr::memchr_iter(b'\n', r).count()
            }
        };
        let offset = offset.min(self.text.len());
        let (at, n) = self.last.get();
        let line = if offset >= at {
            n + breaks(at, offset)
        } else {
            n - breaks(offset, at)
        };
        self.last.set((offset, line));
        line
    }
}

/// `pre`, the ISO form of `a`, `mid`, that of `b` (if any) and `post` as one string
/// ("2019/2021", "../2016-12-31"): one allocation, where `format!` of each date's
/// [`DateMention::iso`] made three.
fn iso_with(pre: &str, a: &DateMention, mid: &str, b: Option<&DateMention>, post: &str) -> String {
    let mut s = String::with_capacity(pre.len() + mid.len() + post.len() + 20);
    s.push_str(pre);
    a.iso_into(&mut s);
    s.push_str(mid);
    if let Some(b) = b {
        b.iso_into(&mut s);
    }
    s.push_str(post);
    s
}

/// A fast hasher for short keys (lookups only: no iteration order reaches the output).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Eight bytes at a time as little-endian words, the last part word zero-padded
        // (read byte by byte: a copy of a part word was a call to memcpy).
        let mut rest = bytes;
        while let Some((c, tail)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*c));
            rest = tail;
        }
        if !rest.is_empty() {
            let mut x = 0u64;
            for (i, &c) in rest.iter().enumerate() {
                x |= (c as u64) << (8 * i);
            }
            self.add(x);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// [`minewatch_refdata::resolve_state`] (which answers the data's own names and codes
/// at once), with the other words asked about — mostly no state's — remembered on each
/// thread, a bounded number.
///
/// The names of up to 16 bytes (most) are remembered first in a small table by their
/// bytes as two integers: found again without hashing the name byte by byte nor
/// comparing it by memcmp (a profile asks for its few names again and again; over
/// 1,000 profiles, 2.2 → 0.6 M instructions).
pub(crate) fn resolve_state(name: &str) -> Option<&'static minewatch_refdata::State> {
    type Seen = std::cell::RefCell<StateMemo>;
    thread_local! {
        static SEEN: Seen = std::cell::RefCell::new(StateMemo {
            short: [(0, 0, 0, None); StateMemo::SHORT],
            all: FastMap::default(),
        });
    }
    SEEN.with(|seen| {
        let b = name.as_bytes();
        let key = (b.len() <= 16).then(|| {
            let lo = load_le(b, 0, b.len().min(8));
            let hi = if b.len() > 8 {
                load_le(b, 8, b.len() - 8)
            } else {
                0
            };
            (lo, hi, b.len() as u8 + 1)
        });
        let slot = key.map(|(lo, hi, n)| {
            let h = lo.wrapping_mul(0x9E37_79B9_7F4A_7C15)
                ^ hi.wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
                ^ n as u64;
            (h >> 58) as usize % StateMemo::SHORT
        });
        if let (Some((lo, hi, n)), Some(i)) = (key, slot) {
            let x = seen.borrow().short[i];
            if x.0 == lo && x.1 == hi && x.2 == n {
                return x.3;
            }
        }
        let known = seen.borrow().all.get(name).copied();
        let st = known.unwrap_or_else(|| {
            let st = minewatch_refdata::resolve_state(name);
            let mut m = seen.borrow_mut();
            if m.all.len() >= 4096 {
                m.all.clear();
            }
            m.all.insert(name.to_string(), st);
            st
        });
        if let (Some((lo, hi, n)), Some(i)) = (key, slot) {
            seen.borrow_mut().short[i] = (lo, hi, n, st);
        }
        st
    })
}

/// What [`resolve_state`] remembers on a thread.
struct StateMemo {
    /// Names of up to 16 bytes: (their bytes as little-endian integers, zero past the
    /// name; their length plus one, 0 for a free slot; the answer), a slot by a hash
    /// of the bytes (a name takes the slot of the one before it there).
    short: [(u64, u64, u8, Option<&'static minewatch_refdata::State>); StateMemo::SHORT],
    /// Every name asked about (a bounded number).
    all: FastMap<String, Option<&'static minewatch_refdata::State>>,
}

impl StateMemo {
    const SHORT: usize = 64;
}

struct Ctx<'a> {
    doc: &'a Document,
    lines: Lines<'a>,
    iso3: String,
    out: Vec<Fact>,
    /// Where the facts of the sentence being read start in `out`. A fact's value span
    /// lies inside its sentence, so only these can repeat a new fact (see `push`).
    sent_start: usize,
    /// Where the facts of the paragraph being read start in `out` ("3.4 million of
    /// them" counts what the paragraph's last figure counted).
    para_start: usize,
    /// The buffers `figures` reads a sentence's figures and mine types into (empty
    /// between sentences).
    qs: Vec<Quantity>,
    mines: Vec<MineMatch>,
    /// (And its figure triggers.)
    qtrig: Vec<(usize, usize, QPred)>,
    /// The buffer `sentence` reads a sentence's event triggers into (empty between
    /// sentences).
    trig: Vec<(usize, usize, Ev)>,
    /// The buffer `events` reads the triggers' dates into (empty between sentences).
    assigned: Vec<Option<usize>>,
    /// (And `figures` the places its figures may start, where it lists them.)
    starts: Vec<usize>,
}

/// The buffers [`extract`] reads paragraphs with, all empty, kept on each thread from
/// one profile to the next: grown once, not again for every profile.
#[derive(Default)]
struct Buffers {
    lower: String,
    words: Vec<(usize, usize)>,
    hits: Vec<(usize, u64, u64)>,
    sents: Vec<(usize, usize, usize, usize)>,
    runs: Vec<(usize, usize, std::cell::Cell<u8>)>,
    spans: Vec<(usize, usize)>,
    /// The cells of a paragraph's sentences' dates, and the emptied vectors of the
    /// paragraphs before, which the next sentences' dates are read into.
    date_cells: Vec<std::cell::OnceCell<Vec<DateMention>>>,
    date_pool: Vec<Vec<DateMention>>,
    /// The context's sentence buffers (see [`Ctx`]).
    qs: Vec<Quantity>,
    mines: Vec<MineMatch>,
    qtrig: Vec<(usize, usize, QPred)>,
    trig: Vec<(usize, usize, Ev)>,
    assigned: Vec<Option<usize>>,
    starts: Vec<usize>,
}

impl Buffers {
    /// The longest paragraph (bytes) whose buffers are kept.
    const KEPT: usize = 1 << 16;
}

thread_local! {
    static BUFFERS: std::cell::Cell<Buffers> = Default::default();
}

/// Extract every fact from a profile's body (paragraphs and tables; never the notes).
pub fn extract(doc: &Document) -> Vec<Fact> {
    // Markdown's inline marks ("*3,365* mines", "[its report](https://...)") read as
    // blanks of their width: offsets stay the text's, the quotes the source's.
    let blanked: Vec<Option<String>> = if doc.format == Format::Markdown {
        doc.paragraphs
            .iter()
            .map(|p| markdown_blanked(&p.text))
            .collect()
    } else {
        Vec::new()
    };
    // A file with CRLF line endings: each "\r\n" of a hard-wrapped paragraph is joined
    // as two spaces where the LF file has one ("12 December  2019", "were  PFM-1").
    // Read without its "\r"s, it reads as the LF file does; the facts' offsets are
    // mapped back to the input at each paragraph's end.
    // (A '\r' first, by memchr: most files have none, found faster than the pair.)
    let unwrapped: Vec<Option<Unwrapped>> = if memchr::memchr(b'\r', doc.text.as_bytes())
        .is_some_and(|i| contains!(doc.text[i..], "\r\n"))
    {
        doc.paragraphs
            .iter()
            .enumerate()
            .map(|(pi, p)| {
                let (cut, map) = crlf_removed(doc, p.span)?;
                let masked = blanked.get(pi).and_then(|m| m.as_deref());
                Some(Unwrapped {
                    text: without_bytes(masked.unwrap_or(&p.text), &cut),
                    source: masked.map(|_| without_bytes(&p.text, &cut)),
                    map,
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    // Buffers for every paragraph (the words, as their places in its text, and the word
    // runs `subject` reads in a sentence, whose lifetimes end with each sentence: handed
    // on empty, the allocation kept), and for every sentence, the thread's from the
    // profile before.
    let Buffers {
        lower: mut plower,
        words: mut spare_words,
        hits: mut phits,
        mut sents,
        runs: mut spare_runs,
        mut spans,
        mut date_cells,
        date_pool,
        qs,
        mines,
        qtrig,
        trig,
        assigned,
        starts,
    } = BUFFERS.with(std::cell::Cell::take);
    let date_pool = std::cell::RefCell::new(date_pool);
    let mut cx = Ctx {
        doc,
        lines: Lines::new(&doc.text),
        // (The European Union's own profile: its facts are the EU's.)
        iso3: doc.header.country_iso3.clone().unwrap_or_else(|| {
            let eu = doc
                .header
                .country
                .as_ref()
                .is_some_and(|c| matches!(c.value.trim(), "European Union" | "EU"));
            if eu {
                "EU".into()
            } else {
                page_title_state(doc).unwrap_or("UNK").into()
            }
        }),
        // About one fact per 250 bytes of text, and room for one from each table cell
        // (the table facts come last: a vector grown then copies every fact before).
        out: Vec::with_capacity(
            doc.text.len() / 256
                + 4
                + doc
                    .tables
                    .iter()
                    .map(|t| t.rows.len() * t.columns.len())
                    .sum::<usize>(),
        ),
        sent_start: 0,
        para_start: 0,
        qs,
        mines,
        qtrig,
        trig,
        assigned,
        starts,
    };
    let table = keyword_table();
    let body = doc.body_span();
    let mut cluster_profile = doc
        .header
        .profile_type
        .as_ref()
        .is_some_and(|t| has_ignore_ascii_case(&t.value, b"cluster"));
    let mut mine_action_profile = doc
        .header
        .profile_type
        .as_ref()
        .is_some_and(|t| has_ignore_ascii_case(&t.value, b"mine action"));
    // The paragraph before was a label naming another instrument ("Convention on
    // Cluster Munitions" above "State Party (Entry into force: 1 March 2013)").
    // (Where it ended: it labels only the block right after it.)
    let mut label_other: Option<usize> = None;
    let mut prev_end = body.start;
    for (pi, p) in doc.paragraphs.iter().enumerate() {
        if !body.contains(p.span) {
            continue;
        }
        // A profile's type standing alone as a title ("Cluster Munition Ban Policy"
        // below a page's menu, or each part of a page that shows every profile of a
        // country), as a paragraph or a heading before one: what follows, up to the
        // next such title, is that profile's. (Written as a title: "Cluster munition
        // remnants" is a key-data label.)
        let gap = doc.text.get(prev_end..p.span.start).unwrap_or("");
        prev_end = p.span.end;
        let mut title = |line: &str| {
            // (Every title ends so: most lines are passed over before they are trimmed.)
            let end = line.trim_end();
            if !(end.ends_with("Policy") || end.ends_with("Action")) {
                return false;
            }
            let t = end.trim_start().trim_start_matches('#').trim_start();
            let known = matches!(
                t,
                "Mine Ban Policy" | "Mine Action" | "Cluster Munition Ban Policy"
            );
            if known {
                cluster_profile = t.starts_with("Cluster");
                mine_action_profile = t == "Mine Action";
            }
            known
        };
        // (Most gaps are a blank line or two: no title in them. A title stands right
        // above its part: the last lines of a gap only, not a whole table's.)
        if gap.len() > "Mine Action".len() {
            for line in last_lines(gap, 2) {
                title(line);
            }
        }
        if p.text.len() <= 40 && title(&p.text) {
            continue;
        }
        let under_other = label_other.is_some_and(|e| {
            doc.text
                .get(e..p.span.start)
                .is_some_and(|gap| gap.trim().is_empty())
        });
        label_other = other_instrument_label(&p.text).then_some(p.span.end);
        let section = p.section.and_then(|i| doc.sections.get(i)).map(|s| s.kind);
        cx.para_start = cx.out.len();
        let masked = blanked.get(pi).and_then(|m| m.as_deref());
        let crlf = unwrapped.get(pi).and_then(Option::as_ref);
        let ptext: &str = crlf.map(|c| c.text.as_str()).or(masked).unwrap_or(&p.text);
        plower.clear();
        plower.push_str(ptext);
        plower.make_ascii_lowercase();
        let plower = plower.as_str();
        // The words: runs of ASCII letters and digits.
        // With each its keyword bits, its key read on the way.
        let mut pwords = std::mem::take(&mut spare_words);
        let (pk, pe) = scan_words(plower, table, &mut pwords, &mut phits);
        sents.clear();
        // A paragraph none of whose sentences a rule reads gives nothing.
        if !read_by_a_rule(pk, pe, section) {
            spare_words = pwords;
            continue;
        }
        sentences_into(ptext, &mut spans);
        sents.extend(spans.iter().map(|&(a, b)| {
            let w0 = pwords.partition_point(|w| w.0 < a);
            let w1 = pwords.partition_point(|w| w.0 < b);
            (a, b, w0, w1)
        }));
        let para = Para {
            text: ptext,
            lower: plower,
            words: &pwords,
            dates: {
                // (The vectors of the paragraph before's dates, emptied, are read into
                // again.)
                recycle_dates(&mut date_cells, &mut date_pool.borrow_mut());
                date_cells.resize_with(sents.len(), Default::default);
                &date_cells
            },
            pool: &date_pool,
            sents: &sents,
        };
        // Where the hits of the sentence before ended.
        let mut hit_end = 0;
        for (si, &(a, b, w0, w1)) in para.sents.iter().enumerate() {
            // The sentence's words with bits.
            let (h0, h1, kwb, evb) = sentence_hits(&phits, hit_end, w0, w1);
            hit_end = h1;
            if !read_by_a_rule(kwb, evb, section) {
                continue;
            }
            let s = &ptext[a..b];
            let abs = p.span.start + a;
            let in_input =
                |i: usize| p.span.start + crlf.and_then(|c| c.map.get(i).copied()).unwrap_or(i);
            let notes_span = Span::new(in_input(a), in_input(b));
            let sent = Sent {
                s,
                lower: &plower[a..b],
                words: &pwords[w0..w1],
                start: a,
                hits: &phits[h0..h1],
                w0,
                kw: kwb,
                ev: evb,
                para_kw: pk,
                abs,
                section,
                cluster_profile: cluster_profile || under_other,
                mine_action_profile,
                notes_span,
                dates: Dates { para: &para, k: si },
                runs: std::cell::RefCell::new(Runs {
                    v: std::mem::take(&mut spare_runs),
                    next: 0,
                }),
            };
            cx.sent_start = cx.out.len();
            sentence(&mut cx, &sent);
            spare_runs = sent.runs.into_inner().v;
            spare_runs.clear();
            share_quotes(&mut cx.out[cx.sent_start..], s, abs);
            if masked.is_some() {
                // What a fact quotes is the source as written, marks and all.
                for f in &mut cx.out[cx.sent_start..] {
                    let q = f.span[0]
                        .checked_sub(p.span.start)
                        .zip(f.span[1].checked_sub(p.span.start))
                        .and_then(|(qa, qb)| {
                            crlf.and_then(|c| c.source.as_deref())
                                .unwrap_or(&p.text)
                                .get(qa..qb)
                        });
                    if let Some(q) = q {
                        f.quote = q.to_string();
                    }
                }
            }
        }
        if let Some(Unwrapped { map, .. }) = crlf {
            // The offsets of the text read, back to the input's (the quotes stay as the
            // LF file's: a wrap is one space).
            let at = |x: &mut usize| {
                if let Some(i) = x.checked_sub(p.span.start).and_then(|i| map.get(i)) {
                    *x = p.span.start + i;
                }
            };
            for f in &mut cx.out[cx.para_start..] {
                f.span
                    .iter_mut()
                    .chain(f.value_span.iter_mut())
                    .chain(f.date_span.iter_mut().flatten())
                    .for_each(at);
                f.line = cx.lines.line_of(f.value_span[0]) + 1;
            }
        }
        spare_words = pwords;
    }
    // Handed back for the thread's next profile (empty; not where a huge paragraph
    // made them huge).
    if plower.capacity() <= Buffers::KEPT {
        plower.clear();
        phits.clear();
        sents.clear();
        let mut date_pool = date_pool.into_inner();
        recycle_dates(&mut date_cells, &mut date_pool);
        // (Not where a huge profile left many.)
        date_pool.truncate(64);
        BUFFERS.with(|b| {
            b.set(Buffers {
                lower: plower,
                words: spare_words,
                hits: phits,
                sents,
                runs: spare_runs,
                spans,
                date_cells,
                date_pool,
                qs: std::mem::take(&mut cx.qs),
                mines: std::mem::take(&mut cx.mines),
                qtrig: std::mem::take(&mut cx.qtrig),
                trig: std::mem::take(&mut cx.trig),
                assigned: std::mem::take(&mut cx.assigned),
                starts: std::mem::take(&mut cx.starts),
            })
        });
    }
    tables(&mut cx, body);
    key_data(&mut cx, body);
    if doc.header.country_iso3.is_none() {
        unnamed_subject_from_the_named(&mut cx.out);
        if cx.out.iter().any(|f| f.subject == "UNK") {
            if let Some(st) = dominant_state_named(doc, body) {
                for f in cx.out.iter_mut().filter(|f| f.subject == "UNK") {
                    f.subject = st.to_string();
                }
            }
        }
    }
    sort_facts(&mut cx.out);
    cx.out
}

/// The words of the lowercase paragraph text `lower` (runs of ASCII letters and
/// digits) into `words` as their starts and ends (no slice of the text made for each,
/// nor its ends checked for character boundaries: a word is ASCII), and those with
/// keyword or event bits into `hits` (their index in `words` and their bits; both
/// emptied first); the paragraph's bits joined. (Not
/// inlined into [`extract`], among whose many values the loop's were kept less well:
/// −1.4 M instructions over 1,000 profiles.)
///
/// The text is read 64 bytes at a time as a mask of its word bytes, a bit a byte
/// ([`word_mask`]): each word's start and end are found from the mask, with no step
/// over the bytes between words (stepping from each word's start to the next's, as
/// `word_span` does, cost about 40 instructions a word), and a word's bits are looked
/// up only where [`KeywordTable::gated`] lets it through (over 1,000 profiles,
/// scan_words 28.9 → 23.0 M).
#[inline(never)]
fn scan_words(
    lower: &str,
    table: &KeywordTable,
    words: &mut Vec<(usize, usize)>,
    hits: &mut Vec<(usize, u64, u64)>,
) -> (u64, u64) {
    let pb = lower.as_bytes();
    let n = pb.len();
    words.clear();
    words.reserve(n / 5 + 4);
    hits.clear();
    // The paragraph's bits joined on the way.
    let mut bits = (0, 0);
    let mut base = 0;
    // Where a word that reaches the end of the block before started.
    let mut open: Option<usize> = None;
    // The last bytes, followed by zeros (no word bytes).
    let mut tail = [0u8; 64];
    while base < n {
        let block: &[u8; 64] = match pb.get(base..base + 64).and_then(|b| b.try_into().ok()) {
            Some(b) => b,
            None => {
                tail[..n - base].copy_from_slice(&pb[base..]);
                &tail
            }
        };
        let mut m = word_mask(block);
        if let Some(s) = open {
            // The word goes on to the block's first byte that is no word byte.
            let e = (!m).trailing_zeros();
            if e == 64 {
                base += 64;
                continue;
            }
            let e = base + e as usize;
            words.push((s, e));
            if table.gated(pb[s], pb[e - 1], e - s) {
                word_bits_into(table, pb, words.len() - 1, s, e, hits, &mut bits);
            }
            m &= u64::MAX << (e - base);
        }
        // A word that reaches the block's end is taken off the mask and read with the
        // next block (so every word left ends inside this one).
        let top = (!m).leading_zeros();
        open = (top > 0).then(|| base + 64 - top as usize);
        // (With none there, bit 63 is clear already.)
        m &= !(u64::MAX << (64 - top.max(1)));
        while m != 0 {
            let s = m.trailing_zeros() as usize;
            let len = (!(m >> s)).trailing_zeros() as usize;
            let st = base + s;
            words.push((st, st + len));
            // Its bits looked up only where its length and end bytes let it have
            // some (its end bytes read from the block).
            if table.gated(block[s & 63], block[(s + len - 1) & 63], len) {
                word_bits_into(table, pb, words.len() - 1, st, st + len, hits, &mut bits);
            }
            m &= u64::MAX << (s + len);
        }
        base += 64;
    }
    if let Some(s) = open {
        words.push((s, n));
        if table.gated(pb[s], pb[n - 1], n - s) {
            word_bits_into(table, pb, words.len() - 1, s, n, hits, &mut bits);
        }
    }
    bits
}

/// [`scan_words`]' look-up of the bits of its word `i`, `pb[st..e]`: joined into
/// `bits`, and the word listed in `hits` where it has some. (Made inline: only the
/// words the gate lets through come here, and inline they cost 0.7 M instructions
/// fewer over 1,000 profiles than as calls.)
#[inline(always)]
fn word_bits_into(
    table: &KeywordTable,
    pb: &[u8],
    i: usize,
    st: usize,
    e: usize,
    hits: &mut Vec<(usize, u64, u64)>,
    bits: &mut (u64, u64),
) {
    let (wk, we) = table.bits_in(pb, st, e);
    if wk | we != 0 {
        bits.0 |= wk;
        bits.1 |= we;
        hits.push((i, wk, we));
    }
}

/// The word bytes of lowercase text (ASCII letters and digits) of 64 bytes, a bit a
/// byte (bit `k` for byte `k`).
#[inline(always)]
fn word_mask(b: &[u8; 64]) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    /// The high bit of each byte whose value is in `lo..=hi` (both below 0x80).
    #[inline(always)]
    fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
        let y = x | HIGH;
        let ge_lo = y.wrapping_sub(ONES * lo as u64);
        let gt_hi = y.wrapping_sub(ONES * (hi as u64 + 1));
        ge_lo & !gt_hi
    }
    let mut m = 0u64;
    for k in 0..8 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[8 * k..8 * k + 8]);
        let x = u64::from_le_bytes(w);
        // (The bytes of 0x80 and above, whose high bit is set, are none.)
        let high = (in_range(x, b'a', b'z') | in_range(x, b'0', b'9')) & !x & HIGH;
        // Each high bit multiplied into a place of its own in the top byte (no two
        // products meet, so nothing carries).
        m |= (high.wrapping_mul(0x0002_0408_1020_4081) >> 56) << (8 * k);
    }
    m
}

/// [`scan_words`] as first written: from each word's start to the next's by
/// [`word_span`].
#[cfg(test)]
fn scan_words_by_spans(
    lower: &str,
    table: &KeywordTable,
    words: &mut Vec<(usize, usize)>,
    hits: &mut Vec<(usize, u64, u64)>,
) -> (u64, u64) {
    let pb = lower.as_bytes();
    words.clear();
    hits.clear();
    let (mut pk, mut pe) = (0, 0);
    let mut k = 0;
    while k < pb.len() && !is_word_byte(pb[k]) {
        k += 1;
    }
    while k < pb.len() {
        let st = k;
        let (e, next) = word_span(pb, k);
        words.push((st, e));
        let (wk, we) = table.bits_in(pb, st, e);
        if wk | we != 0 {
            pk |= wk;
            pe |= we;
            hits.push((words.len() - 1, wk, we));
        }
        k = next;
    }
    (pk, pe)
}

/// The hits (see [`scan_words`]) of the words `w0..w1` of a sentence: where they
/// start and end in `hits`, and their bits joined. Walked on from `from`, where the
/// sentence before's ended (the sentences come in order: each hit is passed once, not
/// looked for by two binary searches a sentence; `from` is at most `hits.len()`), or
/// from the first hit where one before `from` is the sentence's.
#[inline]
fn sentence_hits(
    hits: &[(usize, u64, u64)],
    from: usize,
    w0: usize,
    w1: usize,
) -> (usize, usize, u64, u64) {
    let mut h = match from {
        k if k > 0 && hits[k - 1].0 >= w0 => 0,
        k => k,
    };
    while h < hits.len() && hits[h].0 < w0 {
        h += 1;
    }
    let h0 = h;
    let (mut kw, mut ev) = (0, 0);
    while let Some(&(_, k, e)) = hits.get(h).filter(|x| x.0 < w1) {
        kw |= k;
        ev |= e;
        h += 1;
    }
    (h0, h, kw, ev)
}

/// [`sentence_hits`] by binary searches.
#[cfg(test)]
fn sentence_hits_searched(
    hits: &[(usize, u64, u64)],
    w0: usize,
    w1: usize,
) -> (usize, usize, u64, u64) {
    let h0 = hits.partition_point(|h| h.0 < w0);
    let h1 = hits.partition_point(|h| h.0 < w1);
    let (mut kw, mut ev) = (0, 0);
    for &(_, k, e) in &hits[h0..h1] {
        kw |= k;
        ev |= e;
    }
    (h0, h1, kw, ev)
}

/// Sort facts by place (sentence, then value), stably: the order of the indices sorted
/// (by place, then index), applied in place by swaps along each cycle of it, each slot
/// visited once. (A fact is big: a sort moving the facts themselves shifted each one
/// out of place one slot at a time past the facts before it, and the key data's and
/// the tables' are made last.)
fn sort_facts(out: &mut [Fact]) {
    let key = |f: &Fact| (f.span[0], f.value_span[0]);
    // (Already in order: nothing to move.)
    if out.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_unstable_by_key(|&i| (key(&out[i]), i));
    // Slot `i` takes the fact at `order[i]`. Along a cycle, each swap brings a slot
    // its fact and moves the one it held to the slot that wants it next; the cycle
    // closes where that slot wants the fact the cycle started from.
    let mut done = vec![false; out.len()];
    for start in 0..out.len() {
        if done[start] {
            continue;
        }
        let mut i = start;
        loop {
            done[i] = true;
            let j = order[i];
            if j == start {
                break;
            }
            out.swap(i, j);
            i = j;
        }
    }
}

/// Whether `h` in ASCII lowercase contains `needle` (lowercase ASCII, not empty):
/// compared in place, not in a lowercase copy.
fn has_ignore_ascii_case(h: &str, needle: &[u8]) -> bool {
    let h = h.as_bytes();
    h.len() >= needle.len()
        && (0..=h.len() - needle.len()).any(|i| {
            h[i].to_ascii_lowercase() == needle[0]
                && h[i..i + needle.len()].eq_ignore_ascii_case(needle)
        })
}

/// Empty the cells of a paragraph's dates, each vector that was allocated put back in
/// `pool`, emptied.
fn recycle_dates(
    cells: &mut Vec<std::cell::OnceCell<Vec<DateMention>>>,
    pool: &mut Vec<Vec<DateMention>>,
) {
    for c in cells.iter_mut() {
        if let Some(mut v) = c.take() {
            if v.capacity() > 0 {
                v.clear();
                pool.push(v);
            }
        }
    }
    cells.clear();
}

/// Whether `line` is white space only (`line.trim().is_empty()`), ASCII white space
/// read by bytes.
fn is_blank(line: &str) -> bool {
    match line
        .bytes()
        .find(|c| !matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r'))
    {
        None => true,
        Some(c) if c < 0x80 => false,
        // (Non-ASCII: white space or not as `trim` reads it.)
        Some(_) => line.trim().is_empty(),
    }
}

/// The last `n` lines of `text` with more than white space, the last first: what
/// `text.lines().rev().filter(|l| !l.trim().is_empty()).take(n)` gives, read by
/// bytes from the end (a gap's lines are few and short: the generic reverse line
/// reader cost more than what it read).
fn last_lines(text: &str, n: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    // Whether the next line read ends with a line break (all but the text's last do):
    // only then is a "\r" before it part of the line ending.
    let mut ended = false;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let (head, line) = match rest.bytes().rposition(|c| c == b'\n') {
            Some(k) => (&rest[..k], &rest[k + 1..]),
            None => ("", rest),
        };
        let line = if ended {
            line.strip_suffix('\r').unwrap_or(line)
        } else {
            line
        };
        rest = head;
        ended = true;
        if !is_blank(line) {
            return Some(line);
        }
    })
    .take(n)
}

/// A paragraph of a CRLF file read without the "\r" of its line endings.
struct Unwrapped {
    /// The text read (Markdown's marks blanked).
    text: String,
    /// The paragraph's text as written, for quotes (Markdown only).
    source: Option<String>,
    /// For each offset of `text`, and its end, the offset in the paragraph's text.
    map: Vec<usize>,
}

/// The "\r" of each "\r\n" in the input inside `span` (offsets in the span), and
/// for each offset of the paragraph's text without them, and its end, the offset in the
/// paragraph's text; `None` where the paragraph has no "\r\n".
fn crlf_removed(doc: &Document, span: Span) -> Option<(Vec<usize>, Vec<usize>)> {
    let src = doc.text.as_bytes().get(span.start..span.end)?;
    let cut: Vec<usize> = memchr::memmem::find_iter(src, b"\r\n").collect();
    if cut.is_empty() {
        return None;
    }
    let mut map = Vec::with_capacity(src.len() + 1 - cut.len());
    let mut last = 0;
    for &i in &cut {
        map.extend(last..i);
        last = i + 1;
    }
    map.extend(last..=src.len());
    Some((cut, map))
}

/// `text` without the bytes at `cut` (each an ASCII byte: a "\r" joined as a space).
fn without_bytes(text: &str, cut: &[usize]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for &i in cut {
        if i < last || !text.is_char_boundary(i) || !text.is_char_boundary(i + 1) {
            continue;
        }
        out.push_str(&text[last..i]);
        last = i + 1;
    }
    out.push_str(&text[last..]);
    out
}

/// A Markdown paragraph with its inline marks blanked, byte for byte: emphasis (`*`,
/// `**`, `_` at a word's edge), code spans' backticks, and a link's brackets and target
/// (`[the report](https://...)` reads "the report" and blanks); footnote references
/// (`[^1]`, `[1]`) stay. `None` when there is nothing to blank.
fn markdown_blanked(text: &str) -> Option<String> {
    let b = text.as_bytes();
    // The copy, made at the first mark blanked (most paragraphs have none: no copy).
    // (Nor searched for marks beforehand: the search below finds none as fast.)
    let mut out: Vec<u8> = Vec::new();
    let copied = |out: &mut Vec<u8>| {
        if out.is_empty() {
            out.extend_from_slice(b);
        }
    };
    let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
    // From one mark to the next: the next '[' and the next of '*', '_', '`' at or after
    // `i`, each searched for again only once `i` has passed it (linear however the
    // marks mix).
    let far = usize::MAX;
    let (mut next_bracket, mut next_mark) = (0, 0);
    let mut no_paren_from = far;
    let mut i = 0;
    while i < b.len() {
        if next_bracket < i {
            next_bracket = memchr::memchr(b'[', &b[i..]).map_or(far, |k| i + k);
        }
        if next_mark < i {
            next_mark = memchr::memchr3(b'*', b'_', b'`', &b[i..]).map_or(far, |k| i + k);
        }
        i = next_bracket.min(next_mark);
        if i == far {
            break;
        }
        match b[i] {
            b'*' | b'`' => {
                copied(&mut out);
                out[i] = b' ';
            }
            // Not inside a word ("snake_case", a URL's path).
            b'_' if !(i > 0 && word(b[i - 1]) && i + 1 < b.len() && word(b[i + 1])) => {
                copied(&mut out);
                out[i] = b' ';
            }
            b'[' if b.get(i + 1) != Some(&b'^') => {
                // "[text](target)": the brackets, the parentheses and the target.
                let close = b[i + 1..].iter().position(|&c| c == b']' || c == b'[');
                if let Some(k) = close.map(|k| i + 1 + k) {
                    // (No ')' after one "](" means none after a later one: not
                    // searched for again.)
                    if b[k] == b']' && b.get(k + 1) == Some(&b'(') && k + 2 < no_paren_from {
                        let paren = memchr::memchr(b')', &b[k + 2..]);
                        if paren.is_none() {
                            no_paren_from = k + 2;
                        }
                        if let Some(e) = paren {
                            let e = k + 2 + e;
                            copied(&mut out);
                            out[i] = b' ';
                            for c in &mut out[k..=e] {
                                *c = b' ';
                            }
                            i = e + 1;
                            continue;
                        }
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    // (Copied where a byte was blanked, each a mark, never a space: the text changed.)
    if out.is_empty() {
        return None;
    }
    // Only ASCII bytes and whole characters (a target's) were replaced by spaces.
    String::from_utf8(out).ok()
}

/// A profile whose header names no state (a page cut above its title, a report
/// chapter under a site's menu): where the facts that name a state name one and the
/// same ("Kazakhstan voted in favor ...", twice at least, and two in three of them),
/// the facts that name none ("It has not produced ...") are that state's; otherwise
/// they stay of an unknown subject.
fn unnamed_subject_from_the_named(out: &mut [Fact]) {
    let state = |s: &str| {
        s.len() == 3 && s != "UNK" && s != "EU" && s.bytes().all(|b| b.is_ascii_uppercase())
    };
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for f in out.iter().filter(|f| state(&f.subject)) {
        match counts.iter_mut().find(|(s, _)| *s == f.subject) {
            Some(c) => c.1 += 1,
            None => counts.push((&f.subject, 1)),
        }
    }
    let named: usize = counts.iter().map(|c| c.1).sum();
    let Some(&(best, n)) = counts.iter().max_by_key(|c| c.1) else {
        return;
    };
    if n < 2 || n * 3 < named * 2 {
        return;
    }
    let best = best.to_string();
    for f in out.iter_mut().filter(|f| f.subject == "UNK") {
        f.subject.clone_from(&best);
    }
}

/// [`page_state`]'s code.
fn page_title_state(doc: &Document) -> Option<&'static str> {
    page_state(doc).map(|st| st.iso3.as_str())
}

/// The state a page names in its own title below a site's menu, for a profile whose
/// header names none: "UNITED ARAB EMIRATES, Landmine Monitor Report 2005", or a
/// state's name alone on its line above "Last Updated: ...", a profile's type or "2008
/// Key Data". Looked for in the first lines of the body only.
pub fn page_state(doc: &Document) -> Option<&'static minewatch_refdata::State> {
    let body = doc.body_span();
    let end = minewatch_model::floor_char_boundary(&doc.text, (body.start + 6000).min(body.end));
    let mut lines = doc
        .text
        .get(body.start..end)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    while let Some(line) = lines.next() {
        if line.len() > 90 {
            continue;
        }
        if let Some((name, year)) = line.split_once(", Landmine Monitor Report ") {
            if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
                if let Some(st) = resolve_state(name.trim()) {
                    return Some(st);
                }
            }
            continue;
        }
        let Some(next) = lines.peek() else { break };
        let titled = next.starts_with("Last updated")
            || next.starts_with("Last Updated")
            || next.ends_with(" Key Data")
            || minewatch_profile::PROFILE_TYPES.contains(next);
        if titled && line.len() <= 60 {
            if let Some(st) = resolve_state(line) {
                return Some(st);
            }
        }
    }
    None
}

/// The state a page cut above its title is about, where its facts name too few states
/// to tell ("TMAC registered 828 mine/ERW casualties ...", "... were reported in
/// Tajikistan"): the state its prose names, three times at least and in two of three
/// of its mentions of states, or twice and no other. Names of four letters or more
/// only (not codes: "US", "CAN").
fn dominant_state_named(doc: &Document, body: Span) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    fn trim(w: &str) -> &str {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.strip_suffix("\u{2019}s")
            .or_else(|| w.strip_suffix("'s"))
            .unwrap_or(w)
    }
    for p in doc.paragraphs.iter().filter(|p| body.contains(p.span)) {
        let words: Vec<&str> = p.text.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            let w = trim(words[i]);
            let n = if w.len() > 3 && w.starts_with(|c: char| c.is_uppercase()) {
                state_first_word(w)
            } else {
                0
            };
            let mut step = 1;
            for k in (1..=n.min(words.len() - i)).rev() {
                let name = if k == 1 {
                    std::borrow::Cow::Borrowed(w)
                } else {
                    let mut s = words[i..i + k - 1].join(" ");
                    s.push(' ');
                    s.push_str(trim(words[i + k - 1]));
                    std::borrow::Cow::Owned(s)
                };
                if let Some(st) = resolve_state(&name) {
                    match counts.iter_mut().find(|c| c.0 == st.iso3) {
                        Some(c) => c.1 += 1,
                        None => counts.push((st.iso3.as_str(), 1)),
                    }
                    step = k;
                    break;
                }
            }
            i += step;
        }
    }
    let total: usize = counts.iter().map(|c| c.1).sum();
    let &(best, n) = counts.iter().max_by_key(|c| c.1)?;
    (n >= 3 && n * 3 >= total * 2 || n >= 2 && n == total).then_some(best)
}

/// A short line naming an instrument other than the Mine Ban Treaty, as the label of
/// what follows in a status box: "Convention on Cluster Munitions", "Convention on
/// Conventional Weapons", "CCW Amended Protocol II".
fn other_instrument_label(text: &str) -> bool {
    // (The stops by memchr2: `contains` of chars read the text char by char.)
    if text.len() > 80 || memchr::memchr2(b'.', b';', text.as_bytes()).is_some() {
        return false;
    }
    let l = text.to_ascii_lowercase();
    (contains!(l, "cluster munition")
        || contains!(l, "conventional weapons")
        || contains!(l, "ccw")
        || contains!(l, "protocol ii")
        || contains!(l, "protocol v")
        || contains!(l, "rights of persons with disabilities"))
        && !(contains!(l, "mine ban") || contains!(l, "ottawa"))
}

/// Whether a sentence with the keyword bits `kw` and event bits `ev` (see [`Sent`]) is
/// read by any rule of [`sentence`]: events need the first word of a trigger; votes,
/// meetings, use and figures their keywords (figures without a trigger word only a
/// stockpile cue in a stockpiling section).
fn read_by_a_rule(kw: u64, ev: u64, section: Option<SectionKind>) -> bool {
    ev != 0
        || kw & (kw::VOTE | kw::MEET | kw::USE | kw::QPRED | kw::STOCK) != 0
        || (kw & kw::QCUE != 0 && matches!(section, Some(SectionKind::Stockpiling)))
}

/// [`negated`] in the sentence `t` (its lowercase text): false at once where the
/// sentence has none of the words it reads (nor the "t" of "n't"), when `pos` starts a
/// word (a place inside one may cut a longer word to a negation's: "no|thing").
fn negated_in(t: &Sent, pos: usize) -> bool {
    negated_with(t.lower, t.kw, pos)
}

/// [`negated_in`] for the lowercase sentence `lower` whose words have the keyword bits
/// `kw`.
fn negated_with(lower: &str, kw: u64, pos: usize) -> bool {
    let at_word = pos == 0
        || lower
            .as_bytes()
            .get(pos - 1)
            .is_some_and(|c| !c.is_ascii_alphanumeric());
    if at_word && kw & kw::NEG == 0 {
        return false;
    }
    negated(lower, pos)
}

/// Whether the words just before `pos` negate or make hypothetical what follows.
fn negated(lower: &str, pos: usize) -> bool {
    let mut from = pos.saturating_sub(40);
    while !lower.is_char_boundary(from) {
        from += 1;
    }
    let w = &lower[from..pos];
    // Only within the clause; the first word may be cut, so skip it unless the window starts the sentence.
    let w = match memchr::memrchr3(b',', b';', b'(', w.as_bytes()) {
        Some(i) => &w[i + 1..],
        None => w,
    };
    let cut = from > 0 && w.len() == pos - from;
    let neg = |x: &[u8]| {
        x.ends_with(b"n't")
            || matches!(
                x,
                b"not"
                    | b"never"
                    | b"no"
                    | b"yet"
                    | b"plans"
                    | b"planned"
                    | b"intends"
                    | b"expected"
                    | b"supposed"
                    | b"would"
                    | b"will"
                    | b"may"
                    | b"could"
                    | b"should"
                    | b"if"
                    | b"whether"
                    | b"refused"
            )
    };
    if w.is_ascii() {
        // The white space of ASCII text, without decoding.
        w.as_bytes()
            .split(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r'))
            .filter(|x| !x.is_empty())
            .skip(usize::from(cut))
            .any(neg)
    } else {
        w.split_whitespace()
            .skip(usize::from(cut))
            .any(|x| neg(x.as_bytes()) || x.ends_with("n\u{2019}t"))
    }
}

impl Sent<'_, '_> {
    /// Whether any of the [`kw`] bits is among the sentence's words.
    fn has(&self, bits: u64) -> bool {
        self.kw & bits != 0
    }
    /// The words with keyword or event bits, in order: (the word's start and end in
    /// the sentence, keyword bits, event bits). (The other words' bits are none.)
    fn keywords(&self) -> impl Iterator<Item = ((usize, usize), u64, u64)> + '_ {
        self.hits.iter().map(|&(i, k, e)| {
            let (a, b) = self.words[i - self.w0];
            ((a - self.start, b - self.start), k, e)
        })
    }
    /// Where the words start (byte offsets), in order.
    fn word_starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().map(|w| w.0 - self.start)
    }
    /// Where the phrase `p` (lowercase, starting with a word) stands in the sentence at
    /// word boundaries, in order: every match of `p` in `lower` whose ends are not
    /// letters or digits, found from the words.
    fn phrase_at(&self, p: &'static str) -> impl Iterator<Item = usize> + '_ {
        self.phrase_spans(p).map(|(i, _)| i)
    }

    /// Where phrase `p` stands, start and end: its spaces match any run of spaces
    /// ("ratify it  until" where a wrapped line ended in a space or in "\r\n").
    fn phrase_spans(&self, p: &'static str) -> impl Iterator<Item = (usize, usize)> + '_ {
        let first = first_word(p).as_bytes();
        let lb = self.lower.as_bytes();
        // (Most words differ by their length: compared by it first.)
        self.words
            .iter()
            .filter(move |w| w.1 - w.0 == first.len())
            .map(|w| w.0 - self.start)
            .filter(move |&a| lb[a..].starts_with(first))
            .filter_map(move |i| {
                let e = loose_end(lb, i, p.as_bytes())?;
                (e >= lb.len() || !lb[e].is_ascii_alphanumeric()).then_some((i, e))
            })
    }
}

/// Where the trigger phrase `p`, whose first word has the event bit `first`
/// ([`trigger_bit`]), stands in the lowercase sentence `lb`, start and end, as
/// [`Sent::phrase_spans`] finds it: its first word among `ev_words`, the sentence's
/// words with an event bit (offset and bits, in order), by the bit (a word has the bit
/// exactly when it is that word).
fn spans_among<'a>(
    lb: &'a [u8],
    ev_words: &'a [(usize, u64)],
    p: &'static str,
    first: u64,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    debug_assert_eq!(first, ev_bit(p));
    ev_words
        .iter()
        .filter(move |&&(_, b)| b & first != 0)
        .filter_map(move |&(i, _)| {
            let e = loose_end(lb, i, p.as_bytes())?;
            (e >= lb.len() || !lb[e].is_ascii_alphanumeric()).then_some((i, e))
        })
}

/// Where `p` ends if it starts at `hay[i..]`, a space of `p` matching one or more
/// spaces of `hay`.
fn loose_end(hay: &[u8], i: usize, p: &[u8]) -> Option<usize> {
    let rest = hay.get(i..)?;
    // As written first, and how far that matched.
    let m = common_prefix(rest, p);
    if m == p.len() {
        return Some(i + p.len());
    }
    // A looser match takes two spaces of `hay` for one of `p`, and before them the two
    // agree: without two spaces in the part that matched (and the byte after it), none.
    // (Most phrases looked for differ after their first word.)
    if !rest[..(m + 1).min(rest.len())]
        .windows(2)
        .any(|w| w == b"  ")
    {
        return None;
    }
    let (mut h, mut k) = (i, 0);
    while k < p.len() {
        if p[k] == b' ' {
            if hay.get(h) != Some(&b' ') {
                return None;
            }
            while hay.get(h) == Some(&b' ') {
                h += 1;
            }
        } else if hay.get(h) == Some(&p[k]) {
            h += 1;
        } else {
            return None;
        }
        k += 1;
    }
    Some(h)
}

/// How many bytes `a` and `b` agree on from their starts. Eight bytes at a time as
/// integers, the first that differ being the lowest set byte of the two's difference
/// (a phrase looked for was compared byte by byte: 1.3 M instructions over 1,000
/// profiles, most of them in the first word, which always matches).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut m = 0;
    while m + 8 <= n {
        let chunk = |s: &[u8]| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&s[m..m + 8]);
            u64::from_le_bytes(w)
        };
        let d = chunk(a) ^ chunk(b);
        if d != 0 {
            return m + (d.trailing_zeros() / 8) as usize;
        }
        m += 8;
    }
    while m < n && a[m] == b[m] {
        m += 1;
    }
    m
}

/// [`common_prefix`] byte by byte, as it was read before (the reference of the tests).
#[cfg(test)]
fn common_prefix_reference(a: &[u8], b: &[u8]) -> usize {
    let mut m = 0;
    while m < b.len() && m < a.len() && a[m] == b[m] {
        m += 1;
    }
    m
}

/// A phrase's first word.
fn first_word(p: &str) -> &str {
    upto(p, b' ')
}

/// `s` cut at every match of the [`mm!`] finder `f`: what `s.split(needle)` gives,
/// without a searcher built for each call.
fn pieces<'a>(
    s: &'a str,
    f: &'static memchr::memmem::Finder<'static>,
) -> impl Iterator<Item = &'a str> {
    let n = f.needle().len();
    f.find_iter(s.as_bytes())
        .chain([s.len()])
        .scan(0, move |from, k| {
            let piece = &s[*from..k];
            *from = k + n;
            Some(piece)
        })
}

/// `s` up to its first byte `c` (ASCII): `s.split(c).next()`, by a byte search (the
/// pattern searchers of `str` cost more to set up than the short search).
fn upto(s: &str, c: u8) -> &str {
    &s[..memchr::memchr(c, s.as_bytes()).unwrap_or(s.len())]
}

/// `s` after its last byte `c` (ASCII): `s.rsplit(c).next()`, by a byte search.
fn after_last(s: &str, c: u8) -> &str {
    &s[memchr::memrchr(c, s.as_bytes()).map_or(0, |k| k + 1)..]
}

/// The text after the last space of `p`: `p.rsplit(' ').next()`, by a byte search.
fn last_word(p: &str) -> &str {
    after_last(p, b' ')
}

/// `s` up to its first ',', ';' or '.': `s.split([',', ';', '.']).next()`, by a byte
/// search.
fn clause_of(s: &str) -> &str {
    &s[..memchr::memchr3(b',', b';', b'.', s.as_bytes()).unwrap_or(s.len())]
}

/// `s` after its last ',', ';' or '.': `s.rsplit([',', ';', '.']).next()`, by a byte
/// search (a search of chars from the end decoded every one).
fn last_clause_of(s: &str) -> &str {
    &s[memchr::memrchr3(b',', b';', b'.', s.as_bytes()).map_or(0, |k| k + 1)..]
}

fn mentions_mbt(t: &Sent) -> bool {
    t.has(kw::TREATY | kw::OTTAWA) || (t.has(kw::CONVENTION) && !mentions_ccw(t))
}

/// A period of years right after a figure's phrase (past a parenthesis after it):
/// "in 2011–2016", "in the period 1984–2010", "for 1999-2004".
fn period_right_after(t: &Sent, q: &Quantity) -> Option<String> {
    let l = t.lower;
    let mut rest = &l[q.phrase_end.max(q.end)..];
    if rest.starts_with(" (") {
        rest = &rest[rest.find(')')? + 1..];
    } else if let Some(open) = memchr::memrchr(b'(', &l.as_bytes()[..q.hedge_start]) {
        // A kind inside the parenthesis after a figure ("426 casualties (116 killed;
        // 293 injured) from 1999 to 2016"): the period after the parenthesis.
        if !l[open..q.hedge_start].contains(')') {
            rest = &rest[rest.find(')')? + 1..];
        }
    }
    let rest = rest.trim_start();
    // "... (589 killed and 956 injured) in Vietnam from 1999 to 2008": a period from
    // one year to another, past a place of a few words.
    let from_to = || {
        // (In the figure's clause: before any comma, period or parenthesis.)
        let k = find(mm!("from "), rest)?;
        let cut = memchr::memchr3(b',', b';', b'.', &rest.as_bytes()[..k]).is_some()
            || memchr::memchr(b'(', &rest.as_bytes()[..k]).is_some();
        if cut {
            return None;
        }
        let clause = rest;
        // ("for the period from 1992 to the end of 2010" too.)
        let k = Some(k).filter(|&k| {
            let lead = &clause[..k];
            k == 0
                || matches!(
                    lead,
                    "for the period "
                        | "in the period "
                        | "during the period "
                        | "over the period "
                )
                || lead.starts_with("in ") && lead.split(' ').count() <= 5
        })?;
        let at = l.len() - rest.len() + k + "from ".len();
        let i = t.dates.iter().position(|d| d.start == at)?;
        let d0 = &t.dates[i];
        // "from 1998-2002": the second year is no date of its own after a hyphen.
        let after = &l[d0.end..];
        if let Some(y) = after.strip_prefix('-').and_then(|r| r.get(..4)) {
            let whole = !after[5..].starts_with(|c: char| c.is_ascii_alphanumeric());
            if whole && y.bytes().all(|c| c.is_ascii_digit()) {
                return Some(format!("{}/{y}", d0.iso()));
            }
        }
        let d1 = t.dates.get(i + 1)?;
        matches!(
            l[d0.end..d1.start].trim(),
            "to" | "until" | "through" | "to the end of" | "-" | "\u{2013}"
        )
        .then(|| iso_with("", d0, "/", Some(d1), ""))
    };
    if let Some(p) = from_to() {
        return Some(p);
    }
    let rest = [
        "in the period ",
        "for the period ",
        "during the period ",
        "in ",
        "for ",
        "during ",
        "over ",
    ]
    .iter()
    .find_map(|p| rest.strip_prefix(p))?;
    let at = l.len() - rest.len();
    let i = t.dates.iter().position(|d| d.start == at)?;
    let (d0, d1) = (&t.dates[i], t.dates.get(i + 1)?);
    matches!(l[d0.end..d1.start].trim(), "\u{2013}" | "-")
        .then(|| iso_with("", d0, "/", Some(d1), ""))
}

/// "An estimated 1,000 mines were planted during the conflict", "about 920,000
/// antipersonnel mines emplaced in border areas": mines in the ground, not in stock.
fn in_the_ground(l: &str, q: &Quantity) -> bool {
    const IN_GROUND: [&str; 9] = [
        "planted",
        "laid",
        "used",
        "emplaced",
        "found",
        "cleared",
        "removed",
        "lifted",
        "recovered",
    ];
    let rest = l[q.phrase_end.max(q.end)..].trim_start();
    let clause = clause_of(rest);
    let first = first_word(clause);
    // (The participle right after: not "used", which may say what the stock is for.)
    matches!(first, "planted" | "laid" | "emplaced")
        || ["were ", "have been ", "had been ", "was "]
            .iter()
            .any(|w| clause.starts_with(w))
            && clause.split(' ').take(3).any(|w| IN_GROUND.contains(&w))
}

/// "The military captured an estimated 1,200 mines from the Kachin Independence Army",
/// "1,200 mines were seized": mines taken from someone else (captured, seized,
/// confiscated, recovered, or found with someone), not a stockpile the state declares.
fn taken_from_others(l: &str, q: &Quantity) -> bool {
    const TAKEN: [&str; 6] = [
        "captured",
        "seized",
        "confiscated",
        "recovered",
        "impounded",
        "found",
    ];
    let rest = l[q.phrase_end.max(q.end)..].trim_start();
    let clause_after = clause_of(rest);
    // ("found" only with whom they were found: "found 300 mines in its stockpile" may
    // be a stockpile.)
    let taken = |w: &str| TAKEN.contains(&w) && (w != "found" || contains!(clause_after, "from "));
    let pre = &l[..q.hedge_start];
    let clause_before = last_clause_of(pre);
    // The verb right before the figure, past a few words ("captured an estimated",
    // "seized some").
    let before = clause_before.split_whitespace().rev().take(3).any(taken);
    let after = ["were ", "have been ", "had been ", "was ", "has been "]
        .iter()
        .any(|w| clause_after.starts_with(w))
        && clause_after.split(' ').take(3).any(taken);
    before || after
}

/// "this number was reduced to ", "the total has been increased to ": the words
/// before a figure that sets anew a number the sentence gave before.
fn changed_number(before: &str) -> bool {
    let Some(b) = before.strip_suffix(" to ") else {
        return false;
    };
    // In the active: "as of the end of 2007 it had reduced this number to 260".
    // ("... initially retained 10,446 mines, but this was reduced to 3,672".)
    const NUMBER: [&str; 8] = [
        "this number",
        "that number",
        "the number",
        "the total",
        "this total",
        " this",
        " that",
        " it",
    ];
    if let Some(v) = NUMBER.iter().find_map(|n| b.strip_suffix(n)) {
        let verb = last_word(v.trim_end());
        if matches!(
            verb,
            "reduced" | "increased" | "decreased" | "lowered" | "raised" | "revised" | "cut"
        ) {
            return true;
        }
    }
    // (The last space by memrchr: `rsplit_once` of a char made a searcher.)
    let Some((b, verb)) = memchr::memrchr(b' ', b.as_bytes()).map(|k| (&b[..k], &b[k + 1..]))
    else {
        return false;
    };
    if !matches!(
        verb,
        "reduced" | "increased" | "decreased" | "lowered" | "raised" | "revised" | "cut"
    ) {
        return false;
    }
    // ("... announced in May 2000 that this would be reduced to 4,000")
    let b = [
        "was", "has been", "had been", "is", "were", "would be", "will be",
    ]
    .iter()
    .find_map(|a| b.strip_suffix(a))
    .map_or(b, str::trim_end);
    NUMBER.iter().any(|w| b.ends_with(w))
}

/// A destroyed figure of a sentence about clearance ("during clearance", "in mined
/// areas", "demining", explosive ordnance disposal) whose own words do not say
/// stockpiled.
fn cleared_not_stockpiled(l: &str, q: &Quantity) -> bool {
    let window = |before: usize, after: usize| {
        let mut a = q.hedge_start.saturating_sub(before);
        while !l.is_char_boundary(a) {
            a += 1;
        }
        let mut b = (q.phrase_end.max(q.end) + after).min(l.len());
        while !l.is_char_boundary(b) {
            b -= 1;
        }
        &l[a..b]
    };
    // The words around the figure say stockpiled: "its stockpile of 71,864 mines",
    // "3,000 stockpiled mines", "2,000 mines from stockpiles" (looked at first: most
    // destroyed figures are a stockpile's).
    if contains!(window(30, 30), "stockpil") {
        return false;
    }
    // Clearance words near the figure (a long sentence may name clearance elsewhere);
    // explosive ordnance disposal and unexploded ordnance too ("5,449 mines and
    // 64,384 UXO were detected and destroyed in emergency EOD operations").
    let near = window(100, 80);
    [
        "clearance",
        "cleared",
        "mined area",
        "demining",
        "minefield",
        "land release",
        " eod",
        "explosive ordnance disposal",
        " uxo",
        "unexploded ordnance",
    ]
    .iter()
    .any(|w| near.contains(w))
}

/// A sentence that names an instrument other than the Mine Ban Treaty (besides the
/// CCW and the Convention on Cluster Munitions, tested apart): its ratification or
/// entry into force is not the treaty's. Victim assistance sections cite the
/// Convention on the Rights of Persons with Disabilities often.
fn other_instrument(l: &str) -> bool {
    contains!(l, "disabilit")
        || contains!(l, "arms trade")
        || contains!(l, "chemical weapons")
        || contains!(l, "biological weapons")
        || contains!(l, "nuclear")
        || contains!(l, "rome statute")
        || contains!(l, "geneva convention")
        || contains!(l, "additional protocol")
        || contains!(l, "small arms")
        || contains!(l, "firearms protocol")
}

/// A sentence about cluster munitions, not antipersonnel mines: it names them (and no
/// mine), or it stands in a cluster munition profile and names no mine. Its stockpile,
/// destruction and casualty figures are not the Mine Ban Treaty's.
fn about_cluster_munitions(t: &Sent) -> bool {
    (t.has(kw::CLUSTER) || t.cluster_profile) && !has(mm!("mine"), t.lower)
}

fn mentions_ccw(t: &Sent) -> bool {
    (t.has(kw::CONVENTIONAL) && t.has(kw::WEAPONS))
        || t.has(kw::CCW)
        || (t.has(kw::PROTOCOL) && t.has(kw::II))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Ev {
    Signature,
    Deposit(&'static str),
    Eif,
    Withdrawal,
    Moratorium,
    Policy,
    ReportA7,
    ReportCcw,
    DestructionCompleted,
    DestructionDeadline,
    ClearanceDeadline,
    ProductionLast,
    TransferLast,
    UseLast,
}

impl Ev {
    fn predicate(self) -> &'static str {
        match self {
            Ev::Signature => "treaty.signature",
            Ev::Deposit(_) => "treaty.deposit",
            Ev::Eif => "treaty.entry_into_force",
            Ev::Withdrawal => "treaty.withdrawal",
            Ev::Moratorium => "transfer.moratorium",
            Ev::Policy => "policy.announced",
            Ev::ReportA7 => "report.article7",
            Ev::ReportCcw => "report.ccw_apii",
            Ev::DestructionCompleted => "stockpile.destruction_completed",
            Ev::DestructionDeadline => "stockpile.destruction_deadline",
            Ev::ClearanceDeadline => "clearance.deadline",
            Ev::ProductionLast => "production.last",
            Ev::TransferLast => "transfer.last",
            Ev::UseLast => "use.last",
        }
    }
}

/// The bit of [`EV_FIRST`] for the first word of the phrase `p` (0 if none).
const fn ev_bit(p: &str) -> u64 {
    let p = p.as_bytes();
    let mut n = 0;
    while n < p.len() && p[n] != b' ' {
        n += 1;
    }
    let mut i = 0;
    while i < EV_FIRST.len() {
        let w = EV_FIRST[i].as_bytes();
        if w.len() == n {
            let mut j = 0;
            while j < n && w[j] == p[j] {
                j += 1;
            }
            if j == n {
                return 1 << i;
            }
        }
        i += 1;
    }
    0
}

/// [`ev_bit`] of a trigger phrase: every trigger's first word is in `EV_FIRST` (a
/// phrase without its bit would be searched in every sentence), a compile-time error
/// otherwise.
const fn trigger_bit(p: &str) -> u64 {
    let b = ev_bit(p);
    if b == 0 {
        panic!("a trigger phrase's first word is missing from EV_FIRST");
    }
    b
}

/// The [`ev_bit`]s of a list of trigger phrases together.
const fn phrases_mask(phrases: &[(&str, u64)]) -> u64 {
    let mut m = 0;
    let mut i = 0;
    while i < phrases.len() {
        m |= phrases[i].1;
        i += 1;
    }
    m
}

/// Trigger phrases with the [`ev_bit`] of their first word, made at compile time.
macro_rules! phrases {
    ($($p:literal),+ $(,)?) => {{
        const P: &[(&str, u64)] = &[$(($p, trigger_bit($p))),+];
        P
    }};
}

/// The sentence's event triggers (start, end, event), in order, into `v` (empty; a
/// buffer kept from one sentence to the next).
fn event_triggers_into(t: &Sent, v: &mut Vec<(usize, usize, Ev)>) {
    // A sentence without the first word of any trigger phrase has no event.
    if t.ev == 0 {
        return;
    }
    let l = t.lower;
    let ccw = mentions_ccw(t);
    let other_treaty = ccw || t.has(kw::CLUSTER);
    // The words with an event bit (a few a sentence), with their offsets: each phrase
    // looks among these for its first word, not among all the sentence's words.
    // (Listed when a phrase is first looked for: a sentence whose first words are of
    // phrases no rule asks about here lists none.)
    type EvWords = ([(usize, u64); 16], usize, Vec<(usize, u64)>);
    let listed: std::cell::OnceCell<EvWords> = std::cell::OnceCell::new();
    let list = || {
        let mut few = [(0usize, 0u64); 16];
        let mut n = 0;
        let mut many = Vec::new();
        for ((at, _), _, e) in t.keywords() {
            if e != 0 {
                if n < few.len() {
                    few[n] = (at, e);
                } else {
                    if many.is_empty() {
                        many.extend_from_slice(&few);
                    }
                    many.push((at, e));
                }
                n += 1;
            }
        }
        (few, n, many)
    };
    let lb = l.as_bytes();
    let mut add = |phrases: &[(&'static str, u64)], ev: Ev| {
        let (few, n, many) = listed.get_or_init(list);
        let ev_words: &[(usize, u64)] = if *n <= few.len() { &few[..*n] } else { many };
        for &(p, first) in phrases {
            if t.ev & first == 0 {
                continue;
            }
            for (i, e) in spans_among(lb, ev_words, p, first) {
                if !v.iter().any(|(a, b, _)| i < *b && *a < e) {
                    v.push((i, e, ev));
                }
            }
        }
    };
    // `add`, called only where the sentence has the first word of one of the phrases
    // (their bits together made at compile time).
    macro_rules! add {
        ($phrases:expr, $ev:expr $(,)?) => {{
            const ANY: u64 = phrases_mask($phrases);
            if t.ev & ANY != 0 {
                add($phrases, $ev);
            }
        }};
    }
    let mut participle: Vec<(usize, usize, Ev)> = Vec::new();
    // "destroyed its stockpile ...": a completion where the sentence names no other.
    let mut destroyed_whole: Vec<(usize, usize, Ev)> = Vec::new();
    // A sentence about cluster munitions, or any sentence of a cluster munition
    // profile, means the Convention on Cluster Munitions by "the convention"; named
    // outright, the Mine Ban Treaty is meant whatever else the sentence names.
    // So a sentence saying only "the convention" in a paragraph about cluster
    // munitions ("It ... ratify the convention on 18 March 2009").
    let cluster = t.has(kw::CLUSTER)
        || t.cluster_profile
        || t.para_kw & kw::CLUSTER != 0
            && !t.has(kw::TREATY | kw::OTTAWA)
            && !has(mm!("mine ban"), l);
    let named = || t.has(kw::OTTAWA) || has(mm!("mine ban"), l);
    // Looked for once, and only where it decides.
    let other = std::cell::OnceCell::new();
    let other = || *other.get_or_init(|| other_instrument(l));
    let mbt = mentions_mbt(t) && (!ccw && !cluster && !other() || named());
    // Without naming the treaty, a policy-section sentence about a deposit is still about it.
    let policy_ctx = !mbt
        && !ccw
        && !cluster
        // (A heading of no usual kind, "Summary" or "Key developments", included.)
        && matches!(
            t.section,
            None | Some(SectionKind::Policy) | Some(SectionKind::Other)
        )
        && !other();
    if mbt {
        add!(phrases!["signed"], Ev::Signature);
        // "after signing it on 3 December 1997": the treaty as the object, not a decree.
        add!(
            phrases!["signing it", "signing the treaty", "signing the convention"],
            Ev::Signature,
        );
    }
    if mbt || policy_ctx {
        // "a signatory since 4 December 1997"
        add!(phrases!["signatory since"], Ev::Signature);
        add!(
            phrases!["instrument of ratification", "ratified", "ratification"],
            Ev::Deposit("ratification"),
        );
        // "did not ratify it until 25 September 2003": the deposit, on that date (the
        // negation is the phrase's, see `events`).
        add!(
            phrases![
                "ratify it until",
                "ratify the treaty until",
                "ratify the convention until",
            ],
            Ev::Deposit("ratification"),
        );
        add!(
            phrases!["instrument of accession", "acceded", "accession"],
            Ev::Deposit("accession"),
        );
        add!(
            phrases![
                "accede to it until",
                "accede to the treaty until",
                "accede to the convention until",
            ],
            Ev::Deposit("accession"),
        );
        add!(
            phrases!["instrument of acceptance"],
            Ev::Deposit("acceptance"),
        );
        // "The President signed Nigeria's instrument of accession on 23 July 2001 and
        // it was formally deposited with the UN on 27 September 2001": the deposit in
        // the passive, the instrument named before (its kind is read from it).
        // "it was not formally deposited until 23 September 2002": the deposit, then.
        add!(phrases!["deposited until"], Ev::Deposit("ratification"));
        add!(phrases!["deposited"], Ev::Deposit("ratification"));
        add!(phrases!["instrument of approval"], Ev::Deposit("approval"));
        add!(
            phrases!["notification of succession", "succeeded to"],
            Ev::Deposit("succession"),
        );
        add!(
            phrases![
                "entered into force",
                "entry into force",
                // The date Art. 17 fixes, stated ahead: "will enter into force for it
                // on 1 September 2025" (a claim `check` can test against the rule).
                "will enter into force",
                "enters into force",
                // "with the treaty entering into force on 1 July 2012"
                "entering into force",
                "became a state party",
                "becoming a state party",
                "became party",
                "state party on",
                // "has been a State Party since 1 January 2000"
                "state party since",
                // "Because it succeeded to the treaty, the convention has been in
                // force for it since its independence on 9 July 2011" (for it: "has
                // been in force since 1 March 1999" is the treaty's own)
                "been in force for it since",
                "been in force for it from",
            ],
            Ev::Eif,
        );
        add!(
            phrases![
                "instrument of withdrawal",
                "withdrew",
                "withdrawal",
                "withdraw from",
            ],
            Ev::Withdrawal,
        );
    }
    // An Article 7 report is the treaty's wherever it is mentioned (unless another treaty's).
    if !other_treaty {
        add!(
            phrases!["article 7 report", "article 7 transparency report"],
            Ev::ReportA7,
        );
    }
    // A transparency report not under the CCW or the Convention on Cluster Munitions is
    // the Mine Ban Treaty's Article 7 report.
    if t.has(kw::TRANSPARENCY) && !other_treaty {
        add!(phrases!["transparency report"], Ev::ReportA7);
    }
    if t.has(kw::REPORT) && ccw {
        // "submits the annual reports it requires; its most recent ... on 15 October 2025"
        add!(phrases!["report", "reports"], Ev::ReportCcw);
    }
    if t.has(kw::MORATORIUM) && t.has(kw::P_EXPORT | kw::P_TRANSFER) {
        add!(phrases!["moratorium"], Ev::Moratorium);
    }
    if t.has(kw::POLICY) {
        add!(
            phrases!["announced", "issued", "adopted", "unveiled"],
            Ev::Policy,
        );
    }
    if (t.has(kw::P_STOCKPILE)
        || t.section == Some(SectionKind::StockpileDestruction)
        || t.para_kw & kw::P_STOCKPILE != 0 && !other_treaty)
        && !about_cluster_munitions(t)
    {
        add!(
            phrases![
                "completed the destruction",
                "completed destruction",
                "completed its stockpile destruction",
                "completed stockpile destruction",
                "completed the stockpile destruction",
                "finished destroying",
                "finished destruction",
                "finished the destruction",
                "completed destroying",
                "destruction was completed",
                "completion of its stockpile destruction",
                "completion of stockpile destruction",
                "completion of the destruction",
                "completion of its destruction",
            ],
            Ev::DestructionCompleted,
        );
        // "destroyed 1,055,971 mines in all and finished the work in April 2016": the
        // work a sentence about destroying mines speaks of.
        if t.has(kw::DESTROY) {
            add!(
                phrases![
                    "finished the work",
                    "finished the job",
                    "finished the process",
                    "completed the work",
                    "completed the job",
                    "completed the process",
                ],
                Ev::DestructionCompleted,
            );
        }
        // A participle clause after a past main clause: "destroyed its last mines in
        // 2016, completing the destruction of its stockpile on 4 November 2016". Not
        // where the sentence looks ahead ("plans to finish in 2027, completing ...").
        const COMPLETING: u64 = ev_bit("completing");
        let ahead = || {
            [
                "plan", "aim", "expect", "intend", "will ", "would ", "should ",
            ]
            .iter()
            .any(|w| l.contains(w))
        };
        if t.ev & COMPLETING != 0 && !ahead() {
            // "destroyed its stockpile of N mines, completing the work on 11 August
            // 1999": the work of a sentence about destroying.
            let work: &[&str] = if t.has(kw::DESTROY) {
                &[
                    "completing the destruction",
                    "completing destruction",
                    "completing stockpile destruction",
                    "completing its stockpile destruction",
                    "completing the work",
                    "completing the process",
                ]
            } else {
                &[
                    "completing the destruction",
                    "completing destruction",
                    "completing stockpile destruction",
                    "completing its stockpile destruction",
                ]
            };
            // Or the object of a verb that reports it: "Oman reported completing the
            // destruction of its stockpile on 30 November 2018".
            let reported = |pre: &str| {
                ["reported ", "announced ", "declared ", "confirmed "]
                    .iter()
                    .any(|v| pre.ends_with(v))
            };
            for p in work {
                for i in t.phrase_at(p) {
                    if l[..i].ends_with(", ") || reported(&l[..i]) {
                        participle.push((i, i + p.len(), Ev::DestructionCompleted));
                    }
                }
            }
        }
        if t.has(kw::DEADLINE) && !t.has(kw::CLEARANCE) && !has(mm!("article 5"), l) {
            add!(phrases!["deadline"], Ev::DestructionDeadline);
        }
        // "Chile destroyed its stockpile of antipersonnel mines on 28 August 2003",
        // "it destroyed its last stockpiled antipersonnel mines in 2004": the whole
        // stockpile, or its last mines, destroyed is the destruction completed (not
        // "destroyed 5,000 mines from its stockpile", "destroyed part of its
        // stockpile", "its stockpile of PFM-1 mines", nor where it looks ahead).
        const DESTROYED: u64 = ev_bit("destroyed");
        if t.ev & DESTROYED != 0 && !ahead() {
            for p in [
                "destroyed its stockpile",
                "destroyed its entire stockpile",
                "destroyed its whole stockpile",
                "destroyed its remaining stockpile",
                "destroyed its stockpiled",
                "destroyed its last stockpiled",
                "destroyed its last stockpile",
                "destroyed the last of its stockpile",
                "destroyed the last of its stockpiled",
                "destroyed the remainder of its stockpile",
            ] {
                for (i, e) in t.phrase_spans(p) {
                    if whole_stockpile_named(l, e) {
                        destroyed_whole.push((i, e, Ev::DestructionCompleted));
                    }
                }
            }
        }
    }
    // "Its original Article 5 clearance deadline was 1 March 2012": the treaty's
    // clearance deadline (the cluster munition convention's is its Article 4).
    if t.has(kw::DEADLINE) && !other_treaty && !cluster && !other() {
        add!(
            phrases![
                "article 5 deadline",
                "article 5 clearance deadline",
                "article 5 mine clearance deadline",
            ],
            Ev::ClearanceDeadline,
        );
    }
    // "Its Article 4 deadline was 1 March 2008": the treaty's Art. 4 deadline is the
    // stockpile's without the word (not the Convention on Cluster Munitions', whose
    // Article 4 is clearance).
    if t.has(kw::DEADLINE)
        && !other_treaty
        && !t.cluster_profile
        && t.para_kw & kw::CLUSTER == 0
        && !t.has(kw::CLEARANCE)
        && !has(mm!("article 5"), l)
        && article_4_deadline(l)
    {
        add!(phrases!["deadline"], Ev::DestructionDeadline);
    }
    add!(
        phrases![
            "last produced",
            "last production",
            "ceased production",
            "stopped production",
            "ended production",
            "halted production",
            "stopped producing",
        ],
        Ev::ProductionLast,
    );
    if t.has(kw::LAST) && t.has(kw::TIME) && t.has(kw::PRODUCED | kw::PRODUCTION) {
        add!(phrases!["last time"], Ev::ProductionLast);
    }
    // Of mines only ("its last transfer of funds" is no export); the first words
    // before the search.
    const TRANSFER_FIRST: u64 =
        ev_bit("last") | ev_bit("stopped") | ev_bit("ceased") | ev_bit("halted");
    if t.ev & TRANSFER_FIRST != 0 && has(mm!("mine"), l) {
        add!(
            phrases![
                "last exported",
                "last export",
                "last transferred",
                "last transfer",
                "stopped exporting",
                "ceased exporting",
                "ceased exports",
                "halted exports",
            ],
            Ev::TransferLast,
        );
    }
    add!(phrases!["last use", "last used"], Ev::UseLast);
    // "The last US use of ...": up to two words between "last" and "use".
    if t.has(kw::LAST) {
        for i in t.phrase_at("last") {
            let rest = &l[i + 4..];
            let words: Vec<&str> = rest.split_whitespace().take(3).collect();
            if let Some(k) = words.iter().position(|w| *w == "use" || *w == "used") {
                if k > 0 && !v.iter().any(|x| x.0 == i) {
                    v.push((i, i + 4, Ev::UseLast));
                }
            }
        }
    }
    // ("destroyed its last mines in 2016, completing the destruction of its stockpile
    // on 4 November 2016": the completion named.)
    if !v
        .iter()
        .chain(&participle)
        .any(|x| x.2 == Ev::DestructionCompleted)
    {
        participle.append(&mut destroyed_whole);
    }
    for x in participle {
        if !v.iter().any(|(a, b, _)| x.0 < *b && *a < x.1) {
            v.push(x);
        }
    }
    v.sort_by_key(|x| x.0);
    // "Its deadline for completion of stockpile destruction is 1 November 2006": the
    // deadline's date (its own trigger's), not a completion.
    v.retain(|&(a, _, ev)| {
        if ev != Ev::DestructionCompleted {
            return true;
        }
        let lead = &l[minewatch_model::ceil_char_boundary(l, a.saturating_sub(24))..a];
        ![
            "deadline",
            "target date",
            "date for",
            "plan for",
            "plans for",
        ]
        .iter()
        .any(|w| lead.contains(w))
    });
    // Keep the policy trigger only when "policy" is its object (within 60 bytes after, or the subject before).
    v.retain(|(a, b, ev)| {
        if *ev != Ev::Policy {
            return true;
        }
        let mut end = (*b + 60).min(l.len());
        while !l.is_char_boundary(end) {
            end -= 1;
        }
        has(mm!("policy"), &l[*b..end]) && !has(mm!("fact sheet"), &l[..*a])
    });
}

/// "Article 4 deadline", "Article 4 stockpile destruction deadline": a deadline named
/// by the treaty's article on stockpile destruction.
fn article_4_deadline(l: &str) -> bool {
    let f = mm!("article 4 ");
    let mut from = 0;
    while let Some(i) = f.find(&l.as_bytes()[from..]) {
        let rest = &l[from + i + "article 4 ".len()..];
        if [
            "deadline",
            "stockpile destruction deadline",
            "destruction deadline",
            "stockpile deadline",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
        {
            return true;
        }
        from += i + 1;
    }
    false
}

/// The date for the trigger at index `k`: the first after it (before the next
/// trigger), else the last before it (after the previous trigger).
/// Assign dates to triggers: each takes the first date after it (before the next
/// trigger); a trigger with none takes the last unclaimed date before it (after the
/// previous trigger). A date serves one trigger only.
/// (Into `out`, empty.)
fn assign_dates_into(t: &Sent, trig: &[(usize, usize, Ev)], out: &mut Vec<Option<usize>>) {
    // A period the event covers ("its report for calendar year 2024") is not its date.
    let mut period = Flags::new(t.dates.len());
    for (i, d) in t.dates.iter().enumerate() {
        let is = {
            let pre = t.lower[..d.start].trim_end();
            [
                "calendar year",
                "covering",
                "for the year",
                "for the period",
                "covering the year",
                // "for the period from 30 April 2003 to 14 January 2004"
                "period from",
            ]
            .iter()
            .any(|w| pre.ends_with(w))
        };
        if is {
            period.set(i);
        }
    }
    // The period's end too: "for the period from 30 April 2003 to 14 January 2004".
    for i in 1..t.dates.len() {
        if period.get(i - 1)
            && matches!(
                t.lower[t.dates[i - 1].end..t.dates[i].start].trim(),
                "to" | "-" | "\u{2013}" | "until" | "through"
            )
        {
            period.set(i);
        }
    }
    // A report's due date ("was due by 28 November 2018") is not when it was made.
    let mut due = Flags::new(t.dates.len());
    for (i, d) in t.dates.iter().enumerate() {
        let is = {
            let pre = t.lower[..d.start].trim_end();
            ["due by", "due on", "was due", "due in", "due"]
                .iter()
                .any(|w| pre.ends_with(w))
                // "is due six months later, 28 April 2004"
                || pre.ends_with("later,")
                    && pre
                        .rfind(" due ")
                        .is_some_and(|k| pre.len() - k < 40 && !pre[k..].contains(['.', ';']))
        };
        if is {
            due.set(i);
        }
    }
    let mut claimed = period.clone();
    out.resize(trig.len(), None);
    // "by its 1 March 2008 deadline", "ahead of its 1 December 2005 treaty-mandated
    // deadline": the date standing right before the word (or its modifier) is the
    // deadline's (not one later in the sentence).
    for (k, &(a, _, ev)) in trig.iter().enumerate() {
        if !matches!(ev, Ev::DestructionDeadline | Ev::ClearanceDeadline) {
            continue;
        }
        if let Some(i) = (0..t.dates.len()).find(|&i| {
            !claimed.get(i)
                && t.dates[i].end <= a
                && matches!(
                    t.lower[t.dates[i].end..a].trim(),
                    "" | "treaty-mandated"
                        | "treaty mandated"
                        | "treaty"
                        | "article 4"
                        | "original"
                        | "extended"
                        | "destruction"
                        | "stockpile destruction"
                )
        }) {
            claimed.set(i);
            out[k] = Some(i);
        }
    }
    for (k, &(_, b, _)) in trig.iter().enumerate() {
        if out[k].is_some() {
            continue;
        }
        let next = trig.get(k + 1).map(|x| x.0).unwrap_or(usize::MAX);
        let report = matches!(trig[k].2, Ev::ReportA7 | Ev::ReportCcw);
        if let Some(i) = (0..t.dates.len()).find(|&i| {
            let d = &t.dates[i];
            d.start >= b
                && d.start < next
                && !(claimed.get(i) && period.get(i))
                && !(report && due.get(i))
        }) {
            if !claimed.get(i) {
                claimed.set(i);
                out[k] = Some(i);
            }
        }
    }
    // "completed its stockpile destruction program on its 1 July 2007 deadline", "...
    // on its treaty-mandated deadline of 1 July 2007": the deadline's date is the
    // completion's too.
    if let Some((da, dl)) = trig
        .iter()
        .position(|x| x.2 == Ev::DestructionDeadline)
        .and_then(|k| Some((trig[k].0, out[k]?)))
    {
        for (k, x) in trig.iter().enumerate() {
            let on_it = |between: &str| {
                let b = between.trim_end();
                b.ends_with(" on its") || b.ends_with(" on the") || contains!(b, " on its ")
            };
            let start = da.min(t.dates[dl].start);
            if x.2 == Ev::DestructionCompleted
                && out[k].is_none()
                && x.1 <= start
                && on_it(&t.lower[x.1..start])
                && !contains!(t.lower[x.1..start], " by ")
            {
                out[k] = Some(dl);
            }
        }
    }
    for (k, &(a, _, _)) in trig.iter().enumerate() {
        // "In May 2010, Algeria wrote that ... after completion of its stockpile
        // destruction program": a completion named by a noun is dated after it.
        if out[k].is_some() || t.lower[a..].starts_with("completion") {
            continue;
        }
        let prev = if k > 0 { trig[k - 1].1 } else { 0 };
        if let Some(i) = (0..t.dates.len())
            .rev()
            .find(|&i| t.dates[i].end <= a && t.dates[i].start >= prev)
        {
            if !claimed.get(i) {
                claimed.set(i);
                out[k] = Some(i);
            }
        }
    }
}

/// A flag for each of `n` things (a sentence's dates): bits of one word where they fit
/// (no allocation), a vector beyond.
#[derive(Clone)]
struct Flags {
    bits: u64,
    more: Vec<bool>,
}

impl Flags {
    fn new(n: usize) -> Flags {
        Flags {
            bits: 0,
            more: if n > 64 { vec![false; n] } else { Vec::new() },
        }
    }
    fn get(&self, i: usize) -> bool {
        if self.more.is_empty() {
            self.bits >> i & 1 != 0
        } else {
            self.more[i]
        }
    }
    fn set(&mut self, i: usize) {
        if self.more.is_empty() {
            self.bits |= 1 << i;
        } else {
            self.more[i] = true;
        }
    }
}

/// "deposited" is a trigger only after a pronoun for the instrument named before it
/// ("... and it was formally deposited on 27 September 2001"); elsewhere the
/// instrument's own words are ("its instrument of ratification was deposited on ...").
fn pronoun_deposit(l: &str, a: usize) -> bool {
    let before = l[..a].trim_end();
    let before = before.strip_suffix(" formally").unwrap_or(before);
    (before.ends_with(" it was") || before.ends_with(" which was"))
        && has(mm!("instrument of "), &l[..a])
}

fn sentence<'d>(cx: &mut Ctx<'d>, t: &Sent<'d, '_>) {
    // (The triggers' vector is the context's, kept from one sentence to the next.)
    let mut trig = std::mem::take(&mut cx.trig);
    sentence_with(cx, t, &mut trig);
    trig.clear();
    cx.trig = trig;
}

/// [`sentence`], its triggers read into `trig` (empty).
fn sentence_with<'d>(cx: &mut Ctx<'d>, t: &Sent<'d, '_>, trig: &mut Vec<(usize, usize, Ev)>) {
    event_triggers_into(t, trig);
    // (Most sentences have no trigger: nothing to keep. A trigger "deposited" is found
    // only from a word with that word's event bit: without it, none is looked for.)
    const DEPOSITED: u64 = ev_bit("deposited");
    const _: () = assert!(DEPOSITED != 0);
    if !trig.is_empty() && t.ev & DEPOSITED != 0 {
        trig.retain(|&(a, b, _)| &t.lower[a..b] != "deposited" || pronoun_deposit(t.lower, a));
    }
    if !trig.is_empty() {
        events(cx, t, trig);
    }
    if t.has(kw::VOTE) {
        unga(cx, t);
    }
    if t.has(kw::MEET) {
        meeting(cx, t);
    }
    if t.has(kw::USE) {
        use_reported(cx, t, trig);
    }
    // Without a figure trigger a figure gives a fact only as a stockpile in a
    // stockpiling section with a cue word (see `figures`).
    if t.has(kw::QPRED | kw::STOCK)
        || (t.has(kw::QCUE) && matches!(t.section, Some(SectionKind::Stockpiling)))
    {
        figures(cx, t);
        holders_parts(cx, t);
    }
}

/// "the Royal Thai Army retained 2,499 mines, the Royal Thai Air Force retained 575
/// mines, and the Thai Border Patrol Police retained 59 mines": two or more figures of
/// one count, each held by a body of the state, are its parts, not totals — low
/// confidence, so no cross-check compares them with the state's total.
fn holders_parts<'d>(cx: &mut Ctx<'d>, t: &Sent<'d, '_>) {
    // (The money rules run here, after `figures`, rather than from `sentence_with`:
    // the hot dispatch keeps its code, and with it its profile in pgo/.)
    money_rules(cx, t);
    const BODIES: &[&str] = &[
        "army",
        "air force",
        "navy",
        "police",
        "ministry",
        "gendarmerie",
        "border guard",
        "marines",
        "engineer",
        "brigade",
        "battalion",
        "corps",
    ];
    let held_by_body = |f: &Fact| {
        let v = f.value_span[0].saturating_sub(t.abs).min(t.lower.len());
        let mut v = v;
        while !t.lower.is_char_boundary(v) {
            v -= 1;
        }
        let before = &t.lower[..v];
        let clause = before
            .rfind([',', ';', ':'])
            .map_or(before, |k| &before[k + 1..]);
        BODIES.iter().find(|b| clause.contains(**b)).copied()
    };
    for pred in ["retained.total", "stockpile.total"] {
        // (Most sentences have one figure of a kind: nothing to look at.)
        if cx.out[cx.sent_start..]
            .iter()
            .filter(|f| f.predicate == pred)
            .nth(1)
            .is_none()
        {
            continue;
        }
        let parts: Vec<usize> = (cx.sent_start..cx.out.len())
            .filter(|&i| cx.out[i].predicate == pred && held_by_body(&cx.out[i]).is_some())
            .collect();
        if parts.len() < 2 {
            continue;
        }
        for i in parts {
            let f = &mut cx.out[i];
            f.uncertain("a part held by one body of the state (one of several the sentence lists), not the state's total");
        }
    }
}

/// The dated events of the sentence's triggers.
fn events<'d>(cx: &mut Ctx<'d>, t: &Sent<'d, '_>, trig: &[(usize, usize, Ev)]) {
    // (The dates' vector is the context's, kept from one sentence to the next.)
    let mut assigned = std::mem::take(&mut cx.assigned);
    assign_dates_into(t, trig, &mut assigned);
    for (k, &(a, b, ev)) in trig.iter().enumerate() {
        // "did not ratify it until 2003" says when it did.
        if negated_in(t, a) && !t.lower[a..b].ends_with(" until") {
            continue;
        }
        // "signed a decree on withdrawing from the treaty", "signed into law": what
        // was signed is not the treaty.
        if ev == Ev::Signature {
            let after = t.lower[b..].trim_start();
            // (So "signed ratification Law 554/2000 approving the treaty".)
            if [
                "a ",
                "an ",
                "into ",
                "off ",
                "ratification",
                "law ",
                "decree",
                "legislation",
                "bill ",
                "instrument",
            ]
            .iter()
            .any(|w| after.starts_with(w))
            {
                continue;
            }
            // "signed the \u{201c}Declaration of San Jos\u{e9}\u{201d}": another text.
            if names_another_text(after) {
                continue;
            }
            // "the decree of promulgation of the Mine Ban Treaty was signed on ...".
            let before = t.lower[..a].trim_end();
            if (before.ends_with(" was") || before.ends_with(" were"))
                && [
                    "decree",
                    "promulgation",
                    "law",
                    "bill",
                    "legislation",
                    "agreement",
                ]
                .iter()
                .any(|w| before.contains(w))
            {
                continue;
            }
            // "A decree signed on 4 January 2002 ... makes the Mine Ban Treaty binding":
            // a participle after the text it signs.
            let head = before.rsplit([',', ';']).next().unwrap_or(before).trim();
            let last = last_word(head);
            if matches!(
                last,
                "decree" | "law" | "bill" | "agreement" | "memorandum" | "order" | "act"
            ) {
                continue;
            }
        }
        // "National implementation legislation entered into force in November 2004",
        // "The bill entered into force on 6 December 2012": a law's entry into force,
        // not the treaty's.
        if ev == Ev::Eif && t.has(kw::LAW) {
            // (A space first: "Law 2004-044 entered into force" opens the sentence.)
            let before = format!(" {}", &t.lower[..a]);
            let before = before.as_str();
            let law = [
                "legislation",
                " law",
                " bill",
                "decree",
                "regulation",
                "amendment",
                "penal code",
                "criminal code",
            ]
            .iter()
            .filter_map(|w| before.rfind(w))
            .max();
            // (The treaty named as what the law implements is no subject: "National
            // legislation implementing the Mine Ban Treaty had already entered into
            // force on 22 May 1998".)
            if law.is_some_and(|k| {
                let between = &before[k..];
                !["treaty", "convention"].iter().any(|w| between.contains(w))
                    || contains!(between, "implement")
            }) {
                continue;
            }
        }
        // "MAG, which withdrew from the country in early 2014": not from the treaty.
        if ev == Ev::Withdrawal {
            // "one of the two clearance organizations withdrew due to lack of
            // funding": a withdrawal in a sentence naming no treaty is not from one.
            if !contains!(t.lower, "instrument of withdrawal")
                && ![
                    "treaty",
                    "convention",
                    "ottawa",
                    "mine ban",
                    "article 20",
                    "secretary-general",
                ]
                .iter()
                .any(|w| t.lower.contains(w))
            {
                // "... deposited its instrument of withdrawal on 27 June 2025. The
                // withdrawal took effect on 27 January 2026.": the effect of the
                // withdrawal the sentence before dated.
                effect_of_previous(cx, t, a, b);
                continue;
            }
            let after = t.lower[b..].trim_start();
            if let Some(obj) = after.strip_prefix("from ") {
                let obj = obj.get(..obj.len().min(30)).unwrap_or(obj);
                if !["treaty", "convention", "ottawa", "mine ban", "it "]
                    .iter()
                    .any(|w| obj.contains(w))
                {
                    continue;
                }
            }
            // "the president signed a decree on withdrawal", "parliament passed a law
            // on withdrawing", "its decision to withdraw": a step at home, not the
            // instrument deposited with the Secretary-General (Art. 20.2).
            let before = t.lower[..a].trim_end();
            if [
                "decree on",
                "decree for",
                "law on",
                "bill on",
                "act on",
                "resolution on",
                "decision on",
                "decision to",
                "intention to",
                "plans to",
                "plan to",
                "proposal to",
                "proposed",
                "called for",
                "calls for",
                "vote on",
                "voted for",
            ]
            .iter()
            .any(|w| before.ends_with(w))
                && !contains!(t.lower[..a], "instrument of withdrawal")
            {
                continue;
            }
        }
        // "Under the Strategic Goods Act, which entered into force on 5 February 2004":
        // a law named by its title, just before the verb.
        if ev == Ev::Eif {
            let pre = t.s[..a].trim_end();
            let pre = pre
                .strip_suffix("which")
                .or_else(|| pre.strip_suffix("that"))
                .unwrap_or(pre)
                .trim_end()
                .trim_end_matches(',')
                .trim_end();
            let last = pre.rsplit([' ', '(']).next().unwrap_or("");
            if matches!(
                last,
                "Act"
                    | "Law"
                    | "Code"
                    | "Decree"
                    | "Ordinance"
                    | "Regulation"
                    | "Regulations"
                    | "Bill"
                    | "Statute"
            ) {
                continue;
            }
        }
        // "The formal, national proclamation on entry into force of the ban treaty for
        // Thailand ... became official when published ... on 6 July 1999": a domestic
        // text about the entry into force, dated by its own steps.
        if ev == Ev::Eif && t.lower[a..].starts_with("entry into force") {
            let mut from = a.saturating_sub(40);
            while !t.lower.is_char_boundary(from) {
                from += 1;
            }
            let lead = &t.lower[from..a];
            if ["proclamation", "decree", "notice", "announcement"]
                .iter()
                .any(|w| lead.contains(w))
            {
                continue;
            }
        }
        // "opportunities for becoming a State Party": a prospect.
        if ev == Ev::Eif
            && t.lower[a..].starts_with("becoming")
            && matches!(
                Some(last_word(t.lower[..a].trim_end())),
                Some("for" | "of" | "towards" | "toward" | "about" | "on" | "to" | "into")
            )
        {
            continue;
        }
        // A status box flattened into cells: "Mine Ban Treaty | State Party (Entry into
        // force: 1 March 1999) ... | Convention on Cluster Munitions | State Party (Entry
        // into force: 1 March 2013) |": a cell labelled by the one before it.
        // (A byte search first: most sentences have no cell.)
        if let Some(k) =
            memchr::memrchr(b'|', &t.s.as_bytes()[..a]).and_then(|_| t.s[..a].rfind(" | "))
        {
            let prev = t.s[..k].rsplit(" | ").next().unwrap_or("");
            if other_instrument_label(prev.trim()) {
                continue;
            }
        }
        // "Zimbabwe ratified the CRPD on 23 September 2013": another text ratified.
        if matches!(ev, Ev::Deposit(_)) && names_another_text(t.lower[b..].trim_start()) {
            continue;
        }
        if matches!(ev, Ev::Deposit(_))
            && (domestic_step(t.lower, a, b, t.has(kw::LEGIS))
                || prospect(t.lower, a, b)
                || not_yet_deposited(t.lower, b)
                || joined_another(t.lower, b))
        {
            continue;
        }
        // "completed the destruction of non-PFM types": some of the stockpile, not all.
        if ev == Ev::DestructionCompleted && some_types(t.lower, b) {
            continue;
        }
        let Some(d) = assigned[k].map(|i| &t.dates[i]) else {
            continue;
        };
        // A clearance deadline is dated right after its name ("deadline was 1 March
        // 2012", "deadline of 1 March 2012", "deadline was extended to 1 March 2023")
        // or right before it ("its 1 March 2009 Article 5 deadline"); not one requested
        // or sought, which no meeting may grant.
        if ev == Ev::ClearanceDeadline {
            let near = if d.start >= b {
                t.lower[b..d.start].len() <= 40
            } else {
                matches!(t.lower[d.end..a].trim(), "" | "original" | "extended")
            };
            if !near
                || ["request", "seek", "sought", "would"]
                    .iter()
                    .any(|w| t.lower.contains(w))
            {
                continue;
            }
        }
        // "submitted its initial Article 7 report, prior to entry into force, on 29
        // November 2004": the date of what was done before it.
        if ev == Ev::Eif {
            let lead = t.lower[..a].trim_end();
            if lead.ends_with(" prior to")
                || lead.ends_with(" before")
                || lead.ends_with(" ahead of")
            {
                continue;
            }
            // "to clear ... by 1 March 2009, ten years after the treaty entered into
            // force": a date counted from it.
            if d.end <= a {
                let between = &t.lower[d.end..a];
                let mut w = between
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .filter(|w| !w.is_empty());
                let counted = w.clone().zip(w.by_ref().skip(1)).any(|(unit, rel)| {
                    matches!(
                        unit,
                        "years" | "year" | "months" | "month" | "days" | "day" | "weeks"
                    ) && matches!(rel, "after" | "before" | "from")
                });
                if counted {
                    continue;
                }
            }
        }
        // "its initial transparency report since becoming a State Party, due 27 August
        // 2003": a date said to be due is a deadline, no event's.
        if matches!(ev, Ev::Signature | Ev::Deposit(_) | Ev::Eif) {
            let lead = t.lower[..d.start].trim_end();
            if lead.ends_with(" due") || lead.ends_with(" due by") || lead.ends_with(" due on") {
                continue;
            }
        }
        // "in a letter ... on 5 May 2000, adding that its position \u{201c}should be
        // viewed ... not all the neighboring countries have acceded to the Ottawa
        // Convention.\u{201d}": an event in quoted words is no event of the date
        // outside them.
        if let Some((qa, qb)) = quotation_around(t.s, a) {
            if d.start < qa || d.end > qb {
                continue;
            }
        }
        // "It was ... published on 7 April 2000, and entered into force ten days later":
        // a date given from another, not the event's own.
        if d.end <= a {
            let after = t.lower[b..].trim_start();
            let rel = clause_of(after);
            if rel.split(' ').take(4).any(|w| w == "later") {
                continue;
            }
        }
        // "On 2 March 2003, one day after its treaty-mandated deadline, Djibouti
        // destroyed ...": a date before a deadline said to be passed or not yet
        // reached is the event's, not the deadline's.
        if ev == Ev::DestructionDeadline && d.end <= a {
            let between = &t.lower[d.end..a];
            // ("declared mine-free on 10 December 2002, nearly seven years prior to its
            // treaty deadline")
            if [
                " after ",
                " before ",
                " ahead of ",
                " past ",
                " beyond ",
                " prior to ",
                " earlier than ",
            ]
            .iter()
            .any(|w| between.contains(w))
            {
                continue;
            }
        }
        // "its Parliament ratified the treaty, which the President signed on 14 June
        // 2000": the President signed the ratification, not the treaty.
        if ev == Ev::Signature {
            let clause = t.lower[..a].rsplit(',').next().unwrap_or("").trim_start();
            // (Past the comma's footnote reference: "the treaty,[1] which ...".)
            let clause = match clause.strip_prefix('[').and_then(|c| c.split_once(']')) {
                Some((n, rest)) if n.bytes().all(|b| b.is_ascii_digit()) => rest.trim_start(),
                _ => clause,
            };
            if clause.starts_with("which ") && has(mm!("ratif"), &t.lower[..a]) {
                continue;
            }
        }
        // "was due by 30 April 2025 but had not been received as of 1 October 2025": a
        // report not made has no date; "as of" dates what was known, not a submission.
        if matches!(ev, Ev::ReportA7 | Ev::ReportCcw) {
            let gap = t.lower.get(b..d.start).unwrap_or("");
            if has(mm!(" not "), gap) || gap.trim_end().ends_with("as of") {
                continue;
            }
            // "he was not aware of the requirement to provide a transparency report": a
            // report to be made, not one made.
            let mut from = a.saturating_sub(40);
            while !t.lower.is_char_boundary(from) {
                from += 1;
            }
            let lead = &t.lower[from..a];
            if ["requirement to", "obligation to", "need to", "failure to"]
                .iter()
                .any(|w| lead.contains(w))
            {
                continue;
            }
            // "In its initial Article 7 report, Cyprus declared ... before the program
            // started in December 2003": a report cited for what it says is dated only
            // right after its name ("in its report of 30 April 2024").
            let mut from = a.saturating_sub(30);
            while !t.lower.is_char_boundary(from) {
                from += 1;
            }
            let cited = ["in its ", "in the ", "in their ", "according to its "]
                .iter()
                .any(|w| t.lower[from..a].contains(w));
            let next_to = matches!(
                gap.trim(),
                "" | "of" | "dated" | "on" | "in" | "submitted on" | "submitted in" | ","
            );
            if cited && d.start >= b && !next_to {
                continue;
            }
        }
        // "In November 2020, Egypt reiterated that it had imposed a moratorium": the
        // date of a statement about a moratorium is not the moratorium's.
        // So "In November 2018, Oman announced that it had completed the destruction":
        // the completion came before the announcement.
        if matches!(ev, Ev::Moratorium | Ev::DestructionCompleted) && d.end <= a {
            let between = &t.lower[d.end..a];
            if [
                "stated",
                "said",
                "reiterated",
                "told",
                "informed",
                "confirmed",
                "declared that",
                "reported that",
                "announced",
                "wrote",
                "explained",
                "noted",
                "indicated",
                "stressed",
            ]
            .iter()
            .any(|w| between.contains(w))
            {
                continue;
            }
        }
        // (A date before the verb: the subject is read up to the verb.)
        let by = if d.end <= a { a } else { d.start };
        // (The date written once, its copy the other: a copy is cheaper.)
        let iso = d.iso();
        let mut f = cx.fact_by(
            t,
            ev.predicate(),
            Value::Text(iso.clone()),
            d.start,
            d.end,
            by,
        );
        f.as_of = Some(iso);
        if let Ev::Deposit(i) = ev {
            let l = t.lower;
            let inst = [
                ("ratification", mm!("instrument of ratification")),
                ("accession", mm!("instrument of accession")),
                ("acceptance", mm!("instrument of acceptance")),
                ("approval", mm!("instrument of approval")),
                ("succession", mm!("instrument of succession")),
            ]
            .into_iter()
            .find(|(_, f)| has(f, l))
            .map_or(i, |(w, _)| w);
            f.instrument = Some(inst.to_string());
        }
        if ev == Ev::Withdrawal {
            // The value is the deposit (or announcement); a date after "effect" is when it takes effect.
            let l = t.lower;
            let (_, b, _) = trig[k];
            // A date after the trigger with "effect"/"effective" in between is when it takes effect.
            let is_effect = |d: &DateMention| {
                d.start >= b && l.get(b..d.start).is_some_and(|g| has(mm!("effect"), g))
            };
            let effective = t.dates.iter().find(|x| is_effect(x));
            // The deposit: a date right after the trigger ("deposited its instrument of
            // withdrawal on 27 June 2025"), else one before it ("On 10 July 2025, ...
            // deposited ..."); a date before that belongs to something else ("announced
            // its intention to withdraw on 1 April 2025 and deposited ...") is passed over.
            let right_after = t
                .dates
                .iter()
                .find(|x| x.start >= b && !is_effect(x))
                .filter(|x| x.start - b < 40);
            let before = t.dates.iter().rev().find(|x| x.end <= a);
            let Some(dep) = right_after.or(before).or(Some(d).filter(|x| !is_effect(x))) else {
                continue;
            };
            f = cx.fact(
                t,
                ev.predicate(),
                Value::Text(dep.iso()),
                dep.start,
                dep.end,
            );
            f.as_of = Some(dep.iso());
            f.date = effective.map(|e| e.iso());
            f.date_span = effective.map(|e| [t.abs + e.start, t.abs + e.end]);
        }
        if ev == Ev::UseLast {
            if let Some(p) = find(mm!("with the exception of"), t.lower) {
                let later = t.dates.iter().find(|x| x.start > p).map(|x| x.iso());
                f.uncertain(format!(
                    "an exception clause names a later use{}",
                    later.map(|x| format!(" ({x})")).unwrap_or_default()
                ));
            }
        }
        // 'The President told the delegation that it had already "signed and ratified
        // the Mine Ban Treaty on 20 January 1999."': someone's words, quoted, which
        // the profile reports without stating them itself.
        if matches!(
            ev,
            Ev::Signature | Ev::Deposit(_) | Ev::Eif | Ev::Withdrawal
        ) && quoted_claim(t.s, a)
        {
            f.uncertain(
                "a claim quoted from someone's words, which the profile does not state itself",
            );
        }
        // (Only this sentence's facts have its span.)
        if ev == Ev::ProductionLast
            && cx.out[cx.sent_start..]
                .iter()
                .any(|o| o.predicate == "production.last" && o.value == f.value && o.span == f.span)
        {
            continue;
        }
        cx.push(f);
    }
    assigned.clear();
    cx.assigned = assigned;
}

/// "The withdrawal took effect on 27 January 2026." right after a sentence dating the
/// deposit of an instrument of withdrawal (in the same paragraph): the date is when
/// that withdrawal takes effect, set as its fact's `date` where none is stated yet.
/// The trigger (`a..b`) is "withdrawal" after "the", "its" or "this", with "effect"
/// between it and the date ("took effect on", "will take effect on", "became
/// effective on"), nothing negated.
fn effect_of_previous(cx: &mut Ctx<'_>, t: &Sent<'_, '_>, a: usize, b: usize) {
    let l = t.lower;
    if &l[a..b] != "withdrawal"
        || !matches!(l[..a].trim_end(), "the" | "its" | "this")
        || t.dates.k == 0
    {
        return;
    }
    let Some(d) = t.dates.iter().find(|d| d.start >= b) else {
        return;
    };
    let gap = &l[b..d.start];
    // ("The withdrawal of the mission took effect ...": another withdrawal.)
    if gap.len() > 40
        || !has(mm!("effect"), gap)
        || has(mm!(" not "), gap)
        || gap.starts_with(" of ")
    {
        return;
    }
    // The sentence right before, where it starts in the input.
    let para = t.dates.para;
    let prev = t.abs - para.sents[t.dates.k].0 + para.sents[t.dates.k - 1].0;
    let Some(f) = cx.out[cx.para_start..cx.sent_start]
        .iter_mut()
        .rev()
        .find(|f| f.predicate == "treaty.withdrawal")
        .filter(|f| f.span[0] >= prev && f.date.is_none())
    else {
        return;
    };
    f.date = Some(d.iso());
    f.date_span = Some([t.abs + d.start, t.abs + d.end]);
}

/// The quotation byte `at` of sentence `s` stands in, from its opening mark to its
/// closing one (or the sentence's end): a curly opening mark before `at` not closed
/// before it, or an odd number of straight marks before it.
fn quotation_around(s: &str, at: usize) -> Option<(usize, usize)> {
    let before = &s[..at];
    if let Some(q) = last_open_quote(before.as_bytes()) {
        if !before[q..].contains('\u{201d}') {
            let end = s[at..].find('\u{201d}').map_or(s.len(), |e| at + e + 3);
            return Some((q, end));
        }
    }
    // (The straight mark by memchr: `contains` of a char made a searcher.)
    if memchr::memchr(b'"', before.as_bytes()).is_none()
        || before.bytes().filter(|&b| b == b'"').count() % 2 == 0
    {
        return None;
    }
    let q = before.rfind('"')?;
    let end = s[at..].find('"').map_or(s.len(), |e| at + e + 1);
    Some((q, end))
}

/// Where the last opening curly quote (U+201C, bytes E2 80 9C) of `b` starts: its lead
/// byte found by memrchr (most sentences have none, or few bytes beyond ASCII),
/// where a reverse search for the three bytes read every byte.
fn last_open_quote(b: &[u8]) -> Option<usize> {
    memchr::memrchr_iter(0xE2, b).find(|&q| b.get(q + 1..q + 3) == Some(&[0x80, 0x9C][..]))
}

/// Whether byte `at` of sentence `s` stands inside a quotation that a reporting verb
/// before it introduces ("told the delegation that it had \u{201c}signed and ratified
/// ...\u{201d}", "said that \"...\""): an opening mark before `at` not yet closed.
fn quoted_claim(s: &str, at: usize) -> bool {
    let before = &s[..at];
    let open = match last_open_quote(before.as_bytes()) {
        Some(q) if !before[q..].contains('\u{201d}') => Some(q),
        // Straight quotes: an odd number of them before `at`.
        // (Counted by memchr: a byte loop over the text before was dearer.)
        _ if memchr::memchr_iter(b'"', before.as_bytes()).count() % 2 == 1 => {
            memchr::memrchr(b'"', before.as_bytes())
        }
        _ => None,
    };
    let Some(q) = open else { return false };
    let intro = before[..q].to_ascii_lowercase();
    [
        "told",
        "said",
        "stated",
        "claimed",
        "asserted",
        "insisted",
        "according to",
        "wrote",
        "declared",
    ]
    .iter()
    .any(|w| intro.contains(w))
}

/// Whether the object after a verb of signing or ratifying ("signed the ...",
/// "ratified the ...") names a text other than the Mine Ban Treaty by any of its
/// names: "the Declaration of San José", "the CRPD".
fn names_another_text(after: &str) -> bool {
    let Some(obj) = after.strip_prefix("the ") else {
        return false;
    };
    let obj = obj.trim_start_matches(['"', '\u{201c}', '\'']);
    ![
        "mine ban",
        "treaty",
        "convention",
        "ottawa",
        "anti-personnel mine",
        "antipersonnel mine",
        "1997",
        "mbt",
        "apmbt",
        "ban ",
        "landmine",
        "land mine",
    ]
    .iter()
    .any(|w| obj.starts_with(w))
}

/// "Since Croatia's accession to the EU in 2013": what was joined is named after
/// "to" and is not the treaty.
fn joined_another(l: &str, b: usize) -> bool {
    let Some(obj) = l[b..].trim_start().strip_prefix("to ") else {
        return false;
    };
    let obj = obj
        .split([',', ';', '.', '('])
        .next()
        .unwrap_or("")
        .split(" in ")
        .next()
        .unwrap_or("")
        .split(" on ")
        .next()
        .unwrap_or("");
    ![
        "treaty",
        "convention",
        "ottawa",
        "mine ban",
        "it",
        "the ban",
        "protocol",
    ]
    .iter()
    .any(|w| obj.contains(w))
}

/// An accession or ratification spoken of as a prospect, not done: "the possibility
/// of accession", "steps towards ratification", "called for its accession".
/// "its instrument of ratification had not yet been deposited", "... has yet to be
/// deposited", "... was never deposited": the verb after the instrument, negated
/// (within its clause), says there was no deposit.
fn not_yet_deposited(l: &str, b: usize) -> bool {
    let rest = &l[b..];
    // (By bytes: the four are ASCII.)
    let clause = rest
        .bytes()
        .position(|c| matches!(c, b',' | b';' | b'.' | b'('))
        .map_or(rest, |e| &rest[..e]);
    let Some(v) = find(mm!("deposit"), clause) else {
        return false;
    };
    clause[..v].split_whitespace().any(|w| {
        matches!(w, "not" | "never" | "yet" | "still")
            || w.ends_with("n't")
            || w.ends_with("n\u{2019}t")
    })
}

fn prospect(l: &str, a: usize, b: usize) -> bool {
    if !matches!(&l[a..b], "accession" | "ratification") {
        return false;
    }
    // The noun names a deposit that happened after a possessive or a word of time
    // ("since its accession in 2012", "following ratification on 5 May 1999",
    // "Angola's accession"); elsewhere it is a topic: "a timeline for ratification",
    // "tackle ratification of the treaty", "its position on ratification".
    let prev = l[..a].trim_end();
    let prev_word = last_word(prev);
    let done = matches!(
        prev_word,
        "its" | "their" | "his" | "her" | "since" | "after" | "following" | "upon" | "with"
    ) || prev_word.ends_with("'s")
        || prev_word.ends_with("\u{2019}s");
    // "accession deliberations", "ratification process": a noun it modifies.
    let modifies = l[b..]
        .trim_start()
        .split([' ', ',', '.'])
        .next()
        .is_some_and(|w| {
            [
                "deliberations",
                "process",
                "talks",
                "debate",
                "debates",
                "procedure",
                "procedures",
                "package",
                "plan",
                "plans",
                "efforts",
                "timeline",
            ]
            .contains(&w)
        });
    if !done || modifies {
        return true;
    }
    // "Ethiopia announced its ratification at the opening of the First Review
    // Conference ... on 29 November 2004": the day it was announced, not deposited.
    if matches!(prev_word, "its" | "their")
        || prev_word.ends_with("'s")
        || prev_word.ends_with("\u{2019}s")
    {
        let verb = prev[..prev.len() - prev_word.len()].trim_end();
        if [
            "announced",
            "declared",
            "celebrated",
            "welcomed",
            "publicized",
            "proclaimed",
        ]
        .iter()
        .any(|v| verb.ends_with(v))
        {
            return true;
        }
    }
    // "the SLCBL urged, by letter, that President Sirisena deliver Sri Lanka's
    // accession": an accession asked for.
    let clause = &l[..a];
    let clause = &clause[clause.rfind([';', '.']).map_or(0, |k| k + 1)..];
    // ("... wrote to the Defense Minister urging him to initiate Latvia's accession")
    if [
        "urged",
        "urging",
        "called for",
        "called on",
        "calling for",
        "calling on",
        "appealed",
        "appealing",
        "requested",
        "requesting",
        "encouraged",
        "encouraging",
        "asked",
        "asking",
        "to initiate",
    ]
    .iter()
    .any(|w| clause.contains(w))
    {
        return true;
    }
    let mut from = a.saturating_sub(32);
    while !l.is_char_boundary(from) {
        from += 1;
    }
    let before = &l[from..a];
    // "its position on non-accession"
    if before.ends_with("non-") || before.ends_with("non ") {
        return true;
    }
    // (Most deposits named by the noun follow "its": look no further.)
    if before.ends_with(" its ") && !contains!(before, "of ") {
        return false;
    }
    [
        "possib",
        "consider",
        "intent",
        "plan",
        "toward",
        "prospect",
        "step",
        "call",
        "urge",
        "encourag",
        "support",
        "favor",
        "favour",
        "prepar",
        "path",
        "road",
        "future",
        "eventual",
        "propos",
        "recommend",
        "decision on",
        "pursu",
        "seek",
        "process of",
    ]
    .iter()
    .any(|w| before.contains(w))
}

/// The destruction completed was of some types only: "completed the destruction of
/// non-PFM types at the end of 2006" (the trigger ends at `b`).
fn some_types(l: &str, b: usize) -> bool {
    let mut end = (b + 40).min(l.len());
    while !l.is_char_boundary(end) {
        end -= 1;
    }
    let obj = l[b..end].trim_start();
    let obj = obj.strip_prefix("of ").unwrap_or(obj);
    let obj = clause_of(obj);
    obj.starts_with("non-")
        || obj.starts_with("some ")
        || obj.starts_with("part ")
        || obj.split(' ').take(4).any(|w| w == "types" || w == "type") && !contains!(obj, "all ")
}

/// After "destroyed its stockpile" (ending at `e`): the stockpile of antipersonnel
/// mines as a whole ("of antipersonnel mines", "of 299,219 mines", nothing), not of
/// some types ("of PFM-1 mines", "of non-PFM types").
fn whole_stockpile_named(l: &str, e: usize) -> bool {
    let rest = l[e..].trim_start();
    let Some(obj) = rest
        .strip_prefix("of ")
        .or_else(|| rest.strip_prefix("antipersonnel "))
        .or_else(|| rest.strip_prefix("anti-personnel "))
    else {
        return true;
    };
    let obj = obj.split([';', '.', '(']).next().unwrap_or("");
    for w in obj.split([' ', ',']).filter(|w| !w.is_empty()) {
        match w {
            "mines" | "landmines" | "mine" => return true,
            "antipersonnel" | "anti-personnel" | "ap" | "all" | "its" | "the" => {}
            w if w.bytes().all(|c| c.is_ascii_digit()) => {}
            _ => return false,
        }
    }
    false
}

/// A step of the domestic procedure, not the deposit with the depositary: "approved
/// the ratification bill", "the ratification law", "parliament ratified the treaty"
/// (the trigger at `a..b`; "instrument of ..." is always the deposit).
fn domestic_step(l: &str, a: usize, b: usize, legislature_named: bool) -> bool {
    if l[a..b].starts_with("instrument") {
        // "The President signed Nigeria's instrument of accession ... on 23 July 2001
        // and it was formally deposited ... on 27 September 2001": the signing of the
        // instrument at home, not its deposit.
        let clause = &l[memchr::memrchr2(b';', b'.', &l.as_bytes()[..a]).map_or(0, |k| k + 1)..a];
        let tail = clause.trim_end();
        // "the instrument of ratification was sent to the United Nations on 29 June
        // 2000. However, it was not formally deposited until ...": sent, not deposited.
        let rest = &l[b..];
        let rest = &rest[..memchr::memchr2(b';', b'.', rest.as_bytes()).unwrap_or(rest.len())];
        if [
            mm!(" sent "),
            mm!(" forwarded "),
            mm!(" transmitted "),
            mm!(" dispatched "),
        ]
        .iter()
        .any(|w| has(w, rest))
            && !contains!(rest, "deposit")
        {
            return true;
        }
        return (tail.ends_with(" signed") || {
            // "signed Nigeria's instrument", "signed its instrument"
            let mut w = tail.rsplit(' ');
            let last = w.next().unwrap_or("");
            (last.ends_with("'s")
                || last.ends_with("\u{2019}s")
                || matches!(last, "its" | "the" | "an"))
                && w.next() == Some("signed")
        }) && !contains!(clause, "deposit");
    }
    // "completed all domestic measures necessary for its accession on 30 July 2003":
    // the steps at home before the deposit.
    // (Looked at only where the words stand before the trigger at all.)
    let before = &l[..a];
    let named = has(mm!("domestic"), before) || has(mm!("internal"), before);
    let clause = if named {
        &before[before.rfind([',', ';', ':', '.']).map_or(0, |k| k + 1)..]
    } else {
        ""
    };
    if named
        && ["domestic", "internal"].iter().any(|w| clause.contains(w))
        && [
            "measures",
            "procedure",
            "steps",
            "requirements",
            "formalities",
        ]
        .iter()
        .any(|w| clause.contains(w))
    {
        return true;
    }
    let after = l[b..].trim_start();
    let object = [
        "bill",
        "law",
        "act ",
        "act,",
        "process",
        "procedure",
        "legislation",
        "decree",
    ]
    .iter()
    .any(|w| after.starts_with(w));
    if object {
        return true;
    }
    if !legislature_named {
        return false;
    }
    // "ratified by parliament on 23 July 2016": the agent after the verb.
    if let Some(agent) = after.strip_prefix("by ") {
        let agent = agent.get(..agent.len().min(30)).unwrap_or(agent);
        if [
            "parliament",
            "senate",
            "assembly",
            "congress",
            "legislature",
            "house",
            "sejm",
            "duma",
        ]
        .iter()
        .any(|w| agent.contains(w))
        {
            return true;
        }
    }
    // The clause before the trigger names a legislature as the one that acted.
    let clause_start = l[..a].rfind([',', ';', ':']).map_or(0, |k| k + 1);
    let clause = &l[clause_start..a];
    let legislature = [
        "parliament",
        "senate",
        "national assembly",
        "congress",
        "legislature",
        "lower house",
        "upper house",
        "sejm",
        "duma",
        "cabinet",
        "council of ministers",
    ]
    .iter()
    .any(|w| clause.contains(w));
    legislature && !has(mm!("deposit"), l)
}

/// A fact with its place and nothing else said: exact, high confidence, every
/// optional field empty (the rules fill in what they read).
#[allow(clippy::too_many_arguments)]
fn bare_fact(
    predicate: &str,
    subject: String,
    value: Value,
    notes: Vec<u32>,
    line: usize,
    span: [usize; 2],
    value_span: [usize; 2],
    quote: String,
) -> Fact {
    Fact {
        predicate: predicate.into(),
        subject,
        value,
        qualifier: Qualifier::Exact,
        unit: None,
        as_of: None,
        notes,
        line,
        span,
        value_span,
        quote,
        instrument: None,
        resolution: None,
        vote: None,
        date: None,
        date_span: None,
        since: None,
        until: None,
        one_of: None,
        role: None,
        mine_type: None,
        cost: None,
        equivalent: None,
        destinations: None,
        destination_states: None,
        recipient: None,
        donors: None,
        casualty: None,
        column: None,
        confidence: Confidence::High,
        reason: None,
    }
}

impl<'a> Ctx<'a> {
    fn fact(&self, t: &Sent<'a, '_>, predicate: &str, value: Value, vs: usize, ve: usize) -> Fact {
        self.fact_by(t, predicate, value, vs, ve, vs)
    }
    /// [`Ctx::fact`], its subject read before byte `by` of the sentence (its verb,
    /// where the value stands before it: "On 23 September 2014, Korea's ally, the
    /// United States, announced ...").
    fn fact_by(
        &self,
        t: &Sent<'a, '_>,
        predicate: &str,
        value: Value,
        vs: usize,
        ve: usize,
        by: usize,
    ) -> Fact {
        let line = self.lines.line_of(t.abs + vs) + 1;
        let mut who = subject(t, by, &self.iso3, predicate.starts_with("use."));
        // "The United States last exported mines in 1992. It stockpiles about 3
        // million": a sentence opening on "It" speaks of the state the sentence before
        // spoke of, where that was another state than the profile's.
        // (In a page of no known state, `unnamed_subject_from_the_named` decides.)
        if who == self.iso3
            && self.iso3 != "UNK"
            && (t.lower.starts_with("it ") || t.lower.starts_with("its "))
        {
            if let Some(prev) = self.out[self.para_start..self.sent_start].last() {
                let state = |s: &str| {
                    s.len() == 3 && s != "UNK" && s.bytes().all(|b| b.is_ascii_uppercase())
                };
                if state(&prev.subject) && prev.subject != self.iso3 && prev.subject != "NSAG" {
                    who = prev.subject.clone();
                }
            }
        }
        // Only states join the treaty: "none involving rebels since the treaty entered
        // into force in April 2004" is the state's entry into force.
        // Nor are casualties a group's: "mines laid by the Houthi killed 147 people"
        // counts the state's casualties.
        if (predicate.starts_with("treaty.") || predicate == "casualties")
            && (who == "NSAG" || who == "EU")
        {
            who = self.iso3.clone();
        }
        bare_fact(
            predicate,
            who,
            value,
            self.doc
                .references_starting_in(t.notes_span)
                .iter()
                .map(|r| r.number)
                .collect(),
            line,
            [t.abs, t.abs + t.s.len()],
            [t.abs + vs, t.abs + ve],
            t.s.to_string(),
        )
    }
    /// Add a fact unless the same value was already taken from the same place. The
    /// place lies inside the sentence being read, so only its facts are compared
    /// (linear on huge profiles).
    fn push(&mut self, mut f: Fact) {
        flag_inexact(&mut f);
        let same = self.out[self.sent_start..].iter().any(|o| {
            o.value_span == f.value_span && o.predicate == f.predicate && o.value == f.value
        });
        if !same {
            self.out.push(f);
        }
    }
}

/// A sentence's facts quote it whole while their quotes together stay within eight
/// times its length (or 64 KB): past that (a sentence of hundreds of figures, a
/// hostile file) each quotes the words around its value only, its span with it, so
/// that what the facts hold and print stays in proportion to the text.
fn share_quotes(facts: &mut [Fact], s: &str, abs: usize) {
    let n = facts.len();
    if n == 0 || n * s.len() <= (8 * s.len()).max(64 * 1024) {
        return;
    }
    let reach = (4 * s.len() / n).max(40);
    for f in facts {
        // (Only the facts quoting this sentence: a table's have their own quotes.)
        if f.span != [abs, abs + s.len()] {
            continue;
        }
        let (vs, ve) = (f.value_span[0] - abs, f.value_span[1] - abs);
        let a = minewatch_model::ceil_char_boundary(s, vs.saturating_sub(reach));
        let b = minewatch_model::floor_char_boundary(s, ve + reach);
        let (a, b) = (a.min(vs), b.max(ve));
        f.span = [abs + a, abs + b];
        f.quote = s[a..b].to_string();
    }
}

/// A figure beyond 2^53 is not held exactly (the value would differ from the text) and
/// no real count of mines or sum of money comes near it: a slip in the source, so the
/// fact is of low confidence, with that reason, rather than a figure as written.
fn flag_inexact(f: &mut Fact) {
    let inexact = |v: f64| v.abs() > 9.007_199_254_740_992e15;
    let huge = match &f.value {
        Value::Number(v) => inexact(*v),
        Value::Range([a, b]) => inexact(*a) || inexact(*b),
        Value::Text(_) => false,
    };
    if huge {
        f.uncertain(
            "the figure is beyond 2^53 and cannot be held exactly: probably a slip in the source",
        );
    }
}

/// Words that name non-state armed groups.
const NSAG: &[&str] = &[
    "nsag",
    "nsags",
    "rebel",
    "rebels",
    "insurgent",
    "insurgents",
    "taliban",
    "militia",
    "militias",
    "guerrilla",
    "guerrillas",
    // Groups by name: "IEDs planted by Boko Haram", "the Houthis".
    "haram",
    "shabaab",
    "houthi",
    "houthis",
    "isis",
    "isil",
    "daesh",
    "ltte",
    "farc",
    // "the Shining Path (Sendero Luminoso)", "the PKK", "UNITA", "the ELN".
    "sendero",
    "pkk",
    "unita",
    "eln",
];

/// Who the sentence's clause is about: the first state named outside a
/// prepositional phrase before the value, a non-state armed group, or the profile's state.
fn subject(t: &Sent, pos: usize, own: &str, allegations: bool) -> String {
    // (Named as `&'static str` on the way: copied once, here.)
    subject_in(t, pos, allegations).map_or_else(|| own.to_string(), str::to_string)
}

/// [`subject`]: the state or group, `None` for the profile's own.
fn subject_in(t: &Sent, pos: usize, allegations: bool) -> Option<&'static str> {
    let end = pos.min(t.s.len());
    let lower_before = &t.lower[..end];
    // Clause start: after the last ';'.
    let start = memchr::memrchr(b';', lower_before.as_bytes())
        .map(|p| p + 1)
        .unwrap_or(0);
    // A reported clause first, where `allegations` asks for it (the use of mines):
    // "Opposition forces and Russian peacekeepers alleged that Georgian forces laid
    // new mines" (its subject, where it names one; else the clause's).
    const REPORTING: [&str; 10] = [
        "alleged",
        "reported",
        "stated",
        "said",
        "claimed",
        "confirmed",
        "acknowledged",
        "admitted",
        "indicated",
        "believed",
    ];
    // (Only for what is alleged, use; a forward search first: most clauses have no
    // "that".)
    let reported = (allegations && has(mm!(" that "), &lower_before[start..]))
        .then(|| mm_rev!(" that ").rfind(&lower_before.as_bytes()[start..]))
        .flatten()
        .map(|k| start + k)
        .filter(|&k| {
            let verb = last_word(&lower_before[..k]);
            REPORTING.contains(&verb)
        });
    if let Some(k) = reported {
        if let Some(st) = subject_from(t, end, k + " that ".len()) {
            return Some(st);
        }
    }
    // "the SPLM accused the South Sudanese government of emplacing landmines": the
    // accused, not the accuser.
    if allegations {
        if let Some(k) = [" accused ", " accusing "]
            .iter()
            .filter_map(|w| lower_before[start..].rfind(w).map(|k| start + k + w.len()))
            .max()
        {
            if let Some(st) = subject_from(t, end, k) {
                return Some(st);
            }
        }
    }
    // The clause's subject; a name in an opening phrase only where the rest names
    // none: "Since Croatia's accession to the EU in 2013, the EU has contributed ...".
    let found = subject_from(t, end, start)?;
    let clause = &lower_before[start..];
    let opener = clause.trim_start();
    let opener = memchr::memchr(b' ', opener.as_bytes()).map_or(opener, |k| &opener[..k]);
    if is_introducer(opener) {
        if let Some(c) = clause.find(", ") {
            // (Only an opening phrase with a name in it can have given the subject.)
            let phrase = t.s[start..start + c].trim_start();
            let named = phrase.split(' ').skip(1).any(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase())
                    && !minewatch_model::MONTH_NAMES.contains(&w)
            });
            if named {
                if let Some(st) = subject_from(t, end, start + c + 2) {
                    return Some(st);
                }
            }
        }
    }
    Some(found)
}

/// `w` without the periods at its end (`w.trim_end_matches('.')`, by bytes).
fn trim_periods(w: &str) -> &str {
    let b = w.as_bytes();
    let mut n = b.len();
    while n > 0 && b[n - 1] == b'.' {
        n -= 1;
    }
    &w[..n]
}

/// The subject [`subject`] finds in the clause from byte `start` to `pos`, if the
/// clause names one.
fn subject_from(t: &Sent, pos: usize, start: usize) -> Option<&'static str> {
    let before = &t.s[..pos];
    let lower_before = &t.lower[..before.len()];
    // The keywords of the clause's words (those starting in it): a group or the EU.
    // (Only where the sentence has one of the words asked about below: most have
    // none.)
    let mut k = 0;
    const ASKED: u64 = kw::NSAG
        | kw::ARMED
        | kw::GROUP
        | kw::NON
        | kw::ISLAMIC
        | kw::STATE
        | kw::GROUP_NAME
        | kw::EUROPEAN
        | kw::UNION;
    if t.kw & ASKED != 0 {
        // (The words with bits, in order: those before the clause passed over.)
        for ((at, _), b, _) in t.keywords() {
            if at < start {
                continue;
            }
            if at >= before.len() {
                break;
            }
            k |= b;
        }
    }
    let has = |x: u64| k & x != 0;
    if has(kw::NSAG)
        || (has(kw::ARMED) && has(kw::GROUP) && has(kw::NON))
        // "the Islamic State" (not "the Islamic Republic of ... a State Party")
        || (has(kw::ISLAMIC) && has(kw::STATE) && contains!(lower_before[start..], "islamic state"))
        // South Sudan's armed opposition, "the SPLA-IO" (the words split at the hyphen,
        // and "SPLA" alone was the state's army until 2018)
        // (Only in a clause with one of their words: most have none.)
        || has(kw::GROUP_NAME)
            && ["spla-io", "splm-io", "spla/io", "splm/io"]
                .iter()
                .any(|g| lower_before[start..].contains(g))
        // "the Karen National Liberation Army", "the Liberation Tigers of Tamil Eelam"
        || has(kw::GROUP_NAME)
            && lower_before[start..].split("liberation ").skip(1).any(|rest| {
                ["army", "front", "tigers", "movement"]
                    .iter()
                    .any(|w| rest.starts_with(w))
            })
    {
        return Some("NSAG");
    }
    // (So "The European Commission contributed ...".)
    if has(kw::EUROPEAN)
        && (has(kw::UNION) || contains!(lower_before[start..], "european commission"))
    {
        return Some("EU");
    }
    // The clause's words (the sentence's, cut at the value): offsets in `before`,
    // scanned only as far as read (the subject is usually the first word).
    let blen = before.len();
    let mut r = t.runs.borrow_mut();
    if r.next < start {
        r.extend(t.s, start);
    }
    let first = r.v.partition_point(|&(a, _, _)| a < start);
    // Whether run `j` is one of the clause's (scanning on to it if needed).
    let scan = |r: &mut Runs, j: usize| -> bool {
        while r.v.len() <= j && r.next < blen {
            let from = r.next;
            r.extend(t.s, from + 1);
        }
        r.v.get(j).is_some_and(|x| x.0 < blen)
    };
    let word = |r: &Runs, i: usize| {
        let (a, e, _) = &r.v[i];
        (*a, trim_periods(&before[*a..(*e).min(blen)]))
    };
    // A word's kind: remembered for the sentence unless the value cuts the word.
    let kind = |r: &Runs, i: usize| {
        let (_, e, k) = &r.v[i];
        if *e > blen {
            return word_kind(word(r, i).1);
        }
        if k.get() == UNKNOWN {
            k.set(word_kind(word(r, i).1));
        }
        k.get()
    };
    let mut i = first;
    let mut in_pp = false;
    // A clause opened by an adverbial phrase ends it at its first comma: "After the
    // treaty was ratified by Belize's House of Representatives, Belize deposited ...".
    // (Not an apposition: "attended the meeting in Beirut, Lebanon in 2011".)
    let mut intro = scan(&mut r, first) && { is_introducer(word(&r, first).1) };
    while scan(&mut r, i) {
        if intro && i > first && before[..r.v[i].0].trim_end().ends_with(',') {
            in_pp = false;
            intro = false;
        }
        let wk = kind(&r, i);
        if wk == PREPOSITION {
            // "The Kingdom of Swaziland", "the Minister of Foreign Affairs of the
            // Bahamas": a state's own title or office, of the state; "entered into
            // force for Timor-Leste": the state the treaty binds. Neither opens a
            // phrase whose state is not the subject.
            let w = word(&r, i).1;
            let prev = (i > first).then(|| word(&r, i - 1).1);
            let of_title =
                w.eq_ignore_ascii_case("of") && prev.is_some_and(|p| TITLES.contains(&p));
            let for_force = w.eq_ignore_ascii_case("for") && prev == Some("force");
            if !(of_title || for_force) {
                in_pp = true;
            }
            i += 1;
            continue;
        }
        if wk <= MAX_NAME_WORDS {
            // "the EU has contributed": the European Union by its initials.
            if !in_pp && word(&r, i).1 == "EU" {
                return Some("EU");
            }
            // Capitalised: the longest run of words that names a state ("the
            // Democratic Republic of the Congo", not the "Republic of the Congo" in it).
            let mut hit = None;
            let most = wk as usize;
            if most > 0 {
                for n in (1..=most).rev() {
                    if !scan(&mut r, i + n - 1) {
                        continue;
                    }
                    let a = r.v[i].0;
                    let (lb, lw2) = word(&r, i + n - 1);
                    let name = &before[a..lb + lw2.len()];
                    let name = name
                        .strip_suffix("\u{2019}s")
                        .or_else(|| name.strip_suffix("'s"))
                        .unwrap_or(name);
                    if let Some(st) = resolve_state(name).filter(|_| name.len() > 1) {
                        if name.len() <= 3 && name.chars().any(|c| c.is_lowercase()) {
                            continue;
                        }
                        // "US$28.6 million": a currency's letters, not a state.
                        if before[lb + lw2.len()..].starts_with('$') {
                            continue;
                        }
                        // "Korea's key military ally, the United States, announced":
                        // the state whose ally (or neighbour) acts is not the actor.
                        // (The possessive's "s" may be a word of its own.)
                        let possessive = name.len() < lb + lw2.len() - a
                            || before[lb + lw2.len()..].starts_with(['\u{2019}', '\''])
                                && scan(&mut r, i + n)
                                && word(&r, i + n).1 == "s";
                        let related = possessive
                            && (1..=4).any(|k| {
                                scan(&mut r, i + n - 1 + k) && {
                                    let w = word(&r, i + n - 1 + k).1;
                                    let w = w.trim_end_matches(',');
                                    matches!(
                                        w,
                                        "ally"
                                            | "allies"
                                            | "neighbor"
                                            | "neighbour"
                                            | "neighbors"
                                            | "neighbours"
                                            | "partner"
                                            | "partners"
                                            | "rival"
                                            | "adversary"
                                            | "enemy"
                                    )
                                }
                            });
                        hit = Some((st, n, related));
                        break;
                    }
                }
            }
            if let Some((st, n, related)) = hit {
                if !in_pp && !related {
                    return Some(st.iso3.as_str());
                }
                i += n;
                continue;
            }
            // "the Syrian Army laid", "Indian peacekeeping forces used", "laid by the
            // Jordanian military": a state's forces, named by its adjective (also as
            // the agent after "by"); not "South Sudanese", whose adjective another
            // state's name begins.
            let forces = scan(&mut r, i + 1) && {
                let next = word(&r, i + 1).1;
                FORCES.iter().any(|f| next.eq_ignore_ascii_case(f))
            };
            let two = (forces
                && i > first
                && word(&r, i - 1)
                    .1
                    .starts_with(|c: char| c.is_ascii_uppercase())
                && word(&r, i).1.ends_with("ese"))
            .then(|| format!("{} {}", word(&r, i - 1).1, word(&r, i).1));
            let by_two = two.as_deref().and_then(minewatch_refdata::state_of_demonym);
            let st = if forces {
                by_two.or_else(|| minewatch_refdata::state_of_demonym(word(&r, i).1))
            } else {
                None
            };
            if let Some(st) = st {
                let prev = |k: usize| (k >= first && k < i).then(|| word(&r, k).1);
                let compound = by_two.is_none()
                    && prev(i.wrapping_sub(1)).is_some_and(|p| {
                        matches!(
                            p,
                            "South" | "North" | "East" | "West" | "Latin" | "Equatorial" | "New"
                        )
                    });
                let mut k = i.wrapping_sub(1);
                if prev(k).is_some_and(|p| p.eq_ignore_ascii_case("the")) {
                    k = k.wrapping_sub(1);
                }
                let agent = prev(k).is_some_and(|p| p.eq_ignore_ascii_case("by"));
                if forces && !compound && (!in_pp || agent) {
                    return Some(st.iso3.as_str());
                }
            }
        } else if wk != AND_THE {
            in_pp = false;
        }
        i += 1;
    }
    None
}

/// Whether `w` (any ASCII case) is a word that opens an adverbial phrase before a
/// clause's subject (one of [`INTRODUCERS`], matched as bytes, not looked for in the
/// list).
fn is_introducer(w: &str) -> bool {
    // (Most words are none by their first byte and length.)
    const FIRST: [u16; 256] = first_byte_lengths(INTRODUCERS);
    if !maybe_in(&FIRST, w) {
        return false;
    }
    let mut buf = [0u8; 9];
    let Some(l) = lowercase_in(&mut buf, w) else {
        return false;
    };
    matches!(
        l,
        b"after"
            | b"although"
            | b"while"
            | b"when"
            | b"since"
            | b"following"
            | b"before"
            | b"once"
            | b"in"
            | b"on"
            | b"during"
            | b"until"
            | b"upon"
            | b"with"
            | b"despite"
            | b"through"
            | b"at"
            | b"under"
            | b"because"
            | b"if"
            | b"though"
            | b"as"
    )
}

/// The words that open an adverbial phrase before a clause's subject.
const INTRODUCERS: &[&str] = &[
    "after",
    "although",
    "while",
    "when",
    "since",
    "following",
    "before",
    "once",
    "in",
    "on",
    "during",
    "until",
    "upon",
    "with",
    "despite",
    "through",
    "at",
    "under",
    "because",
    "if",
    "though",
    "as",
];

/// The words of a state's formal name or of its offices before "of" and the state:
/// "the Kingdom of ...", "the Government of ...", "the Minister of Foreign Affairs of ...".
const TITLES: &[&str] = &[
    "Kingdom",
    "Republic",
    "Principality",
    "Sultanate",
    "Federation",
    "Commonwealth",
    "Government",
    "Minister",
    "Ministry",
    "President",
    "Parliament",
    "Affairs",
];

/// The agent of a passive verb at `pos` ("13 minefields laid by the Jordanian military",
/// "mines planted by Ethiopian forces"): a state's forces named by its adjective.
fn agent_after(t: &Sent, pos: usize) -> Option<String> {
    let s = t.s.get(pos..)?;
    let mut words = s.split(' ').filter(|w| !w.is_empty());
    words.next()?; // the verb
    if words.next()? != "by" {
        return None;
    }
    let mut w = words.next()?;
    if w.eq_ignore_ascii_case("the") {
        w = words.next()?;
    }
    // "planted by Boko Haram", "laid by the LTTE": a group by its name.
    let group = |x: &str| {
        let x = x.trim_end_matches([',', '.', ';']).to_ascii_lowercase();
        NSAG.contains(&x.as_str())
    };
    if group(w) || words.clone().next().is_some_and(group) {
        return Some("NSAG".into());
    }
    let st = minewatch_refdata::state_of_demonym(w)?;
    let noun = words
        .next()?
        .trim_end_matches([',', '.', ';'])
        .to_ascii_lowercase();
    FORCES.contains(&noun.as_str()).then(|| st.iso3.clone())
}

/// The nouns after an adjective of nationality that make it a state's own acting
/// body ("Syrian government forces", "Russian Border Forces").
const FORCES: &[&str] = &[
    "army",
    "armed",
    "forces",
    "force",
    "military",
    "troops",
    "government",
    "soldiers",
    "border",
    "peacekeeping",
    "peacekeepers",
    "navy",
    "police",
    "authorities",
    "security",
    "engineers",
];

/// [`word_kind`]s: 0 to `MAX_NAME_WORDS` for a capitalised word (how many words the longest state
/// name starting with it has), and these.
/// The most words of a state name `subject` reads ("United Kingdom of Great Britain and
/// Northern Ireland" has 8).
const MAX_NAME_WORDS: u8 = 8;
const PREPOSITION: u8 = 10;
const AND_THE: u8 = 11;
const OTHER: u8 = 12;
const UNKNOWN: u8 = u8::MAX;

/// How `subject` reads a word: a preposition, a capitalised word (with
/// [`state_first_word`]), "and"/"the", or another.
fn word_kind(w: &str) -> u8 {
    if (2..=9).contains(&w.len()) && is_preposition(w) {
        PREPOSITION
    } else if w.chars().next().is_some_and(char::is_uppercase) {
        state_first_word(w).min(MAX_NAME_WORDS as usize) as u8
    } else if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("the") {
        AND_THE
    } else {
        OTHER
    }
}

/// `w` in ASCII lowercase in `buf`, if it fits. (Byte by byte: a short word's copy
/// by `copy_from_slice` was a call to memcpy.)
fn lowercase_in<'b>(buf: &'b mut [u8], w: &str) -> Option<&'b [u8]> {
    let l = buf.get_mut(..w.len())?;
    for (d, &c) in l.iter_mut().zip(w.as_bytes()) {
        *d = c.to_ascii_lowercase();
    }
    Some(l)
}

/// The prepositions [`is_preposition`] tells.
const PREPOSITIONS: &[&str] = &[
    "in",
    "to",
    "from",
    "of",
    "at",
    "with",
    "by",
    "against",
    "on",
    "for",
    "including",
    "like",
    "as",
    "than",
    "between",
    "among",
];

/// By a word's first byte (either ASCII case), bit `n` set when some word of `words`
/// (lowercase, shorter than 16 bytes) has `n` bytes and starts with it.
const fn first_byte_lengths(words: &[&str]) -> [u16; 256] {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_bytes();
        assert!(!w.is_empty() && w.len() < 16);
        t[w[0] as usize] |= 1 << w.len();
        t[w[0].to_ascii_uppercase() as usize] |= 1 << w.len();
        i += 1;
    }
    t
}

/// Whether `w` may be one of the words of a [`first_byte_lengths`] table (any ASCII
/// case): its first byte and length are some word's.
#[inline]
fn maybe_in(t: &[u16; 256], w: &str) -> bool {
    let b = w.as_bytes();
    !b.is_empty() && b.len() < 16 && t[b[0] as usize] >> b.len() & 1 != 0
}

/// The prepositions that open a phrase whose state is not the subject (any ASCII case).
fn is_preposition(w: &str) -> bool {
    // (Most words are none by their first byte and length.)
    const FIRST: [u16; 256] = first_byte_lengths(PREPOSITIONS);
    if !maybe_in(&FIRST, w) {
        return false;
    }
    let mut buf = [0u8; 9];
    let Some(l) = lowercase_in(&mut buf, w) else {
        return false;
    };
    matches!(
        l,
        b"in"
            | b"to"
            | b"from"
            | b"of"
            | b"at"
            | b"with"
            | b"by"
            | b"against"
            | b"on"
            | b"for"
            | b"including"
            | b"like"
            | b"as"
            | b"than"
            | b"between"
            | b"among"
    )
}

/// How many words the longest state name, alias or code starting with `w` has
/// (0 when none starts with it; ASCII case-insensitive).
/// Build the extraction's tables now ([`crate::warm_up`]).
pub(crate) fn warm_up() {
    keyword_table();
    state_first_word("");
}

fn state_first_word(w: &str) -> usize {
    // (By the words' bytes: the word looked up is lowercased in place, as bytes.)
    let words = first_words();
    // The word up to a hyphen, without final periods. (No key holds a hyphen nor ends
    // with a period: the whole word, where it differs, is none.)
    let b = w.as_bytes();
    if b.len() <= 40 && b.is_ascii() {
        // Lowercased up to its hyphen in one pass, on the stack (the usual short ASCII
        // word: no copy by memcpy, no search for the hyphen by memchr).
        let mut buf = [0u8; 40];
        let mut n = 0;
        for &c in b {
            if c == b'-' {
                break;
            }
            buf[n] = c.to_ascii_lowercase();
            n += 1;
        }
        while n > 0 && buf[n - 1] == b'.' {
            n -= 1;
        }
        if (1..=16).contains(&n) {
            // (The bytes past the word made zero: periods cut off may stand there.)
            let mut lo = [0u8; 8];
            let mut hi = [0u8; 8];
            lo.copy_from_slice(&buf[..8]);
            hi.copy_from_slice(&buf[8..16]);
            let keep = |x: u64, k: usize| {
                if k >= 8 {
                    x
                } else {
                    x & ((1u64 << (8 * k)) - 1)
                }
            };
            let lo = keep(u64::from_le_bytes(lo), n);
            let hi = keep(u64::from_le_bytes(hi), n.saturating_sub(8));
            return words.short(lo, hi, n);
        }
        return words.all.get(&buf[..n]).copied().unwrap_or(0);
    }
    let owned = w.to_lowercase();
    let lw = owned.as_bytes();
    let f = memchr::memchr(b'-', lw).map_or(lw, |k| &lw[..k]);
    let mut n = f.len();
    while n > 0 && f[n - 1] == b'.' {
        n -= 1;
    }
    words.all.get(&f[..n]).copied().unwrap_or(0)
}

/// The first words of the states' names, aliases and codes (lowercase bytes), each
/// with the most words of a name it starts ([`state_first_word`]).
struct FirstWords {
    /// Every first word.
    all: FastMap<Vec<u8>, usize>,
    /// Those of 1 to 16 bytes again, as two little-endian integers (zero past the
    /// word), with their length and their count of words, by [`first_word_slot`] and
    /// probed linearly (length 0: a free slot): a word's look-up without hashing its
    /// bytes one by one nor comparing them by memcmp.
    short: Vec<(u64, u64, u8, u8)>,
}

impl FirstWords {
    /// The count of words for the word of `n` bytes (1 to 16) whose bytes are `lo` and
    /// `hi` (zero past the word); 0 for a word that starts no name.
    #[inline]
    fn short(&self, lo: u64, hi: u64, n: usize) -> usize {
        let mask = self.short.len() - 1;
        let mut i = first_word_slot(lo, hi, mask);
        loop {
            let x = &self.short[i];
            if x.2 == 0 {
                return 0;
            }
            if x.0 == lo && x.1 == hi && x.2 as usize == n {
                return x.3 as usize;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The slot of a first word in [`FirstWords::short`] (a multiplicative hash).
fn first_word_slot(lo: u64, hi: u64, mask: usize) -> usize {
    let h = lo.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ hi.wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    (h >> 40) as usize & mask
}

fn first_words() -> &'static FirstWords {
    static FIRST: std::sync::OnceLock<FirstWords> = std::sync::OnceLock::new();
    FIRST.get_or_init(|| {
        let mut h: FastMap<Vec<u8>, usize> = FastMap::default();
        for st in minewatch_refdata::states() {
            for n in std::iter::once(&st.name)
                .chain(&st.aliases)
                .chain([&st.iso3, &st.iso2])
            {
                let parts: Vec<&str> = n.split([' ', '-']).filter(|p| !p.is_empty()).collect();
                if let Some(f) = parts.first() {
                    let e = h
                        .entry(f.trim_end_matches([',', '.']).to_lowercase().into_bytes())
                        .or_insert(0);
                    *e = (*e).max(parts.len().min(MAX_NAME_WORDS as usize));
                }
            }
        }
        // At most half full (a miss, most words looked up, ends its probe soon).
        let slots = (2 * h.len()).next_power_of_two().max(16);
        let mut short = vec![(0u64, 0u64, 0u8, 0u8); slots];
        for (k, &v) in &h {
            if !(1..=16).contains(&k.len()) {
                continue;
            }
            let mut buf = [0u8; 16];
            buf[..k.len()].copy_from_slice(k);
            let mut lo = [0u8; 8];
            let mut hi = [0u8; 8];
            lo.copy_from_slice(&buf[..8]);
            hi.copy_from_slice(&buf[8..]);
            let (lo, hi) = (u64::from_le_bytes(lo), u64::from_le_bytes(hi));
            let mut i = first_word_slot(lo, hi, slots - 1);
            while short[i].2 != 0 {
                i = (i + 1) & (slots - 1);
            }
            short[i] = (lo, hi, k.len() as u8, v as u8);
        }
        FirstWords { all: h, short }
    })
}

/// The runs of word characters (letters, digits, '.', '-') in a sentence, as far as
/// `subject` has needed them: (start, end, and the [`word_kind`] once known).
/// `subject` reads a word as its run without the final periods.
#[derive(Default)]
struct Runs {
    v: Vec<(usize, usize, std::cell::Cell<u8>)>,
    /// Where scanning resumes: the end of the text or the start of a word not yet in `v`.
    next: usize,
}

impl Runs {
    /// Scan on until every run starting before `upto` is in `v` (whole).
    fn extend(&mut self, s: &str, upto: usize) {
        /// Whether the character at `i` is a word character, and its length.
        #[inline]
        fn word_char(s: &str, b: &[u8], i: usize) -> (bool, usize) {
            /// ASCII letters, digits, '.' and '-'.
            const WORD: [bool; 128] = {
                let mut t = [false; 128];
                let mut c = 0;
                while c < 128 {
                    let b = c as u8;
                    t[c] = b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
                    c += 1;
                }
                t
            };
            let c = b[i];
            if c < 0x80 {
                // ASCII without decoding.
                (WORD[c as usize], 1)
            } else {
                let c = s[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            }
        }
        let b = s.as_bytes();
        if self.v.is_empty() {
            // About a word for every six bytes, once (not grown word by word; the
            // buffer is the sentence before's, most often big enough).
            self.v.reserve(b.len() / 6 + 4);
        }
        let mut i = self.next;
        while i < b.len() {
            // Over the characters between words, then over a word.
            let (wc, n) = word_char(s, b, i);
            if !wc {
                i += n;
                continue;
            }
            if i >= upto {
                break;
            }
            let st = i;
            i += n;
            while i < b.len() {
                let (wc, n) = word_char(s, b, i);
                if !wc {
                    break;
                }
                i += n;
            }
            self.v.push((st, i, std::cell::Cell::new(UNKNOWN)));
        }
        self.next = i;
    }
}

/// Every run of word characters in `s` (see [`Runs`]): (start, end).
#[cfg(test)]
fn word_runs(s: &str) -> Vec<(usize, usize)> {
    let mut r = Runs::default();
    r.extend(s, s.len());
    r.v.into_iter().map(|(a, e, _)| (a, e)).collect()
}

fn unga<'d>(cx: &mut Ctx<'d>, t: &Sent<'d, '_>) {
    let l = t.lower;
    // "voted in favor of UNGA Resolution 68/182, which expressed outrage at Syria's ...
    // use of cluster munitions": a resolution about cluster munitions (or another
    // matter they are named in), not the Mine Ban Treaty's.
    if about_cluster_munitions(t) {
        return;
    }
    let votes: [(&'static str, &str); 7] = [
        ("abstained", "abstain"),
        ("voted in favor", "yes"),
        ("voted in favour", "yes"),
        ("voted for", "yes"),
        ("voted yes", "yes"),
        ("voted against", "no"),
        ("voted no", "no"),
    ];
    // The earliest vote verb is the subject's vote. A later one is the subject's too
    // only when coordinated with it ("abstained on ... in 1999, but has voted in favor
    // of every resolution since 2000"); otherwise it is about others ("..., which 169
    // states supported and 18 abstained on").
    // (Each with where its phrase ends: a claim about every resolution is placed on
    // its verb.)
    let mut verbs: Vec<(usize, &'static str, usize)> = votes
        .iter()
        .flat_map(|(p, v)| t.phrase_at(p).map(move |i| (i, *v, i + p.len())))
        .collect();
    verbs.sort_unstable();
    let Some(&(pos, _, _)) = verbs.first() else {
        return;
    };
    if negated(l, pos) {
        return;
    }
    let own: Vec<(usize, &'static str, usize)> = verbs
        .iter()
        .enumerate()
        .filter(|&(k, &(p, _, _))| k == 0 || coordinated_vote(&l[..p]) && !negated(l, p))
        .map(|(_, v)| *v)
        .collect();
    // The vote that governs a mention at `x`: the last of the subject's verbs before it.
    let vote_at = |x: usize| {
        own.iter()
            .rev()
            .find(|(p, _, _)| *p < x)
            .unwrap_or(&own[0])
            .1
    };
    // Resolution numbers: "Resolution 74/61" (any mention of "resolution" may carry one).
    let mut numbered: Vec<(String, usize, usize)> = Vec::new();
    for i in t.phrase_at("resolution") {
        let k = i + "resolution".len();
        let rest = &t.s[k..];
        let r = rest.trim_start();
        let off = k + (rest.len() - r.len());
        let end = r
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '/'))
            .unwrap_or(r.len());
        let cand = &r[..end];
        if cand.contains('/') && cand.as_bytes()[0].is_ascii_digit() {
            numbered.push((cand.to_string(), off, off + end));
        }
    }
    if !t.has(kw::RESOLUTION | kw::RESOLUTIONS) {
        return;
    }
    // "every ... resolution since 1998", "every ... resolution ... from 1996 to 2019"
    // (each with where its phrase stands).
    let since = t.phrase_at("since").find(|&i| i >= pos).and_then(|p| {
        t.dates
            .iter()
            .find(|d| d.start > p && d.start < p + 12)
            .map(|d| (d, p))
    });
    let from_to = t.phrase_at("from").find(|&i| i >= pos).and_then(|p| {
        let a = t
            .dates
            .iter()
            .position(|d| d.start > p && d.start < p + 8)?;
        let b = t.dates.get(a + 1)?;
        (l[t.dates[a].end..b.start].trim() == "to").then(|| (t.dates[a].year, b.year, p, b.end))
    });
    let every_at = ["every", "all", "each"]
        .iter()
        .filter_map(|w| t.phrase_at(w).find(|&p| p > pos))
        .min();
    let every = every_at.is_some();
    let one_of = find(mm!("one of "), l).and_then(|p| {
        let q = quantities(&t.s[p + 7..], &l[p + 7..]);
        match q
            .first()
            .filter(|q| q.start == 0 && q.unit == Some("states"))?
            .num
        {
            Num::One(n) => Some(n as u32),
            Num::Range(..) => None,
        }
    });
    for (res, a, b) in &numbered {
        let vote = vote_at(*a);
        let mut f = cx.fact(t, "unga.vote", Value::Text(vote.into()), *a, *b);
        f.vote = Some(vote.into());
        f.resolution = Some(res.clone());
        let d = t
            .dates
            .iter()
            .find(|d| d.start >= *b && d.month.is_some())
            .or_else(|| {
                t.dates
                    .iter()
                    .rev()
                    .find(|d| d.end <= *a && d.month.is_some())
            })
            // A year alone where it can only be the vote's: "Resolution 67/32 in 2012",
            // "(2012)"; "In 2012, it voted for ...", the sentence's only date.
            .or_else(|| {
                t.dates.iter().find(|d| {
                    d.month.is_none()
                        && d.start >= *b
                        && matches!(t.lower[*b..d.start].trim(), "in" | "(" | ", in")
                })
            })
            .or_else(|| {
                t.dates.first().filter(|d| {
                    t.dates.len() == 1
                        && d.month.is_none()
                        && d.end <= *a
                        && t.lower[..d.start].trim_end().ends_with("in")
                        && !t.lower[..d.start].trim_end().ends_with("since")
                })
            })
            // "voted for the 1996 UNGA Resolution 51/45S": the year the name opens with.
            .or_else(|| {
                t.dates.iter().rev().find(|d| {
                    d.month.is_none()
                        && d.end <= *a
                        && matches!(
                            t.lower[d.end..*a].trim(),
                            "resolution"
                                | "unga resolution"
                                | "general assembly resolution"
                                | "un general assembly resolution"
                                | "u.n. general assembly resolution"
                                | "united nations general assembly resolution"
                        )
                })
            });
        if let Some(d) = d {
            f.date = Some(d.iso());
            f.as_of = Some(d.iso());
        }
        f.one_of = one_of;
        cx.push(f);
    }
    if every && (since.is_some() || from_to.is_some()) {
        let (vpos, vote, vend) = own
            .iter()
            .rev()
            .find(|(p, _, _)| every_at.is_some_and(|e| *p < e))
            .copied()
            .unwrap_or(own[0]);
        let mut f = cx.fact(t, "unga.vote", Value::Text(vote.into()), vpos, vend);
        f.vote = Some(vote.into());
        f.resolution = Some("all".into());
        // "... since 1997, except in 2004, when it voted against": the claim is not
        // about every resolution, and which ones it leaves out is not read here.
        if let Some(p) = find(mm!("except"), t.lower) {
            f.uncertain(format!(
                "the sentence makes an exception (\u{201c}{}\u{201d})",
                t.s[p..]
                    .split([',', ';', '.'])
                    .next()
                    .unwrap_or("except")
                    .trim()
            ));
        }
        // The years the claim covers: where they stand ("since 1998"), as a date's.
        if let Some((sd, p)) = since {
            f.since = Some(sd.year);
            f.as_of = Some(format!("{}/..", sd.year));
            f.date_span = Some([t.abs + p, t.abs + sd.end]);
        } else if let Some((y0, y1, p, end)) = from_to {
            f.since = Some(y0);
            f.until = Some(y1);
            f.as_of = Some(format!("{y0}/{y1}"));
            f.date_span = Some([t.abs + p, t.abs + end]);
        }
        cx.push(f);
    }
}

/// The words before a later vote verb join it to the subject's: "but has", "and it
/// has", "but" — not a count of others ("and 18").
fn coordinated_vote(pre: &str) -> bool {
    let mut p = pre.trim_end();
    let mut aux = false;
    for w in ["has", "have", "it", "since then", "then", "later", "also"] {
        if let Some(q) = p.strip_suffix(w).filter(|q| q.ends_with(' ')) {
            p = q.trim_end();
            aux = true;
        }
    }
    p.ends_with(" but")
        || p.ends_with(", and")
        || p.ends_with(", while")
        || aux && p.ends_with(" and")
        // "... was in 1997; it abstained during the 22 November 2002 vote"
        || p.ends_with("; it") && aux
        || aux && p.ends_with(';')
}

fn meeting<'d>(cx: &mut Ctx<'d>, t: &Sent<'d, '_>) {
    let l = t.lower;
    let trig = [
        "attended",
        "participated",
        "was present at",
        "took part",
        "attends",
        "participates",
    ]
    .iter()
    .find_map(|w| t.phrase_at(w).next());
    let Some(pos) = trig else { return };
    if negated(l, pos) {
        return;
    }
    // A meeting of the Convention on Cluster Munitions, or of the CCW's protocol
    // ("participated in the Fourth Annual Meeting of States Parties" to Amended
    // Protocol II): not the Mine Ban Treaty's.
    if about_cluster_munitions(t) || mentions_ccw(t) && !mentions_mbt(t) {
        return;
    }
    const ORD: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    // Where a meeting's name starts: at its ordinal, "Eighteenth Meeting of States
    // Parties", "18th Meeting ...", "Third Review Conference".
    let with_ordinal = |i: usize| {
        let before = l[..i].trim_end();
        let w = last_word(before);
        let numeric = w.starts_with(|c: char| c.is_ascii_digit())
            && ["th", "st", "nd", "rd"].iter().any(|x| w.ends_with(x));
        let ordinal = ORD.contains(&w)
            || w.ends_with("teenth")
            || w.ends_with("tieth")
            || w.split('-').next_back().is_some_and(|x| ORD.contains(&x))
            || numeric;
        if ordinal {
            before.len() - w.len()
        } else {
            i
        }
    };
    // Every meeting named after the verb, in order: "the Third Review Conference in
    // Maputo in June 2014, and more recently the Seventeenth Meeting of States Parties
    // in Geneva in November 2018" were both attended.
    let mut found: Vec<(usize, usize)> = Vec::new();
    // (The finders made once: building one is dearer than a search of a sentence.)
    for (name, finder) in [
        ("review conference", mm!("review conference")),
        (
            "meeting of states parties",
            mm!("meeting of states parties"),
        ),
        ("intersessional meetings", mm!("intersessional meetings")),
    ] {
        for i in finder.find_iter(&l.as_bytes()[pos..]).map(|i| i + pos) {
            let st = if name == "intersessional meetings" {
                i
            } else {
                with_ordinal(i)
            };
            found.push((st, i + name.len()));
        }
    }
    if found.is_empty() {
        if let Some(i) = t.phrase_at("meetings").find(|&i| i >= pos) {
            if l[i..].starts_with("meetings of the mine ban treaty")
                || l[i..].starts_with("meetings of the convention")
            {
                found.push((i, i + "meetings".len()));
            }
        }
    }
    found.sort_unstable();
    let observer = has(mm!("observer"), l);
    for (k, &(a, b)) in found.iter().enumerate() {
        // "attended the Fourth Review Conference in November 2019, but did not attend
        // the Eighteenth Meeting of States Parties": the meetings after a denial were
        // not attended.
        if k > 0 {
            let gap = &l[found[k - 1].1.min(a)..a];
            if [
                " not ",
                "n't ",
                "n\u{2019}t ",
                "absent",
                "except",
                "without",
                "missed",
            ]
            .iter()
            .any(|w| gap.contains(w))
            {
                break;
            }
        }
        let name = t.s[a..b].to_string();
        let mut f = cx.fact(t, "meeting.attendance", Value::Text(name), a, b);
        // Its date: the first after it, before the next meeting named; for the first
        // of several, else the last before it ("In June 2014, it attended ..."); for
        // the only one, else the sentence's first.
        let next = found.get(k + 1).map_or(l.len(), |x| x.0);
        let date = t
            .dates
            .iter()
            .find(|d| d.start > b && d.start < next)
            .or_else(|| match (k, found.len()) {
                (_, 1) => t.dates.iter().find(|d| d.start > b).or(t.dates.first()),
                (0, _) => t.dates.iter().rev().find(|d| d.end <= a),
                _ => None,
            });
        if let Some(d) = date {
            let since = l[..d.start].ends_with("since ");
            f.date = (!since).then(|| d.iso());
            f.as_of = Some(if since {
                format!("{}/..", d.year)
            } else {
                d.iso()
            });
        }
        if observer {
            f.role = Some("observer".into());
        }
        cx.push(f);
    }
}

fn use_reported<'d>(cx: &mut Ctx<'d>, t: &Sent<'d, '_>, trig: &[(usize, usize, Ev)]) {
    let l = t.lower;
    // "India used cluster munitions in Kashmir in 2019": not antipersonnel mines.
    if about_cluster_munitions(t) {
        return;
    }
    if trig.iter().any(|x| x.2 == Ev::UseLast) || !(has(mm!("mine"), l) || has(mm!("munition"), l))
    {
        return;
    }
    // An accusation of using mines, by a gerund: "accused the government of emplacing
    // landmines", "alleged ... of laying mines".
    let accused = || {
        ["emplacing", "laying", "planting", "using"]
            .iter()
            .filter_map(|w| {
                t.phrase_at(w).find(|&k| {
                    l[..k].ends_with(" of ")
                        && (has(mm!("accus"), &l[..k]) || has(mm!("alleg"), &l[..k]))
                })
            })
            .min()
    };
    let Some(pos) = ["used", "laid", "planted", "emplaced"]
        .iter()
        .find_map(|w| t.phrase_at(w).next())
        .or_else(accused)
    else {
        return;
    };
    // "Nor is the peacekeeping force ... believed to have used mines": a denial.
    if l.starts_with("nor ") || l.starts_with("neither ") {
        return;
    }
    let mines = find_mines_from(t.s, l, t.word_starts());
    // The sentence is about mines: it names mines (not only in a body's name: "the UN
    // Mine Action Service used its own stock of inert training aids"), a type of mine,
    // or a sentence before it in the paragraph names mines ("... laid new minefields.
    // Soldiers also used them ...").
    let para = t.dates.para;
    let names_mines = |words: &[(usize, usize)]| {
        let word = |i: usize| words.get(i).map(|&(a, e)| &para.lower[a..e]);
        words.iter().enumerate().any(|(i, &(a, e))| {
            matches!(
                &para.lower[a..e],
                "mine"
                    | "mines"
                    | "landmine"
                    | "landmines"
                    | "minefield"
                    | "minefields"
                    | "munition"
                    | "munitions"
            ) && word(i + 1) != Some("action")
        })
    };
    if !names_mines(t.words)
        && mines.is_empty()
        && !(0..t.dates.k).any(|j| {
            let (_, _, w0, w1) = para.sents[j];
            names_mines(&para.words[w0..w1])
        })
    {
        return;
    }
    // The user a UN body or a non-governmental organisation ("the UN Mine Action
    // Service used", "UNMAS used", "the HALO Trust used"): not the state's use.
    let clause = {
        let pre = &l[..pos];
        let from = [", ", "; ", " that "]
            .iter()
            .filter_map(|w| pre.rfind(w).map(|k| k + w.len()))
            .max()
            .unwrap_or(0);
        &pre[from..]
    };
    let organisation = clause.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
        matches!(
            w,
            "un" | "unmas" | "undp" | "unicef" | "unops" | "unmiss" | "ngo" | "ngos"
        )
    }) || [
        "united nations",
        "mine action service",
        "non-governmental",
        "nongovernmental",
        "halo trust",
        "red cross",
        "mines advisory group",
        "people's aid",
        "demining group",
    ]
    .iter()
    .any(|w| clause.contains(w));
    if organisation {
        return;
    }
    let prev = l[..pos].trim_end();
    // "laid no mines", "used none": the object denies the use.
    let object_denied = matches!(
        next_word_lower(l, l[pos..].find(' ').map_or(l.len(), |k| pos + k)),
        Some("no" | "none" | "neither")
    );
    // "49 mines were used for training": mines consumed under Article 3, not used.
    let after_verb = l[pos..]
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .trim_start();
    // "he also used the occasion to present ...": what was used is not a mine.
    if [
        "for training",
        "in training",
        "for research",
        "for the training",
        "the occasion",
        "this occasion",
        "the opportunity",
        "this opportunity",
        "its statement",
        "the platform",
    ]
    .iter()
    .any(|w| after_verb.starts_with(w))
    {
        return;
    }
    // "A military official refuted the statement in Landmine Monitor Report 1999 that
    // landmines were laid in northern Botswana": a use refuted, not reported.
    // (Not "denied": "Myanmar continued to deny reports that government forces used
    // antipersonnel landmines in 2017, despite evidence" reports the use.)
    if ["refuted", "rejected", "disputed"]
        .iter()
        .any(|w| t.phrase_at(w).any(|k| k < pos))
    {
        return;
    }
    // "this was used for implementation of the Mine Ban Treaty": a passive whose
    // subject is not mines (a law, a fund) reports no use of mines.
    if let Some(subj) = [
        " was",
        " were",
        " is",
        " are",
        " has been",
        " have been",
        " had been",
    ]
    .iter()
    .find_map(|a| prev.strip_suffix(a))
    {
        let last: Vec<&str> = subj.rsplit(' ').take(3).collect();
        if !last
            .iter()
            .any(|w| contains!(w, "mine") || matches!(*w, "they" | "these" | "those" | "which"))
        {
            return;
        }
    }
    // "newly planted mines", "recently laid mines": a description of the mines found,
    // not a report of who laid them.
    // (So "equipment formerly used for that purpose".)
    let attributive = ["newly", "recently", "freshly", " all", "formerly"]
        .iter()
        .any(|w| prev.ends_with(w));
    // "the treaty fails to require those who laid mines in its territory to clear
    // them": others, unnamed, who laid them.
    let others = ["those who", "countries that", "states that", "parties that"]
        .iter()
        .any(|w| prev.ends_with(w));
    if negated(l, pos)
        || object_denied
        || attributive
        || others
        || prev.ends_with("minefields")
        || prev.ends_with("minefield")
        // "the types of explosive devices used": a participle after what is used.
        || prev.ends_with("devices")
        || prev.ends_with("weapons")
        || prev.ends_with("munitions")
        || prev.ends_with(" be")
        || prev.ends_with("mines")
        || prev.ends_with("mine")
    {
        return; // "could be used", "the landmines laid around" (a participle, not a report of use)
    }
    // Dates after the verb, in a list ("in 2009 and 2010"), else the one before it.
    let after: Vec<&DateMention> = t.dates.iter().filter(|d| d.start > pos).collect();
    let chosen: Vec<&DateMention> = if after.is_empty() {
        // (Not across a relative clause: "in June 2005 in Geneva, where it asked that
        // the Monitor correct its information that Venezuela laid mines".)
        t.dates
            .iter()
            .rev()
            .filter(|d| d.end < pos)
            .take(1)
            .filter(|d| {
                let between = &l[d.end..pos];
                !contains!(between, ", where") && !contains!(between, ", which")
            })
            .collect()
    } else {
        let mut v = vec![after[0]];
        for w in after.windows(2) {
            // "between December 2001 and mid-2002", "in 2009 and early 2010".
            let gap = l[w[0].end..w[1].start]
                .trim_end_matches("mid-")
                .trim_end_matches("early ")
                .trim_end_matches("late ")
                .trim();
            // "on its borders with Afghanistan in 1998, Kyrgyzstan in 1999, and
            // Tajikistan in 2000": a list of places, each with its year.
            let place_list = gap.len() <= 40
                && gap.starts_with(',')
                && gap.ends_with(" in")
                && gap.split_whitespace().count() <= 5
                && !contains!(gap, " was ")
                && !contains!(gap, " were ");
            if gap == "and" || gap == "," || gap == ", and" || place_list {
                v.push(w[1]);
            } else {
                break;
            }
        }
        v
    };
    // "Russian forces have used antipersonnel mines in Ukraine since 2022": the
    // present perfect with "since" reports use from that year on.
    let perfect = {
        let mut w = prev.rsplit(' ');
        let last = w.next().unwrap_or("");
        let last = if last == "been" || last == "also" || last.ends_with("ly") {
            w.next().unwrap_or("")
        } else {
            last
        };
        // ("There is no evidence that government forces have used antipersonnel
        // mines since 2015": a use denied before the verb, in any clause.)
        let denied = l[..pos]
            .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
            .any(|w| {
                matches!(
                    w,
                    "no" | "not"
                        | "never"
                        | "nor"
                        | "neither"
                        | "without"
                        | "deny"
                        | "denied"
                        | "denies"
                        | "unconfirmed"
                ) || w.ends_with("n't")
            });
        matches!(last, "have" | "has") && !denied
    };
    for d in chosen {
        let since = l[..d.start].trim_end().ends_with("since");
        let since_perfect = since && perfect && d.start > pos;
        if since && !since_perfect || l[..d.start].trim_end().ends_with("until") {
            continue;
        }
        // "According to a 1993 U.S. State Department report, ... laid millions of
        // mines": the report's year.
        if l[d.end..]
            .split_whitespace()
            .take(4)
            .any(|w| w.trim_end_matches([',', '.']) == "report")
        {
            continue;
        }
        // "In 2006, South Korea indicated that about 970,000 mines were emplaced",
        // "North Korea admitted in 1998 that it had laid mines": the year of the
        // statement; the laying may be earlier.
        const STATING: [&str; 9] = [
            "indicated",
            "reported",
            "stated",
            "said",
            "admitted",
            "acknowledged",
            "confirmed",
            "estimated",
            "declared",
        ];
        let stated = d.end <= pos && {
            let before_verb = &l[..pos];
            // "In 2006, X indicated that ... were emplaced"
            // (Each " that " once, its verb looked up: no pattern made per verb.)
            let that_after =
                memchr::memmem::find_iter(before_verb.as_bytes(), b" that ").any(|k| {
                    let verb = last_word(&before_verb[..k]);
                    d.end <= k + 6 && STATING.contains(&verb)
                });
            // "admitted in 1998 that it had laid"
            let in_year_that = l[d.end..pos].trim_start().starts_with("that ")
                && STATING.iter().any(|v| {
                    l[..d.start]
                        .trim_end()
                        .strip_suffix(" in")
                        .is_some_and(|x| x.ends_with(v))
                });
            // "On 25 November 2002, the Minister said the country could not join the
            // treaty because Israel, who laid ...": a statement's verb between the
            // date and the use.
            // (Not an adjective: "an estimated 1,000 mines were laid".)
            let words: Vec<&str> = l[d.end..pos].split(' ').collect();
            let said_between = words.iter().enumerate().any(|(k, w)| {
                STATING.contains(w)
                    && k > 0
                    && !matches!(words[k - 1], "an" | "a" | "the" | "were" | "was" | "")
            });
            that_after || in_year_that || said_between
        };
        // "used antipersonnel mines after signing the Mine Ban Treaty in 1997": the
        // year of another event the use is placed against.
        if d.start > pos
            && !since_perfect
            && [" after ", " before ", " since "]
                .iter()
                .any(|w| l[pos..d.start].contains(w))
        {
            continue;
        }
        // The value is the year (use is reported by year); `as_of` keeps the date as written.
        let mut f = cx.fact(
            t,
            "use.reported",
            Value::Text(d.year.to_string()),
            d.start,
            d.end,
        );
        // Who used them stands before the verb, wherever the date is ("In 2021, the
        // Karen National Liberation Army reportedly used ...").
        f.subject = agent_after(t, pos).unwrap_or_else(|| subject(t, pos, &cx.iso3, true));
        f.as_of = Some(if since_perfect {
            iso_with("", d, "/..", None, "")
        } else {
            d.iso()
        });
        if stated {
            f.uncertain("the year of a statement about the use: the use may be earlier");
        }
        if let Some(m) = mines.first() {
            f.mine_type = Some(m.mine.designation.clone());
        }
        // "Both government forces and the SPLA-IO used ...", "Government forces and
        // rebels laid ...": two actors joined before the verb, the state's forces and a
        // group: a use by each.
        let other = coordinated_other_actor(&l[..pos], &f.subject, &cx.iso3);
        cx.push(f.clone());
        if let Some(o) = other {
            // (Not through `push`, which takes a second fact of the same value at the
            // same place for a repeat: this one is another actor's.)
            f.subject = o;
            flag_inexact(&mut f);
            cx.out.push(f);
        }
    }
}

/// The other actor of "<state's forces> and <a group>" (or the reverse) in the words
/// before a verb of use, given the subject already read: a group ("NSAG") beside the
/// state's forces, or the state (`own`) beside a group. Only within the verb's own
/// clause (after its last comma or semicolon), and only where one side names the
/// state's forces and the other a group.
fn coordinated_other_actor(before: &str, subject: &str, own: &str) -> Option<String> {
    let clause = before.rsplit([',', ';']).next().unwrap_or(before);
    let (a, b) = clause.rsplit_once(" and ")?;
    let words = |x: &str| -> Vec<String> {
        x.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let forces = |ws: &[String]| {
        ws.iter().any(|w| {
            matches!(
                w.as_str(),
                "army" | "forces" | "military" | "troops" | "soldiers"
            )
        })
    };
    // (Words keep their hyphens here: "spla-io", South Sudan's armed opposition, is a
    // group where "spla", its army until 2018, is not.)
    let group = |ws: &[String]| {
        ws.iter()
            .any(|w| NSAG.contains(&w.as_str()) || w == "spla-io")
    };
    let both = (forces(&wa) && group(&wb)) || (group(&wa) && forces(&wb));
    if !both {
        return None;
    }
    if subject == "NSAG" {
        Some(own.to_string())
    } else if subject == own {
        Some("NSAG".to_string())
    } else {
        None
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum QPred {
    Stockpile,
    Destroyed,
    Retained,
    Production,
    Transfer,
    Spending,
    Casualty(&'static str),
}

/// The words [`qpred_of`] reads (the `QPRED` keyword bit).
const QPRED_WORDS: &[&str] = &[
    "eliminated",
    "eliminating",
    "stockpile",
    "stockpiled",
    "stockpiles",
    "stocks",
    "inventory",
    "held",
    "holds",
    "possessed",
    "possesses",
    "destroyed",
    "destroying",
    "retained",
    "retains",
    "retain",
    "retaining",
    "keeps",
    "kept",
    "keep",
    "keeping",
    "produced",
    "manufactured",
    "procured",
    "bought",
    "purchased",
    "exported",
    "transferred",
    "sold",
    "spent",
    "spending",
    "allocated",
    "contributed",
    "contribution",
    "budget",
    "funding",
    "provided",
    "donated",
    "killed",
    "died",
    "injured",
    "wounded",
    "casualties",
    "unknown",
];

fn qpred_of(w: &str) -> Option<QPred> {
    Some(match w {
        "stockpile" | "stockpiled" | "stockpiles" | "stocks" | "inventory" | "held" | "holds"
        | "possessed" | "possesses" => QPred::Stockpile,
        "destroyed" | "destroying" | "eliminated" | "eliminating" => QPred::Destroyed,
        "retained" | "retains" | "retain" | "retaining" => QPred::Retained,
        // Only where the purpose says Article 3 (see `q_triggers_into`).
        "keeps" | "kept" | "keep" | "keeping" => QPred::Retained,
        "produced" | "manufactured" | "procured" | "bought" | "purchased" => QPred::Production,
        "exported" | "transferred" | "sold" => QPred::Transfer,
        "spent" | "spending" | "allocated" | "contributed" | "contribution" | "budget"
        | "funding" => QPred::Spending,
        // "Norway provided US$51.7 million to mine action" (money only: `fits`).
        "provided" | "donated" => QPred::Spending,
        "killed" | "died" => QPred::Casualty("killed"),
        "injured" | "wounded" => QPred::Casualty("injured"),
        "casualties" => QPred::Casualty("total"),
        // "the status of 3 people was unknown", "3 people of unknown status"
        "unknown" => QPred::Casualty("unknown"),
        _ => return None,
    })
}

/// Figure triggers from the sentence's words with bits (each word's start and end in
/// `l`; see [`Sent::keywords`]): only words with the `QPRED` bit are triggers.
fn q_triggers_into(
    l: &str,
    keywords: impl Iterator<Item = ((usize, usize), u64, u64)>,
    out: &mut Vec<(usize, usize, QPred)>,
) {
    out.extend(
        keywords
            .filter(|&(_, k, _)| k & kw::QPRED != 0)
            .filter_map(|((i, e), _, _)| {
                let w = &l[i..e];
                // "still to be destroyed", "remain to be destroyed": not done.
                // ("will be destroyed": not yet; "would be retained", reported speech, stays.)
                let future = ["will be ", "would be ", "shall be "]
                    .iter()
                    .any(|w| l[..i].ends_with(w));
                if l[..i].ends_with("to be ") || future && w.starts_with("destroy") {
                    return None;
                }
                // "keeps no mines for training": kept for a purpose Article 3 allows.
                if w.starts_with("keep") || w == "kept" {
                    let purpose = ["training", "research", "development", "article 3"]
                        .iter()
                        .any(|p| l[i..].contains(p));
                    if !purpose {
                        return None;
                    }
                }
                // "2,499 Iranian-produced mines", "U.S.-manufactured": an adjective that says
                // who made them, not a production reported.
                let p = qpred_of(w)?;
                if p == QPred::Production && i > 0 && l.as_bytes()[i - 1] == b'-' {
                    return None;
                }
                Some((i, i + w.len(), p))
            }),
    )
}

/// `s` with every run of spaces made one space.
fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !(c == ' ' && out.ends_with(' ')) {
            out.push(c);
        }
    }
    out
}

/// "retains no mines", "destroyed no antipersonnel mines": a count of none, right after
/// the verb that says what is counted (no other "no": "no fewer than", "no evidence").
fn zero_mines(t: &Sent, qs: &mut Vec<Quantity>) {
    no_longer_any(t, qs);
    if !t.has(kw::NO) {
        return;
    }
    let l = t.lower;
    let mut from = 0;
    while let Some(k) = find(mm!(" no "), &l[from..]).map(|k| from + k) {
        from = k + 4;
        let verb = last_word(&l[..k]);
        let counts = matches!(
            verb,
            "retains"
                | "retained"
                | "retain"
                | "keeps"
                | "kept"
                | "holds"
                | "held"
                | "possesses"
                | "destroyed"
        );
        // "has no stockpile": none held ("has no mines" could speak of mined land).
        if !counts && !matches!(verb, "has" | "have" | "had") {
            continue;
        }
        let rest = &l[k + 4..];
        let nouns: &[&str] = if counts {
            &[
                "mines",
                "antipersonnel mines",
                "anti-personnel mines",
                "landmines",
            ]
        } else {
            &["stockpile"]
        };
        let Some(noun) = nouns.iter().find(|n| {
            rest.starts_with(**n)
                && !rest[n.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        }) else {
            continue;
        };
        // "no" (two bytes) counts zero mines.
        insert_zero_mines(qs, k + 1, k + 3, k + 4 + noun.len());
    }
}

/// A zero count of mines read from words ("no", "any" after a denial) at
/// `start..end`, its noun phrase ending at `phrase_end`, in order among the figures
/// (unless a figure already stands there).
fn insert_zero_mines(qs: &mut Vec<Quantity>, start: usize, end: usize, phrase_end: usize) {
    if qs.iter().any(|q| q.start < phrase_end && start < q.end) {
        return;
    }
    let q = Quantity {
        start,
        end,
        hedge_start: start,
        num: Num::One(0.0),
        qualifier: Qualifier::Exact,
        currency: None,
        unit: Some("mines"),
        phrase_end,
        alt: None,
        words: true,
    };
    let at = qs.partition_point(|x| x.start < start);
    qs.insert(at, q);
}

/// Where ". " first stands in `s` (`find(mm!(". "), s)`): at a '.' memchr finds,
/// followed by a space (the text is short, the finder's setup dearer than the search).
fn stop_at(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr_iter(b'.', b).find(|&k| b.get(k + 1) == Some(&b' '))
}

/// Where a destination list ends: at its first '.', ';', ':', '[', '(' or em dash
/// (`find` of those chars, by bytes: the em dash is the only one beyond ASCII, and its
/// lead byte starts a character wherever it stands), else at the text's end.
fn list_end(s: &str) -> usize {
    let b = s.as_bytes();
    b.iter()
        .enumerate()
        .position(|(i, &c)| {
            matches!(c, b'.' | b';' | b':' | b'[' | b'(')
                || c == 0xE2 && b.get(i + 1..i + 3) == Some(&[0x80, 0x94][..])
        })
        .unwrap_or(b.len())
}

/// The words a destination list ends before (each with its spaces), in the order
/// [`cut_at_stops`] cuts at them.
const DESTINATION_STOPS: [&str; 8] = [
    " in ",
    " between ",
    " from ",
    " during ",
    " since ",
    " before ",
    " after ",
    " until ",
];

/// `list` cut at each of [`DESTINATION_STOPS`] in turn (at its first place wholly
/// inside what is left): each one's first place found in one pass over the spaces,
/// not by eight searches. (A stop's first place not wholly inside what is left has no
/// later place that is: the cut is where it was.)
fn cut_at_stops(list: &str) -> &str {
    let b = list.as_bytes();
    let mut first = [usize::MAX; DESTINATION_STOPS.len()];
    for p in memchr::memchr_iter(b' ', b) {
        let rest = &b[p..];
        for (k, w) in DESTINATION_STOPS.iter().enumerate() {
            if first[k] == usize::MAX && rest.starts_with(w.as_bytes()) {
                first[k] = p;
            }
        }
    }
    let mut end = b.len();
    for (k, w) in DESTINATION_STOPS.iter().enumerate() {
        if first[k] != usize::MAX && first[k] + w.len() <= end {
            end = first[k];
        }
    }
    &list[..end]
}

/// Whether `phrase` (lowercase) says "antivehicle", "anti-vehicle", "antitank" or
/// "anti-tank": read at each "anti" it holds (most hold one, "antipersonnel"), not
/// searched for as four words. (A figure's phrase is short, "antipersonnel mines": its
/// bytes are read one by one, where setting up an iterator of searches cost more than
/// the search; a long one is searched.)
fn names_antivehicle(phrase: &str) -> bool {
    let b = phrase.as_bytes();
    let vehicle_at = |k: usize| {
        let r = &b[k + 4..];
        let r = r.strip_prefix(b"-").unwrap_or(r);
        r.starts_with(b"vehicle") || r.starts_with(b"tank")
    };
    if b.len() > 64 {
        return mm!("anti").find_iter(b).any(vehicle_at);
    }
    // ("anti" cannot overlap itself: every place it starts is one the search finds.)
    (0..b.len().saturating_sub(3))
        .any(|k| b[k] == b'a' && b[k + 1..].starts_with(b"nti") && vehicle_at(k))
}

/// "does not retain any antipersonnel mines", "no longer retains any mines": none
/// retained, a zero at "any" (as [`zero_mines`] reads "retains no mines").
fn no_longer_any(t: &Sent, qs: &mut Vec<Quantity>) {
    // (" any " is the word "any": a sentence without it has none.)
    if !t.has(kw::ANY) {
        return;
    }
    let l = t.lower;
    let mut from = 0;
    while let Some(k) = find(mm!(" any "), &l[from..]).map(|k| from + k) {
        from = k + 5;
        let before = l[..k].trim_end();
        let Some(aux) = ["retains", "retained", "retain"]
            .iter()
            .find_map(|v| before.strip_suffix(v))
            .map(str::trim_end)
        else {
            continue;
        };
        let denied = aux.ends_with(" no longer")
            || aux == "no longer"
            || aux.ends_with("n't")
            || ["does not", "do not", "did not", "has not", "have not"]
                .iter()
                .any(|w| aux.ends_with(w));
        if !denied {
            continue;
        }
        let rest = &l[k + 5..];
        let Some(noun) = [
            "mines",
            "antipersonnel mines",
            "anti-personnel mines",
            "landmines",
        ]
        .iter()
        .find(|n| {
            rest.starts_with(**n)
                && !rest[n.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        }) else {
            continue;
        };
        // "any" (three bytes) counts zero mines.
        insert_zero_mines(qs, k + 1, k + 4, k + 5 + noun.len());
    }
}

/// The words before a figure say it is what remains: "leaving", "with ... remaining".
fn remaining_before(pre: &str) -> bool {
    let pre = pre.trim_end();
    pre.ends_with("leaving") || pre.ends_with("leaves") || pre.ends_with("left with")
}

/// The words after a figure say it is what remains: "4,960 antipersonnel mines remain".
fn remaining_after(post: &str) -> bool {
    let post = post.trim_start();
    ["remain ", "remain,", "remain.", "remained", "remaining"]
        .iter()
        .any(|w| post.starts_with(w))
        || post == "remain"
}

/// The words before a stockpile trigger say the stockpile was destroyed: "destruction
/// of its", "destroyed the", "finished destroying their".
fn stockpile_destroyed_before(pre: &str) -> bool {
    let pre = pre.trim_end();
    // "troops destroyed Cape Verde's stockpile of 1,471 mines": a state's name, in the
    // possessive, as the determiner (a few words, no clause between).
    let possessor = || {
        let name = pre
            .strip_suffix("'s")
            .or_else(|| pre.strip_suffix("\u{2019}s"))?;
        // (An opening quotation mark is part of the name's words: "destroyed “Cape
        // Verde's"; the cut goes past the character found, whatever its width.)
        let cut = name
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || matches!(c, ' ' | '-' | '"' | '\u{201C}')))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let words: Vec<&str> = name[cut..]
            .split(' ')
            .map(|w| w.trim_start_matches(['"', '\u{201C}']))
            .filter(|w| !w.is_empty())
            .collect();
        let verb = words
            .iter()
            .rposition(|w| matches!(*w, "destroyed" | "destroying" | "destroy" | "of"))?;
        // (Not "plans to destroy Angola's stockpile", and "of" only after "destruction".)
        let ok = match words[verb] {
            "destroy" => verb == 0 || words[verb - 1] != "to",
            "of" => verb > 0 && words[verb - 1] == "destruction",
            _ => true,
        };
        (ok && (1..=3).contains(&(words.len() - verb - 1))).then_some(())
    };
    if possessor().is_some() {
        return true;
    }
    let Some(pre) = [
        "its",
        "the",
        "their",
        "this",
        "that",
        "entire",
        "remaining",
        "a",
    ]
    .iter()
    .find_map(|d| pre.strip_suffix(d))
    .map(str::trim_end) else {
        return false;
    };
    let pre = pre.strip_suffix("entire").map_or(pre, str::trim_end);
    // "destroyed the last of its 11,603 stockpiled mines"
    let pre = ["the last of", "the remainder of", "the rest of", "all of"]
        .iter()
        .find_map(|w| pre.strip_suffix(w))
        .map_or(pre, str::trim_end);
    // Not "failed to destroy its stockpile of N", "plans to destroy ...": the stockpile
    // held, not a destruction done.
    pre.ends_with("destruction of")
        || pre.ends_with("destruction of its")
        || pre.ends_with(" destroyed")
        || pre.ends_with(" destroying")
        || pre.ends_with(" destroy") && !pre.ends_with(" to destroy")
}

/// Whether the words before a figure of retained mines destroy them: "it destroyed 72
/// mines retained for training" (the verb right before the figure), "had destroyed
/// its previously retained 586 mines" (the verb, then "retained" as an adjective).
fn retained_destroyed(pre: &str) -> bool {
    let words: Vec<&str> = pre.split_whitespace().rev().take(4).collect();
    let destroy = |w: &str| matches!(w, "destroyed" | "destroying" | "consumed");
    match words.as_slice() {
        [w, ..] if destroy(w) => true,
        [r, rest @ ..] if r.ends_with("retained") => rest
            .iter()
            .take_while(|w| {
                matches!(
                    **w,
                    "its" | "the" | "their" | "previously" | "all" | "all of"
                )
            })
            .count()
            .checked_add(0)
            .is_some_and(|n| rest.get(n).is_some_and(|w| destroy(w))),
        _ => false,
    }
}

/// "..., of which 14,000 were PMN mines and 1,200 were M14 mines": a figure after "of
/// which" (or after "and" in that list) that only a mine type follows, past "were" or
/// "was", counts mines of that type (its noun phrase is the type). The list must part
/// a count of mines stated before it.
fn typed_parts(t: &Sent, qs: &mut [Quantity]) {
    let l = t.lower;
    let Some(w) = find(mm!("of which "), l) else {
        return;
    };
    let whole = qs
        .iter()
        .any(|q| q.end <= w && matches!(q.unit, Some("mines")));
    if !whole {
        return;
    }
    let mines = find_mines_from(t.s, l, t.word_starts());
    let mut prev_end = w;
    for q in qs.iter_mut().filter(|q| q.hedge_start >= w) {
        let gap = l[prev_end..q.hedge_start].trim();
        // Only the list itself: "of which" right before, or "and" / a comma between.
        if !(gap == "of which" || gap == "and" || gap == "," || gap == ", and") {
            break;
        }
        if q.unit.is_some() || q.currency.is_some() {
            break;
        }
        let rest = &l[q.end..];
        let Some(after) = rest
            .strip_prefix(" were ")
            .or_else(|| rest.strip_prefix(" was "))
        else {
            break;
        };
        let at = l.len() - after.len();
        let Some(m) = mines.iter().find(|m| m.start == at) else {
            break;
        };
        let tail = &l[m.end..];
        let noun = [" mines", " mine"]
            .iter()
            .find(|n| tail.starts_with(**n))
            .map_or(0, |n| n.len());
        q.unit = Some("mines");
        q.phrase_end = m.end + noun;
        prev_end = q.phrase_end;
    }
}

fn fits(p: QPred, q: &Quantity) -> bool {
    match p {
        QPred::Spending => q.currency.is_some(),
        QPred::Casualty(_) => q.unit == Some("people"),
        _ => matches!(q.unit, Some("mines") | Some("munitions")),
    }
}

fn figures<'d>(cx: &mut Ctx<'d>, t: &Sent<'d, '_>) {
    // (The figures' vector is the context's, kept from one sentence to the next.)
    let mut qs = std::mem::take(&mut cx.qs);
    let mut mines = std::mem::take(&mut cx.mines);
    let mut trig = std::mem::take(&mut cx.qtrig);
    figures_in(cx, t, &mut qs, &mut mines, &mut trig);
    qs.clear();
    mines.clear();
    trig.clear();
    cx.qs = qs;
    cx.mines = mines;
    cx.qtrig = trig;
}

/// [`figures`], the sentence's figures read into `qs` and its mine types into `mines`
/// (both empty).
fn figures_in<'d>(
    cx: &mut Ctx<'d>,
    t: &Sent<'d, '_>,
    qs: &mut Vec<Quantity>,
    mines: &mut Vec<MineMatch>,
    trig: &mut Vec<(usize, usize, QPred)>,
) {
    if about_cluster_munitions(t) {
        return;
    }
    let l = t.lower;
    // Figures start at word starts or at a currency sign ('$', and the lead bytes of
    // '€' and '£').
    // (Most sentences have no sign: their word starts are read as they are.)
    if memchr::memchr3(b'$', 0xE2, 0xC2, t.s.as_bytes()).is_none() {
        quantities_from_into(t.s, l, t.word_starts(), qs)
    } else {
        // (Into the context's buffer, kept from one sentence to the next.)
        let mut starts = std::mem::take(&mut cx.starts);
        starts.extend(t.word_starts());
        starts.extend(memchr::memchr3_iter(b'$', 0xE2, 0xC2, t.s.as_bytes()));
        starts.sort_unstable();
        quantities_from_into(t.s, l, starts.iter().copied(), qs);
        starts.clear();
        cx.starts = starts;
    };
    zero_mines(t, qs);
    if qs.is_empty() {
        return;
    }
    // "a stockpile of 15,372 mines, of which 14,000 were PMN mines and 1,200 were M14":
    // the parts of a count of mines, each named by its type after "were".
    // (The word "which" first: "of which " is none without it.)
    if qs.len() > 1 && t.has(kw::WHICH) && has(mm!("of which "), l) {
        typed_parts(t, qs);
    }
    // Coordinated figures share the unit of the last: "450,000 ADAM and 13,200 Gator mines".
    for i in (0..qs.len().saturating_sub(1)).rev() {
        if qs[i].unit.is_none() && qs[i].currency.is_none() && qs[i + 1].unit.is_some() {
            let gap = &l[qs[i].end..qs[i + 1].hedge_start];
            // (Not over a date of the figure's own: "77 in 2009 and 90 casualties for
            // 2008" — the unit is the figure's before it, and so is the phrase.)
            if gap.len() < 60
                && (gap.ends_with(" and ") || gap.ends_with(", "))
                && !has(mm!(" of "), gap)
                && !gap.bytes().any(|b| b.is_ascii_digit())
            {
                qs[i].unit = qs[i + 1].unit;
                let cut = if gap.ends_with(" and ") { 5 } else { 2 };
                qs[i].phrase_end = qs[i].end + gap.len() - cut;
            }
        }
    }
    // "had destroyed 3,400,000 of them": the figure counts what the paragraph's last
    // figure counted (mines, munitions), when nothing in this sentence came before.
    if let Some(prev) = cx.out[cx.para_start..]
        .last()
        .and_then(|f| f.unit.as_deref())
        .and_then(|u| ["mines", "munitions"].into_iter().find(|m| *m == u))
    {
        for q in qs.iter_mut().take(1) {
            let rest = &l[q.end..];
            if q.unit.is_none()
                && q.currency.is_none()
                && [" of them", " of these", " of those"]
                    .iter()
                    .any(|w| rest.starts_with(w))
            {
                q.unit = Some(prev);
            }
        }
    }
    // "from 200,013 to 13,585 mines": the first figure of a change takes the unit the
    // second one names.
    for i in 0..qs.len().saturating_sub(1) {
        if qs[i].unit.is_some() || qs[i].currency.is_some() || qs[i].words {
            continue;
        }
        if l[..qs[i].hedge_start].ends_with("from ")
            && l.get(qs[i].end..qs[i + 1].hedge_start)
                .is_some_and(|g| g.trim() == "to")
            && qs[i + 1].currency.is_none()
        {
            qs[i].unit = qs[i + 1].unit;
        }
    }
    // An elided unit takes the unit of the figure before it: "some 11,000 mines in 2020
    // and nearly 22,000 in 2021", "killed 17 people and injured 24 others".
    for i in 1..qs.len() {
        // (A number word only before a casualty's verb: "and one unknown", "of whom
        // four were killed".)
        let casualty_verb = |w: Option<&str>| {
            matches!(
                w,
                Some("killed" | "injured" | "wounded" | "unknown" | "died")
            )
        };
        let word_casualty = qs[i].words && {
            let next = next_word_lower(l, qs[i].end);
            let rest = l[qs[i].end..].trim_start_matches(' ');
            casualty_verb(next)
                || rest
                    .strip_prefix("were ")
                    .or_else(|| rest.strip_prefix("was "))
                    .is_some_and(|r| casualty_verb(next_word_lower(r, 0)))
        };
        if qs[i].unit.is_some() || qs[i].currency.is_some() || qs[i].words && !word_casualty {
            continue;
        }
        // (Past years standing between as figures: "900 casualties for the period
        // 1992–2010 (300 killed; ...)".)
        let year = |q: &Quantity| {
            let y = |v: f64| v.fract() == 0.0 && (1900.0..=2100.0).contains(&v);
            q.unit.is_none()
                && q.currency.is_none()
                && match q.num {
                    Num::One(v) => y(v),
                    Num::Range(a, b) => y(a) && y(b),
                }
        };
        let Some(p) = (0..i).rev().find(|&j| !year(&qs[j])) else {
            continue;
        };
        let Some(prev_unit) = qs[p].unit else {
            continue;
        };
        let gap = &l[qs[p].phrase_end.max(qs[p].end)..qs[i].hedge_start];
        // A wrapped line may leave two spaces ("down from \r\n3,000"): read as one.
        let single;
        let gap = if contains!(gap, "  ") {
            single = collapse_spaces(gap);
            single.as_str()
        } else {
            gap
        };
        let after = next_word_lower(l, qs[i].end);
        // "12 people were killed and 34 injured", "580 casualties, of whom 160 were
        // killed": people, by the verb that follows.
        // The verb after the figure, past "were"/"was".
        let verb = match after {
            Some(aux @ ("were" | "was")) => {
                let at = qs[i].end + l[qs[i].end..].find(aux).unwrap_or(0) + aux.len();
                next_word_lower(l, at)
            }
            // "3 of unknown status"
            Some("of") => {
                let at = qs[i].end + l[qs[i].end..].find("of").unwrap_or(0) + 2;
                next_word_lower(l, at).filter(|w| *w == "unknown")
            }
            a => a,
        };
        // "retained 8,000 mines in 1999; it reduced that number to 624 in 2022": the
        // number the figure sets is the one before.
        let that_number = [
            "that number to ",
            "the number to ",
            "this number to ",
            "the total to ",
        ]
        .iter()
        .any(|w| l[..qs[i].hedge_start].ends_with(w))
            || changed_number(&l[..qs[i].hedge_start]);
        let people_verb = prev_unit == "people"
            && matches!(
                verb,
                Some("injured" | "wounded" | "killed" | "died" | "unknown")
            );
        // "117 casualties in 2024 (39 killed, 76 injured, and 2 unknown)": a list of
        // the people, each by its verb.
        let listed = people_verb
            && (gap.ends_with(" (")
                    || gap.ends_with(", ")
                    || gap.ends_with(": ")
                    // "(100 killed; 400 injured)"
                    || gap.ends_with("; "));
        // "Of the 10,000 mines found, 6,000 were destroyed": a part of the whole the
        // sentence opens with, by the verb that follows.
        let of_the_whole = i == 1
            && l[..qs[0].hedge_start].trim_end() == "of the"
            && gap.ends_with(", ")
            && after.is_some_and(|a| matches!(a, "were" | "was"))
            && verb.is_some_and(|v| qpred_of(v).is_some());
        let part_of = ["of whom ", "of which ", "among them "]
            .iter()
            .any(|w| gap.ends_with(w));
        // "1,950 mines at the end of 2023, down from 2,500 in 2022".
        // (Not after a parenthesis: "(39 killed, 76 injured), up from 89 in 2023" —
        // which figure changed is the one before it.)
        let change_from = ["down from ", "up from ", "compared with ", "compared to "]
            .iter()
            .any(|w| gap.ends_with(w))
            && !gap.contains(')');
        let elided = matches!(
            after,
            None | Some("in" | "by" | "during" | "since" | "at" | "others")
        ) || people_verb
            || l[qs[i].end..]
                .trim_start()
                .starts_with([',', '.', ';', ')']);
        // "destroyed 3.4 million mines, leaving 3.3 million in stock": what is left
        // of the same.
        let leaving = gap.ends_with(", leaving ");
        // "2,512 mines in 2007, 1,460 in 2013, and 1,439 as of 2024": a list of the
        // same count over time, each figure with its own year or "as of".
        let dated = {
            let rest = &l[qs[i].end..];
            rest.starts_with(" as of ")
                || rest.strip_prefix(" in ").is_some_and(|y| {
                    y.len() >= 4
                        && y.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                        && (y.starts_with("19") || y.starts_with("20"))
                })
        };
        let series = dated && gap.ends_with(", ");
        if gap.len() < 40
            && (has(mm!(" and "), gap)
                || part_of && people_verb
                || change_from
                || leaving
                || listed
                || series)
            && (elided || dated)
            // "5,000 mines for training as of 2023, up from 3,000 in 2022": a change
            // from an earlier figure may follow the first's time.
            || change_from && gap.len() < 80 && elided
            // "900 casualties for the period 1992–2010 (300 killed; 600 injured)": the
            // kinds in parentheses after the figure they break down.
            || listed
                && gap.len() < 80
                && gap
                    .strip_suffix(" (")
                    .is_some_and(|g| !g.contains(['(', ')', ';', ',']))
                && elided
            || that_number && gap.len() < 120
            || of_the_whole
        {
            qs[i].unit = Some(prev_unit);
            if after == Some("others") {
                qs[i].phrase_end =
                    qs[i].end + find(mm!("others"), &l[qs[i].end..]).unwrap_or(0) + 6;
            }
        }
    }
    // (A sentence none of whose words is a figure trigger has none to list.)
    if t.has(kw::QPRED) {
        q_triggers_into(l, t.keywords(), trig);
    }
    // Mine types matter only for counted mines or munitions.
    let counted = qs
        .iter()
        .any(|q| matches!(q.unit, Some("mines") | Some("munitions")));
    if counted {
        find_mines_into(t.s, l, t.word_starts(), mines);
    }
    // Digits inside a designation ("Sakaramiina 65-98") are not figures.
    qs.retain(|q| !mines.iter().any(|m| q.start < m.end && m.start < q.end));
    // "Of the 49 casualties, 16 were killed ...": the parts hold when the whole does,
    // as the paragraph gave it ("In 2024, 49 people were ..."), if this sentence has
    // no date of its own.
    let whole_as_of: Option<String> = qs
        .first()
        .filter(|q| l[..q.hedge_start].trim_end() == "of the" && t.dates.is_empty())
        .and_then(|q| {
            let v = match q.num {
                Num::One(v) => Value::Number(v),
                Num::Range(a, b) => Value::Range([a, b]),
            };
            cx.out[cx.para_start..]
                .iter()
                .rev()
                .find(|f| f.value == v && f.unit.as_deref() == q.unit)
                .and_then(|f| f.as_of.clone())
        });
    // "... between 1999 and the end of 2016. Of these, 1,250 people were killed": the
    // parts hold for the period of the figure they divide (the paragraph's last).
    let these_as_of: Option<String> = (t.dates.is_empty()
        && ["of these,", "of them,", "of those,"]
            .iter()
            .any(|w| l.starts_with(w)))
    .then(|| cx.out[cx.para_start..].last().and_then(|f| f.as_of.clone()))
    .flatten()
    .filter(|a| a.contains('/'));
    // "Of the 26 casualties reported in Western Kordofan and Blue Nile, 14 people were
    // killed": the figures after the comma divide a subset (a place's, a source's),
    // not the year's whole. ("Of the 49 casualties in 2016, ..." divides the year's.)
    // Words a few casualty rules need, looked for once a sentence (if at all).
    let admitted = std::cell::OnceCell::new();
    let admitted = || *admitted.get_or_init(|| has(mm!("admitted"), l));
    let detail = std::cell::OnceCell::new();
    let detail = || *detail.get_or_init(|| has(mm!("detail"), l));
    let subset_opening = qs.first().is_some_and(|q0| {
        l.starts_with("of the ")
            && l[..q0.hedge_start].trim_end() == "of the"
            && l[q0.end..].find(',').is_some_and(|c| {
                let scope = &l[q0.end..q0.end + c];
                [" in ", " by ", " from "].iter().any(|p| {
                    scope
                        .split(p)
                        .nth(1)
                        .is_some_and(|x| x.starts_with(|ch: char| ch.is_ascii_alphabetic()))
                })
            })
    });
    let mut production_idx: Vec<usize> = Vec::new();
    let mut cost: Option<Money> = None;
    // (Most sentences do not say it: `as_of` need not look back for it from each figure.
    // Looked for once, where `as_of` first asks.)
    let since_the = std::cell::OnceCell::new();
    for (qi, q) in qs.iter().enumerate() {
        // "Most casualties were civilians (44)": a group's count in parentheses after
        // its name counts people (a part of a total, marked below).
        let group_count;
        let in_parens_of_group = q.unit.is_none()
            && q.currency.is_none()
            && l[q.end..].starts_with(')')
            && l[..q.hedge_start].strip_suffix('(').is_some_and(|p| {
                let w = last_word(p.trim_end());
                matches!(
                    w,
                    "civilians"
                        | "children"
                        | "deminers"
                        | "soldiers"
                        | "women"
                        | "men"
                        | "boys"
                        | "girls"
                )
            });
        let q = if in_parens_of_group {
            group_count = Quantity {
                unit: Some("people"),
                ..q.clone()
            };
            &group_count
        } else {
            q
        };
        // The words before the figure (its hedge), without the spaces at their end:
        // many rules below read how they end.
        let pre_trimmed = l[..q.hedge_start].trim_end();
        // "The 2011 casualties represented ...": a year, not a count.
        {
            let fig = &l[q.start..q.end];
            let pre = pre_trimmed;
            if q.start == q.hedge_start
                && fig.len() == 4
                && (fig.starts_with("19") || fig.starts_with("20"))
                && fig.bytes().all(|b| b.is_ascii_digit())
                && ["the", "its", "their", "these", "this"].iter().any(|w| {
                    pre.ends_with(w)
                        && !pre[..pre.len() - w.len()].ends_with(|c: char| c.is_ascii_alphabetic())
                })
            {
                continue;
            }
        }
        // The nearest fitting trigger (before the figure preferred).
        let mut best: Option<(usize, QPred, usize)> = None;
        for &(a, b, p) in trig.iter() {
            if !fits(p, q) {
                continue;
            }
            let d = if b <= q.hedge_start {
                q.hedge_start - b
            } else if a >= q.end {
                // A trigger word right after the figure is its own ("34 injured",
                // "160 were killed").
                let g = l.get(q.phrase_end.max(q.end)..a);
                if g.is_some_and(|g| matches!(g.trim(), "" | "were" | "was" | "of")) {
                    0
                } else if g.is_some_and(|g| g.contains([':', '('])) {
                    // "50 people were hit: 20 killed, 30 injured": the parts' verbs.
                    continue;
                } else {
                    a - q.end + 15
                }
            } else {
                continue;
            };
            if d < 140 && best.is_none_or(|x| d < x.2) {
                best = Some((a, p, d));
            }
        }
        // Production cost: "... for $120 million" in a production sentence.
        if q.currency.is_some()
            && l[..q.hedge_start].ends_with("for ")
            && trig.iter().any(|x| x.2 == QPred::Production)
        {
            if let Num::One(v) = q.num {
                cost = Some(Money {
                    value: v,
                    unit: q.currency.unwrap_or("USD").into(),
                });
            }
            continue;
        }
        // "Of the 10,000 mines found in caches, ...": the whole a sentence opens with is
        // what it divides, not a figure it asserts for any predicate.
        if qi == 0 && pre_trimmed == "of the" {
            continue;
        }
        // "45 casualties, including 10 children": a part of a figure already given,
        // by who was hit, is not another count of casualties.
        if matches!(q.unit, Some("people"))
            && (qi > 0
                && ["including ", "of whom ", "among them ", "among whom ", "("]
                    .iter()
                    .any(|w| l[..q.hedge_start].ends_with(w))
                // "The casualties included two boys, six civilian men, ..., and two
                // civilians whose gender was not recorded."
                || contains!(l[..q.hedge_start], " included "))
            && matches!(
                next_word_lower(l, q.end),
                Some(
                    "children"
                        | "child"
                        | "civilians"
                        | "soldiers"
                        | "deminers"
                        | "women"
                        | "men"
                        | "boys"
                        | "girls"
                        | "adults"
                        | "military"
                )
            )
        {
            continue;
        }
        // "21 casualties were children", "Adults, 81, made up most casualties": a part
        // by who was hit.
        if matches!(q.unit, Some("people")) {
            const WHO: &[&str] = &[
                "children",
                "child",
                "civilians",
                "civilian",
                "soldiers",
                "deminers",
                "women",
                "men",
                "boys",
                "girls",
                "adults",
                "military",
                "male",
                "female",
            ];
            let rest = l[q.phrase_end.max(q.end)..].trim_start();
            let rest = rest
                .strip_prefix("were ")
                .or_else(|| rest.strip_prefix("was "))
                .unwrap_or("");
            let after = WHO.iter().any(|w| {
                rest.starts_with(w)
                    && !rest[w.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
            });
            let pre = pre_trimmed;
            let before = pre
                .strip_suffix(',')
                .map(last_word)
                .is_some_and(|w| WHO.contains(&w));
            if after || before {
                continue;
            }
        }
        // The figure's verb in the present ("retains", "is retaining"): it holds now,
        // not at the paragraph's last date.
        let present = best.is_some_and(|(a, _, _)| {
            let w = next_word_lower(l, a).unwrap_or("");
            matches!(w, "retains" | "holds" | "possesses" | "stockpiles" | "stocks")
                // "does not retain any mines", as "retains no mines"
                || w == "retain"
                    && ["does not ", "do not ", "doesn't ", "no longer "]
                        .iter()
                        .any(|x| l[..a].ends_with(x))
                || w.ends_with("ing") && ["is ", "are "].iter().any(|x| l[..a].ends_with(x))
                // "has a stockpile of", "is believed to have a stockpile of"
                || ["has a ", "have a ", "has an ", "have an "]
                    .iter()
                    .any(|x| l[..a].ends_with(x))
        });
        let pred = match best {
            Some((a, p, _)) => {
                // (A number set anew is the state's, whatever the words about the one
                // before: "16,000 mines would be retained, but later reduced this number
                // to 4,000 mines"; "announced ... that this would be reduced to 4,000".)
                // (The zero of "does not retain any mines" is the negation's: see
                // `no_longer_any`.)
                let none_retained =
                    matches!(q.num, Num::One(v) if v == 0.0) && l[q.start..].starts_with("any ");
                if !changed_number(&l[..q.hedge_start])
                    && !none_retained
                    && negated_in(t, a.min(q.hedge_start))
                {
                    continue;
                }
                // "a stockpile of 2.97 million mines and about 920,000 mines emplaced in
                // border areas": the second is not held.
                if p == QPred::Stockpile && in_the_ground(l, q) {
                    continue;
                }
                // "completed the destruction of its stockpile of 45,000 mines": the
                // figure is what was destroyed, not what is held.
                // "the destruction of 66,684 stockpiled mines": the same, the figure first.
                if p == QPred::Stockpile
                    && (stockpile_destroyed_before(&l[..a])
                        || stockpile_destroyed_before(&l[..q.hedge_start])
                        || pre_trimmed.ends_with("destruction of")
                        // "71,136 stockpiled mines were newly discovered and destroyed"
                        || {
                            let rest = l[q.phrase_end.max(q.end)..].trim_start();
                            let clause = clause_of(rest);
                            ["were ", "have been ", "had been ", "was "]
                                .iter()
                                .any(|w| clause.starts_with(w))
                                && (clause.ends_with(" destroyed")
                                    || contains!(clause, " destroyed "))
                                && !contains!(clause, " to be destroyed")
                        })
                {
                    QPred::Destroyed
                } else if p == QPred::Retained && retained_destroyed(&l[..q.hedge_start]) {
                    // "it destroyed 72 mines retained for training", "destroyed its
                    // previously retained 586 mines": retained mines destroyed (see
                    // below: not the stockpile's destruction either).
                    QPred::Destroyed
                } else if p == QPred::Destroyed
                    && (remaining_before(&l[..q.hedge_start])
                        || remaining_after(&l[q.phrase_end.max(q.end)..]))
                {
                    // "destroyed 3.4 million, leaving some 3.3 million": what is left
                    // is the stockpile.
                    QPred::Stockpile
                } else {
                    p
                }
            }
            // "... reduced this number to 4,000 in 2000, and by the end of 2011 Spain had
            // further reduced this to 1,718 mines": the number the sentence's last
            // figure counted, set anew (its trigger too far back to be found).
            None if changed_number(&l[..q.hedge_start])
                && fits(QPred::Retained, q)
                && cx.out[cx.sent_start..].last().is_some_and(|f| {
                    matches!(f.predicate.as_str(), "retained.total" | "stockpile.total")
                }) =>
            {
                match cx.out[cx.sent_start..].last().map(|f| f.predicate.as_str()) {
                    Some("retained.total") => QPred::Retained,
                    _ => QPred::Stockpile,
                }
            }
            None => {
                // In a stockpiling section, "the number ... of N mines" is the stockpile;
                // anywhere, "N mines in stock".
                let st = matches!(t.section, Some(SectionKind::Stockpiling));
                let cue = t.has(kw::QCUE);
                let in_stock = l
                    .get(q.phrase_end.max(q.end)..)
                    .is_some_and(|r| r.trim_start().starts_with("in stock"))
                    // "4,960 antipersonnel mines remain, of which 3,960 will be destroyed"
                    || (t.has(kw::DESTROY) || t.para_kw & kw::P_STOCKPILE != 0)
                        && remaining_after(&l[q.phrase_end.max(q.end)..]);
                if (st && cue || in_stock) && !in_the_ground(l, q) && fits(QPred::Stockpile, q) {
                    QPred::Stockpile
                } else {
                    continue;
                }
            }
        };
        // "captured an estimated 1,200 mines from the Kachin Independence Army": mines
        // taken from someone, not the state's declared stockpile.
        if pred == QPred::Stockpile && taken_from_others(l, q) {
            continue;
        }
        // "543,713 people received mine risk education": people reached, not hit.
        if matches!(pred, QPred::Casualty(_)) {
            let rest = l[q.phrase_end.max(q.end)..].trim_start();
            let rest = rest.strip_prefix("people ").unwrap_or(rest);
            if [
                "received",
                "attended",
                "benefited",
                "participated",
                "were reached",
                "were trained",
                "were educated",
                "took part",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
            {
                continue;
            }
        }
        // "a reduction of 29 mines from the previous year": a change, not a count.
        if [
            "reduction of",
            "increase of",
            "decrease of",
            "drop of",
            "rise of",
            "fall of",
        ]
        .iter()
        .any(|w| pre_trimmed.ends_with(w))
        {
            continue;
        }
        // "decreased its contribution by SEK30.7 million", "dropped by 1,200 mines": the
        // size of a change.
        {
            let mut pre = pre_trimmed;
            // "by SEK30.7 million ($5.1 million)": the figure in parentheses is the
            // one before it, in another currency.
            if let Some(p) = pre.strip_suffix('(') {
                let mut p = p.trim_end();
                for _ in 0..2 {
                    let (head, last) = p.rsplit_once(' ').unwrap_or(("", p));
                    if last.bytes().any(|b| b.is_ascii_digit())
                        || matches!(last, "million" | "billion" | "thousand")
                    {
                        p = head.trim_end();
                    }
                }
                pre = p;
            }
            if let Some(p) = pre.strip_suffix(" by") {
                let clause = p.rsplit([',', ';']).next().unwrap_or(p);
                if [
                    "decreased",
                    "increased",
                    "reduced",
                    "dropped",
                    "fell",
                    "rose",
                    "grew",
                    "declined",
                    "cut",
                ]
                .iter()
                .any(|v| clause.split(' ').any(|w| w == *v))
                {
                    continue;
                }
            }
        }
        // Mines destroyed in clearance are not a stockpile's: "operators destroyed 500
        // mines during clearance in 2024" beside the stockpile's 2,000 had made a false
        // conflict. Unless the figure itself is said to be stockpiled.
        if pred == QPred::Destroyed
            && (cleared_not_stockpiled(l, q) || t.mine_action_profile && !contains!(l, "stockpil"))
        {
            continue;
        }
        // "4,744 NR 413 fragmentation mines", "9,212 No. 409 blast mines": a model's
        // number, not a count.
        {
            let before = &t.s[..q.start.min(t.s.len())];
            let prev_tok = before.strip_suffix(' ').map(last_word);
            let digits = &t.s[q.start.min(t.s.len())..q.end.min(t.s.len())];
            let model = prev_tok.is_some_and(|p| {
                p == "No."
                    || (2..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_uppercase())
            });
            if model && !q.words && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit())
            {
                continue;
            }
        }
        // "35 antivehicle mines": not antipersonnel mines.
        let phrase = &l[q.end.min(l.len())..q.phrase_end.max(q.end).min(l.len())];
        if names_antivehicle(phrase) {
            continue;
        }
        let limit = qs.get(qi + 1).map(|n| n.hedge_start).unwrap_or(l.len());
        // The designation must stand in the figure's noun phrase ("96 M86 Pursuit
        // Deterrent Munitions", "450,000 ADAM and ...") or right after the figure.
        let window_end = if q.phrase_end > q.end {
            q.phrase_end
        } else {
            q.end + 2
        };
        let mine: Option<&MineMatch> = mines
            .iter()
            .find(|m| m.start >= q.end && m.start < window_end.min(limit));
        let value = match q.num {
            Num::One(v) => Value::Number(v),
            Num::Range(a, b) => Value::Range([a, b]),
        };
        let name = match pred {
            QPred::Stockpile if mine.is_some() => "stockpile.by_type",
            QPred::Stockpile => "stockpile.total",
            QPred::Destroyed => "stockpile.destroyed",
            QPred::Retained => "retained.total",
            QPred::Production => "production.quantity",
            QPred::Transfer => "transfer.quantity",
            QPred::Spending => "spending",
            QPred::Casualty(_) => "casualties",
        };
        let mut f = cx.fact(t, name, value, q.start, q.end);
        f.qualifier = q.qualifier;
        f.unit = q.unit_str().map(String::from);
        f.as_of = match (&whole_as_of, &these_as_of) {
            (Some(w), _) if qi > 0 => Some(w.clone()),
            (_, Some(w)) => Some(w.clone()),
            _ => {
                // "3,011 casualties had been identified by the end of 2016: 1,179 people
                // were killed ...": the parts after the colon share the whole's period.
                let colon = (qi > 0)
                    .then(|| l[qs[0].end..q.hedge_start].find(':'))
                    .flatten()
                    .map(|c| qs[0].end + c);
                let whole = colon
                    .filter(|&c| !t.dates.iter().any(|d| d.start > c && d.end <= q.end))
                    .and_then(|_| as_of(t, &qs[0], false, &since_the))
                    .filter(|a| a.contains('/'));
                whole.or_else(|| as_of(t, q, present, &since_the))
            }
        };
        // "reduce the number to 728: 100 PMN mines, 161 Model 51 mines, 467 ...": a
        // list after a colon breaks the figure before it down (unless each part has
        // its own year: "82,029 destroyed: 53,058 in 2005 and 28,971 in 2006").
        if mine.is_none()
            && f.confidence == Confidence::High
            && !matches!(
                pred,
                QPred::Stockpile | QPred::Casualty(_) | QPred::Spending
            )
            && qs[..qi].iter().any(|o| {
                o.unit == q.unit
                    && l.get(o.end..q.hedge_start)
                        .is_some_and(|b| b.contains(':') && !b.contains(['.', ';']))
            })
            && !l[q.phrase_end.max(q.end)..]
                .trim_start()
                .strip_prefix("in ")
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        {
            f.uncertain("a part of the figure before the colon");
        }
        if let Some(m) = mine {
            f.mine_type = Some(m.mine.designation.clone());
            if let Some(r) = &m.ambiguity {
                f.uncertain(r.clone());
            }
            // "destroyed a total of 664 mines, including 591 POMZ-2M and 73 TS-50",
            // "reduce the number to 728: 100 PMN mines, 161 ...": the figure of one
            // type is a part of the figure before it (a stockpile's has a predicate of
            // its own, `stockpile.by_type`).
            if !matches!(pred, QPred::Stockpile)
                && qs[..qi].iter().any(|o| {
                    o.unit == q.unit
                        && l.get(o.end..q.hedge_start).is_some_and(|between| {
                            (between.contains(':') || contains!(between, "including"))
                                && !between.contains(['.', ';'])
                        })
                })
            {
                f.uncertain("a part of the figure before it, of one type");
            }
        }
        if let Some((v, c)) = q.alt {
            f.equivalent = Some(Money {
                value: v,
                unit: c.into(),
            });
        }
        if let QPred::Casualty(k) = pred {
            // "As of the end of 2010, the NRA had identified 50,370 casualties": every
            // casualty up to then, not 2010's.
            if let Some(a) = f.as_of.as_deref().filter(|a| !a.contains('/')) {
                let cumulative = t.dates.iter().any(|d| {
                    d.iso() == a && {
                        let pre = l[..d.start].trim_end();
                        // (Not a bare "as of June 2006": "there were 37 new casualties"
                        // counts that year's so far.)
                        ["as of the end of", "as at the end of", "by the end of"]
                            .iter()
                            .any(|p| pre.ends_with(p))
                    }
                });
                if cumulative {
                    f.as_of = Some(format!("../{a}"));
                }
            }
            // "49 people were killed or injured": every casualty, not the killed.
            let either = best.is_some_and(|(a, _, _)| {
                let w = next_word_lower(l, a).unwrap_or("");
                let rest = l[a + w.len()..].trim_start();
                let pre = l[..a].trim_end();
                matches!(k, "killed" | "injured")
                    && ([
                        "or injured",
                        "or wounded",
                        "or killed",
                        "and injured",
                        "and wounded",
                    ]
                    .iter()
                    .any(|x| rest.starts_with(x))
                        || ["killed or", "injured or", "wounded or"]
                            .iter()
                            .any(|x| pre.ends_with(x)))
            });
            f.casualty = Some(if either { "total" } else { k }.into());
            casualty_scope(&mut f, l, q, qs, qi, &admitted, &detail, subset_opening);
        }
        // "had destroyed 8,104 mines by 30 September 1999": as of the date after "by"
        // (a count so far).
        if pred == QPred::Destroyed && pluperfect(&l[..q.hedge_start]) {
            let after = q.phrase_end.max(q.end);
            if let Some(d) = t
                .dates
                .iter()
                .find(|d| d.start >= after && l[after..d.start].trim() == "by")
            {
                f.as_of = Some(d.iso());
            }
        }
        // "...; this number was reduced to 643 by May 2012": the number the sentence
        // gave before, of the same state, set anew as of the date after "by".
        if changed_number(&l[..q.hedge_start]) {
            if f.subject == "UNK" {
                if let Some(prev) = cx.out[cx.sent_start..].last() {
                    f.subject = prev.subject.clone();
                }
            }
            let after = q.phrase_end.max(q.end);
            if let Some(d) = t
                .dates
                .iter()
                .find(|d| d.start >= after && l[after..d.start].trim() == "by")
            {
                f.as_of = Some(d.iso());
            }
        }
        // "It initially retained 5,000 antipersonnel mines; this number was reduced to
        // 4,291 by the middle of 2012": the first figure held before the sentence's
        // date, not at it.
        // (Not a number set anew itself: "... but reduced this number to 4,000 in
        // 2000, and by the end of 2011 ... further reduced this to 1,718".)
        if qs[qi + 1..]
            .iter()
            .any(|o| changed_number(&l[..o.hedge_start]))
            && !changed_number(&l[..q.hedge_start])
            && [
                "initially",
                "originally",
                "at first",
                "first retained",
                "first declared",
                "first reported",
            ]
            .iter()
            .any(|w| l[..q.hedge_start].contains(w))
        {
            f.uncertain("an initial figure, changed later in the sentence");
        }
        if pred == QPred::Transfer {
            // "to 38 countries"
            if let Some(d) = qs.iter().find(|d| {
                d.unit == Some("states") && d.start > q.end && l[..d.hedge_start].ends_with("to ")
            }) {
                if let Num::One(n) = d.num {
                    f.destinations = Some(n as u32);
                }
            }
            // "to Angola, Cambodia and Iraq": named destinations, kept only when every
            // name is a known state (a wrong destination is worse than none).
            if let Some(names) = named_destinations(&t.s[q.end.min(t.s.len())..]) {
                if f.destinations.is_none() {
                    f.destinations = Some(names.len() as u32);
                }
                f.destination_states = Some(names);
            }
        }
        // "transferred 1,200 mines from its central depot to the engineering school":
        // mines moved between the state's own bodies or places, no transfer under Art.
        // 2.4 (which moves mines into or out of a territory); and "transferred 500 mines
        // retained for training from the army to the police" (a transfer word before
        // the figure) counts what moved, not what is retained.
        let after = &t.s[q.end.min(t.s.len())..];
        if (pred == QPred::Transfer
            || matches!(pred, QPred::Retained | QPred::Stockpile)
                && trig
                    .iter()
                    .any(|&(a, _, p)| p == QPred::Transfer && a < q.hedge_start))
            && internal_move(after, &f.subject)
        {
            f.uncertain(if pred == QPred::Transfer {
                "moved between the state's own bodies or places, not into or out of its territory: no transfer under Art. 2.4"
            } else {
                "a number moved between the state's own bodies or places, not the total held"
            });
        }
        // "from 200,013 to 13,585": which figure holds when is unclear.
        let pre = &l[..q.hedge_start];
        let next_is_to = qs.get(qi + 1).is_some_and(|n| {
            let from = q.phrase_end.max(q.end).min(n.hedge_start);
            l[from..n.hedge_start].trim() == "to"
        });
        if (pre.ends_with("from ") && next_is_to)
            || (pre.ends_with(" to ") && qi > 0 && l[..qs[qi - 1].hedge_start].ends_with("from "))
        {
            f.uncertain("a change from one figure to another: which figure the sentence asserts, and for when, is unclear");
        }
        // "reported consuming 20 antipersonnel mines", "49 mines were used for
        // training": mines consumed, not held.
        if pred == QPred::Retained {
            let pre = pre_trimmed;
            let post = l[q.phrase_end.max(q.end)..].trim_start();
            if ["consuming", "consumed", "using", "destroying"]
                .iter()
                .any(|w| pre.ends_with(w))
                || ["were used", "was used", "were consumed", "were destroyed"]
                    .iter()
                    .any(|w| post.starts_with(w))
            {
                continue;
            }
        }
        // "$10.3 million to clearance (23% of its total contribution)", "more than $10
        // million each", "Of the total casualties recorded for 2016, 41 occurred in
        // ...": parts of a total.
        if f.confidence == Confidence::High {
            let post = l[q.phrase_end.max(q.end)..].trim_start();
            let share = {
                // (Past the figure's other currency: "€35 million (US$36.9 million) went
                // to Ukraine ..., representing ... (30%) of the total".)
                let post = match post.strip_prefix('(').and_then(|p| p.split_once(')')) {
                    Some((inside, rest)) if q.alt.is_some() && !inside.contains('(') => {
                        rest.trim_start()
                    }
                    _ => post,
                };
                let mut cut = post.len().min(120);
                while !post.is_char_boundary(cut) {
                    cut -= 1;
                }
                // (To the sentence's end, not a decimal point's: "(US$27.8) or 22%".)
                let near = upto(&post[..cut], b';');
                let near = stop_at(near).map_or(near, |k| &near[..k]);
                // (Not a change: "represented a 9% decrease from ...".)
                let pct = memchr::memchr(b'%', near.as_bytes()).is_some();
                (pct || has(mm!(" percent"), near))
                    && (contains!(near, "% of")
                        || has(mm!(" percent of"), near)
                        || contains!(near, "%)")
                        || ![
                            " decrease",
                            " increase",
                            " drop",
                            " rise",
                            " reduction",
                            " fall",
                        ]
                        .iter()
                        .any(|w| near.contains(w)))
            };
            // "Three casualties in 2009 were Thai nationals", "12 were children": a
            // group among the casualties.
            let were_group = f.predicate == "casualties" && {
                let clause = post.split([',', ';', '.', '(']).next().unwrap_or("");
                find(mm!(" were "), clause)
                    .map(|k| &clause[k + " were ".len()..])
                    .or_else(|| clause.strip_prefix("were "))
                    .is_some_and(|rest| {
                        rest.split(' ').take(3).any(|w| {
                            matches!(
                                w,
                                "civilians"
                                    | "children"
                                    | "boys"
                                    | "girls"
                                    | "men"
                                    | "women"
                                    | "adults"
                                    | "nationals"
                                    | "deminers"
                                    | "soldiers"
                                    | "military"
                                    | "foreigners"
                                    | "refugees"
                                    | "male"
                                    | "female"
                            )
                        })
                    })
            };
            let each = post.starts_with("each");
            // "nine of the casualties": a part of the whole named after it.
            let after = l[q.end..].trim_start();
            let of_the = ["of the ", "of these ", "of those ", "of all "]
                .iter()
                .any(|p| after.starts_with(p));
            let of_the_total = l.starts_with("of the total") && l[..q.hedge_start].contains(',');
            // "security forces accounted for 7 casualties", "children made up 49": a
            // group's share of a total.
            let pre = pre_trimmed;
            let accounted = [
                "accounted for",
                "account for",
                "accounting for",
                "made up",
                "make up",
                "making up",
            ]
            .iter()
            .any(|w| pre.ends_with(w))
                // "This includes about $3.29 million in funding for victim assistance"
                || (pre.ends_with(" includes") || pre.ends_with(" include"))
                    && f.mine_type.is_none()
                    && f.casualty.is_none()
                // "... 44,962 people injured, of whom 9,021 people had amputations"
                || pre.ends_with("of whom") && f.casualty.is_none()
                // "a stockpile of 6,782 mines, of which 4,382 would be destroyed" (not
                // the killed or injured of a casualty total, its kinds)
                || pre.ends_with("of which")
                    && f.casualty.is_none()
                    && !(f.mine_type.is_some() && name == "stockpile.by_type")
                // "US$3.2 million in 2004, including $255,000 from the government": a
                // part of the figure before it (not the killed or injured of a
                // casualty total, nor a figure by type: parts by what they are).
                || pre.ends_with(", including")
                    && qi > 0
                    && f.casualty.is_none()
                    && f.mine_type.is_none();
            // "contributed more than 13% of its support A$1,000,000 ($903,400) to victim
            // assistance": the share named just before the figure.
            let share_before = {
                let mut from = pre.len().saturating_sub(60);
                while !pre.is_char_boundary(from) {
                    from += 1;
                }
                // (Within the clause: a figure's own separators are no clause's end.)
                let near = &pre[from..];
                // (No share without a '%' or "percent": most figures have none near, and
                // nothing is searched for.)
                (memchr::memchr(b'%', near.as_bytes()).is_some() || has(mm!("percent"), near)) && {
                    let near = [", ", "; ", ". "]
                        .iter()
                        .filter_map(|b| near.rfind(b).map(|k| k + b.len()))
                        .max()
                        .map_or(near, |k| &near[k..]);
                    // (The figure right after "% of the" is the whole the share is of:
                    // "less than 40% of the 56 casualties reported for 2015".)
                    ["% of ", " percent of "]
                        .iter()
                        .filter_map(|w| near.rfind(w).map(|k| &near[k + w.len()..]))
                        .next_back()
                        .is_some_and(|rest| {
                            !matches!(
                                rest.trim(),
                                "" | "the" | "these" | "those" | "all" | "all the"
                            )
                        })
                }
            };
            // "allocated more than 80% (€66 million/$75.3 million) of its funding"
            let share_in_parens = pre.ends_with("% (") || pre.ends_with("percent (");
            if share
                || share_before
                || share_in_parens
                || were_group
                || each
                || of_the_total
                || accounted
                || of_the
                || in_parens_of_group
            {
                f.uncertain("a part of a total");
            }
        }
        // "The ITF had raised more than $127 million from various sources": the money
        // of a body named by its initials, not a state (in a state's profile, its own).
        if pred == QPred::Spending && f.confidence == Confidence::High && f.subject == cx.iso3 {
            let clause_start = t.s[..q.hedge_start.min(t.s.len())]
                .rfind([';', ':'])
                .map_or(0, |k| k + 1);
            let mut words = t.s[clause_start..].split_whitespace();
            let w0 = words.next().unwrap_or("");
            let body = if matches!(w0, "The" | "the") {
                words.next().unwrap_or("")
            } else {
                w0
            };
            let body = body.trim_end_matches([',', '\u{2019}', '\'', 's']);
            if (2..=6).contains(&body.len())
                && body.bytes().all(|b| b.is_ascii_uppercase())
                && resolve_state(body).is_none()
            {
                f.uncertain(format!("money of another body ({body}), not the state's"));
            }
        }
        // "1,063 mines were destroyed for training purposes", "destroyed 1,292 mines
        // previously retained for training": mines retained under Article 3 used up,
        // not the stockpile's destruction.
        if pred == QPred::Destroyed && f.confidence == Confidence::High {
            let post = &l[q.phrase_end.max(q.end)..];
            let mut cut = post.len().min(60);
            while !post.is_char_boundary(cut) {
                cut -= 1;
            }
            // (In the figure's own words: not "..., retaining 700 mines for training",
            // nor "destroyed 21,857 mines and retained 9,999 for training".)
            let near = clause_of(&post[..cut]);
            let near = find(mm!(" and "), near).map_or(near, |k| &near[..k]);
            let retained_before = best.is_some_and(|(_, p, _)| p == QPred::Retained);
            if has(mm!("training"), near) || retained_before {
                f.uncertain("mines retained for training, destroyed or used up, not the stockpile's destruction");
            }
        }
        // "five to ten people were injured or killed by mines every day", "an average
        // of approximately two casualties every three days": a rate, not a count.
        if matches!(pred, QPred::Casualty(_)) && f.confidence == Confidence::High {
            let post = &l[q.phrase_end.max(q.end)..];
            let mut cut = post.len().min(80);
            while !post.is_char_boundary(cut) {
                cut -= 1;
            }
            let near = post[..cut].split([';', '.', ',']).next().unwrap_or("");
            let rate = [
                "every day",
                "each day",
                "per day",
                " a day",
                "every month",
                "per month",
                " a month",
                "per week",
                " a week",
            ]
            .iter()
            .any(|w| near.contains(w))
                || find(mm!(" every "), near).is_some_and(|k| contains!(near[k..], " days"));
            if rate {
                f.uncertain("a rate, not a count");
            }
        }
        // "Norway's five-year commitment of US$120 million to mine action": money
        // promised over years, not spent in one.
        if pred == QPred::Spending && f.confidence == Confidence::High {
            let pre = pre_trimmed;
            let mut from = pre.len().saturating_sub(40);
            while !pre.is_char_boundary(from) {
                from += 1;
            }
            let w = &pre[from..];
            if has(mm!("commitment of"), w)
                || has(mm!("pledge of"), w)
                || has(mm!("pledged"), w)
                || has(mm!("committed to provide"), w)
            {
                f.uncertain("a pledge or a commitment over years, not money provided in one");
            }
        }
        // "An additional 10 casualties were recorded", "a further 1,200 mines": an
        // addition to a figure given elsewhere, not the period's total.
        if f.confidence == Confidence::High {
            let pre = pre_trimmed;
            if ["additional", "another", "a further", "further"]
                .iter()
                .any(|w| pre.ends_with(w))
            {
                f.uncertain("an addition to a figure given elsewhere");
            }
        }
        // "35,774 antipersonnel mines (5,216 No. 6 blast mines, ..., 4,744 NR 413
        // fragmentation mines)": a part of the figure before the parenthesis.
        // (Casualties by kind in parentheses are kinds, read as such above.)
        if !matches!(pred, QPred::Spending | QPred::Casualty(_))
            && qi > 0
            && f.confidence == Confidence::High
        {
            let first = &qs[0];
            let open = first.phrase_end.max(first.end);
            let inside = l.get(open..q.hedge_start).is_some_and(|between| {
                between.trim_start().starts_with('(') && !between.contains(')')
            });
            if inside && fits(pred, first) {
                f.uncertain("a part of the figure before the parenthesis");
            }
        }
        // "four deminer casualties (two killed; two injured)": the kinds of a part are
        // parts too.
        if matches!(pred, QPred::Casualty(_)) && f.confidence == Confidence::High {
            // The whole: the nearest figure before, with the parenthesis still open.
            let whole = cx.out[cx.sent_start..].iter().rev().find(|o| {
                o.predicate == "casualties"
                    && o.value_span[1] <= t.abs + q.start
                    && l.get(o.value_span[1].saturating_sub(t.abs)..q.hedge_start)
                        .is_some_and(|b| b.contains('(') && !b.contains(')'))
            });
            if whole.is_some_and(|w| w.confidence != Confidence::High) {
                f.uncertain("a part of a figure that is itself a part");
            }
        }
        if pred == QPred::Production {
            production_idx.push(cx.out.len());
        }
        cx.push(f);
    }
    if let Some(c) = cost {
        for i in production_idx {
            if let Some(f) = cx.out.get_mut(i) {
                if f.predicate == "production.quantity" {
                    f.cost = Some(c.clone());
                }
            }
        }
    }
}

// (The money rules below call none of the helpers, nor the generic instances —
// `str::find` of seven chars, `str::rfind` of four — that only `figures` or
// `events` call: a second caller changes how the compiler inlines them there, and the
// profile-guided optimisation's profile (pgo/) no longer matches those functions,
// which cost `check` 2.6 % more instructions until these were avoided. Their
// separators are found by bytes instead.)

/// After `figures`: where the sentence's spending went ([`recipients`]), and money
/// received from others with its donors' parts ([`support`]: only in a sentence with
/// one of its words and a currency, which most have not).
// (Never inlined: the caller's code, and with it its profile in pgo/, stays as it
// was; most sentences only pass through here.)
#[inline(never)]
fn money_rules<'d>(cx: &mut Ctx<'d>, t: &Sent<'d, '_>) {
    // (Most sentences give no fact: nothing to look at.)
    if cx.out.len() > cx.sent_start {
        recipients(cx, t);
    }
    if t.has(kw::SUPPORT)
        && (memchr::memchr3(b'$', 0xE2, 0xC2, t.s.as_bytes()).is_some()
            || has(mm!("dollar"), t.lower)
            || has(mm!("eur"), t.lower))
    {
        support(cx, t);
    }
}

/// The money figures of a sentence, those of one amount in a currency only.
fn money_in(t: &Sent) -> Vec<Quantity> {
    let mut qs = crate::text::quantities(t.s, t.lower);
    qs.retain(|q| q.currency.is_some() && matches!(q.num, Num::One(_)));
    qs
}

/// The time a money figure of the support rules holds for: the sentence's last date
/// before it ("In 2024, ... US$21.4 million"), else its first after ("... $13.2
/// million to mine action in Angola in 2022").
fn money_as_of(t: &Sent, q: &Quantity) -> Option<String> {
    let ds: &[DateMention] = &t.dates;
    ds.iter()
        .rev()
        .find(|d| d.end <= q.hedge_start)
        .or_else(|| ds.iter().find(|d| d.start >= q.end))
        .map(DateMention::iso)
}

/// The state (ISO code) or the EU a name stands for as a list of donors or a clause
/// writes it ("the United States", "and Japan", "the European Union"); none for any
/// other body ("the Swiss Foundation X", "UNMAS").
fn state_code(name: &str) -> Option<String> {
    let n = name.trim_matches(|c: char| c == ' ' || c == ',');
    let n = n.strip_prefix("and ").unwrap_or(n).trim_start();
    let n = n
        .strip_prefix("the ")
        .or_else(|| n.strip_prefix("The "))
        .unwrap_or(n);
    if n.is_empty() || n.len() > 60 || !n.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    if matches!(n, "European Union" | "EU" | "European Commission") {
        return Some("EU".into());
    }
    // (The reference data's own lookup, not the remembering `resolve_state` the
    // hot rules inline.)
    minewatch_refdata::resolve_state(n).map(|st| st.iso3.clone())
}

/// The name of a state written at byte `at` of `s` ("the Democratic Republic of the
/// Congo", "Angola in 2024", "the United States, US$8.2 million"): the longest run of
/// its capitalised words (with "of", "the", "and" inside) that [`state_code`] knows.
fn state_at(s: &str, at: usize) -> Option<String> {
    let rest = s.get(at..)?;
    // (The ends of the capitalised words so far, at most nine.)
    let mut ends = [0usize; 9];
    let mut n = 0;
    let mut k = 0;
    let mut first = true;
    for w in rest.split(' ') {
        let bare = &w[..w
            .bytes()
            .position(|c| matches!(c, b',' | b'.' | b';' | b':' | b')' | b'[' | b'('))
            .unwrap_or(w.len())];
        let cap = bare.starts_with(|c: char| c.is_uppercase());
        let small = matches!(bare, "of" | "the" | "and") || first && bare == "the";
        if bare.is_empty() || !(cap || small) || n == ends.len() {
            break;
        }
        if cap {
            ends[n] = k + bare.len();
            n += 1;
        }
        k += w.len() + 1;
        first = false;
        // (A name ends at its punctuation.)
        if bare.len() < w.len() {
            break;
        }
    }
    ends[..n].iter().rev().find_map(|&e| {
        let name = &rest[..e];
        let name = name
            .strip_suffix("'s")
            .or_else(|| name.strip_suffix("\u{2019}s"))
            .unwrap_or(name);
        state_code(name)
    })
}

/// The first state named after "in", "to" or "for" in `s` (its lowercase `l`): "to
/// mine action in Angola", "to Cambodia".
fn state_after_prep(s: &str, l: &str) -> Option<String> {
    memchr::memchr_iter(b' ', l.as_bytes()).find_map(|k| {
        let rest = &l[k + 1..];
        let n = if rest.starts_with("in ") || rest.starts_with("to ") {
            3
        } else if rest.starts_with("for ") {
            4
        } else {
            return None;
        };
        state_at(s, k + 1 + n)
    })
}

/// Where the money of the sentence's spending figures went, as the words after each
/// name it ("Norway provided US$2.6 million to clearance in Angola in 2024", "$16.2
/// million to Cambodia"): in its clause, before the next figure. Not the spender
/// itself.
fn recipients(cx: &mut Ctx<'_>, t: &Sent<'_, '_>) {
    let n = cx.out.len();
    for i in cx.sent_start..n {
        if cx.out[i].predicate != "spending" || cx.out[i].recipient.is_some() {
            continue;
        }
        let from = cx.out[i].value_span[1].saturating_sub(t.abs);
        // The next figure of the sentence, if any.
        let to = cx.out[cx.sent_start..n]
            .iter()
            .map(|f| f.value_span[0].saturating_sub(t.abs))
            .filter(|&a| a >= from)
            .min()
            .unwrap_or(t.s.len());
        if from > to || to > t.s.len() || !t.s.is_char_boundary(from) || !t.s.is_char_boundary(to) {
            continue;
        }
        let r = recipient_in(t, from, to)
            .and_then(|c| Code::new(&c))
            .filter(|c| c.as_str() != cx.out[i].subject);
        cx.out[i].recipient = r;
    }
}

/// [`recipients`] for the words `from..to` of the sentence after a figure.
fn recipient_in(t: &Sent, from: usize, to: usize) -> Option<String> {
    let seg = &t.lower[from..to];
    let cut = seg
        .bytes()
        .position(|c| matches!(c, b',' | b';' | b'[' | b':' | b'('))
        .unwrap_or(seg.len());
    // (To the sentence's end: a stop before a space, not a decimal point's.)
    let b = &seg.as_bytes()[..cut];
    let cut = memchr::memchr_iter(b'.', b)
        .find(|&k| b.get(k + 1).is_none_or(|&c| c == b' '))
        .unwrap_or(cut);
    state_after_prep(&t.s[from..from + cut], &seg[..cut])
}

/// A count of donors ("from six donors", "from 12 donors").
fn donor_count(l: &str) -> Option<std::num::NonZeroU16> {
    let k = find(mm!(" donor"), l)?;
    let after = &l[k + " donor".len()..];
    if !(after.is_empty() || after.starts_with(['s', ' ', ',', ':', '.', ';'])) {
        return None;
    }
    let mut pre = l[..k].trim_end();
    for adj in [" international", " foreign", " different", " bilateral"] {
        pre = pre.strip_suffix(adj).unwrap_or(pre);
    }
    let w = last_word(pre);
    const WORDS: [&str; 20] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return std::num::NonZeroU16::new(i as u16 + 1);
    }
    (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// Money a state received from others ("Angola received a total of US$28.4
/// million", "international contributions to mine action in Angola totaled US$21.4
/// million from six donors", "Donors contributed $13.2 million to mine action in
/// Angola"): `support.received` for the recipient (the state named, else the
/// profile's), and each donor's part of a list after it ("the United States ($8.2
/// million)", "US$12.0 million from Japan") as that donor's `spending`, with the
/// recipient; a donor that is no state nor the EU gives nothing. Unnamed donors give
/// no `spending`: what `figures` read from the sentence as spending is taken back.
fn support<'d>(cx: &mut Ctx<'d>, t: &Sent<'d, '_>) {
    let (s, l) = (t.s, t.lower);
    let qs = money_in(t);
    let Some(q0) = qs.first() else {
        return;
    };
    // The clause of the first figure, past an opening phrase ("In 2024, ").
    let pre = &l[..q0.hedge_start];
    let cs = memchr::memrchr(b';', pre.as_bytes()).map_or(0, |k| k + 1);
    let mut hs = cs;
    {
        let clause = &l[cs..q0.hedge_start];
        let first = clause.trim_start().split(' ').next().unwrap_or("");
        if is_introducer(first) {
            if let Some(c) = clause.find(", ") {
                hs = cs + c + 2;
            }
        }
    }
    let head = &l[hs..q0.hedge_start];
    // Words between the verb and the figure: "a total of", "to".
    let filler = |w: &str| {
        matches!(
            w,
            "a" | "total" | "of" | "to" | "an" | "estimated" | "sum" | "the" | "some" | "about"
        )
    };
    let words: Vec<(usize, &str)> = head
        .split(' ')
        .scan(hs, |at, w| {
            let a = *at;
            *at += w.len() + 1;
            Some((a, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let verb = |pred: &dyn Fn(&str) -> bool| {
        let v = words.iter().position(|(_, w)| pred(w))?;
        words[v + 1..].iter().all(|(_, w)| filler(w)).then_some(v)
    };
    let own = || (cx.iso3 != "UNK").then(|| cx.iso3.clone());
    let named_giver = |h: &str| {
        contains!(h, "'s ")
            || contains!(h, "\u{2019}s ")
            || contains!(h, " by ")
            || contains!(h, " from ")
    };
    let recipient: Option<String>;
    // Whether the givers are unnamed ("Donors contributed ..."): no spending of theirs.
    let mut unnamed = false;
    if let Some(v) = verb(&|w| matches!(w, "received" | "receives")) {
        // "Angola received", "it received"
        let subj = s[hs..words[v].0].trim();
        recipient = if matches!(
            subj,
            "it" | "It" | "the country" | "The country" | "the government" | "The government"
        ) {
            own()
        } else {
            state_code(subj)
        };
    } else if let Some(v) = verb(&|w| {
        matches!(
            w,
            "totaled" | "totalled" | "totaling" | "totalling" | "amounted"
        )
    }) {
        let np = &l[hs..words[v].0];
        let support_noun = np.split(' ').any(|w| {
            matches!(
                w,
                "contributions" | "contribution" | "support" | "funding" | "assistance" | "aid"
            )
        });
        if !support_noun || named_giver(np) {
            return;
        }
        let others = np
            .split(' ')
            .any(|w| matches!(w, "international" | "donor" | "donors" | "foreign"));
        recipient =
            state_after_prep(&s[hs..words[v].0], np).or_else(|| if others { own() } else { None });
    } else if let Some(v) = verb(&|w| {
        matches!(
            w,
            "contributed" | "provided" | "gave" | "donated" | "allocated" | "granted"
        )
    }) {
        // "Donors", "international donors", "the donors", "several donors"
        let subj: Vec<&str> = words[..v].iter().map(|(_, w)| *w).collect();
        let donors = matches!(subj.last(), Some(&"donors"))
            && subj[..subj.len() - 1].iter().all(|w| {
                matches!(
                    *w,
                    "the"
                        | "international"
                        | "other"
                        | "several"
                        | "various"
                        | "foreign"
                        | "multiple"
                        | "many"
                        | "bilateral"
                )
            });
        if !donors {
            return;
        }
        unnamed = true;
        let clause_end = l[q0.end..]
            .bytes()
            .position(|c| c == b';' || c == b'[')
            .map_or(l.len(), |k| q0.end + k);
        let from = q0.phrase_end.max(q0.end).min(clause_end);
        recipient = state_after_prep(&s[from..clause_end], &l[from..clause_end]).or_else(own);
    } else {
        return;
    }
    let Some(recipient) = recipient else {
        return;
    };
    // A donor's part: "the United States ($8.2 million)", "US$12.0 million from Japan".
    let donor_of = |q: &Quantity| -> Option<Option<String>> {
        let after = q.phrase_end.max(q.end);
        if l[after..].starts_with(" from ") {
            // (Not "from six donors": no donor named.)
            let d = state_at(s, after + " from ".len());
            if d.is_some() || s[after + 6..].starts_with(|c: char| c.is_uppercase()) {
                return Some(d);
            }
            if l[after + 6..].starts_with("the ")
                && s[after + 10..].starts_with(|c: char| c.is_uppercase())
            {
                return Some(d);
            }
            return None;
        }
        let p = l[..q.hedge_start].strip_suffix('(')?;
        // (After the list's colon, a comma or the previous part's parenthesis: "Japan
        // ($3.1 million) and Norway ($2.6 million)".)
        let a = p
            .bytes()
            .rposition(|c| matches!(c, b':' | b',' | b';' | b'(' | b')'))
            .map_or(0, |k| k + 1)
            .max(hs);
        Some(state_code(s[a..p.len()].trim()))
    };
    let total_as_of = money_as_of(t, q0);
    let money = |q: &Quantity, f: &mut Fact| {
        f.qualifier = q.qualifier;
        f.unit = q.unit_str().map(String::from);
        if let Some((v, c)) = q.alt {
            f.equivalent = Some(Money {
                value: v,
                unit: c.into(),
            });
        }
    };
    let value = |q: &Quantity| match q.num {
        Num::One(v) => Value::Number(v),
        Num::Range(a, b) => Value::Range([a, b]),
    };
    let mut new = Vec::new();
    // The first figure is the total, unless it is a donor's own ("received US$5
    // million from Norway").
    let first_is_part = !unnamed && donor_of(q0).is_some();
    if !first_is_part {
        let mut f = cx.fact(t, "support.received", value(q0), q0.start, q0.end);
        f.subject = recipient.clone();
        money(q0, &mut f);
        f.as_of = total_as_of.clone();
        f.donors = donor_count(&l[q0.end..]).or_else(|| donor_count(head));
        new.push(f);
    }
    let parts = if first_is_part { &qs[..] } else { &qs[1..] };
    for q in parts {
        let Some(Some(donor)) = donor_of(q) else {
            continue;
        };
        if donor == recipient {
            continue;
        }
        let mut f = cx.fact(t, "spending", value(q), q.start, q.end);
        f.subject = donor;
        f.recipient = Code::new(&recipient);
        money(q, &mut f);
        f.as_of = money_as_of(t, q).or_else(|| total_as_of.clone());
        new.push(f);
    }
    // What `figures` read from these figures as spending (the recipient's, or the
    // unnamed donors') is replaced.
    let cut = t.abs + q0.start;
    let tail: Vec<Fact> = cx
        .out
        .drain(cx.sent_start..)
        .filter(|f| !(f.predicate == "spending" && f.value_span[0] >= cut))
        .collect();
    cx.out.extend(tail);
    for f in new {
        cx.push(f);
    }
}

/// The time a figure holds for: a date in the sentence ("between 1969 and 1992",
/// "since 2011", else the nearest before the figure, else the nearest after), else the
/// paragraph's context. (`since_the`: whether the sentence says "since the " at all,
/// asked once for its figures, where one is read that far.)
fn as_of(
    t: &Sent,
    q: &Quantity,
    present: bool,
    since_the: &std::cell::OnceCell<bool>,
) -> Option<String> {
    let l = t.lower;
    if let Some(p) = t
        .has(kw::BETWEEN)
        .then(|| t.phrase_at("between").next())
        .flatten()
    {
        let ds: Vec<&DateMention> = t.dates.iter().filter(|d| d.start > p).take(2).collect();
        // "between 1999 and 2008", "between 1999 and the end of 2016", "Between
        // 2011–2015", and as some profiles have it, "between 1975 to the end of 2017"
        // (Not where a date of the figure's own stands between it and the period: "1,526
        // mines were destroyed in 2012 and another 277 ... between 27 July 2013 and 28
        // February 2014".)
        let (lo, hi) = if p >= q.end {
            (q.end, p)
        } else {
            (ds.last().map_or(p, |d| d.end), q.hedge_start)
        };
        // (A date in parentheses is an aside: "Between 1999 and 2008, the survey
        // (conducted in 2008) found 2,184 casualties".)
        let own_date_between = t.dates.iter().any(|d| {
            d.start >= lo && d.end <= hi && {
                let gap = &l[lo..d.start];
                gap.matches('(').count() <= gap.matches(')').count()
            }
        });
        if ds.len() == 2
            && !own_date_between
            && matches!(
                l[ds[0].end..ds[1].start].trim(),
                "and" | "and the end of" | "to" | "to the end of" | "\u{2013}" | "-"
            )
        {
            return Some(iso_with("", ds[0], "/", Some(ds[1]), ""));
        }
    }
    // "240 mine/ERW casualties in 2011–2016 (60 killed; ...)", "4,120 ... casualties
    // (1,010 killed; 3,110 injured) in the period 1980–2010": a period right after
    // the figure (past its kinds in parentheses).
    if let Some(p) = period_right_after(t, q) {
        return Some(p);
    }
    // "... casualties in 2011–2016 (91 killed; 271 injured)": the kinds in the
    // parenthesis after a period hold for it.
    if let Some(open) = memchr::memrchr(b'(', &l.as_bytes()[..q.hedge_start]) {
        if !l[open..q.hedge_start].contains(')') {
            let pre = l[..open].trim_end().len();
            if let Some(i) = t.dates.iter().position(|d| d.end == pre) {
                if let Some(d0) = i.checked_sub(1).map(|k| &t.dates[k]) {
                    if matches!(l[d0.end..t.dates[i].start].trim(), "\u{2013}" | "-") {
                        return Some(iso_with("", d0, "/", Some(&t.dates[i]), ""));
                    }
                }
            }
        }
    }
    // "From 1999 to 2008, Landmine Monitor identified 826 casualties": a period.
    if let Some(w) = t.dates.windows(2).find(|w| {
        w[1].end <= q.hedge_start
            && matches!(
                l[w[0].end..w[1].start].trim(),
                "to" | "to the end of"
                    | "until"
                    | "until the end of"
                    | "through"
                    | "\u{2013}"
                    | "-"
            )
            && {
                // "from 1999 to 2008", "for the period 1992–2010", "For the period of
                // 1979 to December 2017"
                let pre = l[..w[0].start].trim_end();
                pre.ends_with("from") || pre.ends_with("period") || pre.ends_with("period of")
            }
    }) {
        return Some(iso_with("", &w[0], "/", Some(&w[1]), ""));
    }
    // "Countrywide casualty data for 1997–2010 listed 700 casualties": a span of years
    // after "for", "in" or "during", the last date before the figure.
    if let Some(w) = t
        .dates
        .windows(2)
        .rev()
        .find(|w| w[1].end <= q.hedge_start)
        .filter(|w| {
            matches!(l[w[0].end..w[1].start].trim(), "\u{2013}" | "-")
                && !t
                    .dates
                    .iter()
                    .any(|d| d.start >= w[1].end && d.end <= q.hedge_start)
                && {
                    let pre = l[..w[0].start].trim_end();
                    pre.ends_with(" for") || pre.ends_with(" in") || pre.ends_with(" during")
                }
                && {
                    // (Kinds in a parenthesis after the figure share it: "(105
                    // killed; 595 injured)".)
                    let seg = &l[w[1].end..q.hedge_start];
                    let head = seg.split('(').next().unwrap_or(seg);
                    !head.contains([';', '.'])
                }
        })
    {
        return Some(iso_with("", &w[0], "/", Some(&w[1]), ""));
    }
    // "2,000 mines for training, a figure it said it would review in 2026": a date in a
    // clause about the future after the figure does not date it.
    // (Most sentences have no word of the future: no clause is looked at.)
    let ahead = |d: &DateMention| {
        d.start >= q.end && t.has(kw::FUTURE) && future_between(&l[q.end..d.start])
    };
    if let Some((d, gap)) = date_after(t, q, 40).filter(|(d, _)| !ahead(d)) {
        // "€2.4 million ($3.2 million) in 2014": past the other currency's figure.
        let gap = match gap.strip_prefix(" (").and_then(|g| g.split_once(')')) {
            Some((inside, rest)) if q.alt.is_some() && !inside.contains('(') => rest,
            _ => gap,
        };
        // "7,957 casualties for the period 1992–2010": the period right after.
        if gap.ends_with("period ") || gap.ends_with("from ") {
            if let Some(w) = t.dates.windows(2).find(|w| {
                w[0].start == d.start
                    && matches!(
                        l[w[0].end..w[1].start].trim(),
                        "to" | "until" | "through" | "\u{2013}" | "-"
                    )
            }) {
                return Some(iso_with("", &w[0], "/", Some(&w[1]), ""));
            }
        }
        // "As of May 2009, AMAE recorded 272 casualties (34 killed and 238 injured)
        // since 1999": every year since, up to the "as of" date if one is given.
        if gap.ends_with("since ") && !gap.contains(['.', ';']) {
            let until = t
                .dates
                .iter()
                .find(|x| l[..x.start].trim_end().ends_with("as of"))
                .filter(|x| x.start != d.start)
                .map_or_else(|| "..".to_string(), DateMention::iso);
            return Some(format!("{}/{until}", d.iso()));
        }
        if gap.ends_with("as of ") || gap.ends_with("at the end of ") || gap.ends_with("as at ") {
            return Some(d.iso());
        }
        // "registered 2,101 casualties to the end of 2017": every year up to 2017, not
        // 2017's.
        if [
            "to the end of ",
            "until the end of ",
            "through the end of ",
            "by the end of ",
            "up to ",
        ]
        .iter()
        .any(|w| gap.ends_with(w))
            // "reducing this number to 599 by 1 January 2011"
            || gap == " by "
        {
            return Some(iso_with("../", d, "", None, ""));
        }
        // "a further 4,100 in 2003": the year right after the figure is its own, even
        // where another figure's year stands before it; so after a participle, "97
        // casualties recorded in 2023".
        // (Also "159 mine/ERW casualties recorded for Myanmar in 2015".)
        // The gap's own case, for the names in it.
        let gap_at = gap.as_ptr() as usize - l.as_ptr() as usize;
        let participle_in = gap
            .strip_prefix(' ')
            // "the 62 casualties it recorded for 2024": the participle after a pronoun;
            // "the 269 casualties CMVIS recorded for 2008", after a body's acronym.
            .map(|g| {
                let at = gap_at + (gap.len() - g.len());
                let first = first_word(&t.s[at..]);
                // ("AzCBL" too: a capital first and two at least, letters only.)
                let acronym = first.len() >= 2
                    && first.starts_with(|c: char| c.is_ascii_uppercase())
                    && first.bytes().filter(u8::is_ascii_uppercase).count() >= 2
                    && first.bytes().all(|b| b.is_ascii_alphabetic());
                if acronym {
                    return g.get(first.len() + 1..).unwrap_or(g);
                }
                ["it ", "they ", "which ", "that "]
                    .iter()
                    .find_map(|p| g.strip_prefix(p))
                    .unwrap_or(g)
            })
            .and_then(|g| {
                g.strip_suffix(" in ")
                    .or_else(|| g.strip_suffix(" during "))
                    .or_else(|| g.strip_suffix(" for "))
            })
            .is_some_and(|w| {
                let verb = first_word(w);
                verb.len() > 4
                    && verb.ends_with("ed")
                    && verb.bytes().all(|b| b.is_ascii_lowercase())
                    && (w == verb
                        // "casualties recorded annually in 2005 and 2006"
                        || w.strip_prefix(verb).is_some_and(|r| {
                            r.strip_prefix(' ').is_some_and(|a| {
                                a.len() > 3
                                    && a.ends_with("ly")
                                    && a.bytes().all(|b| b.is_ascii_lowercase())
                            })
                        })
                        || w.strip_prefix(verb).is_some_and(|r| {
                            // "recorded for Myanmar in 2015", "recorded in Egypt in 2012"
                            (r.starts_with(" for ") || r.starts_with(" in "))
                                && r.split(' ').count() <= 4
                        }))
            });
        // (So "... and another 200 mines on 2 October 2002".)
        if gap == " in " || gap == " during " || gap == " for " || gap == " on " || participle_in {
            return Some(d.iso());
        }
    }
    // "two casualties reported by the Mine Action Center (BHMAC) for 2015": the year
    // after the reporter is the figure's.
    if let Some((d, gap)) = date_after(t, q, 110).filter(|(d, _)| !ahead(d)) {
        let by_reporter = gap
            .strip_prefix(' ')
            .and_then(|g| g.strip_suffix(" for ").or_else(|| g.strip_suffix(" in ")))
            .and_then(|g| g.split_once(" by "))
            .is_some_and(|(verb, by)| {
                verb.len() > 4
                    && verb.ends_with("ed")
                    && verb.bytes().all(|b| b.is_ascii_lowercase())
                    && by.split(' ').count() <= 9
                    && !by.contains([',', ';', '.'])
                    && !by.bytes().any(|b| b.is_ascii_digit())
            });
        if by_reporter {
            return Some(d.iso());
        }
    }
    let usable = |d: &&DateMention| {
        let pre = l[..d.start].trim_end();
        !(pre.ends_with("until") || pre.ends_with("by") || ahead(d))
    };
    // "a total of 82,029 mines destroyed: 53,058 in 2005 and 28,971 in 2006": with no
    // date before it, a total whose parts follow a colon holds for their years.
    let after_phrase = q.phrase_end.max(q.end);
    // (By memchr: `find` of a char made a searcher.)
    if let Some(colon) = memchr::memchr(b':', &l.as_bytes()[after_phrase..])
        .map(|c| after_phrase + c)
        .filter(|&c| c - after_phrase < 80 && !l[after_phrase..c].contains(['.', ';', '/']))
    {
        let before_any = t.dates.iter().any(|d| d.end <= q.hedge_start);
        let parts: Vec<&DateMention> = t.dates.iter().filter(|d| d.start > colon).collect();
        if !before_any && parts.len() >= 2 {
            let (a, b) = (parts[0], parts[parts.len() - 1]);
            if a.year < b.year {
                return Some(format!("{}/{}", a.year, b.year));
            }
        }
    }
    // "since the 1980s some 22,177 casualties had been recorded": every year since
    // the decade began.
    if let Some(k) = (*since_the.get_or_init(|| has(mm!("since the "), l)))
        .then(|| mm_rev!("since the ").rfind(&l.as_bytes()[..q.hedge_start]))
        .flatten()
    {
        let dec = &l[k + "since the ".len()..q.hedge_start];
        if dec.len() > 5
            && dec.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && dec[4..].starts_with('s')
            && !t
                .dates
                .iter()
                .any(|d| d.start > k && d.end <= q.hedge_start)
        {
            return Some(format!("{}/..", &dec[..4]));
        }
    }
    let before = t
        .dates
        .iter()
        .rev()
        .filter(usable)
        .find(|d| d.end <= q.hedge_start);
    // "... the casualties reported in 2013 but it remains a decrease from the 69
    // new casualties identified in Turkey from IMFT reporting in 2012": a date
    // before the figure, in a clause of its own, is not its date where its own clause
    // gives one after it.
    let own_after = t.dates.iter().filter(usable).find(|d| {
        d.start >= q.end && d.start - q.end < 120 && !l[q.end..d.start].contains([',', ';', '.'])
    });
    let before = match (before, own_after) {
        (Some(b), Some(a))
            if [" but ", "; ", ", while ", " whereas "]
                .iter()
                .any(|w| l[b.end..q.hedge_start].contains(w)) =>
        {
            Some(a)
        }
        _ => before,
    };
    // Without a date before it, the figure's is the first after it.
    let after = before
        .is_none()
        .then(|| t.dates.iter().filter(usable).find(|d| d.start >= q.end))
        .flatten();
    // "It had a stockpile of 338,356 mines, which it finished destroying on 22
    // December 2017": the figure held up to the date its relative clause gives the
    // destruction, not on it (then there were none). So "15,372 mines, of which
    // 14,000 were destroyed in 2016": the 15,372 were held before.
    if let Some(d) = after {
        let gap = &l[q.end..d.start];
        let relative = [
            ", which ",
            ", all of which ",
            ", most of which ",
            ", of which ",
        ]
        .iter()
        .filter_map(|w| gap.find(w).map(|k| &gap[k..]))
        .next();
        if relative.is_some_and(|r| {
            !r.contains([';', '.'])
                && ["destroy", "destruction", "eliminat"]
                    .iter()
                    .any(|v| r.contains(v))
        }) {
            return Some(iso_with("../", d, "", None, ""));
        }
    }
    match before.or(after) {
        Some(d) => {
            // "not destroyed any since 2019, when it destroyed 20,000": the figure is
            // for the year the "when" clause names, not for the period since.
            // (Asked only after "since".)
            let when = || d.end <= q.hedge_start && has(mm!(", when "), &l[d.end..q.hedge_start]);
            if l[..d.start].trim_end().ends_with("since") && !when() {
                Some(iso_with("", d, "/..", None, ""))
            } else {
                Some(d.iso())
            }
        }
        // A sentence in the past perfect ("it had declared a stockpile of ...") speaks
        // of a time before the paragraph's last date: that date is not its time.
        None if pluperfect(l) => None,
        // A list item stands alone: the item before it is not its context.
        None if crate::text::strip_bullet(t.s).is_some() => None,
        // "It initially retained 988 mines": the first figure, of no date given, not
        // of the paragraph's last.
        None if {
            let pre = &l[..q.hedge_start];
            // (Both words end in "ially": where the text before has none, neither is in
            // the clause.)
            has(mm!("ially"), pre) && {
                // (Its own clause: not "..., but later reduced this to 4,000".)
                let clause =
                    &pre[memchr::memrchr3(b';', b'.', b',', pre.as_bytes()).map_or(0, |k| k + 1)..];
                let clause = mm_rev!(" but ")
                    .rfind(clause.as_bytes())
                    .map_or(clause, |k| &clause[k + " but ".len()..]);
                has(mm!("initially"), clause) || has(mm!("originally"), clause)
            }
        } =>
        {
            None
        }
        // "It retains 14,000 mines": what holds now, or when a report said so.
        None if present => t.dates.context_of_present().map(DateMention::iso),
        None => t.dates.context().map(DateMention::iso),
    }
}

/// Whether the words between a figure and a date after it (lowercase) look ahead
/// ("a figure it said it would review in", "which it will destroy by", "plans to
/// ... by"): the date is in a clause about the future. (The date's own clause, past
/// the last comma: not "16,000 mines would be retained, but later reduced this number
/// to 4,500 mines in 2001".)
fn future_between(between: &str) -> bool {
    let clause = between.rsplit([';', ',']).next().unwrap_or(between);
    FUTURE.iter().any(|w| clause.contains(w))
}

/// What a clause about the future says ([`future_between`]).
const FUTURE: [&str; 12] = [
    " will ",
    " would ",
    " shall ",
    " plans to ",
    " plan to ",
    " planning to ",
    " intends to ",
    " intend to ",
    " expects to ",
    " expect to ",
    " aims to ",
    " aim to ",
];

/// The first date within `window` bytes after a figure's noun phrase, with the
/// (lowercase) text between them.
fn date_after<'t, 'a>(
    t: &'t Sent<'_, 'a>,
    q: &Quantity,
    window: usize,
) -> Option<(&'t DateMention, &'a str)> {
    let from = q.phrase_end.max(q.end);
    let end = (from + window).min(t.lower.len());
    t.dates
        .iter()
        .find(|d| d.start >= from && d.start < end)
        .map(|d| (d, &t.lower[from..d.start]))
}

/// "had" followed by a past participle: "had declared", "had been", "had held".
fn pluperfect(l: &str) -> bool {
    let mut rest = l;
    while let Some(i) = find(mm!("had "), rest) {
        let at_word = i == 0 || !rest.as_bytes()[i - 1].is_ascii_alphanumeric();
        let next = next_word_lower(rest, i + 4).unwrap_or("");
        if at_word
            && (next.len() > 3 && next.ends_with("ed")
                || matches!(
                    next,
                    "been"
                        | "held"
                        | "kept"
                        | "made"
                        | "sold"
                        | "bought"
                        | "done"
                        | "given"
                        | "taken"
                ))
        {
            return true;
        }
        rest = &rest[i + 4..];
    }
    false
}

/// What a stockpile table's column counts, by its header: a year or date (no count),
/// destroyed or retained mines, else mines held.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Head {
    Time,
    Destroyed,
    Retained,
    Held,
}

impl Head {
    fn of(header: &str) -> Head {
        // Lowercased on the stack (a header is short), else in a copy.
        let mut buf = [0u8; 64];
        let owned;
        let h: &[u8] = match lowercase_in(&mut buf, header) {
            Some(l) => l,
            None => {
                owned = header.to_ascii_lowercase();
                owned.as_bytes()
            }
        };
        let has = |f: &memchr::memmem::Finder| f.find(h).is_some();
        if has(mm!("year")) || has(mm!("date")) {
            Head::Time
        } else if has(mm!("destroy")) {
            Head::Destroyed
        } else if has(mm!("retain")) {
            Head::Retained
        } else {
            Head::Held
        }
    }
}

/// Stockpile tables: rows naming a mine type with a figure, and total rows. Bracketed
/// numbers in labels ("M692 ... [36]") under a "[quantity ... in each]" header are
/// per-munition contents, never values.
fn tables(cx: &mut Ctx, body: Span) {
    let doc = cx.doc;
    for tb in &doc.tables {
        if !body.contains(Span::new(tb.span.start, tb.span.start)) {
            continue;
        }
        let caption = tb
            .caption
            .as_ref()
            .map(|c| c.value.to_ascii_lowercase())
            .unwrap_or_default();
        let section = doc.section_at(tb.span.start).map(|s| s.kind);
        let stock =
            contains!(caption, "stockpil") || matches!(section, Some(SectionKind::Stockpiling));
        if !stock {
            continue;
        }
        let year = crate::text::dates(&caption).last().map(|d| d.iso());
        // The notes of the caption, the same for every cell.
        let notes: Vec<u32> = match &tb.caption {
            Some(c) => doc
                .references_starting_in(c.span)
                .iter()
                .filter(|r| c.span.contains(r.span))
                .map(|r| r.number)
                .collect(),
            None => Vec::new(),
        };
        // What each column counts, by its header (read once for the table).
        let heads: Vec<Head> = tb.columns.iter().map(|c| Head::of(&c.value)).collect();
        for row in &tb.rows {
            let label = row.label.value.as_str();
            let llabel = label.to_ascii_lowercase();
            let is_total = row.is_total();
            // Designations start at the starts of runs of ASCII letters and digits.
            let lb = label.as_bytes();
            let mines = find_mines_from(
                label,
                &llabel,
                (0..lb.len()).filter(|&i| {
                    lb[i].is_ascii_alphanumeric() && (i == 0 || !lb[i - 1].is_ascii_alphanumeric())
                }),
            );
            if !is_total && mines.is_empty() {
                continue;
            }
            for (ci, cell) in row.cells.iter().enumerate() {
                let Some(v) = cell.value.as_deref() else {
                    continue;
                };
                let Some(n) = parse_cell(v) else { continue };
                // What the column counts, by its header: destroyed or retained mines, a
                // year (no count at all), else the stockpile.
                let head = heads.get(ci).copied().unwrap_or(Head::Held);
                if head == Head::Time {
                    continue;
                }
                let pred = if head == Head::Destroyed {
                    "stockpile.destroyed"
                } else if head == Head::Retained {
                    "retained.total"
                } else if is_total {
                    "stockpile.total"
                } else {
                    "stockpile.by_type"
                };
                let line = cx.lines.line_of(cell.span.start) + 1;
                // (Joined by hand: `format!` cost more than the rest of the fact.)
                let v = v.trim();
                let mut quote = String::with_capacity(label.len() + 3 + v.len());
                quote.push_str(label);
                quote.push_str(" | ");
                quote.push_str(v);
                let mut f = bare_fact(
                    pred,
                    cx.iso3.clone(),
                    Value::Number(n),
                    notes.clone(),
                    line,
                    [row.label.span.start, cell.span.end.max(row.label.span.end)],
                    [cell.span.start, cell.span.end],
                    quote,
                );
                f.unit = Some("mines".into());
                f.as_of = year.clone();
                f.mine_type = mines
                    .first()
                    .filter(|_| !is_total)
                    .map(|m| m.mine.designation.clone());
                f.column = tb
                    .columns
                    .get(ci)
                    .map(|c| c.value.clone())
                    .filter(|_| row.cells.len() > 1);
                if let Some(m) = mines.first().and_then(|m| m.ambiguity.clone()) {
                    f.uncertain(m);
                }
                flag_inexact(&mut f);
                cx.out.push(f);
            }
        }
    }
}

/// A "key data" box: each label one blank line above its value, as archived profiles
/// open with ("State Party since" / "1 August 2000", "Casualties in 2008" / "0 (2007:
/// 18)", "Transparency reporting" / "30 April 2011"). The reader keeps such a box as a
/// blank-line table without a header, a value being a row of its own, or a cell of its
/// label's row where it is a figure.
fn key_data(cx: &mut Ctx, body: Span) {
    let doc = cx.doc;
    for tb in &doc.tables {
        if tb.bracket_header.is_some() || !body.contains(Span::new(tb.span.start, tb.span.start)) {
            continue;
        }
        match tb.form {
            TableForm::BlankLine if tb.columns.is_empty() => {
                for (i, row) in tb.rows.iter().enumerate() {
                    // The value: the row's own cell, else the next row, one blank line
                    // below.
                    let (value, span) = match row.cells.first().and_then(|c| c.value.as_deref()) {
                        Some(v) => (v, row.cells[0].span),
                        None => match tb.rows.get(i + 1) {
                            Some(next) if next.cells.iter().all(|c| c.value.is_none()) => {
                                (next.label.value.as_str(), next.label.span)
                            }
                            _ => continue,
                        },
                    };
                    key_pair(cx, (&row.label.value, row.label.span), value, span);
                }
            }
            // The same box as "label | value" lines ("| Casualties in 2024 | 12 (2023:
            // 18) |"): a value column of its own. With no separator line, the reader
            // takes the first line for the header, of which the table keeps the value
            // (the label is read back from its line).
            TableForm::Pipe
                if tb.columns.len() <= 1 && tb.rows.iter().all(|r| r.cells.len() == 1) =>
            {
                if let Some(first) = tb.columns.first() {
                    if let Some(label) = label_before(&doc.text, first.span) {
                        key_pair(cx, (label.value, label.span), &first.value, first.span);
                    }
                }
                for row in &tb.rows {
                    if let Some(v) = row.cells[0].value.as_deref() {
                        key_pair(cx, (&row.label.value, row.label.span), v, row.cells[0].span);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The first cell of the line a pipe table's cell at `cell` stands in, before it
/// ("| State Party since | 1 March 2004 |": "State Party since", for the date's span).
fn label_before(text: &str, cell: Span) -> Option<minewatch_profile::Located<&str>> {
    let line_start = text[..cell.start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..cell.start];
    let inner = before.trim_end().strip_suffix('|')?;
    let lead = inner.len()
        - inner
            .trim_start()
            .trim_start_matches('|')
            .trim_start()
            .len();
    let label = inner[lead..].trim_end();
    (!label.is_empty() && !label.contains('|')).then(|| minewatch_profile::Located {
        value: label,
        span: Span::new(line_start + lead, line_start + lead + label.len()),
    })
}

/// One label and its value in a "key data" box ([`key_data`]): the facts the label
/// announces. `label`: its text and span; `span`: the value's.
fn key_pair(cx: &mut Ctx, label: (&str, Span), value: &str, span: Span) {
    let doc = cx.doc;
    let (label_text, label_span) = label;
    let label = label_text.to_ascii_lowercase();
    let label = label.trim_end_matches(':').trim();
    let dates = crate::text::dates(value);
    let full = dates
        .first()
        .filter(|d| d.start == 0 && d.end == value.trim_end().len());
    let push = |cx: &mut Ctx, pred: &str, v: Value, vs: (usize, usize), as_of: Option<String>| {
        let line = cx.lines.line_of(span.start + vs.0) + 1;
        let notes = doc
            .references_starting_in(Span::new(label_span.start, span.end))
            .iter()
            .filter(|r| r.span.start >= label_span.start && r.span.end <= span.end)
            .map(|r| r.number)
            .collect();
        let mut f = bare_fact(
            pred,
            cx.iso3.clone(),
            v,
            notes,
            line,
            [label_span.start, span.end],
            [span.start + vs.0, span.start + vs.1],
            format!("{} | {}", label_text, value),
        );
        f.as_of = as_of;
        if pred == "casualties" {
            f.unit = Some("people".into());
            f.casualty = Some("total".into());
        }
        cx.out.push(f);
    };
    if label == "state party since" {
        if let Some(d) = full.filter(|d| d.day.is_some()) {
            push(
                cx,
                "treaty.entry_into_force",
                Value::Text(d.iso()),
                (d.start, d.end),
                Some(d.iso()),
            );
        }
    } else if matches!(
        label,
        "transparency reporting" | "article 7 reporting" | "latest article 7 report"
    ) {
        // A year alone may be the year a report covers: only a month or a day
        // dates a submission.
        if let Some(d) = full.filter(|d| d.month.is_some()) {
            push(
                cx,
                "report.article7",
                Value::Text(d.iso()),
                (d.start, d.end),
                Some(d.iso()),
            );
        }
    } else if let Some(y) = label
        .strip_prefix("all known casualties by end ")
        .or_else(|| label.strip_prefix("all known casualties by the end of "))
        .map(first_word)
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
    {
        // "More than 65,000 mine/ERW casualties since 1979": every casualty up
        // to the end of the year (since the year named, if one is).
        let lower = value.to_ascii_lowercase();
        let qs = quantities(value, &lower);
        let Some(q) = qs.iter().find(|q| q.unit == Some("people")) else {
            return;
        };
        let Num::One(n) = q.num else { return };
        let from = lower[q.end..]
            .split("since ")
            .nth(1)
            .map(|r| r.get(..4).unwrap_or(""))
            .filter(|r| r.len() == 4 && r.bytes().all(|b| b.is_ascii_digit()));
        let as_of = match from {
            Some(f) => format!("{f}/{y}"),
            None => format!("../{y}"),
        };
        push(
            cx,
            "casualties",
            Value::Number(n),
            (q.start, q.end),
            Some(as_of),
        );
        if let Some(f) = cx.out.last_mut() {
            f.qualifier = q.qualifier;
        }
    } else if let Some(y) = outcome_label(label) {
        // "19 killed; 33 injured (2016: 17 killed; 30 injured)": the year's
        // casualties by outcome, then an earlier year's.
        let (head, rest) = value.split_once('(').unwrap_or((value, ""));
        let mut years = vec![(y.to_string(), head, 0)];
        if let Some((py, pv)) = rest.trim_end_matches(')').split_once(':') {
            let py = py.trim();
            if py.len() == 4 && py.bytes().all(|b| b.is_ascii_digit()) {
                years.push((py.to_string(), pv, value.len() - rest.len() + py.len() + 1));
            }
        }
        for (year, part, off) in years {
            let mut at = off;
            for piece in part.split(';') {
                let lead = piece.len() - piece.trim_start().len();
                let t = piece.trim();
                let (n, kind) = t.split_once(' ').unwrap_or((t, ""));
                let kind = match kind.trim() {
                    "killed" | "dead" => "killed",
                    "injured" | "wounded" => "injured",
                    "unknown" | "unknown outcome" => "unknown",
                    _ => {
                        at += piece.len() + 1;
                        continue;
                    }
                };
                if let Some(v) = parse_cell(n) {
                    let s0 = at + lead;
                    push(
                        cx,
                        "casualties",
                        Value::Number(v),
                        (s0, s0 + n.len()),
                        Some(year.clone()),
                    );
                    if let Some(f) = cx.out.last_mut() {
                        f.casualty = Some(kind.into());
                    }
                }
                at += piece.len() + 1;
            }
        }
    } else if let Some(y) = Some(label.strip_suffix(" (mine/erw)").unwrap_or(label))
        .and_then(|l| {
            l.strip_prefix("casualties in ")
                .or_else(|| l.strip_prefix("casualties occurring in "))
        })
        .filter(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
    {
        // "0 (2007: 18)": the year's figure, then an earlier year's.
        let (head, rest) = value.split_once('(').unwrap_or((value, ""));
        let Some(n) = parse_cell(head) else { return };
        let hs = value.len() - value.trim_start().len();
        push(
            cx,
            "casualties",
            Value::Number(n),
            (hs, hs + head.trim().len()),
            Some(y.to_string()),
        );
        if let Some((py, pn)) = rest.trim_end_matches(')').split_once(':') {
            let py = py.trim();
            if let (true, Some(m)) = (
                py.len() == 4 && py.bytes().all(|b| b.is_ascii_digit()),
                parse_cell(pn),
            ) {
                let at = value.len() - rest.len() + rest.find(pn.trim()).unwrap_or(0);
                push(
                    cx,
                    "casualties",
                    Value::Number(m),
                    (at, at + pn.trim().len()),
                    Some(py.to_string()),
                );
            }
        }
    }
}

/// Whether a casualty figure is a part of the year's (of one cause, group, place,
/// source or subset; a count of survivors; one another is added to): marks it low
/// confidence with the reason. Kept out of `figures` (called for every casualty
/// figure, the rest of `figures` runs for every figure).
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn casualty_scope(
    f: &mut Fact,
    l: &str,
    q: &Quantity,
    qs: &[Quantity],
    qi: usize,
    admitted: &dyn Fn() -> bool,
    detail: &dyn Fn() -> bool,
    subset_opening: bool,
) {
    // "Nearly all were attributed to ERW; mines caused only two casualties":
    // the casualties of one cause, a part of the year's.
    let clause_start = l[..q.hedge_start].rfind([';', ',']).map_or(0, |k| k + 1);
    let clause_end = l[q.end..]
        .find([';', ',', '.'])
        .map_or(l.len(), |k| q.end + k);
    let clause = &l[clause_start..clause_end];
    if [
        "caused",
        "causing",
        "resulted in",
        "attributed to",
        "due to",
        "resulting from",
        "resulted from",
        "responsible for",
        "one incident",
        "single incident",
    ]
    .iter()
    .any(|w| clause.contains(w))
        // "All nine casualties resulted from mines": the whole, of one cause.
        && !l[..q.hedge_start].trim_end().ends_with("all")
    {
        f.uncertain("the casualties of one cause, a part of the year's");
    }
    // "... five casualties were caused by improvised mines, and 17 by ERW": the list
    // of causes goes on without its verb.
    if l[q.phrase_end.max(q.end)..].trim_start().starts_with("by ")
        && ["caused by", "resulted in", "resulted from", "attributed to"]
            .iter()
            .any(|w| l[..q.hedge_start].contains(w))
    {
        f.uncertain("the casualties of one cause, a part of the year's");
    }
    // "6 deminers were killed", "landmines killed 9 civilians", "22 casualties
    // were recorded among security forces": the casualties of one group of
    // people, a part of the year's.
    let phrase = l[q.end..q.phrase_end.max(q.end)].trim();
    let noun = last_word(phrase);
    // "nine civilian casualties", "30 child casualties", "two male casualties"
    let group_word = phrase.split([' ', '/', '-']).any(|w| {
        matches!(
            w,
            "civilian"
                | "military"
                | "child"
                | "adult"
                | "male"
                | "female"
                | "deminer"
                | "soldier"
                | "security"
        )
    });
    if matches!(noun, "civilians" | "children" | "deminers" | "soldiers")
        || group_word
        || contains!(l[q.end..clause_end], " among ")
    {
        f.uncertain("the casualties of one group of people, a part of the year's");
    }
    // "812 persons wounded by mines were admitted to healthcare facilities": the
    // patients of hospitals, one source's count.
    if admitted() && (contains!(clause, "admitted") || contains!(l[q.end..], " admitted ")) {
        f.uncertain("the patients admitted to hospitals, one source's count");
    }
    // "UNMAS identified 73 casualties and another five were reported in Abyei":
    // a part, to which the sentence adds.
    if qs[qi + 1..].iter().any(|o| {
        let pre = l[..o.hedge_start].trim_end();
        ["another", "a further", "an additional"]
            .iter()
            .any(|w| pre.ends_with(w))
    }) {
        f.uncertain("a part: the sentence adds another figure to it");
    }
    // "the Monitor recorded the details of 161 casualties, of which 67 were
    // killed, 79 injured": the casualties known in detail, a subset.
    if detail()
        && ["details of ", "detailed information on ", "details on "]
            .iter()
            .any(|w| l[..q.hedge_start].contains(w))
    {
        f.uncertain("a part of a subset (the casualties known in detail)");
    }
    if subset_opening && qi > 0 {
        f.uncertain("a part of a subset (a place's or a source's casualties)");
    }
    // "Included in the total for 2014 were 19 mine casualties from Syria": a part
    // of a total given elsewhere.
    if [
        "included in the total",
        "included in this total",
        "included in the annual total",
    ]
    .iter()
    .any(|w| l[..q.hedge_start].contains(w))
    {
        f.uncertain("a part of a total given elsewhere");
    }
    // "1,653 killed; 6,304 survivors": the living, not casualties of one outcome.
    if noun == "survivors" {
        f.uncertain("a count of survivors, not of casualties by outcome");
    }
    // "Seven casualties in Quang Binh province were recorded by MAG": a part by
    // place.
    let post = l[q.phrase_end.max(q.end)..].trim_start();
    if let Some(place) = post.strip_prefix("in ") {
        let place = place.get(..place.len().min(40)).unwrap_or(place);
        let place = place.split([',', '.', ';']).next().unwrap_or("");
        if [
            " province",
            " district",
            " region",
            " governorate",
            " state of",
            " states of",
        ]
        .iter()
        .any(|w| place.contains(w))
        {
            f.uncertain("the casualties of one place, a part of the year's");
        }
    }
    // "In Basilan province, 27 casualties resulted from ...": the place first.
    let lead = l[..q.hedge_start].trim_end();
    if let Some(place) = lead
        .strip_suffix(',')
        .and_then(|p| p.rsplit_once("in ").map(|(_, x)| x))
    {
        if place.split(' ').count() <= 4
            && [" province", " district", " governorate", " region"]
                .iter()
                .any(|w| place.ends_with(w))
        {
            f.uncertain("the casualties of one place, a part of the year's");
        }
    }
}

/// The year of a key-data label of casualties by outcome: "2017 casualties by survival
/// outcome", "casualties by outcome in 2017".
fn outcome_label(label: &str) -> Option<&str> {
    let year = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    if let Some((y, rest)) = label.split_once(' ') {
        // "2016 casualties by survival outcome", "2016 mine/erw casualties by outcome"
        let rest = rest.strip_prefix("mine/erw ").unwrap_or(rest);
        if year(y)
            && matches!(
                rest,
                "casualties by survival outcome" | "casualties by outcome"
            )
        {
            return Some(y);
        }
    }
    [
        "casualties by survival outcome in ",
        "casualties by outcome in ",
    ]
    .iter()
    .find_map(|p| label.strip_prefix(p))
    .filter(|y| year(y))
}

/// The lowercase word right after `i` (skipping spaces), if any.
fn next_word_lower(l: &str, i: usize) -> Option<&str> {
    // (By bytes: spaces and ASCII letters and digits are bytes of their own.)
    let b = l.as_bytes();
    let mut a = i;
    while a < b.len() && b[a] == b' ' {
        a += 1;
    }
    let mut e = a;
    while e < b.len() && b[e].is_ascii_alphanumeric() {
        e += 1;
    }
    (e > a).then(|| &l[a..e])
}

/// A table cell's figure: "1,234", "1234", "~500" (approximate cells are skipped).
pub(crate) fn parse_cell(v: &str) -> Option<f64> {
    let t = v.trim().trim_end_matches('*');
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    // The figure [`quantities`] reads in such a cell is its digits from the start (no
    // other can follow a digit, a comma or a point), and none where they are a year.
    let (n, e) = crate::text::digits_at(t, 0)?;
    let year =
        t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) && (1900.0..=2099.0).contains(&n);
    (e == t.len() && !year).then_some(n)
}

/// Whether the destination named right after a figure ("… mines from its central
/// depot to the engineering school", "… to the Ministry of Defence") is one of the
/// state's own bodies or places: introduced by an article or "its", naming a body or
/// place, and naming no other state. Capitalised words must be an institution's
/// ("Ministry", "National", "Army") or the state's own name or adjective: "to the
/// Ukrainian army" and "to the Korean army" (an adjective two states share) are not
/// internal. When in doubt, not internal.
fn internal_move(after: &str, subject: &str) -> bool {
    const PLACES: &[&str] = &[
        "army",
        "armed forces",
        "military",
        "police",
        "gendarmerie",
        "ministry",
        "navy",
        "air force",
        "border guard",
        "engineer",
        "school",
        "academy",
        "centre",
        "center",
        "depot",
        "stockpile",
        "storage",
        "warehouse",
        "arsenal",
        "base",
        "unit",
        "battalion",
        "brigade",
        "regiment",
        "corps",
        "facilit",
        "demining",
        "mine action",
        "authority",
        "command",
        "department",
    ];
    const INSTITUTION: &[&str] = &[
        "Ministry",
        "Defence",
        "Defense",
        "Interior",
        "National",
        "Army",
        "Armed",
        "Forces",
        "Force",
        "Air",
        "Navy",
        "Naval",
        "Police",
        "Gendarmerie",
        "Border",
        "Guard",
        "Guards",
        "Engineering",
        "Engineers",
        "Engineer",
        "School",
        "Academy",
        "Centre",
        "Center",
        "Mine",
        "Mines",
        "Action",
        "Authority",
        "Demining",
        "Unit",
        "Battalion",
        "Brigade",
        "Regiment",
        "Corps",
        "Command",
        "Department",
        "Royal",
        "Military",
        "Training",
        "Central",
        "Depot",
        "Base",
        "General",
        "Staff",
        "Office",
        "Agency",
    ];
    let Some(to) = find(mm!(" to "), after) else {
        return false;
    };
    // The destination follows the figure closely (its unit and origin in between).
    if after[..to].split_whitespace().count() > 10 {
        return false;
    }
    let rest = &after[to + 4..];
    // Cheap tests first (most destinations are states: "to Angola"): an article or
    // "its", then a word for a body or place.
    if !["the ", "its ", "their "]
        .iter()
        .any(|a| rest.starts_with(a))
    {
        return false;
    }
    let end = rest
        .find(['.', ';', ':', '[', '(', ',', '\u{2014}'])
        .unwrap_or(rest.len());
    let words: Vec<&str> = rest[..end].split_whitespace().skip(1).take(7).collect();
    let phrase = words.join(" ").to_ascii_lowercase();
    if !PLACES.iter().any(|p| phrase.contains(p)) {
        return false;
    }
    let own = |w: &str| {
        resolve_state(w)
            .or_else(|| minewatch_refdata::state_of_demonym(w))
            .is_some_and(|st| st.iso3 == subject)
    };
    for w in &words {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().next().is_some_and(char::is_uppercase) && !INSTITUTION.contains(&w) && !own(w)
        {
            return false;
        }
    }
    // Nor a state named by several words ("the United States Army").
    !(2..=3).any(|n| {
        words
            .windows(n)
            .any(|ws| resolve_state(&ws.join(" ")).is_some_and(|st| st.iso3 != subject))
    })
}

/// ISO codes of the states named right after the figure as its destinations
/// ("… mines to Angola, Cambodia and Iraq in 1995"): `None` unless every listed name
/// resolves to a known state.
fn named_destinations(after: &str) -> Option<Vec<String>> {
    // The phrase "to …" must follow the figure closely (its unit words in between).
    let to = find(mm!(" to "), after)?;
    if after[..to].split_whitespace().count() > 4 {
        return None;
    }
    let rest = &after[to + 4..];
    let end = list_end(rest);
    let list = cut_at_stops(&rest[..end]);
    let mut out = Vec::new();
    // (Cut by finders made once, the leading words stripped by hand: `str`'s pattern
    // searchers cost more than the short list.)
    for part in pieces(list, mm!(", ")).flat_map(|p| pieces(p, mm!(" and "))) {
        let mut name = part.trim();
        while let Some(n) = name.strip_prefix("and ") {
            name = n;
        }
        while let Some(n) = name.strip_prefix("the ") {
            name = n;
        }
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        let st = resolve_state(name)?;
        if !out.contains(&st.iso3) {
            out.push(st.iso3.clone());
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `loose_end` agrees with a plain reading: the phrase as written, else a space of
    /// the phrase matching one or more spaces.
    #[test]
    fn loose_end_is_the_plain_reading() {
        fn plain(hay: &[u8], i: usize, p: &[u8]) -> Option<usize> {
            if hay.get(i..)?.starts_with(p) {
                return Some(i + p.len());
            }
            let (mut h, mut k) = (i, 0);
            while k < p.len() {
                if p[k] == b' ' {
                    if hay.get(h) != Some(&b' ') {
                        return None;
                    }
                    while hay.get(h) == Some(&b' ') {
                        h += 1;
                    }
                } else if hay.get(h) == Some(&p[k]) {
                    h += 1;
                } else {
                    return None;
                }
                k += 1;
            }
            Some(h)
        }
        let mut seed = 7u64;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) % m) as usize
        };
        let text = |n: usize, next: &mut dyn FnMut(u64) -> usize| -> Vec<u8> {
            (0..n).map(|_| b"ab  "[next(4)]).collect()
        };
        for _ in 0..20_000 {
            let hay = text(next(12), &mut next);
            let p = text(1 + next(6), &mut next);
            for i in 0..=hay.len() {
                assert_eq!(
                    loose_end(&hay, i, &p),
                    plain(&hay, i, &p),
                    "{hay:?} {i} {p:?}"
                );
            }
        }
    }

    /// `sort_facts` orders as a stable sort by place does.
    #[test]
    fn sort_facts_is_a_stable_sort() {
        let mut seed = 12345u64;
        let mut next = |m: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) % m) as usize
        };
        for round in 0..500 {
            // (Some long ones: every slot is visited once, whatever the cycles.)
            let n = if round % 50 == 0 { 2000 } else { next(40) };
            let facts: Vec<Fact> = (0..n)
                .map(|i| {
                    let (s, v) = (next(6), next(6));
                    bare_fact(
                        "p",
                        i.to_string(),
                        Value::Number(i as f64),
                        Vec::new(),
                        1,
                        [s, s + 1],
                        [v, v + 1],
                        String::new(),
                    )
                })
                .collect();
            let mut want = facts.clone();
            want.sort_by_key(|f| (f.span[0], f.value_span[0]));
            let mut got = facts;
            sort_facts(&mut got);
            let ids = |v: &[Fact]| v.iter().map(|f| f.subject.clone()).collect::<Vec<_>>();
            assert_eq!(ids(&got), ids(&want));
        }
    }
    use crate::text::dates_from;

    /// Every word of the QPRED bit is a figure trigger, and no other.
    #[test]
    fn qpred_bit_is_qpred_of() {
        let words =
            "stockpile stockpiled stockpiles stocks inventory held holds possessed possesses \
            destroyed destroying retained retains retain retaining produced manufactured procured bought \
            purchased exported transferred sold spent spending allocated contributed contribution \
            budget funding killed died injured wounded casualties unknown number total estimated \
            size production last time treaty report export transfer stock hold destroy kill";
        for w in words.split_whitespace() {
            assert_eq!(
                qpred_of(w).is_some(),
                word_bits(w).0 & kw::QPRED != 0,
                "{w}"
            );
        }
    }

    #[test]
    fn keyword_bits() {
        for (i, w) in EV_FIRST.iter().enumerate() {
            assert_eq!(word_bits(w).1, 1 << i, "{w}");
        }
        for &(w, k) in KEYWORDS {
            assert_eq!(word_bits(w).0 & k, k, "{w}");
        }
        assert_eq!(word_bits("held").0, kw::QCUE | kw::QPRED);
        for w in NSAG {
            assert_eq!(word_bits(w).0, kw::NSAG, "{w}");
        }
        assert_eq!(word_bits("state"), (kw::STATE, 1 << 12));
        assert_eq!(word_bits("report"), (kw::REPORT, 1 << 18));
        for w in [
            "the",
            "of",
            "treaties",
            "lastly",
            "a",
            "",
            "conventionalized",
        ] {
            assert_eq!(word_bits(w), (0, 0), "{w}");
        }
    }

    /// [`markdown_blanked`] as first written: byte by byte.
    fn markdown_blanked_reference(text: &str) -> Option<String> {
        let b = text.as_bytes();
        if !b.iter().any(|&c| matches!(c, b'*' | b'_' | b'`' | b'[')) {
            return None;
        }
        let mut out = b.to_vec();
        let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'*' | b'`' => out[i] = b' ',
                b'_' if !(i > 0 && word(b[i - 1]) && i + 1 < b.len() && word(b[i + 1])) => {
                    out[i] = b' '
                }
                b'[' if b.get(i + 1) != Some(&b'^') => {
                    let close = b[i + 1..].iter().position(|&c| c == b']' || c == b'[');
                    if let Some(k) = close.map(|k| i + 1 + k) {
                        if b[k] == b']' && b.get(k + 1) == Some(&b'(') {
                            if let Some(e) = b[k + 2..].iter().position(|&c| c == b')') {
                                let e = k + 2 + e;
                                out[i] = b' ';
                                for c in &mut out[k..=e] {
                                    *c = b' ';
                                }
                                i = e + 1;
                                continue;
                            }
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
        let out = String::from_utf8(out).ok()?;
        (out != text).then_some(out)
    }

    proptest::proptest! {
        /// The common prefix read eight bytes at a time is the one read byte by byte.
        #[test]
        fn common_prefix_as_the_reference(
            a in proptest::collection::vec(proptest::sample::select(b"ab \xe2".to_vec()), 0..40),
            b in proptest::collection::vec(proptest::sample::select(b"ab \xe2".to_vec()), 0..40),
            k in 0usize..40,
        ) {
            // (Often the one a prefix of the other, or the two alike up to byte `k`.)
            let mut b2 = a[..k.min(a.len())].to_vec();
            b2.extend_from_slice(&b);
            for (x, y) in [(&a, &b), (&a, &b2), (&b2, &a)] {
                proptest::prop_assert_eq!(common_prefix(x, y), common_prefix_reference(x, y));
            }
        }
    }

    proptest::proptest! {
        /// Marks found by search blank what the byte-by-byte reading blanked.
        #[test]
        fn markdown_blanked_as_the_reference(
            text in "([a-z_*`\\[\\]()^ é.]|\\[\\^1\\]|\\]\\(|https://x_y){0,40}"
        ) {
            proptest::prop_assert_eq!(markdown_blanked(&text), markdown_blanked_reference(&text));
        }
    }

    #[test]
    fn markdown_blanked_marks() {
        for t in [
            "*3,365* mines[^1] and **2009**",
            "[its report](https://example.org/a_b) said [x]",
            "[*bold* text](u) and _under_ snake_case `code`",
            "[a](b [c](d) ](e ]( [f](g)",
            "no marks at all",
        ] {
            assert_eq!(markdown_blanked(t), markdown_blanked_reference(t), "{t}");
        }
    }

    proptest::proptest! {
        /// A cell's number is the one figure `quantities` reads in it, spanning it.
        #[test]
        fn parse_cell_as_quantities(
            v in "((18|19|20|21)[0-9]{2}|[0-9,. ]{0,3}[0-9]{0,5}([,.][0-9]{0,4}){0,3})[.*]{0,2}"
        ) {
            let t = v.trim().trim_end_matches('*');
            let want = if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
                None
            } else {
                quantities(t, t).first().and_then(|q| match q.num {
                    Num::One(x) if q.end == t.len() => Some(x),
                    _ => None,
                })
            };
            proptest::prop_assert_eq!(parse_cell(&v), want, "{:?}", v);
        }
    }

    /// A word's bits read in place (whole loads inside a longer text, byte by byte at
    /// its end) are the bits of the word alone.
    #[test]
    fn keyword_bits_in_place() {
        let t = keyword_table();
        let mut words: Vec<&str> = KEYWORDS.iter().map(|&(w, _)| w).collect();
        words.extend(EV_FIRST.iter().copied());
        words.extend(NSAG.iter().copied());
        words.extend([
            "the",
            "of",
            "stockpiles",
            "exported",
            "transfers",
            "a",
            "x9",
        ]);
        words.extend(["abcdefghijklmnop", "abcdefghijklmno", "conventionalized"]);
        for w in words {
            for (pre, post) in [("", ""), ("x ", " and more words after it"), ("", "!")] {
                let text = format!("{pre}{w}{post}");
                let (st, end) = (pre.len(), pre.len() + w.len());
                assert_eq!(
                    t.bits_in(text.as_bytes(), st, end),
                    t.bits(w.as_bytes()),
                    "{w:?} in {text:?}"
                );
            }
        }
    }

    /// Every first word of 1 to 16 bytes is found in the table of short ones, with its
    /// count, and every state's name's first word by [`state_first_word`].
    #[test]
    fn first_words_short_as_all() {
        let words = first_words();
        for (k, &v) in &words.all {
            if !(1..=16).contains(&k.len()) {
                continue;
            }
            let mut buf = [0u8; 16];
            buf[..k.len()].copy_from_slice(k);
            let lo = u64::from_le_bytes(buf[..8].try_into().unwrap());
            let hi = u64::from_le_bytes(buf[8..].try_into().unwrap());
            assert_eq!(
                words.short(lo, hi, k.len()),
                v,
                "{:?}",
                String::from_utf8_lossy(k)
            );
        }
        for st in minewatch_refdata::states() {
            let first = st
                .name
                .split([' ', '-'])
                .find(|p| !p.is_empty())
                .unwrap_or("");
            let key = first.trim_end_matches([',', '.']).to_lowercase();
            assert_eq!(
                state_first_word(first),
                words.all.get(key.as_bytes()).copied().unwrap_or(0),
                "{first}"
            );
        }
    }

    /// A word's bits as the lists give them, read through: what the table's filter by
    /// the word's ends, length and slot must give too.
    fn keyword_bits_reference(w: &str) -> (u64, u64) {
        let (mut k, mut e) = (0, 0);
        if (1..16).contains(&w.len()) {
            for &(x, b) in KEYWORDS {
                if x == w {
                    k |= b;
                }
            }
            for (i, x) in EV_FIRST.iter().enumerate() {
                if *x == w {
                    e |= 1 << i;
                }
            }
            if QPRED_WORDS.contains(&w) {
                k |= kw::QPRED;
            }
            if NSAG.contains(&w) {
                k |= kw::NSAG;
            }
        }
        for (p, b) in [
            ("export", kw::P_EXPORT),
            ("transfer", kw::P_TRANSFER),
            ("stockpile", kw::P_STOCKPILE),
        ] {
            if w.starts_with(p) {
                k |= b;
            }
        }
        (k, e)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2048))]
        /// The table's bits (filtered by the word's first and last bytes and length,
        /// then probed) are the lists' bits, for the lists' words, words one byte off
        /// them, and any words.
        #[test]
        fn keyword_bits_as_listed(
            listed in proptest::sample::select(
                KEYWORDS
                    .iter()
                    .map(|&(w, _)| w)
                    .chain(EV_FIRST.iter().copied())
                    .chain(QPRED_WORDS.iter().copied())
                    .chain(NSAG.iter().copied())
                    .collect::<Vec<_>>()
            ),
            edit in 0usize..4,
            c in "[a-z0-9]",
            other in "[a-z0-9]{1,17}",
        ) {
            let w = match edit {
                0 => listed.to_string(),
                1 => format!("{listed}{c}"),
                2 => format!("{}{c}", &listed[..listed.len() - 1]),
                _ => other,
            };
            let t = keyword_table();
            proptest::prop_assert_eq!(t.bits(w.as_bytes()), keyword_bits_reference(&w), "{:?}", w);
            let text = format!("x {w} y");
            proptest::prop_assert_eq!(
                t.bits_in(text.as_bytes(), 2, 2 + w.len()),
                keyword_bits_reference(&w),
                "{:?}",
                w
            );
        }
    }

    /// `Sent::phrase_spans_by_bit` as it was: every word of the sentence looked at.
    fn phrase_spans_by_bit_reference(
        lower: &str,
        words: &[&str],
        bits: &[(u64, u64)],
        p: &'static str,
        first: u64,
    ) -> Vec<(usize, usize)> {
        let lb = lower.as_bytes();
        words
            .iter()
            .zip(bits)
            .filter(move |(_, b)| b.1 & first != 0)
            .map(|(w, _)| w.as_ptr() as usize - lower.as_ptr() as usize)
            .filter_map(move |i| {
                let e = loose_end(lb, i, p.as_bytes())?;
                (e >= lb.len() || !lb[e].is_ascii_alphanumeric()).then_some((i, e))
            })
            .collect()
    }

    /// Every trigger phrase found from the words with an event bit as from all words.
    fn phrases_among_ev_words_agree(
        text: &str,
    ) -> Result<(), proptest::test_runner::TestCaseError> {
        let lower = text.to_ascii_lowercase();
        let lb = lower.as_bytes();
        let table = keyword_table();
        let (mut words, mut bits) = (Vec::new(), Vec::new());
        let mut k = 0;
        while k < lb.len() && !is_word_byte(lb[k]) {
            k += 1;
        }
        while k < lb.len() {
            let (e, next) = word_span(lb, k);
            words.push(&lower[k..e]);
            bits.push(table.bits_in(lb, k, e));
            k = next;
        }
        let ev_words: Vec<(usize, u64)> = words
            .iter()
            .zip(&bits)
            .filter(|(_, b)| b.1 != 0)
            .map(|(w, b)| (w.as_ptr() as usize - lower.as_ptr() as usize, b.1))
            .collect();
        for p in TRIGGER_PHRASES {
            let first = ev_bit(p);
            let got: Vec<(usize, usize)> = spans_among(lb, &ev_words, p, first).collect();
            let want = phrase_spans_by_bit_reference(&lower, &words, &bits, p, first);
            proptest::prop_assert_eq!(got, want, "{:?} in {:?}", p, text);
        }
        Ok(())
    }

    /// Some trigger phrases (each one's first word in `EV_FIRST`).
    const TRIGGER_PHRASES: &[&str] = &[
        "signed",
        "signing the treaty",
        "ratify it until",
        "instrument of ratification",
        "ratified",
        "deposited",
        "entered into force",
        "state party since",
        "withdraw from",
        "last use",
        "last exported",
        "completed the destruction",
        "article 7 report",
        "transparency report",
        "deadline",
    ];

    proptest::proptest! {
        #[test]
        fn phrases_among_ev_words(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "signed", "Signing", "the", "treaty", "ratify", "it", "until", "instrument",
                "of", "ratification", "Ratified", "deposited", "entered", "into", "force",
                "state", "party", "since", "withdraw", "from", "last", "use", "exported",
                "completed", "destruction", "article", "7", "report", "transparency",
                "deadline", "mines", "in", "2001", "signed-", "é",
            ]), 0..24),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "  ", ", ", ". ", "", "-", "\n"]), 24),
        ) {
            let mut text = String::new();
            for (w, s) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(s);
            }
            phrases_among_ev_words_agree(&text)?;
        }
    }

    /// [`q_triggers_into`] as it was: every word of the sentence looked at with its
    /// bits, not only the words that have bits.
    fn q_triggers_reference(
        l: &str,
        words: &[&str],
        bits: &[(u64, u64)],
    ) -> Vec<(usize, usize, QPred)> {
        let base = l.as_ptr() as usize;
        words
            .iter()
            .zip(bits)
            .filter(|(_, &(k, _))| k & kw::QPRED != 0)
            .filter_map(|(w, _)| {
                let i = w.as_ptr() as usize - base;
                let future = ["will be ", "would be ", "shall be "]
                    .iter()
                    .any(|w| l[..i].ends_with(w));
                if l[..i].ends_with("to be ") || future && w.starts_with("destroy") {
                    return None;
                }
                if w.starts_with("keep") || *w == "kept" {
                    let purpose = ["training", "research", "development", "article 3"]
                        .iter()
                        .any(|p| l[i..].contains(p));
                    if !purpose {
                        return None;
                    }
                }
                let p = qpred_of(w)?;
                if p == QPred::Production && i > 0 && l.as_bytes()[i - 1] == b'-' {
                    return None;
                }
                Some((i, i + w.len(), p))
            })
            .collect()
    }

    proptest::proptest! {
        /// The figure triggers read from the words with bits (as the paragraph lists
        /// them, by their index among its words) are those read from every word and
        /// its bits.
        #[test]
        fn q_triggers_from_the_words_with_bits(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "Destroyed", "destroyed", "to", "be", "will", "kept", "keeps", "for", "training",
                "the", "stockpile", "of", "mines", "Iranian-produced", "produced", "held", "2001",
                "retained", "exported", "killed", "people", "é", "article", "3", "spent",
            ]), 0..24),
            seps in proptest::collection::vec(proptest::sample::select(vec![" ", "  ", ", ", ". ", "", "-"]), 24),
        ) {
            let mut text = String::new();
            for (w, s) in words.iter().zip(&seps) {
                text.push_str(w);
                text.push_str(s);
            }
            let lower = text.to_ascii_lowercase();
            let lb = lower.as_bytes();
            let table = keyword_table();
            let (mut ws, mut bits, mut hits) = (Vec::new(), Vec::new(), Vec::new());
            let mut k = 0;
            while k < lb.len() && !is_word_byte(lb[k]) {
                k += 1;
            }
            while k < lb.len() {
                let (e, next) = word_span(lb, k);
                ws.push(&lower[k..e]);
                let (wk, we) = table.bits_in(lb, k, e);
                bits.push((wk, we));
                if wk | we != 0 {
                    hits.push((ws.len() - 1, wk, we));
                }
                k = next;
            }
            let mut got = Vec::new();
            let at = |w: &str| w.as_ptr() as usize - lower.as_ptr() as usize;
            q_triggers_into(
                &lower,
                hits.iter().map(|&(i, k, e)| ((at(ws[i]), at(ws[i]) + ws[i].len()), k, e)),
                &mut got,
            );
            proptest::prop_assert_eq!(got, q_triggers_reference(&lower, &ws, &bits), "{:?}", lower);
        }
    }

    proptest::proptest! {
        /// Flags hold what a vector of booleans holds, in a word or beyond.
        #[test]
        fn flags_as_bools(n in 0usize..140, sets in proptest::collection::vec(0usize..140, 0..40)) {
            let mut f = Flags::new(n);
            let mut v = vec![false; n];
            for i in sets.into_iter().filter(|&i| i < n) {
                f.set(i);
                v[i] = true;
                let c = f.clone();
                for (j, &x) in v.iter().enumerate() {
                    proptest::prop_assert_eq!(c.get(j), x);
                }
            }
        }
    }

    proptest::proptest! {
        /// The last opening curly quote found from its lead byte, as `rfind` finds it.
        #[test]
        fn last_open_quote_as_rfind(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "\u{201c}", "\u{201d}", "\u{2019}", "\u{2013}", "\u{201c}\u{201c}", "\"", "a", " ", "é", "\u{2003}",
            ]), 0..16),
            cut in 0usize..64,
        ) {
            let s: String = parts.concat();
            // Cut anywhere, inside a character too (as bytes).
            let b = &s.as_bytes()[..cut.min(s.len())];
            let want = memchr::memmem::rfind(b, "\u{201c}".as_bytes());
            proptest::prop_assert_eq!(last_open_quote(b), want, "{:?}", b);
        }
    }

    proptest::proptest! {
        /// An antivehicle mine's words read at each "anti" as by the four searches.
        #[test]
        fn names_antivehicle_as_searches(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "anti", "-", "vehicle", "tank", "personnel", " ", "mines", "antianti", "a", "é",
            ]), 0..10),
        ) {
            // (Long phrases too, which are searched.)
            let phrase = parts.concat().repeat(1 + parts.len() % 9);
            let want = ["antivehicle", "anti-vehicle", "antitank", "anti-tank"]
                .iter()
                .any(|w| phrase.contains(w));
            proptest::prop_assert_eq!(names_antivehicle(&phrase), want, "{:?}", phrase);
        }
    }

    /// `cut_at_stops` as it was: eight searches, each in what the ones before left.
    fn cut_at_stops_reference(mut list: &str) -> &str {
        for stop in DESTINATION_STOPS {
            if let Some(i) = list.find(stop) {
                list = &list[..i];
            }
        }
        list
    }

    /// Stops sharing a space: the one cut at first hides the other.
    #[test]
    fn cut_at_stops_overlapping() {
        for list in [
            "x between in y",
            "a since from b in c",
            "to Angola in 2001 from its depot",
            " in  from ",
        ] {
            assert_eq!(cut_at_stops(list), cut_at_stops_reference(list), "{list:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1024))]
        /// A destination list cut in one pass as by the eight searches in turn, stops
        /// overlapping and repeated; ". " found from its '.' as by `find`.
        #[test]
        fn cut_at_stops_as_searches(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                " ", " ", "in", "between", "from", "since", "until",
                "Angola", ",", ".", "é",
            ]), 0..14),
        ) {
            let list = parts.concat();
            proptest::prop_assert_eq!(cut_at_stops(&list), cut_at_stops_reference(&list), "{:?}", list);
            proptest::prop_assert_eq!(stop_at(&list), list.find(". "), "{:?}", list);
            let mut with_marks = list.clone();
            with_marks.push_str("\u{2014}x\u{2013}[");
            for s in [&list, &with_marks] {
                let want = s.find(['.', ';', ':', '[', '(', '\u{2014}']).unwrap_or(s.len());
                proptest::prop_assert_eq!(list_end(s), want, "{:?}", s);
            }
        }
    }

    proptest::proptest! {
        /// A negation ruled out by the sentence's keyword bits only where `negated`
        /// finds none, at every place (inside words too).
        #[test]
        fn negated_with_bits_as_negated(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "not", "never", "no", "yet", "plans", "planned", "intends", "expected",
                "supposed", "would", "will", "may", "could", "should", "if", "whether",
                "refused", "won't", "don\u{2019}t", "nothing", "cannot", "it", "signed",
                "5,000", "t", "é",
            ]), 0..12),
            seps in proptest::collection::vec(proptest::sample::select(vec![
                " ", "  ", "\t", ", ", "; ", " (", "", "\u{a0}", "'", "-",
            ]), 12),
        ) {
            let mut s = String::new();
            for (w, sep) in words.iter().zip(&seps) {
                s.push_str(w);
                s.push_str(sep);
            }
            let lower = s.to_ascii_lowercase();
            let lb = lower.as_bytes();
            let table = keyword_table();
            let mut kwb = 0;
            let mut k = 0;
            while k < lb.len() && !is_word_byte(lb[k]) {
                k += 1;
            }
            while k < lb.len() {
                let (e, next) = word_span(lb, k);
                kwb |= table.bits_in(lb, k, e).0;
                k = next;
            }
            for pos in (0..=lower.len()).filter(|&p| lower.is_char_boundary(p)) {
                proptest::prop_assert_eq!(negated_with(&lower, kwb, pos), negated(&lower, pos), "{:?} at {}", lower, pos);
            }
        }
    }

    #[test]
    fn phrase_bits() {
        for w in EV_FIRST {
            assert_eq!(ev_bit(w), word_bits(w).1, "{w}");
            assert_eq!(ev_bit(&format!("{w} of it")), word_bits(w).1, "{w}");
        }
        assert_eq!(ev_bit("withdraw from"), 1 << 15);
        assert_eq!(ev_bit("was present at"), 0);
        assert_eq!(
            phrases!["last use", "report"],
            &[("last use", 1 << 28), ("report", 1 << 18)]
        );
    }

    /// `negated` as first written (Unicode white space throughout).
    fn negated_reference(lower: &str, pos: usize) -> bool {
        let mut from = pos.saturating_sub(40);
        while !lower.is_char_boundary(from) {
            from += 1;
        }
        let w = &lower[from..pos];
        let w = w.rsplit([',', ';', '(']).next().unwrap_or(w);
        let cut = from > 0 && w.len() == pos - from;
        w.split_whitespace().skip(usize::from(cut)).any(|x| {
            x.ends_with("n't")
                || x.ends_with("n\u{2019}t")
                || matches!(x, "not" | "never" | "no" | "will" | "if" | "refused")
        })
    }

    #[test]
    fn negated_as_written() {
        let cases = [
            "it did not\x0bsign the treaty",
            "it did\x0bnot sign the treaty",
            "it did not\x0csign, then signed",
            "the state won't sign it in 2020 or later on",
            "the state won\u{2019}t\u{a0}sign it in 2020 or later on",
            "no\u{2003}sign of it at all in the whole long sentence here",
            "a never-ending \r\nstory (if ever) that will go on and on and on",
            "",
        ];
        for s in cases {
            for pos in (0..=s.len()).filter(|&p| s.is_char_boundary(p)) {
                assert_eq!(negated(s, pos), negated_reference(s, pos), "{s:?} at {pos}");
            }
        }
    }

    #[test]
    fn lines_count_as_the_line_index() {
        let text = "a\nbb\n\nccc\r\nd\n";
        let idx = minewatch_model::LineIndex::new(text);
        let lines = Lines::new(text);
        for off in [0, 5, 3, 9, 1, 2, 14, 13, 0, 20, 7, 6, 12, 4] {
            assert_eq!(lines.line_of(off), idx.line_of(off), "{off}");
        }
    }

    #[test]
    fn word_runs_ascii_and_not() {
        let a = "The U.S. non-state armed group--and ... 12-page (x) e.g. end.";
        let u = "The U.S. non-state armed group--and ... 12-page (x) e.g. end.\u{e9}";
        let ra = word_runs(a);
        let ru = word_runs(u);
        // Scanned in steps, the same runs.
        let mut r = Runs::default();
        for upto in [0, 3, 4, 9, 10, 30, 31, u.len()] {
            r.extend(u, upto);
        }
        let rs: Vec<(usize, usize)> = r.v.iter().map(|(a, e, _)| (*a, *e)).collect();
        assert_eq!(rs, ru);
        assert_eq!(&ru[..ru.len() - 1], &ra[..ra.len() - 1]);
        assert_eq!(ra.last(), Some(&(a.len() - 4, a.len())));
        assert_eq!(ru.last(), Some(&(a.len() - 4, u.len())));
    }

    /// `word_end` ends where a byte-by-byte scan does, for every byte value.
    #[test]
    fn word_end_as_byte_by_byte() {
        let mut text: Vec<u8> = (0..=255u8).collect();
        text.extend(b"the treaty of 1997, x9 z0 a/b@c[d`e{f:g aaaaaaaaaaaaaaaaaaaaa");
        for c in 0..=255u8 {
            text.extend([b'a', b'b', c, b'9', b'z', b'0', b'q', b'q', b'q', c]);
        }
        for k in 0..=text.len() {
            let mut j = k;
            while j < text.len() && is_word_byte(text[j]) {
                j += 1;
            }
            assert_eq!(word_end(&text, k), j, "{k}");
        }
    }

    /// The words `word_span` steps through are those of a byte-by-byte scan.
    fn words_by_spans(b: &[u8]) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        let mut k = 0;
        while k < b.len() && !is_word_byte(b[k]) {
            k += 1;
        }
        while k < b.len() {
            let (e, next) = word_span(b, k);
            v.push((k, e));
            k = next;
        }
        v
    }

    fn words_by_bytes(b: &[u8]) -> Vec<(usize, usize)> {
        let mut v = Vec::new();
        let mut k = 0;
        while k < b.len() {
            while k < b.len() && !is_word_byte(b[k]) {
                k += 1;
            }
            let st = k;
            while k < b.len() && is_word_byte(b[k]) {
                k += 1;
            }
            if k > st {
                v.push((st, k));
            }
        }
        v
    }

    #[test]
    fn word_span_every_byte() {
        let mut text: Vec<u8> = (0..=255u8).collect();
        text.extend(b"the treaty of 1997, x9 z0 a/b@c[d`e{f:g aaaaaaaaaaaaaaaaaaaaa");
        for c in 0..=255u8 {
            text.extend([b'a', b'b', c, b'9', b'z', b'0', b'q', b'q', b'q', c, c]);
        }
        for k in 0..=text.len() {
            assert_eq!(
                words_by_spans(&text[k..]),
                words_by_bytes(&text[k..]),
                "{k}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn word_span_as_byte_by_byte(
            b in proptest::collection::vec(proptest::sample::select(
                vec![b'a', b'z', b'0', b'9', b' ', b',', b'.', b'A', 0x80, 0xC3, b'`', b'{', b'/', b':']), 0..40)
        ) {
            proptest::prop_assert_eq!(words_by_spans(&b), words_by_bytes(&b));
        }

        /// The hits walked on from sentence to sentence are those the binary
        /// searches find, for sentences in order or not.
        #[test]
        fn sentence_hits_as_searched(
            mut at in proptest::collection::btree_set(0usize..60, 0..20),
            cuts in proptest::collection::vec((0usize..64, 0usize..8), 1..12),
        ) {
            let hits: Vec<(usize, u64, u64)> = std::mem::take(&mut at)
                .into_iter()
                .map(|i| (i, 1 << (i % 64), (i as u64).wrapping_mul(7)))
                .collect();
            let mut from = 0;
            for (w0, n) in cuts {
                let w1 = w0 + n;
                let got = sentence_hits(&hits, from, w0, w1);
                proptest::prop_assert_eq!(got, sentence_hits_searched(&hits, w0, w1));
                from = got.1;
            }
        }

        /// The remembered answers are the data's, asked again and again (names of
        /// every length, short ones meeting in the small table's slots).
        #[test]
        fn resolve_state_as_refdata(
            names in proptest::collection::vec(
                "(Lebanon|France|the Gambia|Bosnia and Herzegovina|US|usa|Korea|Republic of Korea|Côte d'Ivoire|The|Ministry|[A-Za-z]{0,20})",
                1..30,
            ),
        ) {
            for _ in 0..2 {
                for n in &names {
                    proptest::prop_assert_eq!(
                        resolve_state(n).map(|st| &st.iso3),
                        minewatch_refdata::resolve_state(n).map(|st| &st.iso3)
                    );
                }
            }
        }

        /// The words and bits read by masks of 64 bytes are those read from each
        /// word's start to the next's: words of any length, across the blocks, at any
        /// offset.
        #[test]
        fn scan_words_as_by_spans(
            pieces in proptest::collection::vec(
                (0usize..8, 0usize..150, proptest::sample::select(vec![" ", ", ", ".", "\u{e9}", "", "\u{201c}", "(", "  "])),
                0..40,
            ),
        ) {
            const WORDS: [&str; 8] = ["the", "treaty", "stockpiles", "ratified", "x9", "a", "exporting", "destroyed"];
            let mut text = String::new();
            for (w, long, gap) in pieces {
                if long > 120 {
                    text.push_str(&"ab0".repeat(long - 100));
                } else {
                    text.push_str(WORDS[w]);
                }
                text.push_str(gap);
            }
            let table = keyword_table();
            let (mut w1, mut h1, mut w2, mut h2) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            for k in 0..text.len().min(70) {
                if !text.is_char_boundary(k) {
                    continue;
                }
                let t = &text[k..];
                let b1 = scan_words(t, table, &mut w1, &mut h1);
                let b2 = scan_words_by_spans(t, table, &mut w2, &mut h2);
                proptest::prop_assert_eq!(b1, b2);
                proptest::prop_assert_eq!(&w1, &w2);
                proptest::prop_assert_eq!(&h1, &h2);
            }
        }
    }

    #[test]
    fn prefix_bits() {
        assert_ne!(word_bits("exports").0 & kw::P_EXPORT, 0);
        assert_ne!(word_bits("export").0 & kw::P_EXPORT, 0);
        assert_eq!(word_bits("expo").0 & kw::P_EXPORT, 0);
        assert_ne!(word_bits("transferred").0 & kw::P_TRANSFER, 0);
        assert_ne!(word_bits("stockpiles").0 & kw::P_STOCKPILE, 0);
        assert_ne!(word_bits("stockpile").0 & (kw::P_STOCKPILE | kw::QPRED), 0);
        assert_eq!(word_bits("stockpil").0, 0);
    }

    proptest::proptest! {
        /// The last lines read by bytes from the end are those `str::lines` gives.
        #[test]
        fn last_lines_as_str_lines(
            text in "([ a#\t]|\r|\n|\r\n|Mine Action|é){0,30}",
            n in 0usize..4,
        ) {
            let want: Vec<&str> = text.lines().rev().filter(|l| !l.trim().is_empty()).take(n).collect();
            let got: Vec<&str> = last_lines(&text, n).collect();
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// A word's final periods cut by bytes as `trim_end_matches` cuts them.
        #[test]
        fn trim_periods_as_trim_end_matches(w in "[a.é ]{0,8}") {
            proptest::prop_assert_eq!(trim_periods(&w), w.trim_end_matches('.'));
        }
    }

    proptest::proptest! {
        /// The hasher's words as eight-byte chunks, the last zero-padded.
        #[test]
        fn fx_write_as_padded_chunks(b in proptest::collection::vec(proptest::num::u8::ANY, 0..40)) {
            use std::hash::Hasher;
            let mut want = FxHasher::default();
            for c in b.chunks(8) {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                want.add(u64::from_le_bytes(w));
            }
            let mut got = FxHasher::default();
            got.write(&b);
            proptest::prop_assert_eq!(got.finish(), want.finish());
        }

        /// An introducer told by its bytes is one of the list's, in any ASCII case.
        #[test]
        fn is_introducer_as_the_list(w in "(after|Although|WHILE|in|IN|as|on|at|If|x|é|following|followings|[a-zA-Z]{0,10})") {
            proptest::prop_assert_eq!(
                is_introducer(&w),
                INTRODUCERS.contains(&w.to_ascii_lowercase().as_str())
            );
        }

        /// A preposition told by its bytes is one of the list's, in any ASCII case.
        #[test]
        fn is_preposition_as_the_list(w in "(in|To|FROM|of|At|including|Including|includings|Between|x|é|[a-zA-Z]{0,10})") {
            proptest::prop_assert_eq!(
                is_preposition(&w),
                PREPOSITIONS.contains(&w.to_ascii_lowercase().as_str())
            );
        }

        /// A word's longest state name by bytes as by the word lowercased, cut at its
        /// hyphen and final periods, and looked up whole too.
        #[test]
        fn state_first_word_as_by_strings(w in "(Democratic|Republic|Korea|South|United|Bosnia|Guinea|DRC|Congo|US|Côte|ÅLAND|x|[A-Za-z]{1,20})?(-[A-Za-z]{0,4})?[.]{0,2}") {
            let lw = w.to_lowercase();
            let f = lw.split('-').next().unwrap_or(&lw).trim_end_matches('.');
            let mut want = 0;
            for st in minewatch_refdata::states() {
                for n in std::iter::once(&st.name).chain(&st.aliases).chain([&st.iso3, &st.iso2]) {
                    let parts: Vec<&str> = n.split([' ', '-']).filter(|p| !p.is_empty()).collect();
                    if let Some(p) = parts.first() {
                        let k = p.trim_end_matches([',', '.']).to_lowercase();
                        if k == f || k == lw {
                            want = want.max(parts.len().min(MAX_NAME_WORDS as usize));
                        }
                    }
                }
            }
            proptest::prop_assert_eq!(state_first_word(&w), want, "{:?}", w);
        }
    }

    proptest::proptest! {
        /// A short word lowercased byte by byte into a buffer is its ASCII lowercase.
        #[test]
        fn lowercase_in_as_to_ascii_lowercase(w in "[a-zA-Z0-9é. ]{0,12}") {
            let mut buf = [0u8; 9];
            let want = (w.len() <= 9).then(|| w.to_ascii_lowercase());
            proptest::prop_assert_eq!(lowercase_in(&mut buf, &w).map(|l| l.to_vec()), want.map(String::into_bytes));
        }

        /// Dates joined in one string as `format!` joins their ISO forms.
        #[test]
        fn iso_with_as_format(y0 in 1900i32..2100, m0 in proptest::option::of(1u8..13), y1 in 1900i32..2100, d1 in proptest::option::of(1u8..29)) {
            let a = DateMention { start: 0, end: 0, year: y0, month: m0, day: None };
            let b = DateMention { start: 0, end: 0, year: y1, month: Some(2), day: d1 };
            proptest::prop_assert_eq!(iso_with("", &a, "/", Some(&b), ""), format!("{}/{}", a.iso(), b.iso()));
            proptest::prop_assert_eq!(iso_with("", &a, "/..", None, ""), format!("{}/..", a.iso()));
            proptest::prop_assert_eq!(iso_with("../", &b, "", None, ""), format!("../{}", b.iso()));
        }
    }

    proptest::proptest! {
        /// The pieces cut by byte searches are those `str`'s splits give.
        #[test]
        fn byte_cuts_as_str_splits(s in "[a-c ,;.é]{0,16}") {
            proptest::prop_assert_eq!(first_word(&s), s.split(' ').next().unwrap_or(""));
            proptest::prop_assert_eq!(upto(&s, b';'), s.split(';').next().unwrap_or(""));
            proptest::prop_assert_eq!(after_last(&s, b';'), s.rsplit(';').next().unwrap_or(""));
            proptest::prop_assert_eq!(last_word(&s), s.rsplit(' ').next().unwrap_or(""));
            proptest::prop_assert_eq!(clause_of(&s), s.split([',', ';', '.']).next().unwrap_or(""));
            proptest::prop_assert_eq!(last_clause_of(&s), s.rsplit([',', ';', '.']).next().unwrap_or(""));
        }
    }

    proptest::proptest! {
        /// The pieces cut at a finder's matches are those `str::split` gives.
        #[test]
        fn pieces_as_str_split(s in "(, | and |and|,| |a|é){0,12}") {
            proptest::prop_assert_eq!(pieces(&s, mm!(", ")).collect::<Vec<_>>(), s.split(", ").collect::<Vec<_>>());
            proptest::prop_assert_eq!(pieces(&s, mm!(" and ")).collect::<Vec<_>>(), s.split(" and ").collect::<Vec<_>>());
        }
    }

    /// [`next_word_lower`] as first written, by `str`'s searches.
    fn next_word_lower_reference(l: &str, i: usize) -> Option<&str> {
        let t = l[i..].trim_start_matches(' ');
        let end = t
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(t.len());
        (end > 0).then(|| &t[..end])
    }

    proptest::proptest! {
        /// The next word read by bytes is the one `str`'s searches find; so the clause
        /// before a place cut at its last ';' or '.'.
        #[test]
        fn next_word_lower_as_the_reference(s in "[a-c0-9 ,;.é]{0,16}", i in 0usize..17) {
            let i = i.min(s.len());
            if s.is_char_boundary(i) {
                proptest::prop_assert_eq!(next_word_lower(&s, i), next_word_lower_reference(&s, i));
                proptest::prop_assert_eq!(
                    &s[memchr::memrchr2(b';', b'.', &s.as_bytes()[..i]).map_or(0, |k| k + 1)..i],
                    s[..i].rsplit([';', '.']).next().unwrap_or("")
                );
            }
        }
    }

    proptest::proptest! {
        /// The dates found from the words near a year are those found from every word.
        #[test]
        fn dates_from_near_years_as_from_every_word(
            text in "((16|3|November|Nov|Sept|May|Mar|mid|2020|1997|2015were|1990s|20155|x)(\\.|-|/|'|é|\u{2013}|\u{2019}| |  |, |\\. )){0,10}"
        ) {
            let lower = text.to_ascii_lowercase();
            let lb = lower.as_bytes();
            let mut words: Vec<(usize, usize)> = Vec::new();
            let mut k = 0;
            while k < lb.len() {
                while k < lb.len() && !is_word_byte(lb[k]) {
                    k += 1;
                }
                let st = k;
                k = word_end(lb, k);
                if k > st {
                    words.push((st, k));
                }
            }
            let want = dates_from(&text, words.iter().map(|w| w.0));
            let got = dates_from(
                &text,
                date_start_words(text.as_bytes(), &words, 0).map(|j| words[j].0),
            );
            let key = |d: &[DateMention]| d.iter().map(|d| (d.start, d.end, d.iso())).collect::<Vec<_>>();
            proptest::prop_assert_eq!(key(&got), key(&want), "{:?}", text);
        }
    }

    proptest::proptest! {
        /// A line is blank by bytes as by `trim`.
        #[test]
        fn is_blank_as_trim(line in "[ \t\r\n\x0b\x0c\u{a0}\u{2003}a#é]{0,8}") {
            proptest::prop_assert_eq!(is_blank(&line), line.trim().is_empty());
        }
    }
}
