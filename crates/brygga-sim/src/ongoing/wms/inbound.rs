//! The records of goods coming in: purchase orders with their receipts, return orders with
//! their returned items, and the goods owner's return causes.

use chrono::{DateTime, Utc};

use crate::ongoing::statuses::{PurchaseOrderStatus, ReturnOrderStatus};
use crate::ongoing::wire::CodeNamePair;
use crate::ongoing::wire::purchase_order::{PostPurchaseOrder, PostPurchaseOrderLine};
use crate::ongoing::wire::return_order::PostReturnOrder;

/// A purchase order: goods the merchant expects from a supplier.
#[derive(Debug, Clone)]
pub(crate) struct PurchaseOrder {
    pub id: i32,
    pub warehouse_id: i32,
    pub status: PurchaseOrderStatus,
    /// The header as last sent, with `purchase_order_lines` taken out.
    pub header: PostPurchaseOrder,
    pub lines: Vec<PurchaseOrderLine>,
    pub created: DateTime<Utc>,
    pub status_changed: DateTime<Utc>,
    pub head_or_lines_changed: DateTime<Utc>,
    pub last_received: Option<DateTime<Utc>>,
}

/// One purchase-order line. A line the warehouse added for an article that was not advised has no
/// request data and an advised quantity of zero.
#[derive(Debug, Clone)]
pub(crate) struct PurchaseOrderLine {
    pub id: i32,
    pub row_number: String,
    pub article_id: i32,
    pub data: Option<PostPurchaseOrderLine>,
    pub advised: f64,
    pub received: f64,
    pub reported: f64,
    pub items: Vec<ReceivedBatch>,
}

/// Items received in one go into one item status.
#[derive(Debug, Clone)]
pub(crate) struct ReceivedBatch {
    pub article_item_id: i32,
    pub number_of_items: f64,
    pub received_at: DateTime<Utc>,
    pub item_status: Option<CodeNamePair>,
    pub locked: bool,
    pub locked_for_sale: bool,
    pub comment: Option<String>,
}

/// A return order against a customer order.
#[derive(Debug, Clone)]
pub(crate) struct ReturnOrder {
    pub id: i32,
    pub order_id: i32,
    pub warehouse_id: i32,
    pub status: ReturnOrderStatus,
    /// The header as last sent, with `return_order_lines` emptied.
    pub header: PostReturnOrder,
    pub lines: Vec<ReturnOrderLine>,
    pub created: DateTime<Utc>,
    pub arrived: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub(crate) struct ReturnOrderLine {
    pub id: i32,
    pub row_number: String,
    pub order_line_id: i32,
    pub article_id: i32,
    pub to_be_returned: f64,
    pub cause: Option<CodeNamePair>,
    pub items: Vec<ReturnedBatch>,
}

impl ReturnOrderLine {
    pub(crate) fn returned(&self) -> f64 {
        self.items.iter().map(|item| item.number_of_items).sum()
    }

    pub(crate) fn removed(&self) -> f64 {
        self.items
            .iter()
            .filter(|item| item.removed)
            .map(|item| item.number_of_items)
            .sum()
    }
}

/// Items that came back in one go.
#[derive(Debug, Clone)]
pub(crate) struct ReturnedBatch {
    pub number_of_items: f64,
    pub returned_at: DateTime<Utc>,
    pub cause: Option<CodeNamePair>,
    pub item_status: Option<CodeNamePair>,
    /// Scrapped instead of put back into stock.
    pub removed: bool,
    pub comment: Option<String>,
}

/// One of the goods owner's return causes.
#[derive(Debug, Clone)]
pub(crate) struct ReturnCause {
    pub id: i32,
    pub code: &'static str,
    pub name: &'static str,
    /// Items returned with this cause are taken out of stock rather than put back.
    pub is_remove_cause: bool,
}

impl ReturnCause {
    /// The causes a Swedish web shop's returns fall into (`product.md` flow 8).
    pub(super) fn standard() -> Vec<Self> {
        vec![
            Self {
                id: 1,
                code: "REGRET",
                name: "Ångerköp",
                is_remove_cause: false,
            },
            Self {
                id: 2,
                code: "COMPLAINT",
                name: "Reklamation",
                is_remove_cause: true,
            },
            Self {
                id: 3,
                code: "UNCLAIMED",
                name: "Ej uthämtat paket",
                is_remove_cause: false,
            },
            Self {
                id: 4,
                code: "WRONG_ITEM",
                name: "Fel vara levererad",
                is_remove_cause: false,
            },
        ]
    }

    pub(crate) fn code_name(&self) -> CodeNamePair {
        CodeNamePair::new(self.code, self.name)
    }
}
