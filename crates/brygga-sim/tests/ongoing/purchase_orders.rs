//! Purchase orders: pre-advice, the feed, and goods receipt with deviations (over, under,
//! rejected, unadvised).

use axum::http::StatusCode;
use serde_json::{Value, json};

use super::support::{Wms, id, number};

fn purchase_order_model(goods_owner_id: i32, number: &str, lines: &[(&str, f64)]) -> Value {
    let lines: Vec<Value> = lines
        .iter()
        .enumerate()
        .map(|(index, (article, quantity))| {
            json!({ "rowNumber": (index + 1).to_string(), "articleNumber": article, "numberOfItems": quantity })
        })
        .collect();
    json!({
        "goodsOwnerId": goods_owner_id,
        "purchaseOrderNumber": number,
        "inDate": "2026-12-01T08:00:00+00:00",
        "supplierInfo": { "supplierNumber": "LEV-7", "supplierName": "Ullfabriken AB" },
        "purchaseOrderLines": lines
    })
}

fn line_for<'a>(purchase_order: &'a Value, article: &str) -> &'a Value {
    purchase_order["purchaseOrderLines"]
        .as_array()
        .and_then(|lines| {
            lines
                .iter()
                .find(|line| line["article"]["articleNumber"] == article)
        })
        .unwrap_or_else(|| panic!("the purchase order has a line for {article}: {purchase_order}"))
}

