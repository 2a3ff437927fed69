import { useEffect, useState } from "react";
import { useFocus } from "../../navigation/navigate";
import { NO_FILTER, focusedOrder, type OrderFilterForm } from "./format";
import { OrderList } from "./OrderList";
import { OrderPage } from "./OrderPage";
import "./Orders.css";

/**
 * Orders (Ordrar): every order Brygga has seen, in a virtualized list with filters, and one
 * order's page with the timeline of everything that happened to it in both systems. Another
 * screen opens an order's page directly with `focus` = the shop order number.
 */
export function OrdersScreen() {
  const focus = useFocus();
  const [open, setOpen] = useState<number | null>(() => focusedOrder(focus));
  const [filter, setFilter] = useState<OrderFilterForm>(NO_FILTER);

  useEffect(() => {
    const asked = focusedOrder(focus);
    if (asked !== null) setOpen(asked);
  }, [focus]);

  if (open !== null) {
    return <OrderPage shopOrderId={open} onBack={() => setOpen(null)} />;
  }
  return <OrderList filter={filter} onFilter={setFilter} onOpen={setOpen} />;
}
