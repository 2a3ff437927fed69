//! What the crash tests share: both simulators served on loopback from the test process (so they
//! outlive every killed `brygga`), with a layer that counts calls in flight, logs every write and
//! holds each answer back a little; the `brygga` binary on one data folder with the secrets in
//! the environment; and the merchant's set-up through the command line.
//!
//! Each test binary uses a different part of this, so what one leaves unused is not dead code.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::{self, Next};
use axum::response::Response;
use brygga_sim::demo::{SAMPLE_SEED, start_ongoing};
use brygga_sim::fault::FaultSpec;
use brygga_sim::ongoing::{OngoingSim, StockAdjustment};
use brygga_sim::server::{Api, ServeConfig, SimServer, serve};
use brygga_sim::starweb::sample::SampleData;
use brygga_sim::starweb::{API_BASE_PATH, Address, PlaceOrder, StarwebConfig, StarwebSim};

/// One write (any call but a GET) that reached a simulator's handler.
#[derive(Debug, Clone)]
pub struct Write {
    pub method: Method,
    /// The path below the API base, e.g. `/orders/1042` or `/api/v1/orders/7/orderStatus`.
    pub path: String,
    /// The request body as JSON, or `Null` when it is empty or not JSON.
    pub body: serde_json::Value,
    /// The answer's status; `None` while the call is handled or when its client went away.
    pub status: Option<u16>,
}

/// API calls a simulator has received and not yet answered, and every write it has handled.
#[derive(Debug)]
pub struct Wire {
    in_flight: AtomicUsize,
    writes_in_flight: AtomicUsize,
    answer_delay: Duration,
    writes: Mutex<Vec<Write>>,
}

impl Wire {
    fn new(answer_delay: Duration) -> Wire {
        Wire {
            in_flight: AtomicUsize::new(0),
            writes_in_flight: AtomicUsize::new(0),
            answer_delay,
            writes: Mutex::new(Vec::new()),
        }
    }

    pub fn in_flight(&self) -> usize {
        self.in_flight.load(Ordering::SeqCst)
    }

    pub fn writes_in_flight(&self) -> usize {
        self.writes_in_flight.load(Ordering::SeqCst)
    }

    /// Every write so far, in the order the handler got them.
    pub fn writes(&self) -> Vec<Write> {
        self.writes.lock().expect("the write log").clone()
    }
}

/// Counts a call in flight until dropped (also when the server drops a call whose client died).
struct InFlight {
    wire: Arc<Wire>,
    write: bool,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.wire.in_flight.fetch_sub(1, Ordering::SeqCst);
        if self.write {
            self.wire.writes_in_flight.fetch_sub(1, Ordering::SeqCst);
        }
    }
}

/// Counts the call while it is handled, logs it if it is a write, and holds its answer back for
/// the wire's answer delay.
async fn watch(State(wire): State<Arc<Wire>>, request: Request, next: Next) -> Response {
    let write = request.method() != Method::GET;
    wire.in_flight.fetch_add(1, Ordering::SeqCst);
    if write {
        wire.writes_in_flight.fetch_add(1, Ordering::SeqCst);
    }
    let _in_flight = InFlight {
        wire: wire.clone(),
        write,
    };
    let (request, logged) = if write {
        let (parts, body) = request.into_parts();
        let bytes = to_bytes(body, 16 << 20).await.unwrap_or_default();
        let mut writes = wire.writes.lock().expect("the write log");
        writes.push(Write {
            method: parts.method.clone(),
            path: parts.uri.path().to_owned(),
            body: serde_json::from_slice(&bytes).unwrap_or(serde_json::Value::Null),
            status: None,
        });
        let at = writes.len() - 1;
        drop(writes);
        (Request::from_parts(parts, Body::from(bytes)), Some(at))
    } else {
        (request, None)
    };
    let response = next.run(request).await;
    if let Some(at) = logged {
        wire.writes.lock().expect("the write log")[at].status = Some(response.status().as_u16());
    }
    tokio::time::sleep(wire.answer_delay).await;
    response
}

fn watched(routes: Router, wire: &Arc<Wire>) -> Router {
    routes.layer(middleware::from_fn_with_state(wire.clone(), watch))
}

