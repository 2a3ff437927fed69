//! Returns (flow 8) through the commands the returns screen calls, against both simulators over
//! loopback HTTP. An order is delivered first (released, picked and shipped by the simulated
//! warehouse staff through its operator API, then the status sync runs); the customer's return is
//! then announced, received in parts, refunded; the warehouse's own returns (an unannounced one
//! and an unclaimed parcel) show up linked to their orders; and the errors say what is wrong.

use brygga_app::commands::types::*;
use brygga_app::commands::{
    find_returnable_orders, list_return_causes, list_returns, order_detail, register_return,
    return_detail, set_return_state,
};
use brygga_app::demo::DemoSystems;
use brygga_app::returns::{
    CommentState, DeliveryState, MoneyView, ReturnKindName, ReturnLineForm, ReturnStateName,
    ReturnableLine, ReturnableOrder,
};
use brygga_app::runs::AttentionKind;
use brygga_app::{App, ErrorCode};
use brygga_sim::fault::Fault;
use brygga_sim::ongoing::{Picking, Release, ReturnReceipt, ReturnedGoods, Shipping};
use brygga_sim::starweb::PlaceOrder;

mod support;

/// The warehouse releases, picks and ships the order; the status sync reads it.
async fn deliver(app: &App, systems: &DemoSystems, order_number: &str) {
    let warehouse = &systems.warehouse;
    let order = warehouse
        .order_by_number(order_number)
        .unwrap_or_else(|| panic!("order {order_number} is in the warehouse"));
    warehouse
        .release_order(order.order_id, &Release::default())
        .expect("the warehouse releases the order");
    warehouse
        .pick_order(order.order_id, &Picking::default())
        .expect("the warehouse picks everything");
    warehouse
        .ship_order(order.order_id, &Shipping::default())
        .expect("the warehouse ships it");
    brygga_app::sync::engine(app)
        .unwrap()
        .run_once(&brygga_sync::Stop::default())
        .await
        .expect("the status sync reads the shipment");
}

/// An app connected to fresh simulators with one delivered and one undelivered order.
async fn with_delivered_order(dir: &std::path::Path) -> (App, DemoSystems, String, String) {
    let (app, mut systems) = support::connected(dir).await;
    let sent = support::sent_orders(&app, &mut systems, 2).await;
    let delivered = sent[0].to_string();
    deliver(&app, &systems, &delivered).await;
    (app, systems, delivered, sent[1].to_string())
}

/// The customer of `sample` buys two of one article, so a return can arrive in two parts; the
/// order is delivered and its number returned.
async fn two_delivered(app: &App, systems: &DemoSystems, sample: &str) -> String {
    let shop_order = systems.shop.order(sample.parse().unwrap()).unwrap();
    let sku = shop_order
        .lines
        .iter()
        .find_map(|l| l.sku.clone())
        .expect("the sample order has an article");
    let two = PlaceOrder::checkout(&sku, 2, shop_order.shipping_method_id.unwrap());
    let order = systems
        .shop
        .place_order(two)
        .expect("the shop takes the order")
        .to_string();
    brygga_app::sync::engine(app)
        .unwrap()
        .run_once(&brygga_sync::Stop::default())
        .await
        .expect("a pass sends the order");
    deliver(app, systems, &order).await;
    order
}

/// An app with an order of two units of one article delivered: the order and that line.
async fn with_two_delivered(dir: &std::path::Path) -> (App, DemoSystems, String, ReturnableLine) {
    let (app, systems, sample, _) = with_delivered_order(dir).await;
    let order = two_delivered(&app, &systems, &sample).await;
    let line = find(&app, &order)
        .await
        .lines
        .into_iter()
        .find(|l| l.delivered == 2)
        .expect("two units were delivered");
    (app, systems, order, line)
}

async fn find(app: &App, query: &str) -> ReturnableOrder {
    let found = find_returnable_orders(
        app,
        FindReturnableOrdersRequest {
            query: query.to_owned(),
        },
    )
    .await
    .expect("the warehouse is searched");
    found
        .orders
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("an order matches {query}"))
}

