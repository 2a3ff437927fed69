export { createQueryClient } from "./client";
export { queryKeys } from "./keys";
export { useAppInfo } from "./useAppInfo";
export { useReleaseAction, useReleaseOverview } from "./useRelease";
export {
  PROGRESS_POLL_MS,
  RUNS_REFRESH_MS,
  useCheckConnections,
  useDashboard,
  useEngineActivity,
  useFailedCalls,
  useRetryCalls,
  useRunNow,
  useSyncLog,
} from "./useRuns";
