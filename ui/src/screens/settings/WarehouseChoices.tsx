import { Card } from "../../components/Card";
import { useT } from "../../i18n";
import { useWarehouses } from "../../queries";

/**
 * The 3PL's warehouses with a tick for each that takes part. `chosen` holds the ticked ids (`null`:
 * all of them); the
 * editor sends an empty list when every warehouse is ticked ("all", so a warehouse the 3PL adds
 * later counts too). Without a working warehouse connection there is nothing to choose from.
 */
export function WarehouseChoices({
  chosen,
  onChange,
}: {
  chosen: ReadonlySet<number> | null;
  onChange: (chosen: ReadonlySet<number>, all: readonly number[]) => void;
}) {
  const t = useT();
  const list = useWarehouses();
  const all = list.data?.warehouses.map((w) => w.id) ?? [];
  const ticked = (id: number) => chosen === null || chosen.has(id);
  return (
    <Card title={t("setup.settings.warehousesTitle")}>
      <p className="setup-field__hint">{t("setup.settings.warehousesHint")}</p>
      {list.isPending && <p className="setup-field__hint">{t("setup.settings.warehousesLoading")}</p>}
      {list.isError && (
        <p className="setup-field__hint" data-testid="warehouses-unavailable">
          {t("setup.settings.warehousesUnavailable")}
        </p>
      )}
      {list.isSuccess && (
        <div className="settings-warehouses" data-testid="warehouse-choices">
          {list.data.warehouses.map((w) => (
            <label key={w.id} className="settings-inline">
              <input
                type="checkbox"
                checked={ticked(w.id)}
                onChange={() => {
                  const next = new Set(all.filter(ticked));
                  if (next.has(w.id)) next.delete(w.id);
                  else next.add(w.id);
                  onChange(next, all);
                }}
                data-testid={`warehouse-choice-${w.id}`}
              />
              {w.name ?? w.code ?? String(w.id)}
              {w.code !== null && w.name !== null && <span className="setup-field__hint"> ({w.code})</span>}
            </label>
          ))}
        </div>
      )}
    </Card>
  );
}
