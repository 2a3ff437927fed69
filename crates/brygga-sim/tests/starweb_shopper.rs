//! The Starweb simulator's shopper control API under `/_sim/starweb/`: customers place, change and
//! cancel orders, the admin deletes one and a new order takes its number, the merchant sets stock, and
//! tests read the clock and the e-mails — with what the API shows afterwards.

#[allow(dead_code, reason = "each test file uses part of the shared harness")]
mod starweb_harness;

use brygga_sim::starweb::EmailTrigger;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use starweb_harness::{Shop, checkout};

fn body(order: brygga_sim::starweb::PlaceOrder) -> Value {
    serde_json::to_value(order).expect("a checkout serializes to the control API's JSON")
}

#[tokio::test]
async fn a_placed_order_appears_in_the_api_and_takes_stock() {
    let shop = Shop::start().await;
    shop.add_product("YLLEFILT-1", 10);
    let (status, placed) = shop
        .control(
            Method::POST,
            "/orders",
            Some(body(checkout("YLLEFILT-1", 3))),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "the checkout is accepted: {placed}"
    );
    let order_id = placed["data"]["orderId"]
        .as_u64()
        .expect("the placed order has a number");

    let token = shop.token().await;
    let (status, order) = shop
        .get(&token, &format!("/orders/{order_id}?include=items"))
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the API serves the placed order: {order}"
    );
    assert_eq!(
        order["data"]["items"]["data"][0]["quantity"], 3,
        "the line has the basket's quantity"
    );
    assert_eq!(
        order["data"]["isComplete"], true,
        "a finished checkout is complete"
    );
    assert_eq!(
        shop.sim.stock("YLLEFILT-1"),
        Some(7),
        "placing the order took three from stock"
    );
    let confirmations = shop
        .sim
        .customer_emails()
        .iter()
        .filter(|mail| mail.trigger == EmailTrigger::OrderPlaced)
        .count();
    assert_eq!(confirmations, 1, "the customer got an order confirmation");

    let (status, refused) = shop
        .control(
            Method::POST,
            "/orders",
            Some(body(checkout("NO-SUCH-SKU", 1))),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "an unknown SKU cannot be bought: {refused}"
    );
}

#[tokio::test]
async fn a_customer_edit_replaces_lines_and_moves_modified_time() {
    let shop = Shop::start().await;
    shop.add_product("MOSSA-1", 10);
    shop.add_product("VANTAR-1", 10);
    let order_id = shop
        .sim
        .place_order(checkout("MOSSA-1", 1))
        .expect("placed");
    let before = shop.sim.order(order_id).expect("placed").modified_at;
    shop.sim.advance_clock(chrono::Duration::minutes(3));
    let edit = json!({
        "lines": [{"sku": "VANTAR-1", "quantity": 2}],
        "delivery": {"firstName": "Anna", "lastName": "Ek", "address": "Nygatan 5", "postalCode": "411 04", "city": "Göteborg", "countryCode": "SE"},
        "comment": "Ny adress, tack!"
    });
    let (status, edited) = shop
        .control(Method::PATCH, &format!("/orders/{order_id}"), Some(edit))
        .await;
    assert_eq!(status, StatusCode::OK, "the edit is accepted: {edited}");
    let order = shop.sim.order(order_id).expect("still there");
    assert_eq!(order.lines.len(), 1, "the given lines replace the old ones");
    assert_eq!(
        order.lines[0].sku.as_deref(),
        Some("VANTAR-1"),
        "the new SKU is on the order"
    );
    assert_eq!(
        order.modified_at - before,
        chrono::Duration::minutes(3),
        "modifiedAt moved to the edit's time"
    );
    assert_eq!(
        edited["data"]["addresses"]["data"]["originalDelivery"]["city"], "Göteborg",
        "the new address shows"
    );
    assert_eq!(
        edited["data"]["hasComments"], true,
        "the customer's message is a comment"
    );
}

#[tokio::test]
async fn a_cancelled_order_gets_the_canceled_status_and_its_email() {
    let shop = Shop::start().await;
    shop.add_product("LYKTA-1", 10);
    let order_id = shop
        .sim
        .place_order(checkout("LYKTA-1", 1))
        .expect("placed");
    let (status, body) = shop
        .control(Method::POST, &format!("/orders/{order_id}/cancel"), None)
        .await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the cancellation is accepted: {body}"
    );
    assert_eq!(
        body["data"]["statusId"],
        shop.status("canceled"),
        "the order is in the shop's canceled status"
    );
    let (_, mails) = shop.control(Method::GET, "/emails", None).await;
    let mails = mails["data"].as_array().expect("e-mails are a list");
    assert!(
        mails
            .iter()
            .any(|mail| mail["trigger"] == "statusChanged" && mail["statusIdCode"] == "canceled"),
        "the customer was told of the cancellation: {mails:?}"
    );
}

