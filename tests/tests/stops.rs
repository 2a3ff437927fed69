//! Flow 2, what stops an order: an unmapped shipping method or a currency the merchant does not
//! accept stops that one order with a clear reason, while a good order in the same cycle goes.
//! Click-and-collect orders and orders from before the start date are not sent at all. Fixing the
//! mapping releases the stopped orders on the next cycle.

use brygga_core::mapping::{Transport, TransportMapping};
use brygga_core::schedule::Flow;
use brygga_scenarios::World;
use brygga_sync::settings::TRANSPORT_MAPPING;
use chrono::TimeDelta;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_order_stops_alone_and_a_good_one_goes() {
    let world = World::start(8, 0).await;
    world.map().await;
    world.sync(Flow::Articles).await;
    let start = world
        .engine
        .activate()
        .expect("the connection is activated");
    world.set_order_rules(start, &["SEK"]);
    let sku = world.stock_sku(0);

    let good = world.place_order(&sku, 1, "MyPack Collect");
    // DHL Service Point is switched off in the shop, so the suggested mapping left it out; an
    // order placed with it before it was switched off still comes in.
    let unmapped = world.place_order(&sku, 1, "DHL Service Point");
    let mut in_euro = world.checkout(&sku, 1, "MyPack Home");
    in_euro.currency_code = Some("EUR".into());
    let in_euro = world.place(in_euro);
    let collect = world.place_order(&sku, 1, "Hämta i butik");
    let mut just_before = world.checkout(&sku, 1, "MyPack Collect");
    just_before.created_at = Some(start - TimeDelta::minutes(3));
    let just_before = world.place(just_before);
    let mut long_before = world.checkout(&sku, 1, "MyPack Collect");
    long_before.created_at = Some(start - TimeDelta::days(3));
    let long_before = world.place(long_before);

    let (report, drained) = world.sync(Flow::Orders).await;
    let sent: Vec<&str> = report.planned.iter().map(|p| p.subject.as_str()).collect();
    assert_eq!(
        sent,
        vec![format!("order:{good}")],
        "only the good order goes, in the same cycle as the bad ones: {report:#?}"
    );
    assert_eq!((drained.done, drained.dead), (1, 0));
    assert!(world.warehouse.order_by_number(&good.to_string()).is_some());
    assert_eq!(
        world.warehouse.order_count(),
        1,
        "nothing else is in the warehouse"
    );

    let finding = |order: i64| {
        report
            .findings
            .iter()
            .find(|f| f.subject == format!("order:{order}"))
            .unwrap_or_else(|| panic!("order {order} is reported: {:#?}", report.findings))
    };
    let why = finding(unmapped);
    assert_eq!(why.code, "order.unmappedShippingMethod");
    assert!(
        why.message.contains("DHL Service Point"),
        "the reason names the shipping method to map: {why:?}"
    );
    let why = finding(in_euro);
    assert_eq!(why.code, "order.unknownCurrency");
    assert!(
        why.message.contains("EUR"),
        "the reason names the currency: {why:?}"
    );
    assert_eq!(
        world.hold_code(unmapped).as_deref(),
        Some("order.unmappedShippingMethod"),
        "the stopped orders are held on the order list"
    );
    assert_eq!(
        world.hold_code(in_euro).as_deref(),
        Some("order.unknownCurrency")
    );
    for (order, why) in [
        (collect, "click and collect is handed over in the shop"),
        (just_before, "it was placed before the start date"),
        (long_before, "it was placed long before the start date"),
    ] {
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.subject != format!("order:{order}")),
            "order {order} is not a problem: {why}"
        );
        assert!(
            world
                .warehouse
                .order_by_number(&order.to_string())
                .is_none(),
            "order {order} is not sent: {why}"
        );
        assert_eq!(world.hold_code(order), None, "nor held: {why}");
    }
    assert!(
        report.counts.get("skipped").copied().unwrap_or(0) >= 2,
        "the click-and-collect order and the one just before the start are counted as skipped: {:?}",
        report.counts
    );

    // The merchant maps DHL to a carrier and accepts euros: the held orders go on the next cycle.
    let mut transport: TransportMapping = world
        .store
        .settings()
        .get(TRANSPORT_MAPPING)
        .unwrap()
        .unwrap();
    let carrier = transport
        .get(i64::from(world.shipping_method("MyPack Collect")))
        .cloned()
        .expect("MyPack is mapped");
    assert!(matches!(carrier, Transport::Carrier { .. }));
    transport.methods.insert(
        i64::from(world.shipping_method("DHL Service Point")),
        carrier,
    );
    world
        .store
        .settings()
        .set(TRANSPORT_MAPPING, &transport, 0)
        .unwrap();
    world.set_order_rules(start, &["SEK", "EUR"]);
    let (report, drained) = world.sync(Flow::Orders).await;
    let mut sent: Vec<String> = report.planned.iter().map(|p| p.subject.clone()).collect();
    sent.sort();
    let mut expected = vec![format!("order:{unmapped}"), format!("order:{in_euro}")];
    expected.sort();
    assert_eq!(sent, expected, "the fixed orders go now: {report:#?}");
    assert_eq!((drained.done, drained.dead), (2, 0));
    assert_eq!(world.hold_code(unmapped), None, "their holds are released");
    assert_eq!(world.hold_code(in_euro), None);
    assert_eq!(world.warehouse.order_count(), 3);
    for order in [collect, just_before, long_before] {
        assert!(
            world
                .warehouse
                .order_by_number(&order.to_string())
                .is_none(),
            "order {order} still stays out"
        );
    }
    world.assert_conforms();
}
