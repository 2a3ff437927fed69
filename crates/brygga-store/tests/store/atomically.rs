//! `Store::atomically`: an outbox row is marked done together with the call's effect, or neither is.

use std::sync::mpsc;
use std::thread;

use brygga_store::{DATABASE_FILE_NAME, NewOutboxRow, OutboxStatus, Store, StoreError, Writes};
use serde_json::json;

use crate::fresh_store;

const HASH: &str = "0123456789abcdef";
const FEED: &str = "ongoing.orders.status_changed";
/// The release batch `claimed_push` creates: the first batch of a fresh store.
const BATCH: i64 = 1;

/// An outbox row claimed by the drain worker (so `running`), order 7 seen in the shop and waiting
/// in a running release batch: the state just before the engine records a successful push.
fn claimed_push(store: &Store) -> i64 {
    store
        .outbox()
        .enqueue(
            NewOutboxRow {
                kind: "ongoing.push_order".into(),
                idempotency_key: "7".into(),
                payload: json!({}),
                max_attempts: 3,
                run_at_ms: 1_000,
            },
            1_000,
        )
        .unwrap();
    let row = store.outbox().claim_next(1_000).unwrap().expect("due");
    store
        .order_links()
        .record_seen(7, "7@1000", 1_000, Some(1), None, 1_000)
        .unwrap();
    let batch = store
        .release_batches()
        .create(
            Some(1_000),
            "schedule",
            "running",
            &json!({}),
            &[(7, "pending", None)],
            1_000,
        )
        .unwrap();
    assert_eq!(batch, BATCH, "precondition: the store was fresh");
    row.id
}

/// Every write `Writes` offers, as the engine would make them after the call.
fn record_everything(w: &Writes<'_>, outbox_id: i64) -> Result<(), StoreError> {
    w.outbox_done(outbox_id, 2_000)?;
    w.article_sent("SKU-1", HASH, Some(31), 2_000)?;
    w.order_sent(7, 5_001, HASH, 2_000)?;
    w.order_warehouse_status(7, 450, "Sent", 2_000)?;
    w.order_shop_status_written(7, 3, Some("TRACK-1"), 2_000)?;
    w.order_cancelled(7, 2_000)?;
    w.order_hold(7, Some(json!({"code": "c", "message": "m"})), 2_000)?;
    w.order_released(7, Some(BATCH), 2_000)?;
    w.batch_order_outcome(BATCH, 7, "released", None, 2_000)?;
    w.stock_written("SKU-1", 4, 2_000)?;
    w.cursor_set(FEED, "42", 2_000)?;
    w.event(
        "order:7",
        "pushed",
        json!({"warehouse_order_id": 5_001}),
        2_000,
    )?;
    Ok(())
}

/// Asserts that nothing `record_everything` writes is in the store.
fn assert_nothing_recorded(store: &Store, outbox_id: i64, why: &str) {
    let row = store.outbox().get(outbox_id).unwrap().unwrap();
    assert_eq!(
        (row.status, row.done_at_ms),
        (OutboxStatus::Running, None),
        "{why}: the outbox row must still be running, so a restart requeues the call"
    );
    let order = store.order_links().get(7).unwrap().unwrap();
    assert_eq!(
        (
            order.warehouse_order_id,
            order.warehouse_status,
            order.hold,
            order.released_batch_id
        ),
        (None, None, None, None),
        "{why}: the order must look unsent"
    );
    let batch = store.release_batches().get(BATCH).unwrap().unwrap();
    assert_eq!(
        (
            batch.orders[0].outcome.as_str(),
            batch.orders[0].decided_at_ms
        ),
        ("pending", None),
        "{why}: the batch must still wait for the order, so it is released on the next try"
    );
    assert_eq!(
        store.articles().get("SKU-1").unwrap(),
        None,
        "{why}: no article row"
    );
    assert!(
        store.stock_levels().all().unwrap().is_empty(),
        "{why}: no stock row"
    );
    assert_eq!(
        store.cursors().get(FEED).unwrap(),
        None,
        "{why}: the cursor must not move"
    );
    assert!(
        store.events().recent(10).unwrap().is_empty(),
        "{why}: no event"
    );
}

