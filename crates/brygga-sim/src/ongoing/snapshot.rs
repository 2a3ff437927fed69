//! Plain copies of the simulator's state for Rust callers (tests, the demo) to inspect without
//! going through HTTP, in the simulator's own words rather than Ongoing's JSON.

use chrono::{DateTime, Utc};

use super::stock::StockLedger;
use super::wms::{Article, Order, PurchaseOrder, ReturnOrder, Wms};

/// An article and its stock summed over all warehouses.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleSnapshot {
    pub article_system_id: i32,
    pub article_number: String,
    pub article_name: Option<String>,
    pub on_hand: f64,
    pub sellable: f64,
    pub booked: f64,
    pub allocated: f64,
    pub locked: f64,
    pub to_receive: f64,
    pub data_updated: DateTime<Utc>,
    pub stock_changed: DateTime<Utc>,
}

/// A customer order with its status and what the warehouse did with each line.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderSnapshot {
    pub order_id: i32,
    pub order_number: String,
    pub status_number: i32,
    pub status_text: Option<String>,
    pub status_changed: DateTime<Utc>,
    pub warehouse_id: i32,
    pub lines: Vec<OrderLineSnapshot>,
    pub way_bill: Option<String>,
    pub tracking_url: Option<String>,
    pub parcel_numbers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OrderLineSnapshot {
    pub order_line_id: i32,
    pub row_number: String,
    pub article_number: String,
    pub ordered: f64,
    pub allocated: f64,
    pub picked: f64,
    pub reported: f64,
    pub returned: f64,
}

/// A purchase order with advised and received quantities per line.
#[derive(Debug, Clone, PartialEq)]
pub struct PurchaseOrderSnapshot {
    pub purchase_order_id: i32,
    pub purchase_order_number: String,
    pub status_number: i32,
    pub lines: Vec<PurchaseOrderLineSnapshot>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PurchaseOrderLineSnapshot {
    pub row_number: String,
    pub article_number: String,
    pub advised: f64,
    pub received: f64,
}

/// A return order with expected and returned quantities per line.
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnOrderSnapshot {
    pub return_order_id: i32,
    pub return_order_number: String,
    pub order_id: i32,
    pub status_number: i32,
    pub lines: Vec<ReturnOrderLineSnapshot>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReturnOrderLineSnapshot {
    pub row_number: String,
    pub article_number: String,
    pub to_be_returned: f64,
    pub returned: f64,
    pub removed: f64,
}

fn article_number(wms: &Wms, article_id: i32) -> String {
    wms.articles
        .get(&article_id)
        .map(|article| article.data.article_number.clone())
        .unwrap_or_default()
}

pub(crate) fn article(wms: &Wms, article: &Article) -> ArticleSnapshot {
    let figures = StockLedger::compute(wms).total(article.id);
    ArticleSnapshot {
        article_system_id: article.id,
        article_number: article.data.article_number.clone(),
        article_name: article.data.article_name.clone(),
        on_hand: figures.on_hand,
        sellable: figures.sellable(),
        booked: figures.booked,
        allocated: figures.allocated,
        locked: figures.locked,
        to_receive: figures.to_receive,
        data_updated: article.data_updated,
        stock_changed: article.stock_changed,
    }
}

pub(crate) fn order(wms: &Wms, order: &Order) -> OrderSnapshot {
    OrderSnapshot {
        order_id: order.id,
        order_number: order.header.order_number.clone(),
        status_number: order.status,
        status_text: wms.order_statuses.text(order.status),
        status_changed: order.status_changed,
        warehouse_id: order.warehouse_id,
        lines: order
            .lines
            .iter()
            .map(|line| OrderLineSnapshot {
                order_line_id: line.id,
                row_number: line.data.row_number.clone(),
                article_number: line.data.article_number.clone(),
                ordered: line.ordered(),
                allocated: line.allocated,
                picked: line.picked,
                reported: line.reported,
                returned: line.returned,
            })
            .collect(),
        way_bill: order
            .shipment
            .as_ref()
            .map(|shipment| shipment.way_bill.clone()),
        tracking_url: order
            .shipment
            .as_ref()
            .and_then(|shipment| shipment.tracking_url.clone()),
        parcel_numbers: order
            .shipment
            .as_ref()
            .map(|shipment| {
                shipment
                    .parcels
                    .iter()
                    .map(|parcel| parcel.parcel_number.clone())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

pub(crate) fn purchase_order(wms: &Wms, purchase_order: &PurchaseOrder) -> PurchaseOrderSnapshot {
    PurchaseOrderSnapshot {
        purchase_order_id: purchase_order.id,
        purchase_order_number: purchase_order.header.purchase_order_number.clone(),
        status_number: purchase_order.status.number(),
        lines: purchase_order
            .lines
            .iter()
            .map(|line| PurchaseOrderLineSnapshot {
                row_number: line.row_number.clone(),
                article_number: article_number(wms, line.article_id),
                advised: line.advised,
                received: line.received,
            })
            .collect(),
    }
}

pub(crate) fn return_order(wms: &Wms, return_order: &ReturnOrder) -> ReturnOrderSnapshot {
    ReturnOrderSnapshot {
        return_order_id: return_order.id,
        return_order_number: return_order.header.return_order_number.clone(),
        order_id: return_order.order_id,
        status_number: return_order.status.number(),
        lines: return_order
            .lines
            .iter()
            .map(|line| ReturnOrderLineSnapshot {
                row_number: line.row_number.clone(),
                article_number: article_number(wms, line.article_id),
                to_be_returned: line.to_be_returned,
                returned: line.returned(),
                removed: line.removed(),
            })
            .collect(),
    }
}
