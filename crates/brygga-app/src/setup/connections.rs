//! The connections screen: both saved connections as the merchant typed them, whether a secret is
//! in the keychain (never the secret), saving, and testing what is typed before it is saved.
//!
//! Secrets come in from the webview and go straight to the keychain or into a client; no response
//! type has a field that could hold one. An empty secret on save or test means "keep (use) the one
//! already stored", so the merchant can change the URL without typing the password again.

use std::time::Duration;

use brygga_core::Sensitive;
use brygga_ongoing::OngoingClient;
use brygga_starweb::StarwebClient;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::verdict::{self, ConnectionCheck, ConnectionVerdict};
use crate::connections::{self, Connection, OngoingConnection, StarwebConnection};
use crate::secrets::SecretKey;
use crate::{App, ErrorCode, IpcError};

/// How long a connection test waits for an answer: long enough for a slow 3PL, short enough that
/// the merchant is not left looking at a spinner.
const TEST_TIMEOUT: Duration = Duration::from_secs(15);

/// `connections_overview` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ConnectionsOverviewRequest {}

/// The saved Ongoing connection without its password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OngoingConnectionView {
    pub api_url: String,
    pub user: String,
    pub goods_owner_id: u32,
    /// Whether the password is in the keychain.
    pub secret_stored: bool,
}

/// The saved Starweb connection without its client secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StarwebConnectionView {
    pub api_url: String,
    pub client_id: String,
    /// Whether the client secret is in the keychain.
    pub secret_stored: bool,
}

/// Both connections; `None` for one never saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ConnectionsOverview {
    pub ongoing: Option<OngoingConnectionView>,
    pub starweb: Option<StarwebConnectionView>,
}

/// The Ongoing connection as typed. `password` empty or missing: the stored one.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct OngoingConnectionForm {
    pub api_url: String,
    pub user: String,
    pub goods_owner_id: u32,
    #[ts(type = "string | null")]
    #[serde(default)]
    pub password: Option<Sensitive<String>>,
}

/// The Starweb connection as typed. `client_secret` empty or missing: the stored one.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StarwebConnectionForm {
    pub api_url: String,
    pub client_id: String,
    #[ts(type = "string | null")]
    #[serde(default)]
    pub client_secret: Option<Sensitive<String>>,
}

fn stored<C: Connection>(app: &App) -> Result<(Option<C>, bool), IpcError> {
    let connection: Option<C> = app.store()?.settings().get(C::SETTING)?;
    let secret = app.secrets().get(&SecretKey::new(C::SECRET))?;
    Ok((connection, secret.is_some()))
}

/// Both saved connections and whether their secrets are stored.
pub async fn connections_overview(
    app: &App,
    _request: ConnectionsOverviewRequest,
) -> Result<ConnectionsOverview, IpcError> {
    overview(app)
}

pub(crate) fn overview(app: &App) -> Result<ConnectionsOverview, IpcError> {
    let (ongoing, ongoing_secret) = stored::<OngoingConnection>(app)?;
    let (starweb, starweb_secret) = stored::<StarwebConnection>(app)?;
    Ok(ConnectionsOverview {
        ongoing: ongoing.map(|c| OngoingConnectionView {
            api_url: c.api_url,
            user: c.user,
            goods_owner_id: c.goods_owner_id,
            secret_stored: ongoing_secret,
        }),
        starweb: starweb.map(|c| StarwebConnectionView {
            api_url: c.api_url,
            client_id: c.client_id,
            secret_stored: starweb_secret,
        }),
    })
}

/// The secret typed, or the stored one when nothing was typed; `NotConfigured` naming the field
/// when there is neither.
fn secret_or_stored<C: Connection>(
    app: &App,
    typed: Option<&Sensitive<String>>,
    field: &str,
) -> Result<Sensitive<String>, IpcError> {
    if let Some(typed) = typed.filter(|s| !s.expose().trim().is_empty()) {
        return Ok(Sensitive::new(typed.expose().trim().to_owned()));
    }
    app.secrets()
        .get(&SecretKey::new(C::SECRET))?
        .ok_or_else(|| {
            IpcError::new(
                ErrorCode::Validation,
                format!("the {field} is empty and none is stored yet; enter it"),
            )
        })
}

impl OngoingConnectionForm {
    fn connection(&self) -> OngoingConnection {
        OngoingConnection {
            api_url: self.api_url.trim().to_owned(),
            user: self.user.trim().to_owned(),
            goods_owner_id: self.goods_owner_id,
        }
    }
}

