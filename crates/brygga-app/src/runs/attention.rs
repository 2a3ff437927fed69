//! The dashboard's "needs attention" list: every problem the merchant must act on, each with what
//! to open to fix it (the `kind` picks the screen, `focus` what to open there).
//!
//! Orders held because their shipping method is not in the transport mapping are listed once per
//! method with the number of orders they hold up, since one mapping fixes them all. A change or a
//! cancellation the warehouse no longer takes is its own kind: the order itself is fine, the
//! merchant has to ask the 3PL.

use std::collections::BTreeMap;

use brygga_core::operation::Operation;
use brygga_core::schedule::Flow;
use brygga_store::{OutboxStatus, Store, SyncOutcome};
use brygga_sync::flows::stock::{RAISED_OUTSIDE, RaisedOutside};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::view::iso;
use crate::IpcError;

/// The most entries of one kind listed; the count says how many there are in all.
pub const PER_KIND: usize = 100;

/// What needs attention, and so which screen fixes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum AttentionKind {
    /// A flow's last run failed (focus: the flow) -> sync log.
    FailedFlow,
    /// A call gave up (focus: the outbox id) -> sync log.
    DeadCall,
    /// A shipping method without a carrier holds orders (focus: the shipping method id) ->
    /// transport mapping.
    UnmappedShippingMethod,
    /// An order is stopped with a reason (focus: the shop order id) -> orders.
    HeldOrder,
    /// A change or cancellation came after the warehouse started (focus: the shop order id) ->
    /// orders.
    RefusedChange,
    /// A release batch's time passed while Brygga was off (focus: the batch id) -> release.
    OverdueBatch,
    /// An article cannot be sent as it is (focus: the SKU) -> products.
    ArticleProblem,
    /// The warehouse has an article no active product has (focus: the SKU) -> products.
    OrphanedArticle,
    /// What arrived on a purchase order differs from what was advised and the merchant has not
    /// acknowledged it (focus: the purchase order number; count: open deviations) -> inbound.
    InboundDeviation,
    /// The warehouse refused a purchase order change or cancel (focus: the purchase order
    /// number) -> inbound.
    RefusedPurchaseOrder,
    /// The goods of a customer return arrived in the warehouse and the merchant has not yet
    /// refunded or closed it (focus: the return order number) -> returns.
    ReturnArrived,
    /// The shop shows more of an article than Brygga last wrote: something else writes stock
    /// too (focus: the SKU) -> stock reconciliation.
    StockRaisedOutside,
}

/// One thing to look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AttentionItem {
    pub kind: AttentionKind,
    /// What to open on the screen that fixes it.
    pub focus: String,
    /// What it is about, for display: an order number, a SKU, a shipping method's name.
    pub subject: String,
    /// The stable reason code, e.g. `order.unmappedShippingMethod` or a call's error code.
    pub code: String,
    /// The reason in the engine's words.
    pub message: String,
    /// How many things this entry stands for (orders held up by one shipping method); else 1.
    pub count: u32,
    /// When it happened or was last seen, where known.
    pub at: Option<String>,
}

fn text(value: &serde_json::Value, key: &str) -> String {
    value
        .get(key)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}

