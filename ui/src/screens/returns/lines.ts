import type { ReturnLineView } from "./types";

/**
 * What arrived against what was announced, per line, read the same way as inbound deviations:
 * more, fewer, or an article that was never announced. Before the warehouse reports anything,
 * nothing is missing yet.
 */
export type LineDeviation = "over" | "under" | "unannounced" | null;

export function lineDeviation(line: ReturnLineView, reported: boolean): LineDeviation {
  if (!reported) return null;
  if (line.announced === 0 && line.received > 0) return "unannounced";
  if (line.received > line.announced) return "over";
  if (line.received < line.announced) return "under";
  return null;
}

/**
 * The quantities typed for a return, capped at what can be returned per line: the typed text,
 * the number it means (0 for empty) and, when too many, the most allowed.
 */
export function readQuantity(text: string, returnable: number): { quantity: number; valid: boolean; over: boolean } {
  const trimmed = text.trim();
  if (trimmed === "") return { quantity: 0, valid: true, over: false };
  if (!/^\d+$/.test(trimmed)) return { quantity: 0, valid: false, over: false };
  const quantity = Number(trimmed);
  return { quantity, valid: quantity <= returnable, over: quantity > returnable };
}
