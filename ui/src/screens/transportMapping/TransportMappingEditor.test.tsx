import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SaveTransportMappingRequest } from "../../bindings/SaveTransportMappingRequest";
import type { TransportMappingView } from "../../bindings/TransportMappingView";
import { NavigationProvider } from "../../navigation/navigate";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { sampleTransportView } from "./sample";
import { TransportMappingEditor } from "./TransportMappingEditor";

function methodRow(id: number): HTMLElement {
  const found = screen.getAllByTestId("shipping-method").find((r) => r.dataset["method"] === String(id));
  if (found === undefined) throw new Error(`no row for shipping method ${id}`);
  return found;
}

function saveButton(): HTMLButtonElement {
  return screen.getByTestId("transport-save") as HTMLButtonElement;
}

describe("TransportMappingEditor", () => {
  it("flags the unmapped method with the orders it holds up", async () => {
    mockCommands({ transport_mapping_overview: () => sampleTransportView() });
    renderWithProviders(<TransportMappingEditor />, "sv");
    await screen.findByTestId("shipping-methods");

    expect(screen.getAllByTestId("shipping-method").map((r) => r.dataset["method"])).toEqual(["12", "13", "15"]);
    expect(methodRow(13).dataset["unmapped"]).toBe("true");
    expect(within(methodRow(13)).getByTestId("unmapped-flag")).toBeTruthy();
    const held = within(methodRow(13)).getByTestId("held-orders");
    expect(held.dataset["count"]).toBe("2");
    expect(held.textContent).toBe("Håller 2 ordrar: 1031, 1032");
    expect(within(methodRow(12)).queryByTestId("unmapped-flag")).toBeNull();
    expect((within(methodRow(12)).getByTestId("transport-select") as HTMLSelectElement).value).toBe("carrier|PNL|P17");
    expect((within(methodRow(15)).getByTestId("transport-select") as HTMLSelectElement).value).toBe("notSent");
    expect(
      (within(methodRow(15)).getByTestId("tracker-select") as HTMLSelectElement).disabled,
      "no tracking for a method the warehouse does not ship",
    ).toBe(true);
    expect(screen.getByTestId("transport-unmapped-summary").textContent).toContain(
      "1 fraktsätt saknar mappning. 2 ordrar väntar på grund av det.",
    );
    expect(saveButton().disabled, "nothing changed since the last save").toBe(true);
  });

  it("maps the method to a contract's service and says the held orders go with the next sync", async () => {
    const requests: SaveTransportMappingRequest[] = [];
    let saved: TransportMappingView | null = null;
    mockCommands({
      transport_mapping_overview: () => saved ?? sampleTransportView(),
      save_transport_mapping: (request) => {
        requests.push(request);
        const base = sampleTransportView();
        saved = {
          ...base,
          methods: base.methods.map((m) =>
            m.shippingMethodId === 13
              ? { ...m, transport: { kind: "carrier", transporterCode: "SBTL", serviceCode: "BHP", trackerType: 2 } }
              : m,
          ),
        };
        return saved;
      },
    });
    renderWithProviders(<TransportMappingEditor />, "sv");
    await screen.findByTestId("shipping-methods");

    const row = methodRow(13);
    fireEvent.change(within(row).getByTestId("transport-select"), { target: { value: "carrier|SBTL|BHP" } });
    expect(saveButton().disabled).toBe(false);
    expect((within(row).getByTestId("tracker-select") as HTMLSelectElement).disabled).toBe(false);
    fireEvent.change(within(row).getByTestId("tracker-select"), { target: { value: "2" } });
    expect(methodRow(13).dataset["unmapped"]).toBe("false");
    expect(saveButton().textContent).toBe("Spara transportmappningen");
    expect(screen.queryByTestId("transport-save-warning")).toBeNull();

    fireEvent.click(saveButton());
    await screen.findByTestId("transport-saved");
    expect(requests[0]?.methods).toEqual([
      { shippingMethodId: 12, transport: { kind: "carrier", transporterCode: "PNL", serviceCode: "P17", trackerType: 1 } },
      { shippingMethodId: 13, transport: { kind: "carrier", transporterCode: "SBTL", serviceCode: "BHP", trackerType: 2 } },
      { shippingMethodId: 15, transport: { kind: "notSent" } },
    ]);
    expect(within(methodRow(13)).getByTestId("held-waiting").textContent).toBe(
      "2 ordrar skickas till lagret vid nästa ordersynk.",
    );
  });

  it("warns when saving with a method still unmapped, and fills in the suggestion on request", async () => {
    mockCommands({ transport_mapping_overview: () => sampleTransportView({ saved: false }) });
    renderWithProviders(<TransportMappingEditor />, "sv");
    await screen.findByTestId("shipping-methods");

    expect(screen.getByTestId("transport-not-saved")).toBeTruthy();
    expect(saveButton().textContent).toBe("Spara ändå");
    expect(screen.getByTestId("transport-save-warning").textContent).toContain("Alla aktiva fraktsätt är inte mappade");
    fireEvent.click(screen.getByTestId("transport-apply-suggestion"));
    expect((within(methodRow(13)).getByTestId("transport-select") as HTMLSelectElement).value).toBe("carrier|SBTL|BPA");
    expect(
      (within(methodRow(12)).getByTestId("transport-select") as HTMLSelectElement).value,
      "a mapped method keeps the merchant's choice",
    ).toBe("carrier|PNL|P17");
    expect(screen.queryByTestId("transport-save-warning")).toBeNull();
  });

  it("blocks saving a contract the warehouse no longer offers", async () => {
    const base = sampleTransportView();
    mockCommands({
      transport_mapping_overview: () => ({
        ...base,
        methods: base.methods.map((m) =>
          m.shippingMethodId === 12
            ? { ...m, transport: { kind: "carrier", transporterCode: "OLD", serviceCode: "X", trackerType: null }, contractMissing: true }
            : m,
        ),
      }),
    });
    renderWithProviders(<TransportMappingEditor />, "sv");
    await screen.findByTestId("shipping-methods");
    expect(within(methodRow(12)).getByTestId("contract-missing-flag")).toBeTruthy();
    expect(screen.getByTestId("transport-save-blocked")).toBeTruthy();
    expect(saveButton().disabled).toBe(true);
  });

  it("highlights the shipping method the dashboard sent the merchant to", async () => {
    mockCommands({ transport_mapping_overview: () => sampleTransportView() });
    renderWithProviders(
      <NavigationProvider value={{ current: { screen: "transportMapping", focus: "13" }, navigate: () => undefined }}>
        <TransportMappingEditor />
      </NavigationProvider>,
      "sv",
    );
    await screen.findByTestId("shipping-methods");
    expect(methodRow(13).dataset["focused"]).toBe("true");
    expect(methodRow(12).dataset["focused"]).toBe("false");
    expect(within(methodRow(13)).getByTestId("focused-hint")).toBeTruthy();
  });
});
