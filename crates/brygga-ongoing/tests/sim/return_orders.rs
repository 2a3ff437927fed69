//! Return orders: announced against a shipped order, received by the warehouse and read back with
//! returned quantities and causes; unclaimed parcels; the cause and status lists.

use brygga_ongoing::OngoingClient;
use brygga_ongoing::return_orders::{
    CodeName, ReturnOrderLineUpsert, ReturnOrderQuery, ReturnOrderUpsert,
};
use brygga_sim::ongoing::{OngoingSim, ReturnReceipt, ReturnedGoods, Shipping, UnclaimedParcel};

use crate::support::*;

/// A shipped order of two of article 1; returns the order id and its line id.
async fn shipped_order(sim: &OngoingSim, client: &OngoingClient, number: &str) -> (i32, i32) {
    client.upsert_article(&article(1)).await.unwrap();
    stock(sim, 1, 10.0);
    let order_id = client.upsert_order(&order(number, &sku(1))).await.unwrap();
    sim.ship_order(order_id, &Shipping::default()).unwrap();
    let shipped = client.order(order_id).await.unwrap();
    (order_id, shipped.order_lines[0].id)
}

fn regret(return_number: &str, order_id: i32, order_line_id: i32) -> ReturnOrderUpsert {
    ReturnOrderUpsert {
        return_order_number: return_number.to_owned(),
        order_id,
        comment: Some("Kunden ångrade sig".to_owned()),
        lines: vec![ReturnOrderLineUpsert {
            row_number: "1".to_owned(),
            order_line_id,
            number_of_items: 2.0,
            cause: Some(CodeName {
                code: Some("REGRET".to_owned()),
                name: None,
            }),
            comment: None,
        }],
        ..ReturnOrderUpsert::default()
    }
}

#[tokio::test]
async fn a_return_against_a_shipped_order_is_received_and_read_back_with_its_cause() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    let (order_id, line_id) = shipped_order(&sim, &client, "1001").await;

    let causes = client.return_causes().await.unwrap();
    assert!(
        causes.iter().any(|c| c.code.as_deref() == Some("REGRET")),
        "the goods owner's causes are listed, so the shop can map its own: {causes:?}"
    );
    let statuses = client.return_order_statuses().await.unwrap();
    assert!(
        !statuses.is_empty(),
        "the warehouse numbers its return statuses"
    );

    let id = client
        .upsert_return_order(&regret("R-1", order_id, line_id))
        .await
        .unwrap();
    let again = client
        .upsert_return_order(&regret("R-1", order_id, line_id))
        .await
        .unwrap();
    assert_eq!(id, again, "the return order number is the upsert key");
    assert_eq!(sim.return_order_count(), 1, "the second PUT added nothing");

    let listed = client
        .return_orders(&ReturnOrderQuery {
            customer_order_numbers: vec!["1001".to_owned()],
            ..ReturnOrderQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(listed.len(), 1, "the return is found by its order's number");
    assert_eq!(listed[0].number(), Some("R-1"));

    let cursor = sim.now();
    sim.advance_clock(chrono::TimeDelta::seconds(5));
    sim.receive_return_order(
        id,
        &ReturnReceipt {
            lines: vec![ReturnedGoods {
                return_order_row_number: "1".to_owned(),
                number_of_items: 2.0,
                article_item_status: Some("OK".to_owned()),
                ..ReturnedGoods::default()
            }],
            ..ReturnReceipt::default()
        },
    )
    .unwrap();

    let received = client.return_order(id).await.unwrap();
    assert_eq!(
        received.customer_order_info.as_ref().map(|o| o.order_id),
        Some(order_id),
        "the return names the order it came from"
    );
    let line = &received.return_order_lines[0];
    assert_eq!(
        (
            line.to_be_returned_number_of_items,
            line.returned_number_of_items
        ),
        (2.0, 2.0),
        "both announced items came back"
    );
    assert_eq!(line.cause_code(), Some("REGRET"), "the cause is kept");
    assert_eq!(
        line.restocked_number_of_items(),
        2.0,
        "a regret purchase goes back on the shelf"
    );
    assert_eq!(
        line.returned_article_items
            .iter()
            .map(|item| item.number_of_items)
            .sum::<f64>(),
        2.0,
        "the returned batches add up to the returned quantity"
    );
    assert_eq!(
        line.customer_order_line.as_ref().map(|l| l.order_line_id),
        Some(line_id),
        "the line refers to the order line it returns"
    );

    let since_cursor = client
        .return_orders(&ReturnOrderQuery {
            returned_from: Some(cursor),
            ..ReturnOrderQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(
        since_cursor.len(),
        1,
        "goods came back after the cursor, so the return is in the feed"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn an_unclaimed_parcel_shows_up_as_a_return_order() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    let (order_id, _) = shipped_order(&sim, &client, "2002").await;

    assert!(
        client
            .return_orders(&ReturnOrderQuery::default())
            .await
            .unwrap()
            .is_empty(),
        "no return exists before the parcel comes back"
    );
    sim.register_unclaimed_parcel(&UnclaimedParcel {
        order_id,
        ..UnclaimedParcel::default()
    })
    .unwrap();

    let returns = client
        .return_orders(&ReturnOrderQuery::default())
        .await
        .unwrap();
    assert_eq!(
        returns.len(),
        1,
        "the warehouse registered the parcel as a return order the shop did not announce"
    );
    let unclaimed = &returns[0];
    assert_eq!(
        unclaimed
            .customer_order_info
            .as_ref()
            .and_then(|o| o.order_number.as_deref()),
        Some("2002"),
        "it names the shop's order, so the shop can find the customer"
    );
    let line = &unclaimed.return_order_lines[0];
    assert_eq!(
        line.cause_code(),
        Some("UNCLAIMED"),
        "the cause tells the shop it was never collected"
    );
    assert_eq!(
        line.returned_number_of_items, 2.0,
        "everything shipped came back"
    );
    assert_conforms(&server);
}
