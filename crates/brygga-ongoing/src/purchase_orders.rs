//! Purchase orders: the merchant pre-advises goods coming from a supplier, so the warehouse knows
//! what to expect, and later reads back what actually arrived, line by line, to update its own
//! purchasing and to chase the supplier about short, surplus or damaged deliveries.
//!
//! The spec has no deviation fields. A deviation is `received − advised` on a line; an article
//! nobody advised arrives as a line advised 0; damaged or rejected goods are received into locked
//! items (`isLocked`). These readings are inferred (`ongoing-api.md` §5) and live in the helpers on
//! [`PurchaseOrderLine`]. Once the merchant has booked a receipt it acknowledges it, so the
//! "to report" filter stops bringing the purchase order back.

use chrono::{DateTime, Utc};
use reqwest::Method;

use crate::client::{Call, OngoingClient};
use crate::error::OngoingError;
use crate::paging::{PAGE_SIZE, all_pages};
use crate::wire_purchase_order::{
    PostPurchaseOrderResponse, PurchaseOrderStatuses, PurchaseOrderUpsertBody,
};

pub use crate::orders::StatusRef;
pub use crate::wire_purchase_order::{
    CodeName, PurchaseOrder, PurchaseOrderArticle, PurchaseOrderInfo, PurchaseOrderLine,
    PurchaseOrderLineUpsert, PurchaseOrderUpsert, ReceivedItem, Supplier,
};

/// Which purchase orders a list call asks for. The default asks for all of them.
#[derive(Debug, Clone, Default)]
pub struct PurchaseOrderQuery {
    /// Only this purchase order number.
    pub purchase_order_number: Option<String>,
    /// Only purchase orders whose status changed at or after this time: the receipt feed.
    pub status_changed_from: Option<DateTime<Utc>>,
    /// Only purchase orders with a status number at or above this.
    pub status_from: Option<i32>,
    /// Only purchase orders with a status number at or below this.
    pub status_to: Option<i32>,
    /// Only purchase orders with a line whose received quantity has not been acknowledged.
    pub only_with_lines_to_report: bool,
    /// Only purchase orders that received goods at or after this time: a partial receipt on a
    /// later day leaves the status as it was, so the status feed alone would miss it.
    pub received_from: Option<DateTime<Utc>>,
}

impl PurchaseOrderLine {
    /// Received minus advised: above zero for a surplus, below zero for a shortfall (inferred).
    pub fn deviation(&self) -> f64 {
        self.received_number_of_items - self.advised_number_of_items
    }

    /// Whether the article arrived without being advised: Ongoing adds such a line advised 0
    /// (inferred; the spec does not say how unadvised goods show).
    pub fn is_unadvised(&self) -> bool {
        self.advised_number_of_items == 0.0 && self.received_number_of_items > 0.0
    }

    /// Items received into a locked state, i.e. rejected at goods receipt (inferred).
    pub fn rejected_number_of_items(&self) -> f64 {
        self.article_items
            .iter()
            .filter(|item| item.is_locked)
            .map(|item| item.number_of_items)
            .sum()
    }

    /// Received items not yet acknowledged with [`OngoingClient::acknowledge_received`].
    pub fn to_report(&self) -> f64 {
        self.received_number_of_items - self.reported_number_of_items.unwrap_or(0.0)
    }

    /// The article number on the line, when Ongoing sent one.
    pub fn article_number(&self) -> Option<&str> {
        self.article.as_ref()?.article_number.as_deref()
    }
}

impl PurchaseOrder {
    /// The line for an article number, if the purchase order has one.
    pub fn line_for(&self, article_number: &str) -> Option<&PurchaseOrderLine> {
        self.purchase_order_lines
            .iter()
            .find(|line| line.article_number() == Some(article_number))
    }
}

impl OngoingClient {
    /// Creates or updates a purchase order by its number; returns Ongoing's purchase order id.
    /// Refused once the warehouse has started receiving it.
    pub async fn upsert_purchase_order(
        &self,
        purchase_order: &PurchaseOrderUpsert,
    ) -> Result<i32, OngoingError> {
        let operation = "upsert purchase order";
        let body = PurchaseOrderUpsertBody {
            goods_owner_id: self.goods_owner_id(),
            purchase_order,
        };
        let call = Call::new(operation, Method::PUT, "api/v1/purchaseOrders").body(&body)?;
        let response: PostPurchaseOrderResponse = self.send(call).await?;
        response.purchase_order_id(operation)
    }