#[tokio::test]
async fn a_deleted_orders_number_can_come_back_on_a_different_order() {
    let shop = Shop::start().await;
    shop.add_product("KOKBOK-1", 10);
    shop.add_product("KAFFE-1", 10);
    let first = shop
        .sim
        .place_order(checkout("KOKBOK-1", 1))
        .expect("placed");
    let (status, _) = shop
        .control(Method::DELETE, &format!("/orders/{first}"), None)
        .await;
    assert_eq!(
        status,
        StatusCode::NO_CONTENT,
        "the admin deletes the order"
    );
    let token = shop.token().await;
    assert_eq!(
        shop.get(&token, &format!("/orders/{first}")).await.0,
        StatusCode::NOT_FOUND,
        "the deleted order is gone"
    );

    let mut again = checkout("KAFFE-1", 2);
    again.reuse_deleted_number = true;
    again.email = "nils.berg@example.org".into();
    let (status, placed) = shop
        .control(Method::POST, "/orders", Some(body(again)))
        .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "a new order may take the deleted number: {placed}"
    );
    assert_eq!(
        placed["data"]["orderId"], first,
        "the new order has the deleted order's number"
    );
    let (_, order) = shop
        .get(&token, &format!("/orders/{first}?include=items"))
        .await;
    assert_eq!(
        order["data"]["originalCustomerEmail"], "nils.berg@example.org",
        "the number now belongs to another customer"
    );
    assert_eq!(
        order["data"]["items"]["data"][0]["sku"], "KAFFE-1",
        "with other lines"
    );
    assert!(
        shop.sim.deleted_order_ids().is_empty(),
        "the number is no longer free"
    );

    let mut taken = checkout("KAFFE-1", 1);
    taken.order_id = Some(first);
    let (status, refused) = shop
        .control(Method::POST, "/orders", Some(body(taken)))
        .await;
    assert_eq!(
        status,
        StatusCode::CONFLICT,
        "a number in use cannot be taken: {refused}"
    );
}

#[tokio::test]
async fn the_merchant_sets_stock_and_the_api_shows_it() {
    let shop = Shop::start().await;
    let product_id = shop.add_product("KASA-1", 3);
    let (status, body) = shop
        .control(Method::PUT, "/stock/KASA-1", Some(json!({"quantity": 40})))
        .await;
    assert_eq!(status, StatusCode::OK, "the stock is set: {body}");
    let token = shop.token().await;
    let (_, product) = shop
        .get(
            &token,
            &format!("/products/{product_id}?include=primaryVariant"),
        )
        .await;
    assert_eq!(
        product["data"]["variants"]["data"][0]["stockQuantity"], 40,
        "the API shows the merchant's stock"
    );
    let (_, levels) = shop.control(Method::GET, "/stock", None).await;
    assert_eq!(
        levels["data"][0],
        json!({"sku": "KASA-1", "quantity": 40}),
        "the control API lists stock by SKU"
    );
    let (status, _) = shop
        .control(Method::PUT, "/stock/NOPE", Some(json!({"quantity": 1})))
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "an unknown SKU has no stock to set"
    );
}

#[tokio::test]
async fn the_clock_can_be_read_set_and_advanced() {
    let shop = Shop::start().await;
    let (status, set) = shop
        .control(
            Method::POST,
            "/clock",
            Some(json!({"now": "2024-12-24T15:00:00+01:00"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "the clock is set: {set}");
    assert!(
        set["now"]
            .as_str()
            .is_some_and(|now| now.starts_with("2024-12-24T15:00")),
        "it reads back in Swedish time: {set}"
    );
    let (_, later) = shop
        .control(
            Method::POST,
            "/clock",
            Some(json!({"advanceSeconds": 86_400})),
        )
        .await;
    assert!(
        later["now"]
            .as_str()
            .is_some_and(|now| now.starts_with("2024-12-25T15:00")),
        "a day later: {later}"
    );
    let (_, summer) = shop
        .control(
            Method::POST,
            "/clock",
            Some(json!({"now": "2025-07-01T12:00:00Z"})),
        )
        .await;
    assert_eq!(
        summer["now"], "2025-07-01T14:00:00+02:00",
        "summer time is two hours ahead of UTC"
    );
}
