//! Time in the simulated shop: a clock that tests can move, and timestamps written and read the way
//! Starweb's API writes them (ISO-8601 with the shop's Swedish UTC offset, `2024-03-01T10:02:11+01:00`).
//!
//! The clock is the system time plus an offset, so tokens expire and `modifiedAt` moves on without a
//! test ever sleeping. The Stockholm offset follows the EU summer-time rule (last Sunday of March to
//! last Sunday of October, switching at 01:00 UTC), which is all a Swedish shop needs and spares the
//! crate a time-zone database.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat,
    Timelike, Utc,
};

/// The simulator's clock: system time shifted by an offset that tests set or advance.
#[derive(Debug, Clone, Copy, Default)]
pub struct SimClock {
    offset: Duration,
}

impl SimClock {
    /// The simulated present, in whole seconds as Starweb stores its timestamps.
    pub fn now(&self) -> DateTime<Utc> {
        whole_seconds(Utc::now() + self.offset)
    }

    /// Moves the simulated present forward (or back, with a negative duration).
    pub fn advance(&mut self, by: Duration) {
        self.offset += by;
    }

    /// Makes the simulated present `to`; it goes on ticking from there.
    pub fn set(&mut self, to: DateTime<Utc>) {
        self.offset = to - Utc::now();
    }

    /// How far the simulated present is from the system time.
    pub fn offset(&self) -> Duration {
        self.offset
    }
}

/// Drops the fraction of a second, which Starweb's timestamps do not have.
pub fn whole_seconds(at: DateTime<Utc>) -> DateTime<Utc> {
    at.with_nanosecond(0).unwrap_or(at)
}

/// The last Sunday of a 31-day month (March and October are the ones the summer-time rule needs).
fn last_sunday_of(year: i32, month: u32) -> NaiveDate {
    let last = NaiveDate::from_ymd_opt(year, month, 31).expect("March and October have 31 days");
    last - Duration::days(i64::from(last.weekday().num_days_from_sunday()))
}

/// Sweden's UTC offset at an instant: +02:00 in summer time, +01:00 otherwise.
pub fn stockholm_offset(at: DateTime<Utc>) -> FixedOffset {
    let year = at.year();
    let switch = NaiveTime::from_hms_opt(1, 0, 0).expect("01:00 is a time of day");
    let summer_starts = last_sunday_of(year, 3).and_time(switch).and_utc();
    let summer_ends = last_sunday_of(year, 10).and_time(switch).and_utc();
    let hours = if at >= summer_starts && at < summer_ends {
        2
    } else {
        1
    };
    FixedOffset::east_opt(hours * 3600).expect("one or two hours is a valid offset")
}

/// Writes an instant as Starweb does: seconds precision, Swedish local time with its offset.
pub fn format_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&stockholm_offset(at))
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Reads a timestamp from a query string or body: ISO-8601 with an offset, or without one (then it is
/// Swedish local time), or a bare date (midnight Swedish time). A `+` that was not URL-encoded arrives
/// as a space and is refused here, as the docs warn it would be.
pub fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Some(at.to_utc());
    }
    if let Ok(at) = DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z") {
        return Some(at.to_utc());
    }
    let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S"))
        .ok()
        .or_else(|| {
            NaiveDate::parse_from_str(text, "%Y-%m-%d")
                .ok()
                .map(|date| date.and_time(NaiveTime::MIN))
        })?;
    // The offset is looked up an hour early so that the hour around a switch resolves to one side.
    let offset = stockholm_offset(local.and_utc() - Duration::hours(1));
    Some((local - Duration::seconds(i64::from(offset.local_minus_utc()))).and_utc())
}
