import { useEffect, useRef } from "react";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, formatNumber, useLanguage, useT } from "../../i18n";
import { useFailedCalls, useRetryCalls } from "../../queries";

/** Every call that failed, with its reason and attempts; the ones that gave up can be retried. */
export function FailedCallsList({ focus }: { focus: number | null }) {
  const t = useT();
  const [language] = useLanguage();
  const calls = useFailedCalls();
  const retry = useRetryCalls();
  const focused = useRef<HTMLLIElement | null>(null);
  const loaded = calls.data !== undefined;
  useEffect(() => {
    if (loaded) focused.current?.scrollIntoView?.({ block: "center" });
  }, [loaded]);
  const dead = calls.data?.calls.filter((call) => call.state === "dead") ?? [];

  return (
    <section className="sync-log__section" aria-label={t("runs.log.calls")}>
      <h2 className="sync-log__title">{t("runs.log.calls")}</h2>
      {calls.isError && (
        <ErrorBanner
          testId="calls-error"
          context={t("runs.log.callsLoadFailed")}
          code={calls.error.code}
          message={calls.error.message}
          onRetry={() => void calls.refetch()}
          retrying={calls.isFetching}
        />
      )}
      {retry.isError && (
        <ErrorBanner testId="retry-error" context={t("runs.log.retryFailed")} code={retry.error.code} message={retry.error.message} />
      )}
      {retry.data !== undefined && (
        <p className="sync-log__result" role="status" data-testid="retry-result">
          {t("runs.log.retried", { count: formatNumber(language, retry.data.queued) })}
        </p>
      )}
      {calls.data !== undefined &&
        (calls.data.calls.length === 0 ? (
          <p className="sync-log__empty" data-testid="calls-empty">
            {t("runs.log.callsEmpty")}
          </p>
        ) : (
          <>
            {dead.length > 1 && (
              <button
                type="button"
                className="button button--small"
                data-testid="calls-retry-all"
                disabled={retry.isPending}
                onClick={() => retry.mutate([])}
              >
                {t("runs.log.retryAll")}
              </button>
            )}
            <ul className="calls" data-testid="call-list">
              {calls.data.calls.map((call) => (
                <li
                  key={call.id}
                  ref={call.id === focus ? focused : undefined}
                  className={`calls__item calls__item--${call.state}${call.id === focus ? " calls__item--focus" : ""}`}
                  data-testid="call-row"
                  data-call-id={call.id}
                  data-state={call.state}
                >
                  <div className="calls__text">
                    <p className="calls__head">
                      <span className={`outcome outcome--${call.state === "dead" ? "failed" : "unfinished"}`}>
                        {t(`runs.log.callStates.${call.state}`)}
                      </span>{" "}
                      <strong>{call.subject}</strong> <code className="calls__kind">{call.kind}</code>
                    </p>
                    {call.error !== null && (
                      <p className="calls__error" data-testid="call-error">
                        {call.error}
                      </p>
                    )}
                    <p className="calls__meta">
                      {t("runs.log.attempts", { attempts: call.attempts, max: call.maxAttempts })}
                      {call.nextAttemptAt !== null &&
                        ` · ${t("runs.log.nextAttempt", { time: formatDateTime(language, call.nextAttemptAt) })}`}
                    </p>
                  </div>
                  {call.state === "dead" && (
                    <button
                      type="button"
                      className="button button--small"
                      data-testid="call-retry"
                      disabled={retry.isPending}
                      onClick={() => retry.mutate([call.id])}
                    >
                      {t("runs.log.retry")}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
