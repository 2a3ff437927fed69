import { useState } from "react";
import type { PurchaseOrderDetail } from "../../bindings/PurchaseOrderDetail";
import type { PurchaseOrderSaved } from "../../bindings/PurchaseOrderSaved";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, Fields } from "../../components/Fields";
import { formatDate, formatDateTime, useLanguage, useT } from "../../i18n";
import { useInboundAction, usePurchaseOrder } from "../../queries";
import { DeviationKinds } from "./DeviationReview";
import { formatPercentDifference, formatUnitDifference, formatUnits, percentOf } from "./format";
import { PurchaseOrderForm } from "./PurchaseOrderForm";
import { StageBadge } from "./PurchaseOrderList";

type Props = {
  number: string;
  editing: boolean;
  /** What the last save answered, shown above the purchase order. */
  saved: PurchaseOrderSaved | null;
  onEdit: () => void;
  onSaved: (saved: PurchaseOrderSaved) => void;
  onClose: () => void;
};

/** One purchase order: read from the backend, then shown, or put in the form to change it. */
export function PurchaseOrderPanel({ number, editing, saved, onEdit, onSaved, onClose }: Props) {
  const t = useT();
  const detail = usePurchaseOrder(number);
  if (detail.isPending) {
    return (
      <p className="screen-status" role="status">
        {t("common.loading")}
      </p>
    );
  }
  if (detail.isError) {
    return (
      <ErrorBanner
        testId="po-error"
        context={t("inbound.loadFailed")}
        code={detail.error.code}
        message={detail.error.message}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }
  if (editing) {
    return <PurchaseOrderForm number={number} initial={detail.data} onSaved={onSaved} onClose={onClose} />;
  }
  return <PurchaseOrderView detail={detail.data} saved={saved} onEdit={onEdit} onSaved={onSaved} onClose={onClose} />;
}

type ViewProps = Omit<Props, "number" | "editing"> & { detail: PurchaseOrderDetail };

function PurchaseOrderView({ detail, saved, onEdit, onSaved, onClose }: ViewProps) {
  const t = useT();
  const [language] = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const cancel = useInboundAction("cancel_purchase_order");
  const po = detail.summary;
  const none = t("inbound.detail.none");

  const doCancel = () => {
    setConfirming(false);
    cancel.mutate({ number: po.number }, { onSuccess: onSaved });
  };

  return (
    <Card title={t("inbound.detail.title", { number: po.number })}>
      <div className="inbound__detail" data-testid="po-detail" data-po={po.number} data-stage={po.stage}>
        {saved !== null && saved.detail.summary.number === po.number && (
          <div
            role="status"
            className={saved.accepted ? "inbound__result" : "inbound__warning"}
            data-testid="po-saved"
            data-accepted={saved.accepted}
          >
            {po.stage === "cancelled" ? (
              <p>{t("inbound.detail.cancelled")}</p>
            ) : (
              saved.accepted && <p>{t("inbound.form.saved", { number: po.number })}</p>
            )}
            {saved.problem !== null && <p data-testid="po-saved-problem">{saved.problem}</p>}
          </div>
        )}
        <div className="inbound__head">
          <StageBadge stage={po.stage} />
          {po.stage !== "cancelled" && po.stage !== "cancelling" && (
            <span className="inbound__muted" data-testid="po-warehouse-state">
              {!po.inWarehouse
                ? t("inbound.detail.notSent")
                : po.warehouseStatus === null
                  ? t("inbound.detail.inWarehouseUnread")
                  : t("inbound.detail.inWarehouse", {
                      status: `${po.warehouseStatus} ${po.warehouseStatusText ?? ""}`.trim(),
                    })}
            </span>
          )}
        </div>
        {po.refusal !== null && (
          <div className="inbound__problem" role="alert" data-testid="po-refusal">
            <p className="inbound__problem-title">{t("inbound.detail.refused")}</p>
            <p>{po.refusal}</p>
          </div>
        )}
        {detail.lockedReason !== null && po.stage !== "cancelled" && (
          <p className="inbound__hint" data-testid="po-locked">
            {t("inbound.detail.locked")} <span className="inbound__muted">({detail.lockedReason})</span>
          </p>
        )}
        <Fields>
          <Field label={t("inbound.list.supplier")}>{po.supplier}</Field>
          <Field label={t("inbound.list.reference")}>{po.reference ?? none}</Field>
          <Field label={t("inbound.list.expected")}>
            {po.expectedDate === null ? none : formatDate(language, po.expectedDate, "UTC")}
          </Field>
          <Field label={t("inbound.detail.remark")}>{detail.remark ?? none}</Field>
          {po.checkedAt !== null && (
            <Field label={t("inbound.detail.checkedAt")}>{formatDateTime(language, po.checkedAt)}</Field>
          )}
        </Fields>

        <LinesTable detail={detail} />

        <div className="inbound__actions">
          <button type="button" className="button" data-testid="po-edit" onClick={onEdit} disabled={!po.editable}>
            {t("inbound.detail.edit")}
          </button>
          {confirming ? (
            <span className="inbound__confirm" role="group" data-testid="po-cancel-confirm">
              <span>{t("inbound.detail.cancelConfirm", { number: po.number })}</span>
              <button type="button" className="button inbound__danger" data-testid="po-cancel-yes" onClick={doCancel}>
                {t("inbound.detail.cancelYes")}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t("inbound.detail.cancelNo")}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button"
              data-testid="po-cancel"
              onClick={() => setConfirming(true)}
              disabled={!po.editable || cancel.isPending}
            >
              {cancel.isPending ? t("inbound.working") : t("inbound.detail.cancel")}
            </button>
          )}
          <button type="button" className="button" data-testid="po-close" onClick={onClose}>
            {t("inbound.detail.close")}
          </button>
        </div>
        {cancel.error !== null && (
          <ErrorBanner
            testId="po-error"
            context={t("inbound.actionFailed")}
            code={cancel.error.code}
            message={cancel.error.message}
          />
        )}
      </div>
    </Card>
  );
}

