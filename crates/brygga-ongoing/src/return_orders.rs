//! Return orders: the merchant announces a customer's return against the shipped order, so the
//! warehouse knows what to expect and why, and later reads back what actually came back, with the
//! cause and item status the warehouse recorded, to refund the customer and correct the shop's
//! stock. Parcels the customer never collected come back the same way: the warehouse registers a
//! return order of its own, and it shows in the same list.
//!
//! Unlike orders and purchase orders, Ongoing's return order list has no paging and no
//! status-changed filter; the nearest thing to a feed is `goodsReturnedFromDate` ("a return has
//! been made after this date"), which [`ReturnOrderQuery::returned_from`] sets. A return order
//! refers to the order and its lines by Ongoing's internal ids, not by the shop's numbers.

use chrono::{DateTime, Utc};
use reqwest::Method;

use crate::client::query_time;
use crate::client::{Call, OngoingClient};
use crate::error::OngoingError;
use crate::wire_return_order::{
    PostReturnOrderResponse, ReturnCauses, ReturnOrderStatuses, ReturnOrderUpsertBody,
};

pub use crate::orders::StatusRef;
pub use crate::wire_purchase_order::CodeName;
pub use crate::wire_return_order::{
    CustomerOrderInfo, CustomerOrderLine, ReturnArticle, ReturnCause, ReturnOrder, ReturnOrderInfo,
    ReturnOrderLine, ReturnOrderLineUpsert, ReturnOrderUpsert, ReturnedItem,
};

/// Which return orders a list call asks for. The default asks for all of them.
#[derive(Debug, Clone, Default)]
pub struct ReturnOrderQuery {
    /// Only these return order numbers (all when empty).
    pub return_order_numbers: Vec<String>,
    /// Only returns of these customer order numbers (all when empty).
    pub customer_order_numbers: Vec<String>,
    /// Only return orders with goods returned after this time.
    pub returned_from: Option<DateTime<Utc>>,
    /// Only return orders with a status number at or above this.
    pub status_from: Option<i32>,
    /// Only return orders with a status number at or below this.
    pub status_to: Option<i32>,
}

impl ReturnOrder {
    /// The return order number, when Ongoing sent one.
    pub fn number(&self) -> Option<&str> {
        self.return_order_info.return_order_number.as_deref()
    }
}

impl ReturnOrderLine {
    /// The return cause's code, when the line has one.
    pub fn cause_code(&self) -> Option<&str> {
        self.return_cause.as_ref()?.code.as_deref()
    }

    /// Returned items that went back on the shelf, i.e. not removed by inventory.
    pub fn restocked_number_of_items(&self) -> f64 {
        self.returned_number_of_items - self.returned_removed_by_inventory_number_of_items
    }
}

impl OngoingClient {
    /// Creates or updates a return order by its number; returns Ongoing's return order id.
    /// Refused once goods have arrived for it.
    pub async fn upsert_return_order(
        &self,
        return_order: &ReturnOrderUpsert,
    ) -> Result<i32, OngoingError> {
        let operation = "upsert return order";
        let body = ReturnOrderUpsertBody::new(self.goods_owner_id(), return_order);
        let call = Call::new(operation, Method::PUT, "api/v1/returnOrders").body(&body)?;
        let response: PostReturnOrderResponse = self.send(call).await?;
        response.return_order_id(operation)
    }

    /// One return order by Ongoing's id.
    pub async fn return_order(&self, return_order_id: i32) -> Result<ReturnOrder, OngoingError> {
        self.send(Call::new(
            "get return order",
            Method::GET,
            format!("api/v1/returnOrders/{return_order_id}"),
        ))
        .await
    }

    /// Every return order matching the query, in one call: the spec offers no paging here.
    pub async fn return_orders(
        &self,
        query: &ReturnOrderQuery,
    ) -> Result<Vec<ReturnOrder>, OngoingError> {
        let mut call = Call::new("list return orders", Method::GET, "api/v1/returnOrders")
            .query("goodsOwnerId", self.goods_owner_id())
            .query_opt(
                "goodsReturnedFromDate",
                query.returned_from.as_ref().map(query_time),
            )
            .query_opt("returnOrderStatusFrom", query.status_from)
            .query_opt("returnOrderStatusTo", query.status_to);
        // Arrays go as repeated keys (`style: form, explode: true`).
        for number in &query.return_order_numbers {
            call = call.query("returnOrderNumbers", number);
        }
        for number in &query.customer_order_numbers {
            call = call.query("customerOrderNumbers", number);
        }
        Ok(self
            .send::<Option<Vec<ReturnOrder>>>(call)
            .await?
            .unwrap_or_default())
    }

    /// The return order statuses as this warehouse numbers and names them.
    pub async fn return_order_statuses(&self) -> Result<Vec<StatusRef>, OngoingError> {
        let call = Call::new(
            "list return order statuses",
            Method::GET,
            "api/v1/returnOrders/statuses",
        );
        let statuses: Option<ReturnOrderStatuses> = self.send(call).await?;
        Ok(statuses
            .map(|s| s.return_order_statuses)
            .unwrap_or_default())
    }

    /// The goods owner's return causes; a return line names one by its code.
    pub async fn return_causes(&self) -> Result<Vec<ReturnCause>, OngoingError> {
        // The spec requires `goodsOwnerId` here although the docs' table does not list it.
        let call = Call::new(
            "list return causes",
            Method::GET,
            "api/v1/returnOrders/returnCauses",
        )
        .query("goodsOwnerId", self.goods_owner_id());
        let causes: Option<ReturnCauses> = self.send(call).await?;
        Ok(causes.map(|c| c.return_causes).unwrap_or_default())
    }

    /// Cancels a return order no goods have arrived for.
    pub async fn cancel_return_order(&self, return_order_id: i32) -> Result<(), OngoingError> {
        let operation = "cancel return order";
        let call = Call::new(
            operation,
            Method::DELETE,
            format!("api/v1/returnOrders/{return_order_id}"),
        );
        let response: PostReturnOrderResponse = self.send(call).await?;
        response.return_order_id(operation).map(drop)
    }
}
