//! Flows 2 and 3 as a cycle: shop orders changed since the last cycle (and every order still held
//! for the merchant, so a fixed mapping releases it) in, the order plan out.
//!
//! Starweb has no "changed since" filter for orders, so the list is read newest change first until
//! it reaches back past the cursor; the cursor overlaps the previous cycle by a few minutes, which
//! is harmless because planning is idempotent. The cursor moves only after the cycle's operations
//! are in the outbox.

use std::collections::{BTreeMap, BTreeSet};

use brygga_core::order::{OrderProblem, ShopOrder, WarehouseOrder};
use brygga_core::plan::orders::{Link, OrderState, SentOrder, plan_orders};
use brygga_core::schedule::Flow;
use brygga_ongoing::map::warehouse_order;
use brygga_ongoing::orders::OrderQuery as WarehouseQuery;
use brygga_starweb::map::shop_order;
use brygga_starweb::orders::OrderQuery;
use brygga_store::OrderLink;
use chrono::{DateTime, TimeDelta, Utc};

use crate::engine::Engine;
use crate::error::SyncError;
use crate::order_events;
use crate::report::FlowReport;

/// The cursor of the shop's order list: the time the last cycle started reading.
pub const CURSOR: &str = "shop.orders.modified";
/// How far each read reaches back before the cursor.
const OVERLAP: TimeDelta = TimeDelta::minutes(10);
/// Order numbers checked in the warehouse per request.
const NUMBERS_PER_LOOKUP: usize = 50;
/// The `source` of holds the planner sets (and clears when the reason is gone).
pub(crate) const PLAN_HOLD: &str = "plan";

impl Engine {
    pub(crate) async fn orders_cycle(&self, dry_run: bool) -> Result<FlowReport, SyncError> {
        let mut report = FlowReport::new(Flow::Orders, dry_run);
        let settings = self.settings()?;
        let started = self.now();
        let rules = settings.effective_order_rules(started);
        let orders = self.changed_shop_orders(rules.start, &mut report).await?;
        report.count("read", orders.len());

        let links: BTreeMap<i64, OrderLink> = orders
            .iter()
            .filter_map(|o| self.store.order_links().get(o.order_id).transpose())
            .map(|link| link.map(|l| (l.shop_order_id, l)))
            .collect::<Result<_, _>>()?;
        // Every order read is looked up in the warehouse: the unsent ones for the number-reuse
        // check, the sent ones for their status now. The status last recorded comes from the
        // status flow, which may not have run since the warehouse started on the order; planning
        // a change or a cancellation from it would send what the warehouse must refuse (and the
        // refusal would end as a dead call instead of a "change refused" hold).
        let numbers: Vec<String> = orders.iter().map(|o| o.order_id.to_string()).collect();
        let mut warehouse_by_number = self.warehouse_orders_numbered(&numbers).await?;
        let mut core_links: BTreeMap<i64, Link> =
            links.iter().map(|(id, l)| (*id, core_link(l))).collect();
        for order in &orders {
            let number = order.order_id.to_string();
            let Some(link) = core_links.get_mut(&order.order_id) else {
                continue;
            };
            let Some(sent) = link.sent.filter(|_| link.identity == order.identity()) else {
                continue;
            };
            // Sent: the planner reads the fresh status; the number-reuse check is not for it.
            if let Some(theirs) = warehouse_by_number.remove(&number)
                && sent.warehouse_order_id == Some(theirs.warehouse_order_id)
            {
                link.warehouse_status = Some(theirs.status);
            }
        }
        let skus: Vec<&str> = orders
            .iter()
            .flat_map(|o| o.lines.iter().filter_map(|l| l.sku.as_deref()))
            .collect();
        let catalogue = self.catalogue(&skus).await?;
        let by_sku = catalogue
            .articles
            .iter()
            .map(|a| (a.sku.clone(), a.clone()))
            .collect();
        let plan = plan_orders(OrderState {
            shop_orders: &orders,
            links: &core_links,
            warehouse_by_number: &warehouse_by_number,
            catalogue: &by_sku,
            rules: &rules,
            statuses: &settings.statuses,
            transport: &settings.transport,
        });
        report.count("unchanged", plan.unchanged);
        report.count("skipped", plan.skipped.len());
        report.count("held", plan.held.len());
        for (id, problems) in &plan.held {
            report.find(
                format!("order:{id}"),
                hold_code(problems),
                messages(problems),
            );
        }
        if !dry_run {
            let now_ms = self.now_ms();
            for order in &orders {
                let stored = self.store.order_links().record_seen(
                    order.order_id,
                    &order.identity(),
                    order.created_at.timestamp_millis(),
                    Some(order.status_id),
                    order.shipping_method_id,
                    now_ms,
                )?;
                self.store.order_links().record_paid(
                    order.order_id,
                    order.payment_secured,
                    now_ms,
                )?;
                let planner_hold = stored
                    .hold
                    .as_ref()
                    .is_some_and(|h| h.get("source").and_then(|s| s.as_str()) == Some(PLAN_HOLD));
                let hold = plan.held.get(&order.order_id).map(|p| hold_json(p));
                let before = links.get(&order.order_id);
                for (kind, payload) in order_events::seen_events(before, order) {
                    self.order_event(order.order_id, kind, payload)?;
                }
                if hold.is_some() || planner_hold {
                    if let Some((kind, payload)) =
                        order_events::hold_event(stored.hold.as_ref(), hold.as_ref())
                    {
                        self.order_event(order.order_id, kind, payload)?;
                    }
                    self.store
                        .order_links()
                        .set_hold(order.order_id, hold, now_ms)?;
                }
            }
        }
        self.enqueue(plan.operations, &mut report)?;
        self.advance_cursor(CURSOR, started, dry_run)?;
        Ok(report)
    }

