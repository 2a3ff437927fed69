//! The command functions named in [`crate::command_list`], and the typed schema the UI builds on.
//!
//! Every command is `async fn name(&App, Request) -> Result<Response, IpcError>`, so the shell only
//! forwards and tests call the same functions directly.

use ts_rs::TS;

pub use crate::info::app_info;
pub use crate::release::{
    hold_back_orders, put_orders_on_hold, release_now, release_overdue_batch, release_overview,
    save_release_settings, skip_overdue_batch,
};
pub use crate::runs::{
    check_connections, dashboard, failed_calls, retry_calls, run_flow_now, sync_log, sync_progress,
};

/// The request and response types the list names, in one place for the shell's wrappers.
pub mod types {
    pub use crate::info::{AppInfo, AppInfoRequest};
    pub use crate::release::{
        BatchRequest, HoldBackRequest, PutOnHoldRequest, PutOnHoldResult, ReleaseNowRequest,
        ReleaseOverview, ReleaseOverviewRequest, ReleaseResult, ReleaseSettingsForm,
        SaveReleaseSettingsRequest,
    };
    pub use crate::runs::{
        ConnectionCheck, ConnectionCheckRequest, Dashboard, DashboardRequest, FailedCalls,
        FailedCallsRequest, RetryCallsRequest, RetryCallsResult, RunFlowNowRequest,
        RunFlowNowResult, SyncLogPage, SyncLogRequest, SyncProgress, SyncProgressRequest,
    };
}

use types::*;

macro_rules! command_schema {
    ($($name:ident($request:ty) -> $response:ty;)*) => {
        /// Every command with its request and response type, for the UI's typed `call()`.
        #[derive(Debug, TS)]
        #[ts(export)]
        #[allow(non_snake_case, dead_code)]
        pub struct Commands {
            $(pub $name: ($request, $response),)*
        }

        /// The command names, in list order.
        pub const COMMAND_NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

crate::with_commands!(command_schema);
