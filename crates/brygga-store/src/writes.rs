//! [`Store::atomically`] and the [`Writes`] it lends: several writes that commit together or not
//! at all.
//!
//! After a remote call succeeds, the sync engine marks its outbox row done and records what the call
//! did (the order link, the sent hash, the event, maybe a cursor). Done in two transactions, a crash
//! between them would either lose the effect of a call that was made, or leave the row to be sent
//! again. In one transaction neither can happen: SQLite commits all of it or none of it.
//!
//! Each write is implemented once, as a function over `&Connection` in its table's module. The
//! table handles reach it through `atomically` too, so a single write also runs in a transaction
//! of its own, with the same wording of errors.
//!
//! `atomically` holds the store's lock for the whole closure, and [`Writes`] works on that
//! transaction's connection; it never takes the lock again. Using the [`Store`] itself inside the
//! closure (a table handle, or `atomically` again) would wait for a lock this thread already holds,
//! forever. That mistake panics at once instead, with a message saying what to use; the panic rolls
//! the transaction back like any other.

use std::cell::RefCell;
use std::fmt;
use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::Store;
use crate::error::StoreError;
use crate::table::{
    articles, cursors, events, json_text, one_row, order_links, outbox, purchase_orders,
    release_batches, returns, stock_levels,
};
use crate::{Enqueued, NewOutboxRow, ReturnRecord};

thread_local! {
    /// The stores (by address) whose `atomically` this thread is inside; see [`refuse_reentry`].
    static INSIDE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// Panics if this thread is inside `store`'s `atomically` closure: taking the store's lock there
/// would never return. Called by [`Store::lock`] before it waits.
pub(crate) fn refuse_reentry(store: &Store) {
    let address = std::ptr::from_ref(store).addr();
    let inside = INSIDE.with(|inside| inside.borrow().contains(&address));
    assert!(
        !inside,
        "the store was used inside Store::atomically on the same thread; use the Writes handle \
         passed to the closure (the store's lock is already held, so waiting for it would hang)"
    );
}

/// Marks this thread as inside `atomically` of one store until dropped, even by a panic.
struct Inside(usize);

impl Inside {
    fn enter(store: &Store) -> Self {
        let address = std::ptr::from_ref(store).addr();
        INSIDE.with(|inside| inside.borrow_mut().push(address));
        Self(address)
    }
}

impl Drop for Inside {
    fn drop(&mut self) {
        INSIDE.with(|inside| {
            let mut inside = inside.borrow_mut();
            if let Some(at) = inside.iter().rposition(|&address| address == self.0) {
                inside.remove(at);
            }
        });
    }
}

impl Store {
    /// Runs `f` in one `BEGIN IMMEDIATE` transaction and commits if it returns `Ok`. If it
    /// returns `Err` (or panics) nothing it wrote is kept. The write lock is taken up front, so
    /// the transaction never fails half-way because another connection started writing.
    ///
    /// Inside `f`, write through the [`Writes`] given, never through the store: using the store on
    /// the same thread panics, and waiting for another thread that uses it would hang.
    ///
    /// ```
    /// # fn main() -> Result<(), brygga_store::StoreError> {
    /// let store = brygga_store::Store::open_in_memory()?;
    /// let event_id = store.atomically(|w| {
    ///     w.cursor_set("shop.orders.created", "17", 1_000)?;
    ///     w.event("feed:shop.orders.created", "read", serde_json::json!({"orders": 3}), 1_000)
    /// })?;
    /// assert_eq!(store.cursors().get("shop.orders.created")?.as_deref(), Some("17"));
    /// assert!(event_id > 0, "the event was recorded in the same transaction");
    /// # Ok(())
    /// # }
    /// ```
    pub fn atomically<T>(
        &self,
        f: impl FnOnce(&Writes<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let fail = |context: &str, e| StoreError::sqlite(self.path(), context, e);
        let mut conn = self.lock();
        let _inside = Inside::enter(self);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| fail("starting a transaction", e))?;
        let value = f(&Writes {
            conn: &tx,
            path: self.path(),
        })?;
        tx.commit()
            .map_err(|e| fail("committing a transaction", e))?;
        Ok(value)
    }
}

/// The writes that can be committed together, lent to the closure of [`Store::atomically`].
pub struct Writes<'t> {
    conn: &'t Connection,
    path: Option<&'t Path>,
}

