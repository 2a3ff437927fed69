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
            status_mapping_overview(StatusMappingRequest) -> StatusMappingView;
            save_status_mapping(SaveStatusMappingRequest) -> StatusMappingView;
            transport_mapping_overview(TransportMappingRequest) -> TransportMappingView;
            save_transport_mapping(SaveTransportMappingRequest) -> TransportMappingView;
            list_orders(ListOrdersRequest) -> OrderListPage;
            order_detail(OrderRequest) -> OrderDetail;
            retry_order_call(RetryOrderCallRequest) -> OrderActionResult;
            resend_order(OrderRequest) -> OrderActionResult;
            clear_order_hold(OrderRequest) -> OrderActionResult;
            connections_overview(ConnectionsOverviewRequest) -> ConnectionsOverview;
            save_ongoing_connection(OngoingConnectionForm) -> ConnectionsOverview;
            save_starweb_connection(StarwebConnectionForm) -> ConnectionsOverview;
            test_ongoing_connection(OngoingConnectionForm) -> ConnectionCheck;
            test_starweb_connection(StarwebConnectionForm) -> ConnectionCheck;
            sync_settings(SyncSettingsRequest) -> SyncSettingsView;
            save_sync_settings(SaveSyncSettingsRequest) -> SyncSettingsView;
            ui_language(UiLanguageRequest) -> UiLanguageSetting;
            save_ui_language(SaveUiLanguageRequest) -> UiLanguageSetting;
            go_live_state(GoLiveStateRequest) -> GoLiveState;
            first_sync_preview(FirstSyncPreviewRequest) -> FirstSyncPreview;
            go_live(GoLiveRequest) -> GoLiveResult;
            list_warehouses(ListWarehousesRequest) -> WarehouseList;
            products_overview(ProductsOverviewRequest) -> ProductsOverview;
            retry_product(RetryProductRequest) -> RetryProductResult;
            export_orphaned_articles(ExportOrphanedArticlesRequest) -> OrphanedArticlesExport;
            stock_reconciliation_overview(StockReconciliationOverviewRequest) -> StockReconciliationOverview;
            run_stock_reconciliation(RunStockReconciliationRequest) -> StockReconciliationReport;
            apply_stock_corrections(ApplyStockCorrectionsRequest) -> StockCorrectionsResult;
            dashboard(DashboardRequest) -> Dashboard;
            check_connections(HealthCheckRequest) -> HealthCheck;
            sync_log(SyncLogRequest) -> SyncLogPage;
            failed_calls(FailedCallsRequest) -> FailedCalls;
            retry_calls(RetryCallsRequest) -> RetryCallsResult;
            run_flow_now(RunFlowNowRequest) -> RunFlowNowResult;
            sync_progress(SyncProgressRequest) -> SyncProgress;
            list_purchase_orders(ListPurchaseOrdersRequest) -> PurchaseOrderList;
            purchase_order_detail(PurchaseOrderRequest) -> PurchaseOrderDetail;
            create_purchase_order(PurchaseOrderForm) -> PurchaseOrderSaved;
            update_purchase_order(UpdatePurchaseOrderRequest) -> PurchaseOrderSaved;
            cancel_purchase_order(PurchaseOrderRequest) -> PurchaseOrderSaved;
            parse_purchase_order_lines(ParsePurchaseOrderLinesRequest) -> ParsedPurchaseOrderLines;
            create_initial_stock_in(InitialStockInRequest) -> PurchaseOrderSaved;
            list_deviations(ListDeviationsRequest) -> DeviationList;
            acknowledge_deviations(AcknowledgeDeviationsRequest) -> AcknowledgeDeviationsResult;
            preview_initial_stock_in(InitialStockInRequest) -> InitialStockInPreview;
            find_returnable_orders(FindReturnableOrdersRequest) -> ReturnableOrders;
            list_return_causes(ListReturnCausesRequest) -> ReturnCauseList;
            register_return(RegisterReturnRequest) -> ReturnSaved;
            list_returns(ListReturnsRequest) -> ReturnList;
            return_detail(ReturnRequest) -> ReturnDetail;
            set_return_state(SetReturnStateRequest) -> ReturnSaved;
        }
    };
}
