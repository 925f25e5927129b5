//! A note's citation split into its parts: author or body, title (in quotes),
//! place or publisher, dates, URL, "undated", and whether its link was lost.

use minewatch_model::month_from_name;
#[cfg(test)]
use minewatch_model::month_of_prefix;

use crate::model::Citation;

/// Cities that stand as the place in profile citations.
const PLACES: &[&str] = &[
    "Geneva",
    "New York",
    "Washington",
    "Washington, DC",
    "Washington DC",
    "Oslo",
    "Maputo",
    "Cartagena",
    "Ottawa",
    "Vienna",
    "Brussels",
    "London",
    "Paris",
    "Beirut",
    "Bangkok",
    "Kabul",
    "Phnom Penh",
    "Nairobi",
    "Dubrovnik",
    "Lausanne",
    "Santiago",
    "Canberra",
    "Tokyo",
    "Moscow",
    "Beijing",
    "Seoul",
    "Kyiv",
    "Baghdad",
    "Amman",
    "Colombo",
    "Belgrade",
    "Zagreb",
    "Sarajevo",
    "Addis Ababa",
    "Luanda",
    "Harare",
    "Yangon",
    "Naypyidaw",
];

fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (1900..=2100).contains(&w.parse::<u32>().unwrap_or(0))
}

fn is_day(w: &str) -> bool {
    let w = w.trim_end_matches(',');
    !w.is_empty()
        && w.len() <= 2
        && w.bytes().all(|b| b.is_ascii_digit())
        && (1..=31).contains(&w.parse::<u32>().unwrap_or(0))
}

/// Dates as written: "27 February 2004", "July 1997", "April 17, 2009".
pub fn find_dates(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // Only a word whose cleaned form starts with a month's capital can start a date,
    // and a month's name only if its first three bytes begin one: those capitals are
    // looked for, not every word listed.
    let mut p = 0;
    while let Some(i) = next_month_capital(b, p) {
        p = i + 1;
        // The capital must start the word once cleaned: only white space, or the
        // characters `clean` takes off, stand between it and the word's start.
        let mut ws = i;
        while let Some(c) = text[..ws].chars().next_back() {
            if !is_clean_char(c) {
                break;
            }
            ws -= c.len_utf8();
        }
        if text[..ws]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
        {
            continue;
        }
        let we = next_where(text, i, true).unwrap_or(text.len());
        let word = &text[ws..we];
        let w = clean(word);
        // A month name starts with a capital (A, D, F, J, M, N, O, S) and has 3 to 10 letters.
        if !((3..=10).contains(&w.len()) && month_from_name(w).is_some()) {
            continue;
        }
        let next_word = word_after(text, we);
        let next2_word = next_word.and_then(|(_, e)| word_after(text, e));
        let prev = word_before(text, ws);
        let at = |x: Option<(usize, usize)>| x.map_or("", |(s, e)| clean(&text[s..e]));
        let (next, next2) = (at(next_word), at(next2_word));
        // A day before the month (not followed by a comma), then a year; a date's last
        // word is a year, never a day, so the word before may be a date's.
        let prev_day =
            prev.is_some_and(|(s, e)| is_day(clean(&text[s..e])) && !text[s..e].ends_with(','));
        let (first, last) = if prev_day && is_year(next) {
            (prev, next_word)
        } else if is_day(next) && is_year(next2) {
            (Some((ws, we)), next2_word)
        } else if is_year(next) {
            (Some((ws, we)), next_word)
        } else {
            continue;
        };
        let (Some((s, _)), Some((ls, le))) = (first, last) else {
            continue;
        };
        out.push(text[s..ls + clean_len(&text[ls..le])].to_string());
        // Go on after the date's last word.
        p = le;
    }
    out
}

/// Whether the three bytes at `i` begin a month's name in any ASCII case
/// ([`month_of_prefix`] finds a month), as one compare of the three bytes: most
/// capitals of a note begin no month ("Ministry", "Statement"). Setting bit 0x20 of
/// each byte lowers a capital and turns no other byte into a lower-case letter.
#[inline]
fn month_prefix_at(b: &[u8], i: usize) -> bool {
    const fn key(m: &[u8]) -> u32 {
        u32::from_le_bytes([m[0], m[1], m[2], 0])
    }
    const KEYS: [u32; 12] = {
        let mut k = [0u32; 12];
        let mut m = 0;
        while m < 12 {
            k[m] = key(minewatch_model::MONTH_NAMES[m].as_bytes()) | 0x0020_2020;
            m += 1;
        }
        k
    };
    let Some(x) = b.get(i..i + 3) else {
        return false;
    };
    KEYS.contains(&(key(x) | 0x0020_2020))
}

