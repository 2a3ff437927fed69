import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ExportOrphanedArticlesRequest } from "../../bindings/ExportOrphanedArticlesRequest";
import type { RetryProductRequest } from "../../bindings/RetryProductRequest";
import { mockCommands } from "../../platform/testing";
import { renderWithProviders } from "../../test/render";
import { PAGE_SIZE } from "./productList";
import { ProductsScreen } from "./ProductsScreen";
import { sampleOverview, sampleRow, sampleRows } from "./sample";

function row(sku: string): HTMLElement {
  const found = screen.getAllByTestId("product-row").find((r) => r.dataset["sku"] === sku);
  if (found === undefined) throw new Error(`no row for ${sku}`);
  return found;
}

function filterButton(name: string): HTMLElement {
  const found = screen.getAllByTestId("products-filter").find((b) => b.dataset["filter"] === name);
  if (found === undefined) throw new Error(`no filter ${name}`);
  return found;
}

describe("ProductsScreen", () => {
  it("shows each product's sync state, problems in words and stock", async () => {
    mockCommands({ products_overview: () => sampleOverview() });
    renderWithProviders(<ProductsScreen />, "sv");
    await screen.findByTestId("products-table");

    expect(screen.getAllByTestId("product-row").map((r) => r.dataset["sku"])).toEqual([
      "SOCK-GRA-40",
      "HAT RED/1",
      "SOCK-SVA-40",
      "SCARF-1",
      "OLD-HAT-1",
    ]);
    expect(within(row("SOCK-GRA-40")).getByTestId("product-state").textContent).toBe("Skickad och aktuell");
    expect(within(row("SOCK-SVA-40")).getByTestId("product-state").textContent).toBe("Ändrad sedan senaste sändning");
    const problems = within(row("HAT RED/1")).getByTestId("product-problems");
    expect(problems.textContent, "the problem is worded in Swedish from its kind and detail").toContain(
      "Artikelnumret innehåller ' ', '/'",
    );
    expect(problems.textContent).toContain("Benämningen innehåller '<', '>'");
    expect(within(row("SCARF-1")).getByTestId("product-failure").textContent).toContain("barcode in use");
    expect(within(row("OLD-HAT-1")).getByTestId("product-orphaned")).toBeTruthy();
    expect(within(row("SOCK-GRA-40")).getByTestId("product-warehouse-sellable").textContent).toBe("12");
    expect(within(row("OLD-HAT-1")).getByTestId("product-shop-quantity").textContent).toBe("–");
    expect(filterButton("problems").textContent).toBe("Med problem (1)");
    expect(screen.getByTestId("products-page-info").textContent).toBe("Visar 1–5 av 5");
  });

  it("filters by state and by free text together", async () => {
    mockCommands({ products_overview: () => sampleOverview() });
    renderWithProviders(<ProductsScreen />, "sv");
    await screen.findByTestId("products-table");

    fireEvent.click(filterButton("neverSent"));
    expect(filterButton("neverSent").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getAllByTestId("product-row").map((r) => r.dataset["sku"])).toEqual(["HAT RED/1", "OLD-HAT-1"]);
    fireEvent.change(screen.getByTestId("products-search"), { target: { value: "mössa" } });
    expect(screen.getAllByTestId("product-row").map((r) => r.dataset["sku"])).toEqual(["HAT RED/1"]);
    fireEvent.click(filterButton("failed"));
    expect(screen.getByTestId("products-empty").textContent).toBe("Inga artiklar matchar urvalet.");
  });

  it("pages through thousands of products", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => sampleRow({ sku: `SKU-${String(i).padStart(4, "0")}` }));
    mockCommands({ products_overview: () => sampleOverview({ rows }) });
    renderWithProviders(<ProductsScreen />, "en");
    await screen.findByTestId("products-table");

    expect(screen.getAllByTestId("product-row").length, "one page at a time").toBe(PAGE_SIZE);
    expect(screen.getByTestId("products-page-info").textContent).toBe("Showing 1–100 of 2,500");
    fireEvent.click(screen.getByTestId("products-page-next"));
    expect(screen.getAllByTestId("product-row")[0]?.dataset["sku"]).toBe("SKU-0100");
    fireEvent.change(screen.getByTestId("products-search"), { target: { value: "SKU-2499" } });
    expect(
      screen.getAllByTestId("product-row").map((r) => r.dataset["sku"]),
      "a new search starts on the first page",
    ).toEqual(["SKU-2499"]);
  });

  it("sends a failed product again and says how it went", async () => {
    const requests: RetryProductRequest[] = [];
    let sent = false;
    mockCommands({
      products_overview: () =>
        sampleOverview({
          rows: sampleRows().map((r) => (r.sku === "SCARF-1" && sent ? { ...r, state: "current", failure: null } : r)),
        }),
      retry_product: (request) => {
        requests.push(request);
        sent = true;
        return { sent: true, failure: null };
      },
    });
    renderWithProviders(<ProductsScreen />, "sv");
    await screen.findByTestId("products-table");

    expect(within(row("SOCK-GRA-40")).queryByTestId("product-retry"), "only failed sends can be retried").toBeNull();
    fireEvent.click(within(row("SCARF-1")).getByTestId("product-retry"));
    expect((await screen.findByTestId("product-retry-result")).textContent).toBe("SCARF-1 skickades till lagret.");
    expect(requests).toEqual([{ sku: "SCARF-1" }]);
    await waitFor(() =>
      expect(within(row("SCARF-1")).getByTestId("product-state").textContent, "the list is read again").toBe(
        "Skickad och aktuell",
      ),
    );
  });

  it("exports the orphaned articles and shows where the file went", async () => {
    const requests: ExportOrphanedArticlesRequest[] = [];
    mockCommands({
      products_overview: () => sampleOverview(),
      export_orphaned_articles: (request) => {
        requests.push(request);
        return { path: "/home/handlare/Hämtningar/brygga-orphaned-articles.csv", rows: 1, fromWarehouse: true };
      },
    });
    renderWithProviders(<ProductsScreen />, "sv");
    await screen.findByTestId("orphans");

    fireEvent.click(screen.getByTestId("orphans-export"));
    const result = await screen.findByTestId("orphans-export-result");
    expect(result.textContent).toBe("1 artiklar sparades i /home/handlare/Hämtningar/brygga-orphaned-articles.csv");
    expect(requests, "the header row follows the merchant's language").toEqual([{ language: "sv" }]);
  });

  it("shows the stored part when the shop cannot be read, and errors with their code", async () => {
    mockCommands({
      products_overview: () => sampleOverview({ shopRead: false, shopProblem: "reading the shop failed: timeout" }),
    });
    renderWithProviders(<ProductsScreen />, "sv");
    expect((await screen.findByTestId("products-shop-problem")).textContent).toContain("reading the shop failed");
  });

  it("shows a load error with its translated title", async () => {
    mockCommands({
      products_overview: () => {
        throw { code: "databaseLocked", message: "locked" };
      },
    });
    renderWithProviders(<ProductsScreen />, "sv");
    const banner = await screen.findByTestId("products-error");
    expect(banner.dataset["errorCode"]).toBe("databaseLocked");
  });
});
