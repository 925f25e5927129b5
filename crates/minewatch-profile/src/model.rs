//! The document model of a country profile. Every node keeps its byte span into
//! [`Document::text`]; the blocks tile the text, so the original bytes can be
//! rebuilt from the model ([`Document::to_bytes`]).

use minewatch_model::{Date, Diagnostic, Span};
use serde::Serialize;

/// The syntax a profile was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Plain text extracted from a web page (the seed's shape).
    PlainText,
    /// Markdown with optional front matter.
    Markdown,
}

impl Format {
    /// The name it serialises as.
    pub fn name(self) -> &'static str {
        match self {
            Format::PlainText => "plain-text",
            Format::Markdown => "markdown",
        }
    }
}

/// A value with the span it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Located<T> {
    pub value: T,
    pub span: Span,
}

/// One byte of the input that was not valid UTF-8. In [`Document::text`] it
/// stands as U+001A (SUBSTITUTE), one byte wide, so every span is also a byte
/// offset into the original input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct InvalidByte {
    pub offset: usize,
    pub byte: u8,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Header {
    /// The country as written.
    pub country: Option<Located<String>>,
    /// The country resolved to ISO 3166 alpha-3 (or a minewatch code for other areas).
    pub country_iso3: Option<String>,
    /// "Mine Ban Policy", "Mine Action", "Casualties", ...
    pub profile_type: Option<Located<String>>,
    pub last_updated: Option<Located<Date>>,
}

/// The usual sections of a profile. `Other` is a section of the profile's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Policy,
    Use,
    Production,
    Transfer,
    Stockpiling,
    StockpileDestruction,
    RetainedMines,
    Alternatives,
    Transparency,
    Other,
}

impl Section {
    /// True where there is no heading and the kind was inferred from the content.
    pub fn inferred(&self) -> bool {
        self.heading.is_none()
    }
}

impl SectionKind {
    /// Every kind, in the order declared (`kind as usize` is its index).
    pub const ALL: [SectionKind; 10] = [
        SectionKind::Policy,
        SectionKind::Use,
        SectionKind::Production,
        SectionKind::Transfer,
        SectionKind::Stockpiling,
        SectionKind::StockpileDestruction,
        SectionKind::RetainedMines,
        SectionKind::Alternatives,
        SectionKind::Transparency,
        SectionKind::Other,
    ];

    /// The name it serialises as.
    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Policy => "policy",
            SectionKind::Use => "use",
            SectionKind::Production => "production",
            SectionKind::Transfer => "transfer",
            SectionKind::Stockpiling => "stockpiling",
            SectionKind::StockpileDestruction => "stockpile-destruction",
            SectionKind::RetainedMines => "retained-mines",
            SectionKind::Alternatives => "alternatives",
            SectionKind::Transparency => "transparency",
            SectionKind::Other => "other",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            SectionKind::Policy => "Mine ban policy",
            SectionKind::Use => "Use",
            SectionKind::Production => "Production",
            SectionKind::Transfer => "Transfer",
            SectionKind::Stockpiling => "Stockpiling",
            SectionKind::StockpileDestruction => "Stockpile destruction",
            SectionKind::RetainedMines => "Mines retained for training and research",
            SectionKind::Alternatives => "Alternatives to antipersonnel mines",
            SectionKind::Transparency => "Transparency reporting",
            SectionKind::Other => "Other",
        }
    }
}

/// A heading as written (without Markdown `#` marks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    pub text: String,
    pub span: Span,
    /// 1 for `#`, 2 for `##`, ...; plain-text headings are level 2.
    pub level: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The heading as written; `None` where it was lost.
    pub heading: Option<Heading>,
    pub kind: SectionKind,
    /// True where a heading was evidently lost: no heading, and a run of two or
    /// more blank lines where it would stand.
    pub heading_lost: bool,
    pub span: Span,
    /// Indices into [`Document::blocks`] (half-open).
    pub blocks: (usize, usize),
}

/// A paragraph; `text` has hard-wrapped lines joined by spaces. Line breaks are
/// replaced byte for byte ("\n" and "\r" by " "), so an offset into `text`
/// plus `span.start` is an offset into the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub span: Span,
    /// Not serialised: it is the span's text with line endings as spaces.
    #[serde(skip_serializing)]
    pub text: String,
    /// Index into [`Document::sections`].
    pub section: Option<usize>,
}

/// A footnote reference such as `[12]` or `[^12]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reference {
    pub number: u32,
    pub span: Span,
}

