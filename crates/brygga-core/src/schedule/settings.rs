//! The stored form of a schedule, and what can be wrong with what the merchant entered.
//!
//! Times are written `HH:MM` (seconds allowed, `HH:MM:SS`); a window's end may be `24:00` for
//! midnight. Days are short or long English names, or ranges like `mon-fri`.

use std::fmt;

use chrono::{NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use super::{Cadence, Flow, MAX_INTERVAL_MINUTES, Schedule, Weekdays, Window};

/// What is wrong with a schedule; the message names the offending value and what is expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleError {
    /// The interval is zero or negative (in minutes).
    IntervalNotPositive { minutes: i64 },
    /// The interval has seconds beyond whole minutes.
    IntervalNotWholeMinutes { seconds: i64 },
    /// The interval is longer than [`MAX_INTERVAL_MINUTES`].
    IntervalTooLong { minutes: i64 },
    /// A window or daily schedule without any day.
    NoWeekdays,
    /// A day name that is not understood.
    UnknownWeekday(String),
    /// A time that is not `HH:MM`; `field` says which one.
    BadTime { field: &'static str, value: String },
    /// The window's end is not after its start on the same day.
    WindowEndNotAfterStart { from: NaiveTime, to: NaiveTime },
    /// A flow name that is not one of [`Flow::ALL`].
    UnknownFlow(String),
    /// One flow's schedule is wrong.
    InFlow {
        flow: Flow,
        error: Box<ScheduleError>,
    },
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::IntervalNotPositive { minutes } => write!(
                f,
                "the interval is {minutes} minutes; it must be at least 1 minute"
            ),
            Self::IntervalNotWholeMinutes { seconds } => write!(
                f,
                "the interval is {seconds} seconds; it must be whole minutes"
            ),
            Self::IntervalTooLong { minutes } => write!(
                f,
                "the interval is {minutes} minutes, longer than a day ({MAX_INTERVAL_MINUTES}); \
                 use a daily time instead"
            ),
            Self::NoWeekdays => f.write_str("no weekday is chosen; pick at least one day"),
            Self::UnknownWeekday(text) => write!(
                f,
                "unknown weekday \"{text}\"; expected mon, tue, wed, thu, fri, sat, sun \
                 or a range such as mon-fri"
            ),
            Self::BadTime { field, value } => write!(
                f,
                "\"{value}\" is not a time of day for `{field}`; expected HH:MM such as 07:00"
            ),
            Self::WindowEndNotAfterStart { from, to } => write!(
                f,
                "the window ends at {} but starts at {}; it must end later the same day \
                 (24:00 for midnight), windows across midnight are not supported",
                to.format("%H:%M"),
                from.format("%H:%M"),
            ),
            Self::UnknownFlow(text) => {
                let known: Vec<&str> = Flow::ALL.iter().map(|flow| flow.as_str()).collect();
                write!(
                    f,
                    "unknown flow \"{text}\"; expected one of {}",
                    known.join(", ")
                )
            }
            Self::InFlow { flow, error } => write!(f, "schedule for {flow}: {error}"),
        }
    }
}

impl std::error::Error for ScheduleError {}

pub(super) fn check_interval(interval: TimeDelta) -> Result<(), ScheduleError> {
    let minutes = interval.num_minutes();
    if interval <= TimeDelta::zero() {
        Err(ScheduleError::IntervalNotPositive { minutes })
    } else if interval != TimeDelta::minutes(minutes) {
        Err(ScheduleError::IntervalNotWholeMinutes {
            seconds: interval.num_seconds(),
        })
    } else if minutes > MAX_INTERVAL_MINUTES {
        Err(ScheduleError::IntervalTooLong { minutes })
    } else {
        Ok(())
    }
}

/// A schedule as stored; checked when turned into a [`Schedule`].
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub(super) enum ScheduleSettings {
    Every {
        minutes: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        window: Option<WindowSettings>,
    },
    Daily {
        at: String,
        /// Every day when left out.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days: Option<Vec<String>>,
    },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WindowSettings {
    /// Every day when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days: Option<Vec<String>>,
    from: String,
    to: String,
}

impl TryFrom<ScheduleSettings> for Schedule {
    type Error = ScheduleError;

    fn try_from(stored: ScheduleSettings) -> Result<Self, Self::Error> {
        match stored {
            ScheduleSettings::Every { minutes, window } => {
                let window = window.map(Window::try_from).transpose()?;
                let interval = TimeDelta::try_minutes(minutes)
                    .ok_or(ScheduleError::IntervalTooLong { minutes })?;
                Schedule::every(interval, window)
            }
            ScheduleSettings::Daily { at, days } => {
                Schedule::daily_at(parse_time("at", &at)?, read_days(days)?)
            }
        }
    }
}

impl From<Schedule> for ScheduleSettings {
    fn from(schedule: Schedule) -> Self {
        match schedule.cadence() {
            Cadence::Every { interval, window } => ScheduleSettings::Every {
                minutes: interval.num_minutes(),
                window: window.map(WindowSettings::from),
            },
            Cadence::Daily { at, days } => ScheduleSettings::Daily {
                at: write_time(at),
                days: (days != Weekdays::EVERY_DAY).then(|| days.names()),
            },
        }
    }
}

impl TryFrom<WindowSettings> for Window {
    type Error = ScheduleError;

    fn try_from(stored: WindowSettings) -> Result<Self, Self::Error> {
        let from = parse_time("from", &stored.from)?;
        let to = match stored.to.trim() {
            "24:00" | "24:00:00" => NaiveTime::MIN,
            text => parse_time("to", text)?,
        };
        Window::new(read_days(stored.days)?, from, to)
    }
}

impl From<Window> for WindowSettings {
    fn from(window: Window) -> Self {
        let to = if window.to() == NaiveTime::MIN {
            "24:00".to_owned()
        } else {
            write_time(window.to())
        };
        Self {
            days: (window.days() != Weekdays::EVERY_DAY).then(|| window.days().names()),
            from: write_time(window.from()),
            to,
        }
    }
}

/// Absent means every day; present but empty is refused by the constructors.
fn read_days(days: Option<Vec<String>>) -> Result<Weekdays, ScheduleError> {
    days.map_or(Ok(Weekdays::EVERY_DAY), |days| Weekdays::parse_items(&days))
}

/// Reads `HH:MM` or `HH:MM:SS` (one-digit hours allowed). Release times are read the same way.
pub(crate) fn parse_time(field: &'static str, text: &str) -> Result<NaiveTime, ScheduleError> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .map_err(|_| ScheduleError::BadTime {
            field,
            value: text.to_owned(),
        })
}

/// Writes `HH:MM`, with seconds only when there are any.
pub(crate) fn write_time(time: NaiveTime) -> String {
    if time.format("%S").to_string() == "00" {
        time.format("%H:%M").to_string()
    } else {
        time.format("%H:%M:%S").to_string()
    }
}
