//! An incremental cycle costs what changed, not what exists: after a full first sync, ten edited
//! products and ten new orders make exactly ten article writes and ten order writes to the
//! warehouse, however large the catalogue and the order book already sent are.

use std::collections::BTreeMap;

use brygga_core::schedule::Flow;
use brygga_scenarios::World;

/// Calls received per operation since `before`, leaving out those that did not change.
fn since(before: &BTreeMap<String, u64>, after: &BTreeMap<String, u64>) -> BTreeMap<String, u64> {
    after
        .iter()
        .map(|(call, n)| (call.clone(), n - before.get(call).copied().unwrap_or(0)))
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_incremental_cycle_writes_only_what_changed() {
    let world = World::start(300, 40).await;
    world.map().await;

    let (articles, drained) = world.sync(Flow::Articles).await;
    assert_eq!(
        drained.dead, 0,
        "every article is accepted: {:?}",
        drained.failures
    );
    let catalogue = articles.planned.len();
    assert!(
        catalogue > 300,
        "the first cycle sends every variant of the 300 products: {catalogue} sent"
    );
    let skus = world.orderable_skus();
    for n in 0..50 {
        world.place_order(&skus[n * 7 % skus.len()], 1, "MyPack Collect");
    }
    let (orders, drained) = world.sync(Flow::Orders).await;
    assert_eq!(
        (orders.planned.len(), drained.done, drained.dead),
        (50, 50, 0),
        "the 50 orders placed after the first sync all go to the warehouse: {:?}",
        drained.failures
    );
    world.sync(Flow::Statuses).await;
    world.sync(Flow::Stock).await;

    // The first sync wrote every variant's stock, which marks every product changed in the shop;
    // ten minutes on, one more articles cycle takes that in, so what follows is a day like any
    // other (each read of changes reaches five minutes back).
    world.advance(chrono::TimeDelta::minutes(10));
    world.sync(Flow::Articles).await;
    let warehouse_before = world.warehouse.call_counts();
    let shop_before = world.shop.call_counts();
    let changed = world.change_products(10);
    for n in 0..10 {
        world.place_order(&skus[(n * 13 + 5) % skus.len()], 2, "MyPack Collect");
    }
    let (articles, drained_articles) = world.sync(Flow::Articles).await;
    let (orders, drained_orders) = world.sync(Flow::Orders).await;

    let warehouse = since(&warehouse_before, &world.warehouse.call_counts());
    let shop = since(&shop_before, &world.shop.call_counts());
    let mut sent: Vec<&str> = articles
        .planned
        .iter()
        .map(|p| p.subject.trim_start_matches("article:"))
        .collect();
    sent.sort_unstable();
    let mut expected: Vec<&str> = changed.iter().map(String::as_str).collect();
    expected.sort_unstable();
    assert_eq!(
        sent, expected,
        "the articles cycle plans exactly the ten edited variants, none of the other {catalogue}"
    );
    assert_eq!(
        (drained_articles.done, drained_articles.dead),
        (10, 0),
        "and the drain sends each once"
    );
    assert_eq!(
        world.warehouse.call_count("Articles_Put3") - warehouse_before["Articles_Put3"],
        10,
        "ten changed products cost ten article upserts (PUT /api/v1/articles), not one per \
         article in the catalogue of {catalogue}: {warehouse:#?}"
    );
    assert_eq!(
        (
            orders.planned.len(),
            drained_orders.done,
            drained_orders.dead
        ),
        (10, 10, 0),
        "the orders cycle plans and sends only the ten new orders, none of the 50 already sent: \
         {:?}",
        orders.planned.iter().map(|p| &p.key).collect::<Vec<_>>()
    );
    assert_eq!(
        world.warehouse.call_count("Orders_PutOrder") - warehouse_before["Orders_PutOrder"],
        10,
        "ten new orders cost ten order upserts (PUT /api/v1/orders), not one per order in the \
         shop: {warehouse:#?}"
    );
    let warehouse_writes: u64 = warehouse
        .iter()
        .filter(|(op, _)| !op.contains("_Get"))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(
        warehouse_writes, 20,
        "no other call writes to the warehouse: {warehouse:#?}"
    );
    let variant_reads = shop
        .get("GET /products/{productId}/variants")
        .copied()
        .unwrap_or(0);
    assert!(
        variant_reads <= 10,
        "the shop's catalogue is read again only for the products changed since the last read \
         (updatedSince), not whole: {variant_reads} variant lists read for ten changed products"
    );
    let shop_writes: u64 = shop
        .iter()
        .filter(|(call, _)| !call.starts_with("GET ") && call.as_str() != "POST /token")
        .map(|(_, n)| n)
        .sum();
    assert_eq!(
        shop_writes, 0,
        "the articles and orders flows only read the shop: {shop:#?}"
    );
    world.assert_conforms();
}
