import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// The Tauri window loads ui/dist (tauri.conf.json `frontendDist: "../ui/dist"`).
// Its CSP is strict (default-src 'self'), so the build must not inline scripts
// or styles into index.html; Vite emits them as files under assets/.
export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the build works from any origin or folder (Tauri, the e2e server).
  base: "./",
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // Keep every asset a file (no data: URLs) so CSP needs no extra sources.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  test: {
    // Unit tests only; e2e/*.test.mjs run under `node --test` against a real browser.
    include: ["src/**/*.test.{ts,tsx}"],
    environment: "jsdom",
    setupFiles: ["src/test/setup.ts"],
  },
});
