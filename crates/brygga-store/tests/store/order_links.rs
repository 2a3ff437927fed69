//! `order_links`: the first identity wins, links by warehouse order id, and the focused updates.

use brygga_store::{OrderLink, OrderLinkCounts, Store, StoreError};
use serde_json::json;

use crate::fresh_store;

const HASH: &str = "0123456789abcdef";

/// A batch started by hand with no orders, for an order to be released by.
fn merchant_batch(store: &Store) -> i64 {
    store
        .release_batches()
        .create(None, "merchant", "running", &json!({}), &[], 1_000)
        .unwrap()
}

fn seen(store: &Store, shop_order_id: i64) -> OrderLink {
    store
        .order_links()
        .record_seen(
            shop_order_id,
            &format!("{shop_order_id}@1000"),
            1_000,
            Some(1),
            Some(10),
            1_000,
        )
        .unwrap()
}

#[test]
fn a_new_order_is_recorded_with_nothing_done_yet() {
    let store = fresh_store();
    let row = seen(&store, 7);
    assert_eq!(
        row,
        OrderLink {
            shop_order_id: 7,
            identity: "7@1000".into(),
            shop_created_at_ms: 1_000,
            shop_status_id: Some(1),
            shipping_method_id: Some(10),
            warehouse_order_id: None,
            sent_hash: None,
            sent_at_ms: None,
            sent_generation: 0,
            warehouse_status: None,
            warehouse_status_text: None,
            shop_status_written: None,
            tracking_written: None,
            status_writes: 0,
            cancelled: false,
            baseline: false,
            hold: None,
            held_back: false,
            released_batch_id: None,
            updated_at_ms: 1_000,
            paid: true,
        },
        "record_seen returns the stored row, which for a new order is only what the shop said"
    );
    assert_eq!(
        store.order_links().get(7).unwrap(),
        Some(row),
        "get reads back the same row"
    );
}

#[test]
fn the_same_order_seen_again_updates_its_status_and_shipping_method() {
    let store = fresh_store();
    seen(&store, 7);
    let links = store.order_links();
    let moved = links
        .record_seen(7, "7@1000", 1_000, Some(4), Some(10), 2_000)
        .unwrap();
    assert_eq!(
        (
            moved.shop_status_id,
            moved.shipping_method_id,
            moved.updated_at_ms
        ),
        (Some(4), Some(10), 2_000),
        "a new shop status is recorded"
    );
    let reshipped = links
        .record_seen(7, "7@1000", 1_000, Some(4), Some(20), 3_000)
        .unwrap();
    assert_eq!(
        (reshipped.shipping_method_id, reshipped.updated_at_ms),
        (Some(20), 3_000),
        "a shipping method changed in the shop alone is a change too: it decides how the \
         warehouse ships the order"
    );
    let unshipped = links
        .record_seen(7, "7@1000", 1_000, Some(4), None, 4_000)
        .unwrap();
    assert_eq!(
        unshipped.shipping_method_id, None,
        "a shipping method the shop no longer reports is not kept from before"
    );
    let unchanged = links
        .record_seen(7, "7@1000", 1_000, Some(4), None, 5_000)
        .unwrap();
    assert_eq!(
        unchanged.updated_at_ms, 4_000,
        "a sighting that changes nothing writes nothing"
    );
}

#[test]
fn a_reused_number_of_a_sent_order_leaves_the_row_alone() {
    let store = fresh_store();
    seen(&store, 7);
    let links = store.order_links();
    links.record_sent(7, 5_001, HASH, 2_000).unwrap();
    let before = links.get(7).unwrap().unwrap();

    let reused = links
        .record_seen(7, "7@9000", 9_000, Some(3), Some(20), 9_000)
        .unwrap();
    assert_eq!(
        reused, before,
        "the warehouse holds the order first seen under this number, so the row stays its own \
         (identity, status, shipping method and all) and the caller sees the identity differ"
    );
    assert_eq!(
        links.get(7).unwrap(),
        Some(before),
        "the returned row is the stored row: nothing was written"
    );
}

#[test]
fn a_reused_number_of_a_cancelled_order_leaves_the_row_alone() {
    let store = fresh_store();
    seen(&store, 7);
    store.order_links().record_cancelled(7, 2_000).unwrap();
    let before = store.order_links().get(7).unwrap().unwrap();
    let reused = store
        .order_links()
        .record_seen(7, "7@9000", 9_000, Some(3), Some(20), 9_000)
        .unwrap();
    assert_eq!(
        reused, before,
        "Brygga cancelled the first order in the warehouse, so the row still stands for it and \
         is not handed to another order"
    );
}

