//! The warehouse-operator control API: simulator-only JSON routes under `/_sim/ongoing/` through
//! which a test, a demo or a person plays the 3PL's staff. They are apart from the API on purpose:
//! no Basic auth, no spec, camelCase JSON of our own, and every route answers with the resource as
//! the real API would now show it (an order as `GetOrderModel`, and so on), so a caller sees the
//! effect at once. The same actions are methods on [`super::OngoingSim`] for Rust callers.
//!
//! | route | body | answer |
//! |---|---|---|
//! | `GET /_sim/ongoing/state` | | counts, clock, calls per operation |
//! | `POST /_sim/ongoing/clock` | [`ClockChange`] | `{"now": …}` |
//! | `GET`/`POST /_sim/ongoing/orderStatuses` | [`StatusDefinition`] (POST) | the status list with stages |
//! | `POST /_sim/ongoing/orders/{orderId}/release` | [`Release`] (optional) | the order |
//! | `POST /_sim/ongoing/orders/{orderId}/allocate` | [`Allocation`] (optional) | the order |
//! | `POST /_sim/ongoing/orders/{orderId}/pick` | [`Picking`] (optional) | the order |
//! | `POST /_sim/ongoing/orders/{orderId}/ship` | [`Shipping`] (optional) | the order |
//! | `POST /_sim/ongoing/orders/{orderId}/status` | [`StatusChange`] | the order |
//! | `POST /_sim/ongoing/purchaseOrders/{purchaseOrderId}/receive` | [`GoodsReceipt`] | the purchase order |
//! | `POST /_sim/ongoing/returnOrders/{returnOrderId}/receive` | [`ReturnReceipt`] | the return order |
//! | `POST /_sim/ongoing/returns/unclaimed` | [`UnclaimedParcel`] | the new return order |
//! | `POST /_sim/ongoing/returns/module` | `{"enabled": bool}` | whether return orders are on |
//! | `POST /_sim/ongoing/stock/adjust` | [`StockAdjustment`] | the article |
//!
//! Refusals are `{"message": …}` with 404 (no such resource), 409 (the warehouse cannot do that
//! now) or 400 (the body does not parse).

mod inbound;
mod outbound;
mod routes;

pub(crate) use inbound::{
    adjust_stock, receive_purchase_order, receive_return_order, register_unclaimed_parcel,
};
pub(crate) use outbound::{allocate, pick, release, set_any_status, ship};
pub(crate) use routes::routes;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::statuses::OrderStage;

/// Why the simulated warehouse staff could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OperatorError {
    /// The order, purchase order, return order, article or line does not exist.
    #[error("{0}")]
    NotFound(String),
    /// The warehouse cannot do this now (order finished, no stock, unknown status, …).
    #[error("{0}")]
    Refused(String),
    /// The control request itself is malformed.
    #[error("{0}")]
    Invalid(String),
}

/// Release an order to picking. Default status: 300.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Release {
    pub status_number: Option<i32>,
}

/// Reserve free stock for an order. Default status: 320, unless the order is further along.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Allocation {
    pub status_number: Option<i32>,
}

/// Pick an order. With no lines, every line is picked as far as stock allows; with lines, exactly
/// those quantities (refused if more than the line needs or than stock allows). Default status:
/// 400 when everything is picked, otherwise unchanged.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Picking {
    pub lines: Vec<PickedLine>,
    pub status_number: Option<i32>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PickedLine {
    pub row_number: String,
    pub number_of_items: f64,
}

/// Ship an order. Unless `pickRemaining` is false, whatever stock allows is picked first. Waybill,
/// tracking URL and parcel numbers are generated when not given (the tracking URL from the
/// carrier's pattern). Default status: 450.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Shipping {
    pub pick_remaining: Option<bool>,
    pub way_bill: Option<String>,
    pub tracking_url: Option<String>,
    pub parcels: Vec<ShippedParcel>,
    pub status_number: Option<i32>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ShippedParcel {
    pub parcel_number: Option<String>,
    pub waybill: Option<String>,
    pub tracking_url: Option<String>,
    pub weight: Option<f64>,
}

/// Put an order in any status of the list, bypassing the API's rules.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub status_number: i32,
}

/// Goods arriving for a purchase order. Each line names an article; quantities may be more or less
/// than advised, `rejected` receives them into a locked status, and an article not on the purchase
/// order becomes an unadvised line. Status afterwards: `statusNumber` if given, else 500 when
/// `complete` or when every line has all its advised goods, else 400.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct GoodsReceipt {
    pub lines: Vec<ReceivedGoods>,
    pub complete: Option<bool>,
    pub status_number: Option<i32>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReceivedGoods {
    pub article_number: String,
    pub number_of_items: f64,
    pub rejected: bool,
    pub locked_for_sale: bool,
    pub article_item_status: Option<String>,
    pub comment: Option<String>,
}

/// Goods arriving for a return order, by return row number. Items go back into stock unless
/// `removeFromStock` (default: the return cause's `isRemoveCause`); `locked` puts them back locked.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReturnReceipt {
    pub lines: Vec<ReturnedGoods>,
    pub complete: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ReturnedGoods {
    pub return_order_row_number: String,
    pub number_of_items: f64,
    pub article_item_status: Option<String>,
    pub remove_from_stock: Option<bool>,
    pub locked: bool,
    pub comment: Option<String>,
}

/// A shipped parcel that came back uncollected.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UnclaimedParcel {
    pub order_id: i32,
    pub return_order_number: Option<String>,
    pub comment: Option<String>,
}

/// A manual stock correction in one warehouse (default: the first): `setTo` or `delta` on hand,
/// and optionally `lockedDelta`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StockAdjustment {
    pub article_number: String,
    pub warehouse_id: Option<i32>,
    pub set_to: Option<f64>,
    pub delta: Option<f64>,
    pub locked_delta: Option<f64>,
}

/// Rename an order status, or add one (then `stage` is required).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusDefinition {
    pub number: i32,
    pub text: String,
    pub stage: Option<OrderStage>,
}

/// Move the simulator's clock: `set` it to a time, or `advanceSeconds` (may be negative).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ClockChange {
    pub set: Option<DateTime<Utc>>,
    pub advance_seconds: Option<i64>,
}
