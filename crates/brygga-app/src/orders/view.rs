//! What the orders screen sends and receives, and the translation from the store's rows into it.
//!
//! Shop order ids, warehouse ids and counts are declared `number` for ts-rs (they stay far below
//! 2^53). Times go out as RFC 3339 text in UTC. Closed sets (an order's state, a call's status, an
//! action's outcome) are enums so the UI picks translated words from them; English detail comes
//! along as text. Payloads are shown as they were queued, as JSON text.

use brygga_core::mapping::{StatusMapping, WarehouseStage};
use brygga_store::{OrderLink, OrderState, OutboxRow, OutboxStatus};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use chrono::{SecondsFormat, TimeZone, Utc};

use super::shop_statuses::StatusNames;

/// An RFC 3339 time from milliseconds since the epoch, to the millisecond so events a moment
/// apart keep their order when the UI sorts or compares them.
pub(crate) fn iso(ms: i64) -> String {
    Utc.timestamp_millis_opt(ms)
        .single()
        .map(|at| at.to_rfc3339_opts(SecondsFormat::Millis, true))
        .unwrap_or_default()
}

/// Where an order stands; one per order, in this order of precedence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum OrderStateName {
    /// Stopped for the merchant, with a reason.
    Held,
    /// Cancelled in the warehouse by Brygga.
    Cancelled,
    /// Existed before the connection was activated; Brygga leaves it alone.
    Baseline,
    /// The warehouse handed it to the carrier.
    Shipped,
    /// In the warehouse.
    Sent,
    /// Seen in the shop, not (yet) in the warehouse.
    Waiting,
}

impl From<OrderStateName> for OrderState {
    fn from(state: OrderStateName) -> Self {
        match state {
            OrderStateName::Held => OrderState::Held,
            OrderStateName::Cancelled => OrderState::Cancelled,
            OrderStateName::Baseline => OrderState::Baseline,
            OrderStateName::Shipped => OrderState::Shipped,
            OrderStateName::Sent => OrderState::Sent,
            OrderStateName::Waiting => OrderState::Waiting,
        }
    }
}

/// The state of a stored order, by the same precedence as the store's filter.
pub fn state_of(link: &OrderLink, statuses: &StatusMapping) -> OrderStateName {
    let shipped = link
        .warehouse_status
        .and_then(|s| i32::try_from(s).ok())
        .is_some_and(|s| statuses.warehouse_rule(s).map(|r| r.stage) == Some(WarehouseStage::Sent));
    if link.hold.is_some() {
        OrderStateName::Held
    } else if link.cancelled {
        OrderStateName::Cancelled
    } else if link.baseline {
        OrderStateName::Baseline
    } else if shipped {
        OrderStateName::Shipped
    } else if link.sent_hash.is_some() {
        OrderStateName::Sent
    } else {
        OrderStateName::Waiting
    }
}

/// Locked: the warehouse reported a status in which it no longer accepts changes.
pub fn is_locked(link: &OrderLink, statuses: &StatusMapping) -> bool {
    link.warehouse_status
        .is_some_and(|s| i32::try_from(s).map_or(true, |s| !statuses.stage(s).is_open()))
}

/// One line of the orders list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderRow {
    /// The shop's order number.
    #[ts(type = "number")]
    pub shop_order_id: i64,
    /// When the order was placed in the shop.
    pub created_at: String,
    pub state: OrderStateName,
    /// The warehouse has started on the order: it no longer accepts changes.
    pub locked: bool,
    #[ts(type = "number | null")]
    pub warehouse_status: Option<i64>,
    pub warehouse_status_text: Option<String>,
    /// The shop status last seen, by id; the name when the shop's list could be read.
    #[ts(type = "number | null")]
    pub shop_status_id: Option<i64>,
    pub shop_status_name: Option<String>,
    /// The tracking number Brygga wrote to the shop.
    pub tracking: Option<String>,
    /// Why the order is held, in words.
    pub hold_message: Option<String>,
}

impl OrderRow {
    pub fn new(link: &OrderLink, statuses: &StatusMapping, names: &StatusNames) -> Self {
        OrderRow {
            shop_order_id: link.shop_order_id,
            created_at: iso(link.shop_created_at_ms),
            state: state_of(link, statuses),
            locked: is_locked(link, statuses),
            warehouse_status: link.warehouse_status,
            warehouse_status_text: link.warehouse_status_text.clone().filter(|t| !t.is_empty()),
            shop_status_id: link.shop_status_id,
            shop_status_name: link.shop_status_id.and_then(|id| names.get(&id).cloned()),
            tracking: link.tracking_written.clone(),
            hold_message: link
                .hold
                .as_ref()
                .and_then(|h| h.get("message"))
                .and_then(|m| m.as_str())
                .map(str::to_owned),
        }
    }
}

