//! The release screen's commands (flow 4, ordersläpp): what waits and what the next batch would
//! do with it, releasing now or an overdue batch, skipping one, holding orders back, putting
//! released orders back on hold in the warehouse, and the release settings.
//!
//! Everything that talks to the warehouse goes through the engine of the saved connections
//! ([`crate::sync::engine`]); without them the answer is `notConfigured`. Holding back, skipping and
//! saving settings touch only the store. No command takes the engine lock: the demo loop of the
//! same process holds it, and a release drains its own outbox rows one call at a time like any
//! other drain.

mod view;

use brygga_core::release::{ReleaseSettings, next_batches, plan_batch};
use brygga_sync::release::{BatchReport, StartedBy};
use brygga_sync::{Engine, SyncError, SyncSettings};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use view::{
    BatchOrderView, BatchStarter, BatchState, OrderOutcome, OrderPickability, PickableRuleName,
    ReleaseBatchView, ReleaseCandidate, ReleaseModeName, ReleaseRuleForm, ReleaseSettingsForm,
    ReleaseTimeForm, SkipReason,
};

use crate::{App, ErrorCode, IpcError};

/// How many upcoming batch times the overview lists.
const UPCOMING: usize = 6;
/// How many past batches the overview lists.
const HISTORY: usize = 20;

/// `release_overview` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReleaseOverviewRequest {}

/// Everything the release screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReleaseOverview {
    /// Orders waiting in the warehouse, oldest first, each with its pickability and fate.
    pub candidates: Vec<ReleaseCandidate>,
    /// The next scheduled batch times (up to six); empty when releasing on arrival or by hand only.
    pub next_batches: Vec<String>,
    /// Batches whose time passed while Brygga was off, waiting for release or skip.
    pub overdue: Vec<ReleaseBatchView>,
    /// The release settings in force (the defaults until saved).
    pub settings: ReleaseSettingsForm,
    /// Whether the merchant saved release settings; until then batches run by hand only.
    pub settings_saved: bool,
    /// Why releasing cannot work under the status mapping, in words; `None` when it can.
    pub release_problem: Option<String>,
    /// The last batches, newest first, with every order's outcome.
    pub history: Vec<ReleaseBatchView>,
}

/// `release_now`: the orders the rule takes, or exactly the ones chosen.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReleaseNowRequest {
    /// Shop order ids to release; `None` for what the release rule takes.
    #[ts(type = "Array<number> | null")]
    pub orders: Option<Vec<i64>>,
}

/// Names one release batch.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BatchRequest {
    #[ts(type = "number")]
    pub batch_id: i64,
}

/// An order a release left waiting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SkippedOrder {
    #[ts(type = "number")]
    pub shop_order_id: i64,
    pub reason: SkipReason,
    pub message: String,
}

/// What a release did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReleaseResult {
    /// The batch as now stored, with each order's outcome; `None` when no batch was made.
    pub batch: Option<ReleaseBatchView>,
    /// The orders the batch took.
    #[ts(type = "Array<number>")]
    pub taken: Vec<i64>,
    /// The orders it left waiting, and why.
    pub skipped: Vec<SkippedOrder>,
    /// Calls that gave up; each is in the problem list with its reason.
    pub failed: u32,
    /// Calls that will be tried again.
    pub retrying: u32,
    /// The reasons of the calls that gave up, in words.
    pub problems: Vec<String>,
}

/// `hold_back_orders`: keep these orders out of batches (`held`), or let them go again.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HoldBackRequest {
    #[ts(type = "Array<number>")]
    pub orders: Vec<i64>,
    pub held: bool,
}

/// `put_orders_on_hold`: released orders to put back to waiting in the warehouse.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PutOnHoldRequest {
    #[ts(type = "Array<number>")]
    pub orders: Vec<i64>,
}

