//! The records of customer orders: what the merchant sent, and what the warehouse picked and
//! shipped.

use chrono::{DateTime, Utc};

use crate::ongoing::wire::order::{PostOrder, PostOrderLine};

/// A customer order.
#[derive(Debug, Clone)]
pub(crate) struct Order {
    pub id: i32,
    pub warehouse_id: i32,
    pub consignee_id: i32,
    pub status: i32,
    /// The header as last sent, with `order_lines` taken out.
    pub header: PostOrder,
    pub delivery_date: DateTime<Utc>,
    pub lines: Vec<OrderLine>,
    pub created: DateTime<Utc>,
    pub header_updated: DateTime<Utc>,
    pub status_changed: DateTime<Utc>,
    pub shipment: Option<Shipment>,
    pub last_returned: Option<DateTime<Utc>>,
}

/// One order line: what the merchant ordered and what the warehouse did with it.
#[derive(Debug, Clone)]
pub(crate) struct OrderLine {
    pub id: i32,
    pub article_id: i32,
    pub data: PostOrderLine,
    pub should_be_picked: bool,
    /// Reserved for the line, including what has since been picked.
    pub allocated: f64,
    pub picked: f64,
    pub reported: f64,
    pub returned: f64,
    pub reported_returned: f64,
    pub picks: Vec<PickedBatch>,
}

impl OrderLine {
    pub(crate) fn ordered(&self) -> f64 {
        self.data.number_of_items
    }

    /// Items still to pick on a line the warehouse picks at all.
    pub(crate) fn unpicked(&self) -> f64 {
        if self.should_be_picked {
            (self.ordered() - self.picked).max(0.0)
        } else {
            0.0
        }
    }
}

/// Items picked in one go for one line.
#[derive(Debug, Clone)]
pub(crate) struct PickedBatch {
    pub article_item_id: i32,
    pub number_of_items: f64,
    pub picked_at: DateTime<Utc>,
    pub parcel_id: Option<i32>,
}

/// What the warehouse recorded when it shipped the order.
#[derive(Debug, Clone)]
pub(crate) struct Shipment {
    pub id: i32,
    pub shipped_at: DateTime<Utc>,
    pub way_bill: String,
    pub tracking_url: Option<String>,
    pub parcels: Vec<Parcel>,
}

#[derive(Debug, Clone)]
pub(crate) struct Parcel {
    pub id: i32,
    pub parcel_number: String,
    pub waybill: Option<String>,
    pub tracking_url: Option<String>,
    pub weight: Option<f64>,
}
