//! The products screen and the stock reconciliation screen (flows 1 and 6 as the merchant sees
//! them): every product's sync state, validation problems and stock; orphaned articles and their
//! export for the 3PL; the report of stock differences and "apply corrections".
//!
//! Reading the list needs the store and, for names and changes, the shop; the reconciliation and
//! retries go through the engine of the saved connections ([`crate::sync::engine`]), which
//! answers `notConfigured` without them. No command takes the engine lock: like the release
//! commands, each drains the outbox one call at a time alongside any other drain.

mod orphans;
mod overview;
mod reconcile;
mod view;

use brygga_sync::SyncError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use orphans::{
    ExportLanguage, ExportOrphanedArticlesRequest, OrphanLine, OrphanedArticlesExport,
    export_orphaned_articles, orphans_csv,
};
pub use overview::{products_overview, retry_product};
pub use reconcile::{
    ApplyStockCorrectionsRequest, CorrectionFailure, RaisedOutsideView,
    RunStockReconciliationRequest, StockCorrectionsResult, StockDifferenceView,
    StockReconciliationOverview, StockReconciliationOverviewRequest, StockReconciliationReport,
    apply_stock_corrections, run_stock_reconciliation, stock_reconciliation_overview,
};
pub use view::{
    ArticleProblemKind, ArticleProblemView, ProductCounts, ProductRow, ProductSyncState,
};

use crate::{ErrorCode, IpcError};

/// `products_overview` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProductsOverviewRequest {}

/// Everything the products screen shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProductsOverview {
    /// Every SKU known to the shop or to Brygga, by SKU.
    pub rows: Vec<ProductRow>,
    pub counts: ProductCounts,
    /// The shop's catalogue was read now; otherwise names and changes are unknown.
    pub shop_read: bool,
    /// Why the shop could not be read, in words.
    pub shop_problem: Option<String>,
    pub read_at: String,
}

/// `retry_product`: the SKU whose failed send to try again.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetryProductRequest {
    pub sku: String,
}

/// What trying again did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RetryProductResult {
    /// The warehouse accepted the article.
    pub sent: bool,
    /// Why it failed again, when it did.
    pub failure: Option<String>,
}

/// An engine error as the UI receives it: a failed call to either side keeps its class.
pub(crate) fn sync_error(err: SyncError) -> IpcError {
    match err {
        SyncError::NotReady(message) => IpcError::new(ErrorCode::Validation, message),
        SyncError::Store(err) => err.into(),
        SyncError::Shop(err) => IpcError::remote(&err),
        SyncError::Warehouse(err) => IpcError::remote(&err),
    }
}
