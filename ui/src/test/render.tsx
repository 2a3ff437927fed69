import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { I18nProvider, type Language } from "../i18n";
import type { AppInfo } from "../bindings/AppInfo";

/** Renders with a fresh query cache and a fixed language, as the app does. */
export function renderWithProviders(ui: ReactElement, language: Language = "sv") {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider language={language}>{ui}</I18nProvider>
    </QueryClientProvider>,
  );
}

export function sampleAppInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: "0.1.0",
    mode: "normal",
    dataDir: "/home/handlare/.local/share/se.brygga.desktop",
    logDir: "/home/handlare/.local/share/se.brygga.desktop/logs",
    database: {
      path: "/home/handlare/.local/share/se.brygga.desktop/brygga.sqlite3",
      schemaVersion: 1,
      supportedSchemaVersion: 1,
      problem: null,
    },
    secrets: { backend: "secretService", problem: null },
    ...overrides,
  };
}
