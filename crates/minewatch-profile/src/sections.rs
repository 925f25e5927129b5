//! Sections: from headings where they survived, inferred from the content where
//! extraction lost them (a run of blank lines between topics).

use minewatch_model::{letter_bits, Span};

use crate::model::*;
use crate::reader::{Chunk, Src};

/// Keywords that mark a section's topic: `(word, prefix)`; a prefix keyword
/// matches any word that starts with it ("produc" → "production", "produced").
const KEYWORDS: &[(SectionKind, &[(&str, bool)])] = &[
    (
        SectionKind::Policy,
        &[
            ("acced", true),
            ("accession", true),
            ("ratif", true),
            ("signed", false),
            ("resolution", true),
            ("vote", true),
            ("observer", true),
            ("meeting", true),
            ("convention", true),
            ("policy", false),
            ("withdraw", true),
        ],
    ),
    (
        SectionKind::Use,
        &[
            ("use", false),
            ("used", false),
            ("laid", false),
            ("emplaced", false),
            ("planted", false),
        ],
    ),
    (
        SectionKind::Production,
        &[("produc", true), ("manufactur", true)],
    ),
    (
        SectionKind::Transfer,
        &[
            ("export", true),
            ("transfer", true),
            ("import", true),
            ("moratorium", true),
        ],
    ),
    (
        SectionKind::Stockpiling,
        &[("stockpil", true), ("stocks", false), ("inventory", false)],
    ),
    (
        SectionKind::StockpileDestruction,
        &[
            ("destroy", true),
            ("destruction", false),
            ("demilitariz", true),
        ],
    ),
    (
        SectionKind::RetainedMines,
        &[
            ("retain", true),
            ("retention", false),
            ("training", false),
            ("research", false),
        ],
    ),
    (SectionKind::Alternatives, &[("alternative", true)]),
    (SectionKind::Transparency, &[("transparency", false)]),
];

fn keyword_match(word: &[u8], kw: &[u8], prefix: bool) -> bool {
    if prefix {
        word.len() >= kw.len() && word[..kw.len()].eq_ignore_ascii_case(kw)
    } else {
        word.eq_ignore_ascii_case(kw)
    }
}

/// The keywords by their first two letters (aa–zz): `(kind index, keyword, prefix)`.
/// Most words of a profile start with two letters no keyword starts with.
type ByInitials = [Vec<(usize, &'static [u8], bool)>; 26 * 26];

fn initials(word: &[u8]) -> usize {
    // Letters only: lowered by their bit 0x20.
    ((word[0] | 0x20) - b'a') as usize * 26 + ((word[1] | 0x20) - b'a') as usize
}

/// Build the section keywords' table now ([`crate::warm_up`]).
pub(crate) fn warm_up() {
    keywords_by_initials();
}

fn keywords_by_initials() -> &'static ByInitials {
    static TABLE: std::sync::OnceLock<ByInitials> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: ByInitials = std::array::from_fn(|_| Vec::new());
        for (k, (_, words)) in KEYWORDS.iter().enumerate() {
            for &(kw, prefix) in words.iter() {
                t[initials(kw.as_bytes())].push((k, kw.as_bytes(), prefix));
            }
        }
        t
    })
}

/// The bit of each byte of `high` whose high bit is set (the only bits set): bit `k`
/// for byte `k`. The eight high bits are each multiplied into a place of their own
/// in the top byte (no two products meet, so nothing carries).
#[inline(always)]
fn byte_mask(high: u64) -> u64 {
    high.wrapping_mul(0x0002_0408_1020_4081) >> 56
}

/// The ASCII letters of 64 bytes, a bit a byte.
#[inline(always)]
fn letter_mask(b: &[u8; 64]) -> u64 {
    let mut m = 0u64;
    for k in 0..8 {
        let mut x = [0u8; 8];
        x.copy_from_slice(&b[8 * k..8 * k + 8]);
        m |= byte_mask(letter_bits(u64::from_le_bytes(x))) << (8 * k);
    }
    m
}

