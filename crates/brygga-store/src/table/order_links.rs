//! `order_links`: one row per shop order Brygga has seen, linking it to its warehouse order.
//!
//! The row is what lets each cycle be idempotent: whether the order was sent and with which
//! content hash, the warehouse status last read, and what Brygga itself last wrote back to the shop
//! (status and tracking), so nothing is sent or written twice. `sent_generation` and
//! `status_writes` count the sends and shop status writes the other side accepted: the sync engine
//! puts them in its outbox idempotency keys, so an order whose content or status goes back to an
//! earlier value (A -> B -> A) gets a new call rather than the one already done for that value.
//!
//! `identity` (order id + creation time) tells a shop that hands out an order number again apart
//! from the order first seen under it. Once the order was sent or cancelled the row belongs to it
//! for good and the identity is never overwritten, so the new order is noticed instead of being
//! mistaken for the old one. An order that was never sent nor cancelled has nothing in the
//! warehouse to protect, so a new order under its number simply takes the row over (see
//! [`OrderLinks::record_seen`]); otherwise the new order could never be sent. `baseline` orders
//! existed before the connection was activated and keep whatever shop status the merchant gives
//! them; `hold` says why an order is stopped until the merchant acts.
//!
//! For release batches (see [`crate::ReleaseBatches`]): `held_back` marks an order the merchant
//! holds back from every batch, and `released_batch_id` names the batch that released it.
//!
//! The writes that follow a remote call (sent, warehouse status read, shop status written,
//! cancelled, hold, released) are also on [`crate::Writes`], to be committed together with the
//! outbox row.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::{count_column, json_text, one_row, optional_json_column};
use crate::Store;
use crate::error::StoreError;

mod page;
mod updates;

pub use page::{OrderFilter, OrderPage, OrderState};

pub(crate) use updates::{
    record_cancelled, record_released, record_sent, record_shop_status_written,
    record_warehouse_status, set_hold,
};

/// What Brygga knows about one shop order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLink {
    pub shop_order_id: i64,
    /// Order id + creation time of the order the row belongs to; tells a reused order number
    /// apart.
    pub identity: String,
    pub shop_created_at_ms: i64,
    /// The shop status id last seen in the shop.
    pub shop_status_id: Option<i64>,
    /// The shop's shipping method id last seen, which decides how the warehouse ships the order.
    pub shipping_method_id: Option<i64>,
    pub warehouse_order_id: Option<i64>,
    /// The content hash (16 lowercase hex digits) of what the warehouse last accepted.
    pub sent_hash: Option<String>,
    pub sent_at_ms: Option<i64>,
    /// How many sends of the order the warehouse has accepted; one more with each
    /// [`crate::Writes::order_sent`], for the sync engine's idempotency keys.
    pub sent_generation: u32,
    /// The warehouse's status number last read, and its text.
    pub warehouse_status: Option<i64>,
    pub warehouse_status_text: Option<String>,
    /// The shop status id Brygga last wrote to the shop, and the tracking it last wrote.
    pub shop_status_written: Option<i64>,
    pub tracking_written: Option<String>,
    /// How many shop status writes the shop has accepted; one more with each
    /// [`crate::Writes::order_shop_status_written`], for the sync engine's idempotency keys.
    pub status_writes: u32,
    /// Cancelled in the warehouse by Brygga.
    pub cancelled: bool,
    /// Existed when the connection was first activated: Brygga never changes its shop status.
    pub baseline: bool,
    /// Why the order is stopped for the merchant, as JSON `{code, message, ...}`; `None` if it
    /// is not held.
    pub hold: Option<serde_json::Value>,
    /// The merchant holds the order back from release batches.
    pub held_back: bool,
    /// The shop reports the payment secured (reserved, authorised or paid).
    pub paid: bool,
    /// The release batch that released the order; `None` if Brygga has not released it, or put
    /// it back on hold since.
    pub released_batch_id: Option<i64>,
    pub updated_at_ms: i64,
}

/// How many orders are in each state, for the status screen. An order can be in several.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderLinkCounts {
    pub total: u64,
    pub sent: u64,
    pub held: u64,
    pub cancelled: u64,
    pub baseline: u64,
}

const COLUMNS: &str = "shop_order_id, identity, shop_created_at_ms, shop_status_id, \
    shipping_method_id, warehouse_order_id, sent_hash, sent_at_ms, sent_generation, \
    warehouse_status, warehouse_status_text, shop_status_written, tracking_written, \
    status_writes, cancelled, baseline, hold, held_back, released_batch_id, updated_at_ms, paid";

