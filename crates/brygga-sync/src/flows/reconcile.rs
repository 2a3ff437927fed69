//! The stock reconciliation as the merchant runs it by hand: first the report (a dry run that
//! compares every article's sellable quantity in the warehouse with what the shop shows), then,
//! once the merchant has looked, the corrections for all differences or the SKUs chosen.
//!
//! The scheduled reconciliation ([`crate::flows::stock`]) corrects on its own unless told to report
//! only; this is the merchant's way to see the same comparison and decide. Corrections are queued
//! in the outbox like any stock write (same keys, so a write already queued is not queued twice)
//! and drained at once, and each chosen SKU's outcome is read back from its outbox row. Both steps
//! are recorded in `sync_runs` as runs of the reconciliation flow.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::AtomicBool;

use brygga_core::operation::Operation;
use brygga_core::plan::stock::{OutsideWrite, StockDifference};
use brygga_core::schedule::Flow;
use brygga_store::{Enqueued, OutboxStatus, SyncOutcome};
use serde::Serialize;

use crate::engine::Engine;
use crate::error::SyncError;
use crate::report::DrainReport;

/// What the comparison of every article found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reconciliation {
    /// Articles whose shop stock differs from what Brygga would write, by SKU.
    pub differences: Vec<StockDifference>,
    /// Warehouse articles the shop does not sell.
    pub not_in_shop: Vec<String>,
    /// Articles already right in the shop.
    pub unchanged: usize,
    /// Stock articles read from the warehouse.
    pub read: usize,
    /// The shop's product name of each differing SKU.
    pub names: BTreeMap<String, String>,
    /// Articles the shop shows above what Brygga last wrote: something else writes stock too.
    pub raised_outside: Vec<OutsideWrite>,
}

/// How one correction ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum CorrectionOutcome {
    /// The shop accepted the new quantity.
    Written,
    /// The write gave up; the message says why.
    Failed { message: String },
    /// The write failed for now and will be tried again by the next drain.
    Retrying { message: String },
}

/// One stock correction and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Correction {
    pub sku: String,
    /// What the shop showed.
    pub shop: i64,
    /// What was written.
    pub should_be: i64,
    pub outcome: CorrectionOutcome,
}

/// What applying corrections did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CorrectionReport {
    pub corrections: Vec<Correction>,
    /// Chosen SKUs that no longer differ (or are not sold in the shop): nothing was written.
    pub already_right: Vec<String>,
    /// The whole drain, including calls other flows had queued.
    pub drained: DrainReport,
}

impl Engine {
    /// Compares every article on both sides and reports the differences; writes nothing to either
    /// system, and records the run as a dry run of the reconciliation.
    pub async fn reconcile_stock_report(&self) -> Result<Reconciliation, SyncError> {
        let run = self
            .store
            .sync_runs()
            .start(Flow::Reconcile.as_str(), true, self.now_ms())?;
        let result = self.read_stock(None, true, true).await.map(|reading| {
            let plan = reading.plan;
            let differing: BTreeSet<&str> = plan
                .differences
                .iter()
                .map(|d| d.sku.as_str())
                .chain(reading.raised_outside.iter().map(|r| r.sku.as_str()))
                .collect();
            let names = reading
                .catalogue
                .articles
                .iter()
                .filter(|a| differing.contains(a.sku.as_str()))
                .map(|a| (a.sku.clone(), a.name.clone()))
                .collect();
            Reconciliation {
                names,
                raised_outside: reading.raised_outside,
                differences: plan.differences,
                not_in_shop: plan.not_in_shop,
                unchanged: plan.unchanged,
                read: reading.warehouse.len(),
            }
        });
        if let Ok(found) = &result {
            self.record_raised_outside(found.raised_outside.clone())?;
        }
        let counts = result.as_ref().ok().map(|r| {
            BTreeMap::from([
                ("read", r.read),
                ("unchanged", r.unchanged),
                ("differences", r.differences.len()),
                ("raisedOutside", r.raised_outside.len()),
            ])
        });
        self.finish_run(run, counts, result.as_ref().err())?;
        result
    }

