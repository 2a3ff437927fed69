//! A set of weekdays, as the merchant picks them for a schedule ("Mon–Fri", "every day").

use std::fmt;
use std::str::FromStr;

use chrono::Weekday;

use super::ScheduleError;

/// Which weekdays a schedule runs on. Stored as a bit per day, Monday first; serialized as a list
/// of short English names (`["mon", "tue"]`) by the settings types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Weekdays(u8);

/// Short names in Monday-first order, as written to settings.
const SHORT: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const LONG: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl Weekdays {
    /// No day at all; a window or daily schedule refuses it.
    pub const NONE: Self = Self(0);
    /// Monday to Sunday.
    pub const EVERY_DAY: Self = Self(0b111_1111);
    /// Monday to Friday.
    pub const MON_TO_FRI: Self = Self(0b001_1111);

    /// The set holding exactly these days.
    pub fn of(days: &[Weekday]) -> Self {
        days.iter().fold(Self::NONE, |set, &day| set.with(day))
    }

    /// This set plus `day`.
    #[must_use]
    pub fn with(self, day: Weekday) -> Self {
        Self(self.0 | 1 << day.num_days_from_monday())
    }

    pub fn contains(self, day: Weekday) -> bool {
        self.0 & 1 << day.num_days_from_monday() != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The days in the set, Monday first.
    pub fn iter(self) -> impl Iterator<Item = Weekday> {
        ALL_DAYS.into_iter().filter(move |&day| self.contains(day))
    }

    /// Short names of the days in the set, Monday first, as stored in settings.
    pub fn names(self) -> Vec<String> {
        self.iter().map(|day| short_name(day).to_owned()).collect()
    }

    /// Reads one settings item: a day (`mon`, `Monday`, any case) or a range of days (`mon-fri`;
    /// `fri-mon` wraps over the weekend).
    pub fn parse_item(item: &str) -> Result<Self, ScheduleError> {
        match item.split_once(['-', '–']) {
            Some((first, last)) => {
                let (first, last) = (parse_day(first)?, parse_day(last)?);
                let mut set = Self::NONE.with(first);
                let mut day = first;
                while day != last {
                    day = day.succ();
                    set = set.with(day);
                }
                Ok(set)
            }
            None => parse_day(item).map(|day| Self::NONE.with(day)),
        }
    }

    /// Reads a list of settings items; an empty list is the empty set (which validation refuses
    /// where a day is needed).
    pub fn parse_items<S: AsRef<str>>(items: &[S]) -> Result<Self, ScheduleError> {
        items.iter().try_fold(Self::NONE, |set, item| {
            Self::parse_item(item.as_ref()).map(|more| Self(set.0 | more.0))
        })
    }
}

/// `"mon-fri"`, `"mon,wed,fri"`, `"sat, sun"`: a comma-separated list of days and ranges.
impl FromStr for Weekdays {
    type Err = ScheduleError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let items: Vec<&str> = text.split(',').collect();
        Self::parse_items(&items)
    }
}

impl fmt::Display for Weekdays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.names().join(","))
    }
}

const ALL_DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn short_name(day: Weekday) -> &'static str {
    SHORT[day.num_days_from_monday() as usize]
}

fn parse_day(text: &str) -> Result<Weekday, ScheduleError> {
    let wanted = text.trim().to_lowercase();
    SHORT
        .iter()
        .zip(LONG)
        .position(|(&short, long)| wanted == short || wanted == long)
        .map(|index| ALL_DAYS[index])
        .ok_or_else(|| ScheduleError::UnknownWeekday(text.trim().to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_ranges_read_the_way_a_merchant_writes_them() {
        assert_eq!("mon-fri".parse::<Weekdays>(), Ok(Weekdays::MON_TO_FRI));
        assert_eq!(
            "Monday, Wednesday,FRI".parse::<Weekdays>(),
            Ok(Weekdays::of(&[Weekday::Mon, Weekday::Wed, Weekday::Fri]))
        );
        assert_eq!(
            "fri-mon".parse::<Weekdays>(),
            Ok(Weekdays::of(&[
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
                Weekday::Mon
            ])),
            "a range that ends before it starts wraps over the weekend"
        );
        assert_eq!(Weekdays::MON_TO_FRI.to_string(), "mon,tue,wed,thu,fri");
    }

    #[test]
    fn an_unknown_day_is_named_in_the_error() {
        let error = "mon,fredag".parse::<Weekdays>().unwrap_err();
        assert_eq!(error, ScheduleError::UnknownWeekday("fredag".into()));
        assert!(
            error.to_string().contains("\"fredag\""),
            "the merchant must see which word was not understood: {error}"
        );
    }
}