#[tokio::test]
async fn a_receipt_shows_over_under_rejected_and_unadvised_goods_line_by_line() {
    let wms = Wms::start().await;
    for article in ["WOOL-RED", "WOOL-BLUE", "WOOL-GREEN"] {
        wms.put_article(article, "Garn").await;
    }
    let (status, body) = wms
        .put(
            "api/v1/purchaseOrders",
            purchase_order_model(
                wms.goods_owner_id,
                "PO-1",
                &[("WOOL-RED", 10.0), ("WOOL-BLUE", 10.0)],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "the pre-advice is accepted: {body}");
    let purchase_order_id = id(&body, "purchaseOrderId");
    let (_, again) = wms
        .put(
            "api/v1/purchaseOrders",
            purchase_order_model(
                wms.goods_owner_id,
                "PO-1",
                &[("WOOL-RED", 10.0), ("WOOL-BLUE", 10.0)],
            ),
        )
        .await;
    assert_eq!(
        id(&again, "purchaseOrderId"),
        purchase_order_id,
        "the upsert key is the purchase order number"
    );
    assert_eq!(
        number(&wms.article("WOOL-RED").await["inventoryInfo"]["toReceiveNumberOfItems"]),
        10.0,
        "advised goods are to be received"
    );

    let since = wms.advance_clock(5).await;
    wms.advance_clock(5).await;
    wms.operate(
        &format!("purchaseOrders/{purchase_order_id}/receive"),
        json!({ "lines": [
            { "articleNumber": "WOOL-RED", "numberOfItems": 12 },
            { "articleNumber": "WOOL-BLUE", "numberOfItems": 6 },
            { "articleNumber": "WOOL-BLUE", "numberOfItems": 2, "rejected": true, "comment": "Fuktskadat" },
            { "articleNumber": "WOOL-GREEN", "numberOfItems": 3 }
        ] }),
    )
    .await;

    let (status, purchase_order) = wms
        .get(&format!("api/v1/purchaseOrders/{purchase_order_id}"))
        .await;
    assert_eq!(status, StatusCode::OK, "the purchase order is readable");
    let red = line_for(&purchase_order, "WOOL-RED");
    assert_eq!(
        (
            number(&red["advisedNumberOfItems"]),
            number(&red["receivedNumberOfItems"])
        ),
        (10.0, 12.0),
        "over-delivery"
    );
    let blue = line_for(&purchase_order, "WOOL-BLUE");
    assert_eq!(
        (
            number(&blue["advisedNumberOfItems"]),
            number(&blue["receivedNumberOfItems"])
        ),
        (10.0, 8.0),
        "under-delivery incl. rejected"
    );
    let rejected = blue["articleItems"]
        .as_array()
        .and_then(|items| items.iter().find(|item| item["isLocked"] == true));
    assert_eq!(
        rejected.map(|item| number(&item["numberOfItems"])),
        Some(2.0),
        "rejected items are received locked"
    );
    let green = line_for(&purchase_order, "WOOL-GREEN");
    assert_eq!(
        (
            number(&green["advisedNumberOfItems"]),
            number(&green["receivedNumberOfItems"])
        ),
        (0.0, 3.0),
        "an unadvised article gets its own line"
    );
    assert_eq!(
        green["rowNumber"], "3",
        "the added line gets the next row number"
    );
    assert_eq!(
        purchase_order["purchaseOrderInfo"]["purchaseOrderStatus"]["number"], 400,
        "short lines leave it partly received"
    );

    let blue_stock = wms.article("WOOL-BLUE").await["inventoryInfo"].clone();
    assert_eq!(
        number(&blue_stock["numberOfItems"]),
        8.0,
        "rejected items are physically there"
    );
    assert_eq!(
        number(&blue_stock["numberOfLockedItems"]),
        2.0,
        "but locked"
    );
    assert_eq!(
        number(&blue_stock["sellableNumberOfItems"]),
        6.0,
        "and never sellable"
    );
    assert_eq!(
        number(&blue_stock["toReceiveNumberOfItems"]),
        2.0,
        "the missing two are still expected"
    );

    let (_, feed) = wms
        .get(&format!(
            "api/v1/purchaseOrders?goodsOwnerId={}&purchaseOrderStatusChangedTimeFrom={since}",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        feed.as_array().map(Vec::len),
        Some(1),
        "the receipt changed the purchase order's status"
    );

    let (status, body) = wms
        .put(
            "api/v1/purchaseOrders",
            purchase_order_model(wms.goods_owner_id, "PO-1", &[("WOOL-RED", 1.0)]),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a purchase order being received is locked"
    );
    assert_eq!(
        id(&body, "purchaseOrderId"),
        purchase_order_id,
        "the refusal names it"
    );

    let (status, _) = wms.patch(&format!("api/v1/purchaseOrders/{purchase_order_id}/setReportedNumberOfItemsToReceivedNumberOfItems"), None).await;
    assert_eq!(status, StatusCode::OK, "the receipt can be acknowledged");
    let (_, to_report) = wms
        .get(&format!(
            "api/v1/purchaseOrders?goodsOwnerId={}&onlyPurchaseOrdersWithOrderLinesToReport=true",
            wms.goods_owner_id
        ))
        .await;
    assert_eq!(
        to_report.as_array().map(Vec::len),
        Some(0),
        "nothing left to report after the acknowledgement"
    );
}

#[tokio::test]
async fn purchase_orders_page_by_id_and_list_their_statuses() {
    let wms = Wms::start().await;
    wms.put_article("YARN", "Garn").await;
    let mut ids = Vec::new();
    for index in 1..=3 {
        let (_, body) = wms
            .put(
                "api/v1/purchaseOrders",
                purchase_order_model(wms.goods_owner_id, &format!("PO-{index}"), &[("YARN", 5.0)]),
            )
            .await;
        ids.push(id(&body, "purchaseOrderId"));
    }
    let (_, page) = wms
        .get(&format!(
            "api/v1/purchaseOrders?goodsOwnerId={}&purchaseOrderIdFrom={}&maxPurchaseOrdersToGet=1",
            wms.goods_owner_id, ids[1]
        ))
        .await;
    assert_eq!(
        page[0]["purchaseOrderInfo"]["purchaseOrderId"], ids[1],
        "the cursor is inclusive"
    );
    assert_eq!(
        page.as_array().map(Vec::len),
        Some(1),
        "the page size is honoured"
    );

    let (status, statuses) = wms.get("api/v1/purchaseOrders/statuses").await;
    assert_eq!(status, StatusCode::OK, "the status list is readable");
    assert!(
        statuses["orderStatuses"]
            .as_array()
            .is_some_and(|list| list.iter().any(|s| s["number"] == 500)),
        "the list sits under orderStatuses: {statuses}"
    );

    let (status, _) = wms
        .delete(&format!("api/v1/purchaseOrders/{}", ids[2]))
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "an untouched purchase order can be cancelled"
    );
    assert_eq!(
        number(&wms.article("YARN").await["inventoryInfo"]["toReceiveNumberOfItems"]),
        10.0,
        "a cancelled purchase order expects nothing"
    );
}
