import type { DeviationView } from "../../bindings/DeviationView";
import type { PurchaseOrderDetail } from "../../bindings/PurchaseOrderDetail";
import type { PurchaseOrderSaved } from "../../bindings/PurchaseOrderSaved";
import type { PurchaseOrderSummary } from "../../bindings/PurchaseOrderSummary";

/** Test data in the shapes the inbound commands send; for unit tests only. */
export function samplePurchaseOrder(overrides: Partial<PurchaseOrderSummary> = {}): PurchaseOrderSummary {
  return {
    number: "PO-000001",
    kind: "regular",
    supplier: "Garnhuset AB",
    reference: "GH-4471",
    expectedDate: "2026-11-20",
    stage: "received",
    warehouseStatus: 500,
    warehouseStatusText: "Inlevererad",
    lineCount: 2,
    advisedUnits: 15,
    receivedUnits: 15,
    openDeviations: 2,
    editable: false,
    refusal: null,
    inWarehouse: true,
    createdAt: "2026-11-18T08:00:00Z",
    updatedAt: "2026-11-18T08:00:00Z",
    checkedAt: "2026-11-21T07:00:00Z",
    ...overrides,
  };
}

export function sampleDeviation(overrides: Partial<DeviationView> = {}): DeviationView {
  return {
    number: "PO-000001",
    supplier: "Garnhuset AB",
    sku: "SOCK-1",
    advised: 10,
    received: 8,
    rejected: 0,
    difference: -2,
    differencePercent: -20,
    kinds: ["under"],
    open: true,
    note: null,
    acknowledgedAt: null,
    readAt: "2026-11-21T07:00:00Z",
    ...overrides,
  };
}

export function sampleDetail(overrides: Partial<PurchaseOrderDetail> = {}): PurchaseOrderDetail {
  return {
    summary: samplePurchaseOrder(),
    remark: "Lossning vid port 2",
    lines: [
      { sku: "SOCK-1", ordered: 10, advised: 10, received: 8, rejected: 0 },
      { sku: "HAT-1", ordered: 5, advised: 5, received: 5, rejected: 0 },
      { sku: "SCARF-9", ordered: 0, advised: 0, received: 2, rejected: 0 },
    ],
    deviations: [
      sampleDeviation(),
      sampleDeviation({ sku: "SCARF-9", advised: 0, received: 2, difference: 2, differencePercent: null, kinds: ["unadvised"] }),
    ],
    lockedReason: "the warehouse has started receiving purchase order PO-000001 (warehouse status 500 Inlevererad)",
    ...overrides,
  };
}

/** An advised purchase order that may still be changed. */
export function sampleAdvisedDetail(): PurchaseOrderDetail {
  return {
    summary: samplePurchaseOrder({
      number: "PO-000002",
      supplier: "Ullfabriken",
      reference: null,
      expectedDate: "2026-11-27",
      stage: "advised",
      warehouseStatus: 100,
      warehouseStatusText: "Aviserad",
      lineCount: 1,
      advisedUnits: 24,
      receivedUnits: 0,
      openDeviations: 0,
      editable: true,
      checkedAt: null,
    }),
    remark: null,
    lines: [{ sku: "SOCK-2", ordered: 24, advised: null, received: 0, rejected: 0 }],
    deviations: [],
    lockedReason: null,
  };
}

export function sampleSaved(detail: PurchaseOrderDetail, overrides: Partial<PurchaseOrderSaved> = {}): PurchaseOrderSaved {
  return { detail, accepted: true, problem: null, ...overrides };
}
