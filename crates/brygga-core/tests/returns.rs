//! The return rules: what may be returned, how a return is handled, what a refund is.

use brygga_core::returns::{
    DeliveredLine, DeviationKind, HandlingChange, HandlingState, Money, ReceivedLine,
    RequestedLine, check_transition, differences, validate_return,
};

fn delivered(sku: &str, delivered: i64, already: i64) -> DeliveredLine {
    DeliveredLine {
        sku: sku.to_owned(),
        delivered,
        already_returned: already,
    }
}

fn line(sku: &str, quantity: i64) -> RequestedLine {
    RequestedLine {
        sku: sku.to_owned(),
        quantity,
    }
}

fn causes() -> Vec<String> {
    vec!["REGRET".to_owned(), "DAMAGED".to_owned()]
}

#[test]
fn returnable_is_delivered_minus_already_returned() {
    assert_eq!(
        delivered("A", 3, 1).returnable(),
        2,
        "one of three is already on a return, two are left"
    );
    assert_eq!(
        delivered("A", 1, 2).returnable(),
        0,
        "more on returns than delivered must not turn negative"
    );
}

#[test]
fn a_valid_return_passes() {
    let lines = [delivered("A", 3, 1), delivered("B", 1, 0)];
    assert_eq!(
        validate_return(
            "1001",
            &lines,
            &[line("A", 2), line("B", 1)],
            "REGRET",
            &causes()
        ),
        Ok(()),
        "every quantity is within what is returnable and the cause exists"
    );
}

#[test]
fn validation_names_every_problem() {
    let lines = [delivered("A", 3, 1)];
    let problems = validate_return(
        "1001",
        &lines,
        &[line("A", 2), line("A", 1), line("Z", 1), line("A", 0)],
        "NOPE",
        &causes(),
    )
    .expect_err("too many, an unknown SKU, a zero and an unknown cause are all wrong");
    assert_eq!(
        problems.len(),
        4,
        "each problem is named once: {problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("A: 3 is more than can be returned")),
        "two lines of A add up to 3, over the 2 returnable: {problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("Z is not on order 1001"))
    );
    assert!(problems.iter().any(|p| p.contains("NOPE")));
}

#[test]
fn an_order_never_delivered_cannot_be_returned() {
    let problems = validate_return(
        "1002",
        &[delivered("A", 0, 0)],
        &[line("A", 1)],
        "REGRET",
        &causes(),
    )
    .expect_err("nothing was delivered");
    assert!(
        problems[0].contains("has not been delivered"),
        "the first problem says the order was never delivered: {problems:?}"
    );
}

fn change(to: HandlingState, note: Option<&str>, refund: Option<Money>) -> HandlingChange {
    HandlingChange {
        to,
        note: note.map(str::to_owned),
        refund,
    }
}

#[test]
fn handling_goes_announced_received_refunded_or_closed() {
    use HandlingState::*;
    assert!(check_transition(Announced, &change(Received, None, None)).is_ok());
    assert!(
        check_transition(
            Received,
            &change(Refunded, None, Some(Money::new(29900, "sek").unwrap()))
        )
        .is_ok()
    );
    assert!(check_transition(Received, &change(Closed, Some("kept by customer"), None)).is_ok());
    assert!(
        check_transition(Announced, &change(Refunded, None, None)).is_err(),
        "a return is refunded only after it arrived"
    );
    assert!(
        check_transition(Refunded, &change(Closed, Some("x"), None)).is_err(),
        "refunded is final"
    );
    assert!(
        check_transition(Received, &change(Closed, Some("  "), None))
            .unwrap_err()
            .contains("note"),
        "closing needs a note"
    );
    assert!(
        check_transition(
            Announced,
            &change(Received, None, Some(Money::new(1, "SEK").unwrap()))
        )
        .is_err(),
        "a refund amount only goes with refunded"
    );
}

#[test]
fn money_is_positive_minor_units_with_a_currency_code() {
    let money = Money::new(29900, " sek ").expect("299 kronor in öre");
    assert_eq!((money.minor_units, money.currency.as_str()), (29900, "SEK"));
    assert!(Money::new(0, "SEK").is_err(), "a zero refund is no refund");
    assert!(Money::new(100, "kronor").is_err(), "not an ISO code");
}

#[test]
fn differences_use_the_inbound_maths() {
    let lines = [
        ReceivedLine {
            sku: "A".to_owned(),
            advised: 2,
            received: 1,
            rejected: 0,
        },
        ReceivedLine {
            sku: "B".to_owned(),
            advised: 1,
            received: 1,
            rejected: 1,
        },
    ];
    assert!(
        differences(&lines, false)
            .iter()
            .all(|d| d.kinds != vec![DeviationKind::Under]),
        "while the warehouse is still receiving, a short line is not yet short"
    );
    let finished = differences(&lines, true);
    assert_eq!(
        finished.len(),
        2,
        "A came short and B was removed: {finished:?}"
    );
    assert_eq!(finished[0].kinds, vec![DeviationKind::Under]);
    assert_eq!(finished[1].kinds, vec![DeviationKind::Rejected]);
}
