//! The error shape that crosses to the UI and the command line: a closed code plus a readable message.
//!
//! The UI picks its translated text from the code and shows the message as detail; it never parses
//! strings. This file holds the one mapping from the lower crates' errors to codes. Messages are built
//! from error values that never hold secrets (see `brygga_core::Sensitive`).

use std::fmt;

use brygga_store::{StoreError, StoreErrorKind};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::secrets::SecretError;

/// What went wrong, as the UI branches on it. Grows only when the UI needs to tell a new case apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ErrorCode {
    /// The input names something wrong; the message says what.
    Validation,
    /// A connection or secret has not been set up yet.
    NotConfigured,
    /// The OS keychain is locked, missing or refused the request.
    KeychainUnavailable,
    /// The data folder cannot be created, read or written.
    DataDirUnreadable,
    /// The database was written by a newer Brygga; it was left untouched.
    DatabaseNewerThanApp,
    /// The database file is not a readable Brygga database; it was left untouched.
    DatabaseCorrupt,
    /// Another process holds the database.
    DatabaseLocked,
    /// The shop or the warehouse could not be reached, or answered with a server error; trying
    /// again later may help.
    RemoteUnavailable,
    /// The shop or the warehouse refused the call (login, rights, bad data); the message quotes it.
    RemoteRefused,
    /// Anything else; the message says what.
    Unknown,
}

/// An error as the UI and the command line receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IpcError {
    /// The closed code the UI branches on.
    pub code: ErrorCode,
    /// A readable explanation in English, shown as detail under the translated title.
    pub message: String,
}

impl IpcError {
    /// An error with the given code and message.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl fmt::Display for IpcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for IpcError {}

impl From<StoreError> for IpcError {
    fn from(err: StoreError) -> Self {
        let code = match err.kind() {
            StoreErrorKind::NewerThanApp => ErrorCode::DatabaseNewerThanApp,
            StoreErrorKind::Corrupt => ErrorCode::DatabaseCorrupt,
            StoreErrorKind::Locked => ErrorCode::DatabaseLocked,
            StoreErrorKind::Unreadable => ErrorCode::DataDirUnreadable,
            StoreErrorKind::Other => ErrorCode::Unknown,
        };
        IpcError::new(code, err.to_string())
    }
}

impl IpcError {
    /// A failed call to the shop or the warehouse, by whether trying again can help.
    pub fn remote(err: &(impl brygga_core::remote::Classified + fmt::Display)) -> Self {
        let code = match err.class() {
            brygga_core::remote::FailureClass::Abort => ErrorCode::RemoteRefused,
            brygga_core::remote::FailureClass::RetryAfter(_)
            | brygga_core::remote::FailureClass::Transient => ErrorCode::RemoteUnavailable,
        };
        IpcError::new(code, err.to_string())
    }
}

impl From<SecretError> for IpcError {
    fn from(err: SecretError) -> Self {
        let code = match &err {
            SecretError::Unavailable { .. } | SecretError::Rejected { .. } => {
                ErrorCode::KeychainUnavailable
            }
            SecretError::NotConfigured { .. } => ErrorCode::NotConfigured,
        };
        IpcError::new(code, err.to_string())
    }
}
