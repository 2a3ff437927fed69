import type { ReleaseBatchView } from "../../bindings/ReleaseBatchView";
import type { ReleaseCandidate } from "../../bindings/ReleaseCandidate";
import type { ReleaseOverview } from "../../bindings/ReleaseOverview";
import type { ReleaseResult } from "../../bindings/ReleaseResult";

/** Test data in the shape `release_overview` sends; for unit tests only. */
export function sampleCandidate(overrides: Partial<ReleaseCandidate> = {}): ReleaseCandidate {
  return {
    shopOrderId: 1031,
    warehouseOrderId: 5001,
    createdAt: "2025-11-24T08:15:00Z",
    pickability: "all",
    heldBack: false,
    willRelease: true,
    skipReason: null,
    skipMessage: null,
    ...overrides,
  };
}

export function sampleBatch(overrides: Partial<ReleaseBatchView> = {}): ReleaseBatchView {
  return {
    id: 7,
    slotAt: null,
    startedBy: "merchant",
    state: "done",
    createdAt: "2025-11-24T09:00:00Z",
    finishedAt: "2025-11-24T09:00:02Z",
    note: null,
    released: 1,
    refused: 0,
    skipped: 0,
    pending: 0,
    orders: [{ shopOrderId: 1031, outcome: "released", reason: null, decidedAt: "2025-11-24T09:00:01Z" }],
    ...overrides,
  };
}

export function sampleOverview(overrides: Partial<ReleaseOverview> = {}): ReleaseOverview {
  return {
    candidates: [
      sampleCandidate(),
      sampleCandidate({
        shopOrderId: 1032,
        warehouseOrderId: 5002,
        pickability: "some",
        willRelease: false,
        skipReason: "notFullyPickable",
        skipMessage: "not fully pickable",
      }),
      sampleCandidate({
        shopOrderId: 1033,
        warehouseOrderId: 5003,
        pickability: "none",
        willRelease: false,
        skipReason: "nothingPickable",
        skipMessage: "nothing pickable",
      }),
    ],
    nextBatches: ["2025-11-25T06:00:00Z", "2025-11-25T12:00:00Z"],
    overdue: [],
    settings: {
      mode: "batches",
      times: [
        { days: ["mon", "tue", "wed", "thu", "fri"], at: "07:00" },
        { days: ["mon", "tue", "wed", "thu", "fri"], at: "13:00" },
      ],
      holidays: [],
      rule: { shopStatuses: [], paidOnly: false, shippingMethods: [], pickable: "fully", maxPerBatch: null },
      releasedStatus: null,
    },
    settingsSaved: false,
    releaseProblem: null,
    history: [],
    ...overrides,
  };
}

export function sampleResult(overrides: Partial<ReleaseResult> = {}): ReleaseResult {
  return { batch: sampleBatch(), taken: [1031], skipped: [], failed: 0, retrying: 0, problems: [], ...overrides };
}
