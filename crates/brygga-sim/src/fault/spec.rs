//! How often each fault happens, and the one-line form it is written in.
//!
//! `brygga sim --faults error=0.1,429=0.05,retry-after=2s,latency=50ms,drop=0.01,malformed=0.02`
//! is how a person asks for a flaky API, so the string form is the primary one; the control route
//! takes the same settings as JSON ([`FaultSpecJson`]) with durations in milliseconds.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How often API calls fail, and how. Rates are probabilities per request, together at most 1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FaultSpec {
    /// `error=`: answered 500 or 503 (even odds) without reaching the handler.
    pub error_rate: f64,
    /// `429=`: answered 429 without reaching the handler.
    pub rate_limit_rate: f64,
    /// `retry-after=`: the `Retry-After` of those 429s; `None` sends none.
    pub retry_after: Option<Duration>,
    /// `latency=`: added before every API call, faulty or not.
    pub latency: Duration,
    /// `drop=`: the handler runs, then the connection is closed without a response.
    pub drop_rate: f64,
    /// `malformed=`: the handler runs, then its body is cut in half.
    pub malformed_rate: f64,
}

/// A fault spec item that could not be understood, with the item quoted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("fault spec item `{item}`: {reason}")]
pub struct FaultSpecError {
    pub item: String,
    pub reason: String,
}

impl FaultSpec {
    /// No faults at all.
    pub fn none() -> Self {
        Self::default()
    }

    pub fn is_none(&self) -> bool {
        *self == Self::none()
    }

    /// Checks that each rate is a probability and that together they are one too.
    pub fn validate(&self) -> Result<(), FaultSpecError> {
        let rates = [
            ("error", self.error_rate),
            ("429", self.rate_limit_rate),
            ("drop", self.drop_rate),
            ("malformed", self.malformed_rate),
        ];
        for (key, rate) in rates {
            if !(0.0..=1.0).contains(&rate) {
                return Err(FaultSpecError {
                    item: format!("{key}={rate}"),
                    reason: "a rate is a probability between 0 and 1".into(),
                });
            }
        }
        let total: f64 = rates.iter().map(|(_, rate)| rate).sum();
        if total > 1.0 + f64::EPSILON {
            return Err(FaultSpecError {
                item: self.to_string(),
                reason: format!("the rates add up to {total}, more than 1"),
            });
        }
        Ok(())
    }
}

impl FromStr for FaultSpec {
    type Err = FaultSpecError;

    /// Comma-separated `key=value` items, any order, each key at most once; empty means no faults.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut spec = Self::none();
        let mut seen: Vec<&str> = Vec::new();
        if text.trim().is_empty() {
            return Ok(spec);
        }
        for item in text.split(',').map(str::trim) {
            let fail = |reason: &str| FaultSpecError {
                item: item.to_owned(),
                reason: reason.into(),
            };
            let Some((key, value)) = item.split_once('=').map(|(k, v)| (k.trim(), v.trim())) else {
                return Err(fail("expected key=value"));
            };
            if seen.contains(&key) {
                return Err(fail("given twice"));
            }
            seen.push(key);
            match key {
                "error" => spec.error_rate = rate(value).map_err(|r| fail(&r))?,
                "429" => spec.rate_limit_rate = rate(value).map_err(|r| fail(&r))?,
                "drop" => spec.drop_rate = rate(value).map_err(|r| fail(&r))?,
                "malformed" => spec.malformed_rate = rate(value).map_err(|r| fail(&r))?,
                "retry-after" => spec.retry_after = Some(duration(value).map_err(|r| fail(&r))?),
                "latency" => spec.latency = duration(value).map_err(|r| fail(&r))?,
                _ => {
                    return Err(fail(
                        "unknown key; known: error, 429, retry-after, latency, drop, malformed",
                    ));
                }
            }
        }
        spec.validate()?;
        Ok(spec)
    }
}

/// The string form [`FromStr`] reads, leaving out what is off; empty for no faults.
impl fmt::Display for FaultSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut items = Vec::new();
        for (key, rate) in [("error", self.error_rate), ("429", self.rate_limit_rate)] {
            if rate > 0.0 {
                items.push(format!("{key}={rate}"));
            }
        }
        if let Some(after) = self.retry_after {
            items.push(format!("retry-after={}ms", after.as_millis()));
        }
        if !self.latency.is_zero() {
            items.push(format!("latency={}ms", self.latency.as_millis()));
        }
        for (key, rate) in [("drop", self.drop_rate), ("malformed", self.malformed_rate)] {
            if rate > 0.0 {
                items.push(format!("{key}={rate}"));
            }
        }
        f.write_str(&items.join(","))
    }
}

