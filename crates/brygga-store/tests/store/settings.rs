//! `settings`: JSON values by key, and a clear error when a stored value no longer fits its type.

use brygga_store::StoreErrorKind;
use serde::{Deserialize, Serialize};

use crate::fresh_store;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Schedule {
    interval_minutes: u32,
    weekdays: Vec<String>,
}

#[test]
fn a_value_reads_back_as_the_type_it_was_stored_as() {
    let store = fresh_store();
    let schedule = Schedule {
        interval_minutes: 15,
        weekdays: vec!["mon".into(), "fri".into()],
    };
    store
        .settings()
        .set("orders.schedule", &schedule, 1_000)
        .unwrap();
    let read: Option<Schedule> = store.settings().get("orders.schedule").unwrap();
    assert_eq!(
        read,
        Some(schedule),
        "a struct stored as JSON must come back field for field"
    );
}

#[test]
fn a_missing_key_is_none_not_an_error() {
    let store = fresh_store();
    let read: Option<u32> = store.settings().get("never.set").unwrap();
    assert_eq!(read, None, "a key that was never set has no value");
}

#[test]
fn setting_again_replaces_the_value() {
    let store = fresh_store();
    store.settings().set("language", "sv", 1_000).unwrap();
    store.settings().set("language", "en", 2_000).unwrap();
    let read: Option<String> = store.settings().get("language").unwrap();
    assert_eq!(
        read.as_deref(),
        Some("en"),
        "the key is the primary key, so a second set overwrites the first"
    );
    assert_eq!(
        store.settings().keys().unwrap(),
        vec!["language".to_owned()],
        "overwriting must not add a second row"
    );
}

#[test]
fn delete_reports_whether_the_key_was_there() {
    let store = fresh_store();
    store.settings().set("tray.enabled", &true, 1_000).unwrap();
    assert!(
        store.settings().delete("tray.enabled").unwrap(),
        "deleting a stored key removes a row"
    );
    assert!(
        !store.settings().delete("tray.enabled").unwrap(),
        "deleting it again finds nothing to remove"
    );
    let read: Option<bool> = store.settings().get("tray.enabled").unwrap();
    assert_eq!(read, None, "a deleted key reads as never set");
}

#[test]
fn keys_are_listed_alphabetically() {
    let store = fresh_store();
    for key in ["stock.interval", "language", "orders.interval"] {
        store.settings().set(key, &1, 1_000).unwrap();
    }
    assert_eq!(
        store.settings().keys().unwrap(),
        vec!["language", "orders.interval", "stock.interval"],
        "keys() orders by key so the settings screen is stable"
    );
}

#[test]
fn a_value_that_no_longer_parses_names_its_key() {
    let store = fresh_store();
    store
        .settings()
        .set("orders.interval", "often", 1_000)
        .unwrap();
    let error = store
        .settings()
        .get::<u32>("orders.interval")
        .expect_err("a string cannot be read as a number");
    assert_eq!(
        error.kind(),
        StoreErrorKind::Other,
        "a mistyped setting is none of the open-time failures the app tells apart"
    );
    assert!(
        error.to_string().contains("\"orders.interval\""),
        "the message must name the key so the merchant knows which setting to fix: {error}"
    );
    assert!(
        !error.is_transient(),
        "retrying cannot fix a stored value of the wrong type"
    );
}

#[test]
fn a_demo_forgets_what_the_last_demo_learnt() {
    let store = fresh_store();
    store.settings().set("sync.baseline", &1, 1_000).unwrap();
    store
        .outbox()
        .enqueue(
            brygga_store::NewOutboxRow {
                kind: "shop.set_stock".into(),
                idempotency_key: "A#0->1".into(),
                payload: serde_json::json!({}),
                max_attempts: 1,
                run_at_ms: 1_000,
            },
            1_000,
        )
        .unwrap();
    store.forget_sync_state().unwrap();
    assert!(
        store.settings().keys().unwrap().is_empty()
            && store.outbox().counts().unwrap().pending == 0,
        "the new simulators start from nothing, so nothing of the old ones may remain"
    );
    assert_eq!(
        store.schema_version().unwrap(),
        brygga_store::SCHEMA_VERSION,
        "the schema itself stays"
    );
}
