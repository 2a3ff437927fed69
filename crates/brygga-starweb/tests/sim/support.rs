//! One simulated shop per test, served on loopback, and a client for it.

use std::time::Duration;

use brygga_core::Sensitive;
use brygga_sim::fault::FaultSpec;
use brygga_sim::server::{Api, ServeConfig, SimServer, serve};
use brygga_sim::starweb::{
    API_BASE_PATH, Address, NewProduct, NewVariant, PlaceOrder, StarwebConfig, StarwebSim,
};
use brygga_starweb::{StarwebClient, StarwebConfig as ClientConfig};
use chrono::Duration as SimDuration;

/// A running simulated shop.
pub struct Shop {
    pub sim: StarwebSim,
    pub server: SimServer,
}

impl Shop {
    /// A shop with the demo credentials and no rate limit (tests that need one set it).
    pub async fn start() -> Self {
        Self::start_with(StarwebConfig {
            requests_per_minute: 0,
            ..StarwebConfig::default()
        })
        .await
    }

    pub async fn start_with(config: StarwebConfig) -> Self {
        let sim = StarwebSim::new(config);
        let server = serve(ServeConfig {
            api: Api::Starweb,
            port: 0,
            base_path: API_BASE_PATH.into(),
            api_routes: sim.api_router(),
            control_routes: sim.control_router(),
            faults: FaultSpec::none(),
        })
        .await
        .expect("the simulator starts on a free loopback port");
        Self { sim, server }
    }

    /// A client with the shop's own credentials.
    pub fn client(&self) -> StarwebClient {
        let secret = self.sim.config().client_secret.clone();
        self.client_with(&secret, Duration::from_secs(10))
    }

    pub fn client_with(&self, secret: &str, timeout: Duration) -> StarwebClient {
        StarwebClient::new(ClientConfig {
            api_url: self.server.api_url(),
            client_id: self.sim.config().client_id.clone(),
            client_secret: Sensitive::new(secret.to_owned()),
            timeout,
        })
        .expect("the simulator's URL is a valid loopback URL")
    }

    /// Requests the shop received for one method and route, e.g. `("POST", "/token")`.
    pub fn calls(&self, method: &str, route: &str) -> u64 {
        self.sim.call_count(method, route)
    }

    pub fn assert_conforms(&self) {
        let violations = self.server.violations();
        assert!(
            violations.is_empty(),
            "every body must follow the OpenAPI file: {violations:#?}"
        );
    }

    /// Adds a product with one variant per SKU; `None` stock is a service product.
    pub fn add_product(&self, skus: &[&str], stock: Option<i64>) -> i32 {
        let variants = skus
            .iter()
            .map(|sku| NewVariant {
                sku: (*sku).to_owned(),
                label: None,
                ean: Some("7350012000011".into()),
                mpn: Some(format!("MPN-{sku}")),
                weight_in_kg: Some(0.25),
                stock_quantity: stock,
                price_ex_vat_minor: 15_920,
                is_active: true,
            })
            .collect();
        let product = NewProduct {
            name: format!("Testvara {}", skus[0]),
            name_en: None,
            vat_rate: 25.0,
            visible: true,
            variants,
        };
        let id = self
            .sim
            .add_product(product)
            .expect("new SKUs can be added");
        i32::try_from(id).expect("product ids fit the spec's int32")
    }

    /// Places `count` orders of one stocked SKU, a minute apart and in the past, without e-mails.
    pub fn place_orders(&self, count: usize) -> Vec<i32> {
        self.add_product(&["MUGG-1"], Some(1_000_000));
        let start = self.sim.now() - SimDuration::minutes(count as i64 + 1);
        (0..count)
            .map(|minute| {
                let order = PlaceOrder {
                    created_at: Some(start + SimDuration::minutes(minute as i64)),
                    send_email: false,
                    ..checkout("MUGG-1", 1)
                };
                let id = self.sim.place_order(order).expect("a stocked SKU sells");
                i32::try_from(id).expect("order ids fit the spec's int32")
            })
            .collect()
    }
}

/// A Swedish checkout of `quantity` of one SKU to a PostNord service point, paid by Klarna.
pub fn checkout(sku: &str, quantity: i64) -> PlaceOrder {
    PlaceOrder {
        email: "anna.ek@example.com".into(),
        delivery: Address {
            first_name: Some("Anna".into()),
            last_name: Some("Ek".into()),
            address: Some("Storgatan 1".into()),
            postal_code: Some("111 22".into()),
            city: Some("Stockholm".into()),
            country_code: Some("SE".into()),
            mobile_phone_no: Some("+46701234567".into()),
            ..Address::default()
        },
        charge_payment_fee: true,
        pickup_point_agent: Some("612345".into()),
        send_email: true,
        ..PlaceOrder::checkout(sku, quantity, 11)
    }
}
