//! `sync_runs`: one row per sync cycle, so the merchant can see when each flow last ran and how.
//!
//! A run is started before the cycle does any work and finished once with its outcome, so a crash
//! leaves an unfinished row rather than a false success. Each run is its own row, which is why a
//! later failure never erases the last success: [`SyncRuns::last_success`] looks for it separately
//! (GitButler's `fetch_status` semantics).

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSqlOutput, ValueRef};
use rusqlite::{OptionalExtension, Row, ToSql, params};
use serde::{Deserialize, Serialize};

use super::{json_column, json_text, sql_limit};
use crate::Store;
use crate::error::StoreError;

/// How a finished run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncOutcome {
    Succeeded,
    Failed,
    Cancelled,
}

impl SyncOutcome {
    /// The text stored in the `outcome` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Succeeded => "succeeded",
            Self::Failed => "failed",
            Self::Cancelled => "cancelled",
        }
    }
}

impl ToSql for SyncOutcome {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl FromSql for SyncOutcome {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match value.as_str()? {
            "succeeded" => Ok(Self::Succeeded),
            "failed" => Ok(Self::Failed),
            "cancelled" => Ok(Self::Cancelled),
            other => Err(FromSqlError::Other(
                format!("unknown sync outcome {other:?}").into(),
            )),
        }
    }
}

/// One sync cycle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncRun {
    pub id: i64,
    /// Which flow ran, e.g. `orders` or `stock`.
    pub flow: String,
    /// A dry run planned but sent nothing.
    pub dry_run: bool,
    pub started_at_ms: i64,
    /// `None` while the run is in progress (or if the app stopped during it).
    pub finished_at_ms: Option<i64>,
    pub outcome: Option<SyncOutcome>,
    /// What the run did, e.g. `{"orders_pushed": 3}`; `{}` until finished.
    pub counts: serde_json::Value,
    pub error: Option<String>,
}

const COLUMNS: &str = "id, flow, dry_run, started_at_ms, finished_at_ms, outcome, counts, error";

fn sync_run(row: &Row<'_>) -> rusqlite::Result<SyncRun> {
    Ok(SyncRun {
        id: row.get(0)?,
        flow: row.get(1)?,
        dry_run: row.get(2)?,
        started_at_ms: row.get(3)?,
        finished_at_ms: row.get(4)?,
        outcome: row.get(5)?,
        counts: json_column(row, 6)?,
        error: row.get(7)?,
    })
}

/// Handle on the `sync_runs` table.
#[derive(Debug, Clone, Copy)]
pub struct SyncRuns<'s> {
    store: &'s Store,
}

