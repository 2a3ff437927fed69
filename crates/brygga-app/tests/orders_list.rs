//! The orders list through the same function the desktop shell calls, over a store filled with
//! many orders of every state: filters, paging past the first page, and the total. No shop is
//! connected, so the list also shows that it never needs the shop to answer.

use brygga_app::commands::list_orders;
use brygga_app::commands::types::*;
use brygga_app::orders::OrderStateName;
use brygga_app::{App, ErrorCode};
use brygga_store::OrderLink;

fn stored(id: i64, created_ms: i64) -> OrderLink {
    OrderLink {
        shop_order_id: id,
        identity: format!("{id}@{created_ms}"),
        shop_created_at_ms: created_ms,
        shop_status_id: Some(1),
        shipping_method_id: Some(1),
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
        updated_at_ms: created_ms,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_list_filters_and_pages_without_a_shop() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let store = app.store().unwrap();
    const DAY: i64 = 86_400_000;
    let start = 1_767_225_600_000; // 2026-01-01T00:00:00Z
    for n in 0..250_i64 {
        let mut link = stored(1000 + n, start + n * DAY / 10);
        match n % 5 {
            0 => {}
            1 => {
                link.sent_hash = Some("0123456789abcdef".to_owned());
                link.sent_at_ms = Some(link.shop_created_at_ms);
                link.warehouse_order_id = Some(5000 + n);
                link.warehouse_status = Some(200);
            }
            2 => {
                link.sent_hash = Some("0123456789abcdef".to_owned());
                link.sent_at_ms = Some(link.shop_created_at_ms);
                link.warehouse_order_id = Some(5000 + n);
                link.warehouse_status = Some(400);
                link.tracking_written = Some(format!("TRK{n}"));
            }
            3 => {
                link.hold = Some(
                    serde_json::json!({"code": "order.unknownCurrency", "message": "currency XYZ"}),
                );
            }
            _ => link.baseline = true,
        }
        store.order_links().upsert(&link).unwrap();
    }

    let all = list_orders(&app, ListOrdersRequest::default())
        .await
        .unwrap();
    assert_eq!(all.total, 250, "every stored order counts");
    assert_eq!(all.orders.len(), 100, "the default page is 100 orders");
    assert_eq!(
        all.orders[0].shop_order_id, 1249,
        "newest order number first"
    );
    assert!(
        !all.shop_status_names,
        "no shop is connected, so ids are shown; the list still works"
    );

    let last = list_orders(
        &app,
        ListOrdersRequest {
            offset: 200,
            limit: 100,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(last.orders.len(), 50, "the third page holds the rest");
    assert_eq!(last.orders.last().map(|o| o.shop_order_id), Some(1000));
    assert_eq!(last.offset, 200);

    let held = list_orders(
        &app,
        ListOrdersRequest {
            state: Some(OrderStateName::Held),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(held.total, 50, "one order in five is held");
    assert!(
        held.orders
            .iter()
            .all(|o| o.state == OrderStateName::Held && o.hold_message.is_some())
    );

    // With no status mapping saved, no warehouse status is known to be open: every order the
    // warehouse reported on counts as locked (the safe reading).
    let locked = list_orders(
        &app,
        ListOrdersRequest {
            locked: Some(true),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(locked.total, 100, "the orders with a warehouse status");
    let open = list_orders(
        &app,
        ListOrdersRequest {
            locked: Some(false),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(open.total, 150);

    let by_number = list_orders(
        &app,
        ListOrdersRequest {
            text: Some("124".to_owned()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let mut numbers: Vec<i64> = by_number.orders.iter().map(|o| o.shop_order_id).collect();
    numbers.sort_unstable();
    assert_eq!(
        numbers,
        [1124].into_iter().chain(1240..=1249).collect::<Vec<_>>(),
        "any part of the order number matches"
    );
    let by_tracking = list_orders(
        &app,
        ListOrdersRequest {
            text: Some("TRK7".to_owned()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert!(
        by_tracking
            .orders
            .iter()
            .all(|o| o.tracking.as_deref().is_some_and(|t| t.starts_with("TRK7")))
    );
    let expected = (0..250)
        .filter(|n| n % 5 == 2 && format!("TRK{n}").contains("TRK7"))
        .count();
    assert_eq!(
        by_tracking.total as usize, expected,
        "part of the tracking number matches (TRK7, TRK72, TRK77 ...)"
    );

    let first_day = list_orders(
        &app,
        ListOrdersRequest {
            created_from: Some("2026-01-01T00:00:00Z".to_owned()),
            created_to: Some("2026-01-02T00:00:00Z".to_owned()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(first_day.total, 10, "ten orders a day, the end excluded");

    let bad = list_orders(
        &app,
        ListOrdersRequest {
            created_from: Some("yesterday".to_owned()),
            ..Default::default()
        },
    )
    .await
    .expect_err("a time must be RFC 3339");
    assert_eq!(bad.code, ErrorCode::Validation);
}
