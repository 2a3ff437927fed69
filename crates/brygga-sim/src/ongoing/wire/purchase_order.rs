//! Purchase-order models: `PostPurchaseOrderModel` in, `GetPurchaseOrderModel` and the status list
//! out.

use serde::{Deserialize, Serialize};

use super::{CodeNamePair, GoodsOwnerRef, StatusNumberText, WarehouseRef};

/// The part of `PostPurchaseOrderModel` the simulator keeps.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostPurchaseOrder {
    pub goods_owner_id: i32,
    pub purchase_order_number: String,
    pub supplier_order_number: Option<String>,
    pub goods_owner_reference: Option<String>,
    pub reference_number: Option<String>,
    pub in_date: Option<String>,
    pub supplier_info: Option<PostSupplier>,
    pub purchase_order_lines: Option<Vec<PostPurchaseOrderLine>>,
    pub purchase_order_remark: Option<String>,
    pub warehouse_id: Option<i32>,
    pub advanced: Option<PostPurchaseOrderAdvanced>,
    pub goods_owner_purchase_order_id: Option<String>,
}

/// `PostPurchaseOrderSupplierInfo` (number and name).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostSupplier {
    pub supplier_number: Option<String>,
    pub supplier_name: Option<String>,
}

/// `PostPurchaseOrderAdvanced` (the dates).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostPurchaseOrderAdvanced {
    pub order_date: Option<String>,
    pub advised_date: Option<String>,
}

/// `PostPurchaseOrderLine`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostPurchaseOrderLine {
    pub row_number: String,
    pub article_number: String,
    #[serde(default)]
    pub number_of_items: f64,
    pub comment: Option<String>,
    pub row_price: Option<f64>,
    pub currency_code: Option<String>,
    pub batch_number: Option<String>,
    pub external_order_line_id: Option<String>,
}

/// `PostPurchaseOrderResponse`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostPurchaseOrderResponse {
    pub purchase_order_id: Option<i32>,
    pub message: Option<String>,
}

/// `GetPurchaseOrderStatusesModel`: the list sits under `orderStatuses`, as in the spec.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PurchaseOrderStatuses {
    pub order_statuses: Vec<StatusNumberText>,
}

/// `GetPurchaseOrderModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetPurchaseOrder {
    pub goods_owner: GoodsOwnerRef,
    pub supplier_info: Option<GetSupplier>,
    pub purchase_order_info: PurchaseOrderInfo,
    pub purchase_order_lines: Vec<GetPurchaseOrderLine>,
}

/// `GetPurchaseOrderSupplierInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetSupplier {
    pub supplier_number: Option<String>,
    pub supplier_name: Option<String>,
}

/// `GetPurchaseOrderInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PurchaseOrderInfo {
    pub purchase_order_id: i32,
    pub purchase_order_number: Option<String>,
    pub supplier_order_number: Option<String>,
    pub goods_owner_reference: Option<String>,
    pub reference_number: Option<String>,
    pub purchase_order_status: StatusNumberText,
    pub in_date: Option<String>,
    pub purchase_order_remark: Option<String>,
    pub warehouse: WarehouseRef,
    pub created_date: Option<String>,
    pub advanced: PurchaseOrderAdvanced,
    pub goods_owner_purchase_order_id: Option<String>,
}

/// `GetAdvancedPurchaseOrderInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PurchaseOrderAdvanced {
    pub arrival_date: Option<String>,
    pub order_date: Option<String>,
    pub purchase_order_is_return_type: bool,
    pub advised_date: Option<String>,
}

/// `GetPurchaseOrderLine`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetPurchaseOrderLine {
    pub id: i32,
    pub row_number: Option<String>,
    pub article: PurchaseOrderArticle,
    pub comment: Option<String>,
    pub row_price: Option<f64>,
    pub advised_number_of_items: f64,
    pub received_number_of_items: f64,
    pub reported_number_of_items: Option<f64>,
    pub article_items: Vec<ReceivedArticleItem>,
    pub external_order_line_id: Option<String>,
    pub batch_number: Option<String>,
    pub currency: Option<CodeNamePair>,
}

/// `GetPurchaseOrderArticle`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PurchaseOrderArticle {
    pub article_system_id: i32,
    pub article_number: Option<String>,
    pub article_name: Option<String>,
    pub product_code: Option<String>,
}

/// `GetPurchaseOrderArticleItem`: one batch of received items with its item status.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReceivedArticleItem {
    pub original_article_item_id: i32,
    pub number_of_items: f64,
    pub in_date: String,
    pub comment: Option<String>,
    pub article_item_status: Option<CodeNamePair>,
    pub is_locked: bool,
    pub is_locked_for_sale: bool,
}
