//! The JSON the simulator writes: `{data}` and `{data, meta.pagination}` envelopes, `include`
//! handling, and the `OrderModel`, `OrderItemModel`, `OrderStatusModel` and `CustomerModel` shapes.
//!
//! Response fields that the spec does not mark `nullable` are left out when empty rather than written
//! as `null`, so every body validates against the 2.12.0 schemas.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::model::{
    Address, DiscountType, ExternalService, OrderDetails, OrderLine, ShopOrder, from_minor,
};
use super::setup::{LocalName, OrderStatus};
use super::state::ShopState;
use super::time::format_time;

/// Items per page on every paged list; the docs know no page-size parameter.
pub(crate) const PER_PAGE: usize = 100;

/// The `{data: ...}` envelope of single items and unpaged lists.
#[derive(Debug, Serialize)]
pub(crate) struct Data<T> {
    pub(crate) data: T,
}

pub(crate) fn data<T>(data: T) -> Data<T> {
    Data { data }
}

#[derive(Debug, Serialize)]
pub(crate) struct Pagination {
    current_page: u32,
    per_page: usize,
    total: usize,
    count: usize,
    total_pages: usize,
}

#[derive(Debug, Serialize)]
pub(crate) struct Meta {
    pagination: Pagination,
}

/// The `{data, meta.pagination}` envelope of paged lists.
#[derive(Debug, Serialize)]
pub(crate) struct Page<T> {
    data: Vec<T>,
    meta: Meta,
}

impl<T> Page<T> {
    /// Renders the items of a page that was cut from cheap references.
    pub(crate) fn map<U>(self, render: impl FnMut(T) -> U) -> Page<U> {
        Page {
            data: self.data.into_iter().map(render).collect(),
            meta: self.meta,
        }
    }
}

/// Cuts one page out of a sorted list. A page past the end is empty, with a valid `meta`.
pub(crate) fn paginate<T>(all: Vec<T>, page: u32) -> Page<T> {
    let total = all.len();
    let skip = (page as usize - 1).saturating_mul(PER_PAGE);
    let data: Vec<T> = all.into_iter().skip(skip).take(PER_PAGE).collect();
    let pagination = Pagination {
        current_page: page,
        per_page: PER_PAGE,
        total,
        count: data.len(),
        total_pages: total.div_ceil(PER_PAGE).max(1),
    };
    Page {
        data,
        meta: Meta { pagination },
    }
}

/// The `include` parameter. `items.bundledItems` also includes `items`; unknown names are ignored.
#[derive(Debug, Default)]
pub(crate) struct Includes(BTreeSet<String>);

