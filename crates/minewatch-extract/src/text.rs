//! Hand-written scanners over sentence text: sentence boundaries, numbers with
//! their qualifiers, units and currencies, and dates. All offsets are byte
//! offsets into the string scanned.

use minewatch_model::Date;
use serde::Serialize;

/// Abbreviations after which a period does not end a sentence (lowercase, without the final period).
fn is_abbreviation_word(lw: &[u8]) -> bool {
    matches!(
        lw,
        b"u.s"
            | b"u.k"
            | b"u.n"
            | b"e.g"
            | b"i.e"
            | b"adm"
            | b"no"
            | b"nos"
            | b"lt"
            | b"gen"
            | b"col"
            | b"maj"
            | b"capt"
            | b"sgt"
            | b"dr"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"st"
            | b"jr"
            | b"sr"
            | b"co"
            | b"inc"
            | b"ltd"
            | b"vs"
            | b"rep"
            | b"sen"
            | b"gov"
            | b"amb"
            | b"art"
            | b"arts"
            | b"para"
            | b"pp"
            | b"p"
            | b"fig"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"approx"
            | b"cf"
            | b"al"
            | b"vol"
            | b"ed"
            | b"eds"
            | b"ca"
            | b"rev"
            | b"prof"
            | b"hon"
            | b"dept"
            | b"est"
    )
}

/// The bytes [`sentences`] stops at: a curly quote's lead byte, `"`, `.`, `!`, `?`.
const SENTENCE_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    t[0xE2] = true;
    t[b'"' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t
};

/// Split a paragraph into sentences: `(start, end)` byte ranges. A sentence ends at
/// `.`, `!` or `?` followed (after closing quotes, brackets and footnote references
/// such as `[12]`) by white space and a capital, a digit or an opening quote. Periods
/// after abbreviations ("U.S.", "Adm.", "No.", "e.g.") and inside open quotation marks
/// do not end sentences. Footnote references right after the end belong to the sentence.
pub fn sentences(s: &str) -> Vec<(usize, usize)> {
    // (A paragraph holds a few sentences: room for them without growing.)
    let mut out = Vec::with_capacity(8);
    sentences_into(s, &mut out);
    out
}

/// [`sentences`] into `out` (emptied first): a buffer kept from one paragraph to the
/// next, not a vector made for each.
pub(crate) fn sentences_into(s: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let b = s.as_bytes();
    let mut start = skip_ws(b, 0);
    let mut depth: i32 = 0; // curly quotes
    let mut ascii_open = false;
    let mut i = start;
    // The next '!' or '?' at or after `i` (recomputed once passed).
    let mut bang = memchr::memchr2(b'!', b'?', &b[i..]).map_or(b.len(), |p| i + p);
    while i < b.len() {
        let c = b[i];
        if !SENTENCE_BYTE[c as usize] {
            // Jump to the next byte that can matter ('!' and '?' are rare: their next
            // place is kept).
            if bang < i {
                bang = memchr::memchr2(b'!', b'?', &b[i..]).map_or(b.len(), |p| i + p);
            }
            let near = memchr::memchr3(b'.', b'"', 0xE2, &b[i..bang]).map_or(bang, |p| i + p);
            i = near;
            continue;
        }
        if s[i..].starts_with('\u{201c}') {
            depth += 1;
            i += 3;
            continue;
        }
        if s[i..].starts_with('\u{201d}') {
            depth = (depth - 1).max(0);
            i += 3;
            continue;
        }
        if c == b'"' {
            ascii_open = !ascii_open;
            i += 1;
            continue;
        }
        if matches!(c, b'.' | b'!' | b'?') {
            // Extend over closing quotes, brackets and footnote refs.
            let mut j = i + 1;
            let mut closed_quote = false;
            // A footnote reference glued to the next sentence ("1 March 1999.[3 ]The
            // numbers"): the break stands after it, space or not.
            let mut after_ref = false;
            loop {
                if j < b.len() && (b[j] == b'"' || b[j] == b')' || b[j] == b'\'') {
                    if b[j] == b'"' {
                        closed_quote = true;
                    }
                    j += 1;
                } else if s[j..].starts_with('\u{201d}') || s[j..].starts_with('\u{2019}') {
                    closed_quote |= s[j..].starts_with('\u{201d}');
                    j += 3;
                } else if let Some(k) = footnote_ref_end(b, j) {
                    j = k;
                    after_ref = true;
                } else {
                    break;
                }
            }
            let in_quote = (depth > 0 || ascii_open) && !closed_quote;
            let at_end = skip_ws(b, j) >= b.len();
            // (So a stop glued to the next sentence by a lost space, "in 2011.In 2013",
            // after a lower-case letter or a digit, before a capitalised word.)
            let glued_stop = j == i + 1
                && i > 0
                && (b[i - 1].is_ascii_lowercase() || b[i - 1].is_ascii_digit())
                && j + 1 < b.len()
                && b[j].is_ascii_uppercase()
                && b[j + 1].is_ascii_lowercase();
            let next_ok = j < b.len()
                && (skip_ws(b, j) > j || after_ref && b[j].is_ascii_uppercase() || glued_stop)
                && {
                    let k = skip_ws(b, j);
                    k < b.len() && starts_sentence(&s[k..])
                };
            if (at_end || next_ok) && !in_quote && !(c == b'.' && is_abbreviation(s, i)) {
                out.push((start, j));
                if closed_quote {
                    depth = 0;
                    ascii_open = false;
                }
                start = skip_ws(b, j);
                i = start;
                continue;
            }
            i = j.max(i + 1);
            continue;
        }
        i = next_boundary(s, i);
    }
    let end = s.trim_end().len();
    if start < end {
        out.push((start, end));
    }
    if out.iter().any(|&(a, b)| b - a > MAX_SENTENCE) {
        *out = cap_sentences(s, std::mem::take(out));
    }
}

/// The longest sentence the rules read whole (bytes). No sentence of a profile comes
/// near it; a paragraph whose stops were lost (or a hostile file) is read in pieces of
/// at most this length, cut at a space: the rules look back through their sentence for
/// each word that starts one, which on a sentence of megabytes was quadratic.
pub const MAX_SENTENCE: usize = 4096;

/// `sentences` with each one longer than [`MAX_SENTENCE`] cut into pieces at the last
/// white space before the limit (or at a character boundary where there is none).
fn cap_sentences(s: &str, sents: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(sents.len());
    for (mut a, e) in sents {
        while e - a > MAX_SENTENCE {
            let cut = minewatch_model::floor_char_boundary(s, a + MAX_SENTENCE);
            let piece_end = b[a..cut]
                .iter()
                .rposition(|c| c.is_ascii_whitespace())
                .map_or(cut, |k| a + k)
                .max(a + 1);
            let piece_end = minewatch_model::ceil_char_boundary(s, piece_end);
            out.push((a, piece_end));
            a = skip_ws(b, piece_end);
        }
        if a < e {
            out.push((a, e));
        }
    }
    out
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    loop {
        if i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        } else if i + 1 < b.len() && b[i] == 0xC2 && b[i + 1] == 0xA0 {
            i += 2; // no-break space
        } else {
            return i;
        }
    }
}

/// The next char boundary after `i` (or `s.len()`).
pub(crate) fn next_boundary(s: &str, i: usize) -> usize {
    let mut j = i + 1;
    while j < s.len() && !s.is_char_boundary(j) {
        j += 1;
    }
    j.min(s.len())
}

/// End of a `[digits]` footnote reference starting at `i`.
fn footnote_ref_end(b: &[u8], i: usize) -> Option<usize> {
    if b.get(i) != Some(&b'[') {
        return None;
    }
    let mut j = i + 1;
    if b.get(j) == Some(&b'^') {
        j += 1;
    }
    let d = j;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    let digits = j > d;
    // "[12 ]": a space before the bracket closes, as extraction leaves it.
    while j < b.len() && b[j] == b' ' && j - d < 8 {
        j += 1;
    }
    (digits && b.get(j) == Some(&b']')).then_some(j + 1)
}

