//! The axum middleware that holds a simulator's API routes to the spec, both ways.
//!
//! A request body that breaks the spec is answered `400` before the handler sees it, the way a
//! strict real server would refuse it, so a client bug surfaces as a failed call in the test that
//! made it. A response body that breaks the spec is replaced by a `500` naming the violation, so a
//! simulator bug cannot pass for API behaviour. Every violation is also kept in a [`ViolationLog`]
//! that a test reads at the end, since a client may swallow a 400 or a 500.

use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::{Direction, Spec, Violation, essence};
use crate::server::Api;

/// Bodies larger than this are refused rather than buffered; no call in either API comes close.
const BODY_LIMIT: usize = 32 * 1024 * 1024;

/// Every violation seen by one server, in order. Clones share the list.
#[derive(Debug, Clone, Default)]
pub struct ViolationLog {
    seen: Arc<Mutex<Vec<Violation>>>,
}

impl ViolationLog {
    pub fn record(&self, violation: Violation) {
        tracing::warn!(%violation, "body does not conform to the OpenAPI spec");
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(violation);
    }

    pub fn all(&self) -> Vec<Violation> {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

#[derive(Clone)]
struct Enforcement {
    spec: &'static Spec,
    log: ViolationLog,
}

/// `routes` (paths as in `api`'s spec) with every request and JSON response body checked, and
/// violations recorded in `log`.
///
/// The routes get a plain `404` fallback, replacing any of their own: axum applies a layer only to
/// a router's routes and its explicit fallback, and a call to a path the spec lacks must be seen.
pub fn enforce(routes: Router, api: Api, log: ViolationLog) -> Router {
    let enforcement = Enforcement {
        spec: Spec::of(api),
        log,
    };
    routes
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(middleware::from_fn_with_state(enforcement, conform))
}

async fn conform(State(enforcement): State<Enforcement>, request: Request, next: Next) -> Response {
    let Enforcement { spec, log } = enforcement;
    let method = request.method().as_str().to_owned();
    let path = request.uri().path().to_owned();

    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, BODY_LIMIT).await else {
        return refusal(
            StatusCode::PAYLOAD_TOO_LARGE,
            "request body too large or unreadable",
            None,
        );
    };
    let verdict = match (bytes.is_empty(), media_type(&parts.headers)) {
        (true, _) => spec.check_request_without_json(&method, &path, None),
        (false, Some(media)) if is_json(media) => match serde_json::from_slice::<Value>(&bytes) {
            Ok(body) => spec.check_request(&method, &path, &body),
            Err(error) => Err(spec.unparsable(&method, &path, Direction::Request, &error)),
        },
        (false, media) => {
            spec.check_request_without_json(&method, &path, Some(media.unwrap_or("none")))
        }
    };
    if let Err(violation) = verdict {
        let detail = violation.to_string();
        log.record(violation);
        return refusal(
            StatusCode::BAD_REQUEST,
            "request does not conform to the OpenAPI spec",
            Some(detail),
        );
    }

    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if !media_type(response.headers()).is_some_and(is_json) {
        return response;
    }
    let status = response.status().as_u16();
    let (parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, BODY_LIMIT).await else {
        return refusal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "response body unreadable",
            None,
        );
    };
    if bytes.is_empty() {
        return Response::from_parts(parts, Body::empty());
    }
    let verdict = match serde_json::from_slice::<Value>(&bytes) {
        Ok(body) => spec.check_response(&method, &path, status, &body),
        Err(error) => Err(spec.unparsable(&method, &path, Direction::Response { status }, &error)),
    };
    match verdict {
        Ok(()) => Response::from_parts(parts, Body::from(bytes)),
        Err(violation) => {
            let detail = violation.to_string();
            log.record(violation);
            refusal(
                StatusCode::INTERNAL_SERVER_ERROR,
                "response does not conform to the OpenAPI spec",
                Some(detail),
            )
        }
    }
}

fn media_type(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(essence)
}

fn is_json(media: &str) -> bool {
    media == "application/json" || media.ends_with("+json")
}

fn refusal(status: StatusCode, error: &str, detail: Option<String>) -> Response {
    let body = match detail {
        Some(detail) => json!({ "error": error, "detail": detail }),
        None => json!({ "error": error }),
    };
    (status, axum::Json(body)).into_response()
}
