//! `/orders`: the order list with its documented filters and sorting, one order, create, full and
//! partial update, and delete.
//!
//! Choices where the docs are silent: `ordersCreatedAfter`/`Before` are strict; PUT is PATCH with
//! `statusId` required (see [`super::order_input`] for how a body is applied); an order created through
//! the API is complete, in status `created`, and gets an order confirmation unless the call says no.

use std::cmp::Ordering;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::StarwebSim;
use super::error::{ApiError, RawQuery, json_body, params, path_id};
use super::model::{AddressType, ShopOrder};
use super::order_input::{OrderPatch, apply_patch, check_patch};
use super::setup::STATUS_CREATED;
use super::state::ShopState;
use super::wire::{Includes, data, order_out, paginate};

const SORT_FIELDS: [&str; 9] = [
    "orderId",
    "createdAt",
    "modifiedAt",
    "customer",
    "paymentMethodName",
    "shippingMethodName",
    "totalAmount",
    "status",
    "read",
];

/// The name the `customer` sort uses: the invoice address's company, else last and first name.
fn customer_name(order: &ShopOrder) -> String {
    let address = order
        .addresses
        .get(&AddressType::OriginalInvoice)
        .or_else(|| order.delivery_address());
    address
        .map(|address| match &address.company_name {
            Some(company) => company.to_lowercase(),
            None => format!(
                "{} {}",
                address.last_name.as_deref().unwrap_or_default(),
                address.first_name.as_deref().unwrap_or_default()
            )
            .to_lowercase(),
        })
        .unwrap_or_default()
}

fn compare(a: &ShopOrder, b: &ShopOrder, sort_by: &str) -> Ordering {
    match sort_by {
        "createdAt" => a.created_at.cmp(&b.created_at),
        "modifiedAt" => a.modified_at.cmp(&b.modified_at),
        "customer" => customer_name(a).cmp(&customer_name(b)),
        "paymentMethodName" => a
            .details
            .payment_method_name
            .cmp(&b.details.payment_method_name),
        "shippingMethodName" => a
            .details
            .shipping_method_name
            .cmp(&b.details.shipping_method_name),
        "totalAmount" => a.totals().amount.cmp(&b.totals().amount),
        "status" => a.status_id.cmp(&b.status_id),
        "read" => a.is_read.cmp(&b.is_read),
        _ => Ordering::Equal,
    }
    .then(a.order_id.cmp(&b.order_id))
}

/// `filterQuery`: customer and company names, e-mail, order number, line SKUs and descriptions.
fn matches_text(order: &ShopOrder, needle: &str) -> bool {
    let addresses = order.addresses.values().flat_map(|address| {
        [
            &address.first_name,
            &address.last_name,
            &address.company_name,
        ]
        .into_iter()
        .flatten()
    });
    let lines = order
        .lines
        .iter()
        .flat_map(|line| [&line.sku, &line.description].into_iter().flatten());
    order.order_id.to_string() == needle
        || addresses
            .chain(lines)
            .chain(order.details.original_customer_email.iter())
            .any(|text| text.to_lowercase().contains(needle))
}

pub(crate) async fn list(
    State(sim): State<StarwebSim>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let params = params(query)?;
    let page = params.page()?;
    let with_incomplete = params.flag("includeNonCompletePayments")?.unwrap_or(false);
    let payment_method = params.number("filterPaymentMethodId")?;
    let shipping_method = params.number("filterShippingMethodId")?;
    let created_after = params.time("ordersCreatedAfter")?;
    let created_before = params.time("ordersCreatedBefore")?;
    let status = params.number("statusFilter")?;
    let sort_by = params.text("sortBy").unwrap_or("orderId");
    if !SORT_FIELDS.contains(&sort_by) {
        return Err(ApiError::bad_request(format!(
            "sortBy must be one of {SORT_FIELDS:?}"
        )));
    }
    let descending = params.descending(true)?;
    let needle = params.text("filterQuery").map(str::to_lowercase);
    let includes = Includes::parse(params.text("include"));

    let state = sim.lock();
    let mut orders: Vec<&ShopOrder> = state
        .orders
        .values()
        .filter(|order| with_incomplete || order.is_complete)
        .filter(|order| payment_method.is_none_or(|id| order.payment_method_id == Some(id)))
        .filter(|order| shipping_method.is_none_or(|id| order.shipping_method_id == Some(id)))
        .filter(|order| created_after.is_none_or(|after| order.created_at > after))
        .filter(|order| created_before.is_none_or(|before| order.created_at < before))
        .filter(|order| status.is_none_or(|id| order.status_id == id))
        .filter(|order| {
            needle
                .as_deref()
                .is_none_or(|needle| matches_text(order, needle))
        })
        .collect();
    orders.sort_by(|a, b| compare(a, b, sort_by));
    if descending {
        orders.reverse();
    }
    let page = paginate(orders, page).map(|order| order_out(&state, order, &includes));
    Ok(Json(page).into_response())
}

