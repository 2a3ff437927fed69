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
            products_overview(ProductsOverviewRequest) -> ProductsOverview;
            retry_product(RetryProductRequest) -> RetryProductResult;
            export_orphaned_articles(ExportOrphanedArticlesRequest) -> OrphanedArticlesExport;
            stock_reconciliation_overview(StockReconciliationOverviewRequest) -> StockReconciliationOverview;
            run_stock_reconciliation(RunStockReconciliationRequest) -> StockReconciliationReport;
            apply_stock_corrections(ApplyStockCorrectionsRequest) -> StockCorrectionsResult;
        }
    };
}
