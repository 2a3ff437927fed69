import { useState } from "react";
import type { DeviationKindName } from "../../bindings/DeviationKindName";
import type { DeviationView } from "../../bindings/DeviationView";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, useLanguage, useT } from "../../i18n";
import { useDeviations, useInboundAction } from "../../queries";
import { DEVIATION_SYMBOL } from "./deviation";
import { formatPercentDifference, formatUnitDifference, formatUnits } from "./format";

export function DeviationKinds({ kinds }: { kinds: readonly DeviationKindName[] }) {
  const t = useT();
  return (
    <span className="inbound__kinds">
      {kinds.map((kind) => (
        <span key={kind} className={`deviation deviation--${kind}`} data-testid="deviation-kind" data-kind={kind}>
          <span aria-hidden="true">{DEVIATION_SYMBOL[kind]}</span> {t(`inbound.deviations.kinds.${kind}`)}
        </span>
      ))}
    </span>
  );
}

type Props = {
  /** The purchase order open above, whose deviations come first; `null` for none. */
  number: string | null;
  onOpen: (number: string) => void;
};

/**
 * The review of what arrived differently from what was advised, over every purchase order: per
 * article advised, received, rejected and the difference in units and percent, unadvised articles
 * among them. Each open deviation is acknowledged with a note.
 */
export function DeviationReview({ number, onOpen }: Props) {
  const t = useT();
  const [includeAcknowledged, setIncludeAcknowledged] = useState(false);
  const deviations = useDeviations(includeAcknowledged);

  return (
    <Card title={t("inbound.deviations.title")}>
      <div className="inbound__deviations" data-testid="deviations">
        <p className="inbound__hint">{t("inbound.deviations.explain")}</p>
        <label className="inbound__check">
          <input
            type="checkbox"
            checked={includeAcknowledged}
            onChange={(event) => setIncludeAcknowledged(event.target.checked)}
            data-testid="deviations-show-acknowledged"
          />
          {t("inbound.deviations.showAcknowledged")}
        </label>
        {deviations.isPending && (
          <p className="screen-status" role="status">
            {t("common.loading")}
          </p>
        )}
        {deviations.isError && (
          <ErrorBanner
            testId="deviations-error"
            context={t("inbound.deviations.loadFailed")}
            code={deviations.error.code}
            message={deviations.error.message}
            onRetry={() => void deviations.refetch()}
            retrying={deviations.isFetching}
          />
        )}
        {deviations.isSuccess &&
          (deviations.data.deviations.length === 0 ? (
            <p className="screen-status" data-testid="deviations-empty">
              {t("inbound.deviations.none")}
            </p>
          ) : (
            <>
              <p className="inbound__summary" data-testid="deviations-open">
                {t("inbound.deviations.openCount", { count: deviations.data.open })}
              </p>
              <DeviationTable rows={ordered(deviations.data.deviations, number)} onOpen={onOpen} />
            </>
          ))}
      </div>
    </Card>
  );
}

/** The open purchase order's deviations first, the rest in the backend's order. */
function ordered(rows: DeviationView[], number: string | null): DeviationView[] {
  if (number === null) return rows;
  return [...rows.filter((r) => r.number === number), ...rows.filter((r) => r.number !== number)];
}

