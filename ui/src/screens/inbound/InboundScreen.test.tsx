import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AcknowledgeDeviationsRequest } from "../../bindings/AcknowledgeDeviationsRequest";
import type { InitialStockInRequest } from "../../bindings/InitialStockInRequest";
import type { PurchaseOrderDetail } from "../../bindings/PurchaseOrderDetail";
import type { PurchaseOrderForm } from "../../bindings/PurchaseOrderForm";
import type { UpdatePurchaseOrderRequest } from "../../bindings/UpdatePurchaseOrderRequest";
import { mockCommands, type CommandHandlers } from "../../platform/testing";
import { NavigationProvider } from "../../navigation/navigate";
import { renderWithProviders } from "../../test/render";
import { InboundScreen } from "./InboundScreen";
import { sampleAdvisedDetail, sampleDetail, sampleDeviation, sampleSaved } from "./sample";

/** Intl puts no-break spaces in Swedish numbers; compare with plain spaces. */
const plain = (text: string | null | undefined) => (text ?? "").replace(/[\u00a0\u202f]/g, " ");

function baseHandlers(details: PurchaseOrderDetail[] = [sampleDetail(), sampleAdvisedDetail()]): CommandHandlers {
  return {
    list_purchase_orders: () => ({
      purchaseOrders: details.map((d) => d.summary),
      openDeviations: details.reduce((sum, d) => sum + d.summary.openDeviations, 0),
    }),
    purchase_order_detail: ({ number }) => {
      const found = details.find((d) => d.summary.number === number);
      if (found === undefined) throw { code: "validation", message: `there is no purchase order ${number}` };
      return found;
    },
    list_deviations: () => ({
      deviations: details.flatMap((d) => d.deviations).filter((d) => d.open),
      open: details.flatMap((d) => d.deviations).filter((d) => d.open).length,
    }),
  };
}

function poRow(number: string): HTMLElement {
  const found = screen.getAllByTestId("po-row").find((r) => r.dataset["po"] === number);
  if (found === undefined) throw new Error(`no row for ${number}`);
  return found;
}

function deviationRow(sku: string): HTMLElement {
  const found = screen.getAllByTestId("deviation-row").find((r) => r.dataset["sku"] === sku);
  if (found === undefined) throw new Error(`no deviation row for ${sku}`);
  return found;
}

async function openForm(): Promise<HTMLElement> {
  await screen.findByTestId("po-list");
  fireEvent.click(screen.getByTestId("po-new"));
  return screen.findByTestId("po-form");
}

