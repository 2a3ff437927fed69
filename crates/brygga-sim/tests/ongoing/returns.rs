//! Returns: a pre-advised return against a shipped order, its receipt, the order's returned
//! quantities and feed, and an unclaimed parcel registered by the warehouse.

use axum::http::StatusCode;
use serde_json::json;

use super::support::{Wms, id, number};

/// A shipped order of two jackets and one cap; returns its id and its two line ids.
async fn shipped_order(wms: &Wms) -> (i32, i64, i64) {
    wms.put_article("JACKET", "Jacka").await;
    wms.put_article("CAP", "Keps").await;
    wms.set_stock("JACKET", 5.0).await;
    wms.set_stock("CAP", 5.0).await;
    let order_id = wms.put_order("W-1", &[("JACKET", 2.0), ("CAP", 1.0)]).await;
    let order = wms
        .operate(&format!("orders/{order_id}/ship"), json!({}))
        .await;
    let line = |index: usize| {
        order["orderLines"][index]["id"]
            .as_i64()
            .unwrap_or_default()
    };
    (order_id, line(0), line(1))
}

#[tokio::test]
async fn a_received_return_puts_goods_back_and_shows_on_the_order() {
    let wms = Wms::start().await;
    let (order_id, jacket_line, _) = shipped_order(&wms).await;
    let model = json!({
        "goodsOwnerId": wms.goods_owner_id,
        "returnOrderNumber": "RET-1",
        "customerOrder": { "orderId": order_id },
        "returnOrderLines": [{
            "returnOrderRowNumber": "1",
            "customerOrderLine": { "orderLineId": jacket_line },
            "toBeReturnedNumberOfItems": 2,
            "returnCause": { "code": "REGRET", "name": "Ångerköp" }
        }]
    });
    let (status, body) = wms.put("api/v1/returnOrders", model.clone()).await;
    assert_eq!(status, StatusCode::OK, "the return is pre-advised: {body}");
    let return_order_id = id(&body, "returnOrderId");
    let (_, again) = wms.put("api/v1/returnOrders", model).await;
    assert_eq!(
        id(&again, "returnOrderId"),
        return_order_id,
        "the upsert key is the return order number"
    );

    let since = wms.advance_clock(5).await;
    wms.advance_clock(5).await;
    wms.operate(
        &format!("returnOrders/{return_order_id}/receive"),
        json!({ "lines": [{ "returnOrderRowNumber": "1", "numberOfItems": 2, "articleItemStatus": "OK" }] }),
    )
    .await;

    let (status, return_order) = wms
        .get(&format!("api/v1/returnOrders/{return_order_id}"))
        .await;
    assert_eq!(status, StatusCode::OK, "the return order is readable");
    assert_eq!(
        return_order["returnOrderInfo"]["returnOrderStatus"]["number"], 400,
        "fully returned means Received (400)"
    );
    assert_eq!(
        number(&return_order["returnOrderLines"][0]["returnedNumberOfItems"]),
        2.0,
        "the returned quantity is recorded"
    );
    assert_eq!(
        return_order["returnOrderLines"][0]["returnCause"]["code"], "REGRET",
        "the cause is kept"
    );
    assert_eq!(
        return_order["customerOrderInfo"]["orderNumber"], "W-1",
        "the return names its order"
    );

    assert_eq!(
        number(&wms.article("JACKET").await["inventoryInfo"]["numberOfItems"]),
        5.0,
        "regretted jackets go back into stock"
    );
    let (_, returned) = wms
        .get(&format!(
            "api/v1/orders?goodsOwnerId={}&lastReturnedFrom={since}",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        returned[0]["orderInfo"]["orderId"], order_id,
        "the order shows up in the returned feed"
    );
    assert_eq!(
        number(&returned[0]["orderLines"][0]["returnedNumberOfItems"]),
        2.0,
        "and its line shows the returned items"
    );

    let (_, received) = wms
        .get(&format!(
            "api/v1/returnOrders?goodsOwnerId={}&returnOrderStatusFrom=400&returnOrderStatusTo=400",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        received.as_array().map(Vec::len),
        Some(1),
        "returns are listed by status range"
    );
    let (_, by_date) = wms
        .get(&format!(
            "api/v1/returnOrders?goodsOwnerId={}&goodsReturnedFromDate={since}",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        by_date.as_array().map(Vec::len),
        Some(1),
        "and by return date"
    );

    let (status, body) = wms
        .delete(&format!("api/v1/returnOrders/{return_order_id}"))
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a received return cannot be cancelled: {body}"
    );
}

#[tokio::test]
async fn an_unclaimed_parcel_comes_back_as_a_received_return() {
    let wms = Wms::start().await;
    let (order_id, _, _) = shipped_order(&wms).await;

    let (status, return_order) = wms
        .control("returns/unclaimed", json!({ "orderId": order_id }))
        .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "the warehouse registers the parcel as a return: {return_order}"
    );
    assert_eq!(
        return_order["returnOrderInfo"]["returnOrderNumber"], "W-1-UNCLAIMED",
        "a number is made from the order's"
    );
    assert_eq!(
        return_order["returnOrderLines"].as_array().map(Vec::len),
        Some(2),
        "everything shipped came back"
    );
    assert_eq!(
        return_order["returnOrderLines"][0]["returnCause"]["code"], "UNCLAIMED",
        "with the unclaimed cause"
    );

    assert_eq!(
        wms.sim.return_order_count(),
        1,
        "one return order was created"
    );
    assert_eq!(
        number(&wms.article("CAP").await["inventoryInfo"]["numberOfItems"]),
        5.0,
        "the cap is back in stock"
    );
    let (status, _) = wms
        .control("returns/unclaimed", json!({ "orderId": order_id }))
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a parcel cannot come back twice"
    );

    let (status, causes) = wms
        .get(&format!(
            "api/v1/returnOrders/returnCauses?goodsOwnerId={}",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(status, StatusCode::OK, "the return causes are readable");
    let codes: Vec<&str> = causes["returnCauses"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"REGRET") && codes.contains(&"COMPLAINT") && codes.contains(&"UNCLAIMED"),
        "the merchant's causes are there: {codes:?}"
    );
    let (_, statuses) = wms.get("api/v1/returnOrders/statuses").await;
    assert!(
        statuses["returnOrderStatuses"]
            .as_array()
            .is_some_and(|list| !list.is_empty()),
        "the return status list is readable"
    );
}