/// Each maximal run of ASCII letters in `b`, in order (what splitting at every other
/// byte gives, less the empty pieces). The text is read 64 bytes at a time, as a
/// mask of its letters, a bit a byte: the runs are found from the mask, with no step
/// over the bytes between them (a profile's words are short, and a step a byte
/// between them cost as much as the words).
#[inline(always)]
fn for_each_letter_run<'a>(b: &'a [u8], mut f: impl FnMut(&'a [u8])) {
    let n = b.len();
    let mut base = 0;
    // Where a run that reaches the end of the block before started.
    let mut open: Option<usize> = None;
    while base < n {
        let mut m = match b.get(base..base + 64) {
            // (Sixty-four bytes: the conversion cannot fail.)
            Some(block) => letter_mask(block.try_into().unwrap_or(&[0; 64])),
            None => {
                // The last bytes, followed by zeros (no letters).
                let mut last = [0u8; 64];
                last[..n - base].copy_from_slice(&b[base..]);
                letter_mask(&last)
            }
        };
        if let Some(s) = open {
            // The run goes on to the block's first byte that is no letter.
            let e = (!m).trailing_zeros();
            if e == 64 {
                base += 64;
                continue;
            }
            rare(&mut f, &b[s..base + e as usize]);
            open = None;
            m &= u64::MAX << e;
        }
        while m != 0 {
            let s = m.trailing_zeros();
            let len = (!(m >> s)).trailing_zeros();
            if s + len >= 64 {
                open = Some(base + s as usize);
                break;
            }
            let start = base + s as usize;
            f(&b[start..start + len as usize]);
            m &= u64::MAX << (s + len);
        }
        base += 64;
    }
    if let Some(s) = open {
        rare(&mut f, &b[s..]);
    }
}

/// `f(word)` where a word runs across blocks (one of eight or so): called out of
/// line, so that the call for the other words is the only one and is made inline.
#[inline(never)]
fn rare<'a>(f: &mut impl FnMut(&'a [u8]), word: &'a [u8]) {
    f(word)
}

/// [`for_each_letter_run`] as first written: a byte at a time between the runs, a
/// run's letters passed eight a step.
#[cfg(test)]
fn for_each_letter_run_by_steps<'a>(b: &'a [u8], mut f: impl FnMut(&'a [u8])) {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let n = b.len();
    let mut i = 0;
    while i < n {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i + 8 <= n {
            let mut x = [0u8; 8];
            x.copy_from_slice(&b[i..i + 8]);
            let run = ((!letter_bits(u64::from_le_bytes(x)) & HIGH).trailing_zeros() / 8) as usize;
            i += run;
            if run < 8 {
                break;
            }
        }
        if i + 8 > n {
            while i < n && b[i].is_ascii_alphabetic() {
                i += 1;
            }
        }
        f(&b[start..i]);
        // The byte after the run (if any) is no letter.
        i += 1;
    }
}

/// Add `weight` to each kind one of whose keywords the words of `text` match.
fn score_words(text: &str, weight: usize, scores: &mut [usize; KEYWORDS.len()]) {
    let table = keywords_by_initials();
    for_each_letter_run(text.as_bytes(), |word| {
        if word.len() < 3 {
            return;
        }
        // Only the keywords with the word's first two letters can match (most words
        // have none: the comparisons are made out of line, this stays small).
        let keywords = &table[initials(word)];
        if !keywords.is_empty() {
            score_word(word, keywords, weight, scores);
        }
    });
}

