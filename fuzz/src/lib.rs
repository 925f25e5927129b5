//! The body of the fuzz targets, shared with the plain test that runs them over
//! the stored corpus on stable Rust.

use minewatch_check::render::{self, FileReport};

/// Read, check and render any bytes; panics only if an invariant is broken.
pub fn read_and_check(data: &[u8]) {
    let doc = minewatch_profile::read(data);
    assert_eq!(
        doc.to_bytes(),
        data,
        "the model rebuilds the input byte for byte"
    );
    let opts = minewatch_check::Options {
        as_of: minewatch_model::Date::new(2026, 11, 30).expect("date"),
        ..Default::default()
    };
    let diags = minewatch_check::check(&doc, &opts);
    for d in &diags {
        assert!(
            d.span.start <= d.span.end && d.span.end <= doc.text.len(),
            "span in range: {d:?}"
        );
    }
    let report = FileReport {
        path: "fuzz",
        text: &doc.text,
        diagnostics: &diags,
    };
    let _ = render::human(&report, false);
    let _ = render::json(std::slice::from_ref(&report));
}