/// The parts of a note's citation, where present.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// Author or body ("US Department of State", "Jeff Seldin").
    pub author: Option<String>,
    /// The title, from inside quotation marks.
    pub title: Option<String>,
    /// Place of publication or event ("Washington, DC").
    pub place: Option<String>,
    /// Dates as written.
    pub dates: Vec<String>,
    pub url: Option<String>,
    pub undated: bool,
    /// The link looks stripped (",." or a trailing comma where a URL stood).
    pub lost_link: bool,
}

/// A note of the notes list. Its citation is split into parts on first use
/// ([`Note::citation`]) and kept: checking a profile needs only the text, so reading
/// does not pay for what nobody asks. The parts are kept boxed: a note without them
/// (every note, while a profile is checked) is a third of the size, and moved and
/// listed as such.
#[derive(Clone)]
pub struct Note {
    pub number: u32,
    /// The whole note, from its `[n]` marker.
    pub span: Span,
    /// The span of the `[n]` marker.
    pub marker: Span,
    /// The citation text, lines joined.
    pub text: String,
    parts: std::sync::OnceLock<Box<Citation>>,
}

impl Serialize for Note {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Note", 5)?;
        st.serialize_field("number", &self.number)?;
        st.serialize_field("span", &self.span)?;
        st.serialize_field("marker", &self.marker)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("citation", self.citation())?;
        st.end()
    }
}

impl Note {
    pub fn new(number: u32, span: Span, marker: Span, text: String) -> Note {
        Note {
            number,
            span,
            marker,
            text,
            parts: std::sync::OnceLock::new(),
        }
    }

    /// The citation's parts: author or body, title, place, dates, URL, "undated".
    pub fn citation(&self) -> &Citation {
        self.parts
            .get_or_init(|| Box::new(crate::citation::parse(&self.text)))
    }

    /// The note's text and its citation's parts, taken apart (parsed here if they were
    /// not yet): what a caller that keeps them, and not the note, needs, without a copy.
    pub fn into_text_and_citation(mut self) -> (String, Citation) {
        let c = match self.parts.take() {
            Some(c) => *c,
            None => crate::citation::parse(&self.text),
        };
        (self.text, c)
    }

    /// Whether the note's link looks stripped (",." or a trailing comma), without
    /// parsing the rest of the citation.
    pub fn lost_link(&self) -> bool {
        crate::citation::lost_link(&self.text)
    }
}

/// Notes are equal when their places and texts are: the citation follows from the text.
impl PartialEq for Note {
    fn eq(&self, o: &Note) -> bool {
        (self.number, self.span, self.marker, &self.text) == (o.number, o.span, o.marker, &o.text)
    }
}
impl Eq for Note {}

impl std::fmt::Debug for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Note")
            .field("number", &self.number)
            .field("span", &self.span)
            .field("marker", &self.marker)
            .field("text", &self.text)
            .field("citation", self.citation())
            .finish()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TableForm {
    /// `cell | cell` lines (and Markdown tables).
    Pipe,
    /// One cell per line, blank lines between (what extraction from web pages leaves).
    BlankLine,
}

