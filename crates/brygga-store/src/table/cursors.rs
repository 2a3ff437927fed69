//! `cursors`: how far each change feed has been read.
//!
//! One row per feed (`ongoing.orders.status_changed`, `shop.orders.created`, ...). The value is
//! opaque text in exactly the form the remote API wants back, so the store never parses it. The
//! sync engine sets a cursor only after the batch it covers is committed, so a crash re-reads a
//! little instead of skipping anything.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::Store;
use crate::error::StoreError;

/// One feed's position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    pub feed: String,
    pub value: String,
    pub updated_at_ms: i64,
}

/// Moves `feed` to `value`, creating its row the first time.
pub(crate) fn set(conn: &Connection, feed: &str, value: &str, now_ms: i64) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO cursors (feed, value, updated_at_ms) VALUES (?1, ?2, ?3)
         ON CONFLICT (feed) DO UPDATE
         SET value = excluded.value, updated_at_ms = excluded.updated_at_ms",
        params![feed, value, now_ms],
    )?;
    Ok(())
}

/// Handle on the `cursors` table.
#[derive(Debug, Clone, Copy)]
pub struct Cursors<'s> {
    store: &'s Store,
}

impl<'s> Cursors<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    /// The position of `feed`, or `None` if it has never been read (start from the beginning).
    pub fn get(&self, feed: &str) -> Result<Option<String>, StoreError> {
        self.store.run("reading a cursor", |conn| {
            conn.query_row(
                "SELECT value FROM cursors WHERE feed = ?1",
                params![feed],
                |row| row.get(0),
            )
            .optional()
        })
    }

    /// Moves `feed` to `value`. To move it in the same transaction as the writes the batch
    /// caused, use [`crate::Writes::cursor_set`] instead.
    pub fn set(&self, feed: &str, value: &str, now_ms: i64) -> Result<(), StoreError> {
        self.store.atomically(|w| w.cursor_set(feed, value, now_ms))
    }

    /// Every feed's position, by feed name.
    pub fn list(&self) -> Result<Vec<Cursor>, StoreError> {
        self.store.run("listing cursors", |conn| {
            let mut stmt = conn
                .prepare_cached("SELECT feed, value, updated_at_ms FROM cursors ORDER BY feed")?;
            let rows = stmt.query_map([], |row| {
                Ok(Cursor {
                    feed: row.get(0)?,
                    value: row.get(1)?,
                    updated_at_ms: row.get(2)?,
                })
            })?;
            rows.collect()
        })
    }
}