impl<'s> SyncRuns<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    /// Records that a cycle of `flow` began; returns the run's id for [`SyncRuns::finish`].
    pub fn start(&self, flow: &str, dry_run: bool, now_ms: i64) -> Result<i64, StoreError> {
        self.store.run("starting a sync run", |conn| {
            conn.execute(
                "INSERT INTO sync_runs (flow, dry_run, started_at_ms) VALUES (?1, ?2, ?3)",
                params![flow, dry_run, now_ms],
            )?;
            Ok(conn.last_insert_rowid())
        })
    }

    /// Records how run `id` ended. A run finishes once; a second call is an error and the first
    /// outcome stands.
    pub fn finish(
        &self,
        id: i64,
        outcome: SyncOutcome,
        counts: serde_json::Value,
        error: Option<&str>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let counts = json_text(&counts, "sync run counts")?;
        let (changed, exists) = self.store.run("finishing a sync run", |conn| {
            let changed = conn.execute(
                "UPDATE sync_runs
                 SET finished_at_ms = ?2, outcome = ?3, counts = ?4, error = ?5
                 WHERE id = ?1 AND finished_at_ms IS NULL",
                params![id, now_ms, outcome, counts, error],
            )?;
            let exists = changed > 0
                || conn
                    .query_row("SELECT 1 FROM sync_runs WHERE id = ?1", params![id], |_| {
                        Ok(())
                    })
                    .optional()?
                    .is_some();
            Ok((changed, exists))
        })?;
        match (changed, exists) {
            (0, false) => Err(StoreError::NoSuchRow {
                table: "sync_runs",
                id,
            }),
            (0, true) => Err(StoreError::SyncRunAlreadyFinished { id }),
            _ => Ok(()),
        }
    }

    /// The most recently started run of `flow`, finished or not, dry or not.
    pub fn latest(&self, flow: &str) -> Result<Option<SyncRun>, StoreError> {
        self.store.run("reading the latest sync run", |conn| {
            conn.query_row(
                &format!(
                    "SELECT {COLUMNS} FROM sync_runs WHERE flow = ?1
                     ORDER BY started_at_ms DESC, id DESC LIMIT 1"
                ),
                params![flow],
                sync_run,
            )
            .optional()
        })
    }

    /// The most recently started real (not dry) run of `flow`, however it ended: the scheduler
    /// counts its interval from there, so a failing flow waits its interval too instead of
    /// hammering a system that is down.
    pub fn latest_real(&self, flow: &str) -> Result<Option<SyncRun>, StoreError> {
        self.store.run("reading the latest real sync run", |conn| {
            conn.query_row(
                &format!(
                    "SELECT {COLUMNS} FROM sync_runs WHERE flow = ?1 AND dry_run = 0
                     ORDER BY started_at_ms DESC, id DESC LIMIT 1"
                ),
                params![flow],
                sync_run,
            )
            .optional()
        })
    }

    /// The most recent run of `flow` that succeeded and was not a dry run: the last time the two
    /// systems were really brought in step. Dry runs are left out because they changed nothing.
    pub fn last_success(&self, flow: &str) -> Result<Option<SyncRun>, StoreError> {
        self.store
            .run("reading the last successful sync run", |conn| {
                conn.query_row(
                    &format!(
                        "SELECT {COLUMNS} FROM sync_runs
                     WHERE flow = ?1 AND outcome = 'succeeded' AND dry_run = 0
                     ORDER BY started_at_ms DESC, id DESC LIMIT 1"
                    ),
                    params![flow],
                    sync_run,
                )
                .optional()
            })
    }

    /// One page of runs, newest first: of `flow` if given, started in `[from_ms, to_ms)` where
    /// given, skipping `offset`. Returns the page and how many runs match in all.
    pub fn page(
        &self,
        flow: Option<&str>,
        from_ms: Option<i64>,
        to_ms: Option<i64>,
        offset: usize,
        limit: usize,
    ) -> Result<(Vec<SyncRun>, u64), StoreError> {
        const FILTER: &str = "(?1 IS NULL OR flow = ?1) AND (?2 IS NULL OR started_at_ms >= ?2)
             AND (?3 IS NULL OR started_at_ms < ?3)";
        self.store.run("reading a page of sync runs", |conn| {
            let total: i64 = conn.query_row(
                &format!("SELECT COUNT(*) FROM sync_runs WHERE {FILTER}"),
                params![flow, from_ms, to_ms],
                |row| row.get(0),
            )?;
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM sync_runs WHERE {FILTER}
                 ORDER BY started_at_ms DESC, id DESC LIMIT ?4 OFFSET ?5"
            ))?;
            let rows = stmt.query_map(
                params![flow, from_ms, to_ms, sql_limit(limit), sql_limit(offset)],
                sync_run,
            )?;
            let runs = rows.collect::<rusqlite::Result<Vec<_>>>()?;
            Ok((runs, u64::try_from(total).unwrap_or(0)))
        })
    }

    /// The latest `limit` runs of every flow, newest first.
    pub fn recent(&self, limit: usize) -> Result<Vec<SyncRun>, StoreError> {
        self.store.run("reading recent sync runs", |conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM sync_runs ORDER BY started_at_ms DESC, id DESC LIMIT ?1"
            ))?;
            let rows = stmt.query_map(params![sql_limit(limit)], sync_run)?;
            rows.collect()
        })
    }
}
