//! The HTTP side of the client: the bearer token on every call, JSON both ways, timeouts, and one
//! renewal-and-retry when the shop says the token is no longer valid.
//!
//! A 401 with `{"error":"invalid_token"}` is what Starweb answers for an expired or revoked token
//! (the docs and Starweb's SDK key on that body). It is handled here, once per call: forget the token,
//! get a new one (shared by every clone of the client), send the call again. A second 401 is a real
//! login problem and is reported. Secrets go into the form body and the `Authorization` header only;
//! nothing here logs headers or bodies.

use std::sync::Arc;
use std::time::{Duration, Instant};

use brygga_core::Sensitive;
use reqwest::Method;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use url::Url;

use crate::config::{ConfigError, StarwebConfig, api_root};
use crate::error::{self, StarwebError};
use crate::token::{DEFAULT_LIFETIME, TokenCache};

/// A client for one shop. Clones share the connection pool and the access token.
#[derive(Debug, Clone)]
pub struct StarwebClient {
    http: reqwest::Client,
    root: Url,
    client_id: String,
    client_secret: Sensitive<String>,
    tokens: Arc<TokenCache>,
}

/// One API call: its name for messages, method, path segments below the API root, query and body.
#[derive(Debug)]
pub(crate) struct Call<'a> {
    pub(crate) name: &'a str,
    pub(crate) method: Method,
    pub(crate) path: Vec<String>,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) body: Option<serde_json::Value>,
}

