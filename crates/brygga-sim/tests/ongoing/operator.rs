//! The warehouse staff's control API refusing what a warehouse could not do, and the same actions
//! as Rust methods for the demo and scenario tests.

use axum::http::StatusCode;
use brygga_sim::ongoing::{OperatorError, Picking, Shipping, StockAdjustment};
use serde_json::{Value, json};

use super::support::{Wms, article_model, order_model};

#[tokio::test]
async fn the_warehouse_refuses_what_it_cannot_do() {
    let wms = Wms::start().await;
    wms.put_article("RING", "Ring").await;
    wms.set_stock("RING", 1.0).await;
    let order_id = wms.put_order("X-1", &[("RING", 2.0)]).await;

    let (status, body) = wms
        .control(
            &format!("orders/{order_id}/pick"),
            json!({ "lines": [{ "rowNumber": "1", "numberOfItems": 3 }] }),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "no line can be picked beyond what was ordered: {body}"
    );
    let (status, _) = wms
        .control(
            &format!("orders/{order_id}/pick"),
            json!({ "lines": [{ "rowNumber": "1", "numberOfItems": 2 }] }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "nor beyond the free stock");
    let (status, _) = wms
        .control(
            &format!("orders/{order_id}/pick"),
            json!({ "lines": [{ "rowNumber": "9", "numberOfItems": 1 }] }),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "an unknown row is named as missing"
    );
    let (status, _) = wms.control("orders/999999/ship", Value::Null).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "an unknown order is missing");
    let (status, _) = wms
        .control(
            &format!("orders/{order_id}/status"),
            json!({ "statusNumber": 777 }),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "only statuses in the warehouse's list can be set"
    );

    wms.delete(&format!("api/v1/orders/{order_id}")).await;
    let (status, body) = wms
        .control(&format!("orders/{order_id}/ship"), Value::Null)
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a cancelled order cannot be shipped: {body}"
    );

    let empty = wms.put_order("X-2", &[("RING", 1.0)]).await;
    wms.set_stock("RING", 0.0).await;
    let (status, _) = wms
        .control(&format!("orders/{empty}/allocate"), Value::Null)
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "nothing can be allocated without stock"
    );
    let (status, _) = wms
        .control(
            "stock/adjust",
            json!({ "articleNumber": "RING", "delta": -1 }),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "stock cannot go below zero");
}

#[tokio::test]
async fn the_same_actions_work_from_rust_and_show_in_the_api() {
    let wms = Wms::start().await;
    let sim = &wms.sim;
    sim.put_article(article_model(wms.goods_owner_id, "PEN", "Penna"))
        .expect("a valid article model");
    let adjusted = sim
        .adjust_stock(&StockAdjustment {
            article_number: "PEN".into(),
            set_to: Some(3.0),
            ..Default::default()
        })
        .expect("the article exists");
    assert_eq!(adjusted.on_hand, 3.0, "the snapshot shows the new balance");
    let order_id = sim
        .put_order(order_model(wms.goods_owner_id, "Y-1", &[("PEN", 2.0)]))
        .expect("a valid order model");
    assert_eq!(
        sim.article("PEN").map(|a| a.sellable),
        Some(1.0),
        "the order claims two of three"
    );

    let picked = sim
        .pick_order(order_id, &Picking::default())
        .expect("stock suffices");
    assert_eq!(picked.status_number, 400, "a fully picked order is Picked");
    let shipped = sim
        .ship_order(
            order_id,
            &Shipping {
                way_bill: Some("WB-1".into()),
                ..Default::default()
            },
        )
        .expect("the order is picked");
    assert_eq!(
        shipped.way_bill.as_deref(),
        Some("WB-1"),
        "a given waybill is used"
    );
    assert_eq!(shipped.parcel_numbers.len(), 1, "one parcel by default");
    assert_eq!(
        sim.ship_order(order_id, &Shipping::default()),
        Err(OperatorError::Refused(format!(
            "Order {order_id} is finished (status 450 Sent); the warehouse cannot work on it."
        ))),
        "a sent order cannot be shipped again"
    );

    let order = wms.order(order_id).await;
    assert_eq!(
        order["orderInfo"]["wayBill"], "WB-1",
        "the API shows what the Rust call did"
    );
    assert_eq!(
        sim.article("PEN").map(|a| a.on_hand),
        Some(1.0),
        "two pens left the warehouse"
    );
    assert_eq!(
        sim.call_count("Orders_Get"),
        1,
        "only the one HTTP read was an API call"
    );
}
