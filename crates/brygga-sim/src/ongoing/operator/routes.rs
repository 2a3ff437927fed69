//! HTTP handlers of the control API; the table of routes is in the parent module's docs.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::TimeDelta;
use serde::de::DeserializeOwned;
use serde_json::json;

use super::{
    Allocation, ClockChange, GoodsReceipt, OperatorError, Picking, Release, ReturnReceipt,
    Shipping, StatusChange, StatusDefinition, StockAdjustment, UnclaimedParcel,
};
use crate::ongoing::OngoingSim;
use crate::ongoing::article_view::article_view;
use crate::ongoing::http::format_time;
use crate::ongoing::order_view::order_view;
use crate::ongoing::purchase_order_view::purchase_order_view;
use crate::ongoing::return_orders::return_order_view;
use crate::ongoing::stock::StockLedger;
use crate::ongoing::wms::Wms;

pub(crate) fn routes() -> Router<OngoingSim> {
    Router::new()
        .route("/_sim/ongoing/state", get(state))
        .route("/_sim/ongoing/clock", post(clock))
        .route(
            "/_sim/ongoing/orderStatuses",
            get(order_statuses).post(define_order_status),
        )
        .route("/_sim/ongoing/orders/{orderId}/release", post(release))
        .route("/_sim/ongoing/orders/{orderId}/allocate", post(allocate))
        .route("/_sim/ongoing/orders/{orderId}/pick", post(pick))
        .route("/_sim/ongoing/orders/{orderId}/ship", post(ship))
        .route("/_sim/ongoing/orders/{orderId}/status", post(set_status))
        .route(
            "/_sim/ongoing/purchaseOrders/{purchaseOrderId}/receive",
            post(receive_purchase_order),
        )
        .route(
            "/_sim/ongoing/returnOrders/{returnOrderId}/receive",
            post(receive_return_order),
        )
        .route("/_sim/ongoing/returns/unclaimed", post(unclaimed))
        .route("/_sim/ongoing/returns/module", post(returns_module))
        .route("/_sim/ongoing/stock/adjust", post(adjust_stock))
}

impl IntoResponse for OperatorError {
    fn into_response(self) -> Response {
        let status = match &self {
            Self::NotFound(_) => StatusCode::NOT_FOUND,
            Self::Refused(_) => StatusCode::CONFLICT,
            Self::Invalid(_) => StatusCode::BAD_REQUEST,
        };
        (status, axum::Json(json!({ "message": self.to_string() }))).into_response()
    }
}

/// Parses a control body; an empty body means "all defaults".
fn body<T: DeserializeOwned + Default>(bytes: &[u8]) -> Result<T, OperatorError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(bytes).map_err(|error| {
        OperatorError::Invalid(format!("The control request is not valid: {error}"))
    })
}

/// Runs an action under the lock and answers with what it returns, or with the refusal.
fn act(
    sim: &OngoingSim,
    action: impl FnOnce(&mut Wms) -> Result<Response, OperatorError>,
) -> Response {
    let mut wms = sim.lock();
    action(&mut wms).unwrap_or_else(IntoResponse::into_response)
}

fn order_answer(wms: &Wms, order_id: i32) -> Response {
    match wms.orders.get(&order_id) {
        Some(order) => axum::Json(order_view(wms, order)).into_response(),
        None => OperatorError::NotFound(format!("There is no order with id {order_id}."))
            .into_response(),
    }
}

async fn state(State(sim): State<OngoingSim>) -> Response {
    act(&sim, |wms| {
        Ok(axum::Json(json!({
            "now": format_time(wms.now()),
            "articles": wms.articles.len(),
            "orders": wms.orders.len(),
            "purchaseOrders": wms.purchase_orders.len(),
            "returnOrders": wms.return_orders.len(),
            "calls": wms.calls,
        }))
        .into_response())
    })
}

async fn clock(State(sim): State<OngoingSim>, bytes: Bytes) -> Response {
    act(&sim, |wms| {
        let change: ClockChange = body(&bytes)?;
        if let Some(time) = change.set {
            wms.clock.set(time);
        }
        if let Some(seconds) = change.advance_seconds {
            wms.clock.advance(TimeDelta::seconds(seconds));
        }
        Ok(axum::Json(json!({ "now": format_time(wms.now()) })).into_response())
    })
}

async fn order_statuses(State(sim): State<OngoingSim>) -> Response {
    act(&sim, |wms| {
        Ok(axum::Json(wms.order_statuses.entries().to_vec()).into_response())
    })
}