#[test]
fn a_reused_number_of_a_never_sent_order_takes_the_row_over() {
    let store = fresh_store();
    seen(&store, 7);
    let links = store.order_links();
    links
        .set_hold(7, Some(json!({"code": "c", "message": "m"})), 2_000)
        .unwrap();
    links.mark_baseline(&[7], 2_000).unwrap();
    links
        .record_warehouse_status(7, 200, "Received", 2_000)
        .unwrap();
    links.record_shop_status_written(7, 3, None, 2_000).unwrap();
    links.set_held_back(7, true, 2_000).unwrap();
    let batch = merchant_batch(&store);
    links.record_released(7, Some(batch), 2_000).unwrap();

    let taken = links
        .record_seen(7, "7@9000", 9_000, Some(3), Some(20), 9_000)
        .unwrap();
    assert_eq!(
        taken,
        OrderLink {
            shop_order_id: 7,
            identity: "7@9000".into(),
            shop_created_at_ms: 9_000,
            shop_status_id: Some(3),
            shipping_method_id: Some(20),
            warehouse_order_id: None,
            sent_hash: None,
            sent_at_ms: None,
            sent_generation: 0,
            warehouse_status: None,
            warehouse_status_text: None,
            shop_status_written: None,
            tracking_written: None,
            status_writes: 1,
            cancelled: false,
            baseline: false,
            hold: None,
            held_back: false,
            released_batch_id: None,
            updated_at_ms: 9_000,
            paid: true,
        },
        "nothing in the warehouse stands for the old order, so the new one takes the row: what \
         the shop says replaces the old order's, and its hold, baseline mark, held-back mark, \
         releasing batch and warehouse status and what Brygga wrote for it go; the generations \
         stay, as their keys were used under this number"
    );
    assert_eq!(
        links.list_held().unwrap(),
        vec![],
        "the old order's hold must not stop the new order"
    );
    let again = links
        .record_seen(7, "7@9000", 9_000, Some(4), Some(20), 9_500)
        .unwrap();
    assert_eq!(
        (again.identity.as_str(), again.shop_status_id),
        ("7@9000", Some(4)),
        "from then on the new order is the row's own order"
    );
}

#[test]
fn each_accepted_send_and_status_write_counts_one_generation() {
    let store = fresh_store();
    seen(&store, 7);
    seen(&store, 8);
    let links = store.order_links();
    let generations = |id| {
        let row = links.get(id).unwrap().unwrap();
        (row.sent_generation, row.status_writes)
    };

    links.record_sent(7, 5_001, HASH, 2_000).unwrap();
    links.record_sent(7, 5_001, HASH, 3_000).unwrap();
    store
        .atomically(|w| w.order_sent(7, 5_001, HASH, 4_000))
        .unwrap();
    links.record_shop_status_written(7, 3, None, 5_000).unwrap();
    links.record_shop_status_written(7, 4, None, 6_000).unwrap();
    store
        .atomically(|w| w.order_shop_status_written(7, 3, Some("TRACK-1"), 7_000))
        .unwrap();
    assert_eq!(
        generations(7),
        (3, 3),
        "each accepted send and status write is a new idempotency key, the same hash or status \
         again included, through the handle and through atomically alike"
    );

    links
        .record_warehouse_status(7, 450, "Sent", 8_000)
        .unwrap();
    links.record_cancelled(7, 8_000).unwrap();
    links
        .record_seen(7, "7@1000", 1_000, Some(9), Some(10), 8_000)
        .unwrap();
    assert_eq!(
        generations(7),
        (3, 3),
        "only the write each counter counts moves it"
    );
    assert_eq!(
        generations(8),
        (0, 0),
        "generations are per order: another order's writes do not count"
    );
    assert!(
        store
            .atomically(|w| w.order_sent(99, 5_099, HASH, 9_000))
            .is_err(),
        "an order never seen has no counter to move"
    );
}

