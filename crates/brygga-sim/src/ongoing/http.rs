//! The HTTP edges every Ongoing route shares: Basic auth, query strings, JSON bodies, date-times and
//! the error body.
//!
//! The spec declares no error responses at all (`ongoing-api.md` §2, §9), so the shape here is our
//! choice, kept small and stated once: every refusal is a 4xx whose JSON body is `{"message": …}`,
//! plus the resource id (`orderId`, `purchaseOrderId`, …) when the refusal is about an existing
//! resource. That body is also a valid instance of the write responses (`PostOrderResponse` and
//! friends have only optional `id` and `message`), so a client that parses every body with the
//! operation's response schema still gets the reason.
//!
//! Query strings are parsed by hand because the spec's arrays are `style: form, explode: true`
//! (`?articleNumbers=A&articleNumbers=B`), which `axum::extract::Query` cannot read into a list.
//! Names are matched without regard to case, as the ASP.NET model binder behind the real API does.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// A refused API call: the status code and the JSON body that explains it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
    resource: Option<(&'static str, i32)>,
    challenge: bool,
}

impl ApiError {
    /// Missing or wrong user name or password: 401 with a Basic challenge.
    pub(crate) fn unauthorized(message: impl Into<String>) -> Self {
        Self {
            challenge: true,
            ..Self::new(StatusCode::UNAUTHORIZED, message)
        }
    }

    /// Valid credentials used for a goods owner the API user does not belong to. Ongoing's API
    /// users "only have access to a single goods owner"; the spec gives no status, so we answer
    /// 403 and name the id, which separates this mistake from a wrong password.
    pub(crate) fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    pub(crate) fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// The warehouse will not do this to an existing resource (for example it has started picking
    /// the order). The status code is not stated anywhere; 400 is what the ASP.NET stack behind the
    /// real API uses for refused input, and the message says why.
    pub(crate) fn refused(id_field: &'static str, id: i32, message: impl Into<String>) -> Self {
        Self {
            resource: Some((id_field, id)),
            ..Self::new(StatusCode::BAD_REQUEST, message)
        }
    }

    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            resource: None,
            challenge: false,
        }
    }

    pub(crate) fn status(&self) -> StatusCode {
        self.status
    }

    pub(crate) fn message(&self) -> &str {
        &self.message
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = serde_json::Map::new();
        if let Some((field, id)) = self.resource {
            body.insert(field.to_owned(), id.into());
        }
        body.insert("message".to_owned(), self.message.into());
        let mut response =
            (self.status, axum::Json(serde_json::Value::Object(body))).into_response();
        if self.challenge {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"Ongoing WMS\""),
            );
        }
        response
    }
}

/// Checks `Authorization: Basic base64(user:password)` against the configured API user.
pub(crate) fn check_basic_auth(
    headers: &HeaderMap,
    user: &str,
    password: &str,
) -> Result<(), ApiError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Err(ApiError::unauthorized(
            "Authorization has been denied for this request: send HTTP Basic credentials of the API user.",
        ));
    };
    let decoded = value
        .to_str()
        .ok()
        .and_then(|text| text.strip_prefix("Basic "))
        .and_then(|encoded| {
            base64::engine::general_purpose::STANDARD
                .decode(encoded.trim())
                .ok()
        })
        .and_then(|bytes| String::from_utf8(bytes).ok());
    match decoded.as_deref().and_then(|pair| pair.split_once(':')) {
        Some((given_user, given_password)) if given_user == user && given_password == password => {
            Ok(())
        }
        Some(_) => Err(ApiError::unauthorized(
            "Authorization has been denied for this request: wrong API user name or password.",
        )),
        None => Err(ApiError::unauthorized(
            "Authorization has been denied for this request: the Authorization header is not HTTP Basic.",
        )),
    }
}

/// A 200 or 201 JSON response.
pub(crate) fn json<T: Serialize>(status: StatusCode, body: &T) -> Response {
    (status, axum::Json(body)).into_response()
}

/// Reads a JSON request body into `T`, answering 400 with serde's reason when it does not fit.
pub(crate) fn parse_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body)
        .map_err(|error| ApiError::bad_request(format!("The request body is not valid: {error}")))
}

