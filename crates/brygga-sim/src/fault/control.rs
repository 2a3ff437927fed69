//! `/_sim/faults`: reading and changing a running server's faults over HTTP.
//!
//! For a person running `brygga sim` and for tests in other processes (the UI end-to-end tests);
//! Rust tests in the same process can use [`Faults`] directly. The routes themselves never fail
//! on purpose: they are not API routes.
//!
//! - `GET /_sim/faults` -> [`FaultSpecJson`]
//! - `PUT /_sim/faults` with a [`FaultSpecJson`] (absent fields are off) -> the new spec
//! - `POST /_sim/faults/next` with `{"fault": "rate-limited", "count": 2, "retry_after_ms": 1000}`
//!   (`count` defaults to 1; `retry_after_ms` only for `rate-limited`) -> `{"forced": <waiting>}`

use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use super::{Fault, FaultSpec, FaultSpecJson, Faults};

/// The `/_sim/faults` routes over `faults`.
pub fn control_routes(faults: Arc<Faults>) -> Router {
    Router::new()
        .route("/_sim/faults", get(read).put(replace))
        .route("/_sim/faults/next", post(force))
        .with_state(faults)
}

async fn read(State(faults): State<Arc<Faults>>) -> Json<FaultSpecJson> {
    Json(faults.get().into())
}

async fn replace(State(faults): State<Arc<Faults>>, Json(wanted): Json<FaultSpecJson>) -> Response {
    match FaultSpec::try_from(wanted) {
        Ok(spec) => {
            faults.set(spec);
            Json(FaultSpecJson::from(spec)).into_response()
        }
        Err(error) => refuse(&error.to_string()),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Forcing {
    fault: String,
    #[serde(default = "one")]
    count: usize,
    retry_after_ms: Option<u64>,
}

fn one() -> usize {
    1
}

async fn force(State(faults): State<Arc<Faults>>, Json(forcing): Json<Forcing>) -> Response {
    let fault = match (forcing.fault.parse::<Fault>(), forcing.retry_after_ms) {
        (Ok(Fault::RateLimited { .. }), Some(ms)) => Fault::RateLimited {
            retry_after: Some(Duration::from_millis(ms)),
        },
        (Ok(_), Some(_)) => return refuse("retry_after_ms applies only to rate-limited"),
        (Ok(fault), None) => fault,
        (Err(error), _) => return refuse(&error),
    };
    faults.next_n_requests(fault, forcing.count);
    Json(json!({ "forced": faults.forced() })).into_response()
}

fn refuse(reason: &str) -> Response {
    (StatusCode::BAD_REQUEST, Json(json!({ "error": reason }))).into_response()
}
