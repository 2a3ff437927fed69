//! Flow 6 and the reconciliation as cycles.
//!
//! The regular cycle reads the articles whose stock changed in the warehouse since the last cycle
//! (Ongoing keeps that feed for 24 hours; an older cursor falls back to reading every article) and
//! compares each with the quantity Brygga last wrote, so the shop's own decrements for new orders
//! are not undone. The reconciliation reads every article on both sides, compares with what the
//! shop shows now, reports each difference, and corrects it unless told to report only.

use std::collections::BTreeMap;
use std::sync::Arc;

use brygga_core::operation::Operation;
use brygga_core::plan::stock::{ShopStock, StockPlan, StockState, plan_stock};
use brygga_core::schedule::Flow;
use brygga_ongoing::articles::ArticleQuery;
use brygga_starweb::map::Catalogue;
use brygga_store::OutboxRow;
use chrono::{DateTime, TimeDelta, Utc};

use crate::engine::Engine;
use crate::error::SyncError;
use crate::report::FlowReport;

/// The cursor of the warehouse's stock-changed feed.
pub const CURSOR: &str = "warehouse.stock_changed";
/// Setting: the reconciliation reports differences without correcting them.
pub const RECONCILE_REPORT_ONLY: &str = "sync.reconcile_report_only";
const OVERLAP: TimeDelta = TimeDelta::minutes(5);
/// Ongoing refuses a stock-changed cursor older than 24 hours; stay clear of the edge.
const FEED_REACH: TimeDelta = TimeDelta::hours(23);

/// Both sides' stock as read, and the plan made from it.
#[derive(Debug)]
pub(crate) struct StockReading {
    /// Sellable quantity by SKU, for the stock articles read.
    pub(crate) warehouse: BTreeMap<String, f64>,
    pub(crate) catalogue: Arc<Catalogue>,
    pub(crate) plan: StockPlan,
}

impl Engine {
    pub(crate) async fn stock_cycle(
        &self,
        dry_run: bool,
        full: bool,
    ) -> Result<FlowReport, SyncError> {
        let flow = if full { Flow::Reconcile } else { Flow::Stock };
        let mut report = FlowReport::new(flow, dry_run);
        let started = self.now();
        let since = (!full)
            .then(|| self.cursor(CURSOR))
            .transpose()?
            .flatten()
            .map(|c| c - OVERLAP)
            .filter(|since| started - *since < FEED_REACH);
        let report_only = full
            && self
                .store
                .settings()
                .get::<bool>(RECONCILE_REPORT_ONLY)?
                .unwrap_or(false);
        let reading = self.read_stock(since, full, report_only).await?;
        let plan = &reading.plan;
        report.count("read", reading.warehouse.len());
        report.count("unchanged", plan.unchanged);
        report.count("differences", plan.differences.len());
        if full {
            for difference in &plan.differences {
                report.find(
                    format!("stock:{}", difference.sku),
                    "stock.difference",
                    format!(
                        "the shop shows {}, the warehouse can sell {}",
                        difference.shop, difference.should_be
                    ),
                );
            }
        }
        for sku in &plan.not_in_shop {
            report.find(
                format!("stock:{sku}"),
                "stock.notInShop",
                "the warehouse has stock of an article the shop does not sell".to_owned(),
            );
        }
        if !dry_run {
            self.record_stock_read(&reading, full)?;
        }
        self.enqueue(reading.plan.operations, &mut report)?;
        self.advance_cursor(CURSOR, started, dry_run)?;
        Ok(report)
    }

    /// Reads the warehouse's sellable stock (the articles changed `since`, or all of them) and the
    /// shop's, and plans what to write. `full` compares with what the shop shows now (the
    /// reconciliation); otherwise with what Brygga last wrote, so the shop's own decrements for
    /// new orders are not undone.
    pub(crate) async fn read_stock(
        &self,
        since: Option<DateTime<Utc>>,
        full: bool,
        report_only: bool,
    ) -> Result<StockReading, SyncError> {
        let articles = self
            .remotes
            .warehouse
            .articles(&ArticleQuery {
                stock_info_changed_from: since,
                ..ArticleQuery::default()
            })
            .await?;
        let mut warehouse: BTreeMap<String, f64> = articles
            .iter()
            .filter(|a| a.is_stock_article != Some(false))
            .filter_map(|a| {
                let sku = a.article_number.clone()?;
                Some((sku, a.inventory_info.as_ref()?.sellable_number_of_items))
            })
            .collect();
        self.restrict_to_warehouses(&mut warehouse, since).await?;
        let skus: Vec<&str> = warehouse.keys().map(String::as_str).collect();
        let catalogue = if full {
            self.catalogue_now(true).await?
        } else {
            self.catalogue(&skus).await?
        };
        let levels = self.store.stock_levels().all()?;
        let shop: BTreeMap<String, ShopStock> = catalogue
            .stock
            .iter()
            .map(|(sku, stock)| {
                let written = levels.get(sku).and_then(|l| l.written_quantity);
                let quantity = match (full, stock.quantity) {
                    (false, Some(live)) => Some(written.unwrap_or(live)),
                    (_, quantity) => quantity,
                };
                (sku.clone(), ShopStock { quantity, ..*stock })
            })
            .collect();
        let generations = levels
            .iter()
            .map(|(sku, l)| (sku.clone(), l.written_generation))
            .collect();
        let pending = self.pending_in_shop()?;
        let plan = plan_stock(StockState {
            warehouse: &warehouse,
            shop: &shop,
            pending: &pending,
            generations: &generations,
            report_only,
        });
        Ok(StockReading {
            warehouse,
            catalogue,
            plan,
        })
    }

    /// Records what a stock reading saw on each side (`live` shop quantities only when the shop
    /// was read whole).
    pub(crate) fn record_stock_read(
        &self,
        reading: &StockReading,
        live: bool,
    ) -> Result<(), SyncError> {
        let now_ms = self.now_ms();
        for (sku, sellable) in &reading.warehouse {
            let shop = live
                .then(|| reading.catalogue.stock.get(sku).and_then(|s| s.quantity))
                .flatten();
            self.store
                .stock_levels()
                .record_read(sku, Some(*sellable), shop, now_ms)?;
        }
        Ok(())
    }

    /// Items per SKU on shop orders queued for the warehouse but not yet accepted: the shop has
    /// already taken them off its stock, the warehouse has not.
    fn pending_in_shop(&self) -> Result<BTreeMap<String, i64>, SyncError> {
        let mut pending = BTreeMap::new();
        let rows: Vec<OutboxRow> = self.store.outbox().open_of_kind("warehouse.upsert_order")?;
        for row in rows {
            if let Ok(Operation::SendOrder {
                draft,
                generation: 0,
                ..
            }) = serde_json::from_value(row.payload)
            {
                for line in draft.lines.iter().filter(|l| l.pick) {
                    *pending.entry(line.sku.clone()).or_default() += line.quantity;
                }
            }
        }
        Ok(pending)
    }
}
