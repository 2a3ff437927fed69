//! The go-live purchase order counted before it is made (`preview_initial_stock_in`), against both
//! simulators over loopback HTTP: the count is the one `create_initial_stock_in` then makes, and
//! counting saves and sends nothing.

use brygga_app::App;
use brygga_app::commands::types::*;
use brygga_app::commands::{
    create_initial_stock_in, list_purchase_orders, preview_initial_stock_in,
};
use brygga_app::demo::DemoSystems;
use brygga_app::inbound::PurchaseOrderLineForm;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_preview_counts_the_lines_the_stock_in_gets_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let _systems = DemoSystems::start(&app, 12, None)
        .await
        .expect("the simulators start and are connected");
    let engine = brygga_app::sync::engine(&app).unwrap();
    let skus = engine
        .warehouse_stock_articles()
        .await
        .expect("the warehouse lists its articles");
    assert!(
        skus.len() >= 3,
        "the sample warehouse has stock articles: {skus:?}"
    );

    let everything = InitialStockInRequest {
        default_quantity: Some(2),
        ..InitialStockInRequest::default()
    };
    let preview = preview_initial_stock_in(&app, everything.clone())
        .await
        .expect("the warehouse is read");
    assert_eq!(
        preview.lines as usize,
        skus.len(),
        "with a default quantity every stock article gets a line"
    );
    assert_eq!(preview.units, 2 * skus.len() as i64, "two of each");

    let only_file = InitialStockInRequest {
        quantities: vec![PurchaseOrderLineForm {
            sku: skus[0].clone(),
            quantity: 7,
        }],
        ..InitialStockInRequest::default()
    };
    let counted = preview_initial_stock_in(&app, only_file).await.unwrap();
    assert_eq!(
        (counted.lines, counted.units),
        (1, 7),
        "without a default only the articles with a quantity of their own are counted"
    );
    let nothing = preview_initial_stock_in(
        &app,
        InitialStockInRequest {
            sku_filter: Some("no such article anywhere".to_owned()),
            default_quantity: Some(1),
            ..InitialStockInRequest::default()
        },
    )
    .await
    .expect("no match is an answer of zero lines, not an error");
    assert_eq!(nothing.lines, 0);

    let listed = list_purchase_orders(
        &app,
        ListPurchaseOrdersRequest {
            include_cancelled: true,
        },
    )
    .await
    .unwrap();
    assert!(
        listed.purchase_orders.is_empty(),
        "counting creates no purchase order: {:?}",
        listed.purchase_orders
    );

    let made = create_initial_stock_in(&app, everything)
        .await
        .expect("the stock-in is made");
    assert_eq!(
        made.detail.summary.line_count, preview.lines,
        "the purchase order gets as many lines as the preview said"
    );
}
