//! Return-order models: `PostReturnOrderModel` in, `GetReturnOrderModel`, the status list and the
//! return causes out.

use serde::{Deserialize, Serialize};

use super::{CodeNamePair, StatusNumberText, WarehouseRef};

/// `PostReturnOrderModel`. It addresses the customer order and its lines by Ongoing's internal
/// ids (`customerOrder.orderId`, `customerOrderLine.orderLineId`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostReturnOrder {
    pub goods_owner_id: i32,
    pub return_order_number: String,
    pub customer_order: CustomerOrderRef,
    pub comment: Option<String>,
    pub in_date: Option<String>,
    pub return_order_lines: Vec<PostReturnOrderLine>,
    pub warehouse_id: Option<i32>,
    pub tracking: Option<Vec<ReturnTracking>>,
    pub return_order_handling_comment: Option<String>,
}

/// `PostReturnOrderCustomerOrder`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CustomerOrderRef {
    #[serde(default)]
    pub order_id: i32,
}

/// `PostReturnOrderLine`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostReturnOrderLine {
    pub return_order_row_number: String,
    pub customer_order_line: CustomerOrderLineRef,
    pub to_be_returned_number_of_items: f64,
    pub return_cause: Option<CodeNamePair>,
    pub return_order_line_comment: Option<String>,
}

/// `PostReturnOrderLineCustomerOrderLine`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CustomerOrderLineRef {
    #[serde(default)]
    pub order_line_id: i32,
}

/// `PostReturnOrderTracking`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReturnTracking {
    pub waybill: Option<String>,
    pub tracking_url: Option<String>,
}

/// `PostReturnOrderResponse`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostReturnOrderResponse {
    pub return_order_id: Option<i32>,
    pub message: Option<String>,
}

/// `GetReturnOrderStatusesModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReturnOrderStatuses {
    pub return_order_statuses: Vec<StatusNumberText>,
}

/// `GetReturnCausesModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReturnCauses {
    pub return_causes: Vec<GetReturnCause>,
}

/// `GetReturnCauseModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetReturnCause {
    pub code: Option<String>,
    pub name: Option<String>,
    pub is_remove_cause: bool,
    pub is_change_cause: bool,
    pub is_return_comment_mandatory: bool,
    pub id: i32,
}

/// `GetReturnOrderModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetReturnOrder {
    pub return_order_info: ReturnOrderInfo,
    pub customer_order_info: CustomerOrderInfo,
    pub return_order_lines: Vec<GetReturnOrderLine>,
}

/// `GetReturnOrderInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReturnOrderInfo {
    pub return_order_id: i32,
    pub return_order_number: Option<String>,
    pub comment: Option<String>,
    pub in_date: Option<String>,
    pub return_order_status: StatusNumberText,
    pub warehouse: WarehouseRef,
    pub return_order_handling_comment: Option<String>,
    pub created_date: String,
    pub return_order_arrival_time: Option<String>,
}

/// `GetReturnOrderCustomerOrderInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CustomerOrderInfo {
    pub order_id: i32,
    pub order_number: Option<String>,
}

/// `GetReturnOrderLine`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetReturnOrderLine {
    pub return_order_line_id: i32,
    pub return_order_row_number: Option<String>,
    pub customer_order_line: CustomerOrderLineInfo,
    pub article: ReturnArticle,
    pub return_cause: Option<CodeNamePair>,
    pub returned_number_of_items: f64,
    pub picked_number_of_items: f64,
    pub to_be_returned_number_of_items: f64,
    pub returned_removed_by_inventory_number_of_items: f64,
    pub returned_article_items: Vec<ReturnedArticleItem>,
}

/// `GetReturnOrderLineCustomerOrderLine`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CustomerOrderLineInfo {
    pub order_line_id: i32,
    pub customer_order_row_number: Option<String>,
}

/// `GetReturnOrderLineArticle`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReturnArticle {
    pub article_system_id: i32,
    pub article_number: Option<String>,
    pub article_name: Option<String>,
}

/// `GetReturnedArticleItem`: one batch of returned items, with the status the warehouse gave them.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReturnedArticleItem {
    pub number_of_items: f64,
    pub comment: Option<String>,
    pub return_time: Option<String>,
    pub is_return_removed_by_inventory: bool,
    pub return_cause: Option<CodeNamePair>,
    pub article_item_status: Option<CodeNamePair>,
}
