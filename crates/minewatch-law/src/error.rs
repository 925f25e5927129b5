use minewatch_model::Date;

/// Why the engine could not answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LawError {
    #[error("deposit date {deposit} is before the Convention opened for signature on 3 December 1997 (Art. 15): no instrument could be deposited then")]
    DepositBeforeSignature { deposit: Date },
    #[error("an explicit entry-into-force date ({date}) is only accepted for an instrument of succession, not {instrument}")]
    ExplicitDateNotSuccession { date: Date, instrument: String },
    #[error("entry into force {date} is before the Convention itself entered into force on 1 March 1999 (Art. 17.1)")]
    EntryIntoForceBeforeTreaty { date: Date },
    #[error(
        "extension {number} ({date}) is not after the deadline it extends ({previous}) (Art. 5.3)"
    )]
    ExtensionNotLater {
        number: usize,
        date: Date,
        previous: Date,
    },
    #[error("extension {number} ({date}) is more than ten years after the deadline it extends ({previous}); Art. 5.3 allows at most ten years per extension")]
    ExtensionTooLong {
        number: usize,
        date: Date,
        previous: Date,
    },
    #[error("withdrawal deposited {deposited}, before the Convention entered into force on 1 March 1999: there was no State Party that could withdraw (Art. 20.2)")]
    WithdrawalBeforeTreaty { deposited: Date },
    #[error("armed conflict '{0}': expected none, ongoing or ended:YYYY-MM-DD")]
    ArmedConflict(String),
    #[error("unknown instrument of consent '{0}': expected ratification, accession, acceptance, approval or succession")]
    ConsentInstrument(String),
    #[error("{0}")]
    Input(String),
    #[error("{field}: {message}")]
    Field { field: String, message: String },
    #[error("contradictory input: {}: {message}", fields.join(" and "))]
    Contradiction {
        fields: Vec<String>,
        message: String,
    },
    #[error("instrument table: {0}")]
    Instruments(String),
    #[error("unknown instrument '{0}'")]
    UnknownInstrument(String),
    /// A date the treaty's rules give from the input would fall after 9999-12-31.
    #[error(
        "{0} would fall after 9999-12-31, the last day of the calendar minewatch computes with"
    )]
    BeyondCalendar(String),
}
