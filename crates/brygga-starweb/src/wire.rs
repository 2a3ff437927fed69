//! Reading Starweb's JSON shapes: the `{data}` envelope around single items, unpaged lists and
//! embedded children, and its ISO-8601 timestamps.
//!
//! Children embedded with `include` arrive wrapped (`"items": {"data": [...]}`), so the models read
//! them through [`wrapped`] and expose plain values. Timestamps carry the shop's UTC offset
//! (`2024-03-01T10:02:11+01:00`); they are kept with that offset, and query timestamps are written
//! the same way (reqwest encodes the `+` as `%2B`, as the docs require).

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::{Deserialize, Deserializer};

/// A timestamp as Starweb writes it.
pub type Timestamp = DateTime<FixedOffset>;

/// `{data: T}`.
#[derive(Debug, Deserialize)]
pub(crate) struct Data<T> {
    pub(crate) data: T,
}

/// Writes a timestamp for a query string: seconds precision with the offset.
pub(crate) fn query_time(at: &Timestamp) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Reads an optional `{data: T}` child: absent or `null` is `None`.
pub(crate) fn wrapped<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Ok(Option::<Data<T>>::deserialize(deserializer)?.map(|wrapper| wrapper.data))
}

/// Reads a list that Starweb writes as `{data: [...]}` (2.12.0) or as a plain array (2.11.0).
pub(crate) fn list_either_way<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either<T> {
        Wrapped { data: Vec<T> },
        Plain(Vec<T>),
    }
    Ok(match Option::<Either<T>>::deserialize(deserializer)? {
        Some(Either::Wrapped { data } | Either::Plain(data)) => data,
        None => Vec::new(),
    })
}

fn parse_time(text: &str) -> Option<Timestamp> {
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z"))
        .ok()
}

/// Reads an optional ISO-8601 timestamp with offset; an unreadable one is an error, not a guess.
pub(crate) fn time<'de, D>(deserializer: D) -> Result<Option<Timestamp>, D::Error>
where
    D: Deserializer<'de>,
{
    match Option::<String>::deserialize(deserializer)? {
        None => Ok(None),
        Some(text) if text.is_empty() => Ok(None),
        Some(text) => parse_time(&text).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!("'{text}' is not an ISO-8601 time with offset"))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "time")]
        at: Option<Timestamp>,
        #[serde(default, deserialize_with = "list_either_way")]
        names: Vec<String>,
    }

    #[test]
    fn shop_timestamps_keep_their_offset_and_go_back_out_the_same_way() {
        let probe: Probe = serde_json::from_str(r#"{"at":"2024-03-01T10:02:11+01:00"}"#).unwrap();
        let at = probe.at.expect("the timestamp is read");
        assert_eq!(
            query_time(&at),
            "2024-03-01T10:02:11+01:00",
            "a cursor written back is the value read"
        );
        assert!(
            serde_json::from_str::<Probe>(r#"{"at":"yesterday"}"#).is_err(),
            "a garbled modifiedAt must not silently become no time at all"
        );
    }

    #[test]
    fn lists_are_read_wrapped_or_plain() {
        let wrapped: Probe = serde_json::from_str(r#"{"names":{"data":["a"]}}"#).unwrap();
        let plain: Probe = serde_json::from_str(r#"{"names":["a"]}"#).unwrap();
        assert_eq!(
            wrapped.names, plain.names,
            "2.11.0 and 2.12.0 shapes mean the same"
        );
    }
}
