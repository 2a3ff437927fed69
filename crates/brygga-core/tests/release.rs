//! Order release (flow 4): the settings as the merchant writes them, which orders a batch takes,
//! and when batches are due, over simulated days and weekends with the computer on and off.

use std::collections::BTreeMap;

use brygga_core::clock::{Clock, ManualClock};
use brygga_core::mapping::{StatusMapping, WarehouseStage, WarehouseStatusRule};
use brygga_core::release::{
    BatchPlan, BatchSkip, BatchSlot, Candidate, DEFAULT_GRACE, Pickable, PickableRule,
    ReleaseError, ReleaseMode, ReleaseRule, ReleaseSettings, ReleaseTarget, ReleaseTime, SlotState,
    due_batches, next_batches, plan_batch, release_target,
};
use brygga_core::schedule::{Weekdays, ZONE};
use chrono::{
    DateTime, Datelike, NaiveDate, NaiveTime, TimeDelta, TimeZone, Timelike, Utc, Weekday,
};

/// A Stockholm wall-clock time that exists exactly once.
fn local(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    ZONE.with_ymd_and_hms(y, mo, d, h, mi, 0)
        .single()
        .expect("test times avoid the skipped and repeated hours")
        .with_timezone(&Utc)
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn date(y: i32, mo: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, mo, d).unwrap()
}

fn local_hm(instant: DateTime<Utc>) -> (Weekday, u32, u32) {
    let local = instant.with_timezone(&ZONE);
    (local.weekday(), local.hour(), local.minute())
}

fn run_now(at: DateTime<Utc>) -> BatchSlot {
    BatchSlot {
        at,
        due: SlotState::RunNow,
    }
}

fn overdue(at: DateTime<Utc>) -> BatchSlot {
    BatchSlot {
        at,
        due: SlotState::Overdue,
    }
}

/// Ticks once a minute until `until`, as the engine does, recording every slot it is told about
/// and remembering each tick as the last check.
fn simulate(
    settings: &ReleaseSettings,
    clock: &ManualClock,
    until: DateTime<Utc>,
) -> Vec<BatchSlot> {
    let mut last_checked = None;
    let mut slots = Vec::new();
    while clock.now() < until {
        let now = clock.now();
        slots.extend(due_batches(settings, last_checked, now, DEFAULT_GRACE));
        last_checked = Some(now);
        clock.advance(TimeDelta::minutes(1));
    }
    slots
}

// ---------------------------------------------------------------------------------------------
// When batches are due

#[test]
fn the_default_releases_two_batches_each_weekday_and_none_at_the_weekend() {
    let settings = ReleaseSettings::default();
    let clock = ManualClock::new(local(2025, 6, 2, 0, 0)); // a Monday
    let slots = simulate(&settings, &clock, local(2025, 6, 9, 0, 0));
    assert!(
        slots.iter().all(|slot| slot.due == SlotState::RunNow),
        "with the app running every minute no batch is ever overdue: {slots:?}"
    );
    let times: Vec<_> = slots.iter().map(|slot| local_hm(slot.at)).collect();
    let expected: Vec<_> = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ]
    .into_iter()
    .flat_map(|day| [(day, 7, 0), (day, 13, 0)])
    .collect();
    assert_eq!(
        times, expected,
        "07:00 and 13:00 Monday to Friday, each once, and nothing on Saturday or Sunday"
    );
}

#[test]
fn a_listed_holiday_has_no_batches() {
    let settings = ReleaseSettings {
        holidays: vec![date(2025, 6, 6)], // National Day, a Friday
        ..ReleaseSettings::default()
    };
    let clock = ManualClock::new(local(2025, 6, 2, 0, 0));
    let slots = simulate(&settings, &clock, local(2025, 6, 9, 0, 0));
    assert_eq!(slots.len(), 8, "four weekdays of two batches: {slots:?}");
    assert!(
        slots.iter().all(|slot| local_hm(slot.at).0 != Weekday::Fri),
        "no batch on the listed Friday: {slots:?}"
    );
    assert_eq!(
        next_batches(&settings, local(2025, 6, 5, 14, 0), 2),
        vec![local(2025, 6, 9, 7, 0), local(2025, 6, 9, 13, 0)],
        "after Thursday's last batch the next ones skip the holiday and the weekend"
    );
}

