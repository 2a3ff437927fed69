//! A variant's stock per stock location (`/products/{productId}/variants/{variantId}/stocks`), and the
//! stock locations and stock statuses it refers to.
//!
//! The shop has one stock location, the e-commerce one, whose stock is the variant's `stockQuantity`
//! (the docs infer that the two are linked). PUT needs `stockStatusId` and `stockQuantity` and creates
//! the row; PATCH lets the shop's rule set the status unless one is forced, as documented. A quantity
//! written as a fraction is rounded to whole units, since the variant's quantity is an integer. A
//! service product has no stock row until one is PUT.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::StarwebSim;
use super::error::{ApiError, json_body, path_id};
use super::model::Variant;
use super::products::{check_stock_status, locate, product_missing};
use super::setup::{LocalName, STOCK_LOCATION_MAIN};
use super::wire::{Data, data};

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct StockOut {
    stock_location_id: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    stock_status_id: Option<u32>,
    stock_quantity: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    shelf_space: Option<String>,
}

fn stock_out(variant: &Variant) -> Option<StockOut> {
    Some(StockOut {
        stock_location_id: STOCK_LOCATION_MAIN,
        stock_status_id: variant.stock_status_id,
        stock_quantity: variant.stock_quantity? as f64,
        shelf_space: variant.shelf_space.clone(),
    })
}

pub(crate) async fn list_stocks(
    State(sim): State<StarwebSim>,
    Path((product, variant)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let state = sim.lock();
    let (product_id, index) = locate(&state, &product, &variant)?;
    let stocks: Vec<StockOut> = stock_out(&state.products[&product_id].variants[index])
        .into_iter()
        .collect();
    Ok(Json(data(stocks)).into_response())
}

fn stock_missing(location: &str) -> ApiError {
    ApiError::not_found(format!("No stock at stock location {location}"))
}

fn check_location(location: &str) -> Result<(), ApiError> {
    match path_id(location, "Stock location") {
        Ok(STOCK_LOCATION_MAIN) => Ok(()),
        _ => Err(ApiError::not_found(format!(
            "Stock location {location} not found"
        ))),
    }
}

pub(crate) async fn get_stock(
    State(sim): State<StarwebSim>,
    Path((product, variant, location)): Path<(String, String, String)>,
) -> Result<Response, ApiError> {
    check_location(&location)?;
    let state = sim.lock();
    let (product_id, index) = locate(&state, &product, &variant)?;
    let stock = stock_out(&state.products[&product_id].variants[index])
        .ok_or_else(|| stock_missing(&location))?;
    Ok(Json(data(stock)).into_response())
}

/// `ProductVariantStockPutRequestModel` / `ProductVariantStockPatchRequestModel`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StockIn {
    stock_status_id: Option<u32>,
    stock_quantity: Option<f64>,
    shelf_space: Option<String>,
}

/// PUT (`create_or_replace`) needs both status and quantity and creates the row; PATCH needs the row
/// and lets the shop's rule pick the status unless one is forced.
async fn write_stock(
    sim: StarwebSim,
    path: (String, String, String),
    body: Bytes,
    create_or_replace: bool,
) -> Result<Response, ApiError> {
    let (product, variant, location) = path;
    check_location(&location)?;
    let given: StockIn = json_body(&body)?;
    if create_or_replace && (given.stock_status_id.is_none() || given.stock_quantity.is_none()) {
        return Err(ApiError::bad_request(
            "stockStatusId and stockQuantity are required",
        ));
    }
    let mut state = sim.lock();
    let (product_id, index) = locate(&state, &product, &variant)?;
    check_stock_status(&state, given.stock_status_id)?;
    let current = state.products[&product_id].variants[index].stock_quantity;
    if !create_or_replace && current.is_none() {
        return Err(stock_missing(&location));
    }
    let quantity = given
        .stock_quantity
        .map(|quantity| quantity.round() as i64)
        .or(current);
    state.set_variant_stock(product_id, index, quantity, given.stock_status_id);
    let variant = &mut state
        .products
        .get_mut(&product_id)
        .ok_or_else(|| product_missing(&product))?
        .variants[index];
    if given.shelf_space.is_some() {
        variant.shelf_space = given.shelf_space;
    }
    let stock = stock_out(variant).ok_or_else(|| stock_missing(&location))?;
    Ok(Json(data(stock)).into_response())
}

pub(crate) async fn put_stock(
    State(sim): State<StarwebSim>,
    Path(path): Path<(String, String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    write_stock(sim, path, body, true).await
}

pub(crate) async fn patch_stock(
    State(sim): State<StarwebSim>,
    Path(path): Path<(String, String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    write_stock(sim, path, body, false).await
}

pub(crate) async fn delete_stock(
    State(sim): State<StarwebSim>,
    Path((product, variant, location)): Path<(String, String, String)>,
) -> Result<Response, ApiError> {
    check_location(&location)?;
    let mut state = sim.lock();
    let (product_id, index) = locate(&state, &product, &variant)?;
    if state.products[&product_id].variants[index]
        .stock_quantity
        .is_none()
    {
        return Err(stock_missing(&location));
    }
    state.set_variant_stock(product_id, index, None, None);
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct StockLocationOut {
    stock_location_id: u32,
    external_id: Option<String>,
    visibility: &'static str,
    sort_index: u32,
    ecommerce_stock_location: bool,
    languages: Data<Vec<LocalName>>,
}

fn main_location() -> StockLocationOut {
    StockLocationOut {
        stock_location_id: STOCK_LOCATION_MAIN,
        external_id: None,
        visibility: "show_if_in_stock",
        sort_index: 0,
        ecommerce_stock_location: true,
        languages: data(vec![LocalName {
            lang_code: "sv".into(),
            name: "Centrallager".into(),
        }]),
    }
}

pub(crate) async fn list_stock_locations() -> Response {
    Json(data(vec![main_location()])).into_response()
}

pub(crate) async fn get_stock_location(Path(raw): Path<String>) -> Result<Response, ApiError> {
    check_location(&raw)?;
    Ok(Json(data(main_location())).into_response())
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct StockStatusOut {
    stock_status_id: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    id_code: Option<String>,
    sort_index: u32,
    stockout_new_status_id: Option<u32>,
    product_buyable: bool,
    in_stock: bool,
    languages: Data<Vec<LocalName>>,
}

pub(crate) async fn list_stock_statuses(State(sim): State<StarwebSim>) -> Response {
    let state = sim.lock();
    let statuses: Vec<StockStatusOut> = state
        .setup
        .stock_statuses
        .iter()
        .zip(0..)
        .map(|(status, sort_index)| StockStatusOut {
            stock_status_id: status.stock_status_id,
            id_code: status.id_code.clone(),
            sort_index,
            stockout_new_status_id: status.stockout_new_status_id,
            product_buyable: status.buyable,
            in_stock: status.in_stock,
            languages: data(vec![LocalName {
                lang_code: "sv".into(),
                name: status.name.clone(),
            }]),
        })
        .collect();
    Json(data(statuses)).into_response()
}
