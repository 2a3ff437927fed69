//! What the engine is doing right now, for a window that shows long work as it happens.
//!
//! The engine reports into a shared [`Progress`] when one is attached ([`Engine::with_progress`]):
//! which flow runs, and while the outbox drains, how many of the calls that were due when the drain
//! began are done. Reporting is a short mutex write per call; reading is a copy of the snapshot, so
//! a UI polling every half second costs the engine nothing it would notice.

use std::sync::{Mutex, PoisonError};

use brygga_core::schedule::Flow;
use serde::Serialize;

use crate::engine::Engine;

/// The engine's current step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Phase {
    /// Nothing runs.
    Idle,
    /// A flow cycle reads both sides and plans.
    Flow(Flow),
    /// Queued calls are being sent, one at a time.
    Draining,
}

/// A copy of the progress at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProgressSnapshot {
    pub phase: Phase,
    /// While draining: calls finished (done, rescheduled or given up) so far.
    pub done: u64,
    /// While draining: the calls that were due when the drain began (raised if more came due).
    pub total: u64,
}

impl Default for ProgressSnapshot {
    fn default() -> Self {
        ProgressSnapshot {
            phase: Phase::Idle,
            done: 0,
            total: 0,
        }
    }
}

/// Where the engine reports what it is doing; shared with whoever shows it.
#[derive(Debug, Default)]
pub struct Progress {
    state: Mutex<ProgressSnapshot>,
}

impl Progress {
    /// What the engine is doing now.
    pub fn snapshot(&self) -> ProgressSnapshot {
        *self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn update(&self, change: impl FnOnce(&mut ProgressSnapshot)) {
        change(&mut self.state.lock().unwrap_or_else(PoisonError::into_inner));
    }

    pub(crate) fn flow_started(&self, flow: Flow) {
        self.update(|s| {
            *s = ProgressSnapshot {
                phase: Phase::Flow(flow),
                done: 0,
                total: 0,
            }
        });
    }

    pub(crate) fn drain_started(&self, total: u64) {
        self.update(|s| {
            *s = ProgressSnapshot {
                phase: Phase::Draining,
                done: 0,
                total,
            }
        });
    }

    pub(crate) fn call_finished(&self) {
        self.update(|s| {
            s.done += 1;
            s.total = s.total.max(s.done);
        });
    }

    pub(crate) fn finished(&self) {
        self.update(|s| *s = ProgressSnapshot::default());
    }
}

impl Engine {
    /// Reports what the engine does into `progress` from now on.
    pub fn with_progress(mut self, progress: std::sync::Arc<Progress>) -> Self {
        self.progress = Some(progress);
        self
    }

    pub(crate) fn report(&self, change: impl FnOnce(&Progress)) {
        if let Some(progress) = &self.progress {
            change(progress);
        }
    }
}