/// Whether `c` is a capital a month's name starts with.
#[inline]
fn month_capital(c: u8) -> bool {
    matches!(c, b'A' | b'D' | b'F' | b'J' | b'M' | b'N' | b'O' | b'S')
}

/// The first byte at or after `p` that is a capital a month's name starts with,
/// beginning a month's name's first three letters ([`month_prefix_at`]): eight bytes
/// a step, their capitals found as a bit mask (most bytes of a note are no capital),
/// each capital then tested (most capitals begin no month: the scan goes on past
/// them, not started again after each).
fn next_month_capital(b: &[u8], mut p: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(c) = b.get(p..p + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        // The high bit of each byte in 'A'..='Z' (with the high bit set, a byte minus
        // the bound never borrows from the next; bytes of 0x80 and above are masked).
        let y = x | HIGH;
        let ge_a = y.wrapping_sub(ONES * b'A' as u64);
        let gt_z = y.wrapping_sub(ONES * (b'Z' as u64 + 1));
        let mut caps = ge_a & !gt_z & !x & HIGH;
        while caps != 0 {
            let k = p + (caps.trailing_zeros() / 8) as usize;
            if month_capital(b[k]) && month_prefix_at(b, k) {
                return Some(k);
            }
            caps &= caps - 1;
        }
        p += 8;
    }
    (p..b.len()).find(|&k| month_capital(b[k]) && month_prefix_at(b, k))
}

/// A character [`clean`] takes off the ends of a word.
fn is_clean_char(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ')' | '(' | '\u{201d}' | '"')
}

/// The next word (between white space) at or after byte `from`, as a byte range.
fn word_after(text: &str, from: usize) -> Option<(usize, usize)> {
    let s = next_where(text, from, false)?;
    Some((s, next_where(text, s, true).unwrap_or(text.len())))
}

/// The first character at or after byte `from` (a character boundary) that is white
/// space (`ws`) or is not: the bytes looked at one by one while they are ASCII (as
/// `char::is_whitespace` has it), the characters from the first beyond ASCII on.
#[inline]
fn next_where(text: &str, from: usize, ws: bool) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() && b[i] < 0x80 {
        if matches!(b[i], b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') == ws {
            return Some(i);
        }
        i += 1;
    }
    // `i` is the text's end or the start of a character beyond ASCII.
    text[i..]
        .find(|c: char| c.is_whitespace() == ws)
        .map(|k| i + k)
}

/// The word (between white space) that ends before byte `before`, as a byte range.
fn word_before(text: &str, before: usize) -> Option<(usize, usize)> {
    let e = text[..before].trim_end().len();
    if e == 0 {
        return None;
    }
    let s = text[..e]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(k, c)| k + c.len_utf8());
    Some((s, e))
}

fn clean(w: &str) -> &str {
    w.trim_matches(is_clean_char)
}

fn clean_len(w: &str) -> usize {
    w.trim_end_matches([',', '.', ';', ')', '\u{201d}', '"'])
        .len()
}

fn find_url(text: &str) -> Option<String> {
    // A link is a token with a slash, or one that starts "www." once trimmed: only the
    // tokens around a slash or a "www." are looked at, in order (as
    // [`find_url_in_tokens`] looks at every token).
    let b = text.as_bytes();
    let mut done = 0;
    for i in memchr::memchr3_iter(b'/', b'w', b'W', b) {
        if i < done
            || b[i] != b'/' && !(b.len() - i >= 4 && b[i..i + 4].eq_ignore_ascii_case(b"www."))
        {
            continue;
        }
        // `i` is an ASCII byte, so a character boundary.
        let start = text[..i]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let end = text[i..]
            .find(char::is_whitespace)
            .map_or(b.len(), |k| i + k);
        if let Some(url) = url_token(&text[start..end]) {
            return Some(url);
        }
        done = end;
    }
    None
}

