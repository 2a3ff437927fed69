//! The stock reconciliation screen's commands: the report of differences (a dry run, kept with
//! the time it ran so the screen shows it again on return) and "apply corrections".
//!
//! The comparison and the writes are the engine's ([`brygga_sync::flows::reconcile`]); this module
//! turns them into what the screen shows and keeps the last report in the settings table. After
//! corrections, the SKUs the shop accepted leave the kept report, so it never shows a difference
//! that was just fixed.

use std::collections::BTreeSet;

use brygga_sync::flows::reconcile::{CorrectionOutcome, Reconciliation};
use brygga_sync::flows::stock::{RAISED_OUTSIDE, RECONCILE_REPORT_ONLY, RaisedOutside};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::sync_error;
use super::view::iso;
use crate::{App, ErrorCode, IpcError};

/// The settings key of the last report.
const LAST_REPORT: &str = "products.last_reconciliation";

/// One SKU whose shop stock differs from what the warehouse can sell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StockDifferenceView {
    pub sku: String,
    pub name: Option<String>,
    /// What Brygga would write: the warehouse's sellable quantity, less what shop orders not yet
    /// in the warehouse will take.
    #[ts(type = "number")]
    pub warehouse: i64,
    /// What the shop shows.
    #[ts(type = "number")]
    pub shop: i64,
    /// `warehouse - shop`: positive when the shop shows too little.
    #[ts(type = "number")]
    pub difference: i64,
}

/// An article the shop shows more of than Brygga last wrote: the shop only takes stock away (for
/// orders), so something else (another app, an import, a hand edit) writes stock too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RaisedOutsideView {
    pub sku: String,
    pub name: Option<String>,
    /// What Brygga last wrote.
    #[ts(type = "number")]
    pub written: i64,
    /// What the shop shows.
    #[ts(type = "number")]
    pub shown: i64,
}

/// A reconciliation report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StockReconciliationReport {
    pub ran_at: String,
    /// By SKU.
    pub differences: Vec<StockDifferenceView>,
    /// Warehouse articles with stock that the shop does not sell.
    pub not_in_shop: Vec<String>,
    /// Articles already right in the shop.
    pub unchanged: u32,
    /// Stock articles read from the warehouse.
    pub read: u32,
    /// Articles raised in the shop outside Brygga (reports kept before this existed have none).
    #[serde(default)]
    pub raised_outside: Vec<RaisedOutsideView>,
}

/// `stock_reconciliation_overview` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StockReconciliationOverviewRequest {}

/// What the screen shows before anything is run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StockReconciliationOverview {
    /// The last report, as left by corrections since; `None` before the first.
    pub last: Option<StockReconciliationReport>,
    /// What the last whole read (scheduled or by hand) found raised in the shop outside Brygga,
    /// as corrections since left it.
    pub raised_outside: Vec<RaisedOutsideView>,
    /// When that read was.
    pub raised_checked_at: Option<String>,
    /// The scheduled reconciliation only reports and never corrects on its own.
    pub report_only: bool,
}

/// `run_stock_reconciliation` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RunStockReconciliationRequest {}

/// `apply_stock_corrections`: the SKUs to correct, or `None` for every difference.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ApplyStockCorrectionsRequest {
    pub skus: Option<Vec<String>>,
}

/// A correction the shop did not take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CorrectionFailure {
    pub sku: String,
    pub message: String,
    /// It will be tried again by the next sync; otherwise it gave up.
    pub retrying: bool,
}

/// What applying corrections did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StockCorrectionsResult {
    /// SKUs whose new quantity the shop accepted.
    pub written: Vec<String>,
    pub failed: Vec<CorrectionFailure>,
    /// Chosen SKUs that no longer differed; nothing was written for them.
    pub already_right: Vec<String>,
}

fn report(reconciliation: Reconciliation, ran_at: String) -> StockReconciliationReport {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    StockReconciliationReport {
        ran_at,
        differences: reconciliation
            .differences
            .iter()
            .map(|d| StockDifferenceView {
                sku: d.sku.clone(),
                name: reconciliation.names.get(&d.sku).cloned(),
                warehouse: d.should_be,
                shop: d.shop,
                difference: d.should_be - d.shop,
            })
            .collect(),
        raised_outside: reconciliation
            .raised_outside
            .iter()
            .map(|r| RaisedOutsideView {
                sku: r.sku.clone(),
                name: reconciliation.names.get(&r.sku).cloned(),
                written: r.written,
                shown: r.shown,
            })
            .collect(),
        not_in_shop: reconciliation.not_in_shop,
        unchanged: count(reconciliation.unchanged),
        read: count(reconciliation.read),
    }
}

