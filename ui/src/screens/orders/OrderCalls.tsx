import type { OrderCall } from "../../bindings/OrderCall";
import { formatDateTime, useLanguage, useT } from "../../i18n";
import { callKindText } from "./format";

/** The calls queued for the order (outbox rows): status, attempts, last error, payload, retry. */
export function OrderCalls({
  calls,
  onRetry,
  busy,
}: {
  calls: readonly OrderCall[];
  onRetry: (callId: number) => void;
  busy: boolean;
}) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <section className="order-page__section" aria-label={t("orders.calls.title")}>
      <h2 className="order-page__heading">{t("orders.calls.title")}</h2>
      {calls.length === 0 ? (
        <p className="screen-status" data-testid="calls-empty">
          {t("orders.calls.empty")}
        </p>
      ) : (
        <ul className="calls" data-testid="order-calls">
          {calls.map((call) => (
            <li key={call.id} className="calls__call" data-testid="order-call" data-call={call.id} data-status={call.status}>
              <div className="calls__head">
                <span className="calls__kind">{callKindText(t, call.kind)}</span>
                <span className={`calls__status calls__status--${call.status}`} data-testid="call-status">
                  {t(`orders.calls.statuses.${call.status}`)}
                </span>
                <span className="orders__muted">
                  {t("orders.calls.attempts")}: {call.attempts}/{call.maxAttempts}
                </span>
                <time className="orders__muted" dateTime={call.updatedAt}>
                  {formatDateTime(language, call.updatedAt)}
                </time>
                {call.status === "dead" && (
                  <button
                    type="button"
                    className="button"
                    data-testid="retry-call"
                    disabled={busy}
                    onClick={() => onRetry(call.id)}
                  >
                    {t("orders.actions.retry")}
                  </button>
                )}
              </div>
              {call.lastError !== null && call.status !== "done" && (
                <p className="calls__error" data-testid="call-error">
                  {t("orders.calls.lastError")}: {call.lastError}
                </p>
              )}
              <details className="timeline__payload" data-testid="call-payload">
                <summary>{t("orders.calls.payload")}</summary>
                <pre>{call.payload}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
