//! The background runner, "run now" with progress, notifications, the dashboard and the sync log,
//! through the same functions the desktop shell calls, against both simulators over real HTTP.

use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use brygga_app::commands::types::*;
use brygga_app::commands::{
    dashboard, failed_calls, retry_calls, run_flow_now, sync_log, sync_progress,
};
use brygga_app::demo::DemoSystems;
use brygga_app::runner::{self, Notification, Notifier};
use brygga_app::runs::{AttentionKind, CallState, FlowName, HealthState, RunOutcome, RunVia};
use brygga_app::sync::EngineLock;
use brygga_app::{App, ErrorCode, mapping};
use brygga_core::mapping::TransportMapping;
use brygga_core::schedule::{Flow, Schedule, Schedules};
use brygga_sim::fault::FaultSpec;
use brygga_store::{NewOutboxRow, SyncOutcome};
use brygga_sync::{Phase, Progress};

/// Waits until `check` holds, failing with `what` after 60 seconds.
async fn wait_for(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Every flow once an hour at any time of day, so a test does not depend on the clock's hour.
fn hourly(app: &App) {
    let mut schedules = Schedules::manual_only();
    for flow in Flow::ALL {
        schedules.set(flow, Some(Schedule::every_minutes(60, None).unwrap()));
    }
    mapping::set(app, &schedules).unwrap();
}

#[derive(Default)]
struct Recorder(Mutex<Vec<Notification>>);

impl Notifier for Recorder {
    fn notify(&self, notification: Notification) {
        self.0.lock().unwrap().push(notification);
    }
}

impl Recorder {
    fn seen(&self) -> Vec<Notification> {
        self.0.lock().unwrap().clone()
    }
}

async fn run_and_wait(app: &App, flow: Option<FlowName>) -> RunVia {
    let started = run_flow_now(app, RunFlowNowRequest { flow })
        .await
        .expect("run now starts");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let progress = sync_progress(app, SyncProgressRequest {}).await.unwrap();
        if progress.waiting == 0 {
            return started.via;
        }
        assert!(
            Instant::now() < deadline,
            "run now did not finish: {progress:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn store(app: &App) -> &brygga_store::Store {
    app.store().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_runner_starts_only_when_live_runs_due_flows_and_stops_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let _systems = DemoSystems::start(&app, 10, None).await.unwrap();
    hourly(&app);
    store(&app)
        .settings()
        .delete(brygga_sync::settings::BASELINE)
        .unwrap();

    runner::ensure_running(&app);
    assert!(
        !runner::is_running(&app),
        "without the first-sync baseline Brygga is not live and must not sync by itself"
    );
    let refused = run_flow_now(&app, RunFlowNowRequest { flow: None })
        .await
        .expect_err("a run before going live would set the baseline behind the merchant's back");
    assert_eq!(refused.code, ErrorCode::Validation, "{refused}");

    brygga_app::sync::engine(&app).unwrap().activate().unwrap();
    runner::ensure_running(&app);
    assert!(runner::is_running(&app), "once live, the runner runs");
    runner::ensure_running(&app);
    assert!(runner::is_running(&app), "a second call changes nothing");

    wait_for("every flow's first scheduled run to finish", || {
        Flow::ALL.iter().all(|flow| {
            store(&app)
                .sync_runs()
                .latest_real(flow.as_str())
                .unwrap()
                .is_some_and(|run| run.outcome == Some(SyncOutcome::Succeeded))
        })
    })
    .await;
    let locked = EngineLock::acquire(&app).expect_err("the runner holds the engine lock");
    assert_eq!(locked.code, ErrorCode::DatabaseLocked, "{locked}");
    let progress = sync_progress(&app, SyncProgressRequest {}).await.unwrap();
    assert!(progress.runner_active, "the progress says the runner runs");

    // A run now goes through the runner, between its passes.
    let runs_before = store(&app).sync_runs().recent(1000).unwrap().len();
    let via = run_and_wait(&app, Some(FlowName::Stock)).await;
    assert_eq!(via, RunVia::Runner, "the running runner takes the request");
    let runs_after = store(&app).sync_runs().recent(1000).unwrap();
    assert_eq!(
        runs_after.len(),
        runs_before + 1,
        "exactly the requested flow ran once more (hourly schedules are not due again)"
    );
    assert_eq!(runs_after[0].flow, "stock");

    runner::stop(&app).await;
    assert!(!runner::is_running(&app), "stopped");
    EngineLock::acquire(&app).expect("a stopped runner has let go of the engine lock");
    assert!(
        store(&app)
            .sync_runs()
            .recent(1000)
            .unwrap()
            .iter()
            .all(|run| run.finished_at_ms.is_some()),
        "stopping lets the run in flight finish and be recorded"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_counts_the_calls_of_a_drain() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let systems = DemoSystems::start(&app, 30, None).await.unwrap();
    systems.warehouse_server.faults().set(FaultSpec {
        latency: Duration::from_millis(40),
        ..FaultSpec::none()
    });
    let progress = Arc::new(Progress::default());
    let engine = brygga_app::sync::engine(&app)
        .unwrap()
        .with_progress(progress.clone());
    engine.run_flow(Flow::Articles, false).await.unwrap();
    assert_eq!(
        progress.snapshot().phase,
        Phase::Idle,
        "a finished cycle is idle"
    );
    let due = store(&app).outbox().counts().unwrap().pending;
    assert!(
        due >= 30,
        "every sample article is queued for the warehouse: {due}"
    );

    let drain = tokio::spawn(async move { engine.drain(&AtomicBool::new(false)).await });
    let mut seen = None;
    wait_for("the drain to be part-way", || {
        let now = progress.snapshot();
        if now.phase == Phase::Draining && now.done > 0 && now.done < now.total {
            seen = Some(now);
        }
        seen.is_some()
    })
    .await;
    let seen = seen.unwrap();
    assert_eq!(
        seen.total, due,
        "the total is the calls due when the drain began"
    );
    let report = drain.await.unwrap().unwrap();
    assert_eq!(report.done, due, "the warehouse accepted every article");
    let end = progress.snapshot();
    assert_eq!(
        end.phase,
        Phase::Idle,
        "a finished drain reports idle again: {end:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_flow_raises_one_notification_per_new_failure() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let systems = DemoSystems::start(&app, 10, None).await.unwrap();
    let recorder = Arc::new(Recorder::default());
    runner::set_notifier(&app, recorder.clone());
    let shop_down = FaultSpec {
        error_rate: 1.0,
        ..FaultSpec::none()
    };

    systems.shop_server.faults().set(shop_down);
    let via = run_and_wait(&app, Some(FlowName::Orders)).await;
    assert_eq!(
        via,
        RunVia::Direct,
        "no runner runs, so the run runs by itself"
    );
    run_and_wait(&app, Some(FlowName::Orders)).await;
    let seen = recorder.seen();
    assert_eq!(
        seen.len(),
        1,
        "the same failure twice is announced once, not once per run: {seen:?}"
    );
    assert!(
        seen[0].title.contains("ordrar"),
        "Swedish by default, naming the flow: {:?}",
        seen[0]
    );
    assert!(
        seen[0].body.contains("reading the shop failed"),
        "the body gives the reason: {:?}",
        seen[0]
    );
    let log = sync_log(
        &app,
        SyncLogRequest {
            flow: Some(FlowName::Orders),
            page_size: 50,
            ..SyncLogRequest::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        log.runs
            .iter()
            .filter(|r| r.outcome == RunOutcome::Failed)
            .count(),
        2,
        "both failed runs are in the log: {log:?}"
    );
    let board = dashboard(&app, DashboardRequest {}).await.unwrap();
    assert_eq!(
        board.connections[0].state,
        HealthState::Failing,
        "the shop's read failed last: {:?}",
        board.connections
    );
    assert!(
        board
            .attention
            .iter()
            .any(|i| i.kind == AttentionKind::FailedFlow && i.focus == "orders"),
        "the failed flow needs attention: {:?}",
        board.attention
    );

    // It works again, then fails again: a new failure, announced in the chosen language.
    systems.shop_server.faults().set(FaultSpec::none());
    run_and_wait(&app, Some(FlowName::Orders)).await;
    assert_eq!(recorder.seen().len(), 1, "a success is not announced");
    store(&app)
        .settings()
        .set(runner::notice::LANGUAGE_SETTING, "en", 0)
        .unwrap();
    systems.shop_server.faults().set(shop_down);
    run_and_wait(&app, Some(FlowName::Orders)).await;
    let seen = recorder.seen();
    assert_eq!(seen.len(), 2, "a failure after a success is new: {seen:?}");
    assert!(
        seen[1].title.contains("the orders sync failed"),
        "English when ui.language says en: {:?}",
        seen[1]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reconciliation_that_finds_another_stock_writer_is_announced() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let systems = DemoSystems::start(&app, 10, None).await.unwrap();
    let recorder = Arc::new(Recorder::default());
    runner::set_notifier(&app, recorder.clone());

    // The first reconciliation writes the warehouse's quantities to the shop.
    run_and_wait(&app, Some(FlowName::Reconcile)).await;
    assert!(
        recorder.seen().is_empty(),
        "Brygga's own writes are no other writer: {:?}",
        recorder.seen()
    );
    let sku = systems
        .shop
        .stock_levels()
        .into_keys()
        .find(|sku| systems.warehouse.article(sku).is_some())
        .expect("the demo shop stocks an article the warehouse holds");
    let written = systems.shop.stock(&sku).unwrap();
    systems
        .shop
        .set_stock(&sku, written + 40)
        .expect("another app raises the stock");

    run_and_wait(&app, Some(FlowName::Reconcile)).await;
    let seen = recorder.seen();
    assert_eq!(seen.len(), 1, "one notification for the finding: {seen:?}");
    assert!(
        seen[0].title.contains("skriver lagersaldo")
            && seen[0].body.contains(&format!(
                "{sku}: Brygga skrev {written}, butiken visar {}",
                written + 40
            )),
        "Swedish by default, naming the article and both quantities: {:?}",
        seen[0]
    );
}

/// Queues a call and gives up on it, as the drain does when the attempts run out.
fn dead_call(app: &App) -> i64 {
    let outbox = store(app).outbox();
    let id = outbox
        .enqueue(
            NewOutboxRow {
                kind: "shop.set_stock".to_owned(),
                idempotency_key: "GONE-1#1".to_owned(),
                payload: serde_json::json!({}),
                max_attempts: 1,
                run_at_ms: 0,
            },
            0,
        )
        .unwrap()
        .id();
    let claimed = outbox.claim_next(1).unwrap().expect("the call is due");
    assert_eq!(claimed.id, id);
    outbox
        .mark_dead(id, "shop.refused", "the product is gone from the shop", 2)
        .unwrap();
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_lists_held_orders_unmapped_methods_and_dead_calls_with_their_fix() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let mut systems = DemoSystems::start(&app, 10, None).await.unwrap();
    // Orders are stamped to the second: one placed in the baseline's second counts as older, so
    // the shop's clock moves a second on.
    systems.shop.advance_clock(chrono::Duration::seconds(1));
    mapping::set(&app, &TransportMapping::default()).unwrap();
    let engine = brygga_app::sync::engine(&app).unwrap();
    for _ in 0..6 {
        systems.place_next_order();
    }
    engine.run_flow(Flow::Orders, false).await.unwrap();
    let held = store(&app).order_links().list_held().unwrap();
    let unmapped: Vec<_> = held
        .iter()
        .filter(|l| l.hold.as_ref().unwrap()["code"] == "order.unmappedShippingMethod")
        .collect();
    assert!(
        unmapped.len() >= 2,
        "with an empty transport mapping the new orders wait for a carrier: {held:?}"
    );
    // One of them is held for another reason (a reused order number).
    let reused = unmapped[0].shop_order_id;
    store(&app)
        .order_links()
        .set_hold(
            reused,
            Some(serde_json::json!({"code": "order.numberReused", "message": "another order"})),
            3,
        )
        .unwrap();
    let dead = dead_call(&app);

    let board = dashboard(&app, DashboardRequest {}).await.unwrap();
    let of = |kind| -> Vec<_> { board.attention.iter().filter(|i| i.kind == kind).collect() };
    let held_orders = of(AttentionKind::HeldOrder);
    assert!(
        held_orders.iter().any(|i| i.focus == reused.to_string()),
        "the held order opens by its shop order id: {held_orders:?}"
    );
    let methods = of(AttentionKind::UnmappedShippingMethod);
    assert!(
        !methods.is_empty(),
        "unmapped methods are listed: {board:?}"
    );
    let method_ids: Vec<i64> = unmapped[1..]
        .iter()
        .filter_map(|l| l.shipping_method_id)
        .collect();
    assert!(
        methods
            .iter()
            .all(|i| method_ids.contains(&i.focus.parse().unwrap())),
        "each entry opens the transport mapping at the method's id: {methods:?} {method_ids:?}"
    );
    assert_eq!(
        methods.iter().map(|i| i.count as usize).sum::<usize>(),
        unmapped.len() - 1,
        "each method counts the orders it holds up"
    );
    let calls = of(AttentionKind::DeadCall);
    assert_eq!(calls.len(), 1, "the call that gave up: {calls:?}");
    assert_eq!(
        calls[0].focus,
        dead.to_string(),
        "it opens the sync log at the call"
    );
    assert_eq!(calls[0].message, "the product is gone from the shop");
    assert_eq!(board.counts.calls_dead, 1);
    assert_eq!(board.counts.orders_held as usize, held.len());
    assert!(board.live, "the demo systems went live");
    assert_eq!(
        board.connections[0].state,
        HealthState::Ok,
        "the orders run read the shop: {:?}",
        board.connections
    );
    let orders = board
        .flows
        .iter()
        .find(|f| f.flow == FlowName::Orders)
        .unwrap();
    assert_eq!(
        orders.last_run.as_ref().map(|r| r.outcome),
        Some(RunOutcome::Succeeded),
        "the last outcome per flow"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sync_log_filters_by_flow_and_time_pages_and_retries_dead_calls() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let runs = store(&app).sync_runs();
    let hour = 3_600_000;
    let base = 1_790_000_000_000_i64;
    for i in 0..5 {
        for flow in ["orders", "stock"] {
            let id = runs.start(flow, false, base + i * hour).unwrap();
            let (outcome, error) = if i == 4 && flow == "stock" {
                (
                    SyncOutcome::Failed,
                    Some("reading the warehouse failed: 503"),
                )
            } else {
                (SyncOutcome::Succeeded, None)
            };
            runs.finish(
                id,
                outcome,
                serde_json::json!({"read": i}),
                error,
                base + i * hour + 1500,
            )
            .unwrap();
        }
    }
    let page = |flow, from: Option<i64>, to: Option<i64>, page, page_size| {
        sync_log(
            &app,
            SyncLogRequest {
                flow,
                from: from.map(brygga_app::runs::iso),
                to: to.map(brygga_app::runs::iso),
                page,
                page_size,
            },
        )
    };
    let orders = page(Some(FlowName::Orders), None, None, 0, 50)
        .await
        .unwrap();
    assert_eq!(orders.total, 5, "only the orders runs");
    assert!(orders.runs.iter().all(|r| r.flow == FlowName::Orders));
    assert_eq!(
        orders.runs[0].duration_ms,
        Some(1500),
        "the duration is finish minus start"
    );
    assert_eq!(
        orders.runs[0].counts["read"], 4,
        "newest first, with its counts"
    );

    let window = page(None, Some(base + hour), Some(base + 3 * hour), 0, 50)
        .await
        .unwrap();
    assert_eq!(window.total, 4, "two hours of both flows, the end excluded");
    let second = page(None, None, None, 1, 3).await.unwrap();
    assert_eq!((second.total, second.runs.len()), (10, 3), "page 2 of 4");
    let last = page(None, None, None, 3, 3).await.unwrap();
    assert_eq!(last.runs.len(), 1, "the last page holds the rest");
    let failed = page(Some(FlowName::Stock), None, None, 0, 1).await.unwrap();
    assert_eq!(failed.runs[0].outcome, RunOutcome::Failed);
    assert_eq!(
        failed.runs[0].error.as_deref(),
        Some("reading the warehouse failed: 503"),
        "the error is shown as recorded"
    );
    let bad = page(None, None, None, 0, 0)
        .await
        .expect_err("an empty page is refused");
    assert_eq!(bad.code, ErrorCode::Validation);
    let bad = sync_log(
        &app,
        SyncLogRequest {
            from: Some("yesterday".into()),
            page_size: 10,
            ..SyncLogRequest::default()
        },
    )
    .await
    .expect_err("a time that is not RFC 3339 is refused");
    assert!(bad.message.contains("yesterday"), "{bad}");

    let dead = dead_call(&app);
    let calls = failed_calls(&app, FailedCallsRequest {})
        .await
        .unwrap()
        .calls;
    assert_eq!(calls.len(), 1, "the dead call is listed: {calls:?}");
    assert_eq!(calls[0].state, CallState::Dead);
    assert_eq!(
        calls[0].error.as_deref(),
        Some("the product is gone from the shop")
    );
    let retried = retry_calls(&app, RetryCallsRequest { ids: vec![dead] })
        .await
        .unwrap();
    assert_eq!(retried.queued, 1);
    let calls = failed_calls(&app, FailedCallsRequest {})
        .await
        .unwrap()
        .calls;
    assert_eq!(
        calls[0].state,
        CallState::Retrying,
        "a retried call waits for its next attempt, keeping its last error: {calls:?}"
    );
    let again = retry_calls(&app, RetryCallsRequest { ids: vec![dead] })
        .await
        .expect_err("only a call that gave up can be retried");
    assert_eq!(again.code, ErrorCode::Validation);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_mode_keeps_moving_through_the_runner_and_takes_run_now_between_rounds() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let live = brygga_app::demo::start_live(&app, Duration::from_millis(50))
        .await
        .expect("the demo systems start");
    assert!(runner::is_running(&app), "the demo loop is the runner");
    wait_for("the demo's first rounds", || {
        store(&app).sync_runs().recent(100).unwrap().len() >= 8
    })
    .await;
    runner::ensure_running(&app);
    let via = run_and_wait(&app, Some(FlowName::Reconcile)).await;
    assert_eq!(
        via,
        RunVia::Runner,
        "run now goes through the demo's runner"
    );
    assert!(
        store(&app)
            .sync_runs()
            .latest_real("reconcile")
            .unwrap()
            .is_some(),
        "the reconciliation, which demo rounds leave out, ran on request"
    );
    drop(live);
    wait_for("the demo loop to stop", || !runner::is_running(&app)).await;
    EngineLock::acquire(&app).expect("the stopped demo has let go of the engine lock");
}
