import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call, type CommandError } from "../platform";
import type { ReturnCommands } from "../screens/returns/types";
import { queryKeys } from "./keys";

/**
 * How often the open returns screen reads again: what the warehouse received comes back on the
 * returns schedule, so received quantities and differences appear by themselves.
 */
export const RETURNS_REFRESH_MS = 30_000;

type Name = keyof ReturnCommands;

/** `call` for the returns commands, typed by their request and response. */
const callReturns = call as unknown as <K extends Name>(name: K, request: ReturnCommands[K][0]) => Promise<ReturnCommands[K][1]>;

/** Shop orders matching a number, a customer's name or an e-mail, with what can be returned per line. */
export function useReturnableOrders(query: string) {
  return useQuery<ReturnCommands["find_returnable_orders"][1], CommandError>({
    queryKey: queryKeys.returns.search(query),
    queryFn: () => callReturns("find_returnable_orders", { query }),
    enabled: query.trim() !== "",
  });
}

/** The warehouse's own return causes; fails in words when its returns API is not switched on. */
export function useReturnCauses() {
  return useQuery<ReturnCommands["list_return_causes"][1], CommandError>({
    queryKey: queryKeys.returns.causes(),
    queryFn: () => callReturns("list_return_causes", {}),
    staleTime: 5 * 60_000,
  });
}

/** Every return, the merchant's and the warehouse's own; refunded and closed ones only when asked for. */
export function useReturns(includeClosed: boolean) {
  return useQuery<ReturnCommands["list_returns"][1], CommandError>({
    queryKey: queryKeys.returns.list(includeClosed),
    queryFn: () => callReturns("list_returns", { includeFinished: includeClosed }),
    refetchInterval: RETURNS_REFRESH_MS,
  });
}

/** One return with its lines as announced and as received. */
export function useReturnDetail(number: string) {
  return useQuery<ReturnCommands["return_detail"][1], CommandError>({
    queryKey: queryKeys.returns.detail(number),
    queryFn: () => callReturns("return_detail", { number }),
    refetchInterval: RETURNS_REFRESH_MS,
  });
}

function useReturnsMutation<K extends Name>(name: K) {
  const client = useQueryClient();
  return useMutation<ReturnCommands[K][1], CommandError, ReturnCommands[K][0]>({
    mutationFn: (request) => callReturns(name, request),
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