/// Everything needing the merchant, most urgent kind first, at most [`PER_KIND`] of each kind.
pub fn collect(store: &Store) -> Result<Vec<AttentionItem>, IpcError> {
    let mut items = Vec::new();
    for flow in Flow::ALL {
        if let Some(run) = store.sync_runs().latest_real(flow.as_str())?
            && run.outcome == Some(SyncOutcome::Failed)
        {
            items.push(AttentionItem {
                kind: AttentionKind::FailedFlow,
                focus: flow.as_str().to_owned(),
                subject: flow.as_str().to_owned(),
                code: "flow.failed".to_owned(),
                message: run.error.unwrap_or_default(),
                count: 1,
                at: Some(iso(run.started_at_ms)),
            });
        }
    }
    for row in store.outbox().list(Some(OutboxStatus::Dead), PER_KIND)? {
        let subject = serde_json::from_value::<Operation>(row.payload.clone())
            .map_or_else(|_| row.idempotency_key.clone(), |op| op.subject());
        items.push(AttentionItem {
            kind: AttentionKind::DeadCall,
            focus: row.id.to_string(),
            subject,
            code: row.last_error_code.unwrap_or_default(),
            message: row.last_error.unwrap_or_default(),
            count: 1,
            at: Some(iso(row.updated_at_ms)),
        });
    }
    // Shipping method id -> (name, first message, orders held).
    let mut unmapped: BTreeMap<i64, (String, String, u32)> = BTreeMap::new();
    for link in store.order_links().list_held()? {
        let hold = link.hold.unwrap_or_default();
        let code = text(&hold, "code");
        let message = text(&hold, "message");
        let kind = match code.as_str() {
            "order.unmappedShippingMethod" => {
                let problem = hold
                    .get("problems")
                    .and_then(|p| p.get(0))
                    .cloned()
                    .unwrap_or_default();
                let method = problem
                    .get("shippingMethodId")
                    .and_then(serde_json::Value::as_i64)
                    .or(link.shipping_method_id)
                    .unwrap_or_default();
                let entry = unmapped
                    .entry(method)
                    .or_insert_with(|| (text(&problem, "name"), message.clone(), 0));
                entry.2 += 1;
                continue;
            }
            "order.changeRefused" | "order.cancelRefused" => AttentionKind::RefusedChange,
            _ => AttentionKind::HeldOrder,
        };
        items.push(AttentionItem {
            kind,
            focus: link.shop_order_id.to_string(),
            subject: link.shop_order_id.to_string(),
            code,
            message,
            count: 1,
            at: Some(iso(link.updated_at_ms)),
        });
    }
    for (method, (name, message, orders)) in unmapped {
        items.push(AttentionItem {
            kind: AttentionKind::UnmappedShippingMethod,
            focus: method.to_string(),
            subject: if name.is_empty() {
                method.to_string()
            } else {
                name
            },
            code: "order.unmappedShippingMethod".to_owned(),
            message,
            count: orders,
            at: None,
        });
    }
    for batch in store.release_batches().overdue()? {
        items.push(AttentionItem {
            kind: AttentionKind::OverdueBatch,
            focus: batch.id.to_string(),
            subject: batch.slot_at_ms.map(iso).unwrap_or_default(),
            code: "batch.overdue".to_owned(),
            message: batch.note.unwrap_or_default(),
            count: 1,
            at: batch.slot_at_ms.map(iso),
        });
    }
    for article in store.articles().list()? {
        let problems = article.problems.as_array().cloned().unwrap_or_default();
        if !problems.is_empty() {
            items.push(AttentionItem {
                kind: AttentionKind::ArticleProblem,
                focus: article.sku.clone(),
                subject: article.sku.clone(),
                code: "article.invalid".to_owned(),
                message: problems
                    .iter()
                    .map(|p| {
                        serde_json::from_value::<brygga_core::article::ArticleProblem>(p.clone())
                            .map_or_else(|_| p.to_string(), |p| p.to_string())
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
                count: 1,
                at: Some(iso(article.updated_at_ms)),
            });
        }
        if article.orphaned {
            items.push(AttentionItem {
                kind: AttentionKind::OrphanedArticle,
                focus: article.sku.clone(),
                subject: article.sku,
                code: "article.orphaned".to_owned(),
                message: "in the warehouse, but no active product in the shop has this SKU"
                    .to_owned(),
                count: 1,
                at: Some(iso(article.updated_at_ms)),
            });
        }
    }
    for po in crate::inbound::load_all(store)? {
        let summary = po.summary();
        if summary.open_deviations > 0 {
            items.push(AttentionItem {
                kind: AttentionKind::InboundDeviation,
                focus: summary.number.clone(),
                subject: format!("{} ({})", summary.number, summary.supplier),
                code: "inbound.deviation".to_owned(),
                message: format!(
                    "{} line(s) of the delivery differ from the purchase order",
                    summary.open_deviations
                ),
                count: summary.open_deviations,
                at: summary.checked_at.clone(),
            });
        }
        if let Some(refusal) = summary.refusal.clone() {
            items.push(AttentionItem {
                kind: AttentionKind::RefusedPurchaseOrder,
                focus: summary.number.clone(),
                subject: format!("{} ({})", summary.number, summary.supplier),
                code: "inbound.refused".to_owned(),
                message: refusal,
                count: 1,
                at: Some(summary.updated_at.clone()),
            });
        }
    }
    for record in store.returns().list()? {
        let waiting = record.arrived_at_ms.is_some()
            && matches!(record.state.as_str(), "announced" | "received");
        if waiting {
            let order = record.order_number.as_deref().unwrap_or("-");
            items.push(AttentionItem {
                kind: AttentionKind::ReturnArrived,
                focus: record.number.clone(),
                subject: format!("{} (order {order})", record.number),
                code: "returns.arrived".to_owned(),
                message: format!(
                    "the goods of return {} are back in the warehouse; refund or close it",
                    record.number
                ),
                count: 1,
                at: record.arrived_at_ms.and_then(|ms| {
                    chrono::DateTime::<chrono::Utc>::from_timestamp_millis(ms)
                        .map(|t| t.to_rfc3339())
                }),
            });
        }
    }
    let raised: Option<RaisedOutside> = store.settings().get(RAISED_OUTSIDE)?;
    if let Some(raised) = raised {
        for write in raised.writes {
            items.push(AttentionItem {
                kind: AttentionKind::StockRaisedOutside,
                focus: write.sku.clone(),
                subject: write.sku.clone(),
                code: "stock.raisedOutside".to_owned(),
                message: write.message(),
                count: 1,
                at: Some(iso(raised.checked_at_ms)),
            });
        }
    }
    items.sort_by_key(|item| item.kind);
    let mut seen: BTreeMap<AttentionKind, usize> = BTreeMap::new();
    items.retain(|item| {
        let n = seen.entry(item.kind).or_default();
        *n += 1;
        *n <= PER_KIND
    });
    Ok(items)
}
