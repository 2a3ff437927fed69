import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { GoLiveState } from "../bindings/GoLiveState";
import { mockCommands } from "../platform/testing";
import { renderWithProviders, sampleAppInfo } from "../test/render";
import { Shell } from "./Shell";

function state(live: boolean): GoLiveState {
  return {
    mode: "normal",
    live,
    baseline: live ? "2025-11-24T09:00:00Z" : null,
    connections: false,
    statusMapping: false,
    transportMapping: false,
    settings: false,
  };
}

describe("Shell and going live", () => {
  it("opens the wizard instead of the screens while the installation is not live", async () => {
    mockCommands({
      app_info: () => sampleAppInfo(),
      go_live_state: () => state(false),
      connections_overview: () => ({ ongoing: null, starweb: null }),
    });
    renderWithProviders(<Shell />, "sv");
    await screen.findByTestId("go-live-wizard");
    expect(screen.queryByRole("navigation", { name: "Huvudmeny" }), "no side navigation in the wizard").toBeNull();
  });

  it("shows the screens once live", async () => {
    mockCommands({ app_info: () => sampleAppInfo(), go_live_state: () => state(true) });
    renderWithProviders(<Shell />, "sv");
    await screen.findByTestId("schema-version");
    expect(screen.queryByTestId("go-live-wizard")).toBeNull();
  });

  it("starts in the language saved in the backend", async () => {
    mockCommands({
      app_info: () => sampleAppInfo(),
      go_live_state: () => state(true),
      ui_language: () => ({ language: "en" }),
    });
    renderWithProviders(<Shell />, "sv");
    await waitFor(() => expect(screen.getByTestId("screen-title").textContent).toBe("Dashboard"));
  });
});
