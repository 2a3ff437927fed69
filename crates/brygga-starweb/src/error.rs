//! Failed Starweb calls, classified for the retry policy, with the server's own words kept.
//!
//! Starweb answers errors as `ErrorModel`, `{"error": code, "error_description": text}`. The classes
//! follow HTTP and the docs: a refused login (400 `invalid_client` from `POST /token`, or a 401 that a
//! fresh token does not cure) and other 4xx are aborts; 429 (`Too Many Requests`, the documented
//! 1000-a-minute limit) and 503 with `Retry-After` ask us to wait; 5xx, timeouts and broken
//! connections are passing trouble. No message ever holds the client secret or an access token: the
//! client never formats them, and a server message that echoes the secret is redacted.

use std::time::Duration;

use brygga_core::remote::{Classified, FailureClass};

/// A failed call to Starweb.
#[derive(Debug, thiserror::Error)]
pub enum StarwebError {
    /// Starweb did not accept the credentials or the token made from them.
    #[error(
        "Starweb refused the login ({status}) for {operation}: check the client id and the client \
         secret of the API user in the Starweb admin. Server said: {message}"
    )]
    Unauthorized {
        operation: String,
        status: u16,
        message: String,
    },
    /// Starweb refused the request itself (a bad field, an unknown id, a read-only resource).
    #[error("Starweb refused {operation} ({status}): {message}")]
    Rejected {
        operation: String,
        status: u16,
        message: String,
    },
    /// Starweb asked us to slow down.
    #[error("Starweb asked to wait {}s before {operation} again ({status})", retry_after.as_secs())]
    RateLimited {
        operation: String,
        status: u16,
        retry_after: Duration,
    },
    /// A server error, a timeout or a broken connection.
    #[error("Starweb could not be reached for {operation}: {message}")]
    Unavailable {
        operation: String,
        status: Option<u16>,
        message: String,
    },
    /// The request could not be built (a bug on our side); sending it again would fail the same way.
    #[error("the request for {operation} could not be built: {message}")]
    BadRequest { operation: String, message: String },
    /// The answer was not the JSON the spec describes, or paging went wrong.
    #[error("Starweb answered {operation} with a body that could not be read: {message}")]
    BadResponse { operation: String, message: String },
    /// The shop lacks a standard order status that the bridge relies on.
    #[error(
        "the shop has no order status with idCode '{id_code}'; Starweb shops normally have \
         created, picking, completed and canceled"
    )]
    MissingStatus { id_code: String },
}

/// Used when a 429 carries no `Retry-After` (Starweb documents none): Starweb's own SDK waits 5 s
/// before trying again.
pub const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(5);

impl Classified for StarwebError {
    fn class(&self) -> FailureClass {
        match self {
            StarwebError::Unauthorized { .. }
            | StarwebError::Rejected { .. }
            | StarwebError::BadRequest { .. }
            | StarwebError::MissingStatus { .. } => FailureClass::Abort,
            StarwebError::RateLimited { retry_after, .. } => FailureClass::RetryAfter(*retry_after),
            StarwebError::Unavailable { .. } | StarwebError::BadResponse { .. } => {
                FailureClass::Transient
            }
        }
    }
}

impl StarwebError {
    /// The HTTP status Starweb answered with, when it answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            StarwebError::Unauthorized { status, .. }
            | StarwebError::Rejected { status, .. }
            | StarwebError::RateLimited { status, .. } => Some(*status),
            StarwebError::Unavailable { status, .. } => *status,
            _ => None,
        }
    }

    /// Starweb said the thing asked for does not exist (404).
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }
}

/// Turns a non-success status of an API call into the right error, keeping what the server said.
pub(crate) fn from_status(
    operation: &str,
    status: u16,
    retry_after: Option<Duration>,
    body: &str,
) -> StarwebError {
    let operation = operation.to_owned();
    match status {
        401 => StarwebError::Unauthorized {
            operation,
            status,
            message: server_message(body),
        },
        429 => StarwebError::RateLimited {
            operation,
            status,
            retry_after: retry_after.unwrap_or(DEFAULT_RETRY_AFTER),
        },
        503 if retry_after.is_some() => StarwebError::RateLimited {
            operation,
            status,
            retry_after: retry_after.unwrap_or(DEFAULT_RETRY_AFTER),
        },
        500..=599 => StarwebError::Unavailable {
            operation,
            status: Some(status),
            message: server_message(body),
        },
        _ => StarwebError::Rejected {
            operation,
            status,
            message: server_message(body),
        },
    }
}