/// What putting orders back on hold did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PutOnHoldResult {
    /// Orders the warehouse took back to waiting.
    pub done: u32,
    /// Calls that gave up; each is in the problem list with its reason.
    pub failed: u32,
    /// Calls that will be tried again.
    pub retrying: u32,
    /// The reasons of the calls that gave up, in words.
    pub problems: Vec<String>,
}

/// `save_release_settings`: replaces the release settings whole.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SaveReleaseSettingsRequest {
    pub settings: ReleaseSettingsForm,
}

fn sync_error(err: SyncError) -> IpcError {
    match err {
        SyncError::NotReady(message) => IpcError::new(ErrorCode::Validation, message),
        SyncError::Store(err) => err.into(),
        err @ (SyncError::Shop(_) | SyncError::Warehouse(_)) => {
            IpcError::new(ErrorCode::Unknown, err.to_string())
        }
    }
}

fn batches(list: Vec<brygga_store::ReleaseBatch>) -> Result<Vec<ReleaseBatchView>, IpcError> {
    list.iter().map(ReleaseBatchView::try_from).collect()
}

/// The waiting orders with what the next batch would do, the schedule, and the history.
pub async fn release_overview(
    app: &App,
    _request: ReleaseOverviewRequest,
) -> Result<ReleaseOverview, IpcError> {
    let engine = crate::sync::engine(app)?;
    let store = app.store()?;
    let saved: Option<ReleaseSettings> = store
        .settings()
        .get(brygga_sync::release::RELEASE_SETTINGS)?;
    let settings = saved.clone().unwrap_or_default();
    let mapping = SyncSettings::load(store)?.statuses;
    let mut candidates = engine.release_candidates().await.map_err(sync_error)?;
    candidates.sort_by_key(|c| (c.created_at, c.shop_order_id));
    let plan = plan_batch(&candidates, &settings.rule);
    Ok(ReleaseOverview {
        candidates: candidates
            .iter()
            .map(|c| ReleaseCandidate::new(c, &plan))
            .collect(),
        next_batches: next_batches(&settings, chrono::Utc::now(), UPCOMING)
            .into_iter()
            .map(|at| view::iso(at.timestamp_millis()))
            .collect(),
        overdue: batches(store.release_batches().overdue()?)?,
        settings: ReleaseSettingsForm::from(&settings),
        settings_saved: saved.is_some(),
        release_problem: settings
            .release_target(&mapping)
            .err()
            .map(|e| e.to_string()),
        history: batches(store.release_batches().list(HISTORY)?)?,
    })
}

fn result(engine: &Engine, report: BatchReport) -> Result<ReleaseResult, IpcError> {
    let batch = match report.batch_id {
        Some(id) => engine
            .store()
            .release_batches()
            .get(id)?
            .as_ref()
            .map(ReleaseBatchView::try_from)
            .transpose()?,
        None => None,
    };
    let drained = report.drained.unwrap_or_default();
    Ok(ReleaseResult {
        batch,
        taken: report.plan.take,
        skipped: report
            .plan
            .skipped
            .iter()
            .map(|(id, why)| SkippedOrder {
                shop_order_id: *id,
                reason: (*why).into(),
                message: why.to_string(),
            })
            .collect(),
        failed: u32::try_from(drained.dead).unwrap_or(u32::MAX),
        retrying: u32::try_from(drained.retrying).unwrap_or(u32::MAX),
        problems: drained
            .failures
            .iter()
            .map(|f| format!("{}: {}", f.subject, f.message))
            .collect(),
    })
}

/// Releases a batch now: what the rule takes, or exactly the orders chosen.
pub async fn release_now(app: &App, request: ReleaseNowRequest) -> Result<ReleaseResult, IpcError> {
    if request.orders.as_ref().is_some_and(Vec::is_empty) {
        return Err(IpcError::new(
            ErrorCode::Validation,
            "no order is chosen; choose at least one order, or release what the rule takes",
        ));
    }
    let engine = crate::sync::engine(app)?;
    let report = engine
        .release_batch(None, StartedBy::Merchant, request.orders.as_deref(), false)
        .await
        .map_err(sync_error)?;
    result(&engine, report)
}

