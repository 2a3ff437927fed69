import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SaveSyncSettingsRequest } from "../../bindings/SaveSyncSettingsRequest";
import type { SaveUiLanguageRequest } from "../../bindings/SaveUiLanguageRequest";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { sampleSettings } from "./sample";
import { SettingsScreen } from "./SettingsScreen";

function type(testId: string, value: string) {
  fireEvent.change(screen.getByTestId(testId), { target: { value } });
}

describe("SettingsScreen", () => {
  it("saves changed schedules, start date and currencies as one form", async () => {
    const saves: SaveSyncSettingsRequest[] = [];
    mockCommands({
      sync_settings: () => sampleSettings(),
      save_sync_settings: (request) => {
        saves.push(request);
        return { ...sampleSettings(), settings: request.settings, schedulesSaved: true };
      },
    });
    renderWithProviders(<SettingsScreen />, "sv");
    await screen.findByTestId("sync-settings");
    expect(screen.getByTestId("schedules-default"), "unsaved defaults are marked").toBeTruthy();
    expect(screen.getByTestId("master-stock").textContent, "the warehouse owns stock").toBe("Lagret (Ongoing)");

    type("schedule-minutes-orders", "15");
    fireEvent.change(screen.getByTestId("schedule-mode-articles"), { target: { value: "manual" } });
    type("settings-start-date", "2025-11-01");
    type("settings-currencies", "sek, eur");
    fireEvent.click(screen.getByTestId("settings-save"));
    await screen.findByTestId("settings-saved");

    const sent = saves[0]?.settings;
    expect(sent?.schedules.find((s) => s.flow === "orders")).toEqual({
      flow: "orders",
      mode: "every",
      minutes: 15,
      days: ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
      from: null,
      to: null,
      at: null,
    });
    expect(sent?.schedules.find((s) => s.flow === "articles")?.mode).toBe("manual");
    expect(sent?.schedules.find((s) => s.flow === "reconcile")?.at).toBe("02:30");
    expect(sent?.startDate).toBe("2025-11-01");
    expect(sent?.currencies).toEqual(["SEK", "EUR"]);
  });

  it("names a wrong interval or currency in Swedish before sending", async () => {
    const saves: SaveSyncSettingsRequest[] = [];
    mockCommands({
      sync_settings: () => sampleSettings(),
      save_sync_settings: (request) => {
        saves.push(request);
        return sampleSettings();
      },
    });
    renderWithProviders(<SettingsScreen />, "sv");
    await screen.findByTestId("sync-settings");
    type("schedule-minutes-stock", "0");
    fireEvent.click(screen.getByTestId("settings-save"));
    expect(screen.getByTestId("settings-problem").textContent).toBe(
      "Lagersaldo till butiken: ange minuter som ett heltal större än noll.",
    );
    type("schedule-minutes-stock", "10");
    type("settings-currencies", "SEK, kronor");
    fireEvent.click(screen.getByTestId("settings-save"));
    expect(screen.getByTestId("settings-problem").textContent).toContain("\"kronor\" är ingen valutakod");
    expect(saves, "nothing is sent while the form is wrong").toEqual([]);
  });

  it("shows the backend's reason when it refuses the form", async () => {
    mockCommands({
      sync_settings: () => sampleSettings(),
      save_sync_settings: () => {
        throw { code: "validation", message: "schedule for articles: the window ends at 06:00 but starts at 07:00" };
      },
    });
    renderWithProviders(<SettingsScreen />, "sv");
    await screen.findByTestId("sync-settings");
    type("schedule-to-articles", "06:00");
    fireEvent.click(screen.getByTestId("settings-save"));
    const banner = await screen.findByTestId("settings-error");
    expect(banner.textContent).toContain("schedule for articles");
  });

  it("saves the language when it is switched", async () => {
    const languages: SaveUiLanguageRequest[] = [];
    mockCommands({
      sync_settings: () => sampleSettings(),
      save_ui_language: (request) => {
        languages.push(request);
        return { language: request.language };
      },
    });
    renderWithProviders(<SettingsScreen />, "sv");
    await screen.findByTestId("sync-settings");
    const inCard = screen.getByTestId("settings-language");
    fireEvent.click(inCard.querySelector("[data-language='en']") as HTMLElement);
    await waitFor(() => expect(languages).toEqual([{ language: "en" }]));
    expect(screen.getByTestId("settings-save").textContent, "the screen follows the language").toBe("Save settings");
  });

  it("sends the ticked warehouses, or none for all, and needs at least one", async () => {
    const saves: SaveSyncSettingsRequest[] = [];
    mockCommands({
      sync_settings: () => sampleSettings(),
      list_warehouses: () => ({
        warehouses: [
          { id: 1, code: "BOR", name: "Borås" },
          { id: 2, code: "RET", name: "Returlagret" },
        ],
      }),
      save_sync_settings: (request) => {
        saves.push(request);
        return { ...sampleSettings(), settings: request.settings, schedulesSaved: true };
      },
    });
    renderWithProviders(<SettingsScreen />, "sv");
    await screen.findByTestId("warehouse-choices");
    const borås = screen.getByTestId("warehouse-choice-1") as HTMLInputElement;
    expect(borås.checked, "nothing saved: every warehouse takes part").toBe(true);
    fireEvent.click(borås);
    fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(saves.map((s) => s.settings.warehouses)).toEqual([[2]]));

    fireEvent.click(screen.getByTestId("warehouse-choice-2"));
    fireEvent.click(screen.getByTestId("settings-save"));
    expect(screen.getByTestId("settings-problem").textContent).toBe("Välj minst ett lager.");

    fireEvent.click(screen.getByTestId("warehouse-choice-1"));
    fireEvent.click(screen.getByTestId("warehouse-choice-2"));
    fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(saves.map((s) => s.settings.warehouses)).toEqual([[2], []]));
  });
});
