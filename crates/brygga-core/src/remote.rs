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
