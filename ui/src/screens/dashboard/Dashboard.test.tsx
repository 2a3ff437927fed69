// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, screen } from "@testing-library/react";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { Dashboard } from "./Dashboard";
import { renderWithProviders, sampleAppInfo } from "../../test/render";

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("Dashboard", () => {
  it("shows the schema version and folders that app_info reports", async () => {
    mockIPC(() => sampleAppInfo({ database: { ...sampleAppInfo().database, schemaVersion: 7, supportedSchemaVersion: 7 } }));
    renderWithProviders(<Dashboard />);
    const schema = await screen.findByTestId("schema-version");
    expect(schema.textContent, "the number comes from the backend, not from the UI").toBe("7");
    expect(screen.getByTestId("data-dir").textContent).toBe(sampleAppInfo().dataDir);
    expect(screen.getByTestId("secret-backend").textContent, "backend names are translated").toContain("Secret Service");
    expect(screen.queryByTestId("database-problem"), "no problem, no banner").toBeNull();
  });

  it("explains a database problem with the translated title and the backend's detail", async () => {
    const problem = { code: "databaseNewerThanApp" as const, message: "schema 9 in /data/brygga.sqlite3; this version supports 1" };
    mockIPC(() =>
      sampleAppInfo({ database: { ...sampleAppInfo().database, schemaVersion: null, problem } }),
    );
    renderWithProviders(<Dashboard />, "en");
    const banner = await screen.findByTestId("database-problem");
    expect(banner.textContent, "the title comes from the code").toContain("newer version of Brygga");
    expect(banner.textContent, "the detail names the file").toContain("/data/brygga.sqlite3");
    expect(screen.queryByTestId("schema-version"), "no version is shown for a database that was not opened").toBeNull();
  });

  it("shows a failed call with a retry button", async () => {
    mockIPC(() => {
      throw { code: "unknown", message: "the backend is gone" };
    });
    renderWithProviders(<Dashboard />);
    const banner = await screen.findByTestId("app-info-error");
    expect(banner.textContent).toContain("the backend is gone");
    expect(screen.getByRole("button", { name: "Försök igen" }), "the merchant can try again").toBeTruthy();
  });

  it("marks demo mode", async () => {
    mockIPC(() => sampleAppInfo({ mode: "demo", secrets: { backend: "memory", problem: null } }));
    renderWithProviders(<Dashboard />);
    expect((await screen.findByTestId("demo-note")).textContent, "demo data must never be mistaken for real").toContain("simulerade");
  });
});
