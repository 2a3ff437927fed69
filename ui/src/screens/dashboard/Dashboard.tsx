import { useAppInfo } from "../../queries";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { AppInfoView } from "./AppInfoView";

/**
 * The overview. For now it shows what the app knows about itself (`app_info`);
 * connection health, next runs and counts come with the sync flows.
 */
export function Dashboard() {
  const t = useT();
  const appInfo = useAppInfo();

  if (appInfo.isPending) {
    return (
      <p className="screen-status" role="status" data-testid="dashboard-loading">
        {t("dashboard.loading")}
      </p>
    );
  }

  if (appInfo.isError) {
    return (
      <ErrorBanner
        testId="app-info-error"
        context={t("dashboard.loadFailed")}
        code={appInfo.error.code}
        message={appInfo.error.message}
        onRetry={() => void appInfo.refetch()}
        retrying={appInfo.isFetching}
      />
    );
  }

  return <AppInfoView info={appInfo.data} />;
}
