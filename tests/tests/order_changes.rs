//! Flow 3, order changes: new, changed and removed lines and a new address follow the order to the
//! warehouse until the warehouse starts on it; after that a change made in the shop anyway is not
//! sent, and the order is held as "change refused" for the merchant, never silently lost.

use brygga_core::schedule::Flow;
use brygga_scenarios::World;
use brygga_sim::ongoing::{Picking, Release};
use brygga_sim::starweb::{Address, EditOrder};

/// The items of each article on the warehouse's order with this number.
fn warehouse_lines(world: &World, order_id: i64) -> Vec<(String, f64)> {
    let mut lines: Vec<(String, f64)> = world
        .warehouse
        .order_by_number(&order_id.to_string())
        .expect("the order is in the warehouse")
        .lines
        .into_iter()
        .map(|l| (l.article_number, l.ordered))
        .collect();
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    lines
}

/// A world with articles in the warehouse and one order of `sku0` x 2 sent there.
async fn with_one_order_sent() -> (World, i64, String, String) {
    let world = World::start(8, 0).await;
    world.map().await;
    world.sync(Flow::Articles).await;
    let (sku0, sku1) = (world.stock_sku(0), world.stock_sku(1));
    // Paid with Swish: a Klarna order carries Klarna's own delivery address, which comes first
    // and which a change in the shop's admin does not touch.
    let mut checkout = world.checkout(&sku0, 2, "MyPack Collect");
    checkout.payment_method_id = world
        .shop
        .payment_methods()
        .iter()
        .find(|m| m.id_code == "swish")
        .expect("the demo shop takes Swish")
        .payment_method_id;
    let order_id = world.place(checkout);
    let (report, drained) = world.sync(Flow::Orders).await;
    assert_eq!(
        (report.planned.len(), drained.done),
        (1, 1),
        "the new order goes to the warehouse: {report:#?}"
    );
    (world, order_id, sku0, sku1)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_before_the_warehouse_starts_follow_the_order() {
    let (world, order_id, sku0, sku1) = with_one_order_sent().await;
    assert_eq!(warehouse_lines(&world, order_id), vec![(sku0.clone(), 2.0)]);

    // The customer asks for more of the first article, adds a second one and moves house.
    world
        .shop
        .edit_order(
            order_id as u32,
            EditOrder {
                lines: Some(vec![World::line(&sku0, 5), World::line(&sku1, 1)]),
                delivery: Some(Address {
                    first_name: Some("Karin".into()),
                    last_name: Some("Lind".into()),
                    address: Some("Storgatan 1".into()),
                    postal_code: Some("111 22".into()),
                    city: Some("Stockholm".into()),
                    country_code: Some("SE".into()),
                    mobile_phone_no: Some("+46709876543".into()),
                    ..Address::default()
                }),
                ..EditOrder::default()
            },
        )
        .expect("the shop takes the change");
    let (report, drained) = world.sync(Flow::Orders).await;
    assert_eq!(
        report
            .planned
            .iter()
            .map(|p| p.kind.as_str())
            .collect::<Vec<_>>(),
        vec!["warehouse.upsert_order"],
        "the changed order is sent again: {report:#?}"
    );
    assert_eq!(drained.done, 1, "and the warehouse accepts it");
    assert_eq!(
        warehouse_lines(&world, order_id),
        vec![(sku0.clone(), 5.0), (sku1.clone(), 1.0)],
        "the changed quantity and the new line are on the warehouse order"
    );
    let in_warehouse = world.warehouse_order(order_id).await.unwrap();
    assert_eq!(
        world
            .remotes
            .warehouse
            .order(in_warehouse.warehouse_order_id)
            .await
            .unwrap()
            .consignee
            .and_then(|c| c.city),
        Some("Stockholm".to_owned()),
        "the new delivery address follows the order"
    );

    // The customer then drops the first article altogether.
    world
        .shop
        .edit_order(
            order_id as u32,
            EditOrder {
                lines: Some(vec![World::line(&sku1, 1)]),
                ..EditOrder::default()
            },
        )
        .unwrap();
    let (_, drained) = world.sync(Flow::Orders).await;
    assert_eq!(drained.done, 1);
    assert_eq!(
        warehouse_lines(&world, order_id),
        vec![(sku1.clone(), 1.0)],
        "a line removed in the shop is removed in the warehouse"
    );
    assert_eq!(
        world.warehouse.order_count(),
        1,
        "every version went to the same warehouse order"
    );
    let link = world.store.order_links().get(order_id).unwrap().unwrap();
    assert_eq!(
        link.sent_generation, 3,
        "three versions were accepted: {link:#?}"
    );
    assert!(link.hold.is_none(), "nothing is held: {:?}", link.hold);

    let (report, _) = world.sync(Flow::Orders).await;
    assert!(
        report.planned.is_empty(),
        "an order already in step is not sent again: {report:#?}"
    );
    world.assert_conforms();
}

/// Shared by the two ways the merchant can learn that the warehouse started: the status flow has
/// already seen it, or not yet (the order flow runs first).
async fn change_after_the_warehouse_started(statuses_first: bool, pick: bool) {
    let (world, order_id, sku0, sku1) = with_one_order_sent().await;
    let warehouse_id = world
        .warehouse_order(order_id)
        .await
        .unwrap()
        .warehouse_order_id;
    if pick {
        world
            .warehouse
            .adjust_stock(&brygga_sim::ongoing::StockAdjustment {
                article_number: sku0.clone(),
                set_to: Some(10.0),
                ..Default::default()
            })
            .unwrap();
        world
            .warehouse
            .pick_order(warehouse_id, &Picking::default())
            .expect("the warehouse picks the order");
    } else {
        world
            .warehouse
            .release_order(warehouse_id, &Release::default())
            .expect("the warehouse releases the order to picking");
    }
    let before = world.warehouse.order(warehouse_id).unwrap();
    if statuses_first {
        world.sync(Flow::Statuses).await;
    }
    let puts_before = world.warehouse.call_count("Orders_PutOrder");

    world
        .shop
        .edit_order(
            order_id as u32,
            EditOrder {
                lines: Some(vec![World::line(&sku0, 7), World::line(&sku1, 2)]),
                ..EditOrder::default()
            },
        )
        .expect("the shop takes the change anyway");
    let (report, drained) = world.sync(Flow::Orders).await;

    assert_eq!(
        world.warehouse.call_count("Orders_PutOrder"),
        puts_before,
        "a change to an order the warehouse has started on is not sent: {report:#?} {drained:#?}"
    );
    assert_eq!(
        world.warehouse.order(warehouse_id).unwrap(),
        before,
        "the warehouse order is untouched"
    );
    assert_eq!(
        world.hold_code(order_id).as_deref(),
        Some("order.changeRefused"),
        "the order is held as a refused change for the merchant to see: {:#?}",
        world.store.order_links().get(order_id).unwrap()
    );
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.subject == format!("order:{order_id}") && f.code == "order.changeRefused"),
        "the cycle reports the refused change: {:#?}",
        report.findings
    );
    assert_eq!(
        world.store.outbox().counts().unwrap().dead,
        0,
        "nothing was tried and failed"
    );

    // The next cycle still shows it; the change is not forgotten because the order was seen.
    let (report, _) = world.sync(Flow::Orders).await;
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.code == "order.changeRefused"),
        "a refused change stays reported until the merchant acts: {report:#?}"
    );
    assert_eq!(
        world.hold_code(order_id).as_deref(),
        Some("order.changeRefused")
    );
    world.assert_conforms();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_after_release_is_refused_and_held() {
    change_after_the_warehouse_started(true, false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_after_picking_is_refused_and_held() {
    change_after_the_warehouse_started(true, true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_is_refused_even_before_the_status_flow_saw_the_release() {
    change_after_the_warehouse_started(false, false).await;
}