/// Add `weight` to each kind one of whose `keywords` the word matches: a kind counts
/// once a word.
#[inline(never)]
fn score_word(
    word: &[u8],
    keywords: &[(usize, &'static [u8], bool)],
    weight: usize,
    scores: &mut [usize; KEYWORDS.len()],
) {
    let mut hit = [false; KEYWORDS.len()];
    for &(k, kw, prefix) in keywords {
        if !hit[k] && keyword_match(word, kw, prefix) {
            hit[k] = true;
            scores[k] += weight;
        }
    }
}

/// Where the first sentence ends: a full stop followed by a space or a footnote
/// reference, not one inside an abbreviation such as "U.S.".
fn first_sentence_end(text: &str) -> usize {
    let b = text.as_bytes();
    // Only the full stops need a look: found by search, not byte by byte.
    for i in crate::reader::byte_positions(b'.', b) {
        if i >= 1
            && matches!(b.get(i + 1), None | Some(b' ') | Some(b'['))
            && !(b[i - 1].is_ascii_uppercase() && (i < 2 || !b[i - 2].is_ascii_alphabetic()))
        {
            return i + 1;
        }
    }
    text.len()
}

/// Classify a section from its text (the first sentence weighs most, then the rest
/// of the first paragraph, then the other paragraphs). One pass over the words.
pub fn classify_content(first: &str, rest: &str) -> SectionKind {
    classify_content_parts(first, std::iter::once(rest))
}

/// [`classify_content`] with the rest given paragraph by paragraph (words never
/// run across paragraphs, so this scores as their text joined would).
fn classify_content_parts<'a>(first: &str, rest: impl Iterator<Item = &'a str>) -> SectionKind {
    let cut = first_sentence_end(first);
    let mut lead = [0usize; KEYWORDS.len()];
    score_words(&first[..cut], 6, &mut lead);
    let mut scores = lead;
    score_words(&first[cut..], 2, &mut scores);
    for r in rest {
        score_words(r, 1, &mut scores);
    }
    // Highest score; on a tie, what the first sentence is about.
    let mut best = ((0, 0), SectionKind::Other);
    for (k, (kind, _)) in KEYWORDS.iter().enumerate() {
        if (scores[k], lead[k]) > best.0 {
            best = ((scores[k], lead[k]), *kind);
        }
    }
    best.1
}

/// Classify a section from its heading. Profiles repeat their headings ("Use",
/// "Production", "Mine Ban Policy"): the kinds of the headings seen are kept on each
/// thread (256 headings of 64 bytes at most: a file of headings made to collide asks
/// a few hundred comparisons a heading at worst), each told once.
pub fn classify_heading(h: &str) -> SectionKind {
    use std::cell::RefCell;
    use std::collections::HashMap;
    /// FNV-1a over the heading's bytes, eight a step (the last few one by one), and
    /// its high bits folded into the low ones at the end (a product's low bits follow
    /// only its factors' low bits, and the table picks a slot by them): a short key,
    /// hashed in a few steps.
    #[derive(Default)]
    struct Fnv(u64);
    impl std::hash::Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0 ^ (self.0 >> 32)
        }
        fn write(&mut self, bytes: &[u8]) {
            const PRIME: u64 = 0x0100_0000_01b3;
            let mut words = bytes.chunks_exact(8);
            for w in &mut words {
                let mut x = [0u8; 8];
                x.copy_from_slice(w);
                self.0 = (self.0 ^ u64::from_le_bytes(x)).wrapping_mul(PRIME);
            }
            for &b in words.remainder() {
                self.0 = (self.0 ^ u64::from(b)).wrapping_mul(PRIME);
            }
        }
    }
    type Seen = HashMap<Box<str>, SectionKind, std::hash::BuildHasherDefault<Fnv>>;
    thread_local! {
        static SEEN: RefCell<Seen> = RefCell::new(Seen::default());
    }
    if h.len() > 64 {
        return classify_heading_anew(h);
    }
    if let Some(kind) = SEEN.with(|m| m.borrow().get(h).copied()) {
        return kind;
    }
    let kind = classify_heading_anew(h);
    SEEN.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() < 256 {
            m.insert(h.into(), kind);
        }
    });
    kind
}

/// [`classify_heading`] told from the heading itself.
fn classify_heading_anew(h: &str) -> SectionKind {
    let h = h.to_lowercase();
    // The pairs of adjacent bytes in the heading, as bits of a 256-bit filter: a
    // keyword whose first two bytes are not a pair of it is not in it, and needs no
    // substring search (most of the twenty asked are not there).
    let pair = |x: u8, y: u8| (x as usize * 31 + y as usize) & 255;
    let mut pairs = [0u64; 4];
    for w in h.as_bytes().windows(2) {
        let k = pair(w[0], w[1]);
        pairs[k >> 6] |= 1 << (k & 63);
    }
    // (A heading is short: the keyword compared where its first byte stands, not
    // looked for by a searcher built for each.)
    let hb = h.as_bytes();
    let has = |w: &str| {
        let w = w.as_bytes();
        let k = pair(w[0], w[1]);
        pairs[k >> 6] & (1 << (k & 63)) != 0
            && hb.len() >= w.len()
            && (0..=hb.len() - w.len()).any(|i| hb[i] == w[0] && hb[i..i + w.len()] == *w)
    };
    classify_lowered_heading(&h, has)
}

