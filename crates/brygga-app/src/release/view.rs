//! What the release screen sends and receives, and the one translation from the engine's and the
//! store's release types into it.
//!
//! Ids and counts that JavaScript holds as plain numbers are declared `number` for ts-rs (shop
//! order ids and batch ids stay far below 2^53). Times go out as RFC 3339 text in UTC; the UI shows
//! them in Europe/Stockholm. Closed sets (pickability, skip reasons, batch states, outcomes) are
//! enums so the UI picks translated words from them; the English reason in words comes along as
//! detail.

use brygga_core::release::{BatchSkip, Candidate, Pickable, PickableRule, ReleaseMode};
use brygga_core::release::{ReleaseSettings, ReleaseTime};
use brygga_store::{BatchOrder, ReleaseBatch};
use chrono::{SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{ErrorCode, IpcError};

/// How much of an order the warehouse could pick now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum OrderPickability {
    /// Every line in full ("all in stock").
    All,
    /// At least one line is short ("partly").
    Some,
    /// Nothing can be picked ("backordered").
    None,
    /// The warehouse's stock could not be read.
    Unknown,
}

impl From<Pickable> for OrderPickability {
    fn from(pickable: Pickable) -> Self {
        match pickable {
            Pickable::All => Self::All,
            Pickable::Some => Self::Some,
            Pickable::None => Self::None,
            Pickable::Unknown => Self::Unknown,
        }
    }
}

/// Why a batch leaves an order waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SkipReason {
    HeldBack,
    ShopStatus,
    NotPaid,
    ShippingMethod,
    NotFullyPickable,
    NothingPickable,
    PickabilityUnknown,
    OverMaximum,
}

impl From<BatchSkip> for SkipReason {
    fn from(skip: BatchSkip) -> Self {
        match skip {
            BatchSkip::HeldBack => Self::HeldBack,
            BatchSkip::ShopStatus => Self::ShopStatus,
            BatchSkip::NotPaid => Self::NotPaid,
            BatchSkip::ShippingMethod => Self::ShippingMethod,
            BatchSkip::NotFullyPickable => Self::NotFullyPickable,
            BatchSkip::NothingPickable => Self::NothingPickable,
            BatchSkip::PickabilityUnknown => Self::PickabilityUnknown,
            BatchSkip::OverMaximum => Self::OverMaximum,
        }
    }
}

/// An order waiting in the warehouse, and what the next batch would do with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReleaseCandidate {
    #[ts(type = "number")]
    pub shop_order_id: i64,
    pub warehouse_order_id: i32,
    /// When the customer placed the order.
    pub created_at: String,
    pub pickability: OrderPickability,
    /// The merchant holds it back from batches.
    pub held_back: bool,
    /// Whether the next batch, under the rule in force, takes it.
    pub will_release: bool,
    /// Why the next batch leaves it, when it does.
    pub skip_reason: Option<SkipReason>,
    /// The same reason in English words.
    pub skip_message: Option<String>,
}

impl ReleaseCandidate {
    /// The candidate with its fate in `plan`.
    pub(crate) fn new(candidate: &Candidate, plan: &brygga_core::release::BatchPlan) -> Self {
        let skip = plan
            .skipped
            .iter()
            .find(|(id, _)| *id == candidate.shop_order_id)
            .map(|(_, why)| *why);
        Self {
            shop_order_id: candidate.shop_order_id,
            warehouse_order_id: candidate.warehouse_order_id,
            created_at: candidate
                .created_at
                .to_rfc3339_opts(SecondsFormat::Secs, true),
            pickability: candidate.pickability.into(),
            held_back: candidate.held_back,
            will_release: plan.take.contains(&candidate.shop_order_id),
            skip_reason: skip.map(SkipReason::from),
            skip_message: skip.map(|why| why.to_string()),
        }
    }
}

/// Who started a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BatchStarter {
    Schedule,
    Merchant,
}

