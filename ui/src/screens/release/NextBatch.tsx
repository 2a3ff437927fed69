import { useState } from "react";
import type { OrderPickability } from "../../bindings/OrderPickability";
import type { ReleaseCandidate } from "../../bindings/ReleaseCandidate";
import type { ReleaseOverview } from "../../bindings/ReleaseOverview";
import type { ReleaseResult } from "../../bindings/ReleaseResult";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, useLanguage, useT } from "../../i18n";
import { useReleaseAction } from "../../queries";
import { Spinner } from "./Spinner";

/** A symbol beside the words, so pickability never rests on colour alone. */
const PICKABILITY_SYMBOL: Record<OrderPickability, string> = {
  all: "✓",
  some: "◐",
  none: "✕",
  unknown: "?",
};

export function PickabilityStatus({ pickability }: { pickability: OrderPickability }) {
  const t = useT();
  return (
    <span className={`pickability pickability--${pickability}`} data-testid="pickability" data-pickability={pickability}>
      <span className="pickability__symbol" aria-hidden="true">
        {PICKABILITY_SYMBOL[pickability]}
      </span>
      {t(`release.pickability.${pickability}`)}
    </span>
  );
}

export function NextBatch({ overview }: { overview: ReleaseOverview }) {
  const t = useT();
  const [language] = useLanguage();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [result, setResult] = useState<ReleaseResult | null>(null);
  const release = useReleaseAction("release_now");
  const hold = useReleaseAction("hold_back_orders");
  const { candidates } = overview;

  // Orders released or gone since they were ticked are no longer selectable.
  const chosen = candidates.filter((c) => selected.has(c.shopOrderId)).map((c) => c.shopOrderId);
  const toTake = candidates.filter((c) => c.willRelease).length;
  const busy = release.isPending || hold.isPending;

  const toggle = (id: number) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };

  const releaseNow = () => {
    setResult(null);
    release.mutate(
      { orders: chosen.length > 0 ? chosen : null },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setSelected(new Set());
        },
      },
    );
  };

  const nextAt = overview.nextBatches[0];
  const schedule =
    overview.settings.mode === "onArrival"
      ? t("release.next.onArrival")
      : nextAt === undefined
        ? t("release.next.noTimes")
        : t("release.next.at", { time: formatDateTime(language, nextAt) });
  const error = release.error ?? hold.error;

  return (
    <Card title={t("release.next.title")}>
      <div className="release__next" aria-busy={busy} data-testid="next-batch">
        <p className="release__schedule" data-testid="next-batch-time">
          {schedule}
        </p>
        {!overview.settingsSaved && overview.settings.mode === "batches" && (
          <p className="release__hint">{t("release.next.notSaved")}</p>
        )}
        {overview.nextBatches.length > 1 && (
          <details className="release__upcoming">
            <summary>{t("release.next.upcoming")}</summary>
            <ul data-testid="upcoming-batches">
              {overview.nextBatches.map((at) => (
                <li key={at}>{formatDateTime(language, at)}</li>
              ))}
            </ul>
          </details>
        )}

        {candidates.length === 0 ? (
          <p className="screen-status" data-testid="no-candidates">
            {t("release.next.empty")}
          </p>
        ) : (
          <>
            <p className="release__summary" data-testid="release-summary">
              {t("release.next.summary", { take: toTake, total: candidates.length })}
            </p>
            <CandidateTable
              candidates={candidates}
              selected={selected}
              onToggle={toggle}
              disabled={busy}
              onHold={(id, held) => hold.mutate({ orders: [id], held })}
            />
          </>
        )}

        <div className="release__actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="release-now"
            onClick={releaseNow}
            disabled={busy || (chosen.length === 0 && toTake === 0)}
          >
            {release.isPending ? (
              <>
                <Spinner /> {t("release.releasing")}
              </>
            ) : chosen.length > 0 ? (
              t("release.releaseSelected", { count: chosen.length })
            ) : (
              t("release.releaseRule")
            )}
          </button>
          {hold.isPending && (
            <span className="screen-status" role="status">
              <Spinner /> {t("release.working")}
            </span>
          )}
        </div>

        {result !== null && (
          <div role="status" data-testid="release-result" className="release__result">
            <p>
              {t("release.result", {
                released: result.batch?.released ?? result.taken.length,
                skipped: result.skipped.length,
              })}
            </p>
            {result.failed > 0 && (
              <p>{t("release.resultFailed", { failed: result.failed, problems: result.problems.join("; ") })}</p>
            )}
          </div>
        )}
        {error !== null && (
          <ErrorBanner
            testId="release-action-error"
            context={t("release.actionFailed")}
            code={error.code}
            message={error.message}
          />
        )}
      </div>
    </Card>
  );
}

type CandidateTableProps = {
  candidates: ReleaseCandidate[];
  selected: ReadonlySet<number>;
  onToggle: (id: number) => void;
  onHold: (id: number, held: boolean) => void;
  disabled: boolean;
};

function CandidateTable({ candidates, selected, onToggle, onHold, disabled }: CandidateTableProps) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <div className="release__table-wrap">
      <table className="release__table" data-testid="candidates">
        <caption className="visually-hidden">{t("release.table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("release.table.select")}</th>
            <th scope="col">{t("release.table.order")}</th>
            <th scope="col">{t("release.table.placed")}</th>
            <th scope="col">{t("release.table.pickability")}</th>
            <th scope="col">{t("release.table.fate")}</th>
            <th scope="col">{t("release.table.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.shopOrderId} data-testid="candidate" data-order={c.shopOrderId}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t("release.table.selectOrder", { id: String(c.shopOrderId) })}
                  checked={selected.has(c.shopOrderId)}
                  onChange={() => onToggle(c.shopOrderId)}
                  disabled={disabled}
                />
              </td>
              <th scope="row" className="release__order">
                {String(c.shopOrderId)}
              </th>
              <td>{formatDateTime(language, c.createdAt)}</td>
              <td>
                <PickabilityStatus pickability={c.pickability} />
              </td>
              <td data-testid="fate">
                {c.willRelease ? (
                  <span className="fate fate--release">{t("release.fate.release")}</span>
                ) : (
                  <span className="fate fate--wait" title={c.skipMessage ?? undefined}>
                    {t("release.fate.wait", {
                      reason: c.skipReason === null ? (c.skipMessage ?? "") : t(`release.skip.${c.skipReason}`),
                    })}
                  </span>
                )}
              </td>
              <td>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => onHold(c.shopOrderId, !c.heldBack)}
                  disabled={disabled}
                  aria-label={`${c.heldBack ? t("release.letGo") : t("release.holdBack")} ${t("release.history.order", {
                    id: String(c.shopOrderId),
                  })}`}
                >
                  {c.heldBack ? t("release.letGo") : t("release.holdBack")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
