//! Setting Brygga up without the command line: the connections screen (saved connections, whether
//! their secrets are stored, saving, and a test with a clear verdict), the settings screen
//! (schedules, start date, currencies, language), and the go-live wizard's backend (which steps are
//! done, the first-sync preview, going live).

mod connections;
mod go_live;
mod settings;
mod verdict;

pub use connections::{
    ConnectionsOverview, ConnectionsOverviewRequest, OngoingConnectionForm, OngoingConnectionView,
    StarwebConnectionForm, StarwebConnectionView, connections_overview, save_ongoing_connection,
    save_starweb_connection, test_ongoing_connection, test_starweb_connection,
};
pub use go_live::{
    FirstSyncPreview, FirstSyncPreviewRequest, FlowPreview, GoLiveFlow, GoLiveRequest,
    GoLiveResult, GoLiveState, GoLiveStateRequest, PlannedWrite, PreviewFinding, PreviewWrite,
    first_sync_preview, go_live, go_live_state,
};
pub use settings::{
    FlowScheduleForm, ListWarehousesRequest, SaveSyncSettingsRequest, SaveUiLanguageRequest,
    ScheduleMode, ScheduledFlow, SyncSettingsForm, SyncSettingsRequest, SyncSettingsView,
    UI_LANGUAGE, UiLanguage, UiLanguageRequest, UiLanguageSetting, WarehouseChoice, WarehouseList,
    language, list_warehouses, save_sync_settings, save_ui_language, sync_settings, ui_language,
};
pub use verdict::{ConnectionCheck, ConnectionVerdict};
