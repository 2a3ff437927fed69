//! Purchase order lines from a file, and deviations between what was advised and what arrived.

use brygga_core::inbound::{
    DeviationKind, PurchaseOrderLine, ReceivedLine, deviations, parse_lines,
};

fn line(sku: &str, quantity: i64) -> PurchaseOrderLine {
    PurchaseOrderLine {
        sku: sku.to_owned(),
        quantity,
    }
}

#[test]
fn a_good_file_gives_its_lines_in_order_skipping_the_header_and_blank_rows() {
    let text = "\u{feff}artikelnummer;antal\r\nA-1;10\r\n\r\nB-2 ; 3\nC-3\t4\n";
    assert_eq!(
        parse_lines(text),
        Ok(vec![line("A-1", 10), line("B-2", 3), line("C-3", 4)]),
        "a BOM, CRLF, a header, a blank row, spaces and a tab are what spreadsheets save"
    );
}

#[test]
fn a_file_with_bad_rows_gives_no_lines_and_names_every_bad_row() {
    let text =
        "sku;quantity\nA-1;10\nB-2;zero\n;4\nC-3;0\nD-4;1;extra\nA-1;2\nE-5;-1\nF-6;2.5\nG-7;7\n";
    let errors = parse_lines(text).expect_err("bad rows make the whole file refused");
    let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
    assert_eq!(
        lines,
        vec![3, 4, 5, 6, 7, 8, 9],
        "every bad row is named by its line number in the file (the header is line 1), \
         the good ones are not: {errors:#?}"
    );
    assert!(
        errors[0].reason.contains("'zero' is not a whole number"),
        "the reason says what is wrong: {}",
        errors[0].reason
    );
    assert!(
        errors[4].reason.contains("already on line 2"),
        "a repeated SKU names the row it first appeared on: {}",
        errors[4].reason
    );
    assert_eq!(errors[2].text, "C-3;0", "the row is quoted as it stands");
}

#[test]
fn a_header_is_only_skipped_as_the_first_row() {
    let errors =
        parse_lines("A-1;10\nsku;quantity\n").expect_err("a header in the middle is a bad row");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].line, 2, "the second row is the bad one");
}

#[test]
fn an_empty_file_is_refused_rather_than_making_an_empty_purchase_order() {
    let errors = parse_lines("sku;quantity\n\n").expect_err("nothing to import");
    assert!(errors[0].reason.contains("no rows"), "{}", errors[0].reason);
}

fn received(sku: &str, advised: i64, received: i64, rejected: i64) -> ReceivedLine {
    ReceivedLine {
        sku: sku.to_owned(),
        advised,
        received,
        rejected,
    }
}

#[test]
fn deviations_show_over_under_rejected_and_unadvised_with_units_and_percent() {
    let lines = vec![
        received("EXACT", 10, 10, 0),
        received("OVER", 10, 12, 0),
        received("UNDER", 8, 6, 0),
        received("REJ", 5, 5, 2),
        received("NEW", 0, 3, 0),
    ];
    let found = deviations(&lines, true);
    let skus: Vec<&str> = found.iter().map(|d| d.sku.as_str()).collect();
    assert_eq!(
        skus,
        vec!["OVER", "UNDER", "REJ", "NEW"],
        "a line received exactly as advised is no deviation"
    );
    assert_eq!(
        (found[0].difference, found[0].difference_percent),
        (2, Some(20.0))
    );
    assert_eq!(found[0].kinds, vec![DeviationKind::Over]);
    assert_eq!(
        (found[1].difference, found[1].difference_percent),
        (-2, Some(-25.0)),
        "6 of 8 is 2 units and 25 percent short"
    );
    assert_eq!(found[1].kinds, vec![DeviationKind::Under]);
    assert_eq!(
        found[2].kinds,
        vec![DeviationKind::Rejected],
        "all five arrived, two of them rejected"
    );
    assert_eq!(found[3].kinds, vec![DeviationKind::Unadvised]);
    assert_eq!(
        found[3].difference_percent, None,
        "nothing was advised, so there is no percent"
    );
}

#[test]
fn a_shortfall_is_no_deviation_while_the_warehouse_is_still_receiving() {
    let lines = vec![received("UNDER", 8, 6, 0), received("OVER", 1, 2, 0)];
    let found = deviations(&lines, false);
    assert_eq!(
        found.iter().map(|d| d.sku.as_str()).collect::<Vec<_>>(),
        vec!["OVER"],
        "the rest of a partly received line may still come; a surplus is already certain"
    );
}

#[test]
fn percent_is_rounded_to_one_decimal() {
    let d = received("A", 3, 4, 0).deviation(true).expect("one over");
    assert_eq!(d.difference_percent, Some(33.3), "1 of 3 is 33.3 percent");
}
