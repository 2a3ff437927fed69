//! The merchant's settings that are edited as a whole document: the two mappings, the
//! schedules and the release settings. Each is read, replaced whole (from a file or the UI), or changed one entry at a time;
//! the mappings can also be suggested from the live lists of both systems.

use brygga_core::mapping::{StatusMapping, TransportMapping};
use brygga_sync::settings::{STATUS_MAPPING, TRANSPORT_MAPPING};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{App, ErrorCode, IpcError};

/// A mapping kept under its own settings key.
pub trait Mapping: Serialize + DeserializeOwned + Default {
    const SETTING: &'static str;
    const NAME: &'static str;
}

impl Mapping for StatusMapping {
    const SETTING: &'static str = STATUS_MAPPING;
    const NAME: &'static str = "status mapping";
}

impl Mapping for TransportMapping {
    const SETTING: &'static str = TRANSPORT_MAPPING;
    const NAME: &'static str = "transport mapping";
}

/// The saved mapping, empty when never set.
pub fn get<M: Mapping>(app: &App) -> Result<M, IpcError> {
    Ok(app.store()?.settings().get(M::SETTING)?.unwrap_or_default())
}

/// Replaces the mapping.
pub fn set<M: Mapping>(app: &App, mapping: &M) -> Result<(), IpcError> {
    let now_ms = chrono::Utc::now().timestamp_millis();
    app.store()?.settings().set(M::SETTING, mapping, now_ms)?;
    Ok(())
}

/// Reads a mapping from JSON text, naming the line and column of what is wrong.
pub fn parse<M: Mapping>(text: &str, source: &str) -> Result<M, IpcError> {
    serde_json::from_str(text).map_err(|err| {
        IpcError::new(
            ErrorCode::Validation,
            format!("{source} is not a valid {}: {err}", M::NAME),
        )
    })
}

impl Mapping for brygga_core::schedule::Schedules {
    const SETTING: &'static str = brygga_sync::settings::SCHEDULES;
    const NAME: &'static str = "schedule";
}

impl Mapping for brygga_core::release::ReleaseSettings {
    const SETTING: &'static str = brygga_sync::release::RELEASE_SETTINGS;
    const NAME: &'static str = "release settings";
}
