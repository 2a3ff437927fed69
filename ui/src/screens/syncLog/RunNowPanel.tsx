import type { FlowName } from "../../bindings/FlowName";
import type { SyncProgress } from "../../bindings/SyncProgress";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatNumber, useLanguage, useT } from "../../i18n";
import { useEngineActivity, useRunNow } from "../../queries";
import "./SyncLog.css";

export const FLOWS: FlowName[] = ["articles", "orders", "statuses", "stock", "reconcile", "purchaseOrders", "returns"];

/** "Run now" per flow or for all, with the progress of the work until it is done. */
export function RunNowPanel() {
  const t = useT();
  const run = useRunNow();
  return (
    <section className="sync-log__section" aria-label={t("runs.log.runNowTitle")}>
      <h2 className="sync-log__title">{t("runs.log.runNowTitle")}</h2>
      <div className="run-now">
        {FLOWS.map((flow) => (
          <button
            key={flow}
            type="button"
            className="button button--small"
            data-testid="run-now"
            data-flow={flow}
            disabled={run.running}
            onClick={() => run.start(flow)}
          >
            {t("runs.log.runNow")}: {t(`runs.flows.${flow}`)}
          </button>
        ))}
        <button
          type="button"
          className="button button--primary button--small"
          data-testid="run-all"
          disabled={run.running}
          onClick={() => run.start(null)}
        >
          {t("runs.log.runAll")}
        </button>
      </div>
      {run.running ? <ProgressLine progress={run.progress} /> : <EngineActivity />}
      {run.finished && !run.running && (
        <p className="run-progress run-progress--done" role="status" data-testid="run-done">
          {t("runs.progress.done")}
        </p>
      )}
      {run.startError !== null && (
        <ErrorBanner
          testId="run-now-error"
          context={t("runs.log.runFailed")}
          code={run.startError.code}
          message={run.startError.message}
        />
      )}
    </section>
  );
}

/** What the background runner is doing, when it is doing something. */
export function EngineActivity({ paused = false }: { paused?: boolean }) {
  const activity = useEngineActivity(paused);
  const now = activity.data;
  if (paused || now === undefined || now.phase === "idle") return null;
  return <ProgressLine progress={now} testId="engine-activity" />;
}

function ProgressLine({ progress, testId = "run-progress" }: { progress: SyncProgress | undefined; testId?: string }) {
  const t = useT();
  const [language] = useLanguage();
  const phase = progress?.phase ?? "idle";
  let text = t("runs.progress.waiting");
  if (progress?.phase === "flow" && progress.flow !== null) {
    text = t("runs.progress.flow", { flow: t(`runs.flows.${progress.flow}`).toLowerCase() });
  } else if (progress?.phase === "draining") {
    text = t("runs.progress.draining", {
      done: formatNumber(language, progress.done),
      total: formatNumber(language, progress.total),
    });
  }
  return (
    <div className="run-progress" role="status" data-testid={testId} data-phase={phase}>
      <span className="runs-spinner" aria-hidden="true" />
      <span>{text}</span>
      {progress?.phase === "draining" && progress.total > 0 && (
        <progress className="run-progress__bar" max={progress.total} value={progress.done} />
      )}
    </div>
  );
}
