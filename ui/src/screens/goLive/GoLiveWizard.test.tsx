import { fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { FirstSyncPreview } from "../../bindings/FirstSyncPreview";
import type { GoLiveState } from "../../bindings/GoLiveState";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { GoLiveWizard } from "./GoLiveWizard";

function state(overrides: Partial<GoLiveState> = {}): GoLiveState {
  return {
    mode: "normal",
    live: false,
    baseline: null,
    connections: true,
    statusMapping: true,
    transportMapping: true,
    settings: false,
    ...overrides,
  };
}

const preview: FirstSyncPreview = {
  flows: [
    {
      flow: "orders",
      writes: 2,
      firstWrites: [
        { write: "warehouseOrder", subject: "order:1031" },
        { write: "warehouseOrder", subject: "order:1032" },
      ],
      findings: 1,
      firstFindings: [{ subject: "order:1033", code: "order.unmapped_shipping", message: "shipping method 7 is not mapped" }],
      counts: { read: 3, skipped: 30 },
      error: null,
    },
    { flow: "stock", writes: 0, firstWrites: [], findings: 0, firstFindings: [], counts: {}, error: null },
  ],
  ordersFrom: "2025-11-20T23:00:00Z",
  startDateChosen: true,
};

describe("GoLiveWizard", () => {
  it("lists the steps with what is done and walks forward with Next", async () => {
    mockCommands({
      go_live_state: () => state(),
      connections_overview: () => ({ ongoing: null, starweb: null }),
    });
    renderWithProviders(<GoLiveWizard onLive={() => undefined} />, "sv");
    await waitFor(() => expect(screen.getByTestId("wizard-step-connections").dataset["done"]).toBe("true"));
    expect(screen.getByTestId("wizard-step-settings").dataset["done"]).toBe("false");
    expect(screen.getByTestId("wizard-step").dataset["step"]).toBe("connections");
    await screen.findByTestId("connections");
    fireEvent.click(screen.getByTestId("wizard-next"));
    expect(screen.getByTestId("wizard-step").dataset["step"]).toBe("statusMapping");
    fireEvent.click(screen.getByTestId("wizard-back"));
    expect(screen.getByTestId("wizard-step").dataset["step"]).toBe("connections");
  });

  it("says what is missing and keeps Go live shut until then", async () => {
    mockCommands({ go_live_state: () => state({ statusMapping: false, transportMapping: false }) });
    renderWithProviders(<GoLiveWizard onLive={() => undefined} />, "sv");
    await waitFor(() => expect(screen.getByTestId("wizard-step-connections").dataset["done"]).toBe("true"));
    fireEvent.click(screen.getByTestId("wizard-step-preview"));
    const missing = await screen.findByTestId("go-live-missing");
    expect([...missing.querySelectorAll("li")].map((li) => li.dataset["missing"])).toEqual([
      "statusMapping",
      "transportMapping",
    ]);
    expect((screen.getByTestId("go-live") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("first-sync-guard").textContent, "the guard is explained").toContain(
      "ändras aldrig i butiken",
    );
  });

  it("previews the first sync, then goes live and hands over to the dashboard", async () => {
    const onLive = vi.fn();
    let goneLive = 0;
    mockCommands({
      go_live_state: () => state(),
      first_sync_preview: () => preview,
      go_live: () => {
        goneLive += 1;
        return {
          baseline: "2025-11-24T09:00:00Z",
          flows: [{ flow: "orders", queued: 2, error: null }],
          done: 2,
          failed: 0,
          retrying: 0,
          problems: [],
        };
      },
    });
    renderWithProviders(<GoLiveWizard onLive={onLive} />, "sv");
    await waitFor(() => expect(screen.getByTestId("wizard-step-connections").dataset["done"]).toBe("true"));
    fireEvent.click(screen.getByTestId("wizard-step-preview"));
    expect((await screen.findByTestId("go-live") as HTMLButtonElement).disabled, "preview first").toBe(true);
    fireEvent.click(screen.getByTestId("preview-run"));
    await screen.findByTestId("preview-result");
    const orders = screen.getAllByTestId("preview-flow").find((f) => f.dataset["flow"] === "orders");
    expect(orders?.querySelector("[data-testid='preview-writes']")?.textContent).toBe("Ändringar: 2");
    expect(screen.getAllByTestId("preview-write").map((w) => w.textContent)).toEqual([
      "Order till lagret: order:1031",
      "Order till lagret: order:1032",
    ]);
    expect(screen.getByTestId("preview-orders-from").textContent).toContain("21 nov. 2025");
    expect(screen.getByTestId("preview-dry-run").textContent).toContain("inget har skrivits");

    fireEvent.click(screen.getByTestId("go-live"));
    const result = await screen.findByTestId("go-live-result");
    expect(result.textContent).toContain("Brygga är live");
    expect(goneLive).toBe(1);
    fireEvent.click(screen.getByTestId("go-live-done"));
    expect(onLive).toHaveBeenCalledOnce();
  });
});
