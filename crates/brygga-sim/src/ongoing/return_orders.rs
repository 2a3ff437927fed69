//! The return-order routes: pre-advise a return against a shipped customer order (upsert by return
//! order number), read it back with returned quantities, list by status and return date, cancel,
//! and the status list and return causes.
//!
//! The upsert key is not stated in the spec; `returnOrderNumber` is the natural reading. The list
//! has no paging and no changed-since filter, as in the spec; `goodsReturnedFromDate` matches
//! return orders with items returned at or after that time. A return order is locked once items
//! have arrived.

use std::collections::HashSet;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;

use super::OngoingSim;
use super::http::{ApiError, QueryParams, format_time, json, parse_body, parse_time};
use super::order_view::warehouse_ref;
use super::statuses::ReturnOrderStatus;
use super::wire::return_order::{
    CustomerOrderInfo, CustomerOrderLineInfo, GetReturnCause, GetReturnOrder, GetReturnOrderLine,
    PostReturnOrder, PostReturnOrderResponse, ReturnArticle, ReturnCauses, ReturnOrderInfo,
    ReturnOrderStatuses, ReturnedArticleItem,
};
use super::wire::{CodeNamePair, StatusNumberText};
use super::wms::{ReturnOrder, ReturnOrderLine, Wms};

pub(super) fn routes() -> Router<OngoingSim> {
    Router::new()
        .route("/api/v1/returnOrders", get(list).put(upsert))
        .route("/api/v1/returnOrders/statuses", get(statuses))
        .route("/api/v1/returnOrders/returnCauses", get(return_causes))
        .route(
            "/api/v1/returnOrders/{returnOrderId}",
            get(by_id).delete(cancel),
        )
}

async fn upsert(State(sim): State<OngoingSim>, headers: HeaderMap, body: Bytes) -> Response {
    sim.call("ReturnOrders_PutReturnOrder", &headers, |wms| {
        wms.check_returns_enabled()?;
        let data: PostReturnOrder = parse_body(&body)?;
        let (id, created) = upsert_return_order(wms, data)?;
        let verb = if created { "created" } else { "updated" };
        Ok(json(
            StatusCode::OK,
            &PostReturnOrderResponse {
                return_order_id: Some(id),
                message: Some(format!("Return order {id} was {verb}.")),
            },
        ))
    })
}

/// Creates or replaces a pre-advised return order and says whether it was new.
pub(crate) fn upsert_return_order(
    wms: &mut Wms,
    mut data: PostReturnOrder,
) -> Result<(i32, bool), ApiError> {
    wms.check_goods_owner(data.goods_owner_id)?;
    let number = data.return_order_number.clone();
    if number.trim().is_empty() {
        return Err(ApiError::bad_request(
            "returnOrderNumber must not be empty.",
        ));
    }
    let order_id = data.customer_order.order_id;
    let order = wms.orders.get(&order_id).ok_or_else(|| {
        ApiError::bad_request(format!(
            "Return order {number}: there is no customer order with id {order_id}."
        ))
    })?;
    let warehouse_id = match data.warehouse_id {
        Some(requested) => wms.resolve_site(Some(requested))?,
        None => order.warehouse_id,
    };
    let posted = std::mem::take(&mut data.return_order_lines);
    let mut rows = HashSet::new();
    let mut resolved = Vec::with_capacity(posted.len());
    for line in &posted {
        if line.return_order_row_number.trim().is_empty()
            || !rows.insert(line.return_order_row_number.as_str())
        {
            return Err(ApiError::bad_request(format!(
                "Return order {number}: every line needs its own non-empty returnOrderRowNumber ('{}' is empty or repeated).",
                line.return_order_row_number
            )));
        }
        let line_id = line.customer_order_line.order_line_id;
        let order_line = order
            .lines
            .iter()
            .find(|order_line| order_line.id == line_id)
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "Return order {number}: order {order_id} has no order line with id {line_id}."
                ))
            })?;
        resolved.push(order_line.article_id);
    }
    let existing = wms.return_order_ids.get(&number).copied();
    if let Some(id) = existing {
        let return_order = &wms.return_orders[&id];
        if return_order.status == ReturnOrderStatus::Cancelled {
            return Err(ApiError::refused(
                "returnOrderId",
                id,
                format!("Return order {number} cannot be updated: it is cancelled."),
            ));
        }
        if return_order.status.is_started() {
            return Err(ApiError::refused(
                "returnOrderId",
                id,
                format!(
                    "Return order {number} cannot be updated: the warehouse has received goods for it."
                ),
            ));
        }
    }
    let previous = existing
        .map(|id| wms.return_orders[&id].lines.clone())
        .unwrap_or_default();
    let mut lines = Vec::with_capacity(posted.len());
    for (line, article_id) in posted.into_iter().zip(resolved) {
        let kept = previous
            .iter()
            .find(|old| old.row_number == line.return_order_row_number)
            .map(|old| old.id);
        lines.push(ReturnOrderLine {
            id: kept.unwrap_or_else(|| wms.ids.return_order_line()),
            row_number: line.return_order_row_number,
            order_line_id: line.customer_order_line.order_line_id,
            article_id,
            to_be_returned: line.to_be_returned_number_of_items,
            cause: line.return_cause.map(|cause| known_cause(wms, cause)),
            items: Vec::new(),
        });
    }
    let now = wms.now();
    let created = existing.is_none();
    let id = match existing {
        Some(id) => {
            if let Some(return_order) = wms.return_orders.get_mut(&id) {
                return_order.order_id = order_id;
                return_order.warehouse_id = warehouse_id;
                return_order.header = data;
                return_order.lines = lines;
            }
            id
        }
        None => {
            let id = wms.ids.return_order();
            wms.return_orders.insert(
                id,
                ReturnOrder {
                    id,
                    order_id,
                    warehouse_id,
                    status: ReturnOrderStatus::Notified,
                    header: data,
                    lines,
                    created: now,
                    arrived: None,
                },
            );
            id
        }
    };
    wms.return_order_ids.insert(number, id);
    Ok((id, created))
}

