//! When a flow runs next, and which flows are due now.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeDelta, Utc};

use super::window::{ZONE, local_instant};
use super::{Cadence, Flow, Schedule, Schedules, Weekdays, Window};

/// When the flow should run next, given when it last *started* (`None`: never). The answer is
/// never before `now`; it is `now` exactly when the flow is due (see [`is_due`]).
///
/// However long ago the last run was, an overdue flow is due once, now (inside its window), or at
/// its window's next opening: not once per missed interval. A last run later than `now` (the
/// system clock was set back) counts as a run at `now`, so the flow waits one interval, not the
/// size of the clock's jump.
pub fn next_due(
    schedule: &Schedule,
    last_run: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let last_run = last_run.map(|last| last.min(now));
    match schedule.cadence() {
        Cadence::Every { interval, window } => every(interval, window, last_run, now),
        Cadence::Daily { at, days } => daily(at, days, last_run, now),
    }
}

/// Whether the flow should start now.
pub fn is_due(schedule: &Schedule, last_run: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
    next_due(schedule, last_run, now) <= now
}

/// The scheduled flows due now, each once, in [`Flow::ALL`] order. `last_runs` holds when each
/// flow last started; a flow missing from it never ran.
pub fn due_flows(
    schedules: &Schedules,
    last_runs: &BTreeMap<Flow, DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Vec<Flow> {
    schedules
        .iter()
        .filter(|&(flow, schedule)| is_due(schedule, last_runs.get(&flow).copied(), now))
        .map(|(flow, _)| flow)
        .collect()
}

/// Each scheduled flow with its next run (`now` for a due one), for the dashboard's "next runs".
pub fn next_runs(
    schedules: &Schedules,
    last_runs: &BTreeMap<Flow, DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Vec<(Flow, DateTime<Utc>)> {
    schedules
        .iter()
        .map(|(flow, schedule)| {
            let last_run = last_runs.get(&flow).copied();
            (flow, next_due(schedule, last_run, now))
        })
        .collect()
}

fn every(
    interval: TimeDelta,
    window: Option<Window>,
    last_run: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let earliest = match last_run {
        None => now,
        Some(last) => last
            .checked_add_signed(interval)
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
            .max(now),
    };
    match window {
        Some(window) => window.open_at_or_after(earliest),
        None => earliest,
    }
}

fn daily(
    at: NaiveTime,
    days: Weekdays,
    last_run: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let today = now.with_timezone(&ZONE).date_naive();
    let missed = occurrences(at, days, today, Direction::Back).find(|&at| at <= now);
    match (missed, last_run) {
        // The latest occurrence passed without a run (or the flow never ran): once, now.
        (Some(missed), Some(last)) if last < missed => now,
        (Some(_), None) => now,
        _ => occurrences(at, days, today, Direction::Forward)
            .find(|&at| at > now)
            .unwrap_or(now),
    }
}

enum Direction {
    Back,
    Forward,
}

/// The instants of `at` on `days`, day by day from `start` (inclusive), over two weeks: more than
/// any non-empty weekday set needs.
fn occurrences(
    at: NaiveTime,
    days: Weekdays,
    start: NaiveDate,
    direction: Direction,
) -> impl Iterator<Item = DateTime<Utc>> {
    (0..=14)
        .filter_map(move |offset| match direction {
            Direction::Back => start.checked_sub_days(Days::new(offset)),
            Direction::Forward => start.checked_add_days(Days::new(offset)),
        })
        .filter(move |date| days.contains(date.weekday()))
        .map(move |date| local_instant(date, at))
}