/// [`classify_heading`] of a heading in lower case, `has` saying whether a keyword
/// stands in it.
fn classify_lowered_heading(h: &str, has: impl Fn(&str) -> bool) -> SectionKind {
    if has("alternative") {
        SectionKind::Alternatives
    } else if has("retain") || has("retention") {
        SectionKind::RetainedMines
    } else if has("destruction") || has("destroy") {
        SectionKind::StockpileDestruction
    } else if has("stockpil") {
        SectionKind::Stockpiling
    } else if has("transfer") || has("export") || has("trade") {
        SectionKind::Transfer
    } else if has("production") || has("produc") {
        SectionKind::Production
    } else if has("transparency") || has("article 7") || has("reporting") {
        SectionKind::Transparency
    } else if h.split(|c: char| !c.is_alphanumeric()).any(|w| w == "use") {
        SectionKind::Use
    } else if has("policy") || has("treaty") || has("universal") || has("withdraw") || has("status")
    {
        SectionKind::Policy
    } else {
        SectionKind::Other
    }
}

/// The list [`build`] works in, kept by the reader between files.
#[derive(Default)]
pub(crate) struct Lists {
    starts: Vec<(usize, Option<Heading>, bool)>,
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn build(
    src: &Src,
    chunks: &[Chunk],
    body_start: usize,
    notes_start: usize,
    markdown: bool,
    headings: &mut Vec<(usize, Heading)>,
    doc: &mut Document,
    kinds: &mut [Option<BlockKind>],
    lists: &mut Lists,
) {
    // Section starts: (chunk index, heading, whether the heading was lost).
    let starts = &mut lists.starts;
    starts.clear();
    let mut hi = headings.drain(..).peekable();
    let mut blank_before = 0;
    for ci in body_start..notes_start {
        let c = &chunks[ci];
        if c.blank {
            // Blank lines right after a table are its lost cells, not a lost heading.
            let after_table = ci > 0 && matches!(kinds[ci - 1], Some(BlockKind::Table { .. }));
            blank_before = if after_table { 1 } else { c.last - c.first + 1 };
            continue;
        }
        if hi.peek().map(|(h, _)| *h == ci).unwrap_or(false) {
            let (_, h) = hi.next().unwrap_or((
                ci,
                Heading {
                    text: String::new(),
                    span: Span::default(),
                    level: 2,
                },
            ));
            starts.push((ci, Some(h), false));
        } else if starts.is_empty()
            || (!markdown
                && blank_before >= 2
                && matches!(kinds[ci], Some(BlockKind::Paragraph { .. })))
        {
            // Two or more blank lines where a heading would stand: the heading was lost,
            // unless the paragraph opens with its own label ("Key developments since
            // March 1999: ...", "Summary: ...").
            let lost = !markdown && blank_before >= 2 && !opens_with_label(src.line(c.first));
            starts.push((ci, None, lost));
        }
        blank_before = 0;
    }
    let body_end = if notes_start < chunks.len() {
        src.lines[chunks[notes_start].first].start
    } else {
        src.text.len()
    };
    doc.sections.reserve_exact(starts.len());
    // A profile of another kind (Mine Action, Casualties, Support for Mine Action) has
    // none of the ban-policy sections: its lost heading is named by no guess. (Nor has
    // a Cluster Munition Ban Policy profile: its sections are about cluster
    // munitions.) Told once for all the profile's sections.
    let other_kind = doc
        .header
        .profile_type
        .as_ref()
        .is_some_and(|t| other_kind(&t.value));
    for k in 0..starts.len() {
        let (ci, ref mut heading, heading_lost) = starts[k];
        let heading = heading.take();
        let start = src.lines[chunks[ci].first].start;
        let end = starts
            .get(k + 1)
            .map(|(cj, _, _)| src.lines[chunks[*cj].first].start)
            .unwrap_or(body_end);
        let span = Span::new(start, end);
        let index = doc.sections.len();
        let kind = match &heading {
            Some(h) => {
                kinds[ci] = Some(BlockKind::Heading { section: index });
                classify_heading(&h.text)
            }
            None if other_kind => SectionKind::Other,
            None => {
                // Paragraphs are in text order here: find the section's by binary search.
                let lo = doc
                    .paragraphs
                    .partition_point(|p| p.span.start < span.start);
                let hi = doc.paragraphs.partition_point(|p| p.span.start < span.end);
                let paras = &doc.paragraphs[lo..hi.max(lo)];
                let first = paras.first().map(|p| p.text.as_str()).unwrap_or("");
                classify_content_parts(first, paras.iter().skip(1).map(|p| p.text.as_str()))
            }
        };
        doc.sections.push(Section {
            heading,
            kind,
            heading_lost,
            span,
            blocks: (0, 0),
        });
    }
}

/// Whether a profile of type `t` is of another kind than a ban-policy one (none
/// of its sections is named by a guess). A type the reader knows, as most are
/// written, is told by [`OTHER_KIND`]: no search.
fn other_kind(t: &str) -> bool {
    match crate::reader::PROFILE_TYPES
        .iter()
        .position(|p| p.eq_ignore_ascii_case(t))
    {
        Some(i) => OTHER_KIND[i],
        None => other_kind_by_search(t),
    }
}

/// [`other_kind_by_search`] of each of [`crate::reader::PROFILE_TYPES`], in order:
/// only "Mine Ban Policy" is a ban-policy profile ("Cluster Munition Ban Policy" is
/// about cluster munitions).
const OTHER_KIND: [bool; 9] = [false, true, true, true, true, true, true, true, true];
// (A type added to the reader's is added here too.)
const _: () = assert!(OTHER_KIND.len() == crate::reader::PROFILE_TYPES.len());

fn other_kind_by_search(t: &str) -> bool {
    let t = t.as_bytes();
    !contains_ignore_ascii_case(t, b"ban policy") || contains_ignore_ascii_case(t, b"cluster")
}

/// Whether `hay` lowered (ASCII) holds `needle` (lower case): each window compared
/// in any case, without a lowered copy or a searcher built for a short text.
fn contains_ignore_ascii_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len()
        && (0..=hay.len() - needle.len()).any(|i| {
            hay[i].to_ascii_lowercase() == needle[0]
                && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
        })
}

