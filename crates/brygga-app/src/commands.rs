//! The command functions named in [`crate::command_list`], and the typed schema the UI builds on.
//!
//! Every command is `async fn name(&App, Request) -> Result<Response, IpcError>`, so the shell only
//! forwards and tests call the same functions directly.

use ts_rs::TS;

pub use crate::inbound::preview_initial_stock_in;
pub use crate::inbound::{
    acknowledge_deviations, cancel_purchase_order, create_initial_stock_in, create_purchase_order,
    list_deviations, list_purchase_orders, parse_purchase_order_lines, purchase_order_detail,
    update_purchase_order,
};
pub use crate::info::app_info;
pub use crate::mappings::{
    save_status_mapping, save_transport_mapping, status_mapping_overview,
    transport_mapping_overview,
};
pub use crate::orders::{
    clear_order_hold, list_orders, order_detail, resend_order, retry_order_call,
};
pub use crate::products::{
    apply_stock_corrections, export_orphaned_articles, products_overview, retry_product,
    run_stock_reconciliation, stock_reconciliation_overview,
};
pub use crate::release::{
    hold_back_orders, put_orders_on_hold, release_now, release_overdue_batch, release_overview,
    save_release_settings, skip_overdue_batch,
};
pub use crate::runs::{
    check_connections, dashboard, failed_calls, retry_calls, run_flow_now, sync_log, sync_progress,
};
pub use crate::setup::{
    connections_overview, first_sync_preview, go_live, go_live_state, list_warehouses,
    save_ongoing_connection, save_starweb_connection, save_sync_settings, save_ui_language,
    sync_settings, test_ongoing_connection, test_starweb_connection, ui_language,
};

pub use crate::returns::{
    find_returnable_orders, list_return_causes, list_returns, register_return, return_detail,
    set_return_state,
};

/// The request and response types the list names, in one place for the shell's wrappers.
pub mod types {
    pub use crate::inbound::InitialStockInPreview;
    pub use crate::inbound::{
        AcknowledgeDeviationsRequest, AcknowledgeDeviationsResult, DeviationList,
        InitialStockInRequest, ListDeviationsRequest, ListPurchaseOrdersRequest,
        ParsePurchaseOrderLinesRequest, ParsedPurchaseOrderLines, PurchaseOrderDetail,
        PurchaseOrderForm, PurchaseOrderList, PurchaseOrderRequest, PurchaseOrderSaved,
        UpdatePurchaseOrderRequest,
    };
    pub use crate::info::{AppInfo, AppInfoRequest};
    pub use crate::mappings::{
        SaveStatusMappingRequest, SaveTransportMappingRequest, StatusMappingRequest,
        StatusMappingView, TransportMappingRequest, TransportMappingView,
    };
    pub use crate::orders::{
        ListOrdersRequest, OrderActionResult, OrderDetail, OrderListPage, OrderRequest,
        RetryOrderCallRequest,
    };
    pub use crate::products::{
        ApplyStockCorrectionsRequest, ExportOrphanedArticlesRequest, OrphanedArticlesExport,
        ProductsOverview, ProductsOverviewRequest, RetryProductRequest, RetryProductResult,
        RunStockReconciliationRequest, StockCorrectionsResult, StockReconciliationOverview,
        StockReconciliationOverviewRequest, StockReconciliationReport,
    };
    pub use crate::release::{
        BatchRequest, HoldBackRequest, PutOnHoldRequest, PutOnHoldResult, ReleaseNowRequest,
        ReleaseOverview, ReleaseOverviewRequest, ReleaseResult, ReleaseSettingsForm,
        SaveReleaseSettingsRequest,
    };
    pub use crate::runs::{
        Dashboard, DashboardRequest, FailedCalls, FailedCallsRequest, HealthCheck,
        HealthCheckRequest, RetryCallsRequest, RetryCallsResult, RunFlowNowRequest,
        RunFlowNowResult, SyncLogPage, SyncLogRequest, SyncProgress, SyncProgressRequest,
    };
    pub use crate::setup::{
        ConnectionCheck, ConnectionsOverview, ConnectionsOverviewRequest, FirstSyncPreview,
        FirstSyncPreviewRequest, GoLiveRequest, GoLiveResult, GoLiveState, GoLiveStateRequest,
        ListWarehousesRequest, OngoingConnectionForm, SaveSyncSettingsRequest,
        SaveUiLanguageRequest, StarwebConnectionForm, SyncSettingsRequest, SyncSettingsView,
        UiLanguageRequest, UiLanguageSetting, WarehouseList,
    };

    pub use crate::returns::{
        FindReturnableOrdersRequest, ListReturnCausesRequest, ListReturnsRequest,
        RegisterReturnRequest, ReturnCauseList, ReturnDetail, ReturnList, ReturnRequest,
        ReturnSaved, ReturnableOrders, SetReturnStateRequest,
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
