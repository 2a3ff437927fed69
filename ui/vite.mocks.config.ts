import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Bundles @tauri-apps/api/mocks as an IIFE that e2e tests inject into the page
// with Playwright's addInitScript before the app loads. Output: e2e/.build/.
export default defineConfig({
  clearScreen: false,
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL("./e2e/.build", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    minify: false,
    lib: {
      entry: fileURLToPath(new URL("./e2e/mocks/tauri-mocks.ts", import.meta.url)),
      name: "TauriMocksBundle",
      formats: ["iife"],
      fileName: () => "tauri-mocks.iife.js",
    },
  },
});
