//! `outbox`: idempotent enqueue, claiming in due order, and the paths a row takes to the end.

use brygga_store::{Enqueued, NewOutboxRow, OutboxCounts, OutboxRow, OutboxStatus, Store};
use serde_json::json;

use crate::fresh_store;

fn push_order(key: &str, run_at_ms: i64) -> NewOutboxRow {
    NewOutboxRow {
        kind: "ongoing.push_order".into(),
        idempotency_key: key.into(),
        payload: json!({"order": key}),
        max_attempts: 5,
        run_at_ms,
    }
}

fn enqueue(store: &Store, key: &str, run_at_ms: i64) -> i64 {
    store
        .outbox()
        .enqueue(push_order(key, run_at_ms), 1_000)
        .unwrap()
        .id()
}

#[test]
fn a_new_row_is_pending_with_no_attempts() {
    let store = fresh_store();
    let enqueued = store
        .outbox()
        .enqueue(push_order("o-1", 1_000), 900)
        .unwrap();
    let Enqueued::Inserted(id) = enqueued else {
        panic!("the first enqueue of a key must insert, got {enqueued:?}");
    };
    let row = store
        .outbox()
        .get(id)
        .unwrap()
        .expect("the inserted row exists");
    assert_eq!(
        row.status,
        OutboxStatus::Pending,
        "new work waits to be claimed"
    );
    assert_eq!(row.attempts, 0, "nothing has been tried yet");
    assert_eq!(
        row.payload,
        json!({"order": "o-1"}),
        "the payload is stored as given"
    );
    assert_eq!(
        (row.created_at_ms, row.updated_at_ms, row.done_at_ms),
        (900, 900, None),
        "times come from the caller's clock, and an unfinished row has no done time"
    );
}

#[test]
fn the_same_key_is_never_queued_twice() {
    let store = fresh_store();
    let first = enqueue(&store, "o-1", 1_000);
    let again = store
        .outbox()
        .enqueue(push_order("o-1", 5_000), 2_000)
        .unwrap();
    assert_eq!(
        again,
        Enqueued::AlreadyQueued(first),
        "UNIQUE(kind, idempotency_key) points a repeated plan at the existing row"
    );
    assert_eq!(
        store.outbox().list(None, 10).unwrap().len(),
        1,
        "a duplicate enqueue must not insert a second row"
    );
    assert_eq!(
        store.outbox().get(first).unwrap().unwrap().run_at_ms,
        1_000,
        "the duplicate must not change the existing row either"
    );
}

#[test]
fn a_finished_key_stays_taken() {
    let store = fresh_store();
    let id = enqueue(&store, "o-1", 1_000);
    store.outbox().claim_next(1_000).unwrap();
    store.outbox().mark_done(id, 1_100).unwrap();
    assert_eq!(
        store
            .outbox()
            .enqueue(push_order("o-1", 2_000), 2_000)
            .unwrap(),
        Enqueued::AlreadyQueued(id),
        "a call that already went through must not be sent again by a later plan"
    );
}

#[test]
fn the_same_key_in_another_kind_is_a_different_call() {
    let store = fresh_store();
    let pushed = enqueue(&store, "o-1", 1_000);
    let mut release = push_order("o-1", 1_000);
    release.kind = "ongoing.release_order".into();
    let released = store.outbox().enqueue(release, 1_000).unwrap();
    assert_ne!(
        released,
        Enqueued::AlreadyQueued(pushed),
        "uniqueness is per kind, so releasing an order is not mistaken for pushing it"
    );
}

#[test]
fn claiming_takes_the_earliest_due_row_and_counts_the_attempt() {
    let store = fresh_store();
    let later = enqueue(&store, "later", 3_000);
    let first_due = enqueue(&store, "first", 1_000);
    let same_time = enqueue(&store, "same-time", 1_000);

    let claimed = store
        .outbox()
        .claim_next(2_000)
        .unwrap()
        .expect("two rows are due");
    assert_eq!(
        claimed.id, first_due,
        "the earliest run_at wins, then the lowest id"
    );
    assert_eq!(
        claimed.status,
        OutboxStatus::Running,
        "a claimed row is running"
    );
    assert_eq!(claimed.attempts, 1, "claiming starts an attempt");

    let next = store
        .outbox()
        .claim_next(2_000)
        .unwrap()
        .expect("one more is due");
    assert_eq!(
        next.id, same_time,
        "a running row is never handed out again"
    );
    assert_eq!(
        store.outbox().claim_next(2_000).unwrap(),
        None,
        "the remaining row (id {later}) is not due until 3000"
    );
}

