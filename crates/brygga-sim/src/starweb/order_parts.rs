//! An order's addresses by type (`/orders/{orderId}/addresses`) and its comments
//! (`/orders/{orderId}/comments`).
//!
//! Choices where the docs are silent: PUT of an address creates the type if the order lacks it, PATCH
//! of a missing one is a 404; a comment's `from` must be `admin` or `customer` and defaults to `admin`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::StarwebSim;
use super::error::{ApiError, json_body, path_id};
use super::model::{Address, AddressType, OrderComment};
use super::orders::{order_not_found, with_order};
use super::time::{format_time, parse_time};
use super::wire::data;

fn address_type(raw: &str) -> Result<AddressType, ApiError> {
    AddressType::parse(raw)
        .ok_or_else(|| ApiError::not_found(format!("Address type {raw} not found")))
}

pub(crate) async fn list_addresses(
    State(sim): State<StarwebSim>,
    Path(order_id): Path<String>,
) -> Result<Response, ApiError> {
    let order_id = path_id(&order_id, "Order")?;
    let state = sim.lock();
    let order = state
        .orders
        .get(&order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    let addresses: std::collections::BTreeMap<_, _> = order
        .addresses
        .iter()
        .map(|(kind, address)| (kind.as_str(), address))
        .collect();
    Ok(Json(data(addresses)).into_response())
}

pub(crate) async fn get_address(
    State(sim): State<StarwebSim>,
    Path((order_id, kind)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let order_id = path_id(&order_id, "Order")?;
    let kind = address_type(&kind)?;
    let state = sim.lock();
    let order = state
        .orders
        .get(&order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    let address = order.addresses.get(&kind).ok_or_else(|| {
        ApiError::not_found(format!("Order {order_id} has no {} address", kind.as_str()))
    })?;
    Ok(Json(data(address)).into_response())
}

async fn write_address(
    sim: StarwebSim,
    order_id: String,
    kind: String,
    body: Bytes,
    replace: bool,
) -> Result<Response, ApiError> {
    let kind = address_type(&kind)?;
    let given: Address = json_body(&body)?;
    let address = with_order(&sim, &order_id, |state, order_id| {
        let order = state
            .orders
            .get_mut(&order_id)
            .ok_or_else(|| order_not_found(order_id))?;
        if replace {
            order.addresses.insert(kind, given.clone());
            return Ok(given);
        }
        let address = order.addresses.get_mut(&kind).ok_or_else(|| {
            ApiError::not_found(format!("Order {order_id} has no {} address", kind.as_str()))
        })?;
        address.merge(given);
        Ok(address.clone())
    })?;
    Ok(Json(data(address)).into_response())
}

pub(crate) async fn put_address(
    State(sim): State<StarwebSim>,
    Path((order_id, kind)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    write_address(sim, order_id, kind, body, true).await
}

pub(crate) async fn patch_address(
    State(sim): State<StarwebSim>,
    Path((order_id, kind)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    write_address(sim, order_id, kind, body, false).await
}

pub(crate) async fn delete_address(
    State(sim): State<StarwebSim>,
    Path((order_id, kind)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let kind = address_type(&kind)?;
    with_order(&sim, &order_id, |state, order_id| {
        let order = state
            .orders
            .get_mut(&order_id)
            .ok_or_else(|| order_not_found(order_id))?;
        order
            .addresses
            .remove(&kind)
            .map(drop)
            .ok_or_else(|| ApiError::not_found("No such address"))
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct CommentOut {
    comment_id: u32,
    created_at: String,
    text: String,
    from: String,
}

fn comment_out(comment: &OrderComment) -> CommentOut {
    CommentOut {
        comment_id: comment.comment_id,
        created_at: format_time(comment.created_at),
        text: comment.text.clone(),
        from: comment.from.clone(),
    }
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CommentIn {
    created_at: Option<String>,
    text: Option<String>,
    from: Option<String>,
}

impl CommentIn {
    fn apply_to(self, comment: &mut OrderComment) -> Result<(), ApiError> {
        if let Some(from) = self.from {
            if from != "admin" && from != "customer" {
                return Err(ApiError::bad_request("from must be admin or customer"));
            }
            comment.from = from;
        }
        if let Some(created_at) = self.created_at {
            comment.created_at = parse_time(&created_at)
                .ok_or_else(|| ApiError::bad_request("createdAt must be ISO-8601"))?;
        }
        if let Some(text) = self.text {
            comment.text = text;
        }
        Ok(())
    }
}

pub(crate) async fn list_comments(
    State(sim): State<StarwebSim>,
    Path(order_id): Path<String>,
) -> Result<Response, ApiError> {
    let order_id = path_id(&order_id, "Order")?;
    let state = sim.lock();
    let order = state
        .orders
        .get(&order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    Ok(Json(data(
        order.comments.iter().map(comment_out).collect::<Vec<_>>(),
    ))
    .into_response())
}

pub(crate) async fn add_comment(
    State(sim): State<StarwebSim>,
    Path(order_id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let given: CommentIn = json_body(&body)?;
    if given.text.is_none() {
        return Err(ApiError::bad_request("text is required"));
    }
    let comment = with_order(&sim, &order_id, |state, order_id| {
        let comment_id = state.comment_id();
        let mut comment = OrderComment {
            comment_id,
            created_at: state.now(),
            text: String::new(),
            from: "admin".into(),
        };
        given.apply_to(&mut comment)?;
        let order = state
            .orders
            .get_mut(&order_id)
            .ok_or_else(|| order_not_found(order_id))?;
        order.comments.push(comment.clone());
        Ok(comment)
    })?;
    Ok((StatusCode::CREATED, Json(data(comment_out(&comment)))).into_response())
}

fn comment_missing(comment_id: &str) -> ApiError {
    ApiError::not_found(format!("Comment {comment_id} not found"))
}

pub(crate) async fn get_comment(
    State(sim): State<StarwebSim>,
    Path((order_id, comment_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let order_id = path_id(&order_id, "Order")?;
    let wanted = path_id(&comment_id, "Comment")?;
    let state = sim.lock();
    let order = state
        .orders
        .get(&order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    let comment = order
        .comments
        .iter()
        .find(|comment| comment.comment_id == wanted);
    Ok(Json(data(comment_out(
        comment.ok_or_else(|| comment_missing(&comment_id))?,
    )))
    .into_response())
}

pub(crate) async fn update_comment(
    State(sim): State<StarwebSim>,
    Path((order_id, comment_id)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let given: CommentIn = json_body(&body)?;
    let wanted = path_id(&comment_id, "Comment")?;
    let comment = with_order(&sim, &order_id, |state, order_id| {
        let order = state
            .orders
            .get_mut(&order_id)
            .ok_or_else(|| order_not_found(order_id))?;
        let comment = order
            .comments
            .iter_mut()
            .find(|comment| comment.comment_id == wanted);
        let comment = comment.ok_or_else(|| comment_missing(&comment_id))?;
        given.apply_to(comment)?;
        Ok(comment.clone())
    })?;
    Ok(Json(data(comment_out(&comment))).into_response())
}

pub(crate) async fn delete_comment(
    State(sim): State<StarwebSim>,
    Path((order_id, comment_id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let wanted = path_id(&comment_id, "Comment")?;
    with_order(&sim, &order_id, |state, order_id| {
        let order = state
            .orders
            .get_mut(&order_id)
            .ok_or_else(|| order_not_found(order_id))?;
        let index = order
            .comments
            .iter()
            .position(|comment| comment.comment_id == wanted);
        order
            .comments
            .remove(index.ok_or_else(|| comment_missing(&comment_id))?);
        Ok(())
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
