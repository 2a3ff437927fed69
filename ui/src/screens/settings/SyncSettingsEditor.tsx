import { useState, type FormEvent } from "react";
import type { FlowScheduleForm } from "../../bindings/FlowScheduleForm";
import type { ScheduleMode } from "../../bindings/ScheduleMode";
import type { SyncSettingsView } from "../../bindings/SyncSettingsView";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { useSetupAction } from "../../queries";
import { WarehouseChoices } from "./WarehouseChoices";

export const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const MODES: readonly ScheduleMode[] = ["manual", "every", "daily"];

/** One flow's schedule as typed. */
type Row = {
  flow: FlowScheduleForm["flow"];
  mode: ScheduleMode;
  minutes: string;
  days: ReadonlySet<string>;
  from: string;
  to: string;
  at: string;
};

function rowOf(form: FlowScheduleForm): Row {
  return {
    flow: form.flow,
    mode: form.mode,
    minutes: form.minutes === null ? "" : String(form.minutes),
    days: new Set(form.days.length === 0 ? DAYS : form.days),
    from: form.from ?? "",
    to: form.to ?? "",
    at: form.at ?? "",
  };
}

const blank = (text: string) => (text.trim() === "" ? null : text.trim());

/**
 * The schedules, start date and currencies, checked lightly here (numbers and currency codes, in
 * the merchant's language) and in full by the backend, whose message names the flow or field.
 */
