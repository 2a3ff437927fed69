import { Badge, type BadgeTone } from "../../components/Badge";
import { Card } from "../../components/Card";
import { formatDate, formatNumber, useLanguage, useT } from "../../i18n";
import { useReturnCauses } from "../../queries";
import type { ReturnDelivery, ReturnKindName, ReturnList as ReturnListData, ReturnStateName } from "./types";

const STATE_TONE: Record<ReturnStateName, BadgeTone> = {
  announced: "info",
  received: "warning",
  refunded: "neutral",
  closed: "neutral",
};

export function StateBadge({ state }: { state: ReturnStateName }) {
  const t = useT();
  return (
    <Badge tone={STATE_TONE[state]} testId="return-state">
      {t(`returns.states.${state}`)}
    </Badge>
  );
}

/** Shown while a return's calls wait or after one gave up; nothing once both systems have it. */
export function DeliveryBadge({ delivery }: { delivery: ReturnDelivery }) {
  const t = useT();
  if (delivery.state === "sent") return null;
  return (
    <Badge tone={delivery.state === "failed" ? "warning" : "info"} testId="return-delivery">
      {t(`returns.delivery.${delivery.state}`)}
    </Badge>
  );
}

export function KindLabel({ kind }: { kind: ReturnKindName }) {
  const t = useT();
  return (
    <span className={`returns__kind-label returns__kind-label--${kind}`} data-testid="return-kind">
      {t(`returns.kinds.${kind}`)}
    </span>
  );
}

/**
 * A return cause code in the warehouse's words ("Fel storlek (SIZE)"), or the code alone when the
 * causes cannot be read.
 */
export function useCauseName(): (code: string | null) => string | null {
  const causes = useReturnCauses();
  const names = new Map((causes.data?.causes ?? []).map((c) => [c.code, c.name]));
  return (code) => {
    if (code === null) return null;
    const name = names.get(code);
    return name === undefined || name === null ? code : `${name} (${code})`;
  };
}

type Props = {
  list: ReturnListData;
  selected: string | null;
  includeClosed: boolean;
  onIncludeClosed: (include: boolean) => void;
  onOpen: (id: string) => void;
};

/** Every return: the merchant's own and those the warehouse registered itself, with announced against received. */
export function ReturnList({ list, selected, includeClosed, onIncludeClosed, onOpen }: Props) {
  const t = useT();
  const [language] = useLanguage();
  const causeName = useCauseName();
  return (
    <Card title={t("returns.list.title")}>
      <div className="returns__toolbar">
        <label className="returns__check">
          <input
            type="checkbox"
            checked={includeClosed}
            onChange={(event) => onIncludeClosed(event.target.checked)}
            data-testid="return-show-closed"
          />
          {t("returns.list.showClosed")}
        </label>
      </div>
      {list.waitingForMerchant > 0 && (
        <p className="returns__summary" data-testid="return-waiting-count">
          {t("returns.list.waitingCount", { count: list.waitingForMerchant })}
        </p>
      )}
      {list.returns.length === 0 ? (
        <p className="screen-status" data-testid="return-list-empty">
          {t("returns.list.empty")}
        </p>
      ) : (
        <div className="returns__table-wrap">
          <table className="returns__table" data-testid="return-list">
            <caption className="visually-hidden">{t("returns.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("returns.list.id")}</th>
                <th scope="col">{t("returns.list.kind")}</th>
                <th scope="col">{t("returns.list.state")}</th>
                <th scope="col">{t("returns.list.order")}</th>
                <th scope="col">{t("returns.list.cause")}</th>
                <th scope="col" className="returns__num">
                  {t("returns.list.announced")}
                </th>
                <th scope="col" className="returns__num">
                  {t("returns.list.received")}
                </th>
                <th scope="col">{t("returns.list.differences")}</th>
                <th scope="col">{t("returns.list.registered")}</th>
              </tr>
            </thead>
            <tbody>
              {list.returns.map((r) => (
                <tr
                  key={r.number}
                  data-testid="return-row"
                  data-return={r.number}
                  data-state={r.state}
                  data-kind={r.kind}
                  data-order={r.orderNumber ?? ""}
                  data-waiting={r.waitingForMerchant}
                  data-delivery={r.delivery.state}
                  aria-selected={r.number === selected}
                  className={r.number === selected ? "returns__row returns__row--selected" : "returns__row"}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="returns__link"
                      data-testid="return-open"
                      aria-label={t("returns.list.open", { id: r.number })}
                      onClick={() => onOpen(r.number)}
                    >
                      {r.number}
                    </button>
                  </th>
                  <td>
                    <KindLabel kind={r.kind} />
                  </td>
                  <td>
                    <StateBadge state={r.state} />
                    <DeliveryBadge delivery={r.delivery} />
                    {r.waitingForMerchant && (
                      <span className="returns__kind" data-testid="return-waiting">
                        {t("returns.list.waiting")}
                      </span>
                    )}
                  </td>
                  <td data-testid="return-order">
                    {r.orderNumber ?? <span className="returns__muted">{t("returns.list.noOrder")}</span>}
                  </td>
                  <td data-testid="return-cause-name">{causeName(r.cause) ?? t("returns.none")}</td>
                  <td className="returns__num" data-testid="return-announced">
                    {formatNumber(language, r.announced)}
                  </td>
                  <td className="returns__num" data-testid="return-received">
                    {r.state === "announced" && r.received === 0 ? t("returns.none") : formatNumber(language, r.received)}
                  </td>
                  <td data-testid="return-differences">
                    {r.differences > 0 ? (
                      <Badge tone="warning">{t("returns.list.differenceCount", { count: r.differences })}</Badge>
                    ) : (
                      <span className="returns__muted">{t("returns.list.noDifferences")}</span>
                    )}
                  </td>
                  <td>{formatDate(language, r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