    /// Compares again and corrects the differences of the SKUs in `only` (every difference when
    /// `None`), whatever the "report only" setting says: the merchant asked for it. Sends the
    /// writes at once and says how each ended.
    pub async fn correct_stock(
        &self,
        only: Option<&BTreeSet<String>>,
    ) -> Result<CorrectionReport, SyncError> {
        self.activate()?;
        let run = self
            .store
            .sync_runs()
            .start(Flow::Reconcile.as_str(), false, self.now_ms())?;
        let result = self.correct(only).await;
        let counts = result.as_ref().ok().map(|r| {
            let written = r
                .corrections
                .iter()
                .filter(|c| c.outcome == CorrectionOutcome::Written)
                .count();
            BTreeMap::from([
                ("differences", r.corrections.len()),
                ("written", written),
                ("failed", r.corrections.len() - written),
            ])
        });
        self.finish_run(run, counts, result.as_ref().err())?;
        result
    }

    async fn correct(
        &self,
        only: Option<&BTreeSet<String>>,
    ) -> Result<CorrectionReport, SyncError> {
        let reading = self.read_stock(None, true, false).await?;
        self.record_stock_read(&reading, true)?;
        let chosen = |sku: &str| only.is_none_or(|skus| skus.contains(sku));
        let mut report = CorrectionReport::default();
        if let Some(skus) = only {
            let differing: BTreeSet<&str> = reading
                .plan
                .differences
                .iter()
                .map(|d| d.sku.as_str())
                .collect();
            report.already_right = skus
                .iter()
                .filter(|sku| !differing.contains(sku.as_str()))
                .cloned()
                .collect();
        }
        let mut queued = Vec::new();
        for operation in &reading.plan.operations {
            let Operation::SetShopStock { sku, .. } = operation else {
                continue;
            };
            if !chosen(sku) {
                continue;
            }
            let row = match self.queue_row(operation)? {
                Enqueued::Inserted(id) | Enqueued::AlreadyQueued(id) => id,
            };
            queued.push((sku.clone(), row));
        }
        report.drained = self.drain(&AtomicBool::new(false)).await?;
        let differences: BTreeMap<&str, &StockDifference> = reading
            .plan
            .differences
            .iter()
            .map(|d| (d.sku.as_str(), d))
            .collect();
        for (sku, row) in queued {
            let Some(difference) = differences.get(sku.as_str()) else {
                continue;
            };
            let row = self.store.outbox().get(row)?;
            let message = |r: &brygga_store::OutboxRow| {
                r.last_error
                    .clone()
                    .unwrap_or_else(|| "not sent yet".to_owned())
            };
            let outcome = match &row {
                Some(r)
                    if r.status == OutboxStatus::Done
                        && r.last_error_code.as_deref() != Some("superseded") =>
                {
                    CorrectionOutcome::Written
                }
                Some(r) if r.status == OutboxStatus::Done => CorrectionOutcome::Failed {
                    message: message(r),
                },
                Some(r) if r.status == OutboxStatus::Dead => CorrectionOutcome::Failed {
                    message: message(r),
                },
                Some(r) => CorrectionOutcome::Retrying {
                    message: message(r),
                },
                None => CorrectionOutcome::Failed {
                    message: "the queued write is gone from the outbox".to_owned(),
                },
            };
            report.corrections.push(Correction {
                sku,
                shop: difference.shop,
                should_be: difference.should_be,
                outcome,
            });
        }
        // A corrected article shows what Brygga wrote again; the rest still tell of the other writer.
        let corrected: BTreeSet<&str> = report
            .corrections
            .iter()
            .filter(|c| c.outcome == CorrectionOutcome::Written)
            .map(|c| c.sku.as_str())
            .collect();
        self.record_raised_outside(
            reading
                .raised_outside
                .into_iter()
                .filter(|r| !corrected.contains(r.sku.as_str()))
                .collect(),
        )?;
        Ok(report)
    }

    fn finish_run(
        &self,
        run: i64,
        counts: Option<BTreeMap<&str, usize>>,
        error: Option<&SyncError>,
    ) -> Result<(), SyncError> {
        let outcome = if error.is_some() {
            SyncOutcome::Failed
        } else {
            SyncOutcome::Succeeded
        };
        let counts = serde_json::to_value(counts.unwrap_or_default()).unwrap_or_default();
        let error = error.map(ToString::to_string);
        self.store
            .sync_runs()
            .finish(run, outcome, counts, error.as_deref(), self.now_ms())?;
        Ok(())
    }
}
