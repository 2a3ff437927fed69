//! `release_batches`: one batch per slot, orders and their outcomes, and the states a batch goes
//! through.

use brygga_store::{BatchOrder, ReleaseBatch, Store, StoreError};
use serde_json::json;

use crate::fresh_store;

const SLOT: i64 = 36_000_000;

fn rule() -> serde_json::Value {
    json!({"kind": "daily", "times": ["10:00", "14:00"], "max_orders": 50})
}

/// A scheduled, running batch at `slot` with no orders yet.
fn running_at(store: &Store, slot: i64) -> i64 {
    store
        .release_batches()
        .create(Some(slot), "schedule", "running", &rule(), &[], slot)
        .unwrap()
}

#[test]
fn a_batch_is_read_back_with_its_orders() {
    let store = fresh_store();
    let id = store
        .release_batches()
        .create(
            Some(SLOT),
            "schedule",
            "running",
            &rule(),
            &[
                (8, "refused", Some("the address is incomplete")),
                (7, "pending", None),
                (9, "skipped", Some("held back by the merchant")),
            ],
            SLOT + 5,
        )
        .unwrap();

    let expected = ReleaseBatch {
        id,
        slot_at_ms: Some(SLOT),
        started_by: "schedule".into(),
        state: "running".into(),
        rule: rule(),
        created_at_ms: SLOT + 5,
        finished_at_ms: None,
        note: None,
        orders: vec![
            BatchOrder {
                shop_order_id: 7,
                outcome: "pending".into(),
                reason: None,
                decided_at_ms: None,
            },
            BatchOrder {
                shop_order_id: 8,
                outcome: "refused".into(),
                reason: Some("the address is incomplete".into()),
                decided_at_ms: Some(SLOT + 5),
            },
            BatchOrder {
                shop_order_id: 9,
                outcome: "skipped".into(),
                reason: Some("held back by the merchant".into()),
                decided_at_ms: Some(SLOT + 5),
            },
        ],
    };
    let batches = store.release_batches();
    assert_eq!(
        batches.get(id).unwrap().as_ref(),
        Some(&expected),
        "the batch comes back as created, orders by shop order id; an order decided at creation \
         is decided then, a pending one not yet"
    );
    assert_eq!(
        batches.by_slot(SLOT).unwrap().as_ref(),
        Some(&expected),
        "the scheduler finds the batch by its slot"
    );
    assert_eq!(
        batches.list(10).unwrap(),
        vec![expected],
        "list has the batch with its orders too"
    );
    assert_eq!(
        (
            batches.get(id + 1).unwrap(),
            batches.by_slot(SLOT + 1).unwrap()
        ),
        (None, None),
        "a batch or slot that does not exist is None, not an error"
    );
}

#[test]
fn a_slot_is_never_given_a_second_batch() {
    let store = fresh_store();
    let first = store
        .release_batches()
        .create(
            Some(SLOT),
            "schedule",
            "running",
            &rule(),
            &[(7, "pending", None)],
            SLOT,
        )
        .unwrap();

    let error = store
        .release_batches()
        .create(
            Some(SLOT),
            "schedule",
            "running",
            &rule(),
            &[(8, "pending", None)],
            SLOT + 1_000,
        )
        .expect_err("the slot already has a batch");
    assert!(
        matches!(
            error,
            StoreError::SlotTaken { slot_at_ms: SLOT, batch_id } if batch_id == first
        ),
        "the caller learns the slot was handled, and by which batch, rather than a failure: \
         {error:?}"
    );
    assert!(
        !error.is_transient(),
        "trying the same slot again can never succeed"
    );
    let batches = store.release_batches().list(10).unwrap();
    assert_eq!(
        batches.iter().map(|b| b.id).collect::<Vec<_>>(),
        vec![first],
        "no second batch is written"
    );
    assert_eq!(
        batches[0]
            .orders
            .iter()
            .map(|o| o.shop_order_id)
            .collect::<Vec<_>>(),
        vec![7],
        "the refused batch's orders are not added to the slot's batch either"
    );

    store
        .release_batches()
        .set_state(first, "done", None, SLOT + 2_000)
        .unwrap();
    assert!(
        matches!(
            store
                .release_batches()
                .create(Some(SLOT), "schedule", "overdue", &rule(), &[], SLOT + 3_000),
            Err(StoreError::SlotTaken { batch_id, .. }) if batch_id == first
        ),
        "a finished slot stays taken: after a crash the scheduler must not release it again"
    );
}

