//! `purchase_orders` and `purchase_order_receipts`: the merchant's purchase orders as written, what
//! the warehouse reported receiving per article, and the merchant's acknowledgement of deviations.
//!
//! Brygga gives out the numbers: the row id is the counter (AUTOINCREMENT, so a number is never
//! reused), and the caller turns it into the number the warehouse sees. Each saved version counts
//! in `generation`, so each version gets an outbox key of its own.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use crate::Store;
use crate::error::StoreError;
use crate::table::{json_column, json_text};

macro_rules! text_enum {
    ($name:ident { $($variant:ident => $text:literal),* $(,)? }) => {
        impl $name {
            /// The text stored in the database.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text),* }
            }
        }
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }
        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                match value.as_str()? {
                    $($text => Ok(Self::$variant),)*
                    other => Err(FromSqlError::Other(
                        format!("unknown {} {other:?}", stringify!($name)).into(),
                    )),
                }
            }
        }
    };
}

/// Where the merchant's side of a purchase order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PurchaseOrderState {
    /// The merchant's latest version stands (sent, or waiting to be sent).
    Open,
    /// Cancelled by the merchant; the cancel waits to be sent.
    Cancelling,
    /// The warehouse accepted the cancel.
    Cancelled,
}
text_enum!(PurchaseOrderState { Open => "open", Cancelling => "cancelling", Cancelled => "cancelled" });

/// What a purchase order is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PurchaseOrderKind {
    Regular,
    /// The go-live purchase order of the stock already in the warehouse.
    InitialStockIn,
}
text_enum!(PurchaseOrderKind { Regular => "regular", InitialStockIn => "initialStockIn" });

/// The merchant's content of a purchase order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PurchaseOrderContent {
    pub supplier: String,
    pub reference: Option<String>,
    /// `YYYY-MM-DD`.
    pub expected_date: Option<String>,
    pub remark: Option<String>,
    /// The lines as a JSON array of `{sku, quantity}`.
    pub lines: serde_json::Value,
}

/// One purchase order as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PurchaseOrderRecord {
    pub id: i64,
    pub number: String,
    pub kind: PurchaseOrderKind,
    pub content: PurchaseOrderContent,
    pub state: PurchaseOrderState,
    pub generation: u32,
    pub sent_generation: Option<u32>,
    pub sent_at_ms: Option<i64>,
    pub warehouse_id: Option<i64>,
    pub warehouse_status: Option<i64>,
    pub warehouse_status_text: Option<String>,
    pub checked_at_ms: Option<i64>,
    pub refusal: Option<String>,
    pub refused_at_ms: Option<i64>,
    pub reported_at_ms: Option<i64>,
    pub created_at_ms: i64,
    pub updated_at_ms: i64,
}

const COLUMNS: &str = "id, number, kind, supplier, reference, expected_date, remark, lines, state,
    generation, sent_generation, sent_at_ms, warehouse_id, warehouse_status, warehouse_status_text,
    checked_at_ms, refusal, refused_at_ms, reported_at_ms, created_at_ms, updated_at_ms";

fn record(row: &Row<'_>) -> rusqlite::Result<PurchaseOrderRecord> {
    Ok(PurchaseOrderRecord {
        id: row.get(0)?,
        number: row.get(1)?,
        kind: row.get(2)?,
        content: PurchaseOrderContent {
            supplier: row.get(3)?,
            reference: row.get(4)?,
            expected_date: row.get(5)?,
            remark: row.get(6)?,
            lines: json_column(row, 7)?,
        },
        state: row.get(8)?,
        generation: row.get(9)?,
        sent_generation: row.get(10)?,
        sent_at_ms: row.get(11)?,
        warehouse_id: row.get(12)?,
        warehouse_status: row.get(13)?,
        warehouse_status_text: row.get(14)?,
        checked_at_ms: row.get(15)?,
        refusal: row.get(16)?,
        refused_at_ms: row.get(17)?,
        reported_at_ms: row.get(18)?,
        created_at_ms: row.get(19)?,
        updated_at_ms: row.get(20)?,
    })
}

/// What the merchant acknowledged on a line, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acknowledgement {
    pub advised: i64,
    pub received: i64,
    pub rejected: i64,
    pub note: Option<String>,
    pub at_ms: i64,
}

/// What the warehouse reported for one article of a purchase order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReceiptRecord {
    pub sku: String,
    pub advised: i64,
    pub received: i64,
    pub rejected: i64,
    pub read_at_ms: i64,
    pub acknowledged: Option<Acknowledgement>,
}

