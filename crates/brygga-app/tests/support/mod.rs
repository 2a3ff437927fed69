//! Set-up shared by the app's test files that need orders in the warehouse. Each test file uses
//! the part it needs, so the rest is unused there.
#![allow(dead_code)]

use brygga_app::App;
use brygga_app::demo::DemoSystems;

/// An app connected to fresh simulators, ready to take new orders.
pub async fn connected(dir: &std::path::Path) -> (App, DemoSystems) {
    let app = App::for_testing(dir);
    let systems = DemoSystems::start(&app, 10, None)
        .await
        .expect("the simulators start and are connected");
    // The shop stamps orders to the second and the baseline is taken to the millisecond: an
    // order placed in the same second as the connection was activated counts as older, so the
    // shop's clock moves a second on.
    systems.shop.advance_clock(chrono::Duration::seconds(1));
    (app, systems)
}

/// Places sample orders until `count` have been sent to the warehouse; their shop order ids.
/// Some sample customers collect in the shop's store (not sent to the warehouse), so it may take
/// more orders than `count`.
pub async fn sent_orders(app: &App, systems: &mut DemoSystems, count: usize) -> Vec<i64> {
    let engine = brygga_app::sync::engine(app).unwrap();
    let mut sent = Vec::new();
    for _ in 0..20 {
        let placed = systems.place_next_order();
        let shop_order_id: i64 = placed
            .strip_prefix("shop: order ")
            .and_then(|rest| rest.strip_suffix(" placed"))
            .and_then(|id| id.parse().ok())
            .unwrap_or_else(|| panic!("a sample customer places an order: {placed}"));
        engine
            .run_once(&brygga_sync::Stop::default())
            .await
            .expect("a pass runs");
        let link = app
            .store()
            .unwrap()
            .order_links()
            .get(shop_order_id)
            .unwrap();
        if link.is_some_and(|l| l.warehouse_order_id.is_some()) {
            sent.push(shop_order_id);
            if sent.len() == count {
                return sent;
            }
        }
    }
    panic!("fewer than {count} of twenty sample orders were sent to the warehouse");
}

/// An app connected to fresh simulators, with one new order placed and sent to the warehouse.
/// Returns the app, the running systems (dropping them stops the simulators) and the order's id.
pub async fn one_order_sent(dir: &std::path::Path) -> (App, DemoSystems, i64) {
    let (app, mut systems) = connected(dir).await;
    let sent = sent_orders(&app, &mut systems, 1).await;
    (app, systems, sent[0])
}
