//! The warehouse staff's work on goods coming in: receiving a purchase order (with any quantities,
//! including over, under, rejected and unadvised articles), receiving a return, registering an
//! unclaimed parcel as a return, and correcting stock by hand.
//!
//! Rejected goods are received into a locked item status: they count as received and as physically
//! present, but as locked, so they never become sellable. An article nobody advised gets a new
//! purchase-order line with `advisedNumberOfItems` 0 (the spec does not say how Ongoing shows them;
//! an extra line is the reading that lets a client see it).

use super::{GoodsReceipt, OperatorError, ReturnReceipt, StockAdjustment, UnclaimedParcel};
use crate::ongoing::return_orders::upsert_return_order;
use crate::ongoing::statuses::{PurchaseOrderStatus, ReturnOrderStatus};
use crate::ongoing::wire::CodeNamePair;
use crate::ongoing::wire::return_order::{
    CustomerOrderLineRef, CustomerOrderRef, PostReturnOrder, PostReturnOrderLine,
};
use crate::ongoing::wms::{PurchaseOrderLine, ReceivedBatch, ReturnedBatch, Wms};

pub(crate) fn receive_purchase_order(
    wms: &mut Wms,
    id: i32,
    receipt: &GoodsReceipt,
) -> Result<(), OperatorError> {
    let purchase_order = wms.purchase_orders.get(&id).ok_or_else(|| {
        OperatorError::NotFound(format!("There is no purchase order with id {id}."))
    })?;
    match purchase_order.status {
        PurchaseOrderStatus::Received | PurchaseOrderStatus::Cancelled => {
            return Err(OperatorError::Refused(format!(
                "Purchase order {id} is {}; nothing more can be received on it.",
                purchase_order.status.text()
            )));
        }
        PurchaseOrderStatus::Notified
        | PurchaseOrderStatus::Receiving
        | PurchaseOrderStatus::PartlyReceived => {}
    }
    let explicit_status = receipt
        .status_number
        .map(|number| {
            PurchaseOrderStatus::from_number(number).ok_or_else(|| {
                OperatorError::Refused(format!("There is no purchase order status {number}."))
            })
        })
        .transpose()?;
    let mut resolved = Vec::with_capacity(receipt.lines.len());
    for goods in &receipt.lines {
        let article = wms
            .article_by_number(&goods.article_number)
            .ok_or_else(|| {
                OperatorError::Refused(format!(
                    "There is no article '{}' to receive; it must be registered first.",
                    goods.article_number
                ))
            })?;
        if goods.number_of_items < 0.0 {
            return Err(OperatorError::Refused(format!(
                "Cannot receive a negative quantity of '{}'.",
                goods.article_number
            )));
        }
        resolved.push(article.id);
    }
    let now = wms.now();
    let warehouse_id = purchase_order.warehouse_id;
    for (goods, article_id) in receipt.lines.iter().zip(&resolved) {
        let article_item_id = wms.ids.article_item();
        let Some(purchase_order) = wms.purchase_orders.get_mut(&id) else {
            continue;
        };
        let index = match purchase_order
            .lines
            .iter()
            .position(|line| line.article_id == *article_id)
        {
            Some(index) => index,
            None => {
                let row_number = next_row_number(&purchase_order.lines);
                purchase_order.lines.push(PurchaseOrderLine {
                    id: wms.ids.purchase_order_line(),
                    row_number,
                    article_id: *article_id,
                    data: None,
                    advised: 0.0,
                    received: 0.0,
                    reported: 0.0,
                    items: Vec::new(),
                });
                purchase_order.lines.len() - 1
            }
        };
        let line = &mut purchase_order.lines[index];
        line.received += goods.number_of_items;
        let item_status = match (&goods.article_item_status, goods.rejected) {
            (Some(status), _) => Some(CodeNamePair {
                code: Some(status.clone()),
                name: Some(status.clone()),
            }),
            (None, true) => Some(CodeNamePair::new("REJECTED", "Rejected at goods receipt")),
            (None, false) => None,
        };
        line.items.push(ReceivedBatch {
            article_item_id,
            number_of_items: goods.number_of_items,
            received_at: now,
            item_status,
            locked: goods.rejected,
            locked_for_sale: goods.locked_for_sale,
            comment: goods.comment.clone(),
        });
        let cell = wms.stock_cell(*article_id, warehouse_id);
        cell.on_hand += goods.number_of_items;
        if goods.rejected {
            cell.locked += goods.number_of_items;
        } else if goods.locked_for_sale {
            cell.locked_for_sale += goods.number_of_items;
        }
        cell.last_in = Some(now);
    }
    let Some(purchase_order) = wms.purchase_orders.get_mut(&id) else {
        return Ok(());
    };
    let all_in = purchase_order
        .lines
        .iter()
        .all(|line| line.received >= line.advised);
    purchase_order.status =
        explicit_status.unwrap_or(if receipt.complete.unwrap_or(false) || all_in {
            PurchaseOrderStatus::Received
        } else {
            PurchaseOrderStatus::PartlyReceived
        });
    purchase_order.status_changed = now;
    purchase_order.head_or_lines_changed = now;
    purchase_order.last_received = Some(now);
    let touched: Vec<i32> = purchase_order
        .lines
        .iter()
        .map(|line| line.article_id)
        .collect();
    wms.touch_stock(touched);
    Ok(())
}

