import type { StockReconciliationOverview } from "../../bindings/StockReconciliationOverview";
import type { StockReconciliationReport } from "../../bindings/StockReconciliationReport";

/** Test data for the stock reconciliation screen. */
export function sampleReport(overrides: Partial<StockReconciliationReport> = {}): StockReconciliationReport {
  return {
    ranAt: "2026-11-23T06:00:00Z",
    differences: [
      { sku: "SOCK-GRA-40", name: "Ullsocka grå", warehouse: 40, shop: 12, difference: 28 },
      { sku: "SOCK-SVA-40", name: "Ullsocka svart", warehouse: 3, shop: 5, difference: -2 },
      { sku: "SCARF-1", name: null, warehouse: 7, shop: 30, difference: -23 },
    ],
    notInShop: [],
    raisedOutside: [],
    unchanged: 117,
    read: 120,
    ...overrides,
  };
}

export function sampleReconciliation(overrides: Partial<StockReconciliationOverview> = {}): StockReconciliationOverview {
  return { last: sampleReport(), reportOnly: false, raisedOutside: [], raisedCheckedAt: null, ...overrides };
}