/// `t` after a list item's bullet ("- ", "* ", "• "), if it starts with one.
pub(crate) fn strip_bullet(t: &str) -> Option<&str> {
    ["- ", "* ", "\u{2022} "]
        .iter()
        .find_map(|b| t.strip_prefix(b))
}

fn starts_sentence(t: &str) -> bool {
    // A list item's bullet before it: the item is a sentence of its own.
    let t = strip_bullet(t).unwrap_or(t);
    let Some(c) = t.chars().next() else {
        return false;
    };
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '\u{201c}' | '"' | '\u{2018}' | '(' | '[')
}

/// Where the word at the end of `before` starts: past the last white space, '(', '"'
/// or '\u{201c}'. (Read back by bytes, decoding only the non-ASCII characters: a
/// search of chars from the end decoded every one.)
fn word_start(before: &str) -> usize {
    let b = before.as_bytes();
    let mut j = b.len();
    while j > 0 {
        j -= 1;
        let c = b[j];
        if c < 0x80 {
            // (`char::is_whitespace` holds for these ASCII bytes.)
            if matches!(
                c,
                b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' | b'(' | b'"'
            ) {
                return j + 1;
            }
        } else if c >= 0xC0 {
            // A character's first byte: the character decoded.
            let ch = before[j..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() || ch == '\u{201c}' {
                return j + ch.len_utf8();
            }
        }
    }
    0
}

fn is_abbreviation(s: &str, dot: usize) -> bool {
    let before = &s[..dot];
    let word = &before[word_start(before)..];
    if word.is_empty() {
        return false;
    }
    // A single capital letter: an initial ("John F. Kennedy").
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        return true;
    }
    // The longest abbreviation has six letters: lowercase on the stack.
    if word.len() > 6 {
        return false;
    }
    let mut buf = [0u8; 6];
    let lw = &mut buf[..word.len()];
    lw.copy_from_slice(word.as_bytes());
    lw.make_ascii_lowercase();
    is_abbreviation_word(lw)
}

/// How a figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Exact,
    Approximately,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
    Range,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximately => "approximately",
            Qualifier::MoreThan => "more-than",
            Qualifier::AtLeast => "at-least",
            Qualifier::LessThan => "less-than",
            Qualifier::AtMost => "at-most",
            Qualifier::Range => "range",
        }
    }
    pub fn parse(s: &str) -> Option<Qualifier> {
        Some(match s {
            "exact" => Qualifier::Exact,
            "approximately" => Qualifier::Approximately,
            "more-than" => Qualifier::MoreThan,
            "at-least" => Qualifier::AtLeast,
            "less-than" => Qualifier::LessThan,
            "at-most" => Qualifier::AtMost,
            "range" => Qualifier::Range,
            _ => return None,
        })
    }
}

/// Hedges before a figure, longest first (lowercase).
const HEDGES: &[(&str, Qualifier)] = &[
    ("just more than", Qualifier::MoreThan),
    ("slightly more than", Qualifier::MoreThan),
    ("a little more than", Qualifier::MoreThan),
    ("no more than", Qualifier::AtMost),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("in excess of", Qualifier::MoreThan),
    ("more than", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("approximately", Qualifier::Approximately),
    ("an estimated", Qualifier::Approximately),
    ("estimated", Qualifier::Approximately),
    ("roughly", Qualifier::Approximately),
    ("around", Qualifier::Approximately),
    ("about", Qualifier::Approximately),
    ("some", Qualifier::Approximately),
    ("nearly", Qualifier::Approximately),
    ("almost", Qualifier::Approximately),
    ("close to", Qualifier::Approximately),
    ("approx.", Qualifier::Approximately),
    ("at least", Qualifier::AtLeast),
    ("just under", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("up to", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
];

/// The unit a figure counts.
pub fn unit_of_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "mine" | "mines" | "landmine" | "landmines" | "anti-personnel-mines" => "mines",
        "munition" | "munitions" | "submunitions" | "bombs" | "canisters" => "munitions",
        "people" | "persons" | "casualties" | "civilians" | "victims" | "individuals"
        | "children" | "survivors" | "deminers" | "soldiers" => "people",
        "km2" | "km²" | "sq km" => "km2",
        "m2" | "m²" => "m2",
        "states" | "countries" | "nations" => "states",
        "devices" => "devices",
        _ => return None,
    })
}

/// Words that end the noun phrase after a figure.
fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "in" | "for"
            | "to"
            | "from"
            | "by"
            | "at"
            | "on"
            | "were"
            | "was"
            | "have"
            | "has"
            | "had"
            | "are"
            | "is"
            | "that"
            | "which"
            | "since"
            | "and"
            | "or"
            | "between"
            | "with"
            | "as"
            | "of"
            | "while"
            | "but"
            | "when"
            | "during"
            | "into"
            | "be"
            | "been"
            | "will"
            | "would"
    )
}

/// A figure as written: a number or a range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    One(f64),
    Range(f64, f64),
}

/// A figure found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Where the figure starts (after the hedge) and ends (after scale words and currency words).
    pub start: usize,
    pub end: usize,
    /// Where the hedge starts (== `start` without one).
    pub hedge_start: usize,
    pub num: Num,
    pub qualifier: Qualifier,
    /// `USD`, `EUR`, `GBP` for money.
    pub currency: Option<&'static str>,
    /// The counted unit from the words after the figure (`mines`, `munitions`, `people`, ...).
    pub unit: Option<&'static str>,
    /// Where the counted noun phrase ends (the unit word, or `end`).
    pub phrase_end: usize,
    /// A second currency in parentheses right after: "€4.45 million ($5 million)".
    pub alt: Option<(f64, &'static str)>,
    /// Written as a word ("ten thousand").
    pub words: bool,
}

impl Quantity {
    /// The unit to report: the currency for money, else the counted unit.
    pub fn unit_str(&self) -> Option<&'static str> {
        self.currency.or(self.unit)
    }
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The character just before `i` (or None at the start).
fn prev_char(s: &str, i: usize) -> Option<char> {
    s[..i].chars().next_back()
}

const SMALL: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Whether the word at `i` is (or starts, before a hyphen) a number word.
fn starts_number_word(lower: &str, i: usize) -> bool {
    // The run of lowercase letters at `i`, read no further than one past the longest
    // number word (a longer run is none of them either).
    let b = lower.as_bytes();
    // Every number word starts with one of these three letters: most words are told
    // from them alone.
    if !matches!(
        b.get(i..i + 3),
        Some(
            b"one"
                | b"two"
                | b"thr"
                | b"fou"
                | b"fiv"
                | b"six"
                | b"sev"
                | b"eig"
                | b"nin"
                | b"ten"
                | b"ele"
                | b"twe"
                | b"thi"
                | b"fif"
                | b"for"
        )
    ) {
        return false;
    }
    let end = b.len().min(i + 10);
    let mut j = i;
    while j < end && b[j].is_ascii_lowercase() {
        j += 1;
    }
    is_small_number_word(&b[i.min(j)..j])
}

/// Whether `w` is one of the words of [`SMALL`] (a match on the bytes, not a search
/// of the list).
fn is_small_number_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"thirteen"
            | b"fourteen"
            | b"fifteen"
            | b"sixteen"
            | b"seventeen"
            | b"eighteen"
            | b"nineteen"
            | b"twenty"
            | b"thirty"
            | b"forty"
            | b"fifty"
            | b"sixty"
            | b"seventy"
            | b"eighty"
            | b"ninety"
    )
}

fn scale_of(w: &str) -> Option<f64> {
    match w {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "millions" => Some(1e6),
        "billion" | "billions" => Some(1e9),
        _ => None,
    }
}

/// The ASCII bytes [`next_word`] takes into a word: letters, digits, '-', '/', '\'', '.'.
const WORD_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric() || matches!(c as u8, b'-' | b'/' | b'\'' | b'.');
        c += 1;
    }
    t
};

