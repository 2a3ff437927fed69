//! What customers and the merchant ask the shop for, as plain data: a checkout, a change to an order,
//! a new product. These are also the JSON bodies of the shopper control routes, so they are public and
//! (de)serializable; [`ShopError`] is what the shop answers when it refuses.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::model::Address;

fn yes() -> bool {
    true
}

fn standard_vat() -> f64 {
    25.0
}

/// Why the shop refused a shopper or merchant action.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ShopError {
    #[error("order {0} does not exist")]
    UnknownOrder(u32),
    #[error("order number {0} is in use")]
    OrderNumberTaken(u32),
    #[error("no deleted order number is free to reuse")]
    NoDeletedOrderNumber,
    #[error("no product variant has SKU {0}")]
    UnknownSku(String),
    #[error("SKU {0} is already used by another variant")]
    DuplicateSku(String),
    #[error("shipping method {0} does not exist")]
    UnknownShippingMethod(u32),
    #[error("payment method {0} does not exist")]
    UnknownPaymentMethod(u32),
    #[error("the shop does not sell in {0}")]
    UnknownCurrency(String),
    #[error("{0} needs at least one line or variant")]
    Empty(&'static str),
}

/// One line as the customer puts it in the basket. A SKU from the catalogue needs only a quantity;
/// a line outside the catalogue (freight, fees, gift wrap priced by hand) gives its own price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlacedLine {
    pub sku: String,
    pub quantity: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Excluding VAT, in the order's currency; defaults to the catalogue price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_price_minor: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_rate: Option<f64>,
}

/// A checkout. Also the JSON body of `POST /_sim/starweb/orders`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlaceOrder {
    /// Take this order number; it must be free (for example that of a deleted order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<u32>,
    /// Take the number of the most recently deleted order.
    #[serde(default)]
    pub reuse_deleted_number: bool,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub national_id_no: Option<String>,
    pub delivery: Address,
    /// Defaults to the delivery address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice: Option<Address>,
    pub lines: Vec<PlacedLine>,
    pub shipping_method_id: u32,
    pub payment_method_id: u32,
    /// Defaults to the shop's base currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang_code: Option<String>,
    /// `false` leaves the payment step unfinished, which hides the order from default lists.
    #[serde(default = "yes")]
    pub is_complete: bool,
    /// `false` when freight is charged as a line instead of as the order's shipping cost.
    #[serde(default = "yes")]
    pub charge_shipping: bool,
    /// `false` when the payment fee is charged as a line instead of as the order's payment fee.
    #[serde(default = "yes")]
    pub charge_payment_fee: bool,
    /// The nShift agent (service point) chosen at checkout.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pickup_point_agent: Option<String>,
    /// The customer's message at checkout, kept as a customer comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// Defaults to the simulator's present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<DateTime<Utc>>,
    /// Send the order confirmation.
    #[serde(default = "yes")]
    pub send_email: bool,
}

impl PlaceOrder {
    /// Karin Lind in Göteborg buys `quantity` of `sku`, shipped with `shipping_method_id`, paid with
    /// Klarna, no e-mail: the plain checkout tests start from and change what they need.
    pub fn checkout(sku: &str, quantity: i64, shipping_method_id: u32) -> Self {
        PlaceOrder {
            order_id: None,
            reuse_deleted_number: false,
            email: "karin.lind@example.se".into(),
            national_id_no: None,
            delivery: Address {
                first_name: Some("Karin".into()),
                last_name: Some("Lind".into()),
                address: Some("Kungsgatan 5".into()),
                postal_code: Some("411 19".into()),
                city: Some("Göteborg".into()),
                country_code: Some("SE".into()),
                mobile_phone_no: Some("+46709876543".into()),
                ..Address::default()
            },
            invoice: None,
            lines: vec![PlacedLine {
                sku: sku.into(),
                quantity,
                description: None,
                unit_price_minor: None,
                vat_rate: None,
            }],
            shipping_method_id,
            payment_method_id: super::setup::PAYMENT_KLARNA,
            currency_code: None,
            lang_code: None,
            is_complete: true,
            charge_shipping: true,
            charge_payment_fee: false,
            pickup_point_agent: None,
            comment: None,
            created_at: None,
            send_email: false,
        }
    }
}

/// A change the customer asks for after checkout. Also the JSON body of
/// `PATCH /_sim/starweb/orders/{orderId}`. Given lines replace all lines.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EditOrder {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<Vec<PlacedLine>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice: Option<Address>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_method_id: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A change the merchant makes to one variant in the admin, found by its SKU. Only given fields
/// change. `product_name` renames the whole product, so every variant of it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EditVariant {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ean: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mpn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_in_kg: Option<f64>,
}

/// A product the merchant adds. Also the JSON body of `POST /_sim/starweb/products`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewProduct {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    #[serde(default = "standard_vat")]
    pub vat_rate: f64,
    #[serde(default = "yes")]
    pub visible: bool,
    pub variants: Vec<NewVariant>,
}

/// A variant of a [`NewProduct`]. No `stockQuantity` means the shop keeps no stock for it (a service).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewVariant {
    pub sku: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ean: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mpn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_in_kg: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_quantity: Option<i64>,
    /// Excluding VAT, in the shop's base currency.
    pub price_ex_vat_minor: i64,
    #[serde(default = "yes")]
    pub is_active: bool,
}
