//! The customer-order routes a merchant uses to send and read orders: upsert by order number (or
//! by id), lookup, search with the id cursor and the status-changed feed, and cancellation.
//!
//! "You may not update or cancel an order after the warehouse has started working on it." Which
//! statuses count as started is not stated; here it is every status whose stage is Released or
//! later ([`OrderStage::is_started`]), plus any order the warehouse has already allocated or picked
//! goods for. The refusal is a 400 whose body carries the `orderId` and says why (see
//! `super::http`). A line left out of a repeated `PUT` is removed, since the upsert replaces the
//! whole order; lines are matched by `rowNumber`, so kept lines keep their ids.

use std::collections::HashSet;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;

use super::OngoingSim;
use super::http::{ApiError, QueryParams, json, parse_body, parse_body_time};
use super::order_search::select_orders;
use super::order_view::order_view;
use super::statuses::{OrderStage, order_status};
use super::wire::order::{PostOrder, PostOrderResponse};
use super::wms::{Order, OrderLine, Wms};

pub(super) fn routes() -> Router<OngoingSim> {
    Router::new()
        .route(
            "/api/v1/orders",
            get(list).put(upsert).delete(cancel_by_number),
        )
        .route(
            "/api/v1/orders/{orderId}",
            get(by_id).put(update_by_id).delete(cancel_by_id),
        )
}

async fn upsert(State(sim): State<OngoingSim>, headers: HeaderMap, body: Bytes) -> Response {
    sim.call("Orders_PutOrder", &headers, |wms| {
        let data: PostOrder = parse_body(&body)?;
        let (order_id, created) = upsert_order(wms, data, None)?;
        Ok(upsert_response(order_id, created))
    })
}

async fn update_by_id(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path(order_id): Path<i32>,
    body: Bytes,
) -> Response {
    sim.call("Orders_PutOrderUsingOrderId", &headers, |wms| {
        let data: PostOrder = parse_body(&body)?;
        let (order_id, created) = upsert_order(wms, data, Some(order_id))?;
        Ok(upsert_response(order_id, created))
    })
}

/// 201 when the `PUT` created the order, 200 when it updated one. The spec allows both and does not
/// say which means what; this is the usual reading.
fn upsert_response(order_id: i32, created: bool) -> Response {
    let (status, verb) = if created {
        (StatusCode::CREATED, "created")
    } else {
        (StatusCode::OK, "updated")
    };
    json(
        status,
        &PostOrderResponse {
            order_id: Some(order_id),
            message: Some(format!("Order {order_id} was {verb}.")),
        },
    )
}

