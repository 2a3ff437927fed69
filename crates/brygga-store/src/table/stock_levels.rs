//! `stock_levels`: per SKU, the stock last read on each side and the quantity last written.
//!
//! The stock flow writes the warehouse's sellable quantity to the shop. Keeping what was read and
//! what Brygga itself wrote lets the planner skip a SKU whose quantity has not changed (Starweb
//! allows about 1000 calls a minute, and a catalogue can be larger), and tell a change made by
//! the merchant in the shop apart from one Brygga made. `written_generation` counts the writes the
//! shop accepted, for the sync engine's outbox idempotency keys: a quantity going back to one
//! written before (5 -> 4 -> 5) is a new write, not the one already done.

use std::collections::BTreeMap;

use rusqlite::{Connection, Row, params};
use serde::{Deserialize, Serialize};

use crate::Store;
use crate::error::StoreError;

/// One SKU's stock as last seen and written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StockLevel {
    pub sku: String,
    /// The warehouse's sellable quantity last read; fractional for articles sold by weight or
    /// length.
    pub warehouse_sellable: Option<f64>,
    /// The shop's stock quantity last read.
    pub shop_quantity: Option<i64>,
    /// The quantity Brygga last wrote to the shop, and when.
    pub written_quantity: Option<i64>,
    pub written_at_ms: Option<i64>,
    /// How many writes of this SKU's quantity the shop has accepted; 0 if none. One more with
    /// each [`crate::Writes::stock_written`], so each write gets an idempotency key of its own
    /// even when its quantity was written before.
    pub written_generation: u32,
    pub updated_at_ms: i64,
}

fn stock_level(row: &Row<'_>) -> rusqlite::Result<StockLevel> {
    Ok(StockLevel {
        sku: row.get(0)?,
        warehouse_sellable: row.get(1)?,
        shop_quantity: row.get(2)?,
        written_quantity: row.get(3)?,
        written_at_ms: row.get(4)?,
        written_generation: row.get(5)?,
        updated_at_ms: row.get(6)?,
    })
}

/// Records that Brygga wrote `quantity` to the shop for `sku`, creating the row if needed, and
/// counts the write in `written_generation`.
pub(crate) fn record_written(
    conn: &Connection,
    sku: &str,
    quantity: i64,
    now_ms: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO stock_levels
             (sku, written_quantity, written_at_ms, written_generation, updated_at_ms)
         VALUES (?1, ?2, ?3, 1, ?3)
         ON CONFLICT (sku) DO UPDATE
         SET written_quantity = excluded.written_quantity,
             written_at_ms = excluded.written_at_ms, written_generation = written_generation + 1,
             updated_at_ms = excluded.updated_at_ms",
        params![sku, quantity, now_ms],
    )?;
    Ok(())
}

/// Handle on the `stock_levels` table.
#[derive(Debug, Clone, Copy)]
pub struct StockLevels<'s> {
    store: &'s Store,
}

impl<'s> StockLevels<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    /// Every SKU's stock, by SKU.
    pub fn all(&self) -> Result<BTreeMap<String, StockLevel>, StoreError> {
        self.store.run("reading stock levels", |conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT sku, warehouse_sellable, shop_quantity, written_quantity, written_at_ms,
                        written_generation, updated_at_ms
                 FROM stock_levels",
            )?;
            let rows = stmt.query_map([], |row| {
                let level = stock_level(row)?;
                Ok((level.sku.clone(), level))
            })?;
            rows.collect()
        })
    }

    /// Records what was read for `sku`, creating the row if needed. `None` means "not read this
    /// time" and keeps the value stored before: the two sides are read by separate feeds, and
    /// the warehouse feed only reports SKUs that changed.
    pub fn record_read(
        &self,
        sku: &str,
        warehouse_sellable: Option<f64>,
        shop_quantity: Option<i64>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store.run("recording read stock", |conn| {
            conn.execute(
                "INSERT INTO stock_levels (sku, warehouse_sellable, shop_quantity, updated_at_ms)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (sku) DO UPDATE
                 SET warehouse_sellable = coalesce(excluded.warehouse_sellable, warehouse_sellable),
                     shop_quantity = coalesce(excluded.shop_quantity, shop_quantity),
                     updated_at_ms = excluded.updated_at_ms",
                params![sku, warehouse_sellable, shop_quantity, now_ms],
            )
        })?;
        Ok(())
    }

    /// Records that Brygga wrote `quantity` to the shop; see [`crate::Writes::stock_written`].
    pub fn record_written(&self, sku: &str, quantity: i64, now_ms: i64) -> Result<(), StoreError> {
        self.store
            .atomically(|w| w.stock_written(sku, quantity, now_ms))
    }
}