/**
 * The lines as ordered with what arrived: received, rejected and the difference from what the
 * warehouse advised. Before the warehouse starts receiving, nothing is missing yet, so no
 * difference is shown.
 */
function LinesTable({ detail }: { detail: PurchaseOrderDetail }) {
  const t = useT();
  const [language] = useLanguage();
  const kinds = new Map(detail.deviations.map((d) => [d.sku, d.kinds]));
  return (
    <div className="inbound__table-wrap">
      <table className="inbound__table" data-testid="po-lines">
        <caption className="inbound__caption">{t("inbound.detail.lines")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("inbound.detail.sku")}</th>
            <th scope="col" className="inbound__num">
              {t("inbound.detail.quantity")}
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
          </tr>
        </thead>
        <tbody>
          {detail.lines.map((line) => {
            const base = line.advised ?? line.ordered;
            const started =
              detail.summary.stage === "receiving" || detail.summary.stage === "received" || line.received > 0;
            return (
              <tr key={line.sku} data-testid="po-line-row" data-sku={line.sku}>
                <th scope="row" className="inbound__sku">
                  {line.sku}
                </th>
                <td className="inbound__num">{formatUnits(language, line.ordered)}</td>
                <td className="inbound__num">{started ? formatUnits(language, line.received) : t("inbound.detail.none")}</td>
                <td className="inbound__num">{started ? formatUnits(language, line.rejected) : t("inbound.detail.none")}</td>
                <td className="inbound__num">
                  {started ? formatUnitDifference(language, line.received - base) : t("inbound.detail.none")}
                </td>
                <td className="inbound__num">
                  {started
                    ? (formatPercentDifference(language, percentOf(base, line.received)) ?? t("inbound.deviations.noPercent"))
                    : t("inbound.detail.none")}
                </td>
                <td>
                  <DeviationKinds kinds={kinds.get(line.sku) ?? []} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
