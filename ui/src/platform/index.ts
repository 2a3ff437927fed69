/**
 * The only place that talks to Tauri. Screens and query hooks import from
 * here, never from `@tauri-apps/*`, so the UI can run against mocks and a
 * different shell later.
 */
export { call } from "./call";
export type { CommandName, CommandRequest, CommandResponse } from "./call";
export { CommandError, isErrorCode } from "./CommandError";
