//! Reference data shipped with minewatch, compiled into the binary from the
//! project's `data/` folder: states and other areas (ISO 3166 codes, aliases),
//! Mine Ban Treaty status, CCW Amended Protocol II status, UN General Assembly
//! votes and the mine-type gazetteer. Every row keeps its source and confidence.
//! Pure: no I/O at run time.

pub mod ccw;
pub mod csv;
pub mod mbt;
pub mod mines;
mod states;

pub use ccw::{ccw_apii, ccw_apii_of, parse_ccw_apii, CcwApiiRow, EmptyDate};
pub use mbt::{mbt_status, mbt_status_of, parse_mbt_status, MbtStatusRow};
pub use mines::{mine_type, mine_types, parse_mine_types, MineType};
pub use states::{
    fold_name, levenshtein, resolve_state, shown_query, state_by_numeric, state_of_demonym, states,
    suggest_states, AreaKind, State,
};

/// `data/states.csv`: ISO 3166-1 codes (Debian iso-codes) and our aliases.
pub const STATES_CSV: &str = include_str!("../../../data/states.csv");
/// `data/mbt_status.csv`: every state's Mine Ban Treaty status, with sources.
pub const MBT_STATUS_CSV: &str = include_str!("../../../data/mbt_status.csv");
/// `data/eif_rule_discrepancies.csv`: entries into force that differ from Art. 17, explained.
pub const EIF_DISCREPANCIES_CSV: &str = include_str!("../../../data/eif_rule_discrepancies.csv");
/// `data/ccw_apii.csv`: CCW and Amended Protocol II consent dates.
pub const CCW_APII_CSV: &str = include_str!("../../../data/ccw_apii.csv");
/// `data/unga/mbt_unga_roll_calls.csv`: UNGA roll calls on the treaty resolution.
pub const UNGA_ROLL_CALLS_CSV: &str = include_str!("../../../data/unga/mbt_unga_roll_calls.csv");
/// `data/unga/mbt_unga_votes_by_country.csv`: each country's vote.
pub const UNGA_VOTES_CSV: &str = include_str!("../../../data/unga/mbt_unga_votes_by_country.csv");
/// Plenary adoption dates of treaty resolutions whose voting-dataset date is another
/// day, each with its source (`data/unga/plenary_dates.csv`).
pub const UNGA_PLENARY_DATES_CSV: &str = include_str!("../../../data/unga/plenary_dates.csv");
/// `data/mine_types.csv`: the mine-type gazetteer.
pub const MINE_TYPES_CSV: &str = include_str!("../../../data/mine_types.csv");
/// English adjectives of nationality ("Syrian" → SYR), for reading who acted.
pub const DEMONYMS_CSV: &str = include_str!("../../../data/demonyms.csv");

/// Parse now, ahead of their first use, the tables that reading, checking and
/// extracting any profile use (states and their names, demonyms, treaty status, mine
/// types): each is parsed once, on first use, and a thread that needs one meanwhile
/// waits for it. A command can do this on one thread while another lists its input
/// folders. (Not the CCW table, which profiles are not checked against.)
pub fn warm_up() {
    states::warm_up();
    mbt_status_of("");
    mine_types();
}
