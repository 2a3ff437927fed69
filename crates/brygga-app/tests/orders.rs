//! The orders screen's commands through the same functions the desktop shell calls, against both
//! simulators (demo systems on loopback, connected and mapped): an order's timeline from the shop
//! to shipped, and the order page's actions. The list's filters and paging: `orders_list.rs`.

mod support;

use brygga_app::commands::types::*;
use brygga_app::commands::{
    clear_order_hold, list_orders, order_detail, release_now, resend_order, retry_order_call,
};
use brygga_app::orders::{CallStatus, OrderActionOutcome, OrderCall, OrderStateName};
use brygga_app::{App, ErrorCode};
use brygga_sim::ongoing::{Picking, Shipping};

async fn pass(app: &App) {
    brygga_app::sync::engine(app)
        .unwrap()
        .run_once(&brygga_sync::Stop::default())
        .await
        .expect("a pass runs");
}

fn warehouse_id(app: &App, order: i64) -> i32 {
    let link = app
        .store()
        .unwrap()
        .order_links()
        .get(order)
        .unwrap()
        .unwrap();
    i32::try_from(
        link.warehouse_order_id
            .expect("the order is in the warehouse"),
    )
    .unwrap()
}

async fn detail(app: &App, order: i64) -> OrderDetail {
    order_detail(
        app,
        OrderRequest {
            shop_order_id: order,
        },
    )
    .await
    .expect("a known order has a page")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_travels_to_shipped_with_its_tracking_number_each_event_once() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems, order) = support::one_order_sent(dir.path()).await;
    let released = release_now(
        &app,
        ReleaseNowRequest {
            orders: Some(vec![order]),
        },
    )
    .await
    .expect("the order is released to picking");
    assert_eq!(released.failed, 0, "the warehouse accepted the release");
    let wid = warehouse_id(&app, order);
    pass(&app).await;
    systems
        .warehouse
        .pick_order(wid, &Picking::default())
        .expect("the 3PL picks the released order");
    pass(&app).await;
    systems
        .warehouse
        .ship_order(
            wid,
            &Shipping {
                way_bill: Some("SE-TRACK-4711".to_owned()),
                ..Shipping::default()
            },
        )
        .expect("the 3PL ships the picked order");
    // Several passes: the feeds overlap, so the shipped order is read more than once.
    for _ in 0..3 {
        pass(&app).await;
    }

    let page = detail(&app, order).await;
    assert_eq!(
        page.order.state,
        OrderStateName::Shipped,
        "the demo mapping maps the shipped status to 'sent': {page:#?}"
    );
    assert!(page.order.locked, "a shipped order accepts no changes");
    assert_eq!(
        page.order.tracking.as_deref(),
        Some("SE-TRACK-4711"),
        "the waybill was written to the shop"
    );
    assert!(!page.can_resend, "a shipped order cannot be sent again");
    let kinds: Vec<&str> = page.timeline.iter().map(|e| e.kind.as_str()).collect();
    let first = |kind: &str| {
        kinds
            .iter()
            .position(|k| *k == kind)
            .unwrap_or_else(|| panic!("the timeline has {kind}: {kinds:?}"))
    };
    assert_eq!(
        kinds.first(),
        Some(&"shop.seen"),
        "the story starts in the shop: {kinds:?}"
    );
    assert!(
        first("shop.seen") < first("warehouse.upsert_order")
            && first("warehouse.upsert_order") < first("warehouse.release_order")
            && first("warehouse.release_order") < first("warehouse.status")
            && first("warehouse.status") < first("warehouse.tracking")
            && first("warehouse.tracking")
                < kinds.iter().rposition(|k| *k == "shop.set_status").unwrap(),
        "seen, sent, released, picked/shipped, tracking, then the shop status: {kinds:?}"
    );
    let count = |kind: &str| kinds.iter().filter(|k| **k == kind).count();
    assert_eq!(
        count("shop.seen"),
        1,
        "seen once, however many passes read it: {kinds:?}"
    );
    assert_eq!(
        count("warehouse.tracking"),
        1,
        "one tracking number, recorded once: {kinds:?}"
    );
    let statuses: Vec<Option<i64>> = page
        .timeline
        .iter()
        .filter(|e| e.kind == "warehouse.status")
        .map(|e| e.warehouse_status)
        .collect();
    let mut unique = statuses.clone();
    unique.dedup();
    assert_eq!(
        statuses, unique,
        "each warehouse status change is recorded once: {statuses:?}"
    );
    assert!(
        statuses.len() >= 2,
        "picked and shipped were both read: {statuses:?}"
    );
    let tracking = page
        .timeline
        .iter()
        .find(|e| e.kind == "warehouse.tracking")
        .unwrap();
    assert_eq!(tracking.tracking.as_deref(), Some("SE-TRACK-4711"));
    let written = page
        .timeline
        .iter()
        .rfind(|e| e.kind == "shop.set_status")
        .unwrap();
    assert_eq!(written.outcome.as_deref(), Some("done"));
    assert_eq!(
        written.tracking.as_deref(),
        Some("SE-TRACK-4711"),
        "the tracking went with the status"
    );
    assert_eq!(
        written.email_customer,
        Some(true),
        "the status write e-mails the customer"
    );
    let sent = page
        .timeline
        .iter()
        .find(|e| e.kind == "warehouse.upsert_order")
        .unwrap();
    let call = page
        .calls
        .iter()
        .find(|c| Some(c.id) == sent.call_id)
        .expect("the send is tied to its call, whose payload the page shows");
    assert_eq!(call.status, CallStatus::Done);
    assert!(
        call.payload
            .contains(&format!("\"orderNumber\": \"{order}\"")),
        "the payload sent is shown: {}",
        call.payload
    );

    let before = page.timeline.len();
    pass(&app).await;
    pass(&app).await;
    assert_eq!(
        detail(&app, order).await.timeline.len(),
        before,
        "passes with nothing new add no events"
    );

    let shipped = list_orders(
        &app,
        ListOrdersRequest {
            state: Some(OrderStateName::Shipped),
            text: Some(order.to_string()),
            ..ListOrdersRequest::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(shipped.total, 1, "the order is found by number and state");
    assert!(
        shipped.shop_status_names,
        "the simulated shop's status names were read"
    );
    assert!(
        shipped.orders[0].shop_status_name.is_some(),
        "the shop status is shown by name: {:?}",
        shipped.orders[0]
    );

    let refused = resend_order(
        &app,
        OrderRequest {
            shop_order_id: order,
        },
    )
    .await
    .expect("the answer says why nothing was sent");
    assert_eq!(
        refused.outcome,
        OrderActionOutcome::Refused,
        "{}",
        refused.message
    );
    assert!(
        refused.message.contains("no longer accepts changes"),
        "{}",
        refused.message
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_open_order_is_sent_again_and_a_dead_call_is_tried_again() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _systems, order) = support::one_order_sent(dir.path()).await;
    let page = detail(&app, order).await;
    assert!(page.can_resend, "the warehouse has not started: {page:#?}");
    assert_eq!(page.sends, 1);

    let resent = resend_order(
        &app,
        OrderRequest {
            shop_order_id: order,
        },
    )
    .await
    .expect("an open order can be sent again");
    assert_eq!(
        resent.outcome,
        OrderActionOutcome::Done,
        "{}",
        resent.message
    );
    let page = detail(&app, order).await;
    assert_eq!(page.sends, 2, "the warehouse accepted a second version");
    let sends: Vec<&OrderCall> = page
        .calls
        .iter()
        .filter(|c| c.kind == "warehouse.upsert_order")
        .collect();
    assert_eq!(
        sends.len(),
        2,
        "the re-send is a call of its own: {sends:#?}"
    );
    assert_eq!(resent.call_id, Some(sends[1].id));

    // A call that gave up is put back in the queue by the merchant and made at once.
    let call = sends[1].id;
    app.store()
        .unwrap()
        .outbox()
        .mark_dead(call, "test.down", "the warehouse was down", 1)
        .unwrap();
    let retried = retry_order_call(
        &app,
        RetryOrderCallRequest {
            shop_order_id: order,
            call_id: call,
        },
    )
    .await
    .expect("a dead call of the order is tried again");
    assert_eq!(
        retried.outcome,
        OrderActionOutcome::Done,
        "{}",
        retried.message
    );
    assert_eq!(
        detail(&app, order)
            .await
            .calls
            .iter()
            .find(|c| c.id == call)
            .map(|c| c.status),
        Some(CallStatus::Done)
    );

    let not_dead = retry_order_call(
        &app,
        RetryOrderCallRequest {
            shop_order_id: order,
            call_id: call,
        },
    )
    .await
    .expect_err("a done call is not tried again");
    assert_eq!(not_dead.code, ErrorCode::Validation);
    assert!(
        not_dead.message.contains("only a call that gave up"),
        "{not_dead}"
    );
    let other = retry_order_call(
        &app,
        RetryOrderCallRequest {
            shop_order_id: order + 1,
            call_id: call,
        },
    )
    .await
    .expect_err("the call belongs to another order");
    assert_eq!(other.code, ErrorCode::Validation);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_change_hold_is_lifted_by_the_merchant_and_other_holds_name_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _systems, order) = support::one_order_sent(dir.path()).await;
    let store = app.store().unwrap();
    store
        .order_links()
        .set_hold(
            order,
            Some(serde_json::json!({"code": "order.unmappedShippingMethod", "message": "shipping method 9 is not mapped", "source": "plan"})),
            1,
        )
        .unwrap();
    let page = detail(&app, order).await;
    assert_eq!(page.order.state, OrderStateName::Held);
    assert!(
        !page.hold.as_ref().unwrap().clearable,
        "a mapping problem is fixed in the mapping"
    );
    let error = clear_order_hold(
        &app,
        OrderRequest {
            shop_order_id: order,
        },
    )
    .await
    .expect_err("the hold comes back until the mapping is fixed");
    assert_eq!(error.code, ErrorCode::Validation);
    assert!(
        error.message.contains("shipping method 9 is not mapped"),
        "{error}"
    );

    store
        .order_links()
        .set_hold(
            order,
            Some(serde_json::json!({"code": "order.changeRefused", "message": "the warehouse has started; the change was refused", "source": "plan"})),
            1,
        )
        .unwrap();
    assert!(detail(&app, order).await.hold.unwrap().clearable);
    let cleared = clear_order_hold(
        &app,
        OrderRequest {
            shop_order_id: order,
        },
    )
    .await
    .expect("the merchant has taken note of the refusal");
    assert_eq!(cleared.outcome, OrderActionOutcome::Cleared);
    let page = detail(&app, order).await;
    assert!(page.hold.is_none());
    assert_eq!(
        page.timeline.last().map(|e| e.kind.as_str()),
        Some("hold.cleared")
    );

    let unknown = order_detail(
        &app,
        OrderRequest {
            shop_order_id: 999_999,
        },
    )
    .await
    .expect_err("no such order");
    assert_eq!(unknown.code, ErrorCode::Validation);
    assert!(unknown.message.contains("not known"), "{unknown}");
}