export function SyncSettingsEditor({ view, onSaved }: { view: SyncSettingsView; onSaved?: (() => void) | undefined }) {
  const t = useT();
  const [rows, setRows] = useState<Row[]>(() => view.settings.schedules.map(rowOf));
  const [startDate, setStartDate] = useState(view.settings.startDate ?? "");
  const [currencies, setCurrencies] = useState(view.settings.currencies.join(", "));
  const [problem, setProblem] = useState<string | null>(null);
  // `null` until the merchant touches the warehouse ticks: the saved choice is sent back as it was.
  const [warehouses, setWarehouses] = useState<{ chosen: ReadonlySet<number>; all: readonly number[] } | null>(null);
  const save = useSetupAction("save_sync_settings");

  const change = (flow: Row["flow"], update: (row: Row) => Row) =>
    setRows((all) => all.map((r) => (r.flow === flow ? update(r) : r)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const badMinutes = rows.find((r) => r.mode === "every" && !/^[1-9]\d*$/.test(r.minutes.trim()));
    if (badMinutes !== undefined) {
      setProblem(t("setup.settings.minutesNotNumber", { flow: t(`setup.settings.flows.${badMinutes.flow}`) }));
      return;
    }
    const codes = currencies
      .split(",")
      .map((c) => c.trim())
      .filter((c) => c !== "");
    const badCode = codes.find((c) => !/^[A-Za-z]{3}$/.test(c));
    if (badCode !== undefined) {
      setProblem(t("setup.settings.currencyNotCode", { code: badCode }));
      return;
    }
    if (warehouses !== null && warehouses.chosen.size === 0) {
      setProblem(t("setup.settings.noWarehouse"));
      return;
    }
    setProblem(null);
    const chosenWarehouses =
      warehouses === null
        ? view.settings.warehouses
        : warehouses.all.every((id) => warehouses.chosen.has(id))
          ? []
          : [...warehouses.chosen].sort((a, b) => a - b);
    const schedules: FlowScheduleForm[] = rows.map((r) => ({
      flow: r.flow,
      mode: r.mode,
      minutes: r.mode === "every" ? Number(r.minutes.trim()) : null,
      days: DAYS.filter((d) => r.days.has(d)),
      from: r.mode === "every" ? blank(r.from) : null,
      to: r.mode === "every" ? blank(r.to) : null,
      at: r.mode === "daily" ? blank(r.at) : null,
    }));
    save.mutate(
      {
        settings: {
          schedules,
          startDate: blank(startDate),
          currencies: codes.map((c) => c.toUpperCase()),
          warehouses: chosenWarehouses,
        },
      },
      { onSuccess: () => onSaved?.() },
    );
  };

  return (
    <form className="settings-form" onSubmit={submit} data-testid="sync-settings" aria-busy={save.isPending}>
      <Card title={t("setup.settings.schedulesTitle")}>
        <p className="setup-field__hint">{t("setup.settings.schedulesHint")}</p>
        {!view.schedulesSaved && !save.isSuccess && (
          <p className="setup-field__hint" data-testid="schedules-default">
            {t("setup.settings.defaults")}
          </p>
        )}
        <div className="settings-schedules">
          {rows.map((r) => (
            <fieldset key={r.flow} className="settings-schedule" data-testid="schedule-row" data-flow={r.flow}>
              <legend className="settings-schedule__flow">{t(`setup.settings.flows.${r.flow}`)}</legend>
              <label className="settings-inline">
                {t("setup.settings.how")}
                <select
                  className="setup-input"
                  value={r.mode}
                  onChange={(e) => change(r.flow, (old) => ({ ...old, mode: e.target.value as ScheduleMode }))}
                  data-testid={`schedule-mode-${r.flow}`}
                >
                  {MODES.map((m) => (
                    <option key={m} value={m}>
                      {t(`setup.settings.modes.${m}`)}
                    </option>
                  ))}
                </select>
              </label>
              {r.mode === "every" && (
                <>
                  <label className="settings-inline">
                    {t("setup.settings.minutes")}
                    <input
                      className="setup-input settings-input--short"
                      inputMode="numeric"
                      value={r.minutes}
                      onChange={(e) => change(r.flow, (old) => ({ ...old, minutes: e.target.value }))}
                      data-testid={`schedule-minutes-${r.flow}`}
                    />
                  </label>
                  <label className="settings-inline">
                    {t("setup.settings.from")}
                    <input
                      className="setup-input settings-input--short"
                      placeholder="07:00"
                      value={r.from}
                      onChange={(e) => change(r.flow, (old) => ({ ...old, from: e.target.value }))}
                      data-testid={`schedule-from-${r.flow}`}
                    />
                  </label>
                  <label className="settings-inline">
                    {t("setup.settings.to")}
                    <input
                      className="setup-input settings-input--short"
                      placeholder="20:00"
                      value={r.to}
                      onChange={(e) => change(r.flow, (old) => ({ ...old, to: e.target.value }))}
                      data-testid={`schedule-to-${r.flow}`}
                    />
                  </label>
                </>
              )}
              {r.mode === "daily" && (
                <label className="settings-inline">
                  {t("setup.settings.at")}
                  <input
                    className="setup-input settings-input--short"
                    placeholder="02:30"
                    value={r.at}
                    onChange={(e) => change(r.flow, (old) => ({ ...old, at: e.target.value }))}
                    data-testid={`schedule-at-${r.flow}`}
                  />
                </label>
              )}
              {(r.mode === "daily" || (r.mode === "every" && (r.from.trim() !== "" || r.to.trim() !== ""))) && (
                <span className="settings-days" role="group" aria-label={t("setup.settings.days")}>
                  {DAYS.map((day) => (
                    <label key={day} className="settings-day">
                      <input
                        type="checkbox"
                        checked={r.days.has(day)}
                        onChange={() =>
                          change(r.flow, (old) => {
                            const days = new Set(old.days);
                            if (days.has(day)) days.delete(day);
                            else days.add(day);
                            return { ...old, days };
                          })
                        }
                        data-testid={`schedule-day-${r.flow}-${day}`}
                      />
                      {t(`setup.weekdays.${day}`)}
                    </label>
                  ))}
                </span>
              )}
            </fieldset>
          ))}
        </div>
        <p className="setup-field__hint">{t("setup.settings.windowHint")}</p>
      </Card>

      <Card title={t("setup.settings.ordersTitle")}>
        <div className="setup-field">
          <label className="setup-field__label">
            {t("setup.settings.startDate")}
            <input
              type="date"
              className="setup-input settings-input--date"
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
              data-testid="settings-start-date"
            />
          </label>
          <span className="setup-field__hint">{t("setup.settings.startDateHint")}</span>
        </div>
        <div className="setup-field">
          <label className="setup-field__label">
            {t("setup.settings.currencies")}
            <input
              className="setup-input"
              value={currencies}
              placeholder="SEK, EUR"
              onChange={(e) => setCurrencies(e.target.value)}
              data-testid="settings-currencies"
            />
          </label>
          <span className="setup-field__hint">{t("setup.settings.currenciesHint")}</span>
        </div>
      </Card>

      <WarehouseChoices
        chosen={
          warehouses !== null
            ? warehouses.chosen
            : view.settings.warehouses.length === 0
              ? null
              : new Set(view.settings.warehouses)
        }
        onChange={(chosen, all) => setWarehouses({ chosen, all })}
      />

      <div className="setup-actions">
        <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="settings-save">
          {save.isPending ? t("setup.settings.saving") : t("setup.settings.save")}
        </button>
        {save.isSuccess && (
          <span className="setup-saved" role="status" data-testid="settings-saved">
            {t("setup.settings.saved")}
          </span>
        )}
      </div>
      {problem !== null && (
        <p className="setup-problem" role="alert" data-testid="settings-problem">
          {problem}
        </p>
      )}
      {save.isError && (
        <ErrorBanner
          code={save.error.code}
          message={save.error.message}
          context={t("setup.settings.saveFailed")}
          testId="settings-error"
        />
      )}
    </form>
  );
}
