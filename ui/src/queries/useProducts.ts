import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ProductsOverview } from "../bindings/ProductsOverview";
import type { StockReconciliationOverview } from "../bindings/StockReconciliationOverview";
import { call, type CommandError, type CommandName, type CommandRequest, type CommandResponse } from "../platform";
import { queryKeys } from "./keys";

/**
 * Every product with its sync state, problems and stock. Reading it reads the shop's whole
 * catalogue, so it is not polled: the merchant reads it again when they want.
 */
export function useProductsOverview() {
  return useQuery<ProductsOverview, CommandError>({
    queryKey: queryKeys.products.overview(),
    queryFn: () => call("products_overview", {}),
    staleTime: 60_000,
  });
}

/** The last stock reconciliation report (kept by the backend) and the "report only" setting. */
export function useStockReconciliation() {
  return useQuery<StockReconciliationOverview, CommandError>({
    queryKey: queryKeys.products.reconciliation(),
    queryFn: () => call("stock_reconciliation_overview", {}),
  });
}

/**
 * One of the products or reconciliation actions (retry, export, reconcile, correct). A success
 * may change what both screens show, so both are read again.
 */
export function useProductsAction<K extends CommandName>(name: K) {
  const client = useQueryClient();
  return useMutation<CommandResponse<K>, CommandError, CommandRequest<K>>({
    mutationFn: (request) => call(name, request),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.products.all }),
  });
}
