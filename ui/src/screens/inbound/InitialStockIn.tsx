import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { InitialStockInPreview } from "../../bindings/InitialStockInPreview";
import type { PurchaseOrderLineForm } from "../../bindings/PurchaseOrderLineForm";
import type { PurchaseOrderSaved } from "../../bindings/PurchaseOrderSaved";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useLanguage, useT } from "../../i18n";
import { call, type CommandError } from "../../platform";
import { useInboundAction } from "../../queries";
import { CsvImport } from "./CsvImport";
import { formatUnits } from "./format";
import { stockInRequest } from "./stockIn";

/**
 * The go-live purchase order: one action pre-advises every stock article in the warehouse (or
 * those whose SKU contains a filter), after a confirmation that says how many lines and units it
 * gets, as counted from the warehouse just before.
 */
export function InitialStockIn({ onCreated }: { onCreated: (saved: PurchaseOrderSaved) => void }) {
  const t = useT();
  const [language] = useLanguage();
  const [filter, setFilter] = useState("");
  const [defaultQuantity, setDefaultQuantity] = useState("");
  const [quantities, setQuantities] = useState<PurchaseOrderLineForm[]>([]);
  const [supplier, setSupplier] = useState("");
  const [expected, setExpected] = useState("");
  // `undefined`: no confirmation asked for; `null`: the count could not be made.
  const [confirm, setConfirm] = useState<InitialStockInPreview | null | undefined>(undefined);
  const [created, setCreated] = useState<PurchaseOrderSaved | null>(null);
  const create = useInboundAction("create_initial_stock_in");
  // Counted by the backend from the warehouse's stock articles as they are now. Should the count
  // fail, the merchant may still go ahead; the result then says how many lines it got.
  const count = useMutation<InitialStockInPreview | null, CommandError, void>({
    mutationFn: () => call("preview_initial_stock_in", request()).catch(() => null),
    onSuccess: setConfirm,
  });

  const request = () => stockInRequest({ filter, defaultQuantity, quantities, supplier, expected });
  const noQuantity = defaultQuantity.trim() === "" && quantities.length === 0;
  const busy = count.isPending || create.isPending;

  const start = () => {
    setCreated(null);
    create.reset();
    count.mutate();
  };
  const go = () => {
    setConfirm(undefined);
    create.mutate(request(), {
      onSuccess: (saved) => {
        setCreated(saved);
        onCreated(saved);
      },
    });
  };

  return (
    <Card title={t("inbound.stockIn.title")}>
      <div className="inbound__stock-in" data-testid="stock-in">
        <p className="inbound__hint">{t("inbound.stockIn.explain")}</p>
        <div className="inbound__fields">
          <label className="inbound__field">
            <span className="inbound__label">{t("inbound.stockIn.filterLabel")}</span>
            <input
              className="input"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              data-testid="po-stock-in-filter"
            />
            <span className="inbound__hint">{t("inbound.stockIn.filterHint")}</span>
          </label>
          <label className="inbound__field">
            <span className="inbound__label">{t("inbound.stockIn.defaultQuantity")}</span>
            <input
              className="input input--number"
              inputMode="numeric"
              value={defaultQuantity}
              onChange={(e) => setDefaultQuantity(e.target.value)}
              data-testid="po-stock-in-qty"
            />
            <span className="inbound__hint">{t("inbound.stockIn.defaultQuantityHint")}</span>
          </label>
          <label className="inbound__field">
            <span className="inbound__label">{t("inbound.stockIn.supplier")}</span>
            <input
              className="input"
              value={supplier}
              placeholder={t("inbound.stockIn.supplierPlaceholder")}
              onChange={(e) => setSupplier(e.target.value)}
              data-testid="po-stock-in-supplier"
            />
          </label>
          <label className="inbound__field">
            <span className="inbound__label">{t("inbound.stockIn.expected")}</span>
            <input
              className="input input--date"
              type="date"
              value={expected}
              onChange={(e) => setExpected(e.target.value)}
              data-testid="po-stock-in-expected"
            />
          </label>
        </div>
        <CsvImport
          label={t("inbound.stockIn.quantitiesFile")}
          testId="po-stock-in-csv"
          onLines={setQuantities}
          disabled={busy}
        />

        {confirm === undefined ? (
          <div className="inbound__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="po-stock-in"
              onClick={start}
              disabled={busy || noQuantity}
            >
              {count.isPending
                ? t("inbound.stockIn.counting")
                : create.isPending
                  ? t("inbound.stockIn.creating")
                  : t("inbound.stockIn.start")}
            </button>
            {noQuantity && <span className="inbound__hint">{t("inbound.stockIn.noQuantity")}</span>}
          </div>
        ) : confirm?.lines === 0 ? (
          <div className="inbound__warning" role="status" data-testid="po-stock-in-confirm" data-lines={0}>
            <p>{t("inbound.stockIn.nothing")}</p>
            <button type="button" className="button" onClick={() => setConfirm(undefined)}>
              {t("inbound.stockIn.confirmNo")}
            </button>
          </div>
        ) : (
          <div
            className="inbound__confirm-box"
            role="group"
            data-testid="po-stock-in-confirm"
            data-lines={confirm?.lines ?? ""}
          >
            <p>
              {confirm === null
                ? t("inbound.stockIn.confirmUnknown")
                : t("inbound.stockIn.confirm", {
                    lines: formatUnits(language, confirm.lines),
                    units: formatUnits(language, confirm.units),
                  })}
            </p>
            <div className="inbound__actions">
              <button type="button" className="button button--primary" data-testid="po-stock-in-yes" onClick={go}>
                {t("inbound.stockIn.confirmYes")}
              </button>
              <button type="button" className="button" data-testid="po-stock-in-no" onClick={() => setConfirm(undefined)}>
                {t("inbound.stockIn.confirmNo")}
              </button>
            </div>
          </div>
        )}

        {created !== null && (
          <p className="inbound__result" role="status" data-testid="po-stock-in-result">
            {t("inbound.stockIn.done", {
              number: created.detail.summary.number,
              lines: created.detail.summary.lineCount,
            })}
            {created.problem !== null && ` ${created.problem}`}
          </p>
        )}
        {create.error !== null && (
          <ErrorBanner
            testId="po-stock-in-error"
            context={t("inbound.stockIn.failed")}
            code={create.error.code}
            message={create.error.message}
          />
        )}
      </div>
    </Card>
  );
}
