import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ApplyStockCorrectionsRequest } from "../../bindings/ApplyStockCorrectionsRequest";
import type { StockReconciliationReport } from "../../bindings/StockReconciliationReport";
import type { StockReconciliationOverview } from "../../bindings/StockReconciliationOverview";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { StockReconciliationScreen } from "./StockReconciliationScreen";
import { sampleReconciliation, sampleReport } from "./sample";

function row(sku: string): HTMLElement {
  const found = screen.getAllByTestId("reconcile-row").find((r) => r.dataset["sku"] === sku);
  if (found === undefined) throw new Error(`no row for ${sku}`);
  return found;
}

describe("StockReconciliationScreen", () => {
  it("shows the last report with both quantities and signed differences", async () => {
    mockCommands({ stock_reconciliation_overview: () => sampleReconciliation({ reportOnly: true }) });
    renderWithProviders(<StockReconciliationScreen />, "sv");
    await screen.findByTestId("reconcile-table");

    expect(screen.getByTestId("reconcile-last-run").textContent).toContain("Senaste avstämning:");
    expect(screen.getByTestId("reconcile-report-only")).toBeTruthy();
    expect(screen.getByTestId("reconcile-summary").textContent).toBe(
      "3 skillnader bland 120 artiklar i lagret; 117 stämmer.",
    );
    expect(within(row("SOCK-GRA-40")).getByTestId("reconcile-warehouse").textContent).toBe("40");
    expect(within(row("SOCK-GRA-40")).getByTestId("reconcile-shop").textContent).toBe("12");
    expect(within(row("SOCK-GRA-40")).getByTestId("reconcile-difference").textContent).toBe("+28");
    expect(within(row("SOCK-SVA-40")).getByTestId("reconcile-difference").textContent).toBe("−2");
    expect(screen.getByTestId("reconcile-apply").textContent).toBe("Rätta alla (3)");
  });

  it("warns when something else raised the shop's stock, naming each article and both quantities", async () => {
    mockCommands({
      stock_reconciliation_overview: () =>
        sampleReconciliation({
          raisedOutside: [{ sku: "SCARF-1", name: "Halsduk", written: 7, shown: 30 }],
          raisedCheckedAt: "2026-11-23T06:00:00Z",
        }),
    });
    renderWithProviders(<StockReconciliationScreen />, "en");
    const warning = await screen.findByTestId("reconcile-raised-outside");
    expect(warning.getAttribute("role"), "another writer of stock is a danger, announced as an alert").toBe("alert");
    expect(warning.textContent).toContain("1 article shows more stock in the shop than Brygga last wrote");
    expect(within(warning).getByTestId("reconcile-raised").textContent).toBe(
      "SCARF-1 Halsduk: Brygga wrote 7, the shop shows 30",
    );
  });

  it("says nothing of other writers when the shop never went above Brygga's writes", async () => {
    mockCommands({ stock_reconciliation_overview: () => sampleReconciliation() });
    renderWithProviders(<StockReconciliationScreen />, "sv");
    await screen.findByTestId("reconcile-table");
    expect(screen.queryByTestId("reconcile-raised-outside")).toBeNull();
  });

  it("says when no reconciliation has run and shows progress while one runs", async () => {
    let kept: StockReconciliationOverview = { last: null, reportOnly: false, raisedOutside: [], raisedCheckedAt: null };
    let finish: (report: StockReconciliationReport) => void = () => undefined;
    mockCommands({
      stock_reconciliation_overview: () => kept,
      run_stock_reconciliation: () =>
        new Promise<StockReconciliationReport>((resolve) => {
          finish = (report) => {
            kept = { last: report, reportOnly: false, raisedOutside: [], raisedCheckedAt: null };
            resolve(report);
          };
        }),
    });
    renderWithProviders(<StockReconciliationScreen />, "sv");
    expect((await screen.findByTestId("reconcile-last-run")).textContent).toBe("Ingen avstämning har gjorts ännu.");

    fireEvent.click(screen.getByTestId("reconcile-run"));
    const progress = await screen.findByTestId("reconcile-progress");
    expect(progress.textContent, "the running state says what is being done").toContain("Jämför saldon…");
    expect(screen.getByTestId("reconcile-run").hasAttribute("disabled")).toBe(true);

    finish(sampleReport({ differences: [] }));
    expect((await screen.findByTestId("reconcile-empty")).textContent).toBe("Butiken och lagret stämmer överens.");
    expect(screen.queryByTestId("reconcile-progress")).toBeNull();
  });

  it("corrects exactly the chosen differences and lists what failed", async () => {
    const requests: ApplyStockCorrectionsRequest[] = [];
    mockCommands({
      stock_reconciliation_overview: () => sampleReconciliation(),
      apply_stock_corrections: (request) => {
        requests.push(request);
        return {
          written: ["SOCK-GRA-40"],
          failed: [{ sku: "SCARF-1", message: "the shop refused the quantity", retrying: false }],
          alreadyRight: [],
        };
      },
    });
    renderWithProviders(<StockReconciliationScreen />, "sv");
    await screen.findByTestId("reconcile-table");

    fireEvent.click(screen.getByRole("checkbox", { name: "Välj SOCK-GRA-40" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Välj SCARF-1" }));
    expect(screen.getByTestId("reconcile-apply").textContent).toBe("Rätta valda (2)");
    fireEvent.click(screen.getByTestId("reconcile-apply"));

    const result = await screen.findByTestId("reconcile-result");
    expect(requests).toEqual([{ skus: ["SOCK-GRA-40", "SCARF-1"] }]);
    expect(result.textContent).toContain("1 saldo skrevs till butiken.");
    const failed = screen.getAllByTestId("reconcile-failed");
    expect(failed.map((f) => f.dataset["sku"])).toEqual(["SCARF-1"]);
    expect(failed[0]?.textContent).toContain("the shop refused the quantity");
    await waitFor(() => expect(screen.getByTestId("reconcile-apply").textContent).toBe("Rätta alla (3)"));
  });

  it("applies all differences when none is chosen, and shows errors by code", async () => {
    const requests: ApplyStockCorrectionsRequest[] = [];
    mockCommands({
      stock_reconciliation_overview: () => sampleReconciliation(),
      apply_stock_corrections: (request) => {
        requests.push(request);
        throw { code: "remoteUnavailable", message: "the shop did not answer" };
      },
    });
    renderWithProviders(<StockReconciliationScreen />, "en");
    await screen.findByTestId("reconcile-table");
    fireEvent.click(screen.getByTestId("reconcile-apply"));
    const banner = await screen.findByTestId("reconcile-error");
    expect(requests).toEqual([{ skus: null }]);
    expect(banner.dataset["errorCode"]).toBe("remoteUnavailable");
    expect(banner.textContent).toContain("The corrections could not be made");
  });
});
