//! Pickability: whether the warehouse could pick each open order now, the check before a batch of
//! orders is released to picking.
//!
//! The spec gives the values as plain strings and lists "Ok", "ByPriority", "NotByPriority",
//! "NotOk" and "NothingToAllocate" without defining them. A value outside that list is kept as
//! [`Pickability::Other`] so a 3PL on a newer Ongoing version is shown its own word, not an error.
//! Several orders go in one call, as Ongoing recommends.

use reqwest::Method;
use serde::Deserialize;

use crate::client::{Call, OngoingClient};
use crate::error::OngoingError;
use crate::orders::StatusRef;
use crate::paging::{PAGE_SIZE, all_pages};

/// Whether an order, or a line, can be picked from the stock on hand.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "String")]
pub enum Pickability {
    /// Enough free stock, even if every other open order is served too.
    Ok,
    /// Enough when open orders are served in priority order.
    ByPriority,
    /// The stock exists, but orders ahead of this one take it.
    NotByPriority,
    /// Not enough stock.
    NotOk,
    /// Nothing left to allocate (already picked, or nothing to pick).
    NothingToAllocate,
    /// A value the spec does not list, kept as the warehouse wrote it.
    Other(String),
}

impl From<String> for Pickability {
    fn from(value: String) -> Self {
        match value.as_str() {
            "Ok" => Pickability::Ok,
            "ByPriority" => Pickability::ByPriority,
            "NotByPriority" => Pickability::NotByPriority,
            "NotOk" => Pickability::NotOk,
            "NothingToAllocate" => Pickability::NothingToAllocate,
            _ => Pickability::Other(value),
        }
    }
}

impl Pickability {
    /// Whether the warehouse could pick it now when orders are taken in priority order.
    pub fn can_pick_now(&self) -> bool {
        matches!(self, Pickability::Ok | Pickability::ByPriority)
    }
}

/// Which orders to ask about.
#[derive(Debug, Clone, Default)]
pub struct PickabilityQuery {
    /// Only these orders (all open orders when both lists are empty).
    pub order_ids: Vec<i32>,
    /// Only these order numbers.
    pub order_numbers: Vec<String>,
    /// Only orders in a booked status.
    pub only_booked: bool,
}

/// One order's pickability with its lines (`GetOrderPickabilityResult`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderPickability {
    pub order_info: PickabilityOrder,
    pub order_pickability: Option<PickabilityInfo>,
    #[serde(default)]
    pub order_lines: Option<Vec<LinePickability>>,
}

/// The order the answer is about.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PickabilityOrder {
    pub order_id: i32,
    pub order_number: Option<String>,
    pub order_status: Option<StatusRef>,
}

/// Pickability with and without moving goods, and whether advised inbound goods would cover it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PickabilityInfo {
    pub pickability: Option<Pickability>,
    pub pickability_with_move: Option<Pickability>,
    pub expected_pickable: Option<ExpectedPickable>,
}

/// Whether goods on an advised purchase order would make it pickable, and from when.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExpectedPickable {
    pub expected_in_date: Option<String>,
    pub is_pickable_by_advised: bool,
}

/// One line's pickability.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LinePickability {
    pub id: i32,
    pub row_number: Option<String>,
    pub article: Option<PickabilityArticle>,
    pub order_line_pickability: Option<PickabilityInfo>,
    pub ordered_number_of_items: f64,
    pub allocated_number_of_items: f64,
    pub picked_number_of_items: f64,
}

/// The article on a line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PickabilityArticle {
    pub id: i32,
    pub article_number: Option<String>,
}

impl OrderPickability {
    /// The order's pickability; `None` when the warehouse gave none.
    pub fn pickability(&self) -> Option<&Pickability> {
        self.order_pickability.as_ref()?.pickability.as_ref()
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PickabilityPage {
    pickability_results: Option<Vec<OrderPickability>>,
}

impl OngoingClient {
    /// Pickability of the orders asked for, in order-id order, read page by page.
    pub async fn pickability(
        &self,
        query: &PickabilityQuery,
    ) -> Result<Vec<OrderPickability>, OngoingError> {
        let operation = "read pickability";
        all_pages(
            operation,
            0,
            PAGE_SIZE,
            |from, max| {
                let mut call = Call::new(operation, Method::GET, "api/v1/orders/pickability")
                    .query("goodsOwnerId", self.goods_owner_id())
                    .query("orderIdFrom", from)
                    .query("maxOrdersToGet", max);
                for id in &query.order_ids {
                    call = call.query("orderIds", id);
                }
                for number in &query.order_numbers {
                    call = call.query("orderNumbers", number);
                }
                if query.only_booked {
                    call = call.query("onlyBookedOrders", true);
                }
                async move {
                    let page: Option<PickabilityPage> = self.send(call).await?;
                    Ok(page
                        .and_then(|page| page.pickability_results)
                        .unwrap_or_default())
                }
            },
            |result| result.order_info.order_id,
        )
        .await
    }
}
