//! Brygga's local database: the only crate that speaks SQL.
//!
//! A [`Store`] is one SQLite file in the data folder ([`DATABASE_FILE_NAME`]), opened in WAL mode
//! with foreign keys on and migrated to [`SCHEMA_VERSION`] by numbered, forward-only `.sql` files.
//! Each table has its own module and handle: [`Store::settings`], [`Store::cursors`],
//! [`Store::outbox`], [`Store::sync_runs`] and [`Store::events`].
//!
//! Two rules hold everywhere. Timestamps are unix milliseconds passed in by the caller (`now_ms`),
//! never read from the system clock here, so the sync engine's tests can move time at will. JSON
//! payloads are stored as TEXT and handed out as `serde_json::Value` or the caller's own type, so
//! this crate does not depend on the domain types it stores.

mod error;
mod migration;
mod store;
mod table;

pub use error::{StoreError, StoreErrorKind};
pub use migration::{APPLICATION_ID, SCHEMA_VERSION};
pub use store::{ConnectionSettings, DATABASE_FILE_NAME, OpenOptions, Store};
pub use table::{
    Cursor, Cursors, Enqueued, Event, Events, NewOutboxRow, Outbox, OutboxCounts, OutboxRow,
    OutboxStatus, Settings, SyncOutcome, SyncRun, SyncRuns,
};
