//! Orders: listed by creation time and status in the order they were last changed, read one at a
//! time with lines and addresses, and changed (status with or without the customer e-mail, tracking
//! number, internal comment, external id).
//!
//! Orders have no "changed since" filter. The list sorted by `modifiedAt`, newest first, is how a
//! bridge finds what changed: [`StarwebClient::orders_modified_since`] walks it and stops at the first
//! page that reaches back past the cursor. A status change e-mails the customer when the target
//! status has `shouldSendEmail`, unless the call says `onOrderStatusChangeSendEmail: false`; the
//! bridge decides per change through [`StatusChange::email_customer`].

use reqwest::Method;
use serde::Serialize;

use crate::client::{Call, StarwebClient};
use crate::error::StarwebError;
use crate::order_model::Order;
use crate::paging::{MAX_PAGES, Page, all_pages};
use crate::wire::{Data, Timestamp, query_time};

/// What to sort the order list by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OrderSort {
    OrderId,
    CreatedAt,
    /// Last change first (with [`OrderQuery::ascending`] false): how changes are found.
    #[default]
    ModifiedAt,
}

impl OrderSort {
    fn wire(self) -> &'static str {
        match self {
            OrderSort::OrderId => "orderId",
            OrderSort::CreatedAt => "createdAt",
            OrderSort::ModifiedAt => "modifiedAt",
        }
    }
}

/// Which children to embed in each order (`include`); the default embeds lines, addresses and
/// external references, so one call gives what a warehouse order needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderInclude {
    pub items: bool,
    pub addresses: bool,
    pub external_services: bool,
}

impl OrderInclude {
    /// Only the order's own fields.
    pub const NONE: OrderInclude = OrderInclude {
        items: false,
        addresses: false,
        external_services: false,
    };
    /// Lines, addresses and external references.
    pub const DETAILS: OrderInclude = OrderInclude {
        items: true,
        addresses: true,
        external_services: true,
    };

    fn wire(self) -> Option<String> {
        let names: Vec<&str> = [
            (self.items, "items"),
            (self.addresses, "addresses"),
            (self.external_services, "externalServices"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
        (!names.is_empty()).then(|| names.join(","))
    }
}

impl Default for OrderInclude {
    fn default() -> Self {
        Self::DETAILS
    }
}

/// Which orders a list call asks for. The default is every complete order, last changed first.
#[derive(Debug, Clone, Default)]
pub struct OrderQuery {
    /// Only orders created after this time (`ordersCreatedAfter`).
    pub created_after: Option<Timestamp>,
    /// Only orders created before this time (`ordersCreatedBefore`).
    pub created_before: Option<Timestamp>,
    /// Only orders in this status (`statusFilter`); find the id with [`crate::ShopStatuses`].
    pub status_id: Option<i32>,
    /// Also orders whose payment step has not completed.
    pub include_incomplete: bool,
    pub sort: OrderSort,
    /// Oldest first instead of Starweb's default newest first.
    pub ascending: bool,
    pub include: OrderInclude,
    /// The first page to read; 1 when not given.
    pub page: Option<u32>,
}

/// A status change: the target status and what the shop should do about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusChange {
    pub status_id: i32,
    /// Send the status's customer e-mail (if the status has one); false keeps the customer unaware.
    pub email_customer: bool,
    /// Let the shop capture or void the payment as the status asks (Klarna and the like).
    pub process_payment: bool,
}

/// The writable order fields a bridge changes; `None` leaves a field as it is (`OrderUpdateModel`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderPatch {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_id: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_order_status_change_send_email: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_order_status_change_process_payment: Option<bool>,
    /// A type from [`StarwebClient::shipping_tracking_types`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_tracker_type: Option<i32>,
    /// At most 50 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shipping_tracking_no: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal_comment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_id_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_read: Option<bool>,
}

