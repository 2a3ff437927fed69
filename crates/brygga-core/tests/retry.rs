//! The outbox retry policy: how long a failed row waits, and when it is given up.

use std::time::Duration;

use brygga_core::remote::FailureClass;
use brygga_core::retry::{RETRY_AFTER_FLOOR, RetryDecision, RetryPolicy};

fn wait(decision: RetryDecision) -> Duration {
    match decision {
        RetryDecision::RetryIn(wait) => wait,
        RetryDecision::GiveUp => panic!("expected a retry, the policy gave up"),
    }
}

#[test]
fn backoff_doubles_from_the_base_and_stops_at_the_cap() {
    let policy = RetryPolicy::default();
    let steps: Vec<u64> = (1..=12).map(|n| policy.step(n).as_secs()).collect();
    assert_eq!(
        steps,
        vec![5, 10, 20, 40, 80, 160, 320, 640, 1280, 1800, 1800, 1800],
        "5 s doubling after each failure, never more than the 30 min cap"
    );
}

#[test]
fn equal_jitter_keeps_the_wait_between_half_a_step_and_a_step() {
    let policy = RetryPolicy::default();
    for attempts in 1..policy.max_attempts {
        let step = policy.step(attempts);
        let low = wait(policy.decide(FailureClass::Transient, attempts, 0.0));
        let high = wait(policy.decide(FailureClass::Transient, attempts, 1.0));
        assert_eq!(
            low,
            step / 2,
            "jitter 0 gives the fixed half of the step (attempt {attempts})"
        );
        assert!(
            high <= step && high >= step - Duration::from_nanos(1),
            "jitter 1 gives the whole step, give or take rounding (attempt {attempts}): {high:?}"
        );
        let middle = wait(policy.decide(FailureClass::Transient, attempts, 0.5));
        assert!(
            low < middle && middle < high,
            "jitter moves the wait inside the range"
        );
    }
    assert_eq!(
        wait(policy.decide(FailureClass::Transient, 1, 7.0)),
        policy.step(1),
        "a jitter above 1 is clamped, so a bad random source cannot stretch the wait"
    );
    assert_eq!(
        wait(policy.decide(FailureClass::Transient, 1, f64::NAN)),
        policy.step(1) / 2,
        "NaN counts as 0: the wait stays inside its bounds"
    );
}

#[test]
fn a_wait_never_exceeds_the_cap_however_long_the_failures_go_on() {
    let policy = RetryPolicy {
        max_attempts: 1000,
        ..RetryPolicy::default()
    };
    for attempts in [10, 33, 64, 999] {
        let longest = wait(policy.decide(FailureClass::Transient, attempts, 1.0));
        assert!(
            longest <= policy.cap,
            "attempt {attempts} waits {longest:?}; the cap bounds every wait"
        );
    }
}

#[test]
fn abort_gives_up_at_once() {
    let policy = RetryPolicy::default();
    assert_eq!(
        policy.decide(FailureClass::Abort, 1, 0.5),
        RetryDecision::GiveUp,
        "a refusal or bad credentials will fail the same way again; the merchant must look"
    );
}

#[test]
fn retry_after_honours_the_servers_wait() {
    let policy = RetryPolicy::default();
    let asked = Duration::from_secs(42);
    assert_eq!(
        policy.decide(FailureClass::RetryAfter(asked), 3, 0.0),
        RetryDecision::RetryIn(asked),
        "the server said when it can take the call; jitter and backoff do not apply"
    );
    assert_eq!(
        policy.decide(FailureClass::RetryAfter(Duration::ZERO), 1, 0.0),
        RetryDecision::RetryIn(RETRY_AFTER_FLOOR),
        "Retry-After: 0 still waits a moment, so a refused call is not repeated in a tight loop"
    );
    assert_eq!(
        policy.decide(FailureClass::RetryAfter(asked), policy.max_attempts, 0.0),
        RetryDecision::GiveUp,
        "a server that keeps asking to wait still uses up the attempts"
    );
}

#[test]
fn exhausted_attempts_give_up() {
    let policy = RetryPolicy::default();
    assert!(
        matches!(
            policy.decide(FailureClass::Transient, policy.max_attempts - 1, 0.5),
            RetryDecision::RetryIn(_)
        ),
        "one attempt is left"
    );
    assert_eq!(
        policy.decide(FailureClass::Transient, policy.max_attempts, 0.5),
        RetryDecision::GiveUp,
        "max_attempts counts the first attempt too, so after that many failures the row is dead"
    );
}
