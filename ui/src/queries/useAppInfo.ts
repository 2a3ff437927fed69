import { useQuery } from "@tanstack/react-query";
import type { AppInfo } from "../bindings/AppInfo";
import { call, type CommandError } from "../platform";
import { queryKeys } from "./keys";

export function useAppInfo() {
  return useQuery<AppInfo, CommandError>({
    queryKey: queryKeys.app.info(),
    queryFn: () => call("app_info", {}),
  });
}
