//! The treaty law engine: entry into force and deadlines (Mine Ban Treaty Art. 4, 5,
//! 7, 17), withdrawal (Art. 20), device classification under several instruments held
//! side by side (the Mine Ban Treaty, CCW Amended Protocol II, United States policies),
//! and stockpile compliance over time. Every answer carries the article or clause that
//! produced it and a one-line explanation.
//!
//! Pure: no I/O, no printing. Reference data (treaty status, CCW consent dates) comes
//! compiled in from `minewatch-refdata`; instruments and their rules are data
//! (`data/instruments.json`), so adding a national policy is a table entry.

pub mod classify;
pub mod compliance;
pub mod deadlines;
mod error;
pub mod explain;
pub mod instruments;
pub mod withdrawal;

pub use classify::{
    classify, classify_with, parse_case, Activation, Activity, ActivityKind, Case, Delivery,
    Device, InstrumentResult, Purpose, Verdict,
};
pub use compliance::{
    parse_facts, stockpile_compliance, ComplianceReport, StockpileFact, Violation,
};
pub use deadlines::{
    deadlines, end_at_withdrawal, entry_into_force, AnnualReport, ClearanceDeadline,
    ConsentInstrument, Dated, DeadlineInput, Deadlines, EifBasis, EntryIntoForce, Extension,
};
pub use error::LawError;
pub use instruments::{instrument, instruments, parse_instruments, Instrument};
pub use withdrawal::{withdrawal, ArmedConflict, Withdrawal};

use minewatch_model::Date;

/// 3 December 1997: the Convention opened for signature in Ottawa (Art. 15).
pub fn signature_opened() -> Date {
    Date::new(1997, 12, 3).expect("valid date")
}

/// 16 September 1998: the fortieth instrument of ratification was deposited (Art. 17.1).
pub fn fortieth_deposit() -> Date {
    Date::new(1998, 9, 16).expect("valid date")
}

/// 1 March 1999: the Convention entered into force (Art. 17.1).
pub fn treaty_entry_into_force() -> Date {
    Date::new(1999, 3, 1).expect("valid date")
}
