//! Flow 7 back from the warehouse: what arrived on Brygga's purchase orders.
//!
//! Two reads per cycle. The feed: purchase orders whose status changed, or that received goods,
//! since the cursor (a second day's partial receipt leaves the status as it was, so the status
//! feed alone would miss it). And a full check of every open purchase order when the last one is
//! older than [`FULL_CHECK_EVERY`], so nothing is lost to a feed the warehouse filled late. Each
//! read replaces the stored totals per article, so partial receipts over several days add up
//! exactly once however often they are read. Purchase orders Brygga did not create are counted
//! and left alone.

use std::collections::BTreeMap;

use brygga_core::inbound::InboundStage;
use brygga_core::schedule::Flow;
use brygga_ongoing::map_inbound::{WarehousePurchaseOrder, warehouse_purchase_order};
use brygga_ongoing::purchase_orders::PurchaseOrderQuery;
use brygga_store::PurchaseOrderState;
use chrono::{DateTime, TimeDelta, Utc};

use crate::engine::Engine;
use crate::error::SyncError;
use crate::report::FlowReport;

/// The cursor of the purchase order feed.
pub const CURSOR: &str = "warehouse.purchase_orders.changed";
/// When the last full check of open purchase orders started.
pub const FULL_CHECK: &str = "warehouse.purchase_orders.full_check";
/// How often every open purchase order is read in full.
pub const FULL_CHECK_EVERY: TimeDelta = TimeDelta::hours(6);
/// How far each feed read reaches back before the cursor.
const OVERLAP: TimeDelta = TimeDelta::minutes(5);
/// Where the feed starts on the first cycle.
const FIRST_LOOK_BACK: TimeDelta = TimeDelta::days(1);

impl Engine {
    pub(crate) async fn purchase_orders_cycle(
        &self,
        dry_run: bool,
    ) -> Result<FlowReport, SyncError> {
        let mut report = FlowReport::new(Flow::PurchaseOrders, dry_run);
        let started = self.now();
        let since = self.cursor(CURSOR)?.unwrap_or(started - FIRST_LOOK_BACK) - OVERLAP;
        let warehouse = &self.remotes.warehouse;
        let mut read: BTreeMap<i32, WarehousePurchaseOrder> = BTreeMap::new();
        for query in [
            PurchaseOrderQuery {
                status_changed_from: Some(since),
                ..PurchaseOrderQuery::default()
            },
            PurchaseOrderQuery {
                received_from: Some(since),
                ..PurchaseOrderQuery::default()
            },
        ] {
            for po in warehouse.purchase_orders(&query).await? {
                let po = warehouse_purchase_order(&po);
                read.insert(po.warehouse_purchase_order_id, po);
            }
        }
        report.count("read", read.len());
        let ours = self.store.purchase_orders().list()?;
        let full = self.full_check_due(started)?;
        if full {
            let mut checked = 0;
            for po in &ours {
                let open = po.state != PurchaseOrderState::Cancelled
                    && po.sent_generation.is_some()
                    && po.warehouse_id.is_some_and(|id| {
                        i32::try_from(id).is_ok_and(|id| !read.contains_key(&id))
                    })
                    && po.warehouse_status.is_none_or(|status| {
                        matches!(
                            InboundStage::of(i32::try_from(status).unwrap_or(0), false),
                            InboundStage::Advised | InboundStage::Receiving
                        )
                    });
                let Some(id) = po.warehouse_id.and_then(|id| i32::try_from(id).ok()) else {
                    continue;
                };
                if open {
                    let found = warehouse.purchase_order(id).await?;
                    read.insert(id, warehouse_purchase_order(&found));
                    checked += 1;
                }
            }
            report.count("fullCheck", checked);
        }
        let mut recorded = 0;
        for po in read.values() {
            let Some(number) = po.number.as_deref() else {
                continue;
            };
            let Some(ours) = ours.iter().find(|ours| ours.number == number) else {
                report.count("notFromBrygga", 1);
                continue;
            };
            if !dry_run {
                self.record_purchase_order(&ours.number, po)?;
            }
            recorded += 1;
            if po.anything_received() {
                report.count("withReceipts", 1);
            }
        }
        report.count("recorded", recorded);
        if !dry_run && full {
            self.store
                .cursors()
                .set(FULL_CHECK, &started.to_rfc3339(), self.now_ms())?;
        }
        self.advance_cursor(CURSOR, started, dry_run)?;
        Ok(report)
    }

    fn full_check_due(&self, now: DateTime<Utc>) -> Result<bool, SyncError> {
        Ok(self
            .cursor(FULL_CHECK)?
            .is_none_or(|last| now - last >= FULL_CHECK_EVERY))
    }
}
