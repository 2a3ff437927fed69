//! Flows 5 and 9 as a cycle: warehouse orders whose status changed since the last cycle in, shop
//! status writes (with tracking once sent) out.
//!
//! Only orders Brygga sent are followed (found by their warehouse order id). The warehouse status
//! read is recorded at once: it is a mirror of the warehouse, not a side effect, and the order
//! planner needs it to know which orders are locked.

use brygga_core::plan::statuses::{Followed, plan_statuses};
use brygga_core::schedule::Flow;
use brygga_ongoing::map::warehouse_order;
use brygga_ongoing::orders::OrderQuery;
use chrono::TimeDelta;

use crate::engine::Engine;
use crate::error::SyncError;
use crate::report::FlowReport;

/// The cursor of the warehouse's status-changed feed.
pub const CURSOR: &str = "warehouse.orders.status_changed";
/// How far each read reaches back before the cursor.
const OVERLAP: TimeDelta = TimeDelta::minutes(5);
/// Where the feed starts on the first cycle without a baseline.
const FIRST_LOOK_BACK: TimeDelta = TimeDelta::days(1);

impl Engine {
    pub(crate) async fn statuses_cycle(&self, dry_run: bool) -> Result<FlowReport, SyncError> {
        let mut report = FlowReport::new(Flow::Statuses, dry_run);
        let settings = self.settings()?;
        let started = self.now();
        let since = self
            .cursor(CURSOR)?
            .or(settings.baseline)
            .unwrap_or(started - FIRST_LOOK_BACK)
            - OVERLAP;
        let changed = self
            .remotes
            .warehouse
            .orders(&OrderQuery {
                status_changed_from: Some(since),
                ..OrderQuery::default()
            })
            .await?;
        report.count("read", changed.len());
        let baseline_ms = settings.baseline.map(|b| b.timestamp_millis());
        let mut followed = Vec::new();
        for order in &changed {
            let order = warehouse_order(order);
            let Some(link) = self
                .store
                .order_links()
                .by_warehouse_order_id(i64::from(order.warehouse_order_id))?
            else {
                report.count("notFromBrygga", 1);
                continue;
            };
            if !dry_run {
                self.warehouse_events(&link, &order)?;
                self.store.order_links().record_warehouse_status(
                    link.shop_order_id,
                    i64::from(order.status),
                    order.status_text.as_deref().unwrap_or_default(),
                    self.now_ms(),
                )?;
            }
            followed.push(Followed {
                shop_order_id: link.shop_order_id,
                identity: link.identity.clone(),
                shop_status: link.shop_status_id.unwrap_or_default(),
                shipping_method_id: link.shipping_method_id,
                baseline: link.baseline || baseline_ms.is_some_and(|b| link.shop_created_at_ms < b),
                last_written: link.shop_status_written,
                writes: link.status_writes,
                warehouse: order,
            });
        }
        let plan = plan_statuses(&followed, &settings.statuses, &settings.transport);
        report.count("baseline", plan.baseline);
        for (status, text) in &plan.unmapped {
            report.find(
                format!("warehouseStatus:{status}"),
                "status.unmapped",
                format!(
                    "warehouse status {status} ({}) has no rule in the status mapping",
                    text.as_deref().unwrap_or("no name")
                ),
            );
        }
        self.enqueue(plan.operations, &mut report)?;
        self.advance_cursor(CURSOR, started, dry_run)?;
        Ok(report)
    }
}
