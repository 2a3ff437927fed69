// The shell's build script includes this file verbatim, so it holds the list and nothing else; its
// module documentation is on `pub mod command_list` in lib.rs.

/// Calls `$apply!` with every command as `name(Request) -> Response;`.
#[macro_export]
macro_rules! with_commands {
    ($apply:ident) => {
        $apply! {
            app_info(AppInfoRequest) -> AppInfo;
            release_overview(ReleaseOverviewRequest) -> ReleaseOverview;
            release_now(ReleaseNowRequest) -> ReleaseResult;
            release_overdue_batch(BatchRequest) -> ReleaseResult;
            skip_overdue_batch(BatchRequest) -> ();
            hold_back_orders(HoldBackRequest) -> ();
            put_orders_on_hold(PutOnHoldRequest) -> PutOnHoldResult;
            save_release_settings(SaveReleaseSettingsRequest) -> ReleaseSettingsForm;
            dashboard(DashboardRequest) -> Dashboard;
            check_connections(ConnectionCheckRequest) -> ConnectionCheck;
            sync_log(SyncLogRequest) -> SyncLogPage;
            failed_calls(FailedCallsRequest) -> FailedCalls;
            retry_calls(RetryCallsRequest) -> RetryCallsResult;
            run_flow_now(RunFlowNowRequest) -> RunFlowNowResult;
            sync_progress(SyncProgressRequest) -> SyncProgress;
        }
    };
}
