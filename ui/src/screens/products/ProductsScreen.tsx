import { useState } from "react";
import type { ProductsOverview } from "../../bindings/ProductsOverview";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, formatNumber, useLanguage, useT } from "../../i18n";
import { useFocus } from "../../navigation/navigate";
import { useProductsOverview } from "../../queries/useProducts";
import { OrphanExport } from "./OrphanExport";
import { ProductTable } from "./ProductTable";
import { PRODUCT_FILTERS, type ProductFilter, filterProducts } from "./productList";
import "./Products.css";

/**
 * Products (flow 1 as the merchant sees it): every SKU's sync state with the warehouse, why a
 * product is held back, articles left only in the warehouse with their export for the 3PL, and
 * both sides' stock. Opened with a focus (a SKU), the search starts with it.
 */
export function ProductsScreen() {
  const t = useT();
  const overview = useProductsOverview();

  if (overview.isPending) {
    return (
      <p className="screen-status" role="status" data-testid="products-loading">
        {t("products.list.loading")}
      </p>
    );
  }

  if (overview.isError) {
    return (
      <div className="products">
        <ErrorBanner
          testId="products-error"
          context={t("products.list.loadFailed")}
          code={overview.error.code}
          message={overview.error.message}
          onRetry={() => void overview.refetch()}
          retrying={overview.isFetching}
        />
      </div>
    );
  }

  return (
    <ProductsView
      overview={overview.data}
      refreshing={overview.isFetching}
      onRefresh={() => void overview.refetch()}
    />
  );
}

type ProductsViewProps = { overview: ProductsOverview; refreshing: boolean; onRefresh: () => void };

function ProductsView({ overview, refreshing, onRefresh }: ProductsViewProps) {
  const t = useT();
  const [language] = useLanguage();
  const focus = useFocus();
  const [filter, setFilter] = useState<ProductFilter>("all");
  const [query, setQuery] = useState(focus ?? "");
  const rows = filterProducts(overview.rows, filter, query);

  return (
    <div className="products">
      <div className="products__bar">
        <span className="products__read-at" data-testid="products-read-at">
          {t("products.list.readAt", { time: formatDateTime(language, overview.readAt) })}
        </span>
        <button type="button" className="button" data-testid="products-refresh" onClick={onRefresh} disabled={refreshing}>
          {refreshing ? t("products.list.refreshing") : t("products.list.refresh")}
        </button>
      </div>

      {overview.shopProblem !== null && (
        <div className="products__notice" role="status" data-testid="products-shop-problem">
          <p>{t("products.list.shopProblem")}</p>
          <p className="products__notice-detail">{overview.shopProblem}</p>
        </div>
      )}

      {overview.counts.orphaned > 0 && <OrphanExport count={overview.counts.orphaned} />}

      <div className="products__filters">
        <label className="products__search">
          <span>{t("products.list.searchLabel")}</span>
          <input
            type="search"
            data-testid="products-search"
            value={query}
            placeholder={t("products.list.searchPlaceholder")}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <div className="products__filter-buttons" role="group" aria-label={t("products.list.filterLabel")}>
          {PRODUCT_FILTERS.map((name) => (
            <button
              key={name}
              type="button"
              className={filter === name ? "button products__filter products__filter--on" : "button products__filter"}
              aria-pressed={filter === name}
              data-testid="products-filter"
              data-filter={name}
              onClick={() => setFilter(name)}
            >
              {t(`products.list.filters.${name}`, { count: formatNumber(language, overview.counts[name]) })}
            </button>
          ))}
        </div>
      </div>

      {overview.rows.length === 0 ? (
        <p className="screen-status" data-testid="products-none">
          {t("products.list.none")}
        </p>
      ) : (
        <ProductTable key={`${filter}|${query}`} rows={rows} />
      )}
    </div>
  );
}