#[test]
fn a_sent_order_is_found_by_its_warehouse_order_id() {
    let store = fresh_store();
    seen(&store, 7);
    seen(&store, 8);
    store
        .order_links()
        .record_sent(7, 5_001, HASH, 2_000)
        .unwrap();

    let found = store
        .order_links()
        .by_warehouse_order_id(5_001)
        .unwrap()
        .expect("order 7 was sent as 5001");
    assert_eq!(
        (
            found.shop_order_id,
            found.sent_hash.as_deref(),
            found.sent_at_ms
        ),
        (7, Some(HASH), Some(2_000)),
        "a warehouse status change must reach the shop order that was sent"
    );
    assert_eq!(
        store.order_links().by_warehouse_order_id(5_002).unwrap(),
        None,
        "a warehouse order Brygga did not send belongs to no shop order"
    );
    let error = store
        .order_links()
        .record_sent(8, 5_001, HASH, 2_000)
        .expect_err("5001 already stands for order 7");
    assert!(
        error.to_string().contains("UNIQUE"),
        "linking a second shop order to one warehouse order is refused: {error}"
    );
}

#[test]
fn focused_updates_change_only_their_columns() {
    let store = fresh_store();
    seen(&store, 7);
    let links = store.order_links();
    links
        .record_warehouse_status(7, 450, "Sent", 2_000)
        .unwrap();
    links
        .record_shop_status_written(7, 3, Some("TRACK-1"), 3_000)
        .unwrap();
    links.record_shop_status_written(7, 4, None, 4_000).unwrap();
    links.record_cancelled(7, 5_000).unwrap();

    let row = links.get(7).unwrap().unwrap();
    assert_eq!(
        (row.warehouse_status, row.warehouse_status_text.as_deref()),
        (Some(450), Some("Sent")),
        "the warehouse status is kept as read"
    );
    assert_eq!(
        (row.shop_status_written, row.tracking_written.as_deref()),
        (Some(4), Some("TRACK-1")),
        "a later status write without tracking leaves the tracking the shop still shows"
    );
    assert_eq!(
        (row.cancelled, row.shop_status_id, row.updated_at_ms),
        (true, Some(1), 5_000),
        "cancelling sets its flag; the status seen in the shop is not Brygga's to change"
    );
}

#[test]
fn a_hold_is_listed_until_released() {
    let store = fresh_store();
    seen(&store, 7);
    seen(&store, 8);
    let hold = json!({"code": "number_reused", "message": "Order 8 was seen before", "first": 1});
    store
        .order_links()
        .set_hold(8, Some(hold.clone()), 2_000)
        .unwrap();

    let held = store.order_links().list_held().unwrap();
    assert_eq!(
        held.iter()
            .map(|row| (row.shop_order_id, row.hold.clone()))
            .collect::<Vec<_>>(),
        vec![(8, Some(hold))],
        "only the held order is listed, with its reason as given, extra fields included"
    );
    store.order_links().set_hold(8, None, 3_000).unwrap();
    assert!(
        store.order_links().list_held().unwrap().is_empty(),
        "releasing the hold takes the order off the merchant's list"
    );
    assert_eq!(
        store.order_links().list().unwrap().len(),
        2,
        "list() has every order, held or not"
    );
}

#[test]
fn a_hold_needs_a_code_and_a_message() {
    let store = fresh_store();
    seen(&store, 7);
    for bad in [json!({"code": "x"}), json!(["x"]), json!({"message": "m"})] {
        assert!(
            store
                .order_links()
                .set_hold(7, Some(bad.clone()), 2_000)
                .is_err(),
            "{bad} cannot be shown to the merchant as a reason"
        );
    }
}

#[test]
fn updating_an_order_never_seen_is_an_error() {
    let store = fresh_store();
    let error = store
        .order_links()
        .record_warehouse_status(99, 450, "Sent", 2_000)
        .expect_err("order 99 has no row");
    assert!(
        matches!(
            error,
            StoreError::NoSuchRow {
                table: "order_links",
                id: 99
            }
        ),
        "a silent no-op would lose the status; the error names the order: {error:?}"
    );
}

#[test]
fn upsert_writes_and_overwrites_the_whole_row() {
    let store = fresh_store();
    let mut link = seen(&store, 7);
    link.warehouse_order_id = Some(5_001);
    link.sent_hash = Some(HASH.into());
    link.sent_at_ms = Some(2_000);
    link.shipping_method_id = Some(30);
    link.sent_generation = 4;
    link.status_writes = 2;
    link.baseline = true;
    link.hold = Some(json!({"code": "c", "message": "m"}));
    link.held_back = true;
    link.released_batch_id = Some(merchant_batch(&store));
    link.updated_at_ms = 2_000;
    store.order_links().upsert(&link).unwrap();
    assert_eq!(
        store.order_links().get(7).unwrap().as_ref(),
        Some(&link),
        "every column of an existing row is overwritten"
    );

    link.shop_order_id = 8;
    link.warehouse_order_id = None;
    store.order_links().upsert(&link).unwrap();
    assert_eq!(
        store.order_links().get(8).unwrap(),
        Some(link),
        "a row that did not exist is inserted"
    );
}

