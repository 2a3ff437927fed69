//! Registering a return: find the delivered order (by number, customer name or e-mail) with what
//! can still be returned per line, check the lines and cause, create the return order in the
//! warehouse linked to the order's lines through the outbox, and comment on the shop order once the
//! warehouse has it.

use std::collections::HashMap;

use brygga_core::returns::{
    DeliveredLine, RequestedLine, ReturnDraftLine, ReturnKind, ReturnOrderDraft, ShopComment,
    validate_return,
};
use brygga_ongoing::OngoingClient;
use brygga_ongoing::orders::{Order, OrderQuery};
use brygga_ongoing::return_orders::ReturnOrderQuery;
use brygga_store::ReturnRecord;
use brygga_sync::Engine;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ReturnSaved;
use super::view::ReturnKindName;
use super::warehouse::{returns_error, shop_order_id};
use crate::{App, ErrorCode, IpcError};

/// `find_returnable_orders`: an order number, or part of a customer's name or e-mail.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FindReturnableOrdersRequest {
    pub query: String,
}

/// A line of an order and how much of it can still be returned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnableLine {
    pub sku: String,
    pub ordered: u32,
    pub delivered: u32,
    /// On earlier returns (announced or arrived).
    pub already_returned: u32,
    /// Delivered minus already returned.
    pub returnable: u32,
}

/// An order a return can be registered against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnableOrder {
    pub order_number: String,
    pub customer_name: Option<String>,
    pub email: Option<String>,
    /// Whether the warehouse has shipped it; an order never delivered cannot be returned.
    pub delivered: bool,
    pub lines: Vec<ReturnableLine>,
}

/// The orders found, at most 20.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnableOrders {
    pub orders: Vec<ReturnableOrder>,
}

/// One line to return.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnLineForm {
    pub sku: String,
    pub quantity: u32,
}

/// `register_return`: a regret purchase or a complaint on a delivered order.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RegisterReturnRequest {
    pub order_number: String,
    /// `regret`, `complaint` or `unclaimed`; unannounced returns come from the warehouse.
    pub kind: ReturnKindName,
    pub lines: Vec<ReturnLineForm>,
    /// A return cause code from `list_return_causes`.
    pub cause: String,
    #[serde(default)]
    pub note: Option<String>,
}

const MAX_FOUND: usize = 20;

fn units(value: f64) -> i64 {
    if value.is_finite() && value > 0.0 {
        value.round() as i64
    } else {
        0
    }
}

fn line_sku(order: &Order, line_id: i32) -> Option<String> {
    order
        .order_lines
        .iter()
        .find(|line| line.id == line_id)
        .and_then(|line| line.article.as_ref())
        .and_then(|article| article.article_number.clone())
}

/// What an order's earlier returns hold: the return order numbers taken, and units per SKU.
#[derive(Debug, Default)]
struct EarlierReturns {
    numbers: Vec<String>,
    units: HashMap<String, i64>,
}

/// The order's earlier returns: the warehouse's return orders for it, and the ones registered
/// here and still waiting to be sent (so a return registered while the warehouse is down still
/// counts).
async fn earlier_returns(
    warehouse: &OngoingClient,
    engine: &Engine,
    order: &Order,
) -> Result<EarlierReturns, IpcError> {
    let number = order.order_info.order_number.clone().unwrap_or_default();
    let in_warehouse = warehouse
        .return_orders(&ReturnOrderQuery {
            customer_order_numbers: vec![number.clone()],
            ..Default::default()
        })
        .await
        .map_err(|err| returns_error(&err))?;
    let mut earlier = EarlierReturns::default();
    for return_order in &in_warehouse {
        earlier
            .numbers
            .extend(return_order.number().map(str::to_owned));
        for line in &return_order.return_order_lines {
            let sku = line
                .article
                .as_ref()
                .and_then(|a| a.article_number.clone())
                .or_else(|| {
                    line.customer_order_line
                        .as_ref()
                        .and_then(|l| line_sku(order, l.order_line_id))
                });
            if let Some(sku) = sku {
                *earlier.units.entry(sku).or_default() += units(
                    line.to_be_returned_number_of_items
                        .max(line.returned_number_of_items),
                );
            }
        }
    }
    for draft in engine.unsent_return_orders()? {
        if draft.order_number != number || earlier.numbers.contains(&draft.number) {
            continue;
        }
        for line in &draft.lines {
            *earlier.units.entry(line.sku.clone()).or_default() += line.quantity;
        }
        earlier.numbers.push(draft.number);
    }
    Ok(earlier)
}