#[test]
fn every_write_is_visible_after_ok() {
    let store = fresh_store();
    let id = claimed_push(&store);
    let value = store
        .atomically(|w| {
            record_everything(w, id)?;
            Ok("closure result")
        })
        .unwrap();
    assert_eq!(
        value, "closure result",
        "atomically hands back the closure's value"
    );

    assert_eq!(
        store.outbox().get(id).unwrap().unwrap().status,
        OutboxStatus::Done,
        "the outbox row is done"
    );
    let order = store.order_links().get(7).unwrap().unwrap();
    assert_eq!(
        (
            order.warehouse_order_id,
            order.warehouse_status,
            order.shop_status_written,
            order.tracking_written.as_deref(),
            order.cancelled,
            order.hold.is_some(),
            order.released_batch_id,
        ),
        (
            Some(5_001),
            Some(450),
            Some(3),
            Some("TRACK-1"),
            true,
            true,
            Some(BATCH)
        ),
        "every order write made in the closure is committed"
    );
    assert_eq!(
        store.release_batches().get(BATCH).unwrap().unwrap().orders[0].outcome,
        "released",
        "the order's outcome in its batch is committed"
    );
    assert_eq!(
        store
            .articles()
            .sent_hashes()
            .unwrap()
            .get("SKU-1")
            .map(String::as_str),
        Some(HASH),
        "the article's hash is committed"
    );
    assert_eq!(
        store.stock_levels().all().unwrap()["SKU-1"].written_quantity,
        Some(4),
        "the written stock is committed"
    );
    assert_eq!(
        store.cursors().get(FEED).unwrap().as_deref(),
        Some("42"),
        "the cursor is committed"
    );
    assert_eq!(
        store.events().for_subject("order:7").unwrap().len(),
        1,
        "the event is committed"
    );
}

#[test]
fn nothing_is_kept_when_the_closure_returns_err() {
    let store = fresh_store();
    let id = claimed_push(&store);
    let error = store
        .atomically(|w| {
            record_everything(w, id)?;
            Err::<(), _>(StoreError::NoSuchRow {
                table: "test",
                id: -1,
            })
        })
        .expect_err("the closure failed");
    assert!(
        matches!(error, StoreError::NoSuchRow { table: "test", .. }),
        "the closure's own error is handed back unchanged: {error:?}"
    );
    assert_nothing_recorded(&store, id, "an Err rolls the whole closure back");
}

#[test]
fn a_failing_write_undoes_the_ones_before_it() {
    let store = fresh_store();
    let id = claimed_push(&store);
    let error = store
        .atomically(|w| {
            w.outbox_done(id, 2_000)?;
            w.order_sent(99, 5_001, HASH, 2_000)
        })
        .expect_err("order 99 was never seen");
    assert!(
        matches!(error, StoreError::NoSuchRow { id: 99, .. }),
        "the failing write's error comes out of atomically: {error:?}"
    );
    assert_nothing_recorded(&store, id, "the row must not be done without its effect");
}

#[test]
fn using_the_store_inside_the_closure_panics_instead_of_hanging() {
    let store = fresh_store();
    let id = claimed_push(&store);
    let outcome = thread::scope(|scope| {
        scope
            .spawn(|| {
                store.atomically(|w| {
                    w.outbox_done(id, 2_000)?;
                    store.cursors().get(FEED)
                })
            })
            .join()
    });
    let panic = outcome.expect_err("the store's lock is held by this very closure");
    let message = panic
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    assert!(
        message.contains("Writes"),
        "the panic tells the developer what to use instead: {message:?}"
    );
    assert_eq!(
        store.outbox().get(id).unwrap().unwrap().status,
        OutboxStatus::Running,
        "the panic rolled the transaction back, and the store is usable again afterwards"
    );
}

#[test]
fn another_thread_waits_for_the_transaction_and_sees_all_of_it() {
    let store = fresh_store();
    let id = claimed_push(&store);
    let (inside, now_inside) = mpsc::channel();
    thread::scope(|scope| {
        let writer = scope.spawn(|| {
            store.atomically(|w| {
                w.outbox_done(id, 2_000)?;
                inside.send(()).expect("the reader is waiting for this");
                w.cursor_set(FEED, "42", 2_000)
            })
        });
        now_inside
            .recv()
            .expect("the writer is inside its transaction");
        let read = store.cursors().get(FEED).unwrap();
        writer.join().unwrap().unwrap();
        assert_eq!(
            read.as_deref(),
            Some("42"),
            "another thread is not refused like re-entry is; it waits for the lock, so it reads \
             the transaction's writes all at once and never half of them"
        );
    });
}

#[test]
fn a_panic_in_the_closure_leaves_nothing_half_written_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DATABASE_FILE_NAME);
    let store = Store::open(&path).unwrap();
    let id = claimed_push(&store);

    let outcome = thread::scope(|scope| {
        scope
            .spawn(|| {
                store.atomically(|w| -> Result<(), StoreError> {
                    w.outbox_done(id, 2_000)?;
                    w.order_sent(7, 5_001, HASH, 2_000)?;
                    panic!("the engine crashes between recording the call and its event")
                })
            })
            .join()
    });
    assert!(outcome.is_err(), "precondition: the closure panicked");
    assert_nothing_recorded(
        &store,
        id,
        "the panic dropped the open transaction, which rolls back; the poisoned lock is taken over",
    );
    drop(store);

    let reopened = Store::open(&path).unwrap();
    assert_nothing_recorded(
        &reopened,
        id,
        "the file itself holds none of the panicked transaction's writes",
    );
    reopened
        .atomically(|w| w.outbox_done(id, 3_000))
        .expect("no transaction was left open to block the next one");
}
