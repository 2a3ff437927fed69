import { useState } from "react";
import type { PutOnHoldResult } from "../../bindings/PutOnHoldResult";
import type { ReleaseBatchView } from "../../bindings/ReleaseBatchView";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, useLanguage, useT } from "../../i18n";
import { useReleaseAction } from "../../queries";

/**
 * Every batch so far, newest first: when, who started it, what it did, and each order's outcome.
 * A released order that is not waiting again can be put back on hold, from the newest batch that
 * released it; the warehouse refuses when it has started picking, and the answer says so.
 */
export function ReleaseHistory({
  batches,
  waiting,
}: {
  batches: ReleaseBatchView[];
  /** Shop order ids waiting in the warehouse now (the candidates). */
  waiting: ReadonlySet<number>;
}) {
  const t = useT();
  const [language] = useLanguage();
  const putOnHold = useReleaseAction("put_orders_on_hold");
  const [result, setResult] = useState<PutOnHoldResult | null>(null);
  // The newest batch that released each order; older batches' lines keep no button.
  const holdableIn = new Map<number, number>();
  for (const batch of batches) {
    for (const order of batch.orders) {
      if (order.outcome === "released" && !waiting.has(order.shopOrderId) && !holdableIn.has(order.shopOrderId)) {
        holdableIn.set(order.shopOrderId, batch.id);
      }
    }
  }
  const hold = (id: number) => {
    setResult(null);
    putOnHold.mutate({ orders: [id] }, { onSuccess: setResult });
  };
  return (
    <Card title={t("release.history.title")}>
      {result !== null && (
        <div role="status" className="release__result" data-testid="put-on-hold-result">
          <p>{t("release.history.putOnHoldDone", { done: result.done, failed: result.failed })}</p>
          {result.problems.length > 0 && (
            <ul className="release__problems">
              {result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {putOnHold.error !== null && (
        <ErrorBanner
          testId="put-on-hold-error"
          context={t("release.history.putOnHoldFailed")}
          code={putOnHold.error.code}
          message={putOnHold.error.message}
        />
      )}
      {batches.length === 0 ? (
        <p className="screen-status" data-testid="history-empty">
          {t("release.history.empty")}
        </p>
      ) : (
        <ol className="release__history" data-testid="history">
          {batches.map((batch) => (
            <li key={batch.id} className="release__history-item" data-testid="history-batch" data-batch={batch.id}>
              <div className="release__history-head">
                <strong>{t("release.history.batch", { id: String(batch.id) })}</strong>
                <span>{formatDateTime(language, batch.slotAt ?? batch.createdAt)}</span>
                <span>{t(`release.history.startedBy.${batch.startedBy}`)}</span>
                <span className={`batch-state batch-state--${batch.state}`}>{t(`release.history.state.${batch.state}`)}</span>
                <span data-testid="history-counts">
                  {t("release.history.counts", {
                    released: batch.released,
                    skipped: batch.skipped,
                    refused: batch.refused,
                  })}
                </span>
              </div>
              {batch.note !== null && <p className="release__hint">{batch.note}</p>}
              {batch.orders.length === 0 ? (
                <p className="release__hint">{t("release.history.noOrders")}</p>
              ) : (
                <details>
                  <summary>{t("release.history.orders", { count: batch.orders.length })}</summary>
                  <ul className="release__outcomes">
                    {batch.orders.map((order) => (
                      <li key={order.shopOrderId}>
                        <span data-testid="history-order" data-order={order.shopOrderId}>
                          {t("release.history.order", { id: String(order.shopOrderId) })}:{" "}
                          <span className={`outcome outcome--${order.outcome}`}>
                            {t(`release.history.outcome.${order.outcome}`)}
                          </span>
                          {order.reason !== null && <span className="release__reason"> – {order.reason}</span>}
                        </span>
                        {holdableIn.get(order.shopOrderId) === batch.id && (
                          <>
                            {" "}
                            <button
                              type="button"
                              className="button button--small"
                              onClick={() => hold(order.shopOrderId)}
                              disabled={putOnHold.isPending}
                              data-testid="put-on-hold"
                              aria-label={`${t("release.history.putOnHold")} ${t("release.history.order", {
                                id: String(order.shopOrderId),
                              })}`}
                            >
                              {t("release.history.putOnHold")}
                            </button>
                          </>
                        )}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
