import type { ReleaseOverview } from "../../bindings/ReleaseOverview";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { useReleaseOverview } from "../../queries";
import { NextBatch } from "./NextBatch";
import { OverdueBatches } from "./OverdueBatches";
import { ReleaseHistory } from "./ReleaseHistory";
import { ReleaseSettingsEditor } from "./ReleaseSettingsEditor";
import "./Release.css";

/**
 * Order release (ordersläpp): the orders waiting in the warehouse with their pickability and what
 * the next batch does with each, missed batches waiting for a decision, releasing by hand, the
 * rule and times, and every batch so far.
 */
export function ReleaseScreen() {
  const t = useT();
  const overview = useReleaseOverview();

  if (overview.isPending) {
    return (
      <p className="screen-status" role="status" data-testid="release-loading">
        {t("release.loading")}
      </p>
    );
  }

  if (overview.isError) {
    return (
      <div className="release">
        <ErrorBanner
          testId="release-error"
          context={t("release.loadFailed")}
          code={overview.error.code}
          message={overview.error.message}
          onRetry={() => void overview.refetch()}
          retrying={overview.isFetching}
        />
        {overview.error.code === "notConfigured" && (
          <p className="screen-status" data-testid="release-not-configured">
            {t("release.notConfigured")}
          </p>
        )}
      </div>
    );
  }

  return <ReleaseView overview={overview.data} />;
}

function ReleaseView({ overview }: { overview: ReleaseOverview }) {
  const t = useT();
  return (
    <div className="release">
      {overview.releaseProblem !== null && (
        <div className="release__problem" role="alert" data-testid="release-problem">
          <p className="release__problem-title">{t("release.releaseProblem")}</p>
          <p className="release__problem-detail">{overview.releaseProblem}</p>
        </div>
      )}
      {overview.overdue.length > 0 && <OverdueBatches batches={overview.overdue} />}
      <NextBatch overview={overview} />
      <ReleaseSettingsEditor settings={overview.settings} saved={overview.settingsSaved} />
      <ReleaseHistory batches={overview.history} waiting={new Set(overview.candidates.map((c) => c.shopOrderId))} />
    </div>
  );
}
