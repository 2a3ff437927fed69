//! One merchant's world: a simulated shop with sample products, an empty simulated warehouse, a
//! database file in a temporary folder, and the engine between them.

use std::collections::BTreeMap;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use brygga_core::Sensitive;
use brygga_core::clock::Clock;
use brygga_core::order::WarehouseOrder;
use brygga_core::plan::orders::OrderRules;
use brygga_core::retry::RetryPolicy;
use brygga_core::schedule::Flow;
use brygga_ongoing::{OngoingClient, OngoingConfig};
use brygga_sim::demo::SAMPLE_SEED;
use brygga_sim::fault::FaultSpec;
use brygga_sim::ongoing::{self, ArticleSnapshot, OngoingSim, OrderSnapshot};
use brygga_sim::server::{Api, ServeConfig, SimServer, serve};
use brygga_sim::starweb::sample::SampleData;
use brygga_sim::starweb::{
    API_BASE_PATH, CustomerEmail, PlaceOrder, PlacedLine, ShopOrder, StarwebConfig, StarwebSim,
};
use brygga_starweb::{StarwebClient, StarwebConfig as ShopConfig};
use brygga_store::{
    ArticleRecord, Cursor, Event, OrderLink, OutboxRow, OutboxStatus, StockLevel, Store,
};
use brygga_sync::settings::{ORDER_RULES, STATUS_MAPPING, TRANSPORT_MAPPING};
use brygga_sync::{DrainReport, Engine, FlowReport, Remotes, SyncError};
use chrono::{DateTime, TimeDelta, Utc};
use tempfile::TempDir;

/// The engine's clock: the system clock plus an offset the test moves on, together with both
/// simulators' clocks, so a retry wait of a minute passes at once and all three agree on the time.
#[derive(Debug, Default)]
pub struct WorldClock {
    offset: Mutex<TimeDelta>,
}

