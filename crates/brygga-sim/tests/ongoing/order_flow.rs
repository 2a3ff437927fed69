//! The warehouse working on orders, as a client polling the API sees it: the status-changed feed,
//! paging with the order-id cursor, pickability, partial picking, shipping with tracking, and the
//! "reported" acknowledgement.

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::support::{Wms, number};

fn order_ids(list: &Value) -> Vec<i64> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|order| order["orderInfo"]["orderId"].as_i64())
        .collect()
}

#[tokio::test]
async fn the_status_changed_feed_shows_exactly_the_orders_the_warehouse_touched() {
    let wms = Wms::start().await;
    wms.put_article("MITT", "Vante").await;
    wms.set_stock("MITT", 20.0).await;
    let mut ids = Vec::new();
    for number in ["9001", "9002", "9003", "9004"] {
        ids.push(i64::from(wms.put_order(number, &[("MITT", 1.0)]).await));
    }
    let since = wms.advance_clock(5).await;
    wms.advance_clock(5).await;

    wms.operate(&format!("orders/{}/release", ids[1]), Value::Null)
        .await;
    wms.operate(&format!("orders/{}/ship", ids[3]), json!({}))
        .await;

    let path = format!(
        "api/v1/orders?goodsOwnerId={}&orderStatusChangedTimeFrom={since}",
        wms.goods_owner_id
    );
    let (status, feed) = wms.get(&path).await;
    assert_eq!(status, StatusCode::OK, "the feed is readable");
    assert_eq!(
        order_ids(&feed),
        [ids[1], ids[3]],
        "only the released and the shipped order changed status since then"
    );
    assert_eq!(
        feed[0]["orderInfo"]["orderStatus"]["number"], 300,
        "release puts the order in 300"
    );
    assert_eq!(
        feed[1]["orderInfo"]["orderStatus"]["number"], 450,
        "shipping puts the order in 450"
    );

    let later = wms.advance_clock(5).await;
    wms.advance_clock(5).await;
    wms.operate(&format!("orders/{}/pick", ids[1]), json!({}))
        .await;
    let (_, feed) = wms
        .get(&format!(
            "api/v1/orders?goodsOwnerId={}&orderStatusChangedTimeFrom={later}",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        order_ids(&feed),
        [ids[1]],
        "picking is a change the feed reports"
    );

    let (_, page) = wms
        .get(&format!(
            "api/v1/orders?goodsOwnerId={}&orderIdFrom={}&maxOrdersToGet=2",
            wms.goods_owner_id, ids[1]
        ))
        .await;
    assert_eq!(
        order_ids(&page),
        [ids[1], ids[2]],
        "orderIdFrom is inclusive and maxOrdersToGet caps the page"
    );
    let (_, open) = wms
        .get(&format!(
            "api/v1/orders?goodsOwnerId={}&orderStatusFrom=200&orderStatusTo=200",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        order_ids(&open),
        [ids[0], ids[2]],
        "the status range filter is inclusive on both ends"
    );
}

#[tokio::test]
async fn pickability_compares_stock_with_every_open_order_in_id_order() {
    let wms = Wms::start().await;
    wms.put_article("LAMP", "Lampa").await;
    wms.put_article("VASE", "Vas").await;
    wms.set_stock("LAMP", 3.0).await;
    let first = wms.put_order("P-1", &[("LAMP", 2.0)]).await;
    let second = wms.put_order("P-2", &[("LAMP", 2.0)]).await;
    let third = wms.put_order("P-3", &[("VASE", 1.0)]).await;

    let (status, body) =
        wms.get(&format!("api/v1/orders/pickability?goodsOwnerId={}&orderIds={first}&orderIds={second}&orderIds={third}", wms.goods_owner_id)).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "pickability is readable for several orders at once"
    );
    let results = body["pickabilityResults"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let value = |index: usize| {
        results[index]["orderPickability"]["pickability"]
            .as_str()
            .map(str::to_owned)
    };
    assert_eq!(
        value(0).as_deref(),
        Some("ByPriority"),
        "the first order gets the stock if orders go in id order"
    );
    assert_eq!(
        value(1).as_deref(),
        Some("NotByPriority"),
        "the second needs stock the first takes"
    );
    assert_eq!(
        value(2).as_deref(),
        Some("NotOk"),
        "nothing in stock for the third"
    );
    assert_eq!(
        results[0]["orderLines"][0]["orderLinePickability"]["pickability"], "ByPriority",
        "lines carry the same values"
    );

    wms.set_stock("LAMP", 10.0).await;
    let (_, body) = wms
        .get(&format!(
            "api/v1/orders/pickability?goodsOwnerId={}&orderNumbers=P-2",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        body["pickabilityResults"][0]["orderPickability"]["pickability"], "Ok",
        "with stock for all, every order is Ok"
    );
}

#[tokio::test]
async fn a_partly_picked_order_ships_short_with_waybill_parcels_and_tracking() {
    let wms = Wms::start().await;
    wms.put_article("BOOT-40", "Känga 40").await;
    wms.put_article("LACE", "Skosnöre").await;
    wms.set_stock("BOOT-40", 4.0).await;
    wms.set_stock("LACE", 1.0).await;
    let order_id = wms
        .put_order("S-100", &[("BOOT-40", 2.0), ("LACE", 3.0)])
        .await;

    let picked = wms
        .operate(&format!("orders/{order_id}/pick"), json!({}))
        .await;
    assert_eq!(
        number(&picked["orderLines"][0]["pickedNumberOfItems"]),
        2.0,
        "the boots are all picked"
    );
    assert_eq!(
        number(&picked["orderLines"][1]["pickedNumberOfItems"]),
        1.0,
        "only one lace was in stock"
    );
    assert_eq!(
        picked["orderInfo"]["orderStatus"]["number"], 200,
        "a partial pick does not claim the order is picked"
    );

    let shipped = wms
        .operate(
            &format!("orders/{order_id}/ship"),
            json!({ "pickRemaining": false, "parcels": [{ "parcelNumber": "00373500000000000123", "weight": 1.2 }] }),
        )
        .await;
    let way_bill = shipped["orderInfo"]["wayBill"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        !way_bill.is_empty(),
        "a shipped order has a waybill: {shipped}"
    );

    let order = wms.order(order_id).await;
    assert_eq!(
        order["orderInfo"]["orderStatus"]["number"], 450,
        "the order is Sent"
    );
    assert!(
        order["orderInfo"]["shippedTime"].is_string(),
        "the shipping time is recorded"
    );
    assert_eq!(
        order["tracking"][0]["waybill"],
        way_bill.as_str(),
        "tracking[] repeats the waybill"
    );
    let url = order["tracking"][0]["trackingUrl"]
        .as_str()
        .unwrap_or_default();
    assert!(
        url.starts_with("https://www.dbschenker.com/") && url.ends_with(&way_bill),
        "the carrier's tracking URL links the waybill: {url}"
    );
    assert_eq!(
        order["parcels"][0]["parcelNumber"], "00373500000000000123",
        "the parcel number is kept"
    );
    assert_eq!(
        order["shipmentInfo"]["parcels"][0]["parcelNumber"], "00373500000000000123",
        "and listed in the shipment"
    );
    assert_eq!(
        number(&order["orderLines"][1]["pickedNumberOfItems"]),
        1.0,
        "the short line shows what went out"
    );

    let boots = wms.article("BOOT-40").await["inventoryInfo"].clone();
    assert_eq!(
        number(&boots["numberOfItems"]),
        2.0,
        "shipped items leave the warehouse"
    );
    assert_eq!(
        number(&boots["sellableNumberOfItems"]),
        2.0,
        "a sent order claims nothing more"
    );
    let laces = wms.article("LACE").await["inventoryInfo"].clone();
    assert_eq!(
        number(&laces["sellableNumberOfItems"]),
        0.0,
        "the unshipped laces are no longer booked"
    );
}

#[tokio::test]
async fn reported_quantities_acknowledge_what_was_picked() {
    let wms = Wms::start().await;
    wms.put_article("BELT", "Bälte").await;
    wms.set_stock("BELT", 2.0).await;
    let order_id = wms.put_order("R-1", &[("BELT", 2.0)]).await;
    wms.operate(&format!("orders/{order_id}/ship"), json!({}))
        .await;

    let to_report = format!(
        "api/v1/orders?goodsOwnerId={}&onlyOrdersWithOrderLinesToReport=true",
        wms.goods_owner_id
    );
    let (_, listed) = wms.get(&to_report).await;
    assert_eq!(
        order_ids(&listed),
        [i64::from(order_id)],
        "a picked, unreported order is listed"
    );

    let (status, _) = wms
        .patch(
            &format!("api/v1/orders/{order_id}/setReportedNumberOfItemsToPickedNumberOfItems"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "the acknowledgement succeeds");
    let (_, listed) = wms.get(&to_report).await;
    assert_eq!(
        order_ids(&listed),
        Vec::<i64>::new(),
        "an acknowledged order is no longer listed"
    );
    assert_eq!(
        wms.sim.order(order_id).map(|o| o.lines[0].reported),
        Some(2.0),
        "reported equals picked"
    );
}
