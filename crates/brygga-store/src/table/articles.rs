//! `articles`: what Brygga knows per SKU for the flow "articles shop -> warehouse".
//!
//! The planner compares each shop article's content hash with `sent_hash`, the hash of what the
//! warehouse last accepted, and sends only the articles whose hash differs, so an unchanged
//! catalogue costs no calls. The hash is recorded only after the warehouse accepted the article
//! (through [`crate::Writes::article_sent`], together with the outbox row), so a failed call is
//! simply planned again. `sent_generation` counts those accepted sends: the sync engine puts it in
//! the article's outbox idempotency key, so content that goes back to an earlier hash
//! (A -> B -> A) is a new call rather than the one already done for that hash.
//!
//! Validation problems and orphans are replaced as whole sets after each full pass
//! ([`Articles::replace_problems`], [`Articles::replace_orphaned`]): a SKU left out of the new set
//! is cleared, so a fixed problem disappears without anyone having to remember to clear it.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::{count_column, json_column, json_text};
use crate::Store;
use crate::error::StoreError;

/// One SKU as Brygga knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    pub sku: String,
    /// The content hash (16 lowercase hex digits) of what the warehouse last accepted; `None`
    /// if it was never sent.
    pub sent_hash: Option<String>,
    pub sent_at_ms: Option<i64>,
    /// How many sends of this SKU the warehouse has accepted; 0 if it was never sent. One more
    /// with each [`crate::Writes::article_sent`], so each change sent gets an idempotency key of
    /// its own even when its hash was sent before.
    pub sent_generation: u32,
    /// The warehouse's own id for the article, once it has told us.
    pub warehouse_article_id: Option<i64>,
    /// The current validation problems, a JSON array; empty when the article is fine.
    pub problems: serde_json::Value,
    /// In the warehouse, but no active article in the shop has this SKU.
    pub orphaned: bool,
    pub updated_at_ms: i64,
}

/// How many SKUs are in each state, for the status screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleCounts {
    pub total: u64,
    /// Accepted by the warehouse at least once.
    pub sent: u64,
    pub with_problems: u64,
    pub orphaned: u64,
}

const COLUMNS: &str = "sku, sent_hash, sent_at_ms, sent_generation, warehouse_article_id, \
    problems, orphaned, updated_at_ms";

fn article(row: &Row<'_>) -> rusqlite::Result<ArticleRecord> {
    Ok(ArticleRecord {
        sku: row.get(0)?,
        sent_hash: row.get(1)?,
        sent_at_ms: row.get(2)?,
        sent_generation: row.get(3)?,
        warehouse_article_id: row.get(4)?,
        problems: json_column(row, 5)?,
        orphaned: row.get(6)?,
        updated_at_ms: row.get(7)?,
    })
}

/// Records that the warehouse accepted `sku` with content `hash` and counts the send in
/// `sent_generation`. A response without an article id keeps the id already known (Ongoing's
/// answer may leave it out).
pub(crate) fn record_sent(
    conn: &Connection,
    sku: &str,
    hash: &str,
    warehouse_article_id: Option<i64>,
    now_ms: i64,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO articles
             (sku, sent_hash, sent_at_ms, sent_generation, warehouse_article_id, updated_at_ms)
         VALUES (?1, ?2, ?4, 1, ?3, ?4)
         ON CONFLICT (sku) DO UPDATE
         SET sent_hash = excluded.sent_hash, sent_at_ms = excluded.sent_at_ms,
             sent_generation = sent_generation + 1,
             warehouse_article_id = coalesce(excluded.warehouse_article_id, warehouse_article_id),
             updated_at_ms = excluded.updated_at_ms",
        params![sku, hash, warehouse_article_id, now_ms],
    )?;
    Ok(())
}

/// Handle on the `articles` table.
#[derive(Debug, Clone, Copy)]
pub struct Articles<'s> {
    store: &'s Store,
}

