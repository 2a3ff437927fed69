//! The language of the app, kept in the settings table so that the desktop notifications the sync
//! runner raises speak the merchant's language too, not only the window.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::{App, IpcError};

/// The settings key of the language the merchant chose; the notifications use it too.
pub const UI_LANGUAGE: &str = "ui.language";

/// The languages of the app.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum UiLanguage {
    #[default]
    Sv,
    En,
}

/// `ui_language` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UiLanguageRequest {}

/// The language chosen, Swedish until the merchant picks another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UiLanguageSetting {
    pub language: UiLanguage,
}

/// `save_ui_language`: the language to use from now on.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SaveUiLanguageRequest {
    pub language: UiLanguage,
}

/// The saved language, for the UI and for wording desktop notifications. An unreadable value
/// counts as Swedish, the default.
pub fn language(app: &App) -> Result<UiLanguage, IpcError> {
    Ok(app
        .store()?
        .settings()
        .get::<Value>(UI_LANGUAGE)?
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default())
}

/// The language the merchant chose.
pub async fn ui_language(
    app: &App,
    _request: UiLanguageRequest,
) -> Result<UiLanguageSetting, IpcError> {
    Ok(UiLanguageSetting {
        language: language(app)?,
    })
}

/// Remembers the language for the app and its notifications.
pub async fn save_ui_language(
    app: &App,
    request: SaveUiLanguageRequest,
) -> Result<UiLanguageSetting, IpcError> {
    let now_ms = chrono::Utc::now().timestamp_millis();
    app.store()?
        .settings()
        .set(UI_LANGUAGE, &request.language, now_ms)?;
    Ok(UiLanguageSetting {
        language: request.language,
    })
}
