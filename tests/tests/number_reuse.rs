//! Flow 2, order number reuse: a shop that hands out a deleted order's number again must never
//! get the new order pushed over the old one in the warehouse. The new order is stopped for the
//! merchant as "number reused"; the warehouse keeps the first customer's order as it was.

use brygga_core::schedule::Flow;
use brygga_scenarios::World;
use brygga_sim::starweb::{Address, PlaceOrder};
use chrono::TimeDelta;
use serde_json::json;

/// Another customer's checkout of `sku`, taking the most recently deleted order number.
fn olofs_checkout(world: &World, sku: &str) -> PlaceOrder {
    let mut checkout = world.checkout(sku, 3, "DB Schenker Parcel");
    checkout.reuse_deleted_number = true;
    checkout.email = "olof.berg@example.se".into();
    checkout.delivery = Address {
        first_name: Some("Olof".into()),
        last_name: Some("Berg".into()),
        address: Some("Drottninggatan 40".into()),
        postal_code: Some("252 21".into()),
        city: Some("Helsingborg".into()),
        country_code: Some("SE".into()),
        mobile_phone_no: Some("+46701112233".into()),
        ..Address::default()
    };
    checkout.pickup_point_agent = None;
    checkout
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reused_number_never_overwrites_the_order_the_warehouse_has() {
    let world = World::start(8, 0).await;
    world.map().await;
    world.sync(Flow::Articles).await;
    let (karins_sku, olofs_sku) = (world.stock_sku(0), world.stock_sku(1));
    let number = world.place_order(&karins_sku, 2, "MyPack Collect");
    let (_, drained) = world.sync(Flow::Orders).await;
    assert_eq!(drained.done, 1, "Karin's order is in the warehouse");
    let karins = world.warehouse_order(number).await.unwrap();
    let karins_snapshot = world.warehouse.order(karins.warehouse_order_id).unwrap();
    assert_eq!(karins.consignee_name.as_deref(), Some("Karin Lind"));

    // The merchant deletes Karin's order in the shop; later the shop gives its number to Olof.
    // (The later checkout is what tells the two apart: Starweb stamps orders to the second.)
    world.shop.delete_order(number as u32).unwrap();
    world.advance(TimeDelta::minutes(20));
    let olofs_number = world.place(olofs_checkout(&world, &olofs_sku));
    assert_eq!(olofs_number, number, "the shop reused the number");
    let puts_before = world.warehouse.call_count("Orders_PutOrder");

    for cycle in 0..3 {
        let (report, drained) = world.sync(Flow::Orders).await;
        assert!(
            report.planned.is_empty() && drained.done == 0,
            "cycle {cycle}: Olof's order is not sent under Karin's number: {report:#?}"
        );
        let finding = report
            .findings
            .iter()
            .find(|f| f.subject == format!("order:{number}"))
            .unwrap_or_else(|| panic!("cycle {cycle}: the order is reported: {report:#?}"));
        assert_eq!(finding.code, "order.numberReused");
        assert_eq!(
            world.hold_code(number).as_deref(),
            Some("order.numberReused"),
            "cycle {cycle}: and held for the merchant"
        );
    }

    assert_eq!(
        world.warehouse.call_count("Orders_PutOrder"),
        puts_before,
        "nothing was sent to the warehouse"
    );
    assert_eq!(world.warehouse.order_count(), 1);
    let after = world.warehouse_order(number).await.unwrap();
    assert_eq!(
        (
            after.consignee_name.as_deref(),
            after.consignee_email.as_deref()
        ),
        (Some("Karin Lind"), Some("karin.lind@example.se")),
        "the warehouse order is still Karin's"
    );
    assert_eq!(
        world.warehouse.order(karins.warehouse_order_id).unwrap(),
        karins_snapshot,
        "with her lines, untouched"
    );
    let link = world.store.order_links().get(number).unwrap().unwrap();
    assert!(
        link.sent_hash.is_some()
            && link.warehouse_order_id == Some(karins.warehouse_order_id.into()),
        "Brygga still links the number to Karin's warehouse order: {link:#?}"
    );

    // When the warehouse ships Karin's order, her status goes nowhere: her shop order is gone,
    // and Olof's order under the number is not hers.
    world
        .warehouse
        .adjust_stock(&brygga_sim::ongoing::StockAdjustment {
            article_number: karins_sku.clone(),
            set_to: Some(10.0),
            ..Default::default()
        })
        .unwrap();
    world
        .warehouse
        .ship_order(karins.warehouse_order_id, &Default::default())
        .unwrap();
    let emails_before = world.emails_for(number);
    let (_, drained) = world.sync(Flow::Statuses).await;
    assert!(
        drained.dead == 1 && drained.failures[0].code == "shop.order_replaced",
        "the status write for Karin's parcel stops at the identity check, shown in the log: \
         {drained:#?}"
    );
    let hold = world
        .store
        .order_links()
        .get(number)
        .unwrap()
        .unwrap()
        .hold
        .expect("the order stays held for the merchant");
    assert_eq!(
        hold["problems"][0]["code"], "numberReused",
        "as a reused number: {hold:#}"
    );
    assert_eq!(
        world.shop.order(number as u32).unwrap().status_id,
        world.shop.status_id("created").unwrap(),
        "Olof's order does not get Karin's 'sent' status"
    );
    assert_eq!(
        world.emails_for(number),
        emails_before,
        "and Olof gets no e-mail about Karin's parcel"
    );
    world.assert_conforms();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_order_number_the_warehouse_already_has_for_someone_else_is_held() {
    // A former integration sent the shop's order 9001 to the warehouse; the shop, set up again,
    // gives the same number to a new customer. Brygga never sent 9001, but must not take it over.
    let world = World::start(8, 0).await;
    world.map().await;
    world.sync(Flow::Articles).await;
    let sku = world.stock_sku(0);
    let goods_owner_id = world.warehouse.config().goods_owner_id;
    let theirs = world
        .warehouse
        .put_order(json!({
            "goodsOwnerId": goods_owner_id,
            "orderNumber": "9001",
            "deliveryDate": "2026-01-15T00:00:00Z",
            "consignee": {
                "name": "Sven Ek",
                "address1": "Vasagatan 3",
                "postCode": "411 24",
                "city": "Göteborg",
                "countryCode": "SE"
            },
            "orderLines": [{"rowNumber": "1", "articleNumber": sku, "numberOfItems": 4.0}]
        }))
        .expect("the warehouse holds the old order");
    let before = world.warehouse.order(theirs).unwrap();

    let mut checkout = olofs_checkout(&world, &world.stock_sku(1));
    checkout.reuse_deleted_number = false;
    checkout.order_id = Some(9001);
    let number = world.place(checkout);
    let (report, drained) = world.sync(Flow::Orders).await;
    assert!(
        report.planned.is_empty() && drained.done == 0,
        "Olof's order is not pushed over Sven's: {report:#?}"
    );
    assert_eq!(
        world.hold_code(number).as_deref(),
        Some("order.numberReused"),
        "it is held for the merchant"
    );
    let finding = report
        .findings
        .iter()
        .find(|f| f.code == "order.numberReused")
        .expect("the cycle reports it");
    assert!(
        finding.message.contains("Sven Ek"),
        "naming whose order the warehouse has: {finding:?}"
    );
    assert_eq!(
        world.warehouse.order(theirs).unwrap(),
        before,
        "Sven's order is untouched"
    );
    assert_eq!(world.warehouse.order_count(), 1);
    world.assert_conforms();
}
