//! The axum middleware that carries out [`Faults`] decisions on API calls.
//!
//! It sits outside the conformance check: a fault is the transport or the far side failing, not an
//! answer the spec describes, so its bodies are never validated. Error bodies use Starweb's
//! `ErrorModel` shape, `{"error", "error_description"}`; Ongoing documents no error body at all.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::connection::Cut;
use super::{Fault, Faults};

/// `routes` with `faults` applied to every call.
pub fn inject(routes: Router, faults: Arc<Faults>) -> Router {
    routes.layer(middleware::from_fn_with_state(faults, apply))
}

async fn apply(State(faults): State<Arc<Faults>>, request: Request, next: Next) -> Response {
    let decision = faults.decide();
    if !decision.latency.is_zero() {
        tokio::time::sleep(decision.latency).await;
    }
    let Some(fault) = decision.fault else {
        return next.run(request).await;
    };
    tracing::debug!(%fault, path = %request.uri().path(), "injecting a simulated fault");
    match fault {
        Fault::ServerError => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Internal Server Error",
            "server error",
        ),
        Fault::Unavailable => error(
            StatusCode::SERVICE_UNAVAILABLE,
            "Service Unavailable",
            "service unavailable",
        ),
        Fault::RateLimited { retry_after } => {
            let mut response = error(
                StatusCode::TOO_MANY_REQUESTS,
                "Too Many Requests",
                "rate limit reached",
            );
            if let Some(after) = retry_after {
                response
                    .headers_mut()
                    .insert(header::RETRY_AFTER, whole_seconds(after));
            }
            response
        }
        Fault::DropConnection => {
            let cut = request
                .extensions()
                .get::<ConnectInfo<Cut>>()
                .map(|info| info.0.clone());
            let response = next.run(request).await;
            match cut {
                Some(cut) => {
                    cut.throw();
                    response
                }
                None => error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal Server Error",
                    "drop-connection needs the server from brygga_sim::server::serve",
                ),
            }
        }
        Fault::Malformed => {
            let (mut parts, body) = next.run(request).await.into_parts();
            let Ok(bytes) = to_bytes(body, usize::MAX).await else {
                return error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Internal Server Error",
                    "body",
                );
            };
            parts.headers.remove(header::CONTENT_LENGTH);
            let half = if bytes.len() < 2 {
                b"{\"".as_slice().into()
            } else {
                bytes.slice(..bytes.len() / 2)
            };
            Response::from_parts(parts, Body::from(half))
        }
    }
}

fn error(status: StatusCode, error: &str, what: &str) -> Response {
    let description = format!("simulated fault: {what}");
    (
        status,
        axum::Json(json!({ "error": error, "error_description": description })),
    )
        .into_response()
}

/// `Retry-After` takes whole seconds; rounding up keeps a client from retrying too early.
fn whole_seconds(after: Duration) -> HeaderValue {
    let seconds = after.as_secs() + u64::from(after.subsec_nanos() > 0);
    HeaderValue::from(seconds)
}