/// Creates or replaces an order; `by_id` is the target of `PUT /orders/{orderId}`.
pub(crate) fn upsert_order(
    wms: &mut Wms,
    mut data: PostOrder,
    by_id: Option<i32>,
) -> Result<(i32, bool), ApiError> {
    wms.check_goods_owner(data.goods_owner_id)?;
    if data.order_number.trim().is_empty() {
        return Err(ApiError::bad_request("orderNumber must not be empty."));
    }
    let delivery_date = parse_body_time("deliveryDate", &data.delivery_date)?;
    let warehouse_id = wms.resolve_site(data.warehouse_id)?;
    let posted_lines = data.order_lines.take().unwrap_or_default();
    let mut rows = HashSet::new();
    let mut articles = HashSet::new();
    let mut resolved = Vec::with_capacity(posted_lines.len());
    for line in &posted_lines {
        if line.row_number.trim().is_empty() || !rows.insert(line.row_number.as_str()) {
            return Err(ApiError::bad_request(format!(
                "Order {}: every order line needs its own non-empty rowNumber ('{}' is empty or repeated).",
                data.order_number, line.row_number
            )));
        }
        let article = wms.article_by_number(&line.article_number).ok_or_else(|| {
            ApiError::bad_request(format!(
                "Order {}, row {}: there is no article with article number '{}'.",
                data.order_number, line.row_number, line.article_number
            ))
        })?;
        resolved.push((article.id, article.is_stock_article()));
        // Ongoing's default rule: an article may appear on only one line of an order.
        if !articles.insert(line.article_number.as_str()) {
            return Err(ApiError::bad_request(format!(
                "Order {}: article '{}' is on more than one order line.",
                data.order_number, line.article_number
            )));
        }
    }
    let existing = match by_id {
        Some(id) => Some(
            wms.orders
                .get(&id)
                .map(|order| order.id)
                .ok_or_else(|| ApiError::not_found(format!("There is no order with id {id}.")))?,
        ),
        None => wms.order_ids.get(&data.order_number).copied(),
    };
    if let Some(id) = existing {
        if let Some(owner) = wms
            .order_ids
            .get(&data.order_number)
            .filter(|&&owner| owner != id)
        {
            return Err(ApiError::refused(
                "orderId",
                id,
                format!(
                    "Order number {} already belongs to order {owner}.",
                    data.order_number
                ),
            ));
        }
        if let Some(reason) = wms
            .orders
            .get(&id)
            .and_then(|order| lock_reason(wms, order))
        {
            return Err(ApiError::refused(
                "orderId",
                id,
                format!("Order {} cannot be updated: {reason}.", data.order_number),
            ));
        }
    }
    let now = wms.now();
    let previous = existing
        .and_then(|id| wms.orders.get(&id))
        .map(|order| order.lines.clone())
        .unwrap_or_default();
    let mut lines = Vec::with_capacity(posted_lines.len());
    for (posted, (article_id, stock_article)) in posted_lines.into_iter().zip(resolved) {
        let kept_id = previous
            .iter()
            .find(|line| line.data.row_number == posted.row_number)
            .map(|line| line.id);
        lines.push(OrderLine {
            id: kept_id.unwrap_or_else(|| wms.ids.order_line()),
            article_id,
            should_be_picked: posted.should_be_picked.unwrap_or(true) && stock_article,
            data: posted,
            allocated: 0.0,
            picked: 0.0,
            reported: 0.0,
            returned: 0.0,
            reported_returned: 0.0,
            picks: Vec::new(),
        });
    }
    let touched: Vec<i32> = previous
        .iter()
        .chain(&lines)
        .map(|line| line.article_id)
        .collect();
    let outcome = match existing.and_then(|id| wms.orders.get_mut(&id)) {
        Some(order) => {
            let changed = order.header != data
                || order.warehouse_id != warehouse_id
                || order.delivery_date != delivery_date
                || !same_lines(&order.lines, &lines);
            if changed {
                wms.order_ids.remove(&order.header.order_number);
                order.header = data;
                order.delivery_date = delivery_date;
                order.warehouse_id = warehouse_id;
                order.lines = lines;
                order.header_updated = now;
                wms.order_ids
                    .insert(order.header.order_number.clone(), order.id);
            }
            Upsert::Updated {
                id: order.id,
                changed,
            }
        }
        None => {
            let id = wms.ids.order();
            let consignee_id = wms.ids.consignee();
            wms.order_ids.insert(data.order_number.clone(), id);
            let order = Order {
                id,
                warehouse_id,
                consignee_id,
                status: order_status::OPEN,
                header: data,
                delivery_date,
                lines,
                created: now,
                header_updated: now,
                status_changed: now,
                shipment: None,
                last_returned: None,
            };
            wms.orders.insert(id, order);
            Upsert::Created { id }
        }
    };
    // An identical re-send changes no stock figure, so the stock feed does not report it again.
    match outcome {
        Upsert::Created { id } => {
            wms.touch_stock(touched);
            Ok((id, true))
        }
        Upsert::Updated { id, changed } => {
            if changed {
                wms.touch_stock(touched);
            }
            Ok((id, false))
        }
    }
}

/// What an upsert did.
enum Upsert {
    Created { id: i32 },
    Updated { id: i32, changed: bool },
}

