//! `sync_runs`: one row per cycle; the last success survives later failures.

use brygga_store::{StoreError, SyncOutcome};
use serde_json::json;

use crate::fresh_store;

#[test]
fn a_started_run_is_open_until_finished() {
    let store = fresh_store();
    let id = store.sync_runs().start("orders", false, 1_000).unwrap();
    let open = store
        .sync_runs()
        .latest("orders")
        .unwrap()
        .expect("just started");
    assert_eq!(
        (open.id, open.finished_at_ms, open.outcome),
        (id, None, None),
        "a run in progress has neither a finish time nor an outcome"
    );
    assert_eq!(open.counts, json!({}), "counts start empty");

    store
        .sync_runs()
        .finish(
            id,
            SyncOutcome::Succeeded,
            json!({"orders_pushed": 3}),
            None,
            4_000,
        )
        .unwrap();
    let done = store.sync_runs().latest("orders").unwrap().unwrap();
    assert_eq!(
        (done.finished_at_ms, done.outcome, done.counts),
        (
            Some(4_000),
            Some(SyncOutcome::Succeeded),
            json!({"orders_pushed": 3})
        ),
        "finish records when and how the run ended and what it did"
    );
}

#[test]
fn a_later_failure_never_erases_the_last_success() {
    let store = fresh_store();
    let good = store.sync_runs().start("stock", false, 1_000).unwrap();
    store
        .sync_runs()
        .finish(good, SyncOutcome::Succeeded, json!({}), None, 2_000)
        .unwrap();
    let bad = store.sync_runs().start("stock", false, 3_000).unwrap();
    store
        .sync_runs()
        .finish(
            bad,
            SyncOutcome::Failed,
            json!({}),
            Some("warehouse unreachable"),
            4_000,
        )
        .unwrap();

    let latest = store.sync_runs().latest("stock").unwrap().unwrap();
    assert_eq!(
        (latest.id, latest.error.as_deref()),
        (bad, Some("warehouse unreachable")),
        "latest shows the failure so the merchant sees what went wrong"
    );
    assert_eq!(
        store
            .sync_runs()
            .last_success("stock")
            .unwrap()
            .map(|run| run.id),
        Some(good),
        "last_success still shows when the flow last worked"
    );
}

#[test]
fn dry_runs_and_other_flows_are_not_the_last_success() {
    let store = fresh_store();
    let dry = store.sync_runs().start("orders", true, 1_000).unwrap();
    store
        .sync_runs()
        .finish(dry, SyncOutcome::Succeeded, json!({}), None, 1_500)
        .unwrap();
    let other = store.sync_runs().start("stock", false, 2_000).unwrap();
    store
        .sync_runs()
        .finish(other, SyncOutcome::Succeeded, json!({}), None, 2_500)
        .unwrap();

    assert_eq!(
        store.sync_runs().last_success("orders").unwrap(),
        None,
        "a dry run sent nothing, and another flow's success says nothing about orders"
    );
    assert!(
        store.sync_runs().latest("orders").unwrap().unwrap().dry_run,
        "latest still reports the dry run, flagged as such"
    );
}

#[test]
fn a_run_finishes_only_once() {
    let store = fresh_store();
    let id = store.sync_runs().start("orders", false, 1_000).unwrap();
    store
        .sync_runs()
        .finish(id, SyncOutcome::Cancelled, json!({}), None, 2_000)
        .unwrap();
    let again = store
        .sync_runs()
        .finish(id, SyncOutcome::Succeeded, json!({}), None, 3_000);
    assert!(
        matches!(again, Err(StoreError::SyncRunAlreadyFinished { id: got }) if got == id),
        "a second finish is refused rather than rewriting history: {again:?}"
    );
    assert_eq!(
        store.sync_runs().latest("orders").unwrap().unwrap().outcome,
        Some(SyncOutcome::Cancelled),
        "the first outcome stands"
    );
    let missing = store
        .sync_runs()
        .finish(999, SyncOutcome::Failed, json!({}), None, 3_000);
    assert!(
        matches!(missing, Err(StoreError::NoSuchRow { id: 999, .. })),
        "finishing a run that was never started is a different mistake: {missing:?}"
    );
}

#[test]
fn recent_lists_every_flow_newest_first() {
    let store = fresh_store();
    let first = store.sync_runs().start("orders", false, 1_000).unwrap();
    let second = store.sync_runs().start("stock", false, 2_000).unwrap();
    let third = store.sync_runs().start("orders", true, 3_000).unwrap();
    let ids: Vec<i64> = store
        .sync_runs()
        .recent(10)
        .unwrap()
        .into_iter()
        .map(|run| run.id)
        .collect();
    assert_eq!(
        ids,
        vec![third, second, first],
        "recent is ordered by start, newest first"
    );
    assert_eq!(
        store.sync_runs().recent(1).unwrap().len(),
        1,
        "recent honours its limit"
    );
}

#[test]
fn the_latest_real_run_counts_failures_and_skips_dry_runs() {
    let store = fresh_store();
    let failed = store.sync_runs().start("orders", false, 1_000).unwrap();
    store
        .sync_runs()
        .finish(failed, SyncOutcome::Failed, json!({}), Some("down"), 1_500)
        .unwrap();
    let dry = store.sync_runs().start("orders", true, 2_000).unwrap();
    store
        .sync_runs()
        .finish(dry, SyncOutcome::Succeeded, json!({}), None, 2_100)
        .unwrap();
    assert_eq!(
        store
            .sync_runs()
            .latest_real("orders")
            .unwrap()
            .map(|r| r.id),
        Some(failed),
        "the scheduler waits an interval after a failed run too, and a dry run does not count"
    );
}

#[test]
fn a_page_of_runs_filters_by_flow_and_start_time_and_counts_all_matches() {
    let store = fresh_store();
    let runs = store.sync_runs();
    for (flow, at) in [
        ("orders", 100),
        ("stock", 200),
        ("orders", 300),
        ("orders", 400),
    ] {
        let id = runs.start(flow, false, at).unwrap();
        runs.finish(id, SyncOutcome::Succeeded, json!({}), None, at + 5)
            .unwrap();
    }
    let (page, total) = runs.page(Some("orders"), None, None, 0, 2).unwrap();
    assert_eq!(total, 3, "every orders run counts, not only the page");
    assert_eq!(
        page.iter().map(|r| r.started_at_ms).collect::<Vec<_>>(),
        vec![400, 300],
        "newest first, one page"
    );
    let (page, _) = runs.page(Some("orders"), None, None, 2, 2).unwrap();
    assert_eq!(page.len(), 1, "the second page holds the rest");
    let (page, total) = runs.page(None, Some(200), Some(400), 0, 10).unwrap();
    assert_eq!(total, 2, "from is inclusive, to exclusive");
    assert_eq!(
        page.iter().map(|r| r.started_at_ms).collect::<Vec<_>>(),
        vec![300, 200]
    );
}
