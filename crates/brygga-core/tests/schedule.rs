//! The scheduler's answers over simulated days: a [`ManualClock`] is moved a minute at a time and
//! a flow is "run" whenever it is due, the way the engine's tick loop does it.

use std::collections::BTreeMap;

use brygga_core::clock::{Clock, ManualClock};
use brygga_core::schedule::{
    Flow, Schedule, ScheduleError, Schedules, Weekdays, Window, ZONE, due_flows, is_due, next_due,
    next_runs,
};
use chrono::{DateTime, Datelike, NaiveTime, TimeDelta, TimeZone, Timelike, Utc, Weekday};

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

/// Ticks the clock once a minute until `until`, starting the flow whenever it is due; returns the
/// start times.
fn simulate(
    schedule: &Schedule,
    clock: &ManualClock,
    mut last_run: Option<DateTime<Utc>>,
    until: DateTime<Utc>,
) -> Vec<DateTime<Utc>> {
    let mut runs = Vec::new();
    while clock.now() < until {
        let now = clock.now();
        if is_due(schedule, last_run, now) {
            runs.push(now);
            last_run = Some(now);
        }
        clock.advance(TimeDelta::minutes(1));
    }
    runs
}

fn local_hm(instant: DateTime<Utc>) -> (Weekday, u32, u32) {
    let local = instant.with_timezone(&ZONE);
    (local.weekday(), local.hour(), local.minute())
}

fn articles() -> Schedule {
    Flow::Articles.default_schedule()
}

#[test]
fn articles_run_every_half_hour_inside_the_window_only() {
    let clock = ManualClock::new(local(2025, 6, 2, 0, 0)); // a Monday
    let runs = simulate(&articles(), &clock, None, local(2025, 6, 3, 0, 0));

    let expected: Vec<_> = (0..26)
        .map(|i| local(2025, 6, 2, 7, 0) + TimeDelta::minutes(30 * i))
        .collect();
    assert_eq!(
        runs, expected,
        "a flow that never ran waits for its window, then runs every 30 minutes from 07:00; \
         20:00 is the window's (exclusive) end, so 19:30 is the last run"
    );
}

#[test]
fn articles_do_not_run_at_the_weekend() {
    let clock = ManualClock::new(local(2025, 6, 6, 12, 0)); // Friday noon
    let runs = simulate(
        &articles(),
        &clock,
        Some(local(2025, 6, 6, 11, 45)),
        local(2025, 6, 9, 7, 10),
    );

    assert!(
        runs.iter()
            .all(|&run| !matches!(local_hm(run).0, Weekday::Sat | Weekday::Sun)),
        "the default articles window is Monday to Friday: {runs:?}"
    );
    assert_eq!(
        local_hm(runs[runs.len() - 3]),
        (Weekday::Fri, 19, 15),
        "intervals run from the last start, 11:45 + n × 30 min"
    );
    assert_eq!(
        &runs[runs.len() - 2..],
        &[local(2025, 6, 6, 19, 45), local(2025, 6, 9, 7, 0)],
        "after Friday's last run inside the window the next one is Monday's opening"
    );
}

#[test]
fn a_laptop_off_all_weekend_runs_articles_once_on_monday_not_once_per_missed_interval() {
    let friday_last = local(2025, 6, 6, 19, 30);
    let clock = ManualClock::new(friday_last);
    clock.set(local(2025, 6, 9, 9, 12)); // switched on Monday 09:12

    assert_eq!(
        next_due(&articles(), Some(friday_last), clock.now()),
        clock.now(),
        "the run is overdue and the window is open, so it is due now, not at a past time"
    );
    let runs = simulate(
        &articles(),
        &clock,
        Some(friday_last),
        local(2025, 6, 9, 10, 30),
    );
    assert_eq!(
        runs,
        vec![
            local(2025, 6, 9, 9, 12),
            local(2025, 6, 9, 9, 42),
            local(2025, 6, 9, 10, 12)
        ],
        "one catch-up run at 09:12, then the interval counts from it"
    );

    let orders = Flow::Orders.default_schedule();
    let runs = simulate(
        &orders,
        &ManualClock::new(local(2025, 6, 9, 9, 12)),
        Some(friday_last),
        local(2025, 6, 9, 9, 13),
    );
    assert_eq!(
        runs.len(),
        1,
        "orders missed ~750 five-minute slots, and still run once: one run reads all new orders"
    );
}