function DeviationTable({ rows, onOpen }: { rows: DeviationView[]; onOpen: (number: string) => void }) {
  const t = useT();
  return (
    <div className="inbound__table-wrap">
      <table className="inbound__table inbound__table--deviations" data-testid="deviation-list">
        <caption className="visually-hidden">{t("inbound.deviations.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("inbound.list.number")}</th>
            <th scope="col">{t("inbound.deviations.sku")}</th>
            <th scope="col" className="inbound__num">
              {t("inbound.deviations.advised")}
            </th>
            <th scope="col" className="inbound__num">
              {t("inbound.deviations.received")}
            </th>
            <th scope="col" className="inbound__num">
              {t("inbound.deviations.rejected")}
            </th>
            <th scope="col" className="inbound__num">
              {t("inbound.deviations.difference")}
            </th>
            <th scope="col" className="inbound__num">
              {t("inbound.deviations.percent")}
            </th>
            <th scope="col">{t("inbound.deviations.kind")}</th>
            <th scope="col">{t("inbound.deviations.note")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <DeviationRow key={`${row.number}:${row.sku}`} row={row} onOpen={onOpen} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DeviationRow({ row, onOpen }: { row: DeviationView; onOpen: (number: string) => void }) {
  const t = useT();
  const [language] = useLanguage();
  const [note, setNote] = useState("");
  const acknowledge = useInboundAction("acknowledge_deviations");
  const [problems, setProblems] = useState<string[]>([]);

  const submit = () => {
    setProblems([]);
    acknowledge.mutate(
      { deviations: [{ number: row.number, sku: row.sku }], note: note.trim() === "" ? null : note.trim() },
      { onSuccess: (result) => setProblems(result.problems) },
    );
  };

  return (
    <tr
      className={row.open ? "inbound__row inbound__row--open" : "inbound__row"}
      data-testid="deviation-row"
      data-po={row.number}
      data-sku={row.sku}
      data-kind={row.kinds.join(" ")}
      data-open={row.open}
    >
      <td>
        <button type="button" className="inbound__link" onClick={() => onOpen(row.number)}>
          {row.number}
        </button>
        <span className="inbound__kind">{row.supplier}</span>
      </td>
      <th scope="row" className="inbound__sku">
        {row.sku}
      </th>
      <td className="inbound__num" data-testid="deviation-advised">
        {formatUnits(language, row.advised)}
      </td>
      <td className="inbound__num" data-testid="deviation-received">
        {formatUnits(language, row.received)}
      </td>
      <td className="inbound__num" data-testid="deviation-rejected">
        {formatUnits(language, row.rejected)}
      </td>
      <td className="inbound__num" data-testid="deviation-difference">
        {formatUnitDifference(language, row.difference)}
      </td>
      <td className="inbound__num" data-testid="deviation-percent">
        {formatPercentDifference(language, row.differencePercent) ?? t("inbound.deviations.noPercent")}
      </td>
      <td>
        <DeviationKinds kinds={row.kinds} />
      </td>
      <td className="inbound__ack">
        {row.open ? (
          <>
            {row.acknowledgedAt !== null && (
              <p className="inbound__muted" data-testid="deviation-reopened">
                {t("inbound.deviations.reopened")}
              </p>
            )}
            <span className="inbound__ack-form">
              <input
                className="input"
                value={note}
                placeholder={t("inbound.deviations.notePlaceholder")}
                aria-label={t("inbound.deviations.noteLabel", { sku: row.sku })}
                onChange={(e) => setNote(e.target.value)}
                data-testid="deviation-note"
                disabled={acknowledge.isPending}
              />
              <button
                type="button"
                className="button button--small"
                data-testid="deviation-ack"
                onClick={submit}
                disabled={acknowledge.isPending}
              >
                {acknowledge.isPending ? t("inbound.deviations.acknowledging") : t("inbound.deviations.acknowledge")}
              </button>
            </span>
          </>
        ) : (
          <span data-testid="deviation-acknowledged">
            {row.note !== null && row.note !== ""
              ? t("inbound.deviations.acknowledgedNote", {
                  time: row.acknowledgedAt === null ? "" : formatDateTime(language, row.acknowledgedAt),
                  note: row.note,
                })
              : t("inbound.deviations.acknowledged", {
                  time: row.acknowledgedAt === null ? "" : formatDateTime(language, row.acknowledgedAt),
                })}
          </span>
        )}
        {problems.length > 0 && (
          <p className="inbound__warning" role="status" data-testid="deviation-ack-problems">
            {problems.join("; ")}
          </p>
        )}
        {acknowledge.error !== null && (
          <ErrorBanner
            testId="deviation-ack-error"
            context={t("inbound.actionFailed")}
            code={acknowledge.error.code}
            message={acknowledge.error.message}
          />
        )}
      </td>
    </tr>
  );
}
