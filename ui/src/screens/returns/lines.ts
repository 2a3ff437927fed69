/**
 * The quantities typed for a return, capped at what can be returned per line: the number the
 * text means (0 for empty), whether it is allowed, and whether it is more than can be returned.
 */
export function readQuantity(text: string, returnable: number): { quantity: number; valid: boolean; over: boolean } {
  const trimmed = text.trim();
  if (trimmed === "") return { quantity: 0, valid: true, over: false };
  if (!/^\d+$/.test(trimmed)) return { quantity: 0, valid: false, over: false };
  const quantity = Number(trimmed);
  return { quantity, valid: quantity <= returnable, over: quantity > returnable };
}
