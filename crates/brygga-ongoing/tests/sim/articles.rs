//! Articles: upsert by number, id-cursor paging, stock fields and feeds.

use brygga_ongoing::articles::ArticleQuery;
use brygga_ongoing::inventory::InventoryQuery;
use brygga_sim::ongoing::{self, Allocation, StockAdjustment};
use chrono::TimeDelta;

use crate::support::*;

#[tokio::test]
async fn articles_page_across_several_pages_and_upsert_is_idempotent() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    let count = 2 * brygga_ongoing::paging::PAGE_SIZE as usize + 37;
    for n in 0..count {
        client.upsert_article(&article(n)).await.unwrap();
    }
    let first_id = client.upsert_article(&article(0)).await.unwrap();
    assert_eq!(
        sim.article_count(),
        count,
        "a second PUT of the same number updates, it does not add"
    );

    let listed = client.articles(&ArticleQuery::default()).await.unwrap();
    assert_eq!(
        listed.len(),
        count,
        "paging reads every article once, across three pages"
    );
    let mut ids: Vec<i32> = listed.iter().map(|a| a.article_system_id).collect();
    ids.dedup();
    assert_eq!(
        ids.len(),
        count,
        "no article is read twice at a page boundary"
    );
    assert!(
        ids.contains(&first_id),
        "the id the upsert returned is the article's id"
    );
    assert_eq!(
        sim.call_count("Articles_GetAll"),
        3,
        "437 articles at 200 a page take three calls"
    );

    let one = ArticleQuery {
        article_number: Some("SKU-0007".to_owned()),
        ..ArticleQuery::default()
    };
    let found = client.articles(&one).await.unwrap();
    assert_eq!(found.len(), 1, "the article number filter narrows the list");
    assert_conforms(&server);
}

#[tokio::test]
async fn sellable_stock_is_on_hand_minus_what_open_orders_took() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();
    stock(&sim, 1, 10.0);
    let order_id = client.upsert_order(&order("7001", &sku(1))).await.unwrap();
    sim.allocate_order(order_id, &Allocation::default())
        .unwrap();

    let one = ArticleQuery {
        article_number: Some(sku(1)),
        ..ArticleQuery::default()
    };
    let read = client.articles(&one).await.unwrap();
    let inventory = read[0]
        .inventory_info
        .clone()
        .expect("a stock article carries its stock");
    assert_eq!(inventory.number_of_items, 10.0, "ten are on the shelf");
    assert_eq!(
        inventory.allocated_number_of_items, 2.0,
        "the open order reserved its two"
    );
    assert_eq!(
        inventory.sellable_number_of_items, 8.0,
        "the shop may sell what is not already promised"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn the_stock_feed_returns_only_articles_whose_stock_moved() {
    let (sim, server) = start().await;
    let client = connect(&server, &sim);
    for n in 1..=3 {
        client.upsert_article(&article(n)).await.unwrap();
        stock(&sim, n, 5.0);
    }
    sim.advance_clock(TimeDelta::minutes(5));
    let cursor = sim.now();
    sim.advance_clock(TimeDelta::minutes(1));
    stock(&sim, 2, 4.0);

    let moved = client
        .articles(&ArticleQuery {
            stock_info_changed_from: Some(cursor),
            ..ArticleQuery::default()
        })
        .await
        .unwrap();
    let numbers: Vec<_> = moved
        .iter()
        .filter_map(|a| a.article_number.clone())
        .collect();
    assert_eq!(
        numbers,
        vec![sku(2)],
        "only the corrected article's stock changed after the cursor"
    );
    let per_warehouse = client
        .inventory_per_warehouse(&InventoryQuery {
            stock_changed_from: Some(cursor),
            ..InventoryQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(
        per_warehouse.len(),
        1,
        "the per-warehouse feed takes the same cursor"
    );
    assert_conforms(&server);
}

#[tokio::test]
async fn stock_is_read_per_warehouse() {
    let mut config = ongoing::OngoingConfig::default();
    let mut second = config.sites[0].clone();
    second.id = 2;
    second.code = "JKP".to_owned();
    second.name = "Lagret i Jönköping".to_owned();
    config.sites.push(second);
    let (sim, server) = start_with(config).await;
    let client = connect(&server, &sim);
    client.upsert_article(&article(1)).await.unwrap();
    client.upsert_article(&article(2)).await.unwrap();
    stock(&sim, 1, 6.0);
    sim.adjust_stock(&StockAdjustment {
        article_number: sku(1),
        warehouse_id: Some(2),
        set_to: Some(4.0),
        ..StockAdjustment::default()
    })
    .unwrap();

    let all = client
        .inventory_per_warehouse(&InventoryQuery {
            article_numbers: vec![sku(1)],
            ..InventoryQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(all.len(), 1, "the article number filter narrows the list");
    let mut split: Vec<(i32, f64)> = all[0]
        .inventory_per_warehouse
        .iter()
        .map(|w| (w.warehouse_id, w.number_of_items))
        .collect();
    split.sort_by_key(|(id, _)| *id);
    assert_eq!(
        split,
        vec![(1, 6.0), (2, 4.0)],
        "each warehouse reports its own shelf"
    );
    assert_eq!(all[0].sellable(), 10.0, "sellable sums over the warehouses");

    let only_second = client
        .inventory_per_warehouse(&InventoryQuery {
            warehouse_ids: vec![2],
            only_in_stock: true,
            ..InventoryQuery::default()
        })
        .await
        .unwrap();
    assert_eq!(
        only_second
            .iter()
            .map(|a| a.article_number.clone())
            .collect::<Vec<_>>(),
        vec![Some(sku(1))],
        "article 2 has nothing on hand and is left out"
    );
    assert_conforms(&server);
}