fn order_link(row: &Row<'_>) -> rusqlite::Result<OrderLink> {
    Ok(OrderLink {
        shop_order_id: row.get(0)?,
        identity: row.get(1)?,
        shop_created_at_ms: row.get(2)?,
        shop_status_id: row.get(3)?,
        shipping_method_id: row.get(4)?,
        warehouse_order_id: row.get(5)?,
        sent_hash: row.get(6)?,
        sent_at_ms: row.get(7)?,
        sent_generation: row.get(8)?,
        warehouse_status: row.get(9)?,
        warehouse_status_text: row.get(10)?,
        shop_status_written: row.get(11)?,
        tracking_written: row.get(12)?,
        status_writes: row.get(13)?,
        cancelled: row.get(14)?,
        baseline: row.get(15)?,
        hold: optional_json_column(row, 16)?,
        held_back: row.get(17)?,
        released_batch_id: row.get(18)?,
        updated_at_ms: row.get(19)?,
        paid: row.get(20)?,
    })
}

/// Handle on the `order_links` table.
#[derive(Debug, Clone, Copy)]
pub struct OrderLinks<'s> {
    store: &'s Store,
}

impl<'s> OrderLinks<'s> {
    pub(crate) fn new(store: &'s Store) -> Self {
        Self { store }
    }

    /// One order, or `None` if it was never seen.
    pub fn get(&self, shop_order_id: i64) -> Result<Option<OrderLink>, StoreError> {
        self.store.run("reading an order link", |conn| {
            conn.query_row(
                &format!("SELECT {COLUMNS} FROM order_links WHERE shop_order_id = ?1"),
                params![shop_order_id],
                order_link,
            )
            .optional()
        })
    }

    /// The shop order sent as `warehouse_order_id`, to apply a warehouse status change to it.
    pub fn by_warehouse_order_id(
        &self,
        warehouse_order_id: i64,
    ) -> Result<Option<OrderLink>, StoreError> {
        self.store
            .run("finding an order by warehouse order id", |conn| {
                conn.query_row(
                    &format!("SELECT {COLUMNS} FROM order_links WHERE warehouse_order_id = ?1"),
                    params![warehouse_order_id],
                    order_link,
                )
                .optional()
            })
    }

    /// Every order, by shop order id.
    pub fn list(&self) -> Result<Vec<OrderLink>, StoreError> {
        self.list_where("listing order links", "TRUE")
    }

    /// The orders held for the merchant (`hold`), by shop order id. Orders the merchant holds back
    /// from release batches (`held_back`) are another matter and are not listed here.
    pub fn list_held(&self) -> Result<Vec<OrderLink>, StoreError> {
        self.list_where("listing held orders", "hold IS NOT NULL")
    }

    /// Writes the whole row, inserting it or overwriting every column of the stored one. A
    /// warehouse order id already linked to another shop order is refused.
    pub fn upsert(&self, link: &OrderLink) -> Result<(), StoreError> {
        let hold = link
            .hold
            .as_ref()
            .map(|hold| json_text(hold, "an order hold"))
            .transpose()?;
        self.store.run("writing an order link", |conn| {
            updates::upsert(conn, link, hold.as_deref())
        })?;
        Ok(())
    }

    /// Records a sighting of the order in the shop and returns the stored row after the write.
    ///
    /// - A new order is inserted.
    /// - The same order (same `identity`) gets its shop status and shipping method updated.
    /// - Another order under a number whose order was never sent nor cancelled takes the row
    ///   over: identity, creation time, shop status and shipping method are replaced, the hold is
    ///   released, `baseline` and `held_back` are cleared, and `released_batch_id` and the
    ///   `warehouse_*` columns are emptied, since all of them were about the old order. The generation counters are kept: they number calls
    ///   already made under this order number, whose idempotency keys a new call must not reuse.
    ///   `shop_status_written` and `tracking_written` are left as they are.
    /// - Another order under the number of an order that was sent or cancelled writes nothing:
    ///   the warehouse holds the old order, so the returned row's identity differs from
    ///   `identity`, and the caller decides what to do.
    pub fn record_seen(
        &self,
        shop_order_id: i64,
        identity: &str,
        shop_created_at_ms: i64,
        shop_status_id: Option<i64>,
        shipping_method_id: Option<i64>,
        now_ms: i64,
    ) -> Result<OrderLink, StoreError> {
        self.store.atomically(|w| {
            w.run("recording a seen order", |conn| {
                updates::record_seen(
                    conn,
                    shop_order_id,
                    identity,
                    shop_created_at_ms,
                    shop_status_id,
                    shipping_method_id,
                    now_ms,
                )?;
                conn.query_row(
                    &format!("SELECT {COLUMNS} FROM order_links WHERE shop_order_id = ?1"),
                    params![shop_order_id],
                    order_link,
                )
            })
        })
    }

