import type { OrderDetail } from "../../bindings/OrderDetail";
import type { OrderListPage } from "../../bindings/OrderListPage";
import type { OrderRow } from "../../bindings/OrderRow";
import type { TimelineEntry } from "../../bindings/TimelineEntry";

/** Test data for the orders screen's component tests. */
export function sampleRow(shopOrderId: number, overrides: Partial<OrderRow> = {}): OrderRow {
  return {
    shopOrderId,
    createdAt: "2026-11-20T09:30:00.000Z",
    state: "sent",
    locked: false,
    warehouseStatus: 200,
    warehouseStatusText: "Öppen-OK",
    shopStatusId: 1,
    shopStatusName: "Ny",
    tracking: null,
    holdMessage: null,
    ...overrides,
  };
}

/** `total` orders numbered down from `top`, served a page at a time like the backend. */
export function samplePage(offset: number, limit: number, total: number, top = 20_000): OrderListPage {
  const count = Math.max(0, Math.min(limit, total - offset));
  return {
    orders: Array.from({ length: count }, (_, i) => sampleRow(top - offset - i)),
    total,
    offset,
    shopStatusNames: true,
  };
}

export function sampleEntry(id: number, kind: string, overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id,
    at: "2026-11-20T09:30:00.000Z",
    kind,
    side: kind.startsWith("shop.") ? "shop" : kind.startsWith("warehouse.") ? "warehouse" : "brygga",
    outcome: null,
    shopStatusId: null,
    shopStatusName: null,
    warehouseStatus: null,
    warehouseStatusText: null,
    trackingUrl: null,
    tracking: null,
    emailCustomer: null,
    code: null,
    message: null,
    attempts: null,
    callId: null,
    details: "{}",
    ...overrides,
  };
}

export function sampleDetail(overrides: Partial<OrderDetail> = {}): OrderDetail {
  return {
    order: sampleRow(1031, { state: "shipped", locked: true, warehouseStatus: 450, warehouseStatusText: "Skickad", tracking: "SE123" }),
    warehouseOrderId: 5001,
    sentAt: "2026-11-20T09:31:00.000Z",
    sends: 1,
    hold: null,
    heldBack: false,
    paid: true,
    releasedBatchId: 3,
    shopStatusWritten: 4,
    shopStatusWrittenName: "Skickad",
    canResend: false,
    timeline: [
      sampleEntry(1, "shop.seen", { shopStatusId: 1, shopStatusName: "Ny" }),
      sampleEntry(2, "warehouse.upsert_order", { outcome: "done", attempts: 1, callId: 11 }),
      sampleEntry(3, "warehouse.status", { warehouseStatus: 450, warehouseStatusText: "Skickad" }),
      sampleEntry(4, "warehouse.tracking", { tracking: "SE123", trackingUrl: "https://track.example/SE123" }),
      sampleEntry(5, "shop.set_status", {
        outcome: "done",
        shopStatusId: 4,
        shopStatusName: "Skickad",
        warehouseStatus: 450,
        tracking: "SE123",
        emailCustomer: true,
        callId: 12,
      }),
    ],
    calls: [
      {
        id: 11,
        kind: "warehouse.upsert_order",
        key: "1031@1#0->abc",
        status: "done",
        attempts: 1,
        maxAttempts: 8,
        lastErrorCode: null,
        lastError: null,
        createdAt: "2026-11-20T09:30:30.000Z",
        updatedAt: "2026-11-20T09:31:00.000Z",
        doneAt: "2026-11-20T09:31:00.000Z",
        payload: '{\n  "orderNumber": "1031"\n}',
      },
      {
        id: 12,
        kind: "shop.set_status",
        key: "1031@1#0:450->4",
        status: "dead",
        attempts: 8,
        maxAttempts: 8,
        lastErrorCode: "shop.unavailable",
        lastError: "the shop answered 503",
        createdAt: "2026-11-20T10:00:00.000Z",
        updatedAt: "2026-11-20T11:00:00.000Z",
        doneAt: null,
        payload: '{\n  "statusId": 4\n}',
      },
    ],
    returns: [],
    ...overrides,
  };
}
