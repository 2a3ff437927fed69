//! Everything that can go wrong in the store, worded for the person who has to act on it.
//!
//! The messages are shown to the merchant as the detail under a translated headline, so each one
//! names the file and says what to do. The app layer never parses them: it branches on
//! [`StoreError::kind`], a closed enum that it maps to its own error codes, and the sync engine
//! asks [`StoreError::is_transient`] whether waiting and trying again can help (SQLite's BUSY and
//! LOCKED only, as GitButler's `but-db` does).

use std::io;
use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// Why the store could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file was written by a later Brygga with migrations this build does not know.
    #[error(
        "the database {} was written by a newer Brygga (schema {found}; this version supports up \
         to {supported}). Update Brygga; the file was left as it was.",
        .path.display()
    )]
    NewerThanApp {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    /// The file is not an SQLite database, is damaged, or belongs to another program.
    #[error(
        "{} is not a readable Brygga database: {detail}. It was not changed; restore it from a \
         backup or move it away",
        .path.display()
    )]
    Corrupt { path: PathBuf, detail: String },

    /// Another connection kept the database locked for longer than the busy timeout.
    #[error(
        "the database {} is locked by another program and stayed locked for longer than Brygga \
         waits; close any other Brygga window or tool using it and try again",
        .path.display()
    )]
    Locked { path: PathBuf },

    /// The file or its folder cannot be used: missing folder, a folder where the file should be,
    /// or no permission.
    #[error("cannot use {} as the Brygga database: {reason} ({source})", .path.display())]
    Unreadable {
        path: PathBuf,
        reason: String,
        source: io::Error,
    },

    /// A stored setting no longer reads as the type the caller asked for.
    #[error(
        "the stored value of setting {key:?} no longer reads as the expected type ({source}); set \
         it again or delete it"
    )]
    Setting {
        key: String,
        source: serde_json::Error,
    },

    /// A value could not be turned into JSON for storing.
    #[error("could not store {what} as JSON: {source}")]
    Encode {
        what: &'static str,
        source: serde_json::Error,
    },

    /// An update named a row that does not exist.
    #[error("there is no {table} row with id {id}")]
    NoSuchRow { table: &'static str, id: i64 },

    /// `finish` was called twice for one sync run; the first outcome stands.
    #[error("sync run {id} has already finished; its outcome is not overwritten")]
    SyncRunAlreadyFinished { id: i64 },

    /// A release batch was asked for a scheduled slot that already has one. Not a failure of the
    /// store: the slot was released (or is being released, or was skipped) by `batch_id`, and is
    /// never released twice.
    #[error(
        "the release slot at {slot_at_ms} ms already has batch {batch_id}; it is not released twice"
    )]
    SlotTaken { slot_at_ms: i64, batch_id: i64 },

    /// A release batch that is already done or skipped was asked to change state or take more
    /// orders; how it ended stands.
    #[error("release batch {id} is already {state}; a finished batch is not changed")]
    ReleaseBatchFinished { id: i64, state: String },

    /// Any other SQLite failure, with what the store was doing at the time.
    #[error("database error while {context} ({}): {source}", location(.path.as_deref()))]
    Sqlite {
        path: Option<PathBuf>,
        context: String,
        source: rusqlite::Error,
    },
}

/// The closed set of failures the app layer tells apart; it maps each to an error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StoreErrorKind {
    NewerThanApp,
    Corrupt,
    Locked,
    Unreadable,
    Other,
}

impl StoreError {
    /// Which of the failures the app layer distinguishes this is.
    pub fn kind(&self) -> StoreErrorKind {
        match self {
            Self::NewerThanApp { .. } => StoreErrorKind::NewerThanApp,
            Self::Corrupt { .. } => StoreErrorKind::Corrupt,
            Self::Locked { .. } => StoreErrorKind::Locked,
            Self::Unreadable { .. } => StoreErrorKind::Unreadable,
            Self::Setting { .. }
            | Self::Encode { .. }
            | Self::NoSuchRow { .. }
            | Self::SyncRunAlreadyFinished { .. }
            | Self::SlotTaken { .. }
            | Self::ReleaseBatchFinished { .. }
            | Self::Sqlite { .. } => StoreErrorKind::Other,
        }
    }

    /// Whether the same call may succeed if tried again later: only when another connection held
    /// a lock. Everything else is permanent until something changes.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Locked { .. } => true,
            Self::Sqlite { source, .. } => is_busy(source),
            Self::NewerThanApp { .. }
            | Self::Corrupt { .. }
            | Self::Unreadable { .. }
            | Self::Setting { .. }
            | Self::Encode { .. }
            | Self::NoSuchRow { .. }
            | Self::SyncRunAlreadyFinished { .. }
            | Self::SlotTaken { .. }
            | Self::ReleaseBatchFinished { .. } => false,
        }
    }

    /// Classifies an SQLite failure during normal use. A busy file database becomes
    /// [`StoreError::Locked`] so the app shows the same advice as at start-up.
    pub(crate) fn sqlite(path: Option<&Path>, context: &str, source: rusqlite::Error) -> Self {
        match path {
            Some(path) if is_busy(&source) => Self::Locked {
                path: path.to_path_buf(),
            },
            _ => Self::Sqlite {
                path: path.map(Path::to_path_buf),
                context: context.to_owned(),
                source,
            },
        }
    }

    /// Classifies an SQLite failure while opening a file, where "not a database", "cannot open"
    /// and "busy" each have their own advice.
    pub(crate) fn opening(path: &Path, context: &str, source: rusqlite::Error) -> Self {
        match source.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Self::Locked {
                path: path.to_path_buf(),
            },
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Self::Corrupt {
                path: path.to_path_buf(),
                detail: source.to_string(),
            },
            Some(
                ErrorCode::CannotOpen
                | ErrorCode::PermissionDenied
                | ErrorCode::ReadOnly
                | ErrorCode::SystemIoFailure,
            ) => Self::Unreadable {
                path: path.to_path_buf(),
                reason: "SQLite could not open it for reading and writing".to_owned(),
                source: io::Error::other(source),
            },
            _ => Self::sqlite(Some(path), context, source),
        }
    }
}

fn is_busy(error: &rusqlite::Error) -> bool {
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

fn location(path: Option<&Path>) -> String {
    match path {
        Some(path) => path.display().to_string(),
        None => "the in-memory database".to_owned(),
    }
}