impl Clock for WorldClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + *self.offset.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The shop, the warehouse and the engine of one test.
pub struct World {
    pub shop: StarwebSim,
    pub shop_server: SimServer,
    pub warehouse: OngoingSim,
    pub warehouse_server: SimServer,
    pub engine: Engine,
    pub store: Arc<Store>,
    /// The engine's clock; move it with [`World::advance`], which moves the simulators' too.
    pub clock: Arc<WorldClock>,
    /// Clients of their own for the test to look at both systems through their APIs (the
    /// warehouse's consignee, for example, is only in the API's order model).
    pub remotes: Remotes,
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
        let clock = Arc::new(WorldClock::default());
        let engine =
            Engine::new(store.clone(), remotes.clone(), clock.clone()).with_retry(RetryPolicy {
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
            clock,
            remotes,
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

    /// One cycle of `flow` that may fail (a read answered with an error ends the cycle).
    pub async fn try_run(&self, flow: Flow) -> Result<FlowReport, SyncError> {
        self.engine.run_flow(flow, false).await
    }

    /// A dry run of `flow`: planned, shown, nothing written.
    pub async fn dry_run(&self, flow: Flow) -> FlowReport {
        self.engine
            .run_flow(flow, true)
            .await
            .unwrap_or_else(|err| panic!("the {flow:?} dry run runs: {err}"))
    }

    /// The world's present, as the engine sees it.
    pub fn engine_now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Moves the time of the whole world on: the engine's clock and both simulators'.
    pub fn advance(&self, by: TimeDelta) {
        *self
            .clock
            .offset
            .lock()
            .unwrap_or_else(PoisonError::into_inner) += by;
        self.shop.advance_clock(by);
        self.warehouse.advance_clock(by);
    }

    /// Drains the outbox until nothing is due, waiting out the short retry delays for real and
    /// fast-forwarding the world's time through the long ones (a `429` waits a second or more).
    pub async fn drain(&self) -> DrainReport {
        let stop = AtomicBool::new(false);
        let mut total = DrainReport::default();
        loop {
            let report = self.engine.drain(&stop).await.expect("the drain runs");
            total.done += report.done;
            total.retrying += report.retrying;
            total.dead += report.dead;
            total.failures.extend(report.failures);
            let counts = self.store.outbox().counts().expect("outbox counts");
            if counts.pending == 0 && counts.running == 0 {
                return total;
            }
            let next = self.store.outbox().next_run_at_ms().expect("next due row");
            let wait = next.map_or(0, |at| at - self.clock.now().timestamp_millis());
            if wait > 20 {
                self.advance(TimeDelta::milliseconds(wait));
            } else {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
    }

    /// A cycle of `flow` followed by a full drain.
    pub async fn sync(&self, flow: Flow) -> (FlowReport, DrainReport) {
        let report = self.run(flow).await;
        let drained = self.drain().await;
        (report, drained)
    }

    /// The 3PL counts `on_hand` of `sku` in the warehouse.
    pub fn count_stock(&self, sku: &str, on_hand: f64) {
        self.warehouse
            .adjust_stock(&ongoing::StockAdjustment {
                article_number: sku.to_owned(),
                set_to: Some(on_hand),
                ..ongoing::StockAdjustment::default()
            })
            .unwrap_or_else(|err| panic!("the warehouse counts {sku}: {err:?}"));
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
        self.place(self.checkout(sku, quantity, method))
    }

    /// Places `order` in the shop; returns the order number.
    pub fn place(&self, order: PlaceOrder) -> i64 {
        i64::from(
            self.shop
                .place_order(order)
                .expect("the shop takes the order"),
        )
    }

    /// Karin Lind's checkout of `quantity` of `sku` with the method named like `method`, to be
    /// changed by the test before [`World::place`].
    pub fn checkout(&self, sku: &str, quantity: i64, method: &str) -> PlaceOrder {
        PlaceOrder {
            pickup_point_agent: Some("612345".into()),
            ..PlaceOrder::checkout(sku, quantity, self.shipping_method(method))
        }
    }

    /// The line of a checkout or an order change: `quantity` of `sku` at the catalogue price.
    pub fn line(sku: &str, quantity: i64) -> PlacedLine {
        PlacedLine {
            sku: sku.into(),
            quantity,
            description: None,
            unit_price_minor: None,
            vat_rate: None,
        }
    }

    /// The warehouse's order with this shop order number, as its API shows it (with the
    /// consignee, which the simulator's snapshot leaves out).
    pub async fn warehouse_order(&self, order_id: i64) -> Option<WarehouseOrder> {
        let snapshot = self.warehouse.order_by_number(&order_id.to_string())?;
        let order = self
            .remotes
            .warehouse
            .order(snapshot.order_id)
            .await
            .expect("the warehouse shows its order");
        Some(brygga_ongoing::map::warehouse_order(&order))
    }

    /// The merchant's order rules: orders from `start` on, in these currencies (empty: any).
    pub fn set_order_rules(&self, start: DateTime<Utc>, currencies: &[&str]) {
        self.store
            .settings()
            .set(
                ORDER_RULES,
                &OrderRules {
                    start,
                    currencies: currencies.iter().map(|c| (*c).to_owned()).collect(),
                },
                0,
            )
            .expect("the order rules are stored");
    }

    /// The hold code of a shop order, if Brygga holds it.
    pub fn hold_code(&self, order_id: i64) -> Option<String> {
        let link = self
            .store
            .order_links()
            .get(order_id)
            .expect("the order links read")?;
        link.hold?
            .get("code")
            .and_then(|c| c.as_str())
            .map(str::to_owned)
    }

    /// Puts every dead outbox row back in the queue, as the merchant's retry button in the sync
    /// log does. Returns how many there were.
    pub fn retry_dead(&self) -> usize {
        let outbox = self.store.outbox();
        let dead = outbox
            .list(Some(OutboxStatus::Dead), 100_000)
            .expect("the outbox lists");
        let now_ms = self.clock.now().timestamp_millis();
        for row in &dead {
            outbox
                .retry_dead(row.id, now_ms)
                .expect("a dead row can be queued again");
        }
        dead.len()
    }

    /// Everything either system or the store holds that a sync could change, to compare before
    /// and after something that must change nothing.
    pub fn state(&self) -> WorldState {
        let shop_orders = self.shop.orders();
        let warehouse_orders = shop_orders
            .iter()
            .filter_map(|o| self.warehouse.order_by_number(&o.order_id.to_string()))
            .collect();
        let articles = self
            .shop
            .products()
            .iter()
            .flat_map(|p| p.variants.iter())
            .filter_map(|v| self.warehouse.article(&v.sku))
            .collect();
        let store = &self.store;
        WorldState {
            warehouse_article_count: self.warehouse.article_count(),
            warehouse_order_count: self.warehouse.order_count(),
            warehouse_articles: articles,
            warehouse_orders,
            shop_orders,
            shop_stock: self.shop.stock_levels(),
            shop_emails: self.shop.customer_emails(),
            outbox: store
                .outbox()
                .list(None, 100_000)
                .expect("the outbox lists"),
            cursors: store.cursors().list().expect("the cursors list"),
            order_links: store.order_links().list().expect("the order links list"),
            articles: store.articles().list().expect("the articles list"),
            stock_levels: store.stock_levels().all().expect("the stock levels list"),
            events: store.events().recent(100_000).expect("the events list"),
            settings: store
                .settings()
                .keys()
                .expect("the settings list")
                .into_iter()
                .map(|key| {
                    let value = store
                        .settings()
                        .get::<serde_json::Value>(&key)
                        .expect("a setting reads");
                    (key, value)
                })
                .collect(),
        }
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

/// A picture of both systems and the store; see [`World::state`].
#[derive(Debug, Clone, PartialEq)]
pub struct WorldState {
    pub warehouse_article_count: usize,
    pub warehouse_order_count: usize,
    pub warehouse_articles: Vec<ArticleSnapshot>,
    pub warehouse_orders: Vec<OrderSnapshot>,
    pub shop_orders: Vec<ShopOrder>,
    pub shop_stock: BTreeMap<String, i64>,
    pub shop_emails: Vec<CustomerEmail>,
    pub outbox: Vec<OutboxRow>,
    pub cursors: Vec<Cursor>,
    pub order_links: Vec<OrderLink>,
    pub articles: Vec<ArticleRecord>,
    pub stock_levels: BTreeMap<String, StockLevel>,
    pub events: Vec<Event>,
    pub settings: BTreeMap<String, Option<serde_json::Value>>,
}
