export { createQueryClient } from "./client";
export { queryKeys } from "./keys";
export { useAppInfo } from "./useAppInfo";
export { useReleaseAction, useReleaseOverview } from "./useRelease";
export { useSaveStatusMapping, useSaveTransportMapping, useStatusMapping, useTransportMapping } from "./useMappings";
export { ORDERS_PAGE_SIZE, useOrderAction, useOrderDetail, useOrderPages } from "./useOrders";
export {
  useConnectionsOverview,
  useGoLiveState,
  useSaveLanguage,
  useSavedLanguage,
  useSetupAction,
  useSetupCheck,
  useSyncSettings,
  useWarehouses,
} from "./useSetup";
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
export {
  INBOUND_REFRESH_MS,
  useDeviations,
  useInboundAction,
  useParseLines,
  usePurchaseOrder,
  usePurchaseOrders,
} from "./useInbound";
export {
  RETURNS_REFRESH_MS,
  useRegisterReturn,
  useReturnCauses,
  useReturnDetail,
  useReturnableOrders,
  useReturns,
  useSetReturnState,
} from "./useReturns";
