import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { ConnectionsOverview } from "../bindings/ConnectionsOverview";
import type { GoLiveState } from "../bindings/GoLiveState";
import type { SyncSettingsView } from "../bindings/SyncSettingsView";
import type { UiLanguageSetting } from "../bindings/UiLanguageSetting";
import type { WarehouseList } from "../bindings/WarehouseList";
import { useLanguage } from "../i18n";
import { call, type CommandError, type CommandName, type CommandRequest, type CommandResponse } from "../platform";
import { queryKeys } from "./keys";

/** Both saved connections, without their secrets. */
export function useConnectionsOverview() {
  return useQuery<ConnectionsOverview, CommandError>({
    queryKey: queryKeys.setup.connections(),
    queryFn: () => call("connections_overview", {}),
  });
}

/** The schedules, start date and currencies in force. */
export function useSyncSettings() {
  return useQuery<SyncSettingsView, CommandError>({
    queryKey: queryKeys.setup.settings(),
    queryFn: () => call("sync_settings", {}),
  });
}

/** The 3PL's warehouses, read live through the saved Ongoing connection. */
export function useWarehouses() {
  return useQuery<WarehouseList, CommandError>({
    queryKey: queryKeys.setup.warehouses(),
    queryFn: () => call("list_warehouses", {}),
  });
}

/** Which setup steps are done and whether the installation is live. */
export function useGoLiveState() {
  return useQuery<GoLiveState, CommandError>({
    queryKey: queryKeys.setup.goLive(),
    queryFn: () => call("go_live_state", {}),
  });
}

/**
 * A setup command that changes what is saved (a connection, the settings). A success reads every
 * setup query again, so the wizard's step list follows.
 */
export function useSetupAction<K extends CommandName>(name: K, refresh = true) {
  const client = useQueryClient();
  return useMutation<CommandResponse<K>, CommandError, CommandRequest<K>>({
    mutationFn: (request) => call(name, request),
    onSuccess: () => (refresh ? client.invalidateQueries({ queryKey: queryKeys.setup.all }) : Promise.resolve()),
  });
}

/** A command that only reads (a connection test, the preview): no cache to refresh afterwards. */
export function useSetupCheck<K extends CommandName>(name: K) {
  return useMutation<CommandResponse<K>, CommandError, CommandRequest<K>>({
    mutationFn: (request) => call(name, request),
  });
}

/**
 * The language saved in the backend (which also words desktop notifications): applied once when
 * the app starts. Without an answer the language stays as remembered by this window.
 */
export function useSavedLanguage(): void {
  const [, setLanguage] = useLanguage();
  const applied = useRef(false);
  const saved = useQuery<UiLanguageSetting, CommandError>({
    queryKey: queryKeys.setup.language(),
    queryFn: () => call("ui_language", {}),
    staleTime: Infinity,
  });
  useEffect(() => {
    if (saved.data !== undefined && !applied.current) {
      applied.current = true;
      setLanguage(saved.data.language);
    }
  }, [saved.data, setLanguage]);
}

/** Saves a language choice in the backend; a failure leaves the choice for this window only. */
export function useSaveLanguage() {
  return useMutation<UiLanguageSetting, CommandError, CommandRequest<"save_ui_language">>({
    mutationFn: (request) => call("save_ui_language", request),
  });
}
