//! The simulator's clock: system time plus an offset that tests and the control API can move.
//!
//! Every timestamp the simulator writes (created, status changed, stock changed, shipped, received)
//! and every time window it checks (`stockInfoChangedFrom` within 24 hours) reads this clock, so a
//! scenario can fast-forward a day without waiting for one.

use chrono::{DateTime, TimeDelta, Utc};

/// System time shifted by a settable offset.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SimClock {
    offset: TimeDelta,
}

impl SimClock {
    pub(crate) fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset
    }

    /// Makes `now()` read `time` at this instant; time keeps running from there.
    pub(crate) fn set(&mut self, time: DateTime<Utc>) {
        self.offset = time - Utc::now();
    }

    pub(crate) fn advance(&mut self, by: TimeDelta) {
        self.offset += by;
    }
}