#[test]
fn the_window_keeps_0700_local_across_spring_forward() {
    let every_day = Window::new(Weekdays::EVERY_DAY, hm(7, 0), hm(20, 0)).unwrap();
    let schedule = Schedule::every_minutes(30, Some(every_day)).unwrap();
    let clock = ManualClock::new(local(2025, 3, 29, 6, 0)); // Saturday before the change
    let runs = simulate(&schedule, &clock, None, local(2025, 3, 31, 21, 0));

    let openings: Vec<_> = runs
        .iter()
        .filter(|&&run| local_hm(run).1 == 7 && local_hm(run).2 == 0)
        .copied()
        .collect();
    assert_eq!(
        openings,
        vec![
            utc(2025, 3, 29, 6, 0),
            utc(2025, 3, 30, 5, 0),
            utc(2025, 3, 31, 5, 0)
        ],
        "07:00 is 06:00 UTC in winter time and 05:00 UTC from Sunday 30 March (CEST)"
    );
    assert_eq!(
        runs.len(),
        3 * 26,
        "the short night changes nothing inside a daytime window: 26 runs each day"
    );
}

#[test]
fn the_window_keeps_0700_local_across_fall_back() {
    let every_day = Window::new(Weekdays::EVERY_DAY, hm(7, 0), hm(20, 0)).unwrap();
    let schedule = Schedule::every_minutes(30, Some(every_day)).unwrap();
    let clock = ManualClock::new(local(2025, 10, 25, 6, 0)); // Saturday before the change
    let runs = simulate(&schedule, &clock, None, local(2025, 10, 27, 6, 0));

    assert_eq!(runs[0], utc(2025, 10, 25, 5, 0), "07:00 CEST is 05:00 UTC");
    assert_eq!(
        runs[26],
        utc(2025, 10, 26, 6, 0),
        "on Sunday 26 October the clocks went back, so 07:00 CET is 06:00 UTC"
    );
    assert_eq!(runs.len(), 2 * 26);
}

#[test]
fn intervals_are_real_time_so_the_25_hour_night_gets_its_extra_runs() {
    let orders = Flow::Orders.default_schedule();
    let clock = ManualClock::new(local(2025, 10, 26, 0, 0));
    let runs = simulate(&orders, &clock, None, local(2025, 10, 27, 0, 0));
    assert_eq!(
        runs.len(),
        25 * 12,
        "the fall-back day lasts 25 hours; every 5 minutes of it is a run, the repeated hour too"
    );

    let clock = ManualClock::new(local(2025, 3, 30, 0, 0));
    let runs = simulate(&orders, &clock, None, local(2025, 3, 31, 0, 0));
    assert_eq!(runs.len(), 23 * 12, "the spring-forward day lasts 23 hours");
}

