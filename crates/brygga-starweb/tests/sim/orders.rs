//! One order end to end: read with lines and addresses, moved through statuses with and without
//! the customer e-mail, given a tracking number, comments and a warehouse reference.

use brygga_core::remote::{Classified, FailureClass};
use brygga_sim::starweb::EmailTrigger;
use brygga_starweb::order_model::CommentAuthor;
use brygga_starweb::orders::StatusChange;
use brygga_starweb::{StandardStatus, StarwebError};

use crate::support::{Shop, checkout};

fn status_mails(shop: &Shop, order_id: i32) -> usize {
    shop.sim
        .customer_emails()
        .iter()
        .filter(|mail| {
            mail.order_id == order_id as u32 && mail.trigger == EmailTrigger::StatusChanged
        })
        .count()
}

#[tokio::test]
async fn an_order_is_read_with_its_lines_addresses_and_references_in_one_call() {
    let shop = Shop::start().await;
    shop.add_product(&["TEKANNA-1"], Some(10));
    let id = shop.sim.place_order(checkout("TEKANNA-1", 2)).unwrap() as i32;
    let client = shop.client();

    let order = client.order(id).await.unwrap();
    assert_eq!(shop.calls("GET", "/orders/{orderId}"), 1, "one call");
    let items = order.items.expect("include=items embeds the lines");
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].sku.as_deref(), Some("TEKANNA-1"));
    assert_eq!(items[0].quantity, 2);
    let addresses = order.addresses.expect("include=addresses embeds them");
    let delivery = addresses
        .delivery()
        .expect("a checkout has a delivery address");
    assert_eq!(delivery.city.as_deref(), Some("Stockholm"));
    assert_eq!(delivery.postal_code.as_deref(), Some("111 22"));
    let references = order.external_services.expect("include=externalServices");
    assert!(
        references
            .iter()
            .any(|r| r.agent.as_deref() == Some("612345")),
        "the service point chosen at checkout comes along: {references:?}"
    );
    assert_eq!(
        order.original_customer_email.as_deref(),
        Some("anna.ek@example.com")
    );
    assert!(order.created_at.is_some() && order.modified_at.is_some());

    let err = client.order(999_999).await.unwrap_err();
    assert!(err.is_not_found(), "a missing order is a 404: {err}");
    assert_eq!(err.class(), FailureClass::Abort, "it stays missing");
    shop.assert_conforms();
}

