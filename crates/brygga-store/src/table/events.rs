//! `events`: an append-only history of what happened to each thing Brygga handles.
//!
//! The subject names the thing (`order:1234`, `article:SKU-1`, `batch:7`), so the UI can show an
//! order's story next to it; an index on `(subject, at_ms)` keeps that lookup fast as the table
//! grows. Rows are never updated.

use rusqlite::{Connection, Row, params};
use serde::{Deserialize, Serialize};

use super::{json_column, sql_limit};
use crate::Store;
use crate::error::StoreError;

/// One thing that happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: i64,
    pub subject: String,
    pub kind: String,
    pub payload: serde_json::Value,
    pub at_ms: i64,
}

const COLUMNS: &str = "id, subject, kind, payload, at_ms";

fn event(row: &Row<'_>) -> rusqlite::Result<Event> {
    Ok(Event {
        id: row.get(0)?,
        subject: row.get(1)?,
        kind: row.get(2)?,
        payload: json_column(row, 3)?,
        at_ms: row.get(4)?,
    })
}

/// Appends an event whose payload is already JSON text; returns its id.
pub(crate) fn append(
    conn: &Connection,
    subject: &str,
    kind: &str,
    payload: &str,
    at_ms: i64,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO events (subject, kind, payload, at_ms) VALUES (?1, ?2, ?3, ?4)",
        params![subject, kind, payload, at_ms],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Handle on the `events` table.
#[derive(Debug, Clone, Copy)]
pub struct Events<'s> {
    store: &'s Store,
}

impl<'s> Events<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    /// Records that `kind` happened to `subject` at `at_ms`; returns the new event's id. To record
    /// it together with what happened, use [`crate::Writes::event`] instead.
    pub fn append(
        &self,
        subject: &str,
        kind: &str,
        payload: serde_json::Value,
        at_ms: i64,
    ) -> Result<i64, StoreError> {
        self.store
            .atomically(|w| w.event(subject, kind, payload, at_ms))
    }

    /// The history of `subject`, oldest first (events with the same time in the order recorded).
    pub fn for_subject(&self, subject: &str) -> Result<Vec<Event>, StoreError> {
        self.store.run("reading a subject's events", |conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM events WHERE subject = ?1 ORDER BY at_ms, id"
            ))?;
            let rows = stmt.query_map(params![subject], event)?;
            rows.collect()
        })
    }

    /// The latest `limit` events of any subject, newest first.
    pub fn recent(&self, limit: usize) -> Result<Vec<Event>, StoreError> {
        self.store.run("reading recent events", |conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM events ORDER BY at_ms DESC, id DESC LIMIT ?1"
            ))?;
            let rows = stmt.query_map(params![sql_limit(limit)], event)?;
            rows.collect()
        })
    }
}