/// Where a batch is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BatchState {
    /// Its time passed while Brygga was off; it waits for the merchant.
    Overdue,
    Running,
    Done,
    Skipped,
}

/// What a batch did with one order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum OrderOutcome {
    Pending,
    Released,
    Refused,
    Skipped,
}

/// One order of a batch.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BatchOrderView {
    #[ts(type = "number")]
    pub shop_order_id: i64,
    pub outcome: OrderOutcome,
    /// Why it was refused or skipped, in English words.
    pub reason: Option<String>,
    pub decided_at: Option<String>,
}

/// One release batch with every order it considered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReleaseBatchView {
    #[ts(type = "number")]
    pub id: i64,
    /// The scheduled time; `None` for a batch started by hand.
    pub slot_at: Option<String>,
    pub started_by: BatchStarter,
    pub state: BatchState,
    pub created_at: String,
    pub finished_at: Option<String>,
    /// What happened, in English words.
    pub note: Option<String>,
    pub released: u32,
    pub refused: u32,
    pub skipped: u32,
    pub pending: u32,
    pub orders: Vec<BatchOrderView>,
}

/// An RFC 3339 time from milliseconds since the epoch.
pub(crate) fn iso(ms: i64) -> String {
    Utc.timestamp_millis_opt(ms)
        .single()
        .map(|at| at.to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_default()
}

fn unexpected(what: &str, value: &str) -> IpcError {
    IpcError::new(
        ErrorCode::Unknown,
        format!("the database holds a release batch with {what} \"{value}\""),
    )
}

impl TryFrom<&BatchOrder> for BatchOrderView {
    type Error = IpcError;

    fn try_from(order: &BatchOrder) -> Result<Self, IpcError> {
        let outcome = match order.outcome.as_str() {
            "pending" => OrderOutcome::Pending,
            "released" => OrderOutcome::Released,
            "refused" => OrderOutcome::Refused,
            "skipped" => OrderOutcome::Skipped,
            other => return Err(unexpected("the order outcome", other)),
        };
        Ok(Self {
            shop_order_id: order.shop_order_id,
            outcome,
            reason: order.reason.clone(),
            decided_at: order.decided_at_ms.map(iso),
        })
    }
}

impl TryFrom<&ReleaseBatch> for ReleaseBatchView {
    type Error = IpcError;

    fn try_from(batch: &ReleaseBatch) -> Result<Self, IpcError> {
        let started_by = match batch.started_by.as_str() {
            "schedule" => BatchStarter::Schedule,
            "merchant" => BatchStarter::Merchant,
            other => return Err(unexpected("the starter", other)),
        };
        let state = match batch.state.as_str() {
            "overdue" => BatchState::Overdue,
            "running" => BatchState::Running,
            "done" => BatchState::Done,
            "skipped" => BatchState::Skipped,
            other => return Err(unexpected("the state", other)),
        };
        let orders = batch
            .orders
            .iter()
            .map(BatchOrderView::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        let count = |outcome| {
            let n = orders.iter().filter(|o| o.outcome == outcome).count();
            u32::try_from(n).unwrap_or(u32::MAX)
        };
        Ok(Self {
            id: batch.id,
            slot_at: batch.slot_at_ms.map(iso),
            started_by,
            state,
            created_at: iso(batch.created_at_ms),
            finished_at: batch.finished_at_ms.map(iso),
            note: batch.note.clone(),
            released: count(OrderOutcome::Released),
            refused: count(OrderOutcome::Refused),
            skipped: count(OrderOutcome::Skipped),
            pending: count(OrderOutcome::Pending),
            orders,
        })
    }
}

/// How orders go to picking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReleaseModeName {
    /// In batches at the release times, and by hand.
    Batches,
    /// Each order as soon as it reaches the warehouse.
    OnArrival,
}

/// How pickable an order must be for a batch to take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PickableRuleName {
    Fully,
    AlsoPartly,
    Any,
}

