//! Order response models: `GetOrderModel` with its parts, `GetOrderStatusesModel` and
//! `GetOrderPickabilityModel`.
//!
//! `classes`, `customerClasses` and the article group inside an order line are left empty or null:
//! the spec defines their item schemas as `allOf: [CodeNamePair, {additionalProperties: false}]`,
//! which no object with properties can satisfy.

use serde::Serialize;

use super::order::{CustomsInfo, InvoiceAddress, LineVat, MarketPlace, OrderTextLine};
use super::{CodeNamePair, GoodsOwnerRef, Notification, StatusNumberText, WarehouseRef};

/// `GetOrderModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetOrder {
    pub goods_owner: GoodsOwnerRef,
    pub order_info: OrderInfo,
    pub consignee: GetConsignee,
    pub parcels: Vec<GetParcel>,
    pub order_lines: Vec<GetOrderLine>,
    pub transporter: Option<GetTransporter>,
    pub return_transporter: Option<GetTransporter>,
    pub tracking: Vec<GetTracking>,
    pub classes: Vec<()>,
    pub shipment_info: Option<ShipmentInfo>,
    pub return_tracking: Vec<GetTracking>,
    pub advanced: OrderAdvanced,
    pub non_transporter_parcels: Vec<GetParcel>,
}

/// `GetOrderInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OrderInfo {
    pub order_id: i32,
    pub order_number: Option<String>,
    pub goods_owner_order_id: Option<String>,
    pub reference_number: Option<String>,
    pub sales_code: Option<String>,
    pub order_remark: Option<String>,
    pub delivery_instruction: Option<String>,
    pub service_point_code: Option<String>,
    pub free_text1: Option<String>,
    pub free_text2: Option<String>,
    pub free_text3: Option<String>,
    pub order_type: Option<CodeNamePair>,
    pub way_of_delivery: Option<CodeNamePair>,
    pub delivery_date: String,
    pub created_date: String,
    pub shipped_time: Option<String>,
    pub way_bill: Option<String>,
    pub return_way_bill: Option<String>,
    pub order_status: StatusNumberText,
    pub email_notification: Option<Notification>,
    pub sms_notification: Option<Notification>,
    pub telephone_notification: Option<Notification>,
    pub ordered_number_of_items: f64,
    pub allocated_number_of_items: f64,
    pub picked_number_of_items: f64,
    pub customs_info: Option<CustomsInfo>,
    pub warehouse: WarehouseRef,
    pub terms_of_delivery_type: Option<CodeNamePair>,
    pub customer_price: Option<f64>,
    pub consignee_order_number: Option<String>,
    pub warehouse_instruction: Option<String>,
    pub market_place: Option<MarketPlace>,
    pub picking_priority: Option<i32>,
    pub advanced: OrderInfoAdvanced,
    pub freight_price: Option<f64>,
    pub invoice_url: Option<String>,
    pub is_picked_with_errors: bool,
    pub free_text4: Option<String>,
}

/// `GetOrderInfoAdvanced`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OrderInfoAdvanced {
    pub invoice_number: Option<String>,
    pub arrival_date: Option<String>,
    pub delivery_date_with_time: String,
    pub order_header_updated: Option<String>,
}

/// `GetOrderConsignee`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetConsignee {
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
    pub delivery_instruction: Option<String>,
    pub door_code: Option<String>,
    pub advanced: GetConsigneeAdvanced,
    pub invoice_address: Option<InvoiceAddress>,
    pub id: i32,
    pub customer_classes: Vec<()>,
}

/// `GetOrderConsigneeAddressAdvanced`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetConsigneeAdvanced {
    pub telephone_notification: Option<Notification>,
    pub email_notification: Option<Notification>,
    pub sms_notification: Option<Notification>,
}

/// `GetOrderParcel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetParcel {
    pub id: i32,
    pub parcel_number: Option<String>,
    pub is_return_parcel: bool,
    pub tracking: ParcelTracking,
    pub advanced: ParcelAdvanced,
}

/// `GetOrderParcelTracking`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ParcelTracking {
    pub tracking_url: Option<String>,
    pub waybill: Option<String>,
}

/// `GetOrderParcelAdvanced`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ParcelAdvanced {
    pub parcel_serial_number: Option<String>,
    pub weight: Option<f64>,
}

