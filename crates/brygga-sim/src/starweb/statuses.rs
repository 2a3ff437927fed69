//! `/order-statuses`: the shop's statuses, standard ones (with an `idCode`) and the merchant's own.
//! Standard statuses cannot be changed or deleted (403), nor can a status that an order is in, as the
//! spec's descriptions say. A new status gets the next free id and no `idCode`.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::StarwebSim;
use super::error::{ApiError, json_body, path_id};
use super::setup::{LocalName, OrderStatus};
use super::wire::{data, status_out};

/// Status names arrive as `{data: [...]}` (2.12.0) or as a plain list (2.11.0); both are read.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum NamesIn {
    Wrapped { data: Vec<LocalName> },
    Plain(Vec<LocalName>),
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StatusIn {
    should_send_email: Option<bool>,
    languages: Option<NamesIn>,
}

impl StatusIn {
    fn apply_to(self, status: &mut OrderStatus) {
        status.should_send_email = self.should_send_email.unwrap_or(status.should_send_email);
        match self.languages {
            Some(NamesIn::Wrapped { data } | NamesIn::Plain(data)) => status.names = data,
            None => {}
        }
    }
}

fn status_missing(raw: &str) -> ApiError {
    ApiError::not_found(format!("Order status {raw} not found"))
}

pub(crate) async fn list_statuses(State(sim): State<StarwebSim>) -> Response {
    let state = sim.lock();
    Json(data(
        state
            .setup
            .statuses
            .iter()
            .map(status_out)
            .collect::<Vec<_>>(),
    ))
    .into_response()
}

pub(crate) async fn get_status(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let status_id = path_id(&raw, "Order status")?;
    let state = sim.lock();
    let status = state
        .setup
        .status(status_id)
        .ok_or_else(|| status_missing(&raw))?;
    Ok(Json(data(status_out(status))).into_response())
}

pub(crate) async fn add_status(
    State(sim): State<StarwebSim>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let given: StatusIn = json_body(&body)?;
    let mut state = sim.lock();
    let status_id = state
        .setup
        .statuses
        .iter()
        .map(|status| status.status_id)
        .max()
        .unwrap_or(0)
        + 1;
    let mut status = OrderStatus {
        status_id,
        id_code: None,
        should_send_email: false,
        names: Vec::new(),
    };
    given.apply_to(&mut status);
    state.setup.statuses.push(status.clone());
    Ok((StatusCode::CREATED, Json(data(status_out(&status)))).into_response())
}

pub(crate) async fn update_status(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let status_id = path_id(&raw, "Order status")?;
    let given: StatusIn = json_body(&body)?;
    let mut state = sim.lock();
    let status = state
        .setup
        .statuses
        .iter_mut()
        .find(|status| status.status_id == status_id);
    let status = status.ok_or_else(|| status_missing(&raw))?;
    if status.id_code.is_some() {
        return Err(ApiError::forbidden(
            "Standard order statuses cannot be changed",
        ));
    }
    given.apply_to(status);
    Ok(Json(data(status_out(status))).into_response())
}

pub(crate) async fn delete_status(
    State(sim): State<StarwebSim>,
    Path(raw): Path<String>,
) -> Result<Response, ApiError> {
    let status_id = path_id(&raw, "Order status")?;
    let mut state = sim.lock();
    let status = state
        .setup
        .status(status_id)
        .ok_or_else(|| status_missing(&raw))?;
    if status.id_code.is_some() {
        return Err(ApiError::forbidden(
            "Standard order statuses cannot be deleted",
        ));
    }
    if state
        .orders
        .values()
        .any(|order| order.status_id == status_id)
    {
        return Err(ApiError::forbidden(
            "An order status in use cannot be deleted",
        ));
    }
    state
        .setup
        .statuses
        .retain(|status| status.status_id != status_id);
    Ok(StatusCode::NO_CONTENT.into_response())
}
