//! Purchase orders between Brygga's words (`brygga_core::inbound`) and Ongoing's wire types.
//!
//! The advised date travels as `inDate` at midnight UTC of the expected day, the reference as the
//! supplier's order number and the merchant's free text as the purchase order remark. Quantities
//! come back as whole units (Brygga advises whole units; a fraction received is rounded).

use brygga_core::inbound::{PurchaseOrderDraft, ReceivedLine};
use chrono::{NaiveTime, TimeZone, Utc};

use crate::purchase_orders::{
    PurchaseOrder, PurchaseOrderLineUpsert, PurchaseOrderUpsert, Supplier,
};

/// The pre-advice of a purchase order, lines numbered 1, 2, … in the merchant's order.
pub fn purchase_order_upsert(draft: &PurchaseOrderDraft) -> PurchaseOrderUpsert {
    PurchaseOrderUpsert {
        purchase_order_number: draft.number.clone(),
        supplier_order_number: draft.reference.clone().filter(|r| !r.trim().is_empty()),
        in_date: draft
            .expected
            .map(|day| Utc.from_utc_datetime(&day.and_time(NaiveTime::MIN))),
        supplier_info: Some(Supplier {
            supplier_number: None,
            supplier_name: Some(draft.supplier.trim().to_owned()),
        }),
        purchase_order_remark: draft.remark.clone().filter(|r| !r.trim().is_empty()),
        purchase_order_lines: draft
            .lines
            .iter()
            .enumerate()
            .map(|(index, line)| PurchaseOrderLineUpsert {
                row_number: (index + 1).to_string(),
                article_number: line.sku.clone(),
                number_of_items: line.quantity as f64,
                ..PurchaseOrderLineUpsert::default()
            })
            .collect(),
        ..PurchaseOrderUpsert::default()
    }
}

/// A purchase order as the warehouse has it, in Brygga's words.
#[derive(Debug, Clone, PartialEq)]
pub struct WarehousePurchaseOrder {
    pub warehouse_purchase_order_id: i32,
    pub number: Option<String>,
    pub status: i32,
    pub status_text: Option<String>,
    /// Per article, advised, received and rejected; lines of the same article are added up.
    pub lines: Vec<ReceivedLine>,
}

impl WarehousePurchaseOrder {
    pub fn anything_received(&self) -> bool {
        self.lines.iter().any(|line| line.received > 0)
    }
}

/// Reads a purchase order's receipt state.
pub fn warehouse_purchase_order(po: &PurchaseOrder) -> WarehousePurchaseOrder {
    let mut lines: Vec<ReceivedLine> = Vec::new();
    for line in &po.purchase_order_lines {
        let sku = line.article_number().unwrap_or_default().to_owned();
        let advised = line.advised_number_of_items.round() as i64;
        let received = line.received_number_of_items.round() as i64;
        let rejected = line.rejected_number_of_items().round() as i64;
        match lines.iter_mut().find(|l| l.sku == sku) {
            Some(known) => {
                known.advised += advised;
                known.received += received;
                known.rejected += rejected;
            }
            None => lines.push(ReceivedLine {
                sku,
                advised,
                received,
                rejected,
            }),
        }
    }
    let status = po.purchase_order_info.purchase_order_status.as_ref();
    WarehousePurchaseOrder {
        warehouse_purchase_order_id: po.purchase_order_info.purchase_order_id,
        number: po.purchase_order_info.purchase_order_number.clone(),
        status: status.map_or(0, |s| s.number),
        status_text: status.and_then(|s| s.text.clone()),
        lines,
    }
}