#[test]
fn batches_started_by_hand_have_no_slot_and_do_not_collide() {
    let store = fresh_store();
    let batches = store.release_batches();
    let a = batches
        .create(None, "merchant", "running", &rule(), &[], 1_000)
        .unwrap();
    let b = batches
        .create(None, "merchant", "running", &rule(), &[], 1_000)
        .unwrap();
    assert_ne!(
        a, b,
        "the merchant can release by hand as often as they like"
    );
    assert_eq!(
        batches.latest_slot_at_ms().unwrap(),
        None,
        "batches started by hand are not slots of the schedule"
    );
    assert!(
        batches
            .create(None, "schedule", "running", &rule(), &[], 1_000)
            .is_err(),
        "a scheduled batch without its slot would escape the one-batch-per-slot rule"
    );
}

#[test]
fn outcomes_are_decided_through_atomically() {
    let store = fresh_store();
    let id = store
        .release_batches()
        .create(
            Some(SLOT),
            "schedule",
            "running",
            &rule(),
            &[(7, "pending", None), (8, "pending", None)],
            SLOT,
        )
        .unwrap();
    store
        .atomically(|w| {
            w.batch_order_outcome(id, 7, "released", None, SLOT + 10)?;
            w.batch_order_outcome(id, 8, "refused", Some("out of stock"), SLOT + 20)
        })
        .unwrap();
    let orders = store.release_batches().get(id).unwrap().unwrap().orders;
    assert_eq!(
        orders
            .iter()
            .map(|o| (
                o.shop_order_id,
                o.outcome.as_str(),
                o.reason.as_deref(),
                o.decided_at_ms
            ))
            .collect::<Vec<_>>(),
        vec![
            (7, "released", None, Some(SLOT + 10)),
            (8, "refused", Some("out of stock"), Some(SLOT + 20)),
        ],
        "each outcome is stored with its reason and the time it was decided"
    );

    store
        .atomically(|w| w.batch_order_outcome(id, 8, "pending", None, SLOT + 30))
        .unwrap();
    let order = store.release_batches().get(id).unwrap().unwrap().orders[1].clone();
    assert_eq!(
        (order.outcome.as_str(), order.reason, order.decided_at_ms),
        ("pending", None, None),
        "an order made pending again is undecided, and the old reason no longer applies"
    );

    let error = store
        .atomically(|w| {
            w.batch_order_outcome(id, 7, "skipped", Some("x"), SLOT + 40)?;
            w.batch_order_outcome(id, 99, "released", None, SLOT + 40)
        })
        .expect_err("order 99 is not in the batch");
    assert!(
        matches!(
            error,
            StoreError::NoSuchRow {
                table: "release_batch_orders",
                id: 99
            }
        ),
        "the error names the order missing from the batch: {error:?}"
    );
    assert_eq!(
        store.release_batches().get(id).unwrap().unwrap().orders[0].outcome,
        "released",
        "the failed transaction changed no outcome"
    );
    let error = store
        .atomically(|w| w.batch_order_outcome(id + 1, 7, "released", None, SLOT + 50))
        .expect_err("there is no such batch");
    assert!(
        matches!(
            error,
            StoreError::NoSuchRow {
                table: "release_batches",
                id: missing
            } if missing == id + 1
        ),
        "a missing batch is told apart from a missing order: {error:?}"
    );
    assert!(
        store
            .atomically(|w| w.batch_order_outcome(id, 7, "sent", None, SLOT + 60))
            .is_err(),
        "an outcome outside the schema's list is refused"
    );
}

