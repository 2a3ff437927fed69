//! Opening the database file safely, and the [`Store`] that the table handles borrow.
//!
//! Opening follows one order on purpose, so that a file Brygga should not touch is never touched:
//!
//! 1. Check the path with the standard library: the folder must exist (the caller owns the data
//!    folder, so it is never created here) and the path must not be a folder. A missing file is
//!    created empty with mode 0600, so the database, and the `-wal`/`-shm` files SQLite gives the
//!    same mode, are readable by the merchant's account only.
//! 2. Read the 100-byte header without SQLite. A file that is not SQLite, belongs to another
//!    program, or was written by a newer Brygga is refused here, with no lock taken and no journal
//!    file created.
//! 3. Open with SQLite, set the busy timeout, and read `user_version` again (it also sees changes
//!    still in a leftover `-wal` file). Only after that is anything written: WAL journal mode,
//!    `synchronous=NORMAL` (safe with WAL, and much cheaper than FULL), `foreign_keys=ON`.
//! 4. Run the migrations (see [`crate::migration`]).
//!
//! The connection sits behind a `Mutex` so one `Store` can be shared by the UI commands and the sync
//! engine across threads; each call holds the lock only for its own statements, and
//! [`Store::atomically`] for its closure (see [`crate::Writes`]).

use std::fmt;
use std::fs;
use std::io::{self, ErrorKind};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::StoreError;
use crate::migration::{self, APPLICATION_ID, FileHeader, SCHEMA_VERSION};
use crate::table::{
    Articles, Cursors, Events, OrderLinks, Outbox, PurchaseOrders, ReleaseBatches, Returns,
    Settings, StockLevels, SyncRuns,
};
use crate::writes;

/// The file name of the database inside the data folder.
pub const DATABASE_FILE_NAME: &str = "brygga.sqlite3";

/// How a file database is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenOptions {
    /// How long a statement waits for another connection's lock before giving up with
    /// [`StoreError::Locked`].
    pub busy_timeout: Duration,
}

impl Default for OpenOptions {
    fn default() -> Self {
        Self {
            busy_timeout: Duration::from_secs(5),
        }
    }
}

/// How the connection is actually configured, as SQLite reports it; for `brygga status` and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionSettings {
    /// `wal` for a file database, `memory` for an in-memory one.
    pub journal_mode: String,
    pub foreign_keys: bool,
    /// SQLite's `synchronous` level: 1 is NORMAL.
    pub synchronous: i64,
    pub busy_timeout_ms: i64,
}

/// Brygga's local database: one SQLite connection, migrated to [`SCHEMA_VERSION`].
pub struct Store {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
}

