//! A profile's notes as the store keeps them: number, span, text and the parts of the
//! citation. Shared by `ingest` and the `ingest_stages` example, which times the same
//! steps.

use minewatch_store::ProfileNote;

/// The notes, taken out of the document (whose notes list is left empty): each note's
/// text and citation parts move into the stored note, not copied.
pub fn stored_notes(doc: &mut minewatch_profile::Document) -> Vec<ProfileNote> {
    std::mem::take(&mut doc.notes)
        .into_iter()
        .map(|n| {
            let (number, span) = (n.number, n.span);
            let (text, c) = n.into_text_and_citation();
            ProfileNote {
                number,
                span_start: span.start as u64,
                span_end: span.end as u64,
                text,
                author: c.author,
                title: c.title,
                place: c.place,
                dates: c.dates,
                url: c.url,
                undated: c.undated,
            }
        })
        .collect()
}
