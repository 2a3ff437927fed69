//! The HTTP side of the client: Basic auth, JSON both ways, timeouts, and one call at a time per goods
//! owner.
//!
//! Ongoing serialises a goods owner's writes and recommends sequential calls, so every call for one
//! (warehouse, goods owner) pair waits for the previous one, across all clients in this process. The
//! password is set on the request only; nothing here logs headers or bodies.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Instant;

use brygga_core::Sensitive;
use chrono::{DateTime, SecondsFormat, Utc};
use reqwest::Method;
use serde::de::DeserializeOwned;
use url::Url;

use crate::config::{ConfigError, OngoingConfig, warehouse_root};
use crate::error::{self, OngoingError};

/// A client for one goods owner at one warehouse.
#[derive(Debug, Clone)]
pub struct OngoingClient {
    http: reqwest::Client,
    root: Url,
    user: String,
    password: Sensitive<String>,
    goods_owner_id: i32,
    turn: Arc<tokio::sync::Mutex<()>>,
}

/// One turn per (warehouse, goods owner), shared by every client in the process.
static TURNS: LazyLock<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>> =
    LazyLock::new(Default::default);

/// One API call: its name for messages, method, path below the warehouse folder, query and body.
#[derive(Debug)]
pub(crate) struct Call<'a> {
    pub(crate) name: &'a str,
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) body: Option<serde_json::Value>,
}

impl<'a> Call<'a> {
    pub(crate) fn new(name: &'a str, method: Method, path: impl Into<String>) -> Self {
        Call {
            name,
            method,
            path: path.into(),
            query: Vec::new(),
            body: None,
        }
    }

    pub(crate) fn query(mut self, key: &'static str, value: impl ToString) -> Self {
        self.query.push((key, value.to_string()));
        self
    }

    pub(crate) fn query_opt(self, key: &'static str, value: Option<impl ToString>) -> Self {
        match value {
            Some(value) => self.query(key, value),
            None => self,
        }
    }

    pub(crate) fn body(mut self, body: &impl serde::Serialize) -> Result<Self, OngoingError> {
        let value = serde_json::to_value(body).map_err(|err| OngoingError::BadRequest {
            operation: self.name.to_owned(),
            message: format!("not writable as JSON: {err}"),
        })?;
        self.body = Some(value);
        Ok(self)
    }
}

impl OngoingClient {
    /// Checks the settings and prepares the client; no call is made yet.
    pub fn new(config: OngoingConfig) -> Result<Self, ConfigError> {
        let root = warehouse_root(&config.api_url)?;
        if config.user.trim().is_empty() {
            return Err(ConfigError::EmptyUser);
        }
        if config.goods_owner_id <= 0 {
            return Err(ConfigError::BadGoodsOwner(config.goods_owner_id));
        }
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .user_agent(concat!("Brygga/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|err| ConfigError::BadUrl {
                url: config.api_url.clone(),
                reason: err.to_string(),
            })?;
        let key = format!("{root}#{}", config.goods_owner_id);
        let turn = TURNS
            .lock()
            .expect("turn registry poisoned")
            .entry(key)
            .or_default()
            .clone();
        Ok(OngoingClient {
            http,
            root,
            user: config.user,
            password: config.password,
            goods_owner_id: config.goods_owner_id,
            turn,
        })
    }

    /// The goods owner every call is made for.
    pub fn goods_owner_id(&self) -> i32 {
        self.goods_owner_id
    }

    /// The warehouse folder URL the paths are joined to.
    pub fn root(&self) -> &Url {
        &self.root
    }

    /// Sends a call and reads its JSON answer, waiting for this goods owner's turn first.
    pub(crate) async fn send<T: DeserializeOwned>(
        &self,
        call: Call<'_>,
    ) -> Result<T, OngoingError> {
        let name = call.name;
        let (status, text) = self.exchange(call).await?;
        let text = if text.trim().is_empty() {
            "null"
        } else {
            text.as_str()
        };
        serde_json::from_str(text).map_err(|err| OngoingError::BadResponse {
            operation: name.to_owned(),
            message: format!("{err} (status {status}, {} bytes)", text.len()),
        })
    }

    /// Sends a call whose answer carries nothing Brygga needs. Some of Ongoing's PATCH calls answer
    /// `application/octet-stream`, so the body is not read as JSON; a 2xx status is the answer.
    pub(crate) async fn send_expecting_no_body(&self, call: Call<'_>) -> Result<(), OngoingError> {
        self.exchange(call).await.map(drop)
    }

    /// One request and its answer: the status if it was 2xx, and the body text.
    async fn exchange(&self, call: Call<'_>) -> Result<(u16, String), OngoingError> {
        let url = self
            .root
            .join(&call.path)
            .map_err(|err| OngoingError::BadRequest {
                operation: call.name.to_owned(),
                message: format!("bad path {}: {err}", call.path),
            })?;
        let mut request = self
            .http
            .request(call.method.clone(), url)
            .basic_auth(&self.user, Some(self.password.expose()))
            .header(reqwest::header::ACCEPT, "application/json")
            .query(&call.query);
        if let Some(body) = &call.body {
            request = request.json(body);
        }
        let _turn = self.turn.lock().await;
        let started = Instant::now();
        let response = request
            .send()
            .await
            .map_err(|err| unavailable(call.name, &err))?;
        let status = response.status().as_u16();
        let retry_after = error::retry_after(response.headers());
        let text = response
            .text()
            .await
            .map_err(|err| unavailable(call.name, &err))?;
        tracing::debug!(
            operation = call.name,
            status,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "ongoing call"
        );
        if !(200..300).contains(&status) {
            return Err(error::from_status(call.name, status, retry_after, &text));
        }
        Ok((status, text))
    }
}

/// A time as the docs ask for it in queries: UTC with an explicit offset.
pub(crate) fn query_time(time: &DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, false)
}

fn unavailable(operation: &str, err: &reqwest::Error) -> OngoingError {
    let what = if err.is_timeout() {
        "the call timed out".to_owned()
    } else if err.is_connect() {
        "the connection could not be made".to_owned()
    } else {
        "the connection broke".to_owned()
    };
    // reqwest's message names the URL but never the credentials.
    OngoingError::Unavailable {
        operation: operation.to_owned(),
        status: None,
        message: format!("{what}: {err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_times_carry_an_explicit_utc_offset() {
        let time: DateTime<Utc> = "2026-12-01T08:00:00Z".parse().unwrap();
        assert_eq!(
            query_time(&time),
            "2026-12-01T08:00:00.000+00:00",
            "the docs ask for UTC with the offset spelled out"
        );
    }
}
