//! Flow 3, cancellation: a shop order cancelled while its warehouse order is still open is
//! cancelled in the warehouse; once the warehouse has started on it the cancellation is refused,
//! the warehouse order is left as it is, and the merchant sees the order held as "cancel refused".

use brygga_core::schedule::Flow;
use brygga_scenarios::World;
use brygga_sim::ongoing::Release;

const CANCELLED: i32 = 1000;
const RELEASED: i32 = 300;

/// A world with articles in the warehouse and one order sent there; returns the shop order
/// number and the warehouse order id.
async fn with_one_order_sent() -> (World, i64, i32) {
    let world = World::start(8, 0).await;
    world.map().await;
    world.sync(Flow::Articles).await;
    let order_id = world.place_order(&world.stock_sku(0), 1, "MyPack Collect");
    let (_, drained) = world.sync(Flow::Orders).await;
    assert_eq!(drained.done, 1, "the order is in the warehouse");
    let warehouse_id = world
        .warehouse
        .order_by_number(&order_id.to_string())
        .expect("under the shop's number")
        .order_id;
    (world, order_id, warehouse_id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancellation_while_the_order_is_open_cancels_it_in_the_warehouse() {
    let (world, order_id, warehouse_id) = with_one_order_sent().await;
    let emails_before = world.emails_for(order_id);

    world
        .shop
        .cancel_order(order_id as u32, false)
        .expect("the merchant cancels the order in the shop");
    let (report, drained) = world.sync(Flow::Orders).await;
    assert_eq!(
        report
            .planned
            .iter()
            .map(|p| p.kind.as_str())
            .collect::<Vec<_>>(),
        vec!["warehouse.cancel_order"],
        "the cancellation is planned: {report:#?}"
    );
    assert_eq!(drained.done, 1, "and the warehouse accepts it");
    assert_eq!(
        world.warehouse.order(warehouse_id).unwrap().status_number,
        CANCELLED,
        "the warehouse order is cancelled, so nobody picks it"
    );
    let link = world.store.order_links().get(order_id).unwrap().unwrap();
    assert!(
        link.cancelled && link.hold.is_none(),
        "the order is recorded as cancelled, not held: {link:#?}"
    );

    for flow in [Flow::Orders, Flow::Statuses] {
        let (report, _) = world.sync(flow).await;
        assert!(
            report.planned.is_empty(),
            "a cancelled order needs nothing more ({flow:?}): {report:#?}"
        );
    }
    assert_eq!(
        world.warehouse.call_count("Orders_Delete")
            + world.warehouse.call_count("Orders_DeleteByOrderNumber"),
        1,
        "the cancellation was sent once"
    );
    assert_eq!(
        world.emails_for(order_id),
        emails_before,
        "the customer gets no e-mail from Brygga about it"
    );
    world.assert_conforms();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_cancelled_before_it_was_sent_never_reaches_the_warehouse() {
    let world = World::start(8, 0).await;
    world.map().await;
    world.sync(Flow::Articles).await;
    let order_id = world.place_order(&world.stock_sku(0), 1, "MyPack Collect");
    world.shop.cancel_order(order_id as u32, false).unwrap();
    let (report, _) = world.sync(Flow::Orders).await;
    assert!(
        report.planned.is_empty() && report.findings.is_empty(),
        "a cancelled order is neither sent nor a problem: {report:#?}"
    );
    assert_eq!(world.warehouse.order_count(), 0);
    world.assert_conforms();
}

async fn cancellation_after_the_warehouse_started(statuses_first: bool) {
    let (world, order_id, warehouse_id) = with_one_order_sent().await;
    world
        .warehouse
        .release_order(warehouse_id, &Release::default())
        .expect("the warehouse releases the order to picking");
    if statuses_first {
        world.sync(Flow::Statuses).await;
    }
    let before = world.warehouse.order(warehouse_id).unwrap();
    assert_eq!(before.status_number, RELEASED);

    world.shop.cancel_order(order_id as u32, false).unwrap();
    let (report, drained) = world.sync(Flow::Orders).await;
    assert_eq!(
        world.warehouse.order(warehouse_id).unwrap(),
        before,
        "the warehouse order is untouched: it is being picked ({report:#?}, {drained:#?})"
    );
    assert_eq!(
        world.warehouse.call_count("Orders_Delete")
            + world.warehouse.call_count("Orders_DeleteByOrderNumber"),
        0,
        "no cancellation was even tried: the warehouse had started"
    );
    assert_eq!(
        world.hold_code(order_id).as_deref(),
        Some("order.cancelRefused"),
        "the merchant sees the refused cancellation on the order: {:#?}",
        world.store.order_links().get(order_id).unwrap()
    );
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.subject == format!("order:{order_id}") && f.code == "order.cancelRefused"),
        "and in the cycle's report: {:#?}",
        report.findings
    );
    let link = world.store.order_links().get(order_id).unwrap().unwrap();
    assert!(!link.cancelled, "it is not recorded as cancelled");
    assert_eq!(world.store.outbox().counts().unwrap().dead, 0);

    let (report, _) = world.sync(Flow::Orders).await;
    assert!(
        report.planned.is_empty()
            && report
                .findings
                .iter()
                .any(|f| f.code == "order.cancelRefused"),
        "the refusal stays in view, and nothing is sent on the next cycle: {report:#?}"
    );
    world.assert_conforms();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancellation_after_release_is_refused_and_reported() {
    cancellation_after_the_warehouse_started(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancellation_is_refused_even_before_the_status_flow_saw_the_release() {
    cancellation_after_the_warehouse_started(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cancellation_by_the_warehouse_reaches_the_shop() {
    let (world, order_id, warehouse_id) = with_one_order_sent().await;
    world
        .warehouse
        .set_order_status(warehouse_id, CANCELLED)
        .expect("the 3PL cancels the order in its WMS");
    let (report, drained) = world.sync(Flow::Statuses).await;
    assert_eq!(
        drained.done, 1,
        "one status write follows the warehouse: {report:#?}"
    );
    assert_eq!(
        Some(world.shop.order(order_id as u32).unwrap().status_id),
        world.shop.status_id("canceled"),
        "cancellation goes both ways: the shop order is cancelled too"
    );
    let (report, _) = world.sync(Flow::Orders).await;
    assert!(
        report.planned.is_empty() && report.findings.is_empty(),
        "the shop's cancelled status sends no cancellation back and is no refusal: {report:#?}"
    );
    world.assert_conforms();
}
