//! The purchase-order routes: pre-advise expected goods (upsert by purchase order number), read
//! them back with received quantities per line, follow the status-changed feed with the id cursor,
//! cancel, and acknowledge receipts.
//!
//! Like customer orders, a purchase order is locked once the warehouse starts receiving it ("You
//! may not update or cancel a purchase order after the warehouse has started working on it"); the
//! refusal is a 400 naming the `purchaseOrderId`. Deviations are not a separate thing in the spec:
//! a client sees them as `receivedNumberOfItems` differing from `advisedNumberOfItems`, as extra
//! lines with `advisedNumberOfItems` 0 for articles nobody advised, and as received items with a
//! locked item status.

use std::collections::HashSet;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::routing::{get, patch};

use super::OngoingSim;
use super::http::{ApiError, QueryParams, json, parse_body, parse_time};
use super::purchase_order_view::purchase_order_view;
use super::statuses::PurchaseOrderStatus;
use super::wire::StatusNumberText;
use super::wire::purchase_order::{
    GetPurchaseOrder, PostPurchaseOrder, PostPurchaseOrderResponse, PurchaseOrderStatuses,
};
use super::wms::{PurchaseOrder, PurchaseOrderLine, Wms};

pub(super) fn routes() -> Router<OngoingSim> {
    Router::new()
        .route("/api/v1/purchaseOrders", get(list).put(upsert).delete(cancel_by_number))
        .route("/api/v1/purchaseOrders/statuses", get(statuses))
        .route("/api/v1/purchaseOrders/{purchaseOrderId}", get(by_id).put(update_by_id).delete(cancel_by_id))
        .route(
            "/api/v1/purchaseOrders/{purchaseOrderId}/setReportedNumberOfItemsToReceivedNumberOfItems",
            patch(report_received),
        )
}

async fn upsert(State(sim): State<OngoingSim>, headers: HeaderMap, body: Bytes) -> Response {
    sim.call("PurchaseOrders_Put2", &headers, |wms| {
        upsert_purchase_order(wms, parse_body(&body)?, None)
    })
}

async fn update_by_id(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path(id): Path<i32>,
    body: Bytes,
) -> Response {
    sim.call("PurchaseOrders_Put", &headers, |wms| {
        upsert_purchase_order(wms, parse_body(&body)?, Some(id))
    })
}

fn upsert_purchase_order(
    wms: &mut Wms,
    mut data: PostPurchaseOrder,
    by_id: Option<i32>,
) -> Result<Response, ApiError> {
    wms.check_goods_owner(data.goods_owner_id)?;
    let number = data.purchase_order_number.clone();
    if number.trim().is_empty() {
        return Err(ApiError::bad_request(
            "purchaseOrderNumber must not be empty.",
        ));
    }
    let warehouse_id = wms.resolve_site(data.warehouse_id)?;
    let posted = data.purchase_order_lines.take().unwrap_or_default();
    let mut rows = HashSet::new();
    let mut article_ids = Vec::with_capacity(posted.len());
    for line in &posted {
        if line.row_number.trim().is_empty() || !rows.insert(line.row_number.as_str()) {
            return Err(ApiError::bad_request(format!(
                "Purchase order {number}: every line needs its own non-empty rowNumber ('{}' is empty or repeated).",
                line.row_number
            )));
        }
        let article = wms.article_by_number(&line.article_number).ok_or_else(|| {
            ApiError::bad_request(format!(
                "Purchase order {number}, row {}: there is no article '{}'.",
                line.row_number, line.article_number
            ))
        })?;
        article_ids.push(article.id);
    }
    let existing = match by_id {
        Some(id) => Some(
            wms.purchase_orders
                .get(&id)
                .map(|po| po.id)
                .ok_or_else(|| not_found(id))?,
        ),
        None => wms.purchase_order_ids.get(&number).copied(),
    };
    if let Some(id) = existing {
        if let Some(owner) = wms
            .purchase_order_ids
            .get(&number)
            .filter(|&&owner| owner != id)
        {
            return Err(ApiError::refused(
                "purchaseOrderId",
                id,
                format!(
                    "Purchase order number {number} already belongs to purchase order {owner}."
                ),
            ));
        }
        let purchase_order = &wms.purchase_orders[&id];
        if let Some(reason) = lock_reason(purchase_order) {
            return Err(ApiError::refused(
                "purchaseOrderId",
                id,
                format!("Purchase order {number} cannot be updated: {reason}."),
            ));
        }
    }
    let now = wms.now();
    let previous = existing
        .map(|id| wms.purchase_orders[&id].lines.clone())
        .unwrap_or_default();
    let mut lines = Vec::with_capacity(posted.len());
    for (line, article_id) in posted.into_iter().zip(article_ids) {
        let kept = previous
            .iter()
            .find(|old| old.row_number == line.row_number)
            .map(|old| old.id);
        lines.push(PurchaseOrderLine {
            id: kept.unwrap_or_else(|| wms.ids.purchase_order_line()),
            row_number: line.row_number.clone(),
            article_id,
            advised: line.number_of_items,
            data: Some(line),
            received: 0.0,
            reported: 0.0,
            items: Vec::new(),
        });
    }
    let touched: Vec<i32> = previous
        .iter()
        .chain(&lines)
        .map(|line| line.article_id)
        .collect();
    let mut changed = existing.is_none();
    let id = match existing {
        Some(id) => {
            if let Some(purchase_order) = wms.purchase_orders.get_mut(&id) {
                let same_lines = purchase_order.lines.len() == lines.len()
                    && purchase_order.lines.iter().zip(&lines).all(|(old, new)| {
                        old.id == new.id && old.article_id == new.article_id && old.data == new.data
                    });
                // An identical re-send is no change, for the changed-since filter and the stock feed.
                if purchase_order.header != data
                    || purchase_order.warehouse_id != warehouse_id
                    || !same_lines
                {
                    wms.purchase_order_ids
                        .remove(&purchase_order.header.purchase_order_number);
                    purchase_order.header = data;
                    purchase_order.warehouse_id = warehouse_id;
                    purchase_order.lines = lines;
                    purchase_order.head_or_lines_changed = now;
                    changed = true;
                }
            }
            id
        }
        None => {
            let id = wms.ids.purchase_order();
            wms.purchase_orders.insert(
                id,
                PurchaseOrder {
                    id,
                    warehouse_id,
                    status: PurchaseOrderStatus::Notified,
                    header: data,
                    lines,
                    created: now,
                    status_changed: now,
                    head_or_lines_changed: now,
                    last_received: None,
                },
            );
            id
        }
    };
    wms.purchase_order_ids.insert(number, id);
    if changed {
        wms.touch_stock(touched);
    }
    let verb = if existing.is_some() {
        "updated"
    } else {
        "created"
    };
    Ok(json(
        StatusCode::OK,
        &PostPurchaseOrderResponse {
            purchase_order_id: Some(id),
            message: Some(format!("Purchase order {id} was {verb}.")),
        },
    ))
}

