//! Failed Ongoing calls, classified for the retry policy, with the server's own words kept.
//!
//! The spec declares no error responses at all, so the classes come from HTTP itself: 401/403 mean
//! the user, password or goods owner id is wrong; other 4xx are refusals (an order the warehouse has
//! started on, a bad field); 429 and 503 with `Retry-After` ask us to wait; 5xx, timeouts and broken
//! connections are passing trouble. The message never contains the `Authorization` header.

use std::time::Duration;

use brygga_core::remote::{Classified, FailureClass};

/// A failed call to Ongoing.
#[derive(Debug, thiserror::Error)]
pub enum OngoingError {
    /// Ongoing did not accept the credentials.
    #[error(
        "Ongoing refused the login ({status}) for {operation}: check the API user, the password and \
         the goods owner id. Server said: {message}"
    )]
    Unauthorized {
        operation: String,
        status: u16,
        message: String,
    },
    /// Ongoing refused the request itself.
    #[error("Ongoing refused {operation} ({status}): {message}")]
    Rejected {
        operation: String,
        status: u16,
        message: String,
    },
    /// Ongoing asked us to slow down.
    #[error("Ongoing asked to wait {}s before {operation} again ({status})", retry_after.as_secs())]
    RateLimited {
        operation: String,
        status: u16,
        retry_after: Duration,
    },
    /// A server error, a timeout or a broken connection.
    #[error("Ongoing could not be reached for {operation}: {message}")]
    Unavailable {
        operation: String,
        status: Option<u16>,
        message: String,
    },
    /// The request could not be built (a bug on our side, not the warehouse's); sending it again
    /// would fail the same way.
    #[error("the request for {operation} could not be built: {message}")]
    BadRequest { operation: String, message: String },
    /// The answer was not the JSON the spec describes.
    #[error("Ongoing answered {operation} with a body that could not be read: {message}")]
    BadResponse { operation: String, message: String },
}

/// Used when a 429 carries no `Retry-After`: a minute is Ongoing's natural rate window.
pub(crate) const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(60);

impl Classified for OngoingError {
    fn class(&self) -> FailureClass {
        match self {
            OngoingError::Unauthorized { .. }
            | OngoingError::Rejected { .. }
            | OngoingError::BadRequest { .. } => FailureClass::Abort,
            OngoingError::RateLimited { retry_after, .. } => FailureClass::RetryAfter(*retry_after),
            OngoingError::Unavailable { .. } | OngoingError::BadResponse { .. } => {
                FailureClass::Transient
            }
        }
    }
}

/// Turns a non-success status into the right error, keeping what the server said.
pub(crate) fn from_status(
    operation: &str,
    status: u16,
    retry_after: Option<Duration>,
    body: &str,
) -> OngoingError {
    let operation = operation.to_owned();
    let message = server_message(body);
    match status {
        401 | 403 => OngoingError::Unauthorized {
            operation,
            status,
            message,
        },
        429 => OngoingError::RateLimited {
            operation,
            status,
            retry_after: retry_after.unwrap_or(DEFAULT_RETRY_AFTER),
        },
        503 if retry_after.is_some() => OngoingError::RateLimited {
            operation,
            status,
            retry_after: retry_after.unwrap_or(DEFAULT_RETRY_AFTER),
        },
        500..=599 => OngoingError::Unavailable {
            operation,
            status: Some(status),
            message,
        },
        _ => OngoingError::Rejected {
            operation,
            status,
            message,
        },
    }
}

/// The `message` field of a JSON error body when there is one, else the body text, shortened.
fn server_message(body: &str) -> String {
    let from_json = serde_json::from_str::<serde_json::Value>(body)
        .ok()
        .and_then(|value| {
            ["message", "Message", "detail", "error"]
                .iter()
                .find_map(|key| value.get(key).and_then(|m| m.as_str()).map(str::to_owned))
        });
    let text = from_json.unwrap_or_else(|| body.trim().to_owned());
    if text.is_empty() {
        return "(no message)".to_owned();
    }
    text.chars().take(500).collect()
}

/// Reads `Retry-After`, if the answer has one in seconds.
pub(crate) fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    brygga_core::remote::retry_after_seconds(
        headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_map_to_the_retry_classes() {
        let class = |status, retry: Option<u64>| {
            from_status("GET articles", status, retry.map(Duration::from_secs), "").class()
        };
        assert_eq!(
            class(401, None),
            FailureClass::Abort,
            "wrong credentials do not fix themselves"
        );
        assert_eq!(
            class(400, None),
            FailureClass::Abort,
            "a refused body is refused again"
        );
        assert_eq!(
            class(429, Some(7)),
            FailureClass::RetryAfter(Duration::from_secs(7))
        );
        assert_eq!(
            class(429, None),
            FailureClass::RetryAfter(DEFAULT_RETRY_AFTER),
            "429 always waits"
        );
        assert_eq!(
            class(503, Some(3)),
            FailureClass::RetryAfter(Duration::from_secs(3))
        );
        assert_eq!(
            class(503, None),
            FailureClass::Transient,
            "503 without a hint is backoff"
        );
        assert_eq!(class(500, None), FailureClass::Transient);
    }

    #[test]
    fn the_servers_message_is_kept() {
        let err = from_status(
            "PUT orders",
            400,
            None,
            r#"{"message":"Order is being picked"}"#,
        );
        assert!(
            err.to_string().contains("Order is being picked"),
            "the merchant sees why: {err}"
        );
        let err = from_status("PUT orders", 401, None, "");
        assert!(
            err.to_string().contains("goods owner id"),
            "a login failure says what to check: {err}"
        );
    }
}
