import { useState, type FormEvent } from "react";
import type { PurchaseOrderDetail } from "../../bindings/PurchaseOrderDetail";
import type { PurchaseOrderSaved } from "../../bindings/PurchaseOrderSaved";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { useInboundAction } from "../../queries";
import { CsvImport } from "./CsvImport";
import { formRequest, lineDraft, lineDrafts, type LineDraft } from "./lines";

type Props = {
  /** The purchase order being changed, or `null` for a new one. */
  number: string | null;
  initial: PurchaseOrderDetail | null;
  onSaved: (saved: PurchaseOrderSaved) => void;
  onClose: () => void;
};

/**
 * Creates or changes a purchase order: supplier, reference, expected date, text for the warehouse
 * and lines of SKU and quantity, typed or read from a file. Saving sends it to the warehouse; a
 * change the warehouse no longer takes (it started receiving) is refused with the reason.
 */
export function PurchaseOrderForm({ number, initial, onSaved, onClose }: Props) {
  const t = useT();
  const create = useInboundAction("create_purchase_order");
  const update = useInboundAction("update_purchase_order");
  const [supplier, setSupplier] = useState(initial?.summary.supplier ?? "");
  const [reference, setReference] = useState(initial?.summary.reference ?? "");
  const [expected, setExpected] = useState(initial?.summary.expectedDate ?? "");
  const [remark, setRemark] = useState(initial?.remark ?? "");
  const [lines, setLines] = useState<LineDraft[]>(() =>
    initial === null
      ? [lineDraft()]
      : lineDrafts(initial.lines.filter((line) => line.ordered > 0).map((l) => ({ sku: l.sku, quantity: l.ordered }))),
  );
  const saving = create.isPending || update.isPending;
  const error = number === null ? create.error : update.error;

  const setLine = (key: number, change: Partial<LineDraft>) =>
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...change } : line)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const purchaseOrder = formRequest({ supplier, reference, expected, remark, lines });
    if (number === null) create.mutate(purchaseOrder, { onSuccess: onSaved });
    else update.mutate({ number, purchaseOrder }, { onSuccess: onSaved });
  };

  return (
    <Card title={number === null ? t("inbound.form.newTitle") : t("inbound.form.editTitle", { number })}>
      <form className="inbound__form" onSubmit={submit} data-testid="po-form" aria-busy={saving}>
        <div className="inbound__fields">
          <label className="inbound__field">
            <span className="inbound__label">{t("inbound.form.supplier")}</span>
            <input
              className="input"
              value={supplier}
              onChange={(e) => setSupplier(e.target.value)}
              data-testid="po-supplier"
              required
              maxLength={100}
            />
          </label>
          <label className="inbound__field">
            <span className="inbound__label">{t("inbound.form.reference")}</span>
            <input
              className="input"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
              data-testid="po-reference"
              maxLength={100}
            />
            <span className="inbound__hint">{t("inbound.form.referenceHint")}</span>
          </label>
          <label className="inbound__field">
            <span className="inbound__label">{t("inbound.form.expected")}</span>
            <input
              className="input input--date"
              type="date"
              value={expected}
              onChange={(e) => setExpected(e.target.value)}
              data-testid="po-expected"
            />
          </label>
          <label className="inbound__field inbound__field--wide">
            <span className="inbound__label">{t("inbound.form.remark")}</span>
            <textarea
              className="input inbound__textarea"
              value={remark}
              onChange={(e) => setRemark(e.target.value)}
              data-testid="po-remark"
              rows={2}
              maxLength={1000}
            />
          </label>
        </div>

        <fieldset className="inbound__lines" data-testid="po-lines-form">
          <legend className="inbound__label">{t("inbound.form.lines")}</legend>
          {lines.length === 0 && <p className="inbound__hint">{t("inbound.form.noLines")}</p>}
          {lines.length > 0 && (
            <table className="inbound__table inbound__table--form">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t("inbound.form.sku")}</th>
                  <th scope="col">{t("inbound.form.quantity")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("inbound.form.removeLine", { n: "" })}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line, index) => (
                  <tr key={line.key} data-testid="po-line">
                    <td className="inbound__muted">{index + 1}</td>
                    <td>
                      <input
                        className="input inbound__sku-input"
                        value={line.sku}
                        aria-label={`${t("inbound.form.lineLabel", { n: index + 1 })}: ${t("inbound.form.sku")}`}
                        onChange={(e) => setLine(line.key, { sku: e.target.value })}
                        data-testid="po-line-sku"
                      />
                    </td>
                    <td>
                      <input
                        className="input input--number"
                        inputMode="numeric"
                        value={line.quantity}
                        aria-label={`${t("inbound.form.lineLabel", { n: index + 1 })}: ${t("inbound.form.quantity")}`}
                        onChange={(e) => setLine(line.key, { quantity: e.target.value })}
                        data-testid="po-line-qty"
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="button button--small"
                        data-testid="po-line-remove"
                        onClick={() => setLines((current) => current.filter((l) => l.key !== line.key))}
                        aria-label={t("inbound.form.removeLine", { n: index + 1 })}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button
            type="button"
            className="button button--small"
            data-testid="po-line-add"
            onClick={() => setLines((current) => [...current, lineDraft()])}
          >
            {t("inbound.form.addLine")}
          </button>
        </fieldset>

        <CsvImport
          label={t("inbound.form.csv.title")}
          hint={t("inbound.form.csv.hint")}
          onLines={(read) => setLines(lineDrafts(read))}
          disabled={saving}
        />

        <div className="inbound__actions">
          <button type="submit" className="button button--primary" data-testid="po-save" disabled={saving}>
            {saving ? t("inbound.form.saving") : t("inbound.form.save")}
          </button>
          <button type="button" className="button" data-testid="po-form-close" onClick={onClose} disabled={saving}>
            {t("inbound.form.close")}
          </button>
        </div>
        {error !== null && (
          <ErrorBanner
            testId="po-error"
            context={error.code === "remoteRefused" ? t("inbound.form.refusedTitle") : t("inbound.form.saveFailed")}
            code={error.code}
            message={error.message}
          />
        )}
      </form>
    </Card>
  );
}
