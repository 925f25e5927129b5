//! A profile's notes as the store keeps them: number, span, text and the parts of the
//! citation. Shared by `ingest` and the `ingest_stages` example, which times the same
//! steps.

use minewatch_store::ProfileNote;

pub fn stored_notes(doc: &minewatch_profile::Document) -> Vec<ProfileNote> {
    doc.notes
        .iter()
        .map(|n| {
            let c = n.citation();
            ProfileNote {
                number: n.number,
                span_start: n.span.start as u64,
                span_end: n.span.end as u64,
                text: n.text.clone(),
                author: c.author.clone(),
                title: c.title.clone(),
                place: c.place.clone(),
                dates: c.dates.clone(),
                url: c.url.clone(),
                undated: c.undated,
            }
        })
        .collect()
}