/// The next word (letters, digits, '-', '/', '²') starting at or after `i`, skipping
/// spaces only; returns (start, end).
fn next_word(s: &str, i: usize) -> Option<(usize, usize)> {
    let b = s.as_bytes();
    let mut k = i;
    while k < b.len() && b[k] == b' ' {
        k += 1;
    }
    let st = k;
    loop {
        // The run of ASCII word bytes, a table look-up a byte (the common case,
        // without decoding).
        while let Some(&c) = b.get(k) {
            if !WORD_ASCII[c as usize] {
                break;
            }
            k += 1;
        }
        // A non-ASCII character: a letter or digit, '²' or '’' goes on with the word.
        if b.get(k).is_some_and(|&c| c >= 0x80) {
            let c = s[k..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() || matches!(c, '²' | '\u{2019}') {
                k += c.len_utf8();
                continue;
            }
        }
        break;
    }
    // A trailing period belongs to the sentence, not the word.
    while k > st && b[k - 1] == b'.' {
        k -= 1;
    }
    (k > st).then_some((st, k))
}

/// Parse digits with thousands separators and a decimal part at `i`: (value, end).
pub(crate) fn digits_at(s: &str, i: usize) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut j = i;
    // The whole digits are summed as they are read (wrapping: the sum is used only for
    // at most 15 digits, which it holds exactly), and counted.
    let mut v: u64 = 0;
    while let Some(&c) = b.get(j) {
        if !c.is_ascii_digit() {
            break;
        }
        v = v.wrapping_mul(10).wrapping_add((c - b'0') as u64);
        j += 1;
    }
    if j == i {
        return None;
    }
    let mut n = j - i;
    // ",ddd" groups
    let mut groups = false;
    while let Some(&[b',', d1, d2, d3]) = b.get(j..j + 4) {
        if !(d1.is_ascii_digit() && d2.is_ascii_digit() && d3.is_ascii_digit())
            || b.get(j + 4).is_some_and(u8::is_ascii_digit)
        {
            break;
        }
        groups = true;
        v = v.wrapping_mul(1000).wrapping_add(
            ((d1 - b'0') as u64) * 100 + ((d2 - b'0') as u64) * 10 + (d3 - b'0') as u64,
        );
        n += 3;
        j += 4;
    }
    let mut decimal = false;
    if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
        decimal = true;
        j += 1;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
    }
    // Whole numbers of up to 15 digits (every figure but a few): a double holds them
    // exactly, as parsing the text would give them.
    if !decimal && n <= 15 {
        return Some((v as f64, j));
    }
    if !groups {
        // Digits and a decimal part as written: parse in place.
        return s[i..j].parse().ok().map(|v| (v, j));
    }
    // Drop the separators (into a stack buffer for the usual short figure).
    let mut buf = [0u8; 64];
    if j - i > buf.len() {
        let txt: String = s[i..j].chars().filter(|&c| c != ',').collect();
        return txt.parse().ok().map(|v| (v, j));
    }
    let mut n = 0;
    for &c in &b[i..j] {
        if c != b',' {
            buf[n] = c;
            n += 1;
        }
    }
    std::str::from_utf8(&buf[..n])
        .ok()?
        .parse()
        .ok()
        .map(|v| (v, j))
}

/// A word-number ("ten thousand", "twenty-five") at `i`: (value, end).
fn word_number_at(lower: &str, i: usize) -> Option<(f64, usize)> {
    let mut total = 0f64;
    let mut current = 0f64;
    let mut end = i;
    let mut k = i;
    let mut any = false;
    while let Some((ws, we)) = next_word(lower, k) {
        if any && ws > k + 1 {
            break; // more than one space
        }
        if !any && ws != i {
            break;
        }
        let w = &lower[ws..we];
        let mut handled = false;
        for part in w.split('-') {
            if let Some(&(_, v)) = SMALL.iter().find(|(n, _)| *n == part) {
                current += v as f64;
                handled = true;
            } else if part == "hundred" && any {
                current = current.max(1.0) * 100.0;
                handled = true;
            } else if let Some(sc) = scale_of(part).filter(|_| any || handled) {
                total += current.max(1.0) * sc;
                current = 0.0;
                handled = true;
            } else {
                handled = false;
                break;
            }
        }
        if !handled {
            break;
        }
        any = true;
        end = we;
        k = we;
    }
    (any && total + current > 0.0).then_some((total + current, end))
}

/// Find every figure in `s` (`lower` is `s.to_ascii_lowercase()`). Years standing
/// alone (1900–2099 without separators, currency or unit) are dates, not figures;
/// numbers glued to letters, slashes or brackets (`M16A1`, `74/61`, `[36]`) are not figures.
pub fn quantities(s: &str, lower: &str) -> Vec<Quantity> {
    quantities_from(s, lower, 0..s.len())
}

/// The bytes a figure may start with (as [`quantities_from`] reads it; a capital also
/// at the start of the text): a digit, '$', the lead bytes of '€' and '£', 'u'/'U'
/// ("us$") and the first letters of the number words.
const MAY_START_FIGURE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_digit()
            || matches!(
                b,
                b'$' | 0xE2 | 0xC2 | b'u' | b'U' | b'o' | b't' | b'f' | b's' | b'e' | b'n'
            );
        c += 1;
    }
    t
};

/// [`quantities`] from the places where a figure may start, in increasing order:
/// every start of a run of ASCII letters and digits, and every `$` and lead byte of
/// `€` and `£` (0xE2, 0xC2), must be among them; other places are passed over.
pub(crate) fn quantities_from(
    s: &str,
    lower: &str,
    starts: impl IntoIterator<Item = usize>,
) -> Vec<Quantity> {
    // (Room for a few at once: the first figure found would allocate anyway.)
    let mut out = Vec::with_capacity(4);
    quantities_from_into(s, lower, starts, &mut out);
    out
}

