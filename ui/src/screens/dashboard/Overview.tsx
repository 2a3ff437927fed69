import type { Dashboard } from "../../bindings/Dashboard";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, useLanguage, useT } from "../../i18n";
import { useDashboard } from "../../queries";
import { EngineActivity } from "../syncLog/RunNowPanel";
import { AttentionList } from "./AttentionList";
import { ConnectionsCard } from "./ConnectionsCard";
import { CountsCard } from "./CountsCard";
import { FlowsCard } from "./FlowsCard";

/** The sync part of the dashboard, read again every few seconds while shown. */
export function Overview() {
  const t = useT();
  const board = useDashboard();

  if (board.isPending) {
    return (
      <p className="screen-status" data-testid="overview-loading">
        {t("runs.dashboard.loading")}
      </p>
    );
  }
  if (board.isError) {
    return (
      <ErrorBanner
        testId="overview-error"
        context={t("runs.dashboard.loadFailed")}
        code={board.error.code}
        message={board.error.message}
        onRetry={() => void board.refetch()}
        retrying={board.isFetching}
      />
    );
  }
  return <OverviewView board={board.data} />;
}

function OverviewView({ board }: { board: Dashboard }) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <div className="overview" data-testid="overview">
      <p
        className={`overview__status overview__status--${board.live ? "live" : "setup"}`}
        data-testid="live-status"
        data-live={String(board.live)}
        data-runner={String(board.runnerActive)}
      >
        {board.live && board.baseline !== null
          ? t("runs.dashboard.live", { time: formatDateTime(language, board.baseline) })
          : t("runs.dashboard.notLive")}
        {board.live && (
          <span className="overview__runner">
            {" · "}
            {board.runnerActive ? t("runs.dashboard.runnerActive") : t("runs.dashboard.runnerStopped")}
          </span>
        )}
      </p>
      <EngineActivity />
      <AttentionList items={board.attention} />
      <div className="dashboard__grid">
        <ConnectionsCard connections={board.connections} />
        <FlowsCard flows={board.flows} />
        <CountsCard counts={board.counts} />
      </div>
    </div>
  );
}
