import { useEffect, useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { OrderRow } from "../../bindings/OrderRow";
import { Badge } from "../../components/Badge";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, formatNumber, useLanguage, useT } from "../../i18n";
import { ORDERS_PAGE_SIZE, useOrderPages } from "../../queries";
import { filterRequest, shopStatusText, warehouseStatusText, type OrderFilterForm } from "./format";
import { OrderFilters } from "./OrderFilters";
import { OrderStateBadge } from "./OrderStateBadge";

/** Height of one row in pixels; rows are one line, so the list can place row n without measuring. */
export const ROW_HEIGHT = 40;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 12;
/** The scroll area's size before it is measured (tests without layout render this much). */
const INITIAL_RECT = { width: 1100, height: 600 };

type Props = {
  filter: OrderFilterForm;
  onFilter: (next: OrderFilterForm) => void;
  onOpen: (shopOrderId: number) => void;
};

/**
 * The orders list: filters, then a virtualized list sized for every matching order. Only the rows
 * in view are in the page, and only the pages of rows in view are asked for.
 */
export function OrderList({ filter, onFilter, onOpen }: Props) {
  const t = useT();
  const [language] = useLanguage();
  const scroller = useRef<HTMLDivElement>(null);
  const request = filterRequest(filter);
  // The first page tells the total; the virtualizer then says which rows are in view.
  const probe = useOrderPages(request, []);
  const total = probe.first?.data?.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: INITIAL_RECT,
  });
  const filterKey = JSON.stringify(request);
  // A new filter starts at the top of its own list.
  useEffect(() => {
    if (scroller.current !== null) scroller.current.scrollTop = 0;
  }, [filterKey]);
  const items = virtualizer.getVirtualItems();
  const wanted = [...new Set(items.map((item) => Math.floor(item.index / ORDERS_PAGE_SIZE)))];
  const { pages, first } = useOrderPages(request, wanted);
  const rowAt = (index: number): OrderRow | undefined =>
    pages.get(Math.floor(index / ORDERS_PAGE_SIZE))?.orders[index % ORDERS_PAGE_SIZE];

  const error = first?.error;
  const firstPage = pages.get(0);

  return (
    <div className="orders" data-testid="orders-screen">
      <OrderFilters filter={filter} onFilter={onFilter} />
      {error !== null && error !== undefined && (
        <>
          <ErrorBanner
            testId="orders-error"
            context={t("orders.loadFailed")}
            code={error.code}
            message={error.message}
            onRetry={() => void first?.refetch()}
            retrying={first?.isFetching ?? false}
          />
          {error.code === "notConfigured" && <p className="screen-status">{t("orders.notConfigured")}</p>}
        </>
      )}
      {firstPage === undefined && error == null && (
        <p className="screen-status" role="status" data-testid="orders-loading">
          {t("orders.loading")}
        </p>
      )}
      {firstPage !== undefined && (
        <>
          <p className="orders__count" data-testid="orders-count" data-total={firstPage.total}>
            {t("orders.count", { total: formatNumber(language, firstPage.total) })}
          </p>
          {!firstPage.shopStatusNames && firstPage.total > 0 && (
            <p className="orders__note" data-testid="orders-names-missing">
              {t("orders.namesMissing")}
            </p>
          )}
          <div className="orders__table" role="table" aria-rowcount={firstPage.total}>
            <div className="orders__row orders__row--head" role="row">
              <span role="columnheader">{t("orders.columns.order")}</span>
              <span role="columnheader">{t("orders.columns.created")}</span>
              <span role="columnheader">{t("orders.columns.state")}</span>
              <span role="columnheader">{t("orders.columns.lock")}</span>
              <span role="columnheader">{t("orders.columns.warehouseStatus")}</span>
              <span role="columnheader">{t("orders.columns.shopStatus")}</span>
              <span role="columnheader">{t("orders.columns.tracking")}</span>
            </div>
            {firstPage.total === 0 ? (
              <p className="screen-status orders__empty" data-testid="orders-empty">
                {t("orders.empty")}
              </p>
            ) : (
              <div className="orders__scroller" ref={scroller} data-testid="orders-list" role="rowgroup">
                <div className="orders__spacer" style={{ height: `${virtualizer.getTotalSize()}px` }}>
                  {items.map((item) => {
                    const order = rowAt(item.index);
                    const place = { transform: `translateY(${item.start}px)`, height: `${ROW_HEIGHT}px` };
                    if (order === undefined) {
                      return (
                        <div key={item.key} className="orders__row orders__row--placeholder" style={place} role="row">
                          <span className="orders__muted">{t("orders.loadingMore")}</span>
                        </div>
                      );
                    }
                    return (
                      <div
                        key={item.key}
                        className="orders__row"
                        style={place}
                        role="row"
                        aria-rowindex={item.index + 1}
                        data-testid="order-row"
                        data-order={order.shopOrderId}
                        data-state={order.state}
                        data-locked={order.locked}
                        onClick={() => onOpen(order.shopOrderId)}
                      >
                        <span role="cell">
                          <button
                            type="button"
                            className="orders__open"
                            data-testid="order-open"
                            aria-label={t("orders.openOrder", { order: order.shopOrderId })}
                            onClick={(event) => {
                              event.stopPropagation();
                              onOpen(order.shopOrderId);
                            }}
                          >
                            {order.shopOrderId}
                          </button>
                        </span>
                        <span role="cell" data-testid="order-created">
                          {formatDateTime(language, order.createdAt)}
                        </span>
                        <span role="cell">
                          <OrderStateBadge state={order.state} />
                        </span>
                        <span role="cell" data-testid="order-lock" title={order.locked ? t("orders.lockedTitle") : undefined}>
                          {order.locked ? <Badge tone="warning">{t("orders.locked")}</Badge> : t("orders.unlocked")}
                        </span>
                        <span role="cell" data-testid="order-warehouse-status">
                          {warehouseStatusText(order.warehouseStatus, order.warehouseStatusText) ??
                            t("common.notAvailable")}
                        </span>
                        <span role="cell" data-testid="order-shop-status">
                          {shopStatusText(order.shopStatusId, order.shopStatusName) ?? t("common.notAvailable")}
                        </span>
                        <span role="cell" className="orders__mono" data-testid="order-tracking">
                          {order.tracking ?? t("common.notAvailable")}
                        </span>
                      </div>
                    );
                  })}
                </div>
              </div>
            )}
          </div>
        </>
      )}
    </div>
  );
}
