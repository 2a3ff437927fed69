//! The whole product on a good day: articles go to the warehouse, a new order follows, the
//! warehouse picks and ships it, the shop gets the status and the tracking number, stock comes
//! back, and a second round changes nothing.

use brygga_core::schedule::Flow;
use brygga_scenarios::World;
use brygga_sim::ongoing::Shipping;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_travels_from_the_shop_to_the_customer_and_back() {
    let world = World::start(12, 6).await;
    world.map().await;

    let (articles, drained) = world.sync(Flow::Articles).await;
    assert!(
        drained.dead == 0,
        "every article is accepted: {:?}",
        drained.failures
    );
    let sent_articles = articles.planned.len();
    assert!(
        sent_articles > 12 && world.warehouse.article_count() == sent_articles,
        "every valid active variant (and service) is an article in the warehouse: {} planned, {} there",
        sent_articles,
        world.warehouse.article_count()
    );

    let sku = world.stock_sku(0);
    let order_id = world.place_order(&sku, 2, "MyPack Collect");
    let (orders, drained) = world.sync(Flow::Orders).await;
    assert_eq!(
        orders.planned.len(),
        1,
        "only the new order goes; the six sample orders predate the first sync: {orders:#?}"
    );
    assert_eq!(drained.done, 1);
    let in_warehouse = world
        .warehouse
        .order_by_number(&order_id.to_string())
        .expect("the order is in the warehouse under the shop's number");
    assert_eq!(world.warehouse.order_count(), 1, "and nothing else is");

    world.count_stock(&sku, 10.0);
    world
        .warehouse
        .ship_order(in_warehouse.order_id, &Shipping::default())
        .expect("the warehouse ships the order");
    let (statuses, drained) = world.sync(Flow::Statuses).await;
    assert_eq!(drained.done, 1, "one status write: {:?}", statuses.planned);
    let shop_order = world
        .shop
        .order(order_id as u32)
        .expect("the order is in the shop");
    assert_eq!(
        Some(shop_order.status_id),
        world.shop.status_id("completed"),
        "a sent order is completed in the shop"
    );
    assert!(
        shop_order.details.shipping_tracking_no.is_some(),
        "with the tracking number for the customer"
    );
    assert_eq!(
        world.emails_for(order_id),
        1,
        "the customer gets exactly one e-mail, the shop's 'sent' notice"
    );

    world.count_stock(&sku, 40.0);
    world.sync(Flow::Stock).await;
    assert_eq!(
        world.shop.stock(&sku),
        Some(40),
        "the warehouse's sellable stock becomes the shop's"
    );

    let outbox_before = world.store.outbox().counts().unwrap();
    for flow in [Flow::Articles, Flow::Orders, Flow::Statuses, Flow::Stock] {
        world.sync(flow).await;
    }
    assert_eq!(
        world.store.outbox().counts().unwrap(),
        outbox_before,
        "a second round finds nothing to do: no call is queued twice"
    );
    assert_eq!(world.emails_for(order_id), 1, "and no second e-mail");
    world.assert_conforms();
}
