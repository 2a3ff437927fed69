//! Changing the Starweb simulator's orders over real HTTP: status changes and the customer e-mails
//! they send, tracking, comments, external references and lines, and the order statuses a client
//! must look up by `idCode`.

#[allow(dead_code, reason = "each test file uses part of the shared harness")]
mod starweb_harness;

use std::collections::BTreeSet;

use reqwest::{Method, StatusCode};
use serde_json::json;
use starweb_harness::Shop;

#[tokio::test]
async fn standard_statuses_have_shop_specific_ids_and_cannot_be_changed() {
    let shop = Shop::start().await;
    let token = shop.token().await;
    let (_, body) = shop.get(&token, "/order-statuses").await;
    let statuses = body["data"].as_array().expect("statuses are a list");
    let standard: Vec<(String, u64)> = statuses
        .iter()
        .filter_map(|status| {
            Some((
                status["idCode"].as_str()?.to_owned(),
                status["statusId"].as_u64()?,
            ))
        })
        .collect();
    let codes: BTreeSet<&str> = standard.iter().map(|(code, _)| code.as_str()).collect();
    assert_eq!(
        codes,
        BTreeSet::from(["canceled", "completed", "created", "picking"]),
        "the four documented idCodes exist"
    );
    let in_code_order: Vec<u64> = ["created", "picking", "completed", "canceled"]
        .iter()
        .map(|code| {
            standard
                .iter()
                .find(|(found, _)| found == code)
                .expect("present")
                .1
        })
        .collect();
    assert_ne!(
        in_code_order,
        vec![1, 2, 3, 4],
        "ids are per shop, so a client must look them up by idCode"
    );
    assert!(
        statuses.iter().any(|status| status.get("idCode").is_none()),
        "the merchant's own statuses have no idCode"
    );

    let created = shop.status("created");
    let (status, _) = shop
        .call(
            Method::PATCH,
            &token,
            &format!("/order-statuses/{created}"),
            Some(json!({"shouldSendEmail": false})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "standard statuses cannot be changed"
    );
    let (status, _) = shop
        .call(
            Method::DELETE,
            &token,
            &format!("/order-statuses/{created}"),
            None,
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "standard statuses cannot be deleted"
    );
}

#[tokio::test]
async fn a_status_change_emails_the_customer_only_when_the_status_and_the_call_say_so() {
    let (shop, placed) = Shop::with_orders(1).await;
    let token = shop.token().await;
    let path = format!("/orders/{}", placed[0]);
    let status_mails = |shop: &Shop| {
        shop.sim
            .customer_emails()
            .into_iter()
            .filter(|mail| mail.trigger == brygga_sim::starweb::EmailTrigger::StatusChanged)
            .count()
    };

    let picking = json!({
        "statusId": shop.status("picking"),
        "onOrderStatusChangeSendEmail": true,
        "onOrderStatusChangeProcessPayment": false,
    });
    shop.call(Method::PATCH, &token, &path, Some(picking)).await;
    assert_eq!(
        status_mails(&shop),
        0,
        "picking has shouldSendEmail off, so no mail goes out"
    );

    let quiet =
        json!({"statusId": shop.status("completed"), "onOrderStatusChangeSendEmail": false});
    let (status, body) = shop.call(Method::PATCH, &token, &path, Some(quiet)).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the status change is accepted: {body}"
    );
    assert_eq!(
        body["data"]["statusId"],
        shop.status("completed"),
        "the order is completed"
    );
    assert_eq!(
        status_mails(&shop),
        0,
        "onOrderStatusChangeSendEmail=false suppresses the mail for this call"
    );

    let loud = json!({"statusId": shop.status("canceled")});
    shop.call(Method::PATCH, &token, &path, Some(loud.clone()))
        .await;
    assert_eq!(
        status_mails(&shop),
        1,
        "canceled sends a mail and the flag defaults to true"
    );
    shop.call(Method::PATCH, &token, &path, Some(loud)).await;
    assert_eq!(
        status_mails(&shop),
        1,
        "setting the status the order already has sends nothing"
    );

    let (_, mails) = shop.control(Method::GET, "/emails", None).await;
    let last = mails["data"]
        .as_array()
        .and_then(|mails| mails.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        last["statusIdCode"], "canceled",
        "the recorded mail names the status: {mails}"
    );
    assert_eq!(
        last["to"], "anna.ek@example.com",
        "the mail goes to the customer's e-mail"
    );
    assert_eq!(
        shop.sim.processed_payments().len(),
        2,
        "payment processing ran for the two changes that did not turn it off"
    );
}