/// The first token of `text` that is a link (the plain form of [`find_url`]).
#[cfg(test)]
fn find_url_in_tokens(text: &str) -> Option<String> {
    text.split_whitespace().find_map(url_token)
}

/// The link a token (between white space) is, without the marks around it.
fn url_token(w: &str) -> Option<String> {
    // A Markdown link's target: "Report](https://example.org/a7),".
    let w = w.rsplit_once("](").map_or(w, |(_, target)| target);
    let w = w.trim_start_matches([',', ';', '(', ')', '<', '>', '"']);
    // (Marks and a sentence's full stop, in any order: "(https://example.org/a).")
    let w = w.trim_end_matches([',', ';', '(', ')', '<', '>', '"', '.']);
    // Only a token with a slash or a "www." can be a link: skip the rest unallocated.
    let linkish =
        w.contains('/') || (w.len() > 4 && w.as_bytes()[..4].eq_ignore_ascii_case(b"www."));
    if !linkish {
        return None;
    }
    let lower = w.to_ascii_lowercase();
    let schemeless = lower.starts_with("www.") || {
        // "bit.ly/x", "example.org/path": a dotted host then a slash.
        match lower.find('/') {
            Some(slash) => {
                let host = &lower[..slash];
                host.contains('.')
                    && host
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
                    && slash + 1 < lower.len()
            }
            None => false,
        }
    };
    (lower.starts_with("http://") || lower.starts_with("https://") || schemeless)
        .then(|| w.to_string())
}

/// Whether the note's link looks stripped: it ends with ",." or a bare comma.
pub fn lost_link(text: &str) -> bool {
    let t = crate::reader::trim_end_ws(text);
    t.ends_with(",.") || t.ends_with(',') || t.ends_with(", .")
}

/// The author or body, from the text before the title; `None` where that text
/// reads as a sentence (an explanatory note) rather than a name.
fn plausible_author(before: &str) -> Option<String> {
    let mut a = trim_field(before);
    for lead in ["See also,", "See also", "See,", "See"] {
        if let Some(rest) = a.strip_prefix(lead) {
            if rest.starts_with([' ', ',']) || rest.is_empty() {
                a = rest.trim_start_matches([',', ' ']);
                break;
            }
        }
    }
    if let Some(p) = rfind_cited_in(a.as_bytes()) {
        a = &a[p + "cited in ".len()..];
    }
    let a = trim_field(a);
    let sentence_start = [
        "In ",
        "On ",
        "Since ",
        "Beginning",
        "The ",
        "At ",
        "As ",
        "According",
        "For ",
        "From ",
    ];
    if a.is_empty()
        || a.ends_with('.')
        || sentence_start.iter().any(|s| a.starts_with(s))
        || a.ends_with(" on")
        || a.ends_with(" by")
    {
        return None;
    }
    // More than 14 words, or a year among them: a sentence, not a name (one pass,
    // stopping at the first sign).
    if more_than_14_words_or_a_year(a) {
        return None;
    }
    Some(a.to_string())
}

/// A field of a citation without the white space around it and the commas that end
/// it: `s.trim().trim_end_matches(',').trim()`. Read byte by byte where the ends are
/// ASCII (as they nearly always are); where a trim stops at a character beyond ASCII,
/// which may be white space, the plain trims decide.
fn trim_field(s: &str) -> &str {
    // The white space of ASCII (as `char::is_whitespace` has it).
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && ws(b[i]) {
        i += 1;
    }
    let mut j = b.len();
    while j > i && ws(b[j - 1]) {
        j -= 1;
    }
    while j > i && b[j - 1] == b',' {
        j -= 1;
    }
    while j > i && ws(b[j - 1]) {
        j -= 1;
    }
    // (A trim that stopped beyond ASCII stopped every trim after it there too.)
    if i < j && (b[i] >= 0x80 || b[j - 1] >= 0x80) {
        return s.trim().trim_end_matches(',').trim();
    }
    // Both ends are ASCII bytes: character boundaries.
    &s[i..j]
}

/// Where the last "cited in " of `b` starts. Found from its 'd', the one of the
/// phrase, looked for from the end with `memrchr`: an author is short and has few.
fn rfind_cited_in(b: &[u8]) -> Option<usize> {
    const PHRASE: &[u8] = b"cited in ";
    memchr::memrchr_iter(b'd', b)
        .filter_map(|i| i.checked_sub(4))
        .find(|&p| b[p..].starts_with(PHRASE))
}

