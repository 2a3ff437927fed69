//! One merchant's world: a simulated shop with sample products, an empty simulated warehouse, a
//! database file in a temporary folder, and the engine between them.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use brygga_core::Sensitive;
use brygga_core::clock::SystemClock;
use brygga_core::retry::RetryPolicy;
use brygga_core::schedule::Flow;
use brygga_ongoing::{OngoingClient, OngoingConfig};
use brygga_sim::demo::SAMPLE_SEED;
use brygga_sim::fault::FaultSpec;
use brygga_sim::ongoing::{self, OngoingSim};
use brygga_sim::server::{Api, ServeConfig, SimServer, serve};
use brygga_sim::starweb::sample::SampleData;
use brygga_sim::starweb::{
    API_BASE_PATH, Address, PlaceOrder, PlacedLine, StarwebConfig, StarwebSim,
};
use brygga_starweb::{StarwebClient, StarwebConfig as ShopConfig};
use brygga_store::Store;
use brygga_sync::settings::{STATUS_MAPPING, TRANSPORT_MAPPING};
use brygga_sync::{DrainReport, Engine, FlowReport, Remotes};
use tempfile::TempDir;

/// The shop, the warehouse and the engine of one test.
pub struct World {
    pub shop: StarwebSim,
    pub shop_server: SimServer,
    pub warehouse: OngoingSim,
    pub warehouse_server: SimServer,
    pub engine: Engine,
    pub store: Arc<Store>,
    pub folder: TempDir,
}

impl std::fmt::Debug for World {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("World")
            .field("folder", &self.folder.path())
            .finish_non_exhaustive()
    }
}

impl World {
    /// A shop with `products` sample products and `orders` old sample orders, an empty warehouse,
    /// and an engine whose retries wait milliseconds instead of minutes.
    pub async fn start(products: usize, orders: usize) -> World {
        let shop = StarwebSim::new(StarwebConfig {
            requests_per_minute: 0,
            ..StarwebConfig::default()
        });
        SampleData::generate(SAMPLE_SEED, products, orders)
            .load_into(&shop)
            .expect("the sample data loads");
        let shop_server = serve(ServeConfig {
            api: Api::Starweb,
            port: 0,
            base_path: API_BASE_PATH.to_owned(),
            api_routes: shop.api_router(),
            control_routes: shop.control_router(),
            faults: FaultSpec::none(),
        })
        .await
        .expect("the shop simulator starts on loopback");
        let warehouse = OngoingSim::new(ongoing::OngoingConfig::default());
        let warehouse_server = serve(ServeConfig {
            api: Api::Ongoing,
            port: 0,
            base_path: format!("/{}", warehouse.config().warehouse),
            api_routes: warehouse.api_router(),
            control_routes: warehouse.control_router(),
            faults: FaultSpec::none(),
        })
        .await
        .expect("the warehouse simulator starts on loopback");

        let folder = TempDir::new().expect("a temporary folder");
        let store = Arc::new(
            Store::open(&folder.path().join("brygga.sqlite3")).expect("a new database opens"),
        );
        let config = warehouse.config();
        let remotes = Remotes {
            shop: StarwebClient::new(ShopConfig {
                api_url: shop_server.api_url(),
                client_id: shop.config().client_id.clone(),
                client_secret: Sensitive::new(shop.config().client_secret.clone()),
                timeout: Duration::from_secs(10),
            })
            .expect("the shop simulator's URL is valid"),
            warehouse: OngoingClient::new(OngoingConfig {
                api_url: warehouse_server.api_url(),
                user: config.user.clone(),
                password: Sensitive::new(config.password.clone()),
                goods_owner_id: config.goods_owner_id,
                timeout: Duration::from_secs(10),
            })
            .expect("the warehouse simulator's URL is valid"),
        };
        let engine =
            Engine::new(store.clone(), remotes, Arc::new(SystemClock)).with_retry(RetryPolicy {
                max_attempts: 6,
                base: Duration::from_millis(1),
                cap: Duration::from_millis(5),
            });
        World {
            shop,
            shop_server,
            warehouse,
            warehouse_server,
            engine,
            store,
            folder,
        }
    }

