//! Going live: which steps of a new installation are done, a first-sync preview, and the explicit
//! "go live" that records the first-sync baseline and runs the first real cycle.
//!
//! The preview is the engine's dry run of every flow: the same reading and planning as a real
//! cycle, with nothing written to the shop or the warehouse (only the dry run's own entry in the
//! sync log). Going live calls `Engine::activate`, so orders that exist at that moment are never
//! changed in the shop, then runs one pass of every flow and drains what it queued. Starting the
//! background scheduler afterwards is the shell's business.

use std::collections::BTreeMap;

use brygga_core::mapping::ShopStatusRule;
use brygga_core::operation::Operation;
use brygga_core::schedule::Flow;
use brygga_sync::settings::{SCHEDULES, STATUS_MAPPING, TRANSPORT_MAPPING};
use brygga_sync::{FlowReport, Stop, SyncSettings};
use chrono::SecondsFormat;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::settings::ScheduledFlow;
use crate::connections::{Connection, OngoingConnection, StarwebConnection};
use crate::secrets::SecretKey;
use crate::{App, AppMode, ErrorCode, IpcError};

/// The flows a pass runs, in order; the nightly reconciliation is not part of going live.
const PASS: [Flow; 4] = [Flow::Articles, Flow::Orders, Flow::Statuses, Flow::Stock];
/// How many planned writes and findings the preview lists per flow.
const FIRST_ITEMS: usize = 10;

/// `go_live_state` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GoLiveStateRequest {}

/// Which steps of setting up are done, and whether the installation is live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoLiveState {
    pub mode: AppMode,
    /// Live: the first-sync baseline is recorded. Demo mode is always live.
    pub live: bool,
    /// When it went live, RFC 3339.
    pub baseline: Option<String>,
    /// Both connections saved with their secrets.
    pub connections: bool,
    /// A status mapping is saved in which at least one shop status sends orders.
    pub status_mapping: bool,
    /// A transport mapping is saved.
    pub transport_mapping: bool,
    /// Schedules (and order rules) are saved.
    pub settings: bool,
}

fn saved<C: Connection>(app: &App) -> Result<bool, IpcError> {
    Ok(app
        .store()?
        .settings()
        .get::<serde_json::Value>(C::SETTING)?
        .is_some()
        && app.secrets().get(&SecretKey::new(C::SECRET))?.is_some())
}

pub(crate) fn state(app: &App) -> Result<GoLiveState, IpcError> {
    let store = app.store()?;
    let settings = SyncSettings::load(store)?;
    let has = |key: &str| -> Result<bool, IpcError> {
        Ok(store.settings().get::<serde_json::Value>(key)?.is_some())
    };
    let sends = settings
        .statuses
        .shop
        .values()
        .any(|rule| matches!(rule, ShopStatusRule::Send | ShopStatusRule::Release));
    Ok(GoLiveState {
        mode: app.mode(),
        live: app.mode() == AppMode::Demo || settings.baseline.is_some(),
        baseline: settings
            .baseline
            .map(|b| b.to_rfc3339_opts(SecondsFormat::Secs, true)),
        connections: saved::<OngoingConnection>(app)? && saved::<StarwebConnection>(app)?,
        status_mapping: has(STATUS_MAPPING)? && sends,
        transport_mapping: has(TRANSPORT_MAPPING)?,
        settings: has(SCHEDULES)?,
    })
}

/// Which steps are done and whether the installation is live.
pub async fn go_live_state(
    app: &App,
    _request: GoLiveStateRequest,
) -> Result<GoLiveState, IpcError> {
    state(app)
}

/// What a planned write does, as the UI words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PlannedWrite {
    /// An article created or updated in the warehouse.
    WarehouseArticle,
    /// An order sent (or its change) to the warehouse.
    WarehouseOrder,
    /// An order cancelled in the warehouse.
    WarehouseCancel,
    /// An order released to picking.
    WarehouseRelease,
    /// A released order put back on hold.
    WarehouseHold,
    /// A shop order's status (and tracking) set.
    ShopStatus,
    /// A shop variant's stock set.
    ShopStock,
    /// A purchase order pre-advised, cancelled or reported in the warehouse.
    WarehousePurchaseOrder,
    /// A customer's return order created in the warehouse.
    WarehouseReturn,
    /// A comment written on a shop order.
    ShopComment,
}

