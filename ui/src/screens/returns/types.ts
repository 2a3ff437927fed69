/**
 * The returns commands' shapes, from the generated bindings. Money is integer minor units with
 * its ISO 4217 currency, never a float; times are RFC 3339 strings in UTC.
 */
export type { MoneyView } from "../../bindings/MoneyView";
export type { RegisterReturnRequest } from "../../bindings/RegisterReturnRequest";
export type { ReturnDelivery } from "../../bindings/ReturnDelivery";
export type { ReturnCauseList } from "../../bindings/ReturnCauseList";
export type { ReturnCauseView } from "../../bindings/ReturnCauseView";
export type { ReturnDetail } from "../../bindings/ReturnDetail";
export type { ReturnDifferenceView } from "../../bindings/ReturnDifferenceView";
export type { ReturnKindName } from "../../bindings/ReturnKindName";
export type { ReturnLineView } from "../../bindings/ReturnLineView";
export type { ReturnList } from "../../bindings/ReturnList";
export type { ReturnSaved } from "../../bindings/ReturnSaved";
export type { ReturnStateName } from "../../bindings/ReturnStateName";
export type { ReturnSummary } from "../../bindings/ReturnSummary";
export type { ReturnableLine } from "../../bindings/ReturnableLine";
export type { ReturnableOrder } from "../../bindings/ReturnableOrder";
export type { ReturnableOrders } from "../../bindings/ReturnableOrders";
export type { SetReturnStateRequest } from "../../bindings/SetReturnStateRequest";
