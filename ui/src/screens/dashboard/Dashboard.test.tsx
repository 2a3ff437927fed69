import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AppInfo } from "../../bindings/AppInfo";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders, sampleAppInfo } from "../../test/render";
import { Dashboard } from "./Dashboard";
import { sampleDashboard } from "./sample";

const base = sampleAppInfo();

describe("Dashboard", () => {
  it("shows what app_info reports", async () => {
    const info = sampleAppInfo({
      database: { ...base.database, schemaVersion: 20261123, supportedSchemaVersion: 20261124 },
    });
    mockCommands({ app_info: () => info, dashboard: () => sampleDashboard() });
    renderWithProviders(<Dashboard />, "sv");

    const schema = await screen.findByTestId("schema-version");
    expect(schema.textContent, "the raw number, not grouped: versions can be timestamps").toBe("20261123");
    expect(screen.getByTestId("supported-schema-version").textContent).toBe("20261124");
    expect(screen.getByTestId("data-dir").textContent, "the folder is shown as sent").toBe(base.dataDir);
    expect(screen.getByTestId("log-dir").textContent).toBe(base.logDir);
    expect(screen.getByTestId("database-path").textContent).toBe(base.database.path);
    expect(screen.getByTestId("app-version").textContent).toBe("0.1.0");
    expect(screen.getByTestId("app-mode").textContent, "the mode is translated").toBe("Normal");
    expect(screen.getByTestId("secret-backend").textContent, "backend names are translated").toBe(
      "Systemets nyckelring (Secret Service)",
    );
    expect(screen.queryByTestId("database-problem"), "no problem, no banner").toBeNull();
    expect(screen.queryByTestId("secrets-problem"), "no problem, no banner").toBeNull();
    expect(screen.queryByTestId("demo-note"), "normal mode has no demo note").toBeNull();
  });

  it("shows a loading state until app_info answers", async () => {
    let answer: (info: AppInfo) => void = () => undefined;
    mockCommands({
      app_info: () => new Promise<AppInfo>((resolve) => (answer = resolve)),
      dashboard: () => sampleDashboard(),
    });
    renderWithProviders(<Dashboard />, "en");

    expect(screen.getByRole("status").textContent, "the merchant sees that something is on its way").toBe(
      "Loading app information…",
    );
    answer(base);
    await screen.findByTestId("schema-version");
    expect(screen.queryByRole("status"), "the loading text goes away").toBeNull();
  });

  it("explains database and keychain problems with a translated title and the backend's detail", async () => {
    mockCommands({
      dashboard: () => sampleDashboard(),
      app_info: () =>
        sampleAppInfo({
          database: {
            ...base.database,
            schemaVersion: null,
            problem: {
              code: "databaseNewerThanApp",
              message: "schema 9 in /data/brygga.sqlite3; this version supports 1",
            },
          },
          secrets: { backend: "memory", problem: { code: "keychainUnavailable", message: "no D-Bus session" } },
        }),
    });
    renderWithProviders(<Dashboard />, "en");

    const database = await screen.findByTestId("database-problem");
    expect(database.getAttribute("role"), "a problem is announced").toBe("alert");
    expect(database.textContent, "the title comes from the code").toContain(
      "The database is from a newer version of Brygga",
    );
    expect(database.textContent, "the detail names the file").toContain("/data/brygga.sqlite3");
    expect(screen.queryByTestId("schema-version"), "no version for a database that was not opened").toBeNull();
    expect(screen.getByTestId("schema-version-missing").textContent).toBe("Unknown");

    const secrets = screen.getByTestId("secrets-problem");
    expect(secrets.textContent, "the title comes from the code").toContain("The keychain cannot be reached");
    expect(secrets.textContent, "the backend's detail is shown").toContain("no D-Bus session");
  });

  it("shows a failed call with a retry that calls again", async () => {
    let calls = 0;
    mockCommands({
      dashboard: () => sampleDashboard(),
      app_info: () => {
        calls += 1;
        if (calls === 1) throw { code: "dataDirUnreadable", message: "permission denied: /data" };
        return base;
      },
    });
    renderWithProviders(<Dashboard />, "sv");

    const banner = await screen.findByTestId("app-info-error");
    expect(banner.textContent, "the title comes from the code").toContain("Datamappen går inte att läsa");
    expect(banner.textContent, "the detail comes from the backend").toContain("permission denied: /data");
    fireEvent.click(screen.getByRole("button", { name: "Försök igen" }));
    await screen.findByTestId("schema-version");
    expect(calls, "retry asks the backend again").toBe(2);
    expect(screen.queryByTestId("app-info-error"), "the banner goes once the call works").toBeNull();
  });

  it("marks demo mode", async () => {
    mockCommands({
      app_info: () => sampleAppInfo({ mode: "demo", secrets: { backend: "memory", problem: null } }),
      dashboard: () => sampleDashboard(),
    });
    renderWithProviders(<Dashboard />, "sv");

    const note = await screen.findByTestId("demo-note");
    expect(note.textContent, "demo data must never be mistaken for real").toContain("simulerade");
    expect(screen.getByTestId("app-mode").textContent, "the badge names the mode").toBe("Demo");
    expect(screen.getByTestId("secret-backend").textContent).toBe("Endast i minnet (sparas inte)");
  });
});