impl StarwebClient {
    /// One page of the order list.
    pub async fn orders_page(
        &self,
        query: &OrderQuery,
        page: u32,
    ) -> Result<Page<Order>, StarwebError> {
        let call = Call::new("list orders", Method::GET, &[&"orders"])
            .query("page", page.max(1))
            .query("sortBy", query.sort.wire())
            .query("sortOrder", if query.ascending { "ASC" } else { "DESC" })
            .query_opt(
                "includeNonCompletePayments",
                query.include_incomplete.then_some(true),
            )
            .query_opt(
                "ordersCreatedAfter",
                query.created_after.as_ref().map(query_time),
            )
            .query_opt(
                "ordersCreatedBefore",
                query.created_before.as_ref().map(query_time),
            )
            .query_opt("statusFilter", query.status_id)
            .query_opt("include", query.include.wire());
        self.send(call).await
    }

    /// Every order matching the query, from `query.page` (or the first) to the last page.
    pub async fn orders(&self, query: &OrderQuery) -> Result<Vec<Order>, StarwebError> {
        all_pages("list orders", query.page.unwrap_or(1), |page| {
            self.orders_page(query, page)
        })
        .await
    }

    /// Orders changed at or after `since`, newest change first: the list sorted by `modifiedAt`
    /// descending, read until a page reaches back before `since`.
    pub async fn orders_modified_since(
        &self,
        query: &OrderQuery,
        since: Timestamp,
    ) -> Result<Vec<Order>, StarwebError> {
        let query = OrderQuery {
            sort: OrderSort::ModifiedAt,
            ascending: false,
            ..query.clone()
        };
        let is_recent = |order: &Order| order.modified_at.is_none_or(|at| at >= since);
        let mut found = Vec::new();
        for page in 1..=MAX_PAGES {
            let Page { items, pagination } = self.orders_page(&query, page).await?;
            let reached_back = items.iter().any(|order| !is_recent(order));
            let empty = items.is_empty();
            found.extend(items.into_iter().filter(is_recent));
            let last = pagination.is_none_or(|p| page >= p.total_pages);
            if reached_back || empty || last {
                return Ok(found);
            }
        }
        Err(StarwebError::BadResponse {
            operation: "list changed orders".to_owned(),
            message: format!("paging did not end after {MAX_PAGES} pages"),
        })
    }

    /// One order with its lines, addresses and external references.
    pub async fn order(&self, order_id: i32) -> Result<Order, StarwebError> {
        let call = Call::new("get order", Method::GET, &[&"orders", &order_id])
            .query_opt("include", OrderInclude::DETAILS.wire());
        let order: Data<Order> = self.send(call).await?;
        Ok(order.data)
    }

    /// Changes the fields `patch` gives; returns the order as the shop now has it (without children).
    pub async fn update_order(
        &self,
        order_id: i32,
        patch: &OrderPatch,
    ) -> Result<Order, StarwebError> {
        let call = Call::new("update order", Method::PATCH, &[&"orders", &order_id]).body(patch)?;
        let order: Data<Order> = self.send(call).await?;
        Ok(order.data)
    }

    /// Moves an order to another status, e-mailing the customer only if `change` says so.
    pub async fn set_order_status(
        &self,
        order_id: i32,
        change: StatusChange,
    ) -> Result<Order, StarwebError> {
        self.update_order(
            order_id,
            &OrderPatch {
                status_id: Some(change.status_id),
                on_order_status_change_send_email: Some(change.email_customer),
                on_order_status_change_process_payment: Some(change.process_payment),
                ..OrderPatch::default()
            },
        )
        .await
    }

    /// Sets the order's one tracking number and, if known, its carrier's tracking type.
    pub async fn set_order_tracking(
        &self,
        order_id: i32,
        tracking_no: &str,
        tracker_type: Option<i32>,
    ) -> Result<Order, StarwebError> {
        self.update_order(
            order_id,
            &OrderPatch {
                shipping_tracking_no: Some(tracking_no.to_owned()),
                shipping_tracker_type: tracker_type,
                ..OrderPatch::default()
            },
        )
        .await
    }
}
