import type { ReleaseBatchView } from "../../bindings/ReleaseBatchView";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, useLanguage, useT } from "../../i18n";
import { useReleaseAction } from "../../queries";
import { Spinner } from "./Spinner";

/** Batches missed while the app was off: never released late on their own, the merchant decides. */
export function OverdueBatches({ batches }: { batches: ReleaseBatchView[] }) {
  const t = useT();
  const [language] = useLanguage();
  const release = useReleaseAction("release_overdue_batch");
  const skip = useReleaseAction("skip_overdue_batch");
  const busy = release.isPending || skip.isPending;
  const error = release.error ?? skip.error;

  return (
    <Card title={t("release.overdue.title")}>
      <p className="release__hint">{t("release.overdue.explain")}</p>
      <ul className="release__overdue" data-testid="overdue-batches" aria-busy={busy}>
        {batches.map((batch) => {
          const releasing = release.isPending && release.variables.batchId === batch.id;
          const skipping = skip.isPending && skip.variables.batchId === batch.id;
          return (
            <li key={batch.id} className="release__overdue-item" data-testid="overdue-batch" data-batch={batch.id}>
              <span>{t("release.overdue.due", { time: formatDateTime(language, batch.slotAt ?? batch.createdAt) })}</span>
              <span className="release__overdue-actions">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy}
                  onClick={() => release.mutate({ batchId: batch.id })}
                >
                  {releasing ? (
                    <>
                      <Spinner /> {t("release.releasing")}
                    </>
                  ) : (
                    t("release.overdue.release")
                  )}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => skip.mutate({ batchId: batch.id })}>
                  {skipping ? (
                    <>
                      <Spinner /> {t("release.working")}
                    </>
                  ) : (
                    t("release.overdue.skip")
                  )}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {error !== null && (
        <ErrorBanner testId="overdue-error" context={t("release.actionFailed")} code={error.code} message={error.message} />
      )}
    </Card>
  );
}