impl<'s> Articles<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    /// One SKU, or `None` if Brygga has never recorded anything about it.
    pub fn get(&self, sku: &str) -> Result<Option<ArticleRecord>, StoreError> {
        self.store.run("reading an article", |conn| {
            conn.query_row(
                &format!("SELECT {COLUMNS} FROM articles WHERE sku = ?1"),
                params![sku],
                article,
            )
            .optional()
        })
    }

    /// Every SKU, in SKU order.
    pub fn list(&self) -> Result<Vec<ArticleRecord>, StoreError> {
        self.store.run("listing articles", |conn| {
            let mut stmt =
                conn.prepare_cached(&format!("SELECT {COLUMNS} FROM articles ORDER BY sku"))?;
            let rows = stmt.query_map([], article)?;
            rows.collect()
        })
    }

    /// The hash last accepted by the warehouse, per SKU, for every SKU ever sent: what the planner
    /// compares the shop's articles with.
    pub fn sent_hashes(&self) -> Result<BTreeMap<String, String>, StoreError> {
        self.store.run("reading the sent article hashes", |conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT sku, sent_hash FROM articles WHERE sent_hash IS NOT NULL",
            )?;
            let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect()
        })
    }

    /// Records that the warehouse accepted `sku` with content `hash`; see also
    /// [`crate::Writes::article_sent`] to record it together with the outbox row.
    pub fn record_sent(
        &self,
        sku: &str,
        hash: &str,
        warehouse_article_id: Option<i64>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store
            .atomically(|w| w.article_sent(sku, hash, warehouse_article_id, now_ms))
    }

    /// Makes `problems` (a JSON array per SKU) the whole set of validation problems: the given
    /// SKUs get theirs (rows are created as needed), every other SKU is cleared to `[]`. One
    /// transaction, so the status screen never sees half of the old set and half of the new one.
    /// Rows whose problems do not change keep their `updated_at_ms`.
    pub fn replace_problems(
        &self,
        problems: &BTreeMap<String, serde_json::Value>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let texts = problems
            .iter()
            .map(|(sku, list)| Ok((sku, json_text(list, "article problems")?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        self.store.atomically(|w| {
            w.run("replacing article problems", |conn| {
                let had: Vec<String> = conn
                    .prepare_cached(
                        "SELECT sku FROM articles WHERE json_array_length(problems) > 0",
                    )?
                    .query_map([], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                let mut clear = conn.prepare_cached(
                    "UPDATE articles SET problems = '[]', updated_at_ms = ?2 WHERE sku = ?1",
                )?;
                for sku in had.iter().filter(|sku| !problems.contains_key(*sku)) {
                    clear.execute(params![sku, now_ms])?;
                }
                let mut set = conn.prepare_cached(
                    "INSERT INTO articles (sku, problems, updated_at_ms) VALUES (?1, ?2, ?3)
                     ON CONFLICT (sku) DO UPDATE
                     SET problems = excluded.problems, updated_at_ms = excluded.updated_at_ms
                     WHERE problems IS NOT excluded.problems",
                )?;
                for (sku, text) in &texts {
                    set.execute(params![sku, text, now_ms])?;
                }
                Ok(())
            })
        })
    }

    /// Makes `orphaned` the whole set of orphaned SKUs: the given SKUs are marked (rows are
    /// created as needed), every other SKU is unmarked. One transaction, like
    /// [`Articles::replace_problems`]; rows that do not change keep their `updated_at_ms`.
    pub fn replace_orphaned(
        &self,
        orphaned: &BTreeSet<String>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store.atomically(|w| {
            w.run("replacing orphaned articles", |conn| {
                let had: Vec<String> = conn
                    .prepare_cached("SELECT sku FROM articles WHERE orphaned = 1")?
                    .query_map([], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                let mut clear = conn.prepare_cached(
                    "UPDATE articles SET orphaned = 0, updated_at_ms = ?2 WHERE sku = ?1",
                )?;
                for sku in had.iter().filter(|sku| !orphaned.contains(*sku)) {
                    clear.execute(params![sku, now_ms])?;
                }
                let mut mark = conn.prepare_cached(
                    "INSERT INTO articles (sku, orphaned, updated_at_ms) VALUES (?1, 1, ?2)
                     ON CONFLICT (sku) DO UPDATE
                     SET orphaned = 1, updated_at_ms = excluded.updated_at_ms
                     WHERE orphaned = 0",
                )?;
                for sku in orphaned {
                    mark.execute(params![sku, now_ms])?;
                }
                Ok(())
            })
        })
    }

    /// How many SKUs are known, sent, with problems and orphaned.
    pub fn counts(&self) -> Result<ArticleCounts, StoreError> {
        self.store.run("counting articles", |conn| {
            conn.query_row(
                "SELECT COUNT(*), COUNT(sent_hash),
                        COALESCE(SUM(json_array_length(problems) > 0), 0), COALESCE(SUM(orphaned), 0)
                 FROM articles",
                [],
                |row| {
                    Ok(ArticleCounts {
                        total: count_column(row, 0)?,
                        sent: count_column(row, 1)?,
                        with_problems: count_column(row, 2)?,
                        orphaned: count_column(row, 3)?,
                    })
                },
            )
        })
    }
}
