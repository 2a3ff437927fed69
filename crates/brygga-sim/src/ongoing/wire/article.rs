//! Article models: `PostArticleModel` in, `GetArticleModel` and the inventory models out.

use serde::{Deserialize, Serialize};

use super::{CodeNamePair, GoodsOwnerRef};

/// The part of `PostArticleModel` the simulator keeps. Stored as sent: a repeated `PUT` replaces
/// it whole, as Ongoing's upsert does ("a re-push overwrites the whole object", `peers.md` §0).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostArticle {
    pub goods_owner_id: i32,
    pub article_number: String,
    pub article_name: Option<String>,
    pub product_code: Option<String>,
    pub unit_code: Option<String>,
    pub description: Option<String>,
    pub is_stock_article: Option<bool>,
    pub is_active: Option<bool>,
    pub supplier_info: Option<PostSupplierInfo>,
    pub bar_code_info: Option<PostBarCodeInfo>,
    pub quantity_per_package: Option<i32>,
    pub quantity_per_pallet: Option<i32>,
    pub weight: Option<f64>,
    pub net_weight: Option<f64>,
    pub length: Option<f64>,
    pub width: Option<f64>,
    pub height: Option<f64>,
    pub volume: Option<f64>,
    pub purchase_price: Option<f64>,
    pub stock_valuation_price: Option<f64>,
    pub customer_price: Option<f64>,
    pub purcase_currency_code: Option<String>,
    pub country_of_origin_code: Option<String>,
    pub statistics_number: Option<String>,
    pub article_group: Option<CodeNamePair>,
    pub article_category: Option<CodeNamePair>,
    pub article_color: Option<CodeNamePair>,
    pub article_size: Option<CodeNamePair>,
    pub stock_limit: Option<i32>,
    pub minimum_reorder_quantity: Option<f64>,
    pub link_to_picture: Option<String>,
    pub customs_description: Option<String>,
    pub structure_definition: Option<PostStructureDefinition>,
    pub storage_properties: Option<PostStorageProperties>,
    pub article_name_translations: Option<Vec<NameTranslation>>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostSupplierInfo {
    pub supplier_article_number: Option<String>,
    pub supplier_number: Option<String>,
    pub supplier_name: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostBarCodeInfo {
    pub bar_code: Option<String>,
    pub bar_code_package: Option<String>,
    pub bar_code_pallet: Option<String>,
    pub bar_code_layer: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostStructureDefinition {
    /// `"Structure"` or `"Production"`.
    pub article_kind: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostStorageProperties {
    pub is_obsolete: Option<bool>,
    pub is_serial_number_article: Option<bool>,
    pub is_batch_article: Option<bool>,
    pub is_expiry_date_article: Option<bool>,
}

/// `PostArticleNameTranslation` / `GetArticleNameTranslation`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct NameTranslation {
    pub language_code: Option<String>,
    pub article_name: Option<String>,
}

/// `PostArticleResponse`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostArticleResponse {
    pub article_system_id: Option<i32>,
    pub message: Option<String>,
}

/// `GetArticlesByQueryModel`: the body of `POST /api/v1/articles/byQuery`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ArticlesByQuery {
    pub goods_owner_id: i32,
    pub article_system_id_from: Option<i32>,
    pub max_articles_to_get: Option<i32>,
    pub stock_info_changed_from: Option<String>,
    pub article_numbers: Option<Vec<String>>,
    pub article_data_last_updated_from: Option<String>,
    pub only_articles_in_stock: Option<bool>,
    pub product_codes: Option<Vec<String>>,
    pub bar_codes: Option<Vec<String>>,
    pub is_obsolete: Option<bool>,
}

