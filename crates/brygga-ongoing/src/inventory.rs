//! Stock per warehouse: what each of the 3PL's warehouses holds of each article.
//!
//! The article list already carries stock summed over all warehouses; this call splits it up, for a
//! shop that sells from one warehouse only or wants to show where stock is. `sellableNumberOfItems`
//! is what the shop may sell (on hand minus what open orders have taken and what is locked);
//! `reported` holds what moved but has not yet been acknowledged.

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde::Deserialize;

use crate::client::{Call, OngoingClient, query_time};
use crate::error::OngoingError;
use crate::paging::{PAGE_SIZE, all_pages};
use crate::wire_purchase_order::null_as_empty;

/// Which articles' stock to read.
#[derive(Debug, Clone, Default)]
pub struct InventoryQuery {
    /// Only these article numbers (all when empty).
    pub article_numbers: Vec<String>,
    /// Only these warehouses (all when empty).
    pub warehouse_ids: Vec<i32>,
    /// Only articles whose stock changed after this time (at most a day old).
    pub stock_changed_from: Option<DateTime<Utc>>,
    /// Leave out articles with nothing on hand.
    pub only_in_stock: bool,
}

/// One article's stock, warehouse by warehouse (`GetArticleInventoryPerWarehouseModel`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleInventory {
    pub article_system_id: i32,
    pub article_number: Option<String>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub inventory_per_warehouse: Vec<WarehouseStock>,
}

/// Stock of one article in one warehouse.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WarehouseStock {
    pub warehouse_id: i32,
    pub number_of_items: f64,
    pub number_of_locked_items: f64,
    pub sellable_number_of_items: f64,
    pub available_for_sale_number_of_items: f64,
    pub allocated_number_of_items: f64,
    pub reported: Option<ToReport>,
}

/// Movements not yet acknowledged as reported.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ToReport {
    pub picked_to_be_reported_number_of_items: f64,
    pub returned_to_be_reported_number_of_items: f64,
    pub received_to_be_reported_number_of_items: f64,
}

impl ArticleInventory {
    /// Sellable items summed over the warehouses listed.
    pub fn sellable(&self) -> f64 {
        self.inventory_per_warehouse
            .iter()
            .map(|w| w.sellable_number_of_items)
            .sum()
    }
}

impl OngoingClient {
    /// Stock per warehouse for every article matching the query, read page by page.
    pub async fn inventory_per_warehouse(
        &self,
        query: &InventoryQuery,
    ) -> Result<Vec<ArticleInventory>, OngoingError> {
        let operation = "read stock per warehouse";
        all_pages(
            operation,
            0,
            PAGE_SIZE,
            |from, max| {
                let mut call = Call::new(
                    operation,
                    Method::GET,
                    "api/v1/articles/inventoryPerWarehouse",
                )
                .query("goodsOwnerId", self.goods_owner_id())
                .query("articleSystemIdFrom", from)
                .query("maxArticlesToGet", max)
                .query_opt(
                    "stockInfoChangedFrom",
                    query.stock_changed_from.as_ref().map(query_time),
                );
                for number in &query.article_numbers {
                    call = call.query("articleNumbers", number);
                }
                for id in &query.warehouse_ids {
                    call = call.query("warehouseIds", id);
                }
                if query.only_in_stock {
                    call = call.query("onlyArticlesInStock", true);
                }
                async move {
                    Ok(self
                        .send::<Option<Vec<ArticleInventory>>>(call)
                        .await?
                        .unwrap_or_default())
                }
            },
            |article| article.article_system_id,
        )
        .await
    }
}
