//! One module per table, each with a handle borrowed from [`crate::Store`].
//!
//! A handle is a cheap view (`store.outbox()`), not a second connection: every method takes the
//! store's lock for its own statements only, so handles can be created freely and dropped at once.
//! The functions here are the conversions all tables share: JSON columns, counts and row limits.
//!
//! Writes that the sync engine must be able to commit together with others (see
//! [`crate::Writes`]) are each written once, as a `pub(crate)` function over `&Connection` in their
//! table's module; the handle and `Writes` both call it.

pub(crate) mod articles;
pub(crate) mod cursors;
pub(crate) mod events;
pub(crate) mod order_links;
pub(crate) mod outbox;
pub(crate) mod purchase_orders;
pub(crate) mod release_batches;
pub(crate) mod returns;
mod settings;
pub(crate) mod stock_levels;
mod sync_runs;

pub use articles::{ArticleCounts, ArticleRecord, Articles};
pub use cursors::{Cursor, Cursors};
pub use events::{Event, Events};
pub use order_links::{OrderFilter, OrderLink, OrderLinkCounts, OrderLinks, OrderPage, OrderState};
pub use outbox::{Enqueued, NewOutboxRow, Outbox, OutboxCounts, OutboxRow, OutboxStatus};
pub use purchase_orders::{
    Acknowledgement, PurchaseOrderContent, PurchaseOrderKind, PurchaseOrderRecord,
    PurchaseOrderState, PurchaseOrders, ReceiptRead, ReceiptRecord,
};
pub use release_batches::{BatchOrder, ReleaseBatch, ReleaseBatches};
pub use returns::{ReturnRecord, Returns};
pub use settings::Settings;
pub use stock_levels::{StockLevel, StockLevels};
pub use sync_runs::{SyncOutcome, SyncRun, SyncRuns};

use rusqlite::Row;
use rusqlite::types::{Type, ValueRef};

use crate::error::StoreError;

/// Reads a TEXT column holding JSON. The columns are checked with `json_valid` on write, so a
/// failure here means the file was edited by hand; it surfaces as an SQLite conversion error
/// naming the column.
fn json_column(row: &Row<'_>, index: usize) -> rusqlite::Result<serde_json::Value> {
    let text: String = row.get(index)?;
    serde_json::from_str(&text)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(index, Type::Text, Box::new(e)))
}

/// Turns a JSON value into the TEXT stored in a JSON column.
pub(crate) fn json_text(
    value: &serde_json::Value,
    what: &'static str,
) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|source| StoreError::Encode { what, source })
}

/// Reads a column holding JSON or NULL.
fn optional_json_column(
    row: &Row<'_>,
    index: usize,
) -> rusqlite::Result<Option<serde_json::Value>> {
    match row.get_ref(index)? {
        ValueRef::Null => Ok(None),
        _ => json_column(row, index).map(Some),
    }
}

/// Reads a `COUNT(*)` or `SUM(...)` column as a count; SQLite never returns a negative one here.
fn count_column(row: &Row<'_>, index: usize) -> rusqlite::Result<u64> {
    Ok(u64::try_from(row.get::<_, i64>(index)?).unwrap_or(0))
}

/// Turns "the UPDATE changed no row" into an error naming the row, for updates of rows that the
/// caller knows exist: a silent no-op would hide a bug in the sync engine.
pub(crate) fn one_row(changed: usize, table: &'static str, id: i64) -> Result<(), StoreError> {
    if changed == 0 {
        return Err(StoreError::NoSuchRow { table, id });
    }
    Ok(())
}

/// SQLite's LIMIT takes an i64; any larger request means "all of them".
fn sql_limit(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}
