import type { ListOrdersRequest } from "../../bindings/ListOrdersRequest";
import type { OrderStateName } from "../../bindings/OrderStateName";
import type { TimelineEntry } from "../../bindings/TimelineEntry";
import type { MessageKey, Translate } from "../../i18n";

/** The filters as the merchant sets them; dates are the `YYYY-MM-DD` of a date field. */
export type OrderFilterForm = {
  state: OrderStateName | null;
  locked: boolean | null;
  text: string;
  from: string;
  to: string;
};

export const NO_FILTER: OrderFilterForm = { state: null, locked: null, text: "", from: "", to: "" };

export const ORDER_STATES: readonly OrderStateName[] = ["waiting", "sent", "shipped", "held", "cancelled", "baseline"];

/** Midnight at the start of `date` (`YYYY-MM-DD`) on this computer's clock, as RFC 3339; `null` if empty or invalid. */
export function startOfDay(date: string, addDays = 0): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return null;
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
}

/** The list request for a filter form: the "to" date counts in full (up to the next midnight). */
export function filterRequest(form: OrderFilterForm): Omit<ListOrdersRequest, "offset" | "limit"> {
  const text = form.text.trim();
  return {
    state: form.state,
    locked: form.locked,
    text: text === "" ? null : text,
    createdFrom: startOfDay(form.from),
    createdTo: startOfDay(form.to, 1),
  };
}

export function isFiltered(form: OrderFilterForm): boolean {
  return (
    form.state !== null || form.locked !== null || form.text.trim() !== "" || form.from !== "" || form.to !== ""
  );
}

/** The order the dashboard asked to open (`useFocus()`): a shop order number, or `null`. */
export function focusedOrder(focus: string | undefined): number | null {
  if (focus === undefined || !/^\d+$/.test(focus.trim())) return null;
  const id = Number(focus.trim());
  return Number.isSafeInteger(id) ? id : null;
}

/** A warehouse status: its number and, when the warehouse gave one, its text. */
export function warehouseStatusText(status: number | null, text: string | null): string | null {
  if (status === null) return null;
  return text === null || text === "" ? String(status) : `${status} ${text}`;
}

/** A shop status by name, or by id when the shop's names could not be read. */
export function shopStatusText(id: number | null, name: string | null): string | null {
  if (id === null) return null;
  return name ?? `#${id}`;
}

const CALL_KINDS = {
  "warehouse.upsert_order": "upsertOrder",
  "warehouse.cancel_order": "cancelOrder",
  "warehouse.release_order": "releaseOrder",
  "warehouse.hold_order": "holdOrder",
  "shop.set_status": "setShopStatus",
  "warehouse.upsert_return_order": "upsertReturnOrder",
  "shop.add_order_comment": "addOrderComment",
} as const;

/** The translated name of an outbox call kind; unknown kinds are shown as they are. */
export function callKindText(t: Translate, kind: string): string {
  const key = (CALL_KINDS as Record<string, (typeof CALL_KINDS)[keyof typeof CALL_KINDS]>)[kind];
  return key === undefined ? kind : t(`orders.calls.kinds.${key}`);
}

const TIMELINE_KINDS: Record<string, MessageKey> = {
  "shop.seen": "orders.timeline.kinds.shopSeen",
  "shop.changed": "orders.timeline.kinds.shopChanged",
  "hold.set": "orders.timeline.kinds.holdSet",
  "hold.cleared": "orders.timeline.kinds.holdCleared",
  "warehouse.status": "orders.timeline.kinds.warehouseStatus",
  "warehouse.tracking": "orders.timeline.kinds.warehouseTracking",
  "warehouse.upsert_order": "orders.timeline.kinds.sendOrder",
  "warehouse.cancel_order": "orders.timeline.kinds.cancelOrder",
  "warehouse.release_order": "orders.timeline.kinds.releaseOrder",
  "warehouse.hold_order": "orders.timeline.kinds.holdOrder",
  "shop.set_status": "orders.timeline.kinds.setShopStatus",
  "warehouse.upsert_return_order": "orders.timeline.kinds.sendReturn",
  "shop.add_order_comment": "orders.timeline.kinds.shopComment",
};

/** What happened, in words: the event's title, with the call's outcome unless it simply succeeded. */
export function timelineTitle(t: Translate, entry: TimelineEntry): string {
  const reused = entry.kind === "shop.seen" && entry.details.includes('"numberReused": true');
  const key = reused ? "orders.timeline.kinds.shopSeenReused" : TIMELINE_KINDS[entry.kind];
  const title = key === undefined ? t("orders.timeline.kinds.other", { kind: entry.kind }) : t(key);
  if (entry.outcome === "retrying" || entry.outcome === "dead") {
    return `${title}: ${t(`orders.timeline.outcomes.${entry.outcome}`)}`;
  }
  return title;
}

/** The facts of an event worth a line: statuses, tracking, the e-mail flag, attempts, the reason. */
export function timelineFacts(t: Translate, entry: TimelineEntry): string[] {
  const facts: string[] = [];
  const warehouse = warehouseStatusText(entry.warehouseStatus, entry.warehouseStatusText);
  const shop = shopStatusText(entry.shopStatusId, entry.shopStatusName);
  if (entry.kind.startsWith("warehouse.") && warehouse !== null) facts.push(t("orders.timeline.status", { status: warehouse }));
  if (shop !== null) facts.push(t("orders.timeline.status", { status: shop }));
  if (entry.tracking !== null && entry.kind !== "warehouse.tracking") {
    facts.push(t("orders.timeline.tracking", { tracking: entry.tracking }));
  }
  if (entry.emailCustomer === true) facts.push(t("orders.timeline.emailCustomer"));
  if (entry.outcome !== null && entry.outcome !== "done" && entry.attempts !== null) {
    facts.push(t("orders.timeline.attempts", { attempts: entry.attempts }));
  }
  if (entry.message !== null) facts.push(entry.message);
  return facts;
}
