//! `/orders/{orderId}/items`: an order's lines, listed, added, read, changed and removed one by one,
//! which is how the docs advise changing lines. PUT and PATCH of a line both merge the given fields,
//! since the spec gives both the same body; every change moves the order's `modifiedAt`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::StarwebSim;
use super::error::{ApiError, RawQuery, json_body, params, path_id};
use super::order_input::ItemIn;
use super::orders::{order_not_found, with_order};
use super::state::ShopState;
use super::wire::{Includes, data, item_out};

pub(crate) async fn list_items(
    State(sim): State<StarwebSim>,
    Path(order_id): Path<String>,
) -> Result<Response, ApiError> {
    let order_id = path_id(&order_id, "Order")?;
    let state = sim.lock();
    let order = state
        .orders
        .get(&order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    let items: Vec<_> = order
        .lines
        .iter()
        .map(|line| item_out(line, false))
        .collect();
    Ok(Json(data(items)).into_response())
}

pub(crate) async fn add_item(
    State(sim): State<StarwebSim>,
    Path(order_id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let item: ItemIn = json_body(&body)?;
    let line = with_order(&sim, &order_id, |state, order_id| {
        let item_id = state.item_id();
        let order = state
            .orders
            .get_mut(&order_id)
            .ok_or_else(|| order_not_found(order_id))?;
        let sort_index = u32::try_from(order.lines.len()).unwrap_or(u32::MAX);
        let mut line = item.to_line(sort_index);
        line.item_id = item_id;
        order.lines.push(line.clone());
        Ok(line)
    })?;
    Ok((StatusCode::CREATED, Json(data(item_out(&line, false)))).into_response())
}

fn item_index(state: &ShopState, order_id: u32, item_id: &str) -> Result<usize, ApiError> {
    let missing = || {
        ApiError::not_found(format!(
            "Order item {item_id} not found on order {order_id}"
        ))
    };
    let item_id = path_id(item_id, "Order item").map_err(|_| missing())?;
    let order = state
        .orders
        .get(&order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    order
        .lines
        .iter()
        .position(|line| line.item_id == item_id)
        .ok_or_else(missing)
}

pub(crate) async fn get_item(
    State(sim): State<StarwebSim>,
    Path((order_id, item_id)): Path<(String, String)>,
    query: RawQuery,
) -> Result<Response, ApiError> {
    let order_id = path_id(&order_id, "Order")?;
    let includes = Includes::parse(params(query)?.text("include"));
    let state = sim.lock();
    let index = item_index(&state, order_id, &item_id)?;
    let line = &state.orders[&order_id].lines[index];
    Ok(Json(data(item_out(line, includes.has("bundledItems")))).into_response())
}

/// PUT and PATCH of one line both merge the given fields: the spec gives both the same body.
pub(crate) async fn update_item(
    State(sim): State<StarwebSim>,
    Path((order_id, item_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let item: ItemIn = json_body(&body)?;
    let line = with_order(&sim, &order_id, |state, order_id| {
        let index = item_index(state, order_id, &item_id)?;
        let order = state
            .orders
            .get_mut(&order_id)
            .ok_or_else(|| order_not_found(order_id))?;
        let line = &mut order.lines[index];
        let item_id = line.item_id;
        item.apply_to(line);
        line.item_id = item_id;
        Ok(line.clone())
    })?;
    Ok(Json(data(item_out(&line, false))).into_response())
}

pub(crate) async fn delete_item(
    State(sim): State<StarwebSim>,
    Path((order_id, item_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    with_order(&sim, &order_id, |state, order_id| {
        let index = item_index(state, order_id, &item_id)?;
        if let Some(order) = state.orders.get_mut(&order_id) {
            order.lines.remove(index);
        }
        Ok(())
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
