//! Orders: upsert, read-back, status changes, cancel, acknowledgements and the lock once picking starts.

use brygga_core::remote::{Classified, FailureClass};
use brygga_ongoing::OngoingError;
use brygga_ongoing::orders::OrderQuery;
use brygga_sim::ongoing::{Picking, Shipping};

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
