//! One module per table, each with a handle borrowed from [`crate::Store`].
//!
//! A handle is a cheap view (`store.outbox()`), not a second connection: every method takes the
//! store's lock for its own statements only, so handles can be created freely and dropped at once.
//! The functions here are the conversions all tables share: JSON columns and row limits.

mod cursors;
mod events;
mod outbox;
mod settings;
mod sync_runs;

pub use cursors::{Cursor, Cursors};
pub use events::{Event, Events};
pub use outbox::{Enqueued, NewOutboxRow, Outbox, OutboxCounts, OutboxRow, OutboxStatus};
pub use settings::Settings;
pub use sync_runs::{SyncOutcome, SyncRun, SyncRuns};

use rusqlite::Row;
use rusqlite::types::Type;

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
fn json_text(value: &serde_json::Value, what: &'static str) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|source| StoreError::Encode { what, source })
}

/// SQLite's LIMIT takes an i64; any larger request means "all of them".
fn sql_limit(limit: usize) -> i64 {
    i64::try_from(limit).unwrap_or(i64::MAX)
}
