//! The orders screen's commands: the list of every order Brygga has seen (a page at a time,
//! filtered), one order's page (its link state, hold, the timeline of every event across both
//! systems and the calls made for it), and the actions that make sense there: try a call that gave
//! up again, send the order to the warehouse again, and let a held order go.
//!
//! The list reads the store only; the shop's status names come from a cache (see
//! [`shop_statuses`]), so the list never waits for or fails on the shop. The actions are in
//! [`actions`].

mod actions;
mod shop_statuses;
mod timeline;
mod view;

use brygga_core::mapping::WarehouseStage;
use brygga_store::{OrderFilter, OrderLink, Store};
use brygga_sync::{SyncError, SyncSettings};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use actions::{clear_order_hold, resend_order, retry_order_call};
pub use timeline::{ORDER_CALL_KINDS, RETURN_CALL_KINDS};
pub use view::{
    CallStatus, EventSide, OrderCall, OrderDetail, OrderHold, OrderRow, OrderStateName,
    TimelineEntry,
};

use crate::{App, ErrorCode, IpcError};

/// The most orders one page may hold.
pub const MAX_PAGE: u32 = 500;
/// The page size when the request names none.
const DEFAULT_PAGE: u32 = 100;
/// Hold codes the merchant can let go from the order page: the warehouse refused a change or a
/// cancellation, and the merchant has taken note. Every other reason comes back with the next
/// sync until its cause (mapping, shop order) is fixed.
const CLEARABLE_HOLDS: [&str; 2] = ["order.changeRefused", "order.cancelRefused"];

/// `list_orders`: one page of orders, newest order number first. Every filter narrows the list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ListOrdersRequest {
    pub state: Option<OrderStateName>,
    /// `true`: only orders the warehouse has started on; `false`: only the others.
    pub locked: Option<bool>,
    /// Part of the order number, or of the tracking number.
    pub text: Option<String>,
    /// Placed at or after this time (RFC 3339).
    pub created_from: Option<String>,
    /// Placed before this time (RFC 3339).
    pub created_to: Option<String>,
    pub offset: u32,
    /// At most [`MAX_PAGE`]; 0 asks for the default of 100.
    pub limit: u32,
}

/// One page of the orders list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderListPage {
    pub orders: Vec<OrderRow>,
    /// How many orders match the filters in all.
    pub total: u32,
    pub offset: u32,
    /// Whether the shop's status names could be read; when not, the list shows status ids.
    pub shop_status_names: bool,
}

/// Names one order.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderRequest {
    #[ts(type = "number")]
    pub shop_order_id: i64,
}

/// `retry_order_call`: a call of this order that gave up, to try again.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetryOrderCallRequest {
    #[ts(type = "number")]
    pub shop_order_id: i64,
    #[ts(type = "number")]
    pub call_id: i64,
}

/// What an action on an order did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum OrderActionOutcome {
    /// The call was made and accepted.
    Done,
    /// The call is queued and not made yet.
    Queued,
    /// The call failed and will be tried again.
    Retrying,
    /// The call gave up again; the message says why.
    Failed,
    /// Nothing was done, for the reason in the message (for example: the warehouse has started).
    Refused,
    /// The hold was lifted.
    Cleared,
}

/// An action's answer: what it did, in words as detail, and the call it made if any.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OrderActionResult {
    pub outcome: OrderActionOutcome,
    pub message: String,
    #[ts(type = "number | null")]
    pub call_id: Option<i64>,
}

fn sync_error(err: SyncError) -> IpcError {
    match err {
        SyncError::NotReady(message) => IpcError::new(ErrorCode::Validation, message),
        SyncError::Store(err) => err.into(),
        SyncError::Shop(err) => IpcError::remote(&err),
        SyncError::Warehouse(err) => IpcError::remote(&err),
    }
}

fn time(field: &str, value: Option<&str>) -> Result<Option<i64>, IpcError> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            DateTime::parse_from_rfc3339(v)
                .map(|at| at.with_timezone(&Utc).timestamp_millis())
                .map_err(|_| {
                    IpcError::new(
                        ErrorCode::Validation,
                        format!("{field} {v:?} is not a time in RFC 3339 form"),
                    )
                })
        })
        .transpose()
}