    /// One purchase order by Ongoing's id.
    pub async fn purchase_order(
        &self,
        purchase_order_id: i32,
    ) -> Result<PurchaseOrder, OngoingError> {
        self.send(Call::new(
            "get purchase order",
            Method::GET,
            format!("api/v1/purchaseOrders/{purchase_order_id}"),
        ))
        .await
    }

    /// Every purchase order matching the query, read page by page in id order.
    pub async fn purchase_orders(
        &self,
        query: &PurchaseOrderQuery,
    ) -> Result<Vec<PurchaseOrder>, OngoingError> {
        let operation = "list purchase orders";
        all_pages(
            operation,
            0,
            PAGE_SIZE,
            |from, max| {
                let call = Call::new(operation, Method::GET, "api/v1/purchaseOrders")
                    .query("goodsOwnerId", self.goods_owner_id())
                    .query("purchaseOrderIdFrom", from)
                    .query("maxPurchaseOrdersToGet", max)
                    .query_opt("purchaseOrderNumber", query.purchase_order_number.as_ref())
                    .query_opt(
                        "purchaseOrderStatusChangedTimeFrom",
                        query
                            .status_changed_from
                            .as_ref()
                            .map(crate::client::query_time),
                    )
                    .query_opt(
                        "lastReceiveTimeFrom",
                        query.received_from.as_ref().map(crate::client::query_time),
                    )
                    .query_opt("purchaseOrderStatusFrom", query.status_from)
                    .query_opt("purchaseOrderStatusTo", query.status_to)
                    .query_opt(
                        "onlyPurchaseOrdersWithOrderLinesToReport",
                        query.only_with_lines_to_report.then_some(true),
                    );
                async move {
                    Ok(self
                        .send::<Option<Vec<PurchaseOrder>>>(call)
                        .await?
                        .unwrap_or_default())
                }
            },
            |purchase_order| purchase_order.purchase_order_info.purchase_order_id,
        )
        .await
    }

    /// The purchase order statuses as this warehouse numbers and names them.
    pub async fn purchase_order_statuses(&self) -> Result<Vec<StatusRef>, OngoingError> {
        let call = Call::new(
            "list purchase order statuses",
            Method::GET,
            "api/v1/purchaseOrders/statuses",
        );
        let statuses: Option<PurchaseOrderStatuses> = self.send(call).await?;
        Ok(statuses.map(|s| s.order_statuses).unwrap_or_default())
    }

    /// Marks everything received on the purchase order as reported, so the "to report" filter
    /// stops returning it.
    ///
    /// The spec answers this PATCH with `application/octet-stream` and no schema: an empty body
    /// or any bytes after a 2xx status mean success, so a body that is not JSON is not an error.
    pub async fn acknowledge_received(&self, purchase_order_id: i32) -> Result<(), OngoingError> {
        let call = Call::new(
            "acknowledge received items",
            Method::PATCH,
            format!(
                "api/v1/purchaseOrders/{purchase_order_id}/setReportedNumberOfItemsToReceivedNumberOfItems"
            ),
        );
        self.send_expecting_no_body(call).await
    }

    /// Cancels a purchase order the warehouse has not started receiving.
    pub async fn cancel_purchase_order(&self, purchase_order_id: i32) -> Result<(), OngoingError> {
        let operation = "cancel purchase order";
        let call = Call::new(
            operation,
            Method::DELETE,
            format!("api/v1/purchaseOrders/{purchase_order_id}"),
        );
        let response: PostPurchaseOrderResponse = self.send(call).await?;
        response.purchase_order_id(operation).map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nullable_arrays_and_a_never_reported_line_read_cleanly() {
        let line: PurchaseOrderLine = serde_json::from_value(serde_json::json!({
            "id": 7,
            "rowNumber": "1",
            "article": null,
            "advisedNumberOfItems": 4,
            "receivedNumberOfItems": 0,
            "reportedNumberOfItems": null,
            "articleItems": null
        }))
        .unwrap();
        assert!(
            line.article_items.is_empty(),
            "a null item list is no items"
        );
        assert_eq!(line.to_report(), 0.0, "nothing received, nothing to report");
        assert_eq!(line.deviation(), -4.0, "all four are still missing");
        assert!(
            !line.is_unadvised(),
            "an advised line with nothing received is not unadvised"
        );
    }
}