/// Whether a paragraph's first line opens with a label of its own, before a colon:
/// "Key developments since May 2004:", "Summary:", "Key findings:", "Overview:".
fn opens_with_label(line: &str) -> bool {
    let Some((label, _)) = line.split_once(':') else {
        return false;
    };
    label.len() <= 60
        && !label.contains('.')
        && [
            "Key developments",
            "Key Developments",
            "Summary",
            "Key findings",
            "Key Findings",
            "Overview",
        ]
        .iter()
        .any(|w| label.starts_with(w))
}

/// Fill each section's block range once the blocks are final.
pub(crate) fn link_blocks(doc: &mut Document) {
    // Blocks and sections are both in text order: each bound found by stepping on from
    // the last one (a section's blocks follow the previous section's), where the
    // bounds do not go back; by binary search where they would.
    let blocks = &doc.blocks;
    let (mut first, mut end) = (0, 0);
    for s in doc.sections.iter_mut() {
        // (A section starts where the one before ended, usually: stepped on from its
        // end, the blocks between are not walked twice. `step_to` is right from
        // anywhere.)
        first = step_to(blocks, first.max(end), s.span.start);
        end = step_to(blocks, end, s.span.end);
        s.blocks = (first, end.max(first));
    }
}

/// The number of blocks starting before `at` (as `partition_point` counts them),
/// stepped on from `from` when that many start before it, else searched for.
fn step_to(blocks: &[Block], from: usize, at: usize) -> usize {
    if from > blocks.len() || from > 0 && blocks[from - 1].span.start >= at {
        return blocks.partition_point(|b| b.span.start < at);
    }
    let mut k = from;
    while k < blocks.len() && blocks[k].span.start < at {
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first sentence's end as first found: every byte looked at.
    fn first_sentence_end_plain(text: &str) -> usize {
        let b = text.as_bytes();
        for i in 1..b.len() {
            if b[i] == b'.'
                && matches!(b.get(i + 1), None | Some(b' ') | Some(b'['))
                && !(b[i - 1].is_ascii_uppercase() && (i < 2 || !b[i - 2].is_ascii_alphabetic()))
            {
                return i + 1;
            }
        }
        text.len()
    }

    proptest! {
        /// Sections' blocks are those the binary searches bound, in any order of spans.
        #[test]
        fn sections_are_linked_to_the_blocks_the_searches_bound(
            widths in proptest::collection::vec(1usize..6, 0..30),
            spans in proptest::collection::vec((0usize..100, 0usize..100), 0..12),
        ) {
            let mut at = 0;
            let blocks: Vec<Block> = widths
                .iter()
                .map(|&w| {
                    at += w;
                    Block { kind: BlockKind::Paragraph { index: 0 }, span: Span::new(at - w, at) }
                })
                .collect();
            let mut first = 0;
            let mut end = 0;
            for &(a, b) in &spans {
                // From anywhere: from the end before too, as `link_blocks` steps.
                prop_assert_eq!(step_to(&blocks, first.max(end), a), step_to(&blocks, first, a));
                first = step_to(&blocks, first, a);
                end = step_to(&blocks, end, b);
                let f = blocks.partition_point(|x| x.span.start < a);
                let e = blocks.partition_point(|x| x.span.start < b);
                prop_assert_eq!((first, end.max(first)), (f, e.max(f)));
            }
        }

        /// A profile's kind is told as by the search, for the types the reader knows
        /// in any case and for others.
        #[test]
        fn other_kind_is_told_as_by_the_search(
            i in 0usize..12,
            upper in proptest::bool::ANY,
        ) {
            let t = crate::reader::PROFILE_TYPES
                .get(i)
                .copied()
                .unwrap_or_else(|| ["Ban Policy", "Mine ban policy (cluster)", "Landmine Monitor"][i - 9]);
            let t = if upper { t.to_ascii_uppercase() } else { t.to_string() };
            prop_assert_eq!(other_kind(&t), other_kind_by_search(&t));
        }

        /// A case-blind search finds what a search of the lowered copy finds.
        #[test]
        fn contains_ignore_ascii_case_agrees_with_the_lowered_copy(
            hay in "(Ban|POLICY|ban policy|Ban Policy|Cluster|CLUSTER|clus|\u{e9}|\u{130}| |x){0,8}",
        ) {
            for needle in ["ban policy", "cluster"] {
                prop_assert_eq!(
                    contains_ignore_ascii_case(hay.as_bytes(), needle.as_bytes()),
                    hay.to_ascii_lowercase().contains(needle)
                );
            }
        }

        /// The letter runs are the pieces of a split at every byte that is no ASCII
        /// letter, less the empty ones.
        #[test]
        fn letter_runs_are_the_split_pieces(text in "([a-zA-Z]{1,20}|[ .,0-9@\\[`{]{1,3}|\u{e9}|\u{201c}|\n){0,30}") {
            let mut runs: Vec<&[u8]> = Vec::new();
            for_each_letter_run(text.as_bytes(), |w| runs.push(w));
            let split: Vec<&[u8]> = text
                .as_bytes()
                .split(|b| !b.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            prop_assert_eq!(&runs, &split);
            let mut by_steps: Vec<&[u8]> = Vec::new();
            for_each_letter_run_by_steps(text.as_bytes(), |w| by_steps.push(w));
            prop_assert_eq!(runs, by_steps);
        }

        /// Runs across the 64-byte blocks, of any length, at any offset: the runs of the
        /// steps.
        #[test]
        fn letter_runs_across_blocks_are_the_runs_of_the_steps(
            runs in proptest::collection::vec((0usize..140, 0usize..4), 0..12),
        ) {
            let mut text = String::new();
            for (letters, gap) in runs {
                text.push_str(&"Ab".repeat(letters).as_str()[..letters]);
                text.push_str([" ", "\u{e9}", ".1", ""][gap]);
            }
            let (mut got, mut want): (Vec<&[u8]>, Vec<&[u8]>) = (Vec::new(), Vec::new());
            for_each_letter_run(text.as_bytes(), |w| got.push(w));
            for_each_letter_run_by_steps(text.as_bytes(), |w| want.push(w));
            prop_assert_eq!(got, want);
        }

        /// The first sentence ends where the byte-by-byte look finds it.
        #[test]
        fn first_sentence_end_agrees_with_the_plain_look(text in "(\\.|U|S|a|b| |\\[|1|\u{e9})*") {
            prop_assert_eq!(first_sentence_end(&text), first_sentence_end_plain(&text));
        }

        /// The pair filter turns away only keywords that are not there: the kind is
        /// the one plain substring searches give.
        #[test]
        fn classify_heading_agrees_with_plain_search(h in "((Alternative|RETAIN|retention|destr|Destroy|stockpil|Trans|fer|export|Trade|produc|tion|transparency|Article 7|reporting|use|Policy|treaty|universal|withdraw|status|Mine|É|ß)[ -]?){0,5}") {
            let lower = h.to_lowercase();
            prop_assert_eq!(
                classify_heading(&h),
                classify_lowered_heading(&lower, |w| lower.contains(w))
            );
            // Asked again (kept from the first time), the kind is the same.
            prop_assert_eq!(classify_heading(&h), classify_heading_anew(&h));
        }
    }
}
