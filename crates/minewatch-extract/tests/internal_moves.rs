//! Mines moved between a state's own bodies or places are no transfer under Art. 2.4
//! (which moves mines into or out of a territory): such a figure is read with low
//! confidence and a reason, so no cross-check takes it for a transfer; a transfer
//! abroad stays as it was.

use minewatch_extract::{extract, Confidence, Fact};

/// The facts of one sentence in a Mine Ban Policy profile of `state`.
fn facts(state: &str, sentence: &str) -> Vec<Fact> {
    let text = format!(
        "{state}\n\nMine Ban Policy\n\nLast updated: 10 October 2025\n\nStockpiling\n\n{sentence}[1]\n\nNotes\n\n[1] Ministry of Defence, \"Annual report,\" 2025.\n"
    );
    extract(&minewatch_profile::read(text.as_bytes()))
}

fn one(state: &str, sentence: &str, predicate: &str) -> Fact {
    let fs = facts(state, sentence);
    let mut of: Vec<Fact> = fs
        .into_iter()
        .filter(|f| f.predicate == predicate)
        .collect();
    assert_eq!(of.len(), 1, "{sentence}: {of:?}");
    of.remove(0)
}

#[test]
fn a_move_between_the_states_own_bodies_is_no_transfer() {
    for s in [
        "In 2024, the army transferred 1,200 antipersonnel mines from its central depot to the engineering school for destruction.",
        "In 2024, Ukraine transferred 1,950 mines to the army for training.",
        "In 2023, Thailand transferred 400 antipersonnel mines to the Thai Mine Action Centre.",
        "In 2022, Norway transferred 300 mines to its demining units.",
        "In 2021, Peru transferred 120 mines to the Ministry of Defence.",
    ] {
        let state = s.split_whitespace().nth(2).unwrap_or("Norway");
        let state = if state == "the" { "Norway" } else { state.trim_end_matches(',') };
        let f = one(state, s, "transfer.quantity");
        assert_eq!(f.confidence, Confidence::Low, "{s}");
        assert!(
            f.reason.as_deref().is_some_and(|r| r.contains("Art. 2.4")),
            "{s}: {:?}",
            f.reason
        );
    }
}

#[test]
fn a_transfer_abroad_stays_a_transfer() {
    for s in [
        "In 2019, Norway transferred 300 antipersonnel mines to Finland.",
        "In 2019, Norway transferred 300 antipersonnel mines to the Ukrainian army.",
        // An adjective two states share names no state for sure: not taken as Norway's own.
        "In 2019, Norway transferred 300 antipersonnel mines to the Korean army.",
        "In 2019, Norway transferred 300 antipersonnel mines to the army of Ukraine.",
        "In 2019, Norway transferred 300 antipersonnel mines to the United States Army.",
        "In 2019, Norway transferred 300 antipersonnel mines to the US Army.",
        "In 2019, Norway transferred 300 antipersonnel mines to the United Nations.",
    ] {
        let f = one("Norway", s, "transfer.quantity");
        assert_eq!(f.confidence, Confidence::High, "{s}: {:?}", f.reason);
    }
}

/// "transferred 500 mines retained for training from the army to the police": the 500
/// moved; they are not the total retained.
#[test]
fn retained_mines_moved_inside_the_state_are_not_the_total_retained() {
    let f = one(
        "Norway",
        "In 2023, Norway transferred 500 mines retained for training from the army to the police.",
        "retained.total",
    );
    assert_eq!(f.confidence, Confidence::Low);
    assert!(f
        .reason
        .as_deref()
        .is_some_and(|r| r.contains("not the total held")));
    let f = one(
        "Norway",
        "In 2023, Norway retained 500 mines for training.",
        "retained.total",
    );
    assert_eq!(f.confidence, Confidence::High);
}
