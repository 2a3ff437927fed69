//! `app_info`: what this installation is and whether its two local dependencies work.
//!
//! The dashboard shows it from the first start, so a merchant sees at once which folder holds the data,
//! which schema the database has, which keychain is in use, and, when the database or the keychain
//! cannot be used, the reason in words.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::secrets::SecretBackend;
use crate::{App, AppMode, IpcError};

/// `app_info` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppInfoRequest {}

/// The installation as the dashboard shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AppInfo {
    /// Brygga's version.
    pub version: String,
    /// Normal or demo.
    pub mode: AppMode,
    /// The data folder.
    pub data_dir: String,
    /// The folder of the log files.
    pub log_dir: String,
    /// The database and its state.
    pub database: DatabaseInfo,
    /// The keychain and its state.
    pub secrets: SecretsInfo,
}

/// The local database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DatabaseInfo {
    /// The database file.
    pub path: String,
    /// The schema version of the open database; `None` when it could not be opened.
    pub schema_version: Option<u32>,
    /// The newest schema this version of Brygga knows.
    pub supported_schema_version: u32,
    /// Why the database cannot be used, if it cannot.
    pub problem: Option<IpcError>,
}

/// The keychain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SecretsInfo {
    /// Which store keeps the secrets.
    pub backend: SecretBackend,
    /// Why it cannot be used, if it cannot.
    pub problem: Option<IpcError>,
}

/// Describes the installation. Never fails: problems are part of the answer.
pub async fn app_info(app: &App, _request: AppInfoRequest) -> Result<AppInfo, IpcError> {
    let (schema_version, problem) = match app.store().and_then(|s| Ok(s.schema_version()?)) {
        Ok(version) => (Some(version), None),
        Err(problem) => (None, Some(problem)),
    };
    let secrets = app.secrets();
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        mode: app.mode(),
        data_dir: app.paths().data_dir().display().to_string(),
        log_dir: app.paths().log_dir().display().to_string(),
        database: DatabaseInfo {
            path: app.paths().database_file().display().to_string(),
            schema_version,
            supported_schema_version: brygga_store::SCHEMA_VERSION,
            problem,
        },
        secrets: SecretsInfo {
            backend: secrets.backend(),
            problem: secrets.check().err().map(IpcError::from),
        },
    })
}