/// Where a queued call is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CallStatus {
    Pending,
    Running,
    Done,
    /// Given up on; the merchant can try it again.
    Dead,
}

impl From<OutboxStatus> for CallStatus {
    fn from(status: OutboxStatus) -> Self {
        match status {
            OutboxStatus::Pending => CallStatus::Pending,
            OutboxStatus::Running => CallStatus::Running,
            OutboxStatus::Done => CallStatus::Done,
            OutboxStatus::Dead => CallStatus::Dead,
        }
    }
}

/// One call Brygga queued for the order (an outbox row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderCall {
    #[ts(type = "number")]
    pub id: i64,
    /// Which call: `warehouse.upsert_order`, `shop.set_status`, ...
    pub kind: String,
    pub key: String,
    pub status: CallStatus,
    pub attempts: u32,
    pub max_attempts: u32,
    pub last_error_code: Option<String>,
    pub last_error: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub done_at: Option<String>,
    /// The call as queued (what is or was sent), as indented JSON.
    pub payload: String,
}

impl From<&OutboxRow> for OrderCall {
    fn from(row: &OutboxRow) -> Self {
        OrderCall {
            id: row.id,
            kind: row.kind.clone(),
            key: row.idempotency_key.clone(),
            status: row.status.into(),
            attempts: row.attempts,
            max_attempts: row.max_attempts,
            last_error_code: row.last_error_code.clone(),
            last_error: row.last_error.clone(),
            created_at: iso(row.created_at_ms),
            updated_at: iso(row.updated_at_ms),
            done_at: row.done_at_ms.map(iso),
            payload: serde_json::to_string_pretty(&row.payload).unwrap_or_default(),
        }
    }
}

/// Why an order is held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderHold {
    pub code: String,
    pub message: String,
    /// Who stopped it: `plan` (Brygga's rules), `warehouse` (a refused call), `merchant`...
    pub source: Option<String>,
    /// The merchant can let the order go from here; otherwise the reason must be fixed first
    /// (the mapping, the shop order) and the next orders sync lets it go.
    pub clearable: bool,
}

/// Which side an event comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum EventSide {
    Shop,
    Warehouse,
    Brygga,
}

/// One entry of the order's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TimelineEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    /// What happened: `shop.seen`, `shop.changed`, `warehouse.status`, `warehouse.tracking`,
    /// `hold.set`, `hold.cleared`, or a call's kind (`warehouse.upsert_order`, `shop.set_status`,
    /// `warehouse.release_order`, `warehouse.cancel_order`, `warehouse.hold_order`).
    pub kind: String,
    pub side: EventSide,
    /// For calls: `done`, `retrying` or `dead`.
    pub outcome: Option<String>,
    /// The shop status named by the event, by id and name.
    #[ts(type = "number | null")]
    pub shop_status_id: Option<i64>,
    pub shop_status_name: Option<String>,
    #[ts(type = "number | null")]
    pub warehouse_status: Option<i64>,
    pub warehouse_status_text: Option<String>,
    pub tracking: Option<String>,
    pub tracking_url: Option<String>,
    /// A shop status write asked the shop to e-mail the customer.
    pub email_customer: Option<bool>,
    /// An error or hold reason: its code and words.
    pub code: Option<String>,
    pub message: Option<String>,
    pub attempts: Option<u32>,
    /// The call (outbox row) the event is about; its payload is in [`OrderDetail::calls`].
    #[ts(type = "number | null")]
    pub call_id: Option<i64>,
    /// Everything the event recorded, as indented JSON.
    pub details: String,
}

/// Everything about one order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderDetail {
    pub order: OrderRow,
    #[ts(type = "number | null")]
    pub warehouse_order_id: Option<i64>,
    pub sent_at: Option<String>,
    /// How many versions of the order the warehouse accepted.
    pub sends: u32,
    pub hold: Option<OrderHold>,
    /// The merchant holds the order back from release batches.
    pub held_back: bool,
    pub paid: bool,
    #[ts(type = "number | null")]
    pub released_batch_id: Option<i64>,
    /// The shop status Brygga last wrote, by id and name.
    #[ts(type = "number | null")]
    pub shop_status_written: Option<i64>,
    pub shop_status_written_name: Option<String>,
    /// The order can be sent to the warehouse again: known to it or waiting, not cancelled, and
    /// the warehouse has not started on it.
    pub can_resend: bool,
    /// Every event across both systems, oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Every call queued for the order, oldest first.
    pub calls: Vec<OrderCall>,
    /// The numbers of the order's returns, for links to them.
    pub returns: Vec<String>,
}
