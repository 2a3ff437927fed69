//! Demo mode's two systems: both simulators on loopback with sample data, connected and mapped,
//! and the people around them (a customer who orders now and then, a 3PL that moves each order on
//! one step at a time), so the app and `brygga demo` show the whole product without any account.
//!
//! Demo mode keeps its connections' secrets in memory only, in a data folder of its own, and
//! starts afresh each time: the simulators are new, so what the last demo learnt is forgotten.

use brygga_core::Sensitive;
use brygga_core::release::{ReleaseMode, ReleaseSettings};
use brygga_sim::demo::{SAMPLE_SEED, start_ongoing, start_starweb};
use brygga_sim::fault::FaultSpec;
use brygga_sim::ongoing::{OngoingSim, Picking, Shipping};
use brygga_sim::server::SimServer;
use brygga_sim::starweb::StarwebSim;
use brygga_sim::starweb::sample::{SampleData, SampleOrder};
use brygga_sync::setup::Suggestion;

use crate::connections::{self, OngoingConnection, StarwebConnection};
use crate::{App, ErrorCode, IpcError, mapping};

/// Old orders the sample shop starts with; all predate the first sync, so Brygga never touches them.
pub const OLD_ORDERS: usize = 30;

/// The running simulators and the sample customers still to come.
pub struct DemoSystems {
    pub shop: StarwebSim,
    pub shop_server: SimServer,
    pub warehouse: OngoingSim,
    pub warehouse_server: SimServer,
    pub mapping: Suggestion,
    customers: Vec<SampleOrder>,
    next_customer: usize,
}

impl std::fmt::Debug for DemoSystems {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DemoSystems")
            .field("shop", &self.shop_server.api_url())
            .field("warehouse", &self.warehouse_server.api_url())
            .finish_non_exhaustive()
    }
}

fn demo_error(what: &str, err: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorCode::Unknown, format!("{what}: {err}"))
}

impl DemoSystems {
    /// Starts both simulators with `products` sample products, saves the connections to them,
    /// applies the mapping suggested from their lists, saves release settings in `release` mode if
    /// given (else orders wait for the merchant's "release now") and records the first-sync
    /// baseline.
    pub async fn start(
        app: &App,
        products: usize,
        release: Option<ReleaseMode>,
    ) -> Result<DemoSystems, IpcError> {
        app.store()?.forget_sync_state()?;
        let (warehouse, warehouse_server) = start_ongoing(0, products, FaultSpec::none())
            .await
            .map_err(|e| demo_error("the warehouse simulator did not start", e))?;
        let (shop, shop_server) = start_starweb(0, products, OLD_ORDERS, FaultSpec::none())
            .await
            .map_err(|e| demo_error("the shop simulator did not start", e))?;
        let now_ms = chrono::Utc::now().timestamp_millis();
        let w = warehouse.config();
        connections::save(
            app,
            &OngoingConnection {
                api_url: warehouse_server.api_url(),
                user: w.user.clone(),
                goods_owner_id: u32::try_from(w.goods_owner_id).unwrap_or_default(),
            },
            &Sensitive::new(w.password.clone()),
            now_ms,
        )?;
        connections::save(
            app,
            &StarwebConnection {
                api_url: shop_server.api_url(),
                client_id: shop.config().client_id.clone(),
            },
            &Sensitive::new(shop.config().client_secret.clone()),
            now_ms,
        )?;
        let engine = crate::sync::engine(app)?;
        let suggestion = engine
            .suggest_mappings()
            .await
            .map_err(|e| demo_error("the simulators' lists could not be read", e))?;
        mapping::set(app, &suggestion.statuses)?;
        mapping::set(app, &suggestion.transport)?;
        if let Some(mode) = release {
            mapping::set(
                app,
                &ReleaseSettings {
                    mode,
                    ..ReleaseSettings::default()
                },
            )?;
        }
        engine.activate()?;
        Ok(DemoSystems {
            shop,
            shop_server,
            warehouse,
            warehouse_server,
            mapping: suggestion,
            customers: SampleData::generate(SAMPLE_SEED, products, OLD_ORDERS + 1000).orders,
            next_customer: OLD_ORDERS,
        })
    }

    /// The next sample customer places an order; says what happened.
    pub fn place_next_order(&mut self) -> String {
        let Some(sample) = self.customers.get(self.next_customer) else {
            return "shop: no more sample customers".to_owned();
        };
        self.next_customer += 1;
        match self.shop.place_order(sample.checkout.clone()) {
            Ok(id) => format!("shop: order {id} placed"),
            Err(err) => format!("shop: an order could not be placed: {err}"),
        }
    }

    /// The 3PL moves each of these warehouse orders one step once Brygga has released it (picked,
    /// then shipped); says what happened to each. Releasing is Brygga's part: a batch, "release on
    /// arrival", or the merchant's "release now".
    pub fn play_the_warehouse(&self, warehouse_order_ids: &[i64]) -> Vec<String> {
        let mut happened = Vec::new();
        for id in warehouse_order_ids {
            let Some(order) = i32::try_from(*id)
                .ok()
                .and_then(|id| self.warehouse.order(id))
            else {
                continue;
            };
            let step = match order.status_number {
                ..300 => continue,
                300..400 => self
                    .warehouse
                    .pick_order(order.order_id, &Picking::default())
                    .map(|_| "picked"),
                400..450 => self
                    .warehouse
                    .ship_order(order.order_id, &Shipping::default())
                    .map(|_| "shipped"),
                _ => continue,
            };
            happened.push(match step {
                Ok(what) => format!("warehouse: order {} {what}", order.order_number),
                Err(err) => format!("warehouse: order {} stays: {err}", order.order_number),
            });
        }
        happened
    }
}

/// Demo mode running by itself, as the desktop app shows it: the simulators and the runner driving
/// a loop that plays the customer and the 3PL and runs the engine every few seconds. Dropping it
/// stops the loop after the call in flight.
#[derive(Debug)]
pub struct LiveDemo {
    _runner: crate::runner::DemoHandle,
}

/// Starts the simulators, connects to them and keeps everything moving on the current tokio
/// runtime through the app's runner, which holds the engine lock so no other Brygga drains the
/// same outbox, and takes the merchant's "run now" between demo rounds.
pub async fn start_live(app: &App, every: std::time::Duration) -> Result<LiveDemo, IpcError> {
    // The lock first: a second Brygga on the same data folder must not reset its sync state.
    drop(crate::sync::EngineLock::acquire(app)?);
    let systems = DemoSystems::start(app, 40, None).await?;
    Ok(LiveDemo {
        _runner: crate::runner::start_demo(app, systems, every)?,
    })
}
