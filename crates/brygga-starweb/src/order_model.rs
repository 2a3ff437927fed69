//! An order as Starweb returns it (`OrderModel`), with the children `include` embeds: lines, addresses
//! and external-service references.
//!
//! Only what a bridge to a warehouse reads is kept; unknown fields are ignored, since live shops may
//! send more than the spec shows (`links`, for one). Every field is optional where the spec does not
//! promise it. Money stays as Starweb's decimal numbers here; turning it into minor units is the
//! mapping's job.

use serde::{Deserialize, Serialize};

use crate::wire::{Timestamp, time, wrapped};

/// `OrderModel`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub order_id: i32,
    #[serde(default, deserialize_with = "time")]
    pub created_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "time")]
    pub modified_at: Option<Timestamp>,
    pub customer_id: Option<i32>,
    pub status_id: Option<i32>,
    /// The payment step has completed; only complete orders are listed by default.
    pub is_complete: Option<bool>,
    pub stock_location_id: Option<i32>,
    pub shipping_method_id: Option<i32>,
    pub shipping_method_name: Option<String>,
    pub shipping_method_external_id: Option<String>,
    pub shipping_cost: Option<f64>,
    pub shipping_vat_rate: Option<f64>,
    pub payment_method_id: Option<i32>,
    pub payment_method_id_code: Option<String>,
    pub payment_method_name: Option<String>,
    /// The payment provider's state, e.g. `reserved` or `paid`.
    pub payment_status: Option<String>,
    pub amount_paid: Option<f64>,
    pub payment_fee: Option<f64>,
    pub total_amount: Option<f64>,
    pub total_vat: Option<f64>,
    pub amount_to_pay: Option<f64>,
    /// In kg.
    pub total_weight: Option<f64>,
    pub currency_code: Option<String>,
    pub lang_code: Option<String>,
    pub has_comments: Option<bool>,
    pub internal_comment: Option<String>,
    pub original_customer_email: Option<String>,
    /// A type from `GET /shipping-tracking-types`.
    pub shipping_tracker_type: Option<i32>,
    pub shipping_tracking_no: Option<String>,
    pub external_id: Option<String>,
    pub external_id_type: Option<String>,
    /// Lines, when asked for with `include=items`.
    #[serde(default, deserialize_with = "wrapped")]
    pub items: Option<Vec<OrderItem>>,
    /// Addresses by type, when asked for with `include=addresses`.
    #[serde(default, deserialize_with = "wrapped")]
    pub addresses: Option<OrderAddresses>,
    /// References to other systems, when asked for with `include=externalServices`.
    #[serde(default, deserialize_with = "wrapped")]
    pub external_services: Option<Vec<ExternalServiceRef>>,
}

/// `OrderItemModel`: one line. Lines carry no product or variant id; the SKU is the link.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderItem {
    pub item_id: Option<i32>,
    pub sku: Option<String>,
    pub description: Option<String>,
    /// Can be negative (a returned or credited line).
    pub quantity: i64,
    pub unit_symbol: Option<String>,
    /// Per unit, excluding VAT.
    pub unit_price: Option<f64>,
    /// Percent: 25.0 is 25 %.
    pub vat_rate: Option<f64>,
    pub discount: Option<f64>,
    /// `amount` or `percent`.
    pub discount_type: Option<String>,
    pub sort_index: Option<i32>,
}

/// `AddressModel`. It has no e-mail; the order's `original_customer_email` holds that.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    pub company_name: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub care_of: Option<String>,
    pub attention: Option<String>,
    pub reference: Option<String>,
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub state: Option<String>,
    pub country_code: Option<String>,
    pub phone_no: Option<String>,
    pub mobile_phone_no: Option<String>,
}

/// The six address slots of an order (`OrderAddressCollection`'s `data`). An empty slot list may
/// come as `[]` from a PHP server; the container default reads that as no addresses.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct OrderAddresses {
    /// Entered at checkout.
    pub original_invoice: Option<Address>,
    pub original_delivery: Option<Address>,
    /// From the customer account.
    pub customer_invoice: Option<Address>,
    pub customer_delivery: Option<Address>,
    /// Returned by the payment provider (Klarna and the like).
    pub payment_method_invoice: Option<Address>,
    pub payment_method_delivery: Option<Address>,
}

impl OrderAddresses {
    /// Where the parcel goes: the payment provider's delivery address when it gave one (it is the
    /// checked one), else the one entered at checkout, else the customer account's.
    pub fn delivery(&self) -> Option<&Address> {
        self.payment_method_delivery
            .as_ref()
            .or(self.original_delivery.as_ref())
            .or(self.customer_delivery.as_ref())
    }

    /// Who pays: the same order of preference as [`OrderAddresses::delivery`].
    pub fn invoice(&self) -> Option<&Address> {
        self.payment_method_invoice
            .as_ref()
            .or(self.original_invoice.as_ref())
            .or(self.customer_invoice.as_ref())
    }
}

/// `OrderExternalServiceModel`: a reference from the order to another system, keyed by service name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExternalServiceRef {
    /// Unique per order, e.g. `Ongoing`; the path key.
    pub service_name: String,
    /// The id in that system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id_value: Option<String>,
    /// The nShift agent (pickup point) chosen at checkout, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Set by the shop on references that cannot be changed; never sent.
    #[serde(default, skip_serializing)]
    pub read_only: Option<bool>,
}

/// Who wrote an order comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CommentAuthor {
    Admin,
    Customer,
    /// A value the spec does not name.
    #[serde(other, skip_serializing)]
    Other,
}

/// `OrderCommentModel`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderComment {
    pub comment_id: i32,
    #[serde(default, deserialize_with = "time")]
    pub created_at: Option<Timestamp>,
    #[serde(default)]
    pub text: String,
    pub from: Option<CommentAuthor>,
}
