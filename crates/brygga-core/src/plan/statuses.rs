//! Flows 5 and 9, warehouse -> shop: each warehouse status change sets the mapped shop status, and
//! a sent order gets its tracking number and its lines as delivered with it.
//!
//! Two rules keep this safe. Orders that existed when the connection was first activated (the
//! baseline) are never touched, so a first sync cannot e-mail hundreds of old customers. And Brygga
//! does not fight the merchant: a status it wrote once is not written again because someone changed
//! the order by hand afterwards; only a new warehouse status leads to a new write.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::mapping::{StatusMapping, Transport, TransportMapping, WarehouseStage};
use crate::operation::{DeliveredLine, Operation, Tracking};
use crate::order::WarehouseOrder;

/// A shop order Brygga follows, joined with its warehouse order as just read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Followed {
    pub shop_order_id: i64,
    pub identity: String,
    /// The shop status as last read.
    pub shop_status: i64,
    pub shipping_method_id: Option<i64>,
    /// Existed at first activation: never changed by Brygga.
    pub baseline: bool,
    /// The last shop status Brygga wrote, if any.
    pub last_written: Option<i64>,
    /// How many status writes the shop has accepted for this order.
    pub writes: u32,
    pub warehouse: WarehouseOrder,
}

/// What the status planner decided.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusPlan {
    pub operations: Vec<Operation>,
    /// Warehouse statuses with no rule in the mapping, with the 3PL's name, to show the merchant.
    pub unmapped: BTreeSet<(i32, Option<String>)>,
    /// Baseline orders left alone.
    pub baseline: usize,
}

/// Plans flows 5 and 9.
pub fn plan_statuses(
    followed: &[Followed],
    statuses: &StatusMapping,
    transport: &TransportMapping,
) -> StatusPlan {
    let mut plan = StatusPlan::default();
    for order in followed {
        if order.baseline {
            plan.baseline += 1;
            continue;
        }
        let status = order.warehouse.status;
        let Some(rule) = statuses.warehouse_rule(status) else {
            plan.unmapped
                .insert((status, order.warehouse.status_text.clone()));
            continue;
        };
        let Some(target) = rule.shop_status else {
            continue;
        };
        if target == order.shop_status || order.last_written == Some(target) {
            continue;
        }
        let (tracking, delivered) = match rule.stage {
            WarehouseStage::Sent => (tracking(order, transport), delivered(order)),
            WarehouseStage::Open | WarehouseStage::Started | WarehouseStage::Cancelled => {
                (None, Vec::new())
            }
        };
        plan.operations.push(Operation::SetShopStatus {
            shop_order_id: order.shop_order_id,
            identity: order.identity.clone(),
            status_id: target,
            warehouse_status: status,
            tracking,
            delivered,
            generation: order.writes,
        });
    }
    plan
}

/// Every line the warehouse was to pick, as it went.
fn delivered(order: &Followed) -> Vec<DeliveredLine> {
    order
        .warehouse
        .lines
        .iter()
        .filter(|line| line.pick)
        .filter_map(|line| {
            Some(DeliveredLine {
                row: line.row.clone(),
                sku: line.sku.clone()?,
                ordered: line.ordered,
                delivered: line.picked,
            })
        })
        .collect()
}

/// The waybill, or else the first parcel number, with the shop's tracker type for the carrier.
fn tracking(order: &Followed, transport: &TransportMapping) -> Option<Tracking> {
    let number = order.warehouse.waybill.clone().or_else(|| {
        order
            .warehouse
            .parcels
            .iter()
            .find_map(|p| p.parcel_number.clone())
    })?;
    let tracker_type = order
        .shipping_method_id
        .and_then(|id| transport.get(id))
        .and_then(|t| match t {
            Transport::Carrier { tracker_type, .. } => *tracker_type,
            Transport::NotSent => None,
        });
    Some(Tracking {
        number,
        tracker_type,
    })
}