/// Whether `a` has more than 14 words (between white space), or a year among them:
/// a sentence, not a name. One pass, stopping at the first sign; ASCII text without
/// decoding it.
fn more_than_14_words_or_a_year(a: &str) -> bool {
    if !a.is_ascii() {
        return a
            .split_whitespace()
            .enumerate()
            .any(|(i, w)| i >= 14 || is_year(w));
    }
    // The white space of ASCII text (as `split_whitespace` has it).
    let ws = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r');
    let b = a.as_bytes();
    // Without a digit there is no year: the words are counted eight bytes a step.
    if let Some(words) = ascii_words_without_digits(b) {
        return words > 14;
    }
    let (mut i, mut words) = (0, 0);
    loop {
        while i < b.len() && ws(b[i]) {
            i += 1;
        }
        if i == b.len() {
            return false;
        }
        let start = i;
        while i < b.len() && !ws(b[i]) {
            i += 1;
        }
        // ASCII bytes throughout: the word is whole characters.
        if words >= 14 || is_year(&a[start..i]) {
            return true;
        }
        words += 1;
    }
}

/// The number of words (between ASCII white space) of ASCII bytes `b`, or `None` if
/// `b` has an ASCII digit. Eight bytes a step: each byte's class as the high bit of
/// its byte (ASCII bytes below 0x80, so no sum carries into the next byte), a word
/// starting at each byte that is no white space after one that is.
fn ascii_words_without_digits(b: &[u8]) -> Option<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // The high bit of each byte of ASCII `x` that is at least `n`.
    let at_least = |x: u64, n: u8| x + ONES * (0x80 - n as u64);
    let mut words = 0;
    // Whether the byte before the step is white space (before the text: as if).
    let mut after_ws = true;
    for chunk in b.chunks(8) {
        // Short at the end: padded with spaces, which add no word and no digit.
        let mut w = [b' '; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        let digits = at_least(x, b'0') & !at_least(x, b'9' + 1) & HIGH;
        if digits != 0 {
            return None;
        }
        // A space: no bit left once XORed with 0x20 (zero plus 0x7f leaves high bit clear).
        let space = !at_least(x ^ (ONES * 0x20), 1) & HIGH;
        let controls = at_least(x, b'\t') & !at_least(x, b'\r' + 1) & HIGH;
        let ws = space | controls;
        let before_ws = (ws << 8) | if after_ws { 0x80 } else { 0 };
        words += (!ws & before_ws & HIGH).count_ones() as usize;
        after_ws = ws >> 63 != 0;
    }
    Some(words)
}

