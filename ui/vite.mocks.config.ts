import { defineConfig } from "vite";

// Bundles Tauri's IPC mocks into one script the Chromium tests inject before the app loads.
export default defineConfig({
  build: {
    outDir: "e2e/.build",
    emptyOutDir: true,
    lib: {
      entry: "e2e/mocks-entry.ts",
      name: "TauriMocksBundle",
      formats: ["iife"],
      fileName: () => "tauri-mocks.iife.js",
    },
  },
});