async fn define_order_status(State(sim): State<OngoingSim>, bytes: Bytes) -> Response {
    act(&sim, |wms| {
        let definition: StatusDefinition = serde_json::from_slice(&bytes).map_err(|error| {
            OperatorError::Invalid(format!("The control request is not valid: {error}"))
        })?;
        wms.order_statuses
            .define(definition.number, definition.text, definition.stage)
            .map_err(OperatorError::Refused)?;
        Ok(axum::Json(wms.order_statuses.entries().to_vec()).into_response())
    })
}

async fn release(
    State(sim): State<OngoingSim>,
    Path(order_id): Path<i32>,
    bytes: Bytes,
) -> Response {
    act(&sim, |wms| {
        super::release(wms, order_id, &body::<Release>(&bytes)?)?;
        Ok(order_answer(wms, order_id))
    })
}

async fn allocate(
    State(sim): State<OngoingSim>,
    Path(order_id): Path<i32>,
    bytes: Bytes,
) -> Response {
    act(&sim, |wms| {
        super::allocate(wms, order_id, &body::<Allocation>(&bytes)?)?;
        Ok(order_answer(wms, order_id))
    })
}

async fn pick(State(sim): State<OngoingSim>, Path(order_id): Path<i32>, bytes: Bytes) -> Response {
    act(&sim, |wms| {
        super::pick(wms, order_id, &body::<Picking>(&bytes)?)?;
        Ok(order_answer(wms, order_id))
    })
}

async fn ship(State(sim): State<OngoingSim>, Path(order_id): Path<i32>, bytes: Bytes) -> Response {
    act(&sim, |wms| {
        super::ship(wms, order_id, &body::<Shipping>(&bytes)?)?;
        Ok(order_answer(wms, order_id))
    })
}

async fn set_status(
    State(sim): State<OngoingSim>,
    Path(order_id): Path<i32>,
    bytes: Bytes,
) -> Response {
    act(&sim, |wms| {
        let change: StatusChange = serde_json::from_slice(&bytes).map_err(|error| {
            OperatorError::Invalid(format!("The control request is not valid: {error}"))
        })?;
        super::set_any_status(wms, order_id, change.status_number)?;
        Ok(order_answer(wms, order_id))
    })
}

async fn receive_purchase_order(
    State(sim): State<OngoingSim>,
    Path(id): Path<i32>,
    bytes: Bytes,
) -> Response {
    act(&sim, |wms| {
        super::receive_purchase_order(wms, id, &body::<GoodsReceipt>(&bytes)?)?;
        Ok(axum::Json(purchase_order_view(wms, &wms.purchase_orders[&id])).into_response())
    })
}

async fn receive_return_order(
    State(sim): State<OngoingSim>,
    Path(id): Path<i32>,
    bytes: Bytes,
) -> Response {
    act(&sim, |wms| {
        super::receive_return_order(wms, id, &body::<ReturnReceipt>(&bytes)?)?;
        Ok(axum::Json(return_order_view(wms, &wms.return_orders[&id])).into_response())
    })
}

async fn unclaimed(State(sim): State<OngoingSim>, bytes: Bytes) -> Response {
    act(&sim, |wms| {
        let id = super::register_unclaimed_parcel(wms, &body::<UnclaimedParcel>(&bytes)?)?;
        Ok((
            StatusCode::CREATED,
            axum::Json(return_order_view(wms, &wms.return_orders[&id])),
        )
            .into_response())
    })
}

/// Switches the returns module on or off for the goods owner: `{"enabled": false}`.
async fn returns_module(State(sim): State<OngoingSim>, bytes: Bytes) -> Response {
    #[derive(serde::Deserialize)]
    struct Module {
        enabled: bool,
    }
    act(&sim, |wms| {
        let module: Module = serde_json::from_slice(&bytes).map_err(|error| {
            OperatorError::Invalid(format!("The control request is not valid: {error}"))
        })?;
        wms.returns_enabled = module.enabled;
        Ok(axum::Json(json!({ "enabled": wms.returns_enabled })).into_response())
    })
}

async fn adjust_stock(State(sim): State<OngoingSim>, bytes: Bytes) -> Response {
    act(&sim, |wms| {
        let article_id = super::adjust_stock(wms, &body::<StockAdjustment>(&bytes)?)?;
        let ledger = StockLedger::compute(wms);
        Ok(axum::Json(article_view(wms, &ledger, &wms.articles[&article_id])).into_response())
    })
}