fn rate(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(rate) if (0.0..=1.0).contains(&rate) => Ok(rate),
        _ => Err("a rate is a probability between 0 and 1, like 0.05".into()),
    }
}

/// `50ms`, `2s` or `1.5s`.
fn duration(value: &str) -> Result<Duration, String> {
    let unitless = || "a duration needs a unit: 50ms or 2s".to_owned();
    let (number, scale) = if let Some(ms) = value.strip_suffix("ms") {
        (ms, 0.001)
    } else if let Some(s) = value.strip_suffix('s') {
        (s, 1.0)
    } else {
        return Err(unitless());
    };
    match number.trim().parse::<f64>() {
        Ok(amount) if amount.is_finite() && amount >= 0.0 => {
            Ok(Duration::from_secs_f64(amount * scale))
        }
        _ => Err(unitless()),
    }
}

/// [`FaultSpec`] as the control route reads and writes it: durations in whole milliseconds, every
/// field optional on the way in (absent = off).
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct FaultSpecJson {
    pub error_rate: f64,
    pub rate_limit_rate: f64,
    pub retry_after_ms: Option<u64>,
    pub latency_ms: u64,
    pub drop_rate: f64,
    pub malformed_rate: f64,
}

impl From<FaultSpec> for FaultSpecJson {
    fn from(spec: FaultSpec) -> Self {
        let millis = |d: Duration| u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
        Self {
            error_rate: spec.error_rate,
            rate_limit_rate: spec.rate_limit_rate,
            retry_after_ms: spec.retry_after.map(millis),
            latency_ms: millis(spec.latency),
            drop_rate: spec.drop_rate,
            malformed_rate: spec.malformed_rate,
        }
    }
}

impl TryFrom<FaultSpecJson> for FaultSpec {
    type Error = FaultSpecError;

    fn try_from(json: FaultSpecJson) -> Result<Self, Self::Error> {
        let spec = Self {
            error_rate: json.error_rate,
            rate_limit_rate: json.rate_limit_rate,
            retry_after: json.retry_after_ms.map(Duration::from_millis),
            latency: Duration::from_millis(json.latency_ms),
            drop_rate: json.drop_rate,
            malformed_rate: json.malformed_rate,
        };
        spec.validate()?;
        Ok(spec)
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::FaultSpec;

    #[test]
    fn the_fault_spec_string_reads_every_item() {
        let spec: FaultSpec =
            "error=0.1,429=0.05,retry-after=2s,latency=50ms,drop=0.01,malformed=0.02"
                .parse()
                .expect("the documented example");
        let expected = FaultSpec {
            error_rate: 0.1,
            rate_limit_rate: 0.05,
            retry_after: Some(Duration::from_secs(2)),
            latency: Duration::from_millis(50),
            drop_rate: 0.01,
            malformed_rate: 0.02,
        };
        assert_eq!(spec, expected, "each key sets its field");
        assert_eq!(
            spec.to_string().parse::<FaultSpec>(),
            Ok(spec),
            "Display reads back the same"
        );
        assert_eq!(
            "".parse::<FaultSpec>(),
            Ok(FaultSpec::none()),
            "empty means no faults"
        );
        assert_eq!(
            " 429 = 0.5 ".parse::<FaultSpec>().map(|s| s.retry_after),
            Ok(None),
            "no header"
        );
    }

    #[test]
    fn a_bad_fault_spec_item_is_named() {
        for (text, item) in [
            ("error=lots", "error=lots"),
            ("latency=50", "latency=50"),
            ("error=0.1,surprise=1", "surprise=1"),
            ("drop=0.1,drop=0.2", "drop=0.2"),
            ("malformed", "malformed"),
            ("429=1.5", "429=1.5"),
        ] {
            let error = text.parse::<FaultSpec>().expect_err("an invalid spec");
            assert_eq!(error.item, item, "`{text}` fails on its bad item: {error}");
            assert!(
                error.to_string().contains(item),
                "the message quotes it: {error}"
            );
        }
        let too_much = "error=0.6,429=0.6"
            .parse::<FaultSpec>()
            .expect_err("rates add up past 1");
        assert!(
            too_much.reason.contains("1.2"),
            "the sum is given: {too_much}"
        );
    }
}
