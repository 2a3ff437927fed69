//! The order page's timeline: the order's events (what Brygga read from each side, and the
//! outcome of every call it made) in time order, each tied to its call when it has one, so the
//! page can show the payload that was sent next to the moment it was sent.

use brygga_store::{Event, OutboxRow};
use serde_json::Value;

use super::shop_statuses::StatusNames;
use super::view::{EventSide, TimelineEntry, iso};

/// The kinds of calls made for an order, as the outbox names them.
pub const ORDER_CALL_KINDS: [&str; 5] = [
    "warehouse.upsert_order",
    "warehouse.cancel_order",
    "warehouse.release_order",
    "warehouse.hold_order",
    "shop.set_status",
];

/// The kinds of calls made for an order's returns.
pub const RETURN_CALL_KINDS: [&str; 2] =
    ["warehouse.upsert_return_order", "shop.add_order_comment"];

fn side(kind: &str) -> EventSide {
    if kind.starts_with("shop.") {
        EventSide::Shop
    } else if kind.starts_with("warehouse.") {
        EventSide::Warehouse
    } else {
        EventSide::Brygga
    }
}

fn text(payload: &Value, field: &str) -> Option<String> {
    match payload.get(field)? {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn number(payload: &Value, field: &str) -> Option<i64> {
    payload.get(field).and_then(Value::as_i64)
}

/// One timeline entry from a stored event; `calls` are the order's outbox rows.
pub fn entry(event: &Event, calls: &[OutboxRow], names: &StatusNames) -> TimelineEntry {
    let p = &event.payload;
    let call_id = text(p, "key").and_then(|key| {
        calls
            .iter()
            .find(|c| c.kind == event.kind && c.idempotency_key == key)
            .map(|c| c.id)
    });
    let shop_status_id = number(p, "statusId");
    let (warehouse_status, tracking) = match event.kind.as_str() {
        "warehouse.status" => (number(p, "status"), None),
        "warehouse.tracking" => (None, text(p, "number")),
        "warehouse.release_order" => (number(p, "releasedStatus"), None),
        "warehouse.hold_order" => (number(p, "heldStatus"), None),
        _ => (number(p, "warehouseStatus"), text(p, "tracking")),
    };
    TimelineEntry {
        id: event.id,
        at: iso(event.at_ms),
        kind: event.kind.clone(),
        side: side(&event.kind),
        outcome: text(p, "outcome"),
        shop_status_id,
        shop_status_name: shop_status_id.and_then(|id| names.get(&id).cloned()),
        warehouse_status,
        warehouse_status_text: text(p, "text").filter(|t| !t.is_empty()),
        tracking,
        tracking_url: text(p, "url"),
        email_customer: p.get("emailCustomer").and_then(Value::as_bool),
        code: text(p, "code"),
        // A comment written on the shop order is what the merchant wants to read.
        message: text(p, "message").or_else(|| text(p, "comment")),
        attempts: number(p, "attempts").and_then(|n| u32::try_from(n).ok()),
        call_id,
        details: serde_json::to_string_pretty(p).unwrap_or_default(),
    }
}
