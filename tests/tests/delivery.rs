//! Flow 5, lines back to the shop: when the warehouse ships short, the shop order shows what was
//! delivered (so the customer is charged for that), with a note for the merchant, and only then
//! is the order marked sent.

use brygga_core::schedule::Flow;
use brygga_scenarios::World;
use brygga_sim::ongoing::Shipping;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_short_shipment_is_written_back_to_the_shop_order() {
    let world = World::start(10, 0).await;
    world.map().await;
    world.sync(Flow::Articles).await;
    let mug = world.stock_sku(0);
    let plate = world.stock_sku(1);
    let mut checkout = world.checkout(&mug, 3, "MyPack Collect");
    checkout.lines.push(World::line(&plate, 1));
    let order_id = world.place(checkout);
    world.sync(Flow::Orders).await;
    for (sku, on_hand) in [(&mug, 2.0), (&plate, 5.0)] {
        world.count_stock(sku, on_hand);
    }
    let in_warehouse = world
        .warehouse
        .order_by_number(&order_id.to_string())
        .unwrap();
    world
        .warehouse
        .ship_order(in_warehouse.order_id, &Shipping::default())
        .expect("the warehouse ships what it has: two mugs of three, and the plate");

    let (_, drained) = world.sync(Flow::Statuses).await;
    assert_eq!(drained.dead, 0, "{:?}", drained.failures);
    let order = world.shop.order(order_id as u32).unwrap();
    let quantity = |sku: &str| {
        order
            .lines
            .iter()
            .find(|l| l.sku.as_deref() == Some(sku))
            .map(|l| l.quantity)
    };
    assert_eq!(
        quantity(&mug),
        Some(2),
        "the mug line shows the two that went, so the customer pays for two"
    );
    assert_eq!(
        quantity(&plate),
        Some(1),
        "a fully delivered line is left as it was"
    );
    let notes: Vec<&str> = order
        .comments
        .iter()
        .filter(|c| c.from == "admin")
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(
        notes.len(),
        1,
        "one note tells the merchant what differed: {notes:?}"
    );
    assert!(
        notes[0].contains(&mug) && notes[0].contains("2 av 3"),
        "naming the SKU and the quantities: {}",
        notes[0]
    );
    assert_eq!(
        Some(order.status_id),
        world.shop.status_id("completed"),
        "then the order is marked sent"
    );

    for flow in [Flow::Orders, Flow::Statuses] {
        let (report, _) = world.sync(flow).await;
        assert!(
            report.planned.is_empty() && report.findings.is_empty(),
            "the shop's own edit is not mistaken for a change to send or refuse ({flow:?}): {report:#?}"
        );
    }
    assert_eq!(
        world.emails_for(order_id),
        1,
        "one 'sent' e-mail, nothing more"
    );
    world.assert_conforms();
}
