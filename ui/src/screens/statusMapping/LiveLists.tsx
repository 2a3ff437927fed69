import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import type { CommandError } from "../../platform";

/**
 * Both mapping editors read the live lists of the shop and the warehouse before anything can be
 * mapped: while they load, or when a system cannot be read (with a retry, and a hint when the
 * connections are not set up), this shows that instead of the editor.
 */
export function LiveLists<T>({
  query,
  testIdPrefix,
  children,
}: {
  query: UseQueryResult<T, CommandError>;
  testIdPrefix: "status-mapping" | "transport-mapping";
  children: (data: T, loadedAt: number) => ReactNode;
}) {
  const t = useT();
  if (query.isPending) {
    return (
      <p className="screen-status" role="status" data-testid={`${testIdPrefix}-loading`}>
        {t("mappings.common.loading")}
      </p>
    );
  }
  if (query.isError) {
    return (
      <div className="mapping">
        <ErrorBanner
          testId={`${testIdPrefix}-error`}
          context={t("mappings.common.loadFailed")}
          code={query.error.code}
          message={query.error.message}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
        {query.error.code === "notConfigured" && (
          <p className="screen-status" data-testid={`${testIdPrefix}-not-configured`}>
            {t("mappings.common.notConfigured")}
          </p>
        )}
      </div>
    );
  }
  return <>{children(query.data, query.dataUpdatedAt)}</>;
}
