//! `release_batches` and `release_batch_orders`: each release of shop orders to the warehouse, and
//! what it did with every order it considered.
//!
//! A batch is made at a scheduled slot (`started_by = "schedule"`, `slot_at_ms` set) or by the
//! merchant by hand (`"merchant"`, no slot). A slot has at most one batch, enforced by a unique
//! index: [`ReleaseBatches::create`] for a slot that already has one returns
//! [`StoreError::SlotTaken`] naming it, so a scheduler that looks at a slot again after a crash
//! learns it was already handled instead of releasing it twice.
//!
//! States: `overdue` (the slot passed while the app was off; the batch waits for the merchant to
//! release or skip it), `running`, and the final `done` and `skipped`. Entering a final state sets
//! `finished_at_ms`, and a finished batch is not changed again
//! ([`StoreError::ReleaseBatchFinished`]). Each order's outcome is `pending` until decided, then
//! `released`, `refused` or `skipped`, with `decided_at_ms` set and a reason in words.
//!
//! The outcome of one order is also on [`crate::Writes`] ([`crate::Writes::batch_order_outcome`]),
//! to be committed together with the outbox row of the call that released it and
//! [`crate::Writes::order_released`].

use rusqlite::{Connection, OptionalExtension, Params, Row, params};
use serde::{Deserialize, Serialize};

use super::{json_column, json_text, sql_limit};
use crate::Store;
use crate::error::StoreError;

/// One release of orders, with every order it considered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReleaseBatch {
    pub id: i64,
    /// The scheduled release time; `None` for a batch the merchant started by hand.
    pub slot_at_ms: Option<i64>,
    /// `schedule` or `merchant`.
    pub started_by: String,
    /// `overdue`, `running`, `done` or `skipped`.
    pub state: String,
    /// The release rule in force when the batch was made.
    pub rule: serde_json::Value,
    pub created_at_ms: i64,
    /// When the batch became `done` or `skipped`; `None` while it is overdue or running.
    pub finished_at_ms: Option<i64>,
    /// What happened, in words, for the merchant.
    pub note: Option<String>,
    /// The orders the batch considered, by shop order id.
    pub orders: Vec<BatchOrder>,
}

/// What a batch did with one shop order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchOrder {
    pub shop_order_id: i64,
    /// `pending`, `released`, `refused` or `skipped`.
    pub outcome: String,
    /// Why the order was refused or skipped, in words.
    pub reason: Option<String>,
    /// When the outcome stopped being `pending`; `None` while it is.
    pub decided_at_ms: Option<i64>,
}

const COLUMNS: &str =
    "id, slot_at_ms, started_by, state, rule, created_at_ms, finished_at_ms, note";

const ORDER_COLUMNS: &str = "shop_order_id, outcome, reason, decided_at_ms";

fn release_batch(row: &Row<'_>) -> rusqlite::Result<ReleaseBatch> {
    Ok(ReleaseBatch {
        id: row.get(0)?,
        slot_at_ms: row.get(1)?,
        started_by: row.get(2)?,
        state: row.get(3)?,
        rule: json_column(row, 4)?,
        created_at_ms: row.get(5)?,
        finished_at_ms: row.get(6)?,
        note: row.get(7)?,
        orders: Vec::new(),
    })
}

fn batch_order(row: &Row<'_>) -> rusqlite::Result<BatchOrder> {
    Ok(BatchOrder {
        shop_order_id: row.get(0)?,
        outcome: row.get(1)?,
        reason: row.get(2)?,
        decided_at_ms: row.get(3)?,
    })
}

/// The batch of scheduled slot `slot_at_ms`, if it has one.
fn batch_of_slot(conn: &Connection, slot_at_ms: i64) -> rusqlite::Result<Option<i64>> {
    conn.query_row(
        "SELECT id FROM release_batches WHERE slot_at_ms = ?1",
        params![slot_at_ms],
        |row| row.get(0),
    )
    .optional()
}

/// The state of batch `id`, or `None` if there is no such batch.
fn state_of(conn: &Connection, id: i64) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT state FROM release_batches WHERE id = ?1",
        params![id],
        |row| row.get(0),
    )
    .optional()
}

