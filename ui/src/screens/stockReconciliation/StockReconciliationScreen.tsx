import { useEffect, useState } from "react";
import type { StockCorrectionsResult } from "../../bindings/StockCorrectionsResult";
import type { StockReconciliationOverview } from "../../bindings/StockReconciliationOverview";
import type { StockReconciliationReport } from "../../bindings/StockReconciliationReport";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, formatNumber, useLanguage, useT } from "../../i18n";
import { useProductsAction, useStockReconciliation } from "../../queries/useProducts";
import { formatDifference, formatQuantity } from "../products/productList";
import "./StockReconciliation.css";

/**
 * Stock reconciliation (lageravstämning): compares the warehouse's sellable stock with the shop's
 * for every article as a dry run, lists the differences, and writes the corrections the merchant
 * chooses (all, or the ticked ones). The last report is kept, so the screen shows it on return.
 */
export function StockReconciliationScreen() {
  const t = useT();
  const overview = useStockReconciliation();

  if (overview.isPending) {
    return (
      <p className="screen-status" role="status" data-testid="reconcile-loading">
        {t("products.reconciliation.loading")}
      </p>
    );
  }

  if (overview.isError) {
    return (
      <ErrorBanner
        testId="reconcile-load-error"
        context={t("products.reconciliation.loadFailed")}
        code={overview.error.code}
        message={overview.error.message}
        onRetry={() => void overview.refetch()}
        retrying={overview.isFetching}
      />
    );
  }

  return <ReconciliationView overview={overview.data} />;
}

/** Whole seconds since `busy` turned true, counting while it stays true. */
function useElapsedSeconds(busy: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!busy) return undefined;
    const started = Date.now();
    setSeconds(0);
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [busy]);
  return seconds;
}

function ReconciliationView({ overview }: { overview: StockReconciliationOverview }) {
  const t = useT();
  const [language] = useLanguage();
  const run = useProductsAction("run_stock_reconciliation");
  const apply = useProductsAction("apply_stock_corrections");
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [result, setResult] = useState<StockCorrectionsResult | null>(null);
  const busy = run.isPending || apply.isPending;
  const seconds = useElapsedSeconds(busy);
  const report = overview.last;

  const reconcile = () => {
    setResult(null);
    apply.reset();
    run.mutate({}, { onSuccess: () => setSelected(new Set()) });
  };

  const correct = (skus: string[] | null) => {
    setResult(null);
    run.reset();
    apply.mutate(
      { skus },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setSelected(new Set());
        },
      },
    );
  };

  const error = run.error ?? apply.error;

  return (
    <div className="reconcile">
      <Card title={t("products.reconciliation.title")}>
        <div className="reconcile__head">
          <p className="reconcile__intro">{t("products.reconciliation.intro")}</p>
          {overview.reportOnly && (
            <p className="reconcile__hint" data-testid="reconcile-report-only">
              {t("products.reconciliation.reportOnly")}
            </p>
          )}
          <p className="reconcile__last" data-testid="reconcile-last-run">
            {report === null
              ? t("products.reconciliation.never")
              : t("products.reconciliation.lastRun", { time: formatDateTime(language, report.ranAt) })}
          </p>
          <div>
            <button
              type="button"
              className="button reconcile__primary"
              data-testid="reconcile-run"
              onClick={reconcile}
              disabled={busy}
            >
              {report === null ? t("products.reconciliation.run") : t("products.reconciliation.runAgain")}
            </button>
          </div>
          {busy && (
            <div className="reconcile__progress" role="status" aria-live="polite" data-testid="reconcile-progress">
              <span className="reconcile__spinner" aria-hidden="true" />
              <div>
                <p className="reconcile__progress-title">
                  {run.isPending ? t("products.reconciliation.running") : t("products.reconciliation.applying")}
                </p>
                <p className="reconcile__hint">
                  {run.isPending
                    ? t("products.reconciliation.runningDetail")
                    : t("products.reconciliation.applyingDetail")}
                </p>
                <p className="reconcile__hint" data-testid="reconcile-elapsed">
                  {t("products.reconciliation.elapsed", { seconds })}
                </p>
              </div>
            </div>
          )}
          {error !== null && (
            <ErrorBanner
              testId="reconcile-error"
              context={run.error !== null ? t("products.reconciliation.runFailed") : t("products.reconciliation.applyFailed")}
              code={error.code}
              message={error.message}
            />
          )}
          {result !== null && <CorrectionsResult result={result} />}
          <RaisedOutside overview={overview} />
        </div>
      </Card>
      {report !== null && (
        <Differences
          report={report}
          selected={selected}
          onSelect={setSelected}
          onCorrect={correct}
          busy={busy}
        />
      )}
    </div>
  );
}

