import { useEffect, useState } from "react";
import type { OrderStateName } from "../../bindings/OrderStateName";
import { useT } from "../../i18n";
import { NO_FILTER, ORDER_STATES, isFiltered, type OrderFilterForm } from "./format";

/** How long typing pauses before the list is asked again. */
const TYPING_PAUSE_MS = 250;

/** The list's filters: state, lock, order or tracking number, and the creation dates. */
export function OrderFilters({ filter, onFilter }: { filter: OrderFilterForm; onFilter: (next: OrderFilterForm) => void }) {
  const t = useT();
  const [text, setText] = useState(filter.text);

  useEffect(() => {
    if (text === filter.text) return undefined;
    const timer = window.setTimeout(() => onFilter({ ...filter, text }), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text, filter, onFilter]);

  return (
    <form className="orders__filters" aria-label={t("orders.filters.label")} onSubmit={(event) => event.preventDefault()}>
      <label className="orders__filter">
        <span>{t("orders.filters.state")}</span>
        <select
          data-testid="orders-filter-state"
          value={filter.state ?? ""}
          onChange={(event) =>
            onFilter({ ...filter, state: event.target.value === "" ? null : (event.target.value as OrderStateName) })
          }
        >
          <option value="">{t("orders.filters.anyState")}</option>
          {ORDER_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`orders.states.${state}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="orders__filter">
        <span>{t("orders.filters.locked")}</span>
        <select
          data-testid="orders-filter-locked"
          value={filter.locked === null ? "" : String(filter.locked)}
          onChange={(event) =>
            onFilter({ ...filter, locked: event.target.value === "" ? null : event.target.value === "true" })
          }
        >
          <option value="">{t("orders.filters.anyLock")}</option>
          <option value="true">{t("orders.filters.lockedOnly")}</option>
          <option value="false">{t("orders.filters.unlockedOnly")}</option>
        </select>
      </label>
      <label className="orders__filter orders__filter--text">
        <span>{t("orders.filters.text")}</span>
        <input
          type="search"
          data-testid="orders-filter-text"
          placeholder={t("orders.filters.textPlaceholder")}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <label className="orders__filter">
        <span>{t("orders.filters.from")}</span>
        <input
          type="date"
          data-testid="orders-filter-from"
          value={filter.from}
          onChange={(event) => onFilter({ ...filter, from: event.target.value })}
        />
      </label>
      <label className="orders__filter">
        <span>{t("orders.filters.to")}</span>
        <input
          type="date"
          data-testid="orders-filter-to"
          value={filter.to}
          onChange={(event) => onFilter({ ...filter, to: event.target.value })}
        />
      </label>
      <button
        type="button"
        className="button"
        data-testid="orders-filter-clear"
        disabled={!isFiltered(filter) && text === ""}
        onClick={() => {
          setText("");
          onFilter(NO_FILTER);
        }}
      >
        {t("orders.filters.clear")}
      </button>
    </form>
  );
}