fn lock_reason(purchase_order: &PurchaseOrder) -> Option<String> {
    let status = purchase_order.status;
    if status == PurchaseOrderStatus::Cancelled {
        return Some("it is cancelled".to_owned());
    }
    if status.is_started() || purchase_order.lines.iter().any(|line| line.received > 0.0) {
        return Some(format!(
            "the warehouse has started receiving it (status {} {})",
            status.number(),
            status.text()
        ));
    }
    None
}

fn not_found(id: i32) -> ApiError {
    ApiError::not_found(format!("There is no purchase order with id {id}."))
}

async fn statuses(State(sim): State<OngoingSim>, headers: HeaderMap) -> Response {
    sim.call("PurchaseOrders_GetPurchaseOrderStatuses", &headers, |_| {
        let order_statuses = PurchaseOrderStatus::ALL
            .into_iter()
            .map(|status| StatusNumberText {
                number: status.number(),
                text: Some(status.text().to_owned()),
            })
            .collect();
        Ok(json(
            StatusCode::OK,
            &PurchaseOrderStatuses { order_statuses },
        ))
    })
}

async fn by_id(State(sim): State<OngoingSim>, headers: HeaderMap, Path(id): Path<i32>) -> Response {
    sim.call("PurchaseOrders_Get", &headers, |wms| {
        let purchase_order = wms.purchase_orders.get(&id).ok_or_else(|| not_found(id))?;
        Ok(json(
            StatusCode::OK,
            &purchase_order_view(wms, purchase_order),
        ))
    })
}

async fn cancel_by_id(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    sim.call("PurchaseOrders_Delete", &headers, |wms| cancel(wms, id))
}

async fn cancel_by_number(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    sim.call("PurchaseOrders_DeleteByOrderNumber", &headers, |wms| {
        let query = QueryParams::parse(raw.as_deref());
        wms.check_goods_owner(query.goods_owner_id()?)?;
        let number = query.first("purchaseOrderNumber").ok_or_else(|| {
            ApiError::bad_request("The purchaseOrderNumber parameter is required.")
        })?;
        let id = *wms.purchase_order_ids.get(number).ok_or_else(|| {
            ApiError::not_found(format!(
                "There is no purchase order with number '{number}'."
            ))
        })?;
        cancel(wms, id)
    })
}

