//! The order request bodies, `OrderUpdateModel` / `OrderPutModel` and `OrderItemModel`, and how a
//! body is checked and applied to an order. Only writable fields are read; read-only ones in a body
//! are ignored, as the docs advise, and unknown fields are tolerated.
//!
//! Choices where the docs are silent: `items` replaces all lines (a line that names one of the order's
//! own `itemId`s keeps that id); `addresses` replaces only the address types it names; a change of
//! shipping or payment method also sets the name copied onto the order; every write moves
//! `modifiedAt`, and a status change comes last, with the call's e-mail and payment flags.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::error::ApiError;
use super::model::{Address, AddressType, DiscountType, OrderDetails, OrderLine, to_minor};
use super::orders::order_not_found;
use super::state::ShopState;
use super::time::parse_time;

/// `OrderItemModel` in a request body.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ItemIn {
    pub(crate) item_id: Option<u32>,
    pub(crate) sku: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) quantity: Option<i64>,
    pub(crate) unit_symbol: Option<String>,
    pub(crate) unit_price: Option<f64>,
    pub(crate) vat_rate: Option<f64>,
    pub(crate) discount: Option<f64>,
    pub(crate) discount_type: Option<DiscountType>,
    pub(crate) sort_index: Option<u32>,
}

impl ItemIn {
    /// A new line from this body (ids are given by the caller).
    pub(crate) fn to_line(&self, sort_index: u32) -> OrderLine {
        let mut line = OrderLine {
            item_id: self.item_id.unwrap_or_default(),
            sku: None,
            description: None,
            quantity: 1,
            unit_symbol: Some("st".into()),
            unit_price_minor: 0,
            vat_rate: 25.0,
            discount: 0.0,
            discount_type: DiscountType::Percent,
            sort_index,
        };
        self.apply_to(&mut line);
        line
    }

    /// A PATCH of an existing line: the given fields replace, the others stay.
    pub(crate) fn apply_to(&self, line: &mut OrderLine) {
        let from = self.clone();
        super::model::merge_present!(line, from; sku, description, unit_symbol);
        if let Some(quantity) = self.quantity {
            line.quantity = quantity;
        }
        if let Some(price) = self.unit_price {
            line.unit_price_minor = to_minor(price);
        }
        if let Some(vat_rate) = self.vat_rate {
            line.vat_rate = vat_rate;
        }
        if let Some(discount) = self.discount {
            line.discount = discount;
        }
        if let Some(discount_type) = self.discount_type {
            line.discount_type = discount_type;
        }
        if let Some(sort_index) = self.sort_index {
            line.sort_index = sort_index;
        }
    }
}

/// `OrderUpdateModel` / `OrderPutModel` in a request body: only writable fields are read.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OrderPatch {
    pub(crate) created_at: Option<String>,
    pub(crate) customer_id: Option<u32>,
    pub(crate) status_id: Option<u32>,
    pub(crate) on_order_status_change_send_email: Option<bool>,
    pub(crate) on_order_status_change_process_payment: Option<bool>,
    /// In the response model only; honoured when sent, since the docs describe it as a switch.
    pub(crate) send_emails_on_status_change: Option<bool>,
    pub(crate) shipping_method_id: Option<u32>,
    pub(crate) payment_method_id: Option<u32>,
    pub(crate) payment_fee: Option<f64>,
    pub(crate) payment_vat_rate: Option<f64>,
    pub(crate) shipping_cost: Option<f64>,
    pub(crate) shipping_vat_rate: Option<f64>,
    pub(crate) amount_paid: Option<f64>,
    pub(crate) is_complete: Option<bool>,
    pub(crate) is_read: Option<bool>,
    pub(crate) currency_code: Option<String>,
    pub(crate) currency_exchange_rate: Option<f64>,
    pub(crate) currency_precision: Option<u32>,
    pub(crate) lang_code: Option<String>,
    #[serde(flatten)]
    pub(crate) details: OrderDetails,
    pub(crate) items: Option<Vec<ItemIn>>,
    pub(crate) addresses: Option<BTreeMap<String, Address>>,
}

/// What a patch refers to, checked before anything is changed so that a refused patch changes nothing.
pub(crate) struct CheckedPatch {
    created_at: Option<DateTime<Utc>>,
}

