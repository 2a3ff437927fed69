//! Reading the Starweb simulator's orders over real HTTP: paging, the documented filters and sorting,
//! and the children that `include` embeds.

#[allow(dead_code, reason = "each test file uses part of the shared harness")]
mod starweb_harness;

use std::collections::BTreeSet;

use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use starweb_harness::{Shop, checkout};

fn ids(page: &Value) -> Vec<u64> {
    page["data"]
        .as_array()
        .expect("a list has a data array")
        .iter()
        .map(|order| order["orderId"].as_u64().expect("orders have ids"))
        .collect()
}

#[tokio::test]
async fn orders_come_a_hundred_a_page_newest_number_first() {
    let (shop, placed) = Shop::with_orders(250).await;
    let token = shop.token().await;
    let mut seen = BTreeSet::new();
    for (page, expected) in [(1, 100), (2, 100), (3, 50), (4, 0)] {
        let (status, body) = shop.get(&token, &format!("/orders?page={page}")).await;
        assert_eq!(status, StatusCode::OK, "page {page} is served: {body}");
        let pagination = &body["meta"]["pagination"];
        assert_eq!(pagination["per_page"], 100, "Starweb pages hold 100 orders");
        assert_eq!(
            pagination["total"], 250,
            "total counts every matching order"
        );
        assert_eq!(pagination["total_pages"], 3, "250 orders make three pages");
        assert_eq!(
            pagination["current_page"], page,
            "the page asked for is the page served"
        );
        assert_eq!(
            pagination["count"], expected,
            "page {page} holds {expected} orders"
        );
        let page_ids = ids(&body);
        assert_eq!(
            page_ids.len(),
            expected,
            "count matches the data on page {page}"
        );
        seen.extend(page_ids);
    }
    assert_eq!(
        seen.len(),
        250,
        "paging through all pages yields every order exactly once"
    );
    let (_, first) = shop.get(&token, "/orders").await;
    assert_eq!(
        ids(&first)[0],
        u64::from(*placed.last().expect("orders placed")),
        "the default sort is orderId DESC"
    );
}

#[tokio::test]
async fn orders_with_unfinished_payment_are_hidden_unless_asked_for() {
    let shop = Shop::start().await;
    shop.add_product("MUGG-1", 10);
    let paid = shop.sim.place_order(checkout("MUGG-1", 1)).expect("placed");
    let unpaid = shop
        .sim
        .place_order(brygga_sim::starweb::PlaceOrder {
            is_complete: false,
            ..checkout("MUGG-1", 1)
        })
        .expect("placed");
    let token = shop.token().await;
    let (_, default) = shop.get(&token, "/orders").await;
    assert_eq!(
        ids(&default),
        vec![u64::from(paid)],
        "by default only orders whose payment completed are listed"
    );
    let (_, all) = shop
        .get(&token, "/orders?includeNonCompletePayments=true")
        .await;
    assert_eq!(
        ids(&all),
        vec![u64::from(unpaid), u64::from(paid)],
        "includeNonCompletePayments lists the unfinished one too"
    );
}

#[tokio::test]
async fn orders_filter_by_creation_time_status_and_shipping_method() {
    let (shop, placed) = Shop::with_orders(10).await;
    let token = shop.token().await;
    let fifth = shop.sim.order(placed[4]).expect("placed");
    let after = brygga_sim::starweb::format_time(fifth.created_at);
    let query = format!(
        "/orders?ordersCreatedAfter={}&sortOrder=ASC",
        after.replace('+', "%2B")
    );
    let (status, body) = shop.get(&token, &query).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "an encoded ISO-8601 time is accepted: {body}"
    );
    let expected: Vec<u64> = placed[5..].iter().map(|id| u64::from(*id)).collect();
    assert_eq!(
        ids(&body),
        expected,
        "ordersCreatedAfter lists the orders created after that instant, oldest first with ASC"
    );

    let (status, body) = shop
        .get(&token, &format!("/orders?ordersCreatedBefore={after}"))
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an unencoded + arrives as a space and is refused, as the docs warn: {body}"
    );

    let picking = shop.status("picking");
    let patch = json!({"statusId": picking});
    shop.call(
        Method::PATCH,
        &token,
        &format!("/orders/{}", placed[2]),
        Some(patch),
    )
    .await;
    let (_, body) = shop
        .get(&token, &format!("/orders?statusFilter={picking}"))
        .await;
    assert_eq!(
        ids(&body),
        vec![u64::from(placed[2])],
        "statusFilter takes one status id"
    );

    let (_, body) = shop.get(&token, "/orders?filterShippingMethodId=12").await;
    assert!(
        ids(&body).is_empty(),
        "no order was shipped with home delivery"
    );
    let (_, body) = shop.get(&token, "/orders?filterShippingMethodId=11").await;
    assert_eq!(ids(&body).len(), 10, "every order went to a service point");
}

#[tokio::test]
async fn sorting_by_modified_time_puts_the_latest_change_first() {
    let (shop, placed) = Shop::with_orders(5).await;
    let token = shop.token().await;
    shop.sim.advance_clock(Duration::minutes(1));
    let (status, _) = shop
        .call(
            Method::PATCH,
            &token,
            &format!("/orders/{}", placed[0]),
            Some(json!({"isRead": true})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "a partial update of an order succeeds"
    );
    let (_, body) = shop
        .get(&token, "/orders?sortBy=modifiedAt&sortOrder=DESC")
        .await;
    assert_eq!(
        ids(&body)[0],
        u64::from(placed[0]),
        "the order changed last comes first by modifiedAt DESC"
    );
    let (status, body) = shop.get(&token, "/orders?sortBy=colour").await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "sortBy takes only the documented fields: {body}"
    );
}

#[tokio::test]
async fn includes_embed_wrapped_children() {
    let (shop, placed) = Shop::with_orders(1).await;
    let token = shop.token().await;
    let path = format!(
        "/orders/{}?include=items,addresses,status,externalServices,customer",
        placed[0]
    );
    let (status, body) = shop.get(&token, &path).await;
    assert_eq!(status, StatusCode::OK, "one order is served: {body}");
    let order = &body["data"];
    assert_eq!(
        order["items"]["data"][0]["sku"], "MUGG-1",
        "items come as {{data: [...]}}"
    );
    assert_eq!(
        order["addresses"]["data"]["originalDelivery"]["postalCode"], "111 22",
        "addresses come keyed by type under data"
    );
    assert_eq!(
        order["status"]["data"]["idCode"], "created",
        "the status comes as {{data: {{...}}}}"
    );
    assert_eq!(
        order["externalServices"]["data"][0]["agent"], "612345",
        "the chosen service point is an nShift agent"
    );
    assert_eq!(
        order["customer"]["data"]["email"], "anna.ek@example.com",
        "the customer is embedded"
    );
    assert_eq!(
        order["totalAmount"], 198.4,
        "totalAmount is the line (159.20) plus shipping (39.20), excluding VAT"
    );
    assert_eq!(
        order["amountToPay"], 248.0,
        "amountToPay is 199 kr for the mug and 49 kr shipping, including VAT"
    );

    let (_, bare) = shop.get(&token, &format!("/orders/{}", placed[0])).await;
    assert!(
        bare["data"].get("items").is_none(),
        "children are left out unless included"
    );
    let (status, missing) = shop.get(&token, "/orders/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "an unknown order is a 404");
    assert!(
        missing["error_description"].is_string(),
        "errors use the ErrorModel shape: {missing}"
    );
}
