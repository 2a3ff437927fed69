//! Ongoing's purchase order JSON (`PostPurchaseOrderModel`, `GetPurchaseOrderModel`), limited to the
//! fields Brygga writes and reads. Requests leave `None` out entirely, because the spec's models
//! forbid unknown properties and do not say whether an explicit `null` clears a stored value.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::OngoingError;
use crate::orders::StatusRef;

/// A purchase order to create or update: goods the merchant expects from a supplier.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseOrderUpsert {
    /// The merchant's number for it; Ongoing upserts on this.
    pub purchase_order_number: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goods_owner_purchase_order_id: Option<String>,
    /// The supplier's own order number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier_order_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<String>,
    /// When the goods are expected at the warehouse.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_date: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier_info: Option<Supplier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_remark: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warehouse_id: Option<i32>,
    pub purchase_order_lines: Vec<PurchaseOrderLineUpsert>,
}

/// The supplier the goods come from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Supplier {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier_name: Option<String>,
}

/// One advised line: this many of this article are on their way.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseOrderLineUpsert {
    /// Unique on the purchase order; "1", "2", … is fine.
    pub row_number: String,
    pub article_number: String,
    /// The advised quantity.
    pub number_of_items: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row_price: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub external_order_line_id: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PurchaseOrderUpsertBody<'a> {
    pub(crate) goods_owner_id: i32,
    #[serde(flatten)]
    pub(crate) purchase_order: &'a PurchaseOrderUpsert,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostPurchaseOrderResponse {
    purchase_order_id: Option<i32>,
    message: Option<String>,
}

impl PostPurchaseOrderResponse {
    /// The purchase order id, or the refusal in Ongoing's words when there is none.
    pub(crate) fn purchase_order_id(self, operation: &str) -> Result<i32, OngoingError> {
        self.purchase_order_id
            .ok_or_else(|| OngoingError::Rejected {
                operation: operation.to_owned(),
                status: 200,
                message: self
                    .message
                    .unwrap_or_else(|| "no purchase order id in the answer".to_owned()),
            })
    }
}

/// `GetPurchaseOrderStatusesModel`; the list sits under `orderStatuses`, not `purchaseOrderStatuses`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PurchaseOrderStatuses {
    #[serde(default, deserialize_with = "null_as_empty")]
    pub(crate) order_statuses: Vec<StatusRef>,
}

/// A purchase order as the warehouse has it, with what has arrived so far.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseOrder {
    pub purchase_order_info: PurchaseOrderInfo,
    pub supplier_info: Option<Supplier>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub purchase_order_lines: Vec<PurchaseOrderLine>,
}

/// The purchase order header.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseOrderInfo {
    pub purchase_order_id: i32,
    pub purchase_order_number: Option<String>,
    pub goods_owner_purchase_order_id: Option<String>,
    pub supplier_order_number: Option<String>,
    pub purchase_order_status: Option<StatusRef>,
    /// The expected arrival as Ongoing stores it (UTC, RFC 3339).
    pub in_date: Option<String>,
    pub created_date: Option<String>,
    pub purchase_order_remark: Option<String>,
}

/// One line: what was advised, what arrived and what has been acknowledged.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseOrderLine {
    pub id: i32,
    pub row_number: Option<String>,
    pub article: Option<PurchaseOrderArticle>,
    pub advised_number_of_items: f64,
    pub received_number_of_items: f64,
    /// What the goods owner has acknowledged so far; `None` when never set.
    pub reported_number_of_items: Option<f64>,
    /// The received batches, each with its item status and locks.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub article_items: Vec<ReceivedItem>,
    pub comment: Option<String>,
    pub external_order_line_id: Option<String>,
}

/// The article on a purchase order line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseOrderArticle {
    pub article_system_id: i32,
    pub article_number: Option<String>,
    pub article_name: Option<String>,
}

/// A batch of items received on a line.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedItem {
    pub number_of_items: f64,
    pub in_date: Option<String>,
    pub article_item_status: Option<CodeName>,
    /// Locked items are in the warehouse but may not be used (the nearest thing to "rejected").
    #[serde(default)]
    pub is_locked: bool,
    #[serde(default)]
    pub is_locked_for_sale: bool,
    pub comment: Option<String>,
    pub batch_number: Option<String>,
}

/// Ongoing's `CodeNamePair`: a code and its display name (item statuses, return causes).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CodeName {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Reads a nullable array as empty when it is `null` or missing.
pub(crate) fn null_as_empty<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<Vec<T>>::deserialize(deserializer).map(Option::unwrap_or_default)
}