impl From<&Operation> for PlannedWrite {
    fn from(operation: &Operation) -> Self {
        match operation {
            Operation::UpsertArticle { .. } => PlannedWrite::WarehouseArticle,
            Operation::SendOrder { .. } => PlannedWrite::WarehouseOrder,
            Operation::CancelWarehouseOrder { .. } => PlannedWrite::WarehouseCancel,
            Operation::ReleaseOrder { .. } => PlannedWrite::WarehouseRelease,
            Operation::HoldOrder { .. } => PlannedWrite::WarehouseHold,
            Operation::SetShopStatus { .. } => PlannedWrite::ShopStatus,
            Operation::SetShopStock { .. } => PlannedWrite::ShopStock,
            Operation::UpsertPurchaseOrder { .. }
            | Operation::CancelPurchaseOrder { .. }
            | Operation::AcknowledgeReceived { .. } => PlannedWrite::WarehousePurchaseOrder,
            Operation::UpsertReturnOrder { .. } => PlannedWrite::WarehouseReturn,
            Operation::CommentOnShopOrder { .. } => PlannedWrite::ShopComment,
        }
    }
}

/// One write the first cycle would make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewWrite {
    pub write: PlannedWrite,
    /// What it concerns: `article:SKU`, `order:ID` or `stock:SKU`.
    pub subject: String,
}

/// Something the first cycle would stop on or report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreviewFinding {
    pub subject: String,
    pub code: String,
    pub message: String,
}

/// One flow's dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FlowPreview {
    pub flow: ScheduledFlow,
    /// How many writes the first cycle would make.
    pub writes: u32,
    /// The first of them.
    pub first_writes: Vec<PreviewWrite>,
    /// How many findings (held orders, invalid articles, ...).
    pub findings: u32,
    /// The first of them.
    pub first_findings: Vec<PreviewFinding>,
    /// The flow's named counts (`read`, `unchanged`, `skipped`, `baseline`, ...).
    #[ts(type = "Record<string, number>")]
    pub counts: BTreeMap<String, u64>,
    /// Why the dry run failed, in words; `None` when it ran.
    pub error: Option<String>,
}

/// `first_sync_preview` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FirstSyncPreviewRequest {}

/// What the first cycle would write, flow by flow, and the start the guard uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FirstSyncPreview {
    pub flows: Vec<FlowPreview>,
    /// Orders placed from this moment go to the warehouse, RFC 3339; the moment of going live
    /// when the merchant chose no start date.
    pub orders_from: String,
    /// Whether the merchant chose the start date (else it is the moment of going live).
    pub start_date_chosen: bool,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn preview_of(flow: Flow, result: Result<FlowReport, brygga_sync::SyncError>) -> FlowPreview {
    match result {
        Ok(report) => FlowPreview {
            flow: flow.into(),
            writes: count(report.planned.len()),
            first_writes: report
                .planned
                .iter()
                .take(FIRST_ITEMS)
                .map(|p| PreviewWrite {
                    write: PlannedWrite::from(&p.operation),
                    subject: p.subject.clone(),
                })
                .collect(),
            findings: count(report.findings.len()),
            first_findings: report
                .findings
                .iter()
                .take(FIRST_ITEMS)
                .map(|f| PreviewFinding {
                    subject: f.subject.clone(),
                    code: f.code.clone(),
                    message: f.message.clone(),
                })
                .collect(),
            counts: report.counts,
            error: None,
        },
        Err(err) => FlowPreview {
            flow: flow.into(),
            writes: 0,
            first_writes: Vec::new(),
            findings: 0,
            first_findings: Vec::new(),
            counts: BTreeMap::new(),
            error: Some(err.to_string()),
        },
    }
}

