//! The scheduler: runs each flow when its schedule says, drains the outbox after every pass, and
//! sleeps until the next flow or queued retry is due.
//!
//! A pass ([`Engine::tick`]) is a plain function of the clock, so tests move a manual clock through
//! days and call it; [`Engine::run_scheduled`] wraps it in the waiting loop the `brygga run`
//! command and the desktop app use. Stopping is cooperative: a stop request is seen between calls,
//! so the call in flight finishes and is recorded before the loop ends. Missed runs (the computer
//! was off) are caught up once, not replayed: that rule lives in `brygga_core::schedule`.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use brygga_core::schedule::{Flow, due_flows, next_runs};
use chrono::{DateTime, TimeZone, Utc};
use serde::Serialize;
use tokio::sync::Notify;

use crate::engine::Engine;
use crate::error::SyncError;
use crate::report::{DrainReport, FlowReport};

/// The longest the loop sleeps before looking again (settings may have changed meanwhile).
const MAX_NAP: Duration = Duration::from_secs(60);

/// A stop request, seen by the drain between calls and by the loop while it sleeps.
#[derive(Debug, Default)]
pub struct Stop {
    flag: AtomicBool,
    wake: Notify,
}

impl Stop {
    pub fn request(&self) {
        self.flag.store(true, Ordering::SeqCst);
        self.wake.notify_waiters();
    }

    pub fn is_requested(&self) -> bool {
        self.flag.load(Ordering::SeqCst)
    }

    /// The flag the drain checks between calls.
    pub fn flag(&self) -> &AtomicBool {
        &self.flag
    }

    /// Sleeps for `duration` or until a stop is requested, whichever comes first.
    pub async fn nap(&self, duration: Duration) {
        let woken = self.wake.notified();
        if self.is_requested() {
            return;
        }
        let _ = tokio::time::timeout(duration, woken).await;
    }
}

/// What one scheduler pass did.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tick {
    /// Each flow run, with its report or its error in words.
    pub flows: Vec<(Flow, Result<FlowReport, String>)>,
    /// The release batches run by the schedule in this pass.
    pub releases: Result<Vec<crate::release::BatchReport>, String>,
    pub drained: DrainReport,
}

impl Engine {
    /// When each flow last started a real run, from the store.
    pub fn last_runs(&self) -> Result<BTreeMap<Flow, DateTime<Utc>>, SyncError> {
        let mut last = BTreeMap::new();
        for flow in Flow::ALL {
            if let Some(run) = self.store.sync_runs().latest_real(flow.as_str())?
                && let Some(at) = Utc.timestamp_millis_opt(run.started_at_ms).single()
            {
                last.insert(flow, at);
            }
        }
        Ok(last)
    }

    /// One pass: every due flow once (a failing flow is reported and the others still run), then
    /// the outbox drained.
    pub async fn tick(&self, stop: &Stop) -> Result<Tick, SyncError> {
        let schedules = self.settings()?.schedules;
        let due = due_flows(&schedules, &self.last_runs()?, self.now());
        self.pass(&due, stop).await
    }

    /// How long until the next flow or queued retry is due, at most [`MAX_NAP`].
    pub fn time_to_next(&self) -> Result<Duration, SyncError> {
        let now = self.now();
        let schedules = self.settings()?.schedules;
        let next_flow = next_runs(&schedules, &self.last_runs()?, now)
            .into_iter()
            .map(|(_, at)| at)
            .min();
        let next_row = self
            .store
            .outbox()
            .next_run_at_ms()?
            .and_then(|ms| Utc.timestamp_millis_opt(ms).single());
        let next = [next_flow, next_row].into_iter().flatten().min();
        Ok(next
            .map(|at| (at - now).to_std().unwrap_or_default())
            .unwrap_or(MAX_NAP)
            .min(MAX_NAP))
    }

    /// One pass of every flow, the release check and a drain, whatever the schedules say.
    pub async fn run_once(&self, stop: &Stop) -> Result<Tick, SyncError> {
        self.pass(
            &[Flow::Articles, Flow::Orders, Flow::Statuses, Flow::Stock],
            stop,
        )
        .await
    }

    /// Runs `flows` in order (a failing flow is reported and the others still run), looks at the
    /// release schedule, then drains the outbox.
    async fn pass(&self, flows: &[Flow], stop: &Stop) -> Result<Tick, SyncError> {
        let mut ran = Vec::new();
        for &flow in flows {
            if stop.is_requested() {
                break;
            }
            let result = self.run_flow(flow, false).await;
            if let Err(err) = &result {
                tracing::warn!(
                    flow = flow.as_str(),
                    code = err.code(),
                    "cycle failed: {err}"
                );
            }
            ran.push((flow, result.map_err(|err| err.to_string())));
        }
        let releases = self.release_tick().await;
        if let Err(err) = &releases {
            tracing::warn!(code = err.code(), "release check failed: {err}");
        }
        let drained = self.drain(stop.flag()).await?;
        Ok(Tick {
            flows: ran,
            releases: releases.map_err(|err| err.to_string()),
            drained,
        })
    }

    /// Like [`Engine::run_scheduled`], but every flow runs every `interval`, whatever the schedules
    /// say: for demonstrations and for tests that need many cycles quickly.
    pub async fn run_every(
        &self,
        interval: Duration,
        stop: &Stop,
        mut on_tick: impl FnMut(&Tick),
    ) -> Result<(), SyncError> {
        self.store.outbox().requeue_running(self.now_ms())?;
        while !stop.is_requested() {
            let tick = self.run_once(stop).await?;
            on_tick(&tick);
            stop.nap(interval).await;
        }
        Ok(())
    }

    /// Runs passes until `stop` is requested, calling `on_tick` after each. Rows a crash left
    /// running are queued again first: nothing else drains this outbox while the loop runs.
    pub async fn run_scheduled(
        &self,
        stop: &Stop,
        mut on_tick: impl FnMut(&Tick),
    ) -> Result<(), SyncError> {
        let requeued = self.store.outbox().requeue_running(self.now_ms())?;
        if requeued > 0 {
            tracing::info!(
                requeued,
                "calls left running by an earlier stop are queued again"
            );
        }
        while !stop.is_requested() {
            let tick = self.tick(stop).await?;
            on_tick(&tick);
            let nap = self.time_to_next()?;
            stop.nap(nap.max(Duration::from_millis(200))).await;
        }
        Ok(())
    }
}
