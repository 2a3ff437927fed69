//! Flow 8 back from the warehouse: customer returns, announced by the merchant or registered by
//! the 3PL itself (unclaimed parcels, returns that arrived without notice).
//!
//! Ongoing's return order list has no paging and no changed-since filter (only "goods returned
//! after"), and a return the 3PL registers before any goods arrive would not show in that feed,
//! so each cycle reads the goods owner's return orders in one call. A return not seen before is
//! stored, linked to its shop order by the warehouse's customer order number; one whose goods
//! arrived is marked so the dashboard asks the merchant to refund or close it. The merchant's
//! handling of a known return is never touched.

use brygga_core::returns::ReturnKind;
use brygga_core::schedule::Flow;
use brygga_ongoing::return_orders::{ReturnOrder, ReturnOrderQuery};
use brygga_store::{ReturnRecord, Store, StoreError};

use crate::engine::Engine;
use crate::error::SyncError;
use crate::report::FlowReport;

/// The kind of a return the warehouse registered itself.
fn warehouse_kind(order: &ReturnOrder) -> ReturnKind {
    let unclaimed = order
        .return_order_lines
        .iter()
        .any(|line| line.cause_code() == Some("UNCLAIMED"))
        || order.number().is_some_and(|n| n.contains("UNCLAIMED"));
    if unclaimed {
        ReturnKind::Unclaimed
    } else {
        ReturnKind::Unannounced
    }
}

/// Stores the return orders not seen before and records arrivals, all in one transaction;
/// returns (seen, with goods).
pub fn record_return_orders(
    store: &Store,
    orders: &[ReturnOrder],
    now_ms: i64,
) -> Result<(usize, usize), StoreError> {
    store.atomically(|w| {
        let mut seen = 0;
        let mut arrived = 0;
        for order in orders {
            let Some(number) = order.number().filter(|n| !n.is_empty()) else {
                continue;
            };
            let order_number = order
                .customer_order_info
                .as_ref()
                .and_then(|info| info.order_number.clone())
                .filter(|n| !n.is_empty());
            w.return_seen(&ReturnRecord {
                number: number.to_owned(),
                warehouse_id: Some(i64::from(order.return_order_info.return_order_id)),
                order_number,
                kind: warehouse_kind(order).as_str().to_owned(),
                cause: None,
                note: order.return_order_info.comment.clone(),
                state: "announced".to_owned(),
                handling_note: None,
                refund_minor: None,
                refund_currency: None,
                arrived_at_ms: None,
                comment_generation: 0,
                created_at_ms: now_ms,
                updated_at_ms: now_ms,
            })?;
            seen += 1;
            let has_goods = order
                .return_order_lines
                .iter()
                .any(|line| line.returned_number_of_items > 0.0);
            if has_goods {
                w.return_arrived(number, now_ms)?;
                arrived += 1;
            }
        }
        Ok((seen, arrived))
    })
}

impl Engine {
    pub(crate) async fn returns_cycle(&self, dry_run: bool) -> Result<FlowReport, SyncError> {
        let mut report = FlowReport::new(Flow::Returns, dry_run);
        let orders = self
            .remotes
            .warehouse
            .return_orders(&ReturnOrderQuery::default())
            .await?;
        report.count("read", orders.len());
        if !dry_run {
            let (seen, arrived) = record_return_orders(&self.store, &orders, self.now_ms())?;
            report.count("recorded", seen);
            report.count("withGoods", arrived);
        }
        Ok(report)
    }
}
