import { describe, expect, it } from "vitest";
import { translator } from "../../i18n";
import {
  NO_FILTER,
  callKindText,
  filterRequest,
  focusedOrder,
  isFiltered,
  shopStatusText,
  startOfDay,
  timelineFacts,
  timelineTitle,
  warehouseStatusText,
} from "./format";
import { sampleEntry } from "./sample";

const sv = translator("sv");
const en = translator("en");

describe("orders formatting", () => {
  it("turns the filter form into a list request, the end date counted in full", () => {
    expect(filterRequest(NO_FILTER), "an empty form filters nothing").toEqual({
      state: null,
      locked: null,
      text: null,
      createdFrom: null,
      createdTo: null,
    });
    const request = filterRequest({ state: "held", locked: true, text: "  1031 ", from: "2026-01-10", to: "2026-01-10" });
    expect(request.state).toBe("held");
    expect(request.locked).toBe(true);
    expect(request.text, "surrounding spaces are not part of the number").toBe("1031");
    expect(new Date(request.createdFrom ?? "").getTime()).toBe(new Date(2026, 0, 10).getTime());
    expect(new Date(request.createdTo ?? "").getTime(), "up to the next midnight").toBe(new Date(2026, 0, 11).getTime());
    expect(startOfDay("10/01/2026"), "only the date field's own form is read").toBeNull();
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, locked: false }), "'only unlocked' is a filter too").toBe(true);
  });

  it("reads the dashboard's focus as an order number", () => {
    expect(focusedOrder("1031")).toBe(1031);
    expect(focusedOrder(" 1031 ")).toBe(1031);
    expect(focusedOrder(undefined)).toBeNull();
    expect(focusedOrder("order:1031"), "only a plain number opens an order").toBeNull();
  });

  it("shows statuses by name, else by number", () => {
    expect(warehouseStatusText(450, "Skickad")).toBe("450 Skickad");
    expect(warehouseStatusText(450, null)).toBe("450");
    expect(warehouseStatusText(null, null)).toBeNull();
    expect(shopStatusText(4, "Skickad")).toBe("Skickad");
    expect(shopStatusText(4, null), "the shop could not be read: the id is shown").toBe("#4");
    expect(callKindText(sv, "warehouse.upsert_order")).toBe("Skicka order till lagret");
    expect(callKindText(en, "shop.set_status")).toBe("Write status to the shop");
    expect(callKindText(en, "shop.add_order_comment"), "a return's comment is a call of the order too").toBe(
      "Write a comment on the shop order",
    );
    expect(timelineTitle(sv, sampleEntry(2, "warehouse.upsert_return_order"))).toBe("Returorder skickad till lagret");
    expect(callKindText(sv, "warehouse.something_new"), "an unknown call is named as it is").toBe("warehouse.something_new");
  });

  it("says what each timeline event was, with its facts", () => {
    expect(timelineTitle(sv, sampleEntry(1, "shop.seen"))).toBe("Sedd i butiken");
    expect(timelineTitle(sv, sampleEntry(1, "shop.seen", { details: '{\n  "numberReused": true\n}' }))).toBe(
      "Sedd i butiken (återanvänt ordernummer)",
    );
    expect(timelineTitle(sv, sampleEntry(2, "warehouse.upsert_order", { outcome: "done" }))).toBe("Skickad till lagret");
    expect(timelineTitle(sv, sampleEntry(2, "warehouse.upsert_order", { outcome: "dead" }))).toBe(
      "Skickad till lagret: gav upp",
    );
    expect(timelineTitle(en, sampleEntry(3, "something.else"))).toBe("Event: something.else");
    const written = sampleEntry(5, "shop.set_status", {
      outcome: "done",
      shopStatusId: 4,
      shopStatusName: "Skickad",
      tracking: "SE123",
      emailCustomer: true,
    });
    expect(timelineFacts(sv, written)).toEqual(["Status: Skickad", "Spårning: SE123", "kunden e-postas"]);
    const failed = sampleEntry(6, "warehouse.upsert_order", { outcome: "retrying", attempts: 2, message: "503" });
    expect(timelineFacts(en, failed)).toEqual(["attempt 2", "503"]);
    const status = sampleEntry(7, "warehouse.status", { warehouseStatus: 400, warehouseStatusText: "Plockad" });
    expect(timelineFacts(sv, status)).toEqual(["Status: 400 Plockad"]);
  });
});
