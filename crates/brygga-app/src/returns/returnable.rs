//! Finding what can be returned: the delivered order (by number, customer name or e-mail) and,
//! per line, what was delivered, what earlier returns already hold (in the warehouse, or
//! registered here and waiting to be sent) and so what can still be returned.

use std::collections::HashMap;

use brygga_core::returns::{DeliveredLine, ReturnOrderDraft};
use brygga_ongoing::OngoingClient;
use brygga_ongoing::orders::{Order, OrderQuery};
use brygga_ongoing::return_orders::{ReturnOrder, ReturnOrderQuery};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::warehouse::returns_error;
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
pub(super) struct EarlierReturns {
    pub(super) numbers: Vec<String>,
    units: HashMap<String, i64>,
}

/// The warehouse's return orders of these shop orders, in one call (none for no orders: an empty
/// filter would read every return order).
pub(super) async fn warehouse_returns(
    warehouse: &OngoingClient,
    order_numbers: Vec<String>,
) -> Result<Vec<ReturnOrder>, IpcError> {
    if order_numbers.is_empty() {
        return Ok(Vec::new());
    }
    warehouse
        .return_orders(&ReturnOrderQuery {
            customer_order_numbers: order_numbers,
            ..Default::default()
        })
        .await
        .map_err(|err| returns_error(&err))
}

/// The order's earlier returns: its return orders in the warehouse (out of `in_warehouse`), and
/// the ones registered here and still waiting to be sent (so a return registered while the
/// warehouse is down still counts).
pub(super) fn earlier_returns(
    in_warehouse: &[ReturnOrder],
    unsent: &[ReturnOrderDraft],
    order: &Order,
) -> EarlierReturns {
    let number = order.order_info.order_number.clone().unwrap_or_default();
    let in_warehouse = in_warehouse.iter().filter(|r| {
        r.customer_order_info
            .as_ref()
            .and_then(|info| info.order_number.as_deref())
            == Some(number.as_str())
    });
    let mut earlier = EarlierReturns::default();
    for return_order in in_warehouse {
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
    for draft in unsent {
        if draft.order_number != number || earlier.numbers.contains(&draft.number) {
            continue;
        }
        for line in &draft.lines {
            *earlier.units.entry(line.sku.clone()).or_default() += line.quantity;
        }
        earlier.numbers.push(draft.number.clone());
    }
    earlier
}

/// Per SKU, delivered and already returned units of a warehouse order.
pub(super) fn delivered_lines(
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
    found.truncate(MAX_FOUND);
    let unsent = engine.unsent_return_orders()?;
    let numbers = found
        .iter()
        .filter_map(|o| o.order_info.order_number.clone())
        .collect();
    let in_warehouse = warehouse_returns(warehouse, numbers).await?;
    for order in found {
        let earlier = earlier_returns(&in_warehouse, &unsent, &order);
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