/// One release time: `at` (HH:MM, Europe/Stockholm) on `days` (`mon` … `sun`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReleaseTimeForm {
    pub days: Vec<String>,
    pub at: String,
}

/// Which waiting orders a batch takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReleaseRuleForm {
    /// Shop status ids an order must be in; empty for any.
    #[ts(type = "Array<number>")]
    pub shop_statuses: Vec<i64>,
    pub paid_only: bool,
    /// Shop shipping method ids an order must use; empty for any.
    #[ts(type = "Array<number>")]
    pub shipping_methods: Vec<i64>,
    pub pickable: PickableRuleName,
    /// The most orders one batch takes; `None` for no maximum.
    pub max_per_batch: Option<u32>,
}

/// The release settings as the screen edits them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReleaseSettingsForm {
    pub mode: ReleaseModeName,
    pub times: Vec<ReleaseTimeForm>,
    /// Local dates (YYYY-MM-DD) without batches.
    pub holidays: Vec<String>,
    pub rule: ReleaseRuleForm,
    /// The warehouse status releasing moves orders to; `None` for the mapping's first "started".
    pub released_status: Option<i32>,
}

fn time_text(time: &ReleaseTime) -> String {
    let text = time.at.format("%H:%M:%S").to_string();
    text.strip_suffix(":00").map_or(text.clone(), str::to_owned)
}

impl From<&ReleaseSettings> for ReleaseSettingsForm {
    fn from(settings: &ReleaseSettings) -> Self {
        Self {
            mode: match settings.mode {
                ReleaseMode::Batches => ReleaseModeName::Batches,
                ReleaseMode::OnArrival => ReleaseModeName::OnArrival,
            },
            times: settings
                .times
                .iter()
                .map(|time| ReleaseTimeForm {
                    days: time.days.names(),
                    at: time_text(time),
                })
                .collect(),
            holidays: settings.holidays.iter().map(ToString::to_string).collect(),
            rule: ReleaseRuleForm {
                shop_statuses: settings.rule.shop_statuses.clone(),
                paid_only: settings.rule.paid_only,
                shipping_methods: settings.rule.shipping_methods.clone(),
                pickable: match settings.rule.pickable {
                    PickableRule::Fully => PickableRuleName::Fully,
                    PickableRule::AlsoPartly => PickableRuleName::AlsoPartly,
                    PickableRule::Any => PickableRuleName::Any,
                },
                max_per_batch: settings.rule.max_per_batch,
            },
            released_status: settings.released_status,
        }
    }
}

impl TryFrom<&ReleaseSettingsForm> for ReleaseSettings {
    type Error = IpcError;

    /// Reads the form the way a settings file is read, so every check of the core applies and
    /// its message names what is wrong.
    fn try_from(form: &ReleaseSettingsForm) -> Result<Self, IpcError> {
        let invalid = |message: String| {
            IpcError::new(
                ErrorCode::Validation,
                format!("the release settings were not saved: {message}"),
            )
        };
        for holiday in &form.holidays {
            if chrono::NaiveDate::parse_from_str(holiday.trim(), "%Y-%m-%d").is_err() {
                return Err(invalid(format!(
                    "the holiday \"{holiday}\" is not a date; expected YYYY-MM-DD such as 2025-12-24"
                )));
            }
        }
        let document = serde_json::json!({
            "mode": form.mode,
            "times": form.times,
            "holidays": form.holidays.iter().map(|h| h.trim()).collect::<Vec<_>>(),
            "rule": {
                "shopStatuses": form.rule.shop_statuses,
                "paidOnly": form.rule.paid_only,
                "shippingMethods": form.rule.shipping_methods,
                "pickable": form.rule.pickable,
                "maxPerBatch": form.rule.max_per_batch,
            },
            "releasedStatus": form.released_status,
        });
        serde_json::from_value(document).map_err(|err| invalid(err.to_string()))
    }
}