    /// Applies the mapping suggested from both systems' live lists, as the merchant would after
    /// reviewing it.
    pub async fn map(&self) {
        let suggestion = self
            .engine
            .suggest_mappings()
            .await
            .expect("both systems answer");
        let settings = self.store.settings();
        settings
            .set(STATUS_MAPPING, &suggestion.statuses, 0)
            .expect("the status mapping is stored");
        settings
            .set(TRANSPORT_MAPPING, &suggestion.transport, 0)
            .expect("the transport mapping is stored");
    }

    /// One real cycle of `flow`.
    pub async fn run(&self, flow: Flow) -> FlowReport {
        self.engine
            .run_flow(flow, false)
            .await
            .unwrap_or_else(|err| panic!("the {flow:?} cycle runs: {err}"))
    }

    /// Drains the outbox until nothing is due, waiting out the short retry delays.
    pub async fn drain(&self) -> DrainReport {
        let stop = AtomicBool::new(false);
        let mut total = DrainReport::default();
        loop {
            let report = self.engine.drain(&stop).await.expect("the drain runs");
            total.done += report.done;
            total.dead += report.dead;
            total.failures.extend(report.failures);
            let counts = self.store.outbox().counts().expect("outbox counts");
            if counts.pending == 0 && counts.running == 0 {
                return total;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// A cycle of `flow` followed by a full drain.
    pub async fn sync(&self, flow: Flow) -> (FlowReport, DrainReport) {
        let report = self.run(flow).await;
        let drained = self.drain().await;
        (report, drained)
    }

    /// The shop's shipping method whose name contains `part`.
    pub fn shipping_method(&self, part: &str) -> u32 {
        self.shop
            .shipping_methods()
            .into_iter()
            .find(|m| m.name.contains(part))
            .unwrap_or_else(|| panic!("the demo shop has a shipping method named like {part:?}"))
            .shipping_method_id
    }

    /// A stock SKU of the sample catalogue (the `n`th), for placing orders.
    pub fn stock_sku(&self, n: usize) -> String {
        self.shop
            .products()
            .iter()
            .flat_map(|p| p.variants.iter())
            .filter(|v| v.stock_quantity.is_some())
            .nth(n)
            .expect("the sample catalogue has enough stock variants")
            .sku
            .clone()
    }

    /// A customer places an order now: `quantity` of `sku`, shipped with the method named like
    /// `method`, to a PostNord service point. Returns the order number.
    pub fn place_order(&self, sku: &str, quantity: i64, method: &str) -> i64 {
        let order = PlaceOrder {
            order_id: None,
            reuse_deleted_number: false,
            email: "karin.lind@example.se".into(),
            national_id_no: None,
            delivery: Address {
                first_name: Some("Karin".into()),
                last_name: Some("Lind".into()),
                address: Some("Kungsgatan 5".into()),
                postal_code: Some("411 19".into()),
                city: Some("Göteborg".into()),
                country_code: Some("SE".into()),
                mobile_phone_no: Some("+46709876543".into()),
                ..Address::default()
            },
            invoice: None,
            lines: vec![PlacedLine {
                sku: sku.into(),
                quantity,
                description: None,
                unit_price_minor: None,
                vat_rate: None,
            }],
            shipping_method_id: self.shipping_method(method),
            payment_method_id: 21,
            currency_code: None,
            lang_code: None,
            is_complete: true,
            charge_shipping: true,
            charge_payment_fee: false,
            pickup_point_agent: Some("612345".into()),
            comment: None,
            created_at: None,
            send_email: false,
        };
        i64::from(
            self.shop
                .place_order(order)
                .expect("the shop takes the order"),
        )
    }

    /// Customer e-mails the shop sent for one order.
    pub fn emails_for(&self, order_id: i64) -> usize {
        self.shop
            .customer_emails()
            .iter()
            .filter(|e| i64::from(e.order_id) == order_id)
            .count()
    }

    /// Violations of the OpenAPI files seen by either simulator.
    pub fn assert_conforms(&self) {
        for server in [&self.shop_server, &self.warehouse_server] {
            let violations = server.violations();
            assert!(
                violations.is_empty(),
                "every body must follow the OpenAPI files: {violations:#?}"
            );
        }
    }
}
