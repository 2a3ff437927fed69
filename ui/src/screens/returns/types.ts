/**
 * The shapes the returns commands answer with. Money is integer minor units with its ISO 4217
 * currency, never a float; times are RFC 3339 strings in UTC.
 */

/** Regret purchase (ångerköp), complaint (reklamation), a parcel nobody collected, or a return the warehouse received without notice. */
export type ReturnKind = "regret" | "complaint" | "unclaimed" | "unannounced";

/** Handling states, set by the merchant after the warehouse reported what arrived. */
export type ReturnState = "announced" | "received" | "refunded" | "closed";

export type Money = { minorUnits: number; currency: string };

export type ReturnableLine = {
  sku: string;
  name: string | null;
  ordered: number;
  delivered: number;
  returned: number;
  returnable: number;
};

export type ReturnableOrder = {
  orderId: string;
  customerName: string | null;
  email: string | null;
  placedAt: string | null;
  /** False when nothing of the order has left the warehouse yet, so nothing can be returned. */
  delivered: boolean;
  lines: ReturnableLine[];
};

export type ReturnableOrders = { orders: ReturnableOrder[] };

export type ReturnCause = { code: string; name: string };

export type ReturnCauses = { causes: ReturnCause[] };

export type ReturnLineView = {
  sku: string;
  announced: number;
  received: number;
  /** The condition the warehouse noted, in its words. */
  condition: string | null;
};

export type ReturnSummary = {
  id: string;
  kind: ReturnKind;
  state: ReturnState;
  orderId: string | null;
  customerName: string | null;
  cause: string | null;
  announcedUnits: number;
  receivedUnits: number;
  /** Lines where what arrived differs from what was announced. */
  differences: number;
  registeredAt: string;
  refund: Money | null;
};

export type ReturnList = { returns: ReturnSummary[] };

export type ReturnDetail = {
  summary: ReturnSummary;
  lines: ReturnLineView[];
  note: string | null;
  handlingNote: string | null;
  receivedAt: string | null;
};

export type RegisterReturnRequest = {
  orderId: string;
  kind: ReturnKind;
  causeCode: string;
  note: string | null;
  lines: { sku: string; quantity: number }[];
};

export type ReturnRegistered = { detail: ReturnDetail };

export type SetReturnStateRequest = {
  id: string;
  state: ReturnState;
  refund: Money | null;
  note: string | null;
};

/** The returns commands with their request and response. */
export type ReturnCommands = {
  find_returnable_orders: [{ query: string }, ReturnableOrders];
  return_causes: [Record<string, never>, ReturnCauses];
  register_return: [RegisterReturnRequest, ReturnRegistered];
  list_returns: [{ includeClosed: boolean }, ReturnList];
  return_detail: [{ id: string }, ReturnDetail];
  set_return_state: [SetReturnStateRequest, ReturnDetail];
};
