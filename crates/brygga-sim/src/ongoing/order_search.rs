//! The search behind `GET /api/v1/orders`: identity, status, time and reporting filters, the
//! `orderIdFrom` cursor, `sort` and `maxOrdersToGet`. The change feeds a client polls
//! (`orderStatusChangedTimeFrom`, `lastReturnedFrom`, `shippedTimeFrom`) read the timestamps the
//! warehouse's actions stamp.

use chrono::TimeDelta;

use super::http::{ApiError, QueryParams};
use super::wms::{Order, Wms};

/// Applies the `GET /orders` filters, the `orderIdFrom` cursor, `sort` and `maxOrdersToGet`. Time
/// filters are inclusive, like the id cursor, so a client's overlapping windows never miss a change.
pub(crate) fn select_orders<'a>(
    wms: &'a Wms,
    query: &QueryParams,
) -> Result<Vec<&'a Order>, ApiError> {
    let mut numbers: Vec<&str> = query.all("orderNumbers");
    numbers.extend(query.first("orderNumber"));
    let references = query.all("referenceNumbers");
    let goods_owner_order_id = query.first("goodsOwnerOrderId");
    let status_from = query.int("orderStatusFrom")?;
    let status_to = query.int("orderStatusTo")?;
    let status_changed_from = query.time("orderStatusChangedTimeFrom")?;
    let created_from = query.time("orderCreatedTimeFrom")?;
    let created_to = query.time("orderCreatedTimeTo")?;
    let shipped_from = query.time("shippedTimeFrom")?;
    let shipped_to = query.time("shippedTimeTo")?;
    let returned_from = query.time("lastReturnedFrom")?;
    let updated_from = query.time("orderUpdatedTimeFrom")?;
    if let Some(from) = updated_from.filter(|from| wms.now() - *from > TimeDelta::days(2)) {
        return Err(ApiError::bad_request(format!(
            "orderUpdatedTimeFrom ({from}) must be at most 2 days old."
        )));
    }
    let to_report = query
        .flag("onlyOrdersWithOrderLinesToReport")?
        .unwrap_or(false);
    let to_report_returned = query
        .flag("onlyOrdersWithOrderLinesToReportReturned")?
        .unwrap_or(false);
    let article_numbers = query.all("articleNumbers");
    let customer_number = query.first("customerNumber");
    let id_from = query.int("orderIdFrom")?;
    let limit = query
        .int("maxOrdersToGet")?
        .map_or(usize::MAX, |max| usize::try_from(max).unwrap_or(0));
    let descending = query
        .first("sort")
        .is_some_and(|sort| sort.eq_ignore_ascii_case("descending"));

    let mut matching: Vec<&Order> = wms
        .orders
        .range(id_from.unwrap_or(i32::MIN)..)
        .map(|(_, order)| order)
        .filter(|order| numbers.is_empty() || numbers.contains(&order.header.order_number.as_str()))
        .filter(|order| {
            references.is_empty()
                || order
                    .header
                    .reference_number
                    .as_deref()
                    .is_some_and(|r| references.contains(&r))
        })
        .filter(|order| {
            goods_owner_order_id.is_none()
                || order.header.goods_owner_order_id.as_deref() == goods_owner_order_id
        })
        .filter(|order| status_from.is_none_or(|from| order.status >= from))
        .filter(|order| status_to.is_none_or(|to| order.status <= to))
        .filter(|order| status_changed_from.is_none_or(|from| order.status_changed >= from))
        .filter(|order| created_from.is_none_or(|from| order.created >= from))
        .filter(|order| created_to.is_none_or(|to| order.created <= to))
        .filter(|order| {
            shipped_from.is_none_or(|from| {
                order
                    .shipment
                    .as_ref()
                    .is_some_and(|s| s.shipped_at >= from)
            })
        })
        .filter(|order| {
            shipped_to.is_none_or(|to| order.shipment.as_ref().is_some_and(|s| s.shipped_at <= to))
        })
        .filter(|order| {
            returned_from.is_none_or(|from| order.last_returned.is_some_and(|at| at >= from))
        })
        .filter(|order| {
            updated_from.is_none_or(|from| order.header_updated.max(order.status_changed) >= from)
        })
        .filter(|order| !to_report || order.lines.iter().any(|line| line.reported < line.picked))
        .filter(|order| {
            !to_report_returned
                || order
                    .lines
                    .iter()
                    .any(|line| line.reported_returned < line.returned)
        })
        .filter(|order| {
            article_numbers.is_empty()
                || order
                    .lines
                    .iter()
                    .any(|line| article_numbers.contains(&line.data.article_number.as_str()))
        })
        .filter(|order| {
            customer_number.is_none()
                || order.header.consignee.customer_number.as_deref() == customer_number
        })
        .collect();
    if descending {
        matching.reverse();
    }
    matching.truncate(limit);
    Ok(matching)
}
