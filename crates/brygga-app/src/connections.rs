//! The merchant's two connections: where the warehouse and the shop are, and who Brygga logs in as.
//!
//! The non-secret half (URL, user, goods owner id, client id) is a setting in the database so it can be
//! shown and edited; the secret half (password, client secret) goes to the keychain only. Reading a
//! connection back joins the two and says plainly which half is missing.

use brygga_core::Sensitive;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::secrets::{SecretError, SecretKey};
use crate::{App, ErrorCode, IpcError};

/// A connection kind: where its settings and its secret are kept, and what makes it valid.
pub trait Connection: Serialize + DeserializeOwned {
    /// The settings key of the non-secret half.
    const SETTING: &'static str;
    /// The keychain account of the secret half.
    const SECRET: &'static str;
    /// Checks the non-secret half; the message names the field that is wrong.
    fn validate(&self) -> Result<(), IpcError>;
}

/// The merchant's goods-owner login at the 3PL's Ongoing WMS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OngoingConnection {
    /// The API URL as the 3PL gives it, e.g. `https://api.ongoingsystems.se/Warehouse/api/v1/`.
    pub api_url: String,
    /// The API user name.
    pub user: String,
    /// The goods owner id the merchant has at this warehouse.
    pub goods_owner_id: u32,
}

/// The merchant's API client at Starweb.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StarwebConnection {
    /// The shop's API address, e.g. `https://myshop.starweb.se/api/v2`.
    pub api_url: String,
    /// The API client id.
    pub client_id: String,
}

impl Connection for OngoingConnection {
    const SETTING: &'static str = "connection.ongoing";
    const SECRET: &'static str = "ongoing:password";

    fn validate(&self) -> Result<(), IpcError> {
        require_text("Ongoing API URL", &self.api_url)?;
        require_text("Ongoing API user", &self.user)?;
        if self.goods_owner_id == 0 {
            return Err(invalid(
                "the Ongoing goods owner id must be a positive number",
            ));
        }
        Ok(())
    }
}

impl Connection for StarwebConnection {
    const SETTING: &'static str = "connection.starweb";
    const SECRET: &'static str = "starweb:client-secret";

    fn validate(&self) -> Result<(), IpcError> {
        require_text("Starweb API URL", &self.api_url)?;
        require_text("Starweb client id", &self.client_id)
    }
}

/// Saves a connection: the secret to the keychain first, so a saved setting never points at a secret
/// that failed to store.
pub fn save<C: Connection>(
    app: &App,
    connection: &C,
    secret: &Sensitive<String>,
    now_ms: i64,
) -> Result<(), IpcError> {
    connection.validate()?;
    if secret.expose().is_empty() {
        return Err(invalid(format!("the secret for {} is empty", C::SETTING)));
    }
    let store = app.store()?;
    app.secrets().set(&SecretKey::new(C::SECRET), secret)?;
    store.settings().set(C::SETTING, connection, now_ms)?;
    tracing::info!(setting = C::SETTING, "connection saved");
    Ok(())
}

/// The saved connection with its secret, or `NotConfigured` naming the half that is missing.
pub fn load<C: Connection>(app: &App) -> Result<(C, Sensitive<String>), IpcError> {
    let connection: C = app.store()?.settings().get(C::SETTING)?.ok_or_else(|| {
        IpcError::new(
            ErrorCode::NotConfigured,
            format!("{} has not been set up yet", C::SETTING),
        )
    })?;
    let secret = app
        .secrets()
        .require(&SecretKey::new(C::SECRET))
        .map_err(|err| match err {
            SecretError::NotConfigured { .. } => IpcError::new(
                ErrorCode::NotConfigured,
                format!(
                    "{} is set up but its secret is missing from the keychain; enter it again",
                    C::SETTING
                ),
            ),
            other => other.into(),
        })?;
    Ok((connection, secret))
}

fn require_text(field: &str, value: &str) -> Result<(), IpcError> {
    if value.trim().is_empty() {
        return Err(invalid(format!("{field} is empty")));
    }
    Ok(())
}

fn invalid(message: impl Into<String>) -> IpcError {
    IpcError::new(ErrorCode::Validation, message)
}
