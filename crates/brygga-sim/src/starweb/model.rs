//! The simulated shop's records: orders with their lines, addresses, comments and external references;
//! customers; products and variants.
//!
//! Money is kept in minor units (öre, cent) of the order's currency and turned into the API's decimal
//! numbers only on the way out, so totals add up exactly. The types are public because tests and the
//! command line read the shop's state through [`super::StarwebSim`]'s accessors.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Turns a decimal amount from a request into minor units.
pub(crate) fn to_minor(amount: f64) -> i64 {
    // Amounts are far below 2^53 minor units, so the float-to-int conversion cannot saturate.
    (amount * 100.0).round() as i64
}

/// Turns minor units into the decimal number the API writes.
pub(crate) fn from_minor(minor: i64) -> f64 {
    minor as f64 / 100.0
}

/// The six address slots of an order, spelled as the `addressType` path parameter spells them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum AddressType {
    OriginalInvoice,
    OriginalDelivery,
    CustomerInvoice,
    CustomerDelivery,
    PaymentMethodInvoice,
    PaymentMethodDelivery,
}

impl AddressType {
    pub const ALL: [AddressType; 6] = [
        AddressType::OriginalInvoice,
        AddressType::OriginalDelivery,
        AddressType::CustomerInvoice,
        AddressType::CustomerDelivery,
        AddressType::PaymentMethodInvoice,
        AddressType::PaymentMethodDelivery,
    ];

    /// The name used in paths and in the `addresses` object.
    pub fn as_str(self) -> &'static str {
        match self {
            AddressType::OriginalInvoice => "originalInvoice",
            AddressType::OriginalDelivery => "originalDelivery",
            AddressType::CustomerInvoice => "customerInvoice",
            AddressType::CustomerDelivery => "customerDelivery",
            AddressType::PaymentMethodInvoice => "paymentMethodInvoice",
            AddressType::PaymentMethodDelivery => "paymentMethodDelivery",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// Copies each field that `from` has into `into`, leaving the others as they were.
macro_rules! merge_present {
    ($into:expr, $from:expr; $($field:ident),+ $(,)?) => {
        $(if $from.$field.is_some() { $into.$field = $from.$field; })+
    };
}
pub(crate) use merge_present;

/// A postal address with the fields of the API's `AddressModel`. It has no e-mail: the order's
/// `originalCustomerEmail` and the customer record hold that.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub care_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attention: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone_no: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile_phone_no: Option<String>,
}

impl Address {
    /// A PATCH: the given fields replace, the others stay.
    pub fn merge(&mut self, from: Address) {
        merge_present!(self, from; company_name, first_name, last_name, care_of, attention, reference,
            address, postal_code, city, state, country_code, phone_no, mobile_phone_no);
    }
}

/// How a line's `discount` is meant: an amount off the whole row, or a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiscountType {
    Amount,
    #[default]
    Percent,
}

/// One order line. Lines carry no product or variant id: the SKU is the only link to the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderLine {
    pub item_id: u32,
    pub sku: Option<String>,
    pub description: Option<String>,
    pub quantity: i64,
    pub unit_symbol: Option<String>,
    /// Per unit, excluding VAT, in the order's currency.
    pub unit_price_minor: i64,
    /// Percent: 25.0 is 25 %.
    pub vat_rate: f64,
    pub discount: f64,
    pub discount_type: DiscountType,
    pub sort_index: u32,
}

impl OrderLine {
    /// The row's amount excluding VAT, after its discount.
    pub fn net_minor(&self) -> i64 {
        let gross = self.quantity * self.unit_price_minor;
        match self.discount_type {
            DiscountType::Percent => (gross as f64 * (1.0 - self.discount / 100.0)).round() as i64,
            DiscountType::Amount => gross - to_minor(self.discount),
        }
    }

    pub fn vat_minor(&self) -> i64 {
        vat_on(self.net_minor(), self.vat_rate)
    }
}

pub(crate) fn vat_on(net_minor: i64, vat_rate: f64) -> i64 {
    (net_minor as f64 * vat_rate / 100.0).round() as i64
}

/// A comment on an order, from the customer at checkout or from an admin.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderComment {
    pub comment_id: u32,
    pub created_at: DateTime<Utc>,
    pub text: String,
    /// `admin` or `customer`.
    pub from: String,
}

/// A reference from an order to another system, keyed by service name (`agent` holds an nShift
/// pickup-point agent when the customer chose one at checkout).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExternalService {
    #[serde(default)]
    pub service_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id_value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Read-only in the API: set by the shop for services that cannot be changed.
    #[serde(default, skip_deserializing)]
    pub read_only: bool,
}

/// The order's free-text and reference fields, exactly as the API reads and writes them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderDetails {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_method_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal_comment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_info1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_info2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_info3: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub custom_info4: Option<String>,
    /// Id from `GET /shipping-tracking-types`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_tracker_type: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_tracking_no: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_customer_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_customer_national_id_no: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_customer_vat_no: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_customer_custom_info1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original_customer_custom_info2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id_type: Option<String>,
}

impl OrderDetails {
    pub fn merge(&mut self, from: OrderDetails) {
        merge_present!(self, from; shipping_method_name, payment_method_name, payment_reference,
            payment_status, discount_code, internal_comment, custom_info1, custom_info2, custom_info3,
            custom_info4, shipping_tracker_type, shipping_tracking_no, original_customer_email,
            original_customer_national_id_no, original_customer_vat_no, original_customer_custom_info1,
            original_customer_custom_info2, external_id, external_id_type);
    }
}

