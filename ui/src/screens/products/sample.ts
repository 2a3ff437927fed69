import type { ProductRow } from "../../bindings/ProductRow";
import type { ProductsOverview } from "../../bindings/ProductsOverview";
import type { ProductCounts } from "../../bindings/ProductCounts";

/** Test data for the products screen. */
export function sampleRow(overrides: Partial<ProductRow> = {}): ProductRow {
  return {
    sku: "SOCK-GRA-40",
    name: "Ullsocka grå",
    state: "current",
    inShop: true,
    problems: [],
    orphaned: false,
    warehouseArticleId: 101,
    sentAt: "2026-11-20T08:00:00Z",
    failure: null,
    warehouseSellable: 12,
    shopQuantity: 12,
    writtenQuantity: 12,
    writtenAt: "2026-11-20T09:00:00Z",
    ...overrides,
  };
}

export function countsOf(rows: readonly ProductRow[]): ProductCounts {
  const count = (test: (row: ProductRow) => boolean) => rows.filter(test).length;
  return {
    all: rows.length,
    neverSent: count((r) => r.state === "neverSent"),
    current: count((r) => r.state === "current"),
    changed: count((r) => r.state === "changed"),
    pending: count((r) => r.state === "pending"),
    failed: count((r) => r.state === "failed"),
    problems: count((r) => r.problems.length > 0),
    orphaned: count((r) => r.orphaned),
  };
}

export function sampleRows(): ProductRow[] {
  return [
    sampleRow(),
    sampleRow({
      sku: "HAT RED/1",
      name: "Mössa <röd>",
      state: "neverSent",
      sentAt: null,
      warehouseArticleId: null,
      problems: [
        {
          kind: "skuCharacters",
          detail: "' ', '/'",
          message: "the SKU contains ' ', '/'; only letters A-Z, digits, '.', '_' and '-' are allowed",
        },
        { kind: "nameCharacters", detail: "'<', '>'", message: "the name contains '<', '>', which breaks pick lists and labels" },
      ],
      warehouseSellable: null,
      shopQuantity: null,
      writtenQuantity: null,
      writtenAt: null,
    }),
    sampleRow({ sku: "SOCK-SVA-40", name: "Ullsocka svart", state: "changed" }),
    sampleRow({
      sku: "SCARF-1",
      name: "Halsduk",
      state: "failed",
      failure: "the warehouse refused the article: barcode in use",
    }),
    sampleRow({
      sku: "OLD-HAT-1",
      name: null,
      state: "neverSent",
      inShop: false,
      orphaned: true,
      sentAt: null,
      warehouseSellable: 4,
      shopQuantity: null,
      writtenQuantity: null,
      writtenAt: null,
    }),
  ];
}

export function sampleOverview(overrides: Partial<ProductsOverview> = {}): ProductsOverview {
  const rows = overrides.rows ?? sampleRows();
  return {
    rows,
    counts: countsOf(rows),
    shopRead: true,
    shopProblem: null,
    readAt: "2026-11-23T10:00:00Z",
    ...overrides,
  };
}
