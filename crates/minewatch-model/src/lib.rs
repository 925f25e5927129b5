//! Shared value types for minewatch: civil dates, byte spans, line indexes and
//! diagnostics. Pure data, no I/O.

mod date;
mod diag;
pub mod json;

pub use date::{
    days_in_month, is_leap_year, month_from_name, month_of_prefix, Date, DateError, MONTH_NAMES,
};
pub use diag::{Diagnostic, LineCol, LineIndex, Related, Severity, Span};
