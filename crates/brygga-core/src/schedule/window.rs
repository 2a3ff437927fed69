//! Weekday/time windows in Swedish wall-clock time, and how a wall-clock time becomes an instant.
//!
//! The merchant says "07:00–20:00, Monday to Friday" and means the clock on the office wall, in
//! summer and winter alike. So windows are kept as local times and turned into UTC instants day by
//! day, with the tz database's rules for Europe/Stockholm.
//!
//! Twice a year a local time is not a single instant (last Sunday of March, 02:00–03:00 does not
//! exist; last Sunday of October, 02:00–03:00 happens twice). One rule covers both: **a local time
//! means the first instant at which the wall clock shows that time or a later one.** So 02:30 on
//! the spring-forward night is 03:00 CEST (the moment the clock jumps past it), and 02:30 on the
//! fall-back night is the first 02:30 (CEST), not the repeated one. A window lying wholly inside
//! the skipped hour does not open that day.

use chrono::{
    DateTime, Datelike, Days, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta,
    TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;

use super::{ScheduleError, Weekdays};

/// The merchant's time zone: Brygga is made for Swedish shops and Swedish 3PLs.
pub const ZONE: Tz = chrono_tz::Europe::Stockholm;

/// When in the week a flow may run: on these days, from `from` (inclusive) to `to` (exclusive),
/// local time. `to` of 00:00 means midnight at the end of the day (written `24:00` in settings).
///
/// A window may not cross midnight (22:00–06:00 is refused): it would make "which day's window is
/// this" ambiguous against the weekday set, and no flow the peers schedule needs it. A flow that
/// should run at night runs at all hours instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    days: Weekdays,
    from: NaiveTime,
    to: NaiveTime,
}

impl Window {
    /// A window, checked: at least one day, and `to` after `from` on the same day (00:00 as `to`
    /// means midnight, so 00:00–00:00 is the whole day).
    pub fn new(days: Weekdays, from: NaiveTime, to: NaiveTime) -> Result<Self, ScheduleError> {
        if days.is_empty() {
            return Err(ScheduleError::NoWeekdays);
        }
        if to <= from && to != NaiveTime::MIN {
            return Err(ScheduleError::WindowEndNotAfterStart { from, to });
        }
        Ok(Self { days, from, to })
    }

    pub fn days(&self) -> Weekdays {
        self.days
    }

    pub fn from(&self) -> NaiveTime {
        self.from
    }

    /// The end, exclusive; 00:00 means midnight at the end of the day.
    pub fn to(&self) -> NaiveTime {
        self.to
    }

    /// Whether `instant` lies inside the window.
    pub fn contains(&self, instant: DateTime<Utc>) -> bool {
        self.open_at_or_after(instant) == instant
    }

    /// `instant` itself if the window is open then, otherwise the moment it next opens.
    pub fn open_at_or_after(&self, instant: DateTime<Utc>) -> DateTime<Utc> {
        let today = instant.with_timezone(&ZONE).date_naive();
        // Any non-empty weekday set has a day within the next seven; the second week covers a
        // window that falls wholly into the skipped spring-forward hour on its only day.
        for date in (0..=14).filter_map(|ahead| today.checked_add_days(Days::new(ahead))) {
            if !self.days.contains(date.weekday()) {
                continue;
            }
            let (open, close) = self.bounds_on(date);
            if open < close && instant < close {
                return open.max(instant);
            }
        }
        // Not reached for a window built by `new`; answering "now" is the harmless fallback.
        instant
    }

    /// The instants the window opens and closes on `date`.
    fn bounds_on(&self, date: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
        let open = local_instant(date, self.from);
        let close = if self.to == NaiveTime::MIN {
            local_instant(date.succ_opt().unwrap_or(date), NaiveTime::MIN)
        } else {
            local_instant(date, self.to)
        };
        (open, close)
    }
}

/// The instant a Stockholm wall clock first shows `time` (or later) on `date`; see the module doc.
pub fn local_instant(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let wanted = date.and_time(time);
    match ZONE.from_local_datetime(&wanted) {
        LocalResult::Single(at) => at.with_timezone(&Utc),
        // Fall back: the first of the two occurrences.
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => after_gap(wanted),
    }
}

/// The instant a forward jump of the wall clock skips over `wanted`: the first wall-clock minute
/// after it that exists, which is the moment of the jump (zone changes happen on whole minutes).
fn after_gap(wanted: NaiveDateTime) -> DateTime<Utc> {
    let whole_minute = wanted.with_second(0).and_then(|t| t.with_nanosecond(0));
    let mut probe = whole_minute.unwrap_or(wanted);
    // Real gaps are an hour, rarely two; a day of probing is a bound, not an expectation.
    for _ in 0..24 * 60 {
        probe += TimeDelta::minutes(1);
        if let Some(at) = ZONE.from_local_datetime(&probe).earliest() {
            return at.with_timezone(&Utc);
        }
    }
    // No zone skips a whole day; read the time as UTC rather than fail.
    wanted.and_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    fn date(y: i32, mo: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, mo, d).unwrap()
    }

    #[test]
    fn skipped_and_repeated_local_times_resolve_to_the_first_moment_the_clock_shows_them() {
        // 2025-03-30: 02:00 CET jumps to 03:00 CEST (01:00 UTC).
        assert_eq!(
            local_instant(date(2025, 3, 30), time(2, 30)),
            Utc.with_ymd_and_hms(2025, 3, 30, 1, 0, 0).unwrap(),
            "02:30 does not exist that night; the clock passes it at the jump, 03:00 CEST"
        );
        // 2025-10-26: 03:00 CEST falls back to 02:00 CET, so 02:30 happens at 00:30 and 01:30 UTC.
        assert_eq!(
            local_instant(date(2025, 10, 26), time(2, 30)),
            Utc.with_ymd_and_hms(2025, 10, 26, 0, 30, 0).unwrap(),
            "the first of the two 02:30s is the one meant"
        );
    }

    #[test]
    fn a_window_inside_the_skipped_hour_does_not_open_that_day() {
        let window = Window::new(Weekdays::EVERY_DAY, time(2, 10), time(2, 50)).unwrap();
        let saturday_evening = Utc.with_ymd_and_hms(2025, 3, 29, 20, 0, 0).unwrap();
        assert_eq!(
            window.open_at_or_after(saturday_evening),
            Utc.with_ymd_and_hms(2025, 3, 31, 0, 10, 0).unwrap(),
            "02:10–02:50 never shows on the wall clock on 30 March, so the next opening is Monday"
        );
    }

    #[test]
    fn a_window_may_end_at_midnight_but_not_cross_it() {
        let all_day = Window::new(Weekdays::MON_TO_FRI, NaiveTime::MIN, NaiveTime::MIN).unwrap();
        let friday_late = Utc.with_ymd_and_hms(2025, 6, 13, 21, 59, 0).unwrap();
        assert!(
            all_day.contains(friday_late),
            "23:59 CEST Friday is inside a window that ends at Friday's midnight"
        );
        assert_eq!(
            Window::new(Weekdays::EVERY_DAY, time(22, 0), time(6, 0)),
            Err(ScheduleError::WindowEndNotAfterStart {
                from: time(22, 0),
                to: time(6, 0)
            })
        );
    }
}