// The app shares one `Store` between UI commands and the sync engine's threads; this stops
// compiling if a field ever makes that impossible.
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<Store>();
};

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens the database at `path`, creating the file if it is missing, with default options.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_with(path, &OpenOptions::default())
    }

    /// Opens the database at `path`, creating the file if it is missing.
    pub fn open_with(path: &Path, options: &OpenOptions) -> Result<Self, StoreError> {
        let header = prepare_file(path)?;
        check_header(path, header)?;

        let opening = |context: &str, e| StoreError::opening(path, context, e);
        let refuse_newer = |found| StoreError::NewerThanApp {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        };

        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn =
            Connection::open_with_flags(path, flags).map_err(|e| opening("opening the file", e))?;
        conn.busy_timeout(options.busy_timeout)
            .map_err(|e| opening("setting the busy timeout", e))?;

        let found =
            migration::user_version(&conn).map_err(|e| opening("reading the schema version", e))?;
        if found > SCHEMA_VERSION {
            return Err(refuse_newer(found));
        }

        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0))
            .map_err(|e| opening("switching to WAL journal mode", e))?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| opening("setting synchronous=NORMAL", e))?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(|e| opening("turning on foreign keys", e))?;

        migration::migrate(&mut conn, refuse_newer, opening)?;

        Ok(Self {
            conn: Mutex::new(conn),
            path: Some(path.to_path_buf()),
        })
    }

    /// Opens a fresh, migrated database that lives only as long as the `Store`; for tests and
    /// dry runs.
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let fail = |context: &str, e| StoreError::sqlite(None, context, e);
        let mut conn =
            Connection::open_in_memory().map_err(|e| fail("opening an in-memory database", e))?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(|e| fail("turning on foreign keys", e))?;
        migration::migrate(
            &mut conn,
            |found| StoreError::NewerThanApp {
                path: PathBuf::from(":memory:"),
                found,
                supported: SCHEMA_VERSION,
            },
            fail,
        )?;
        Ok(Self {
            conn: Mutex::new(conn),
            path: None,
        })
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The schema version recorded in the database.
    pub fn schema_version(&self) -> Result<u32, StoreError> {
        self.run("reading the schema version", |conn| {
            migration::user_version(conn)
        })
    }

    /// The journal mode, foreign-key enforcement, durability level and busy timeout in force.
    pub fn connection_settings(&self) -> Result<ConnectionSettings, StoreError> {
        self.run("reading the connection settings", |conn| {
            Ok(ConnectionSettings {
                journal_mode: conn.pragma_query_value(None, "journal_mode", |row| row.get(0))?,
                foreign_keys: conn.pragma_query_value(None, "foreign_keys", |row| row.get(0))?,
                synchronous: conn.pragma_query_value(None, "synchronous", |row| row.get(0))?,
                busy_timeout_ms: conn.pragma_query_value(None, "busy_timeout", |row| row.get(0))?,
            })
        })
    }

    /// Non-secret settings as JSON values.
    pub fn settings(&self) -> Settings<'_> {
        Settings::new(self)
    }

    /// Change-feed positions.
    pub fn cursors(&self) -> Cursors<'_> {
        Cursors::new(self)
    }

    /// Queued side effects on the shop and the warehouse.
    pub fn outbox(&self) -> Outbox<'_> {
        Outbox::new(self)
    }

    /// The history of sync cycles.
    pub fn sync_runs(&self) -> SyncRuns<'_> {
        SyncRuns::new(self)
    }

    /// What happened to each order, article and batch.
    pub fn events(&self) -> Events<'_> {
        Events::new(self)
    }

    /// What the article flow knows per SKU.
    pub fn articles(&self) -> Articles<'_> {
        Articles::new(self)
    }

    /// Each shop order seen, and its warehouse order.
    pub fn order_links(&self) -> OrderLinks<'_> {
        OrderLinks::new(self)
    }

    /// Stock last read on each side and last written to the shop, per SKU.
    pub fn stock_levels(&self) -> StockLevels<'_> {
        StockLevels::new(self)
    }

    /// Release batches: each release of orders to the warehouse, scheduled or by hand, and what it
    /// did with each order.
    pub fn release_batches(&self) -> ReleaseBatches<'_> {
        ReleaseBatches::new(self)
    }

    /// Purchase orders: what the merchant pre-advised, what arrived, and the acknowledged
    /// deviations.
    pub fn purchase_orders(&self) -> PurchaseOrders<'_> {
        PurchaseOrders::new(self)
    }

    /// Returns: announced by the merchant or registered by the warehouse, with their handling.
    pub fn returns(&self) -> Returns<'_> {
        Returns::new(self)
    }

    /// Forgets everything the sync learnt about the two systems (queued calls, links, cursors,
    /// history, settings), keeping the schema. Only for demo mode, whose simulated shop and
    /// warehouse start afresh each time: their order numbers would otherwise look reused.
    pub fn forget_sync_state(&self) -> Result<(), StoreError> {
        self.run("forgetting the demo's sync state", |conn| {
            conn.execute_batch(
                "BEGIN IMMEDIATE;
                 DELETE FROM returns;
                 DELETE FROM purchase_order_receipts;
                 DELETE FROM purchase_orders;
                 DELETE FROM release_batch_orders;
                 DELETE FROM release_batches;
                 DELETE FROM outbox;
                 DELETE FROM order_links;
                 DELETE FROM articles;
                 DELETE FROM stock_levels;
                 DELETE FROM cursors;
                 DELETE FROM sync_runs;
                 DELETE FROM events;
                 DELETE FROM settings;
                 COMMIT;",
            )
        })
    }

    /// Runs `f` on the connection and words any SQLite error with `context` and the file.
    pub(crate) fn run<T>(
        &self,
        context: &'static str,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        f(&mut self.lock()).map_err(|e| StoreError::sqlite(self.path(), context, e))
    }

    /// A panic while the lock was held cannot leave a half-done write behind: an open
    /// transaction rolls back when it is dropped. So a poisoned lock is taken over, not propagated.
    /// Taking it inside [`Store::atomically`] on the same thread panics rather than hangs.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Connection> {
        writes::refuse_reentry(self);
        self.conn.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Step 1 of opening: checks the folder and the path, creates a missing file with mode 0600, and
/// reads its header.
fn prepare_file(path: &Path) -> Result<FileHeader, StoreError> {
    let unreadable = |reason: String, source: io::Error| StoreError::Unreadable {
        path: path.to_path_buf(),
        reason,
        source,
    };
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(unreadable(
                "it is a folder, not a file".to_owned(),
                io::Error::new(ErrorKind::IsADirectory, "is a directory"),
            ));
        }
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::NotFound => {
            let folder = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            match fs::metadata(folder) {
                Ok(meta) if meta.is_dir() => {}
                Ok(_) => {
                    return Err(unreadable(
                        format!("{} is a file, not a folder", folder.display()),
                        io::Error::new(ErrorKind::NotADirectory, "not a directory"),
                    ));
                }
                Err(e) => {
                    return Err(unreadable(
                        format!(
                            "its folder {} does not exist or cannot be read",
                            folder.display()
                        ),
                        e,
                    ));
                }
            }
            create_private_file(path)
                .map_err(|e| unreadable("the file could not be created".to_owned(), e))?;
        }
        Err(e) => return Err(unreadable("the file could not be examined".to_owned(), e)),
    }
    FileHeader::read(path).map_err(|e| unreadable("the file could not be read".to_owned(), e))
}

/// Creates an empty file readable by the owner only. Losing a race to another process that
/// created it first is fine: its header is read next like any existing file's.
fn create_private_file(path: &Path) -> io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

/// Step 2 of opening: refuses, before SQLite sees the file, anything Brygga must not migrate.
fn check_header(path: &Path, header: FileHeader) -> Result<(), StoreError> {
    match header {
        FileHeader::Empty => Ok(()),
        FileHeader::NotSqlite(detail) => Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            detail: detail.to_owned(),
        }),
        FileHeader::Sqlite { application_id, .. }
            if application_id != 0 && application_id != APPLICATION_ID =>
        {
            Err(StoreError::Corrupt {
                path: path.to_path_buf(),
                detail: format!(
                    "it is an SQLite database of another program (application id {application_id})"
                ),
            })
        }
        FileHeader::Sqlite { user_version, .. } if user_version > SCHEMA_VERSION => {
            Err(StoreError::NewerThanApp {
                path: path.to_path_buf(),
                found: user_version,
                supported: SCHEMA_VERSION,
            })
        }
        FileHeader::Sqlite { .. } => Ok(()),
    }
}
