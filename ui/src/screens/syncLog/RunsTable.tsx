import { useState } from "react";
import type { FlowName } from "../../bindings/FlowName";
import type { SyncLogRequest } from "../../bindings/SyncLogRequest";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, formatNumber, useLanguage, useT } from "../../i18n";
import { runsSv } from "../../i18n/sv/runs";
import { useSyncLog } from "../../queries";
import { formatDuration } from "./duration";
import { FLOWS } from "./RunNowPanel";

export const PAGE_SIZE = 25;

/** A run's count in the merchant's words; a name the catalog does not know yet shows as it is. */
export function countName(t: ReturnType<typeof useT>, name: string): string {
  return name in runsSv.counts ? t(`runs.counts.${name as keyof typeof runsSv.counts}`) : name;
}

/** A `datetime-local` value as RFC 3339, or null when empty or not a time. */
function toIso(local: string): string | null {
  if (local === "") return null;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Every run, newest first, filtered by flow and start time, a page at a time. */
export function RunsTable({ initialFlow }: { initialFlow: FlowName | null }) {
  const t = useT();
  const [language] = useLanguage();
  const [flow, setFlow] = useState<FlowName | null>(initialFlow);
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [page, setPage] = useState(0);
  const request: SyncLogRequest = { flow, from: toIso(from), to: toIso(to), page, pageSize: PAGE_SIZE };
  const log = useSyncLog(request);
  const pages = log.data === undefined ? 1 : Math.max(1, Math.ceil(log.data.total / PAGE_SIZE));

  return (
    <section className="sync-log__section" aria-label={t("runs.log.runs")}>
      <h2 className="sync-log__title">{t("runs.log.runs")}</h2>
      <div className="sync-log__filters">
        <label className="sync-log__filter">
          <span>{t("runs.log.flow")}</span>
          <select
            data-testid="log-flow-filter"
            value={flow ?? ""}
            onChange={(event) => {
              setFlow(event.target.value === "" ? null : (event.target.value as FlowName));
              setPage(0);
            }}
          >
            <option value="">{t("runs.log.allFlows")}</option>
            {FLOWS.map((name) => (
              <option key={name} value={name}>
                {t(`runs.flows.${name}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="sync-log__filter">
          <span>{t("runs.log.from")}</span>
          <input
            type="datetime-local"
            data-testid="log-from"
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
              setPage(0);
            }}
          />
        </label>
        <label className="sync-log__filter">
          <span>{t("runs.log.to")}</span>
          <input
            type="datetime-local"
            data-testid="log-to"
            value={to}
            onChange={(event) => {
              setTo(event.target.value);
              setPage(0);
            }}
          />
        </label>
        <button
          type="button"
          className="button button--small"
          data-testid="log-clear"
          onClick={() => {
            setFlow(null);
            setFrom("");
            setTo("");
            setPage(0);
          }}
        >
          {t("runs.log.clear")}
        </button>
      </div>

      {log.isError && (
        <ErrorBanner
          testId="log-error"
          context={t("runs.log.loadFailed")}
          code={log.error.code}
          message={log.error.message}
          onRetry={() => void log.refetch()}
          retrying={log.isFetching}
        />
      )}
      {log.isPending && <p className="screen-status">{t("common.loading")}</p>}
      {log.data !== undefined && (
        <>
          <p className="sync-log__total" data-testid="log-total" data-total={log.data.total}>
            {t("runs.log.total", { total: formatNumber(language, log.data.total) })}
          </p>
          {log.data.runs.length === 0 ? (
            <p className="sync-log__empty" data-testid="log-empty">
              {t("runs.log.empty")}
            </p>
          ) : (
            <div className="sync-log__table-wrap">
              <table className="sync-log__table" data-testid="run-list">
                <thead>
                  <tr>
                    <th scope="col">{t("runs.log.flow")}</th>
                    <th scope="col">{t("runs.log.started")}</th>
                    <th scope="col">{t("runs.log.duration")}</th>
                    <th scope="col">{t("runs.log.outcome")}</th>
                    <th scope="col">{t("runs.log.countsColumn")}</th>
                    <th scope="col">{t("runs.log.error")}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.data.runs.map((run) => (
                    <tr
                      key={run.id}
                      data-testid="run-row"
                      data-run-id={run.id}
                      data-flow={run.flow}
                      data-outcome={run.outcome}
                    >
                      <td>
                        {t(`runs.flows.${run.flow}`)}
                        {run.dryRun && <span className="sync-log__dry"> ({t("runs.log.dryRun")})</span>}
                      </td>
                      <td className="sync-log__nowrap">{formatDateTime(language, run.startedAt)}</td>
                      <td className="sync-log__nowrap">{run.durationMs === null ? t("common.notAvailable") : formatDuration(t, language, run.durationMs)}</td>
                      <td>
                        <span className={`outcome outcome--${run.outcome}`}>{t(`runs.outcomes.${run.outcome}`)}</span>
                      </td>
                      <td className="sync-log__counts" data-testid="run-counts">
                        {Object.entries(run.counts)
                          .map(([name, value]) => `${countName(t, name)}: ${formatNumber(language, value)}`)
                          .join(", ")}
                      </td>
                      <td className="sync-log__error" data-testid="run-error">
                        {run.error ?? ""}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="sync-log__pager">
            <button
              type="button"
              className="button button--small"
              data-testid="log-prev"
              disabled={page === 0}
              onClick={() => setPage(page - 1)}
            >
              {t("runs.log.previous")}
            </button>
            <span data-testid="log-page">{t("runs.log.page", { page: page + 1, pages })}</span>
            <button
              type="button"
              className="button button--small"
              data-testid="log-next"
              disabled={page + 1 >= pages}
              onClick={() => setPage(page + 1)}
            >
              {t("runs.log.next")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
