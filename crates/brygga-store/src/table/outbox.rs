//! `outbox`: every side effect on the shop or the warehouse, queued before it is sent.
//!
//! The planner enqueues calls; a single drain worker claims them one at a time (Ongoing serialises
//! writes per goods owner), sends them, and records the result. The rules that make this safe:
//!
//! - `UNIQUE(kind, idempotency_key)`: enqueueing the same change twice returns the existing row and
//!   never inserts a second one, whatever that row's status, so a replanned cycle cannot send a call
//!   twice (the idempotency-key rule of apalis-sqlite).
//! - Claiming is one `UPDATE ... RETURNING` statement, so a row cannot be claimed twice.
//! - Rows left `running` by a crash go back to `pending` at start-up ([`Outbox::requeue_running`]).
//! - A newer change to a subject replaces an older one still waiting
//!   ([`Outbox::supersede_pending`]): an older order version must never be sent after a newer
//!   one, and sending a version already replaced is wasted work. The old row ends `done` with the
//!   code `superseded`, so its key stays taken and the history shows why it was never sent.
//!
//! When to retry and when to give up is decided by the sync engine's retry policy; the store only
//! records the decision (`reschedule`, `mark_dead`).

use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, Row, ToSql, params};
use serde::{Deserialize, Serialize};

use super::{json_column, sql_limit};
use crate::Store;
use crate::error::StoreError;

/// Where a row is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxStatus {
    /// Waiting for its `run_at_ms`.
    Pending,
    /// Claimed by the drain worker; the call may be in flight.
    Running,
    /// Sent and accepted.
    Done,
    /// Given up on; needs a person.
    Dead,
}

impl OutboxStatus {
    /// Every status, in life order.
    pub const ALL: [Self; 4] = [Self::Pending, Self::Running, Self::Done, Self::Dead];

    /// The text stored in the `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Running => "running",
            Self::Done => "done",
            Self::Dead => "dead",
        }
    }
}

impl FromStr for OutboxStatus {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "pending" => Ok(Self::Pending),
            "running" => Ok(Self::Running),
            "done" => Ok(Self::Done),
            "dead" => Ok(Self::Dead),
            other => Err(format!("unknown outbox status {other:?}")),
        }
    }
}

impl ToSql for OutboxStatus {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for OutboxStatus {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        value
            .as_str()?
            .parse()
            .map_err(|e: String| FromSqlError::Other(e.into()))
    }
}

/// A call the planner wants made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewOutboxRow {
    /// What kind of call, e.g. `ongoing.push_order`.
    pub kind: String,
    /// Identifies the change within its kind, e.g. the shop order id and payload hash.
    pub idempotency_key: String,
    pub payload: serde_json::Value,
    /// How many attempts the retry policy may make; at least 1.
    pub max_attempts: u32,
    /// Not before this time.
    pub run_at_ms: i64,
}

/// What [`Outbox::enqueue`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Enqueued {
    /// A new row with this id.
    Inserted(i64),
    /// A row with the same kind and idempotency key already existed; nothing was written.
    AlreadyQueued(i64),
}

impl Enqueued {
    /// The id of the row that stands for the call, new or existing.
    pub fn id(self) -> i64 {
        match self {
            Self::Inserted(id) | Self::AlreadyQueued(id) => id,
        }
    }
}

/// One queued call as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxRow {
    pub id: i64,
    pub kind: String,
    pub idempotency_key: String,
    pub payload: serde_json::Value,
    pub status: OutboxStatus,
    /// Attempts started so far, counting the current one while running.
    pub attempts: u32,
    pub max_attempts: u32,
    pub run_at_ms: i64,
    pub last_error_code: Option<String>,
    pub last_error: Option<String>,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
    pub done_at_ms: Option<i64>,
}

/// How many rows are in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxCounts {
    pub pending: u64,
    pub running: u64,
    pub done: u64,
    pub dead: u64,
}

const COLUMNS: &str = "id, kind, idempotency_key, payload, status, attempts, max_attempts, \
    run_at_ms, last_error_code, last_error, created_at_ms, updated_at_ms, done_at_ms";