pub(crate) fn check_patch(state: &ShopState, patch: &OrderPatch) -> Result<CheckedPatch, ApiError> {
    let setup = &state.setup;
    if let Some(id) = patch.status_id.filter(|id| setup.status(*id).is_none()) {
        return Err(ApiError::bad_request(format!(
            "statusId {id} is not an order status of this shop"
        )));
    }
    if let Some(id) = patch
        .shipping_method_id
        .filter(|id| setup.shipping_method(*id).is_none())
    {
        return Err(ApiError::bad_request(format!(
            "shippingMethodId {id} is not a shipping method"
        )));
    }
    if let Some(id) = patch
        .payment_method_id
        .filter(|id| setup.payment_method(*id).is_none())
    {
        return Err(ApiError::bad_request(format!(
            "paymentMethodId {id} is not a payment method"
        )));
    }
    if let Some(code) = patch
        .currency_code
        .as_deref()
        .filter(|code| setup.currency(code).is_none())
    {
        return Err(ApiError::bad_request(format!(
            "currencyCode {code} is not a currency of this shop"
        )));
    }
    let trackers = &setup.tracking_types;
    let known_tracker = |kind: &u32| trackers.iter().any(|tracker| tracker.tracker_type == *kind);
    if let Some(kind) = patch
        .details
        .shipping_tracker_type
        .filter(|kind| !known_tracker(kind))
    {
        return Err(ApiError::bad_request(format!(
            "shippingTrackerType {kind} is not a tracking type"
        )));
    }
    let created_at = patch
        .created_at
        .as_deref()
        .map(|text| {
            parse_time(text).ok_or_else(|| ApiError::bad_request("createdAt must be ISO-8601"))
        })
        .transpose()?;
    let addresses = patch
        .addresses
        .iter()
        .flat_map(|addresses| addresses.keys());
    if let Some(name) = addresses
        .into_iter()
        .find(|name| AddressType::parse(name).is_none())
    {
        return Err(ApiError::bad_request(format!(
            "{name} is not an address type"
        )));
    }
    Ok(CheckedPatch { created_at })
}

/// Applies a checked patch. Its status change comes last, with the call's e-mail and payment flags.
pub(crate) fn apply_patch(
    state: &mut ShopState,
    order_id: u32,
    patch: OrderPatch,
    checked: CheckedPatch,
) -> Result<(), ApiError> {
    let now = state.now();
    let shipping = patch
        .shipping_method_id
        .and_then(|id| state.setup.shipping_method(id))
        .cloned();
    let payment = patch
        .payment_method_id
        .and_then(|id| state.setup.payment_method(id))
        .cloned();
    let currency = patch
        .currency_code
        .as_deref()
        .and_then(|code| state.setup.currency(code))
        .cloned();
    let kept_ids: Vec<u32> = match state.orders.get(&order_id) {
        Some(order) => order.lines.iter().map(|line| line.item_id).collect(),
        None => return Err(order_not_found(order_id)),
    };
    let mut lines = patch.items.as_ref().map(|items| {
        items
            .iter()
            .zip(0..)
            .map(|(item, index)| item.to_line(index))
            .collect::<Vec<_>>()
    });
    if let Some(lines) = lines.as_mut() {
        state.number_lines(&kept_ids, lines);
    }
    let order = state
        .orders
        .get_mut(&order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    order.created_at = checked.created_at.unwrap_or(order.created_at);
    order.customer_id = patch.customer_id.or(order.customer_id);
    order.send_emails_on_status_change = patch
        .send_emails_on_status_change
        .unwrap_or(order.send_emails_on_status_change);
    if let Some(method) = shipping {
        order.shipping_method_id = Some(method.shipping_method_id);
        order.details.shipping_method_name = Some(method.name);
    }
    if let Some(method) = payment {
        order.payment_method_id = Some(method.payment_method_id);
        order.details.payment_method_name = Some(method.name);
    }
    if let Some(currency) = currency {
        order.currency_code = currency.code;
        order.currency_exchange_rate = currency.exchange_rate;
        order.currency_precision = currency.precision;
    }
    order.shipping_cost_minor = patch
        .shipping_cost
        .map_or(order.shipping_cost_minor, to_minor);
    order.shipping_vat_rate = patch.shipping_vat_rate.unwrap_or(order.shipping_vat_rate);
    order.payment_fee_minor = patch.payment_fee.map_or(order.payment_fee_minor, to_minor);
    order.payment_vat_rate = patch.payment_vat_rate.unwrap_or(order.payment_vat_rate);
    order.amount_paid_minor = patch.amount_paid.map(to_minor).or(order.amount_paid_minor);
    order.is_complete = patch.is_complete.unwrap_or(order.is_complete);
    order.is_read = patch.is_read.unwrap_or(order.is_read);
    order.currency_exchange_rate = patch
        .currency_exchange_rate
        .unwrap_or(order.currency_exchange_rate);
    order.currency_precision = patch.currency_precision.unwrap_or(order.currency_precision);
    order.lang_code = patch.lang_code.unwrap_or_else(|| order.lang_code.clone());
    order.details.merge(patch.details);
    if let Some(lines) = lines {
        order.lines = lines;
    }
    for (name, address) in patch.addresses.unwrap_or_default() {
        if let Some(kind) = AddressType::parse(&name) {
            order.addresses.insert(kind, address);
        }
    }
    order.modified_at = now;
    if let Some(status_id) = patch.status_id {
        let send_email = patch.on_order_status_change_send_email.unwrap_or(true);
        let process_payment = patch.on_order_status_change_process_payment.unwrap_or(true);
        state.change_status(order_id, status_id, send_email, process_payment);
    }
    Ok(())
}