/// A cause sent by code gets the goods owner's name for it; an unknown code is kept as sent.
pub(crate) fn known_cause(wms: &Wms, cause: CodeNamePair) -> CodeNamePair {
    let code = cause.code.as_deref().unwrap_or_default();
    wms.return_causes
        .iter()
        .find(|known| known.code.eq_ignore_ascii_case(code))
        .map_or(cause.clone(), super::wms::ReturnCause::code_name)
}

async fn statuses(State(sim): State<OngoingSim>, headers: HeaderMap) -> Response {
    sim.call("ReturnOrders_GetOrderStatuses", &headers, |_| {
        let return_order_statuses = ReturnOrderStatus::ALL
            .into_iter()
            .map(|status| StatusNumberText {
                number: status.number(),
                text: Some(status.text().to_owned()),
            })
            .collect();
        Ok(json(
            StatusCode::OK,
            &ReturnOrderStatuses {
                return_order_statuses,
            },
        ))
    })
}

async fn return_causes(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    sim.call("ReturnOrders_GetReturnCauses", &headers, |wms| {
        wms.check_returns_enabled()?;
        let query = QueryParams::parse(raw.as_deref());
        wms.check_goods_owner(query.goods_owner_id()?)?;
        let return_causes = wms
            .return_causes
            .iter()
            .map(|cause| GetReturnCause {
                code: Some(cause.code.to_owned()),
                name: Some(cause.name.to_owned()),
                is_remove_cause: cause.is_remove_cause,
                is_change_cause: false,
                is_return_comment_mandatory: false,
                id: cause.id,
            })
            .collect();
        Ok(json(StatusCode::OK, &ReturnCauses { return_causes }))
    })
}

async fn by_id(State(sim): State<OngoingSim>, headers: HeaderMap, Path(id): Path<i32>) -> Response {
    sim.call("ReturnOrders_GetByReturnOrderId", &headers, |wms| {
        wms.check_returns_enabled()?;
        let return_order = wms.return_orders.get(&id).ok_or_else(|| not_found(id))?;
        Ok(json(StatusCode::OK, &return_order_view(wms, return_order)))
    })
}

fn not_found(id: i32) -> ApiError {
    ApiError::not_found(format!("There is no return order with id {id}."))
}

async fn cancel(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    sim.call("ReturnOrders_Delete", &headers, |wms| {
        wms.check_returns_enabled()?;
        let return_order = wms.return_orders.get_mut(&id).ok_or_else(|| not_found(id))?;
        if return_order.status.is_started() {
            return Err(ApiError::refused("returnOrderId", id, format!("Return order {id} cannot be cancelled: the warehouse has received goods for it.")));
        }
        return_order.status = ReturnOrderStatus::Cancelled;
        Ok(json(StatusCode::OK, &PostReturnOrderResponse { return_order_id: Some(id), message: Some(format!("Return order {id} was cancelled.")) }))
    })
}

