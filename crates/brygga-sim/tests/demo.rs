//! The sample-data simulators `brygga sim` and demo mode start.

use brygga_sim::demo::{SAMPLE_SEED, start_ongoing, start_starweb};
use brygga_sim::fault::FaultSpec;
use brygga_sim::starweb::sample::SampleData;

#[tokio::test]
async fn the_warehouse_holds_the_shops_stock_articles_and_the_shop_its_orders() {
    let sample = SampleData::generate(SAMPLE_SEED, 12, 0);
    let stock_variants = sample
        .products
        .iter()
        .flat_map(|p| &p.variants)
        .filter(|v| v.stock_quantity.is_some())
        .count();
    let (ongoing, ongoing_server) = start_ongoing(0, 12, FaultSpec::none()).await.unwrap();
    assert_eq!(
        ongoing.article_count(),
        stock_variants,
        "every stock variant of the shop is an article in the warehouse; service products are not"
    );
    assert!(
        ongoing_server.api_url().starts_with("http://127.0.0.1:"),
        "loopback only"
    );

    let (starweb, starweb_server) = start_starweb(0, 12, 30, FaultSpec::none()).await.unwrap();
    assert_eq!(
        starweb.orders().len(),
        30,
        "the shop holds the sample orders"
    );
    assert!(
        starweb_server.api_url().ends_with("/api/v2"),
        "the URL is the shop's API base"
    );
}
