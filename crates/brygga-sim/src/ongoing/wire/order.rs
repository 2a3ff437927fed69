//! Order request models: `PostOrderModel` and the small PATCH bodies, plus the write responses.

use serde::{Deserialize, Serialize};

use super::{CodeNamePair, Notification};

/// The part of `PostOrderModel` the simulator keeps. The lines are taken out into the order's own
/// line records; everything else is stored as sent and replaced whole by the next `PUT`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostOrder {
    pub goods_owner_id: i32,
    pub order_number: String,
    pub delivery_date: String,
    pub consignee: PostConsignee,
    pub reference_number: Option<String>,
    pub goods_owner_order_id: Option<String>,
    pub sales_code: Option<String>,
    pub order_remark: Option<String>,
    pub delivery_instruction: Option<String>,
    pub service_point_code: Option<String>,
    pub free_text1: Option<String>,
    pub free_text2: Option<String>,
    pub free_text3: Option<String>,
    pub free_text4: Option<String>,
    pub order_type: Option<CodeNamePair>,
    pub way_of_delivery: Option<CodeNamePair>,
    pub email_notification: Option<Notification>,
    pub sms_notification: Option<Notification>,
    pub telephone_notification: Option<Notification>,
    pub transporter: Option<PostTransporter>,
    pub return_transporter: Option<PostTransporter>,
    pub order_lines: Option<Vec<PostOrderLine>>,
    pub customs_info: Option<CustomsInfo>,
    pub freight_price: Option<f64>,
    pub warehouse_id: Option<i32>,
    pub terms_of_delivery_type: Option<CodeNamePair>,
    pub customer_price: Option<f64>,
    pub advanced: Option<PostOrderAdvanced>,
    pub consignee_order_number: Option<String>,
    pub warehouse_instruction: Option<String>,
    pub market_place: Option<MarketPlace>,
    pub picking_priority: Option<i32>,
    pub invoice_url: Option<String>,
}

/// `PostOrderConsignee` (the address fields and the contact details that live under `advanced`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostConsignee {
    pub customer_number: Option<String>,
    pub name: Option<String>,
    pub address1: Option<String>,
    pub address2: Option<String>,
    pub address3: Option<String>,
    pub post_code: Option<String>,
    pub city: Option<String>,
    pub country_code: Option<String>,
    pub country_state_code: Option<String>,
    pub remark: Option<String>,
    pub door_code: Option<String>,
    pub delivery_instruction: Option<String>,
    pub advanced: Option<ConsigneeAdvanced>,
    pub invoice_address: Option<InvoiceAddress>,
}

/// `PostOrderConsigneeAddressAdvanced`; the response side has the same notifications.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ConsigneeAdvanced {
    pub telephone_notification: Option<Notification>,
    pub email_notification: Option<Notification>,
    pub sms_notification: Option<Notification>,
}

/// `PostOrderConsigneeInvoiceAddress` (its notification values are left out).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct InvoiceAddress {
    pub name: Option<String>,
    pub address1: Option<String>,
    pub address2: Option<String>,
    pub address3: Option<String>,
    pub post_code: Option<String>,
    pub city: Option<String>,
    pub country_code: Option<String>,
    pub country_state_code: Option<String>,
}

/// `PostOrderTransporter` / `PostOrderReturnTransporter` (the codes only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostTransporter {
    pub transporter_code: Option<String>,
    pub transporter_service_code: Option<String>,
}

/// `PostOrderLine`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostOrderLine {
    pub row_number: String,
    pub article_number: String,
    #[serde(default)]
    pub number_of_items: f64,
    pub comment: Option<String>,
    pub should_be_picked: Option<bool>,
    pub serial_number: Option<String>,
    pub batch_number: Option<String>,
    pub line_type: Option<CodeNamePair>,
    pub prices: Option<PostLinePrices>,
    pub customer_article_number: Option<String>,
    pub warehouse_instruction: Option<String>,
    pub external_id: Option<String>,
    pub delivery_date: Option<String>,
    pub vat: Option<LineVat>,
}

/// `PostOrderLinePrices` (`totalVat` has no place in the response and is dropped).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostLinePrices {
    pub line_price: Option<f64>,
    pub customer_line_price: Option<f64>,
    pub currency_code: Option<String>,
    pub discount_percentage: Option<f64>,
}

/// `PostOrderLineVat` / `GetOrderLineVat`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LineVat {
    pub code: Option<String>,
    #[serde(default)]
    pub percent: f64,
}

/// `PostOrderCustomsInfo` / `GetOrderCustomsInfo`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CustomsInfo {
    pub customs_value_currency_code: Option<String>,
}

/// `PostOrderMarketPlace` / `GetOrderMarketPlace`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct MarketPlace {
    pub market_place: Option<String>,
    pub market_place_order_number: Option<String>,
}

/// `PostOrderAdvanced` (text lines, invoice number, arrival date).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostOrderAdvanced {
    pub order_text_lines: Option<Vec<OrderTextLine>>,
    pub arrival_date: Option<String>,
    pub invoice_number: Option<String>,
}

/// `PostOrderTextLine` / `GetOrderTextLine`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OrderTextLine {
    pub row_number: Option<String>,
    pub comment: Option<String>,
    pub number_of_items: Option<f64>,
}

/// `PatchOrderStatus`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PatchOrderStatus {
    pub order_status_number: i32,
}

/// `PatchOrderReportedNumberOfItemsModel`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PatchReportedNumberOfItems {
    pub reported_number_of_items: f64,
}

/// `PostOrderResponse`: the answer to `PUT` and to cancellation.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PostOrderResponse {
    pub order_id: Option<i32>,
    pub message: Option<String>,
}

/// `PatchOrderResponse`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PatchOrderResponse {
    pub order_id: i32,
    pub message: Option<String>,
}