/// [`quantities_from`] added to `out` (a buffer kept from one sentence to the next).
pub(crate) fn quantities_from_into(
    s: &str,
    lower: &str,
    starts: impl IntoIterator<Item = usize>,
    out: &mut Vec<Quantity>,
) {
    let b = s.as_bytes();
    let mut next = 0;
    for i in starts {
        // (Most words start with a byte no figure starts with: one look-up for those,
        // before the other tests.)
        let Some(&c0) = b.get(i) else {
            continue;
        };
        if !(MAY_START_FIGURE[c0 as usize] || i == 0 && c0.is_ascii_uppercase()) {
            continue;
        }
        if i < next || !s.is_char_boundary(i) {
            continue;
        }
        // A sentence's first word may be a capitalised number word ("Five people ...").
        let c = match b[i] {
            c if i == 0 && c.is_ascii_uppercase() && c != b'U' => c.to_ascii_lowercase(),
            c => c,
        };
        // Figures start with a digit, a currency sign ($, €, £) or a lowercase word at
        // a word start (word numbers, "us$").
        if c.is_ascii_alphabetic() && i > 0 && b[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        // A lowercase word other than "us$" is a figure only as a number word.
        if matches!(c, b'o' | b't' | b'f' | b's' | b'e' | b'n') && !starts_number_word(lower, i) {
            continue;
        }
        if !(c.is_ascii_digit()
            || c == b'$'
            || c == 0xE2
            || c == 0xC2
            // "us$" (a word starting with 'u' is a figure only so: no number word
            // starts with it) and the first letters of the number words.
            || matches!(c, b'u' | b'U') && lower.as_bytes()[i..].starts_with(b"us$")
            || matches!(c, b'o' | b't' | b'f' | b's' | b'e' | b'n'))
        {
            continue;
        }
        let (q, n) = quantity_at(s, lower, i);
        out.extend(q);
        next = n;
    }
}

/// The figure starting at `i`, if any, and where to look next.
fn quantity_at(s: &str, lower: &str, i: usize) -> (Option<Quantity>, usize) {
    let b = s.as_bytes();
    let c = b[i];
    let boundary = match prev_char(s, i) {
        None => true,
        Some(p) => !(p.is_alphanumeric() || matches!(p, '-' | '/' | '.' | '[' | '_' | '^' | ',')),
    };
    let currency_prefix: Option<(&'static str, usize)> = if !boundary {
        None
    } else if lower[i..].starts_with("us$") {
        Some(("USD", 3))
    } else if c == b'$' {
        Some(("USD", 1))
    } else if s[i..].starts_with('€') {
        Some(("EUR", '€'.len_utf8()))
    } else if s[i..].starts_with('£') {
        Some(("GBP", '£'.len_utf8()))
    } else {
        None
    };
    let num_start = match currency_prefix {
        Some((_, n)) => {
            let mut k = i + n;
            if b.get(k) == Some(&b' ') {
                k += 1;
            }
            k
        }
        None => i,
    };
    let parsed = if boundary && b.get(num_start).is_some_and(u8::is_ascii_digit) {
        digits_at(s, num_start).map(|(v, e)| (v, e, false))
    } else if boundary
        && currency_prefix.is_none()
        // A capital only where a sentence starts: "Five people were killed".
        && (c.is_ascii_lowercase() || i == 0 && c.is_ascii_uppercase())
        && starts_number_word(lower, i)
    {
        word_number_at(lower, i).map(|(v, e)| (v, e, true))
    } else {
        None
    };
    let Some((mut v, mut e, words)) = parsed else {
        // advance one character
        return (
            None,
            i + s[i..].chars().next().map(char::len_utf8).unwrap_or(1),
        );
    };
    // Glued to letters or slashes after: not a figure ("74/61", "2030s", "12-page").
    let after = s[e..].chars().next();
    let glued = matches!(after, Some(a) if a.is_alphanumeric() || a == '/' || a == '_')
        || (b.get(e) == Some(&b'-') && b.get(e + 1).is_some_and(|x| x.is_ascii_alphabetic()));
    if glued && !words {
        let mut k = e;
        while k < b.len() && is_word_byte(b[k]) {
            k += 1;
        }
        return (None, k);
    }
    let raw_digits = &s[num_start..e];
    let mut hi: Option<f64> = None;
    // Range: "22-25", "22–25"
    if !words {
        let dash = if b.get(e) == Some(&b'-') {
            Some(1)
        } else if s[e..].starts_with('\u{2013}') {
            Some(3)
        } else {
            None
        };
        if let Some(dl) = dash {
            if let Some((v2, e2)) = digits_at(s, e + dl) {
                if !s[e2..]
                    .chars()
                    .next()
                    .is_some_and(|a| a.is_alphanumeric() || a == '/')
                {
                    hi = Some(v2);
                    e = e2;
                }
            }
        }
    }
    // A range in words: "10,000 to 20,000 mines", "between 10,000 and 20,000 mines"
    // (rising, and not where a change starts: "from 200,013 to 13,585"; years are
    // periods, not figures).
    let rest = &lower.as_bytes()[e..];
    if !words && hi.is_none() && (rest.starts_with(b" to ") || rest.starts_with(b" and ")) {
        let before = lower[..i].trim_end_matches(' ');
        let conn = if before.ends_with("between") {
            " and "
        } else {
            " to "
        };
        if lower[e..].starts_with(conn) && !before.ends_with("from") {
            if let Some((v2, e2)) = digits_at(s, e + conn.len()) {
                let year = |d: &str, x: f64| {
                    d.len() == 4
                        && d.bytes().all(|c| c.is_ascii_digit())
                        && (1900.0..=2099.0).contains(&x)
                };
                let glued_after = s[e2..]
                    .chars()
                    .next()
                    .is_some_and(|a| a.is_alphanumeric() || a == '/');
                if v2 > v
                    && !glued_after
                    && !(year(raw_digits, v) && year(&s[e + conn.len()..e2], v2))
                {
                    hi = Some(v2);
                    e = e2;
                }
            }
        }
    }
    // A range in number words: "between four and five million mines", "two to three
    // million mines" (the scale the second number ends with applies to both).
    if words && (rest.starts_with(b" to ") || rest.starts_with(b" and ")) {
        let before = lower[..i].trim_end_matches(' ');
        let conn = if before.ends_with("between") {
            " and "
        } else {
            " to "
        };
        let k = e + conn.len();
        if lower[e..].starts_with(conn) && !before.ends_with("from") && starts_number_word(lower, k)
        {
            if let Some((v2, e2)) = word_number_at(lower, k) {
                let last = lower[k..e2].rsplit(' ').next().unwrap_or("");
                let lo = match scale_of(last) {
                    Some(sc) if v < sc => v * sc,
                    _ => v,
                };
                if v2 > lo {
                    v = lo;
                    hi = Some(v2);
                    e = e2;
                }
            }
        }
    }
    // The word after the figure, asked for again only where the figure's end moved.
    let mut after_at = (usize::MAX, None);
    let mut word_after = |e: usize| {
        if after_at.0 != e {
            after_at = (e, next_word(lower, e));
        }
        after_at.1
    };
    // Scale words: "million", also across extra spaces (wrapped lines).
    let mut scaled = false;
    if !words {
        if let Some((ws, we)) = word_after(e) {
            // "€66 million/$75.3 million": the scale word before a slash.
            // (A word is short: a byte search, not a call to a searcher.)
            let we = lower.as_bytes()[ws..we]
                .iter()
                .position(|&c| c == b'/')
                .map_or(we, |k| ws + k);
            if ws > e {
                if let Some(sc) = scale_of(&lower[ws..we]) {
                    // "16.4 million" is 16,400,000, not the 16,399,999.999999998 the
                    // product of two doubles gives: a whole number within rounding
                    // error is that whole number.
                    let snap = |x: f64| {
                        let r = x.round();
                        if (x - r).abs() <= 1e-9 * x.abs().max(1.0) {
                            r
                        } else {
                            x
                        }
                    };
                    v = snap(v * sc);
                    hi = hi.map(|h| snap(h * sc));
                    e = we;
                    scaled = true;
                }
            }
        }
    } else {
        scaled = v >= 1000.0;
    }
    // Currency words after: "dollars", "US dollars", "euros".
    let mut currency = currency_prefix.map(|(c, _)| c);
    if currency.is_none() {
        if let Some((ws, we)) = word_after(e) {
            let w = &lower[ws..we];
            let (cur, end2) = match w {
                "dollars" | "usd" => (Some("USD"), we),
                "euros" | "euro" | "eur" => (Some("EUR"), we),
                "us" => match next_word(lower, we) {
                    Some((a, z)) if &lower[a..z] == "dollars" => (Some("USD"), z),
                    _ => (None, e),
                },
                _ => (None, e),
            };
            if cur.is_some() {
                currency = cur;
                e = end2;
            }
        }
    }
    // Percentages are not counts.
    let rest = &lower[e..];
    if rest.starts_with('%') || after_white_space(rest).starts_with("percent") {
        return (None, e);
    }
    let is_year = !words
        && currency.is_none()
        && !scaled
        && hi.is_none()
        && raw_digits.len() == 4
        && raw_digits.bytes().all(|d| d.is_ascii_digit())
        && (1900.0..=2099.0).contains(&v);
    let next = word_after(e).map(|(a, z)| &lower[a..z]);
    if is_year {
        // A year unless a unit word follows immediately ("1997 mines" is rare; demand
        // it), and always where it opens the text: "2016 casualties by outcome" is a
        // caption of 2016's casualties.
        // (So at the start of a "|" cell: "... | 2010 casualties by outcome |".)
        if i == 0 || s[..i].trim_end().ends_with('|') || next.and_then(unit_of_word).is_none() {
            return (None, e);
        }
    }
    // A day of a date ("31 January 2020") is not a count.
    if !words
        && currency.is_none()
        && !scaled
        && raw_digits.len() <= 2
        && next.is_some_and(|w| w.len() >= 3 && minewatch_model::month_from_name(w).is_some())
    {
        return (None, e);
    }
    // Unit: scan the noun phrase after the figure.
    let (mut unit, mut phrase_end) = unit_after(s, lower, e);
    // "one person was killed", "one civilian was injured": one of the people, named in
    // the singular, by what happened to them (not "one civilian and two military", the
    // kinds of people of a count).
    if unit.is_none() && currency.is_none() && v == 1.0 && hi.is_none() {
        if let Some((_, z)) = next_word(lower, e).filter(|&(a, z)| {
            matches!(
                &lower[a..z],
                "person" | "civilian" | "child" | "casualty" | "deminer" | "soldier" | "victim"
            ) && next_word(lower, z).is_some_and(|(a2, z2)| {
                matches!(
                    &lower[a2..z2],
                    "was" | "killed" | "injured" | "wounded" | "died"
                )
            })
        }) {
            unit = Some("people");
            phrase_end = z;
        }
    }
    // A number word counts something it names, or people by their verb ("and one
    // unknown" after "834 killed, 1,349 injured"; "of whom four were killed").
    let casualty_verb = |w: Option<&str>| {
        matches!(
            w,
            Some("killed" | "injured" | "wounded" | "unknown" | "died")
        )
    };
    if words
        && unit.is_none()
        && currency.is_none()
        && !casualty_verb(next)
        && !(matches!(next, Some("were" | "was"))
            && casualty_verb(
                next_word(lower, e)
                    .and_then(|(_, z)| next_word(lower, z))
                    .map(|(a, z)| &lower[a..z]),
            ))
    {
        return (None, e);
    }
    // Hedge before.
    let (qualifier, hedge_start) = hedge_before(lower, i);
    let qualifier = if hi.is_some() {
        Qualifier::Range
    } else {
        qualifier
    };
    // A second currency in parentheses: "€4.45 million ($5 million)".
    let mut alt = None;
    if currency.is_some() {
        let t = &s[e..];
        let t2 = t.trim_start();
        if let Some(inner) = t2.strip_prefix('(') {
            let off = e + (t.len() - t2.len()) + 1;
            let inner_lower = &lower[off..];
            let _ = inner;
            let sub = quantities_simple(&s[off..], inner_lower);
            if let Some(q) = sub {
                if q.1.is_some() && q.1 != currency {
                    alt = q.1.map(|cur| (q.0, cur));
                }
            }
        }
    }
    // Skip over the parenthesised second currency: it belongs to this figure.
    let skip_to = if alt.is_some() {
        s[e..].find(')').map(|p| e + p + 1).unwrap_or(e)
    } else {
        e
    };
    let q = Quantity {
        start: i,
        end: e,
        hedge_start,
        num: match hi {
            Some(h) => Num::Range(v, h),
            None => Num::One(v),
        },
        qualifier,
        currency,
        unit: if currency.is_some() { None } else { unit },
        phrase_end: if currency.is_some() { e } else { phrase_end },
        alt,
        words,
    };
    (Some(q), skip_to.max(i + 1))
}

/// `t.trim_start()`, with the usual leading ASCII white space passed by bytes (the
/// rest, from a non-ASCII byte on, is trimmed as `trim_start` does).
fn after_white_space(t: &str) -> &str {
    let b = t.as_bytes();
    let mut k = 0;
    // (`char::is_whitespace` holds for these ASCII bytes: `u8::is_ascii_whitespace`
    // leaves out the vertical tab.)
    while k < b.len() && matches!(b[k], b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r') {
        k += 1;
    }
    if b.get(k).is_some_and(|&c| c >= 0x80) {
        return t[k..].trim_start();
    }
    &t[k..]
}

/// The first money figure at the start of `s` (for the parenthesised second currency).
fn quantities_simple(s: &str, lower: &str) -> Option<(f64, Option<&'static str>)> {
    let qs = quantities(s, lower);
    let q = qs.first()?;
    if q.start > 3 {
        return None;
    }
    match q.num {
        Num::One(v) => Some((v, q.currency)),
        Num::Range(..) => None,
    }
}

/// For each byte, the hedges of [`HEDGES`] that end with it: bit `k` for `HEDGES[k]`.
const HEDGES_BY_LAST: [u32; 256] = {
    assert!(HEDGES.len() <= 32);
    let mut t = [0u32; 256];
    let mut k = 0;
    while k < HEDGES.len() {
        let h = HEDGES[k].0.as_bytes();
        t[h[h.len() - 1] as usize] |= 1 << k;
        k += 1;
    }
    t
};

fn hedge_before(lower: &str, i: usize) -> (Qualifier, usize) {
    let lb = lower.as_bytes();
    let mut n = i;
    while n > 0 && lb[n - 1] == b' ' {
        n -= 1;
    }
    let before = &lower[..n];
    // Only hedges ending with the byte before can end it: those of its bit set, tried
    // in the list's order (lowest bit first), as the list is.
    let Some(&last) = before.as_bytes().last() else {
        return (Qualifier::Exact, i);
    };
    let mut set = HEDGES_BY_LAST[last as usize];
    while set != 0 {
        let (h, q) = HEDGES[set.trailing_zeros() as usize];
        set &= set - 1;
        if let Some(p) = before.strip_suffix(h) {
            let ok = p.is_empty() || !p.as_bytes()[p.len() - 1].is_ascii_alphanumeric();
            if ok {
                return (q, p.len());
            }
        }
    }
    (Qualifier::Exact, i)
}

/// Look for the counted unit in the words after a figure. Returns the unit and
/// where its word ends.
fn unit_after(s: &str, lower: &str, e: usize) -> (Option<&'static str>, usize) {
    let mut k = e;
    for _ in 0..8 {
        // Stop at punctuation that ends the phrase.
        // (Spaces are ASCII: passed by bytes.)
        let trimmed = &s[skip_spaces(s.as_bytes(), k)..];
        // "9,212 No. 409 blast mines": past the model's number.
        if let Some(r) = trimmed.strip_prefix("No. ") {
            let n = r.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=4).contains(&n) {
                k = s.len() - r.len() + n;
                continue;
            }
        }
        // "78 mine/explosive remnants of war (ERW) casualties": past an acronym in
        // parentheses.
        if let Some(r) = trimmed.strip_prefix('(') {
            let n = r.bytes().take_while(u8::is_ascii_uppercase).count();
            if (2..=6).contains(&n) && r[n..].starts_with(')') && k > e {
                k = s.len() - r.len() + n + 1;
                continue;
            }
        }
        // (By the first byte, and the em dash by its three.)
        let tb = trimmed.as_bytes();
        if matches!(tb.first(), Some(b',' | b';' | b':' | b'(' | b'.' | b'['))
            || tb.starts_with("\u{2014}".as_bytes())
        {
            break;
        }
        // "nine of the casualties", "12 of these mines": a part of what follows, in
        // its unit.
        if k == e {
            let lt = &lower[skip_spaces(lower.as_bytes(), k)..];
            if let Some(r) = ["of the ", "of these ", "of those ", "of all "]
                .iter()
                .find_map(|p| lt.strip_prefix(p))
            {
                let at = lower.len() - r.len();
                if let Some((a, z)) = next_word(lower, at) {
                    // A plural count ("of the casualties"), not "Article 3 of the Mine
                    // Ban Treaty".
                    let w = &lower[a..z];
                    if a == at && (w.ends_with('s') || w == "people") {
                        if let Some(u) = unit_of_word(w) {
                            return (Some(u), z);
                        }
                    }
                }
            }
        }
        let Some((ws, we)) = next_word(lower, k) else {
            break;
        };
        if ws > k + 3 {
            break;
        }
        let w = &lower[ws..we];
        // "Three accidents caused four deminer casualties": another figure starts
        // another phrase.
        // (Only a word starting with one of the number words' first letters is asked.)
        if ws > e
            && matches!(w.as_bytes()[0], b'o' | b't' | b'f' | b's' | b'e' | b'n')
            && starts_number_word(lower, ws)
        {
            break;
        }
        if w.as_bytes()[0].is_ascii_digit() && digits_at(lower, ws).is_some_and(|(_, z)| z == we) {
            // A model's number after its letters ("4,744 NR 413 fragmentation mines",
            // "9,212 No. 409 blast mines") is part of the noun phrase.
            let prev = s[..ws].trim_end().rsplit(' ').next().unwrap_or("");
            let model = prev == "No."
                || (2..=4).contains(&prev.len()) && prev.bytes().all(|b| b.is_ascii_uppercase());
            if !(model && we - ws <= 4 && ws > e + 1) {
                break;
            }
            k = we;
            continue;
        }
        if let Some(u) = unit_of_word(w) {
            // "45 mine casualties", "12 landmine victims": people, not mines.
            if matches!(w, "mine" | "landmine" | "mine-related") {
                if let Some((a, z)) = next_word(lower, we) {
                    if a <= we + 1 && unit_of_word(&lower[a..z]) == Some("people") {
                        return (Some("people"), z);
                    }
                    // "45,579 mine fuzes", "300 mine components": parts, not mines.
                    if a <= we + 1
                        && [
                            "fuze",
                            "fuzes",
                            "fuse",
                            "fuses",
                            "detonator",
                            "detonators",
                            "component",
                            "components",
                            "part",
                            "parts",
                            "casings",
                        ]
                        .contains(&&lower[a..z])
                    {
                        return (None, e);
                    }
                }
            }
            return (Some(u), we);
        }
        // "square kilometers"
        if w == "square" {
            if let Some((a, z)) = next_word(lower, we) {
                let n = &lower[a..z];
                if n.starts_with("kilomet") {
                    return (Some("km2"), z);
                }
                if n.starts_with("met") {
                    return (Some("m2"), z);
                }
            }
        }
        // "78 mine/explosive remnants of war (ERW) casualties": one compound.
        if w.ends_with("/explosive") {
            if let Some(r) = lower[we..].strip_prefix(" remnants of war") {
                k = lower.len() - r.len();
                continue;
            }
        }
        // "anti-personnel" compounds: a word like "mines," handled by next_word's stop.
        if is_stop_word(w) {
            break;
        }
        k = we;
    }
    (None, e)
}

