import type { PurchaseOrderList as PurchaseOrderListData } from "../../bindings/PurchaseOrderList";
import type { PurchaseOrderStage } from "../../bindings/PurchaseOrderStage";
import { Badge, type BadgeTone } from "../../components/Badge";
import { Card } from "../../components/Card";
import { formatDate, useLanguage, useT } from "../../i18n";
import { formatUnits } from "./format";

const STAGE_TONE: Record<PurchaseOrderStage, BadgeTone> = {
  notSent: "warning",
  advised: "info",
  receiving: "info",
  received: "neutral",
  cancelling: "warning",
  cancelled: "neutral",
};

export function StageBadge({ stage }: { stage: PurchaseOrderStage }) {
  const t = useT();
  return (
    <Badge tone={STAGE_TONE[stage]} testId="po-stage">
      {t(`inbound.states.${stage}`)}
    </Badge>
  );
}

type Props = {
  list: PurchaseOrderListData;
  selected: string | null;
  includeCancelled: boolean;
  onIncludeCancelled: (include: boolean) => void;
  onOpen: (number: string) => void;
  onNew: () => void;
};

/** Every purchase order: number, supplier, reference, expected date, stage, lines and open deviations. */
export function PurchaseOrderList({ list, selected, includeCancelled, onIncludeCancelled, onOpen, onNew }: Props) {
  const t = useT();
  const [language] = useLanguage();
  const orders = list.purchaseOrders;
  return (
    <Card title={t("inbound.list.title")}>
      <div className="inbound__toolbar">
        <button type="button" className="button button--primary" data-testid="po-new" onClick={onNew}>
          {t("inbound.list.new")}
        </button>
        <label className="inbound__check">
          <input
            type="checkbox"
            checked={includeCancelled}
            onChange={(event) => onIncludeCancelled(event.target.checked)}
            data-testid="po-show-cancelled"
          />
          {t("inbound.list.showCancelled")}
        </label>
      </div>
      {orders.length === 0 ? (
        <p className="screen-status" data-testid="po-list-empty">
          {includeCancelled ? t("inbound.list.empty") : t("inbound.list.emptyOpen")}
        </p>
      ) : (
        <div className="inbound__table-wrap">
          <table className="inbound__table" data-testid="po-list">
            <caption className="visually-hidden">{t("inbound.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("inbound.list.number")}</th>
                <th scope="col">{t("inbound.list.supplier")}</th>
                <th scope="col">{t("inbound.list.reference")}</th>
                <th scope="col">{t("inbound.list.expected")}</th>
                <th scope="col">{t("inbound.list.state")}</th>
                <th scope="col" className="inbound__num">
                  {t("inbound.list.lines")}
                </th>
                <th scope="col">{t("inbound.list.deviations")}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((po) => (
                <tr
                  key={po.number}
                  data-testid="po-row"
                  data-po={po.number}
                  data-stage={po.stage}
                  aria-selected={po.number === selected}
                  className={po.number === selected ? "inbound__row inbound__row--selected" : "inbound__row"}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="inbound__link"
                      data-testid="po-open"
                      aria-label={t("inbound.list.open", { number: po.number })}
                      onClick={() => onOpen(po.number)}
                    >
                      {po.number}
                    </button>
                    {po.kind === "initialStockIn" && (
                      <span className="inbound__kind">{t("inbound.list.initialStockIn")}</span>
                    )}
                  </th>
                  <td>{po.supplier}</td>
                  <td>{po.reference ?? t("inbound.detail.none")}</td>
                  <td>{po.expectedDate === null ? t("inbound.detail.none") : formatDate(language, po.expectedDate, "UTC")}</td>
                  <td>
                    <StageBadge stage={po.stage} />
                  </td>
                  <td className="inbound__num" data-testid="po-line-count">
                    {formatUnits(language, po.lineCount)}
                  </td>
                  <td data-testid="po-open-deviations">
                    {po.openDeviations > 0 ? (
                      <Badge tone="warning">{t("inbound.list.openDeviations", { count: po.openDeviations })}</Badge>
                    ) : (
                      <span className="inbound__muted">{t("inbound.list.noDeviations")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
