import { useQuery } from "@tanstack/react-query";
import { call, type CommandError } from "../platform";
import type { AppInfo } from "../bindings/AppInfo";

/** Query keys per area; events from the backend will invalidate by these. */
export const queryKeys = {
  appInfo: ["appInfo"] as const,
};

export function useAppInfo() {
  return useQuery<AppInfo, CommandError>({
    queryKey: queryKeys.appInfo,
    queryFn: () => call("app_info", {}),
  });
}
