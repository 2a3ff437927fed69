import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { HealthCheck } from "../bindings/HealthCheck";
import type { Dashboard } from "../bindings/Dashboard";
import type { FailedCalls } from "../bindings/FailedCalls";
import type { FlowName } from "../bindings/FlowName";
import type { RetryCallsResult } from "../bindings/RetryCallsResult";
import type { RunFlowNowResult } from "../bindings/RunFlowNowResult";
import type { SyncLogPage } from "../bindings/SyncLogPage";
import type { SyncLogRequest } from "../bindings/SyncLogRequest";
import type { SyncProgress } from "../bindings/SyncProgress";
import { call, type CommandError } from "../platform";
import { queryKeys } from "./keys";

/** How often the dashboard and the sync log read again while shown. */
export const RUNS_REFRESH_MS = 15_000;

/** How often running work is asked for its progress. */
export const PROGRESS_POLL_MS = 400;

/** The dashboard: health, flows, counts and what needs attention, read again while shown. */
export function useDashboard() {
  return useQuery<Dashboard, CommandError>({
    queryKey: queryKeys.runs.dashboard(),
    queryFn: () => call("dashboard", {}),
    refetchInterval: RUNS_REFRESH_MS,
  });
}

/** How often the screens look at what the background runner is doing. */
export const ACTIVITY_POLL_MS = 3_000;

/** What the engine is doing now, for a line on the screens; off while `paused`. */
export function useEngineActivity(paused = false) {
  return useQuery<SyncProgress, CommandError>({
    queryKey: queryKeys.runs.activity(),
    queryFn: () => call("sync_progress", {}),
    enabled: !paused,
    refetchInterval: paused ? false : ACTIVITY_POLL_MS,
    staleTime: 0,
  });
}

/** One quick live call to each system, when the merchant asks. */
export function useCheckConnections() {
  return useMutation<HealthCheck, CommandError, void>({
    mutationFn: () => call("check_connections", {}),
  });
}

/** One page of sync runs; the previous page stays shown while the next one loads. */
export function useSyncLog(request: SyncLogRequest) {
  return useQuery<SyncLogPage, CommandError>({
    queryKey: queryKeys.runs.log(request),
    queryFn: () => call("sync_log", request),
    placeholderData: keepPreviousData,
    refetchInterval: RUNS_REFRESH_MS,
  });
}

/** Calls that failed and are retried or given up on. */
export function useFailedCalls() {
  return useQuery<FailedCalls, CommandError>({
    queryKey: queryKeys.runs.calls(),
    queryFn: () => call("failed_calls", {}),
    refetchInterval: RUNS_REFRESH_MS,
  });
}

/** Queues calls that gave up again (`ids` empty: all of them). */
export function useRetryCalls() {
  const client = useQueryClient();
  return useMutation<RetryCallsResult, CommandError, number[]>({
    mutationFn: (ids) => call("retry_calls", { ids }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.runs.all }),
  });
}

/**
 * Starts a flow (or every flow, `null`) and follows it: `progress` is polled until the backend
 * has no "run now" left, then everything the runs screens show is read again.
 */
export function useRunNow() {
  const client = useQueryClient();
  // When the run was started: progress read before then says nothing about it.
  const [since, setSince] = useState<number | null>(null);
  const following = since !== null;
  const [finished, setFinished] = useState(false);
  const start = useMutation<RunFlowNowResult, CommandError, FlowName | null>({
    mutationFn: (flow) => call("run_flow_now", { flow }),
    onMutate: () => setFinished(false),
    onSuccess: () => setSince(Date.now()),
  });
  const progress = useQuery<SyncProgress, CommandError>({
    queryKey: queryKeys.runs.progress(),
    queryFn: () => call("sync_progress", {}),
    enabled: following,
    refetchInterval: following ? PROGRESS_POLL_MS : false,
    staleTime: 0,
  });
  const waiting = progress.data?.waiting;
  const updatedAt = progress.dataUpdatedAt;
  useEffect(() => {
    if (since !== null && waiting === 0 && updatedAt >= since) {
      setSince(null);
      setFinished(true);
      // A run changes what every screen shows (orders, products, purchase orders), not only the log.
      void client.invalidateQueries({ refetchType: "active" });
    }
  }, [since, waiting, updatedAt, client]);
  return {
    start: (flow: FlowName | null) => start.mutate(flow),
    starting: start.isPending,
    startError: start.error,
    running: start.isPending || following,
    progress: following ? progress.data : undefined,
    finished,
  };
}
