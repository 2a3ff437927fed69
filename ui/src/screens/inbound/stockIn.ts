import type { InitialStockInRequest } from "../../bindings/InitialStockInRequest";
import type { ProductRow } from "../../bindings/ProductRow";
import type { PurchaseOrderLineForm } from "../../bindings/PurchaseOrderLineForm";
import { optional, quantityOf } from "./lines";

export type StockInFields = {
  filter: string;
  defaultQuantity: string;
  quantities: readonly PurchaseOrderLineForm[];
  supplier: string;
  expected: string;
};

/** The request for the go-live purchase order as the fields stand. */
export function stockInRequest(fields: StockInFields): InitialStockInRequest {
  const quantity = fields.defaultQuantity.trim() === "" ? null : quantityOf(fields.defaultQuantity);
  return {
    skuFilter: optional(fields.filter),
    defaultQuantity: quantity,
    quantities: [...fields.quantities],
    supplier: optional(fields.supplier),
    expectedDate: optional(fields.expected),
    remark: null,
  };
}

/**
 * How many lines the go-live purchase order gets, counted from the articles the warehouse has
 * (as last read): those whose SKU contains the filter, in any case, with a quantity (the default,
 * or one read from the file).
 */
export function stockInLineCount(rows: readonly ProductRow[], request: InitialStockInRequest): number {
  const filter = request.skuFilter?.toLowerCase() ?? "";
  const counted = new Set(request.quantities.map((q) => q.sku));
  return rows.filter(
    (row) =>
      row.warehouseArticleId !== null &&
      row.sku.toLowerCase().includes(filter) &&
      (request.defaultQuantity !== null || counted.has(row.sku)),
  ).length;
}