/// `GetOrderLine`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetOrderLine {
    pub id: i32,
    pub row_number: Option<String>,
    pub article: OrderArticle,
    pub comment: Option<String>,
    pub ordered_number_of_items: f64,
    pub allocated_number_of_items: f64,
    pub picked_number_of_items: f64,
    pub packed_number_of_items: f64,
    pub reported_number_of_items: Option<f64>,
    pub should_be_picked: bool,
    pub picked_article_items: Vec<PickedArticleItem>,
    pub serial_number: Option<String>,
    pub batch_number: Option<String>,
    pub reported_returned_number_of_items: Option<f64>,
    pub line_type: Option<CodeNamePair>,
    pub prices: Option<LinePrices>,
    pub customer_article_number: Option<String>,
    pub external_id: Option<String>,
    pub returned_number_of_items: f64,
    pub delivery_date: Option<String>,
    pub warehouse_instruction: Option<String>,
    pub vat: Option<LineVat>,
}

/// `GetOrderArticle`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OrderArticle {
    pub article_system_id: i32,
    pub article_number: Option<String>,
    pub article_name: Option<String>,
    pub product_code: Option<String>,
    pub article_kind: Option<String>,
}

/// `GetOrderLinePrices`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LinePrices {
    pub line_price: Option<f64>,
    pub customer_line_price: Option<f64>,
    pub currency_code: Option<String>,
    pub discount_percentage: Option<f64>,
}

/// `GetOrderPickedArticleItem`: one batch of items picked for a line.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PickedArticleItem {
    pub article_item_id: i32,
    pub number_of_items: f64,
    pub in_date: String,
    pub is_picked: bool,
    pub is_returned: bool,
    pub picked_time: Option<String>,
    pub original_article_item_id: i32,
    pub location_id: i32,
    pub parcel: Option<PickedItemParcel>,
}

/// `GetPickedArticleItemParcel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PickedItemParcel {
    pub id: i32,
    pub parcel_number: Option<String>,
}

/// `GetOrderTransporter`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetTransporter {
    pub transporter_name: Option<String>,
    pub name: Option<String>,
    pub code: Option<String>,
    pub service_code: Option<String>,
}

/// `GetOrderTracking`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetTracking {
    pub tracking_url: Option<String>,
    pub waybill: Option<String>,
    pub created: String,
}

/// `GetOrderShipmentInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ShipmentInfo {
    pub shipment_id: i32,
    pub parcels: Vec<ShipmentParcel>,
    pub waybill: Option<String>,
    pub return_waybill: Option<String>,
}

/// `GetOrderShipmentParcel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ShipmentParcel {
    pub id: i32,
    pub parcel_number: Option<String>,
    pub is_return_parcel: bool,
}

/// `GetOrderModelAdvanced`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OrderAdvanced {
    pub order_text_lines: Vec<OrderTextLine>,
}

/// `GetOrderStatusesModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct OrderStatuses {
    pub order_statuses: Vec<StatusNumberText>,
}

/// `GetOrderPickabilityModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PickabilityModel {
    pub pickability_results: Vec<PickabilityResult>,
}

/// `GetOrderPickabilityResult`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PickabilityResult {
    pub order_info: PickabilityOrderInfo,
    pub order_pickability: PickabilityInfo,
    pub order_lines: Vec<PickabilityLine>,
}

/// `GetOrderPickabilityOrderInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PickabilityOrderInfo {
    pub order_id: i32,
    pub order_number: Option<String>,
    pub goods_owner_order_id: Option<String>,
    pub order_status: StatusNumberText,
}

/// `GetOrderPickabilityInfo` / `GetOrderLinePickabilityInfo` (same properties; the nested
/// `expectedPickable` models are both `{expectedInDate, isPickableByAdvised}`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PickabilityInfo {
    pub pickability: Option<String>,
    pub pickability_with_move: Option<String>,
    pub pickability_from_picking_locations: Option<String>,
    pub expected_pickable: ExpectedPickable,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ExpectedPickable {
    pub expected_in_date: Option<String>,
    pub is_pickable_by_advised: bool,
}

/// `GetOrderPickabilityOrderLineInfo`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PickabilityLine {
    pub id: i32,
    pub article: PickabilityArticle,
    pub should_be_picked: bool,
    pub row_number: Option<String>,
    pub order_line_pickability: PickabilityInfo,
    pub ordered_number_of_items: f64,
    pub allocated_number_of_items: f64,
    pub picked_number_of_items: f64,
}

/// `GetOrderPickabilityArticle`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PickabilityArticle {
    pub id: i32,
    pub article_number: Option<String>,
    pub article_name: Option<String>,
    pub product_code: Option<String>,
    pub article_kind: Option<String>,
}
