//! The warehouse staff's work on customer orders: release, allocate, pick (partly or fully), ship
//! with parcels, waybill and tracking URL, or put an order in any status.
//!
//! Every action stamps the order's status-changed time, even when the status number stays the
//! same (a second partial pick), so a client polling `orderStatusChangedTimeFrom` sees every change
//! to the warehouse's side of the order; and every action that moves goods stamps the articles'
//! stock-changed time for `stockInfoChangedFrom`.

use super::{Allocation, OperatorError, Picking, Release, Shipping};
use crate::ongoing::reference::carrier;
use crate::ongoing::statuses::{OrderStage, order_status};
use crate::ongoing::stock::StockLedger;
use crate::ongoing::wms::{Order, Parcel, PickedBatch, Shipment, Wms};

pub(crate) fn release(
    wms: &mut Wms,
    order_id: i32,
    request: &Release,
) -> Result<(), OperatorError> {
    let order = open_order(wms, order_id)?;
    let target = checked_status(wms, request.status_number.unwrap_or(order_status::RELEASED))?;
    let touched = articles_of(order);
    set_status(wms, order_id, target);
    wms.touch_stock(touched);
    Ok(())
}

/// Reserves free stock for what the order still needs; moves an order that is not yet further
/// along to Allocated.
pub(crate) fn allocate(
    wms: &mut Wms,
    order_id: i32,
    request: &Allocation,
) -> Result<(), OperatorError> {
    let order = open_order(wms, order_id)?;
    let ledger = StockLedger::compute(wms);
    let warehouse_id = order.warehouse_id;
    let grants: Vec<(usize, f64)> = order
        .lines
        .iter()
        .enumerate()
        .map(|(index, line)| {
            let wanted = (line.unpicked() - (line.allocated - line.picked).max(0.0)).max(0.0);
            (
                index,
                wanted.min(ledger.at(line.article_id, warehouse_id).free_to_allocate()),
            )
        })
        .collect();
    let nothing_reserved = order.lines.iter().all(|line| line.allocated <= line.picked);
    if nothing_reserved && grants.iter().all(|(_, granted)| *granted <= 0.0) {
        return Err(OperatorError::Refused(format!(
            "Nothing could be allocated for order {order_id}: no free stock for its lines."
        )));
    }
    let stage = wms.order_stage(order);
    let default_status = match stage {
        OrderStage::Error | OrderStage::Open | OrderStage::Released => order_status::ALLOCATED,
        OrderStage::Allocated
        | OrderStage::Picking
        | OrderStage::Picked
        | OrderStage::Sent
        | OrderStage::Collected
        | OrderStage::Returned
        | OrderStage::Cancelled => order.status,
    };
    let target = checked_status(wms, request.status_number.unwrap_or(default_status))?;
    let touched = articles_of(order);
    if let Some(order) = wms.orders.get_mut(&order_id) {
        for (index, granted) in grants {
            order.lines[index].allocated += granted;
        }
    }
    set_status(wms, order_id, target);
    wms.touch_stock(touched);
    Ok(())
}

/// Picks the given quantities, or when none are given as much of every line as stock allows.
pub(crate) fn pick(wms: &mut Wms, order_id: i32, request: &Picking) -> Result<(), OperatorError> {
    let picked = pick_lines(wms, order_id, request, true)?;
    if picked <= 0.0 {
        return Err(OperatorError::Refused(format!(
            "Nothing could be picked for order {order_id}: no free stock for its lines."
        )));
    }
    let order = &wms.orders[&order_id];
    let complete = order.lines.iter().all(|line| line.unpicked() <= 0.0);
    let default_status = if complete {
        order_status::PICKED
    } else {
        order.status
    };
    let target = checked_status(wms, request.status_number.unwrap_or(default_status))?;
    set_status(wms, order_id, target);
    Ok(())
}

/// Picks and records the items; returns how many were picked. With `strict`, a requested quantity
/// that exceeds what the line still needs or what stock allows is refused instead of cut down.
fn pick_lines(
    wms: &mut Wms,
    order_id: i32,
    request: &Picking,
    strict: bool,
) -> Result<f64, OperatorError> {
    let order = open_order(wms, order_id)?;
    for wanted in &request.lines {
        if !order
            .lines
            .iter()
            .any(|line| line.data.row_number == wanted.row_number)
        {
            return Err(OperatorError::NotFound(format!(
                "Order {order_id} has no line with row number '{}'.",
                wanted.row_number
            )));
        }
    }
    let ledger = StockLedger::compute(wms);
    let warehouse_id = order.warehouse_id;
    let mut plan = Vec::new();
    for (index, line) in order.lines.iter().enumerate() {
        let reserved = (line.allocated - line.picked).max(0.0);
        let available = ledger.at(line.article_id, warehouse_id).free_to_allocate() + reserved;
        let requested = if request.lines.is_empty() {
            Some(line.unpicked().min(available))
        } else {
            request
                .lines
                .iter()
                .find(|wanted| wanted.row_number == line.data.row_number)
                .map(|wanted| wanted.number_of_items)
        };
        let Some(quantity) = requested.filter(|quantity| *quantity > 0.0) else {
            continue;
        };
        if strict && quantity > line.unpicked() {
            return Err(OperatorError::Refused(format!(
                "Row {} of order {order_id} needs {} more, not {quantity}.",
                line.data.row_number,
                line.unpicked()
            )));
        }
        if strict && quantity > available {
            return Err(OperatorError::Refused(format!(
                "Row {} of order {order_id}: only {available} items are free to pick, not {quantity}.",
                line.data.row_number
            )));
        }
        plan.push((index, quantity.min(line.unpicked()).min(available)));
    }
    let now = wms.now();
    let touched = articles_of(order);
    let mut total = 0.0;
    for (index, quantity) in plan {
        let article_item_id = wms.ids.article_item();
        if let Some(order) = wms.orders.get_mut(&order_id) {
            let line = &mut order.lines[index];
            line.picked += quantity;
            line.allocated = line.allocated.max(line.picked);
            line.picks.push(PickedBatch {
                article_item_id,
                number_of_items: quantity,
                picked_at: now,
                parcel_id: None,
            });
            total += quantity;
        }
    }
    wms.touch_stock(touched);
    Ok(total)
}