/** Articles the shop shows above what Brygga last wrote: another writer of stock is at work. */
function RaisedOutside({ overview }: { overview: StockReconciliationOverview }) {
  const t = useT();
  const [language] = useLanguage();
  if (overview.raisedOutside.length === 0) return null;
  return (
    <div className="reconcile__warning" role="alert" data-testid="reconcile-raised-outside">
      <p>{t("products.reconciliation.raisedOutside", { count: overview.raisedOutside.length })}</p>
      <ul>
        {overview.raisedOutside.map((raised) => (
          <li key={raised.sku} data-testid="reconcile-raised" data-sku={raised.sku}>
            <span className="reconcile__sku">{raised.sku}</span>
            {raised.name !== null && ` ${raised.name}`}:{" "}
            {t("products.reconciliation.raisedLine", {
              written: formatNumber(language, raised.written),
              shown: formatNumber(language, raised.shown),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

function CorrectionsResult({ result }: { result: StockCorrectionsResult }) {
  const t = useT();
  return (
    <div className="reconcile__result" role="status" data-testid="reconcile-result" data-written={result.written.length}>
      <p>{t("products.reconciliation.written", { count: result.written.length })}</p>
      {result.alreadyRight.length > 0 && (
        <p>{t("products.reconciliation.alreadyRight", { count: result.alreadyRight.length })}</p>
      )}
      {result.failed.length > 0 && (
        <>
          <p className="reconcile__failed-title">{t("products.reconciliation.failed", { count: result.failed.length })}</p>
          <ul className="reconcile__failed">
            {result.failed.map((failure) => (
              <li key={failure.sku} data-testid="reconcile-failed" data-sku={failure.sku}>
                <span className="reconcile__sku">{failure.sku}</span>: {failure.message}
                {failure.retrying && ` (${t("products.reconciliation.willRetry")})`}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

type DifferencesProps = {
  report: StockReconciliationReport;
  selected: ReadonlySet<string>;
  onSelect: (skus: ReadonlySet<string>) => void;
  onCorrect: (skus: string[] | null) => void;
  busy: boolean;
};

function Differences({ report, selected, onSelect, onCorrect, busy }: DifferencesProps) {
  const t = useT();
  const [language] = useLanguage();
  const { differences } = report;
  // A SKU ticked before a new report and no longer different is not chosen.
  const chosen = differences.filter((d) => selected.has(d.sku)).map((d) => d.sku);
  const allChosen = differences.length > 0 && chosen.length === differences.length;

  const toggle = (sku: string) => {
    const next = new Set(selected);
    if (next.has(sku)) next.delete(sku);
    else next.add(sku);
    onSelect(next);
  };

  return (
    <Card title={t("products.reconciliation.caption")}>
      <div className="reconcile__report" data-testid="reconcile-report">
        <p className="reconcile__summary" data-testid="reconcile-summary">
          {t("products.reconciliation.summary", {
            differences: formatNumber(language, differences.length),
            read: formatNumber(language, report.read),
            unchanged: formatNumber(language, report.unchanged),
          })}
        </p>
        {report.notInShop.length > 0 && (
          <p className="reconcile__hint" data-testid="reconcile-not-in-shop">
            {t("products.reconciliation.notInShop", {
              count: report.notInShop.length,
              skus: report.notInShop.join(", "),
            })}
          </p>
        )}
        {differences.length === 0 ? (
          <p className="screen-status" data-testid="reconcile-empty">
            {t("products.reconciliation.noDifferences")}
          </p>
        ) : (
          <>
            <div className="reconcile__table-wrap">
              <table className="reconcile__table" data-testid="reconcile-table">
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label={t("products.reconciliation.selectAll")}
                        data-testid="reconcile-select-all"
                        checked={allChosen}
                        disabled={busy}
                        onChange={() => onSelect(allChosen ? new Set() : new Set(differences.map((d) => d.sku)))}
                      />
                    </th>
                    <th scope="col">{t("products.reconciliation.columns.sku")}</th>
                    <th scope="col">{t("products.reconciliation.columns.name")}</th>
                    <th scope="col" className="reconcile__number">
                      {t("products.reconciliation.columns.warehouse")}
                    </th>
                    <th scope="col" className="reconcile__number">
                      {t("products.reconciliation.columns.shop")}
                    </th>
                    <th scope="col" className="reconcile__number">
                      {t("products.reconciliation.columns.difference")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {differences.map((d) => (
                    <tr key={d.sku} data-testid="reconcile-row" data-sku={d.sku}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t("products.reconciliation.selectSku", { sku: d.sku })}
                          checked={selected.has(d.sku)}
                          disabled={busy}
                          onChange={() => toggle(d.sku)}
                        />
                      </td>
                      <td className="reconcile__sku">{d.sku}</td>
                      <td>{d.name ?? "–"}</td>
                      <td className="reconcile__number" data-testid="reconcile-warehouse">
                        {formatQuantity(language, d.warehouse)}
                      </td>
                      <td className="reconcile__number" data-testid="reconcile-shop">
                        {formatQuantity(language, d.shop)}
                      </td>
                      <td
                        className={
                          d.difference < 0 ? "reconcile__number reconcile__minus" : "reconcile__number reconcile__plus"
                        }
                        data-testid="reconcile-difference"
                      >
                        {formatDifference(language, d.difference)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="reconcile__actions">
              <button
                type="button"
                className="button reconcile__primary"
                data-testid="reconcile-apply"
                disabled={busy}
                onClick={() => onCorrect(chosen.length > 0 ? chosen : null)}
              >
                {chosen.length > 0
                  ? t("products.reconciliation.applySelected", { count: chosen.length })
                  : t("products.reconciliation.applyAll", { count: differences.length })}
              </button>
            </div>
          </>
        )}
      </div>
    </Card>
  );
}
