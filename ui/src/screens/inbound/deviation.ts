import type { DeviationKindName } from "../../bindings/DeviationKindName";

/**
 * A symbol beside the words, so a deviation never rests on colour alone: the same marks for
 * inbound deviations and for returns that differ from what was announced.
 */
export const DEVIATION_SYMBOL: Record<DeviationKindName, string> = {
  over: "▲",
  under: "▼",
  rejected: "⊘",
  unadvised: "?",
};

/** Whether a kind named by the backend as text is one of the deviation kinds. */
export const isDeviationKind = (kind: string): kind is DeviationKindName => Object.hasOwn(DEVIATION_SYMBOL, kind);