/// Both simulators on loopback, with their servers.
pub struct Simulators {
    pub shop: StarwebSim,
    pub shop_server: SimServer,
    pub shop_wire: Arc<Wire>,
    pub warehouse: OngoingSim,
    pub warehouse_server: SimServer,
    pub warehouse_wire: Arc<Wire>,
}

impl Simulators {
    /// The shop with `products` sample products and `old_orders` sample orders, the demo
    /// warehouse holding the shop's articles with plenty of stock. Every API call waits `latency`
    /// (a fault spec such as `latency=8ms`) before it is handled and `answer_delay` after.
    pub async fn start(
        products: usize,
        old_orders: usize,
        latency: &str,
        answer_delay: Duration,
    ) -> Simulators {
        let latency: FaultSpec = latency.parse().expect("a valid fault spec");
        // No requests-per-minute limit: these tests are about crashes, and restarts each
        // logging in and reading everything would otherwise spend minutes waiting out 429s.
        let shop = StarwebSim::new(StarwebConfig {
            requests_per_minute: 0,
            ..StarwebConfig::default()
        });
        SampleData::generate(SAMPLE_SEED, products, old_orders)
            .load_into(&shop)
            .expect("the sample data loads");
        let shop_wire = Arc::new(Wire::new(answer_delay));
        let shop_server = serve(ServeConfig {
            api: Api::Starweb,
            port: 0,
            base_path: API_BASE_PATH.to_owned(),
            api_routes: watched(shop.api_router(), &shop_wire),
            control_routes: shop.control_router(),
            faults: latency,
        })
        .await
        .expect("the shop simulator starts on loopback");

        // The demo warehouse holds the shop's articles with stock; it is served again here with
        // the answer delay of these tests.
        let (warehouse, demo_server) = start_ongoing(0, products, FaultSpec::none())
            .await
            .expect("the demo warehouse starts");
        demo_server.shutdown().await.expect("the demo server stops");
        let warehouse_wire = Arc::new(Wire::new(answer_delay));
        let warehouse_server = serve(ServeConfig {
            api: Api::Ongoing,
            port: 0,
            base_path: format!("/{}", warehouse.config().warehouse),
            api_routes: watched(warehouse.api_router(), &warehouse_wire),
            control_routes: warehouse.control_router(),
            faults: latency,
        })
        .await
        .expect("the warehouse simulator starts on loopback");

        let sims = Simulators {
            shop,
            shop_server,
            shop_wire,
            warehouse,
            warehouse_server,
            warehouse_wire,
        };
        // Plenty on the shelf, so the 3PL can always pick what customers order.
        for sku in sims.orderable_skus() {
            sims.warehouse
                .adjust_stock(&StockAdjustment {
                    article_number: sku,
                    set_to: Some(10_000.0),
                    ..StockAdjustment::default()
                })
                .expect("the warehouse has the shop's articles");
        }
        sims
    }

    /// Sets the latency fault of both simulators (e.g. `latency=30ms`).
    pub fn set_latency(&self, latency: &str) {
        let spec: FaultSpec = latency.parse().expect("a valid fault spec");
        self.shop_server.faults().set(spec);
        self.warehouse_server.faults().set(spec);
    }

    /// SKUs a customer can order that the warehouse stocks.
    pub fn orderable_skus(&self) -> Vec<String> {
        let skus: Vec<String> = self
            .shop
            .products()
            .iter()
            .filter(|p| p.visible)
            .flat_map(|p| p.variants.iter())
            .filter(|v| v.is_active && v.stock_quantity.is_some())
            .map(|v| v.sku.clone())
            .filter(|sku| self.warehouse.article(sku).is_some())
            .collect();
        assert!(
            skus.len() >= 5,
            "the sample catalogue has stock articles: {skus:?}"
        );
        skus
    }

    pub fn shipping_method(&self, part: &str) -> u32 {
        self.shop
            .shipping_methods()
            .into_iter()
            .find(|m| m.active && m.name.contains(part))
            .unwrap_or_else(|| panic!("the demo shop has a shipping method named like {part:?}"))
            .shipping_method_id
    }
}

