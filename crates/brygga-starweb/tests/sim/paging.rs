//! Lists longer than a page: every item read once, in as many calls as there are pages, and the
//! filters a bridge uses (created after, status, changed since) applied by the shop.

use brygga_starweb::orders::{OrderInclude, OrderQuery, StatusChange};
use brygga_starweb::products::ProductQuery;
use brygga_starweb::{StandardStatus, Timestamp};

use crate::support::Shop;

fn now(shop: &Shop) -> Timestamp {
    shop.sim.now().fixed_offset()
}

#[tokio::test]
async fn orders_page_across_three_pages_newest_change_first() {
    let shop = Shop::start().await;
    let placed = shop.place_orders(250);
    let client = shop.client();

    let orders = client.orders(&OrderQuery::default()).await.unwrap();
    assert_eq!(orders.len(), 250, "every order is read, across three pages");
    let mut ids: Vec<i32> = orders.iter().map(|order| order.order_id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 250, "no order is read twice at a page boundary");
    assert!(
        placed.iter().all(|id| ids.binary_search(id).is_ok()),
        "the orders read are the orders placed"
    );
    assert_eq!(
        shop.calls("GET", "/orders"),
        3,
        "250 orders at 100 a page take three calls"
    );
    assert!(
        orders
            .windows(2)
            .all(|pair| pair[0].modified_at >= pair[1].modified_at),
        "the default sort is last change first"
    );
    assert!(
        orders
            .iter()
            .all(|order| order.items.as_ref().is_some_and(|items| items.len() == 1)),
        "lines come in the same call (include=items)"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn orders_are_filtered_by_creation_time_and_status() {
    let shop = Shop::start().await;
    let placed = shop.place_orders(30);
    let client = shop.client();
    let statuses = client.order_statuses().await.unwrap();
    let picking = statuses.id_of(StandardStatus::Picking).unwrap();

    let newest: Vec<i32> = placed[20..].to_vec();
    let cut = shop.sim.order(placed[19] as u32).unwrap().created_at;
    let query = OrderQuery {
        created_after: Some(cut.fixed_offset()),
        include: OrderInclude::NONE,
        ..OrderQuery::default()
    };
    let mut found: Vec<i32> = client
        .orders(&query)
        .await
        .unwrap()
        .iter()
        .map(|order| order.order_id)
        .collect();
    found.sort_unstable();
    assert_eq!(
        found, newest,
        "only orders created after the cut (the time is sent URL-encoded, + as %2B)"
    );

    for id in &placed[..3] {
        let change = StatusChange {
            status_id: picking,
            email_customer: false,
            process_payment: false,
        };
        client.set_order_status(*id, change).await.unwrap();
    }
    let query = OrderQuery {
        status_id: Some(picking),
        ..OrderQuery::default()
    };
    let in_picking = client.orders(&query).await.unwrap();
    let mut found: Vec<i32> = in_picking.iter().map(|order| order.order_id).collect();
    found.sort_unstable();
    assert_eq!(
        found,
        placed[..3].to_vec(),
        "statusFilter narrows to picking"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn changed_orders_are_found_from_the_first_page_alone() {
    let shop = Shop::start().await;
    let placed = shop.place_orders(150);
    let client = shop.client();
    shop.sim.advance_clock(chrono::Duration::minutes(10));
    let since = now(&shop);
    for id in [placed[3], placed[77], placed[140]] {
        client
            .set_order_tracking(id, &format!("TRACK{id}"), None)
            .await
            .unwrap();
    }
    let changed = client
        .orders_modified_since(&OrderQuery::default(), since)
        .await
        .unwrap();
    let mut found: Vec<i32> = changed.iter().map(|order| order.order_id).collect();
    found.sort_unstable();
    assert_eq!(
        found,
        vec![placed[3], placed[77], placed[140]],
        "exactly the orders changed since the cursor"
    );
    assert_eq!(
        shop.calls("GET", "/orders"),
        1,
        "the walk stops at the first page that reaches back past the cursor"
    );
    shop.assert_conforms();
}

#[tokio::test]
async fn products_page_across_two_pages() {
    let shop = Shop::start().await;
    for n in 0..130 {
        shop.add_product(&[&format!("ART-{n:03}")], Some(5));
    }
    let client = shop.client();
    let products = client.products(&ProductQuery::default()).await.unwrap();
    assert_eq!(products.len(), 130, "every product is read once");
    assert_eq!(
        shop.calls("GET", "/products"),
        2,
        "130 products at 100 a page take two calls"
    );
    assert!(
        products.iter().all(|product| {
            product.variants.as_ref().is_some_and(|v| v.len() == 1) && product.name("sv").is_some()
        }),
        "each product comes with its primary variant and name"
    );
    shop.assert_conforms();
}