/// The first byte at or after `k` that is not a space.
fn skip_spaces(b: &[u8], mut k: usize) -> usize {
    while k < b.len() && b[k] == b' ' {
        k += 1;
    }
    k
}

/// How precise a date mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A date found in text.
#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl DateMention {
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
    /// ISO 8601 at the precision written: "2020-01-31", "2019-12", "1997".
    pub fn iso(&self) -> String {
        let mut out = String::with_capacity(10);
        self.iso_into(&mut out);
        out
    }
    /// [`Self::iso`] written at the end of `out`.
    pub fn iso_into(&self, out: &mut String) {
        let small = (0..=9999).contains(&self.year)
            && self.month.is_none_or(|m| m < 100)
            && self.day.is_none_or(|d| d < 100);
        if !small {
            use std::fmt::Write;
            let _ = match (self.month, self.day) {
                (Some(m), Some(d)) => write!(out, "{:04}-{:02}-{:02}", self.year, m, d),
                (Some(m), None) => write!(out, "{:04}-{:02}", self.year, m),
                _ => write!(out, "{:04}", self.year),
            };
            return;
        }
        // The usual case, digit by digit, without the formatting machinery.
        let digit = |out: &mut String, v: u32| out.push(char::from(b'0' + (v % 10) as u8));
        let y = self.year as u32;
        digit(out, y / 1000);
        digit(out, y / 100);
        digit(out, y / 10);
        digit(out, y);
        for v in [self.month, self.day].into_iter().map_while(|v| v) {
            out.push('-');
            digit(out, v as u32 / 10);
            digit(out, v as u32);
        }
    }
    /// The full date, when the day is given.
    pub fn date(&self) -> Option<Date> {
        Date::new(self.year, self.month? as u32, self.day? as u32).ok()
    }
}