/// `GetArticleModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetArticle {
    pub goods_owner: GoodsOwnerRef,
    pub article_system_id: i32,
    pub article_number: Option<String>,
    pub article_name: Option<String>,
    pub product_code: Option<String>,
    pub unit_code: Option<String>,
    pub description: Option<String>,
    pub is_stock_article: Option<bool>,
    pub is_active: Option<bool>,
    pub supplier_info: Option<GetSupplierInfo>,
    pub bar_code_info: Option<GetBarCodeInfo>,
    pub quantity_per_package: Option<i32>,
    pub quantity_per_pallet: Option<i32>,
    pub weight: Option<f64>,
    pub length: Option<f64>,
    pub width: Option<f64>,
    pub height: Option<f64>,
    pub volume: Option<f64>,
    pub purchase_price: Option<f64>,
    pub stock_valuation_price: Option<f64>,
    pub customer_price: Option<f64>,
    pub purcase_currency_code: Option<String>,
    pub country_of_origin_code: Option<String>,
    pub statistics_number: Option<String>,
    pub article_group: Option<CodeNamePair>,
    pub article_category: Option<CodeNamePair>,
    pub inventory_info: InventoryInfo,
    pub article_data_last_updated: Option<String>,
    pub article_kind: Option<String>,
    pub stock_limit: Option<i32>,
    pub minimum_reorder_quantity: Option<f64>,
    pub net_weight: Option<f64>,
    /// `GetArticleClass[]`; the simulator has no article classes.
    pub classes: Vec<()>,
    pub customs_description: Option<String>,
    pub link_to_picture: Option<String>,
    pub storage_properties: GetStorageProperties,
    pub article_color: Option<CodeNamePair>,
    pub article_size: Option<CodeNamePair>,
    pub article_name_translations: Vec<NameTranslation>,
    pub created: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetSupplierInfo {
    pub supplier_article_number: Option<String>,
    pub supplier_number: Option<String>,
    pub supplier_name: Option<String>,
    /// `GetArticleAlternativeSupplier[]`, never filled here.
    pub alternative_suppliers: Vec<()>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetBarCodeInfo {
    pub bar_code: Option<String>,
    pub bar_code_package: Option<String>,
    pub bar_code_pallet: Option<String>,
    /// `GetArticleAlternativeBarCode[]`, never filled here.
    pub alternative_bar_codes: Vec<()>,
    pub bar_code_layer: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetStorageProperties {
    pub is_obsolete: bool,
    pub is_serial_number_article: bool,
    pub is_batch_article: bool,
    pub is_expiry_date_article: bool,
}

/// `GetArticleInventoryInfo`, summed over all warehouses.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct InventoryInfo {
    pub number_of_items: f64,
    pub number_of_booked_items: f64,
    pub number_of_locked_items: f64,
    pub to_receive_number_of_items: f64,
    pub allocated_number_of_items: f64,
    pub locked_for_sale_number_of_items: f64,
    pub picked_to_be_collected_number_of_items: f64,
    pub received_to_be_finished_number_of_items: f64,
    pub last_in_date: Option<String>,
    pub sellable_number_of_items: f64,
    pub total_stock_value: f64,
    pub reported: ReportedInfo,
}

/// `GetArticleInventoryReportedInfo` and `GetArticleInventoryPerWarehouseReportedInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReportedInfo {
    pub picked_to_be_reported_number_of_items: f64,
    pub returned_to_be_reported_number_of_items: f64,
    pub received_to_be_reported_number_of_items: f64,
}

/// `GetArticleInventoryPerWarehouseModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct InventoryPerWarehouseArticle {
    pub article_system_id: i32,
    pub article_number: Option<String>,
    pub inventory_per_warehouse: Vec<InventoryPerWarehouse>,
}

/// `GetArticleInventoryPerWarehouseInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct InventoryPerWarehouse {
    pub warehouse_id: i32,
    pub number_of_items: f64,
    pub number_of_locked_items: f64,
    pub sellable_number_of_items: f64,
    pub available_for_sale_number_of_items: f64,
    pub reported: ReportedInfo,
    pub allocated_number_of_items: f64,
}
