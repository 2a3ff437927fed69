//! The shopper control API under `/_sim/starweb/`: sim-only JSON routes that play the shop's customers
//! and admin (place, edit, cancel and delete orders, add products, set stock) and let a test drive or
//! read the simulator itself (clock, recorded e-mails and payment actions, call counts, rate limit).
//! They need no token, are never rate limited, and are kept apart from the API on purpose: nothing
//! here is part of Starweb.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, patch, post, put};
use axum::{Json, Router};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::StarwebSim;
use super::error::{ApiError, json_body, path_id};
use super::products::product_out;
use super::shop_actions::{EditOrder, NewProduct, PlaceOrder, ShopError};
use super::time::format_time;
use super::wire::{Includes, data, order_out};

pub(crate) fn router(sim: StarwebSim) -> Router {
    Router::new()
        .route("/_sim/starweb/orders", post(place_order))
        .route(
            "/_sim/starweb/orders/{orderId}",
            patch(edit_order).delete(delete_order),
        )
        .route("/_sim/starweb/orders/{orderId}/cancel", post(cancel_order))
        .route("/_sim/starweb/products", post(add_product))
        .route("/_sim/starweb/stock", get(list_stock))
        .route("/_sim/starweb/stock/{sku}", put(set_stock))
        .route("/_sim/starweb/clock", get(read_clock).post(move_clock))
        .route("/_sim/starweb/emails", get(list_emails))
        .route("/_sim/starweb/payments", get(list_payments))
        .route("/_sim/starweb/calls", get(list_calls))
        .route("/_sim/starweb/rate-limit", put(set_rate_limit))
        .with_state(sim)
}

impl From<ShopError> for ApiError {
    fn from(error: ShopError) -> Self {
        let status = match &error {
            ShopError::UnknownOrder(_) | ShopError::UnknownSku(_) => StatusCode::NOT_FOUND,
            ShopError::OrderNumberTaken(_)
            | ShopError::NoDeletedOrderNumber
            | ShopError::DuplicateSku(_) => StatusCode::CONFLICT,
            ShopError::UnknownShippingMethod(_)
            | ShopError::UnknownPaymentMethod(_)
            | ShopError::UnknownCurrency(_)
            | ShopError::Empty(_) => StatusCode::BAD_REQUEST,
        };
        ApiError::new(status, "refused", error.to_string())
    }
}

/// The order as `GET /orders/{id}` with every include would show it.
fn order_response(
    sim: &StarwebSim,
    order_id: u32,
    status: StatusCode,
) -> Result<Response, ApiError> {
    let state = sim.lock();
    let order = state
        .orders
        .get(&order_id)
        .ok_or(ShopError::UnknownOrder(order_id))?;
    Ok((
        status,
        Json(data(order_out(&state, order, &Includes::all_for_orders()))),
    )
        .into_response())
}

async fn place_order(State(sim): State<StarwebSim>, body: Bytes) -> Result<Response, ApiError> {
    let order: PlaceOrder = json_body(&body)?;
    let order_id = sim.place_order(order)?;
    order_response(&sim, order_id, StatusCode::CREATED)
}

async fn edit_order(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let order_id = path_id(&raw, "Order")?;
    let edit: EditOrder = json_body(&body)?;
    sim.edit_order(order_id, edit)?;
    order_response(&sim, order_id, StatusCode::OK)
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Cancel {
    send_email: Option<bool>,
}

/// Body optional: `{"sendEmail": false}` cancels without the cancellation e-mail.
async fn cancel_order(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let order_id = path_id(&raw, "Order")?;
    let cancel: Cancel = if body.is_empty() {
        Cancel { send_email: None }
    } else {
        json_body(&body)?
    };
    sim.cancel_order(order_id, cancel.send_email.unwrap_or(true))?;
    order_response(&sim, order_id, StatusCode::OK)
}

async fn delete_order(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let order_id = path_id(&raw, "Order")?;
    sim.delete_order(order_id)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn add_product(State(sim): State<StarwebSim>, body: Bytes) -> Result<Response, ApiError> {
    let product: NewProduct = json_body(&body)?;
    let product_id = sim.add_product(product)?;
    let state = sim.lock();
    let product = state
        .products
        .get(&product_id)
        .ok_or_else(|| ApiError::not_found("Product vanished"))?;
    let includes = Includes::parse(Some("languages,primaryVariant.prices"));
    Ok((
        StatusCode::CREATED,
        Json(data(product_out(product, &includes, true))),
    )
        .into_response())
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StockLevel {
    #[serde(default)]
    sku: String,
    quantity: i64,
}

async fn list_stock(State(sim): State<StarwebSim>) -> Response {
    let levels: Vec<StockLevel> = sim
        .stock_levels()
        .into_iter()
        .map(|(sku, quantity)| StockLevel { sku, quantity })
        .collect();
    Json(data(levels)).into_response()
}

async fn set_stock(
    State(sim): State<StarwebSim>,
    Path(sku): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let level: StockLevel = json_body(&body)?;
    sim.set_stock(&sku, level.quantity)?;
    Ok(Json(StockLevel {
        sku,
        quantity: level.quantity,
    })
    .into_response())
}

/// `{"advanceSeconds": n}` moves the clock on (negative moves it back); `{"now": "<RFC 3339>"}` sets it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct MoveClock {
    advance_seconds: Option<i64>,
    now: Option<DateTime<Utc>>,
}

fn clock_response(sim: &StarwebSim) -> Response {
    let state = sim.lock();
    Json(json!({
        "now": format_time(state.clock.now()),
        "offsetSeconds": state.clock.offset().num_seconds(),
    }))
    .into_response()
}

async fn read_clock(State(sim): State<StarwebSim>) -> Response {
    clock_response(&sim)
}

async fn move_clock(State(sim): State<StarwebSim>, body: Bytes) -> Result<Response, ApiError> {
    let change: MoveClock = json_body(&body)?;
    match (change.now, change.advance_seconds) {
        (Some(now), _) => sim.set_clock(now),
        (None, Some(seconds)) => sim.advance_clock(Duration::seconds(seconds)),
        (None, None) => return Err(ApiError::bad_request("Give now or advanceSeconds")),
    }
    Ok(clock_response(&sim))
}

async fn list_emails(State(sim): State<StarwebSim>) -> Response {
    Json(data(sim.customer_emails())).into_response()
}

async fn list_payments(State(sim): State<StarwebSim>) -> Response {
    Json(data(sim.processed_payments())).into_response()
}

async fn list_calls(State(sim): State<StarwebSim>) -> Response {
    Json(data(sim.call_counts())).into_response()
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct RateLimit {
    requests_per_minute: u32,
}

/// `{"requestsPerMinute": n}`; 0 turns the limit off.
async fn set_rate_limit(State(sim): State<StarwebSim>, body: Bytes) -> Result<Response, ApiError> {
    let limit: RateLimit = json_body(&body)?;
    sim.set_requests_per_minute(limit.requests_per_minute);
    Ok(Json(limit).into_response())
}
