//! Read-only reference data: shipping and payment methods, currencies, shipping tracking types, the
//! shop's details, and single customers (for orders' `customerId`). Lists here are unpaged `{data}`
//! envelopes, as the spec has them.

use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::StarwebSim;
use super::error::{ApiError, path_id};
use super::setup::{Currency, PaymentMethod, ShippingMethod};
use super::wire::{Data, customer_out, data};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct MethodName {
    lang_code: &'static str,
    name: String,
    title: String,
}

fn method_names(sv: &str, en: &str) -> Data<Vec<MethodName>> {
    data(vec![
        MethodName {
            lang_code: "sv",
            name: sv.into(),
            title: sv.into(),
        },
        MethodName {
            lang_code: "en",
            name: en.into(),
            title: en.into(),
        },
    ])
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct ShippingMethodOut {
    shipping_method_id: u32,
    active: bool,
    valid_for_countries: &'static str,
    valid_countries_selected: Vec<String>,
    valid_for_min_items_subtotal: Option<f64>,
    valid_for_max_items_subtotal: Option<f64>,
    valid_for_min_weight: Option<f64>,
    valid_for_max_weight: Option<f64>,
    valid_for_customer_type: Option<String>,
    free_shipping_min_items_subtotal: Option<f64>,
    free_shipping_min_weight: Option<f64>,
    is_click_and_collect: bool,
    external_id: Option<String>,
    languages: Data<Vec<MethodName>>,
}

fn shipping_out(method: &ShippingMethod) -> ShippingMethodOut {
    ShippingMethodOut {
        shipping_method_id: method.shipping_method_id,
        active: method.active,
        valid_for_countries: "selected",
        valid_countries_selected: method.valid_countries.clone(),
        valid_for_min_items_subtotal: None,
        valid_for_max_items_subtotal: None,
        valid_for_min_weight: None,
        valid_for_max_weight: None,
        valid_for_customer_type: None,
        free_shipping_min_items_subtotal: None,
        free_shipping_min_weight: None,
        is_click_and_collect: method.is_click_and_collect,
        external_id: method.external_id.clone(),
        languages: method_names(&method.name, &method.name_en),
    }
}

pub(crate) async fn list_shipping_methods(State(sim): State<StarwebSim>) -> Response {
    let state = sim.lock();
    Json(data(
        state
            .setup
            .shipping_methods
            .iter()
            .map(shipping_out)
            .collect::<Vec<_>>(),
    ))
    .into_response()
}

pub(crate) async fn get_shipping_method(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let id = path_id(&raw, "Shipping method")?;
    let state = sim.lock();
    let method = state
        .setup
        .shipping_method(id)
        .ok_or_else(|| ApiError::not_found(format!("Shipping method {raw} not found")))?;
    Ok(Json(data(shipping_out(method))).into_response())
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct PaymentMethodOut {
    payment_method_id: u32,
    id_code: String,
    active: bool,
    fee: f64,
    valid_for_countries: &'static str,
    valid_countries_selected: Vec<String>,
    valid_for_shipping_methods: &'static str,
    is_click_and_collect: bool,
    external_id: Option<String>,
    languages: Data<Vec<MethodName>>,
}

fn payment_out(method: &PaymentMethod) -> PaymentMethodOut {
    PaymentMethodOut {
        payment_method_id: method.payment_method_id,
        id_code: method.id_code.clone(),
        active: method.active,
        fee: super::model::from_minor(method.fee_incl_vat_minor),
        valid_for_countries: "all",
        valid_countries_selected: Vec::new(),
        valid_for_shipping_methods: "all",
        is_click_and_collect: method.is_click_and_collect,
        external_id: None,
        languages: method_names(&method.name, &method.name_en),
    }
}

pub(crate) async fn list_payment_methods(State(sim): State<StarwebSim>) -> Response {
    let state = sim.lock();
    Json(data(
        state
            .setup
            .payment_methods
            .iter()
            .map(payment_out)
            .collect::<Vec<_>>(),
    ))
    .into_response()
}

pub(crate) async fn get_payment_method(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let id = path_id(&raw, "Payment method")?;
    let state = sim.lock();
    let method = state
        .setup
        .payment_method(id)
        .ok_or_else(|| ApiError::not_found(format!("Payment method {raw} not found")))?;
    Ok(Json(data(payment_out(method))).into_response())
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct CurrencyOut {
    code: String,
    exchange_rate: f64,
    precision: u32,
}

fn currency_out(currency: &Currency) -> CurrencyOut {
    CurrencyOut {
        code: currency.code.clone(),
        exchange_rate: currency.exchange_rate,
        precision: currency.precision,
    }
}

pub(crate) async fn list_currencies(State(sim): State<StarwebSim>) -> Response {
    let state = sim.lock();
    Json(data(
        state
            .setup
            .currencies
            .iter()
            .map(currency_out)
            .collect::<Vec<_>>(),
    ))
    .into_response()
}

pub(crate) async fn get_currency(
    State(sim): State<StarwebSim>,
    Path(code): Path<String>,
) -> Result<Response, ApiError> {
    let state = sim.lock();
    let currency = state
        .setup
        .currency(&code)
        .ok_or_else(|| ApiError::not_found(format!("Currency {code} not found")))?;
    Ok(Json(data(currency_out(currency))).into_response())
}

#[derive(Debug, Serialize)]
struct TrackingTypeOut {
    #[serde(rename = "type")]
    tracker_type: u32,
    name: String,
}

pub(crate) async fn list_tracking_types(State(sim): State<StarwebSim>) -> Response {
    let state = sim.lock();
    let types: Vec<TrackingTypeOut> = state
        .setup
        .tracking_types
        .iter()
        .map(|kind| TrackingTypeOut {
            tracker_type: kind.tracker_type,
            name: kind.name.clone(),
        })
        .collect();
    Json(data(types)).into_response()
}

pub(crate) async fn get_shop(State(sim): State<StarwebSim>) -> Response {
    Json(data(sim.lock().setup.info.clone())).into_response()
}

pub(crate) async fn get_customer(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let id = path_id(&raw, "Customer")?;
    let state = sim.lock();
    let customer = customer_out(&state, id)
        .ok_or_else(|| ApiError::not_found(format!("Customer {raw} not found")))?;
    Ok(Json(data(customer)).into_response())
}