fn known(store: &Store, shop_order_id: i64) -> Result<OrderLink, IpcError> {
    store.order_links().get(shop_order_id)?.ok_or_else(|| {
        IpcError::new(
            ErrorCode::Validation,
            format!(
                "order {shop_order_id} is not known to Brygga; it was never read from the shop"
            ),
        )
    })
}

fn count(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One page of the orders list.
pub async fn list_orders(app: &App, request: ListOrdersRequest) -> Result<OrderListPage, IpcError> {
    let store = app.store()?;
    let statuses = SyncSettings::load(store)?.statuses;
    let with_stage = |stage: WarehouseStage| -> Vec<i64> {
        statuses
            .warehouse
            .iter()
            .filter(|(_, rule)| rule.stage == stage)
            .map(|(status, _)| i64::from(*status))
            .collect()
    };
    let filter = OrderFilter {
        state: request.state.map(Into::into),
        locked: request.locked,
        text: request.text.clone(),
        created_from_ms: time("createdFrom", request.created_from.as_deref())?,
        created_to_ms: time("createdTo", request.created_to.as_deref())?,
        open_statuses: with_stage(WarehouseStage::Open),
        shipped_statuses: with_stage(WarehouseStage::Sent),
    };
    let limit = match request.limit {
        0 => DEFAULT_PAGE,
        n => n.min(MAX_PAGE),
    };
    let page = store
        .order_links()
        .page(&filter, request.offset as usize, limit as usize)?;
    let names = shop_statuses::names(app).await;
    Ok(OrderListPage {
        orders: page
            .orders
            .iter()
            .map(|link| OrderRow::new(link, &statuses, &names))
            .collect(),
        total: count(page.total),
        offset: request.offset,
        shop_status_names: !names.is_empty(),
    })
}

fn hold_view(link: &OrderLink) -> Option<OrderHold> {
    let hold = link.hold.as_ref()?;
    let field = |name: &str| hold.get(name).and_then(|v| v.as_str()).map(str::to_owned);
    let code = field("code").unwrap_or_default();
    let source = field("source");
    Some(OrderHold {
        clearable: source.as_deref() == Some("warehouse")
            || CLEARABLE_HOLDS.contains(&code.as_str()),
        message: field("message").unwrap_or_default(),
        code,
        source,
    })
}

/// Everything about one order: state, hold, timeline and calls.
pub async fn order_detail(app: &App, request: OrderRequest) -> Result<OrderDetail, IpcError> {
    let store = app.store()?;
    let id = request.shop_order_id;
    let link = known(store, id)?;
    let statuses = SyncSettings::load(store)?.statuses;
    let names = shop_statuses::names(app).await;
    let mut calls = store
        .outbox()
        .with_key_prefix(&ORDER_CALL_KINDS, &format!("{id}@"))?;
    let mut events = store
        .events()
        .for_subject(&brygga_sync::order_events::order_subject(id))?;
    // The order's returns belong to its history: the return orders and the comments about them.
    let returns = store.returns().numbers_for_order(&id.to_string())?;
    for number in &returns {
        calls.extend(store.outbox().with_key_prefix(&RETURN_CALL_KINDS, number)?);
        events.extend(store.events().for_subject(&format!("return:{number}"))?);
    }
    calls.sort_by_key(|call| call.id);
    calls.dedup_by_key(|call| call.id);
    events.sort_by_key(|event| (event.at_ms, event.id));
    let order = OrderRow::new(&link, &statuses, &names);
    Ok(OrderDetail {
        can_resend: !link.cancelled && !link.baseline && !order.locked,
        order,
        warehouse_order_id: link.warehouse_order_id,
        sent_at: link.sent_at_ms.map(view::iso),
        sends: link.sent_generation,
        hold: hold_view(&link),
        held_back: link.held_back,
        paid: link.paid,
        released_batch_id: link.released_batch_id,
        shop_status_written: link.shop_status_written,
        shop_status_written_name: link
            .shop_status_written
            .and_then(|s| names.get(&s).cloned()),
        timeline: events
            .iter()
            .map(|e| timeline::entry(e, &calls, &names))
            .collect(),
        calls: calls.iter().map(OrderCall::from).collect(),
        returns,
    })
}
