//! The shop's fixed set-up: order statuses, shipping and payment methods, currencies, tracking types,
//! stock statuses and the shop's own details, which a merchant configures in the Starweb admin. The
//! values the simulator seeds are in [`super::demo_shop`].
//!
//! Ids are deliberately scattered. The docs say the numeric ids of the standard statuses are not
//! documented and differ per shop, so `created`, `picking`, `completed` and `canceled` are 3, 7, 5 and 2
//! here: a client that assumes 1..4 fails, one that looks statuses up by `idCode` works. Two custom
//! statuses have no `idCode`, as merchants' own statuses do not.

use serde::{Deserialize, Serialize};

pub(crate) const STATUS_CANCELED: u32 = 2;
pub(crate) const STATUS_CREATED: u32 = 3;
pub(crate) const STATUS_AWAITING_STOCK: u32 = 4;
pub(crate) const STATUS_COMPLETED: u32 = 5;
pub(crate) const STATUS_PICKING: u32 = 7;
pub(crate) const STATUS_READY_FOR_PICKUP: u32 = 9;

pub(crate) const SHIPPING_MYPACK_COLLECT: u32 = 11;
pub(crate) const SHIPPING_MYPACK_HOME: u32 = 12;
pub(crate) const SHIPPING_SCHENKER_OMBUD: u32 = 14;
pub(crate) const SHIPPING_SCHENKER_PARCEL: u32 = 15;
pub(crate) const SHIPPING_CLICK_AND_COLLECT: u32 = 17;
pub(crate) const SHIPPING_DHL_SERVICE_POINT: u32 = 20;

pub(crate) const PAYMENT_KLARNA: u32 = 21;
pub(crate) const PAYMENT_SWISH: u32 = 23;
pub(crate) const PAYMENT_INVOICE: u32 = 24;
pub(crate) const PAYMENT_IN_STORE: u32 = 26;

pub(crate) const TRACKER_POSTNORD: u32 = 1;
pub(crate) const TRACKER_DHL: u32 = 2;
pub(crate) const TRACKER_SCHENKER: u32 = 3;

pub(crate) const STOCK_STATUS_IN_STOCK: u32 = 1;
pub(crate) const STOCK_STATUS_OUT_OF_STOCK: u32 = 2;
pub(crate) const STOCK_STATUS_ALWAYS_AVAILABLE: u32 = 4;
pub(crate) const STOCK_LOCATION_MAIN: u32 = 1;

/// A name in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LocalName {
    pub lang_code: String,
    pub name: String,
}

/// An order status. Only the standard ones have an `idCode`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderStatus {
    pub status_id: u32,
    pub id_code: Option<String>,
    pub should_send_email: bool,
    pub names: Vec<LocalName>,
}

/// A shipping method. `price_incl_vat_minor` is what the checkout charges in SEK; the API's model has
/// no price, it only shows up as the order's `shippingCost`.
#[derive(Debug, Clone, PartialEq)]
pub struct ShippingMethod {
    pub shipping_method_id: u32,
    pub name: String,
    pub name_en: String,
    pub active: bool,
    pub is_click_and_collect: bool,
    /// The customer picks a service point (ombud) at checkout; the order then carries an nShift agent.
    pub pickup_point: bool,
    pub external_id: Option<String>,
    pub price_incl_vat_minor: i64,
    pub vat_rate: f64,
    /// The tracking type a waybill of this carrier belongs to.
    pub tracker_type: Option<u32>,
    pub valid_countries: Vec<String>,
}

/// A payment method; `fee_incl_vat_minor` is its fee in SEK.
#[derive(Debug, Clone, PartialEq)]
pub struct PaymentMethod {
    pub payment_method_id: u32,
    pub id_code: String,
    pub name: String,
    pub name_en: String,
    pub active: bool,
    pub fee_incl_vat_minor: i64,
    /// Only offered with click and collect (paying when fetching the goods in the store).
    pub is_click_and_collect: bool,
}

/// A currency the shop sells in; `exchange_rate` is units of it per unit of the base currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Currency {
    pub code: String,
    pub exchange_rate: f64,
    pub precision: u32,
}

/// A carrier whose tracking numbers the shop can link to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackingType {
    pub tracker_type: u32,
    pub name: String,
}

/// A product stock status (shown on the product page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StockStatus {
    pub stock_status_id: u32,
    pub id_code: Option<String>,
    pub name: String,
    pub in_stock: bool,
    pub buyable: bool,
    pub stockout_new_status_id: Option<u32>,
}

/// The shop's details as `GET /shop` returns them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShopInfo {
    pub name: String,
    pub id_code: String,
    pub status: String,
    pub default_lang_code: String,
    pub active_lang_codes: Vec<String>,
    pub base_currency: String,
    pub default_customer_country_code: String,
    pub general_default_vat_rate: f64,
    pub shop_company_name: String,
    pub shop_address: String,
    pub shop_postal_code: String,
    pub shop_city: String,
    pub shop_org_no: String,
    pub shop_phone_no: String,
    pub shop_vat_no: String,
    pub shop_country_code: String,
}

/// Everything the merchant configured before the first order.
#[derive(Debug, Clone)]
pub(crate) struct ShopSetup {
    pub(crate) info: ShopInfo,
    pub(crate) statuses: Vec<OrderStatus>,
    pub(crate) shipping_methods: Vec<ShippingMethod>,
    pub(crate) payment_methods: Vec<PaymentMethod>,
    pub(crate) currencies: Vec<Currency>,
    pub(crate) tracking_types: Vec<TrackingType>,
    pub(crate) stock_statuses: Vec<StockStatus>,
}

impl ShopSetup {
    pub(crate) fn status(&self, status_id: u32) -> Option<&OrderStatus> {
        self.statuses
            .iter()
            .find(|status| status.status_id == status_id)
    }

    pub(crate) fn status_by_code(&self, id_code: &str) -> Option<&OrderStatus> {
        self.statuses
            .iter()
            .find(|status| status.id_code.as_deref() == Some(id_code))
    }

    pub(crate) fn shipping_method(&self, id: u32) -> Option<&ShippingMethod> {
        self.shipping_methods
            .iter()
            .find(|method| method.shipping_method_id == id)
    }

    pub(crate) fn payment_method(&self, id: u32) -> Option<&PaymentMethod> {
        self.payment_methods
            .iter()
            .find(|method| method.payment_method_id == id)
    }

    pub(crate) fn currency(&self, code: &str) -> Option<&Currency> {
        self.currencies
            .iter()
            .find(|currency| currency.code == code)
    }
}
