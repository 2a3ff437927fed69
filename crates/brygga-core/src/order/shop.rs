//! The shop order, in Brygga's words.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A postal address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// The person, "first last".
    pub name: Option<String>,
    pub company: Option<String>,
    pub street: Option<String>,
    pub care_of: Option<String>,
    pub post_code: Option<String>,
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country_code: Option<String>,
}

/// How the customer can be notified about the delivery.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub email: Option<String>,
    /// Mobile number if there is one, else phone, in international form.
    pub phone: Option<String>,
}

/// One line of a shop order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShopOrderLine {
    pub line_id: i64,
    /// The product variant's SKU; `None` for free-text lines.
    pub sku: Option<String>,
    pub description: String,
    pub quantity: i64,
    /// Per unit, excluding VAT, in minor units of the order's currency.
    pub unit_price_minor: i64,
}

/// An order as the shop has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShopOrder {
    /// The order number the customer sees.
    pub order_id: i64,
    pub created_at: DateTime<Utc>,
    pub modified_at: DateTime<Utc>,
    /// The shop's status id (ids differ per shop; meanings come from the status mapping).
    pub status_id: i64,
    pub customer_number: Option<String>,
    pub contact: Contact,
    pub delivery: Address,
    pub invoice: Option<Address>,
    pub shipping_method_id: Option<i64>,
    pub shipping_method_name: Option<String>,
    /// The pickup point (service point) the customer chose, if the shipping method has them.
    pub pickup_point: Option<String>,
    /// ISO 4217.
    pub currency: String,
    pub remark: Option<String>,
    pub lines: Vec<ShopOrderLine>,
    pub tracking_number: Option<String>,
    /// The payment is secured (reserved, authorised or paid); false for pay-later orders.
    pub payment_secured: bool,
}

impl ShopOrder {
    /// Number and creation time: what tells this order apart from an earlier one that had the
    /// same number and was deleted.
    pub fn identity(&self) -> String {
        format!("{}@{}", self.order_id, self.created_at.timestamp_millis())
    }
}