impl TableForm {
    /// The name it serialises as.
    pub fn name(self) -> &'static str {
        match self {
            TableForm::Pipe => "pipe",
            TableForm::BlankLine => "blank-line",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The value; `None` where the cell is empty (its value lost).
    pub value: Option<String>,
    /// Where the value stands; an empty span where it was lost.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub label: Located<String>,
    pub cells: Vec<Cell>,
}

impl Row {
    /// A total row: its label says "total" in any case ("Grand Total", "TOTAL").
    pub fn is_total(&self) -> bool {
        has_total(self.label.value.as_bytes())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    pub form: TableForm,
    pub span: Span,
    pub caption: Option<Located<String>>,
    /// A bracketed header line such as "[quantity of antipersonnel mines in each]".
    pub bracket_header: Option<Located<String>>,
    /// True when the bracket header announces that bracketed numbers are quantities.
    pub bracketed_quantities: bool,
    /// The headers of the value columns: `columns[i]` heads every row's `cells[i]`
    /// (a header over the row labels is not kept).
    pub columns: Vec<Located<String>>,
    pub rows: Vec<Row>,
    /// "Note: ..." lines that follow the table and belong to it.
    pub notes: Vec<Located<String>>,
}

impl Table {
    pub fn empty_cells(&self) -> usize {
        self.rows
            .iter()
            .flat_map(|r| &r.cells)
            .filter(|c| c.value.is_none())
            .count()
    }
    pub fn cell_count(&self) -> usize {
        self.rows.iter().map(|r| r.cells.len()).sum()
    }
}

/// What a block of the text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum BlockKind {
    /// Blank lines (`lines` of them).
    Blank {
        lines: usize,
    },
    FrontMatter,
    Country,
    ProfileType,
    LastUpdated,
    /// A heading; `section` indexes [`Document::sections`].
    Heading {
        section: usize,
    },
    Paragraph {
        index: usize,
    },
    Table {
        index: usize,
    },
    /// The heading of the notes list ("Notes", "Endnotes").
    NotesHeading,
    Note {
        index: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

/// `{"type": …, <the kind's field>, "span": …}`: what `#[serde(flatten)]` of the kind
/// wrote, without its buffering (the blocks are a third of a stored model).
impl BlockKind {
    /// The name the kind serialises as, and its field's name and value if it has one.
    pub fn name_and_field(self) -> (&'static str, Option<(&'static str, usize)>) {
        match self {
            BlockKind::Blank { lines } => ("blank", Some(("lines", lines))),
            BlockKind::FrontMatter => ("front-matter", None),
            BlockKind::Country => ("country", None),
            BlockKind::ProfileType => ("profile-type", None),
            BlockKind::LastUpdated => ("last-updated", None),
            BlockKind::Heading { section } => ("heading", Some(("section", section))),
            BlockKind::Paragraph { index } => ("paragraph", Some(("index", index))),
            BlockKind::Table { index } => ("table", Some(("index", index))),
            BlockKind::NotesHeading => ("notes-heading", None),
            BlockKind::Note { index } => ("note", Some(("index", index))),
        }
    }
}

impl Serialize for Block {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let (kind, field) = self.kind.name_and_field();
        let mut m = s.serialize_map(Some(2 + usize::from(field.is_some())))?;
        m.serialize_entry("type", kind)?;
        if let Some((name, value)) = field {
            m.serialize_entry(name, &value)?;
        }
        m.serialize_entry("span", &self.span)?;
        m.end()
    }
}

/// A country profile read into its parts. Build one with [`crate::read`].
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub format: Format,
    /// The input, decoded; invalid UTF-8 bytes stand as U+001A (see [`InvalidByte`]).
    /// Not serialised: the model refers to it by spans and it is stored beside it.
    #[serde(skip_serializing)]
    pub text: String,
    pub invalid_bytes: Vec<InvalidByte>,
    pub header: Header,
    /// Tiles `text`: consecutive, non-overlapping, covering every byte.
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
    pub paragraphs: Vec<Paragraph>,
    pub tables: Vec<Table>,
    /// Footnote references in the body, in order.
    pub references: Vec<Reference>,
    /// The notes list, in order of appearance.
    pub notes: Vec<Note>,
    /// What the reader noticed (undecodable bytes, binary input, ...).
    pub diagnostics: Vec<Diagnostic>,
}

/// The model in the form a knowledge base keeps beside the text ([`Document::stored`]):
/// the serialised [`Document`] with each note reduced to `{"number","span","marker"}`.
/// A note's joined text and its citation follow from the text, and a store keeps
/// them once, with the notes themselves; like the paragraphs' text, the model
/// refers to them by span.
pub struct StoredModel<'a>(pub(crate) &'a Document);

