//! The dashboard ("Översikt"): both connections' health, each flow's next run and last outcome,
//! the counts, and what needs attention. Reads only the store, so it is cheap to poll; the live
//! connection check is a command of its own ([`check_connections`]) the UI calls less often.
//!
//! Health from the runs: a cycle reads both systems, so a run that succeeded means both answered
//! then; a failed run names the side whose read failed (the engine's `SyncError` says "reading the
//! shop failed" or "reading the warehouse failed"). The newest of these per system decides.

use std::collections::BTreeMap;

use brygga_core::schedule::Flow;
use brygga_store::{Store, SyncOutcome, SyncRun};
use brygga_sync::SyncSettings;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::attention::{self, AttentionItem};
use super::view::{FlowName, SyncRunView, iso};
use crate::connections::{Connection, OngoingConnection, StarwebConnection};
use crate::{App, IpcError};

/// `dashboard` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DashboardRequest {}

/// One of the two systems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SystemName {
    Shop,
    Warehouse,
}

/// How a system answered lately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum HealthState {
    /// The latest run that reached it worked.
    Ok,
    /// The latest run that read it failed there.
    Failing,
    /// No run has reached it yet.
    Unknown,
    /// No connection is saved for it.
    NotConfigured,
}

/// One system's health from the latest runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConnectionHealth {
    pub system: SystemName,
    pub state: HealthState,
    /// When the run that decided it started.
    pub since: Option<String>,
    /// The failure in the engine's words, when failing.
    pub message: Option<String>,
}

/// One flow's schedule and last outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FlowOverview {
    pub flow: FlowName,
    /// Whether the flow has a schedule; without one it runs only by hand.
    pub scheduled: bool,
    /// When it runs next; `null` without a schedule.
    pub next_run: Option<String>,
    /// The latest real (not dry) run.
    pub last_run: Option<SyncRunView>,
}

/// The numbers on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DashboardCounts {
    pub orders: u32,
    pub orders_sent: u32,
    pub orders_held: u32,
    pub orders_cancelled: u32,
    pub articles: u32,
    pub articles_sent: u32,
    pub articles_with_problems: u32,
    pub articles_orphaned: u32,
    pub calls_waiting: u32,
    pub calls_running: u32,
    pub calls_dead: u32,
}

/// Everything the dashboard shows besides the app information.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Dashboard {
    /// Whether Brygga is live (the first-sync baseline is set).
    pub live: bool,
    /// When it went live.
    pub baseline: Option<String>,
    /// Whether the background runner runs.
    pub runner_active: bool,
    /// Shop first, then warehouse.
    pub connections: Vec<ConnectionHealth>,
    pub flows: Vec<FlowOverview>,
    pub counts: DashboardCounts,
    /// Most urgent kind first.
    pub attention: Vec<AttentionItem>,
}

fn count(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn configured<C: Connection>(store: &Store) -> Result<bool, IpcError> {
    Ok(store
        .settings()
        .get::<serde_json::Value>(C::SETTING)?
        .is_some())
}

/// Which system a failed run's error names.
fn failed_side(run: &SyncRun) -> Option<SystemName> {
    let error = run.error.as_deref()?;
    if error.starts_with("reading the shop failed") {
        Some(SystemName::Shop)
    } else if error.starts_with("reading the warehouse failed") {
        Some(SystemName::Warehouse)
    } else {
        None
    }
}

fn health(system: SystemName, is_configured: bool, latest: &[SyncRun]) -> ConnectionHealth {
    if !is_configured {
        return ConnectionHealth {
            system,
            state: HealthState::NotConfigured,
            since: None,
            message: None,
        };
    }
    let deciding = latest
        .iter()
        .filter(|run| match run.outcome {
            Some(SyncOutcome::Succeeded) => true,
            Some(SyncOutcome::Failed) => failed_side(run) == Some(system),
            _ => false,
        })
        .max_by_key(|run| (run.started_at_ms, run.id));
    match deciding {
        None => ConnectionHealth {
            system,
            state: HealthState::Unknown,
            since: None,
            message: None,
        },
        Some(run) => {
            let failing = run.outcome == Some(SyncOutcome::Failed);
            ConnectionHealth {
                system,
                state: if failing {
                    HealthState::Failing
                } else {
                    HealthState::Ok
                },
                since: Some(iso(run.started_at_ms)),
                message: if failing { run.error.clone() } else { None },
            }
        }
    }
}

/// The dashboard from the store.
pub async fn dashboard(app: &App, _request: DashboardRequest) -> Result<Dashboard, IpcError> {
    let store = app.store()?;
    let settings = SyncSettings::load(store)?;
    let status = crate::sync::status(app)?;
    let latest: Vec<SyncRun> = status
        .flows
        .iter()
        .filter_map(|f| f.last_run.clone())
        .collect();
    let scheduled: BTreeMap<Flow, bool> = Flow::ALL
        .into_iter()
        .map(|flow| (flow, settings.schedules.get(flow).is_some()))
        .collect();
    let counts = DashboardCounts {
        orders: count(status.orders.total),
        orders_sent: count(status.orders.sent),
        orders_held: count(status.orders.held),
        orders_cancelled: count(status.orders.cancelled),
        articles: count(status.articles.total),
        articles_sent: count(status.articles.sent),
        articles_with_problems: count(status.articles.with_problems),
        articles_orphaned: count(status.articles.orphaned),
        calls_waiting: count(status.outbox.pending),
        calls_running: count(status.outbox.running),
        calls_dead: count(status.outbox.dead),
    };
    Ok(Dashboard {
        live: status.baseline.is_some(),
        baseline: status.baseline.map(|b| iso(b.timestamp_millis())),
        runner_active: crate::runner::is_running(app),
        connections: vec![
            health(
                SystemName::Shop,
                configured::<StarwebConnection>(store)?,
                &latest,
            ),
            health(
                SystemName::Warehouse,
                configured::<OngoingConnection>(store)?,
                &latest,
            ),
        ],
        flows: status
            .flows
            .iter()
            .map(|f| FlowOverview {
                flow: f.flow.into(),
                scheduled: scheduled.get(&f.flow).copied().unwrap_or(false),
                next_run: f.next_run.map(|at| iso(at.timestamp_millis())),
                last_run: f.last_run.as_ref().and_then(SyncRunView::new),
            })
            .collect(),
        counts,
        attention: attention::collect(store)?,
    })
}

/// `check_connections` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HealthCheckRequest {}

/// How one system answered the live check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SystemCheck {
    pub ok: bool,
    /// Who answered ("shop Demo") or why it failed, in English.
    pub message: String,
}

/// Both systems' answers to a quick live call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HealthCheck {
    pub shop: SystemCheck,
    pub warehouse: SystemCheck,
    pub checked_at: String,
}

fn system_check(answer: Result<String, String>) -> SystemCheck {
    match answer {
        Ok(message) => SystemCheck { ok: true, message },
        Err(message) => SystemCheck { ok: false, message },
    }
}

/// One quick call to each system with the saved connections.
pub async fn check_connections(
    app: &App,
    _request: HealthCheckRequest,
) -> Result<HealthCheck, IpcError> {
    let test = crate::sync::test_connections(app).await?;
    Ok(HealthCheck {
        shop: system_check(test.shop),
        warehouse: system_check(test.warehouse),
        checked_at: iso(chrono::Utc::now().timestamp_millis()),
    })
}
