//! Flow 4, order release: batches take what the rule allows, lock the orders in both systems, run
//! at their times, and a batch missed while Brygga was off waits for the merchant.

use brygga_core::release::{Pickable, PickableRule, ReleaseMode, ReleaseSettings, ReleaseTime};
use brygga_core::schedule::{Flow, ZONE};
use brygga_scenarios::World;
use brygga_sync::release::{RELEASE_SETTINGS, StartedBy};
use chrono::{Datelike, NaiveTime, TimeDelta, TimeZone, Utc};

const RELEASED: i32 = 300;
/// The demo shop's invoice payment: pay later, nothing reserved at checkout.
const PAYMENT_INVOICE: u32 = 24;

/// A world with articles in the warehouse and stock for the first SKU only.
async fn world() -> World {
    let world = World::start(10, 0).await;
    world.map().await;
    world.sync(Flow::Articles).await;
    world.count_stock(&world.stock_sku(0), 20.0);
    world
}

fn warehouse_status(world: &World, order_id: i64) -> i32 {
    world
        .warehouse
        .order_by_number(&order_id.to_string())
        .expect("the order is in the warehouse")
        .status_number
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_batch_takes_what_the_rule_allows_and_locks_it_in_both_systems() {
    let world = world().await;
    let in_stock = world.place_order(&world.stock_sku(0), 2, "MyPack Collect");
    let no_stock = world.place_order(&world.stock_sku(1), 1, "MyPack Collect");
    let held = world.place_order(&world.stock_sku(0), 1, "MyPack Collect");
    world.sync(Flow::Orders).await;
    world
        .store
        .order_links()
        .set_held_back(held, true, 0)
        .unwrap();

    let report = world
        .engine
        .release_batch(None, StartedBy::Merchant, None, false)
        .await
        .expect("the batch runs");
    assert_eq!(
        report.plan.take,
        vec![in_stock],
        "only the fully pickable order that is not held back goes: {report:#?}"
    );
    assert_eq!(
        warehouse_status(&world, in_stock),
        RELEASED,
        "the warehouse picks from 'Released'"
    );
    assert_eq!(
        Some(world.shop.order(in_stock as u32).unwrap().status_id),
        world.shop.status_id("picking"),
        "and the shop shows it as being picked, which locks it there"
    );
    for waiting in [no_stock, held] {
        assert!(
            warehouse_status(&world, waiting) < RELEASED,
            "order {waiting} stays held in the warehouse"
        );
    }
    let batch = world
        .store
        .release_batches()
        .get(report.batch_id.expect("the batch is kept"))
        .unwrap()
        .unwrap();
    let outcomes: Vec<(i64, &str)> = batch
        .orders
        .iter()
        .map(|o| (o.shop_order_id, o.outcome.as_str()))
        .collect();
    for expected in [
        (in_stock, "released"),
        (no_stock, "skipped"),
        (held, "skipped"),
    ] {
        assert!(
            outcomes.contains(&expected),
            "the history keeps every order's outcome: {outcomes:?}"
        );
    }
    assert_eq!(batch.state, "done");

    world
        .shop
        .edit_order(
            in_stock as u32,
            brygga_sim::starweb::EditOrder {
                lines: Some(vec![World::line(&world.stock_sku(0), 5)]),
                ..Default::default()
            },
        )
        .expect("the customer service changes the released order anyway");
    let (report, _) = world.sync(Flow::Orders).await;
    assert!(
        report.planned.is_empty()
            && report
                .findings
                .iter()
                .any(|f| f.code == "order.changeRefused"),
        "a change after release is reported as refused, not sent or lost: {report:#?}"
    );
    world.assert_conforms();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_batches_a_day_and_a_missed_one_waits_for_the_merchant() {
    let world = world().await;
    let settings = ReleaseSettings {
        times: vec![
            ReleaseTime {
                days: brygga_core::schedule::Weekdays::EVERY_DAY,
                at: NaiveTime::from_hms_opt(7, 0, 0).unwrap(),
            },
            ReleaseTime {
                days: brygga_core::schedule::Weekdays::EVERY_DAY,
                at: NaiveTime::from_hms_opt(13, 0, 0).unwrap(),
            },
        ],
        ..ReleaseSettings::default()
    };
    let mut rule = settings.rule.clone();
    rule.pickable = PickableRule::Any;
    let settings = ReleaseSettings { rule, ..settings };
    world
        .store
        .settings()
        .set(RELEASE_SETTINGS, &settings, 0)
        .unwrap();

    // Move the world to just after 07:00 in Stockholm tomorrow.
    let now = world.engine_now();
    let tomorrow = now.with_timezone(&ZONE).date_naive() + TimeDelta::days(1);
    let at = |hour: u32, minute: u32| {
        ZONE.with_ymd_and_hms(
            tomorrow.year(),
            tomorrow.month(),
            tomorrow.day(),
            hour,
            minute,
            0,
        )
        .single()
        .unwrap()
        .with_timezone(&Utc)
    };
    world.advance(at(6, 50) - now);
    let first = world.place_order(&world.stock_sku(0), 1, "MyPack Collect");
    world.sync(Flow::Orders).await;
    world.engine.release_tick().await.unwrap();
    assert!(
        warehouse_status(&world, first) < RELEASED,
        "at 06:50 no batch is due"
    );

    world.advance(at(7, 2) - world.engine_now());
    let batches = world.engine.release_tick().await.unwrap();
    assert_eq!(batches.len(), 1, "the 07:00 batch runs at 07:02");
    assert_eq!(warehouse_status(&world, first), RELEASED);
    assert!(
        world.engine.release_tick().await.unwrap().is_empty(),
        "and only once"
    );

    let second = world.place_order(&world.stock_sku(0), 1, "MyPack Collect");
    world.sync(Flow::Orders).await;
    world.advance(at(13, 1) - world.engine_now());
    assert_eq!(world.engine.release_tick().await.unwrap().len(), 1);
    assert_eq!(
        warehouse_status(&world, second),
        RELEASED,
        "the 13:00 batch took it"
    );

    // Off from 13:05 until 15:00 the next day: 07:00 and 13:00 were missed.
    let third = world.place_order(&world.stock_sku(0), 1, "MyPack Collect");
    world.sync(Flow::Orders).await;
    world.engine.release_tick().await.unwrap();
    world.advance(at(15, 0) + TimeDelta::days(1) - world.engine_now());
    let ran = world.engine.release_tick().await.unwrap();
    assert!(
        ran.is_empty(),
        "a missed batch is never released late on its own"
    );
    assert!(
        warehouse_status(&world, third) < RELEASED,
        "so the order still waits"
    );
    let overdue = world.store.release_batches().overdue().unwrap();
    assert_eq!(overdue.len(), 2, "both missed batches wait, marked overdue");

    world
        .engine
        .skip_overdue(overdue[0].id)
        .expect("the merchant skips the morning batch");
    let released = world
        .engine
        .release_overdue(overdue[1].id)
        .await
        .expect("and releases the afternoon one now");
    assert_eq!(released.plan.take, vec![third]);
    assert_eq!(warehouse_status(&world, third), RELEASED);
    assert!(
        world.store.release_batches().overdue().unwrap().is_empty(),
        "nothing is overdue any more"
    );
    world.assert_conforms();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partly_pickable_orders_go_only_when_the_rule_says_so() {
    let world = world().await;
    let mut checkout = world.checkout(&world.stock_sku(0), 1, "MyPack Collect");
    checkout.lines.push(World::line(&world.stock_sku(1), 1));
    let partly = world.place(checkout);
    world.sync(Flow::Orders).await;

    let preview = world
        .engine
        .release_batch(None, StartedBy::Merchant, None, true)
        .await
        .unwrap();
    assert!(
        preview.plan.take.is_empty(),
        "by default only fully pickable orders go, and one line has no stock: {preview:#?}"
    );
    assert_eq!(
        preview
            .candidates
            .iter()
            .find(|c| c.shop_order_id == partly)
            .map(|c| c.pickability),
        Some(Pickable::Some),
        "the preview shows the order as partly pickable"
    );

    let mut settings = ReleaseSettings::default();
    settings.rule.pickable = PickableRule::AlsoPartly;
    world
        .store
        .settings()
        .set(RELEASE_SETTINGS, &settings, 0)
        .unwrap();
    let report = world
        .engine
        .release_batch(None, StartedBy::Merchant, None, false)
        .await
        .unwrap();
    assert_eq!(
        report.plan.take,
        vec![partly],
        "with 'also partly pickable' it goes, and the warehouse picks what it has"
    );
    assert_eq!(warehouse_status(&world, partly), RELEASED);
    world.assert_conforms();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn by_hand_the_merchant_releases_chosen_orders_and_puts_one_back_on_hold() {
    let world = world().await;
    let first = world.place_order(&world.stock_sku(0), 1, "MyPack Collect");
    let second = world.place_order(&world.stock_sku(0), 1, "MyPack Collect");
    world.sync(Flow::Orders).await;

    let report = world
        .engine
        .release_batch(None, StartedBy::Merchant, Some(&[first]), false)
        .await
        .unwrap();
    assert_eq!(
        report.plan.take,
        vec![first],
        "exactly the chosen order goes"
    );
    assert!(
        warehouse_status(&world, second) < RELEASED,
        "the other one waits"
    );

    let drained = world.engine.put_on_hold(&[first]).await.unwrap();
    assert_eq!(drained.dead, 0, "{:?}", drained.failures);
    assert!(
        warehouse_status(&world, first) < RELEASED,
        "back on hold in the warehouse, which had not started picking"
    );
    let next = world
        .engine
        .release_batch(None, StartedBy::Merchant, None, false)
        .await
        .unwrap();
    assert_eq!(
        next.plan.take,
        vec![second],
        "the order put on hold stays out of the next batch until let go"
    );
    assert!(
        next.plan.skipped.iter().any(|(id, _)| *id == first),
        "and the history says why: {next:#?}"
    );
    world.assert_conforms();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn release_on_arrival_releases_every_order_as_it_comes() {
    let world = world().await;
    world
        .store
        .settings()
        .set(
            RELEASE_SETTINGS,
            &ReleaseSettings {
                mode: ReleaseMode::OnArrival,
                ..ReleaseSettings::default()
            },
            0,
        )
        .unwrap();
    let order = world.place_order(&world.stock_sku(1), 1, "MyPack Collect");
    world.sync(Flow::Orders).await;
    world.engine.release_tick().await.unwrap();
    world.drain().await;
    assert_eq!(
        warehouse_status(&world, order),
        RELEASED,
        "no batches: the order goes to picking as soon as it is in the warehouse, pickable or not"
    );
    world.engine.release_tick().await.unwrap();
    assert_eq!(
        world
            .warehouse
            .order_by_number(&order.to_string())
            .map(|o| o.status_number),
        Some(RELEASED),
        "and a second look changes nothing"
    );
    world.assert_conforms();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_paid_only_rule_leaves_pay_later_orders_waiting() {
    let world = world().await;
    let klarna = world.place_order(&world.stock_sku(0), 1, "MyPack Collect");
    let mut invoice = world.checkout(&world.stock_sku(0), 1, "MyPack Collect");
    invoice.payment_method_id = PAYMENT_INVOICE;
    let invoice = world.place(invoice);
    world.sync(Flow::Orders).await;

    let mut settings = ReleaseSettings::default();
    settings.rule.paid_only = true;
    world
        .store
        .settings()
        .set(RELEASE_SETTINGS, &settings, 0)
        .unwrap();
    let report = world
        .engine
        .release_batch(None, StartedBy::Merchant, None, false)
        .await
        .unwrap();
    assert_eq!(
        report.plan.take,
        vec![klarna],
        "the Klarna order's payment is reserved, so it goes: {report:#?}"
    );
    assert!(
        report
            .plan
            .skipped
            .iter()
            .any(|(id, why)| *id == invoice && why.to_string().contains("paid")),
        "the invoice order waits, and the history says it is not paid: {report:#?}"
    );
    world.assert_conforms();
}
