//! Every write to `order_links`, as a function over `&Connection`. The [`super::OrderLinks`] handle
//! calls them all; [`crate::Writes`] calls the ones that follow a remote call (`record_sent` and
//! the others after it). The updates return the number of rows changed, 0 when the order was never
//! seen, which the callers turn into an error: the engine only updates orders it has seen.

use rusqlite::{Connection, params};

use super::{COLUMNS, OrderLink};

/// Records a sighting; see [`super::OrderLinks::record_seen`] for the rules. Two statements, run
/// in the caller's transaction: first a row of another order that was never sent nor cancelled is
/// taken over by this one, then the order is inserted, or its shop status and shipping method
/// updated if its identity matches (which, after a takeover, it does). A row of a sent or
/// cancelled order under another identity matches neither, so it is never overwritten.
pub(super) fn record_seen(
    conn: &Connection,
    shop_order_id: i64,
    identity: &str,
    shop_created_at_ms: i64,
    shop_status_id: Option<i64>,
    shipping_method_id: Option<i64>,
    now_ms: i64,
) -> rusqlite::Result<()> {
    let sighting = params![
        shop_order_id,
        identity,
        shop_created_at_ms,
        shop_status_id,
        shipping_method_id,
        now_ms
    ];
    conn.execute(
        "UPDATE order_links
         SET identity = ?2, shop_created_at_ms = ?3, shop_status_id = ?4,
             shipping_method_id = ?5, hold = NULL, baseline = 0, held_back = 0,
             released_batch_id = NULL, warehouse_order_id = NULL,
             warehouse_status = NULL, warehouse_status_text = NULL,
             shop_status_written = NULL, tracking_written = NULL, updated_at_ms = ?6
         WHERE shop_order_id = ?1 AND identity IS NOT ?2 AND sent_hash IS NULL AND cancelled = 0",
        sighting,
    )?;
    conn.execute(
        "INSERT INTO order_links (shop_order_id, identity, shop_created_at_ms, shop_status_id,
                                  shipping_method_id, updated_at_ms)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (shop_order_id) DO UPDATE
         SET shop_status_id = excluded.shop_status_id,
             shipping_method_id = excluded.shipping_method_id,
             updated_at_ms = excluded.updated_at_ms
         WHERE identity = excluded.identity
           AND (shop_status_id IS NOT excluded.shop_status_id
                OR shipping_method_id IS NOT excluded.shipping_method_id)",
        sighting,
    )?;
    Ok(())
}

/// Writes the whole row, `hold` already turned into JSON text. Updated in place rather than
/// deleted and reinserted (`INSERT OR REPLACE`), so a warehouse order id already linked to another
/// shop order is refused instead of silently deleting that other row.
pub(super) fn upsert(
    conn: &Connection,
    link: &OrderLink,
    hold: Option<&str>,
) -> rusqlite::Result<usize> {
    conn.execute(
        &format!(
            "INSERT INTO order_links ({COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                     ?18, ?19, ?20, ?21)
             ON CONFLICT (shop_order_id) DO UPDATE SET ({COLUMNS}) =
                 (excluded.shop_order_id, excluded.identity, excluded.shop_created_at_ms,
                  excluded.shop_status_id, excluded.shipping_method_id,
                  excluded.warehouse_order_id, excluded.sent_hash, excluded.sent_at_ms,
                  excluded.sent_generation, excluded.warehouse_status,
                  excluded.warehouse_status_text, excluded.shop_status_written,
                  excluded.tracking_written, excluded.status_writes, excluded.cancelled,
                  excluded.baseline, excluded.hold, excluded.held_back,
                  excluded.released_batch_id, excluded.updated_at_ms, excluded.paid)"
        ),
        params![
            link.shop_order_id,
            link.identity,
            link.shop_created_at_ms,
            link.shop_status_id,
            link.shipping_method_id,
            link.warehouse_order_id,
            link.sent_hash,
            link.sent_at_ms,
            link.sent_generation,
            link.warehouse_status,
            link.warehouse_status_text,
            link.shop_status_written,
            link.tracking_written,
            link.status_writes,
            link.cancelled,
            link.baseline,
            hold,
            link.held_back,
            link.released_batch_id,
            link.updated_at_ms,
            link.paid,
        ],
    )
}

/// Marks one order as existing before the connection was activated.
pub(super) fn mark_baseline(
    conn: &Connection,
    shop_order_id: i64,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE order_links SET baseline = 1, updated_at_ms = ?2 WHERE shop_order_id = ?1",
        params![shop_order_id, now_ms],
    )
}

/// Records that the warehouse accepted the order as `warehouse_order_id` with content `hash`, and
/// counts the send in `sent_generation`.
pub(crate) fn record_sent(
    conn: &Connection,
    shop_order_id: i64,
    warehouse_order_id: i64,
    hash: &str,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE order_links
         SET warehouse_order_id = ?2, sent_hash = ?3, sent_at_ms = ?4,
             sent_generation = sent_generation + 1, updated_at_ms = ?4
         WHERE shop_order_id = ?1",
        params![shop_order_id, warehouse_order_id, hash, now_ms],
    )
}

/// Records the warehouse status last read.
pub(crate) fn record_warehouse_status(
    conn: &Connection,
    shop_order_id: i64,
    status: i64,
    text: &str,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE order_links
         SET warehouse_status = ?2, warehouse_status_text = ?3, updated_at_ms = ?4
         WHERE shop_order_id = ?1",
        params![shop_order_id, status, text, now_ms],
    )
}

/// Records what Brygga wrote to the shop and counts the write in `status_writes`. A write without
/// tracking keeps the tracking written before: the shop still shows it.
pub(crate) fn record_shop_status_written(
    conn: &Connection,
    shop_order_id: i64,
    status_id: i64,
    tracking: Option<&str>,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE order_links
         SET shop_status_written = ?2, tracking_written = coalesce(?3, tracking_written),
             status_writes = status_writes + 1, updated_at_ms = ?4
         WHERE shop_order_id = ?1",
        params![shop_order_id, status_id, tracking, now_ms],
    )
}

/// Records that Brygga cancelled the order in the warehouse.
pub(crate) fn record_cancelled(
    conn: &Connection,
    shop_order_id: i64,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE order_links SET cancelled = 1, updated_at_ms = ?2 WHERE shop_order_id = ?1",
        params![shop_order_id, now_ms],
    )
}

/// Holds the order with `hold` (JSON text) or releases it with `None`.
pub(crate) fn set_hold(
    conn: &Connection,
    shop_order_id: i64,
    hold: Option<&str>,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE order_links SET hold = ?2, updated_at_ms = ?3 WHERE shop_order_id = ?1",
        params![shop_order_id, hold, now_ms],
    )
}

/// Holds the order back from release batches, or lets them take it again.
pub(super) fn set_held_back(
    conn: &Connection,
    shop_order_id: i64,
    held_back: bool,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE order_links SET held_back = ?2, updated_at_ms = ?3 WHERE shop_order_id = ?1",
        params![shop_order_id, held_back, now_ms],
    )
}

/// Records the release batch that released the order, or `None` when it is put back on hold.
pub(crate) fn record_released(
    conn: &Connection,
    shop_order_id: i64,
    batch_id: Option<i64>,
    now_ms: i64,
) -> rusqlite::Result<usize> {
    conn.execute(
        "UPDATE order_links SET released_batch_id = ?2, updated_at_ms = ?3
         WHERE shop_order_id = ?1",
        params![shop_order_id, batch_id, now_ms],
    )
}