impl ReceiptRecord {
    /// Whether the merchant acknowledged exactly the quantities now reported.
    pub fn acknowledged_as_is(&self) -> bool {
        self.acknowledged.as_ref().is_some_and(|a| {
            (a.advised, a.received, a.rejected) == (self.advised, self.received, self.rejected)
        })
    }
}

/// One article's quantities as read from the warehouse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptRead {
    pub sku: String,
    pub advised: i64,
    pub received: i64,
    pub rejected: i64,
}

fn receipt(row: &Row<'_>) -> rusqlite::Result<ReceiptRecord> {
    let at_ms: Option<i64> = row.get(9)?;
    Ok(ReceiptRecord {
        sku: row.get(0)?,
        advised: row.get(1)?,
        received: row.get(2)?,
        rejected: row.get(3)?,
        read_at_ms: row.get(4)?,
        acknowledged: match at_ms {
            Some(at_ms) => Some(Acknowledgement {
                advised: row.get::<_, Option<i64>>(5)?.unwrap_or_default(),
                received: row.get::<_, Option<i64>>(6)?.unwrap_or_default(),
                rejected: row.get::<_, Option<i64>>(7)?.unwrap_or_default(),
                note: row.get(8)?,
                at_ms,
            }),
            None => None,
        },
    })
}

/// Records that the warehouse accepted version `generation` under its id `warehouse_id`.
pub(crate) fn record_sent(
    conn: &Connection,
    number: &str,
    warehouse_id: i64,
    generation: u32,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE purchase_orders
         SET warehouse_id = ?2, sent_generation = max(coalesce(sent_generation, 0), ?3),
             sent_at_ms = ?4, refusal = NULL, refused_at_ms = NULL, updated_at_ms = ?4
         WHERE number = ?1",
        params![number, warehouse_id, generation, now_ms],
    )
}

/// Records that the warehouse accepted the cancel.
pub(crate) fn record_cancelled(
    conn: &Connection,
    number: &str,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE purchase_orders SET state = 'cancelled', refusal = NULL, refused_at_ms = NULL,
                updated_at_ms = ?2
         WHERE number = ?1",
        params![number, now_ms],
    )
}

/// Records that the received quantities were marked reported in the warehouse.
pub(crate) fn record_reported(
    conn: &Connection,
    number: &str,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE purchase_orders SET reported_at_ms = ?2, updated_at_ms = ?2 WHERE number = ?1",
        params![number, now_ms],
    )
}

/// Handle on the purchase order tables.
#[derive(Debug, Clone, Copy)]
pub struct PurchaseOrders<'s> {
    store: &'s Store,
}

