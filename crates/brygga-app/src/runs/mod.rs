//! The sync log's and the dashboard's commands: every run with its counts and duration, every call
//! in trouble with a retry, "run now" with progress, and the overview with what needs attention.
//!
//! Reading needs only the store. "Run now" goes through the background runner ([`crate::runner`])
//! so the outbox keeps a single drain worker; the command returns at once and the UI follows the
//! work through `sync_progress`.

pub mod attention;
pub mod dashboard;
mod view;

use brygga_sync::Phase;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use attention::{AttentionItem, AttentionKind};
pub use dashboard::{
    ConnectionHealth, Dashboard, DashboardCounts, DashboardRequest, FlowOverview, HealthCheck,
    HealthCheckRequest, HealthState, SystemCheck, SystemName, check_connections, dashboard,
};
pub use view::{CallState, FailedCallView, FlowName, RunOutcome, SyncRunView, iso, parse_time};

use crate::{App, ErrorCode, IpcError};

/// The most runs one page holds.
const MAX_PAGE: u32 = 200;
/// The most calls in trouble listed.
const MAX_CALLS: usize = 500;

/// `sync_log`: one page of runs, newest first, filtered by flow and start time.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncLogRequest {
    /// Only this flow's runs; `null` for all.
    pub flow: Option<FlowName>,
    /// Runs started at or after this time (RFC 3339).
    pub from: Option<String>,
    /// Runs started before this time (RFC 3339).
    pub to: Option<String>,
    /// Zero-based page number.
    pub page: u32,
    /// Runs per page (1 to 200).
    pub page_size: u32,
}

/// One page of runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncLogPage {
    pub runs: Vec<SyncRunView>,
    /// Runs matching the filter in all pages.
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
}

/// `failed_calls` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FailedCallsRequest {}

/// Every call given up on or waiting to be tried again, most recently changed first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FailedCalls {
    pub calls: Vec<FailedCallView>,
}

/// `retry_calls`: the dead calls to queue again; empty for every dead call.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetryCallsRequest {
    #[ts(type = "Array<number>")]
    pub ids: Vec<i64>,
}

/// What a retry did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetryCallsResult {
    /// Calls queued again with fresh attempts.
    pub queued: u32,
}

/// `run_flow_now`: one flow, or every flow when `null`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RunFlowNowRequest {
    pub flow: Option<FlowName>,
}

/// Who runs the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RunVia {
    /// The background runner, between its scheduled passes.
    Runner,
    /// A run of its own, since the background runner does not run.
    Direct,
}

/// The run was started; follow it with `sync_progress`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RunFlowNowResult {
    pub via: RunVia,
}

/// `sync_progress` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncProgressRequest {}

/// What the engine is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ProgressPhase {
    Idle,
    /// Reading both sides and planning `flow`.
    Flow,
    /// Sending queued calls, `done` of `total`.
    Draining,
}

/// The engine's progress now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncProgress {
    /// Whether the background runner runs.
    pub runner_active: bool,
    pub phase: ProgressPhase,
    /// The flow being run, in phase `flow`.
    pub flow: Option<FlowName>,
    /// Calls finished in this drain.
    pub done: u32,
    /// Calls due when this drain began.
    pub total: u32,
    /// "Run now" requests not finished yet; the UI shows progress until this is 0.
    pub waiting: u32,
}

fn count(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One page of the sync runs.
pub async fn sync_log(app: &App, request: SyncLogRequest) -> Result<SyncLogPage, IpcError> {
    let time = |field: &str, text: &Option<String>| -> Result<Option<i64>, IpcError> {
        text.as_deref()
            .map(|t| {
                parse_time(t).ok_or_else(|| {
                    IpcError::new(
                        ErrorCode::Validation,
                        format!("{field} `{t}` is not an RFC 3339 time"),
                    )
                })
            })
            .transpose()
    };
    let from = time("from", &request.from)?;
    let to = time("to", &request.to)?;
    if request.page_size == 0 || request.page_size > MAX_PAGE {
        return Err(IpcError::new(
            ErrorCode::Validation,
            format!(
                "the page size must be 1 to {MAX_PAGE}, not {}",
                request.page_size
            ),
        ));
    }
    let flow = request
        .flow
        .map(|f| brygga_core::schedule::Flow::from(f).as_str());
    let size = request.page_size as usize;
    let (runs, total) =
        app.store()?
            .sync_runs()
            .page(flow, from, to, request.page as usize * size, size)?;
    Ok(SyncLogPage {
        runs: runs.iter().filter_map(SyncRunView::new).collect(),
        total: count(total),
        page: request.page,
        page_size: request.page_size,
    })
}

/// Every call in trouble.
pub async fn failed_calls(
    app: &App,
    _request: FailedCallsRequest,
) -> Result<FailedCalls, IpcError> {
    Ok(FailedCalls {
        calls: app
            .store()?
            .outbox()
            .troubled(MAX_CALLS)?
            .iter()
            .map(FailedCallView::new)
            .collect(),
    })
}

/// Queues dead calls again and asks the runner to send them now.
pub async fn retry_calls(
    app: &App,
    request: RetryCallsRequest,
) -> Result<RetryCallsResult, IpcError> {
    let queued = crate::sync::retry(app, &request.ids)?;
    if queued > 0 {
        crate::runner::drain_soon(app);
    }
    Ok(RetryCallsResult {
        queued: u32::try_from(queued).unwrap_or(u32::MAX),
    })
}

/// Starts a flow (or every flow) now; returns at once.
pub async fn run_flow_now(
    app: &App,
    request: RunFlowNowRequest,
) -> Result<RunFlowNowResult, IpcError> {
    let via = crate::runner::run_now(app, request.flow.map(Into::into))?;
    Ok(RunFlowNowResult {
        via: match via {
            crate::runner::RunVia::Runner => RunVia::Runner,
            crate::runner::RunVia::Direct => RunVia::Direct,
        },
    })
}

/// What the engine is doing now.
pub async fn sync_progress(
    app: &App,
    _request: SyncProgressRequest,
) -> Result<SyncProgress, IpcError> {
    let (snapshot, waiting) = crate::runner::progress(app);
    let (phase, flow) = match snapshot.phase {
        Phase::Idle => (ProgressPhase::Idle, None),
        Phase::Flow(flow) => (ProgressPhase::Flow, Some(flow.into())),
        Phase::Draining => (ProgressPhase::Draining, None),
    };
    Ok(SyncProgress {
        runner_active: crate::runner::is_running(app),
        phase,
        flow,
        done: count(snapshot.done),
        total: count(snapshot.total),
        waiting,
    })
}