/// The last report and the "report only" setting; needs no connection.
pub async fn stock_reconciliation_overview(
    app: &App,
    _request: StockReconciliationOverviewRequest,
) -> Result<StockReconciliationOverview, IpcError> {
    let settings = app.store()?.settings();
    let last: Option<StockReconciliationReport> = settings.get(LAST_REPORT)?;
    let raised: Option<RaisedOutside> = settings.get(RAISED_OUTSIDE)?;
    // The engine keeps SKUs and quantities; the names come from the last report, where it has them.
    let name = |sku: &str| {
        last.as_ref().and_then(|report| {
            report
                .raised_outside
                .iter()
                .find(|r| r.sku == sku)
                .and_then(|r| r.name.clone())
                .or_else(|| {
                    report
                        .differences
                        .iter()
                        .find(|d| d.sku == sku)
                        .and_then(|d| d.name.clone())
                })
        })
    };
    let raised_outside = raised
        .as_ref()
        .map(|r| {
            r.writes
                .iter()
                .map(|w| RaisedOutsideView {
                    sku: w.sku.clone(),
                    name: name(&w.sku),
                    written: w.written,
                    shown: w.shown,
                })
                .collect()
        })
        .unwrap_or_default();
    Ok(StockReconciliationOverview {
        raised_outside,
        raised_checked_at: raised.map(|r| iso(r.checked_at_ms)),
        last,
        report_only: settings
            .get::<bool>(RECONCILE_REPORT_ONLY)?
            .unwrap_or(false),
    })
}

/// Compares every article's stock on both sides as a dry run (nothing is written to either
/// system), keeps the report and returns it.
pub async fn run_stock_reconciliation(
    app: &App,
    _request: RunStockReconciliationRequest,
) -> Result<StockReconciliationReport, IpcError> {
    let engine = crate::sync::engine(app)?;
    let reconciliation = engine.reconcile_stock_report().await.map_err(sync_error)?;
    let now = chrono::Utc::now().timestamp_millis();
    let report = report(reconciliation, iso(now));
    app.store()?.settings().set(LAST_REPORT, &report, now)?;
    Ok(report)
}

/// Compares again and writes the warehouse's quantity to the shop for every difference, or for
/// the SKUs chosen; says which the shop accepted and which failed.
pub async fn apply_stock_corrections(
    app: &App,
    request: ApplyStockCorrectionsRequest,
) -> Result<StockCorrectionsResult, IpcError> {
    if request.skus.as_ref().is_some_and(Vec::is_empty) {
        return Err(IpcError::new(
            ErrorCode::Validation,
            "no article is chosen; choose at least one difference, or apply them all",
        ));
    }
    if brygga_sync::SyncSettings::load(app.store()?)?
        .baseline
        .is_none()
    {
        return Err(IpcError::new(
            ErrorCode::Validation,
            "Brygga is not live yet: finish the go-live steps before writing stock to the shop",
        ));
    }
    let engine = crate::sync::engine(app)?;
    let only: Option<BTreeSet<String>> = request.skus.map(|s| s.into_iter().collect());
    let done = engine
        .correct_stock(only.as_ref())
        .await
        .map_err(sync_error)?;
    let mut result = StockCorrectionsResult {
        written: Vec::new(),
        failed: Vec::new(),
        already_right: done.already_right,
    };
    for correction in done.corrections {
        match correction.outcome {
            CorrectionOutcome::Written => result.written.push(correction.sku),
            CorrectionOutcome::Failed { message } => result.failed.push(CorrectionFailure {
                sku: correction.sku,
                message,
                retrying: false,
            }),
            CorrectionOutcome::Retrying { message } => result.failed.push(CorrectionFailure {
                sku: correction.sku,
                message,
                retrying: true,
            }),
        }
    }
    let settings = app.store()?.settings();
    if let Some(mut last) = settings.get::<StockReconciliationReport>(LAST_REPORT)? {
        let settled: BTreeSet<&String> =
            result.written.iter().chain(&result.already_right).collect();
        last.differences.retain(|d| !settled.contains(&d.sku));
        last.raised_outside
            .retain(|r| !result.written.contains(&r.sku));
        settings.set(LAST_REPORT, &last, chrono::Utc::now().timestamp_millis())?;
    }
    Ok(result)
}