#[test]
fn after_a_weekend_off_the_missed_friday_batch_waits_and_monday_morning_runs() {
    let settings = ReleaseSettings::default();
    let friday_noon = local(2025, 6, 13, 12, 0);
    let monday_0703 = local(2025, 6, 16, 7, 3);
    assert_eq!(
        due_batches(&settings, Some(friday_noon), monday_0703, DEFAULT_GRACE),
        vec![
            overdue(local(2025, 6, 13, 13, 0)),
            run_now(local(2025, 6, 16, 7, 0)),
        ],
        "the computer went off before Friday's 13:00 batch: that batch is overdue for the \
         merchant, while Monday 07:00, three minutes ago, is released as planned"
    );

    let friday_evening = local(2025, 6, 13, 18, 0);
    assert_eq!(
        due_batches(&settings, Some(friday_evening), monday_0703, DEFAULT_GRACE),
        vec![run_now(local(2025, 6, 16, 7, 0))],
        "off from Friday evening, nothing was missed: only Monday 07:00 is due"
    );

    let monday_0730 = local(2025, 6, 16, 7, 30);
    assert_eq!(
        due_batches(&settings, Some(friday_evening), monday_0730, DEFAULT_GRACE),
        vec![overdue(local(2025, 6, 16, 7, 0))],
        "switched on at 07:30, the 07:00 batch is half an hour late and is not released silently"
    );
}

#[test]
fn the_grace_edge_separates_run_now_from_overdue() {
    let settings = ReleaseSettings::default();
    let grace = TimeDelta::minutes(10);
    let before = Some(local(2025, 6, 16, 6, 50));
    let slot = local(2025, 6, 16, 7, 0);
    assert_eq!(
        due_batches(&settings, before, slot, grace),
        vec![run_now(slot)],
        "a slot reached on the dot runs"
    );
    assert_eq!(
        due_batches(&settings, before, slot + grace, grace),
        vec![run_now(slot)],
        "exactly the grace time late still runs"
    );
    assert_eq!(
        due_batches(
            &settings,
            before,
            slot + grace + TimeDelta::seconds(1),
            grace
        ),
        vec![overdue(slot)],
        "one second past the grace time it waits for the merchant"
    );
    assert_eq!(
        due_batches(&settings, Some(slot), slot + TimeDelta::minutes(1), grace),
        vec![],
        "a slot at the last check was reported then and is not reported again"
    );
    assert_eq!(
        due_batches(&settings, before, slot + TimeDelta::minutes(1), -grace),
        vec![overdue(slot)],
        "a negative grace counts as none"
    );
}

#[test]
fn the_first_start_counts_only_the_slot_just_reached() {
    let settings = ReleaseSettings::default();
    assert_eq!(
        due_batches(&settings, None, local(2025, 6, 16, 7, 5), DEFAULT_GRACE),
        vec![run_now(local(2025, 6, 16, 7, 0))],
        "started five minutes after a release time, that batch runs"
    );
    assert_eq!(
        due_batches(&settings, None, local(2025, 6, 16, 12, 0), DEFAULT_GRACE),
        vec![],
        "nothing from before Brygga first ran is made overdue"
    );
}

#[test]
fn a_clock_set_back_or_release_on_arrival_yields_no_slots() {
    let settings = ReleaseSettings::default();
    assert_eq!(
        due_batches(
            &settings,
            Some(local(2025, 6, 16, 14, 0)),
            local(2025, 6, 16, 12, 0),
            DEFAULT_GRACE
        ),
        vec![],
        "a last check after now (the clock went back) must not replay the morning"
    );

    let on_arrival = ReleaseSettings {
        mode: ReleaseMode::OnArrival,
        ..ReleaseSettings::default()
    };
    assert_eq!(
        due_batches(
            &on_arrival,
            Some(local(2025, 6, 13, 12, 0)),
            local(2025, 6, 16, 7, 3),
            DEFAULT_GRACE
        ),
        vec![],
        "release on arrival has no batches to be due or overdue"
    );
    assert_eq!(
        next_batches(&on_arrival, local(2025, 6, 16, 7, 3), 3),
        Vec::<DateTime<Utc>>::new(),
        "and none upcoming"
    );
}

#[test]
fn a_year_off_lists_only_the_last_years_slots() {
    let settings = ReleaseSettings::default();
    let now = local(2025, 6, 16, 12, 0);
    let slots = due_batches(
        &settings,
        Some(DateTime::<Utc>::MIN_UTC),
        now,
        DEFAULT_GRACE,
    );
    assert!(
        slots.len() > 500 && slots.len() < 540,
        "about 52 weeks of ten batches each: {}",
        slots.len()
    );
    assert!(
        slots.iter().all(|slot| slot.due == SlotState::Overdue),
        "all of them missed"
    );
    assert!(
        slots.windows(2).all(|pair| pair[0].at < pair[1].at),
        "oldest first, each once"
    );
}

