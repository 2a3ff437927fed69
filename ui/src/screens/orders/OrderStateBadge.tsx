import type { OrderStateName } from "../../bindings/OrderStateName";
import { Badge, type BadgeTone } from "../../components/Badge";
import { useT } from "../../i18n";

const TONES: Record<OrderStateName, BadgeTone> = {
  held: "warning",
  cancelled: "neutral",
  baseline: "neutral",
  shipped: "info",
  sent: "info",
  waiting: "neutral",
};

/** An order's state in words (never by colour alone). */
export function OrderStateBadge({ state }: { state: OrderStateName }) {
  const t = useT();
  return (
    <span data-testid="order-state" data-state={state}>
      <Badge tone={TONES[state]}>{t(`orders.states.${state}`)}</Badge>
    </span>
  );
}
