//! Ongoing's return order JSON (`PostReturnOrderModel`, `GetReturnOrderModel`, the return causes),
//! limited to the fields Brygga writes and reads. Requests leave `None` out entirely, because the
//! spec's models forbid unknown properties.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::OngoingError;
use crate::orders::StatusRef;
use crate::wire_purchase_order::{CodeName, null_as_empty};

/// A return order to create or update: what the customer says they are sending back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReturnOrderUpsert {
    /// The merchant's number for the return (inferred to be the upsert key).
    pub return_order_number: String,
    /// Ongoing's id of the shipped order the goods come from (`orderInfo.orderId`).
    pub order_id: i32,
    pub comment: Option<String>,
    /// When the return is expected at the warehouse.
    pub in_date: Option<DateTime<Utc>>,
    pub warehouse_id: Option<i32>,
    pub lines: Vec<ReturnOrderLineUpsert>,
}

/// One line of a return: so many items of one order line, and why.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReturnOrderLineUpsert {
    /// Unique on the return order; "1", "2", … is fine.
    pub row_number: String,
    /// Ongoing's id of the order line (`orderLines[].id`), not its row number.
    pub order_line_id: i32,
    pub number_of_items: f64,
    /// A cause by code from [`crate::OngoingClient::return_causes`].
    pub cause: Option<CodeName>,
    pub comment: Option<String>,
}

/// `PostReturnOrderModel` as sent: the merchant's upsert with the goods owner and the nested id
/// objects the spec wants.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReturnOrderUpsertBody<'a> {
    goods_owner_id: i32,
    return_order_number: &'a str,
    customer_order: OrderRef,
    #[serde(skip_serializing_if = "Option::is_none")]
    comment: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    in_date: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    warehouse_id: Option<i32>,
    return_order_lines: Vec<LineBody<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OrderRef {
    order_id: i32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct OrderLineRef {
    order_line_id: i32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LineBody<'a> {
    return_order_row_number: &'a str,
    customer_order_line: OrderLineRef,
    to_be_returned_number_of_items: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    return_cause: Option<&'a CodeName>,
    #[serde(skip_serializing_if = "Option::is_none")]
    return_order_line_comment: Option<&'a str>,
}

impl<'a> ReturnOrderUpsertBody<'a> {
    pub(crate) fn new(goods_owner_id: i32, upsert: &'a ReturnOrderUpsert) -> Self {
        ReturnOrderUpsertBody {
            goods_owner_id,
            return_order_number: &upsert.return_order_number,
            customer_order: OrderRef {
                order_id: upsert.order_id,
            },
            comment: upsert.comment.as_deref(),
            in_date: upsert.in_date,
            warehouse_id: upsert.warehouse_id,
            return_order_lines: upsert
                .lines
                .iter()
                .map(|line| LineBody {
                    return_order_row_number: &line.row_number,
                    customer_order_line: OrderLineRef {
                        order_line_id: line.order_line_id,
                    },
                    to_be_returned_number_of_items: line.number_of_items,
                    return_cause: line.cause.as_ref(),
                    return_order_line_comment: line.comment.as_deref(),
                })
                .collect(),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostReturnOrderResponse {
    return_order_id: Option<i32>,
    message: Option<String>,
}

impl PostReturnOrderResponse {
    /// The return order id, or the refusal in Ongoing's words when there is none.
    pub(crate) fn return_order_id(self, operation: &str) -> Result<i32, OngoingError> {
        self.return_order_id.ok_or_else(|| OngoingError::Rejected {
            operation: operation.to_owned(),
            status: 200,
            message: self
                .message
                .unwrap_or_else(|| "no return order id in the answer".to_owned()),
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReturnOrderStatuses {
    #[serde(default, deserialize_with = "null_as_empty")]
    pub(crate) return_order_statuses: Vec<StatusRef>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ReturnCauses {
    #[serde(default, deserialize_with = "null_as_empty")]
    pub(crate) return_causes: Vec<ReturnCause>,
}

/// One of the goods owner's return causes.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnCause {
    pub id: i32,
    pub code: Option<String>,
    pub name: Option<String>,
    /// Items returned with this cause are taken out of stock instead of put back.
    #[serde(default)]
    pub is_remove_cause: bool,
    #[serde(default)]
    pub is_change_cause: bool,
    #[serde(default)]
    pub is_return_comment_mandatory: bool,
}

/// A return order as the warehouse has it, with what has come back so far.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnOrder {
    pub return_order_info: ReturnOrderInfo,
    pub customer_order_info: Option<CustomerOrderInfo>,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub return_order_lines: Vec<ReturnOrderLine>,
}

/// The return order header.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnOrderInfo {
    pub return_order_id: i32,
    pub return_order_number: Option<String>,
    pub return_order_status: Option<StatusRef>,
    pub comment: Option<String>,
    pub in_date: Option<String>,
    pub created_date: Option<String>,
    /// When the first goods arrived.
    pub return_order_arrival_time: Option<String>,
    pub return_order_handling_comment: Option<String>,
}

/// The customer order the return belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerOrderInfo {
    pub order_id: i32,
    pub order_number: Option<String>,
}

/// One return line: what was announced, what came back and why.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnOrderLine {
    pub return_order_line_id: i32,
    pub return_order_row_number: Option<String>,
    pub customer_order_line: Option<CustomerOrderLine>,
    pub article: Option<ReturnArticle>,
    pub return_cause: Option<CodeName>,
    pub to_be_returned_number_of_items: f64,
    pub returned_number_of_items: f64,
    /// Of the returned items, those taken out of stock (e.g. broken) instead of put back.
    pub returned_removed_by_inventory_number_of_items: f64,
    pub picked_number_of_items: f64,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub returned_article_items: Vec<ReturnedItem>,
}

/// The order line a return line refers to.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerOrderLine {
    pub order_line_id: i32,
    pub customer_order_row_number: Option<String>,
}

/// The article on a return line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnArticle {
    pub article_system_id: i32,
    pub article_number: Option<String>,
    pub article_name: Option<String>,
}

/// A batch of items that came back, with the cause and state the warehouse recorded.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnedItem {
    pub number_of_items: f64,
    pub return_time: Option<String>,
    pub return_cause: Option<CodeName>,
    pub article_item_status: Option<CodeName>,
    #[serde(default)]
    pub is_return_removed_by_inventory: bool,
    pub return_comment: Option<String>,
    pub comment: Option<String>,
}