/// Inserts a batch whose rule is already JSON text; returns its id. A batch created `done` or
/// `skipped` is finished at once.
fn insert(
    conn: &Connection,
    slot_at_ms: Option<i64>,
    started_by: &str,
    state: &str,
    rule: &str,
    now_ms: i64,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO release_batches (slot_at_ms, started_by, state, rule, created_at_ms,
                                      finished_at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?3 IN ('done', 'skipped') THEN ?5 END)",
        params![slot_at_ms, started_by, state, rule, now_ms],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Adds one order to batch `batch_id`; an outcome other than `pending` is decided at `now_ms`.
fn insert_order(
    conn: &Connection,
    batch_id: i64,
    shop_order_id: i64,
    outcome: &str,
    reason: Option<&str>,
    now_ms: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO release_batch_orders (batch_id, shop_order_id, outcome, reason,
                                           decided_at_ms)
         VALUES (?1, ?2, ?3, ?4, CASE WHEN ?3 <> 'pending' THEN ?5 END)",
        params![batch_id, shop_order_id, outcome, reason, now_ms],
    )?;
    Ok(())
}

/// Sets the outcome of one order of a batch, replacing its reason; `pending` clears
/// `decided_at_ms`, any other outcome sets it to `now_ms`. Returns the number of rows changed: 0
/// when the order is not in the batch.
pub(crate) fn set_order_outcome(
    conn: &Connection,
    batch_id: i64,
    shop_order_id: i64,
    outcome: &str,
    reason: Option<&str>,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE release_batch_orders
         SET outcome = ?3, reason = ?4, decided_at_ms = CASE WHEN ?3 <> 'pending' THEN ?5 END
         WHERE batch_id = ?1 AND shop_order_id = ?2",
        params![batch_id, shop_order_id, outcome, reason, now_ms],
    )
}

/// Whether batch `id` exists; for telling a missing batch from a missing order in it.
pub(crate) fn exists(conn: &Connection, id: i64) -> rusqlite::Result<bool> {
    Ok(state_of(conn, id)?.is_some())
}

/// Moves an unfinished batch to `state`; see [`ReleaseBatches::set_state`]. Returns the number of
/// rows changed: 0 when the batch does not exist or is already finished.
fn set_state(
    conn: &Connection,
    id: i64,
    state: &str,
    note: Option<&str>,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE release_batches
         SET state = ?2, note = coalesce(?3, note),
             finished_at_ms = CASE WHEN ?2 IN ('done', 'skipped') THEN ?4 END
         WHERE id = ?1 AND state IN ('overdue', 'running')",
        params![id, state, note, now_ms],
    )
}

/// Reads the batches a query selects, each with its orders, in one read transaction so a batch
/// and its orders are seen as of the same moment.
fn read_batches(
    conn: &mut Connection,
    tail: &str,
    params: impl Params,
) -> rusqlite::Result<Vec<ReleaseBatch>> {
    let tx = conn.transaction()?;
    let mut batches = tx
        .prepare_cached(&format!("SELECT {COLUMNS} FROM release_batches {tail}"))?
        .query_map(params, release_batch)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    {
        let mut stmt = tx.prepare_cached(&format!(
            "SELECT {ORDER_COLUMNS} FROM release_batch_orders WHERE batch_id = ?1
             ORDER BY shop_order_id"
        ))?;
        for batch in &mut batches {
            batch.orders = stmt
                .query_map(params![batch.id], batch_order)?
                .collect::<rusqlite::Result<_>>()?;
        }
    }
    tx.commit()?;
    Ok(batches)
}

/// Handle on the `release_batches` and `release_batch_orders` tables.
#[derive(Debug, Clone, Copy)]
pub struct ReleaseBatches<'s> {
    store: &'s Store,
}