/// A shop order as the simulator keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct ShopOrder {
    pub order_id: u32,
    pub created_at: DateTime<Utc>,
    pub modified_at: DateTime<Utc>,
    pub customer_id: Option<u32>,
    pub status_id: u32,
    /// The persistent e-mail switch (`sendEmailsOnStatusChange`).
    pub send_emails_on_status_change: bool,
    /// The payment step has completed; incomplete orders are hidden from lists by default.
    pub is_complete: bool,
    pub is_read: bool,
    pub stock_location_id: Option<u32>,
    pub shipping_method_id: Option<u32>,
    /// Excluding VAT, in the order's currency.
    pub shipping_cost_minor: i64,
    pub shipping_vat_rate: f64,
    pub payment_method_id: Option<u32>,
    /// Excluding VAT, in the order's currency.
    pub payment_fee_minor: i64,
    pub payment_vat_rate: f64,
    pub amount_paid_minor: Option<i64>,
    pub currency_code: String,
    /// Units of the order's currency per unit of the shop's base currency.
    pub currency_exchange_rate: f64,
    pub currency_precision: u32,
    pub lang_code: String,
    pub details: OrderDetails,
    pub lines: Vec<OrderLine>,
    pub addresses: BTreeMap<AddressType, Address>,
    pub comments: Vec<OrderComment>,
    pub external_services: Vec<ExternalService>,
}

/// An order's sums in minor units of its currency: amounts exclude VAT, `to_pay` includes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderTotals {
    pub amount: i64,
    pub vat: i64,
    pub to_pay: i64,
}

impl ShopOrder {
    /// An order with nothing on it yet, in the shop's base currency and language.
    pub(crate) fn blank(order_id: u32, status_id: u32, now: DateTime<Utc>) -> Self {
        Self {
            order_id,
            created_at: now,
            modified_at: now,
            customer_id: None,
            status_id,
            send_emails_on_status_change: true,
            is_complete: true,
            is_read: false,
            stock_location_id: None,
            shipping_method_id: None,
            shipping_cost_minor: 0,
            shipping_vat_rate: 25.0,
            payment_method_id: None,
            payment_fee_minor: 0,
            payment_vat_rate: 25.0,
            amount_paid_minor: None,
            currency_code: "SEK".into(),
            currency_exchange_rate: 1.0,
            currency_precision: 2,
            lang_code: "sv".into(),
            details: OrderDetails::default(),
            lines: Vec::new(),
            addresses: BTreeMap::new(),
            comments: Vec::new(),
            external_services: Vec::new(),
        }
    }

    pub fn totals(&self) -> OrderTotals {
        let lines: i64 = self.lines.iter().map(OrderLine::net_minor).sum();
        let line_vat: i64 = self.lines.iter().map(OrderLine::vat_minor).sum();
        let amount = lines + self.shipping_cost_minor + self.payment_fee_minor;
        let vat = line_vat
            + vat_on(self.shipping_cost_minor, self.shipping_vat_rate)
            + vat_on(self.payment_fee_minor, self.payment_vat_rate);
        OrderTotals {
            amount,
            vat,
            to_pay: amount + vat,
        }
    }

    /// Where the parcel goes: the payment provider's delivery address if it gave one, else the one
    /// entered at checkout.
    pub fn delivery_address(&self) -> Option<&Address> {
        self.addresses
            .get(&AddressType::PaymentMethodDelivery)
            .or_else(|| self.addresses.get(&AddressType::OriginalDelivery))
    }
}

/// A shop customer; orders placed with the same e-mail share one.
#[derive(Debug, Clone, PartialEq)]
pub struct Customer {
    pub customer_id: u32,
    pub created_at: DateTime<Utc>,
    pub modified_at: DateTime<Utc>,
    /// `person` or `company`.
    pub kind: String,
    pub email: String,
    pub national_id_no: Option<String>,
}

/// A catalogue product. Its name lives in per-language records, as in the API.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    pub product_id: u32,
    pub created_at: DateTime<Utc>,
    pub modified_at: DateTime<Utc>,
    /// Shown to visitors (`visible`) or not (`hidden`).
    pub visible: bool,
    /// Swedish name (the shop's default language) and English name.
    pub name: String,
    pub name_en: Option<String>,
    pub vat_rate: f64,
    /// The first one is the primary variant.
    pub variants: Vec<Variant>,
}

/// A product variant: the SKU and the stock live here.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub variant_id: u32,
    pub sku: String,
    /// Size or colour, used in the order line's description.
    pub label: Option<String>,
    pub ean: Option<String>,
    pub mpn: Option<String>,
    pub weight_in_kg: Option<f64>,
    /// `None` for products whose stock the shop does not keep (service products).
    pub stock_quantity: Option<i64>,
    pub stock_status_id: Option<u32>,
    pub shelf_space: Option<String>,
    pub is_active: bool,
    pub sort_index: u32,
    /// Excluding VAT, in the shop's base currency.
    pub price_ex_vat_minor: i64,
    pub cost_price: Option<String>,
    pub attribute_value_links: Vec<u32>,
    pub external_id: Option<String>,
    pub external_id_type: Option<String>,
}
