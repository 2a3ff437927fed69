//! Why a sync cycle could not run. A failed *read* ends the cycle (nothing is planned from half a
//! picture); failed *writes* never do, since each is an outbox row with its own retries.

use brygga_core::remote::{Classified, FailureClass};
use brygga_ongoing::OngoingError;
use brygga_starweb::StarwebError;
use brygga_store::StoreError;

/// A cycle that could not run.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("reading the shop failed: {0}")]
    Shop(#[from] StarwebError),
    #[error("reading the warehouse failed: {0}")]
    Warehouse(#[from] OngoingError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The settings do not allow this flow to run yet.
    #[error("{0}")]
    NotReady(String),
}

impl SyncError {
    /// A short stable code for the log, the UI and the command line's exit status.
    pub fn code(&self) -> &'static str {
        match self {
            SyncError::Shop(_) => "shop",
            SyncError::Warehouse(_) => "warehouse",
            SyncError::Store(_) => "store",
            SyncError::NotReady(_) => "notReady",
        }
    }

    /// Whether trying again later may help.
    pub fn is_passing(&self) -> bool {
        match self {
            SyncError::Shop(err) => err.class() != FailureClass::Abort,
            SyncError::Warehouse(err) => err.class() != FailureClass::Abort,
            SyncError::Store(err) => err.is_transient(),
            SyncError::NotReady(_) => false,
        }
    }
}
