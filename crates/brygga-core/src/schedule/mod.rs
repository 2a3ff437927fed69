//! When each flow runs: an interval inside a weekday/time window, or a daily time, in Swedish
//! wall-clock time.
//!
//! The merchant owns these settings ("articles every 30 minutes, 07–20 on weekdays"); the engine
//! asks [`due_flows`] on every tick of its [`Clock`](crate::clock::Clock) and runs what it returns.
//! Everything here is a pure function of the settings, the last runs and "now", so a test can
//! fast-forward a weekend in a loop.
//!
//! Two rules shape the answers:
//!
//! - **Catch up once, not N times.** A flow whose next run passed while the computer was off (or
//!   asleep, or the app closed) is due *once, now* if its window is open, else at the next window
//!   opening. Every flow reads a change feed or a full state, so one run covers all that was
//!   missed; replaying the missed runs would only repeat the same calls. A flow that never ran is
//!   due now in the same way. The same holds for the nightly reconciliation: a missed night is
//!   made up once when the app next runs. (Order *release* batches are the opposite case and are
//!   not scheduled here: a missed release waits for the merchant, see the product doc.)
//! - **Wall-clock time.** Windows and daily times are local times in Europe/Stockholm, kept as
//!   such across daylight-saving changes; see [`window`] for skipped and repeated hours.
//!
//! Intervals run start to start: the engine passes the instant a run *started* as its last run.
//!
//! Stored as JSON, one entry per flow; a flow left out runs only by hand:
//!
//! ```json
//! { "articles":  { "kind": "every", "minutes": 30,
//!                  "window": { "days": ["mon-fri"], "from": "07:00", "to": "20:00" } },
//!   "orders":    { "kind": "every", "minutes": 5 },
//!   "reconcile": { "kind": "daily", "at": "02:30" } }
//! ```

mod due;
mod settings;
mod weekdays;
pub mod window;

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use chrono::{NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

pub use due::{due_flows, is_due, next_due, next_runs};
pub use settings::ScheduleError;
pub(crate) use settings::{parse_time, write_time};
pub use weekdays::Weekdays;
pub use window::{Window, ZONE};

/// The scheduled flows of the product doc. Release batches have their own times and rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Flow {
    /// Articles, shop to warehouse.
    Articles,
    /// New and changed orders, shop to warehouse.
    Orders,
    /// Order statuses and tracking, warehouse to shop.
    Statuses,
    /// Sellable stock, warehouse to shop, from the change feed.
    Stock,
    /// The full stock comparison of every article.
    Reconcile,
    /// Purchase order receipts, warehouse to Brygga: what arrived, and the deviations.
    PurchaseOrders,
    /// Customer returns, warehouse to Brygga: announced, arrived, and the 3PL's own.
    Returns,
}

impl Flow {
    /// Every flow, in the order the engine runs them when several are due.
    pub const ALL: [Flow; 7] = [
        Flow::Articles,
        Flow::Orders,
        Flow::Statuses,
        Flow::Stock,
        Flow::Reconcile,
        Flow::PurchaseOrders,
        Flow::Returns,
    ];

    /// The name used in settings, logs and the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Flow::Articles => "articles",
            Flow::Orders => "orders",
            Flow::Statuses => "statuses",
            Flow::Stock => "stock",
            Flow::Reconcile => "reconcile",
            Flow::PurchaseOrders => "purchaseOrders",
            Flow::Returns => "returns",
        }
    }

    /// The schedule a new installation starts with, after the peers' defaults: articles change
    /// during office hours, orders and statuses matter at all hours (customers shop at night and
    /// the 3PL may work shifts), the full stock comparison runs when nobody is working, and
    /// purchase order receipts are read every two hours (deliveries arrive a few times a day).
    pub fn default_schedule(self) -> Schedule {
        let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or(NaiveTime::MIN);
        let every = |minutes| {
            Schedule(Cadence::Every {
                interval: TimeDelta::minutes(minutes),
                window: None,
            })
        };
        match self {
            Flow::Articles => Schedule(Cadence::Every {
                interval: TimeDelta::minutes(30),
                window: Some(
                    Window::new(Weekdays::MON_TO_FRI, hm(7, 0), hm(20, 0))
                        .expect("07:00–20:00 on weekdays is a valid window"),
                ),
            }),
            Flow::Orders => every(5),
            Flow::Statuses | Flow::Stock => every(10),
            Flow::Reconcile => Schedule(Cadence::Daily {
                at: hm(2, 30),
                days: Weekdays::EVERY_DAY,
            }),
            Flow::PurchaseOrders => every(120),
            Flow::Returns => every(30),
        }
    }
}

