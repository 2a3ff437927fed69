import type { Dashboard } from "../../bindings/Dashboard";
import type { SyncRunView } from "../../bindings/SyncRunView";

export function sampleRun(overrides: Partial<SyncRunView> = {}): SyncRunView {
  return {
    id: 1,
    flow: "orders",
    dryRun: false,
    startedAt: "2026-11-23T08:00:00.000Z",
    finishedAt: "2026-11-23T08:00:02.500Z",
    durationMs: 2500,
    outcome: "succeeded",
    counts: { read: 12, queued: 3 },
    error: null,
    ...overrides,
  };
}

/** A live installation with one of each kind of problem. */
export function sampleDashboard(overrides: Partial<Dashboard> = {}): Dashboard {
  return {
    live: true,
    baseline: "2026-11-20T07:00:00.000Z",
    runnerActive: true,
    connections: [
      { system: "shop", state: "ok", since: "2026-11-23T08:00:00.000Z", message: null },
      {
        system: "warehouse",
        state: "failing",
        since: "2026-11-23T08:05:00.000Z",
        message: "reading the warehouse failed: 503 Service Unavailable",
      },
    ],
    flows: [
      { flow: "articles", scheduled: true, nextRun: "2026-11-23T08:30:00.000Z", lastRun: sampleRun({ flow: "articles" }) },
      { flow: "orders", scheduled: true, nextRun: "2026-11-23T08:15:00.000Z", lastRun: sampleRun() },
      {
        flow: "statuses",
        scheduled: true,
        nextRun: "2026-11-23T08:15:00.000Z",
        lastRun: sampleRun({ id: 3, flow: "statuses", outcome: "failed", error: "reading the warehouse failed: 503" }),
      },
      { flow: "stock", scheduled: false, nextRun: null, lastRun: null },
      { flow: "reconcile", scheduled: true, nextRun: "2026-11-24T01:30:00.000Z", lastRun: null },
    ],
    counts: {
      orders: 1234,
      ordersSent: 1200,
      ordersHeld: 3,
      ordersCancelled: 5,
      articles: 240,
      articlesSent: 238,
      articlesWithProblems: 1,
      articlesOrphaned: 1,
      callsWaiting: 2,
      callsRunning: 0,
      callsDead: 1,
    },
    attention: [
      { kind: "failedFlow", focus: "statuses", subject: "statuses", code: "flow.failed", message: "reading the warehouse failed: 503", count: 1, at: null },
      { kind: "deadCall", focus: "77", subject: "order:1040", code: "warehouse.refused", message: "article missing", count: 1, at: null },
      {
        kind: "unmappedShippingMethod",
        focus: "12",
        subject: "Budbee",
        code: "order.unmappedShippingMethod",
        message: "shipping method Budbee (12) has no carrier in the transport mapping",
        count: 2,
        at: null,
      },
      { kind: "heldOrder", focus: "1031", subject: "1031", code: "order.numberReused", message: "another order", count: 1, at: null },
      { kind: "overdueBatch", focus: "5", subject: "2026-11-23T06:00:00.000Z", code: "batch.overdue", message: "", count: 1, at: null },
    ],
    ...overrides,
  };
}