#[test]
fn a_rescheduled_row_waits_and_keeps_its_error() {
    let store = fresh_store();
    let id = enqueue(&store, "o-1", 1_000);
    store.outbox().claim_next(1_000).unwrap();
    store
        .outbox()
        .reschedule(id, 61_000, "rate_limited", "429 Too Many Requests", 1_200)
        .unwrap();

    let row = store.outbox().get(id).unwrap().unwrap();
    assert_eq!(
        row.status,
        OutboxStatus::Pending,
        "rescheduling hands the row back to the queue"
    );
    assert_eq!(
        (row.last_error_code.as_deref(), row.last_error.as_deref()),
        (Some("rate_limited"), Some("429 Too Many Requests")),
        "the error that caused the wait is kept for the UI"
    );
    assert_eq!(
        store.outbox().claim_next(60_999).unwrap(),
        None,
        "the row is not due before its new run_at"
    );
    let retried = store
        .outbox()
        .claim_next(61_000)
        .unwrap()
        .expect("due at 61000");
    assert_eq!(
        retried.attempts, 2,
        "the second claim is the second attempt"
    );
}

#[test]
fn done_and_dead_rows_are_never_claimed() {
    let store = fresh_store();
    let done = enqueue(&store, "done", 1_000);
    let dead = enqueue(&store, "dead", 1_000);
    store.outbox().claim_next(1_000).unwrap();
    store.outbox().claim_next(1_000).unwrap();
    store.outbox().mark_done(done, 1_100).unwrap();
    store
        .outbox()
        .mark_dead(dead, "warehouse_rejected", "unknown article", 1_100)
        .unwrap();

    assert_eq!(
        store.outbox().claim_next(10_000).unwrap(),
        None,
        "only pending rows are claimable"
    );
    let done_row = store.outbox().get(done).unwrap().unwrap();
    assert_eq!(
        done_row.done_at_ms,
        Some(1_100),
        "done rows record when they finished"
    );
    let dead_row = store.outbox().get(dead).unwrap().unwrap();
    assert_eq!(
        (dead_row.status, dead_row.last_error_code.as_deref()),
        (OutboxStatus::Dead, Some("warehouse_rejected")),
        "a dead row keeps the reason a person must act on"
    );
}

#[test]
fn rows_left_running_by_a_crash_are_requeued() {
    let store = fresh_store();
    let id = enqueue(&store, "o-1", 1_000);
    enqueue(&store, "o-2", 1_000);
    store.outbox().claim_next(1_000).unwrap();

    assert_eq!(
        store.outbox().requeue_running(5_000).unwrap(),
        1,
        "exactly the one running row is returned to the queue"
    );
    let row = store.outbox().get(id).unwrap().unwrap();
    assert_eq!(
        row.status,
        OutboxStatus::Pending,
        "a requeued row can be claimed again"
    );
    assert_eq!(
        row.attempts, 1,
        "the interrupted attempt stays counted, since the call may have reached the remote side"
    );
}

#[test]
fn updating_a_missing_row_is_an_error() {
    let store = fresh_store();
    let error = store
        .outbox()
        .mark_done(42, 1_000)
        .expect_err("there is no row 42");
    assert!(
        error.to_string().contains("42"),
        "the message names the id the worker asked for: {error}"
    );
}

#[test]
fn counts_and_list_follow_status() {
    let store = fresh_store();
    let ids: Vec<i64> = (1..=4)
        .map(|n| enqueue(&store, &format!("o-{n}"), 1_000))
        .collect();
    store.outbox().claim_next(1_000).unwrap();
    store.outbox().claim_next(1_000).unwrap();
    store.outbox().mark_done(ids[0], 1_100).unwrap();

    assert_eq!(
        store.outbox().counts().unwrap(),
        OutboxCounts {
            pending: 2,
            running: 1,
            done: 1,
            dead: 0
        },
        "each row is counted once, under its current status"
    );
    let pending: Vec<i64> = store
        .outbox()
        .list(Some(OutboxStatus::Pending), 10)
        .unwrap()
        .into_iter()
        .map(|row| row.id)
        .collect();
    assert_eq!(
        pending,
        vec![ids[3], ids[2]],
        "list filters by status, newest first"
    );
    assert_eq!(
        store.outbox().list(None, 3).unwrap().len(),
        3,
        "without a status every row qualifies, up to the limit"
    );
}

/// Queues a row of `kind` with `key`, due at 1000.
fn enqueue_kind(store: &Store, kind: &str, key: &str) -> i64 {
    let mut new = push_order(key, 1_000);
    new.kind = kind.into();
    store.outbox().enqueue(new, 1_000).unwrap().id()
}

/// Claims the next due row, which the caller knows is `id`.
fn claim(store: &Store, id: i64) {
    let claimed = store.outbox().claim_next(1_000).unwrap().map(|row| row.id);
    assert_eq!(
        claimed,
        Some(id),
        "test setup: rows are claimed in the order they were queued"
    );
}

