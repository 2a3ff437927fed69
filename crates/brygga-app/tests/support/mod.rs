//! Set-up shared by the app's test files that need an order in the warehouse.

use brygga_app::App;
use brygga_app::demo::DemoSystems;

/// An app connected to fresh simulators, with one new order placed and sent to the warehouse.
/// Returns the app, the running systems (dropping them stops the simulators) and the order's id.
pub async fn one_order_sent(dir: &std::path::Path) -> (App, DemoSystems, i64) {
    let app = App::for_testing(dir);
    let mut systems = DemoSystems::start(&app, 10, None)
        .await
        .expect("the simulators start and are connected");
    // The shop stamps orders to the second and the baseline is taken to the millisecond: an
    // order placed in the same second as the connection was activated counts as older, so the
    // shop's clock moves a second on.
    systems.shop.advance_clock(chrono::Duration::seconds(1));
    let engine = brygga_app::sync::engine(&app).unwrap();
    // Some sample customers collect in the shop's store (not sent to the warehouse); the next
    // customer who has the order shipped gives the order.
    for _ in 0..10 {
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
            return (app, systems, shop_order_id);
        }
    }
    panic!("none of ten sample orders was sent to the warehouse");
}