fn register(order: &str, lines: &[(&str, u32)], cause: &str) -> RegisterReturnRequest {
    RegisterReturnRequest {
        order_number: order.to_owned(),
        kind: ReturnKindName::Regret,
        lines: lines
            .iter()
            .map(|(sku, quantity)| ReturnLineForm {
                sku: (*sku).to_owned(),
                quantity: *quantity,
            })
            .collect(),
        cause: cause.to_owned(),
        note: Some("Wrong size".to_owned()),
    }
}

fn shop_comments(systems: &DemoSystems, order: &str) -> Vec<String> {
    systems
        .shop
        .order(order.parse().unwrap())
        .expect("the shop order exists")
        .comments
        .into_iter()
        .map(|c| c.text)
        .collect()
}

fn receive(systems: &DemoSystems, number: &str, quantity: f64) {
    let return_order = systems
        .warehouse
        .return_order_by_number(number)
        .unwrap_or_else(|| panic!("the warehouse has return order {number}"));
    systems
        .warehouse
        .receive_return_order(
            return_order.return_order_id,
            &ReturnReceipt {
                lines: vec![ReturnedGoods {
                    return_order_row_number: "1".to_owned(),
                    number_of_items: quantity,
                    ..ReturnedGoods::default()
                }],
                complete: None,
            },
        )
        .expect("the warehouse receives the returned goods");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_return_is_announced_received_in_parts_and_refunded() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems, sample, _) = with_delivered_order(dir.path()).await;
    let order = two_delivered(&app, &systems, &sample).await;

    let found = find(&app, &order).await;
    assert!(
        found.delivered,
        "the warehouse shipped the order: {found:?}"
    );
    let line = found
        .lines
        .iter()
        .find(|l| l.delivered >= 1)
        .unwrap_or_else(|| panic!("something was delivered: {found:?}"))
        .clone();
    assert_eq!(
        line.returnable, line.delivered,
        "nothing has been returned yet, so all delivered units are returnable"
    );
    if let Some(name) = &found.customer_name {
        let by_name = find(&app, name).await;
        assert_eq!(
            by_name.order_number, order,
            "the customer's name finds their order"
        );
    }

    let causes = list_return_causes(&app, ListReturnCausesRequest {})
        .await
        .expect("the warehouse lists its return causes");
    assert!(
        causes.causes.iter().any(|c| c.code == "REGRET"),
        "the demo warehouse has a regret cause: {causes:?}"
    );

    let quantity = line.delivered;
    let saved = register_return(&app, register(&order, &[(&line.sku, quantity)], "REGRET"))
        .await
        .expect("a return of delivered goods is registered");
    let number = saved.detail.summary.number.clone();
    assert!(saved.shop_comment_written, "the shop order gets a comment");
    assert!(
        shop_comments(&systems, &order)
            .iter()
            .any(|c| c.contains(&number) && c.contains("REGRET")),
        "the comment names the return and its cause: {:?}",
        shop_comments(&systems, &order)
    );
    let history = order_detail(
        &app,
        OrderRequest {
            shop_order_id: order.parse().unwrap(),
        },
    )
    .await
    .expect("the order page opens");
    assert_eq!(
        history.returns,
        vec![number.clone()],
        "the order page links its return"
    );
    let comment = history
        .timeline
        .iter()
        .find(|e| e.kind == "shop.add_order_comment")
        .unwrap_or_else(|| panic!("the order's history has the return's comment: {history:?}"));
    assert!(
        comment
            .message
            .as_deref()
            .is_some_and(|m| m.contains(&number)),
        "the history shows the comment's words: {comment:?}"
    );
    assert!(
        history
            .timeline
            .iter()
            .any(|e| e.kind == "warehouse.upsert_return_order"),
        "and the return order sent for it: {:?}",
        history.timeline
    );
    let in_warehouse = systems
        .warehouse
        .return_order_by_number(&number)
        .expect("the return order is in the warehouse");
    let warehouse_order = systems.warehouse.order_by_number(&order).unwrap();
    assert_eq!(
        in_warehouse.order_id, warehouse_order.order_id,
        "the return order is linked to the original order"
    );
    assert_eq!(
        in_warehouse.lines[0].to_be_returned,
        f64::from(quantity),
        "the announced quantity is the merchant's"
    );
    assert_eq!(
        find(&app, &order)
            .await
            .lines
            .iter()
            .find(|l| l.sku == line.sku)
            .unwrap()
            .returnable,
        0,
        "what is announced can no longer be returned again"
    );

    assert_eq!(quantity, 2, "two units were delivered: {found:?}");
    {
        receive(&systems, &number, 1.0);
        let detail = return_detail(
            &app,
            ReturnRequest {
                number: number.clone(),
            },
        )
        .await
        .unwrap();
        assert_eq!(
            (detail.summary.received, detail.summary.announced),
            (1, quantity),
            "one unit arrived so far"
        );
        assert!(
            detail.differences.is_empty(),
            "while goods still arrive a short line is not a difference: {detail:?}"
        );
        receive(&systems, &number, f64::from(quantity - 1));
    }
    let list = list_returns(&app, ListReturnsRequest::default())
        .await
        .unwrap();
    let summary = list
        .returns
        .iter()
        .find(|r| r.number == number)
        .expect("the return is listed");
    assert_eq!(
        (
            summary.received,
            summary.state,
            summary.waiting_for_merchant
        ),
        (quantity, ReturnStateName::Announced, true),
        "everything arrived and waits for the merchant"
    );
    assert_eq!(list.waiting_for_merchant, 1);
    let attention = brygga_app::runs::attention::collect(app.store().unwrap()).unwrap();
    assert!(
        attention
            .iter()
            .any(|i| i.kind == AttentionKind::ReturnArrived && i.focus == number),
        "a return whose goods are back needs the merchant on the dashboard: {attention:?}"
    );

    let refused = set_return_state(
        &app,
        SetReturnStateRequest {
            number: number.clone(),
            state: ReturnStateName::Refunded,
            note: None,
            refund: None,
        },
    )
    .await
    .expect_err("a return is received before it is refunded");
    assert_eq!(refused.code, ErrorCode::Validation, "{refused}");

    set_return_state(
        &app,
        SetReturnStateRequest {
            number: number.clone(),
            state: ReturnStateName::Received,
            note: None,
            refund: None,
        },
    )
    .await
    .expect("the merchant confirms the goods are back");
    let refunded = set_return_state(
        &app,
        SetReturnStateRequest {
            number: number.clone(),
            state: ReturnStateName::Refunded,
            note: None,
            refund: Some(MoneyView {
                minor_units: 29_900,
                currency: "SEK".to_owned(),
            }),
        },
    )
    .await
    .expect("the refund is recorded");
    assert_eq!(
        refunded.detail.summary.refund,
        Some(MoneyView {
            minor_units: 29_900,
            currency: "SEK".to_owned()
        }),
        "the refund is kept in minor units with its currency"
    );
    assert!(
        shop_comments(&systems, &order)
            .iter()
            .any(|c| c.contains("refunded: 299.00 SEK")),
        "the shop order says what was refunded: {:?}",
        shop_comments(&systems, &order)
    );
    let attention = brygga_app::runs::attention::collect(app.store().unwrap()).unwrap();
    assert!(
        attention
            .iter()
            .all(|i| i.kind != AttentionKind::ReturnArrived),
        "a refunded return no longer needs the merchant: {attention:?}"
    );
    let open = list_returns(&app, ListReturnsRequest::default())
        .await
        .unwrap();
    assert!(
        open.returns.iter().all(|r| r.number != number) && open.waiting_for_merchant == 0,
        "a refunded return leaves the open list: {open:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_warehouses_own_returns_appear_linked_to_their_orders() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems, order, _) = with_delivered_order(dir.path()).await;
    let warehouse_order = systems.warehouse.order_by_number(&order).unwrap();

    systems
        .warehouse
        .register_unclaimed_parcel(&brygga_sim::ongoing::UnclaimedParcel {
            order_id: warehouse_order.order_id,
            return_order_number: None,
            comment: Some("Not collected".to_owned()),
        })
        .expect("the parcel comes back uncollected");
    let report = brygga_app::sync::engine(&app)
        .unwrap()
        .run_flow(brygga_core::schedule::Flow::Returns, false)
        .await
        .expect("the returns flow reads the warehouse");
    assert_eq!(
        report.counts.get("withGoods").copied(),
        Some(1),
        "the flow sees the parcel's goods back: {report:?}"
    );
    let attention = brygga_app::runs::attention::collect(app.store().unwrap()).unwrap();
    assert!(
        attention
            .iter()
            .any(|i| i.kind == AttentionKind::ReturnArrived),
        "the scheduled flow alone puts the returned parcel on the dashboard: {attention:?}"
    );
    let list = list_returns(&app, ListReturnsRequest::default())
        .await
        .unwrap();
    let unclaimed = list
        .returns
        .iter()
        .find(|r| r.kind == ReturnKindName::Unclaimed)
        .unwrap_or_else(|| panic!("the unclaimed parcel is listed: {list:?}"));
    assert_eq!(
        unclaimed.order_number.as_deref(),
        Some(order.as_str()),
        "it is linked to the shop order it was shipped for"
    );
    assert!(
        unclaimed.waiting_for_merchant,
        "its goods are back and wait for the merchant"
    );

    let closed = set_return_state(
        &app,
        SetReturnStateRequest {
            number: unclaimed.number.clone(),
            state: ReturnStateName::Closed,
            note: None,
            refund: None,
        },
    )
    .await
    .expect_err("closing needs a note");
    assert!(closed.message.contains("note"), "{closed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unannounced_return_from_the_warehouse_is_listed_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems, order, _) = with_delivered_order(dir.path()).await;
    let warehouse_order = systems.warehouse.order_by_number(&order).unwrap();
    let line = &warehouse_order.lines[0];
    // The 3PL registers a return nobody announced, through the API like its own client would.
    let warehouse = brygga_app::sync::remotes(&app).unwrap().warehouse;
    warehouse
        .upsert_return_order(&brygga_ongoing::return_orders::ReturnOrderUpsert {
            return_order_number: "3PL-77".to_owned(),
            order_id: warehouse_order.order_id,
            comment: None,
            in_date: None,
            warehouse_id: None,
            lines: vec![brygga_ongoing::return_orders::ReturnOrderLineUpsert {
                row_number: "1".to_owned(),
                order_line_id: line.order_line_id,
                number_of_items: 1.0,
                cause: None,
                comment: None,
            }],
        })
        .await
        .expect("the warehouse registers a return");
    receive(&systems, "3PL-77", 1.0);
    let detail = return_detail(
        &app,
        ReturnRequest {
            number: "3PL-77".to_owned(),
        },
    )
    .await
    .expect("the warehouse's return is known after reading");
    assert_eq!(
        (detail.summary.kind, detail.summary.order_number.as_deref()),
        (ReturnKindName::Unannounced, Some(order.as_str())),
        "a return nobody announced is linked by the warehouse's order number"
    );
    assert_eq!(detail.lines[0].received, 1, "its goods arrived");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_returns_are_refused_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems, order, undelivered) = with_delivered_order(dir.path()).await;
    let found = find(&app, &order).await;
    let line = found.lines.iter().find(|l| l.delivered >= 1).unwrap();

    let never = find(&app, &undelivered).await;
    let error = register_return(
        &app,
        register(&undelivered, &[(&never.lines[0].sku, 1)], "REGRET"),
    )
    .await
    .expect_err("an order never delivered cannot be returned");
    assert!(
        error.code == ErrorCode::Validation && error.message.contains("has not been delivered"),
        "the message says the order was not delivered: {error}"
    );

    let error = register_return(
        &app,
        register(&order, &[(&line.sku, line.delivered + 1)], "REGRET"),
    )
    .await
    .expect_err("more than was delivered cannot be returned");
    assert!(
        error.message.contains("more than can be returned"),
        "the message names the line and what is returnable: {error}"
    );
    assert_eq!(
        systems.warehouse.return_order_count(),
        0,
        "nothing reached the warehouse"
    );

    systems.warehouse.set_returns_enabled(false);
    let error = register_return(&app, register(&order, &[(&line.sku, 1)], "REGRET"))
        .await
        .expect_err("the warehouse refuses return orders");
    assert_eq!(error.code, ErrorCode::RemoteRefused, "{error}");
    assert!(
        error.message.contains("activate return orders"),
        "the message says what the 3PL must switch on: {error}"
    );
}

