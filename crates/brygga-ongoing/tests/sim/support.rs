//! What every test here needs: a fresh simulator on a free loopback port, a client for it, sample
//! articles and orders, and the check that every body followed the OpenAPI file.

use std::time::Duration;

use brygga_core::Sensitive;
use brygga_ongoing::articles::{ArticleUpsert, BarCodeInfo};
use brygga_ongoing::orders::{Consignee, OrderLineUpsert, OrderUpsert, Transporter};
use brygga_ongoing::{OngoingClient, OngoingConfig};
use brygga_sim::fault::FaultSpec;
use brygga_sim::ongoing::{self, OngoingSim, StockAdjustment};
use brygga_sim::server::{Api, ServeConfig, SimServer, serve};

pub async fn start() -> (OngoingSim, SimServer) {
    start_with(ongoing::OngoingConfig::default()).await
}

/// A simulator set up as given, e.g. with several warehouses.
pub async fn start_with(config: ongoing::OngoingConfig) -> (OngoingSim, SimServer) {
    let sim = OngoingSim::new(config);
    let server = serve(ServeConfig {
        api: Api::Ongoing,
        port: 0,
        base_path: format!("/{}", sim.config().warehouse),
        api_routes: sim.api_router(),
        control_routes: sim.control_router(),
        faults: FaultSpec::none(),
    })
    .await
    .expect("the simulator starts on loopback");
    (sim, server)
}

/// A client with the simulator's own credentials.
pub fn connect(server: &SimServer, sim: &OngoingSim) -> OngoingClient {
    client(server, sim, &sim.config().password, Duration::from_secs(5))
}

pub fn client(
    server: &SimServer,
    sim: &OngoingSim,
    password: &str,
    timeout: Duration,
) -> OngoingClient {
    let config = sim.config();
    OngoingClient::new(OngoingConfig {
        api_url: format!("{}api/v1/", server.api_url()),
        user: config.user,
        password: Sensitive::new(password.to_owned()),
        goods_owner_id: config.goods_owner_id,
        timeout,
    })
    .expect("the simulator's URL is a valid loopback URL")
}

pub fn assert_conforms(server: &SimServer) {
    let violations = server.violations();
    assert!(
        violations.is_empty(),
        "every body must follow the OpenAPI file: {violations:#?}"
    );
}

pub fn sku(number: usize) -> String {
    format!("SKU-{number:04}")
}

pub fn article(number: usize) -> ArticleUpsert {
    ArticleUpsert {
        article_number: sku(number),
        article_name: Some(format!("Artikel {number}")),
        is_stock_article: Some(true),
        bar_code_info: Some(BarCodeInfo {
            bar_code: Some(format!("73{number:011}")),
        }),
        weight: Some(0.25),
        ..ArticleUpsert::default()
    }
}

/// Puts `on_hand` items of the article on the shelf, as the 3PL would after a delivery.
pub fn stock(sim: &OngoingSim, number: usize, on_hand: f64) {
    sim.adjust_stock(&StockAdjustment {
        article_number: sku(number),
        set_to: Some(on_hand),
        ..StockAdjustment::default()
    })
    .expect("the article exists in the simulator");
}

pub fn order(number: &str, sku: &str) -> OrderUpsert {
    OrderUpsert {
        order_number: number.to_owned(),
        delivery_date: "2026-11-24T00:00:00Z".to_owned(),
        consignee: Consignee {
            name: Some("Karin Lindqvist".to_owned()),
            address1: Some("Storgatan 4".to_owned()),
            post_code: Some("411 38".to_owned()),
            city: Some("Göteborg".to_owned()),
            country_code: Some("SE".to_owned()),
            ..Consignee::default()
        },
        transporter: Some(Transporter {
            transporter_code: Some("SBTL".to_owned()),
            transporter_service_code: Some("BPA".to_owned()),
        }),
        order_lines: vec![OrderLineUpsert {
            row_number: "1".to_owned(),
            article_number: sku.to_owned(),
            number_of_items: 2.0,
            should_be_picked: Some(true),
            comment: None,
        }],
        ..OrderUpsert::default()
    }
}