impl StarwebConnectionForm {
    fn connection(&self) -> StarwebConnection {
        StarwebConnection {
            api_url: self.api_url.trim().to_owned(),
            client_id: self.client_id.trim().to_owned(),
        }
    }
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Saves the Ongoing connection (the password to the keychain); returns both connections.
pub async fn save_ongoing_connection(
    app: &App,
    request: OngoingConnectionForm,
) -> Result<ConnectionsOverview, IpcError> {
    let connection = request.connection();
    connection.validate()?;
    let password =
        secret_or_stored::<OngoingConnection>(app, request.password.as_ref(), "Ongoing password")?;
    connections::save(app, &connection, &password, now_ms())?;
    restart_runner(app).await;
    overview(app)
}

/// Saves the Starweb connection (the client secret to the keychain); returns both connections.
pub async fn save_starweb_connection(
    app: &App,
    request: StarwebConnectionForm,
) -> Result<ConnectionsOverview, IpcError> {
    let connection = request.connection();
    connection.validate()?;
    let secret = secret_or_stored::<StarwebConnection>(
        app,
        request.client_secret.as_ref(),
        "Starweb client secret",
    )?;
    connections::save(app, &connection, &secret, now_ms())?;
    restart_runner(app).await;
    overview(app)
}

/// Logs in to Ongoing with what is typed (nothing is saved) and checks the goods owner.
pub async fn test_ongoing_connection(
    app: &App,
    request: OngoingConnectionForm,
) -> Result<ConnectionCheck, IpcError> {
    let connection = request.connection();
    connection.validate()?;
    let password =
        secret_or_stored::<OngoingConnection>(app, request.password.as_ref(), "Ongoing password")?;
    let config = crate::sync::ongoing_config(connection, password, TEST_TIMEOUT)?;
    let client = match OngoingClient::new(config) {
        Ok(client) => client,
        Err(err) => {
            return Ok(ConnectionCheck::failed(
                ConnectionVerdict::WrongUrl,
                err.to_string(),
            ));
        }
    };
    Ok(check_ongoing(&client).await)
}

/// The goods owner list must hold the goods owner id: the API user may act for it.
pub(crate) async fn check_ongoing(client: &OngoingClient) -> ConnectionCheck {
    let goods_owner = client.goods_owner_id();
    match client.goods_owners().await {
        Ok(owners) => match owners.iter().find(|o| o.goods_owner_id == goods_owner) {
            Some(owner) => {
                let name = owner
                    .goods_owner_name
                    .clone()
                    .unwrap_or_else(|| goods_owner.to_string());
                ConnectionCheck::ok(name.clone(), format!("goods owner {goods_owner} ({name})"))
            }
            None => ConnectionCheck::failed(
                ConnectionVerdict::WrongGoodsOwner,
                format!(
                    "the API user may act for goods owner {}, not {goods_owner}; check the goods \
                     owner id",
                    owners
                        .iter()
                        .map(|o| o.goods_owner_id.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        },
        Err(err) => ConnectionCheck::failed(verdict::ongoing(&err), err.to_string()),
    }
}

/// Logs in to Starweb with what is typed (nothing is saved) and reads the shop's name.
pub async fn test_starweb_connection(
    app: &App,
    request: StarwebConnectionForm,
) -> Result<ConnectionCheck, IpcError> {
    let connection = request.connection();
    connection.validate()?;
    let secret = secret_or_stored::<StarwebConnection>(
        app,
        request.client_secret.as_ref(),
        "Starweb client secret",
    )?;
    let client = match StarwebClient::new(crate::sync::starweb_config(
        connection,
        secret,
        TEST_TIMEOUT,
    )) {
        Ok(client) => client,
        Err(err) => {
            return Ok(ConnectionCheck::failed(
                ConnectionVerdict::WrongUrl,
                err.to_string(),
            ));
        }
    };
    Ok(check_starweb(&client).await)
}

/// The shop must hand out a token and name itself.
pub(crate) async fn check_starweb(client: &StarwebClient) -> ConnectionCheck {
    match client.shop().await {
        Ok(info) => {
            let name = info.name.unwrap_or_else(|| "(no name)".to_owned());
            ConnectionCheck::ok(name.clone(), format!("shop {name}"))
        }
        Err(err) => ConnectionCheck::failed(verdict::starweb(&err), err.to_string()),
    }
}

/// A running scheduler keeps the clients it was built with; after a connection changes it starts
/// again with the new ones (after the call in flight).
async fn restart_runner(app: &App) {
    if app.mode() == crate::AppMode::Normal && crate::runner::is_running(app) {
        crate::runner::restart(app).await;
    }
}
