import type { ProductRow } from "../../bindings/ProductRow";
import type { ProductSyncState } from "../../bindings/ProductSyncState";
import { formatNumber, type Language } from "../../i18n";

/** What the filter buttons choose: one sync state, a flag, or everything. */
export type ProductFilter = "all" | ProductSyncState | "problems" | "orphaned";

export const PRODUCT_FILTERS: readonly ProductFilter[] = [
  "all",
  "neverSent",
  "current",
  "changed",
  "pending",
  "failed",
  "problems",
  "orphaned",
];

/** Rows per page: enough to scan, few enough that a catalogue of thousands stays quick. */
export const PAGE_SIZE = 100;

function matchesFilter(row: ProductRow, filter: ProductFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "problems":
      return row.problems.length > 0;
    case "orphaned":
      return row.orphaned;
    default:
      return row.state === filter;
  }
}

/** The rows in `filter` whose SKU or name holds every word of `query` (any case). */
export function filterProducts(rows: readonly ProductRow[], filter: ProductFilter, query: string): ProductRow[] {
  const words = query.toLocaleLowerCase("sv").split(/\s+/).filter((w) => w !== "");
  return rows.filter((row) => {
    if (!matchesFilter(row, filter)) return false;
    if (words.length === 0) return true;
    const text = `${row.sku} ${row.name ?? ""}`.toLocaleLowerCase("sv");
    return words.every((word) => text.includes(word));
  });
}

/** Page `page` (from 0) of `rows`, the page actually shown (clamped), and the page count. */
export function pageOf<T>(rows: readonly T[], page: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const shown = Math.min(Math.max(0, page), pages - 1);
  return { items: rows.slice(shown * PAGE_SIZE, (shown + 1) * PAGE_SIZE), page: shown, pages };
}

/** A stock quantity; articles sold by weight or length keep up to three decimals. Empty is a dash. */
export function formatQuantity(language: Language, value: number | null): string {
  if (value === null) return "–";
  return formatNumber(language, Math.round(value * 1000) / 1000);
}

/** A difference with its sign, so "+3" (the shop shows too little) and "−2" read at a glance. */
export function formatDifference(language: Language, value: number): string {
  const digits = formatNumber(language, Math.abs(value));
  if (value > 0) return `+${digits}`;
  if (value < 0) return `−${digits}`;
  return digits;
}
