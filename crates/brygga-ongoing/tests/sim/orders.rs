//! Orders: upsert, read-back, status changes, cancel, acknowledgements and the lock once picking starts.

use brygga_core::remote::{Classified, FailureClass};
use brygga_ongoing::OngoingError;
use brygga_ongoing::orders::{OrderLineUpsert, OrderQuery};
use brygga_ongoing::pickability::{Pickability, PickabilityQuery};
use brygga_sim::ongoing::{
    OrderStage, PickedLine, Picking, ShippedParcel, Shipping, StatusDefinition, UnclaimedParcel,
};
use chrono::TimeDelta;

use crate::support::*;

#[tokio::test]
async fn an_order_travels_to_sent_with_tracking_and_is_then_locked() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();
    stock(&sim, 1, 10.0);
    let order_id = client
        .upsert_order(&order("1001", "SKU-0001"))
        .await
        .unwrap();

    let found = client
        .orders(&OrderQuery {
            order_number: Some("1001".to_owned()),
            ..OrderQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(found.len(), 1, "the order is found by its number");
    assert_eq!(found[0].order_info.order_id, order_id);

    sim.pick_order(order_id, &Picking::default()).unwrap();
    let refused = client
        .upsert_order(&order("1001", "SKU-0001"))
        .await
        .unwrap_err();
    assert!(
        matches!(refused, OngoingError::Rejected { .. }),
        "a started order refuses changes: {refused}"
    );
    let refused = client.cancel_order(order_id).await.unwrap_err();
    assert_eq!(
        refused.class(),
        FailureClass::Abort,
        "a refused cancel is reported, not retried"
    );

    sim.ship_order(order_id, &Shipping::default()).unwrap();
    let sent = client.order(order_id).await.unwrap();
    assert!(
        sent.order_info.way_bill.is_some(),
        "a shipped order carries its waybill: {sent:?}"
    );
    let tracking = sent.tracking.unwrap_or_default();
    assert!(
        tracking.iter().any(|t| t.tracking_url.is_some()),
        "the customer's tracking URL comes back for the shop"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn release_moves_the_order_to_the_warehouses_own_status_number() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    sim.define_order_status(StatusDefinition {
        number: 310,
        text: "Släppt till plock".to_owned(),
        stage: Some(OrderStage::Released),
    })
    .unwrap();
    let statuses = client.order_statuses().await.unwrap();
    assert!(
        statuses
            .iter()
            .any(|s| s.number == 310 && s.text.as_deref() == Some("Släppt till plock")),
        "a status the 3PL added is read live, with its own name: {statuses:?}"
    );

    client.upsert_article(&article(1)).await.unwrap();
    let order_id = client.upsert_order(&order("2001", &sku(1))).await.unwrap();
    client.set_order_status(order_id, 310).await.unwrap();
    let released = client.order(order_id).await.unwrap();
    assert_eq!(
        released.order_info.order_status.map(|s| s.number),
        Some(310),
        "the order carries the status number the release asked for"
    );
    let in_range = client
        .orders(&OrderQuery {
            status_from: Some(300),
            status_to: Some(399),
            ..OrderQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(
        in_range.len(),
        1,
        "the status range filter finds the released order and nothing else"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn the_status_feed_returns_only_orders_changed_after_the_cursor() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();
    stock(&sim, 1, 100.0);
    let quiet = client.upsert_order(&order("3001", &sku(1))).await.unwrap();
    let moving = client.upsert_order(&order("3002", &sku(1))).await.unwrap();

    sim.advance_clock(TimeDelta::minutes(10));
    let cursor = sim.now();
    sim.advance_clock(TimeDelta::minutes(1));
    sim.ship_order(moving, &Shipping::default()).unwrap();

    let changed = client
        .orders(&OrderQuery {
            status_changed_from: Some(cursor),
            ..OrderQuery::default()
        })
        .await
        .unwrap();
    let ids: Vec<i32> = changed.iter().map(|o| o.order_info.order_id).collect();
    assert_eq!(
        ids,
        vec![moving],
        "only the shipped order changed status after the cursor; {quiet} did not"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn a_partial_shipment_reads_back_parcels_waybill_and_tracking() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();
    client.upsert_article(&article(2)).await.unwrap();
    stock(&sim, 1, 5.0);
    let mut two_lines = order("4001", &sku(1));
    two_lines.order_lines.push(OrderLineUpsert {
        row_number: "2".to_owned(),
        article_number: sku(2),
        number_of_items: 1.0,
        should_be_picked: Some(true),
        comment: None,
    });
    let order_id = client.upsert_order(&two_lines).await.unwrap();

    sim.ship_order(
        order_id,
        &Shipping {
            way_bill: Some("00370712345678901".to_owned()),
            tracking_url: Some("https://tracking.example/00370712345678901".to_owned()),
            parcels: vec![
                ShippedParcel {
                    parcel_number: Some("P1".to_owned()),
                    ..ShippedParcel::default()
                },
                ShippedParcel {
                    parcel_number: Some("P2".to_owned()),
                    ..ShippedParcel::default()
                },
            ],
            ..Shipping::default()
        },
    )
    .unwrap();

    let shipped = client.order(order_id).await.unwrap();
    assert_eq!(
        shipped.order_info.way_bill.as_deref(),
        Some("00370712345678901"),
        "the waybill the warehouse booked comes back"
    );
    let parcels: Vec<_> = shipped
        .parcels
        .iter()
        .flatten()
        .filter_map(|p| p.parcel_number.as_deref())
        .collect();
    assert_eq!(parcels, vec!["P1", "P2"], "both parcels come back in order");
    let picked: Vec<f64> = shipped
        .order_lines
        .iter()
        .map(|l| l.picked_number_of_items)
        .collect();
    assert_eq!(
        picked,
        vec![2.0, 0.0],
        "line 1 had stock and was picked; line 2 had none and was shipped short"
    );
    assert!(
        shipped.tracking.iter().flatten().any(
            |t| t.tracking_url.as_deref() == Some("https://tracking.example/00370712345678901")
        ),
        "the customer's tracking link comes back: {:?}",
        shipped.tracking
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn picked_and_returned_items_are_acknowledged_once() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();
    stock(&sim, 1, 10.0);
    let order_id = client.upsert_order(&order("5001", &sku(1))).await.unwrap();
    let to_report = OrderQuery {
        only_picked_to_report: true,
        ..OrderQuery::default()
    };

    sim.pick_order(
        order_id,
        &Picking {
            lines: vec![PickedLine {
                row_number: "1".to_owned(),
                number_of_items: 1.0,
            }],
            ..Picking::default()
        },
    )
    .unwrap();
    let pending = client.orders(&to_report).await.unwrap();
    assert_eq!(pending.len(), 1, "one picked item waits to be reported");
    let line_id = pending[0].order_lines[0].id;
    client
        .acknowledge_picked_line(order_id, line_id, 1.0)
        .await
        .unwrap();
    assert!(
        client.orders(&to_report).await.unwrap().is_empty(),
        "the reported line no longer shows up in the feed"
    );

    sim.ship_order(order_id, &Shipping::default()).unwrap();
    assert_eq!(
        client.orders(&to_report).await.unwrap().len(),
        1,
        "the second item picked at shipping is new and shows up again"
    );
    client.acknowledge_picked(order_id).await.unwrap();
    let acknowledged = client.order(order_id).await.unwrap();
    assert_eq!(
        acknowledged.order_lines[0].reported_number_of_items,
        Some(2.0),
        "reported is set to everything picked"
    );

    sim.register_unclaimed_parcel(&UnclaimedParcel {
        order_id,
        ..UnclaimedParcel::default()
    })
    .unwrap();
    let returned_feed = OrderQuery {
        only_returned_to_report: true,
        ..OrderQuery::default()
    };
    let returned = client.orders(&returned_feed).await.unwrap();
    assert_eq!(
        returned
            .first()
            .map(|o| o.order_lines[0].returned_number_of_items),
        Some(2.0),
        "the uncollected parcel brings both items back on the order"
    );
    client.acknowledge_returned(order_id).await.unwrap();
    assert!(
        client.orders(&returned_feed).await.unwrap().is_empty(),
        "acknowledged returns leave the returned feed"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn pickability_tells_which_orders_stock_covers() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();
    stock(&sim, 1, 3.0);
    let first = client.upsert_order(&order("6001", &sku(1))).await.unwrap();
    let second = client.upsert_order(&order("6002", &sku(1))).await.unwrap();

    let results = client
        .pickability(&PickabilityQuery {
            order_ids: vec![first, second],
            ..PickabilityQuery::default()
        })
        .await
        .unwrap();
    let by_order: Vec<(i32, Option<Pickability>)> = results
        .iter()
        .map(|r| (r.order_info.order_id, r.pickability().cloned()))
        .collect();
    assert_eq!(by_order.len(), 2, "both orders are answered in one call");
    assert!(
        by_order[0]
            .1
            .as_ref()
            .is_some_and(Pickability::can_pick_now),
        "3 on hand cover the first order's 2: {by_order:?}"
    );
    assert!(
        by_order[1].1.as_ref().is_some_and(|p| !p.can_pick_now()),
        "only 1 is left for the second order's 2: {by_order:?}"
    );
    assert_eq!(
        sim.call_count("Orders_GetPickability"),
        1,
        "several orders go in one request, as Ongoing recommends"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn several_order_numbers_are_looked_up_in_one_call() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();
    for number in ["9001", "9002", "9003"] {
        client.upsert_order(&order(number, &sku(1))).await.unwrap();
    }
    let before = sim.call_count("Orders_GetAll");
    let found = client
        .orders(&OrderQuery {
            order_numbers: vec!["9001".to_owned(), "9003".to_owned(), "9999".to_owned()],
            ..OrderQuery::default()
        })
        .await
        .unwrap();
    let numbers: Vec<_> = found
        .iter()
        .filter_map(|o| o.order_info.order_number.clone())
        .collect();
    assert_eq!(
        numbers,
        vec!["9001", "9003"],
        "only the numbers asked for, unknown ones skipped"
    );
    assert_eq!(
        sim.call_count("Orders_GetAll") - before,
        1,
        "the engine checks a batch of new order numbers with one request"
    );
    assert_conforms(&server);
}
