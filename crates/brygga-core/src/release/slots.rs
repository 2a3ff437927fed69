//! When batches are released: the release slots due since the engine last looked, and the next ones.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Days, NaiveDate, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use super::{ReleaseMode, ReleaseSettings};
use crate::schedule::window::{ZONE, local_instant};

/// How late a slot may still be released on its own: the engine ticks about once a minute, and a
/// slot reached a few minutes late (a busy tick, a laptop just woken) is still the batch the
/// merchant planned. Anything later waits for the merchant.
pub const DEFAULT_GRACE: TimeDelta = TimeDelta::minutes(10);

/// How far back [`due_batches`] lists missed slots. After a longer time off, the slots of the last
/// year are listed as overdue; older ones are not.
pub const MAX_LOOK_BACK_DAYS: u64 = 366;

/// How far ahead [`next_batches`] looks for slots.
const MAX_LOOK_AHEAD_DAYS: u64 = 2 * 366;

/// Whether a slot that came may be released now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SlotState {
    /// Reached within the grace time: release the batch now.
    RunNow,
    /// Missed (the app or the computer was off): wait for the merchant to release or skip it.
    Overdue,
}

/// One release slot that came.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchSlot {
    /// The slot's instant (its local release time on its date).
    pub at: DateTime<Utc>,
    pub due: SlotState,
}

/// The release slots that came in (`last_checked`, `now`], oldest first: each release time on
/// each of its weekdays, local time in Europe/Stockholm, except on the listed holidays. A slot at
/// most `grace` before `now` is [`SlotState::RunNow`]; an older one is [`SlotState::Overdue`], so a
/// batch is never released silently late.
///
/// `last_checked` is when the engine last asked (it records `now` after each call). With `None`
/// (the first start) only a slot within `grace` of `now` counts: nothing from before Brygga ran
/// is made overdue. A `last_checked` after `now` (the clock was set back) yields nothing. Slots
/// more than [`MAX_LOOK_BACK_DAYS`] before `now` are not listed. A negative grace counts as zero.
///
/// In [`ReleaseMode::OnArrival`] there are no slots.
pub fn due_batches(
    settings: &ReleaseSettings,
    last_checked: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    grace: TimeDelta,
) -> Vec<BatchSlot> {
    let grace = grace.max(TimeDelta::zero());
    let run_from = now
        .checked_sub_signed(grace)
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    let look_back = now
        .checked_sub_days(Days::new(MAX_LOOK_BACK_DAYS))
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    // After the last check (exclusive), or from the start of the grace time when never checked.
    let counts = |at: DateTime<Utc>| match last_checked {
        Some(last) => at > last && at >= look_back,
        None => at >= run_from,
    };
    let start = match last_checked {
        Some(last) => last.max(look_back),
        None => run_from,
    };
    if start > now {
        return Vec::new();
    }
    local_dates(start, now)
        .flat_map(|date| slots_on(settings, date))
        .filter(|&at| at <= now && counts(at))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|at| BatchSlot {
            at,
            due: if at >= run_from {
                SlotState::RunNow
            } else {
                SlotState::Overdue
            },
        })
        .collect()
}

/// The next `count` release slots after `now`, for "upcoming batches"; fewer when the settings
/// have none within two years (no release times, or [`ReleaseMode::OnArrival`]).
pub fn next_batches(
    settings: &ReleaseSettings,
    now: DateTime<Utc>,
    count: usize,
) -> Vec<DateTime<Utc>> {
    let today = now.with_timezone(&ZONE).date_naive();
    (0..=MAX_LOOK_AHEAD_DAYS)
        .map_while(|ahead| today.checked_add_days(Days::new(ahead)))
        .flat_map(|date| slots_on(settings, date))
        .filter(|&at| at > now)
        .take(count)
        .collect()
}

/// The local dates from `start`'s to `end`'s, both included.
fn local_dates(start: DateTime<Utc>, end: DateTime<Utc>) -> impl Iterator<Item = NaiveDate> {
    let first = start.with_timezone(&ZONE).date_naive();
    let last = end.with_timezone(&ZONE).date_naive();
    first.iter_days().take_while(move |&date| date <= last)
}

/// The release slots on a local date, in time order and each instant once (two local times can
/// meet at the spring-forward jump).
fn slots_on(settings: &ReleaseSettings, date: NaiveDate) -> Vec<DateTime<Utc>> {
    if settings.mode == ReleaseMode::OnArrival || settings.is_holiday(date) {
        return Vec::new();
    }
    settings
        .times
        .iter()
        .filter(|time| time.days.contains(date.weekday()))
        .map(|time| local_instant(date, time.at))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}
