// Entry of the e2e mocks bundle (see vite.mocks.config.ts). A top-level `var`
// of an IIFE is not a window global inside Playwright's addInitScript, so the
// mocks are published on globalThis explicitly.
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";

declare global {
  var TauriMocks: {
    mockIPC: typeof mockIPC;
    clearMocks: typeof clearMocks;
    mockWindows: typeof mockWindows;
  };
}

globalThis.TauriMocks = { mockIPC, clearMocks, mockWindows };
