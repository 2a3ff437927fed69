import type { AttentionItem } from "../../bindings/AttentionItem";
import type { AttentionKind } from "../../bindings/AttentionKind";
import { formatDateTime, useLanguage, useT } from "../../i18n";
import { useNavigate } from "../../navigation/navigate";
import type { Screen } from "../../navigation/screens";

/** The screen that fixes each kind of problem; the item's `focus` says what to open there. */
export const FIX_SCREEN: Record<AttentionKind, Screen> = {
  failedFlow: "syncLog",
  deadCall: "syncLog",
  unmappedShippingMethod: "transportMapping",
  heldOrder: "orders",
  refusedChange: "orders",
  overdueBatch: "releaseBatches",
  articleProblem: "products",
  orphanedArticle: "products",
  inboundDeviation: "inbound",
  refusedPurchaseOrder: "inbound",
  returnArrived: "returns",
  stockRaisedOutside: "stockReconciliation",
};

/** "Needs attention": every problem with its reason and one click to where it is fixed. */
export function AttentionList({ items }: { items: AttentionItem[] }) {
  const t = useT();
  const [language] = useLanguage();
  const navigate = useNavigate();
  return (
    <section className="attention" aria-label={t("runs.dashboard.attention")} data-testid="attention">
      <h2 className="dashboard__section-title">
        {t("runs.dashboard.attention")}
        {items.length > 0 && <span className="attention__count"> ({items.length})</span>}
      </h2>
      {items.length === 0 ? (
        <p className="attention__nothing" data-testid="attention-empty">
          {t("runs.dashboard.nothing")}
        </p>
      ) : (
        <ul className="attention__list">
          {items.map((item) => (
            <li
              key={`${item.kind}:${item.focus}`}
              className={`attention__item attention__item--${item.kind}`}
              data-testid="attention-item"
              data-kind={item.kind}
              data-focus={item.focus}
            >
              <div className="attention__text">
                <p className="attention__title">
                  {t(`runs.dashboard.kinds.${item.kind}`, {
                    subject: subjectOf(item, t, (at) => formatDateTime(language, at)),
                    count: item.count,
                  })}
                </p>
                {item.message !== "" && <p className="attention__message">{item.message}</p>}
              </div>
              <button
                type="button"
                className="button button--small"
                data-testid="attention-fix"
                onClick={() => navigate({ screen: FIX_SCREEN[item.kind], focus: item.focus })}
              >
                {t("runs.dashboard.fix")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The subject in words: a flow's name, a batch's time, else as sent. */
function subjectOf(item: AttentionItem, t: ReturnType<typeof useT>, dateTime: (at: string) => string): string {
  if (item.kind === "failedFlow") return flowLabel(t, item.subject);
  if (item.kind === "overdueBatch" && !Number.isNaN(Date.parse(item.subject))) return dateTime(item.subject);
  return item.subject;
}

function flowLabel(t: ReturnType<typeof useT>, flow: string): string {
  switch (flow) {
    case "articles":
    case "orders":
    case "statuses":
    case "stock":
    case "reconcile":
    case "purchaseOrders":
    case "returns":
      return t(`runs.flows.${flow}`).toLowerCase();
    default:
      return flow;
  }
}