async fn list(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    sim.call("ReturnOrders_Get", &headers, |wms| {
        wms.check_returns_enabled()?;
        let query = QueryParams::parse(raw.as_deref());
        wms.check_goods_owner(query.goods_owner_id()?)?;
        let numbers = query.all("returnOrderNumbers");
        let order_numbers = query.all("customerOrderNumbers");
        let returned_from = query.time("goodsReturnedFromDate")?;
        let status_from = query.int("returnOrderStatusFrom")?;
        let status_to = query.int("returnOrderStatusTo")?;
        let body: Vec<GetReturnOrder> = wms
            .return_orders
            .values()
            .filter(|ro| {
                numbers.is_empty() || numbers.contains(&ro.header.return_order_number.as_str())
            })
            .filter(|ro| {
                order_numbers.is_empty()
                    || wms.orders.get(&ro.order_id).is_some_and(|order| {
                        order_numbers.contains(&order.header.order_number.as_str())
                    })
            })
            .filter(|ro| {
                returned_from.is_none_or(|from| {
                    ro.lines
                        .iter()
                        .flat_map(|line| &line.items)
                        .any(|item| item.returned_at >= from)
                })
            })
            .filter(|ro| status_from.is_none_or(|from| ro.status.number() >= from))
            .filter(|ro| status_to.is_none_or(|to| ro.status.number() <= to))
            .map(|ro| return_order_view(wms, ro))
            .collect();
        Ok(json(StatusCode::OK, &body))
    })
}

/// Renders a return order as `GetReturnOrderModel`.
pub(crate) fn return_order_view(wms: &Wms, return_order: &ReturnOrder) -> GetReturnOrder {
    let order = wms.orders.get(&return_order.order_id);
    GetReturnOrder {
        return_order_info: ReturnOrderInfo {
            return_order_id: return_order.id,
            return_order_number: Some(return_order.header.return_order_number.clone()),
            comment: return_order.header.comment.clone(),
            in_date: return_order
                .header
                .in_date
                .as_deref()
                .and_then(parse_time)
                .map(format_time),
            return_order_status: StatusNumberText {
                number: return_order.status.number(),
                text: Some(return_order.status.text().to_owned()),
            },
            warehouse: warehouse_ref(wms, return_order.warehouse_id),
            return_order_handling_comment: return_order
                .header
                .return_order_handling_comment
                .clone(),
            created_date: format_time(return_order.created),
            return_order_arrival_time: return_order.arrived.map(format_time),
        },
        customer_order_info: CustomerOrderInfo {
            order_id: return_order.order_id,
            order_number: order.map(|order| order.header.order_number.clone()),
        },
        return_order_lines: return_order
            .lines
            .iter()
            .map(|line| {
                let order_line = order.and_then(|order| {
                    order
                        .lines
                        .iter()
                        .find(|order_line| order_line.id == line.order_line_id)
                });
                let article = wms.articles.get(&line.article_id);
                GetReturnOrderLine {
                    return_order_line_id: line.id,
                    return_order_row_number: Some(line.row_number.clone()),
                    customer_order_line: CustomerOrderLineInfo {
                        order_line_id: line.order_line_id,
                        customer_order_row_number: order_line
                            .map(|order_line| order_line.data.row_number.clone()),
                    },
                    article: ReturnArticle {
                        article_system_id: line.article_id,
                        article_number: article.map(|article| article.data.article_number.clone()),
                        article_name: article.and_then(|article| article.data.article_name.clone()),
                    },
                    return_cause: line.cause.clone(),
                    returned_number_of_items: line.returned(),
                    picked_number_of_items: order_line.map_or(0.0, |order_line| order_line.picked),
                    to_be_returned_number_of_items: line.to_be_returned,
                    returned_removed_by_inventory_number_of_items: line.removed(),
                    returned_article_items: line
                        .items
                        .iter()
                        .map(|item| ReturnedArticleItem {
                            number_of_items: item.number_of_items,
                            comment: item.comment.clone(),
                            return_time: Some(format_time(item.returned_at)),
                            is_return_removed_by_inventory: item.removed,
                            return_cause: item.cause.clone(),
                            article_item_status: item.item_status.clone(),
                        })
                        .collect(),
                }
            })
            .collect(),
    }
}