impl StoredModel<'_> {
    /// The stored model as JSON: the bytes `serde_json::to_string` writes for it,
    /// written by hand (see [`minewatch_model::json`]; `ingest` writes one per
    /// profile, and serde's generic path cost a tenth of its work).
    pub fn to_json(&self) -> String {
        use minewatch_model::json::{array, bool, into_string, opt_str, opt_uint, span, str, uint};
        let d = self.0;
        let mut o: Vec<u8> = Vec::with_capacity(d.text.len() * 2 + 256);
        let located_str = crate::stored::located_full;
        o.extend_from_slice(b"{\"format\":");
        str(&mut o, d.format.name());
        o.extend_from_slice(b",\"invalid_bytes\":");
        array(&mut o, &d.invalid_bytes, |o, b| {
            o.extend_from_slice(b"{\"offset\":");
            uint(o, b.offset as u64);
            o.extend_from_slice(b",\"byte\":");
            uint(o, u64::from(b.byte));
            o.push(b'}');
        });
        o.extend_from_slice(b",\"header\":");
        self.header_json(&mut o);
        o.extend_from_slice(b",\"blocks\":");
        array(&mut o, &d.blocks, |o, b| {
            let (kind, field) = b.kind.name_and_field();
            o.extend_from_slice(b"{\"type\":");
            str(o, kind);
            if let Some((name, value)) = field {
                o.extend_from_slice(b",\"");
                o.extend_from_slice(name.as_bytes());
                o.extend_from_slice(b"\":");
                uint(o, value as u64);
            }
            o.extend_from_slice(b",\"span\":");
            span(o, b.span);
            o.push(b'}');
        });
        o.extend_from_slice(b",\"sections\":");
        array(&mut o, &d.sections, |o, s| {
            o.extend_from_slice(b"{\"heading\":");
            match &s.heading {
                Some(h) => {
                    o.extend_from_slice(b"{\"text\":");
                    str(o, &h.text);
                    o.extend_from_slice(b",\"span\":");
                    span(o, h.span);
                    o.extend_from_slice(b",\"level\":");
                    uint(o, u64::from(h.level));
                    o.push(b'}');
                }
                None => o.extend_from_slice(b"null"),
            }
            o.extend_from_slice(b",\"kind\":");
            str(o, s.kind.name());
            o.extend_from_slice(b",\"heading_lost\":");
            bool(o, s.heading_lost);
            o.extend_from_slice(b",\"span\":");
            span(o, s.span);
            o.extend_from_slice(b",\"blocks\":");
            span(o, Span::new(s.blocks.0, s.blocks.1));
            o.push(b'}');
        });
        o.extend_from_slice(b",\"paragraphs\":");
        array(&mut o, &d.paragraphs, |o, p| {
            o.extend_from_slice(b"{\"span\":");
            span(o, p.span);
            o.extend_from_slice(b",\"section\":");
            opt_uint(o, p.section.map(|i| i as u64));
            o.push(b'}');
        });
        o.extend_from_slice(b",\"tables\":");
        array(&mut o, &d.tables, |o, t| {
            let located = |o: &mut Vec<u8>, l: &Located<String>| {
                o.extend_from_slice(b"{\"value\":");
                str(o, &l.value);
                o.extend_from_slice(b",\"span\":");
                span(o, l.span);
                o.push(b'}');
            };
            crate::stored::table_head(o, t, located_str);
            o.extend_from_slice(b",\"columns\":");
            array(o, &t.columns, located);
            o.extend_from_slice(b",\"rows\":");
            array(o, &t.rows, |o, r| {
                o.extend_from_slice(b"{\"label\":");
                located(o, &r.label);
                o.extend_from_slice(b",\"cells\":");
                array(o, &r.cells, |o, c| {
                    o.extend_from_slice(b"{\"value\":");
                    opt_str(o, c.value.as_deref());
                    o.extend_from_slice(b",\"span\":");
                    span(o, c.span);
                    o.push(b'}');
                });
                o.push(b'}');
            });
            o.extend_from_slice(b",\"notes\":");
            array(o, &t.notes, located);
            o.push(b'}');
        });
        o.extend_from_slice(b",\"references\":");
        array(&mut o, &d.references, |o, r| {
            o.extend_from_slice(b"{\"number\":");
            uint(o, u64::from(r.number));
            o.extend_from_slice(b",\"span\":");
            span(o, r.span);
            o.push(b'}');
        });
        o.extend_from_slice(b",\"notes\":");
        array(&mut o, &d.notes, |o, n| {
            o.extend_from_slice(b"{\"number\":");
            uint(o, u64::from(n.number));
            o.extend_from_slice(b",\"span\":");
            span(o, n.span);
            o.extend_from_slice(b",\"marker\":");
            span(o, n.marker);
            o.push(b'}');
        });
        o.extend_from_slice(b",\"diagnostics\":");
        array(&mut o, &d.diagnostics, |o, x| x.write_json(o));
        o.push(b'}');
        into_string(o)
    }
}

