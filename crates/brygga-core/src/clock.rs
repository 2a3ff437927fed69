//! The Clock port: where "now" comes from.
//!
//! Schedules, retry times and cursors all depend on the current time. Reading the system clock
//! inside that logic would make it untestable: a test of "the laptop was off from Friday evening
//! to Monday morning" would have to wait a weekend. So every caller that needs the time is handed
//! a [`Clock`]; the app passes [`SystemClock`], tests pass a [`ManualClock`] and move it by hand,
//! days at a time, without sleeping.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Duration, Utc};

/// A source of the current instant.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
}

/// The operating system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to; shared between threads, so a test can advance it while
/// the engine under test holds it.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<DateTime<Utc>>,
}

impl ManualClock {
    /// A clock standing at `start`.
    pub fn new(start: DateTime<Utc>) -> Self {
        Self {
            now: Mutex::new(start),
        }
    }

    /// Puts the clock at `instant`, which may be earlier than now (a clock set back is a case the
    /// engine must survive too).
    pub fn set(&self, instant: DateTime<Utc>) {
        *self.lock() = instant;
    }

    /// Moves the clock by `by` (negative moves it back) and returns the new time.
    pub fn advance(&self, by: Duration) -> DateTime<Utc> {
        let mut now = self.lock();
        *now += by;
        *now
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, DateTime<Utc>> {
        // The guarded value is a plain instant that is never left half-written, so a panic in
        // another holder leaves nothing to repair.
        self.now.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.lock()
    }
}

impl<C: Clock + ?Sized> Clock for Arc<C> {
    fn now(&self) -> DateTime<Utc> {
        (**self).now()
    }
}

impl<C: Clock + ?Sized> Clock for &C {
    fn now(&self) -> DateTime<Utc> {
        (**self).now()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_manual_clock_moves_only_when_told() {
        let start = Utc.with_ymd_and_hms(2025, 3, 7, 18, 0, 0).unwrap();
        let clock = Arc::new(ManualClock::new(start));
        assert_eq!(clock.now(), start, "nothing has moved the clock yet");

        let shared: Arc<dyn Clock> = clock.clone();
        let later = clock.advance(Duration::days(3));
        assert_eq!(
            shared.now(),
            later,
            "every holder of the clock sees the same advanced time"
        );
        assert_eq!(later - start, Duration::days(3));

        clock.set(start);
        assert_eq!(shared.now(), start, "set may move the clock back");
    }
}
