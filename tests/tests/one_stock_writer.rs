//! One writer for stock: Brygga writes the shop's stock from the warehouse, and the shop itself only
//! takes stock away for orders. An article the reconciliation finds above what Brygga last wrote
//! was raised by something else (another app, an import, a hand edit): it is reported, kept for
//! the dashboard, and no longer reported once corrected. An article that went down for an order is
//! not someone else's write.

use std::collections::BTreeSet;

use brygga_core::plan::stock::OutsideWrite;
use brygga_core::schedule::Flow;
use brygga_scenarios::World;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stock_raised_outside_brygga_is_found_and_forgotten_once_corrected() {
    let world = World::start(10, 0).await;
    world.map().await;
    world.sync(Flow::Articles).await;
    let (raised, ordered) = (world.stock_sku(0), world.stock_sku(1));
    for sku in [&raised, &ordered] {
        world.count_stock(sku, 10.0);
    }
    world.sync(Flow::Stock).await;
    assert_eq!(
        (world.shop.stock(&raised), world.shop.stock(&ordered)),
        (Some(10), Some(10)),
        "Brygga wrote the warehouse's ten to the shop"
    );

    world
        .shop
        .set_stock(&raised, 25)
        .expect("another app raises the stock in the shop");
    world.place_order(&ordered, 2, "MyPack Collect");

    let report = world
        .engine
        .reconcile_stock_report()
        .await
        .expect("the reconciliation reads both sides");
    assert_eq!(
        report.raised_outside,
        vec![OutsideWrite {
            sku: raised.clone(),
            written: 10,
            shown: 25,
        }],
        "the raised article is someone else's write; the ordered one went down as the shop does"
    );
    assert_eq!(
        world
            .engine
            .raised_outside()
            .unwrap()
            .map(|kept| kept.writes),
        Some(report.raised_outside.clone()),
        "the finding is kept for the dashboard"
    );

    let corrected = world
        .engine
        .correct_stock(Some(&BTreeSet::from([raised.clone()])))
        .await
        .expect("the merchant corrects the raised article");
    assert_eq!(corrected.corrections.len(), 1, "{corrected:?}");
    assert_eq!(
        world.shop.stock(&raised),
        Some(10),
        "the warehouse's quantity is written back"
    );
    assert_eq!(
        world
            .engine
            .raised_outside()
            .unwrap()
            .map(|kept| kept.writes),
        Some(Vec::new()),
        "a corrected article no longer tells of another writer"
    );
}