#[test]
fn release_times_keep_0700_local_across_both_clock_changes() {
    let every_day = ReleaseSettings {
        times: vec![ReleaseTime::new(Weekdays::EVERY_DAY, hm(7, 0))],
        ..ReleaseSettings::default()
    };
    assert_eq!(
        next_batches(&every_day, local(2025, 3, 28, 12, 0), 3),
        vec![
            utc(2025, 3, 29, 6, 0),
            utc(2025, 3, 30, 5, 0),
            utc(2025, 3, 31, 5, 0)
        ],
        "07:00 CET is 06:00 UTC; from the spring-forward Sunday 07:00 CEST is 05:00 UTC"
    );
    assert_eq!(
        next_batches(&every_day, local(2025, 10, 24, 12, 0), 3),
        vec![
            utc(2025, 10, 25, 5, 0),
            utc(2025, 10, 26, 6, 0),
            utc(2025, 10, 27, 6, 0)
        ],
        "07:00 CEST is 05:00 UTC; from the fall-back Sunday 07:00 CET is 06:00 UTC"
    );
    assert_eq!(
        due_batches(
            &every_day,
            Some(local(2025, 3, 29, 20, 0)),
            utc(2025, 3, 30, 5, 2),
            DEFAULT_GRACE
        ),
        vec![run_now(utc(2025, 3, 30, 5, 0))],
        "over the short night the Sunday batch is due at 07:00 on the wall clock"
    );

    let weekdays = ReleaseSettings::default();
    let clock = ManualClock::new(local(2025, 10, 24, 0, 0)); // Friday before the fall-back
    let slots = simulate(&weekdays, &clock, local(2025, 10, 28, 0, 0));
    let times: Vec<_> = slots.iter().map(|slot| local_hm(slot.at)).collect();
    assert_eq!(
        times,
        vec![
            (Weekday::Fri, 7, 0),
            (Weekday::Fri, 13, 0),
            (Weekday::Mon, 7, 0),
            (Weekday::Mon, 13, 0),
        ],
        "the weekday batches stay at 07:00 and 13:00 on the wall clock across the change"
    );
}

#[test]
fn release_times_in_the_skipped_hour_run_once_at_the_jump() {
    let settings = ReleaseSettings {
        times: vec![
            ReleaseTime::new(Weekdays::EVERY_DAY, hm(2, 30)),
            ReleaseTime::new(Weekdays::EVERY_DAY, hm(3, 0)),
        ],
        ..ReleaseSettings::default()
    };
    assert_eq!(
        next_batches(&settings, local(2025, 3, 29, 12, 0), 2),
        vec![utc(2025, 3, 30, 1, 0), utc(2025, 3, 31, 0, 30)],
        "02:30 does not exist on 30 March and falls on 03:00 CEST, which is one batch, not two"
    );
}

// ---------------------------------------------------------------------------------------------
// Which orders a batch takes

fn candidate(id: i64, created: DateTime<Utc>) -> Candidate {
    Candidate {
        shop_order_id: id,
        identity: format!("{id}@{}", created.timestamp_millis()),
        warehouse_order_id: i32::try_from(id).unwrap() + 9000,
        created_at: created,
        shop_status: 1,
        paid: true,
        shipping_method_id: Some(10),
        held_back: false,
        pickability: Pickable::All,
    }
}

#[test]
fn max_per_batch_takes_the_oldest_and_leaves_the_rest_for_the_next() {
    let orders = vec![
        candidate(103, local(2025, 6, 16, 9, 0)),
        candidate(101, local(2025, 6, 16, 8, 0)),
        candidate(104, local(2025, 6, 16, 10, 0)),
        candidate(102, local(2025, 6, 16, 8, 30)),
    ];
    let rule = ReleaseRule {
        max_per_batch: Some(2),
        ..ReleaseRule::default()
    };
    assert_eq!(
        plan_batch(&orders, &rule),
        BatchPlan {
            take: vec![101, 102],
            skipped: vec![(103, BatchSkip::OverMaximum), (104, BatchSkip::OverMaximum)],
        },
        "the two oldest go, whatever order they were read in; the newer wait"
    );

    let mut blocked = orders.clone();
    blocked[1].held_back = true; // 101, the oldest
    assert_eq!(
        plan_batch(&blocked, &rule).take,
        vec![102, 103],
        "an order held back does not use up a place in the batch"
    );
}

