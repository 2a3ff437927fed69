//! Flow 6 and the reconciliation as cycles.
//!
//! The regular cycle reads the articles whose stock changed in the warehouse since the last cycle
//! (Ongoing keeps that feed for 24 hours; an older cursor falls back to reading every article) and
//! compares each with the quantity Brygga last wrote, so the shop's own decrements for new orders
//! are not undone. The reconciliation reads every article on both sides, compares with what the
//! shop shows now, reports each difference, and corrects it unless told to report only.
//!
//! Brygga is meant to be the shop's one writer of stock. The shop itself only takes stock away
//! (for orders), so a whole read that finds an article above what Brygga last wrote has found
//! another writer (an app, an import, a hand edit). Those articles are kept under
//! [`RAISED_OUTSIDE`] for the dashboard and the reconciliation screen.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use brygga_core::operation::Operation;
use brygga_core::plan::stock::{
    OutsideWrite, ShopStock, StockPlan, StockState, plan_stock, raised_outside,
};
use brygga_core::schedule::Flow;
use brygga_ongoing::articles::ArticleQuery;
use brygga_starweb::map::Catalogue;
use brygga_store::OutboxRow;
use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::engine::Engine;
use crate::error::SyncError;
use crate::report::FlowReport;

/// The cursor of the warehouse's stock-changed feed.
pub const CURSOR: &str = "warehouse.stock_changed";
/// Setting: the articles the last whole read found raised outside Brygga ([`RaisedOutside`]).
pub const RAISED_OUTSIDE: &str = "stock.raised_outside";
/// Setting: the reconciliation reports differences without correcting them.
pub const RECONCILE_REPORT_ONLY: &str = "sync.reconcile_report_only";
const OVERLAP: TimeDelta = TimeDelta::minutes(5);
/// Ongoing refuses a stock-changed cursor older than 24 hours; stay clear of the edge.
const FEED_REACH: TimeDelta = TimeDelta::hours(23);

/// The articles the last whole read of the shop found raised outside Brygga.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RaisedOutside {
    pub checked_at_ms: i64,
    pub writes: Vec<OutsideWrite>,
}

/// Both sides' stock as read, and the plan made from it.
#[derive(Debug)]
pub(crate) struct StockReading {
    /// Articles found above Brygga's last write; only from a whole read (`full`).
    pub(crate) raised_outside: Vec<OutsideWrite>,
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
            report.count("raisedOutside", reading.raised_outside.len());
            for raised in &reading.raised_outside {
                report.find(
                    format!("stock:{}", raised.sku),
                    "stock.raisedOutside",
                    raised.message(),
                );
            }
            if !dry_run {
                self.record_raised_outside(reading.raised_outside.clone())?;
            }
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
        let raised_outside = if full {
            let written: BTreeMap<String, i64> = levels
                .iter()
                .filter_map(|(sku, l)| Some((sku.clone(), l.written_quantity?)))
                .collect();
            raised_outside(&catalogue.stock, &written, &self.stock_writes_in_flight()?)
        } else {
            Vec::new()
        };
        let pending = self.pending_in_shop()?;
        let plan = plan_stock(StockState {
            warehouse: &warehouse,
            shop: &shop,
            pending: &pending,
            generations: &generations,
            report_only,
        });
        Ok(StockReading {
            raised_outside,
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

    /// The SKUs with a stock write of Brygga's queued or in flight.
    fn stock_writes_in_flight(&self) -> Result<BTreeSet<String>, SyncError> {
        let rows = self.store.outbox().open_of_kind("shop.set_stock")?;
        Ok(rows
            .into_iter()
            .filter_map(|row| match serde_json::from_value(row.payload) {
                Ok(Operation::SetShopStock { sku, .. }) => Some(sku),
                _ => None,
            })
            .collect())
    }

    /// Keeps what a whole read found raised outside Brygga, replacing the last finding.
    pub(crate) fn record_raised_outside(&self, writes: Vec<OutsideWrite>) -> Result<(), SyncError> {
        let now_ms = self.now_ms();
        self.store.settings().set(
            RAISED_OUTSIDE,
            &RaisedOutside {
                checked_at_ms: now_ms,
                writes,
            },
            now_ms,
        )?;
        Ok(())
    }

    /// What the last whole read found raised outside Brygga; `None` before the first.
    pub fn raised_outside(&self) -> Result<Option<RaisedOutside>, SyncError> {
        Ok(self.store.settings().get(RAISED_OUTSIDE)?)
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
