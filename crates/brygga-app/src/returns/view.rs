//! What the returns commands answer: returns with their lines as the warehouse reports them and
//! the merchant's handling from the store, and the orders a return can be registered against.

use brygga_core::returns::{
    DeviationKind, LineDeviation, ReceivedLine, ReturnOrderDraft, differences,
};
use brygga_ongoing::return_orders::ReturnOrder;
use brygga_store::ReturnRecord;
use brygga_sync::return_ops::Delivery;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Why the goods come back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReturnKindName {
    /// Ångerköp.
    Regret,
    /// Reklamation.
    Complaint,
    /// A parcel the customer never collected, back to the sender.
    Unclaimed,
    /// Registered by the warehouse without notice.
    Unannounced,
}

/// Where the merchant is with a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReturnStateName {
    Announced,
    Received,
    Refunded,
    Closed,
}

/// Money as integer minor units (öre, cent) with an ISO 4217 currency, never a float.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MoneyView {
    #[ts(type = "number")]
    pub minor_units: i64,
    pub currency: String,
}

/// One return in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnSummary {
    /// The return order number in the warehouse.
    pub number: String,
    pub kind: ReturnKindName,
    pub state: ReturnStateName,
    /// The shop order it returns; `None` when the warehouse's return could not be linked.
    pub order_number: Option<String>,
    /// The return cause code (the first line's, for a return of the warehouse's own).
    pub cause: Option<String>,
    /// The warehouse's return order status text, as last read.
    pub warehouse_status: Option<String>,
    /// Units announced over all lines.
    pub announced: u32,
    /// Units that arrived over all lines.
    pub received: u32,
    /// How many lines differ from what was announced.
    pub differences: u32,
    /// Goods have arrived and the merchant has not yet refunded or closed it.
    pub waiting_for_merchant: bool,
    pub refund: Option<MoneyView>,
    /// Whether the calls made for it (the return order, the shop comments) went through.
    pub delivery: ReturnDelivery,
    /// When Brygga first saw it (RFC 3339).
    pub created_at: String,
}

/// Where the calls for a return stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DeliveryState {
    /// Every call was made.
    Sent,
    /// A call waits to be made or retried; the sync does it without the merchant.
    Waiting,
    /// A call gave up; it can be retried from the sync log.
    Failed,
}

/// The calls for a return, and why one waits or failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnDelivery {
    pub state: DeliveryState,
    pub message: Option<String>,
}

impl From<&Delivery> for ReturnDelivery {
    fn from(delivery: &Delivery) -> Self {
        match delivery {
            Delivery::Done => ReturnDelivery {
                state: DeliveryState::Sent,
                message: None,
            },
            Delivery::Waiting { message } => ReturnDelivery {
                state: DeliveryState::Waiting,
                message: message.clone(),
            },
            Delivery::Failed { message } => ReturnDelivery {
                state: DeliveryState::Failed,
                message: Some(message.clone()),
            },
        }
    }
}

/// One line of a return.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnLineView {
    pub sku: String,
    pub name: Option<String>,
    pub announced: u32,
    pub received: u32,
    /// Of `received`, what the warehouse took out of stock (damaged, scrapped).
    pub removed: u32,
    pub cause: Option<String>,
    /// The item condition(s) the warehouse recorded on arrival.
    pub conditions: Vec<String>,
}

/// How a line differs from what was announced, like an inbound deviation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnDifferenceView {
    pub sku: String,
    pub announced: u32,
    pub received: u32,
    pub removed: u32,
    /// Received minus announced.
    pub difference: i32,
    /// Any of `over`, `under`, `rejected` (taken out of stock), `unadvised`.
    pub kinds: Vec<String>,
}

/// A return with its lines, differences and handling.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnDetail {
    pub summary: ReturnSummary,
    /// The note given when it was registered.
    pub note: Option<String>,
    /// The merchant's handling note (why it was closed, or anything added).
    pub handling_note: Option<String>,
    pub lines: Vec<ReturnLineView>,
    pub differences: Vec<ReturnDifferenceView>,
}

pub(crate) fn kind_name(text: &str) -> ReturnKindName {
    match text {
        "complaint" => ReturnKindName::Complaint,
        "unclaimed" => ReturnKindName::Unclaimed,
        "unannounced" => ReturnKindName::Unannounced,
        _ => ReturnKindName::Regret,
    }
}

pub(crate) fn state_name(text: &str) -> ReturnStateName {
    match text {
        "received" => ReturnStateName::Received,
        "refunded" => ReturnStateName::Refunded,
        "closed" => ReturnStateName::Closed,
        _ => ReturnStateName::Announced,
    }
}

fn units(value: f64) -> u32 {
    if value.is_finite() && value > 0.0 {
        value.round() as u32
    } else {
        0
    }
}

fn kind_text(kind: DeviationKind) -> String {
    match kind {
        DeviationKind::Over => "over",
        DeviationKind::Under => "under",
        DeviationKind::Rejected => "rejected",
        DeviationKind::Unadvised => "unadvised",
    }
    .to_owned()
}