fn outbox_row(row: &Row<'_>) -> rusqlite::Result<OutboxRow> {
    Ok(OutboxRow {
        id: row.get(0)?,
        kind: row.get(1)?,
        idempotency_key: row.get(2)?,
        payload: json_column(row, 3)?,
        status: row.get(4)?,
        attempts: row.get(5)?,
        max_attempts: row.get(6)?,
        run_at_ms: row.get(7)?,
        last_error_code: row.get(8)?,
        last_error: row.get(9)?,
        created_at_ms: row.get(10)?,
        updated_at_ms: row.get(11)?,
        done_at_ms: row.get(12)?,
    })
}

/// Marks row `id` done. Returns the number of rows changed: 0 if there is no such row.
pub(crate) fn mark_done(conn: &Connection, id: i64, now_ms: i64) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE outbox SET status = 'done', done_at_ms = ?2, updated_at_ms = ?2 WHERE id = ?1",
        params![id, now_ms],
    )
}

/// Inserts a row unless one with the same kind and key exists; says which row stands for it.
pub(crate) fn insert(
    conn: &Connection,
    new: &NewOutboxRow,
    payload: &str,
    now_ms: i64,
) -> rusqlite::Result<Enqueued> {
    let inserted = conn
        .query_row(
            "INSERT INTO outbox (kind, idempotency_key, payload, status, attempts,
                 max_attempts, run_at_ms, created_at_ms, updated_at_ms)
             VALUES (?1, ?2, ?3, 'pending', 0, ?4, ?5, ?6, ?6)
             ON CONFLICT (kind, idempotency_key) DO NOTHING
             RETURNING id",
            params![
                new.kind,
                new.idempotency_key,
                payload,
                new.max_attempts,
                new.run_at_ms,
                now_ms
            ],
            |row| row.get(0),
        )
        .optional()?;
    Ok(match inserted {
        Some(id) => Enqueued::Inserted(id),
        None => Enqueued::AlreadyQueued(conn.query_row(
            "SELECT id FROM outbox WHERE kind = ?1 AND idempotency_key = ?2",
            params![new.kind, new.idempotency_key],
            |row| row.get(0),
        )?),
    })
}