#[test]
fn mark_baseline_is_all_or_nothing() {
    let store = fresh_store();
    seen(&store, 7);
    seen(&store, 8);
    let error = store
        .order_links()
        .mark_baseline(&[7, 99], 2_000)
        .expect_err("order 99 was never seen");
    assert!(
        matches!(error, StoreError::NoSuchRow { id: 99, .. }),
        "the error names the order that is missing: {error:?}"
    );
    assert!(
        !store.order_links().get(7).unwrap().unwrap().baseline,
        "a failed call marks nothing, so the caller can fix the list and call again"
    );
    store.order_links().mark_baseline(&[7, 8], 2_000).unwrap();
    assert_eq!(
        store.order_links().counts().unwrap().baseline,
        2,
        "every listed order is marked"
    );
}

#[test]
fn counts_follow_each_state() {
    let store = fresh_store();
    assert_eq!(
        store.order_links().counts().unwrap(),
        OrderLinkCounts::default(),
        "an empty table counts zero everywhere"
    );
    for id in 1..=4 {
        seen(&store, id);
    }
    let links = store.order_links();
    links.record_sent(1, 501, HASH, 2_000).unwrap();
    links.record_sent(2, 502, HASH, 2_000).unwrap();
    links.record_cancelled(2, 3_000).unwrap();
    links
        .set_hold(3, Some(json!({"code": "c", "message": "m"})), 2_000)
        .unwrap();
    links.mark_baseline(&[4], 2_000).unwrap();
    assert_eq!(
        links.counts().unwrap(),
        OrderLinkCounts {
            total: 4,
            sent: 2,
            held: 1,
            cancelled: 1,
            baseline: 1,
        },
        "each order is counted in total and in every state it is in"
    );
}

#[test]
fn held_back_is_kept_until_the_merchant_lets_the_order_go() {
    let store = fresh_store();
    seen(&store, 7);
    seen(&store, 8);
    let links = store.order_links();
    links.set_held_back(8, true, 2_000).unwrap();
    let row = links.get(8).unwrap().unwrap();
    assert_eq!(
        (row.held_back, row.updated_at_ms),
        (true, 2_000),
        "the merchant's hold-back is stored, so the next batch leaves the order out"
    );
    assert!(
        !links.get(7).unwrap().unwrap().held_back,
        "holding one order back leaves the others to the batches"
    );
    assert!(
        links.list_held().unwrap().is_empty(),
        "held back from batches is not the hold that stops an order for a problem"
    );
    links.set_held_back(8, false, 3_000).unwrap();
    assert!(
        !links.get(8).unwrap().unwrap().held_back,
        "letting the order go makes it a candidate for batches again"
    );
    let error = links
        .set_held_back(99, true, 3_000)
        .expect_err("order 99 was never seen");
    assert!(
        matches!(
            error,
            StoreError::NoSuchRow {
                table: "order_links",
                id: 99
            }
        ),
        "holding back an unknown order must not pass silently: {error:?}"
    );
}

#[test]
fn the_releasing_batch_is_recorded_and_cleared_when_put_back_on_hold() {
    let store = fresh_store();
    seen(&store, 7);
    let batch = merchant_batch(&store);
    store
        .atomically(|w| w.order_released(7, Some(batch), 2_000))
        .unwrap();
    let row = store.order_links().get(7).unwrap().unwrap();
    assert_eq!(
        (row.released_batch_id, row.updated_at_ms),
        (Some(batch), 2_000),
        "the order names the batch that released it"
    );
    store.order_links().record_released(7, None, 3_000).unwrap();
    assert_eq!(
        store
            .order_links()
            .get(7)
            .unwrap()
            .unwrap()
            .released_batch_id,
        None,
        "an order put back on hold is no longer released by any batch"
    );
    assert!(
        store
            .atomically(|w| w.order_released(7, Some(batch + 100), 4_000))
            .is_err(),
        "a batch that does not exist cannot have released the order"
    );
    assert!(
        matches!(
            store.atomically(|w| w.order_released(99, Some(batch), 4_000)),
            Err(StoreError::NoSuchRow { id: 99, .. })
        ),
        "an order never seen cannot be released"
    );
}