impl<'s> ReleaseBatches<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    /// Creates a batch with its orders (shop order id, outcome, reason) in one transaction and
    /// returns its id. Orders decided already (any outcome but `pending`) get `decided_at_ms =
    /// now_ms`; a batch created `done` or `skipped` gets `finished_at_ms = now_ms`.
    ///
    /// For a slot that already has a batch nothing is written and the error is
    /// [`StoreError::SlotTaken`] with that batch's id: the slot was handled before. A scheduled
    /// batch must have its slot; a started-by or state outside the schema's lists, a rule that
    /// cannot be stored, or the same order twice is an error and nothing is written.
    pub fn create(
        &self,
        slot_at_ms: Option<i64>,
        started_by: &str,
        state: &str,
        rule: &serde_json::Value,
        orders: &[(i64, &str, Option<&str>)],
        now_ms: i64,
    ) -> Result<i64, StoreError> {
        let rule = json_text(rule, "a release rule")?;
        self.store.atomically(|w| {
            if let Some(slot_at_ms) = slot_at_ms {
                let taken = w.run("checking a release slot", |conn| {
                    batch_of_slot(conn, slot_at_ms)
                })?;
                if let Some(batch_id) = taken {
                    return Err(StoreError::SlotTaken {
                        slot_at_ms,
                        batch_id,
                    });
                }
            }
            w.run("creating a release batch", |conn| {
                let id = insert(conn, slot_at_ms, started_by, state, &rule, now_ms)?;
                for &(shop_order_id, outcome, reason) in orders {
                    insert_order(conn, id, shop_order_id, outcome, reason, now_ms)?;
                }
                Ok(id)
            })
        })
    }

    /// Adds orders (shop order id, outcome, reason) to a batch that is not finished, all or none:
    /// an overdue batch gets its orders when the merchant releases it. An order already in the
    /// batch is an error; change its outcome with [`crate::Writes::batch_order_outcome`].
    pub fn add_orders(
        &self,
        id: i64,
        orders: &[(i64, &str, Option<&str>)],
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store.atomically(|w| {
            match w.run("reading a release batch's state", |conn| state_of(conn, id))? {
                None => {
                    return Err(StoreError::NoSuchRow {
                        table: "release_batches",
                        id,
                    });
                }
                Some(state) if state == "done" || state == "skipped" => {
                    return Err(StoreError::ReleaseBatchFinished { id, state });
                }
                Some(_) => {}
            }
            w.run("adding orders to a release batch", |conn| {
                for &(shop_order_id, outcome, reason) in orders {
                    insert_order(conn, id, shop_order_id, outcome, reason, now_ms)?;
                }
                Ok(())
            })
        })
    }

    /// Moves batch `id` to `state`. Entering `done` or `skipped` finishes it at `now_ms`; a
    /// finished batch is not changed again ([`StoreError::ReleaseBatchFinished`]). Moving
    /// between `overdue` and `running` is allowed. `note` replaces the batch's note; `None` keeps
    /// the one it has.
    pub fn set_state(
        &self,
        id: i64,
        state: &str,
        note: Option<&str>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store.atomically(|w| {
            let changed = w.run("changing a release batch's state", |conn| {
                set_state(conn, id, state, note, now_ms)
            })?;
            if changed > 0 {
                return Ok(());
            }
            match w.run("reading a release batch's state", |conn| state_of(conn, id))? {
                None => Err(StoreError::NoSuchRow {
                    table: "release_batches",
                    id,
                }),
                Some(state) => Err(StoreError::ReleaseBatchFinished { id, state }),
            }
        })
    }

    /// One batch with its orders, or `None` if there is no such batch.
    pub fn get(&self, id: i64) -> Result<Option<ReleaseBatch>, StoreError> {
        self.store.run("reading a release batch", |conn| {
            Ok(read_batches(conn, "WHERE id = ?1", params![id])?.pop())
        })
    }

    /// The batch of scheduled slot `slot_at_ms`, with its orders, if the slot has one.
    pub fn by_slot(&self, slot_at_ms: i64) -> Result<Option<ReleaseBatch>, StoreError> {
        self.store
            .run("reading the release batch of a slot", |conn| {
                Ok(read_batches(conn, "WHERE slot_at_ms = ?1", params![slot_at_ms])?.pop())
            })
    }

    /// Up to `limit` batches with their orders, newest (last created) first.
    pub fn list(&self, limit: usize) -> Result<Vec<ReleaseBatch>, StoreError> {
        self.store.run("listing release batches", |conn| {
            read_batches(
                conn,
                "ORDER BY created_at_ms DESC, id DESC LIMIT ?1",
                params![sql_limit(limit)],
            )
        })
    }

    /// The batches waiting for the merchant to release or skip them, oldest slot first.
    pub fn overdue(&self) -> Result<Vec<ReleaseBatch>, StoreError> {
        self.store.run("listing overdue release batches", |conn| {
            read_batches(conn, "WHERE state = 'overdue' ORDER BY slot_at_ms, id", [])
        })
    }

    /// The batches still running, oldest first; after a crash, the ones to finish.
    pub fn running(&self) -> Result<Vec<ReleaseBatch>, StoreError> {
        self.store.run("listing running release batches", |conn| {
            read_batches(conn, "WHERE state = 'running' ORDER BY id", [])
        })
    }

    /// The latest scheduled slot that has a batch, in any state: the scheduler's slots after it
    /// are the ones not handled yet.
    pub fn latest_slot_at_ms(&self) -> Result<Option<i64>, StoreError> {
        self.store.run("finding the latest release slot", |conn| {
            conn.query_row("SELECT max(slot_at_ms) FROM release_batches", [], |row| {
                row.get(0)
            })
        })
    }
}
