//! The checker over the generated corpus: every injected defect is found, and
//! profiles generated without defects are clean.

use minewatch_check::{check, Options};

#[test]
fn finds_every_injected_defect_and_nothing_on_clean_profiles() {
    let opts = Options {
        as_of: "2026-11-30".parse().unwrap(),
        stale_after_months: 1200,
        ..Options::default()
    };
    let mut checked = 0;
    for p in minewatch_corpus::corpus(1, 1000) {
        let doc = minewatch_profile::read(p.text.as_bytes());
        assert_eq!(doc.to_bytes(), p.text.as_bytes(), "{}: lossless", p.name);
        let diags = check(&doc, &opts);
        for inj in &p.injected {
            let found = diags.iter().any(|d| {
                d.code == inj.code
                    && (inj.note.is_none() || d.note == inj.note)
                    && (inj.text.is_none() || d.text == inj.text)
            });
            assert!(
                found,
                "{}: injected {:?} not found; got {:#?}\n{}",
                p.name, inj, diags, p.text
            );
        }
        // Nothing beyond what was injected (a missing note also makes its number unreferenced, etc.).
        for d in &diags {
            let expected = p
                .injected
                .iter()
                .any(|i| i.code == d.code && (i.note.is_none() || d.note == i.note));
            assert!(
                expected,
                "{}: unexpected {} {:?} {:?} {}\n{}",
                p.name, d.code, d.note, d.text, d.message, p.text
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 1000);
}