#[test]
fn supersede_finishes_only_the_older_pending_rows_of_the_subject() {
    let store = fresh_store();
    let push = "ongoing.push_order";
    let running = enqueue_kind(&store, push, "order:7:1");
    let done = enqueue_kind(&store, push, "order:7:2");
    let dead = enqueue_kind(&store, push, "order:7:3");
    claim(&store, running);
    claim(&store, done);
    claim(&store, dead);
    store.outbox().mark_done(done, 1_100).unwrap();
    store
        .outbox()
        .mark_dead(dead, "warehouse_rejected", "bad", 1_100)
        .unwrap();
    let older = enqueue_kind(&store, push, "order:7:4");
    let oldest_too = enqueue_kind(&store, push, "order:7:5");
    let newer = enqueue_kind(&store, push, "order:7:6");
    let other_kind = enqueue_kind(&store, "ongoing.cancel_order", "order:7:4");
    let other_order = enqueue_kind(&store, push, "order:70:1");
    let contains_later = enqueue_kind(&store, push, "x-order:7:1");

    let changed = store
        .outbox()
        .supersede_pending(push, "order:7:", "order:7:6", 5_000)
        .unwrap();
    assert_eq!(
        changed, 2,
        "exactly the two older pending versions of order 7 are replaced"
    );

    for id in [older, oldest_too] {
        let row = store.outbox().get(id).unwrap().unwrap();
        assert_eq!(
            (
                row.status,
                row.last_error_code.as_deref(),
                row.last_error.as_deref(),
                row.done_at_ms,
                row.updated_at_ms,
            ),
            (
                OutboxStatus::Done,
                Some("superseded"),
                Some("replaced by a newer change"),
                Some(5_000),
                5_000,
            ),
            "an older version must never be sent after the newer one; it ends done, saying why"
        );
    }
    let status = |id| store.outbox().get(id).unwrap().unwrap().status;
    for (id, expected, why) in [
        (
            running,
            OutboxStatus::Running,
            "a running row may already be at the warehouse",
        ),
        (done, OutboxStatus::Done, "a done row is finished"),
        (dead, OutboxStatus::Dead, "a dead row waits for a person"),
        (
            newer,
            OutboxStatus::Pending,
            "the kept key is the newer change",
        ),
        (
            other_kind,
            OutboxStatus::Pending,
            "another kind of call is not a version of this one",
        ),
        (
            other_order,
            OutboxStatus::Pending,
            "order 70 only shares the digits, not the prefix order:7:",
        ),
        (
            contains_later,
            OutboxStatus::Pending,
            "a key that contains the prefix later does not start with it",
        ),
    ] {
        assert_eq!(status(id), expected, "{why}");
    }
    let done_row = store.outbox().get(done).unwrap().unwrap();
    assert_eq!(
        (done_row.last_error_code, done_row.done_at_ms),
        (None, Some(1_100)),
        "a finished row keeps its own ending, not the superseded one"
    );
    assert_eq!(
        store
            .outbox()
            .supersede_pending(push, "order:7:", "order:7:6", 6_000)
            .unwrap(),
        0,
        "superseding again finds nothing left to replace"
    );
}

#[test]
fn supersede_takes_percent_and_underscore_in_the_prefix_literally() {
    let store = fresh_store();
    let push = "ongoing.push_order";
    let percent_match = enqueue_kind(&store, push, "sku:50%:1");
    let percent_other = enqueue_kind(&store, push, "sku:50x:1");
    let percent_wide = enqueue_kind(&store, push, "sku:5000:1");
    let underscore_match = enqueue_kind(&store, push, "sku:a_b:1");
    let underscore_other = enqueue_kind(&store, push, "sku:aXb:1");

    let changed = store
        .outbox()
        .supersede_pending(push, "sku:50%", "none", 2_000)
        .unwrap()
        + store
            .outbox()
            .supersede_pending(push, "sku:a_b", "none", 2_000)
            .unwrap();
    assert_eq!(
        changed, 2,
        "only the keys that really start with the prefixes"
    );
    let status = |id| store.outbox().get(id).unwrap().unwrap().status;
    assert_eq!(
        [status(percent_match), status(underscore_match)],
        [OutboxStatus::Done; 2],
        "keys that start with the prefix character for character are replaced"
    );
    assert_eq!(
        [
            status(percent_other),
            status(percent_wide),
            status(underscore_other)
        ],
        [OutboxStatus::Pending; 3],
        "% and _ are ordinary characters in a key: as LIKE wildcards they would replace other \
         subjects' changes, which would then never be sent"
    );
}