/// Per SKU, delivered and already returned units of a warehouse order.
fn delivered_lines(
    order: &Order,
    earlier: &EarlierReturns,
) -> (Vec<DeliveredLine>, Vec<ReturnableLine>) {
    let shipped = order.order_info.shipped_time.is_some();
    let mut core = Vec::new();
    let mut views = Vec::new();
    for line in &order.order_lines {
        let Some(sku) = line.article.as_ref().and_then(|a| a.article_number.clone()) else {
            continue;
        };
        let delivered = if shipped {
            units(line.picked_number_of_items)
        } else {
            0
        };
        let already_returned = earlier.units.get(&sku).copied().unwrap_or(0);
        let delivered_line = DeliveredLine {
            sku: sku.clone(),
            delivered,
            already_returned,
        };
        views.push(ReturnableLine {
            sku,
            ordered: units(line.ordered_number_of_items) as u32,
            delivered: delivered as u32,
            already_returned: already_returned as u32,
            returnable: delivered_line.returnable() as u32,
        });
        core.push(delivered_line);
    }
    (core, views)
}

/// The next return number of an order, `{order}-R{n}`, free both here and in the warehouse.
fn next_number(order_number: &str, taken: &[String]) -> String {
    let used = |n: usize| {
        let number = format!("{order_number}-R{n}");
        taken.contains(&number)
    };
    let mut n = taken.len() + 1;
    while used(n) {
        n += 1;
    }
    format!("{order_number}-R{n}")
}

fn matches(order: &Order, query: &str) -> bool {
    let query = query.to_lowercase();
    let consignee = order.consignee.as_ref();
    let name = consignee
        .and_then(|c| c.name.as_deref())
        .unwrap_or_default();
    let email = order
        .order_info
        .email_notification
        .as_ref()
        .and_then(|n| n.value.as_deref())
        .unwrap_or_default();
    name.to_lowercase().contains(&query) || email.to_lowercase().contains(&query)
}

/// Orders by number, or by part of the customer's name or e-mail, with their returnable lines.
pub async fn find_returnable_orders(
    app: &App,
    req: FindReturnableOrdersRequest,
) -> Result<ReturnableOrders, IpcError> {
    let query = req.query.trim();
    if query.is_empty() {
        return Err(IpcError::new(
            ErrorCode::Validation,
            "type an order number, or part of the customer's name or e-mail",
        ));
    }
    let engine = crate::sync::engine(app)?;
    let remotes = engine.remotes();
    let warehouse = &remotes.warehouse;
    let mut found = warehouse
        .orders(&OrderQuery {
            order_number: Some(query.to_owned()),
            ..Default::default()
        })
        .await
        .map_err(|err| IpcError::remote(&err))?;
    if found.is_empty() {
        found = warehouse
            .orders(&OrderQuery::default())
            .await
            .map_err(|err| IpcError::remote(&err))?
            .into_iter()
            .filter(|order| matches(order, query))
            .collect();
        found.reverse();
    }
    let mut orders = Vec::new();
    for order in found.into_iter().take(MAX_FOUND) {
        let earlier = earlier_returns(warehouse, &engine, &order).await?;
        let (_, lines) = delivered_lines(&order, &earlier);
        orders.push(ReturnableOrder {
            order_number: order.order_info.order_number.clone().unwrap_or_default(),
            customer_name: order.consignee.as_ref().and_then(|c| c.name.clone()),
            email: order
                .order_info
                .email_notification
                .as_ref()
                .and_then(|n| n.value.clone()),
            delivered: order.order_info.shipped_time.is_some(),
            lines,
        });
    }
    Ok(ReturnableOrders { orders })
}

