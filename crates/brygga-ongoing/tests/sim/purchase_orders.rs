//! Purchase orders: upsert by number, paging, goods receipt with deviations read back line by line,
//! the status-changed feed, acknowledgement and cancellation.

use chrono::TimeDelta;

use brygga_ongoing::OngoingError;
use brygga_ongoing::paging::PAGE_SIZE;
use brygga_ongoing::purchase_orders::{
    PurchaseOrderLineUpsert, PurchaseOrderQuery, PurchaseOrderUpsert, Supplier,
};
use brygga_sim::fault::Fault;
use brygga_sim::ongoing::{GoodsReceipt, ReceivedGoods};
use brygga_sim::server::SimServer;

use crate::support::*;

fn purchase_order(number: &str, lines: &[(usize, f64)]) -> PurchaseOrderUpsert {
    PurchaseOrderUpsert {
        purchase_order_number: number.to_owned(),
        supplier_order_number: Some(format!("SUP-{number}")),
        in_date: "2026-12-01T08:00:00Z".parse().ok(),
        supplier_info: Some(Supplier {
            supplier_number: Some("LEV-7".to_owned()),
            supplier_name: Some("Ullfabriken AB".to_owned()),
        }),
        purchase_order_lines: lines
            .iter()
            .enumerate()
            .map(|(index, (article, quantity))| PurchaseOrderLineUpsert {
                row_number: (index + 1).to_string(),
                article_number: sku(*article),
                number_of_items: *quantity,
                ..PurchaseOrderLineUpsert::default()
            })
            .collect(),
        ..PurchaseOrderUpsert::default()
    }
}

fn goods(article: usize, quantity: f64) -> ReceivedGoods {
    ReceivedGoods {
        article_number: sku(article),
        number_of_items: quantity,
        ..ReceivedGoods::default()
    }
}

/// How many purchase orders the simulator holds, from its control API's state.
async fn purchase_orders_in_sim(server: &SimServer) -> u64 {
    let url = format!("{}/_sim/ongoing/state", server.root_url());
    let text = reqwest::get(url).await.unwrap().text().await.unwrap();
    let state: serde_json::Value = serde_json::from_str(&text).unwrap();
    state["purchaseOrders"].as_u64().unwrap()
}