    /// Records that the warehouse accepted the order; see [`crate::Writes::order_sent`].
    pub fn record_sent(
        &self,
        shop_order_id: i64,
        warehouse_order_id: i64,
        hash: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store
            .atomically(|w| w.order_sent(shop_order_id, warehouse_order_id, hash, now_ms))
    }

    /// Records the warehouse status last read; see [`crate::Writes::order_warehouse_status`].
    pub fn record_warehouse_status(
        &self,
        shop_order_id: i64,
        status: i64,
        text: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store
            .atomically(|w| w.order_warehouse_status(shop_order_id, status, text, now_ms))
    }

    /// Records the shop status (and tracking, if any) Brygga wrote; see
    /// [`crate::Writes::order_shop_status_written`].
    pub fn record_shop_status_written(
        &self,
        shop_order_id: i64,
        status_id: i64,
        tracking: Option<&str>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store
            .atomically(|w| w.order_shop_status_written(shop_order_id, status_id, tracking, now_ms))
    }

    /// Records that Brygga cancelled the order in the warehouse; see
    /// [`crate::Writes::order_cancelled`].
    pub fn record_cancelled(&self, shop_order_id: i64, now_ms: i64) -> Result<(), StoreError> {
        self.store
            .atomically(|w| w.order_cancelled(shop_order_id, now_ms))
    }

    /// Holds the order for the merchant, or releases it with `None`; see
    /// [`crate::Writes::order_hold`].
    pub fn set_hold(
        &self,
        shop_order_id: i64,
        hold: Option<serde_json::Value>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store
            .atomically(|w| w.order_hold(shop_order_id, hold, now_ms))
    }

    /// Holds the order back from release batches (`true`), or lets batches take it again
    /// (`false`); an error if the order was never seen.
    /// Records whether the shop reports the order's payment secured.
    pub fn record_paid(
        &self,
        shop_order_id: i64,
        paid: bool,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store
            .run("recording an order's payment state", |conn| {
                conn.execute(
                    "UPDATE order_links SET paid = ?2, updated_at_ms = ?3
                 WHERE shop_order_id = ?1 AND paid IS NOT ?2",
                    rusqlite::params![shop_order_id, paid, now_ms],
                )
                .map(drop)
            })
    }

    pub fn set_held_back(
        &self,
        shop_order_id: i64,
        held_back: bool,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store.atomically(|w| {
            let changed = w.run("holding an order back from release batches", |conn| {
                updates::set_held_back(conn, shop_order_id, held_back, now_ms)
            })?;
            one_row(changed, "order_links", shop_order_id)
        })
    }

    /// Records which release batch released the order, or `None` when it is put back on hold;
    /// see [`crate::Writes::order_released`].
    pub fn record_released(
        &self,
        shop_order_id: i64,
        batch_id: Option<i64>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.store
            .atomically(|w| w.order_released(shop_order_id, batch_id, now_ms))
    }

    /// Marks the orders that existed when the connection was first activated, so Brygga never
    /// changes their shop status. All or nothing: an id that was never seen is an error and no
    /// order is marked, since a baseline order left unmarked would later get its status changed.
    pub fn mark_baseline(&self, shop_order_ids: &[i64], now_ms: i64) -> Result<(), StoreError> {
        self.store.atomically(|w| {
            for &id in shop_order_ids {
                let changed = w.run("marking baseline orders", |conn| {
                    updates::mark_baseline(conn, id, now_ms)
                })?;
                one_row(changed, "order_links", id)?;
            }
            Ok(())
        })
    }

    /// How many orders are known, sent, held, cancelled and baseline.
    pub fn counts(&self) -> Result<OrderLinkCounts, StoreError> {
        self.store.run("counting order links", |conn| {
            conn.query_row(
                "SELECT COUNT(*), COUNT(sent_hash), COUNT(hold),
                        COALESCE(SUM(cancelled), 0), COALESCE(SUM(baseline), 0)
                 FROM order_links",
                [],
                |row| {
                    Ok(OrderLinkCounts {
                        total: count_column(row, 0)?,
                        sent: count_column(row, 1)?,
                        held: count_column(row, 2)?,
                        cancelled: count_column(row, 3)?,
                        baseline: count_column(row, 4)?,
                    })
                },
            )
        })
    }

    fn list_where(
        &self,
        context: &'static str,
        condition: &str,
    ) -> Result<Vec<OrderLink>, StoreError> {
        self.store.run(context, |conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM order_links WHERE {condition} ORDER BY shop_order_id"
            ))?;
            let rows = stmt.query_map([], order_link)?;
            rows.collect()
        })
    }
}
