import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, type CommandError, type CommandName, type CommandRequest, type CommandResponse } from "../platform";
import { queryKeys } from "./keys";

/**
 * How often the open returns screen reads again: what the warehouse received comes back on the
 * returns schedule, so received quantities and differences appear by themselves.
 */
export const RETURNS_REFRESH_MS = 30_000;

/** Shop orders matching a number, a customer's name or an e-mail, with what can be returned per line. */
export function useReturnableOrders(query: string) {
  return useQuery<CommandResponse<"find_returnable_orders">, CommandError>({
    queryKey: queryKeys.returns.search(query),
    queryFn: () => call("find_returnable_orders", { query }),
    enabled: query.trim() !== "",
  });
}

/** The warehouse's own return causes; fails in words when its returns API is not switched on. */
export function useReturnCauses() {
  return useQuery<CommandResponse<"list_return_causes">, CommandError>({
    queryKey: queryKeys.returns.causes(),
    queryFn: () => call("list_return_causes", {}),
    staleTime: 5 * 60_000,
  });
}

/** Every return, the merchant's and the warehouse's own; refunded and closed ones only when asked for. */
export function useReturns(includeClosed: boolean) {
  return useQuery<CommandResponse<"list_returns">, CommandError>({
    queryKey: queryKeys.returns.list(includeClosed),
    queryFn: () => call("list_returns", { includeFinished: includeClosed }),
    refetchInterval: RETURNS_REFRESH_MS,
  });
}

/** One return with its lines as announced and as received. */
export function useReturnDetail(number: string) {
  return useQuery<CommandResponse<"return_detail">, CommandError>({
    queryKey: queryKeys.returns.detail(number),
    queryFn: () => call("return_detail", { number }),
    refetchInterval: RETURNS_REFRESH_MS,
  });
}

function useReturnsMutation<K extends CommandName>(name: K) {
  const client = useQueryClient();
  return useMutation<CommandResponse<K>, CommandError, CommandRequest<K>>({
    mutationFn: (request) => call(name, request),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.returns.all });
      void client.invalidateQueries({ queryKey: queryKeys.runs.dashboard() });
    },
  });
}

/** Registers a return against a shop order; the list, the order's returnable quantities and the dashboard read again. */
export function useRegisterReturn() {
  return useReturnsMutation("register_return");
}

/** Marks a return received, refunded (with the amount) or closed (with a note). */
export function useSetReturnState() {
  return useReturnsMutation("set_return_state");
}