/// A dry run of every flow through the engine of the saved connections: what the first cycle
/// would write. Nothing is written to either system.
pub async fn first_sync_preview(
    app: &App,
    _request: FirstSyncPreviewRequest,
) -> Result<FirstSyncPreview, IpcError> {
    let engine = crate::sync::engine(app)?;
    let mut flows = Vec::new();
    for flow in PASS {
        flows.push(preview_of(flow, engine.run_flow(flow, true).await));
    }
    let settings = SyncSettings::load(app.store()?)?;
    Ok(FirstSyncPreview {
        flows,
        orders_from: settings
            .effective_order_rules(chrono::Utc::now())
            .start
            .to_rfc3339_opts(SecondsFormat::Secs, true),
        start_date_chosen: settings.order_rules.is_some(),
    })
}

/// `go_live` takes no parameters: it uses what is saved.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GoLiveRequest {}

/// One flow of the first real cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoLiveFlow {
    pub flow: ScheduledFlow,
    /// Writes the cycle queued.
    pub queued: u32,
    /// Why the cycle failed, in words; `None` when it ran.
    pub error: Option<String>,
}

/// What going live did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoLiveResult {
    /// The first-sync baseline, RFC 3339: orders older than this are never changed in the shop.
    pub baseline: String,
    pub flows: Vec<GoLiveFlow>,
    /// Calls sent.
    pub done: u32,
    /// Calls that gave up; each is in the problem list with its reason.
    pub failed: u32,
    /// Calls that will be tried again.
    pub retrying: u32,
    /// The reasons of the calls that gave up, in words.
    pub problems: Vec<String>,
}

/// Records the baseline and runs the first real cycle of every flow. Refused until connections
/// and both mappings are saved, and once the installation is live.
pub async fn go_live(app: &App, _request: GoLiveRequest) -> Result<GoLiveResult, IpcError> {
    let steps = state(app)?;
    if steps.live {
        return Err(IpcError::new(
            ErrorCode::Validation,
            format!(
                "this installation is live already (since {})",
                steps.baseline.as_deref().unwrap_or("the demo started")
            ),
        ));
    }
    let missing: Vec<&str> = [
        (steps.connections, "both connections"),
        (steps.status_mapping, "a status mapping that sends orders"),
        (steps.transport_mapping, "the transport mapping"),
    ]
    .into_iter()
    .filter(|(done, _)| !done)
    .map(|(_, what)| what)
    .collect();
    if !missing.is_empty() {
        return Err(IpcError::new(
            ErrorCode::Validation,
            format!("save {} before going live", missing.join(", ")),
        ));
    }
    let engine = crate::sync::engine(app)?;
    let lock = crate::sync::EngineLock::acquire(app)?;
    let baseline = engine.activate()?;
    tracing::info!(%baseline, "going live: first-sync baseline recorded");
    let tick = engine.run_once(&Stop::default()).await;
    drop(lock);
    // Live from here on, whatever the first cycle did: the scheduler takes over.
    crate::runner::ensure_running(app);
    let tick = tick.map_err(|err| IpcError::new(ErrorCode::Unknown, err.to_string()))?;
    let n = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    Ok(GoLiveResult {
        baseline: baseline.to_rfc3339_opts(SecondsFormat::Secs, true),
        flows: tick
            .flows
            .iter()
            .map(|(flow, result)| GoLiveFlow {
                flow: (*flow).into(),
                queued: match result {
                    Ok(report) => count(report.planned.iter().filter(|p| p.queued).count()),
                    Err(_) => 0,
                },
                error: result.as_ref().err().cloned(),
            })
            .collect(),
        done: n(tick.drained.done),
        failed: n(tick.drained.dead),
        retrying: n(tick.drained.retrying),
        problems: tick
            .drained
            .failures
            .iter()
            .map(|f| format!("{}: {}", f.subject, f.message))
            .collect(),
    })
}
