import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DeviationList } from "../bindings/DeviationList";
import type { ParsedPurchaseOrderLines } from "../bindings/ParsedPurchaseOrderLines";
import type { PurchaseOrderDetail } from "../bindings/PurchaseOrderDetail";
import type { PurchaseOrderList } from "../bindings/PurchaseOrderList";
import { call, type CommandError, type CommandName, type CommandRequest, type CommandResponse } from "../platform";
import { queryKeys } from "./keys";

/**
 * How often the open inbound screen reads again: receipts come back from the warehouse on the
 * purchase orders schedule, so new quantities and deviations appear by themselves.
 */
export const INBOUND_REFRESH_MS = 30_000;

/** Every purchase order with its stage and open deviations; cancelled ones only when asked for. */
export function usePurchaseOrders(includeCancelled: boolean) {
  return useQuery<PurchaseOrderList, CommandError>({
    queryKey: queryKeys.inbound.list(includeCancelled),
    queryFn: () => call("list_purchase_orders", { includeCancelled }),
    refetchInterval: INBOUND_REFRESH_MS,
  });
}

/** One purchase order with its lines, what arrived and its deviations. */
export function usePurchaseOrder(number: string) {
  return useQuery<PurchaseOrderDetail, CommandError>({
    queryKey: queryKeys.inbound.detail(number),
    queryFn: () => call("purchase_order_detail", { number }),
    refetchInterval: INBOUND_REFRESH_MS,
  });
}

/** Deviations over every purchase order: the open ones, or also those acknowledged. */
export function useDeviations(includeAcknowledged: boolean) {
  return useQuery<DeviationList, CommandError>({
    queryKey: queryKeys.inbound.deviations(includeAcknowledged),
    queryFn: () => call("list_deviations", { includeAcknowledged }),
    refetchInterval: INBOUND_REFRESH_MS,
  });
}

/**
 * One of the inbound actions (create, change, cancel, stock-in, acknowledge). Success or not, it
 * may have changed the list, the deviations and the dashboard's attention list (a refused change
 * means the warehouse has started receiving), so all are read again.
 */
export function useInboundAction<K extends CommandName>(name: K) {
  const client = useQueryClient();
  return useMutation<CommandResponse<K>, CommandError, CommandRequest<K>>({
    mutationFn: (request) => call(name, request),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.inbound.all });
      void client.invalidateQueries({ queryKey: queryKeys.runs.dashboard() });
    },
  });
}

/** Reads `SKU;quantity` lines from a file's text; changes nothing, so nothing is read again. */
export function useParseLines() {
  return useMutation<ParsedPurchaseOrderLines, CommandError, string>({
    mutationFn: (text) => call("parse_purchase_order_lines", { text }),
  });
}
