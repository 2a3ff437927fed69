import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SaveStatusMappingRequest } from "../bindings/SaveStatusMappingRequest";
import type { SaveTransportMappingRequest } from "../bindings/SaveTransportMappingRequest";
import type { StatusMappingView } from "../bindings/StatusMappingView";
import type { TransportMappingView } from "../bindings/TransportMappingView";
import { call, type CommandError } from "../platform";
import { queryKeys } from "./keys";

/**
 * Both live status lists with the saved and suggested rules. Read fresh each time the editor
 * opens: the 3PL may have renamed or added a status since.
 */
export function useStatusMapping() {
  return useQuery<StatusMappingView, CommandError>({
    queryKey: queryKeys.mappings.status(),
    queryFn: () => call("status_mapping_overview", {}),
    staleTime: 0,
  });
}

/** Every shipping method against the live transporter contracts, with the orders each holds up. */
export function useTransportMapping() {
  return useQuery<TransportMappingView, CommandError>({
    queryKey: queryKeys.mappings.transport(),
    queryFn: () => call("transport_mapping_overview", {}),
    staleTime: 0,
  });
}

/** Saves the status mapping; the answer is the screen as saved, so it replaces the cached view. */
export function useSaveStatusMapping(onSaved?: () => void) {
  const client = useQueryClient();
  return useMutation<StatusMappingView, CommandError, SaveStatusMappingRequest>({
    mutationFn: (request) => call("save_status_mapping", request),
    onSuccess: (view) => {
      client.setQueryData(queryKeys.mappings.status(), view);
      onSaved?.();
    },
  });
}

/** Saves the transport mapping; held orders of a method mapped now go with the next orders sync. */
export function useSaveTransportMapping(onSaved?: () => void) {
  const client = useQueryClient();
  return useMutation<TransportMappingView, CommandError, SaveTransportMappingRequest>({
    mutationFn: (request) => call("save_transport_mapping", request),
    onSuccess: (view) => {
      client.setQueryData(queryKeys.mappings.transport(), view);
      onSaved?.();
    },
  });
}