/// Turns a non-success answer of `POST /token` into an error that says what to fix.
pub(crate) fn from_token_status(
    status: u16,
    retry_after: Option<Duration>,
    body: &str,
) -> StarwebError {
    let operation = "the access token request";
    let code = error_code(body);
    let login_refused = matches!(status, 401 | 403)
        || (status == 400
            && matches!(
                code.as_deref(),
                Some("invalid_client" | "unauthorized_client")
            ));
    if login_refused {
        return StarwebError::Unauthorized {
            operation: operation.to_owned(),
            status,
            message: server_message(body),
        };
    }
    if status == 404 {
        return StarwebError::Rejected {
            operation: operation.to_owned(),
            status,
            message: format!(
                "no Starweb shop answers at this API URL; check the address, as in \
                 https://myshop.starwebserver.se/api/v2 ({})",
                server_message(body)
            ),
        };
    }
    from_status(operation, status, retry_after, body)
}

/// The `error` code of an `ErrorModel` body.
pub(crate) fn error_code(body: &str) -> Option<String> {
    let value = serde_json::from_str::<serde_json::Value>(body).ok()?;
    value.get("error")?.as_str().map(str::to_owned)
}

/// `error_description` (with the `error` code) of an `ErrorModel` body, else the body text, shortened.
fn server_message(body: &str) -> String {
    let value = serde_json::from_str::<serde_json::Value>(body).ok();
    let field = |key: &str| {
        value
            .as_ref()
            .and_then(|value| value.get(key))
            .and_then(|text| text.as_str())
            .map(str::to_owned)
    };
    let text = match (
        field("error_description").or_else(|| field("message")),
        field("error"),
    ) {
        (Some(description), Some(code)) if description != code => {
            format!("{description} ({code})")
        }
        (Some(description), _) => description,
        (None, Some(code)) => code,
        (None, None) => body.trim().to_owned(),
    };
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
            from_status("GET orders", status, retry.map(Duration::from_secs), "").class()
        };
        assert_eq!(
            class(401, None),
            FailureClass::Abort,
            "a refused login does not fix itself"
        );
        assert_eq!(
            class(404, None),
            FailureClass::Abort,
            "a missing order stays missing"
        );
        assert_eq!(
            class(429, Some(7)),
            FailureClass::RetryAfter(Duration::from_secs(7)),
            "429 waits as long as told"
        );
        assert_eq!(
            class(429, None),
            FailureClass::RetryAfter(DEFAULT_RETRY_AFTER),
            "429 without a hint still waits, as Starweb's SDK does"
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
    fn the_servers_words_are_kept() {
        let err = from_status(
            "PATCH order",
            400,
            None,
            r#"{"error":"bad_request","error_description":"statusId 99 is unknown"}"#,
        );
        assert!(
            err.to_string().contains("statusId 99 is unknown"),
            "the merchant sees why: {err}"
        );
    }

    #[test]
    fn a_refused_token_request_says_what_to_check() {
        let body =
            r#"{"error":"invalid_client","error_description":"Client authentication failed"}"#;
        let err = from_token_status(400, None, body);
        assert!(matches!(err, StarwebError::Unauthorized { .. }));
        let text = err.to_string();
        assert!(
            text.contains("client id") && text.contains("client secret"),
            "names what to check: {text}"
        );
        let err = from_token_status(400, None, r#"{"error":"invalid_request"}"#);
        assert!(
            matches!(err, StarwebError::Rejected { .. }),
            "a malformed request is not a credentials problem: {err}"
        );
        assert!(
            from_token_status(404, None, "")
                .to_string()
                .contains("API URL"),
            "a 404 on /token means the address is wrong"
        );
    }
}
