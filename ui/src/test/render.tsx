import type { ReactElement } from "react";
import { render } from "@testing-library/react";
import { QueryClientProvider } from "@tanstack/react-query";
import type { AppInfo } from "../bindings/AppInfo";
import { I18nProvider, type Language } from "../i18n";
import { createQueryClient } from "../queries";

/** Renders with a fresh query cache (the app's own settings) and, if given, a fixed starting language. */
export function renderWithProviders(ui: ReactElement, language?: Language) {
  const client = createQueryClient();
  return render(
    <QueryClientProvider client={client}>
      {language === undefined ? (
        <I18nProvider>{ui}</I18nProvider>
      ) : (
        <I18nProvider initialLanguage={language}>{ui}</I18nProvider>
      )}
    </QueryClientProvider>,
  );
}

const DATA_DIR = "/home/handlare/.local/share/se.brygga.desktop";

export function sampleAppInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: "0.1.0",
    mode: "normal",
    dataDir: DATA_DIR,
    logDir: `${DATA_DIR}/logs`,
    database: {
      path: `${DATA_DIR}/brygga.sqlite3`,
      schemaVersion: 1,
      supportedSchemaVersion: 1,
      problem: null,
    },
    secrets: { backend: "secretService", problem: null },
    ...overrides,
  };
}
