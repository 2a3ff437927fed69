//! The merchant's release settings, what can be wrong with them, and the status a release moves to.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::mapping::{StatusMapping, WarehouseStage};
use crate::schedule::{ScheduleError, Weekdays, parse_time, write_time};

/// How orders go to picking.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReleaseMode {
    /// In batches at the release times (and by hand). With no release times, only by hand.
    #[default]
    Batches,
    /// Each order as soon as it reaches the warehouse; no batches, no release times.
    OnArrival,
}

/// One release time: `at` local time (Europe/Stockholm) on `days`. Stored as
/// `{ "days": ["mon-fri"], "at": "07:00" }`; `days` left out means every day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TimeFields", into = "TimeFields")]
pub struct ReleaseTime {
    pub days: Weekdays,
    pub at: NaiveTime,
}

impl ReleaseTime {
    pub fn new(days: Weekdays, at: NaiveTime) -> Self {
        Self { days, at }
    }
}

/// How pickable an order must be to go in a batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PickableRule {
    /// Every line can be picked in full now.
    #[default]
    Fully,
    /// At least something can be picked now; the rest is backordered in the warehouse.
    AlsoPartly,
    /// Regardless of stock, even when nothing or nothing known can be picked.
    Any,
}

/// Which waiting orders a batch takes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct ReleaseRule {
    /// Shop status ids an order must be in; empty means any status.
    pub shop_statuses: Vec<i64>,
    /// Only orders the shop reports as paid.
    pub paid_only: bool,
    /// Shop shipping method ids an order must use; empty means any method (and none).
    pub shipping_methods: Vec<i64>,
    pub pickable: PickableRule,
    /// The most orders one batch takes, oldest first; `None` for no maximum. Never 0.
    pub max_per_batch: Option<u32>,
}

/// Everything the merchant sets about releasing orders. Reading it from JSON checks it (see
/// [`ReleaseSettings::validate`]); a field left out takes its default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", try_from = "SettingsFields")]
pub struct ReleaseSettings {
    pub mode: ReleaseMode,
    /// When batches are released. Ignored in [`ReleaseMode::OnArrival`].
    pub times: Vec<ReleaseTime>,
    /// Local dates (public holidays, the 3PL's closed days) on which no batch is released.
    pub holidays: Vec<NaiveDate>,
    pub rule: ReleaseRule,
    /// The warehouse status number releasing moves an order to; `None` for the lowest warehouse
    /// status mapped to [`WarehouseStage::Started`] (see [`release_target`]).
    pub released_status: Option<i32>,
}

/// Batches at 07:00 and 13:00, Monday to Friday, no holidays, only fully pickable orders, no
/// maximum, the release status taken from the status mapping.
impl Default for ReleaseSettings {
    fn default() -> Self {
        let at = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap_or(NaiveTime::MIN);
        Self {
            mode: ReleaseMode::Batches,
            times: vec![
                ReleaseTime::new(Weekdays::MON_TO_FRI, at(7)),
                ReleaseTime::new(Weekdays::MON_TO_FRI, at(13)),
            ],
            holidays: Vec::new(),
            rule: ReleaseRule::default(),
            released_status: None,
        }
    }
}

impl ReleaseSettings {
    /// Checks what the merchant entered: every release time has a day, no time is listed twice
    /// for the same day, and the batch maximum is not 0. (The release status is checked against
    /// the status mapping by [`release_target`], since the mapping changes on its own.)
    pub fn validate(&self) -> Result<(), ReleaseError> {
        let mut seen = BTreeSet::new();
        for time in &self.times {
            if time.days.is_empty() {
                return Err(ReleaseError::NoWeekdays { at: time.at });
            }
            for day in time.days.iter() {
                if !seen.insert((day.num_days_from_monday(), time.at)) {
                    return Err(ReleaseError::TimeListedTwice { day, at: time.at });
                }
            }
        }
        if self.rule.max_per_batch == Some(0) {
            return Err(ReleaseError::MaxPerBatchZero);
        }
        Ok(())
    }

    /// Whether no batch is released on this local date.
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.contains(&date)
    }

    /// The status a release moves orders to, under this mapping; see [`release_target`].
    pub fn release_target(&self, mapping: &StatusMapping) -> Result<ReleaseTarget, ReleaseError> {
        release_target(self.released_status, mapping)
    }
}

/// Where releasing moves an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReleaseTarget {
    /// The warehouse status to set in Ongoing.
    pub warehouse_status: i32,
    /// The shop status the mapping sets for it ("picking"); `None` leaves the shop status as is.
    pub shop_status: Option<i64>,
}

/// The status a release moves orders to: the chosen `released_status`, which must be mapped to
/// [`WarehouseStage::Started`], or with `None` the lowest warehouse status mapped to Started (the
/// first status the 3PL works from, Ongoing's 300 "Released" in a standard setup).
pub fn release_target(
    released_status: Option<i32>,
    mapping: &StatusMapping,
) -> Result<ReleaseTarget, ReleaseError> {
    let (status, rule) = match released_status {
        Some(status) => {
            let rule = mapping
                .warehouse_rule(status)
                .ok_or(ReleaseError::StatusNotMapped { status })?;
            if rule.stage != WarehouseStage::Started {
                return Err(ReleaseError::StatusNotStarted {
                    status,
                    stage: rule.stage,
                });
            }
            (status, rule)
        }
        None => mapping
            .warehouse
            .iter()
            .find(|(_, rule)| rule.stage == WarehouseStage::Started)
            .map(|(&status, &rule)| (status, rule))
            .ok_or(ReleaseError::NoStartedStatus)?,
    };
    Ok(ReleaseTarget {
        warehouse_status: status,
        shop_status: rule.shop_status,
    })
}

