//! The sync engine as the application runs it: built from the saved connections and their secrets,
//! and the connection test the merchant runs before anything else.
//!
//! The engine never reads settings of its own for where the systems are or who to log in as; this
//! module hands it ready clients, so a secret goes from the keychain straight into a client and is
//! never stored or shown anywhere else.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use brygga_core::Sensitive;
use brygga_core::clock::SystemClock;
use brygga_core::schedule::{Flow, next_runs};
use brygga_ongoing::{OngoingClient, OngoingConfig};
use brygga_starweb::{StarwebClient, StarwebConfig};
use brygga_sync::{Engine, Remotes, SyncSettings};
use chrono::{DateTime, TimeZone, Utc};
use serde::Serialize;

use crate::connections::{self, OngoingConnection, StarwebConnection};
use crate::{App, ErrorCode, IpcError};

/// How to reach Ongoing with `connection` and its password.
pub(crate) fn ongoing_config(
    connection: OngoingConnection,
    password: Sensitive<String>,
    timeout: Duration,
) -> Result<OngoingConfig, IpcError> {
    let goods_owner_id = i32::try_from(connection.goods_owner_id).map_err(|_| {
        IpcError::new(
            ErrorCode::Validation,
            format!(
                "the goods owner id {} is too large",
                connection.goods_owner_id
            ),
        )
    })?;
    Ok(OngoingConfig {
        api_url: connection.api_url,
        user: connection.user,
        password,
        goods_owner_id,
        timeout,
    })
}

/// How to reach Starweb with `connection` and its client secret.
pub(crate) fn starweb_config(
    connection: StarwebConnection,
    client_secret: Sensitive<String>,
    timeout: Duration,
) -> StarwebConfig {
    StarwebConfig {
        api_url: connection.api_url,
        client_id: connection.client_id,
        client_secret,
        timeout,
    }
}

/// The clients of both saved connections.
pub fn remotes(app: &App) -> Result<Remotes, IpcError> {
    let (ongoing, password) = connections::load::<OngoingConnection>(app)?;
    let (starweb, secret) = connections::load::<StarwebConnection>(app)?;
    let warehouse = OngoingClient::new(ongoing_config(
        ongoing,
        password,
        brygga_ongoing::DEFAULT_TIMEOUT,
    )?)
    .map_err(|err| IpcError::new(ErrorCode::Validation, err.to_string()))?;
    let shop = StarwebClient::new(starweb_config(
        starweb,
        secret,
        brygga_starweb::DEFAULT_TIMEOUT,
    ))
    .map_err(|err| IpcError::new(ErrorCode::Validation, err.to_string()))?;
    Ok(Remotes { shop, warehouse })
}

/// The engine for the saved connections, on the system clock, sharing the shop's catalogue as
/// read with every other engine of the same shop.
pub fn engine(app: &App) -> Result<Engine, IpcError> {
    let remotes = remotes(app)?;
    let catalogue = app.catalogue_cache(remotes.shop.root().as_str());
    Ok(Engine::new(app.shared_store()?, remotes, Arc::new(SystemClock)).with_catalogue(catalogue))
}

/// How each system answered the connection test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionTest {
    pub warehouse: Result<String, String>,
    pub shop: Result<String, String>,
}

impl ConnectionTest {
    pub fn all_ok(&self) -> bool {
        self.warehouse.is_ok() && self.shop.is_ok()
    }
}

/// Logs in to both systems with the saved connections, the same checks the connection screen
/// runs: the warehouse must know the goods owner, the shop must hand out a token and name itself.
/// Each answer is kept in words, so one failing side does not hide the other.
pub async fn test_connections(app: &App) -> Result<ConnectionTest, IpcError> {
    let remotes = remotes(app)?;
    let in_words = |check: crate::setup::ConnectionCheck| {
        if check.verdict == crate::setup::ConnectionVerdict::Ok {
            Ok(check.message)
        } else {
            Err(check.message)
        }
    };
    Ok(ConnectionTest {
        warehouse: in_words(crate::setup::check_ongoing(&remotes.warehouse).await),
        shop: in_words(crate::setup::check_starweb(&remotes.shop).await),
    })
}

/// One flow's last run and next run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FlowStatus {
    pub flow: Flow,
    pub last_run: Option<brygga_store::SyncRun>,
    pub next_run: Option<DateTime<Utc>>,
}

/// The whole installation's sync state, for `brygga status` and the dashboard.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub flows: Vec<FlowStatus>,
    pub orders: brygga_store::OrderLinkCounts,
    pub articles: brygga_store::ArticleCounts,
    pub outbox: brygga_store::OutboxCounts,
    pub baseline: Option<DateTime<Utc>>,
}

/// Reads the sync state from the store; needs no connection.
pub fn status(app: &App) -> Result<SyncStatus, IpcError> {
    let store = app.store()?;
    let settings = SyncSettings::load(store)?;
    let now = Utc::now();
    let mut last_runs = BTreeMap::new();
    let mut flows = Vec::new();
    for flow in Flow::ALL {
        let last = store.sync_runs().latest_real(flow.as_str())?;
        if let Some(at) = last
            .as_ref()
            .and_then(|run| Utc.timestamp_millis_opt(run.started_at_ms).single())
        {
            last_runs.insert(flow, at);
        }
        flows.push(FlowStatus {
            flow,
            last_run: last,
            next_run: None,
        });
    }
    for (flow, at) in next_runs(&settings.schedules, &last_runs, now) {
        if let Some(status) = flows.iter_mut().find(|s| s.flow == flow) {
            status.next_run = Some(at);
        }
    }
    Ok(SyncStatus {
        flows,
        orders: store.order_links().counts()?,
        articles: store.articles().counts()?,
        outbox: store.outbox().counts()?,
        baseline: settings.baseline,
    })
}

