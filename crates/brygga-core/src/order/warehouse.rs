//! The order Brygga sends to the warehouse, and the warehouse's order as read back.

use serde::{Deserialize, Serialize};

use crate::hash::ContentHash;
use crate::order::shop::{Address, Contact};

/// Whether and where the warehouse notifies the consignee.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notify {
    pub email: Option<String>,
    pub sms: Option<String>,
}

/// One line to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DraftLine {
    /// The shop's line id, so changes follow the same warehouse line.
    pub row: String,
    pub sku: String,
    pub quantity: i64,
    /// False for services and fees that ride along unpicked.
    pub pick: bool,
    pub description: String,
}

/// An order as Brygga asks the warehouse to ship it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WarehouseOrderDraft {
    pub order_number: String,
    /// The date the goods should leave, RFC 3339.
    pub delivery_date: String,
    pub consignee: Address,
    pub customer_number: Option<String>,
    pub notify: Notify,
    pub contact: Contact,
    pub transporter_code: String,
    pub transporter_service_code: String,
    pub pickup_point: Option<String>,
    pub remark: Option<String>,
    pub lines: Vec<DraftLine>,
}

impl WarehouseOrderDraft {
    /// The hash of everything the warehouse receives, to send a changed order once.
    pub fn content_hash(&self) -> ContentHash {
        let a = &self.consignee;
        let mut fields: Vec<Option<String>> = vec![
            Some(self.order_number.clone()),
            Some(self.delivery_date.clone()),
            a.name.clone(),
            a.company.clone(),
            a.street.clone(),
            a.care_of.clone(),
            a.post_code.clone(),
            a.city.clone(),
            a.country_code.clone(),
            self.customer_number.clone(),
            self.notify.email.clone(),
            self.notify.sms.clone(),
            self.contact.email.clone(),
            self.contact.phone.clone(),
            Some(self.transporter_code.clone()),
            Some(self.transporter_service_code.clone()),
            self.pickup_point.clone(),
            self.remark.clone(),
        ];
        for line in &self.lines {
            fields.push(Some(line.row.clone()));
            fields.push(Some(line.sku.clone()));
            fields.push(Some(line.quantity.to_string()));
            fields.push(Some(line.pick.to_string()));
            fields.push(Some(line.description.clone()));
        }
        let borrowed: Vec<Option<&str>> = fields.iter().map(Option::as_deref).collect();
        ContentHash::of(&borrowed)
    }
}

/// A parcel the warehouse shipped, with what the customer can follow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShippedParcel {
    pub parcel_number: Option<String>,
    pub tracking_url: Option<String>,
}

/// One line as the warehouse reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WarehouseOrderLine {
    pub line_id: i32,
    pub row: Option<String>,
    pub sku: Option<String>,
    pub ordered: f64,
    pub picked: f64,
    /// False for services and fees that ride along unpicked.
    pub pick: bool,
}

/// An order as the warehouse reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WarehouseOrder {
    pub warehouse_order_id: i32,
    pub order_number: String,
    /// The 3PL's own status number; its meaning comes from the status mapping.
    pub status: i32,
    pub status_text: Option<String>,
    pub waybill: Option<String>,
    pub tracking_url: Option<String>,
    pub parcels: Vec<ShippedParcel>,
    pub lines: Vec<WarehouseOrderLine>,
    /// Consignee name and e-mail as the warehouse has them, to recognise whose order it is.
    pub consignee_name: Option<String>,
    pub consignee_email: Option<String>,
}