#[test]
fn overdue_and_running_batches_are_listed_until_they_finish() {
    let store = fresh_store();
    let batches = store.release_batches();
    let late = batches
        .create(Some(SLOT + 2), "schedule", "overdue", &rule(), &[], 9_000)
        .unwrap();
    let early = batches
        .create(Some(SLOT + 1), "schedule", "overdue", &rule(), &[], 9_000)
        .unwrap();
    let running = running_at(&store, SLOT + 3);
    let ids = |list: Vec<ReleaseBatch>| list.into_iter().map(|b| b.id).collect::<Vec<_>>();
    assert_eq!(
        ids(batches.overdue().unwrap()),
        vec![early, late],
        "overdue batches are offered to the merchant oldest slot first"
    );
    assert_eq!(
        ids(batches.running().unwrap()),
        vec![running],
        "only running batches are running"
    );

    batches
        .add_orders(
            early,
            &[(7, "pending", None), (8, "refused", Some("no stock"))],
            10_000,
        )
        .unwrap();
    batches.set_state(early, "running", None, 10_000).unwrap();
    batches
        .set_state(late, "skipped", Some("skipped by the merchant"), 10_000)
        .unwrap();
    assert_eq!(
        ids(batches.overdue().unwrap()),
        Vec::<i64>::new(),
        "a batch released or skipped by the merchant no longer waits for them"
    );
    assert_eq!(
        ids(batches.running().unwrap()),
        vec![early, running],
        "the released overdue batch runs, next to the one that was running"
    );
    let early_batch = batches.get(early).unwrap().unwrap();
    assert_eq!(
        (
            early_batch.finished_at_ms,
            early_batch
                .orders
                .iter()
                .map(|o| (o.shop_order_id, o.decided_at_ms))
                .collect::<Vec<_>>()
        ),
        (None, vec![(7, None), (8, Some(10_000))]),
        "a running batch is not finished, and orders added when released are decided then"
    );
    let late_batch = batches.get(late).unwrap().unwrap();
    assert_eq!(
        (
            late_batch.state.as_str(),
            late_batch.finished_at_ms,
            late_batch.note.as_deref()
        ),
        ("skipped", Some(10_000), Some("skipped by the merchant")),
        "skipping finishes the batch and keeps the merchant's note"
    );

    batches.set_state(early, "done", None, 11_000).unwrap();
    batches.set_state(running, "done", None, 11_000).unwrap();
    assert!(
        batches.running().unwrap().is_empty(),
        "finished batches are not running"
    );
    assert_eq!(
        batches.get(early).unwrap().unwrap().finished_at_ms,
        Some(11_000),
        "finishing records when"
    );
}

#[test]
fn a_finished_batch_is_not_changed_again() {
    let store = fresh_store();
    let id = running_at(&store, SLOT);
    let batches = store.release_batches();
    batches
        .set_state(id, "done", Some("3 orders released"), 2_000)
        .unwrap();

    let error = batches
        .set_state(id, "running", None, 3_000)
        .expect_err("a done batch does not run again");
    assert!(
        matches!(&error, StoreError::ReleaseBatchFinished { id: e, state } if *e == id && state == "done"),
        "the error names the batch and how it ended: {error:?}"
    );
    assert!(
        matches!(
            batches.add_orders(id, &[(7, "pending", None)], 3_000),
            Err(StoreError::ReleaseBatchFinished { .. })
        ),
        "a finished batch takes no more orders"
    );
    let batch = batches.get(id).unwrap().unwrap();
    assert_eq!(
        (
            batch.state.as_str(),
            batch.finished_at_ms,
            batch.note.as_deref(),
            batch.orders.len()
        ),
        ("done", Some(2_000), Some("3 orders released"), 0),
        "how the batch ended stands"
    );
    assert!(
        matches!(
            batches.set_state(id + 1, "done", None, 3_000),
            Err(StoreError::NoSuchRow {
                table: "release_batches",
                ..
            })
        ),
        "a batch that does not exist is told apart from a finished one"
    );
}

#[test]
fn a_note_is_kept_when_none_is_given() {
    let store = fresh_store();
    let batches = store.release_batches();
    let id = batches
        .create(Some(SLOT), "schedule", "overdue", &rule(), &[], 1_000)
        .unwrap();
    batches
        .set_state(id, "overdue", Some("the app was off at 10:00"), 1_000)
        .unwrap();
    batches.set_state(id, "running", None, 2_000).unwrap();
    assert_eq!(
        batches.get(id).unwrap().unwrap().note.as_deref(),
        Some("the app was off at 10:00"),
        "a state change without a note leaves the note the merchant was shown"
    );
}

