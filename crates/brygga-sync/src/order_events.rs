//! The order history the orders screen shows: what Brygga read from each side, as events next to
//! the outcomes of its own calls (which the drain records).
//!
//! Each event is recorded once per real change, not once per cycle: a cycle compares what it read
//! with what the store remembered before the cycle (the order link), or for tracking numbers, with
//! the last tracking event of the order, and records only a difference. Cycles overlap their
//! feeds on purpose, so an order is often read twice with nothing new.

use brygga_core::order::{ShopOrder, WarehouseOrder};
use brygga_store::{Event, OrderLink, StoreError};
use serde_json::{Value, json};

use crate::engine::Engine;

/// The shop order was seen for the first time (or a new order took over a reused number).
pub const SHOP_SEEN: &str = "shop.seen";
/// The shop order's status or shipping method changed.
pub const SHOP_CHANGED: &str = "shop.changed";
/// The order was stopped for the merchant, or the reason changed.
pub const HOLD_SET: &str = "hold.set";
/// The reason to stop the order went away.
pub const HOLD_CLEARED: &str = "hold.cleared";
/// The warehouse reported a new status for the order.
pub const WAREHOUSE_STATUS: &str = "warehouse.status";
/// The warehouse reported a tracking number for the order.
pub const WAREHOUSE_TRACKING: &str = "warehouse.tracking";

/// The events subject of a shop order.
pub fn order_subject(shop_order_id: i64) -> String {
    format!("order:{shop_order_id}")
}

/// What a sighting in the shop tells that the stored link (`before` the cycle) did not know.
pub(crate) fn seen_events(
    before: Option<&OrderLink>,
    order: &ShopOrder,
) -> Vec<(&'static str, Value)> {
    let identity = order.identity();
    match before {
        None => vec![(
            SHOP_SEEN,
            json!({
                "statusId": order.status_id,
                "shippingMethodId": order.shipping_method_id,
                "createdAt": order.created_at.to_rfc3339(),
            }),
        )],
        Some(link) if link.identity != identity => vec![(
            SHOP_SEEN,
            json!({
                "statusId": order.status_id,
                "shippingMethodId": order.shipping_method_id,
                "createdAt": order.created_at.to_rfc3339(),
                "numberReused": true,
            }),
        )],
        Some(link)
            if link.shop_status_id != Some(order.status_id)
                || link.shipping_method_id != order.shipping_method_id =>
        {
            vec![(
                SHOP_CHANGED,
                json!({
                    "statusId": order.status_id,
                    "previousStatusId": link.shop_status_id,
                    "shippingMethodId": order.shipping_method_id,
                    "previousShippingMethodId": link.shipping_method_id,
                }),
            )]
        }
        Some(_) => Vec::new(),
    }
}

/// The event of a hold going from `before` to `after`, if it changed.
pub(crate) fn hold_event(
    before: Option<&Value>,
    after: Option<&Value>,
) -> Option<(&'static str, Value)> {
    let reason = |hold: &Value| (hold.get("code").cloned(), hold.get("message").cloned());
    match (before, after) {
        (_, Some(now)) if before.map(reason) != Some(reason(now)) => Some((
            HOLD_SET,
            json!({
                "code": now.get("code"),
                "message": now.get("message"),
                "source": now.get("source"),
            }),
        )),
        (Some(was), None) => Some((
            HOLD_CLEARED,
            json!({"code": was.get("code"), "message": was.get("message")}),
        )),
        _ => None,
    }
}

/// The tracking number the warehouse gives for the order: the waybill, else the first parcel's.
pub(crate) fn warehouse_tracking(order: &WarehouseOrder) -> Option<(String, Option<String>)> {
    let number = order
        .waybill
        .clone()
        .or_else(|| order.parcels.iter().find_map(|p| p.parcel_number.clone()))?;
    let url = order
        .tracking_url
        .clone()
        .or_else(|| order.parcels.iter().find_map(|p| p.tracking_url.clone()));
    Some((number, url))
}

/// The payload of the last event of `kind` in `history`.
fn last_of<'e>(history: &'e [Event], kind: &str) -> Option<&'e Value> {
    history
        .iter()
        .rev()
        .find(|e| e.kind == kind)
        .map(|e| &e.payload)
}

impl Engine {
    /// Appends one event to the order's history at the engine's time.
    pub(crate) fn order_event(
        &self,
        shop_order_id: i64,
        kind: &str,
        payload: Value,
    ) -> Result<(), StoreError> {
        self.store
            .events()
            .append(&order_subject(shop_order_id), kind, payload, self.now_ms())?;
        Ok(())
    }

    /// Records what a warehouse read tells that was not known: a new status (compared with the
    /// status stored before this read), a tracking number not recorded before.
    pub(crate) fn warehouse_events(
        &self,
        link: &OrderLink,
        order: &WarehouseOrder,
    ) -> Result<(), StoreError> {
        if link.warehouse_status != Some(i64::from(order.status)) {
            self.order_event(
                link.shop_order_id,
                WAREHOUSE_STATUS,
                json!({
                    "status": order.status,
                    "text": order.status_text,
                    "previousStatus": link.warehouse_status,
                    "warehouseOrderId": order.warehouse_order_id,
                }),
            )?;
        }
        if let Some((number, url)) = warehouse_tracking(order) {
            let history = self
                .store
                .events()
                .for_subject(&order_subject(link.shop_order_id))?;
            let known = last_of(&history, WAREHOUSE_TRACKING)
                .and_then(|p| p.get("number"))
                .and_then(Value::as_str)
                == Some(number.as_str());
            if !known {
                self.order_event(
                    link.shop_order_id,
                    WAREHOUSE_TRACKING,
                    json!({"number": number, "url": url}),
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hold_is_an_event_only_when_its_reason_changes() {
        let refused =
            json!({"code": "order.changeRefused", "message": "refused", "source": "plan"});
        let unmapped = json!({"code": "order.unmappedShippingMethod", "message": "method 7", "source": "plan"});
        assert_eq!(
            hold_event(None, Some(&refused)).map(|(kind, _)| kind),
            Some(HOLD_SET),
            "a new hold"
        );
        assert_eq!(
            hold_event(Some(&refused), Some(&refused)),
            None,
            "the same hold read again by the next cycle is not news"
        );
        let changed = hold_event(Some(&refused), Some(&unmapped)).expect("a new reason");
        assert_eq!(changed.0, HOLD_SET);
        assert_eq!(changed.1["code"], "order.unmappedShippingMethod");
        assert_eq!(
            hold_event(Some(&unmapped), None).map(|(kind, _)| kind),
            Some(HOLD_CLEARED),
            "the reason went away"
        );
        assert_eq!(hold_event(None, None), None);
    }
}