impl<'a> Call<'a> {
    /// A call to `path`, whose segments are escaped one by one (a service name may hold `/`).
    pub(crate) fn new(name: &'a str, method: Method, path: &[&dyn ToString]) -> Self {
        Call {
            name,
            method,
            path: path.iter().map(|segment| segment.to_string()).collect(),
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

    pub(crate) fn body(mut self, body: &impl serde::Serialize) -> Result<Self, StarwebError> {
        let value = serde_json::to_value(body).map_err(|err| StarwebError::BadRequest {
            operation: self.name.to_owned(),
            message: format!("not writable as JSON: {err}"),
        })?;
        self.body = Some(value);
        Ok(self)
    }
}

/// `TokenModel`.
#[derive(Deserialize)]
struct TokenBody {
    access_token: Option<String>,
    expires_in: Option<u64>,
}

/// What came back from one attempt, before it is judged.
struct Reply {
    status: u16,
    retry_after: Option<Duration>,
    text: String,
}

impl Reply {
    fn is_invalid_token(&self) -> bool {
        self.status == 401 && error::error_code(&self.text).as_deref() == Some("invalid_token")
    }
}

impl StarwebClient {
    /// Checks the settings and prepares the client; no call is made yet.
    pub fn new(config: StarwebConfig) -> Result<Self, ConfigError> {
        let root = api_root(&config.api_url)?;
        if config.client_id.trim().is_empty() {
            return Err(ConfigError::EmptyClientId);
        }
        if config.client_secret.expose().is_empty() {
            return Err(ConfigError::EmptyClientSecret);
        }
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .user_agent(concat!("Brygga/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|err| ConfigError::BadUrl {
                url: config.api_url.clone(),
                reason: err.to_string(),
            })?;
        Ok(StarwebClient {
            http,
            root,
            client_id: config.client_id.trim().to_owned(),
            client_secret: config.client_secret,
            tokens: Arc::default(),
        })
    }

    /// The API root the paths are joined to, ending in `/api/v2/`.
    pub fn root(&self) -> &Url {
        &self.root
    }

    /// Asks for a token now, whether or not one is cached; a connection test for the settings.
    pub async fn check_login(&self) -> Result<(), StarwebError> {
        self.request_token().await.map(drop)
    }

    fn url(&self, segments: &[String]) -> Url {
        let mut url = self.root.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().extend(segments);
        }
        url
    }

    /// `POST /token` with the client credentials; returns the token and how long it lives.
    async fn request_token(&self) -> Result<(Sensitive<String>, Duration), StarwebError> {
        let operation = "the access token request";
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.client_secret.expose().as_str()),
        ];
        let request = self
            .http
            .post(self.url(&["token".to_owned()]))
            .header(reqwest::header::ACCEPT, "application/json")
            .form(&form);
        let reply = self.exchange(operation, request).await?;
        if !(200..300).contains(&reply.status) {
            let text = self.redact(&reply.text);
            return Err(error::from_token_status(
                reply.status,
                reply.retry_after,
                &text,
            ));
        }
        let body: TokenBody =
            serde_json::from_str(&reply.text).map_err(|err| StarwebError::BadResponse {
                operation: operation.to_owned(),
                message: format!(
                    "{err} (status {}, {} bytes)",
                    reply.status,
                    reply.text.len()
                ),
            })?;
        let token = body
            .access_token
            .filter(|token| !token.is_empty())
            .ok_or_else(|| StarwebError::BadResponse {
                operation: operation.to_owned(),
                message: "the answer has no access_token".to_owned(),
            })?;
        let lifetime = body
            .expires_in
            .map_or(DEFAULT_LIFETIME, Duration::from_secs);
        Ok((Sensitive::new(token), lifetime))
    }

    /// Removes the client secret from a server's text before it becomes part of an error.
    fn redact(&self, text: &str) -> String {
        text.replace(self.client_secret.expose().as_str(), "<redacted>")
    }

    async fn token(&self) -> Result<Sensitive<String>, StarwebError> {
        self.tokens.get(|| self.request_token()).await
    }

    /// Sends a call with a bearer token and reads its JSON answer (an empty body reads as `null`).
    pub(crate) async fn send<T: DeserializeOwned>(
        &self,
        call: Call<'_>,
    ) -> Result<T, StarwebError> {
        let mut token = self.token().await?;
        let mut reply = self.attempt(&call, &token).await?;
        if reply.is_invalid_token() {
            tracing::debug!(operation = call.name, "access token refused; renewing once");
            self.tokens.forget(&token).await;
            token = self.token().await?;
            reply = self.attempt(&call, &token).await?;
        }
        if !(200..300).contains(&reply.status) {
            // A server that echoes the token or the secret must not put them into our messages.
            let text = self
                .redact(&reply.text)
                .replace(token.expose().as_str(), "<redacted>");
            return Err(error::from_status(
                call.name,
                reply.status,
                reply.retry_after,
                &text,
            ));
        }
        let text = if reply.text.trim().is_empty() {
            "null"
        } else {
            reply.text.as_str()
        };
        serde_json::from_str(text).map_err(|err| StarwebError::BadResponse {
            operation: call.name.to_owned(),
            message: format!("{err} (status {}, {} bytes)", reply.status, text.len()),
        })
    }

    async fn attempt(
        &self,
        call: &Call<'_>,
        token: &Sensitive<String>,
    ) -> Result<Reply, StarwebError> {
        let mut request = self
            .http
            .request(call.method.clone(), self.url(&call.path))
            .bearer_auth(token.expose())
            .header(reqwest::header::ACCEPT, "application/json")
            .query(&call.query);
        if let Some(body) = &call.body {
            request = request.json(body);
        }
        self.exchange(call.name, request).await
    }

    async fn exchange(
        &self,
        operation: &str,
        request: reqwest::RequestBuilder,
    ) -> Result<Reply, StarwebError> {
        let started = Instant::now();
        let response = request
            .send()
            .await
            .map_err(|err| unavailable(operation, &err))?;
        let status = response.status().as_u16();
        let retry_after = error::retry_after(response.headers());
        let text = response
            .text()
            .await
            .map_err(|err| unavailable(operation, &err))?;
        tracing::debug!(
            operation,
            status,
            elapsed_ms = started.elapsed().as_millis() as u64,
            "starweb call"
        );
        Ok(Reply {
            status,
            retry_after,
            text,
        })
    }
}

fn unavailable(operation: &str, err: &reqwest::Error) -> StarwebError {
    let what = if err.is_timeout() {
        "the call timed out"
    } else if err.is_connect() {
        "the connection could not be made"
    } else {
        "the connection broke"
    };
    // reqwest's message names the URL, which holds neither the secret nor the token.
    StarwebError::Unavailable {
        operation: operation.to_owned(),
        status: None,
        message: format!("{what}: {err}"),
    }
}
