//! How a failed call to the shop or the warehouse should be treated, decided where the failure is
//! understood (in each client) and acted on where retries happen (in the sync engine).
//!
//! Three classes, after the job queues that do this well: give up and show the merchant (`Abort`:
//! bad input, wrong credentials, a refusal), wait as long as the server asked (`RetryAfter`: 429, or
//! 503 with `Retry-After`), or try again with backoff (`Transient`: network trouble, timeouts, 5xx).

use std::time::Duration;

/// What to do about a failed call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureClass {
    /// Trying again will not help; the merchant has to look at it.
    Abort,
    /// The server asked to be called again after this long.
    RetryAfter(Duration),
    /// Probably passing; retry with backoff.
    Transient,
}

/// An error that knows its [`FailureClass`].
pub trait Classified {
    /// How the engine should treat this failure.
    fn class(&self) -> FailureClass;
}

/// Reads a `Retry-After` header value given in whole seconds. The HTTP-date form is not used by
/// the shop or the warehouse, and an unreadable value means "no hint", never an error.
pub fn retry_after_seconds(value: &str) -> Option<Duration> {
    value.trim().parse::<u64>().ok().map(Duration::from_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_takes_whole_seconds_and_ignores_the_rest() {
        assert_eq!(retry_after_seconds(" 7 "), Some(Duration::from_secs(7)));
        assert_eq!(
            retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT"),
            None,
            "a date is not a wait these APIs send; the caller falls back to its default"
        );
        assert_eq!(
            retry_after_seconds("-3"),
            None,
            "a negative wait is no hint"
        );
    }
}