#[test]
fn nightly_reconciliation_fires_once_a_night_through_both_clock_changes() {
    let reconcile = Flow::Reconcile.default_schedule();

    let clock = ManualClock::new(local(2025, 3, 28, 12, 0));
    let runs = simulate(
        &reconcile,
        &clock,
        Some(local(2025, 3, 28, 2, 30)),
        local(2025, 4, 1, 12, 0),
    );
    assert_eq!(
        runs,
        vec![
            utc(2025, 3, 29, 1, 30),
            utc(2025, 3, 30, 1, 0),
            utc(2025, 3, 31, 0, 30),
            utc(2025, 4, 1, 0, 30)
        ],
        "02:30 each night; on 30 March 02:30 does not exist, so it runs when the clock jumps \
         past it (03:00 CEST = 01:00 UTC)"
    );

    let clock = ManualClock::new(local(2025, 10, 24, 12, 0));
    let runs = simulate(
        &reconcile,
        &clock,
        Some(local(2025, 10, 24, 2, 30)),
        local(2025, 10, 28, 12, 0),
    );
    assert_eq!(
        runs,
        vec![
            utc(2025, 10, 25, 0, 30),
            utc(2025, 10, 26, 0, 30),
            utc(2025, 10, 27, 1, 30),
            utc(2025, 10, 28, 1, 30)
        ],
        "on 26 October 02:30 happens twice; only the first (CEST, 00:30 UTC) runs, once"
    );
}

#[test]
fn a_missed_night_is_reconciled_once_in_the_morning() {
    let reconcile = Flow::Reconcile.default_schedule();
    let last = local(2025, 6, 9, 2, 30);
    let morning = local(2025, 6, 12, 8, 0); // off for two nights
    assert!(
        is_due(&reconcile, Some(last), morning),
        "the 02:30 runs of the last nights passed without a run"
    );
    assert!(
        is_due(&reconcile, None, morning),
        "a reconciliation that never ran is due at once, like every other flow that never ran"
    );
    assert_eq!(
        next_due(&reconcile, Some(morning), morning + TimeDelta::minutes(1)),
        local(2025, 6, 13, 2, 30),
        "after the catch-up run the next one is the coming night, not another missed one"
    );
}

#[test]
fn due_flows_lists_each_due_flow_once() {
    let schedules = Schedules::default();
    let friday = local(2025, 6, 6, 19, 30);
    let last_runs: BTreeMap<Flow, DateTime<Utc>> =
        Flow::ALL.into_iter().map(|flow| (flow, friday)).collect();

    assert_eq!(
        due_flows(&schedules, &last_runs, local(2025, 6, 9, 9, 12)),
        Flow::ALL.to_vec(),
        "after a weekend off every flow is overdue, the nightly one included; each runs once"
    );

    let saturday = local(2025, 6, 7, 12, 0);
    let mut recent = last_runs.clone();
    recent.insert(Flow::Orders, saturday - TimeDelta::minutes(2));
    recent.insert(Flow::Reconcile, local(2025, 6, 7, 2, 30));
    assert_eq!(
        due_flows(&schedules, &recent, saturday),
        vec![
            Flow::Statuses,
            Flow::Stock,
            Flow::PurchaseOrders,
            Flow::Returns
        ],
        "orders ran 2 minutes ago, articles wait for Monday, reconcile ran last night; the \
         others last ran on Friday evening"
    );
    assert_eq!(
        next_runs(&schedules, &recent, saturday)[0],
        (Flow::Articles, local(2025, 6, 9, 7, 0)),
        "the dashboard shows articles' next run at Monday's window opening"
    );

    let mut manual = schedules.clone();
    manual.set(Flow::Stock, None);
    assert!(
        !due_flows(&manual, &recent, saturday).contains(&Flow::Stock),
        "a flow without a schedule runs only by hand"
    );
}

#[test]
fn a_clock_set_back_delays_a_flow_by_one_interval_only() {
    let orders = Flow::Orders.default_schedule();
    let now = local(2025, 6, 9, 9, 0);
    let last_in_the_future = now + TimeDelta::days(2);
    assert_eq!(
        next_due(&orders, Some(last_in_the_future), now),
        now + TimeDelta::minutes(5),
        "a last run after now is read as a run now, so the flow is not stuck for two days"
    );
}