/// Drains until the return's calls went through, waiting for the next queued call to fall due.
async fn drain_until_sent(app: &App, number: &str) {
    let engine = brygga_app::sync::engine(app).unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        engine
            .drain(brygga_sync::Stop::default().flag())
            .await
            .expect("the drain runs");
        if engine.return_delivery(number).unwrap() == brygga_sync::return_ops::Delivery::Done {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the return's calls went through within 30 s: {:?}",
            engine.return_delivery(number)
        );
        let next = app.store().unwrap().outbox().next_run_at_ms().unwrap();
        let wait = next.map_or(10, |at| at - chrono::Utc::now().timestamp_millis());
        tokio::time::sleep(std::time::Duration::from_millis(
            wait.clamp(10, 2_000) as u64
        ))
        .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_return_waits_for_a_busy_shop_and_counts_before_the_warehouse_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems, order, line) = with_two_delivered(dir.path()).await;

    // The shop answers the comment with a 429: the return is registered, its comment waits.
    systems.shop_server.faults().next_n_requests(
        Fault::RateLimited {
            retry_after: Some(std::time::Duration::from_secs(1)),
        },
        1,
    );
    let saved = register_return(&app, register(&order, &[(&line.sku, 1)], "REGRET"))
        .await
        .expect("the return is registered although the shop is busy");
    let number = saved.detail.summary.number.clone();
    assert_eq!(
        number,
        format!("{order}-R1"),
        "the first return of an order is R1"
    );
    assert!(
        !saved.shop_comment_written
            && saved
                .problem
                .as_deref()
                .is_some_and(|p| p.contains("queued")),
        "the answer says the comment is queued, not lost: {saved:?}"
    );
    assert_eq!(
        saved.comment,
        CommentState::Waiting,
        "the screen says so in the merchant's language"
    );
    assert_eq!(
        saved.detail.summary.delivery.state,
        DeliveryState::Waiting,
        "the return shows its comment waiting"
    );
    assert_eq!(
        systems.warehouse.return_order_count(),
        1,
        "the warehouse took the return order before the comment was tried"
    );
    assert!(
        shop_comments(&systems, &order).is_empty(),
        "the busy shop wrote nothing"
    );
    drain_until_sent(&app, &number).await;
    let comments = shop_comments(&systems, &order);
    assert_eq!(
        comments.iter().filter(|c| c.contains(&number)).count(),
        1,
        "the comment is written once when the shop answers: {comments:?}"
    );
    let listed = list_returns(&app, ListReturnsRequest::default())
        .await
        .unwrap();
    assert_eq!(
        listed.returns[0].delivery.state,
        DeliveryState::Sent,
        "once both calls went through the list says so: {listed:?}"
    );

    // A return registered while the app stops before sending it still counts.
    let engine = brygga_app::sync::engine(&app).unwrap();
    let remotes = brygga_app::sync::remotes(&app).unwrap();
    let warehouse_order = remotes
        .warehouse
        .orders(&brygga_ongoing::orders::OrderQuery {
            order_number: Some(order.clone()),
            ..Default::default()
        })
        .await
        .unwrap()
        .remove(0);
    let order_line = warehouse_order
        .order_lines
        .iter()
        .find(|l| l.article.as_ref().and_then(|a| a.article_number.as_deref()) == Some(&line.sku))
        .unwrap();
    let draft = brygga_core::returns::ReturnOrderDraft {
        number: format!("{order}-R2"),
        order_number: order.clone(),
        warehouse_order_id: warehouse_order.order_info.order_id,
        comment: None,
        lines: vec![brygga_core::returns::ReturnDraftLine {
            row_number: "1".to_owned(),
            order_line_id: order_line.id,
            sku: line.sku.clone(),
            quantity: 1,
            cause_code: "REGRET".to_owned(),
            cause_name: None,
            comment: None,
        }],
    };
    let mut record = app
        .store()
        .unwrap()
        .returns()
        .get(&number)
        .unwrap()
        .unwrap();
    record.number = draft.number.clone();
    record.warehouse_id = None;
    engine.queue_return(&record, draft, None).unwrap();
    let again = find(&app, &order).await;
    let again_line = again.lines.iter().find(|l| l.sku == line.sku).unwrap();
    assert_eq!(
        again_line.already_returned, 2,
        "the unsent return counts with the sent one: {again:?}"
    );
    let error = register_return(&app, register(&order, &[(&line.sku, 1)], "REGRET"))
        .await
        .expect_err("the unsent return's units cannot be returned again");
    assert!(
        error.message.contains("more than can be returned"),
        "{error}"
    );
    let detail = return_detail(
        &app,
        ReturnRequest {
            number: format!("{order}-R2"),
        },
    )
    .await
    .unwrap();
    assert_eq!(
        (detail.summary.delivery.state, detail.summary.announced),
        (DeliveryState::Waiting, 1),
        "the unsent return shows its registered lines, waiting to be sent: {detail:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_merchant_announces_an_unclaimed_parcel_but_never_an_unannounced_return() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems, order, _) = with_delivered_order(dir.path()).await;
    let found = find(&app, &order).await;
    let lines: Vec<(&str, u32)> = found
        .lines
        .iter()
        .filter(|l| l.returnable > 0)
        .map(|l| (l.sku.as_str(), l.returnable))
        .collect();
    let mut request = register(&order, &lines, "REGRET");
    request.kind = ReturnKindName::Unannounced;
    let error = register_return(&app, request.clone())
        .await
        .expect_err("an unannounced return is the warehouse's to register");
    assert!(
        error.code == ErrorCode::Validation && error.message.contains("only the warehouse"),
        "{error}"
    );

    request.kind = ReturnKindName::Unclaimed;
    let saved = register_return(&app, request)
        .await
        .expect("the carrier said the parcel is coming back: the whole parcel is announced");
    assert_eq!(
        saved.detail.summary.kind,
        ReturnKindName::Unclaimed,
        "{saved:?}"
    );
    let comments = shop_comments(&systems, &order);
    assert!(
        comments.iter().any(|c| c.contains("unclaimed parcel")),
        "the shop order's comment says what kind of return it is: {comments:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_return_registered_while_the_warehouse_stops_answering_is_kept_and_sent_once() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems, order, line) = with_two_delivered(dir.path()).await;

    // The order, the causes and the earlier returns are read; then the warehouse stops answering
    // for the return order and for the read after it.
    systems
        .warehouse_server
        .faults()
        .after_n_requests(3, Fault::Unavailable, 2);
    let saved = register_return(&app, register(&order, &[(&line.sku, 1)], "REGRET"))
        .await
        .expect("the return is kept and queued, not refused, while the warehouse is away");
    let number = saved.detail.summary.number.clone();
    assert_eq!(
        (
            saved.detail.summary.delivery.state,
            saved.detail.summary.announced
        ),
        (DeliveryState::Waiting, 1),
        "the return shows its registered line, waiting for the warehouse: {saved:?}"
    );
    assert_eq!(
        systems.warehouse.return_order_count(),
        0,
        "the warehouse did not take it yet"
    );
    assert_eq!(
        systems.warehouse_server.faults().forced(),
        0,
        "exactly the return order and the read after it met the outage"
    );
    let again = find(&app, &order).await;
    assert_eq!(
        again
            .lines
            .iter()
            .find(|l| l.sku == line.sku)
            .map(|l| l.returnable),
        Some(1),
        "the queued return counts, so the same unit cannot be registered twice"
    );

    drain_until_sent(&app, &number).await;
    assert_eq!(
        systems.warehouse.return_order_count(),
        1,
        "once the warehouse answers the return order is there, once"
    );
    assert!(
        shop_comments(&systems, &order)
            .iter()
            .any(|c| c.contains(&number)),
        "and the shop order is told after it"
    );
}