#[tokio::test]
async fn a_status_change_emails_the_customer_only_when_asked() {
    let shop = Shop::start().await;
    let placed = shop.place_orders(2);
    let client = shop.client();
    let statuses = client.order_statuses().await.unwrap();
    let completed = statuses.id_of(StandardStatus::Completed).unwrap();
    assert!(
        statuses.by_id(completed).unwrap().should_send_email,
        "precondition: the shop mails customers when an order is completed"
    );
    assert!(
        StandardStatus::ALL
            .iter()
            .all(|standard| statuses.id_of(*standard).is_ok()),
        "all four standard statuses are found by idCode"
    );
    assert!(
        statuses.custom().count() > 0,
        "the shop's own statuses are listed too"
    );

    let told = client
        .set_order_status(
            placed[0],
            StatusChange {
                status_id: completed,
                email_customer: true,
                process_payment: true,
            },
        )
        .await
        .unwrap();
    assert_eq!(
        told.status_id,
        Some(completed),
        "the shop answers with the new status"
    );
    assert_eq!(
        status_mails(&shop, placed[0]),
        1,
        "shouldSendEmail honoured: one mail"
    );

    let quiet = client
        .set_order_status(
            placed[1],
            StatusChange {
                status_id: completed,
                email_customer: false,
                process_payment: false,
            },
        )
        .await
        .unwrap();
    assert_eq!(quiet.status_id, Some(completed));
    assert_eq!(
        status_mails(&shop, placed[1]),
        0,
        "onOrderStatusChangeSendEmail=false keeps the customer unaware"
    );
    assert!(
        shop.sim
            .processed_payments()
            .iter()
            .all(|payment| payment.order_id != placed[1] as u32),
        "no payment capture was asked for the quiet change"
    );

    let err = client
        .set_order_status(
            placed[1],
            StatusChange {
                status_id: 9_999,
                email_customer: false,
                process_payment: false,
            },
        )
        .await
        .unwrap_err();
    assert!(
        matches!(err, StarwebError::Rejected { status: 400, .. })
            && err.to_string().contains("9999"),
        "an unknown status is refused with the shop's reason: {err}"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn a_tracking_number_is_set_and_read_back() {
    let shop = Shop::start().await;
    let id = shop.place_orders(1)[0];
    let client = shop.client();
    let types = client.shipping_tracking_types().await.unwrap();
    let postnord = types
        .iter()
        .find(|kind| kind.name.contains("PostNord") || kind.name.contains("Posten"))
        .expect("the shop links PostNord tracking numbers");

    client
        .set_order_tracking(id, "00370712345678901234", Some(postnord.tracker_type))
        .await
        .unwrap();
    let order = client.order(id).await.unwrap();
    assert_eq!(
        order.shipping_tracking_no.as_deref(),
        Some("00370712345678901234"),
        "the waybill is stored on the order"
    );
    assert_eq!(order.shipping_tracker_type, Some(postnord.tracker_type));
    shop.assert_conforms();
}

#[tokio::test]
async fn comments_are_added_and_listed() {
    let shop = Shop::start().await;
    let id = shop.place_orders(1)[0];
    let client = shop.client();
    let added = client
        .add_order_comment(id, "Skickad från lagret i två kolli")
        .await
        .unwrap();
    assert_eq!(
        added.from,
        Some(CommentAuthor::Admin),
        "Brygga writes as the merchant"
    );
    let comments = client.order_comments(id).await.unwrap();
    assert!(
        comments.iter().any(
            |c| c.comment_id == added.comment_id && c.text == "Skickad från lagret i två kolli"
        ),
        "the comment is on the order: {comments:?}"
    );
    assert_eq!(
        client.order(id).await.unwrap().has_comments,
        Some(true),
        "the order knows it has comments"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn the_warehouse_reference_is_an_upsert_and_read_only_ones_refuse() {
    let shop = Shop::start().await;
    let id = shop.place_orders(1)[0];
    let client = shop.client();
    assert_eq!(
        client.order_reference(id, "Ongoing").await.unwrap(),
        None,
        "no reference before the first sync"
    );

    client
        .set_order_reference(id, "Ongoing", "4711")
        .await
        .unwrap();
    let again = client
        .set_order_reference(id, "Ongoing", "4712")
        .await
        .unwrap();
    assert_eq!(again.external_id_value.as_deref(), Some("4712"));
    assert_eq!(
        shop.calls("POST", "/orders/{orderId}/external-services"),
        1,
        "the reference was added once and then updated in place"
    );
    let references = client.order_references(id).await.unwrap();
    let ongoing: Vec<_> = references
        .iter()
        .filter(|r| r.service_name == "Ongoing")
        .collect();
    assert_eq!(
        ongoing.len(),
        1,
        "one reference per service: {references:?}"
    );
    assert_eq!(
        client
            .order_reference(id, "Ongoing")
            .await
            .unwrap()
            .and_then(|r| r.external_id_value),
        Some("4712".to_owned())
    );

    let err = client
        .set_order_reference(id, "nShift", "hijack")
        .await
        .unwrap_err();
    assert!(
        matches!(err, StarwebError::Rejected { status: 403, .. }),
        "the checkout's nShift reference is read-only: {err}"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn delivered_quantities_are_written_back_to_the_lines() {
    let shop = Shop::start().await;
    shop.add_product(&["MUGG-1"], Some(10));
    shop.add_product(&["FAT-2"], Some(10));
    let id = i32::try_from(shop.sim.place_order(checkout("MUGG-1", 3)).unwrap()).unwrap();
    let client = shop.client();
    let order = client.order(id).await.unwrap();
    let mug = order
        .items
        .iter()
        .flatten()
        .find(|i| i.sku.as_deref() == Some("MUGG-1"))
        .and_then(|i| i.item_id)
        .expect("the mug line has an id");

    client.set_order_item_quantity(id, mug, 2).await.unwrap();
    client
        .add_order_item(id, "FAT-2", "Fat (added by the warehouse)", 1)
        .await
        .unwrap();
    let lines: Vec<(Option<String>, i64)> = client
        .order(id)
        .await
        .unwrap()
        .items
        .unwrap_or_default()
        .into_iter()
        .filter(|i| i.sku.as_deref() != Some("FRAKT"))
        .map(|i| (i.sku, i.quantity))
        .collect();
    assert!(
        lines.contains(&(Some("MUGG-1".to_owned()), 2))
            && lines.contains(&(Some("FAT-2".to_owned()), 1)),
        "the shop order now shows what was delivered: {lines:?}"
    );
    shop.assert_conforms();
}
