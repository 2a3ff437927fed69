//! What the dashboard and the sync log send and receive, and the translation of the store's runs
//! and outbox rows into it.
//!
//! Ids and counts are declared `number` for ts-rs (they stay far below 2^53). Times go out as RFC
//! 3339 text in UTC. Closed sets (flows, outcomes, kinds of attention) are enums so the UI picks
//! translated words from them; the engine's English reason comes along as detail.

use std::collections::BTreeMap;

use brygga_core::operation::Operation;
use brygga_core::schedule::Flow;
use brygga_store::{OutboxRow, OutboxStatus, SyncOutcome, SyncRun};
use chrono::{DateTime, SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A flow of the product, as the UI names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FlowName {
    Articles,
    Orders,
    Statuses,
    Stock,
    Reconcile,
    PurchaseOrders,
    Returns,
}

impl From<Flow> for FlowName {
    fn from(flow: Flow) -> Self {
        match flow {
            Flow::Articles => Self::Articles,
            Flow::Orders => Self::Orders,
            Flow::Statuses => Self::Statuses,
            Flow::Stock => Self::Stock,
            Flow::Reconcile => Self::Reconcile,
            Flow::PurchaseOrders => Self::PurchaseOrders,
            Flow::Returns => Self::Returns,
        }
    }
}

impl From<FlowName> for Flow {
    fn from(flow: FlowName) -> Self {
        match flow {
            FlowName::Articles => Self::Articles,
            FlowName::Orders => Self::Orders,
            FlowName::Statuses => Self::Statuses,
            FlowName::Stock => Self::Stock,
            FlowName::Reconcile => Self::Reconcile,
            FlowName::PurchaseOrders => Self::PurchaseOrders,
            FlowName::Returns => Self::Returns,
        }
    }
}

impl FlowName {
    /// The flow of a stored run; `None` for a name this version does not know.
    pub fn parse(name: &str) -> Option<Self> {
        Flow::ALL
            .into_iter()
            .find(|flow| flow.as_str() == name)
            .map(Self::from)
    }
}

/// How a run ended, or that it has not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum RunOutcome {
    /// Started and not finished (still running, or the app stopped during it).
    Unfinished,
    Succeeded,
    Failed,
    Cancelled,
}

/// One sync run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncRunView {
    #[ts(type = "number")]
    pub id: i64,
    pub flow: FlowName,
    /// A dry run planned and sent nothing.
    pub dry_run: bool,
    pub started_at: String,
    pub finished_at: Option<String>,
    #[ts(type = "number | null")]
    pub duration_ms: Option<i64>,
    pub outcome: RunOutcome,
    /// What the run did, by name (`read`, `queued`, `unchanged`, ...).
    #[ts(type = "Record<string, number>")]
    pub counts: BTreeMap<String, u64>,
    /// Why it failed, in the engine's words.
    pub error: Option<String>,
}

impl SyncRunView {
    /// The run as the UI shows it; `None` for a flow this version does not know.
    pub fn new(run: &SyncRun) -> Option<Self> {
        Some(SyncRunView {
            id: run.id,
            flow: FlowName::parse(&run.flow)?,
            dry_run: run.dry_run,
            started_at: iso(run.started_at_ms),
            finished_at: run.finished_at_ms.map(iso),
            duration_ms: run.finished_at_ms.map(|end| end - run.started_at_ms),
            outcome: match run.outcome {
                None => RunOutcome::Unfinished,
                Some(SyncOutcome::Succeeded) => RunOutcome::Succeeded,
                Some(SyncOutcome::Failed) => RunOutcome::Failed,
                Some(SyncOutcome::Cancelled) => RunOutcome::Cancelled,
            },
            counts: run
                .counts
                .as_object()
                .map(|counts| {
                    counts
                        .iter()
                        .filter_map(|(name, value)| Some((name.clone(), value.as_u64()?)))
                        .collect()
                })
                .unwrap_or_default(),
            error: run.error.clone(),
        })
    }
}

/// Where a call in trouble stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CallState {
    /// Failed and will be tried again at `nextAttemptAt`.
    Retrying,
    /// Being sent right now.
    Running,
    /// Given up on; waits for the merchant's retry.
    Dead,
}

/// A call to the shop or the warehouse that failed at least once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FailedCallView {
    #[ts(type = "number")]
    pub id: i64,
    /// The kind of call, e.g. `warehouse.upsert_order`.
    pub kind: String,
    /// What it is about, e.g. `order:1031` or `article:TSHIRT-M`.
    pub subject: String,
    pub state: CallState,
    pub attempts: u32,
    pub max_attempts: u32,
    pub error_code: Option<String>,
    /// The last failure in the remote system's or the engine's words.
    pub error: Option<String>,
    /// When the next attempt is due (retrying calls only).
    pub next_attempt_at: Option<String>,
    pub updated_at: String,
}

impl FailedCallView {
    pub fn new(row: &OutboxRow) -> Self {
        let subject = serde_json::from_value::<Operation>(row.payload.clone())
            .map_or_else(|_| row.idempotency_key.clone(), |op| op.subject());
        let state = match row.status {
            OutboxStatus::Dead => CallState::Dead,
            OutboxStatus::Running => CallState::Running,
            OutboxStatus::Pending | OutboxStatus::Done => CallState::Retrying,
        };
        FailedCallView {
            id: row.id,
            kind: row.kind.clone(),
            subject,
            state,
            attempts: row.attempts,
            max_attempts: row.max_attempts,
            error_code: row.last_error_code.clone(),
            error: row.last_error.clone(),
            next_attempt_at: (state == CallState::Retrying).then(|| iso(row.run_at_ms)),
            updated_at: iso(row.updated_at_ms),
        }
    }
}

/// Unix milliseconds as RFC 3339 in UTC.
pub fn iso(ms: i64) -> String {
    Utc.timestamp_millis_opt(ms)
        .single()
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// RFC 3339 text as unix milliseconds; `None` when it is not a time.
pub fn parse_time(text: &str) -> Option<i64> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.timestamp_millis())
}
