import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { useAppInfo } from "../../queries";
import { AppInfoView } from "./AppInfoView";
import { Overview } from "./Overview";
import "./Dashboard.css";

/**
 * Översikt: whether Brygga is live and syncing, both connections' health, each flow's next run and
 * last outcome, the counts, what needs attention (each with one click to its fix), and what the app
 * knows about itself.
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

  return (
    <div className="dashboard">
      {appInfo.data.mode === "demo" && (
        <p className="dashboard__demo-note" role="note" data-testid="demo-note">
          {t("dashboard.demoNote")}
        </p>
      )}
      <Overview />
      <AppInfoView info={appInfo.data} />
    </div>
  );
}
