// Published through globalThis: a bundle's top-level `var` is not a window global inside
// Playwright's addInitScript.
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";

(globalThis as Record<string, unknown>).TauriMocks = { mockIPC, clearMocks, mockWindows };
