//! How the simulated shop says no, and how it reads what a request carries.
//!
//! Every refusal is an `ErrorModel` body, `{"error": code, "error_description": text}`, as the spec and
//! Starweb's SDK show it. The documented codes are used where they exist (`invalid_client`,
//! `invalid_token`, `Too Many Requests`); the codes for plain 400, 403 and 404 are not documented, so the
//! simulator uses `bad_request`, `forbidden` and `not_found`. Path ids, query parameters and JSON bodies
//! are read here by hand rather than with axum's extractors so that a malformed request still gets a
//! JSON error in that shape instead of a plain-text rejection.

use std::collections::HashMap;

use axum::Json;
use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde_json::json;

use super::time::parse_time;

/// A refusal in Starweb's error shape.
#[derive(Debug, Clone)]
pub(crate) struct ApiError {
    status: StatusCode,
    code: &'static str,
    description: String,
}

impl ApiError {
    pub(crate) fn new(
        status: StatusCode,
        code: &'static str,
        description: impl Into<String>,
    ) -> Self {
        Self {
            status,
            code,
            description: description.into(),
        }
    }

    pub(crate) fn bad_request(description: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", description)
    }

    pub(crate) fn not_found(description: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", description)
    }

    pub(crate) fn forbidden(description: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", description)
    }

    pub(crate) fn invalid_token(description: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "invalid_token", description)
    }

    pub(crate) fn too_many_requests() -> Self {
        Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            "Too Many Requests",
            "The shop's request limit per minute has been reached",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({ "error": self.code, "error_description": self.description });
        let mut response = (self.status, Json(body)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            // RFC 6750 asks for the challenge; clients key on the JSON body, which is what the docs name.
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer error=\"invalid_token\""),
            );
        }
        response
    }
}

/// Reads a JSON request body into `T`, refusing anything else with a 400.
pub(crate) fn json_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body)
        .map_err(|error| ApiError::bad_request(format!("The request body is not valid: {error}")))
}

/// Reads a numeric path id (int32 ≥ 1 in the spec); anything else names no entity, so it is a 404.
pub(crate) fn path_id(raw: &str, what: &str) -> Result<u32, ApiError> {
    raw.parse::<u32>()
        .ok()
        .filter(|id| *id >= 1 && i32::try_from(*id).is_ok())
        .ok_or_else(|| ApiError::not_found(format!("{what} {raw} not found")))
}

/// The query string of a request, with typed readers that answer 400 for a malformed value.
#[derive(Debug, Default)]
pub(crate) struct Params(pub(crate) HashMap<String, String>);

impl Params {
    pub(crate) fn text(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }

    pub(crate) fn number(&self, name: &str) -> Result<Option<u32>, ApiError> {
        self.text(name)
            .map(|value| {
                value.parse::<u32>().map_err(|_| {
                    ApiError::bad_request(format!(
                        "{name} must be a positive integer, got {value:?}"
                    ))
                })
            })
            .transpose()
    }

    pub(crate) fn flag(&self, name: &str) -> Result<Option<bool>, ApiError> {
        self.text(name)
            .map(|value| match value {
                "true" | "1" => Ok(true),
                "false" | "0" => Ok(false),
                other => Err(ApiError::bad_request(format!(
                    "{name} must be true or false, got {other:?}"
                ))),
            })
            .transpose()
    }

    pub(crate) fn time(&self, name: &str) -> Result<Option<DateTime<Utc>>, ApiError> {
        self.text(name)
            .map(|value| {
                parse_time(value).ok_or_else(|| {
                    ApiError::bad_request(format!(
                        "{name} must be an ISO-8601 time (URL-encode the +), got {value:?}"
                    ))
                })
            })
            .transpose()
    }

    /// The `page` parameter: 1 when absent, 400 when not an integer ≥ 1.
    pub(crate) fn page(&self) -> Result<u32, ApiError> {
        match self.number("page")? {
            None => Ok(1),
            Some(0) => Err(ApiError::bad_request("page must be 1 or more")),
            Some(page) => Ok(page),
        }
    }

    /// `sortOrder`: `ASC` or `DESC`, with the resource's own default when absent.
    pub(crate) fn descending(&self, default_descending: bool) -> Result<bool, ApiError> {
        match self.text("sortOrder") {
            None => Ok(default_descending),
            Some("DESC") => Ok(true),
            Some("ASC") => Ok(false),
            Some(other) => Err(ApiError::bad_request(format!(
                "sortOrder must be ASC or DESC, got {other:?}"
            ))),
        }
    }
}

/// The query string as axum hands it over, before it is read.
pub(crate) type RawQuery = Result<Query<HashMap<String, String>>, QueryRejection>;

/// Accepts a query string, answering 400 in Starweb's shape if it cannot be decoded.
pub(crate) fn params(raw: RawQuery) -> Result<Params, ApiError> {
    raw.map(|Query(map)| Params(map))
        .map_err(|rejection| ApiError::bad_request(rejection.body_text()))
}
