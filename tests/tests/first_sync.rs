//! The first-sync guard: a shop with a history of orders is connected. Before the first real run
//! the merchant previews every flow, and the preview changes nothing anywhere. After activation
//! none of the old orders changes status in the shop and no customer gets an e-mail, even when the
//! warehouse holds and ships orders of a former integration under the same numbers.

use std::collections::BTreeMap;

use brygga_core::schedule::Flow;
use brygga_scenarios::World;
use brygga_sync::settings::BASELINE;
use chrono::{DateTime, Utc};
use serde_json::json;

const FLOWS: [Flow; 5] = [
    Flow::Articles,
    Flow::Orders,
    Flow::Statuses,
    Flow::Stock,
    Flow::Reconcile,
];
const SENT: i32 = 450;

/// Every shop order's status, by number.
fn shop_statuses(world: &World) -> BTreeMap<u32, u32> {
    world
        .shop
        .orders()
        .iter()
        .map(|o| (o.order_id, o.status_id))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connecting_a_shop_with_history_changes_no_old_order() {
    let world = World::start(12, 40).await;
    world.map().await;
    let statuses_before = shop_statuses(&world);
    let distinct: std::collections::BTreeSet<u32> = statuses_before.values().copied().collect();
    assert!(
        distinct.len() >= 3,
        "the sample history has orders in several statuses: {distinct:?}"
    );
    let emails_before = world.shop.customer_emails().len();

    // The preview: every flow planned, nothing written anywhere.
    let before = world.state();
    let mut previews = BTreeMap::new();
    for flow in FLOWS {
        let preview = world.dry_run(flow).await;
        assert!(preview.dry_run);
        assert!(
            preview.planned.iter().all(|p| p.queued),
            "a preview lists each operation as it would queue it"
        );
        previews.insert(flow.as_str(), preview);
    }
    assert_eq!(
        world.state(),
        before,
        "the preview wrote nothing to either system or to the store"
    );
    assert_eq!(
        world
            .store
            .settings()
            .get::<DateTime<Utc>>(BASELINE)
            .unwrap(),
        None,
        "and did not activate the connection"
    );
    assert!(
        !previews["articles"].planned.is_empty(),
        "the preview shows the articles the first run sends: {:#?}",
        previews["articles"]
    );
    for flow in ["orders", "statuses"] {
        assert!(
            previews[flow].planned.is_empty(),
            "the preview shows that no old order would be sent or changed ({flow}): {:#?}",
            previews[flow]
        );
    }

    // The first real run activates the connection and sends the articles.
    let (articles, drained) = world.sync(Flow::Articles).await;
    assert_eq!(drained.dead, 0);
    let preview_keys: Vec<&str> = previews["articles"]
        .planned
        .iter()
        .map(|p| p.key.as_str())
        .collect();
    let real_keys: Vec<&str> = articles.planned.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(
        preview_keys, real_keys,
        "the first run does what the preview showed"
    );
    let baseline = world
        .store
        .settings()
        .get::<DateTime<Utc>>(BASELINE)
        .unwrap()
        .expect("the first real run records the baseline");

    // A former integration had sent the open old orders; the warehouse now ships them all.
    let goods_owner_id = world.warehouse.config().goods_owner_id;
    let sku = world.stock_sku(0);
    let mut former = Vec::new();
    for order in world.shop.orders() {
        let open = [
            world.shop.status_id("created"),
            world.shop.status_id("picking"),
        ]
        .contains(&Some(order.status_id));
        let Some(delivery) = order.delivery_address().filter(|_| open) else {
            continue;
        };
        assert!(order.created_at < baseline, "every sample order is old");
        let name = [delivery.first_name.clone(), delivery.last_name.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let id = world
            .warehouse
            .put_order(json!({
                "goodsOwnerId": goods_owner_id,
                "orderNumber": order.order_id.to_string(),
                "deliveryDate": "2026-01-15T00:00:00Z",
                "consignee": {
                    "name": name,
                    "address1": delivery.address,
                    "postCode": delivery.postal_code,
                    "city": delivery.city,
                    "countryCode": delivery.country_code
                },
                "orderLines": [{"rowNumber": "1", "articleNumber": sku, "numberOfItems": 1.0}]
            }))
            .expect("the warehouse holds the former integration's order");
        world.warehouse.set_order_status(id, SENT).unwrap();
        former.push(order.order_id);
    }
    assert!(
        former.len() >= 5,
        "enough old open orders to show the guard: {former:?}"
    );

    for round in 0..2 {
        for flow in FLOWS {
            let (report, drained) = world.sync(flow).await;
            assert_eq!(drained.dead, 0, "round {round}, {flow:?}: {drained:#?}");
            let touching_orders: Vec<_> = report
                .planned
                .iter()
                .filter(|p| p.subject.starts_with("order:"))
                .collect();
            assert!(
                touching_orders.is_empty(),
                "round {round}, {flow:?}: nothing is planned for an old order: {touching_orders:#?}"
            );
            if flow == Flow::Statuses {
                assert!(
                    report.counts.get("notFromBrygga").copied().unwrap_or(0) >= former.len() as u64,
                    "the shipped orders were seen, and left alone as not Brygga's: {:?}",
                    report.counts
                );
            }
        }
    }

    assert_eq!(
        shop_statuses(&world),
        statuses_before,
        "no old order changed status in the shop"
    );
    assert_eq!(
        world.shop.customer_emails().len(),
        emails_before,
        "and no customer got an e-mail"
    );
    assert_eq!(
        world.warehouse.order_count(),
        former.len(),
        "Brygga sent no old order to the warehouse"
    );
    assert!(
        world
            .store
            .outbox()
            .list(None, 100_000)
            .unwrap()
            .iter()
            .all(|row| row.kind != "shop.set_status" && row.kind != "warehouse.upsert_order"),
        "no order write was ever queued"
    );
    world.assert_conforms();
}
