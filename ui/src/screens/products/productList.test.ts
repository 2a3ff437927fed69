import { describe, expect, it } from "vitest";
import { PAGE_SIZE, filterProducts, formatDifference, formatQuantity, pageOf } from "./productList";
import { sampleRow } from "./sample";

describe("filterProducts", () => {
  const rows = [
    sampleRow({ sku: "SOCK-1", name: "Ullsocka grå", state: "current" }),
    sampleRow({ sku: "HAT RED", name: "Mössa", state: "neverSent", problems: [{ kind: "skuCharacters", detail: "' '", message: "" }] }),
    sampleRow({ sku: "OLD-1", name: null, state: "neverSent", orphaned: true, inShop: false }),
    sampleRow({ sku: "SOCK-2", name: "Ullsocka svart", state: "failed" }),
  ];

  it("keeps the rows of one state or flag", () => {
    expect(filterProducts(rows, "all", "").length).toBe(4);
    expect(filterProducts(rows, "neverSent", "").map((r) => r.sku)).toEqual(["HAT RED", "OLD-1"]);
    expect(filterProducts(rows, "problems", "").map((r) => r.sku)).toEqual(["HAT RED"]);
    expect(filterProducts(rows, "orphaned", "").map((r) => r.sku)).toEqual(["OLD-1"]);
    expect(filterProducts(rows, "failed", "").map((r) => r.sku)).toEqual(["SOCK-2"]);
  });

  it("finds every word in the SKU or the name, in any case", () => {
    expect(filterProducts(rows, "all", "ullsocka").map((r) => r.sku)).toEqual(["SOCK-1", "SOCK-2"]);
    expect(filterProducts(rows, "all", "  SOCKA  svart ").map((r) => r.sku)).toEqual(["SOCK-2"]);
    expect(filterProducts(rows, "all", "old-1").map((r) => r.sku), "a row without a name is found by SKU").toEqual([
      "OLD-1",
    ]);
    expect(filterProducts(rows, "current", "svart"), "both the filter and the words apply").toEqual([]);
  });
});

describe("pageOf", () => {
  it("cuts pages and keeps the page within range", () => {
    const rows = Array.from({ length: PAGE_SIZE * 2 + 5 }, (_, i) => i);
    expect(pageOf(rows, 0).items.length).toBe(PAGE_SIZE);
    expect(pageOf(rows, 2)).toEqual({ items: [200, 201, 202, 203, 204], page: 2, pages: 3 });
    expect(pageOf(rows, 9).page, "a page past the end shows the last").toBe(2);
    expect(pageOf([], 0), "an empty list still has one page").toEqual({ items: [], page: 0, pages: 1 });
  });
});

describe("quantities", () => {
  it("shows signs on differences and dashes for unknown stock", () => {
    expect(formatDifference("en", 3)).toBe("+3");
    expect(formatDifference("en", -12)).toBe("−12");
    expect(formatDifference("en", 0)).toBe("0");
    expect(formatDifference("sv", -1500).replace(/\s/g, " ")).toBe("−1 500");
    expect(formatQuantity("en", null)).toBe("–");
    expect(formatQuantity("en", 2.5)).toBe("2.5");
    expect(formatQuantity("sv", 2.5)).toBe("2,5");
  });
});