/// Whether `word` (ASCII, lowercase) stands in `text` as a whole word, in any ASCII
/// case: between characters that are not alphanumeric (or the ends of the text).
fn has_word(text: &str, word: &str) -> bool {
    let (b, w) = (text.as_bytes(), word.as_bytes());
    memchr::memchr2_iter(w[0], w[0].to_ascii_uppercase(), b).any(|i| {
        // `i` and `i + w.len()` fall on ASCII bytes: both are character boundaries.
        b.len() - i >= w.len()
            && b[i..i + w.len()].eq_ignore_ascii_case(w)
            && text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
            && text[i + w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// `s` with each Markdown link `[text](target)` read as its text ("[Article 7
/// Report](https://...)" is titled "Article 7 Report"; its target is the note's link).
fn link_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let link = after.find("](").and_then(|k| {
            let text = &after[..k];
            let target = &after[k + 2..];
            (!text.contains(['[', ']']))
                .then(|| target.find(')').map(|e| (text, k + 2 + e + 1)))
                .flatten()
        });
        match link {
            Some((text, used)) => {
                out.push_str(&rest[..open]);
                out.push_str(text);
                rest = &after[used..];
            }
            None => {
                out.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn parse(text: &str) -> Citation {
    let mut c = Citation {
        url: find_url(text),
        lost_link: lost_link(text),
        ..Citation::default()
    };
    c.undated = has_word(text, "undated");
    c.dates = find_dates(text);
    // The title: the first text in curly or straight double quotes.
    // The first straight quote or U+201C (its UTF-8 starts with 0xE2).
    let open_quote = memchr::memchr2_iter(b'"', 0xE2, text.as_bytes())
        .find(|&i| text.as_bytes()[i] == b'"' || text[i..].starts_with('\u{201c}'));
    let quote = open_quote.and_then(|open| {
        let close_ch = if text[open..].starts_with('\u{201c}') {
            '\u{201d}'
        } else {
            '"'
        };
        let inner = open + text[open..].chars().next().map(char::len_utf8).unwrap_or(1);
        text[inner..]
            .find(close_ch)
            .map(|k| (open, inner, inner + k, inner + k + close_ch.len_utf8()))
    });
    if let Some((open, inner, close, after)) = quote {
        let title = trim_field(&text[inner..close]);
        if !title.is_empty() {
            c.title = Some(link_text(title));
        }
        c.author = plausible_author(&text[..open]);
        // After the title: place or publisher, then the date.
        let rest = text[after..].trim_start_matches([',', ' ']);
        let mut seg = rest;
        for d in &c.dates {
            if let Some(p) = memchr::memmem::find(seg.as_bytes(), d.as_bytes()) {
                seg = &seg[..p];
                break;
            }
        }
        let seg = trim_field(seg);
        if !seg.is_empty() && seg.len() <= 80 {
            let first_field = seg.split(',').next().unwrap_or("").trim();
            if PLACES
                .iter()
                .any(|p| seg.eq_ignore_ascii_case(p) || first_field.eq_ignore_ascii_case(p))
            {
                c.place = Some(seg.to_string());
            }
        }
    } else {
        // The first of two or more comma-separated fields.
        if let Some((first, _)) = text.split_once(',') {
            c.author = plausible_author(first.trim());
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_a_state_department_citation() {
        let c = parse("See, Ministry of Examples, \u{201c}Fact Sheet: A Policy on Mines,\u{201d} Washington, DC, 27 February 2004.");
        assert_eq!(c.author.as_deref(), Some("Ministry of Examples"));
        assert_eq!(c.title.as_deref(), Some("Fact Sheet: A Policy on Mines"));
        assert_eq!(c.place.as_deref(), Some("Washington, DC"));
        assert_eq!(c.dates, vec!["27 February 2004"]);
        assert!(!c.lost_link && !c.undated);
    }

    #[test]
    fn an_author_is_not_a_sentence_whatever_the_white_space() {
        let words = |n: usize, sep: &str| vec!["Word"; n].join(sep);
        assert!(plausible_author(&words(14, " ")).is_some());
        assert!(
            plausible_author(&words(15, " ")).is_none(),
            "more than 14 words"
        );
        assert!(
            plausible_author(&words(15, "\x0B")).is_none(),
            "vertical tab"
        );
        assert!(
            plausible_author(&words(15, "\u{a0}")).is_none(),
            "no-break space"
        );
        assert!(
            plausible_author(&words(15, "\u{1f}")).is_some(),
            "not white space"
        );
        assert!(
            plausible_author("Ministry of Examples\x0C2004").is_none(),
            "a year"
        );
        assert!(plausible_author("Ministry of Examples\u{2003}2004").is_none());
        assert!(plausible_author("Ministry of Examples2004").is_some());
    }

    /// A note written in Markdown: its link's text is the title, its target the link.
    #[test]
    fn a_markdown_link_gives_the_title_its_text_and_the_note_its_link() {
        let c = parse("Ministry of Defence, \"[Annual Report 2019](https://example.org/r.pdf),\" Vilnius, 4 May 2020.");
        assert_eq!(c.title.as_deref(), Some("Annual Report 2019"));
        assert_eq!(c.url.as_deref(), Some("https://example.org/r.pdf"));
        assert_eq!(c.author.as_deref(), Some("Ministry of Defence"));
        let c = parse("Statement, 2 May 2020, [online](http://example.org/s).");
        assert_eq!(c.url.as_deref(), Some("http://example.org/s"));
        // Brackets that are no link stay as they are.
        assert_eq!(link_text("[sic] and [a](b"), "[sic] and [a](b");
        assert_eq!(link_text("a [b](c) d [e](f)"), "a b d e");
    }

    #[test]
    fn lost_links_and_urls() {
        assert!(
            parse("A. Writer, \u{201c}A title,\u{201d} Some News, 31 January 2020,.").lost_link
        );
        assert!(parse("Meetings in Geneva, most recently in June 2020,").lost_link);
        let c = parse("Letter, 6 May 2020, bit.ly/SomeLetter2020.");
        assert_eq!(c.url.as_deref(), Some("bit.ly/SomeLetter2020"));
        assert!(!c.lost_link);
        assert!(parse("Body, \u{201c}Title,\u{201d} undated.").undated);
        assert_eq!(
            parse("x https://example.org/a.pdf.").url.as_deref(),
            Some("https://example.org/a.pdf")
        );
    }

    #[test]
    fn regression_url_probe_on_a_multibyte_token_does_not_split_a_character() {
        // "“Ann" has a 3-byte quotation mark: byte 4 is inside the next character.
        let c = parse("\u{201c}Announcement,\u{201d} \u{00e9}t\u{00e9} 2020, www.example.org/x.");
        assert_eq!(c.url.as_deref(), Some("www.example.org/x"));
    }

    proptest::proptest! {
        /// The quick tests give what the plain ones gave: "undated" as a whole word
        /// (the text split at every non-alphanumeric character), and the first link
        /// (every token looked at, with no check of the whole text first).
        #[test]
        fn quick_word_and_link_tests_agree_with_the_plain_ones(
            text in "(undated|UnDated|xundated|undatedx|9undated|\u{e9}undated|undated\u{e9}|[ ,.;/()]|www\\.|WwW\\.|wwx|https://a\\.b/c|bit\\.ly/x|[a-z]{1,5}|\u{201c}|\u{a0}|\u{2003}){0,14}"
        ) {
            let plain = text
                .split(|ch: char| !ch.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case("undated"));
            proptest::prop_assert_eq!(has_word(&text, "undated"), plain);
            proptest::prop_assert_eq!(find_url(&text), find_url_in_tokens(&text));
        }
    }

    /// The dates as the plain form finds them: every word listed first, each month
    /// name looked at with the words around it.
    fn find_dates_plain(text: &str) -> Vec<String> {
        let words: Vec<(usize, &str)> = text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
            .collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let w = clean(words[i].1);
            if month_from_name(w).is_some() && w.chars().next().is_some_and(char::is_uppercase) {
                let prev_day =
                    i > 0 && is_day(clean(words[i - 1].1)) && !words[i - 1].1.ends_with(',');
                let next = words.get(i + 1).map(|x| clean(x.1)).unwrap_or("");
                let next2 = words.get(i + 2).map(|x| clean(x.1)).unwrap_or("");
                let (start, end_word) = if prev_day && is_year(next) {
                    (i - 1, i + 1)
                } else if is_day(next) && is_year(next2) {
                    (i, i + 2)
                } else if is_year(next) {
                    (i, i + 1)
                } else {
                    i += 1;
                    continue;
                };
                let e = words[end_word].0 + clean_len(words[end_word].1);
                out.push(text[words[start].0..e].to_string());
                i = end_word + 1;
                continue;
            }
            i += 1;
        }
        out
    }

    proptest::proptest! {
        /// The capitals beginning a month found eight bytes a step are the ones a
        /// byte-by-byte scan finds.
        #[test]
        fn month_capitals_as_scanned(
            text in "(Jan|JUNE|Jul|Mar|May|MAy|Dec|Sept|Octo|Nov|Aug|Apr|Feb|Fe|ju|[A-Za-z0-9 ,.\u{e9}\u{201c}@\\[\\]`{]){0,30}",
            from in 0usize..48,
        ) {
            let b = text.as_bytes();
            let from = from.min(b.len());
            let plain = (from..b.len()).find(|&k| {
                month_capital(b[k])
                    && b.len() >= k + 3
                    && month_of_prefix([b[k], b[k + 1], b[k + 2]]).is_some()
            });
            proptest::prop_assert_eq!(next_month_capital(b, from), plain);
        }

        /// Dates found in one pass are the dates the plain form finds.
        #[test]
        fn dates_agree_with_the_plain_form(
            text in "((May|May,|June|Sept|September|sept|MAY|Dec\\.|\\(May|\u{201c}May|\u{201d}June|x-May|AMay|[0-9]{1,2}|[0-9]{1,2},|0|32|1899|1997|2009,|2020\\.|2101|\\(2004\\)|\u{201d}|[a-z]{1,4}|USA|Ottawa)[ \n\u{a0}\u{2003}]{1,2}){0,12}"
        ) {
            proptest::prop_assert_eq!(find_dates(&text), find_dates_plain(&text));
        }
    }

    proptest::proptest! {
        /// The quick author tests agree with the plain ones: the words split at white
        /// space and each looked at, "cited in " searched from the end, a month's
        /// prefix from `month_of_prefix`, a note without quotes split at every comma.
        #[test]
        fn quick_author_tests_agree_with_the_plain_ones(
            a in "(([A-Za-z]{1,6}|[0-9]{1,5}|1997|2004|cited in|ited in|cited|\u{a0}|\u{e9})[ \t\n\x0B\x0C\r\x1f,.\u{a0}]{0,2}){0,20}"
        ) {
            // As it is, in ASCII, and without digits (the quick path).
            let ascii: String = a.chars().map(|c| if c.is_ascii() { c } else { ' ' }).collect();
            let no_digits = ascii.replace(|c: char| c.is_ascii_digit(), "x");
            for t in [&a, &ascii, &no_digits] {
                let plain = t.split_whitespace().enumerate().any(|(i, w)| i >= 14 || is_year(w));
                proptest::prop_assert_eq!(more_than_14_words_or_a_year(t), plain);
            }
            let plain = a.as_bytes().windows(9).rposition(|w| w == b"cited in ");
            proptest::prop_assert_eq!(rfind_cited_in(a.as_bytes()), plain);
            let b = a.as_bytes();
            for i in 0..=b.len() {
                let plain =
                    b.len() >= i + 3 && month_of_prefix([b[i], b[i + 1], b[i + 2]]).is_some();
                proptest::prop_assert_eq!(month_prefix_at(b, i), plain);
            }
            if !a.contains(['"', '\u{201c}']) {
                let fields: Vec<&str> = a.split(',').map(str::trim).collect();
                let plain = if fields.len() >= 2 { plausible_author(fields[0]) } else { None };
                proptest::prop_assert_eq!(parse(&a).author, plain);
            }
        }

        /// A field trimmed byte by byte is the field the plain trims give.
        #[test]
        fn fields_trim_as_the_plain_trims_do(
            s in "([ \t\n\x0B\x0C\r,]|\u{a0}|\u{3000}|\u{85}|\u{e9}|a|Z|\\.){0,12}"
        ) {
            proptest::prop_assert_eq!(trim_field(&s), s.trim().trim_end_matches(',').trim());
        }

        /// The next (non-)white space found byte by byte is the one the plain search
        /// finds, from any character boundary.
        #[test]
        fn white_space_found_as_the_plain_search_finds(
            s in "([ \t\n\x0B\x0C\r\x1c,]|\u{a0}|\u{3000}|\u{85}|\u{e9}|a|Z){0,12}",
            from in 0usize..40,
        ) {
            let from = (0..=from.min(s.len())).rev().find(|&k| s.is_char_boundary(k)).unwrap();
            for ws in [false, true] {
                let plain = s[from..].find(|c: char| c.is_whitespace() == ws).map(|k| from + k);
                proptest::prop_assert_eq!(next_where(&s, from, ws), plain);
            }
        }

        /// Any three bytes begin a month as `month_of_prefix` says.
        #[test]
        fn month_prefixes_agree(x in proptest::array::uniform3(proptest::prelude::any::<u8>())) {
            proptest::prop_assert_eq!(month_prefix_at(&x, 0), month_of_prefix(x).is_some());
        }
    }

    #[test]
    fn month_prefixes_of_every_case() {
        for m in minewatch_model::MONTH_NAMES {
            let b = m.as_bytes();
            for mask in 0..8u8 {
                let x: Vec<u8> = (0..3)
                    .map(|k| match mask >> k & 1 {
                        1 => b[k].to_ascii_uppercase(),
                        _ => b[k].to_ascii_lowercase(),
                    })
                    .collect();
                assert!(month_prefix_at(&x, 0), "{x:?}");
            }
        }
    }

    #[test]
    fn date_forms() {
        assert_eq!(
            find_dates("on April 17, 2009 and July 1997."),
            vec!["April 17, 2009", "July 1997"]
        );
        assert_eq!(find_dates("in May and 3 May 2020,"), vec!["3 May 2020"]);
    }
}
