//! Starting a simulator with sample data, as `brygga sim` and demo mode do.
//!
//! Both simulators are seeded from the same [`SampleData`] seed, so the warehouse already holds the
//! shop's stock articles (as after a first article sync) with some stock each, and the shop holds
//! products and orders of several ages and statuses.

use std::io;

use crate::fault::FaultSpec;
use crate::ongoing::{OngoingConfig, OngoingSim, StockAdjustment};
use crate::server::{Api, ServeConfig, SimServer, serve};
use crate::starweb::sample::SampleData;
use crate::starweb::{API_BASE_PATH, StarwebConfig, StarwebSim};

/// The seed of the sample data, so every demo shows the same shop.
pub const SAMPLE_SEED: u64 = 2026;

/// Starts the Ongoing simulator on 127.0.0.1:`port` (0 = any) with the stock articles of `products`
/// sample products, each with stock on hand.
pub async fn start_ongoing(
    port: u16,
    products: usize,
    faults: FaultSpec,
) -> io::Result<(OngoingSim, SimServer)> {
    let sim = OngoingSim::new(OngoingConfig::default());
    let sample = SampleData::generate(SAMPLE_SEED, products, 0);
    let goods_owner_id = sim.config().goods_owner_id;
    for (index, variant) in sample.products.iter().flat_map(|p| &p.variants).enumerate() {
        let Some(stock) = variant.stock_quantity else {
            continue;
        };
        let article = serde_json::json!({
            "goodsOwnerId": goods_owner_id,
            "articleNumber": variant.sku,
            "articleName": variant.label,
            "isStockArticle": true,
            "barCodeInfo": { "barCode": variant.ean },
            "weight": variant.weight_in_kg,
        });
        sim.put_article(article)
            .map_err(|err| io::Error::other(err.to_string()))?;
        let on_hand = stock.max(0) as f64 + (index % 5) as f64;
        let adjustment = StockAdjustment {
            article_number: variant.sku.clone(),
            set_to: Some(on_hand),
            ..StockAdjustment::default()
        };
        sim.adjust_stock(&adjustment)
            .map_err(|err| io::Error::other(err.to_string()))?;
    }
    let server = serve(ServeConfig {
        api: Api::Ongoing,
        port,
        base_path: format!("/{}", sim.config().warehouse),
        api_routes: sim.api_router(),
        control_routes: sim.control_router(),
        faults,
    })
    .await?;
    Ok((sim, server))
}

/// Starts the Starweb simulator on 127.0.0.1:`port` (0 = any) with `products` sample products and
/// `orders` sample orders.
pub async fn start_starweb(
    port: u16,
    products: usize,
    orders: usize,
    faults: FaultSpec,
) -> io::Result<(StarwebSim, SimServer)> {
    let sim = StarwebSim::new(StarwebConfig::default());
    SampleData::generate(SAMPLE_SEED, products, orders)
        .load_into(&sim)
        .map_err(|err| io::Error::other(err.to_string()))?;
    let server = serve(ServeConfig {
        api: Api::Starweb,
        port,
        base_path: API_BASE_PATH.to_owned(),
        api_routes: sim.api_router(),
        control_routes: sim.control_router(),
        faults,
    })
    .await?;
    Ok((sim, server))
}
