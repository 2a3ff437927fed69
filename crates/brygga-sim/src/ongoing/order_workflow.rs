//! The order routes that steer and acknowledge the warehouse's work rather than the order's
//! content: the status list, a status change (how a merchant releases orders to picking), and the
//! "reported" acknowledgements after picking and returns. Pickability has its own module.
//!
//! `PATCH …/orderStatus` is refused once the warehouse has allocated or picked goods for the order
//! (the spec warns "if the warehouse has allocated goods to the order, then it's possible that this
//! call will fail") and once the order is final (sent, collected, returned or cancelled).

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, patch};

use super::OngoingSim;
use super::http::{ApiError, json, parse_body};
use super::wire::StatusNumberText;
use super::wire::order::{PatchOrderResponse, PatchOrderStatus, PatchReportedNumberOfItems};
use super::wire::order_view::OrderStatuses;
use super::wms::{Order, Wms};

pub(super) fn routes() -> Router<OngoingSim> {
    Router::new()
        .route("/api/v1/orders/statuses", get(statuses))
        .route("/api/v1/orders/{orderId}/orderStatus", patch(change_status))
        .route(
            "/api/v1/orders/{orderId}/setReportedNumberOfItemsToPickedNumberOfItems",
            patch(report_picked),
        )
        .route(
            "/api/v1/orders/{orderId}/lines/{orderLineId}/reportedNumberOfItems",
            patch(report_line),
        )
        .route(
            "/api/v1/orders/{orderId}/setReportedReturnedNumberOfItemsToReturnedNumberOfItems",
            patch(report_returned),
        )
}

async fn statuses(State(sim): State<OngoingSim>, headers: HeaderMap) -> Response {
    sim.call("Orders_GetOrderStatuses", &headers, |wms| {
        let order_statuses = wms
            .order_statuses
            .entries()
            .iter()
            .map(|entry| StatusNumberText {
                number: entry.number,
                text: Some(entry.text.clone()),
            })
            .collect();
        Ok(json(StatusCode::OK, &OrderStatuses { order_statuses }))
    })
}

async fn change_status(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path(order_id): Path<i32>,
    body: Bytes,
) -> Response {
    sim.call("Orders_PatchOrderStatus", &headers, |wms| {
        let request: PatchOrderStatus = parse_body(&body)?;
        let target = request.order_status_number;
        let order = find(wms, order_id)?;
        let target_stage = wms
            .order_statuses
            .get(target)
            .map(|entry| entry.stage)
            .ok_or_else(|| ApiError::refused("orderId", order_id, format!("There is no order status {target} in this warehouse.")))?;
        let current = wms.order_stage(order);
        if current.is_final() {
            return Err(ApiError::refused("orderId", order_id, format!(
                "The status of order {} cannot be changed: it is final (status {}).",
                order.header.order_number, order.status
            )));
        }
        if order.lines.iter().any(|line| line.allocated > 0.0 || line.picked > 0.0) {
            return Err(ApiError::refused("orderId", order_id, format!(
                "The status of order {} cannot be changed: the warehouse has allocated goods to it (status {}).",
                order.header.order_number, order.status
            )));
        }
        let touched: Vec<i32> = order.lines.iter().map(|line| line.article_id).collect();
        let now = wms.now();
        if let Some(order) = wms.orders.get_mut(&order_id) {
            order.status = target;
            order.status_changed = now;
        }
        if target_stage.is_final() {
            wms.touch_stock(touched);
        }
        Ok(json(StatusCode::OK, &PatchOrderResponse { order_id, message: Some(format!("Order status set to {target}.")) }))
    })
}

async fn report_picked(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path(order_id): Path<i32>,
) -> Response {
    sim.call(
        "Orders_PatchSetReportedNumberOfItemsToPickedNumberOfItems",
        &headers,
        |wms| {
            find(wms, order_id)?;
            if let Some(order) = wms.orders.get_mut(&order_id) {
                order
                    .lines
                    .iter_mut()
                    .for_each(|line| line.reported = line.picked);
            }
            Ok(json(
                StatusCode::OK,
                &PatchOrderResponse {
                    order_id,
                    message: Some(
                        "Reported number of items set to picked number of items.".to_owned(),
                    ),
                },
            ))
        },
    )
}

async fn report_line(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path((order_id, line_id)): Path<(i32, i32)>,
    body: Bytes,
) -> Response {
    sim.call("Orders_PatchReportedNumberOfItems", &headers, |wms| {
        let request: PatchReportedNumberOfItems = parse_body(&body)?;
        find(wms, order_id)?;
        let line = wms
            .orders
            .get_mut(&order_id)
            .and_then(|order| order.lines.iter_mut().find(|line| line.id == line_id))
            .ok_or_else(|| {
                ApiError::not_found(format!(
                    "Order {order_id} has no order line with id {line_id}."
                ))
            })?;
        line.reported = request.reported_number_of_items;
        Ok(json(
            StatusCode::OK,
            &PatchOrderResponse {
                order_id,
                message: Some("Reported number of items updated.".to_owned()),
            },
        ))
    })
}

async fn report_returned(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path(order_id): Path<i32>,
) -> Response {
    sim.call(
        "Orders_PatchSetReportedReturnedNumberOfItemsToReturnedNumberOfItems",
        &headers,
        |wms| {
            find(wms, order_id)?;
            if let Some(order) = wms.orders.get_mut(&order_id) {
                order
                    .lines
                    .iter_mut()
                    .for_each(|line| line.reported_returned = line.returned);
            }
            Ok(json(
                StatusCode::OK,
                &PatchOrderResponse {
                    order_id,
                    message: Some(
                        "Reported returned number of items set to returned number of items."
                            .to_owned(),
                    ),
                },
            ))
        },
    )
}

fn find(wms: &Wms, order_id: i32) -> Result<&Order, ApiError> {
    wms.orders
        .get(&order_id)
        .ok_or_else(|| ApiError::not_found(format!("There is no order with id {order_id}.")))
}
