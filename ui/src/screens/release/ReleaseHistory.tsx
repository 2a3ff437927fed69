import type { ReleaseBatchView } from "../../bindings/ReleaseBatchView";
import { Card } from "../../components/Card";
import { formatDateTime, useLanguage, useT } from "../../i18n";

/** Every batch so far, newest first: when, who started it, what it did, and each order's outcome. */
export function ReleaseHistory({ batches }: { batches: ReleaseBatchView[] }) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <Card title={t("release.history.title")}>
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
                      <li key={order.shopOrderId} data-testid="history-order" data-order={order.shopOrderId}>
                        {t("release.history.order", { id: String(order.shopOrderId) })}:{" "}
                        <span className={`outcome outcome--${order.outcome}`}>
                          {t(`release.history.outcome.${order.outcome}`)}
                        </span>
                        {order.reason !== null && <span className="release__reason"> – {order.reason}</span>}
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
