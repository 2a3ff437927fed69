//! Integration tests of the store: one file per table, each on a fresh in-memory database, and
//! `migration.rs` on real files in a temporary folder, since WAL, file modes, locks and refusing a
//! file untouched only exist on disk. `atomically.rs` covers transactions across tables, with one
//! real file to show that a panicked transaction leaves nothing in it.

mod articles;
mod atomically;
mod cursors;
mod events;
mod migration;
mod order_links;
mod order_pages;
mod outbox;
mod purchase_orders;
mod release_batches;
mod returns;
mod settings;
mod stock_levels;
mod sync_runs;

use brygga_store::Store;

/// A fresh, migrated in-memory store; each test gets its own, so tests never see each other's rows.
fn fresh_store() -> Store {
    Store::open_in_memory().expect("an in-memory database always opens and migrates")
}