#[tokio::test]
async fn tracking_number_and_type_are_set_on_the_order() {
    let (shop, placed) = Shop::with_orders(1).await;
    let token = shop.token().await;
    let path = format!("/orders/{}", placed[0]);
    let (_, types) = shop.get(&token, "/shipping-tracking-types").await;
    let postnord = types["data"][0]["type"]
        .as_u64()
        .expect("tracking types have a type id");
    let shipped = json!({"statusId": shop.status("completed"), "shippingTrackerType": postnord, "shippingTrackingNo": "00373500489512345678"});
    let (status, body) = shop.call(Method::PATCH, &token, &path, Some(shipped)).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "tracking is set with a partial update: {body}"
    );
    assert_eq!(
        body["data"]["shippingTrackingNo"], "00373500489512345678",
        "the waybill is stored"
    );
    assert_eq!(
        body["data"]["shippingTrackerType"], postnord,
        "the tracker type is stored"
    );
    let (status, body) = shop
        .call(
            Method::PATCH,
            &token,
            &path,
            Some(json!({"shippingTrackerType": 999})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a tracker type the shop does not have is refused: {body}"
    );
    let (status, body) = shop
        .call(
            Method::PUT,
            &token,
            &path,
            Some(json!({"shippingTrackingNo": "X"})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "PUT requires statusId, as OrderPutModel says: {body}"
    );
}

#[tokio::test]
async fn comments_and_external_references_live_under_the_order() {
    let (shop, placed) = Shop::with_orders(1).await;
    let token = shop.token().await;
    let base = format!("/orders/{}", placed[0]);
    let (status, comment) = shop
        .call(
            Method::POST,
            &token,
            &format!("{base}/comments"),
            Some(json!({"text": "Skickad från lager 2"})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "a comment is created: {comment}"
    );
    assert_eq!(
        comment["data"]["from"], "admin",
        "an API comment is an admin comment by default"
    );
    let (_, order) = shop.get(&token, &base).await;
    assert_eq!(
        order["data"]["hasComments"], true,
        "the order knows it has comments"
    );

    let reference = json!({"serviceName": "Ongoing", "externalIdValue": "SO-1001"});
    let (status, body) = shop
        .call(
            Method::POST,
            &token,
            &format!("{base}/external-services"),
            Some(reference.clone()),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "an external reference is created: {body}"
    );
    let (status, _) = shop
        .call(
            Method::POST,
            &token,
            &format!("{base}/external-services"),
            Some(reference),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a service name is unique per order"
    );
    let (status, body) = shop
        .call(
            Method::PATCH,
            &token,
            &format!("{base}/external-services/Ongoing"),
            Some(json!({"externalIdValue": "SO-1001-B"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "a reference can be changed: {body}");
    assert_eq!(
        body["data"]["externalIdValue"], "SO-1001-B",
        "the new value is kept"
    );
    let (status, _) = shop
        .call(
            Method::PATCH,
            &token,
            &format!("{base}/external-services/nShift"),
            Some(json!({"agent": "1"})),
        )
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "the checkout's nShift agent is read-only"
    );
}

#[tokio::test]
async fn order_lines_can_be_changed_one_by_one() {
    let (shop, placed) = Shop::with_orders(1).await;
    let token = shop.token().await;
    let items = format!("/orders/{}/items", placed[0]);
    let line = json!({"sku": "MUGG-1", "description": "Mugg", "quantity": 2, "unitPrice": 159.2, "vatRate": 25});
    let (status, added) = shop.call(Method::POST, &token, &items, Some(line)).await;
    assert_eq!(status, StatusCode::CREATED, "a line is added: {added}");
    let item_id = added["data"]["itemId"]
        .as_u64()
        .expect("a new line has an id");
    let (status, changed) = shop
        .call(
            Method::PATCH,
            &token,
            &format!("{items}/{item_id}"),
            Some(json!({"quantity": 3})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "a line is changed: {changed}");
    assert_eq!(
        changed["data"]["quantity"], 3,
        "the quantity is the new one"
    );
    assert_eq!(
        changed["data"]["description"], "Mugg",
        "fields left out stay as they were"
    );
    let (status, _) = shop
        .call(Method::DELETE, &token, &format!("{items}/{item_id}"), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "a line is removed");
    let (_, list) = shop.get(&token, &items).await;
    assert_eq!(
        list["data"].as_array().map(Vec::len),
        Some(1),
        "only the original line is left"
    );
}
