//! An order's references to other systems (`/orders/{orderId}/external-services`), keyed by service
//! name. This is where a bridge can keep its warehouse order reference, and where the nShift agent
//! (pickup point) chosen at checkout is found.
//!
//! Choices where the docs are silent: PUT does not create a missing service (404); a service name is
//! unique per order (400 on a second POST); the checkout's nShift service is read-only (403 on change),
//! which is what the model's `readOnly` flag is for.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::StarwebSim;
use super::error::{ApiError, json_body, path_id};
use super::model::ExternalService;
use super::orders::{order_not_found, with_order};
use super::wire::data;

pub(crate) async fn list_services(
    State(sim): State<StarwebSim>,
    Path(order_id): Path<String>,
) -> Result<Response, ApiError> {
    let order_id = path_id(&order_id, "Order")?;
    let state = sim.lock();
    let order = state
        .orders
        .get(&order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    Ok(Json(data(&order.external_services)).into_response())
}

pub(crate) async fn add_service(
    State(sim): State<StarwebSim>,
    Path(order_id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let given: ExternalService = json_body(&body)?;
    if given.service_name.is_empty() {
        return Err(ApiError::bad_request("serviceName is required"));
    }
    let service = with_order(&sim, &order_id, |state, order_id| {
        let order = state
            .orders
            .get_mut(&order_id)
            .ok_or_else(|| order_not_found(order_id))?;
        if order
            .external_services
            .iter()
            .any(|service| service.service_name == given.service_name)
        {
            return Err(ApiError::bad_request(format!(
                "Order {order_id} already has a {} reference",
                given.service_name
            )));
        }
        order.external_services.push(given.clone());
        Ok(given)
    })?;
    Ok((StatusCode::CREATED, Json(data(service))).into_response())
}

fn service_missing(name: &str) -> ApiError {
    ApiError::not_found(format!("External service {name} not found"))
}

pub(crate) async fn get_service(
    State(sim): State<StarwebSim>,
    Path((order_id, name)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let order_id = path_id(&order_id, "Order")?;
    let state = sim.lock();
    let order = state
        .orders
        .get(&order_id)
        .ok_or_else(|| order_not_found(order_id))?;
    let service = order
        .external_services
        .iter()
        .find(|service| service.service_name == name);
    Ok(Json(data(service.ok_or_else(|| service_missing(&name))?)).into_response())
}

/// PUT (`replace`) sets the value and agent as given; PATCH keeps what the body leaves out.
async fn write_service(
    sim: StarwebSim,
    order_id: String,
    name: String,
    body: Bytes,
    replace: bool,
) -> Result<Response, ApiError> {
    let given: ExternalService = json_body(&body)?;
    let service = with_order(&sim, &order_id, |state, order_id| {
        let order = state
            .orders
            .get_mut(&order_id)
            .ok_or_else(|| order_not_found(order_id))?;
        let service = order
            .external_services
            .iter_mut()
            .find(|service| service.service_name == name);
        let service = service.ok_or_else(|| service_missing(&name))?;
        if service.read_only {
            return Err(ApiError::forbidden(format!(
                "External service {name} is read-only"
            )));
        }
        if replace {
            service.external_id_value = given.external_id_value;
            service.agent = given.agent;
        } else {
            super::model::merge_present!(service, given; external_id_value, agent);
        }
        if !given.service_name.is_empty() {
            service.service_name = given.service_name;
        }
        Ok(service.clone())
    })?;
    Ok(Json(data(service)).into_response())
}

pub(crate) async fn put_service(
    State(sim): State<StarwebSim>,
    Path((order_id, name)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    write_service(sim, order_id, name, body, true).await
}

pub(crate) async fn patch_service(
    State(sim): State<StarwebSim>,
    Path((order_id, name)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, ApiError> {
    write_service(sim, order_id, name, body, false).await
}

pub(crate) async fn delete_service(
    State(sim): State<StarwebSim>,
    Path((order_id, name)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    with_order(&sim, &order_id, |state, order_id| {
        let order = state
            .orders
            .get_mut(&order_id)
            .ok_or_else(|| order_not_found(order_id))?;
        let index = order
            .external_services
            .iter()
            .position(|service| service.service_name == name);
        let index = index.ok_or_else(|| service_missing(&name))?;
        if order.external_services[index].read_only {
            return Err(ApiError::forbidden(format!(
                "External service {name} is read-only"
            )));
        }
        order.external_services.remove(index);
        Ok(())
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