fn same_lines(old: &[OrderLine], new: &[OrderLine]) -> bool {
    old.len() == new.len()
        && old.iter().zip(new).all(|(a, b)| {
            a.id == b.id && a.data == b.data && a.should_be_picked == b.should_be_picked
        })
}

/// Why the merchant may no longer change or cancel this order, if they may not.
pub(crate) fn lock_reason(wms: &Wms, order: &Order) -> Option<String> {
    let stage = wms.order_stage(order);
    let status = format!(
        "status {} {}",
        order.status,
        wms.order_statuses.text(order.status).unwrap_or_default()
    );
    if stage == OrderStage::Cancelled {
        return Some(format!("it is cancelled ({status})"));
    }
    if stage.is_started() {
        return Some(format!(
            "the warehouse has started working on it ({status})"
        ));
    }
    if order
        .lines
        .iter()
        .any(|line| line.allocated > 0.0 || line.picked > 0.0)
    {
        return Some(format!(
            "the warehouse has allocated goods to it ({status})"
        ));
    }
    None
}

async fn by_id(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path(order_id): Path<i32>,
) -> Response {
    sim.call("Orders_Get", &headers, |wms| {
        let order = wms
            .orders
            .get(&order_id)
            .ok_or_else(|| ApiError::not_found(format!("There is no order with id {order_id}.")))?;
        Ok(json(StatusCode::OK, &order_view(wms, order)))
    })
}

async fn cancel_by_id(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path(order_id): Path<i32>,
) -> Response {
    sim.call("Orders_Delete", &headers, |wms| cancel(wms, order_id))
}

async fn cancel_by_number(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    sim.call("Orders_DeleteByOrderNumber", &headers, |wms| {
        let query = QueryParams::parse(raw.as_deref());
        wms.check_goods_owner(query.goods_owner_id()?)?;
        let number = query
            .first("orderNumber")
            .ok_or_else(|| ApiError::bad_request("The orderNumber parameter is required."))?;
        let order_id = *wms.order_ids.get(number).ok_or_else(|| {
            ApiError::not_found(format!("There is no order with order number '{number}'."))
        })?;
        cancel(wms, order_id)
    })
}

/// Cancels an order the warehouse has not started on. Cancelling a cancelled order succeeds again.
fn cancel(wms: &mut Wms, order_id: i32) -> Result<Response, ApiError> {
    let order = wms
        .orders
        .get(&order_id)
        .ok_or_else(|| ApiError::not_found(format!("There is no order with id {order_id}.")))?;
    if wms.order_stage(order) == OrderStage::Cancelled {
        return Ok(json(
            StatusCode::OK,
            &PostOrderResponse {
                order_id: Some(order_id),
                message: Some(format!("Order {order_id} was already cancelled.")),
            },
        ));
    }
    if let Some(reason) = lock_reason(wms, order) {
        return Err(ApiError::refused(
            "orderId",
            order_id,
            format!(
                "Order {} cannot be cancelled: {reason}.",
                order.header.order_number
            ),
        ));
    }
    let now = wms.now();
    let touched: Vec<i32> = order.lines.iter().map(|line| line.article_id).collect();
    if let Some(order) = wms.orders.get_mut(&order_id) {
        order.status = order_status::CANCELLED;
        order.status_changed = now;
    }
    wms.touch_stock(touched);
    Ok(json(
        StatusCode::OK,
        &PostOrderResponse {
            order_id: Some(order_id),
            message: Some(format!("Order {order_id} was cancelled.")),
        },
    ))
}

async fn list(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    sim.call("Orders_GetAll", &headers, |wms| {
        let query = QueryParams::parse(raw.as_deref());
        wms.check_goods_owner(query.goods_owner_id()?)?;
        let matching = select_orders(wms, &query)?;
        let body: Vec<_> = matching
            .into_iter()
            .map(|order| order_view(wms, order))
            .collect();
        Ok(json(StatusCode::OK, &body))
    })
}
