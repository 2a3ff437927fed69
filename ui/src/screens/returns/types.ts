/**
 * The shapes the returns commands answer with. Money is integer minor units with its ISO 4217
 * currency, never a float; times are RFC 3339 strings in UTC.
 */

/** Regret purchase (ångerköp), complaint (reklamation), a parcel nobody collected, or a return the warehouse received without notice. */
export type ReturnKindName = "regret" | "complaint" | "unclaimed" | "unannounced";

/** Handling states, set by the merchant after the warehouse reported what arrived. */
export type ReturnStateName = "announced" | "received" | "refunded" | "closed";

export type MoneyView = { minorUnits: number; currency: string };

export type ReturnableLine = {
  sku: string;
  ordered: number;
  delivered: number;
  alreadyReturned: number;
  returnable: number;
};

export type ReturnableOrder = {
  orderNumber: string;
  customerName: string | null;
  email: string | null;
  /** False when the warehouse has not shipped it, so nothing can be returned. */
  delivered: boolean;
  lines: Array<ReturnableLine>;
};

export type ReturnableOrders = { orders: Array<ReturnableOrder> };

export type ReturnCauseView = { code: string; name: string | null; removesFromStock: boolean; commentRequired: boolean };

export type ReturnCauseList = { causes: Array<ReturnCauseView> };

export type ReturnLineView = {
  sku: string;
  name: string | null;
  announced: number;
  received: number;
  /** Of `received`, what the warehouse took out of stock. */
  removed: number;
  cause: string | null;
  /** The item conditions the warehouse recorded on arrival. */
  conditions: Array<string>;
};

export type ReturnDifferenceView = {
  sku: string;
  announced: number;
  received: number;
  removed: number;
  difference: number;
  /** Any of `over`, `under`, `rejected`, `unadvised`. */
  kinds: Array<string>;
};

export type ReturnSummary = {
  number: string;
  kind: ReturnKindName;
  state: ReturnStateName;
  orderNumber: string | null;
  cause: string | null;
  warehouseStatus: string | null;
  announced: number;
  received: number;
  differences: number;
  waitingForMerchant: boolean;
  refund: MoneyView | null;
  createdAt: string;
};

export type ReturnList = { returns: Array<ReturnSummary>; waitingForMerchant: number };

export type ReturnDetail = {
  summary: ReturnSummary;
  note: string | null;
  handlingNote: string | null;
  lines: Array<ReturnLineView>;
  differences: Array<ReturnDifferenceView>;
};

export type RegisterReturnRequest = {
  orderNumber: string;
  kind: ReturnKindName;
  lines: Array<{ sku: string; quantity: number }>;
  cause: string;
  note: string | null;
};

export type ReturnSaved = { detail: ReturnDetail; shopCommentWritten: boolean; problem: string | null };

export type SetReturnStateRequest = {
  number: string;
  state: ReturnStateName;
  note: string | null;
  refund: MoneyView | null;
};

/** The returns commands with their request and response. */
export type ReturnCommands = {
  find_returnable_orders: [{ query: string }, ReturnableOrders];
  list_return_causes: [Record<string, never>, ReturnCauseList];
  register_return: [RegisterReturnRequest, ReturnSaved];
  list_returns: [{ includeFinished: boolean }, ReturnList];
  return_detail: [{ number: string }, ReturnDetail];
  set_return_state: [SetReturnStateRequest, ReturnSaved];
};
