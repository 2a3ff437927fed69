//! Shared set-up for the Starweb simulator tests: one shop served over real HTTP on 127.0.0.1 by
//! [`brygga_sim::server::serve`], its API under `/api/v2` as on a real shop host, every body checked
//! against the OpenAPI spec, and its control routes beside it; plus a client that speaks JSON and form
//! bodies the way a Starweb integration does.
//!
//! When a test's shop is dropped without a panic, it asserts that no response the simulator sent broke
//! the spec, so every test here also proves the simulator's bodies conform. Requests that break the
//! spec on purpose (a test of the simulator's refusals) are allowed.

use brygga_sim::conformance::Direction;
use brygga_sim::fault::FaultSpec;
use brygga_sim::server::{Api, ServeConfig, SimServer, serve};
use brygga_sim::starweb::sample::SampleData;
use brygga_sim::starweb::{API_BASE_PATH, Address, PlaceOrder, StarwebConfig, StarwebSim};
use chrono::Duration;
use reqwest::{Method, StatusCode};
use serde_json::Value;

/// A running simulated shop and an HTTP client for it.
pub struct Shop {
    pub sim: StarwebSim,
    pub server: SimServer,
    /// `http://127.0.0.1:port`
    pub origin: String,
    pub http: reqwest::Client,
}

impl Drop for Shop {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let broken: Vec<String> = self
            .server
            .violations()
            .iter()
            .filter(|violation| matches!(violation.direction(), Direction::Response { .. }))
            .map(ToString::to_string)
            .collect();
        assert!(
            broken.is_empty(),
            "every response body conforms to the spec: {broken:#?}"
        );
    }
}

/// Test credentials, no rate limit: tests that need one set it themselves.
pub fn config() -> StarwebConfig {
    StarwebConfig {
        requests_per_minute: 0,
        ..StarwebConfig::default()
    }
}

impl Shop {
    pub async fn start() -> Self {
        Self::start_with(config()).await
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
        let origin = server.root_url();
        Self {
            sim,
            server,
            origin,
            http: reqwest::Client::new(),
        }
    }

    /// A shop filled with generated sample data.
    pub async fn with_sample(seed: u64, products: usize, orders: usize) -> Self {
        let shop = Self::start().await;
        SampleData::generate(seed, products, orders)
            .load_into(&shop.sim)
            .expect("generated sample data loads into an empty shop");
        shop
    }

    /// A shop with one product and `count` orders placed a minute apart, oldest first.
    pub async fn with_orders(count: usize) -> (Self, Vec<u32>) {
        let shop = Self::start().await;
        shop.add_product("MUGG-1", 100_000);
        let start = shop.sim.now() - Duration::minutes(count as i64 + 1);
        let ids = (0..count)
            .map(|minute| {
                let order = checkout("MUGG-1", 1);
                let created_at = Some(start + Duration::minutes(minute as i64));
                shop.sim
                    .place_order(PlaceOrder {
                        created_at,
                        send_email: false,
                        ..order
                    })
                    .expect("a checkout of a stocked SKU is accepted")
            })
            .collect();
        (shop, ids)
    }

    pub fn api(&self, path: &str) -> String {
        format!("{}{path}", self.server.api_url())
    }

    /// Asks `POST /token` with these credentials; returns status and body.
    pub async fn request_token(&self, client_id: &str, client_secret: &str) -> (StatusCode, Value) {
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", client_id),
            ("client_secret", client_secret),
        ];
        let response = self
            .http
            .post(self.api("/token"))
            .form(&form)
            .send()
            .await
            .expect("the token request reaches the simulator");
        read(response).await
    }

    /// A fresh access token for the shop's own credentials.
    pub async fn token(&self) -> String {
        let config = self.sim.config().clone();
        let (status, body) = self
            .request_token(&config.client_id, &config.client_secret)
            .await;
        assert_eq!(
            status,
            StatusCode::OK,
            "the shop's own credentials get a token: {body}"
        );
        body["access_token"]
            .as_str()
            .expect("a token response has access_token")
            .to_owned()
    }

    /// Calls the API with a bearer token and an optional JSON body.
    pub async fn call(
        &self,
        method: Method,
        token: &str,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self.http.request(method, self.api(path)).bearer_auth(token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        read(
            request
                .send()
                .await
                .expect("the API request reaches the simulator"),
        )
        .await
    }

    pub async fn get(&self, token: &str, path: &str) -> (StatusCode, Value) {
        self.call(Method::GET, token, path, None).await
    }

    /// Calls a control route under `/_sim/starweb`.
    pub async fn control(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .http
            .request(method, format!("{}/_sim/starweb{path}", self.origin));
        if let Some(body) = body {
            request = request.json(&body);
        }
        read(
            request
                .send()
                .await
                .expect("the control request reaches the simulator"),
        )
        .await
    }

    /// The shop's id for a standard status, as a client would find it.
    pub fn status(&self, id_code: &str) -> u32 {
        self.sim
            .status_id(id_code)
            .expect("the shop has every standard status")
    }

    /// Adds a product with one stocked variant.
    pub fn add_product(&self, sku: &str, stock: i64) -> u32 {
        let product = brygga_sim::starweb::NewProduct {
            name: format!("Testvara {sku}"),
            name_en: None,
            vat_rate: 25.0,
            visible: true,
            variants: vec![brygga_sim::starweb::NewVariant {
                sku: sku.into(),
                label: None,
                ean: Some("7350012000011".into()),
                mpn: Some(format!("MPN-{sku}")),
                weight_in_kg: Some(0.25),
                stock_quantity: Some(stock),
                price_ex_vat_minor: 15_920,
                is_active: true,
            }],
        };
        self.sim
            .add_product(product)
            .expect("a new SKU can be added")
    }
}

/// Status and JSON body of a response (`null` for an empty body).
pub async fn read(response: reqwest::Response) -> (StatusCode, Value) {
    let status = response.status();
    let text = response
        .text()
        .await
        .expect("the response body can be read");
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).expect("the body is JSON")
    };
    (status, body)
}

/// A Swedish checkout of `quantity` of one SKU, shipped to a PostNord service point, paid by Klarna.
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
