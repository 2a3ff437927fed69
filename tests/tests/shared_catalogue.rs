//! The shop's catalogue as read is shared by every engine of the shop: the app builds an engine per
//! command, and the products screen lists every product. Engines sharing one cache read the whole
//! catalogue once; later ones read only what the shop reports changed, so a merchant with
//! thousands of products does not spend the shop's request budget on every visit.

use std::sync::Arc;

use brygga_scenarios::World;
use brygga_sync::{CatalogueCache, Engine};
use chrono::TimeDelta;

/// Catalogue requests made while `visit` runs (the access token, fetched once per client, aside).
async fn shop_requests<F: Future>(world: &World, visit: F) -> (F::Output, u64) {
    let count = || {
        world
            .shop
            .call_counts()
            .into_iter()
            .filter(|(route, _)| route != "POST /token")
            .map(|(_, n)| n)
            .sum::<u64>()
    };
    let before = count();
    let output = visit.await;
    (output, count() - before)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn engines_of_one_shop_read_the_catalogue_whole_once() {
    let world = World::start(40, 0).await;
    let cache = Arc::new(CatalogueCache::new());
    let engine = || {
        Engine::new(
            world.store.clone(),
            world.remotes.clone(),
            world.clock.clone(),
        )
        .with_catalogue(cache.clone())
    };

    let (first, whole) = shop_requests(&world, engine().shop_catalogue()).await;
    let first = first.expect("the shop is read");
    // Products created just before a read fall inside the overlap of the next read of changes;
    // ten minutes on, that read has caught up and only later changes are read.
    world.advance(TimeDelta::minutes(10));
    engine()
        .shop_catalogue()
        .await
        .expect("the changes are read");
    world.advance(TimeDelta::minutes(10));
    let renamed = world.change_products(1);

    let (later, changes) = shop_requests(&world, engine().shop_catalogue()).await;
    let later = later.expect("the changes are read");
    assert!(
        whole > 2,
        "a whole read lists the products and their variants: {whole} requests"
    );
    assert!(
        changes * 2 < whole,
        "a new engine of the same shop reads only the changes: {changes} requests, against {whole} for the whole catalogue"
    );
    assert_eq!(
        later.articles.len(),
        first.articles.len(),
        "every product is still in the catalogue"
    );
    let before = first
        .articles
        .iter()
        .find(|a| a.sku == renamed[0])
        .expect("the renamed article was read the first time");
    let after = later
        .articles
        .iter()
        .find(|a| a.sku == renamed[0])
        .expect("the renamed article is still there");
    assert_ne!(
        before, after,
        "the change made in the shop is merged into the shared catalogue"
    );

    let (_, alone) = shop_requests(
        &world,
        Engine::new(
            world.store.clone(),
            world.remotes.clone(),
            world.clock.clone(),
        )
        .shop_catalogue(),
    )
    .await;
    assert_eq!(
        alone, whole,
        "an engine with a cache of its own reads the whole catalogue, as the first did"
    );
}
