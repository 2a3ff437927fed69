//! The connection test's verdict: one closed answer per side, so the UI can say in the merchant's
//! language what to fix (the address, the login, the goods owner id, the network) instead of
//! showing an HTTP error.
//!
//! The clients already classify every failure for the retry policy; this file reads the same
//! errors once more for the question "what did the merchant type wrong". An answer that is not the
//! API at all (404, a web page, a body that is not the expected JSON) means the address is wrong; a
//! refused login means the user or secret is wrong; a working login without the goods owner means
//! the goods owner id is wrong; no answer means the system cannot be reached.

use brygga_ongoing::OngoingError;
use brygga_starweb::StarwebError;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the test found, as the UI branches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ConnectionVerdict {
    /// Logged in; `name` says which goods owner or shop answered.
    Ok,
    /// Something answered, but not that API at the expected path (404, a web page, unreadable).
    WrongUrl,
    /// The API refused the login: user and password, or client id and secret.
    WrongCredentials,
    /// Logged in, but the API user may not act for the goods owner id given.
    WrongGoodsOwner,
    /// Nothing answered: unknown host, connection refused, or the call timed out.
    Unreachable,
    /// Any other refusal; the message quotes the system.
    Refused,
}

/// One side's test result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConnectionCheck {
    pub verdict: ConnectionVerdict,
    /// The goods owner's or the shop's name when the verdict is `ok`.
    pub name: Option<String>,
    /// What the system answered, in English, as detail under the translated verdict; never a
    /// secret.
    pub message: String,
}

impl ConnectionCheck {
    pub(crate) fn ok(name: String, message: String) -> Self {
        ConnectionCheck {
            verdict: ConnectionVerdict::Ok,
            name: Some(name),
            message,
        }
    }

    pub(crate) fn failed(verdict: ConnectionVerdict, message: impl Into<String>) -> Self {
        ConnectionCheck {
            verdict,
            name: None,
            message: message.into(),
        }
    }
}

/// Statuses that mean "there is no such API here".
fn not_the_api(status: u16) -> bool {
    matches!(status, 404 | 405 | 410)
}

/// The verdict for a failed Ongoing call.
pub(crate) fn ongoing(err: &OngoingError) -> ConnectionVerdict {
    match err {
        // The simulator and Ongoing's single-goods-owner API users answer 403 for a goods owner
        // the user does not belong to; 401 is the user name or password.
        OngoingError::Unauthorized { status: 403, .. } => ConnectionVerdict::WrongGoodsOwner,
        OngoingError::Unauthorized { .. } => ConnectionVerdict::WrongCredentials,
        OngoingError::Rejected { status, .. } if not_the_api(*status) => {
            ConnectionVerdict::WrongUrl
        }
        OngoingError::BadResponse { .. } => ConnectionVerdict::WrongUrl,
        OngoingError::Unavailable { status: None, .. } => ConnectionVerdict::Unreachable,
        OngoingError::Rejected { .. }
        | OngoingError::Unavailable {
            status: Some(_), ..
        }
        | OngoingError::RateLimited { .. }
        | OngoingError::BadRequest { .. } => ConnectionVerdict::Refused,
    }
}

/// The verdict for a failed Starweb call.
pub(crate) fn starweb(err: &StarwebError) -> ConnectionVerdict {
    match err {
        StarwebError::Unauthorized { .. } => ConnectionVerdict::WrongCredentials,
        StarwebError::Rejected { status, .. } if not_the_api(*status) => {
            ConnectionVerdict::WrongUrl
        }
        StarwebError::BadResponse { .. } => ConnectionVerdict::WrongUrl,
        StarwebError::Unavailable { status: None, .. } => ConnectionVerdict::Unreachable,
        StarwebError::Rejected { .. }
        | StarwebError::Unavailable {
            status: Some(_), ..
        }
        | StarwebError::RateLimited { .. }
        | StarwebError::BadRequest { .. }
        | StarwebError::MissingStatus { .. } => ConnectionVerdict::Refused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forbidden_goods_owner_is_told_apart_from_a_wrong_password() {
        let refused = |status| OngoingError::Unauthorized {
            operation: "list goods owners".into(),
            status,
            message: String::new(),
        };
        assert_eq!(ongoing(&refused(401)), ConnectionVerdict::WrongCredentials);
        assert_eq!(
            ongoing(&refused(403)),
            ConnectionVerdict::WrongGoodsOwner,
            "403 after a working login names the goods owner, not the password"
        );
    }

    #[test]
    fn a_server_error_is_a_refusal_not_unreachable() {
        let err = StarwebError::Unavailable {
            operation: "get shop".into(),
            status: Some(500),
            message: "boom".into(),
        };
        assert_eq!(
            starweb(&err),
            ConnectionVerdict::Refused,
            "the shop answered, so it can be reached; the message says what it said"
        );
    }
}