fn cancel(wms: &mut Wms, id: i32) -> Result<Response, ApiError> {
    let purchase_order = wms.purchase_orders.get(&id).ok_or_else(|| not_found(id))?;
    if purchase_order.status != PurchaseOrderStatus::Cancelled {
        if let Some(reason) = lock_reason(purchase_order) {
            return Err(ApiError::refused(
                "purchaseOrderId",
                id,
                format!("Purchase order {id} cannot be cancelled: {reason}."),
            ));
        }
        let touched: Vec<i32> = purchase_order
            .lines
            .iter()
            .map(|line| line.article_id)
            .collect();
        let now = wms.now();
        if let Some(purchase_order) = wms.purchase_orders.get_mut(&id) {
            purchase_order.status = PurchaseOrderStatus::Cancelled;
            purchase_order.status_changed = now;
        }
        wms.touch_stock(touched);
    }
    Ok(json(
        StatusCode::OK,
        &PostPurchaseOrderResponse {
            purchase_order_id: Some(id),
            message: Some(format!("Purchase order {id} was cancelled.")),
        },
    ))
}

async fn report_received(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    sim.call(
        "PurchaseOrders_PatchSetReportedNumberOfItemsToReceivedNumberOfItems",
        &headers,
        |wms| {
            let purchase_order = wms
                .purchase_orders
                .get_mut(&id)
                .ok_or_else(|| not_found(id))?;
            purchase_order
                .lines
                .iter_mut()
                .for_each(|line| line.reported = line.received);
            // The spec declares this response as `application/octet-stream` with no schema.
            Ok(Response::builder()
                .status(StatusCode::OK)
                .header(header::CONTENT_TYPE, "application/octet-stream")
                .body(Body::empty())
                .unwrap_or_default())
        },
    )
}

async fn list(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    sim.call("PurchaseOrders_GetAll", &headers, |wms| {
        let query = QueryParams::parse(raw.as_deref());
        wms.check_goods_owner(query.goods_owner_id()?)?;
        let mut numbers = query.all("purchaseOrderNumbers");
        numbers.extend(query.first("purchaseOrderNumber"));
        let articles = query.all("articleNumbers");
        let status_from = query.int("purchaseOrderStatusFrom")?;
        let status_to = query.int("purchaseOrderStatusTo")?;
        let status_changed_from = query.time("purchaseOrderStatusChangedTimeFrom")?;
        let changed_from = query.time("purchaseOrderHeadOrLinesChangedTimeFrom")?;
        let received_from = query.time("lastReceiveTimeFrom")?;
        let received_to = query.time("lastReceiveTimeTo")?;
        let in_date_from = query.time("inDateFrom")?;
        let in_date_to = query.time("inDateTo")?;
        let to_report = query
            .flag("onlyPurchaseOrdersWithOrderLinesToReport")?
            .unwrap_or(false);
        let id_from = query.int("purchaseOrderIdFrom")?;
        let limit = query
            .int("maxPurchaseOrdersToGet")?
            .map_or(usize::MAX, |max| usize::try_from(max).unwrap_or(0));
        let article_number = |line: &PurchaseOrderLine| {
            wms.articles
                .get(&line.article_id)
                .map(|a| a.data.article_number.as_str())
        };
        let body: Vec<GetPurchaseOrder> = wms
            .purchase_orders
            .range(id_from.unwrap_or(i32::MIN)..)
            .map(|(_, purchase_order)| purchase_order)
            .filter(|po| {
                numbers.is_empty() || numbers.contains(&po.header.purchase_order_number.as_str())
            })
            .filter(|po| {
                articles.is_empty()
                    || po
                        .lines
                        .iter()
                        .any(|line| article_number(line).is_some_and(|n| articles.contains(&n)))
            })
            .filter(|po| status_from.is_none_or(|from| po.status.number() >= from))
            .filter(|po| status_to.is_none_or(|to| po.status.number() <= to))
            .filter(|po| status_changed_from.is_none_or(|from| po.status_changed >= from))
            .filter(|po| changed_from.is_none_or(|from| po.head_or_lines_changed >= from))
            .filter(|po| {
                received_from.is_none_or(|from| po.last_received.is_some_and(|at| at >= from))
            })
            .filter(|po| received_to.is_none_or(|to| po.last_received.is_some_and(|at| at <= to)))
            .filter(|po| {
                let in_date = po.header.in_date.as_deref().and_then(parse_time);
                in_date_from.is_none_or(|from| in_date.is_some_and(|at| at >= from))
                    && in_date_to.is_none_or(|to| in_date.is_some_and(|at| at <= to))
            })
            .filter(|po| !to_report || po.lines.iter().any(|line| line.reported != line.received))
            .take(limit)
            .map(|po| purchase_order_view(wms, po))
            .collect();
        Ok(json(StatusCode::OK, &body))
    })
}