impl fmt::Debug for Writes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Writes")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Writes<'_> {
    /// Marks outbox row `id` done; an error if there is no such row.
    pub fn outbox_done(&self, id: i64, now_ms: i64) -> Result<(), StoreError> {
        let changed = self.run("marking an outbox row done", |conn| {
            outbox::mark_done(conn, id, now_ms)
        })?;
        one_row(changed, "outbox", id)
    }

    /// Records that the warehouse accepted `sku` with content `hash`, creating the article's row
    /// if needed, and adds 1 to its `sent_generation`. `None` for the article id keeps the one
    /// already known.
    pub fn article_sent(
        &self,
        sku: &str,
        hash: &str,
        warehouse_article_id: Option<i64>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.run("recording a sent article", |conn| {
            articles::record_sent(conn, sku, hash, warehouse_article_id, now_ms)
        })
    }

    /// Records that the warehouse accepted the shop order as `warehouse_order_id` with content
    /// `hash`, and adds 1 to its `sent_generation`; an error if the order was never seen.
    pub fn order_sent(
        &self,
        shop_order_id: i64,
        warehouse_order_id: i64,
        hash: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let changed = self.run("recording a sent order", |conn| {
            order_links::record_sent(conn, shop_order_id, warehouse_order_id, hash, now_ms)
        })?;
        one_row(changed, "order_links", shop_order_id)
    }

    /// Records the warehouse status number and text last read for the order.
    pub fn order_warehouse_status(
        &self,
        shop_order_id: i64,
        status: i64,
        text: &str,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let changed = self.run("recording an order's warehouse status", |conn| {
            order_links::record_warehouse_status(conn, shop_order_id, status, text, now_ms)
        })?;
        one_row(changed, "order_links", shop_order_id)
    }

    /// Records the shop status Brygga wrote to the order, and the tracking if it wrote one
    /// (`None` keeps the tracking written before, which the shop still shows); adds 1 to its
    /// `status_writes`.
    pub fn order_shop_status_written(
        &self,
        shop_order_id: i64,
        status_id: i64,
        tracking: Option<&str>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let changed = self.run("recording a shop status written", |conn| {
            order_links::record_shop_status_written(
                conn,
                shop_order_id,
                status_id,
                tracking,
                now_ms,
            )
        })?;
        one_row(changed, "order_links", shop_order_id)
    }

    /// Records that Brygga cancelled the order in the warehouse.
    pub fn order_cancelled(&self, shop_order_id: i64, now_ms: i64) -> Result<(), StoreError> {
        let changed = self.run("recording a cancelled order", |conn| {
            order_links::record_cancelled(conn, shop_order_id, now_ms)
        })?;
        one_row(changed, "order_links", shop_order_id)
    }

    /// Holds the order for the merchant with `hold` (`{code, message, ...}`), or releases it
    /// with `None`.
    pub fn order_hold(
        &self,
        shop_order_id: i64,
        hold: Option<serde_json::Value>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let hold = hold
            .map(|hold| json_text(&hold, "an order hold"))
            .transpose()?;
        let changed = self.run("holding or releasing an order", |conn| {
            order_links::set_hold(conn, shop_order_id, hold.as_deref(), now_ms)
        })?;
        one_row(changed, "order_links", shop_order_id)
    }

    /// Records which release batch released the order (`Some`), or that it was put back on hold
    /// (`None`); an error if the order was never seen.
    pub fn order_released(
        &self,
        shop_order_id: i64,
        batch_id: Option<i64>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let changed = self.run("recording a released order", |conn| {
            order_links::record_released(conn, shop_order_id, batch_id, now_ms)
        })?;
        one_row(changed, "order_links", shop_order_id)
    }

    /// Sets what release batch `batch_id` did with one of its orders, replacing the reason:
    /// `pending` makes it undecided again, any other outcome is decided at `now_ms`. An error
    /// naming the batch if there is no such batch, or naming the order if it is not in the batch.
    pub fn batch_order_outcome(
        &self,
        batch_id: i64,
        shop_order_id: i64,
        outcome: &str,
        reason: Option<&str>,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        let changed = self.run(
            "recording the outcome of an order in a release batch",
            |conn| {
                release_batches::set_order_outcome(
                    conn,
                    batch_id,
                    shop_order_id,
                    outcome,
                    reason,
                    now_ms,
                )
            },
        )?;
        if changed > 0 {
            return Ok(());
        }
        let batch_exists = self.run("reading a release batch", |conn| {
            release_batches::exists(conn, batch_id)
        })?;
        if batch_exists {
            Err(StoreError::NoSuchRow {
                table: "release_batch_orders",
                id: shop_order_id,
            })
        } else {
            Err(StoreError::NoSuchRow {
                table: "release_batches",
                id: batch_id,
            })
        }
    }

    /// Records that Brygga wrote `quantity` to the shop for `sku`, and adds 1 to its
    /// `written_generation`.
    pub fn stock_written(&self, sku: &str, quantity: i64, now_ms: i64) -> Result<(), StoreError> {
        self.run("recording a written stock quantity", |conn| {
            stock_levels::record_written(conn, sku, quantity, now_ms)
        })
    }

    /// Records that the warehouse accepted version `generation` of a purchase order.
    pub fn purchase_order_sent(
        &self,
        number: &str,
        warehouse_id: i64,
        generation: u32,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.run("recording a sent purchase order", |conn| {
            purchase_orders::record_sent(conn, number, warehouse_id, generation, now_ms)
        })?;
        Ok(())
    }

    /// Records that the warehouse cancelled a purchase order.
    pub fn purchase_order_cancelled(&self, number: &str, now_ms: i64) -> Result<(), StoreError> {
        self.run("recording a cancelled purchase order", |conn| {
            purchase_orders::record_cancelled(conn, number, now_ms)
        })?;
        Ok(())
    }

    /// Records that a purchase order's receipt was marked reported in the warehouse.
    pub fn purchase_order_reported(&self, number: &str, now_ms: i64) -> Result<(), StoreError> {
        self.run("recording a reported purchase order receipt", |conn| {
            purchase_orders::record_reported(conn, number, now_ms)
        })?;
        Ok(())
    }

    /// Queues a call unless one with the same kind and idempotency key exists, in this
    /// transaction: whatever made the call necessary commits with it or not at all.
    pub fn enqueue(&self, new: &NewOutboxRow, now_ms: i64) -> Result<Enqueued, StoreError> {
        let payload = json_text(&new.payload, "an outbox payload")?;
        self.run("enqueueing an outbox row", |conn| {
            outbox::insert(conn, new, &payload, now_ms)
        })
    }

    /// Stores a return the merchant registers; an error if its number is taken, so two returns
    /// can never share one warehouse return order.
    pub fn return_registered(&self, record: &ReturnRecord) -> Result<(), StoreError> {
        self.run("registering a return", |conn| {
            returns::insert_new(conn, record)
        })
    }

    /// Stores a return the warehouse reports, the first time it is seen; a known one only gains
    /// the warehouse id and the order when it lacked them.
    pub fn return_seen(&self, record: &ReturnRecord) -> Result<(), StoreError> {
        self.run("saving a return", |conn| returns::seen(conn, record))
    }

    /// Records the first arrival of goods for a return.
    pub fn return_arrived(&self, number: &str, now_ms: i64) -> Result<(), StoreError> {
        self.run("recording a returned parcel", |conn| {
            returns::arrived(conn, number, now_ms)
        })
    }

    /// Records the warehouse's id of a return order it accepted.
    pub fn return_sent(
        &self,
        number: &str,
        warehouse_id: i64,
        now_ms: i64,
    ) -> Result<(), StoreError> {
        self.run("recording a sent return", |conn| {
            returns::record_sent(conn, number, warehouse_id, now_ms)
        })?;
        Ok(())
    }

    /// Sets the merchant's handling of a return (state, note, refund) and counts one more shop
    /// comment; returns that comment's generation.
    pub fn return_handling(
        &self,
        number: &str,
        state: &str,
        handling_note: Option<&str>,
        refund: Option<(i64, &str)>,
        now_ms: i64,
    ) -> Result<u32, StoreError> {
        self.run("saving a return's handling", |conn| {
            returns::set_handling(conn, number, state, handling_note, refund, now_ms)
        })
    }

    /// Moves change feed `feed` to `value`.
    pub fn cursor_set(&self, feed: &str, value: &str, now_ms: i64) -> Result<(), StoreError> {
        self.run("writing a cursor", |conn| {
            cursors::set(conn, feed, value, now_ms)
        })
    }

    /// Records that `kind` happened to `subject`; returns the new event's id.
    pub fn event(
        &self,
        subject: &str,
        kind: &str,
        payload: serde_json::Value,
        at_ms: i64,
    ) -> Result<i64, StoreError> {
        let payload = json_text(&payload, "an event payload")?;
        self.run("appending an event", |conn| {
            events::append(conn, subject, kind, &payload, at_ms)
        })
    }

    /// Runs `f` on the transaction's connection and words any SQLite error like
    /// [`Store::run`] does; for table handles whose writes take several statements.
    pub(crate) fn run<T>(
        &self,
        context: &'static str,
        f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StoreError> {
        f(self.conn).map_err(|e| StoreError::sqlite(self.path, context, e))
    }
}