fn next_row_number(lines: &[PurchaseOrderLine]) -> String {
    let highest = lines
        .iter()
        .filter_map(|line| line.row_number.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    (highest + 1).to_string()
}

pub(crate) fn receive_return_order(
    wms: &mut Wms,
    id: i32,
    receipt: &ReturnReceipt,
) -> Result<(), OperatorError> {
    let return_order = wms.return_orders.get(&id).ok_or_else(|| {
        OperatorError::NotFound(format!("There is no return order with id {id}."))
    })?;
    match return_order.status {
        ReturnOrderStatus::Processed | ReturnOrderStatus::Cancelled => {
            return Err(OperatorError::Refused(format!(
                "Return order {id} is {}; nothing more can be received.",
                return_order.status.text()
            )));
        }
        ReturnOrderStatus::Notified
        | ReturnOrderStatus::PartlyReceived
        | ReturnOrderStatus::Received => {}
    }
    let mut plan = Vec::with_capacity(receipt.lines.len());
    for goods in &receipt.lines {
        let index = return_order
            .lines
            .iter()
            .position(|line| line.row_number == goods.return_order_row_number)
            .ok_or_else(|| {
                OperatorError::NotFound(format!(
                    "Return order {id} has no row '{}'.",
                    goods.return_order_row_number
                ))
            })?;
        let line = &return_order.lines[index];
        let cause_removes = line
            .cause
            .as_ref()
            .and_then(|cause| cause.code.as_deref())
            .is_some_and(|code| {
                wms.return_causes
                    .iter()
                    .any(|known| known.code.eq_ignore_ascii_case(code) && known.is_remove_cause)
            });
        plan.push((
            index,
            line.article_id,
            line.order_line_id,
            goods.remove_from_stock.unwrap_or(cause_removes),
        ));
    }
    let now = wms.now();
    let (order_id, warehouse_id) = (return_order.order_id, return_order.warehouse_id);
    for (goods, (index, article_id, order_line_id, removed)) in receipt.lines.iter().zip(plan) {
        if let Some(return_order) = wms.return_orders.get_mut(&id) {
            let line = &mut return_order.lines[index];
            line.items.push(ReturnedBatch {
                number_of_items: goods.number_of_items,
                returned_at: now,
                cause: line.cause.clone(),
                item_status: goods
                    .article_item_status
                    .clone()
                    .map(|status| CodeNamePair {
                        code: Some(status.clone()),
                        name: Some(status),
                    }),
                removed,
                comment: goods.comment.clone(),
            });
        }
        if !removed {
            let cell = wms.stock_cell(article_id, warehouse_id);
            cell.on_hand += goods.number_of_items;
            if goods.locked {
                cell.locked += goods.number_of_items;
            }
            cell.last_in = Some(now);
        }
        if let Some(order) = wms.orders.get_mut(&order_id) {
            if let Some(order_line) = order.lines.iter_mut().find(|line| line.id == order_line_id) {
                order_line.returned += goods.number_of_items;
            }
            order.last_returned = Some(now);
        }
        wms.touch_stock([article_id]);
    }
    if let Some(return_order) = wms.return_orders.get_mut(&id) {
        let all_in = return_order
            .lines
            .iter()
            .all(|line| line.returned() >= line.to_be_returned);
        return_order.status = if receipt.complete.unwrap_or(false) || all_in {
            ReturnOrderStatus::Received
        } else {
            ReturnOrderStatus::PartlyReceived
        };
        return_order.arrived = return_order.arrived.or(Some(now));
    }
    Ok(())
}

/// A parcel the customer never collected comes back: the warehouse registers a return order for
/// everything shipped and not yet returned, with cause `UNCLAIMED`, and receives it in one go.
pub(crate) fn register_unclaimed_parcel(
    wms: &mut Wms,
    request: &UnclaimedParcel,
) -> Result<i32, OperatorError> {
    let order_id = request.order_id;
    let order = wms
        .orders
        .get(&order_id)
        .ok_or_else(|| OperatorError::NotFound(format!("There is no order with id {order_id}.")))?;
    if order.shipment.is_none() {
        return Err(OperatorError::Refused(format!(
            "Order {order_id} has not been shipped; there is no parcel to come back."
        )));
    }
    let lines: Vec<PostReturnOrderLine> = order
        .lines
        .iter()
        .filter(|line| line.picked > line.returned)
        .enumerate()
        .map(|(index, line)| PostReturnOrderLine {
            return_order_row_number: (index + 1).to_string(),
            customer_order_line: CustomerOrderLineRef {
                order_line_id: line.id,
            },
            to_be_returned_number_of_items: line.picked - line.returned,
            return_cause: Some(CodeNamePair::new("UNCLAIMED", "")),
            return_order_line_comment: None,
        })
        .collect();
    if lines.is_empty() {
        return Err(OperatorError::Refused(format!(
            "Everything shipped on order {order_id} has already come back."
        )));
    }
    let number = request
        .return_order_number
        .clone()
        .unwrap_or_else(|| format!("{}-UNCLAIMED", order.header.order_number));
    let receipt = ReturnReceipt {
        lines: lines
            .iter()
            .map(|line| super::ReturnedGoods {
                return_order_row_number: line.return_order_row_number.clone(),
                number_of_items: line.to_be_returned_number_of_items,
                ..Default::default()
            })
            .collect(),
        complete: Some(true),
    };
    let data = PostReturnOrder {
        goods_owner_id: wms.config.goods_owner_id,
        return_order_number: number,
        customer_order: CustomerOrderRef { order_id },
        comment: request
            .comment
            .clone()
            .or_else(|| Some("Unclaimed parcel returned by the carrier.".to_owned())),
        return_order_lines: lines,
        ..Default::default()
    };
    let (id, _) = upsert_return_order(wms, data)
        .map_err(|error| OperatorError::Refused(error.message().to_owned()))?;
    receive_return_order(wms, id, &receipt)?;
    Ok(id)
}

/// Sets or shifts an article's stock in one warehouse, as after a stock count.
pub(crate) fn adjust_stock(
    wms: &mut Wms,
    adjustment: &StockAdjustment,
) -> Result<i32, OperatorError> {
    let article_id = wms
        .article_by_number(&adjustment.article_number)
        .map(|article| article.id)
        .ok_or_else(|| {
            OperatorError::NotFound(format!(
                "There is no article '{}'.",
                adjustment.article_number
            ))
        })?;
    let warehouse_id = wms
        .resolve_site(adjustment.warehouse_id)
        .map_err(|error| OperatorError::Refused(error.message().to_owned()))?;
    let cell = *wms.stock_cell(article_id, warehouse_id);
    let on_hand = match (adjustment.set_to, adjustment.delta) {
        (Some(_), Some(_)) => {
            return Err(OperatorError::Refused(
                "Give either setTo or delta, not both.".to_owned(),
            ));
        }
        (Some(set_to), None) => set_to,
        (None, Some(delta)) => cell.on_hand + delta,
        (None, None) => cell.on_hand,
    };
    let locked = cell.locked + adjustment.locked_delta.unwrap_or(0.0);
    if on_hand < 0.0 || locked < 0.0 || locked > on_hand {
        return Err(OperatorError::Refused(format!(
            "Stock of '{}' would be {on_hand} on hand with {locked} locked; that cannot be.",
            adjustment.article_number
        )));
    }
    let cell = wms.stock_cell(article_id, warehouse_id);
    cell.on_hand = on_hand;
    cell.locked = locked;
    wms.touch_stock([article_id]);
    Ok(article_id)
}
