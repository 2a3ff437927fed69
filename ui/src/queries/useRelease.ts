import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ReleaseOverview } from "../bindings/ReleaseOverview";
import { call, type CommandError, type CommandName, type CommandRequest, type CommandResponse } from "../platform";
import { queryKeys } from "./keys";

/** How often the open release screen reads the overview again, so new orders appear by themselves. */
export const RELEASE_REFRESH_MS = 15_000;

/**
 * The release screen's data: waiting orders, schedule, overdue batches, settings and history.
 * Read again every [`RELEASE_REFRESH_MS`] while the screen is open (and the window in front).
 */
export function useReleaseOverview() {
  return useQuery<ReleaseOverview, CommandError>({
    queryKey: queryKeys.release.overview(),
    queryFn: () => call("release_overview", {}),
    refetchInterval: RELEASE_REFRESH_MS,
  });
}

/**
 * One of the release screen's actions (release, skip, hold back, save settings). Every one changes
 * what the overview shows, so a success reads the overview again.
 */
export function useReleaseAction<K extends CommandName>(name: K) {
  const client = useQueryClient();
  return useMutation<CommandResponse<K>, CommandError, CommandRequest<K>>({
    mutationFn: (request) => call(name, request),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.release.all }),
  });
}
