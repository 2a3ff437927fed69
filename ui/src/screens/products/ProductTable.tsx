import { useState } from "react";
import type { ArticleProblemView } from "../../bindings/ArticleProblemView";
import type { ProductRow } from "../../bindings/ProductRow";
import type { RetryProductResult } from "../../bindings/RetryProductResult";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, formatNumber, useLanguage, useT } from "../../i18n";
import { useProductsAction } from "../../queries/useProducts";
import { PAGE_SIZE, formatQuantity, pageOf } from "./productList";

/** A problem in the merchant's language, from its kind and detail. */
function ProblemText({ problem }: { problem: ArticleProblemView }) {
  const t = useT();
  const detail = problem.kind === "other" ? problem.message : (problem.detail ?? "");
  return <>{t(`products.list.problems.${problem.kind}`, { detail })}</>;
}

/** One page of the filtered products, with paging and the "send again" of failed sends. */
export function ProductTable({ rows }: { rows: ProductRow[] }) {
  const t = useT();
  const [language] = useLanguage();
  const [page, setPage] = useState(0);
  const [answer, setAnswer] = useState<{ sku: string; result: RetryProductResult } | null>(null);
  const retry = useProductsAction("retry_product");
  const shown = pageOf(rows, page);

  if (rows.length === 0) {
    return (
      <p className="screen-status" data-testid="products-empty">
        {t("products.list.empty")}
      </p>
    );
  }

  const sendAgain = (sku: string) => {
    setAnswer(null);
    retry.mutate({ sku }, { onSuccess: (result) => setAnswer({ sku, result }) });
  };

  return (
    <div className="products__list">
      {answer !== null && (
        <p className="products__result" role="status" data-testid="product-retry-result" data-sent={answer.result.sent}>
          {answer.result.sent
            ? t("products.list.retrySent", { sku: answer.sku })
            : t("products.list.retryFailed", { sku: answer.sku, message: answer.result.failure ?? "" })}
        </p>
      )}
      {retry.error !== null && (
        <ErrorBanner
          testId="products-action-error"
          context={t("products.list.actionFailed")}
          code={retry.error.code}
          message={retry.error.message}
        />
      )}
      <div className="products__table-wrap">
        <table className="products__table" data-testid="products-table">
          <caption className="products__hidden">{t("products.list.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("products.list.columns.sku")}</th>
              <th scope="col">{t("products.list.columns.name")}</th>
              <th scope="col">{t("products.list.columns.state")}</th>
              <th scope="col">{t("products.list.columns.problems")}</th>
              <th scope="col" className="products__number">
                {t("products.list.columns.warehouseSellable")}
              </th>
              <th scope="col" className="products__number">
                {t("products.list.columns.shopQuantity")}
              </th>
              <th scope="col" className="products__number">
                {t("products.list.columns.written")}
              </th>
              <th scope="col">{t("products.list.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.items.map((row) => (
              <tr key={row.sku} data-testid="product-row" data-sku={row.sku} data-state={row.state}>
                <td className="products__sku">{row.sku}</td>
                <td>
                  {row.name ?? <span className="products__muted">{t("products.list.noName")}</span>}
                  {row.orphaned ? (
                    <span className="products__flag" data-testid="product-orphaned">
                      {t("products.list.orphaned")}
                    </span>
                  ) : (
                    !row.inShop && <span className="products__flag">{t("products.list.notInShop")}</span>
                  )}
                </td>
                <td>
                  <span className={`product-state product-state--${row.state}`} data-testid="product-state">
                    {t(`products.list.states.${row.state}`)}
                  </span>
                  {row.failure !== null && (
                    <p className="products__failure" data-testid="product-failure">
                      {t("products.list.failure", { message: row.failure })}
                    </p>
                  )}
                </td>
                <td>
                  {row.problems.length > 0 && (
                    <ul className="products__problems" data-testid="product-problems">
                      {row.problems.map((problem, index) => (
                        <li key={index} data-kind={problem.kind} title={problem.message}>
                          <ProblemText problem={problem} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="products__number" data-testid="product-warehouse-sellable">
                  {formatQuantity(language, row.warehouseSellable)}
                </td>
                <td className="products__number" data-testid="product-shop-quantity">
                  {formatQuantity(language, row.shopQuantity)}
                </td>
                <td className="products__number" data-testid="product-written">
                  {row.writtenQuantity === null || row.writtenAt === null ? (
                    "–"
                  ) : (
                    <>
                      {formatQuantity(language, row.writtenQuantity)}
                      <span className="products__when">{formatDateTime(language, row.writtenAt)}</span>
                    </>
                  )}
                </td>
                <td>
                  {row.state === "failed" && (
                    <button
                      type="button"
                      className="button"
                      data-testid="product-retry"
                      data-sku={row.sku}
                      aria-label={t("products.list.retrySku", { sku: row.sku })}
                      disabled={retry.isPending}
                      onClick={() => sendAgain(row.sku)}
                    >
                      {retry.isPending && retry.variables.sku === row.sku
                        ? t("products.list.retrying")
                        : t("products.list.retry")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="products__pager">
        <span data-testid="products-page-info">
          {t("products.list.showing", {
            from: formatNumber(language, shown.page * PAGE_SIZE + 1),
            to: formatNumber(language, shown.page * PAGE_SIZE + shown.items.length),
            total: formatNumber(language, rows.length),
          })}
        </span>
        {shown.pages > 1 && (
          <>
            <button
              type="button"
              className="button"
              data-testid="products-page-prev"
              disabled={shown.page === 0}
              onClick={() => setPage(shown.page - 1)}
            >
              {t("products.list.previous")}
            </button>
            <button
              type="button"
              className="button"
              data-testid="products-page-next"
              disabled={shown.page >= shown.pages - 1}
              onClick={() => setPage(shown.page + 1)}
            >
              {t("products.list.next")}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