    /// Orders changed since the cursor (or since `start` on the first cycle), and every order the
    /// planner is holding, each read once.
    async fn changed_shop_orders(
        &self,
        start: DateTime<Utc>,
        report: &mut FlowReport,
    ) -> Result<Vec<ShopOrder>, SyncError> {
        let since = self.cursor(CURSOR)?.map_or(start, |c| c.max(start)) - OVERLAP;
        let query = OrderQuery {
            created_after: Some((start - OVERLAP).fixed_offset()),
            ..OrderQuery::default()
        };
        let mut wire = self
            .remotes
            .shop
            .orders_modified_since(&query, since.fixed_offset())
            .await?;
        let mut seen: BTreeSet<i32> = wire.iter().map(|o| o.order_id).collect();
        for link in self.store.order_links().list_held()? {
            let planner_hold = link
                .hold
                .as_ref()
                .and_then(|h| h.get("source"))
                .and_then(|s| s.as_str())
                == Some(PLAN_HOLD);
            let Ok(id) = i32::try_from(link.shop_order_id) else {
                continue;
            };
            if planner_hold && seen.insert(id) {
                match self.remotes.shop.order(id).await {
                    Ok(order) => wire.push(order),
                    Err(err) if err.is_not_found() => {}
                    Err(err) => return Err(err.into()),
                }
            }
        }
        let mut orders = Vec::with_capacity(wire.len());
        for order in &wire {
            match shop_order(order) {
                Ok(order) => orders.push(order),
                Err(err) => report.find(
                    format!("order:{}", order.order_id),
                    "order.unreadable",
                    err.to_string(),
                ),
            }
        }
        orders.sort_by_key(|o| o.order_id);
        Ok(orders)
    }

    /// The warehouse's orders with these numbers, read in batches.
    pub(crate) async fn warehouse_orders_numbered(
        &self,
        numbers: &[String],
    ) -> Result<BTreeMap<String, WarehouseOrder>, SyncError> {
        let mut found = BTreeMap::new();
        for batch in numbers.chunks(NUMBERS_PER_LOOKUP) {
            let orders = self
                .remotes
                .warehouse
                .orders(&WarehouseQuery {
                    order_numbers: batch.to_vec(),
                    ..WarehouseQuery::default()
                })
                .await?;
            for order in &orders {
                let order = warehouse_order(order);
                found.insert(order.order_number.clone(), order);
            }
        }
        Ok(found)
    }
}

/// The planner's view of a stored link.
pub(crate) fn core_link(link: &OrderLink) -> Link {
    let sent = link
        .sent_hash
        .as_deref()
        .and_then(|h| h.parse().ok())
        .map(|hash| SentOrder {
            hash,
            generation: link.sent_generation,
            warehouse_order_id: link
                .warehouse_order_id
                .and_then(|id| i32::try_from(id).ok()),
        });
    Link {
        identity: link.identity.clone(),
        sent,
        warehouse_status: link.warehouse_status.and_then(|s| i32::try_from(s).ok()),
        cancelled: link.cancelled,
    }
}

/// The hold stored with an order: the first reason's code, every reason in words, and the list.
pub(crate) fn hold_json(problems: &[OrderProblem]) -> serde_json::Value {
    serde_json::json!({
        "code": hold_code(problems),
        "message": messages(problems),
        "source": PLAN_HOLD,
        "problems": problems,
    })
}

fn hold_code(problems: &[OrderProblem]) -> &'static str {
    match problems.first() {
        Some(OrderProblem::NumberReused { .. }) => "order.numberReused",
        Some(OrderProblem::NoShippingMethod) => "order.noShippingMethod",
        Some(OrderProblem::UnmappedShippingMethod { .. }) => "order.unmappedShippingMethod",
        Some(OrderProblem::UnknownCurrency { .. }) => "order.unknownCurrency",
        Some(OrderProblem::UnknownArticle { .. }) => "order.unknownArticle",
        Some(OrderProblem::MissingAddress { .. }) => "order.missingAddress",
        Some(OrderProblem::ChangeRefused) => "order.changeRefused",
        Some(OrderProblem::CancelRefused) => "order.cancelRefused",
        Some(OrderProblem::WarehouseRefused { .. }) => "order.warehouseRefused",
        None => "order.held",
    }
}

fn messages(problems: &[OrderProblem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}