/// Formats a time the way the API's responses do: UTC with a `Z`.
pub(crate) fn format_time(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses a request date-time. The docs ask for UTC with an offset; a value without one is read
/// as UTC, and a bare date as its midnight UTC.
pub(crate) fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return Some(time.with_timezone(&Utc));
    }
    if let Ok(time) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(time.and_utc());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .and_then(|date| date.and_hms_opt(0, 0, 0))
        .map(|time| time.and_utc())
}

/// Parses a required date-time field of a request body.
pub(crate) fn parse_body_time(field: &str, text: &str) -> Result<DateTime<Utc>, ApiError> {
    parse_time(text)
        .ok_or_else(|| ApiError::bad_request(format!("{field} '{text}' is not a date-time.")))
}

/// The decoded `name=value` pairs of a query string, in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    pub(crate) fn parse(raw: Option<&str>) -> Self {
        let pairs = raw
            .unwrap_or_default()
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (percent_decode(name), percent_decode(value))
            })
            .collect();
        Self(pairs)
    }

    /// The first non-empty value of `name`; an empty value means "not given", as for the API's
    /// nullable parameters.
    pub(crate) fn first(&self, name: &str) -> Option<&str> {
        self.all(name).into_iter().next()
    }

    /// Every non-empty value of a repeated (array) parameter.
    pub(crate) fn all(&self, name: &str) -> Vec<&str> {
        self.0
            .iter()
            .filter(|(key, value)| key.eq_ignore_ascii_case(name) && !value.is_empty())
            .map(|(_, value)| value.as_str())
            .collect()
    }

    pub(crate) fn int(&self, name: &str) -> Result<Option<i32>, ApiError> {
        self.first(name)
            .map(|value| {
                value.parse().map_err(|_| {
                    ApiError::bad_request(format!("The value '{value}' is not valid for {name}."))
                })
            })
            .transpose()
    }

    pub(crate) fn ints(&self, name: &str) -> Result<Vec<i32>, ApiError> {
        self.all(name)
            .into_iter()
            .map(|value| {
                value.parse().map_err(|_| {
                    ApiError::bad_request(format!("The value '{value}' is not valid for {name}."))
                })
            })
            .collect()
    }

    pub(crate) fn flag(&self, name: &str) -> Result<Option<bool>, ApiError> {
        self.first(name)
            .map(|value| match value.to_ascii_lowercase().as_str() {
                "true" => Ok(true),
                "false" => Ok(false),
                _ => Err(ApiError::bad_request(format!(
                    "The value '{value}' is not valid for {name}."
                ))),
            })
            .transpose()
    }

    pub(crate) fn time(&self, name: &str) -> Result<Option<DateTime<Utc>>, ApiError> {
        self.first(name)
            .map(|value| {
                parse_time(value).ok_or_else(|| {
                    ApiError::bad_request(format!("The value '{value}' is not valid for {name}."))
                })
            })
            .transpose()
    }

    /// The required `goodsOwnerId` parameter.
    pub(crate) fn goods_owner_id(&self) -> Result<i32, ApiError> {
        self.int("goodsOwnerId")?
            .ok_or_else(|| ApiError::bad_request("The goodsOwnerId parameter is required."))
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => out.push(b' '),
            b'%' if index + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).ok();
                match hex.and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        index += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            byte => out.push(byte),
        }
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_arrays_repeat_the_key_and_values_are_percent_decoded() {
        let query = QueryParams::parse(Some(
            "articleNumbers=A%201&ArticleNumbers=B&from=2024-01-01T08%3A00%3A00%2B00%3A00&x=%",
        ));
        assert_eq!(
            query.all("articleNumbers"),
            ["A 1", "B"],
            "explode-form arrays repeat the key, names ignore case"
        );
        assert_eq!(
            query.time("from").expect("a valid time"),
            parse_time("2024-01-01T08:00:00Z"),
            "an encoded offset must decode to the same instant"
        );
        assert_eq!(
            query.first("x"),
            Some("%"),
            "a lone percent sign is kept, not dropped"
        );
    }
}
