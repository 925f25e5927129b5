//! Property tests: extraction and cross-checks never panic, and every span they
//! report lies on character boundaries inside the body of the text.

use proptest::prelude::*;

const TOKENS: &[&str] = &[
    "Finland",
    "the US",
    "U.S.",
    "acceded",
    "ratified",
    "signed",
    "entered into force",
    "on",
    "9 January 2012",
    "December 2019",
    "1997",
    "2030s",
    "3 million",
    "3.37\nmillion",
    "117,634",
    "$120 million",
    "€4.45 million ($5 million)",
    "22-25",
    "ten thousand",
    "more than",
    "about",
    "at least",
    "fewer than",
    "up to",
    "mines",
    "munitions",
    "people",
    "killed",
    "injured",
    "stockpile",
    "destroyed",
    "retained",
    "produced",
    "exported",
    "to 38 countries",
    "PFM-1",
    "DM31",
    "Type 72",
    "CBU-89/B Gator",
    "M16A1",
    "[36]",
    "[12]",
    "Resolution 74/61",
    "abstained",
    "voted in favor of",
    "every",
    "since 1998",
    "from",
    "to",
    "as of 2016",
    "total of",
    ":",
    ",",
    ".",
    ". ",
    "\u{201c}",
    "\u{201d}",
    "\u{a0}",
    "—",
    "Mine Ban Treaty",
    "withdrawal",
    "effect",
    "deadline",
    "completed the destruction",
    "\n",
    "\n\n",
    "é",
    "\u{1a}",
    "(",
    ")",
    "Stockpiling\n\n",
];

fn profile() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..120).prop_map(|ts| {
        let mut s = String::from("Finland\n\nMine Ban Policy\n\nLast updated: 1 June 2020\n\n");
        for t in ts {
            s.push_str(t);
            s.push(' ');
        }
        s.push_str("\n\n[1] A note, 3 million mines, 9 January 2012.\n");
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn never_panics_and_spans_are_sound(text in profile()) {
        let doc = minewatch_profile::read(text.as_bytes());
        let facts = minewatch_extract::extract(&doc);
        let body = doc.body_span();
        for f in &facts {
            prop_assert!(f.span[0] <= f.value_span[0] || f.quote.contains(" | "), "{f:?}");
            prop_assert!(doc.text.is_char_boundary(f.value_span[0]) && doc.text.is_char_boundary(f.value_span[1]));
            prop_assert!(body.start <= f.value_span[0] && f.value_span[1] <= body.end, "{f:?}");
            prop_assert!(f.line >= 1);
        }
        let diags = minewatch_extract::cross_check(&doc, &facts, &minewatch_extract::CrossOptions::default());
        for d in diags {
            prop_assert!(d.span.end <= doc.text.len());
        }
    }

    #[test]
    fn scanners_never_panic(s in "\\PC{0,200}") {
        let lower = s.to_ascii_lowercase();
        let _ = minewatch_extract::text::quantities(&s, &lower);
        let _ = minewatch_extract::text::dates(&s);
        for (a, b) in minewatch_extract::text::sentences(&s) {
            prop_assert!(a <= b && b <= s.len() && s.is_char_boundary(a) && s.is_char_boundary(b));
        }
        let _ = minewatch_extract::find_mines(&s, &lower);
    }
}
