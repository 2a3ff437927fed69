//! Orders as the merchant sends and reads them: upsert by order number, read-back names, the
//! status list, release by status change, and the lock once the warehouse has started.

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::support::{Wms, id, number, order_model};

#[tokio::test]
async fn the_first_put_creates_the_order_and_the_next_updates_it() {
    let wms = Wms::start().await;
    wms.put_article("TEE-M", "T-shirt M").await;
    wms.put_article("TEE-L", "T-shirt L").await;
    let model = order_model(
        wms.goods_owner_id,
        "5001",
        &[("TEE-M", 1.0), ("TEE-L", 2.0)],
    );

    let (created, first) = wms.put("api/v1/orders", model.clone()).await;
    let (updated, second) = wms.put("api/v1/orders", model).await;
    assert_eq!(
        created,
        StatusCode::CREATED,
        "a new order number creates the order"
    );
    assert_eq!(updated, StatusCode::OK, "the same order number updates it");
    assert_eq!(
        id(&first, "orderId"),
        id(&second, "orderId"),
        "the upsert key is the order number"
    );
    assert_eq!(wms.sim.order_count(), 1, "no duplicate order");
    let stock_changed = wms
        .sim
        .article("TEE-M")
        .map(|article| article.stock_changed);
    wms.advance_clock(30).await;
    wms.put(
        "api/v1/orders",
        order_model(
            wms.goods_owner_id,
            "5001",
            &[("TEE-M", 1.0), ("TEE-L", 2.0)],
        ),
    )
    .await;
    assert_eq!(
        wms.sim
            .article("TEE-M")
            .map(|article| article.stock_changed),
        stock_changed,
        "an identical re-send changes no stock, so the stock feed does not report it again"
    );

    let order = wms.order(id(&first, "orderId")).await;
    assert_eq!(
        order["orderInfo"]["orderNumber"], "5001",
        "the number reads back"
    );
    assert_eq!(
        order["orderInfo"]["orderStatus"]["number"], 200,
        "a new order is Open (200)"
    );
    assert_eq!(
        number(&order["orderInfo"]["orderedNumberOfItems"]),
        3.0,
        "ordered items are summed over the lines"
    );
    assert_eq!(
        order["transporter"]["code"], "SBTL",
        "transporterCode reads back as transporter.code"
    );
    assert_eq!(
        order["transporter"]["serviceCode"], "BPA",
        "transporterServiceCode reads back as serviceCode"
    );
    assert_eq!(
        order["orderLines"][1]["article"]["articleNumber"], "TEE-L",
        "a line names its article under article"
    );
    assert_eq!(
        number(&order["orderLines"][1]["orderedNumberOfItems"]),
        2.0,
        "numberOfItems reads back as orderedNumberOfItems"
    );
    assert_eq!(
        order["consignee"]["advanced"]["emailNotification"]["value"], "astrid@example.se",
        "contact details survive"
    );

    let line_ids: Vec<Value> = order["orderLines"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| l["id"].clone())
        .collect();
    let mut fewer = order_model(wms.goods_owner_id, "5001", &[("TEE-M", 4.0)]);
    fewer["orderRemark"] = json!("Ring innan leverans");
    wms.put("api/v1/orders", fewer).await;
    let order = wms.order(id(&first, "orderId")).await;
    assert_eq!(
        order["orderLines"].as_array().map(Vec::len),
        Some(1),
        "a line left out of the PUT is removed"
    );
    assert_eq!(
        order["orderLines"][0]["id"], line_ids[0],
        "a kept row number keeps its line id"
    );
    assert_eq!(
        order["orderInfo"]["orderRemark"], "Ring innan leverans",
        "header fields are replaced"
    );

    let (_, found) = wms
        .get(&format!(
            "api/v1/orders?goodsOwnerId={}&orderNumber=5001",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        found.as_array().map(Vec::len),
        Some(1),
        "the identity check by order number finds the order"
    );
}

#[tokio::test]
async fn orders_with_unknown_articles_or_repeated_rows_are_refused() {
    let wms = Wms::start().await;
    wms.put_article("SOCK", "Strumpa").await;

    let (status, body) = wms
        .put(
            "api/v1/orders",
            order_model(wms.goods_owner_id, "6001", &[("NOPE", 1.0)]),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an order line needs an existing article"
    );
    assert!(
        body["message"].as_str().is_some_and(|m| m.contains("NOPE")),
        "the message names the article: {body}"
    );

    let (status, _) = wms
        .put(
            "api/v1/orders",
            order_model(wms.goods_owner_id, "6002", &[("SOCK", 1.0), ("SOCK", 2.0)]),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an article may be on only one line of an order"
    );
    assert_eq!(wms.sim.order_count(), 0, "refused orders are not stored");
}

#[tokio::test]
async fn the_status_list_is_the_warehouses_own_and_can_be_renamed_and_extended() {
    let wms = Wms::start().await;
    let (status, body) = wms.get("api/v1/orders/statuses").await;
    assert_eq!(status, StatusCode::OK, "the status list is readable");
    let numbers: Vec<i64> = body["orderStatuses"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["number"].as_i64())
        .collect();
    assert_eq!(
        numbers,
        [150, 200, 300, 320, 400, 450, 500, 800, 1000],
        "Ongoing's standard numbers to start with"
    );

    wms.operate(
        "orderStatuses",
        json!({ "number": 300, "text": "Plockning" }),
    )
    .await;
    wms.operate(
        "orderStatuses",
        json!({ "number": 425, "text": "Skickad/Delleverans", "stage": "sent" }),
    )
    .await;
    let (status, _) = wms
        .control(
            "orderStatuses",
            json!({ "number": 430, "text": "Utan steg" }),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a new status must say what it means for the order"
    );

    let (_, body) = wms.get("api/v1/orders/statuses").await;
    let statuses = body["orderStatuses"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let text_of = |n: i64| {
        statuses
            .iter()
            .find(|s| s["number"] == n)
            .map(|s| s["text"].clone())
    };
    assert_eq!(
        text_of(300),
        Some(json!("Plockning")),
        "a renamed status reads back with its new text"
    );
    assert_eq!(
        text_of(425),
        Some(json!("Skickad/Delleverans")),
        "an added status is listed"
    );
}

#[tokio::test]
async fn a_released_order_can_no_longer_be_updated_or_cancelled() {
    let wms = Wms::start().await;
    wms.put_article("BAG", "Väska").await;
    wms.set_stock("BAG", 5.0).await;
    let order_id = wms.put_order("7001", &[("BAG", 1.0)]).await;

    let (status, body) = wms
        .patch(
            &format!("api/v1/orders/{order_id}/orderStatus"),
            Some(json!({ "orderStatusNumber": 300 })),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the merchant releases an order by setting its status: {body}"
    );
    assert_eq!(
        id(&body, "orderId"),
        order_id,
        "the PATCH answers with the order id"
    );

    let changed = order_model(wms.goods_owner_id, "7001", &[("BAG", 2.0)]);
    let (status, body) = wms.put("api/v1/orders", changed).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a released order is locked against updates"
    );
    assert_eq!(
        id(&body, "orderId"),
        order_id,
        "the refusal names the order"
    );
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("started working")),
        "and says why: {body}"
    );

    let (status, body) = wms.delete(&format!("api/v1/orders/{order_id}")).await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a released order cannot be cancelled"
    );
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("cannot be cancelled")),
        "the refusal says so: {body}"
    );

    let (status, _) = wms
        .patch(
            &format!("api/v1/orders/{order_id}/orderStatus"),
            Some(json!({ "orderStatusNumber": 200 })),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "before allocation the release can be taken back"
    );
    wms.operate(
        &format!("orders/{order_id}/pick"),
        json!({ "lines": [{ "rowNumber": "1", "numberOfItems": 1 }] }),
    )
    .await;
    let (status, _) = wms
        .patch(
            &format!("api/v1/orders/{order_id}/orderStatus"),
            Some(json!({ "orderStatusNumber": 200 })),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "once goods are picked the status cannot be set from outside"
    );
    let (status, _) = wms
        .delete(&format!(
            "api/v1/orders?goodsOwnerId={}&orderNumber=7001",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "cancelling by number is refused the same way"
    );
    assert_eq!(
        wms.sim.order(order_id).map(|o| o.status_number),
        Some(400),
        "the order stays picked"
    );
}

#[tokio::test]
async fn an_open_order_can_be_cancelled_by_number() {
    let wms = Wms::start().await;
    wms.put_article("HAT", "Hatt").await;
    let order_id = wms.put_order("8001", &[("HAT", 1.0)]).await;

    let (status, body) = wms
        .delete(&format!(
            "api/v1/orders?goodsOwnerId={}&orderNumber=8001",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "an open order can be cancelled: {body}"
    );
    assert_eq!(
        id(&body, "orderId"),
        order_id,
        "the answer is a PostOrderResponse with the order id"
    );
    assert_eq!(
        wms.order(order_id).await["orderInfo"]["orderStatus"]["number"],
        1000,
        "the order is Cancelled (1000)"
    );
}
