//! Articles: the shop's products as the warehouse knows them, pushed by article number and read back
//! with their stock.
//!
//! Ongoing has no article delete; a product gone from the shop stays in the WMS and is reported as
//! orphaned. `sellableNumberOfItems` is the stock the shop may sell: on hand minus what open orders
//! have taken.

use chrono::{DateTime, Utc};
use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::{Call, OngoingClient, query_time};
use crate::error::OngoingError;
use crate::paging::{PAGE_SIZE, all_pages};

/// An article to create or update (`PostArticleModel`); `None` fields are left out of the JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticleUpsert {
    pub article_number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_stock_article: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bar_code_info: Option<BarCodeInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier_info: Option<SupplierInfo>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<f64>,
}

/// The article's EAN.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BarCodeInfo {
    pub bar_code: Option<String>,
}

/// The supplier's (manufacturer's) article number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupplierInfo {
    pub supplier_article_number: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArticleBody<'a> {
    goods_owner_id: i32,
    #[serde(flatten)]
    article: &'a ArticleUpsert,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct PostArticleResponse {
    article_system_id: Option<i32>,
    message: Option<String>,
}

/// An article as the warehouse has it (`GetArticleModel`, the fields Brygga reads).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    pub article_system_id: i32,
    pub article_number: Option<String>,
    pub article_name: Option<String>,
    pub is_stock_article: Option<bool>,
    pub is_active: Option<bool>,
    pub bar_code_info: Option<BarCodeInfo>,
    pub weight: Option<f64>,
    pub inventory_info: Option<InventoryInfo>,
}

/// Stock of one article across the goods owner's warehouses.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct InventoryInfo {
    pub number_of_items: f64,
    pub sellable_number_of_items: f64,
    pub allocated_number_of_items: f64,
    pub number_of_locked_items: f64,
}

/// Which articles a list call asks for.
#[derive(Debug, Clone, Default)]
pub struct ArticleQuery {
    /// Only this article number.
    pub article_number: Option<String>,
    /// Only articles whose stock changed after this time (at most 24 hours old).
    pub stock_info_changed_from: Option<DateTime<Utc>>,
}

impl OngoingClient {
    /// Creates or updates an article by its article number; returns Ongoing's id for it.
    pub async fn upsert_article(&self, article: &ArticleUpsert) -> Result<i32, OngoingError> {
        let operation = "upsert article";
        let body = ArticleBody {
            goods_owner_id: self.goods_owner_id(),
            article,
        };
        let call = Call::new(operation, Method::PUT, "api/v1/articles").body(&body)?;
        let response: PostArticleResponse = self.send(call).await?;
        response
            .article_system_id
            .ok_or_else(|| OngoingError::Rejected {
                operation: operation.to_owned(),
                status: 200,
                message: response
                    .message
                    .unwrap_or_else(|| "no article id in the answer".to_owned()),
            })
    }

    /// Every article matching the query, read page by page.
    pub async fn articles(&self, query: &ArticleQuery) -> Result<Vec<Article>, OngoingError> {
        all_pages(
            "list articles",
            0,
            PAGE_SIZE,
            |from, max| {
                let call = Call::new("list articles", Method::GET, "api/v1/articles")
                    .query("goodsOwnerId", self.goods_owner_id())
                    .query("articleSystemIdFrom", from)
                    .query("maxArticlesToGet", max)
                    .query_opt("articleNumber", query.article_number.as_ref())
                    .query_opt(
                        "stockInfoChangedFrom",
                        query.stock_info_changed_from.as_ref().map(query_time),
                    );
                async move {
                    Ok(self
                        .send::<Option<Vec<Article>>>(call)
                        .await?
                        .unwrap_or_default())
                }
            },
            |article| article.article_system_id,
        )
        .await
    }
}