/// What is wrong with the release settings; the message names the value and what is expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReleaseError {
    /// A release time or its days could not be read.
    Time(ScheduleError),
    /// A release time without any day.
    NoWeekdays { at: NaiveTime },
    /// The same time on the same day twice.
    TimeListedTwice { day: Weekday, at: NaiveTime },
    /// A batch maximum of 0, which would release nothing.
    MaxPerBatchZero,
    /// The chosen release status is not in the status mapping.
    StatusNotMapped { status: i32 },
    /// The chosen release status is mapped to a stage other than Started.
    StatusNotStarted { status: i32, stage: WarehouseStage },
    /// No release status is chosen and none is mapped to Started.
    NoStartedStatus,
}

impl fmt::Display for ReleaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Time(error) => write!(f, "release time: {error}"),
            Self::NoWeekdays { at } => write!(
                f,
                "the release time {} has no weekday; pick at least one day",
                at.format("%H:%M")
            ),
            Self::TimeListedTwice { day, at } => write!(
                f,
                "the release time {} on {day} is listed twice; keep one",
                at.format("%H:%M")
            ),
            Self::MaxPerBatchZero => f.write_str(
                "the maximum per batch is 0, which would release nothing; \
                 leave it empty for no maximum or set at least 1",
            ),
            Self::StatusNotMapped { status } => write!(
                f,
                "the release status {status} is not in the status mapping; map it to the stage \
                 \"started\" or choose another status"
            ),
            Self::StatusNotStarted { status, stage } => write!(
                f,
                "the release status {status} is mapped to the stage \"{}\"; releasing must move \
                 orders to a status mapped to \"started\" (the 3PL picks from it)",
                stage_name(*stage)
            ),
            Self::NoStartedStatus => f.write_str(
                "no warehouse status is mapped to the stage \"started\", so there is no status \
                 to release orders to; map the status the 3PL picks from (Ongoing's standard is \
                 300, Released) or choose the release status",
            ),
        }
    }
}

impl std::error::Error for ReleaseError {}

impl From<ScheduleError> for ReleaseError {
    fn from(error: ScheduleError) -> Self {
        Self::Time(error)
    }
}

fn stage_name(stage: WarehouseStage) -> &'static str {
    match stage {
        WarehouseStage::Open => "open",
        WarehouseStage::Started => "started",
        WarehouseStage::Sent => "sent",
        WarehouseStage::Cancelled => "cancelled",
    }
}

/// A release time as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeFields {
    /// Every day when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    days: Option<Vec<String>>,
    at: String,
}

impl TryFrom<TimeFields> for ReleaseTime {
    type Error = ReleaseError;

    fn try_from(stored: TimeFields) -> Result<Self, Self::Error> {
        let days = match stored.days {
            None => Weekdays::EVERY_DAY,
            // An empty list reads as no day, which `validate` refuses naming the time.
            Some(days) => Weekdays::parse_items(&days)?,
        };
        Ok(Self::new(days, parse_time("at", &stored.at)?))
    }
}

impl From<ReleaseTime> for TimeFields {
    fn from(time: ReleaseTime) -> Self {
        Self {
            days: (time.days != Weekdays::EVERY_DAY).then(|| time.days.names()),
            at: write_time(time.at),
        }
    }
}

/// The settings as read, before they are checked.
#[derive(Debug, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
struct SettingsFields {
    mode: ReleaseMode,
    times: Vec<ReleaseTime>,
    holidays: Vec<NaiveDate>,
    rule: ReleaseRule,
    released_status: Option<i32>,
}

impl Default for SettingsFields {
    fn default() -> Self {
        let ReleaseSettings {
            mode,
            times,
            holidays,
            rule,
            released_status,
        } = ReleaseSettings::default();
        Self {
            mode,
            times,
            holidays,
            rule,
            released_status,
        }
    }
}

impl TryFrom<SettingsFields> for ReleaseSettings {
    type Error = ReleaseError;

    fn try_from(fields: SettingsFields) -> Result<Self, Self::Error> {
        let settings = Self {
            mode: fields.mode,
            times: fields.times,
            holidays: fields.holidays,
            rule: fields.rule,
            released_status: fields.released_status,
        };
        settings.validate()?;
        Ok(settings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, 0, 0).unwrap()
    }

    #[test]
    fn the_default_is_valid_and_round_trips() {
        let settings = ReleaseSettings::default();
        assert_eq!(
            settings.validate(),
            Ok(()),
            "the default must pass its own check"
        );
        let json = serde_json::to_string(&settings).unwrap();
        assert!(
            json.contains(r#"{"days":["mon","tue","wed","thu","fri"],"at":"07:00"}"#),
            "release times are stored the way schedules store them: {json}"
        );
        let back: ReleaseSettings = serde_json::from_str(&json).unwrap();
        assert_eq!(back, settings, "what is stored is read back unchanged");
    }

    #[test]
    fn a_time_on_a_day_twice_is_refused_naming_the_day() {
        let settings = ReleaseSettings {
            times: vec![
                ReleaseTime::new(Weekdays::MON_TO_FRI, at(7)),
                ReleaseTime::new(Weekdays::of(&[Weekday::Wed]), at(7)),
            ],
            ..ReleaseSettings::default()
        };
        let error = settings.validate().unwrap_err();
        assert_eq!(
            error,
            ReleaseError::TimeListedTwice {
                day: Weekday::Wed,
                at: at(7)
            }
        );
        assert!(
            error.to_string().contains("07:00 on Wed"),
            "the merchant must see which time is doubled: {error}"
        );
    }
}