#[tokio::test]
async fn upsert_is_idempotent_by_number_and_a_new_purchase_order_can_be_cancelled() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();

    let first = client
        .upsert_purchase_order(&purchase_order("PO-1", &[(1, 10.0)]))
        .await
        .unwrap();
    let again = client
        .upsert_purchase_order(&purchase_order("PO-1", &[(1, 12.0)]))
        .await
        .unwrap();
    assert_eq!(first, again, "the purchase order number is the upsert key");
    assert_eq!(
        purchase_orders_in_sim(&server).await,
        1,
        "a second PUT with the same number updates, it does not add"
    );
    let read = client.purchase_order(first).await.unwrap();
    assert_eq!(
        read.line_for(&sku(1)).map(|l| l.advised_number_of_items),
        Some(12.0),
        "the update replaced the advised quantity"
    );
    assert_eq!(
        read.supplier_info.and_then(|s| s.supplier_name).as_deref(),
        Some("Ullfabriken AB"),
        "the supplier travels with the pre-advice"
    );
    let statuses = client.purchase_order_statuses().await.unwrap();
    let status = read.purchase_order_info.purchase_order_status.unwrap();
    assert!(
        statuses.iter().any(|s| s.number == status.number),
        "the purchase order's status is one of the warehouse's list: {statuses:?}"
    );

    client.cancel_purchase_order(first).await.unwrap();
    let cancelled = client.purchase_order(first).await.unwrap();
    assert_ne!(
        cancelled.purchase_order_info.purchase_order_status,
        Some(status),
        "cancelling moves the purchase order out of its first status"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn the_list_pages_across_several_pages() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();
    let count = 2 * PAGE_SIZE as usize + 13;
    for n in 0..count {
        client
            .upsert_purchase_order(&purchase_order(&format!("PO-{n:04}"), &[(1, 1.0)]))
            .await
            .unwrap();
    }

    let before = sim.call_count("PurchaseOrders_GetAll");
    let listed = client
        .purchase_orders(&PurchaseOrderQuery::default())
        .await
        .unwrap();
    assert_eq!(
        listed.len(),
        count,
        "paging reads every purchase order exactly once"
    );
    assert_eq!(
        sim.call_count("PurchaseOrders_GetAll") - before,
        3,
        "two full pages and a short one end the walk"
    );
    let ids: Vec<i32> = listed
        .iter()
        .map(|po| po.purchase_order_info.purchase_order_id)
        .collect();
    assert!(
        ids.windows(2).all(|pair| pair[0] < pair[1]),
        "ids grow, so no purchase order is read twice across pages"
    );

    let one = client
        .purchase_orders(&PurchaseOrderQuery {
            purchase_order_number: Some("PO-0300".to_owned()),
            ..PurchaseOrderQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(one.len(), 1, "a purchase order is found by its number");
    assert_conforms(&server);
}

#[tokio::test]
async fn over_under_rejected_and_unadvised_goods_read_back_line_by_line() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    for n in 1..=3 {
        client.upsert_article(&article(n)).await.unwrap();
    }
    let id = client
        .upsert_purchase_order(&purchase_order("PO-7", &[(1, 10.0), (2, 10.0)]))
        .await
        .unwrap();
    let rejected = ReceivedGoods {
        rejected: true,
        comment: Some("Fuktskadat".to_owned()),
        ..goods(2, 2.0)
    };
    sim.receive_purchase_order(
        id,
        &GoodsReceipt {
            lines: vec![goods(1, 12.0), goods(2, 6.0), rejected, goods(3, 3.0)],
            ..GoodsReceipt::default()
        },
    )
    .unwrap();

    let received = client.purchase_order(id).await.unwrap();
    let over = received.line_for(&sku(1)).expect("the advised line stays");
    assert_eq!(
        (over.received_number_of_items, over.deviation()),
        (12.0, 2.0),
        "two more than advised arrived"
    );
    let under = received.line_for(&sku(2)).expect("the advised line stays");
    assert_eq!(
        (under.received_number_of_items, under.deviation()),
        (8.0, -2.0),
        "eight of ten arrived, the rejected ones included"
    );
    assert_eq!(
        under.rejected_number_of_items(),
        2.0,
        "the damaged items were received locked"
    );
    assert_eq!(
        over.rejected_number_of_items(),
        0.0,
        "nothing on the surplus line was rejected"
    );
    let extra = received
        .line_for(&sku(3))
        .expect("unadvised goods get a line");
    assert!(
        extra.is_unadvised() && extra.received_number_of_items == 3.0,
        "an article nobody advised shows as a line advised 0: {extra:?}"
    );
    assert!(!over.is_unadvised(), "an advised line is not unadvised");
    assert_eq!(over.to_report(), 12.0, "nothing is acknowledged yet");

    let refused = client
        .upsert_purchase_order(&purchase_order("PO-7", &[(1, 1.0)]))
        .await
        .unwrap_err();
    assert!(
        matches!(refused, OngoingError::Rejected { .. }),
        "a purchase order being received is locked against changes: {refused}"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn the_status_feed_brings_only_what_changed_and_acknowledged_receipts_leave_the_report() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();
    let quiet = client
        .upsert_purchase_order(&purchase_order("PO-A", &[(1, 5.0)]))
        .await
        .unwrap();
    let busy = client
        .upsert_purchase_order(&purchase_order("PO-B", &[(1, 5.0)]))
        .await
        .unwrap();

    sim.advance_clock(TimeDelta::minutes(1));
    let cursor = sim.now();
    sim.advance_clock(TimeDelta::seconds(5));
    let feed = PurchaseOrderQuery {
        status_changed_from: Some(cursor),
        ..PurchaseOrderQuery::default()
    };
    assert!(
        client.purchase_orders(&feed).await.unwrap().is_empty(),
        "nothing changed status after the cursor yet"
    );
    sim.receive_purchase_order(
        busy,
        &GoodsReceipt {
            lines: vec![goods(1, 5.0)],
            ..GoodsReceipt::default()
        },
    )
    .unwrap();
    let changed: Vec<i32> = client
        .purchase_orders(&feed)
        .await
        .unwrap()
        .iter()
        .map(|po| po.purchase_order_info.purchase_order_id)
        .collect();
    assert_eq!(
        changed,
        vec![busy],
        "only the received purchase order changed after the cursor, not {quiet}"
    );

    let to_report = PurchaseOrderQuery {
        only_with_lines_to_report: true,
        ..PurchaseOrderQuery::default()
    };
    let pending = client.purchase_orders(&to_report).await.unwrap();
    assert_eq!(
        pending.len(),
        1,
        "the received purchase order waits to be acknowledged"
    );
    // The PATCH answers `application/octet-stream`; bytes that are not JSON still mean success.
    server.faults().next_n_requests(Fault::Malformed, 1);
    client.acknowledge_received(busy).await.unwrap();
    assert!(
        client.purchase_orders(&to_report).await.unwrap().is_empty(),
        "after the acknowledgement every received item counts as reported"
    );
    let acknowledged = client.purchase_order(busy).await.unwrap();
    let line = acknowledged.line_for(&sku(1)).unwrap();
    assert_eq!(
        (line.reported_number_of_items, line.to_report()),
        (Some(5.0), 0.0),
        "the reported quantity caught up with the received one"
    );
    assert_conforms(&server);
}
