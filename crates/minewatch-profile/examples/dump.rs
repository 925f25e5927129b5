//! Print a summary of how a profile was read: `cargo run -p minewatch-profile --example dump -- FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let doc = minewatch_profile::read(&bytes);
    let idx = minewatch_model::LineIndex::new(&doc.text);
    let line = |o: usize| idx.line_col(&doc.text, o).line;
    println!(
        "format {:?} header {:?} {:?} {:?} {:?}",
        doc.format,
        doc.header.country.as_ref().map(|c| &c.value),
        doc.header.country_iso3,
        doc.header.profile_type.as_ref().map(|c| &c.value),
        doc.header.last_updated.as_ref().map(|c| c.value)
    );
    for s in &doc.sections {
        println!(
            "section L{} {:?} inferred={} heading={:?}",
            line(s.span.start),
            s.kind,
            s.inferred(),
            s.heading.as_ref().map(|h| &h.text)
        );
    }
    for t in &doc.tables {
        println!(
            "table L{}-L{} {:?} caption={:?} qty={} cols={:?} rows={} empty={}/{} notes={}",
            line(t.span.start),
            line(t.span.end),
            t.form,
            t.caption.as_ref().map(|c| &c.value),
            t.bracketed_quantities,
            t.columns.iter().map(|c| &c.value).collect::<Vec<_>>(),
            t.rows.len(),
            t.empty_cells(),
            t.cell_count(),
            t.notes.len()
        );
    }
    let refs: Vec<String> = doc
        .references
        .iter()
        .map(|r| format!("{}@L{}", r.number, line(r.span.start)))
        .collect();
    println!("refs {}", refs.join(" "));
    for n in &doc.notes {
        println!(
            "note {} L{} {:?}",
            n.number,
            line(n.span.start),
            n.citation()
        );
    }
    println!(
        "paragraphs {} blocks {} diags {:?}",
        doc.paragraphs.len(),
        doc.blocks.len(),
        doc.diagnostics
    );
    assert_eq!(doc.to_bytes(), bytes);
}
