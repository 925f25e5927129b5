//! Reads country profiles (plain text extracted from the web, and Markdown)
//! into a lossless document model.
//!
//! **Reading never fails**: any bytes give a [`Document`] plus diagnostics.
//! **Lossless**: the blocks tile the text, and [`Document::to_bytes`] rebuilds
//! the input byte for byte. Pure: no I/O.

mod citation;
mod model;
mod reader;
mod refs;
mod sections;
pub mod stored;
mod tables;

pub use citation::{find_dates, parse as parse_citation};
pub use model::*;
pub use reader::{read, read_owned, PROFILE_TYPES};
pub use sections::{classify_content, classify_heading};

/// Build the reader's tables (and the reference data's it uses) now, ahead of the
/// first document: each is built once, on first use, while any other thread that
/// needs it waits. A command can do this on one thread while another lists its input.
pub fn warm_up() {
    minewatch_refdata::warm_up();
    sections::warm_up();
}