pub(crate) async fn get_one(
    State(sim): State<StarwebSim>,
    Path(order_id): Path<String>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let order_id = path_id(&order_id, "Order")?;
    let includes = Includes::parse(params(query)?.text("include"));
    let state = sim.lock();
    let order = state
        .orders
        .get(&order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    Ok(Json(data(order_out(&state, order, &includes))).into_response())
}

pub(crate) fn order_not_found(order_id: u32) -> ApiError {
    ApiError::not_found(format!("Order {order_id} not found"))
}

fn respond_with_order(
    state: &ShopState,
    order_id: u32,
    status: StatusCode,
) -> Result<Response, ApiError> {
    let order = state
        .orders
        .get(&order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    Ok((
        status,
        Json(data(order_out(state, order, &Includes::default()))),
    )
        .into_response())
}

pub(crate) async fn create(
    State(sim): State<StarwebSim>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let patch: OrderPatch = json_body(&body)?;
    let mut state = sim.lock();
    let checked = check_patch(&state, &patch)?;
    let order_id = state
        .order_number(None)
        .ok_or_else(|| ApiError::bad_request("No order number is free"))?;
    let now = state.now();
    let status_id = patch.status_id.unwrap_or(STATUS_CREATED);
    state
        .orders
        .insert(order_id, ShopOrder::blank(order_id, status_id, now));
    let send_email = patch.on_order_status_change_send_email.unwrap_or(true);
    let patch = OrderPatch {
        status_id: None,
        ..patch
    };
    apply_patch(&mut state, order_id, patch, checked)?;
    if send_email {
        state.confirm_order(order_id);
    }
    respond_with_order(&state, order_id, StatusCode::CREATED)
}

async fn update(
    sim: StarwebSim,
    order_id: String,
    body: Bytes,
    status_required: bool,
) -> Result<Response, ApiError> {
    let order_id = path_id(&order_id, "Order")?;
    let patch: OrderPatch = json_body(&body)?;
    let mut state = sim.lock();
    if !state.orders.contains_key(&order_id) {
        return Err(order_not_found(order_id));
    }
    if status_required && patch.status_id.is_none() {
        return Err(ApiError::bad_request("statusId is required"));
    }
    let checked = check_patch(&state, &patch)?;
    apply_patch(&mut state, order_id, patch, checked)?;
    respond_with_order(&state, order_id, StatusCode::OK)
}

pub(crate) async fn put(
    State(sim): State<StarwebSim>,
    Path(order_id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    update(sim, order_id, body, true).await
}

pub(crate) async fn patch(
    State(sim): State<StarwebSim>,
    Path(order_id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    update(sim, order_id, body, false).await
}

pub(crate) async fn delete(
    State(sim): State<StarwebSim>,
    Path(order_id): Path<String>,
) -> Result<Response, ApiError> {
    let order_id = path_id(&order_id, "Order")?;
    sim.lock()
        .delete_order(order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Runs `change` on one order, moving its `modifiedAt`; 404 if the order does not exist.
pub(crate) fn with_order<T>(
    sim: &StarwebSim,
    order_id: &str,
    change: impl FnOnce(&mut ShopState, u32) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let order_id = path_id(order_id, "Order")?;
    let mut state = sim.lock();
    if !state.orders.contains_key(&order_id) {
        return Err(order_not_found(order_id));
    }
    let result = change(&mut state, order_id)?;
    let now = state.now();
    if let Some(order) = state.orders.get_mut(&order_id) {
        order.modified_at = now;
    }
    Ok(result)
}
