import type { PurchaseOrderForm } from "../../bindings/PurchaseOrderForm";
import type { PurchaseOrderLineForm } from "../../bindings/PurchaseOrderLineForm";

/** A line as it stands in the form: the quantity is the text of its field until saved. */
export type LineDraft = { key: number; sku: string; quantity: string };

let nextKey = 0;

export function lineDraft(sku = "", quantity = ""): LineDraft {
  nextKey += 1;
  return { key: nextKey, sku, quantity };
}

export function lineDrafts(lines: readonly PurchaseOrderLineForm[]): LineDraft[] {
  return lines.map((line) => lineDraft(line.sku, String(line.quantity)));
}

/**
 * The quantity of a field: a whole number as typed, else 0, which the backend refuses with the
 * line number ("must be above zero"), so every bad line is named in one answer.
 */
export function quantityOf(text: string): number {
  const trimmed = text.trim();
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : 0;
}

/** Text fields as sent: trimmed, and empty means "none". */
export function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/** The form's content as the backend takes it. Rows left wholly empty are dropped. */
export function formRequest(fields: {
  supplier: string;
  reference: string;
  expected: string;
  remark: string;
  lines: readonly LineDraft[];
}): PurchaseOrderForm {
  return {
    supplier: fields.supplier.trim(),
    reference: optional(fields.reference),
    expectedDate: optional(fields.expected),
    remark: optional(fields.remark),
    lines: fields.lines
      .filter((line) => line.sku.trim() !== "" || line.quantity.trim() !== "")
      .map((line) => ({ sku: line.sku.trim(), quantity: quantityOf(line.quantity) })),
  };
}