/// Registers a return: checks it, stores it and queues its return order (linked to the order's
/// lines) under its number in one transaction, then sends it. The shop order's comment follows
/// once the warehouse has the return order.
pub async fn register_return(
    app: &App,
    req: RegisterReturnRequest,
) -> Result<ReturnSaved, IpcError> {
    let kind = match req.kind {
        ReturnKindName::Regret => ReturnKind::Regret,
        ReturnKindName::Complaint => ReturnKind::Complaint,
        // The carrier told the merchant a parcel is on its way back uncollected.
        ReturnKindName::Unclaimed => ReturnKind::Unclaimed,
        ReturnKindName::Unannounced => {
            return Err(IpcError::new(
                ErrorCode::Validation,
                "a return the merchant registers is announced: a regret purchase, a complaint or an unclaimed parcel; only the warehouse registers unannounced returns",
            ));
        }
    };
    let order_number = req.order_number.trim().to_owned();
    let engine = crate::sync::engine(app)?;
    let remotes = engine.remotes();
    let warehouse = &remotes.warehouse;
    let order = warehouse
        .orders(&OrderQuery {
            order_number: Some(order_number.clone()),
            ..Default::default()
        })
        .await
        .map_err(|err| IpcError::remote(&err))?
        .into_iter()
        .next()
        .ok_or_else(|| {
            IpcError::new(
                ErrorCode::Validation,
                format!(
                    "order {order_number} is not in the warehouse, so it was never delivered and nothing on it can be returned"
                ),
            )
        })?;
    let causes = warehouse
        .return_causes()
        .await
        .map_err(|err| returns_error(&err))?;
    let known: Vec<String> = causes.iter().filter_map(|c| c.code.clone()).collect();
    let earlier = earlier_returns(warehouse, &engine, &order).await?;
    let (delivered, _) = delivered_lines(&order, &earlier);
    let requested: Vec<RequestedLine> = req
        .lines
        .iter()
        .map(|line| RequestedLine {
            sku: line.sku.trim().to_owned(),
            quantity: i64::from(line.quantity),
        })
        .collect();
    let cause = req.cause.trim().to_owned();
    validate_return(&order_number, &delivered, &requested, &cause, &known)
        .map_err(|problems| IpcError::new(ErrorCode::Validation, problems.join("; ")))?;

    let store = app.store()?;
    let mut taken = earlier.numbers.clone();
    taken.extend(store.returns().numbers_for_order(&order_number)?);
    taken.sort();
    taken.dedup();
    let number = next_number(&order_number, &taken);
    let note = req
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned);
    let cause_name = causes
        .iter()
        .find(|c| c.code.as_deref() == Some(cause.as_str()))
        .and_then(|c| c.name.clone());
    let mut lines = Vec::new();
    for (index, line) in requested.iter().enumerate() {
        let order_line = order
            .order_lines
            .iter()
            .find(|l| {
                l.article.as_ref().and_then(|a| a.article_number.as_deref())
                    == Some(line.sku.as_str())
            })
            .ok_or_else(|| {
                IpcError::new(
                    ErrorCode::Validation,
                    format!("{} is not on order {order_number}", line.sku),
                )
            })?;
        lines.push(ReturnDraftLine {
            row_number: (index + 1).to_string(),
            order_line_id: order_line.id,
            sku: line.sku.clone(),
            quantity: line.quantity,
            cause_code: cause.clone(),
            cause_name: cause_name.clone(),
            comment: note.clone(),
        });
    }
    let draft = ReturnOrderDraft {
        number: number.clone(),
        order_number: order_number.clone(),
        warehouse_order_id: order.order_info.order_id,
        comment: note.clone(),
        lines,
    };
    let (announcement, problem) = match shop_order_id(&order_number) {
        Ok(shop_order_id) => (
            Some(ShopComment {
                shop_order_id,
                generation: 1,
                text: announcement_text(&number, kind, &cause, &requested, note.as_deref()),
            }),
            None,
        ),
        Err(problem) => (None, Some(problem)),
    };
    let now_ms = chrono::Utc::now().timestamp_millis();
    let record = ReturnRecord {
        number: number.clone(),
        warehouse_id: None,
        order_number: Some(order_number.clone()),
        kind: kind.as_str().to_owned(),
        cause: Some(cause.clone()),
        note,
        state: "announced".to_owned(),
        handling_note: None,
        refund_minor: None,
        refund_currency: None,
        arrived_at_ms: None,
        comment_generation: u32::from(announcement.is_some()),
        created_at_ms: now_ms,
        updated_at_ms: now_ms,
    };
    if let Err(err) = engine.queue_return(&record, draft, announcement) {
        if store.returns().get(&number)?.is_some() {
            return Err(IpcError::new(
                ErrorCode::Validation,
                format!(
                    "another return of order {order_number} was registered as {number} at the same moment; search the order again to see what can still be returned"
                ),
            ));
        }
        return Err(err.into());
    }
    crate::sync::drain_now(&engine).await?;
    super::saved(app, &engine, warehouse, &number, problem).await
}

/// The comment announcing a return on its shop order.
fn announcement_text(
    number: &str,
    kind: ReturnKind,
    cause: &str,
    requested: &[RequestedLine],
    note: Option<&str>,
) -> String {
    let summary: Vec<String> = requested
        .iter()
        .map(|l| format!("{} x {}", l.sku, l.quantity))
        .collect();
    let kind_text = match kind {
        ReturnKind::Complaint => "complaint",
        ReturnKind::Unclaimed => "unclaimed parcel",
        _ => "regret purchase",
    };
    let mut text = format!(
        "Return {number} announced to the warehouse ({kind_text}, cause {cause}): {}",
        summary.join(", ")
    );
    if let Some(note) = note {
        text.push_str(&format!(". {note}"));
    }
    text
}
