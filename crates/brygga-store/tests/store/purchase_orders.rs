//! The purchase order tables: numbers from the counter, versions, receipts and acknowledgements.

use brygga_store::{
    PurchaseOrderContent, PurchaseOrderKind, PurchaseOrderState, ReceiptRead, Store,
};

use crate::fresh_store;

fn content(supplier: &str) -> PurchaseOrderContent {
    PurchaseOrderContent {
        supplier: supplier.to_owned(),
        reference: Some("REF-1".to_owned()),
        expected_date: Some("2026-12-01".to_owned()),
        remark: None,
        lines: serde_json::json!([{"sku": "A-1", "quantity": 5}]),
    }
}

fn number(id: i64) -> String {
    format!("PO-{id:06}")
}

fn read(sku: &str, advised: i64, received: i64, rejected: i64) -> ReceiptRead {
    ReceiptRead {
        sku: sku.to_owned(),
        advised,
        received,
        rejected,
    }
}

#[test]
fn numbers_come_from_a_counter_and_are_never_reused() {
    let store: Store = fresh_store();
    let purchase_orders = store.purchase_orders();
    let first = purchase_orders
        .create(PurchaseOrderKind::Regular, &content("Acme"), number, 1_000)
        .unwrap();
    let second = purchase_orders
        .create(
            PurchaseOrderKind::InitialStockIn,
            &content("Go-live"),
            number,
            2_000,
        )
        .unwrap();
    assert_eq!(
        (first.number.as_str(), second.number.as_str()),
        ("PO-000001", "PO-000002"),
        "each purchase order gets the next number"
    );
    assert_eq!(first.state, PurchaseOrderState::Open);
    assert_eq!(second.kind, PurchaseOrderKind::InitialStockIn);
    let listed: Vec<String> = purchase_orders
        .list()
        .unwrap()
        .into_iter()
        .map(|po| po.number)
        .collect();
    assert_eq!(listed, vec!["PO-000002", "PO-000001"], "newest first");
}

#[test]
fn a_saved_version_counts_and_clears_the_last_refusal() {
    let store = fresh_store();
    let purchase_orders = store.purchase_orders();
    let po = purchase_orders
        .create(PurchaseOrderKind::Regular, &content("Acme"), number, 1_000)
        .unwrap();
    purchase_orders
        .set_refusal(
            &po.number,
            Some("the warehouse has started receiving it"),
            1_500,
        )
        .unwrap();
    let refused = purchase_orders.get(&po.number).unwrap().unwrap();
    assert_eq!(
        refused.refused_at_ms,
        Some(1_500),
        "the refusal is kept with its time"
    );
    let generation = purchase_orders
        .save_version(&po.number, &content("Acme AB"), 2_000)
        .unwrap();
    assert_eq!(generation, 1, "the first edit is generation 1");
    let saved = purchase_orders.get(&po.number).unwrap().unwrap();
    assert_eq!(saved.content.supplier, "Acme AB");
    assert_eq!(
        saved.refusal, None,
        "a new version has not been refused yet"
    );
    store
        .atomically(|w| w.purchase_order_sent(&po.number, 77, 1, 3_000))
        .unwrap();
    let sent = purchase_orders.get(&po.number).unwrap().unwrap();
    assert_eq!(
        (sent.warehouse_id, sent.sent_generation),
        (Some(77), Some(1)),
        "the warehouse's id and the version it accepted are recorded"
    );
}

#[test]
fn a_bad_expected_date_is_refused_by_the_table() {
    let store = fresh_store();
    let mut bad = content("Acme");
    bad.expected_date = Some("2026-13-45".to_owned());
    assert!(
        store
            .purchase_orders()
            .create(PurchaseOrderKind::Regular, &bad, number, 1_000)
            .is_err(),
        "the CHECK refuses a date that is not a calendar day"
    );
}

#[test]
fn receipts_accumulate_and_an_acknowledgement_holds_until_the_quantities_change() {
    let store = fresh_store();
    let purchase_orders = store.purchase_orders();
    let po = purchase_orders
        .create(PurchaseOrderKind::Regular, &content("Acme"), number, 1_000)
        .unwrap();
    purchase_orders
        .record_warehouse(
            &po.number,
            77,
            400,
            Some("Partly received"),
            &[read("A-1", 5, 3, 1)],
            2_000,
        )
        .unwrap();
    assert!(
        purchase_orders
            .acknowledge(po.id, "A-1", Some("supplier credits one"), 2_500)
            .unwrap(),
        "an existing receipt line is acknowledged"
    );
    let lines = purchase_orders.receipts(po.id).unwrap();
    assert!(
        lines[0].acknowledged_as_is(),
        "the quantities read are the ones acknowledged"
    );
    assert_eq!(
        lines[0]
            .acknowledged
            .as_ref()
            .and_then(|a| a.note.as_deref()),
        Some("supplier credits one")
    );
    purchase_orders
        .record_warehouse(
            &po.number,
            77,
            400,
            Some("Partly received"),
            &[read("A-1", 5, 6, 1), read("NEW", 0, 2, 0)],
            3_000,
        )
        .unwrap();
    let lines = purchase_orders.receipts(po.id).unwrap();
    assert_eq!(lines.len(), 2, "an unadvised article adds a line");
    assert_eq!(
        lines[0].received, 6,
        "the second day's read replaces the total"
    );
    assert!(
        !lines[0].acknowledged_as_is(),
        "more goods after the acknowledgement open the deviation again"
    );
    let po = purchase_orders.get(&po.number).unwrap().unwrap();
    assert_eq!(po.warehouse_status, Some(400));
    assert!(
        !purchase_orders
            .acknowledge(po.id, "NOPE", None, 4_000)
            .unwrap(),
        "an article without a receipt cannot be acknowledged"
    );
}
