import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SaveStatusMappingRequest } from "../../bindings/SaveStatusMappingRequest";
import type { StatusMappingView } from "../../bindings/StatusMappingView";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { sampleStatusView } from "./sample";
import { StatusMappingEditor } from "./StatusMappingEditor";

function warehouseRow(number: number): HTMLElement {
  const found = screen.getAllByTestId("warehouse-status").find((r) => r.dataset["number"] === String(number));
  if (found === undefined) throw new Error(`no row for warehouse status ${number}`);
  return found;
}

function shopRow(id: number): HTMLElement {
  const found = screen.getAllByTestId("shop-status").find((r) => r.dataset["statusId"] === String(id));
  if (found === undefined) throw new Error(`no row for shop status ${id}`);
  return found;
}

function saveButton(): HTMLButtonElement {
  return screen.getByTestId("status-save") as HTMLButtonElement;
}

describe("StatusMappingEditor", () => {
  it("shows both lists side by side and flags every unmapped status before saving", async () => {
    mockCommands({ status_mapping_overview: () => sampleStatusView() });
    renderWithProviders(<StatusMappingEditor />, "sv");
    await screen.findByTestId("warehouse-statuses");

    expect(screen.getAllByTestId("warehouse-status").map((r) => r.dataset["number"])).toEqual(["200", "300", "425", "450"]);
    expect(within(warehouseRow(300)).getByText("Släppt till plock"), "the 3PL's own name is shown").toBeTruthy();
    expect(warehouseRow(425).dataset["unmapped"]).toBe("true");
    expect(within(warehouseRow(425)).getByTestId("unmapped-flag").getAttribute("title")).toBe(
      "Ej mappad: läses som påbörjad (låst)",
    );
    expect(within(warehouseRow(425)).getByTestId("locks").dataset["locks"], "unmapped reads as started").toBe("true");
    expect(within(warehouseRow(200)).getByTestId("locks").textContent, "only open leaves the order open").toBe("Öppen");
    expect(within(warehouseRow(300)).queryByTestId("unmapped-flag")).toBeNull();
    expect(within(shopRow(7)).getByTestId("unmapped-flag").getAttribute("title")).toBe(
      "Ej mappad: ordrarna väntar i butiken",
    );
    expect(within(shopRow(7)).getByText("Egen status")).toBeTruthy();
    expect(screen.getByTestId("status-unmapped-summary").textContent).toContain(
      "Omappade lagerstatusar: 1. Omappade butiksstatusar: 3.",
    );
    expect(screen.getByTestId("status-unmapped-summary").textContent, "the engine's reading is explained").toContain(
      "läses som ”påbörjad”",
    );
    expect(saveButton().disabled, "nothing changed since the last save").toBe(true);

    fireEvent.change(within(shopRow(7)).getByTestId("rule-select"), { target: { value: "hold" } });
    expect(shopRow(7).dataset["unmapped"]).toBe("false");
    expect(saveButton().disabled).toBe(false);
    expect(saveButton().textContent, "unmapped ones remain, so the button says so").toBe("Spara ändå");
    expect(screen.getByTestId("status-save-warning").textContent).toContain("Alla statusar är inte mappade");
  });

  it("fills in the suggestion for the unmapped ones and saves exactly what is shown", async () => {
    const requests: SaveStatusMappingRequest[] = [];
    let saved: StatusMappingView | null = null;
    mockCommands({
      status_mapping_overview: () => saved ?? sampleStatusView(),
      save_status_mapping: (request) => {
        requests.push(request);
        saved = sampleStatusView({
          warehouse: sampleStatusView().warehouse.map((w) => ({ ...w, rule: w.rule ?? w.suggested })),
        });
        return saved;
      },
    });
    renderWithProviders(<StatusMappingEditor />, "sv");
    await screen.findByTestId("warehouse-statuses");

    fireEvent.click(screen.getByTestId("status-apply-suggestion"));
    expect(screen.getByTestId("status-suggestion-applied")).toBeTruthy();
    expect((within(warehouseRow(425)).getByTestId("stage-select") as HTMLSelectElement).value).toBe("sent");
    expect((within(warehouseRow(425)).getByTestId("shop-status-select") as HTMLSelectElement).value).toBe("3");
    expect(within(warehouseRow(425)).queryByTestId("unmapped-flag")).toBeNull();

    fireEvent.click(saveButton());
    await screen.findByTestId("status-saved");
    expect(requests).toHaveLength(1);
    expect(requests[0]?.mapping.warehouse).toContainEqual({ number: 425, stage: "sent", shopStatus: 3 });
    expect(requests[0]?.mapping.shop, "unmapped shop statuses are left out, not guessed").toEqual([
      { statusId: 1, rule: "send" },
      { statusId: 4, rule: "cancel" },
    ]);
    expect(saveButton().disabled, "saved: nothing left to save").toBe(true);
  });

  it("refuses to save a rule pointing at a shop status that no longer exists, and lists stale rules", async () => {
    const view = sampleStatusView({
      warehouse: [
        {
          number: 450,
          text: "Sent",
          rule: { stage: "sent", shopStatus: 99 },
          suggested: { stage: "sent", shopStatus: 3 },
          shopStatusMissing: true,
        },
      ],
      staleWarehouse: [{ number: 777, rule: { stage: "open", shopStatus: null } }],
    });
    mockCommands({ status_mapping_overview: () => view });
    renderWithProviders(<StatusMappingEditor />, "sv");
    await screen.findByTestId("warehouse-statuses");

    expect(within(warehouseRow(450)).getByTestId("shop-status-missing-flag")).toBeTruthy();
    expect(screen.getByTestId("stale-rules").textContent).toContain("Lagerstatus 777");
    expect(screen.getByTestId("status-save-blocked")).toBeTruthy();
    expect(saveButton().disabled, "the backend would refuse the unknown id").toBe(true);

    fireEvent.change(within(warehouseRow(450)).getByTestId("shop-status-select"), { target: { value: "3" } });
    expect(screen.queryByTestId("status-save-blocked")).toBeNull();
    expect(saveButton().disabled, "a stale rule to drop makes the mapping worth saving").toBe(false);
  });

  it("warns when no warehouse status is left to release orders to", async () => {
    mockCommands({ status_mapping_overview: () => sampleStatusView() });
    renderWithProviders(<StatusMappingEditor />, "sv");
    await screen.findByTestId("warehouse-statuses");
    expect(screen.queryByTestId("status-release-warning"), "300 is started").toBeNull();
    fireEvent.change(within(warehouseRow(300)).getByTestId("stage-select"), { target: { value: "open" } });
    expect(screen.getByTestId("status-release-warning").textContent).toContain("Ordersläpp flyttar ordrar");
    expect(within(warehouseRow(300)).getByTestId("locks").dataset["locks"]).toBe("false");
  });

  it("shows the backend's refusal with its reason", async () => {
    mockCommands({
      status_mapping_overview: () => sampleStatusView(),
      save_status_mapping: () => {
        throw { code: "validation", message: "the status mapping was not saved: the warehouse has no order status 425" };
      },
    });
    renderWithProviders(<StatusMappingEditor />, "sv");
    await screen.findByTestId("warehouse-statuses");
    fireEvent.click(screen.getByTestId("status-apply-suggestion"));
    fireEvent.click(saveButton());
    const error = await screen.findByTestId("status-save-error");
    expect(error.textContent).toContain("the warehouse has no order status 425");
  });

  it("sends the merchant to the connections when nothing is connected", async () => {
    mockCommands({
      status_mapping_overview: () => {
        throw { code: "notConfigured", message: "no warehouse connection is saved" };
      },
    });
    renderWithProviders(<StatusMappingEditor />, "sv");
    await waitFor(() => expect(screen.getByTestId("status-mapping-not-configured")).toBeTruthy());
  });
});