/// A full date mention from `start` to `end`, if the day as written exists in that
/// month and year.
fn day_month_year(
    start: usize,
    end: usize,
    day: &str,
    month: u8,
    year: i32,
) -> Option<DateMention> {
    let d: u32 = day.parse().unwrap_or(0);
    Date::new(year, month as u32, d)
        .is_ok()
        .then_some(DateMention {
            start,
            end,
            year,
            month: Some(month),
            day: Some(d as u8),
        })
}

fn year_at(s: &str, i: usize) -> Option<(i32, usize)> {
    let b = s.as_bytes();
    if i + 4 > b.len() || !b[i..i + 4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    // (A year glued to the word after it by a lost space is still the year: "the
    // 75 casualties identified in 2015were ..."; not "1990s", "2nd", a unit.)
    let glued_word = {
        let rest = &b[i + 4..];
        let n = rest.iter().take_while(|c| c.is_ascii_lowercase()).count();
        n >= 3
            && !rest.get(n).is_some_and(|c| c.is_ascii_alphanumeric())
            && !matches!(&rest[..n], b"sqm" | b"km2" | b"kms")
    };
    if !glued_word
        && b.get(i + 4)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'/')
    {
        return None;
    }
    if b.get(i + 4) == Some(&b',') && b.get(i + 5).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // "mid-2002" is a year; other hyphens join ranges and designations.
    let mid = i >= 4 && b[i - 1] == b'-' && b[i - 4..i - 1].eq_ignore_ascii_case(b"mid");
    if i > 0
        && !mid
        && (b[i - 1].is_ascii_alphanumeric()
            || matches!(b[i - 1], b'/' | b'[' | b'$' | b',' | b'.' | b'-'))
    {
        return None;
    }
    let y: i32 = s[i..i + 4].parse().ok()?;
    (1900..=2099).contains(&y).then_some((y, i + 4))
}

/// Find dates: "16 November 2020", "November 16, 2020", "December 2019", "1997".
pub fn dates(s: &str) -> Vec<DateMention> {
    let b = s.as_bytes();
    dates_from(s, (0..b.len()).filter(|&i| date_start(b, i)))
}

/// The date written at the very start of `s`, if any (what `dates(s)` gives first
/// when it starts at 0).
pub(crate) fn date_at_start(s: &str) -> Option<DateMention> {
    if s.is_empty() || !date_start(s.as_bytes(), 0) {
        return None;
    }
    date_at(s, 0).0
}

