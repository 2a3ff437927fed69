//! Ongoing's order JSON (`PostOrderModel`, `GetOrderModel`), limited to the fields Brygga writes and
//! reads. Requests leave `None` out entirely, because the spec's models forbid unknown properties and
//! do not say whether an explicit `null` clears a stored value.

use serde::{Deserialize, Serialize};

use crate::error::OngoingError;

/// An order to create or update.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderUpsert {
    pub order_number: String,
    /// RFC 3339 date-time.
    pub delivery_date: String,
    pub consignee: Consignee,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goods_owner_order_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_remark: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_point_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_notification: Option<Notification>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sms_notification: Option<Notification>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub telephone_notification: Option<Notification>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transporter: Option<Transporter>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warehouse_id: Option<i32>,
    pub order_lines: Vec<OrderLineUpsert>,
}

/// The consignee and their address.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Consignee {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_number: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address2: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
}

/// Whether and where the consignee is notified (e-mail address, mobile number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub to_be_notified: bool,
    pub value: Option<String>,
}

/// The carrier and service an order is booked with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transporter {
    pub transporter_code: Option<String>,
    pub transporter_service_code: Option<String>,
}

/// One line to pick (or, with `should_be_picked: false`, to carry along unpicked).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderLineUpsert {
    pub row_number: String,
    pub article_number: String,
    pub number_of_items: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub should_be_picked: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OrderUpsertBody<'a> {
    pub(crate) goods_owner_id: i32,
    #[serde(flatten)]
    pub(crate) order: &'a OrderUpsert,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostOrderResponse {
    order_id: Option<i32>,
    message: Option<String>,
}

impl PostOrderResponse {
    /// The order id, or the refusal in Ongoing's words when there is none.
    pub(crate) fn order_id(self, operation: &str) -> Result<i32, OngoingError> {
        self.order_id.ok_or_else(|| OngoingError::Rejected {
            operation: operation.to_owned(),
            status: 200,
            message: self
                .message
                .unwrap_or_else(|| "no order id in the answer".to_owned()),
        })
    }
}

/// An order as the warehouse has it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    pub order_info: OrderInfo,
    pub consignee: Option<Consignee>,
    #[serde(default)]
    pub order_lines: Vec<OrderLine>,
    #[serde(default)]
    pub parcels: Option<Vec<Parcel>>,
    #[serde(default)]
    pub tracking: Option<Vec<Tracking>>,
    #[serde(default)]
    pub return_tracking: Option<Vec<Tracking>>,
    pub transporter: Option<TransporterRef>,
}

/// The order header.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderInfo {
    pub order_id: i32,
    pub order_number: Option<String>,
    pub order_status: Option<StatusRef>,
    pub way_bill: Option<String>,
    pub shipped_time: Option<String>,
    pub service_point_code: Option<String>,
    pub email_notification: Option<Notification>,
}

/// A status as number and text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct StatusRef {
    pub number: i32,
    pub text: Option<String>,
}

/// One order line with what the warehouse did with it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderLine {
    pub id: i32,
    pub row_number: Option<String>,
    pub article: Option<OrderLineArticle>,
    pub ordered_number_of_items: f64,
    pub allocated_number_of_items: f64,
    pub picked_number_of_items: f64,
    pub packed_number_of_items: f64,
    pub reported_number_of_items: Option<f64>,
    pub returned_number_of_items: f64,
    pub reported_returned_number_of_items: Option<f64>,
    pub should_be_picked: Option<bool>,
}

/// The article on a line.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderLineArticle {
    pub article_system_id: i32,
    pub article_number: Option<String>,
}

/// A parcel with its tracking; return parcels are the customer's way back.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Parcel {
    pub id: i32,
    pub parcel_number: Option<String>,
    pub is_return_parcel: bool,
    pub tracking: Option<Tracking>,
}

/// A waybill and where the customer can follow it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tracking {
    pub waybill: Option<String>,
    pub tracking_url: Option<String>,
}

/// The carrier an order was booked with, as read back.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransporterRef {
    pub code: Option<String>,
    pub service_code: Option<String>,
}
