//! `returns`: every return order in the warehouse that Brygga knows of, announced by the merchant
//! or registered by the warehouse itself, with the merchant's handling (state, note, refund).
//!
//! The lines and quantities stay in the warehouse, which is read when they are shown; this table
//! holds what only Brygga knows: the kind, the order it returns, and how the merchant handled it.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::Store;
use crate::error::StoreError;

/// One return as stored. `kind` and `state` are the texts of `brygga_core::returns`' enums.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnRecord {
    pub number: String,
    pub warehouse_id: Option<i64>,
    pub order_number: Option<String>,
    pub kind: String,
    pub cause: Option<String>,
    pub note: Option<String>,
    pub state: String,
    pub handling_note: Option<String>,
    pub refund_minor: Option<i64>,
    pub refund_currency: Option<String>,
    pub arrived_at_ms: Option<i64>,
    pub comment_generation: u32,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

const COLUMNS: &str = "number, warehouse_id, order_number, kind, cause, note, state, handling_note,
    refund_minor, refund_currency, arrived_at_ms, comment_generation, created_at_ms, updated_at_ms";

fn record(row: &Row<'_>) -> rusqlite::Result<ReturnRecord> {
    Ok(ReturnRecord {
        number: row.get(0)?,
        warehouse_id: row.get(1)?,
        order_number: row.get(2)?,
        kind: row.get(3)?,
        cause: row.get(4)?,
        note: row.get(5)?,
        state: row.get(6)?,
        handling_note: row.get(7)?,
        refund_minor: row.get(8)?,
        refund_currency: row.get(9)?,
        arrived_at_ms: row.get(10)?,
        comment_generation: row.get(11)?,
        created_at_ms: row.get(12)?,
        updated_at_ms: row.get(13)?,
    })
}

/// Handle on the `returns` table.
#[derive(Debug, Clone, Copy)]
pub struct Returns<'s> {
    store: &'s Store,
}

impl<'s> Returns<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    /// One return by its number.
    pub fn get(&self, number: &str) -> Result<Option<ReturnRecord>, StoreError> {
        self.store.run("reading a return", |conn| {
            conn.query_row(
                &format!("SELECT {COLUMNS} FROM returns WHERE number = ?1"),
                params![number],
                record,
            )
            .optional()
        })
    }

    /// Every return, newest first.
    pub fn list(&self) -> Result<Vec<ReturnRecord>, StoreError> {
        self.store.run("listing returns", |conn| {
            let mut statement = conn.prepare(&format!(
                "SELECT {COLUMNS} FROM returns ORDER BY created_at_ms DESC, number DESC"
            ))?;
            statement.query_map([], record)?.collect()
        })
    }

    /// Stores a return the first time it is seen; an existing row keeps the merchant's handling
    /// and only gains the warehouse id and the order when it did not have them.
    pub fn insert_or_link(&self, new: &ReturnRecord) -> Result<(), StoreError> {
        self.store.run("saving a return", |conn| seen(conn, new))
    }

    /// Records that goods arrived for the return (the first time only).
    pub fn record_arrived(&self, number: &str, now_ms: i64) -> Result<(), StoreError> {
        self.store.run("recording a returned parcel", |conn| {
            arrived(conn, number, now_ms)
        })
    }

    /// The numbers of the returns of one shop order.
    pub fn numbers_for_order(&self, order_number: &str) -> Result<Vec<String>, StoreError> {
        self.store.run("listing an order's returns", |conn| {
            let mut statement =
                conn.prepare("SELECT number FROM returns WHERE order_number = ?1 ORDER BY number")?;
            statement
                .query_map(params![order_number], |row| row.get(0))?
                .collect()
        })
    }
}

/// Stores a return the first time it is seen; a known one only gains the warehouse id and the
/// order when it lacked them (and is otherwise left as it is, its time included).
pub(crate) fn seen(conn: &Connection, new: &ReturnRecord) -> rusqlite::Result<()> {
    insert(
        conn,
        new,
        "ON CONFLICT (number) DO UPDATE SET
           warehouse_id = coalesce(returns.warehouse_id, excluded.warehouse_id),
           order_number = coalesce(returns.order_number, excluded.order_number),
           updated_at_ms = excluded.updated_at_ms
         WHERE (returns.warehouse_id IS NULL AND excluded.warehouse_id IS NOT NULL)
            OR (returns.order_number IS NULL AND excluded.order_number IS NOT NULL)",
    )
}

/// Records the first arrival of goods for a return.
pub(crate) fn arrived(conn: &Connection, number: &str, now_ms: i64) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE returns SET arrived_at_ms = ?2, updated_at_ms = ?2
         WHERE number = ?1 AND arrived_at_ms IS NULL",
        params![number, now_ms],
    )
    .map(drop)
}

/// Inserts a new return; fails on a number already stored.
pub(crate) fn insert_new(conn: &Connection, new: &ReturnRecord) -> rusqlite::Result<()> {
    insert(conn, new, "")
}

/// Inserts a return, with `on_conflict` deciding what a number already stored means.
fn insert(conn: &Connection, new: &ReturnRecord, on_conflict: &str) -> rusqlite::Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO returns ({COLUMNS}) VALUES
             (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) {on_conflict}"
        ),
        params![
            new.number,
            new.warehouse_id,
            new.order_number,
            new.kind,
            new.cause,
            new.note,
            new.state,
            new.handling_note,
            new.refund_minor,
            new.refund_currency,
            new.arrived_at_ms,
            new.comment_generation,
            new.created_at_ms,
            new.updated_at_ms,
        ],
    )
    .map(drop)
}

pub(crate) fn record_sent(
    conn: &Connection,
    number: &str,
    warehouse_id: i64,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE returns SET warehouse_id = ?2, updated_at_ms = ?3 WHERE number = ?1",
        params![number, warehouse_id, now_ms],
    )
}

/// Sets state, note and refund and counts one more shop comment; returns its generation.
pub(crate) fn set_handling(
    conn: &Connection,
    number: &str,
    state: &str,
    handling_note: Option<&str>,
    refund: Option<(i64, &str)>,
    now_ms: i64,
) -> rusqlite::Result<u32> {
    conn.query_row(
        "UPDATE returns SET state = ?2, handling_note = coalesce(?3, handling_note),
           refund_minor = ?4, refund_currency = ?5,
           comment_generation = comment_generation + 1, updated_at_ms = ?6
         WHERE number = ?1
         RETURNING comment_generation",
        params![
            number,
            state,
            handling_note,
            refund.map(|r| r.0),
            refund.map(|r| r.1),
            now_ms
        ],
        |row| row.get(0),
    )
}