impl Serialize for StoredModel<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        #[derive(Serialize)]
        struct NoteAt {
            number: u32,
            span: Span,
            marker: Span,
        }
        struct Notes<'n>(&'n [Note]);
        impl Serialize for Notes<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|n| NoteAt {
                    number: n.number,
                    span: n.span,
                    marker: n.marker,
                }))
            }
        }
        let d = self.0;
        // The fields of `Document`'s own form, in its order.
        let mut st = s.serialize_struct("Document", 10)?;
        st.serialize_field("format", &d.format)?;
        st.serialize_field("invalid_bytes", &d.invalid_bytes)?;
        st.serialize_field("header", &d.header)?;
        st.serialize_field("blocks", &d.blocks)?;
        st.serialize_field("sections", &d.sections)?;
        st.serialize_field("paragraphs", &d.paragraphs)?;
        st.serialize_field("tables", &d.tables)?;
        st.serialize_field("references", &d.references)?;
        st.serialize_field("notes", &Notes(&d.notes))?;
        st.serialize_field("diagnostics", &d.diagnostics)?;
        st.end()
    }
}

impl Document {
    /// The references that start inside `span` (they are in text order: found by
    /// binary search).
    pub fn references_starting_in(&self, span: Span) -> &[Reference] {
        let r0 = self
            .references
            .partition_point(|r| r.span.start < span.start);
        // The span's own references follow the first one: counted from there (a
        // sentence has few), not found by a second search.
        let n = self.references[r0..]
            .iter()
            .take_while(|r| r.span.start < span.end)
            .count();
        &self.references[r0..r0 + n]
    }

    /// The stored form of the model (see [`StoredModel`]).
    pub fn stored(&self) -> StoredModel<'_> {
        StoredModel(self)
    }

    /// The original input, rebuilt byte for byte from the blocks.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.len());
        for b in &self.blocks {
            out.extend_from_slice(&self.text.as_bytes()[b.span.start..b.span.end]);
        }
        for ib in &self.invalid_bytes {
            if let Some(slot) = out.get_mut(ib.offset) {
                *slot = ib.byte;
            }
        }
        out
    }

    /// The note with this number (the first, if defined twice).
    pub fn note(&self, number: u32) -> Option<&Note> {
        self.notes.iter().find(|n| n.number == number)
    }

    /// The section containing byte `offset`.
    pub fn section_at(&self, offset: usize) -> Option<&Section> {
        // Sections follow one another in text order without overlapping: the one
        // that ends after `offset` is the only one that can hold it.
        let i = self.sections.partition_point(|s| s.span.end <= offset);
        self.sections
            .get(i)
            .filter(|s| s.span.start <= offset && offset < s.span.end)
    }

    /// The body's extent: after the header, before the notes list.
    pub fn body_span(&self) -> Span {
        body_span_of(&self.blocks, self.text.len())
    }
}

/// Whether "total" stands in `b` in any case: a window compared only where a 't' or
/// 'T' opens it (bit 0x20 set, only those two bytes are 't').
fn has_total(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if b.len() < 5 {
        return false;
    }
    let last = b.len() - 5;
    let mut i = 0;
    while i <= last {
        if i + 8 <= b.len() {
            // Eight bytes a step: the first 't' or 'T' among them (0x74 with bit 0x20
            // set; the lowest zero byte of the difference is exact), or none.
            let mut x = [0u8; 8];
            x.copy_from_slice(&b[i..i + 8]);
            let d = (u64::from_le_bytes(x) | 0x2020_2020_2020_2020) ^ (ONES * 0x74);
            let zero = d.wrapping_sub(ONES) & !d & HIGH;
            if zero == 0 {
                i += 8;
                continue;
            }
            i += (zero.trailing_zeros() / 8) as usize;
            if i > last {
                return false;
            }
        } else if b[i] | 0x20 != b't' {
            i += 1;
            continue;
        }
        if b[i + 1..i + 5].eq_ignore_ascii_case(b"otal") {
            return true;
        }
        i += 1;
    }
    false
}

fn is_header_block(kind: &BlockKind) -> bool {
    matches!(
        kind,
        BlockKind::FrontMatter
            | BlockKind::Country
            | BlockKind::ProfileType
            | BlockKind::LastUpdated
    )
}

fn is_notes_block(kind: &BlockKind) -> bool {
    matches!(kind, BlockKind::NotesHeading | BlockKind::Note { .. })
}

