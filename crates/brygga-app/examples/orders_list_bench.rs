//! How long the orders list takes over a large store: 50 000 orders, then the first page, a page
//! deep into the list, and each filter, timed through the same `list_orders` command the screen
//! calls. Prints the times; asserts nothing about them.
//!
//! `cargo run --release -p brygga-app --example orders_list_bench`

use std::time::Instant;

use brygga_app::App;
use brygga_app::commands::list_orders;
use brygga_app::commands::types::ListOrdersRequest;
use brygga_app::orders::OrderStateName;
use brygga_store::OrderLink;

const ORDERS: i64 = 50_000;

fn order(n: i64) -> OrderLink {
    let created = 1_767_225_600_000 + n * 60_000;
    let sent = n % 4 != 0;
    OrderLink {
        shop_order_id: 100_000 + n,
        identity: format!("{}@{created}", 100_000 + n),
        shop_created_at_ms: created,
        shop_status_id: Some(n % 6),
        shipping_method_id: Some(1),
        warehouse_order_id: sent.then_some(500_000 + n),
        sent_hash: sent.then(|| "0123456789abcdef".to_owned()),
        sent_at_ms: sent.then_some(created),
        sent_generation: u32::from(sent),
        warehouse_status: sent.then_some(if n % 3 == 0 { 450 } else { 200 }),
        warehouse_status_text: None,
        shop_status_written: None,
        tracking_written: (sent && n % 3 == 0).then(|| format!("SE{n:09}")),
        status_writes: 0,
        cancelled: n % 97 == 0,
        baseline: n < 500,
        hold: (n % 53 == 0).then(|| serde_json::json!({"code": "order.held", "message": "held"})),
        held_back: false,
        paid: true,
        released_batch_id: None,
        updated_at_ms: created,
    }
}

async fn time(app: &App, what: &str, request: ListOrdersRequest) {
    let started = Instant::now();
    let page = list_orders(app, request)
        .await
        .expect("the list reads the store");
    println!(
        "{what:<40} {:>8.2} ms  ({} of {} orders)",
        started.elapsed().as_secs_f64() * 1000.0,
        page.orders.len(),
        page.total
    );
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let app = App::for_testing(dir.path());
    let store = app.store().expect("the store opens");
    let filling = Instant::now();
    for n in 0..ORDERS {
        store
            .order_links()
            .upsert(&order(n))
            .expect("an order is stored");
    }
    println!(
        "stored {ORDERS} orders in {:.1} s",
        filling.elapsed().as_secs_f64()
    );
    let page = |offset| ListOrdersRequest {
        offset,
        limit: 200,
        ..ListOrdersRequest::default()
    };
    time(&app, "first page (200)", page(0)).await;
    time(&app, "page at offset 25 000", page(25_000)).await;
    time(&app, "last page", page(49_800)).await;
    time(
        &app,
        "state = held",
        ListOrdersRequest {
            state: Some(OrderStateName::Held),
            ..page(0)
        },
    )
    .await;
    time(
        &app,
        "locked = true",
        ListOrdersRequest {
            locked: Some(true),
            ..page(0)
        },
    )
    .await;
    time(
        &app,
        "text = \"1234\"",
        ListOrdersRequest {
            text: Some("1234".to_owned()),
            ..page(0)
        },
    )
    .await;
    time(
        &app,
        "created within one day",
        ListOrdersRequest {
            created_from: Some("2026-01-10T00:00:00Z".to_owned()),
            created_to: Some("2026-01-11T00:00:00Z".to_owned()),
            ..page(0)
        },
    )
    .await;
    time(
        &app,
        "state = sent, locked, one week",
        ListOrdersRequest {
            state: Some(OrderStateName::Sent),
            locked: Some(true),
            created_from: Some("2026-01-10T00:00:00Z".to_owned()),
            created_to: Some("2026-01-17T00:00:00Z".to_owned()),
            ..page(0)
        },
    )
    .await;
}
