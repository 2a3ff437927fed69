//! The orders screen's reads: a filtered page of `order_links` with the total it matches, and the
//! outbox rows of one order found by their key prefix.

use brygga_store::{NewOutboxRow, OrderFilter, OrderLink, OrderState, OutboxStatus, Store};
use serde_json::json;

use crate::fresh_store;

fn link(id: i64) -> OrderLink {
    OrderLink {
        shop_order_id: id,
        identity: format!("{id}@{}", id * 1_000),
        shop_created_at_ms: id * 1_000,
        shop_status_id: Some(1),
        shipping_method_id: None,
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
        paid: true,
        released_batch_id: None,
        updated_at_ms: 0,
    }
}

fn sent(id: i64, status: i64) -> OrderLink {
    OrderLink {
        warehouse_order_id: Some(900 + id),
        sent_hash: Some("0123456789abcdef".into()),
        sent_at_ms: Some(1),
        warehouse_status: Some(status),
        ..link(id)
    }
}

/// 1 waiting, 2 sent and open (200), 3 sent and picking (400), 4 shipped (450), 5 held although
/// shipped, 6 cancelled, 7 baseline.
fn seven(store: &Store) {
    let held = OrderLink {
        hold: Some(json!({"code": "order.changeRefused", "message": "refused"})),
        ..sent(5, 450)
    };
    let cancelled = OrderLink {
        cancelled: true,
        ..sent(6, 200)
    };
    let baseline = OrderLink {
        baseline: true,
        ..link(7)
    };
    for order in [
        link(1),
        sent(2, 200),
        sent(3, 400),
        sent(4, 450),
        held,
        cancelled,
        baseline,
    ] {
        store.order_links().upsert(&order).unwrap();
    }
}

fn filter() -> OrderFilter {
    OrderFilter {
        open_statuses: vec![200],
        shipped_statuses: vec![450],
        ..OrderFilter::default()
    }
}

fn ids(store: &Store, filter: &OrderFilter) -> (Vec<i64>, u64) {
    let page = store.order_links().page(filter, 0, 100).unwrap();
    (
        page.orders.iter().map(|o| o.shop_order_id).collect(),
        page.total,
    )
}

#[test]
fn each_order_has_one_state_by_precedence() {
    let store = fresh_store();
    seven(&store);
    let of = |state| {
        ids(
            &store,
            &OrderFilter {
                state: Some(state),
                ..filter()
            },
        )
        .0
    };
    assert_eq!(of(OrderState::Waiting), vec![1]);
    assert_eq!(
        of(OrderState::Sent),
        vec![3, 2],
        "in the warehouse, not shipped"
    );
    assert_eq!(
        of(OrderState::Shipped),
        vec![4],
        "a held order shows as held, not shipped"
    );
    assert_eq!(of(OrderState::Held), vec![5]);
    assert_eq!(of(OrderState::Cancelled), vec![6]);
    assert_eq!(of(OrderState::Baseline), vec![7]);
}

#[test]
fn locked_means_a_warehouse_status_that_is_not_open() {
    let store = fresh_store();
    seven(&store);
    let locked = |value| {
        ids(
            &store,
            &OrderFilter {
                locked: Some(value),
                ..filter()
            },
        )
        .0
    };
    assert_eq!(locked(true), vec![5, 4, 3]);
    assert_eq!(
        locked(false),
        vec![7, 6, 2, 1],
        "no warehouse status, or an open one"
    );
    let unmapped = OrderFilter {
        locked: Some(true),
        open_statuses: Vec::new(),
        ..filter()
    };
    assert_eq!(
        ids(&store, &unmapped).0,
        vec![6, 5, 4, 3, 2],
        "with no open status known, every status the warehouse reported locks (the safe reading)"
    );
}

#[test]
fn pages_walk_the_order_numbers_down_with_the_total_of_the_filter() {
    let store = fresh_store();
    for id in 1..=25 {
        store.order_links().upsert(&link(id)).unwrap();
    }
    let page = store.order_links().page(&filter(), 20, 10).unwrap();
    assert_eq!(
        page.orders
            .iter()
            .map(|o| o.shop_order_id)
            .collect::<Vec<_>>(),
        vec![5, 4, 3, 2, 1],
        "the third page of ten holds the last five"
    );
    assert_eq!(page.total, 25, "the total counts every match, not the page");
    let dated = OrderFilter {
        created_from_ms: Some(10_000),
        created_to_ms: Some(13_000),
        text: Some("1".into()),
        ..filter()
    };
    assert_eq!(
        ids(&store, &dated),
        (vec![12, 11, 10], 3),
        "from inclusive, to exclusive"
    );
}

#[test]
fn an_orders_outbox_rows_are_found_by_their_key_prefix() {
    let store = fresh_store();
    let queue = |kind: &str, key: &str| {
        store
            .outbox()
            .enqueue(
                NewOutboxRow {
                    kind: kind.into(),
                    idempotency_key: key.into(),
                    payload: json!({}),
                    max_attempts: 3,
                    run_at_ms: 0,
                },
                0,
            )
            .unwrap()
            .id()
    };
    let send = queue("warehouse.upsert_order", "7@1000#0->aa");
    let status = queue("shop.set_status", "7@1000#0:450->4");
    queue("warehouse.upsert_order", "70@1000#0->aa");
    queue("shop.set_stock", "7@1000#0->1");
    let rows = store
        .outbox()
        .with_key_prefix(&["warehouse.upsert_order", "shop.set_status"], "7@")
        .unwrap();
    assert_eq!(
        rows.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![send, status],
        "order 70's row and other kinds are not order 7's"
    );
    assert!(rows.iter().all(|r| r.status == OutboxStatus::Pending));
}