#[test]
fn open_of_kind_lists_pending_and_running_rows_oldest_first() {
    let store = fresh_store();
    let push = "ongoing.push_order";
    let running = enqueue_kind(&store, push, "a");
    let done = enqueue_kind(&store, push, "b");
    let dead = enqueue_kind(&store, push, "c");
    claim(&store, running);
    claim(&store, done);
    claim(&store, dead);
    store.outbox().mark_done(done, 1_100).unwrap();
    store.outbox().mark_dead(dead, "x", "y", 1_100).unwrap();
    let rescheduled = enqueue_kind(&store, push, "d");
    let pending = enqueue_kind(&store, push, "e");
    enqueue_kind(&store, "starweb.write_stock", "f");
    claim(&store, rescheduled);
    store
        .outbox()
        .reschedule(rescheduled, 9_000, "rate_limited", "429", 1_200)
        .unwrap();

    let open: Vec<(i64, OutboxStatus)> = store
        .outbox()
        .open_of_kind(push)
        .unwrap()
        .into_iter()
        .map(|row: OutboxRow| (row.id, row.status))
        .collect();
    assert_eq!(
        open,
        vec![
            (running, OutboxStatus::Running),
            (rescheduled, OutboxStatus::Pending),
            (pending, OutboxStatus::Pending),
        ],
        "the unfinished rows of the kind in the order they were queued, even when a retry put \
         an older one after a newer one in time, without done, dead or other kinds' rows"
    );
    assert!(
        store
            .outbox()
            .open_of_kind("no.such_kind")
            .unwrap()
            .is_empty(),
        "a kind with no rows has nothing open"
    );
}

#[test]
fn the_next_due_time_is_the_earliest_pending_row() {
    let store = fresh_store();
    assert_eq!(
        store.outbox().next_run_at_ms().unwrap(),
        None,
        "an empty outbox gives the scheduler nothing to wake for"
    );
    for (key, run_at) in [("a", 5_000), ("b", 3_000)] {
        store
            .outbox()
            .enqueue(
                NewOutboxRow {
                    kind: "shop.set_stock".into(),
                    idempotency_key: key.into(),
                    payload: serde_json::json!({}),
                    max_attempts: 3,
                    run_at_ms: run_at,
                },
                1_000,
            )
            .unwrap();
    }
    assert_eq!(store.outbox().next_run_at_ms().unwrap(), Some(3_000));
}

#[test]
fn a_dead_row_retried_by_the_merchant_gets_fresh_attempts() {
    let store = fresh_store();
    let id = store
        .outbox()
        .enqueue(
            NewOutboxRow {
                kind: "warehouse.upsert_order".into(),
                idempotency_key: "1001#0->x".into(),
                payload: serde_json::json!({}),
                max_attempts: 1,
                run_at_ms: 1_000,
            },
            1_000,
        )
        .unwrap()
        .id();
    store.outbox().claim_next(1_000).unwrap().unwrap();
    store
        .outbox()
        .mark_dead(id, "warehouse.unavailable", "down", 1_500)
        .unwrap();
    store.outbox().retry_dead(id, 9_000).unwrap();
    let row = store.outbox().get(id).unwrap().unwrap();
    assert_eq!(
        (row.status, row.attempts, row.run_at_ms),
        (OutboxStatus::Pending, 0, 9_000),
        "it runs now, with the whole retry budget again"
    );
    assert!(
        store.outbox().retry_dead(id, 9_500).is_err(),
        "only a dead row can be retried: a pending or done one is left alone"
    );
}

#[test]
fn the_due_count_is_what_a_drain_starting_now_has_before_it() {
    let store = fresh_store();
    enqueue(&store, "a", 100);
    enqueue(&store, "b", 200);
    enqueue(&store, "later", 10_000);
    assert_eq!(
        store.outbox().due_count(500).unwrap(),
        2,
        "a row due later is not part of this drain"
    );
    store.outbox().claim_next(500).unwrap().expect("a due row");
    assert_eq!(
        store.outbox().due_count(500).unwrap(),
        1,
        "a claimed row is no longer waiting"
    );
}

#[test]
fn troubled_rows_are_the_dead_and_the_failed_ones_waiting_again() {
    let store = fresh_store();
    let fine = enqueue(&store, "fine", 0);
    let flaky = enqueue(&store, "flaky", 0);
    let gone = enqueue(&store, "gone", 0);
    let outbox = store.outbox();
    for _ in 0..3 {
        outbox.claim_next(10).unwrap().expect("a due row");
    }
    outbox.mark_done(fine, 20).unwrap();
    outbox
        .reschedule(flaky, 1_000, "warehouse.transient", "503", 30)
        .unwrap();
    outbox
        .mark_dead(gone, "warehouse.refused", "no such article", 40)
        .unwrap();
    let troubled: Vec<i64> = outbox
        .troubled(10)
        .unwrap()
        .iter()
        .map(|row| row.id)
        .collect();
    assert_eq!(
        troubled,
        vec![gone, flaky],
        "the done call is not in trouble; the most recently changed comes first"
    );
}
