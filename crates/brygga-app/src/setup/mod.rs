//! Setting Brygga up without the command line: the connections screen (saved connections, whether
//! their secrets are stored, saving, and a test with a clear verdict), the settings screen
//! (schedules, start date, currencies, warehouses taking part, language), and the go-live
//! wizard's backend (which steps are done, the first-sync preview, going live).

mod connections;
mod go_live;
mod language;
mod settings;
mod verdict;
mod warehouses;

pub use connections::{
    ConnectionsOverview, ConnectionsOverviewRequest, OngoingConnectionForm, OngoingConnectionView,
    StarwebConnectionForm, StarwebConnectionView, connections_overview, save_ongoing_connection,
    save_starweb_connection, test_ongoing_connection, test_starweb_connection,
};
pub(crate) use connections::{check_ongoing, check_starweb};
pub use go_live::{
    FirstSyncPreview, FirstSyncPreviewRequest, FlowPreview, GoLiveFlow, GoLiveRequest,
    GoLiveResult, GoLiveState, GoLiveStateRequest, PlannedWrite, PreviewFinding, PreviewWrite,
    first_sync_preview, go_live, go_live_state,
};
pub use language::{
    SaveUiLanguageRequest, UI_LANGUAGE, UiLanguage, UiLanguageRequest, UiLanguageSetting, language,
    save_ui_language, ui_language,
};
pub use settings::{
    FlowScheduleForm, SaveSyncSettingsRequest, ScheduleMode, ScheduledFlow, SyncSettingsForm,
    SyncSettingsRequest, SyncSettingsView, save_sync_settings, sync_settings,
};
pub use verdict::{ConnectionCheck, ConnectionVerdict};
pub use warehouses::{ListWarehousesRequest, WarehouseChoice, WarehouseList, list_warehouses};