/// A customer's checkout: one of `sku`, delivered with `method`.
pub fn checkout(n: usize, sku: &str, method: u32) -> PlaceOrder {
    let plain = PlaceOrder::checkout(sku, 1, method);
    PlaceOrder {
        email: format!("kund{n}@example.se"),
        delivery: Address {
            last_name: Some(format!("Lind {n}")),
            ..plain.delivery.clone()
        },
        pickup_point_agent: Some("612345".into()),
        send_email: true,
        ..plain
    }
}

/// The outbox counts `brygga status --json` shows.
#[derive(Debug, Clone, Copy)]
pub struct OutboxCounts {
    pub pending: u64,
    pub running: u64,
    pub dead: u64,
}

/// The `brygga` binary on one data folder, with the secrets in the environment.
pub struct Brygga {
    pub data_dir: PathBuf,
    password: String,
    client_secret: String,
}

impl Brygga {
    pub fn new(data_dir: &Path, sims: &Simulators) -> Brygga {
        Brygga {
            data_dir: data_dir.to_owned(),
            password: sims.warehouse.config().password,
            client_secret: sims.shop.config().client_secret.clone(),
        }
    }

    /// The merchant's set-up, all through the command line: both connections, the suggested
    /// status and transport mappings, the first sync (the dry run that records the baseline) and
    /// the second (which sends the articles). The shop's orders so far predate the first sync
    /// and are never sent.
    pub fn set_up(&self, sims: &Simulators) {
        let w = sims.warehouse.config();
        self.ok(&[
            "connect",
            "ongoing",
            "--url",
            &sims.warehouse_server.api_url(),
            "--user",
            &w.user,
            "--goods-owner-id",
            &w.goods_owner_id.to_string(),
        ]);
        self.ok(&[
            "connect",
            "starweb",
            "--url",
            &sims.shop_server.api_url(),
            "--client-id",
            &sims.shop.config().client_id,
        ]);
        self.ok(&["map", "status", "--suggest"]);
        self.ok(&["map", "transport", "--suggest"]);
        let first = self.json(&["sync", "all", "--json"]);
        assert_eq!(
            first["firstSync"], true,
            "the first sync is the dry run that records the baseline: {first}"
        );
        // This one may exit 1: the demo warehouse also stocks inactive variants, which the
        // article flow reports as orphaned. Nothing it sends may fail.
        let second = self.sync_json();
        assert_eq!(
            second["firstSync"], false,
            "the second sync applies: {second}"
        );
        assert_eq!(
            second["drained"]["dead"], 0,
            "every article is accepted: {second}"
        );
        assert_eq!(
            sims.warehouse.order_count(),
            0,
            "the old sample orders predate the first sync and are never sent"
        );
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_brygga"));
        command
            .args(args)
            .arg("--data-dir")
            .arg(&self.data_dir)
            .env_remove("BRYGGA_DATA_DIR")
            .env("BRYGGA_SECRETS", "environment")
            .env("BRYGGA_ONGOING_PASSWORD", &self.password)
            .env("BRYGGA_STARWEB_CLIENT_SECRET", &self.client_secret);
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args)
            .stdin(Stdio::null())
            .output()
            .expect("the brygga binary runs")
    }

    /// Runs a command that must succeed.
    pub fn ok(&self, args: &[&str]) -> Output {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "`brygga {}` failed ({}):\n{}\n{}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(args);
        serde_json::from_slice(&out.stdout).unwrap_or_else(|err| {
            panic!(
                "`brygga {}` prints JSON: {err}\n{}",
                args.join(" "),
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    /// `sync all --json`, which exits 1 when a flow has findings (not a failure here).
    pub fn sync_json(&self) -> serde_json::Value {
        let out = self.run(&["sync", "all", "--json"]);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "`brygga sync all` ran ({}):\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|err| {
            panic!(
                "`brygga sync all --json` prints JSON: {err}\n{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        })
    }

    pub fn outbox(&self) -> OutboxCounts {
        let status = self.json(&["status", "--json"]);
        let count = |name: &str| {
            status["outbox"][name]
                .as_u64()
                .unwrap_or_else(|| panic!("status --json has outbox.{name}: {status}"))
        };
        OutboxCounts {
            pending: count("pending"),
            running: count("running"),
            dead: count("dead"),
        }
    }

    /// The database file in the data folder; open it only while no `brygga` runs.
    pub fn database_file(&self) -> PathBuf {
        self.data_dir.join(brygga_store::DATABASE_FILE_NAME)
    }
}