#[test]
fn partly_pickable_orders_go_only_when_the_rule_allows() {
    let created = local(2025, 6, 16, 8, 0);
    let mut orders = vec![
        candidate(1, created),
        candidate(2, created),
        candidate(3, created),
        candidate(4, created),
    ];
    orders[1].pickability = Pickable::Some;
    orders[2].pickability = Pickable::None;
    orders[3].pickability = Pickable::Unknown;
    let with = |pickable| ReleaseRule {
        pickable,
        ..ReleaseRule::default()
    };
    assert_eq!(
        plan_batch(&orders, &with(PickableRule::Fully)),
        BatchPlan {
            take: vec![1],
            skipped: vec![
                (2, BatchSkip::NotFullyPickable),
                (3, BatchSkip::NothingPickable),
                (4, BatchSkip::PickabilityUnknown),
            ],
        },
        "the default takes only orders the warehouse can pick in full"
    );
    assert_eq!(
        plan_batch(&orders, &with(PickableRule::AlsoPartly)),
        BatchPlan {
            take: vec![1, 2],
            skipped: vec![
                (3, BatchSkip::NothingPickable),
                (4, BatchSkip::PickabilityUnknown),
            ],
        },
        "partly pickable orders go when the merchant allows it, backordered ones still wait"
    );
    assert_eq!(
        plan_batch(&orders, &with(PickableRule::Any)).take,
        vec![1, 2, 3, 4],
        "\"any\" releases regardless of stock"
    );
}

#[test]
fn every_skipped_order_says_why() {
    let created = local(2025, 6, 16, 8, 0);
    let mut orders: Vec<Candidate> = (1..=6).map(|id| candidate(id, created)).collect();
    orders[1].held_back = true;
    orders[1].paid = false; // held back is the reason shown, not the others
    orders[2].shop_status = 7;
    orders[3].paid = false;
    orders[4].shipping_method_id = Some(99);
    orders[5].shipping_method_id = None;
    let rule = ReleaseRule {
        shop_statuses: vec![1, 2],
        paid_only: true,
        shipping_methods: vec![10, 11],
        ..ReleaseRule::default()
    };
    let plan = plan_batch(&orders, &rule);
    assert_eq!(
        plan.take,
        vec![1],
        "only the order meeting every condition goes"
    );
    assert_eq!(
        plan.skipped,
        vec![
            (2, BatchSkip::HeldBack),
            (3, BatchSkip::ShopStatus),
            (4, BatchSkip::NotPaid),
            (5, BatchSkip::ShippingMethod),
            (6, BatchSkip::ShippingMethod),
        ],
        "one reason each, held back first; an order without a shipping method fails a method rule"
    );
    assert_eq!(
        BatchSkip::HeldBack.to_string(),
        "held back by the merchant",
        "reasons read as text for the merchant"
    );

    let open_rule = ReleaseRule::default();
    assert_eq!(
        plan_batch(&orders, &open_rule).take,
        vec![1, 3, 4, 5, 6],
        "empty lists mean any status and any method, and unpaid orders go unless paid only"
    );
}

#[test]
fn pickability_comes_from_line_quantities() {
    assert_eq!(
        Pickable::from_lines(&[(2.0, 5.0), (1.0, 1.0)]),
        Pickable::All
    );
    assert_eq!(
        Pickable::from_lines(&[(2.0, 5.0), (1.0, 0.0)]),
        Pickable::Some
    );
    assert_eq!(
        Pickable::from_lines(&[(2.0, 0.0), (1.0, 0.0)]),
        Pickable::None
    );
}

// ---------------------------------------------------------------------------------------------
// Settings

#[test]
fn settings_as_a_merchant_writes_them_are_read() {
    let settings: ReleaseSettings = serde_json::from_str(
        r#"{ "mode": "batches",
             "times": [ { "days": ["mon-thu"], "at": "07:00" },
                        { "days": ["fri"], "at": "6:30" },
                        { "at": "13:00" } ],
             "holidays": ["2025-12-24", "2025-12-25"],
             "rule": { "shopStatuses": [1, 2], "paidOnly": true, "pickable": "alsoPartly",
                       "maxPerBatch": 50 },
             "releasedStatus": 300 }"#,
    )
    .unwrap();
    assert_eq!(
        settings.times,
        vec![
            ReleaseTime::new("mon-thu".parse().unwrap(), hm(7, 0)),
            ReleaseTime::new(Weekdays::of(&[Weekday::Fri]), hm(6, 30)),
            ReleaseTime::new(Weekdays::EVERY_DAY, hm(13, 0)),
        ],
        "days and times read like schedules; days left out mean every day"
    );
    assert_eq!(settings.rule.pickable, PickableRule::AlsoPartly);
    assert_eq!(settings.rule.max_per_batch, Some(50));
    assert!(
        settings.rule.shipping_methods.is_empty(),
        "a rule field left out takes its default"
    );
    assert!(settings.is_holiday(date(2025, 12, 24)));
    assert_eq!(settings.released_status, Some(300));

    let round_trip: ReleaseSettings =
        serde_json::from_value(serde_json::to_value(&settings).unwrap()).unwrap();
    assert_eq!(
        round_trip, settings,
        "what is stored is read back unchanged"
    );

    let empty: ReleaseSettings = serde_json::from_str("{}").unwrap();
    assert_eq!(
        empty,
        ReleaseSettings::default(),
        "fields left out take the defaults"
    );

    let on_arrival: ReleaseSettings = serde_json::from_str(r#"{ "mode": "onArrival" }"#).unwrap();
    assert_eq!(on_arrival.mode, ReleaseMode::OnArrival);
}

