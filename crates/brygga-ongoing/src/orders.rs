//! Orders: sent to the warehouse by order number, read back with their status, lines and tracking,
//! moved between statuses (release to picking), acknowledged and cancelled.
//!
//! An order can be changed or cancelled only until the warehouse starts on it; after that Ongoing
//! refuses, and the refusal comes back as [`OngoingError::Rejected`] with the server's message.

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde::Serialize;

use crate::client::{Call, OngoingClient, query_time};
use crate::error::OngoingError;
use crate::paging::{PAGE_SIZE, all_pages};
use crate::wire_order::{OrderUpsertBody, PostOrderResponse};

pub use crate::wire_order::{
    Consignee, Notification, Order, OrderInfo, OrderLine, OrderLineArticle, OrderLineUpsert,
    OrderUpsert, Parcel, StatusRef, Tracking, Transporter, TransporterRef,
};

/// Which orders a list call asks for.
#[derive(Debug, Clone, Default)]
pub struct OrderQuery {
    /// Only this order number.
    pub order_number: Option<String>,
    /// Only these order numbers (all when empty); keep the list short enough for a URL.
    pub order_numbers: Vec<String>,
    /// Only orders whose status changed after this time.
    pub status_changed_from: Option<DateTime<Utc>>,
    /// Only orders with a status number at or above this.
    pub status_from: Option<i32>,
    /// Only orders with a status number at or below this.
    pub status_to: Option<i32>,
    /// Only orders with picked items not yet acknowledged (reported below picked).
    pub only_picked_to_report: bool,
    /// Only orders with returned items not yet acknowledged.
    pub only_returned_to_report: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StatusChange {
    order_status_number: i32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LineReported {
    reported_number_of_items: f64,
}

impl OngoingClient {
    /// Creates or updates an order by its order number; returns Ongoing's order id.
    pub async fn upsert_order(&self, order: &OrderUpsert) -> Result<i32, OngoingError> {
        let operation = "upsert order";
        let body = OrderUpsertBody {
            goods_owner_id: self.goods_owner_id(),
            order,
        };
        let call = Call::new(operation, Method::PUT, "api/v1/orders").body(&body)?;
        let response: PostOrderResponse = self.send(call).await?;
        response.order_id(operation)
    }

    /// One order by Ongoing's id.
    pub async fn order(&self, order_id: i32) -> Result<Order, OngoingError> {
        self.send(Call::new(
            "get order",
            Method::GET,
            format!("api/v1/orders/{order_id}"),
        ))
        .await
    }

    /// Every order matching the query, read page by page in id order.
    pub async fn orders(&self, query: &OrderQuery) -> Result<Vec<Order>, OngoingError> {
        all_pages(
            "list orders",
            0,
            PAGE_SIZE,
            |from, max| {
                let mut call = Call::new("list orders", Method::GET, "api/v1/orders")
                    .query("goodsOwnerId", self.goods_owner_id())
                    .query("orderIdFrom", from)
                    .query("maxOrdersToGet", max)
                    .query_opt("orderNumber", query.order_number.as_ref())
                    .query_opt(
                        "orderStatusChangedTimeFrom",
                        query.status_changed_from.as_ref().map(query_time),
                    )
                    .query_opt("orderStatusFrom", query.status_from)
                    .query_opt("orderStatusTo", query.status_to)
                    .query_opt(
                        "onlyOrdersWithOrderLinesToReport",
                        query.only_picked_to_report.then_some(true),
                    )
                    .query_opt(
                        "onlyOrdersWithOrderLinesToReportReturned",
                        query.only_returned_to_report.then_some(true),
                    );
                for number in &query.order_numbers {
                    call = call.query("orderNumbers", number);
                }
                async move {
                    Ok(self
                        .send::<Option<Vec<Order>>>(call)
                        .await?
                        .unwrap_or_default())
                }
            },
            |order| order.order_info.order_id,
        )
        .await
    }

    /// Moves an order to another status, e.g. the 3PL's "released to picking".
    pub async fn set_order_status(&self, order_id: i32, status: i32) -> Result<(), OngoingError> {
        let call = Call::new(
            "change order status",
            Method::PATCH,
            format!("api/v1/orders/{order_id}/orderStatus"),
        )
        .body(&StatusChange {
            order_status_number: status,
        })?;
        self.send_expecting_no_body(call).await
    }

    /// Cancels an order the warehouse has not started on.
    pub async fn cancel_order(&self, order_id: i32) -> Result<(), OngoingError> {
        let operation = "cancel order";
        let call = Call::new(
            operation,
            Method::DELETE,
            format!("api/v1/orders/{order_id}"),
        );
        let response: PostOrderResponse = self.send(call).await?;
        response.order_id(operation).map(drop)
    }

    /// Marks everything picked on the order as reported, so the next feed does not bring it again.
    pub async fn acknowledge_picked(&self, order_id: i32) -> Result<(), OngoingError> {
        let call = Call::new(
            "acknowledge picked items",
            Method::PATCH,
            format!("api/v1/orders/{order_id}/setReportedNumberOfItemsToPickedNumberOfItems"),
        );
        self.send_expecting_no_body(call).await
    }

    /// Sets how many items of one line the shop has been told about, for a partial acknowledgement.
    pub async fn acknowledge_picked_line(
        &self,
        order_id: i32,
        order_line_id: i32,
        reported: f64,
    ) -> Result<(), OngoingError> {
        let call = Call::new(
            "acknowledge a picked line",
            Method::PATCH,
            format!("api/v1/orders/{order_id}/lines/{order_line_id}/reportedNumberOfItems"),
        )
        .body(&LineReported {
            reported_number_of_items: reported,
        })?;
        self.send_expecting_no_body(call).await
    }

    /// Marks everything returned on the order as reported, once the shop has registered the return.
    pub async fn acknowledge_returned(&self, order_id: i32) -> Result<(), OngoingError> {
        let call = Call::new(
            "acknowledge returned items",
            Method::PATCH,
            format!(
                "api/v1/orders/{order_id}/setReportedReturnedNumberOfItemsToReturnedNumberOfItems"
            ),
        );
        self.send_expecting_no_body(call).await
    }
}
