//! OAuth 2.0 client credentials as Starweb does it, and the gate in front of every other route.
//!
//! `POST /token` takes a form-encoded `grant_type=client_credentials&client_id=…&client_secret=…` (the
//! only grant, no refresh tokens, no scopes) and answers `TokenModel` without a `{data}` envelope. Bad
//! credentials are a 400 `invalid_client`, as the docs say. Tokens are opaque random strings that stop
//! working after the configured lifetime on the simulator's clock; a missing, unknown or expired token
//! is a 401 `invalid_token`, which is the signal a client renews on.
//!
//! Every API request, the token request included, is counted per route and metered against the
//! requests-per-minute limit over a sliding minute of the simulator's clock. Over the limit the answer
//! is 429 with `{"error":"Too Many Requests"}` and, as documented, no `Retry-After` or rate headers.

use std::collections::HashMap;

use axum::Json;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::Duration;
use rand::RngCore;
use serde::Serialize;

use super::StarwebSim;
use super::error::ApiError;

/// `TokenModel`.
#[derive(Debug, Serialize)]
pub(crate) struct TokenOut {
    access_token: String,
    scope: String,
    expires_in: u64,
}

fn oauth_error(code: &'static str, description: &str) -> ApiError {
    ApiError::new(StatusCode::BAD_REQUEST, code, description)
}

pub(crate) async fn issue_token(
    State(sim): State<StarwebSim>,
    form: Result<Form<HashMap<String, String>>, FormRejection>,
) -> Result<Json<TokenOut>, ApiError> {
    let Ok(Form(fields)) = form else {
        return Err(oauth_error(
            "invalid_request",
            "The token request must be an application/x-www-form-urlencoded body",
        ));
    };
    match fields.get("grant_type").map(String::as_str) {
        Some("client_credentials") => {}
        Some(_) => {
            return Err(oauth_error(
                "unsupported_grant_type",
                "Only client_credentials is supported",
            ));
        }
        None => return Err(oauth_error("invalid_request", "grant_type is required")),
    }
    let config = sim.config();
    let id_matches = fields.get("client_id") == Some(&config.client_id);
    let secret_matches = fields.get("client_secret") == Some(&config.client_secret);
    if !id_matches || !secret_matches {
        return Err(oauth_error(
            "invalid_client",
            "Client authentication failed",
        ));
    }
    let mut bytes = [0_u8; 30];
    rand::rng().fill_bytes(&mut bytes);
    let access_token = URL_SAFE_NO_PAD.encode(bytes);
    let lifetime = config.token_lifetime;
    let mut state = sim.lock();
    let now = state.now();
    let expires_at = now + Duration::from_std(lifetime).unwrap_or(Duration::MAX);
    state.tokens.retain(|_, expires| *expires > now);
    state.tokens.insert(access_token.clone(), expires_at);
    Ok(Json(TokenOut {
        access_token,
        scope: String::new(),
        expires_in: lifetime.as_secs(),
    }))
}

/// Lets a request through only with a live bearer token.
pub(crate) async fn require_token(
    State(sim): State<StarwebSim>,
    request: Request,
    next: Next,
) -> Response {
    let presented = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim().to_owned());
    let verdict = {
        let mut state = sim.lock();
        let now = state.now();
        match presented
            .as_deref()
            .map(|token| (token, state.tokens.get(token).copied()))
        {
            None => Err("An access token is required"),
            Some((_, None)) => Err("The access token is not valid"),
            Some((token, Some(expires_at))) if expires_at <= now => {
                state.tokens.remove(token);
                Err("The access token has expired")
            }
            Some(_) => Ok(()),
        }
    };
    match verdict {
        Ok(()) => next.run(request).await,
        Err(reason) => ApiError::invalid_token(reason).into_response(),
    }
}

/// Counts the request under its route and refuses it with 429 when the minute's allowance is used up.
pub(crate) async fn meter(
    State(sim): State<StarwebSim>,
    matched: Option<MatchedPath>,
    request: Request,
    next: Next,
) -> Response {
    let route = matched
        .as_ref()
        .map_or_else(|| request.uri().path(), MatchedPath::as_str);
    let route = route.strip_prefix(super::API_BASE_PATH).unwrap_or(route);
    let call = format!("{} {route}", request.method());
    let admitted = sim.lock().admit(call);
    if admitted {
        next.run(request).await
    } else {
        ApiError::too_many_requests().into_response()
    }
}