impl fmt::Display for Flow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Flow {
    type Err = ScheduleError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Flow::ALL
            .into_iter()
            .find(|flow| flow.as_str().eq_ignore_ascii_case(text.trim()))
            .ok_or_else(|| ScheduleError::UnknownFlow(text.trim().to_owned()))
    }
}

/// How often a flow runs. Read with [`Schedule::cadence`]; built only through the checked
/// constructors, so an interval of zero or a backwards window cannot reach the engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    /// Every `interval` (whole minutes, one minute to one day), inside `window` if there is one.
    Every {
        interval: TimeDelta,
        window: Option<Window>,
    },
    /// Once a day at local time `at`, on `days`.
    Daily { at: NaiveTime, days: Weekdays },
}

/// One flow's schedule, valid by construction; stored as JSON (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    try_from = "settings::ScheduleSettings",
    into = "settings::ScheduleSettings"
)]
pub struct Schedule(Cadence);

/// The longest interval; beyond a day a daily schedule says what is meant.
pub const MAX_INTERVAL_MINUTES: i64 = 24 * 60;

impl Schedule {
    /// Every `interval`, optionally only inside `window`.
    pub fn every(interval: TimeDelta, window: Option<Window>) -> Result<Self, ScheduleError> {
        settings::check_interval(interval)?;
        Ok(Self(Cadence::Every { interval, window }))
    }

    /// Every `minutes` minutes, optionally only inside `window`.
    pub fn every_minutes(minutes: i64, window: Option<Window>) -> Result<Self, ScheduleError> {
        Self::every(TimeDelta::minutes(minutes), window)
    }

    /// Once a day at local time `at` on `days`.
    pub fn daily_at(at: NaiveTime, days: Weekdays) -> Result<Self, ScheduleError> {
        if days.is_empty() {
            return Err(ScheduleError::NoWeekdays);
        }
        Ok(Self(Cadence::Daily { at, days }))
    }

    pub fn cadence(&self) -> Cadence {
        self.0
    }
}

/// Every flow's schedule. A flow without one runs only when the merchant starts it. Reading it
/// from JSON checks every schedule; an error names the flow and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Schedules(BTreeMap<Flow, Schedule>);

impl Schedules {
    /// No flow scheduled: everything by hand.
    pub fn manual_only() -> Self {
        Self(BTreeMap::new())
    }

    pub fn get(&self, flow: Flow) -> Option<&Schedule> {
        self.0.get(&flow)
    }

    /// Schedules `flow`, or with `None` leaves it to be run by hand.
    pub fn set(&mut self, flow: Flow, schedule: Option<Schedule>) {
        match schedule {
            Some(schedule) => self.0.insert(flow, schedule),
            None => self.0.remove(&flow),
        };
    }

    /// The scheduled flows in [`Flow::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Flow, &Schedule)> {
        self.0.iter().map(|(&flow, schedule)| (flow, schedule))
    }
}

/// Every flow on its [`Flow::default_schedule`].
impl Default for Schedules {
    fn default() -> Self {
        Self(
            Flow::ALL
                .into_iter()
                .map(|flow| (flow, flow.default_schedule()))
                .collect(),
        )
    }
}

impl<'de> Deserialize<'de> for Schedules {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = BTreeMap::<Flow, settings::ScheduleSettings>::deserialize(deserializer)?;
        raw.into_iter()
            .map(|(flow, stored)| {
                Schedule::try_from(stored)
                    .map(|schedule| (flow, schedule))
                    .map_err(|error| ScheduleError::InFlow {
                        flow,
                        error: Box::new(error),
                    })
            })
            .collect::<Result<_, _>>()
            .map(Self)
            .map_err(serde::de::Error::custom)
    }
}
