//! `settings`: the merchant's non-secret settings, one JSON value per key.
//!
//! Values are stored as JSON so a setting can be a number, a list or a struct without a migration
//! per setting; the caller names the Rust type when reading. Secrets (API keys, client secrets) are
//! never stored here: they go to the keychain.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::Store;
use crate::error::StoreError;

/// Handle on the `settings` table.
#[derive(Debug, Clone, Copy)]
pub struct Settings<'s> {
    store: &'s Store,
}

impl<'s> Settings<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    /// The value stored under `key`, or `None` if it was never set. A stored value that does not
    /// read as `T` (for example after a type change) is an error naming the key, not a silent
    /// default.
    pub fn get<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>, StoreError> {
        let text: Option<String> = self.store.run("reading a setting", |conn| {
            conn.query_row(
                "SELECT value FROM settings WHERE key = ?1",
                params![key],
                |row| row.get(0),
            )
            .optional()
        })?;
        text.map(|text| {
            serde_json::from_str(&text).map_err(|source| StoreError::Setting {
                key: key.to_owned(),
                source,
            })
        })
        .transpose()
    }

    /// Stores `value` under `key`, replacing any earlier value.
    pub fn set<T: Serialize + ?Sized>(
        &self,
        key: &str,
        value: &T,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let text = serde_json::to_string(value).map_err(|source| StoreError::Encode {
            what: "a setting",
            source,
        })?;
        self.store.run("writing a setting", |conn| {
            conn.execute(
                "INSERT INTO settings (key, value, updated_at_ms) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE
                 SET value = excluded.value, updated_at_ms = excluded.updated_at_ms",
                params![key, text, now_ms],
            )
        })?;
        Ok(())
    }

    /// Removes `key`; returns whether it was there.
    pub fn delete(&self, key: &str) -> Result<bool, StoreError> {
        let removed = self.store.run("deleting a setting", |conn| {
            conn.execute("DELETE FROM settings WHERE key = ?1", params![key])
        })?;
        Ok(removed > 0)
    }

    /// Every key that has a value, in alphabetical order.
    pub fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.store.run("listing settings", |conn| {
            let mut stmt = conn.prepare_cached("SELECT key FROM settings ORDER BY key")?;
            let keys = stmt.query_map([], |row| row.get(0))?;
            keys.collect()
        })
    }
}