#[test]
fn default_schedules_round_trip_through_json_settings() {
    let schedules = Schedules::default();
    let json = serde_json::to_value(&schedules).unwrap();
    assert_eq!(
        json["articles"],
        serde_json::json!({
            "kind": "every",
            "minutes": 30,
            "window": { "days": ["mon", "tue", "wed", "thu", "fri"], "from": "07:00", "to": "20:00" }
        })
    );
    assert_eq!(
        json["reconcile"],
        serde_json::json!({ "kind": "daily", "at": "02:30" })
    );
    let back: Schedules = serde_json::from_value(json).unwrap();
    assert_eq!(back, schedules, "what is stored is read back unchanged");
}

#[test]
fn settings_as_a_merchant_writes_them_are_read() {
    let schedules: Schedules = serde_json::from_str(
        r#"{ "orders": { "kind": "every", "minutes": 15,
                         "window": { "days": ["Mon-Fri", "sat"], "from": "5:00", "to": "24:00" } } }"#,
    )
    .unwrap();
    let orders = schedules.get(Flow::Orders).unwrap();
    assert!(
        is_due(orders, None, local(2025, 6, 7, 23, 59)),
        "Saturday is in the list and 24:00 closes the window at midnight"
    );
    assert!(
        !is_due(orders, None, local(2025, 6, 8, 12, 0)),
        "Sunday is not in the list"
    );
    assert!(schedules.get(Flow::Articles).is_none());
}

fn settings_error(json: &str) -> String {
    serde_json::from_str::<Schedules>(json)
        .expect_err("the settings are wrong")
        .to_string()
}

#[test]
fn wrong_settings_are_refused_with_a_message_naming_the_fault() {
    let cases = [
        (
            r#"{"orders": {"kind": "every", "minutes": 0}}"#,
            "schedule for orders: the interval is 0 minutes; it must be at least 1 minute",
        ),
        (
            r#"{"articles": {"kind": "every", "minutes": 30,
                "window": {"from": "20:00", "to": "07:00"}}}"#,
            "schedule for articles: the window ends at 07:00 but starts at 20:00",
        ),
        (
            r#"{"articles": {"kind": "every", "minutes": 30,
                "window": {"days": ["mon", "fredag"], "from": "07:00", "to": "20:00"}}}"#,
            "unknown weekday \"fredag\"",
        ),
        (
            r#"{"articles": {"kind": "every", "minutes": 30,
                "window": {"days": [], "from": "07:00", "to": "20:00"}}}"#,
            "no weekday is chosen",
        ),
        (
            r#"{"reconcile": {"kind": "daily", "at": "half past two"}}"#,
            "\"half past two\" is not a time of day for `at`",
        ),
        (
            r#"{"stock": {"kind": "every", "minutes": 2000}}"#,
            "longer than a day",
        ),
        (r#"{"stockk": {"kind": "every", "minutes": 5}}"#, "stockk"),
        (
            r#"{"stock": {"kind": "every", "minutes": 5, "minute": 6}}"#,
            "unknown field `minute`",
        ),
        (
            r#"{"stock": {"kind": "hourly"}}"#,
            "unknown variant `hourly`",
        ),
        (
            r#"{"orders": {"kind": "every", "minutes": -5}}"#,
            "the interval is -5 minutes",
        ),
    ];
    for (json, expected) in cases {
        let message = settings_error(json);
        assert!(
            message.contains(expected),
            "the merchant must learn what is wrong with {json}: got \"{message}\""
        );
    }
}

#[test]
fn constructors_refuse_what_the_settings_refuse() {
    assert_eq!(
        Schedule::every_minutes(0, None),
        Err(ScheduleError::IntervalNotPositive { minutes: 0 })
    );
    assert_eq!(
        Schedule::every(TimeDelta::seconds(90), None),
        Err(ScheduleError::IntervalNotWholeMinutes { seconds: 90 }),
        "settings hold whole minutes, so a schedule never has more precision than it can store"
    );
    assert_eq!(
        Schedule::daily_at(hm(2, 30), Weekdays::NONE),
        Err(ScheduleError::NoWeekdays)
    );
    assert_eq!("Orders".parse::<Flow>(), Ok(Flow::Orders));
    assert!("ordrar".parse::<Flow>().is_err());
}