impl<'s> PurchaseOrders<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    /// Stores a new purchase order and gives it its number, made by `number` from the counter.
    pub fn create(
        &self,
        kind: PurchaseOrderKind,
        content: &PurchaseOrderContent,
        number: impl Fn(i64) -> String,
        now_ms: i64,
    ) -> Result<PurchaseOrderRecord, StoreError> {
        let lines = json_text(&content.lines, "purchase order lines")?;
        self.store.run("creating a purchase order", |conn| {
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO purchase_orders (number, kind, supplier, reference, expected_date,
                     remark, lines, state, created_at_ms, updated_at_ms)
                 VALUES ('', ?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?7)",
                params![
                    kind,
                    content.supplier,
                    content.reference,
                    content.expected_date,
                    content.remark,
                    lines,
                    now_ms
                ],
            )?;
            let id = tx.last_insert_rowid();
            tx.execute(
                "UPDATE purchase_orders SET number = ?2 WHERE id = ?1",
                params![id, number(id)],
            )?;
            let created = tx.query_row(
                &format!("SELECT {COLUMNS} FROM purchase_orders WHERE id = ?1"),
                [id],
                record,
            )?;
            tx.commit()?;
            Ok(created)
        })
    }

    pub fn get(&self, number: &str) -> Result<Option<PurchaseOrderRecord>, StoreError> {
        self.store.run("reading a purchase order", |conn| {
            conn.query_row(
                &format!("SELECT {COLUMNS} FROM purchase_orders WHERE number = ?1"),
                [number],
                record,
            )
            .optional()
        })
    }

    /// Every purchase order, newest first.
    pub fn list(&self) -> Result<Vec<PurchaseOrderRecord>, StoreError> {
        self.store.run("listing purchase orders", |conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM purchase_orders ORDER BY id DESC"
            ))?;
            stmt.query_map([], record)?.collect()
        })
    }

    /// Saves a new version of the merchant's content; returns its generation. Clears a refusal:
    /// the new version has not been refused yet.
    pub fn save_version(
        &self,
        number: &str,
        content: &PurchaseOrderContent,
        now_ms: i64,
    ) -> Result<u32, StoreError> {
        let lines = json_text(&content.lines, "purchase order lines")?;
        self.store.run("saving a purchase order", |conn| {
            conn.query_row(
                "UPDATE purchase_orders
                 SET supplier = ?2, reference = ?3, expected_date = ?4, remark = ?5, lines = ?6,
                     generation = generation + 1, refusal = NULL, refused_at_ms = NULL,
                     updated_at_ms = ?7
                 WHERE number = ?1
                 RETURNING generation",
                params![
                    number,
                    content.supplier,
                    content.reference,
                    content.expected_date,
                    content.remark,
                    lines,
                    now_ms
                ],
                |row| row.get(0),
            )
        })
    }

    pub fn set_state(
        &self,
        number: &str,
        state: PurchaseOrderState,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store.run("setting a purchase order's state", |conn| {
            conn.execute(
                "UPDATE purchase_orders SET state = ?2, updated_at_ms = ?3 WHERE number = ?1",
                params![number, state, now_ms],
            )
        })?;
        Ok(())
    }

    /// Keeps the warehouse's words for a refused change or cancel (`None` clears them).
    pub fn set_refusal(
        &self,
        number: &str,
        refusal: Option<&str>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store
            .run("recording a purchase order refusal", |conn| {
                conn.execute(
                    "UPDATE purchase_orders
                 SET refusal = ?2, refused_at_ms = CASE WHEN ?2 IS NULL THEN NULL ELSE ?3 END,
                     updated_at_ms = ?3
                 WHERE number = ?1",
                    params![number, refusal, now_ms],
                )
            })?;
        Ok(())
    }

    /// Records the warehouse's status and receipt per article as read now. Articles not in
    /// `lines` keep what was read before (the warehouse never removes a received line).
    pub fn record_warehouse(
        &self,
        number: &str,
        warehouse_id: i64,
        status: i64,
        status_text: Option<&str>,
        lines: &[ReceiptRead],
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store
            .run("recording a purchase order receipt", |conn| {
                let tx = conn.transaction()?;
                let id: i64 = tx.query_row(
                    "UPDATE purchase_orders
                 SET warehouse_id = ?2, warehouse_status = ?3, warehouse_status_text = ?4,
                     checked_at_ms = ?5
                 WHERE number = ?1 RETURNING id",
                    params![number, warehouse_id, status, status_text, now_ms],
                    |row| row.get(0),
                )?;
                for line in lines {
                    tx.execute(
                        "INSERT INTO purchase_order_receipts
                         (purchase_order_id, sku, advised, received, rejected, read_at_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (purchase_order_id, sku) DO UPDATE
                     SET advised = excluded.advised, received = excluded.received,
                         rejected = excluded.rejected, read_at_ms = excluded.read_at_ms",
                        params![
                            id,
                            line.sku,
                            line.advised.max(0),
                            line.received.max(0),
                            line.rejected.max(0),
                            now_ms
                        ],
                    )?;
                }
                tx.commit()
            })
    }

    /// What the warehouse reported for a purchase order, by SKU.
    pub fn receipts(&self, purchase_order_id: i64) -> Result<Vec<ReceiptRecord>, StoreError> {
        self.store.run("reading purchase order receipts", |conn| {
            let mut stmt = conn.prepare_cached(
                "SELECT sku, advised, received, rejected, read_at_ms, acknowledged_advised,
                        acknowledged_received, acknowledged_rejected, note, acknowledged_at_ms
                 FROM purchase_order_receipts WHERE purchase_order_id = ?1 ORDER BY sku",
            )?;
            stmt.query_map([purchase_order_id], receipt)?.collect()
        })
    }

    /// Acknowledges the quantities now reported for `sku` on the purchase order, with a note.
    /// False when the purchase order has no receipt for that SKU.
    pub fn acknowledge(
        &self,
        purchase_order_id: i64,
        sku: &str,
        note: Option<&str>,
        now_ms: i64,
    ) -> Result<bool, StoreError> {
        let changed = self.store.run("acknowledging a deviation", |conn| {
            conn.execute(
                "UPDATE purchase_order_receipts
                 SET acknowledged_advised = advised, acknowledged_received = received,
                     acknowledged_rejected = rejected, note = ?3, acknowledged_at_ms = ?4
                 WHERE purchase_order_id = ?1 AND sku = ?2",
                params![purchase_order_id, sku, note, now_ms],
            )
        })?;
        Ok(changed > 0)
    }
}
