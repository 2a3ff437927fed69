import type { InitialStockInRequest } from "../../bindings/InitialStockInRequest";
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
