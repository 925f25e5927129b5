//! The body of the fuzz targets, shared with the plain test that runs them over
//! the stored corpus on stable Rust: everything `minewatch check` does to a file
//! (read, profile checks, extraction, cross-checks, the three renderings), and the
//! stored model `ingest` keeps.

use minewatch_check::render::{self, FileReport};

/// Read, check and render any bytes; panics only if an invariant is broken.
pub fn read_and_check(data: &[u8]) {
    let doc = minewatch_profile::read(data);
    assert_eq!(
        doc.to_bytes(),
        data,
        "the model rebuilds the input byte for byte"
    );
    // What `ingest` stores of the model: the compact form, which expands to the full
    // one exactly.
    let full: serde_json::Value =
        serde_json::from_str(&doc.stored().to_json()).expect("the full model is JSON");
    assert_eq!(
        minewatch_profile::stored::expand(&doc.stored().to_compact_json()).expect("expands"),
        full,
        "the compact model expands to the full one"
    );
    let opts = minewatch_check::Options {
        as_of: minewatch_model::Date::new(2026, 11, 30).expect("date"),
        ..Default::default()
    };
    let mut diags = minewatch_check::check(&doc, &opts);
    // What `check` runs by default on top: extraction and the cross-checks.
    let facts = minewatch_extract::extract(&doc);
    for f in &facts {
        assert!(
            f.span[0] <= f.span[1] && f.span[1] <= doc.text.len(),
            "fact span in range: {f:?}"
        );
        assert!(
            f.value_span[0] <= f.value_span[1] && f.value_span[1] <= doc.text.len(),
            "fact value span in range: {f:?}"
        );
        let _ = serde_json::to_string(f).expect("a fact serialises");
    }
    let cross = minewatch_extract::CrossOptions {
        as_of: opts.as_of,
        stale_after_months: opts.stale_after_months,
    };
    diags.extend(minewatch_extract::cross_check(&doc, &facts, &cross));
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
    let human = render::human(&report, false);
    let _ = render::json(std::slice::from_ref(&report));
    let _ = render::sarif(std::slice::from_ref(&report), "fuzz");
    let item = render::json_file_item(&report, 2);
    // What the CLI writes (in pieces, item by item) is the same text.
    assert_eq!(
        render::json_file_pieces(&report, 2).concat(),
        item.as_bytes()
    );
    let mut pieces = render::Pieces::default();
    render::human_into(&report, false, &mut pieces);
    assert_eq!(pieces.finish().concat(), human.as_bytes());
    assert_eq!(render::sarif_items(&report, 4).len(), diags.len());
}