/// [`Document::body_span`] of `blocks` in a text of `len` bytes: from the end of the
/// last header block to the start of the first block of the notes list. One pass
/// forward to the notes (the last header block before them noted on the way), then
/// the notes list from its end for a header block among or after it: each block
/// looked at once, not twice.
fn body_span_of(blocks: &[Block], len: usize) -> Span {
    let mut start = 0;
    let mut notes = blocks.len();
    for (i, b) in blocks.iter().enumerate() {
        if is_notes_block(&b.kind) {
            notes = i;
            break;
        }
        if is_header_block(&b.kind) {
            start = b.span.end;
        }
    }
    if let Some(b) = blocks[notes..]
        .iter()
        .rev()
        .find(|b| is_header_block(&b.kind))
    {
        start = b.span.end;
    }
    let end = blocks.get(notes).map_or(len, |b| b.span.start);
    Span::new(start.min(end), end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`body_span_of`] as first written: the last header block found from the end,
    /// the first block of the notes from the start.
    fn body_span_plain(blocks: &[Block], len: usize) -> Span {
        let start = blocks
            .iter()
            .rev()
            .find(|b| is_header_block(&b.kind))
            .map(|b| b.span.end)
            .unwrap_or(0);
        let end = blocks
            .iter()
            .find(|b| is_notes_block(&b.kind))
            .map(|b| b.span.start)
            .unwrap_or(len);
        Span::new(start.min(end), end)
    }

    proptest! {
        /// "total" is found where a comparison of every window finds it.
        #[test]
        fn has_total_agrees_with_every_window(label in "(t|T|o|O|tal|TAL|total|Total|\u{e9}|4| |x|T\u{1}|4t){0,16}") {
            let b = label.as_bytes();
            prop_assert_eq!(has_total(b), b.windows(5).any(|w| w.eq_ignore_ascii_case(b"total")));
        }

        /// The references starting in a span are those two searches bound.
        #[test]
        fn references_starting_in_agree_with_two_searches(
            words in proptest::collection::vec("(word|\\[1\\]|\\[2\\]|\\[13\\]|\\.|\n)", 0..60),
            a in 0usize..400,
            b in 0usize..400,
        ) {
            let text = format!("Chile\n\nMine Ban Policy\n\nLast updated: 1 May 2020\n\n{}\n", words.join(" "));
            let doc = crate::read(text.as_bytes());
            let span = Span { start: a, end: b };
            let r0 = doc.references.partition_point(|r| r.span.start < span.start);
            let r1 = doc.references.partition_point(|r| r.span.start < span.end);
            prop_assert_eq!(doc.references_starting_in(span), &doc.references[r0..r1.max(r0)]);
        }

        /// The body is where the plain searches put it, whatever the order of the
        /// blocks (header blocks among or after the notes too).
        #[test]
        fn body_span_agrees_with_the_plain_searches(
            kinds in proptest::collection::vec(0usize..10, 0..30),
            widths in proptest::collection::vec(1usize..9, 30),
            tail in 0usize..5,
        ) {
            let mut at = 0;
            let blocks: Vec<Block> = kinds
                .iter()
                .zip(&widths)
                .map(|(&k, &w)| {
                    let kind = match k {
                        0 => BlockKind::Blank { lines: 1 },
                        1 => BlockKind::FrontMatter,
                        2 => BlockKind::Country,
                        3 => BlockKind::ProfileType,
                        4 => BlockKind::LastUpdated,
                        5 => BlockKind::Heading { section: 0 },
                        6 => BlockKind::Paragraph { index: 0 },
                        7 => BlockKind::Table { index: 0 },
                        8 => BlockKind::NotesHeading,
                        _ => BlockKind::Note { index: 0 },
                    };
                    let b = Block { kind, span: Span::new(at, at + w) };
                    at += w;
                    b
                })
                .collect();
            prop_assert_eq!(body_span_of(&blocks, at + tail), body_span_plain(&blocks, at + tail));
        }
    }

    /// A block serialises as its kind, internally tagged, followed by its span: the
    /// form `#[serde(flatten)]` gave, key for key and in that order.
    #[test]
    fn a_block_serialises_as_its_tagged_kind_then_its_span() {
        let kinds = [
            BlockKind::Blank { lines: 3 },
            BlockKind::FrontMatter,
            BlockKind::Country,
            BlockKind::ProfileType,
            BlockKind::LastUpdated,
            BlockKind::Heading { section: 2 },
            BlockKind::Paragraph { index: 7 },
            BlockKind::Table { index: 1 },
            BlockKind::NotesHeading,
            BlockKind::Note { index: 12 },
        ];
        for kind in kinds {
            let span = Span::new(5, 9);
            let got = serde_json::to_string(&Block { kind, span }).unwrap();
            let tagged = serde_json::to_string(&kind).unwrap();
            let want = format!("{},\"span\":[5,9]}}", &tagged[..tagged.len() - 1]);
            assert_eq!(got, want);
        }
    }
}