/// The batch `batch_id` if it is overdue; otherwise why it cannot be released or skipped.
fn overdue_batch(app: &App, batch_id: i64) -> Result<(), IpcError> {
    match app.store()?.release_batches().get(batch_id)? {
        None => Err(IpcError::new(
            ErrorCode::Validation,
            format!("there is no release batch {batch_id}"),
        )),
        Some(batch) if batch.state == "overdue" => Ok(()),
        Some(batch) => Err(IpcError::new(
            ErrorCode::Validation,
            format!(
                "release batch {batch_id} is {}, not overdue; only an overdue batch can be \
                 released late or skipped",
                batch.state
            ),
        )),
    }
}

/// Releases an overdue batch now, with the orders its rule takes now.
pub async fn release_overdue_batch(
    app: &App,
    request: BatchRequest,
) -> Result<ReleaseResult, IpcError> {
    overdue_batch(app, request.batch_id)?;
    let engine = crate::sync::engine(app)?;
    let report = engine
        .release_overdue(request.batch_id)
        .await
        .map_err(sync_error)?;
    result(&engine, report)
}

/// Skips an overdue batch: its time passed and it is not released late.
pub async fn skip_overdue_batch(app: &App, request: BatchRequest) -> Result<(), IpcError> {
    overdue_batch(app, request.batch_id)?;
    let now_ms = chrono::Utc::now().timestamp_millis();
    app.store()?.release_batches().set_state(
        request.batch_id,
        "skipped",
        Some("skipped by the merchant"),
        now_ms,
    )?;
    Ok(())
}

/// Holds waiting orders back from batches, or lets them go with the next one again.
pub async fn hold_back_orders(app: &App, request: HoldBackRequest) -> Result<(), IpcError> {
    let store = app.store()?;
    let now_ms = chrono::Utc::now().timestamp_millis();
    for id in &request.orders {
        if store.order_links().get(*id)?.is_none() {
            return Err(IpcError::new(
                ErrorCode::Validation,
                format!("order {id} is not known to Brygga; it was never read from the shop"),
            ));
        }
    }
    for id in &request.orders {
        store
            .order_links()
            .set_held_back(*id, request.held, now_ms)?;
    }
    Ok(())
}

/// Puts released orders back on hold: back to waiting in the warehouse where it has not started
/// picking, and held back from the next batches until the merchant lets them go.
pub async fn put_orders_on_hold(
    app: &App,
    request: PutOnHoldRequest,
) -> Result<PutOnHoldResult, IpcError> {
    if request.orders.is_empty() {
        return Err(IpcError::new(
            ErrorCode::Validation,
            "no order is chosen; choose at least one released order to put back on hold",
        ));
    }
    let engine = crate::sync::engine(app)?;
    let drained = engine
        .put_on_hold(&request.orders)
        .await
        .map_err(sync_error)?;
    let count = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(PutOnHoldResult {
        done: count(drained.done),
        failed: count(drained.dead),
        retrying: count(drained.retrying),
        problems: drained
            .failures
            .iter()
            .map(|f| format!("{}: {}", f.subject, f.message))
            .collect(),
    })
}

/// Checks and saves the release settings; from then on batches run on their times. Returns the
/// settings as saved.
pub async fn save_release_settings(
    app: &App,
    request: SaveReleaseSettingsRequest,
) -> Result<ReleaseSettingsForm, IpcError> {
    let settings = ReleaseSettings::try_from(&request.settings)?;
    let store = app.store()?;
    if settings.released_status.is_some() {
        let mapping = SyncSettings::load(store)?.statuses;
        settings.release_target(&mapping).map_err(|err| {
            IpcError::new(
                ErrorCode::Validation,
                format!("the release settings were not saved: {err}"),
            )
        })?;
    }
    crate::mapping::set(app, &settings)?;
    Ok(ReleaseSettingsForm::from(&settings))
}
