//! How long an outbox row waits after a failed call, and when it stops being tried.
//!
//! The client classifies the failure ([`FailureClass`]); this policy turns the class and the number
//! of attempts into a decision. Giving up here does not drop anything: the engine marks the row
//! dead and shows it to the merchant with a retry button.
//!
//! Backoff uses **equal jitter**: half of the exponential step is fixed and the other half is
//! random. Full jitter (anywhere from zero to the step) spreads many clients best, but Brygga is
//! one client per goods owner sending one call at a time, so crowding is not the risk; an
//! immediate retry against a struggling warehouse is. Equal jitter keeps a floor of half the step
//! while still desynchronising rows that failed together.
//!
//! The random number is a parameter, not drawn here, so the decision is a pure function and tests
//! can pin it at both ends of its range.

use std::time::Duration;

use crate::remote::FailureClass;

/// The shortest wait honoured after a `Retry-After`, so a `Retry-After: 0` does not turn into a
/// tight loop of calls that the server just refused.
pub const RETRY_AFTER_FLOOR: Duration = Duration::from_secs(1);

/// When to try a failed call again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first one included; after that many failures the row is given up.
    pub max_attempts: u32,
    /// The wait after the first transient failure (before jitter), doubled after each further one.
    pub base: Duration,
    /// The longest wait between two attempts (before jitter).
    pub cap: Duration,
}

/// Twelve attempts, 5 s doubling to a 30 min cap. The eleven waits add up to 6155 s before jitter
/// (5 s, 10 s, … 1280 s, then 30 min twice), so with equal jitter a row is tried for between
/// about 50 minutes and 1 h 45 min: a blip is retried within seconds, a warehouse restart or a
/// short outage is ridden out, and a real problem still reaches the merchant the same day.
impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 12,
            base: Duration::from_secs(5),
            cap: Duration::from_secs(30 * 60),
        }
    }
}

/// What to do with a row whose call just failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    /// Stop trying; the engine marks the row dead and shows it.
    GiveUp,
    /// Try again after this long.
    RetryIn(Duration),
}

impl RetryPolicy {
    /// Decides after a failure. `attempts_so_far` counts the attempts made, the failed one
    /// included (so it is 1 after the first failure; 0 is read as 1). `jitter` is a random number
    /// in `0.0..=1.0`; values outside are clamped and NaN counts as 0.
    pub fn decide(&self, class: FailureClass, attempts_so_far: u32, jitter: f64) -> RetryDecision {
        let attempts = attempts_so_far.max(1);
        if attempts >= self.max_attempts {
            return RetryDecision::GiveUp;
        }
        match class {
            FailureClass::Abort => RetryDecision::GiveUp,
            FailureClass::RetryAfter(wait) => RetryDecision::RetryIn(wait.max(RETRY_AFTER_FLOOR)),
            FailureClass::Transient => {
                let step = self.step(attempts);
                let jitter = if jitter.is_nan() {
                    0.0
                } else {
                    jitter.clamp(0.0, 1.0)
                };
                let half = step / 2;
                RetryDecision::RetryIn(half + half.mul_f64(jitter))
            }
        }
    }

    /// The backoff step before jitter after `attempts` failures: `base * 2^(attempts - 1)`,
    /// at most `cap`.
    pub fn step(&self, attempts: u32) -> Duration {
        let doublings = attempts.max(1) - 1;
        2u32.checked_pow(doublings)
            .and_then(|factor| self.base.checked_mul(factor))
            .map_or(self.cap, |step| step.min(self.cap))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_attempt_count_is_capped_not_overflowed() {
        let policy = RetryPolicy {
            max_attempts: u32::MAX,
            ..RetryPolicy::default()
        };
        assert_eq!(
            policy.step(200),
            policy.cap,
            "2^199 does not fit; the cap is the answer for any long run of failures"
        );
    }
}
