import { useEffect, useState } from "react";
import type { PurchaseOrderSaved } from "../../bindings/PurchaseOrderSaved";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { useFocus } from "../../navigation/navigate";
import { usePurchaseOrders } from "../../queries";
import { DeviationReview } from "./DeviationReview";
import { InitialStockIn } from "./InitialStockIn";
import { PurchaseOrderForm } from "./PurchaseOrderForm";
import { PurchaseOrderList } from "./PurchaseOrderList";
import { PurchaseOrderPanel } from "./PurchaseOrderPanel";
import "./records.css";
import "./Inbound.css";

/** What the lower half of the screen shows: nothing, one purchase order, or the form. */
export type InboundView =
  | { kind: "none" }
  | { kind: "detail"; number: string }
  | { kind: "new" }
  | { kind: "edit"; number: string };

/**
 * Inleveranser / Inbound: purchase orders pre-advised to the warehouse, the form to create or
 * change one (lines typed or read from a file), the go-live purchase order of all stock articles,
 * and the deviations of what arrived for the merchant to acknowledge.
 */
export function InboundScreen() {
  const t = useT();
  const focus = useFocus();
  const [includeCancelled, setIncludeCancelled] = useState(false);
  const [view, setView] = useState<InboundView>(
    focus === undefined || focus === "" ? { kind: "none" } : { kind: "detail", number: focus },
  );
  const [saved, setSaved] = useState<PurchaseOrderSaved | null>(null);
  const list = usePurchaseOrders(includeCancelled);

  // A "needs attention" entry opens its purchase order, also when the screen is already open.
  useEffect(() => {
    if (focus !== undefined && focus !== "") setView({ kind: "detail", number: focus });
  }, [focus]);

  if (list.isPending) {
    return (
      <p className="screen-status" role="status" data-testid="inbound-loading">
        {t("inbound.loading")}
      </p>
    );
  }

  if (list.isError) {
    return (
      <div className="inbound">
        <ErrorBanner
          testId="inbound-error"
          context={t("inbound.loadFailed")}
          code={list.error.code}
          message={list.error.message}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
        {list.error.code === "notConfigured" && (
          <p className="screen-status" data-testid="inbound-not-configured">
            {t("inbound.notConfigured")}
          </p>
        )}
      </div>
    );
  }

  const open = (next: InboundView) => {
    setSaved(null);
    setView(next);
  };
  const onSaved = (answer: PurchaseOrderSaved) => {
    setSaved(answer);
    setView({ kind: "detail", number: answer.detail.summary.number });
  };
  const selected = view.kind === "detail" || view.kind === "edit" ? view.number : null;

  return (
    <div className="inbound">
      <PurchaseOrderList
        list={list.data}
        selected={selected}
        includeCancelled={includeCancelled}
        onIncludeCancelled={setIncludeCancelled}
        onOpen={(number) => open({ kind: "detail", number })}
        onNew={() => open({ kind: "new" })}
      />
      {view.kind === "new" && (
        <PurchaseOrderForm key="new" number={null} initial={null} onSaved={onSaved} onClose={() => open({ kind: "none" })} />
      )}
      {view.kind === "edit" && (
        <PurchaseOrderPanel
          key={`edit:${view.number}`}
          number={view.number}
          editing
          saved={null}
          onEdit={() => undefined}
          onSaved={onSaved}
          onClose={() => open({ kind: "detail", number: view.number })}
        />
      )}
      {view.kind === "detail" && (
        <PurchaseOrderPanel
          key={`detail:${view.number}`}
          number={view.number}
          editing={false}
          saved={saved}
          onEdit={() => open({ kind: "edit", number: view.number })}
          onSaved={onSaved}
          onClose={() => open({ kind: "none" })}
        />
      )}
      <DeviationReview number={selected} onOpen={(number) => open({ kind: "detail", number })} />
      <InitialStockIn onCreated={onSaved} />
    </div>
  );
}
