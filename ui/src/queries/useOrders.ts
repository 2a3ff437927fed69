import { useMutation, useQueries, useQuery, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import type { ListOrdersRequest } from "../bindings/ListOrdersRequest";
import type { OrderDetail } from "../bindings/OrderDetail";
import type { OrderListPage } from "../bindings/OrderListPage";
import { call, type CommandError, type CommandName, type CommandRequest, type CommandResponse } from "../platform";
import { queryKeys } from "./keys";

/** Orders per page the list asks for. */
export const ORDERS_PAGE_SIZE = 200;

/** How often an open order page reads the order again, so new events appear by themselves. */
export const ORDER_REFRESH_MS = 15_000;

/**
 * The pages of the orders list that hold `indexes` (row positions), for a filter without offset
 * and limit. Pages are fetched by position, not one after the other, so a scroll to the end of
 * 50 000 orders asks for the last page only. The first page is always asked for: it carries the
 * total the list needs to size itself.
 */
export function useOrderPages(filter: Omit<ListOrdersRequest, "offset" | "limit">, pageNumbers: readonly number[]) {
  const numbers = [...new Set([0, ...pageNumbers])].sort((a, b) => a - b);
  return useQueries({
    queries: numbers.map((number) => {
      const request: ListOrdersRequest = { ...filter, offset: number * ORDERS_PAGE_SIZE, limit: ORDERS_PAGE_SIZE };
      return {
        queryKey: queryKeys.orders.page(request),
        queryFn: () => call("list_orders", request),
        staleTime: 10_000,
        // New orders and new states show up by themselves while the list is open.
        refetchInterval: ORDER_REFRESH_MS,
      };
    }),
    combine: (results) => ({
      pages: new Map(
        numbers.flatMap((number, at) => {
          const data = results[at]?.data;
          return data === undefined ? [] : [[number, data] as const];
        }),
      ) as ReadonlyMap<number, OrderListPage>,
      // Commands reject with a CommandError (see platform/call.ts).
      first: results[0] as UseQueryResult<OrderListPage, CommandError> | undefined,
    }),
  });
}

/** One order's page: state, hold, timeline and calls. */
export function useOrderDetail(shopOrderId: number) {
  return useQuery<OrderDetail, CommandError>({
    queryKey: queryKeys.orders.detail(shopOrderId),
    queryFn: () => call("order_detail", { shopOrderId }),
    refetchInterval: ORDER_REFRESH_MS,
  });
}

/** An action on an order (retry, re-send, lift a hold); a success reads the orders again. */
export function useOrderAction<K extends CommandName>(name: K) {
  const client = useQueryClient();
  return useMutation<CommandResponse<K>, CommandError, CommandRequest<K>>({
    mutationFn: (request) => call(name, request),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.orders.all }),
  });
}
