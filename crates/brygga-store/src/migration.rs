//! The schema's history: numbered, forward-only `.sql` files and the small runner that applies them.
//!
//! The version lives in SQLite's `PRAGMA user_version`. Each migration runs in its own
//! `BEGIN IMMEDIATE` transaction that also bumps `user_version`, so a crash leaves the file at the
//! last complete step, and two processes opening one file at once cannot both apply the same step:
//! the second waits for the write lock, then re-reads the version inside its own transaction.
//! Because that transaction is taken on every open, a file another program keeps write-locked past
//! the busy timeout is reported as locked at start-up rather than on the first sync.
//!
//! A file newer than [`SCHEMA_VERSION`] is refused. [`FileHeader`] reads the version straight from
//! the 100-byte SQLite header before SQLite touches the file: the promise to the merchant is that a
//! newer Brygga's file is left exactly as it was, and SQLite, even only reading, takes locks and
//! creates `-wal` and `-shm` files beside a WAL-mode database (a crash or a full disk can leave
//! them behind).

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::StoreError;

/// One step of the schema, embedded in the binary so the app never looks for `.sql` files at run time.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Migration {
    pub(crate) version: u32,
    pub(crate) name: &'static str,
    pub(crate) sql: &'static str,
}

/// Every migration, in order. Versions count up from 1 without gaps (a unit test checks it).
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_init",
        sql: include_str!("../migrations/0001_init.sql"),
    },
    Migration {
        version: 2,
        name: "0002_sync",
        sql: include_str!("../migrations/0002_sync.sql"),
    },
    Migration {
        version: 3,
        name: "0003_release",
        sql: include_str!("../migrations/0003_release.sql"),
    },
    Migration {
        version: 4,
        name: "0004_purchase_orders",
        sql: include_str!("../migrations/0004_purchase_orders.sql"),
    },
    Migration {
        version: 5,
        name: "0005_returns",
        sql: include_str!("../migrations/0005_returns.sql"),
    },
];

/// The schema version this build writes: the number of the last migration.
pub const SCHEMA_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

/// The `PRAGMA application_id` migration 0001 writes ("BRYG"), marking the file as Brygga's.
pub const APPLICATION_ID: u32 = u32::from_be_bytes(*b"BRYG");

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
const HEADER_LEN: usize = 100;
const USER_VERSION_OFFSET: usize = 60;
const APPLICATION_ID_OFFSET: usize = 68;

/// What the first 100 bytes of a database file say, read without SQLite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileHeader {
    /// A zero-length file: SQLite treats it as a new, empty database.
    Empty,
    /// A valid SQLite header with these two header fields.
    Sqlite {
        user_version: u32,
        application_id: u32,
    },
    /// Not an SQLite file; the text says why, for the Corrupt message.
    NotSqlite(&'static str),
}

impl FileHeader {
    /// Reads the header of the file at `path` without writing or locking anything.
    pub(crate) fn read(path: &Path) -> io::Result<Self> {
        let mut file = File::open(path)?;
        let mut header = Vec::with_capacity(HEADER_LEN);
        file.by_ref()
            .take(HEADER_LEN as u64)
            .read_to_end(&mut header)?;
        Ok(Self::parse(&header))
    }

    fn parse(header: &[u8]) -> Self {
        if header.is_empty() {
            return Self::Empty;
        }
        if header.len() < HEADER_LEN {
            return Self::NotSqlite("the file is too short to be an SQLite database");
        }
        if !header.starts_with(SQLITE_MAGIC) {
            return Self::NotSqlite("the file does not start with the SQLite header");
        }
        Self::Sqlite {
            user_version: be_u32(header, USER_VERSION_OFFSET),
            application_id: be_u32(header, APPLICATION_ID_OFFSET),
        }
    }
}

fn be_u32(bytes: &[u8], offset: usize) -> u32 {
    let mut field = [0u8; 4];
    field.copy_from_slice(&bytes[offset..offset + 4]);
    u32::from_be_bytes(field)
}

/// Reads `PRAGMA user_version`, which SQLite keeps in the file header.
pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<u32> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

/// Applies every migration newer than the file's version, one transaction each.
///
/// `refuse_newer` builds the error for a file whose version is above [`SCHEMA_VERSION`]; `fail`
/// classifies SQLite errors (the open path and the in-memory path word them differently).
pub(crate) fn migrate(
    conn: &mut Connection,
    refuse_newer: impl Fn(u32) -> StoreError,
    fail: impl Fn(&str, rusqlite::Error) -> StoreError,
) -> Result<(), StoreError> {
    loop {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| fail("taking the write lock to check the schema version", e))?;
        let current = user_version(&tx).map_err(|e| fail("reading the schema version", e))?;
        if current > SCHEMA_VERSION {
            return Err(refuse_newer(current));
        }
        let Some(next) = MIGRATIONS.iter().find(|m| m.version > current) else {
            tx.commit()
                .map_err(|e| fail("releasing the schema check", e))?;
            return Ok(());
        };
        tx.execute_batch(next.sql)
            .map_err(|e| fail(&format!("applying migration {}", next.name), e))?;
        tx.pragma_update(None, "user_version", next.version)
            .map_err(|e| fail("recording the schema version", e))?;
        tx.commit()
            .map_err(|e| fail("committing a schema migration", e))?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_count_up_from_one_without_gaps() {
        for (index, migration) in MIGRATIONS.iter().enumerate() {
            assert_eq!(
                migration.version as usize,
                index + 1,
                "migration {} must be number {} so user_version maps to exactly one step",
                migration.name,
                index + 1
            );
            assert!(
                migration
                    .name
                    .starts_with(&format!("{:04}_", migration.version)),
                "the name {} must carry its number so it matches its file in migrations/",
                migration.name
            );
        }
    }

    #[test]
    fn header_fields_are_read_big_endian_at_their_offsets() {
        let mut header = vec![0u8; HEADER_LEN];
        header[..16].copy_from_slice(SQLITE_MAGIC);
        header[USER_VERSION_OFFSET..USER_VERSION_OFFSET + 4].copy_from_slice(&7u32.to_be_bytes());
        header[APPLICATION_ID_OFFSET..APPLICATION_ID_OFFSET + 4]
            .copy_from_slice(&APPLICATION_ID.to_be_bytes());
        assert_eq!(
            FileHeader::parse(&header),
            FileHeader::Sqlite {
                user_version: 7,
                application_id: APPLICATION_ID
            },
            "SQLite stores user_version at byte 60 and application_id at byte 68, big-endian"
        );
    }

    #[test]
    fn empty_and_short_files_are_told_apart() {
        assert_eq!(
            FileHeader::parse(&[]),
            FileHeader::Empty,
            "a zero-length file is a new database, not a damaged one"
        );
        assert!(
            matches!(FileHeader::parse(b"SQLite"), FileHeader::NotSqlite(_)),
            "a file shorter than the 100-byte header cannot be a database"
        );
    }
}