/// Something the merchant has to look at, with the reason in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub subject: String,
    pub code: String,
    pub message: String,
}

/// Everything needing the merchant: held orders, articles that cannot be sent or are orphaned,
/// calls that gave up, and flows whose last run failed.
pub fn problems(app: &App) -> Result<Vec<Problem>, IpcError> {
    let store = app.store()?;
    let mut found = Vec::new();
    let text = |value: &serde_json::Value, key: &str| {
        value
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    for link in store.order_links().list_held()? {
        let hold = link.hold.unwrap_or_default();
        found.push(Problem {
            subject: format!("order:{}", link.shop_order_id),
            code: text(&hold, "code"),
            message: text(&hold, "message"),
        });
    }
    for article in store.articles().list()? {
        let problems = article.problems.as_array().cloned().unwrap_or_default();
        if !problems.is_empty() {
            found.push(Problem {
                subject: format!("article:{}", article.sku),
                code: "article.invalid".to_owned(),
                message: serde_json::to_string(&problems).unwrap_or_default(),
            });
        }
        if article.orphaned {
            found.push(Problem {
                subject: format!("article:{}", article.sku),
                code: "article.orphaned".to_owned(),
                message: "in the warehouse, but no active product in the shop has this SKU"
                    .to_owned(),
            });
        }
    }
    for row in store
        .outbox()
        .list(Some(brygga_store::OutboxStatus::Dead), 500)?
    {
        found.push(Problem {
            subject: format!("outbox:{} {} {}", row.id, row.kind, row.idempotency_key),
            code: row.last_error_code.unwrap_or_default(),
            message: row.last_error.unwrap_or_default(),
        });
    }
    let raised: Option<brygga_sync::flows::stock::RaisedOutside> = store
        .settings()
        .get(brygga_sync::flows::stock::RAISED_OUTSIDE)?;
    for write in raised.map(|r| r.writes).unwrap_or_default() {
        found.push(Problem {
            subject: format!("stock:{}", write.sku),
            code: "stock.raisedOutside".to_owned(),
            message: write.message(),
        });
    }
    for flow in Flow::ALL {
        if let Some(run) = store.sync_runs().latest_real(flow.as_str())?
            && run.outcome == Some(brygga_store::SyncOutcome::Failed)
        {
            found.push(Problem {
                subject: format!("flow:{}", flow.as_str()),
                code: "flow.failed".to_owned(),
                message: run.error.unwrap_or_default(),
            });
        }
    }
    Ok(found)
}

/// Drains the outbox now, so a command's answer says what the other side did with its change.
pub(crate) async fn drain_now(engine: &Engine) -> Result<(), IpcError> {
    let stop = brygga_sync::Stop::default();
    engine
        .drain(stop.flag())
        .await
        .map_err(crate::products::sync_error)?;
    Ok(())
}

/// Holds the data folder's engine lock: one engine per database, so two processes never drain
/// the same outbox (each would take the other's running calls for crashed ones).
#[derive(Debug)]
pub struct EngineLock {
    _file: std::fs::File,
}

impl EngineLock {
    /// Takes the lock, or says which other Brygga holds it.
    pub fn acquire(app: &App) -> Result<EngineLock, IpcError> {
        let path = app.paths().data_dir().join("engine.lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|err| {
                IpcError::new(
                    ErrorCode::DataDirUnreadable,
                    format!("cannot open {}: {err}", path.display()),
                )
            })?;
        match file.try_lock() {
            Ok(()) => Ok(EngineLock { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => Err(IpcError::new(
                ErrorCode::DatabaseLocked,
                "another Brygga is already syncing this data folder (the app or `brygga run`); \
                 stop it first",
            )),
            Err(std::fs::TryLockError::Error(err)) => Err(IpcError::new(
                ErrorCode::DataDirUnreadable,
                format!("cannot lock {}: {err}", path.display()),
            )),
        }
    }
}

/// Puts calls that gave up back in the queue with fresh attempts: the ones named, or every dead
/// one. Returns how many were queued again; the next sync or scheduled pass sends them.
pub fn retry(app: &App, ids: &[i64]) -> Result<usize, IpcError> {
    let store = app.store()?;
    let now_ms = Utc::now().timestamp_millis();
    let ids: Vec<i64> = if ids.is_empty() {
        store
            .outbox()
            .list(Some(brygga_store::OutboxStatus::Dead), 100_000)?
            .into_iter()
            .map(|row| row.id)
            .collect()
    } else {
        ids.to_vec()
    };
    for id in &ids {
        store.outbox().retry_dead(*id, now_ms).map_err(|err| {
            IpcError::new(
                ErrorCode::Validation,
                format!("call {id} cannot be retried (it must exist and have given up): {err}"),
            )
        })?;
    }
    Ok(ids.len())
}