/// The deserialization error for `json`, as text.
fn refused(json: &str) -> String {
    match serde_json::from_str::<ReleaseSettings>(json) {
        Ok(settings) => panic!("{json} must be refused, was read as {settings:?}"),
        Err(error) => error.to_string(),
    }
}

#[test]
fn wrong_settings_are_refused_naming_what_is_wrong() {
    let cases = [
        (
            r#"{ "rule": { "maxPerBatch": 0 } }"#,
            "maximum per batch is 0",
        ),
        (
            r#"{ "times": [ { "days": [], "at": "07:00" } ] }"#,
            "release time 07:00 has no weekday",
        ),
        (
            r#"{ "times": [ { "days": ["mon", "fredag"], "at": "07:00" } ] }"#,
            "\"fredag\"",
        ),
        (
            r#"{ "times": [ { "days": ["mon"], "at": "7.00" } ] }"#,
            "\"7.00\" is not a time of day",
        ),
        (
            r#"{ "times": [ { "days": ["mon-fri"], "at": "07:00" },
                            { "days": ["fri"], "at": "07:00" } ] }"#,
            "07:00 on Fri is listed twice",
        ),
        (r#"{ "mode": "whenever" }"#, "whenever"),
        (r#"{ "rule": { "maxPerBach": 5 } }"#, "maxPerBach"),
    ];
    for (json, wanted) in cases {
        let message = refused(json);
        assert!(
            message.contains(wanted),
            "the error for {json} must name what is wrong ({wanted}), was: {message}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Where a release moves the order

fn rule(stage: WarehouseStage, shop_status: Option<i64>) -> WarehouseStatusRule {
    WarehouseStatusRule { stage, shop_status }
}

/// Ongoing's standard statuses as a merchant maps them.
fn standard_mapping() -> StatusMapping {
    StatusMapping {
        shop: BTreeMap::new(),
        warehouse: BTreeMap::from([
            (200, rule(WarehouseStage::Open, None)),
            (210, rule(WarehouseStage::Open, None)),
            (300, rule(WarehouseStage::Started, Some(3))),
            (400, rule(WarehouseStage::Started, Some(3))),
            (450, rule(WarehouseStage::Sent, Some(4))),
            (-100, rule(WarehouseStage::Cancelled, Some(9))),
        ]),
    }
}

#[test]
fn the_release_status_is_the_lowest_started_one_unless_chosen() {
    let mapping = standard_mapping();
    assert_eq!(
        ReleaseSettings::default().release_target(&mapping),
        Ok(ReleaseTarget {
            warehouse_status: 300,
            shop_status: Some(3),
        }),
        "Released (300) is the first status mapped to started, and the shop gets its picking status"
    );
    assert_eq!(
        release_target(Some(400), &mapping).map(|target| target.warehouse_status),
        Ok(400),
        "a chosen status mapped to started is used"
    );

    let not_started = release_target(Some(210), &mapping).unwrap_err();
    assert_eq!(
        not_started,
        ReleaseError::StatusNotStarted {
            status: 210,
            stage: WarehouseStage::Open
        }
    );
    assert!(
        not_started.to_string().contains("210") && not_started.to_string().contains("\"open\""),
        "the merchant sees which status and what it is mapped to: {not_started}"
    );
    assert_eq!(
        release_target(Some(350), &mapping),
        Err(ReleaseError::StatusNotMapped { status: 350 }),
        "a status the mapping does not know is refused, not guessed"
    );

    let unmapped = release_target(None, &StatusMapping::default()).unwrap_err();
    assert_eq!(unmapped, ReleaseError::NoStartedStatus);
    assert!(
        unmapped
            .to_string()
            .contains("no warehouse status is mapped to the stage \"started\""),
        "the merchant is told what to map: {unmapped}"
    );
}
