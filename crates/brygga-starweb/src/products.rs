//! Products and their variants: where the SKU, EAN, manufacturer part number, weight and stock live.
//!
//! A product is a shell (visibility, names per language); its sellable units are variants, each with
//! its own SKU and `stockQuantity`. The product list embeds only the primary variant
//! (`include=primaryVariant`), so products with several variants need their variant list as well;
//! [`crate::SkuIndex`] does that walk. Stock is written on the variant (`PATCH` with
//! `stockQuantity`), which is the shop's e-commerce stock location.

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::client::{Call, StarwebClient};
use crate::error::StarwebError;
use crate::paging::{Page, all_pages, pages_until_short};
use crate::wire::{Data, Timestamp, query_time, time, wrapped};

/// `ProductVariantResponseModel`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Variant {
    pub variant_id: i32,
    pub sku: String,
    pub external_id: Option<String>,
    /// Only active variants are offered to customers.
    pub is_active: Option<bool>,
    pub ean: Option<String>,
    /// Manufacturer part number.
    pub mpn: Option<String>,
    pub weight_in_kg: Option<f64>,
    /// `None` where the shop keeps no stock (services).
    pub stock_quantity: Option<i64>,
    pub stock_status_id: Option<i32>,
    pub sort_index: Option<i32>,
}

/// A product name in one language (`ProductLanguageModel`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProductName {
    pub lang_code: String,
    pub name: String,
}

/// `ProductModel`, with the primary variant and names embedded.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Product {
    pub product_id: i32,
    pub external_id: Option<String>,
    #[serde(default, deserialize_with = "time")]
    pub created_at: Option<Timestamp>,
    #[serde(default, deserialize_with = "time")]
    pub modified_at: Option<Timestamp>,
    /// `hidden`, `visible` or `pricelists`.
    pub visibility: Option<String>,
    /// More variants exist than the one embedded.
    #[serde(default)]
    pub has_several_variants: bool,
    /// The embedded variants: the primary one only, from the list.
    #[serde(default, deserialize_with = "wrapped")]
    pub variants: Option<Vec<Variant>>,
    #[serde(default, deserialize_with = "wrapped")]
    pub languages: Option<Vec<ProductName>>,
}

impl Product {
    /// The name in `lang_code`, else the first one given.
    pub fn name(&self, lang_code: &str) -> Option<&str> {
        let names = self.languages.as_deref().unwrap_or_default();
        names
            .iter()
            .find(|name| name.lang_code == lang_code)
            .or(names.first())
            .map(|name| name.name.as_str())
    }
}

/// Which products a list call asks for.
#[derive(Debug, Clone, Default)]
pub struct ProductQuery {
    /// Only products changed at or after this time (`updatedSince`).
    pub updated_since: Option<Timestamp>,
    /// Only products created at or after this time (`createdSince`).
    pub created_since: Option<Timestamp>,
    /// Only the product with this SKU (`[A-Za-z0-9._-]+`).
    pub sku: Option<String>,
    /// Only products visitors can see.
    pub visible_only: bool,
}

/// `ProductVariantPatchRequestModel`, with the one field written here.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct StockPatch {
    stock_quantity: i64,
}

impl StarwebClient {
    /// One page of the product list, each product with its primary variant and names.
    pub async fn products_page(
        &self,
        query: &ProductQuery,
        page: u32,
    ) -> Result<Page<Product>, StarwebError> {
        if let Some(sku) = query.sku.as_deref() {
            let allowed = |ch: char| ch.is_ascii_alphanumeric() || "._-".contains(ch);
            if sku.is_empty() || !sku.chars().all(allowed) {
                return Err(StarwebError::BadRequest {
                    operation: "list products".to_owned(),
                    message: format!(
                        "Starweb cannot search for SKU '{sku}' (only A-Z a-z 0-9 . _ -)"
                    ),
                });
            }
        }
        let call = Call::new("list products", Method::GET, &[&"products"])
            .query("page", page.max(1))
            .query("include", "primaryVariant,languages")
            .query_opt("updatedSince", query.updated_since.as_ref().map(query_time))
            .query_opt("createdSince", query.created_since.as_ref().map(query_time))
            .query_opt("filterSku", query.sku.as_ref())
            .query_opt("filterVisible", query.visible_only.then_some(true));
        self.send(call).await
    }

    /// Every product matching the query.
    pub async fn products(&self, query: &ProductQuery) -> Result<Vec<Product>, StarwebError> {
        all_pages("list products", 1, |page| self.products_page(query, page)).await
    }

    /// Every variant of a product.
    pub async fn product_variants(&self, product_id: i32) -> Result<Vec<Variant>, StarwebError> {
        pages_until_short(
            "list product variants",
            |page| {
                let call = Call::new(
                    "list product variants",
                    Method::GET,
                    &[&"products", &product_id, &"variants"],
                )
                .query("page", page);
                async move {
                    let variants: Data<Vec<Variant>> = self.send(call).await?;
                    Ok(variants.data)
                }
            },
            |variant| variant.variant_id,
        )
        .await
    }

    /// One variant.
    pub async fn variant(&self, product_id: i32, variant_id: i32) -> Result<Variant, StarwebError> {
        let call = Call::new(
            "get product variant",
            Method::GET,
            &[&"products", &product_id, &"variants", &variant_id],
        );
        let variant: Data<Variant> = self.send(call).await?;
        Ok(variant.data)
    }

    /// Sets a variant's stock; the shop then picks its stock status by its own rules.
    pub async fn set_variant_stock(
        &self,
        product_id: i32,
        variant_id: i32,
        quantity: i64,
    ) -> Result<Variant, StarwebError> {
        let call = Call::new(
            "update variant stock",
            Method::PATCH,
            &[&"products", &product_id, &"variants", &variant_id],
        )
        .body(&StockPatch {
            stock_quantity: quantity,
        })?;
        let variant: Data<Variant> = self.send(call).await?;
        Ok(variant.data)
    }
}