/// The lines of a warehouse return order, per article.
pub(crate) fn lines(order: Option<&ReturnOrder>) -> Vec<ReturnLineView> {
    let Some(order) = order else {
        return Vec::new();
    };
    order
        .return_order_lines
        .iter()
        .map(|line| {
            let article = line.article.as_ref();
            let mut conditions: Vec<String> = line
                .returned_article_items
                .iter()
                .filter_map(|item| item.article_item_status.as_ref())
                .filter_map(|status| status.name.clone().or_else(|| status.code.clone()))
                .filter(|status| !status.is_empty())
                .collect();
            conditions.sort();
            conditions.dedup();
            ReturnLineView {
                sku: article
                    .and_then(|a| a.article_number.clone())
                    .unwrap_or_default(),
                name: article.and_then(|a| a.article_name.clone()),
                announced: units(line.to_be_returned_number_of_items),
                received: units(line.returned_number_of_items),
                removed: units(line.returned_removed_by_inventory_number_of_items),
                cause: line.cause_code().map(str::to_owned),
                conditions,
            }
        })
        .collect()
}

/// The lines of a return the warehouse does not have yet, as they were registered.
pub(crate) fn draft_lines(draft: &ReturnOrderDraft) -> Vec<ReturnLineView> {
    draft
        .lines
        .iter()
        .map(|line| ReturnLineView {
            sku: line.sku.clone(),
            name: None,
            announced: u32::try_from(line.quantity).unwrap_or(0),
            received: 0,
            removed: 0,
            cause: Some(line.cause_code.clone()),
            conditions: Vec::new(),
        })
        .collect()
}

/// Whether the warehouse reports goods for the return.
pub(crate) fn has_arrived(lines: &[ReturnLineView]) -> bool {
    lines.iter().any(|line| line.received > 0)
}

/// Whether every announced unit has arrived (the warehouse is done receiving).
fn finished(lines: &[ReturnLineView]) -> bool {
    !lines.is_empty() && lines.iter().all(|line| line.received >= line.announced)
}

pub(crate) fn difference_views(
    lines: &[ReturnLineView],
    arrival_done: bool,
) -> Vec<ReturnDifferenceView> {
    let received: Vec<ReceivedLine> = lines
        .iter()
        .map(|line| ReceivedLine {
            sku: line.sku.clone(),
            advised: i64::from(line.announced),
            received: i64::from(line.received),
            rejected: i64::from(line.removed),
        })
        .collect();
    differences(&received, arrival_done || finished(lines))
        .into_iter()
        .map(|d: LineDeviation| ReturnDifferenceView {
            sku: d.sku,
            announced: d.advised as u32,
            received: d.received as u32,
            removed: d.rejected as u32,
            difference: d.difference as i32,
            kinds: d.kinds.into_iter().map(kind_text).collect(),
        })
        .collect()
}

fn time(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339()
}

/// What is known of a return besides its stored record: the warehouse's return order, or the
/// draft still waiting to be sent, and where its calls stand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Known<'a> {
    pub order: Option<&'a ReturnOrder>,
    pub draft: Option<&'a ReturnOrderDraft>,
    pub delivery: &'a Delivery,
}

/// A return as the list and the detail show it.
pub(crate) fn detail(record: &ReturnRecord, known: Known<'_>) -> ReturnDetail {
    let order = known.order;
    let lines = match (order, known.draft) {
        (None, Some(draft)) => draft_lines(draft),
        _ => lines(order),
    };
    // A return the merchant marked received (or later) counts as finished arriving.
    let arrival_done = record.state != "announced";
    let differences = difference_views(&lines, arrival_done);
    let state = state_name(&record.state);
    let arrived = record.arrived_at_ms.is_some() || has_arrived(&lines);
    let cause = record.cause.clone().or_else(|| {
        order
            .and_then(|o| o.return_order_lines.first())
            .and_then(|line| line.cause_code().map(str::to_owned))
    });
    let summary = ReturnSummary {
        number: record.number.clone(),
        kind: kind_name(&record.kind),
        state,
        order_number: record.order_number.clone(),
        cause,
        warehouse_status: order
            .and_then(|o| o.return_order_info.return_order_status.as_ref())
            .and_then(|s| s.text.clone()),
        announced: lines.iter().map(|l| l.announced).sum(),
        received: lines.iter().map(|l| l.received).sum(),
        differences: differences.len() as u32,
        waiting_for_merchant: arrived
            && matches!(
                state,
                ReturnStateName::Announced | ReturnStateName::Received
            ),
        refund: record.refund_minor.zip(record.refund_currency.clone()).map(
            |(minor_units, currency)| MoneyView {
                minor_units,
                currency,
            },
        ),
        delivery: ReturnDelivery::from(known.delivery),
        created_at: time(record.created_at_ms),
    };
    ReturnDetail {
        summary,
        note: record.note.clone(),
        handling_note: record.handling_note.clone(),
        lines,
        differences,
    }
}