/// The smallest text above every text that starts with `prefix`: the prefix with its last character
/// raised by one code point (`None` when no such bound exists, and the range stays open).
fn key_prefix_end(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        // The next code point, stepping over the surrogate gap, which no `char` can hold.
        let next = match u32::from(last) + 1 {
            0xD800 => Some('\u{E000}'),
            code => char::from_u32(code),
        };
        if let Some(next) = next {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// Handle on the `outbox` table.
#[derive(Debug, Clone, Copy)]
pub struct Outbox<'s> {
    store: &'s Store,
}

impl<'s> Outbox<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    /// Queues a call unless one with the same kind and idempotency key exists.
    pub fn enqueue(&self, new: NewOutboxRow, now_ms: i64) -> Result<Enqueued, StoreError> {
        self.store.atomically(|w| w.enqueue(&new, now_ms))
    }

    /// Claims the oldest due pending row (by `run_at_ms`, then id): marks it running and counts
    /// the attempt, in one statement. `None` when nothing is due.
    pub fn claim_next(&self, now_ms: i64) -> Result<Option<OutboxRow>, StoreError> {
        self.store.run("claiming an outbox row", |conn| {
            conn.query_row(
                &format!(
                    "UPDATE outbox
                     SET status = 'running', attempts = attempts + 1, updated_at_ms = ?1
                     WHERE id = (SELECT id FROM outbox
                                 WHERE status = 'pending' AND run_at_ms <= ?1
                                 ORDER BY run_at_ms, id LIMIT 1)
                     RETURNING {COLUMNS}"
                ),
                params![now_ms],
                outbox_row,
            )
            .optional()
        })
    }

    /// Records that the call was accepted. To record the call's effect in the same transaction,
    /// use [`crate::Writes::outbox_done`] instead.
    pub fn mark_done(&self, id: i64, now_ms: i64) -> Result<(), StoreError> {
        self.store.atomically(|w| w.outbox_done(id, now_ms))
    }

    /// Puts the row back to pending until `run_at_ms`, keeping the error that made it wait.
    pub fn reschedule(
        &self,
        id: i64,
        run_at_ms: i64,
        error_code: &str,
        error: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.update_one(
            "rescheduling an outbox row",
            id,
            "UPDATE outbox
             SET status = 'pending', run_at_ms = ?2, last_error_code = ?3, last_error = ?4,
                 updated_at_ms = ?5
             WHERE id = ?1",
            params![id, run_at_ms, error_code, error, now_ms],
        )
    }

    /// Gives up on the row; it stays for a person to see, with the final error.
    pub fn mark_dead(
        &self,
        id: i64,
        error_code: &str,
        error: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.update_one(
            "marking an outbox row dead",
            id,
            "UPDATE outbox
             SET status = 'dead', last_error_code = ?2, last_error = ?3, updated_at_ms = ?4
             WHERE id = ?1",
            params![id, error_code, error, now_ms],
        )
    }

    /// Returns rows left running by a crash to pending; call once at start-up, before the drain
    /// worker starts. Their attempt stays counted: the call may have reached the remote side.
    pub fn requeue_running(&self, now_ms: i64) -> Result<usize, StoreError> {
        self.store.run("requeueing running outbox rows", |conn| {
            conn.execute(
                "UPDATE outbox SET status = 'pending', updated_at_ms = ?1 WHERE status = 'running'",
                params![now_ms],
            )
        })
    }

    /// Marks every pending row of `kind` whose idempotency key starts with `key_prefix` (the
    /// subject, e.g. `order:7:`), except the one keyed `keep_key` (the newer change), as `done`
    /// with `last_error_code = 'superseded'`. Returns how many rows changed.
    ///
    /// Only pending rows are touched: a running row may already be at the remote side, and done
    /// and dead rows are finished. The prefix is compared as plain text, so `%` and `_` in keys
    /// are ordinary characters, not `LIKE` wildcards; an empty prefix matches every key.
    ///
    /// Supersede before enqueueing the newer change: between the two, nothing of the subject is
    /// pending, so the drain worker cannot pick up the older row after the newer one. A crash in
    /// between only leaves the newer change to be planned again.
    pub fn supersede_pending(
        &self,
        kind: &str,
        key_prefix: &str,
        keep_key: &str,
        now_ms: i64,
    ) -> Result<usize, StoreError> {
        // A range on (kind, idempotency_key) uses the unique index; a substr() match would scan
        // every pending row, once per queued operation, and a large first sync would crawl. The
        // range ends at the prefix with its last character raised by one: every key that starts
        // with the prefix sorts in between (SQLite compares text by bytes, as Rust does).
        let upper = key_prefix_end(key_prefix);
        self.store.run("superseding pending outbox rows", |conn| {
            conn.execute(
                "UPDATE outbox
                 SET status = 'done', last_error_code = 'superseded',
                     last_error = 'replaced by a newer change', done_at_ms = ?5,
                     updated_at_ms = ?5
                 WHERE kind = ?1 AND idempotency_key >= ?2
                   AND (?3 IS NULL OR idempotency_key < ?3)
                   AND idempotency_key <> ?4 AND status = 'pending'",
                params![kind, key_prefix, upper, keep_key, now_ms],
            )
        })
    }

    /// Every row of `kind` that is not finished (pending or running), oldest (first enqueued)
    /// first: what the planner must take into account before it plans another change of the kind.
    pub fn open_of_kind(&self, kind: &str) -> Result<Vec<OutboxRow>, StoreError> {
        self.store
            .run("listing open outbox rows of a kind", |conn| {
                let mut stmt = conn.prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM outbox
                 WHERE kind = ?1 AND status IN ('pending', 'running')
                 ORDER BY id"
                ))?;
                let rows = stmt.query_map(params![kind], outbox_row)?;
                rows.collect()
            })
    }

    /// One row by id.
    pub fn get(&self, id: i64) -> Result<Option<OutboxRow>, StoreError> {
        self.store.run("reading an outbox row", |conn| {
            conn.query_row(
                &format!("SELECT {COLUMNS} FROM outbox WHERE id = ?1"),
                params![id],
                outbox_row,
            )
            .optional()
        })
    }

    /// Puts a dead row back in the queue with a fresh set of attempts, when the merchant asks
    /// for it again (after fixing what made it fail). Its last error stays until the next attempt.
    pub fn retry_dead(&self, id: i64, now_ms: i64) -> Result<(), StoreError> {
        self.update_one(
            "putting a dead outbox row back in the queue",
            id,
            "UPDATE outbox
             SET status = 'pending', attempts = 0, run_at_ms = ?2, updated_at_ms = ?2
             WHERE id = ?1 AND status = 'dead'",
            &[&id, &now_ms],
        )
    }

    /// When the earliest pending row is due, if any: the scheduler sleeps until then.
    pub fn next_run_at_ms(&self) -> Result<Option<i64>, StoreError> {
        self.store.run("finding the next due outbox row", |conn| {
            conn.query_row(
                "SELECT min(run_at_ms) FROM outbox WHERE status = 'pending'",
                [],
                |row| row.get(0),
            )
        })
    }

    /// How many pending rows are due at `now_ms`: what a drain starting now has before it.
    pub fn due_count(&self, now_ms: i64) -> Result<u64, StoreError> {
        self.store.run("counting due outbox rows", |conn| {
            conn.query_row(
                "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND run_at_ms <= ?1",
                params![now_ms],
                |row| row.get::<_, i64>(0),
            )
            .map(|n| u64::try_from(n).unwrap_or(0))
        })
    }

    /// Calls in trouble, most recently changed first: those given up on, and those waiting for
    /// another attempt after a failure (pending with an error kept). Up to `limit`.
    pub fn troubled(&self, limit: usize) -> Result<Vec<OutboxRow>, StoreError> {
        self.store.run("listing failed outbox rows", |conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM outbox
                 WHERE status = 'dead'
                    OR (status IN ('pending', 'running') AND last_error_code IS NOT NULL)
                 ORDER BY updated_at_ms DESC, id DESC LIMIT ?1"
            ))?;
            let rows = stmt.query_map(params![sql_limit(limit)], outbox_row)?;
            rows.collect()
        })
    }

    /// Up to `limit` rows, newest first, optionally only those in `status`.
    pub fn list(
        &self,
        status: Option<OutboxStatus>,
        limit: usize,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        self.store.run("listing outbox rows", |conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM outbox
                 WHERE ?1 IS NULL OR status = ?1
                 ORDER BY id DESC LIMIT ?2"
            ))?;
            let rows = stmt.query_map(params![status, sql_limit(limit)], outbox_row)?;
            rows.collect()
        })
    }

    /// How many rows are in each status.
    pub fn counts(&self) -> Result<OutboxCounts, StoreError> {
        self.store.run("counting outbox rows", |conn| {
            let mut stmt =
                conn.prepare_cached("SELECT status, COUNT(*) FROM outbox GROUP BY status")?;
            let mut rows = stmt.query([])?;
            let mut counts = OutboxCounts::default();
            while let Some(row) = rows.next()? {
                let count = u64::try_from(row.get::<_, i64>(1)?).unwrap_or(0);
                match row.get::<_, OutboxStatus>(0)? {
                    OutboxStatus::Pending => counts.pending = count,
                    OutboxStatus::Running => counts.running = count,
                    OutboxStatus::Done => counts.done = count,
                    OutboxStatus::Dead => counts.dead = count,
                }
            }
            Ok(counts)
        })
    }

    /// Every row of the given kinds whose idempotency key starts with `key_prefix` (an order's
    /// `1042@` covers every call made for shop order 1042), oldest first. Each kind is a range on
    /// the unique `(kind, idempotency_key)` index, so the lookup stays fast however long the
    /// outbox grows.
    pub fn with_key_prefix(
        &self,
        kinds: &[&str],
        key_prefix: &str,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let upper = key_prefix_end(key_prefix);
        self.store
            .run("listing the outbox rows of a subject", |conn| {
                let mut stmt = conn.prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM outbox
                 WHERE kind = ?1 AND idempotency_key >= ?2
                   AND (?3 IS NULL OR idempotency_key < ?3)"
                ))?;
                let mut rows = Vec::new();
                for kind in kinds {
                    let found = stmt.query_map(params![kind, key_prefix, upper], outbox_row)?;
                    for row in found {
                        rows.push(row?);
                    }
                }
                rows.sort_by_key(|row| row.id);
                Ok(rows)
            })
    }

    /// Runs an UPDATE of one row by id and reports a missing row as an error rather than a no-op,
    /// since the drain worker only ever updates rows it has claimed.
    fn update_one(
        &self,
        context: &'static str,
        id: i64,
        sql: &str,
        params: &[&dyn ToSql],
    ) -> Result<(), StoreError> {
        let changed = self.store.run(context, |conn| conn.execute(sql, params))?;
        if changed == 0 {
            return Err(StoreError::NoSuchRow {
                table: "outbox",
                id,
            });
        }
        Ok(())
    }
}