describe("InboundScreen", () => {
  it("lists purchase orders with their stage in words and open deviations", async () => {
    mockCommands(baseHandlers());
    renderWithProviders(<InboundScreen />, "sv");

    await screen.findByTestId("po-list");
    expect(screen.getAllByTestId("po-row").map((r) => r.dataset["po"])).toEqual(["PO-000001", "PO-000002"]);
    expect(within(poRow("PO-000001")).getByTestId("po-stage").textContent).toBe("Inlevererad");
    expect(within(poRow("PO-000002")).getByTestId("po-stage").textContent).toBe("Aviserad");
    expect(within(poRow("PO-000001")).getByTestId("po-open-deviations").textContent).toBe("2 öppna");
    expect(within(poRow("PO-000002")).getByTestId("po-open-deviations").textContent).toBe("Inga");
    expect(poRow("PO-000001").textContent, "the expected date is shown as a date").toContain("20 nov. 2026");
  });

  it("shows each deviation with advised, received, the difference in units and percent, and its kind", async () => {
    mockCommands(baseHandlers());
    renderWithProviders(<InboundScreen />, "sv");

    await screen.findByTestId("deviation-list");
    const short = deviationRow("SOCK-1");
    expect(short.dataset["kind"]).toBe("under");
    expect(within(short).getByTestId("deviation-advised").textContent).toBe("10");
    expect(within(short).getByTestId("deviation-received").textContent).toBe("8");
    expect(within(short).getByTestId("deviation-difference").textContent, "a shortfall carries its minus").toBe("−2");
    expect(plain(within(short).getByTestId("deviation-percent").textContent)).toBe("−20 %");
    expect(within(short).getByTestId("deviation-kind").textContent).toContain("Underleverans");

    const unadvised = deviationRow("SCARF-9");
    expect(unadvised.dataset["kind"]).toBe("unadvised");
    expect(within(unadvised).getByTestId("deviation-difference").textContent).toBe("+2");
    expect(within(unadvised).getByTestId("deviation-percent").textContent, "no base to take a percent of").toBe(
      "ej aviserad",
    );
    expect(screen.getByTestId("deviations-open").textContent).toBe("2 öppna avvikelser");
  });

  it("acknowledges one deviation with the merchant's note", async () => {
    const requests: AcknowledgeDeviationsRequest[] = [];
    let acknowledged = false;
    const detail = sampleDetail();
    mockCommands({
      ...baseHandlers([detail]),
      list_deviations: () => {
        const rows = acknowledged ? detail.deviations.slice(1) : detail.deviations;
        return { deviations: rows, open: rows.length };
      },
      acknowledge_deviations: (request) => {
        requests.push(request);
        acknowledged = true;
        return { acknowledged: 1, reported: [], problems: [] };
      },
    });
    renderWithProviders(<InboundScreen />, "sv");

    await screen.findByTestId("deviation-list");
    const row = deviationRow("SOCK-1");
    fireEvent.change(within(row).getByTestId("deviation-note"), { target: { value: "Restnoterat hos Garnhuset" } });
    fireEvent.click(within(row).getByTestId("deviation-ack"));

    await waitFor(() =>
      expect(requests).toEqual([
        { deviations: [{ number: "PO-000001", sku: "SOCK-1" }], note: "Restnoterat hos Garnhuset" },
      ]),
    );
    await waitFor(() =>
      expect(
        screen.getAllByTestId("deviation-row").map((r) => r.dataset["sku"]),
        "the acknowledged deviation leaves the open list",
      ).toEqual(["SCARF-9"]),
    );
  });

  it("creates a purchase order from the form and opens it", async () => {
    const requests: PurchaseOrderForm[] = [];
    const created = sampleAdvisedDetail();
    const created3: PurchaseOrderDetail = {
      ...created,
      summary: { ...created.summary, number: "PO-000003", supplier: "Sockfabriken" },
    };
    mockCommands({
      ...baseHandlers([sampleDetail(), created3]),
      create_purchase_order: (request) => {
        requests.push(request);
        return sampleSaved(created3);
      },
    });
    renderWithProviders(<InboundScreen />, "sv");

    const form = await openForm();
    fireEvent.change(within(form).getByTestId("po-supplier"), { target: { value: " Sockfabriken " } });
    fireEvent.change(within(form).getByTestId("po-reference"), { target: { value: "SF-12" } });
    fireEvent.change(within(form).getByTestId("po-expected"), { target: { value: "2026-12-01" } });
    fireEvent.change(within(form).getByTestId("po-line-sku"), { target: { value: "SOCK-2" } });
    fireEvent.change(within(form).getByTestId("po-line-qty"), { target: { value: "24" } });
    fireEvent.click(within(form).getByTestId("po-line-add"));
    fireEvent.change(within(form).getAllByTestId("po-line-sku")[1]!, { target: { value: "HAT-1" } });
    fireEvent.change(within(form).getAllByTestId("po-line-qty")[1]!, { target: { value: "6" } });
    fireEvent.click(within(form).getByTestId("po-line-add"));
    fireEvent.click(within(form).getByTestId("po-save"));

    await waitFor(() =>
      expect(requests, "trimmed fields, blank ones as none, the empty last row left out").toEqual([
        {
          supplier: "Sockfabriken",
          reference: "SF-12",
          expectedDate: "2026-12-01",
          remark: null,
          lines: [
            { sku: "SOCK-2", quantity: 24 },
            { sku: "HAT-1", quantity: 6 },
          ],
        },
      ]),
    );
    const detail = await screen.findByTestId("po-detail");
    expect(detail.dataset["po"]).toBe("PO-000003");
    expect(screen.getByTestId("po-saved").textContent).toBe("PO-000003 är sparad och skickas till lagret.");
  });

  it("reads lines from a file all or nothing, naming every bad row by its line number", async () => {
    const texts: string[] = [];
    mockCommands({
      ...baseHandlers(),
      parse_purchase_order_lines: ({ text }) => {
        texts.push(text);
        return text.includes("x")
          ? {
              lines: [],
              errors: [
                { line: 2, text: "HAT-1;x", reason: "the quantity 'x' is not a whole number" },
                { line: 4, text: ";3", reason: "the SKU is empty" },
              ],
              unknownSkus: [],
            }
          : {
              lines: [
                { sku: "SOCK-1", quantity: 12 },
                { sku: "NEW-1", quantity: 1 },
              ],
              errors: [],
              unknownSkus: ["NEW-1"],
            };
      },
    });
    renderWithProviders(<InboundScreen />, "sv");
    const form = await openForm();
    fireEvent.change(within(form).getByTestId("po-line-sku"), { target: { value: "KEEP-1" } });

    const input = within(form).getByTestId("po-csv-input");
    fireEvent.change(input, { target: { files: [new File(["sku;antal\nHAT-1;x\nSOCK-1;2\n;3\n"], "fel.csv")] } });
    const errors = await screen.findByTestId("po-csv-errors");
    expect(texts[0], "the file's text goes to the backend as it is").toBe("sku;antal\nHAT-1;x\nSOCK-1;2\n;3\n");
    expect(within(errors).getAllByTestId("po-csv-error").map((e) => e.dataset["line"])).toEqual(["2", "4"]);
    expect(errors.textContent).toContain("Rad 2: the quantity 'x' is not a whole number");
    expect(errors.textContent).toContain("Inget lästes in från fel.csv: 2 rader är felaktiga.");
    expect(
      within(form).getAllByTestId("po-line-sku").map((i) => (i as HTMLInputElement).value),
      "nothing is half-imported",
    ).toEqual(["KEEP-1"]);

    fireEvent.change(input, { target: { files: [new File(["SOCK-1;12\nNEW-1;1\n"], "rätt.csv")] } });
    await screen.findByTestId("po-csv-imported");
    expect(screen.queryByTestId("po-csv-errors")).toBeNull();
    expect(within(form).getAllByTestId("po-line-sku").map((i) => (i as HTMLInputElement).value)).toEqual([
      "SOCK-1",
      "NEW-1",
    ]);
    expect(within(form).getAllByTestId("po-line-qty").map((i) => (i as HTMLInputElement).value)).toEqual(["12", "1"]);
    expect(screen.getByTestId("po-csv-unknown").textContent, "unknown articles are warned of").toContain("NEW-1");
  });

  it("shows the warehouse's reason when a change is refused because receiving started", async () => {
    const requests: UpdatePurchaseOrderRequest[] = [];
    mockCommands({
      ...baseHandlers(),
      update_purchase_order: (request) => {
        requests.push(request);
        throw {
          code: "remoteRefused",
          message:
            "purchase order PO-000002 cannot be changed: the warehouse has started receiving purchase order PO-000002 (warehouse status 200 Ankomstregistrerad)",
        };
      },
    });
    renderWithProviders(<InboundScreen />, "sv");
    await screen.findByTestId("po-list");
    fireEvent.click(within(poRow("PO-000002")).getByTestId("po-open"));
    const detail = await screen.findByTestId("po-detail");
    expect((within(detail).getByTestId("po-edit") as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(within(detail).getByTestId("po-edit"));

    const form = await screen.findByTestId("po-form");
    expect((within(form).getByTestId("po-supplier") as HTMLInputElement).value, "the form starts from the order").toBe(
      "Ullfabriken",
    );
    fireEvent.change(within(form).getByTestId("po-line-qty"), { target: { value: "30" } });
    fireEvent.click(within(form).getByTestId("po-save"));

    const error = await screen.findByTestId("po-error");
    expect(requests[0]?.purchaseOrder.lines).toEqual([{ sku: "SOCK-2", quantity: 30 }]);
    expect(error.dataset["errorCode"]).toBe("remoteRefused");
    expect(error.textContent).toContain("Ändringen nekades");
    expect(error.textContent, "the reason is shown").toContain("started receiving purchase order PO-000002");
  });

  it("does not offer changes or cancelling once receiving has started", async () => {
    mockCommands(baseHandlers());
    renderWithProviders(<InboundScreen />, "sv");
    await screen.findByTestId("po-list");
    fireEvent.click(within(poRow("PO-000001")).getByTestId("po-open"));
    const detail = await screen.findByTestId("po-detail");
    expect((within(detail).getByTestId("po-edit") as HTMLButtonElement).disabled).toBe(true);
    expect((within(detail).getByTestId("po-cancel") as HTMLButtonElement).disabled).toBe(true);
    expect(within(detail).getByTestId("po-locked").textContent).toContain("Lagret har börjat ta emot leveransen");
    const lines = within(detail).getAllByTestId("po-line-row");
    expect(lines.map((l) => l.dataset["sku"]), "unadvised articles are listed after the ordered lines").toEqual([
      "SOCK-1",
      "HAT-1",
      "SCARF-9",
    ]);
  });

  it("cancels an advised purchase order after a confirmation", async () => {
    const cancelled: string[] = [];
    const advised = sampleAdvisedDetail();
    mockCommands({
      ...baseHandlers([advised]),
      cancel_purchase_order: ({ number }) => {
        cancelled.push(number);
        return sampleSaved({
          ...advised,
          summary: { ...advised.summary, stage: "cancelled", editable: false },
          lockedReason: "purchase order PO-000002 is cancelled",
        });
      },
    });
    renderWithProviders(<InboundScreen />, "sv");
    await screen.findByTestId("po-list");
    fireEvent.click(within(poRow("PO-000002")).getByTestId("po-open"));
    fireEvent.click(await screen.findByTestId("po-cancel"));
    expect(cancelled, "nothing is cancelled before the confirmation").toEqual([]);
    fireEvent.click(screen.getByTestId("po-cancel-yes"));
    await waitFor(() => expect(cancelled).toEqual(["PO-000002"]));
  });

  it("creates the initial stock-in after a confirmation that says how many lines it gets", async () => {
    const requests: InitialStockInRequest[] = [];
    const previews: InitialStockInRequest[] = [];
    const created = sampleAdvisedDetail();
    mockCommands({
      ...baseHandlers(),
      preview_initial_stock_in: (request) => {
        previews.push(request);
        return { lines: 2, units: 2 };
      },
      create_initial_stock_in: (request) => {
        requests.push(request);
        return sampleSaved({
          ...created,
          summary: { ...created.summary, number: "PO-000004", kind: "initialStockIn", lineCount: 2 },
        });
      },
    });
    renderWithProviders(<InboundScreen />, "sv");
    await screen.findByTestId("po-list");
    const stockIn = screen.getByTestId("stock-in");
    expect((within(stockIn).getByTestId("po-stock-in") as HTMLButtonElement).disabled, "a quantity is needed").toBe(
      true,
    );
    fireEvent.change(within(stockIn).getByTestId("po-stock-in-filter"), { target: { value: "sock" } });
    fireEvent.change(within(stockIn).getByTestId("po-stock-in-qty"), { target: { value: "1" } });
    fireEvent.click(within(stockIn).getByTestId("po-stock-in"));

    const confirm = await screen.findByTestId("po-stock-in-confirm");
    expect(confirm.dataset["lines"]).toBe("2");
    expect(confirm.textContent).toContain("Inköpsordern får 2 rader med sammanlagt 2 enheter.");
    expect(previews, "the count is asked for with the same request").toEqual([
      { skuFilter: "sock", defaultQuantity: 1, quantities: [], supplier: null, expectedDate: null, remark: null },
    ]);
    expect(requests, "nothing is created before the confirmation").toEqual([]);
    fireEvent.click(within(confirm).getByTestId("po-stock-in-yes"));

    await waitFor(() =>
      expect(requests).toEqual([
        { skuFilter: "sock", defaultQuantity: 1, quantities: [], supplier: null, expectedDate: null, remark: null },
      ]),
    );
    expect((await screen.findByTestId("po-stock-in-result")).textContent).toBe("PO-000004 är skapad med 2 rader.");
  });

  it("says in English what it says in Swedish", async () => {
    mockCommands(baseHandlers([sampleDetail({ deviations: [sampleDeviation({ kinds: ["over", "rejected"] })] })]));
    renderWithProviders(<InboundScreen />, "en");
    await screen.findByTestId("deviation-list");
    expect(screen.getByRole("heading", { name: "Purchase orders" })).toBeTruthy();
    expect(screen.getAllByTestId("deviation-kind").map((k) => k.textContent)).toEqual([
      "▲ Over-delivery",
      "⊘ Rejected goods",
    ]);
  });

  it("opens the purchase order a dashboard entry points to", async () => {
    mockCommands(baseHandlers());
    renderWithProviders(
      <NavigationProvider value={{ current: { screen: "inbound", focus: "PO-000001" }, navigate: () => undefined }}>
        <InboundScreen />
      </NavigationProvider>,
      "sv",
    );
    const detail = await screen.findByTestId("po-detail");
    expect(detail.dataset["po"]).toBe("PO-000001");
    expect(poRow("PO-000001").getAttribute("aria-selected")).toBe("true");
  });

  it("still lets the merchant go ahead when the lines could not be counted", async () => {
    mockCommands({
      ...baseHandlers(),
      preview_initial_stock_in: () => {
        throw { code: "remoteUnavailable", message: "the warehouse did not answer" };
      },
    });
    renderWithProviders(<InboundScreen />, "sv");
    const stockIn = await screen.findByTestId("stock-in");
    fireEvent.change(within(stockIn).getByTestId("po-stock-in-qty"), { target: { value: "1" } });
    fireEvent.click(within(stockIn).getByTestId("po-stock-in"));
    const confirm = await screen.findByTestId("po-stock-in-confirm");
    expect(confirm.dataset["lines"]).toBe("");
    expect(confirm.textContent).toContain("Antalet rader kunde inte räknas i förväg.");
  });
});
