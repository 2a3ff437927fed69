//! Brygga's local database: the only crate that speaks SQL.
//!
//! A [`Store`] is one SQLite file in the data folder ([`DATABASE_FILE_NAME`]), opened in WAL mode
//! with foreign keys on and migrated to [`SCHEMA_VERSION`] by numbered, forward-only `.sql` files.
//! Each table has its own module and handle: [`Store::settings`], [`Store::cursors`],
//! [`Store::outbox`], [`Store::sync_runs`], [`Store::events`], and for what the sync flows remember
//! between cycles [`Store::articles`], [`Store::order_links`] and [`Store::stock_levels`], and for
//! releasing orders to the warehouse in batches [`Store::release_batches`].
//! [`Store::atomically`] commits several writes together, so marking an outbox row done and
//! recording the call's effect cannot be separated by a crash.
//!
//! Two rules hold everywhere. Timestamps are unix milliseconds passed in by the caller (`now_ms`),
//! never read from the system clock here, so the sync engine's tests can move time at will. JSON
//! payloads are stored as TEXT and handed out as `serde_json::Value` or the caller's own type, so
//! this crate does not depend on the domain types it stores.

mod error;
mod migration;
mod store;
mod table;
mod writes;

pub use error::{StoreError, StoreErrorKind};
pub use migration::{APPLICATION_ID, SCHEMA_VERSION};
pub use store::{ConnectionSettings, DATABASE_FILE_NAME, OpenOptions, Store};
pub use table::{
    Acknowledgement, ArticleCounts, ArticleRecord, Articles, BatchOrder, Cursor, Cursors, Enqueued,
    Event, Events, NewOutboxRow, OrderFilter, OrderLink, OrderLinkCounts, OrderLinks, OrderPage,
    OrderState, Outbox, OutboxCounts, OutboxRow, OutboxStatus, PurchaseOrderContent,
    PurchaseOrderKind, PurchaseOrderRecord, PurchaseOrderState, PurchaseOrders, ReceiptRead,
    ReceiptRecord, ReleaseBatch, ReleaseBatches, ReturnRecord, Returns, Settings, StockLevel,
    StockLevels, SyncOutcome, SyncRun, SyncRuns,
};
pub use writes::Writes;
