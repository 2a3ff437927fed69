//! The engine: one value holding the store, the two clients and the clock, with one method per
//! flow cycle and one to drain the outbox.
//!
//! A cycle reads both sides, plans with the pure planners of `brygga-core`, records what it found
//! (problems, holds, what was seen) and queues the operations in the outbox; a dry run does the
//! reading and the planning and writes nothing at all, to either system or to the store. Every
//! cycle is recorded in `sync_runs`.

use std::sync::Arc;

use brygga_core::clock::Clock;
use brygga_core::operation::Operation;
use brygga_core::retry::RetryPolicy;
use brygga_core::schedule::Flow;
use brygga_store::{Enqueued, Store, StoreError, SyncOutcome};
use chrono::{DateTime, TimeDelta, Utc};

use crate::error::SyncError;
use crate::execute::Remotes;
use crate::report::{FlowReport, Planned};
use crate::settings::SyncSettings;

/// The sync engine for one shop and one warehouse goods owner.
pub struct Engine {
    pub(crate) store: Arc<Store>,
    pub(crate) remotes: Remotes,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) retry: RetryPolicy,
    pub(crate) catalogue: Arc<crate::catalogue::CatalogueCache>,
    pub(crate) progress: Option<Arc<crate::progress::Progress>>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("store", &self.store)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl Engine {
    pub fn new(store: Arc<Store>, remotes: Remotes, clock: Arc<dyn Clock>) -> Self {
        Engine {
            store,
            remotes,
            clock,
            retry: RetryPolicy::default(),
            catalogue: Arc::default(),
            progress: None,
        }
    }

    /// Shares the shop's catalogue as read with the other engines of the same shop.
    pub fn with_catalogue(mut self, cache: Arc<crate::catalogue::CatalogueCache>) -> Self {
        self.catalogue = cache;
        self
    }

    /// Replaces the retry policy (tests use short waits).
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The clients of both systems, for the reads a command makes before it plans.
    pub fn remotes(&self) -> &Remotes {
        &self.remotes
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub(crate) fn now_ms(&self) -> i64 {
        self.now().timestamp_millis()
    }

    pub(crate) fn settings(&self) -> Result<SyncSettings, StoreError> {
        SyncSettings::load(&self.store)
    }

    /// Records the first-sync baseline if there is none yet: from now on, orders older than this
    /// are never changed in the shop. Returns the baseline in force.
    pub fn activate(&self) -> Result<DateTime<Utc>, StoreError> {
        if let Some(baseline) = self.settings()?.baseline {
            return Ok(baseline);
        }
        // Whole seconds, as the shop stamps its orders: an order placed in the same second as the
        // activation counts as after it.
        let now = self.now();
        let baseline = now - TimeDelta::nanoseconds(i64::from(now.timestamp_subsec_nanos()));
        self.store
            .settings()
            .set(crate::settings::BASELINE, &baseline, now.timestamp_millis())?;
        Ok(baseline)
    }

    /// Runs one cycle of `flow`: plan, and unless `dry_run`, record and queue. The first real
    /// cycle of any flow records the first-sync baseline.
    pub async fn run_flow(&self, flow: Flow, dry_run: bool) -> Result<FlowReport, SyncError> {
        if !dry_run {
            self.activate()?;
        }
        let run = self
            .store
            .sync_runs()
            .start(flow.as_str(), dry_run, self.now_ms())?;
        self.report(|p| p.flow_started(flow));
        let result = match flow {
            Flow::Articles => self.articles_cycle(dry_run).await,
            Flow::Orders => self.orders_cycle(dry_run).await,
            Flow::Statuses => self.statuses_cycle(dry_run).await,
            Flow::Stock => self.stock_cycle(dry_run, false).await,
            Flow::Reconcile => self.stock_cycle(dry_run, true).await,
            Flow::PurchaseOrders => self.purchase_orders_cycle(dry_run).await,
            Flow::Returns => self.returns_cycle(dry_run).await,
        };
        let (outcome, counts, error) = match &result {
            Ok(report) => (
                SyncOutcome::Succeeded,
                serde_json::to_value(&report.counts).unwrap_or_default(),
                None,
            ),
            Err(err) => (
                SyncOutcome::Failed,
                serde_json::json!({}),
                Some(err.to_string()),
            ),
        };
        self.store
            .sync_runs()
            .finish(run, outcome, counts, error.as_deref(), self.now_ms())?;
        self.report(crate::progress::Progress::finished);
        result
    }

    /// Queues the operations (or, in a dry run, only lists them) and adds them to the report.
    pub(crate) fn enqueue(
        &self,
        operations: Vec<Operation>,
        report: &mut FlowReport,
    ) -> Result<(), StoreError> {
        for operation in operations {
            let queued = report.dry_run || self.queue(&operation)?;
            report.planned.push(Planned {
                kind: operation.kind().to_owned(),
                key: operation.key(),
                subject: operation.subject(),
                queued,
                operation,
            });
        }
        Ok(())
    }

    /// Queues one operation; false when the same change was queued before. A newly queued change
    /// supersedes older waiting changes of the same kind for the same subject, so an older version
    /// of an order or a stock quantity is never sent after a newer one.
    pub(crate) fn queue(&self, operation: &Operation) -> Result<bool, StoreError> {
        Ok(matches!(self.queue_row(operation)?, Enqueued::Inserted(_)))
    }

    /// Queues one operation like [`Engine::queue`] and says which outbox row stands for it.
    pub(crate) fn queue_row(&self, operation: &Operation) -> Result<Enqueued, StoreError> {
        let now_ms = self.now_ms();
        let kind = operation.kind();
        let key = operation.key();
        // Older waiting versions go first, so no crash can leave one behind the new one.
        if let Some((prefix, _)) = key.split_once('#') {
            self.store
                .outbox()
                .supersede_pending(kind, &format!("{prefix}#"), &key, now_ms)?;
        }
        self.store
            .outbox()
            .enqueue(self.outbox_row(operation), now_ms)
    }

    /// A feed's cursor: the time its last cycle started reading (`None` before the first).
    pub(crate) fn cursor(&self, feed: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
        Ok(self
            .store
            .cursors()
            .get(feed)?
            .and_then(|c| DateTime::parse_from_rfc3339(&c).ok())
            .map(|c| c.with_timezone(&Utc)))
    }

    /// Moves a feed's cursor to when this cycle started reading, unless it is a dry run. Called
    /// after the cycle's operations are in the outbox, never before.
    pub(crate) fn advance_cursor(
        &self,
        feed: &str,
        started: DateTime<Utc>,
        dry_run: bool,
    ) -> Result<(), StoreError> {
        if dry_run {
            return Ok(());
        }
        self.store
            .cursors()
            .set(feed, &started.to_rfc3339(), self.now_ms())
    }
}