#[test]
fn a_batch_created_finished_is_finished_at_once() {
    let store = fresh_store();
    let id = store
        .release_batches()
        .create(
            Some(SLOT),
            "schedule",
            "done",
            &rule(),
            &[(7, "released", None)],
            5_000,
        )
        .unwrap();
    let batch = store.release_batches().get(id).unwrap().unwrap();
    assert_eq!(
        (batch.finished_at_ms, batch.orders[0].decided_at_ms),
        (Some(5_000), Some(5_000)),
        "a slot with nothing left to do is done when recorded"
    );
}

#[test]
fn add_orders_is_all_or_nothing() {
    let store = fresh_store();
    let batches = store.release_batches();
    let id = batches
        .create(Some(SLOT), "schedule", "overdue", &rule(), &[], 1_000)
        .unwrap();
    batches
        .add_orders(id, &[(7, "pending", None)], 2_000)
        .unwrap();
    assert!(
        batches
            .add_orders(id, &[(8, "pending", None), (7, "released", None)], 3_000)
            .is_err(),
        "an order already in the batch is not added twice; its outcome is changed instead"
    );
    assert_eq!(
        batches
            .get(id)
            .unwrap()
            .unwrap()
            .orders
            .iter()
            .map(|o| (o.shop_order_id, o.outcome.as_str().to_owned()))
            .collect::<Vec<_>>(),
        vec![(7, "pending".to_owned())],
        "the failed call added none of its orders, order 8 included"
    );
    assert!(
        matches!(
            batches.add_orders(id + 1, &[(7, "pending", None)], 3_000),
            Err(StoreError::NoSuchRow {
                table: "release_batches",
                ..
            })
        ),
        "orders cannot be added to a batch that does not exist"
    );
}

#[test]
fn values_outside_the_schema_are_refused() {
    let store = fresh_store();
    let batches = store.release_batches();
    for (started_by, state, outcome) in [
        ("cron", "running", "pending"),
        ("schedule", "paused", "pending"),
        ("schedule", "running", "shipped"),
    ] {
        assert!(
            batches
                .create(
                    Some(SLOT),
                    started_by,
                    state,
                    &rule(),
                    &[(7, outcome, None)],
                    1_000
                )
                .is_err(),
            "{started_by}/{state}/{outcome}: a misspelt value would be mistaken for another later"
        );
    }
    assert!(
        batches.list(10).unwrap().is_empty(),
        "no refused batch left a row, and its slot is still free"
    );
    assert!(
        batches
            .set_state(running_at(&store, SLOT), "paused", None, 2_000)
            .is_err(),
        "set_state refuses a state outside the schema's list too"
    );
}

#[test]
fn list_is_newest_first_and_latest_slot_is_the_highest_handled() {
    let store = fresh_store();
    let batches = store.release_batches();
    assert_eq!(
        batches.latest_slot_at_ms().unwrap(),
        None,
        "no slot was handled yet"
    );
    let a = running_at(&store, SLOT + 2);
    let b = batches
        .create(
            Some(SLOT + 1),
            "schedule",
            "skipped",
            &rule(),
            &[],
            SLOT + 3,
        )
        .unwrap();
    let c = batches
        .create(None, "merchant", "running", &rule(), &[], SLOT + 4)
        .unwrap();
    assert_eq!(
        batches
            .list(2)
            .unwrap()
            .iter()
            .map(|b| b.id)
            .collect::<Vec<_>>(),
        vec![c, b],
        "the latest batches first, up to the limit"
    );
    assert_eq!(
        batches.list(10).unwrap().last().map(|b| b.id),
        Some(a),
        "the oldest batch is last"
    );
    assert_eq!(
        batches.latest_slot_at_ms().unwrap(),
        Some(SLOT + 2),
        "the highest slot with a batch, whatever its state and whenever created; batches by hand \
         have no slot"
    );
}