/// Whether a date can start at `i`: a digit or a month's capital at a word start
/// (the start of a run of ASCII letters and digits).
pub(crate) fn date_start(b: &[u8], i: usize) -> bool {
    let c = b[i];
    (c.is_ascii_digit() || matches!(c, b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D'))
        && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
}

/// [`dates`] from the places where one may start, in increasing order: every place
/// where [`date_start`] holds must be among them (others are passed over).
pub(crate) fn dates_from(s: &str, starts: impl IntoIterator<Item = usize>) -> Vec<DateMention> {
    // (Room for a few at once: the first date found would allocate anyway.)
    let mut out: Vec<DateMention> = Vec::with_capacity(4);
    dates_from_into(s, starts, &mut out);
    out
}

/// [`dates_from`], the dates added to `out`.
pub(crate) fn dates_from_into(
    s: &str,
    starts: impl IntoIterator<Item = usize>,
    out: &mut Vec<DateMention>,
) {
    let b = s.as_bytes();
    let mut next = 0;
    for i in starts {
        if i < next || !date_start(b, i) {
            continue;
        }
        let (d, n) = date_at(s, i);
        out.extend(d);
        next = n;
    }
}

/// The date starting at `i` (a place where [`date_start`] holds), if any, and where
/// to look next.
fn date_at(s: &str, i: usize) -> (Option<DateMention>, usize) {
    let b = s.as_bytes();
    // day month year
    if b[i].is_ascii_digit() {
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j - i <= 2 && b.get(j) == Some(&b' ') {
            if let Some((ms, me)) = next_word(s, j) {
                if let Some(m) =
                    minewatch_model::month_from_name(&s[ms..me]).filter(|_| me - ms >= 3)
                {
                    let mut k = me;
                    if b.get(k) == Some(&b'.') {
                        k += 1;
                    }
                    if b.get(k) == Some(&b' ') {
                        if let Some((y, ye)) = year_at(s, k + 1) {
                            if let Some(d) = day_month_year(i, ye, &s[i..j], m, y) {
                                return (Some(d), ye);
                            }
                        }
                    }
                }
            }
        }
        if let Some((y, ye)) = year_at(s, i) {
            let d = DateMention {
                start: i,
                end: ye,
                year: y,
                month: None,
                day: None,
            };
            return (Some(d), ye);
        }
        return (None, j);
    }
    if matches!(b[i], b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D') {
        if let Some((ms, me)) = next_word(s, i) {
            if let Some(m) =
                minewatch_model::month_from_name(&s[ms..me]).filter(|_| me - ms >= 3 && ms == i)
            {
                let mut k = me;
                if b.get(k) == Some(&b'.') {
                    k += 1;
                }
                // Month D, YYYY
                if b.get(k) == Some(&b' ') && b.get(k + 1).is_some_and(u8::is_ascii_digit) {
                    let mut j = k + 1;
                    while j < b.len() && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    if j - (k + 1) <= 2 && s[j..].starts_with(", ") {
                        if let Some((y, ye)) = year_at(s, j + 2) {
                            if let Some(d) = day_month_year(i, ye, &s[k + 1..j], m, y) {
                                return (Some(d), ye);
                            }
                        }
                    }
                    if let Some((y, ye)) = year_at(s, k + 1) {
                        // "May" is also a verb: demand a capital and a year right after.
                        let d = DateMention {
                            start: i,
                            end: ye,
                            year: y,
                            month: Some(m),
                            day: None,
                        };
                        return (Some(d), ye);
                    }
                }
            }
            return (None, me.max(i + 1));
        }
    }
    (None, next_boundary(s, i))
}

/// Format a number for display and comparison: integers without a decimal part.
pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    /// `quantities_from` as it was, every start read in full (no first-byte table).
    fn quantities_from_reference(s: &str, lower: &str) -> Vec<super::Quantity> {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut next = 0;
        for i in 0..s.len() {
            if i < next || i >= b.len() || !s.is_char_boundary(i) {
                continue;
            }
            let c = match b[i] {
                c if i == 0 && c.is_ascii_uppercase() && c != b'U' => c.to_ascii_lowercase(),
                c => c,
            };
            if c.is_ascii_alphabetic() && i > 0 && b[i - 1].is_ascii_alphanumeric() {
                continue;
            }
            if matches!(c, b'o' | b't' | b'f' | b's' | b'e' | b'n')
                && !super::starts_number_word(lower, i)
            {
                continue;
            }
            if !(c.is_ascii_digit()
                || c == b'$'
                || c == 0xE2
                || c == 0xC2
                || matches!(c, b'u' | b'U') && lower.as_bytes()[i..].starts_with(b"us$")
                || matches!(c, b'o' | b't' | b'f' | b's' | b'e' | b'n'))
            {
                continue;
            }
            let (q, n) = super::quantity_at(s, lower, i);
            out.extend(q);
            next = n;
        }
        out
    }

    proptest::proptest! {
        /// The figures found past the first-byte table are those found without it.
        #[test]
        fn quantities_as_without_first_byte_table(
            text in "((Five|One|US\\$|us\\$|\\$|\u{20ac}|\u{a3}|one|two|seven|eight|nine|ten|thousand|1997|12|3,400|0\\.5|x|E|N|\u{e9})( |  |-|, |/)(mines|people|killed|million|units|x|)(\\. |, | |)){0,6}"
        ) {
            let lower = text.to_ascii_lowercase();
            proptest::prop_assert_eq!(
                super::quantities_from(&text, &lower, 0..text.len()),
                quantities_from_reference(&text, &lower),
                "{:?}", text
            );
        }
    }

    proptest::proptest! {
        /// A figure's value is what parsing its digits (without the separators) gives,
        /// whether summed as an integer or parsed.
        #[test]
        fn digits_as_parsed(
            text in "[0-9]{1,22}(,[0-9]{3}){0,6}(\\.[0-9]{1,4})?[ a-z,.]{0,3}"
        ) {
            let got = super::digits_at(&text, 0);
            let (v, e) = got.expect("digits");
            let want: f64 = text[..e].replace(',', "").parse().expect("a number");
            proptest::prop_assert_eq!(v.to_bits(), want.to_bits(), "{}", text);
        }
    }

    proptest::proptest! {
        /// A date's ISO form written digit by digit is what the formatter writes.
        #[test]
        fn iso_as_formatted(
            year in proptest::prop_oneof![-20_000i32..20_000, proptest::num::i32::ANY],
            month in proptest::option::of(proptest::prop_oneof![1u8..13, proptest::num::u8::ANY]),
            day in proptest::option::of(proptest::prop_oneof![1u8..32, proptest::num::u8::ANY]),
        ) {
            let d = super::DateMention { start: 0, end: 0, year, month, day };
            let want = match (month, day) {
                (Some(m), Some(dd)) => format!("{:04}-{:02}-{:02}", year, m, dd),
                (Some(m), None) => format!("{:04}-{:02}", year, m),
                _ => format!("{:04}", year),
            };
            proptest::prop_assert_eq!(d.iso(), want);
        }
    }

    proptest::proptest! {
        /// The word's start read back by bytes is where the search of chars puts it.
        #[test]
        fn word_start_as_by_chars(before in "[a-z.( \t\x0b\"\u{201c}\u{201d}\u{a0}\u{2003}é]{0,12}") {
            let want = before
                .rfind(|c: char| c.is_whitespace() || c == '(' || c == '\u{201c}' || c == '"')
                .map(|p| p + before[p..].chars().next().map(char::len_utf8).unwrap_or(1))
                .unwrap_or(0);
            proptest::prop_assert_eq!(super::word_start(&before), want);
        }
    }

    /// [`super::next_word`] as first written, a byte test at a time.
    fn next_word_by_byte(s: &str, i: usize) -> Option<(usize, usize)> {
        let b = s.as_bytes();
        let mut k = i;
        while k < b.len() && b[k] == b' ' {
            k += 1;
        }
        let st = k;
        while k < b.len() {
            let c = b[k];
            if c < 0x80 {
                if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'/' | b'\'' | b'.') {
                    k += 1;
                    continue;
                }
                break;
            }
            let c = s[k..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() || matches!(c, '²' | '\u{2019}') {
                k += c.len_utf8();
            } else {
                break;
            }
        }
        while k > st && b[k - 1] == b'.' {
            k -= 1;
        }
        (k > st).then_some((st, k))
    }

    /// [`super::starts_number_word`] as first written: a search of [`super::SMALL`].
    fn starts_number_word_by_search(lower: &str, i: usize) -> bool {
        let b = lower.as_bytes();
        let mut j = i;
        while j < b.len() && b[j].is_ascii_lowercase() {
            j += 1;
        }
        let w = &lower[i..j];
        (3..=9).contains(&w.len()) && super::SMALL.iter().any(|(n, _)| *n == w)
    }

    /// [`super::hedge_before`] as first written: every hedge tried in turn.
    fn hedge_before_by_search(lower: &str, i: usize) -> (super::Qualifier, usize) {
        let before = lower[..i].trim_end_matches(' ');
        for (h, q) in super::HEDGES {
            if let Some(p) = before.strip_suffix(h) {
                if p.is_empty() || !p.as_bytes()[p.len() - 1].is_ascii_alphanumeric() {
                    return (*q, p.len());
                }
            }
        }
        (super::Qualifier::Exact, i)
    }

    /// Text made of the pieces the figure reader looks at: hedges, number words,
    /// word bytes and the characters that end words.
    fn reader_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just(" ".to_string()),
            Just("  ".to_string()),
            prop::sample::select(
                super::HEDGES
                    .iter()
                    .map(|h| h.0.to_string())
                    .collect::<Vec<_>>()
            ),
            prop::sample::select(
                super::SMALL
                    .iter()
                    .map(|h| h.0.to_string())
                    .collect::<Vec<_>>()
            ),
            "[a-z]{1,11}",
            "[A-Za-z0-9./'\\-]{1,4}",
            prop::sample::select(vec![
                "é", "²", "\u{2019}", "\u{201d}", "\u{a0}", "€", ",", ";", "(", "x-", "\u{4e00}",
            ])
            .prop_map(str::to_string),
        ];
        proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        /// The figure reader's word, number-word and hedge scanners answer as the
        /// plain versions do, at every character boundary.
        #[test]
        fn scanners_as_plain_versions(text in reader_text()) {
            let lower = text.to_ascii_lowercase();
            for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                proptest::prop_assert_eq!(super::next_word(&text, i), next_word_by_byte(&text, i), "{:?} at {}", text, i);
                proptest::prop_assert_eq!(
                    super::starts_number_word(&lower, i),
                    starts_number_word_by_search(&lower, i),
                    "{:?} at {}", lower, i
                );
                proptest::prop_assert_eq!(super::hedge_before(&lower, i), hedge_before_by_search(&lower, i), "{:?} at {}", lower, i);
            }
        }
    }

    proptest::proptest! {
        /// The percent check's trimming is `trim_start`'s.
        #[test]
        fn white_space_passed_as_trim_start_does(
            t in "[ \t\n\x0b\x0c\r\u{a0}\u{2003}\u{85}p%a]{0,8}"
        ) {
            proptest::prop_assert_eq!(super::after_white_space(&t), t.trim_start());
        }
    }

    use super::*;

    fn q(s: &str) -> Vec<Quantity> {
        quantities(s, &s.to_ascii_lowercase())
    }

    fn one(s: &str) -> (f64, Qualifier, Option<&'static str>) {
        let v = q(s);
        assert_eq!(v.len(), 1, "{s}: {v:?}");
        match v[0].num {
            Num::One(x) => (x, v[0].qualifier, v[0].unit_str()),
            Num::Range(..) => panic!("range"),
        }
    }

    #[test]
    fn number_forms() {
        assert_eq!(
            one("just more than 3 million anti-personnel mines"),
            (3e6, Qualifier::MoreThan, Some("mines"))
        );
        assert_eq!(
            one("approximately 10.4 million antipersonnel mines."),
            (10.4e6, Qualifier::Approximately, Some("mines"))
        );
        assert_eq!(
            one("the US used 117,634 antipersonnel mines"),
            (117_634.0, Qualifier::Exact, Some("mines"))
        );
        assert_eq!(
            one("for $120 million."),
            (120e6, Qualifier::Exact, Some("USD"))
        );
        assert_eq!(
            one("spent approximately 2 billion dollars to develop"),
            (2e9, Qualifier::Approximately, Some("USD"))
        );
        assert_eq!(
            one("destroyed ten thousand mines"),
            (1e4, Qualifier::Exact, Some("mines"))
        );
        assert_eq!(
            one("stockpile of twenty-five mines"),
            (25.0, Qualifier::Exact, Some("mines"))
        );
        assert_eq!(
            one("a stockpile of 3.37  million mines"),
            (3.37e6, Qualifier::Exact, Some("mines"))
        );
        assert_eq!(one("US$3 million"), (3e6, Qualifier::Exact, Some("USD")));
        let r = q("between 22-25 million antipersonnel mines");
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].num, Num::Range(22e6, 25e6));
        assert_eq!(r[0].qualifier, Qualifier::Range);
        assert_eq!(r[0].unit, Some("mines"));
        let e = q("a contribution of €4.45 million ($5 million) in 2019");
        assert_eq!(e[0].num, Num::One(4.45e6));
        assert_eq!(e[0].currency, Some("EUR"));
        assert_eq!(e[0].alt, Some((5e6, "USD")));
    }

    #[test]
    fn qualifiers() {
        let cases = [
            ("just more than 5 mines", Qualifier::MoreThan),
            ("more than 5 mines", Qualifier::MoreThan),
            ("over 5 mines", Qualifier::MoreThan),
            ("approximately 5 mines", Qualifier::Approximately),
            ("about 5 mines", Qualifier::Approximately),
            ("some 5 mines", Qualifier::Approximately),
            ("nearly 5 mines", Qualifier::Approximately),
            ("almost 5 mines", Qualifier::Approximately),
            ("at least 5 mines", Qualifier::AtLeast),
            ("less than 5 mines", Qualifier::LessThan),
            ("fewer than 5 mines", Qualifier::LessThan),
            ("up to 5 mines", Qualifier::AtMost),
            ("at most 5 mines", Qualifier::AtMost),
            ("exactly 5 mines", Qualifier::Exact),
            ("handsome 5 mines", Qualifier::Exact),
        ];
        for (s, want) in cases {
            assert_eq!(one(s).1, want, "{s}");
        }
    }

    #[test]
    fn not_figures() {
        assert!(q("Resolution 74/61 in 2019").is_empty());
        assert!(q("M692 Artillery Delivered Antipersonnel Mine [36]").is_empty());
        assert!(q("M16A1 and CBU-89/B Gator").is_empty());
        assert!(q("a detailed 12-page response by the early 2030s").is_empty());
        assert!(q("in 2009 and 2010, and between 1969 and 1992").is_empty());
        assert!(q("three pages of questions").is_empty());
        assert!(q("about 40% of mines").is_empty());
    }

    #[test]
    fn date_forms() {
        let d = dates("On 31 January 2020, and in December 2019, then November 16, 2020 and 1997; not 74/61 or 2030s.");
        let isos: Vec<String> = d.iter().map(|d| d.iso()).collect();
        assert_eq!(isos, vec!["2020-01-31", "2019-12", "2020-11-16", "1997"]);
        assert!(dates("we may 2020").is_empty() || dates("we may 2020")[0].month.is_none());
    }

    #[test]
    fn figures_from_word_starts_and_signs() {
        let cases = [
            "just more than 3 million anti-personnel mines and US$3 million (\u{20ac}4 million)",
            "a contribution of \u{20ac}4.45 million ($5 million) in 2019, \u{a3}12 and M16A1 x-12 mines",
            "between 22-25 million mines; ten thousand\u{2013}twenty mines, 74/61, 2030s, 12-page",
            "\u{e9}5 mines, caf\u{e9}s 7 mines, _9 mines, [36], ^4 mines, .5 mines, 1,234,567.5 people",
            "twenty-five people were killed, us$ 40 and US $50, some 11,000 mines in 2020",
        ];
        for s in cases {
            let l = s.to_ascii_lowercase();
            let b = s.as_bytes();
            let mut starts: Vec<usize> = (0..b.len())
                .filter(|&i| {
                    b[i].is_ascii_alphanumeric() && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
                })
                .collect();
            starts.extend(memchr::memchr3_iter(b'$', 0xE2, 0xC2, b));
            starts.sort_unstable();
            assert_eq!(quantities_from(s, &l, starts), quantities(s, &l), "{s}");
        }
    }

    /// A paragraph whose stops were lost is read in pieces of at most MAX_SENTENCE
    /// bytes, cut at spaces, that cover all of it.
    #[test]
    fn sentences_longer_than_any_real_one_are_read_in_pieces() {
        let s =
            "Poland ratified the treaty on 1 May 1999 and \u{201c}acceded\u{201d} ".repeat(2_000);
        let parts = sentences(&s);
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|&(a, b)| b - a <= MAX_SENTENCE && a < b));
        assert!(parts.windows(2).all(|w| w[0].1 <= w[1].0));
        let covered: String = parts
            .iter()
            .map(|&(a, b)| &s[a..b])
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(
            covered.split_whitespace().collect::<Vec<_>>(),
            s.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn sentence_splitting() {
        let s = "The U.S. Department said so.[3] It was present. Rear Adm. Kirby spoke, e.g. on mines. He said \u{201c}we stop. Then go.\u{201d} After that, No. 4 mines were found. End";
        let parts: Vec<&str> = sentences(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(
            parts,
            vec![
                "The U.S. Department said so.[3]",
                "It was present.",
                "Rear Adm. Kirby spoke, e.g. on mines.",
                "He said \u{201c}we stop. Then go.\u{201d}",
                "After that, No. 4 mines were found.",
                "End"
            ]
        );
        // A reference glued to the next sentence ends its own; a capital glued to a
        // full stop alone ("U.S.Army") does not.
        let s = "It entered into force on 1 March 1999.[3 ]The list of joiners follows. Then the U.S.Army left in 2011.In 2013 it came back.";
        let parts: Vec<&str> = sentences(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(
            parts,
            vec![
                "It entered into force on 1 March 1999.[3 ]",
                "The list of joiners follows.",
                "Then the U.S.Army left in 2011.",
                "In 2013 it came back."
            ]
        );
    }
}