/// Ships what is picked (first picking what stock allows, unless `pickRemaining` is false): the
/// items leave the building, the order gets its waybill, tracking URL and parcels, and its status
/// becomes Sent unless another is asked for. Lines not fully picked go out short.
pub(crate) fn ship(wms: &mut Wms, order_id: i32, request: &Shipping) -> Result<(), OperatorError> {
    open_order(wms, order_id)?;
    if request.pick_remaining.unwrap_or(true) {
        pick_lines(wms, order_id, &Picking::default(), false)?;
    }
    let order = &wms.orders[&order_id];
    if order.lines.iter().any(|line| line.should_be_picked)
        && order.lines.iter().all(|line| line.picked <= 0.0)
    {
        return Err(OperatorError::Refused(format!(
            "Order {order_id} has nothing picked to ship."
        )));
    }
    let target = checked_status(wms, request.status_number.unwrap_or(order_status::SENT))?;
    let known_carrier = order
        .header
        .transporter
        .as_ref()
        .and_then(|t| t.transporter_code.as_deref())
        .and_then(carrier);
    let tracking_for =
        |number: &str| known_carrier.map(|carrier| carrier.tracking_url.replace("{}", number));
    let way_bill = request
        .way_bill
        .clone()
        .unwrap_or_else(|| format!("3700{order_id:010}"));
    let tracking_url = request
        .tracking_url
        .clone()
        .or_else(|| tracking_for(&way_bill));
    let wanted_parcels = if request.parcels.is_empty() {
        vec![Default::default()]
    } else {
        request.parcels.clone()
    };
    let mut parcels = Vec::with_capacity(wanted_parcels.len());
    for wanted in wanted_parcels {
        let id = wms.ids.parcel();
        let parcel_number = wanted
            .parcel_number
            .unwrap_or_else(|| format!("0073{id:014}"));
        parcels.push(Parcel {
            id,
            waybill: Some(wanted.waybill.unwrap_or_else(|| way_bill.clone())),
            tracking_url: wanted.tracking_url.or_else(|| tracking_url.clone()),
            weight: wanted.weight,
            parcel_number,
        });
    }
    let shipment_id = wms.ids.shipment();
    let now = wms.now();
    let order = &wms.orders[&order_id];
    let warehouse_id = order.warehouse_id;
    let leaving: Vec<(i32, f64)> = order
        .lines
        .iter()
        .map(|line| (line.article_id, line.picked))
        .collect();
    for (article_id, quantity) in &leaving {
        let cell = wms.stock_cell(*article_id, warehouse_id);
        cell.on_hand = (cell.on_hand - quantity).max(0.0);
    }
    let first_parcel = parcels.first().map(|parcel| parcel.id);
    if let Some(order) = wms.orders.get_mut(&order_id) {
        for pick in order
            .lines
            .iter_mut()
            .flat_map(|line| line.picks.iter_mut())
        {
            pick.parcel_id = pick.parcel_id.or(first_parcel);
        }
        order.shipment = Some(Shipment {
            id: shipment_id,
            shipped_at: now,
            way_bill,
            tracking_url,
            parcels,
        });
    }
    set_status(wms, order_id, target);
    wms.touch_stock(leaving.into_iter().map(|(article_id, _)| article_id));
    Ok(())
}

/// Puts the order in any status of the list, without the checks the API applies.
pub(crate) fn set_any_status(
    wms: &mut Wms,
    order_id: i32,
    status_number: i32,
) -> Result<(), OperatorError> {
    let order = wms
        .orders
        .get(&order_id)
        .ok_or_else(|| no_order(order_id))?;
    let target = checked_status(wms, status_number)?;
    let touched = articles_of(order);
    set_status(wms, order_id, target);
    wms.touch_stock(touched);
    Ok(())
}

fn open_order(wms: &Wms, order_id: i32) -> Result<&Order, OperatorError> {
    let order = wms
        .orders
        .get(&order_id)
        .ok_or_else(|| no_order(order_id))?;
    if wms.order_stage(order).is_final() {
        return Err(OperatorError::Refused(format!(
            "Order {order_id} is finished (status {} {}); the warehouse cannot work on it.",
            order.status,
            wms.order_statuses.text(order.status).unwrap_or_default()
        )));
    }
    Ok(order)
}

fn no_order(order_id: i32) -> OperatorError {
    OperatorError::NotFound(format!("There is no order with id {order_id}."))
}

fn checked_status(wms: &Wms, number: i32) -> Result<i32, OperatorError> {
    match wms.order_statuses.get(number) {
        Some(entry) => Ok(entry.number),
        None => Err(OperatorError::Refused(format!(
            "There is no order status {number} in this warehouse's list."
        ))),
    }
}

fn articles_of(order: &Order) -> Vec<i32> {
    order.lines.iter().map(|line| line.article_id).collect()
}

fn set_status(wms: &mut Wms, order_id: i32, status: i32) {
    let now = wms.now();
    if let Some(order) = wms.orders.get_mut(&order_id) {
        order.status = status;
        order.status_changed = now;
    }
}
