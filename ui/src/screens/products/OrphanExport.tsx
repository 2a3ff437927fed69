import { useState } from "react";
import type { OrphanedArticlesExport } from "../../bindings/OrphanedArticlesExport";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useLanguage, useT } from "../../i18n";
import { useProductsAction } from "../../queries/useProducts";

/** Articles only in the warehouse, and the file the merchant mails to the 3PL about them. */
export function OrphanExport({ count }: { count: number }) {
  const t = useT();
  const [language] = useLanguage();
  const [done, setDone] = useState<OrphanedArticlesExport | null>(null);
  const exporting = useProductsAction("export_orphaned_articles");

  const run = () => {
    setDone(null);
    exporting.mutate({ language }, { onSuccess: setDone });
  };

  return (
    <Card title={t("products.list.filters.orphaned", { count })}>
      <div className="products__orphans" data-testid="orphans">
        <p className="products__hint">{t("products.orphans.info")}</p>
        <div>
          <button
            type="button"
            className="button"
            data-testid="orphans-export"
            onClick={run}
            disabled={exporting.isPending}
          >
            {exporting.isPending ? t("products.orphans.exporting") : t("products.orphans.export")}
          </button>
        </div>
        {done !== null && (
          <div className="products__result" role="status" data-testid="orphans-export-result" data-rows={done.rows}>
            <p>
              {t("products.orphans.exported", { rows: done.rows, path: done.path })}
            </p>
            {!done.fromWarehouse && <p>{t("products.orphans.warehouseOffline")}</p>}
          </div>
        )}
        {exporting.error !== null && (
          <ErrorBanner
            testId="orphans-export-error"
            context={t("products.orphans.exportFailed")}
            code={exporting.error.code}
            message={exporting.error.message}
          />
        )}
      </div>
    </Card>
  );
}