impl Includes {
    pub(crate) fn parse(raw: Option<&str>) -> Self {
        let mut names = BTreeSet::new();
        for name in raw
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|name| !name.is_empty())
        {
            let mut prefix = String::new();
            for part in name.split('.') {
                if !prefix.is_empty() {
                    prefix.push('.');
                }
                prefix.push_str(part);
                names.insert(prefix.clone());
            }
        }
        Self(names)
    }

    pub(crate) fn all_for_orders() -> Self {
        Self::parse(Some("items,addresses,status,externalServices,customer"))
    }

    pub(crate) fn has(&self, name: &str) -> bool {
        self.0.contains(name)
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ItemOut {
    item_id: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    sku: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    quantity: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit_symbol: Option<String>,
    unit_price: f64,
    vat_rate: f64,
    discount: f64,
    discount_type: DiscountType,
    sort_index: u32,
    /// The simulator sells no bundles, so the components are always an empty list when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    bundled_items: Option<Data<Vec<ItemOut>>>,
}

pub(crate) fn item_out(line: &OrderLine, with_bundled: bool) -> ItemOut {
    ItemOut {
        item_id: line.item_id,
        sku: line.sku.clone(),
        description: line.description.clone(),
        quantity: line.quantity,
        unit_symbol: line.unit_symbol.clone(),
        unit_price: from_minor(line.unit_price_minor),
        vat_rate: line.vat_rate,
        discount: line.discount,
        discount_type: line.discount_type,
        sort_index: line.sort_index,
        bundled_items: with_bundled.then(|| data(Vec::new())),
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StatusOut {
    status_id: u32,
    should_send_email: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    id_code: Option<String>,
    languages: Data<Vec<LocalName>>,
}

pub(crate) fn status_out(status: &OrderStatus) -> StatusOut {
    StatusOut {
        status_id: status.status_id,
        should_send_email: status.should_send_email,
        id_code: status.id_code.clone(),
        languages: data(status.names.clone()),
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CustomerOut {
    customer_id: u32,
    created_at: String,
    modified_at: String,
    #[serde(rename = "type")]
    kind: String,
    email: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    national_id_no: Option<String>,
}

pub(crate) fn customer_out(state: &ShopState, customer_id: u32) -> Option<CustomerOut> {
    let customer = state.customers.get(&customer_id)?;
    Some(CustomerOut {
        customer_id,
        created_at: format_time(customer.created_at),
        modified_at: format_time(customer.modified_at),
        kind: customer.kind.clone(),
        email: customer.email.clone(),
        national_id_no: customer.national_id_no.clone(),
    })
}

/// `OrderModel` as the API writes it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OrderOut {
    order_id: u32,
    created_at: String,
    modified_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer_id: Option<u32>,
    status_id: u32,
    send_emails_on_status_change: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    stock_location_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    shipping_method_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    shipping_method_external_id: Option<String>,
    shipping_cost: f64,
    shipping_vat_rate: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    payment_method_id: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    payment_method_id_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    payment_method_external_id: Option<String>,
    payment_fee: f64,
    payment_vat_rate: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount_paid: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount_paid_in_base_currency: Option<f64>,
    total_amount: f64,
    total_vat: f64,
    amount_to_pay: f64,
    total_amount_in_base_currency: f64,
    total_vat_in_base_currency: f64,
    amount_to_pay_in_base_currency: f64,
    total_weight: f64,
    currency_code: String,
    currency_exchange_rate: f64,
    currency_precision: u32,
    base_currency_code: String,
    shop_country_code: String,
    lang_code: String,
    is_complete: bool,
    is_read: bool,
    has_comments: bool,
    #[serde(flatten)]
    details: OrderDetails,
    #[serde(skip_serializing_if = "Option::is_none")]
    items: Option<Data<Vec<ItemOut>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    addresses: Option<Data<BTreeMap<&'static str, Address>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    external_services: Option<Data<Vec<ExternalService>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    customer: Option<Data<CustomerOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Data<StatusOut>>,
}

/// Converts an amount in the order's currency to the shop's base currency.
fn in_base(minor: i64, rate: f64) -> f64 {
    let rate = if rate > 0.0 { rate } else { 1.0 };
    from_minor((minor as f64 / rate).round() as i64)
}

/// The order's weight in kg: each line's quantity times its variant's weight, looked up by SKU.
fn total_weight(state: &ShopState, order: &ShopOrder) -> f64 {
    let grams: f64 = order
        .lines
        .iter()
        .filter_map(|line| {
            let (_, variant) = state.find_variant(line.sku.as_deref()?)?;
            Some(variant.weight_in_kg? * 1000.0 * line.quantity as f64)
        })
        .sum();
    grams.round() / 1000.0
}

pub(crate) fn order_out(state: &ShopState, order: &ShopOrder, includes: &Includes) -> OrderOut {
    let totals = order.totals();
    let rate = order.currency_exchange_rate;
    let shipping = order
        .shipping_method_id
        .and_then(|id| state.setup.shipping_method(id));
    let payment = order
        .payment_method_id
        .and_then(|id| state.setup.payment_method(id));
    let info = &state.setup.info;
    OrderOut {
        order_id: order.order_id,
        created_at: format_time(order.created_at),
        modified_at: format_time(order.modified_at),
        customer_id: order.customer_id,
        status_id: order.status_id,
        send_emails_on_status_change: order.send_emails_on_status_change,
        stock_location_id: order.stock_location_id,
        shipping_method_id: order.shipping_method_id,
        shipping_method_external_id: shipping.and_then(|method| method.external_id.clone()),
        shipping_cost: from_minor(order.shipping_cost_minor),
        shipping_vat_rate: order.shipping_vat_rate,
        payment_method_id: order.payment_method_id,
        payment_method_id_code: payment.map(|method| method.id_code.clone()),
        payment_method_external_id: None,
        payment_fee: from_minor(order.payment_fee_minor),
        payment_vat_rate: order.payment_vat_rate,
        amount_paid: order.amount_paid_minor.map(from_minor),
        amount_paid_in_base_currency: order.amount_paid_minor.map(|paid| in_base(paid, rate)),
        total_amount: from_minor(totals.amount),
        total_vat: from_minor(totals.vat),
        amount_to_pay: from_minor(totals.to_pay),
        total_amount_in_base_currency: in_base(totals.amount, rate),
        total_vat_in_base_currency: in_base(totals.vat, rate),
        amount_to_pay_in_base_currency: in_base(totals.to_pay, rate),
        total_weight: total_weight(state, order),
        currency_code: order.currency_code.clone(),
        currency_exchange_rate: rate,
        currency_precision: order.currency_precision,
        base_currency_code: info.base_currency.clone(),
        shop_country_code: info.shop_country_code.clone(),
        lang_code: order.lang_code.clone(),
        is_complete: order.is_complete,
        is_read: order.is_read,
        has_comments: !order.comments.is_empty(),
        details: order.details.clone(),
        items: includes.has("items").then(|| {
            let bundled = includes.has("items.bundledItems");
            data(
                order
                    .lines
                    .iter()
                    .map(|line| item_out(line, bundled))
                    .collect(),
            )
        }),
        addresses: includes.has("addresses").then(|| {
            data(
                order
                    .addresses
                    .iter()
                    .map(|(kind, address)| (kind.as_str(), address.clone()))
                    .collect(),
            )
        }),
        external_services: includes
            .has("externalServices")
            .then(|| data(order.external_services.clone())),
        customer: includes
            .has("customer")
            .then(|| {
                order
                    .customer_id
                    .and_then(|id| customer_out(state, id))
                    .map(data)
            })
            .flatten(),
        status: includes
            .has("status")
            .then(|| {
                state
                    .setup
                    .status(order.status_id)
                    .map(|status| data(status_out(status)))
            })
            .flatten(),
    }
}
