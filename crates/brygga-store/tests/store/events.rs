//! `events`: an append-only history per subject.

use serde_json::json;

use crate::fresh_store;

#[test]
fn a_subjects_history_is_oldest_first_and_only_its_own() {
    let store = fresh_store();
    let events = store.events();
    let pushed = events
        .append(
            "order:1234",
            "pushed",
            json!({"order_number": "W-1"}),
            2_000,
        )
        .unwrap();
    events
        .append("order:9999", "pushed", json!({}), 1_500)
        .unwrap();
    let created = events
        .append("order:1234", "created", json!({}), 1_000)
        .unwrap();

    let history = events.for_subject("order:1234").unwrap();
    let ids: Vec<i64> = history.iter().map(|event| event.id).collect();
    assert_eq!(
        ids,
        vec![created, pushed],
        "history is ordered by time, not by insertion, and excludes other subjects"
    );
    assert_eq!(
        history[1].payload,
        json!({"order_number": "W-1"}),
        "the payload comes back as the JSON that was appended"
    );
}

#[test]
fn events_at_the_same_time_keep_the_order_they_were_recorded_in() {
    let store = fresh_store();
    let first = store
        .events()
        .append("batch:7", "released", json!({}), 5_000)
        .unwrap();
    let second = store
        .events()
        .append("batch:7", "picked", json!({}), 5_000)
        .unwrap();
    let kinds: Vec<String> = store
        .events()
        .for_subject("batch:7")
        .unwrap()
        .into_iter()
        .map(|event| event.kind)
        .collect();
    assert!(second > first, "ids grow with each append");
    assert_eq!(
        kinds,
        vec!["released", "picked"],
        "equal timestamps fall back to id order, so the story never reads backwards"
    );
}

#[test]
fn recent_is_newest_first_and_limited() {
    let store = fresh_store();
    for (subject, at_ms) in [("order:1", 1_000), ("order:2", 3_000), ("order:3", 2_000)] {
        store
            .events()
            .append(subject, "created", json!({}), at_ms)
            .unwrap();
    }
    let subjects: Vec<String> = store
        .events()
        .recent(2)
        .unwrap()
        .into_iter()
        .map(|event| event.subject)
        .collect();
    assert_eq!(
        subjects,
        vec!["order:2", "order:3"],
        "recent() gives the latest events across subjects, at most `limit` of them"
    );
}
