//! The release screen's commands through the same functions the desktop shell calls, against both
//! simulators (demo systems on loopback, connected and mapped).

mod support;

use brygga_app::commands::types::*;
use brygga_app::commands::{
    hold_back_orders, put_orders_on_hold, release_now, release_overdue_batch, release_overview,
    save_release_settings, skip_overdue_batch,
};
use brygga_app::demo::DemoSystems;
use brygga_app::release::{
    BatchStarter, BatchState, OrderOutcome, OrderPickability, PickableRuleName, ReleaseModeName,
    ReleaseRuleForm, ReleaseTimeForm, SkipReason,
};
use brygga_app::{App, ErrorCode};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_connections_the_overview_says_not_configured() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let error = release_overview(&app, ReleaseOverviewRequest {})
        .await
        .expect_err("there is no warehouse to ask");
    assert_eq!(
        error.code,
        ErrorCode::NotConfigured,
        "the UI sends the merchant to Connections for this code: {error}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sent_order_is_a_candidate_and_release_now_releases_it() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _systems, order) = support::one_order_sent(dir.path()).await;

    let overview = release_overview(&app, ReleaseOverviewRequest {})
        .await
        .expect("the overview reads the warehouse's pickability");
    let candidate = overview
        .candidates
        .iter()
        .find(|c| c.shop_order_id == order)
        .unwrap_or_else(|| panic!("order {order} waits in the warehouse: {overview:#?}"));
    assert_eq!(
        candidate.pickability,
        OrderPickability::All,
        "the demo warehouse holds stock for every sample article"
    );
    assert!(
        candidate.will_release && candidate.skip_reason.is_none(),
        "the default rule takes a fully pickable order: {candidate:?}"
    );
    assert!(
        !overview.settings_saved,
        "nothing was saved, so the defaults are shown"
    );
    assert_eq!(
        overview.settings.times.len(),
        2,
        "07:00 and 13:00 by default"
    );
    assert_eq!(
        overview.next_batches.len(),
        6,
        "six upcoming batch times are listed"
    );
    assert_eq!(
        overview.release_problem, None,
        "the demo mapping has a started status to release to"
    );
    assert!(overview.history.is_empty(), "no batch ran yet");

    let released = release_now(
        &app,
        ReleaseNowRequest {
            orders: Some(vec![order]),
        },
    )
    .await
    .expect("the chosen order is released");
    assert_eq!(released.taken, vec![order], "exactly the chosen order goes");
    assert_eq!(released.failed, 0, "the warehouse accepted the release");
    let batch = released.batch.expect("the batch is kept");
    assert_eq!(batch.started_by, BatchStarter::Merchant);
    assert_eq!(batch.state, BatchState::Done, "every order was decided");
    assert_eq!(
        batch
            .orders
            .iter()
            .map(|o| (o.shop_order_id, o.outcome))
            .collect::<Vec<_>>(),
        vec![(order, OrderOutcome::Released)],
        "the history keeps the order's outcome"
    );

    let after = release_overview(&app, ReleaseOverviewRequest {})
        .await
        .unwrap();
    assert!(
        !after.candidates.iter().any(|c| c.shop_order_id == order),
        "a released order no longer waits"
    );
    assert_eq!(
        after.history.first().map(|b| b.id),
        Some(batch.id),
        "the newest batch leads the history"
    );
    assert_eq!(after.history[0].released, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_held_back_order_is_skipped_until_let_go() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _systems, order) = support::one_order_sent(dir.path()).await;

    hold_back_orders(
        &app,
        HoldBackRequest {
            orders: vec![order],
            held: true,
        },
    )
    .await
    .unwrap();
    let overview = release_overview(&app, ReleaseOverviewRequest {})
        .await
        .unwrap();
    let candidate = overview
        .candidates
        .iter()
        .find(|c| c.shop_order_id == order)
        .unwrap();
    assert!(candidate.held_back);
    assert_eq!(
        candidate.skip_reason,
        Some(SkipReason::HeldBack),
        "the next batch leaves a held-back order, and says why"
    );
    assert_eq!(
        candidate.skip_message.as_deref(),
        Some("held back by the merchant")
    );

    hold_back_orders(
        &app,
        HoldBackRequest {
            orders: vec![order],
            held: false,
        },
    )
    .await
    .unwrap();
    let overview = release_overview(&app, ReleaseOverviewRequest {})
        .await
        .unwrap();
    assert!(
        overview
            .candidates
            .iter()
            .any(|c| c.shop_order_id == order && c.will_release),
        "let go, it goes with the next batch"
    );

    let unknown = hold_back_orders(
        &app,
        HoldBackRequest {
            orders: vec![987_654_321],
            held: true,
        },
    )
    .await
    .expect_err("an order Brygga never saw cannot be held");
    assert_eq!(unknown.code, ErrorCode::Validation);
    assert!(unknown.message.contains("987654321"), "{unknown}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_released_order_is_put_back_on_hold_in_the_warehouse() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems, order) = support::one_order_sent(dir.path()).await;
    let status = |systems: &DemoSystems| {
        systems
            .warehouse
            .order_by_number(&order.to_string())
            .expect("the order is in the warehouse")
            .status_number
    };
    let waiting = status(&systems);

    let released = release_now(
        &app,
        ReleaseNowRequest {
            orders: Some(vec![order]),
        },
    )
    .await
    .expect("the order is released");
    assert_eq!(released.failed, 0, "{:?}", released.problems);
    assert!(
        status(&systems) > waiting,
        "released, the order left the waiting status in the warehouse"
    );

    let result = put_orders_on_hold(
        &app,
        PutOnHoldRequest {
            orders: vec![order],
        },
    )
    .await
    .expect("a released order the warehouse has not started picking goes back on hold");
    assert_eq!(result.failed, 0, "{:?}", result.problems);
    assert_eq!(result.done, 1, "one call put the one order back");
    assert_eq!(
        status(&systems),
        waiting,
        "back in the waiting status in the warehouse"
    );

    let overview = release_overview(&app, ReleaseOverviewRequest {})
        .await
        .unwrap();
    let candidate = overview
        .candidates
        .iter()
        .find(|c| c.shop_order_id == order)
        .unwrap_or_else(|| panic!("order {order} waits again: {overview:#?}"));
    assert!(
        candidate.held_back && candidate.skip_reason == Some(SkipReason::HeldBack),
        "it stays out of the next batches until let go: {candidate:?}"
    );

    let none = put_orders_on_hold(&app, PutOnHoldRequest { orders: vec![] })
        .await
        .expect_err("nothing chosen");
    assert_eq!(none.code, ErrorCode::Validation);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn settings_are_checked_before_they_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let mut form = ReleaseSettingsForm {
        mode: ReleaseModeName::Batches,
        times: vec![ReleaseTimeForm {
            days: vec!["mon".into(), "wed".into()],
            at: "25:00".into(),
        }],
        holidays: vec![],
        rule: ReleaseRuleForm {
            shop_statuses: vec![],
            paid_only: false,
            shipping_methods: vec![],
            pickable: PickableRuleName::AlsoPartly,
            max_per_batch: Some(5),
        },
        released_status: None,
    };
    let bad_time = save_release_settings(
        &app,
        SaveReleaseSettingsRequest {
            settings: form.clone(),
        },
    )
    .await
    .expect_err("25:00 is no time of day");
    assert_eq!(bad_time.code, ErrorCode::Validation);
    assert!(
        bad_time.message.contains("25:00") && bad_time.message.contains("`at`"),
        "the message names the value and the field: {bad_time}"
    );

    form.times[0].at = "06:30".into();
    form.rule.max_per_batch = Some(0);
    let zero = save_release_settings(
        &app,
        SaveReleaseSettingsRequest {
            settings: form.clone(),
        },
    )
    .await
    .expect_err("a maximum of 0 releases nothing");
    assert!(
        zero.message.contains("maximum per batch"),
        "the message names the field: {zero}"
    );

    form.rule.max_per_batch = Some(5);
    form.holidays = vec!["24 december".into()];
    let holiday = save_release_settings(
        &app,
        SaveReleaseSettingsRequest {
            settings: form.clone(),
        },
    )
    .await
    .expect_err("a holiday must be a date");
    assert!(holiday.message.contains("24 december"), "{holiday}");

    form.holidays = vec!["2025-12-24".into()];
    let saved = save_release_settings(
        &app,
        SaveReleaseSettingsRequest {
            settings: form.clone(),
        },
    )
    .await
    .expect("valid settings are saved");
    assert_eq!(saved, form, "what is saved reads back as entered");
    let stored: brygga_core::release::ReleaseSettings = brygga_app::mapping::get(&app).unwrap();
    assert_eq!(stored.rule.max_per_batch, Some(5), "the store holds them");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_batch_is_released_or_skipped_only_while_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let (app, _systems, order) = support::one_order_sent(dir.path()).await;
    let store = app.store().unwrap();
    let rule = serde_json::json!({});
    let hour_ms = 3_600_000;
    let now_ms = chrono::Utc::now().timestamp_millis();
    let first = store
        .release_batches()
        .create(
            Some(now_ms - 2 * hour_ms),
            "schedule",
            "overdue",
            &rule,
            &[],
            now_ms,
        )
        .unwrap();
    let second = store
        .release_batches()
        .create(
            Some(now_ms - hour_ms),
            "schedule",
            "overdue",
            &rule,
            &[],
            now_ms,
        )
        .unwrap();
    let overview = release_overview(&app, ReleaseOverviewRequest {})
        .await
        .unwrap();
    assert_eq!(
        overview.overdue.iter().map(|b| b.id).collect::<Vec<_>>(),
        vec![first, second],
        "both missed batches wait for the merchant, oldest first"
    );

    skip_overdue_batch(&app, BatchRequest { batch_id: first })
        .await
        .unwrap();
    let released = release_overdue_batch(&app, BatchRequest { batch_id: second })
        .await
        .expect("the overdue batch is released now");
    assert_eq!(
        released.taken,
        vec![order],
        "the rule takes the waiting order"
    );

    let again = skip_overdue_batch(&app, BatchRequest { batch_id: first })
        .await
        .expect_err("a skipped batch is finished");
    assert_eq!(again.code, ErrorCode::Validation);
    assert!(again.message.contains("not overdue"), "{again}");
    let overview = release_overview(&app, ReleaseOverviewRequest {})
        .await
        .unwrap();
    assert!(overview.overdue.is_empty(), "nothing waits any more");
}
