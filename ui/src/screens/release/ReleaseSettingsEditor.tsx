import { useId, useState, type FormEvent } from "react";
import type { PickableRuleName } from "../../bindings/PickableRuleName";
import type { ReleaseModeName } from "../../bindings/ReleaseModeName";
import type { ReleaseSettingsForm } from "../../bindings/ReleaseSettingsForm";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { useReleaseAction } from "../../queries";
import { Spinner } from "./Spinner";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
type Day = (typeof DAYS)[number];
const MODES: readonly ReleaseModeName[] = ["batches", "onArrival"];
const PICKABLE: readonly PickableRuleName[] = ["fully", "alsoPartly", "any"];

/** One editable release time; `key` keeps React's rows apart while times are added and removed. */
type TimeRow = { key: number; at: string; days: ReadonlySet<string> };

let nextKey = 0;
function row(at: string, days: readonly string[]): TimeRow {
  nextKey += 1;
  return { key: nextKey, at, days: new Set(days) };
}

/** One editable holiday (YYYY-MM-DD); `key` as for [`TimeRow`]. */
type HolidayRow = { key: number; date: string };

function holiday(date: string): HolidayRow {
  nextKey += 1;
  return { key: nextKey, date };
}

/** A comma-separated id list as typed; the parts that are not whole numbers in `bad`. */
function ids(text: string): { ids: number[]; bad: string[] } {
  const parts = text
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return {
    ids: parts.filter((p) => /^\d+$/.test(p)).map(Number),
    bad: parts.filter((p) => !/^\d+$/.test(p)),
  };
}

/**
 * The rule and time editor: mode, release times with weekdays, holidays, batch maximum, the
 * pickable rule, "paid only", shop statuses and shipping methods (comma-separated ids: the overview
 * carries no live lists of them) and the warehouse status releasing moves orders to (a number;
 * empty for the mapping's first "started"). The backend checks everything and names what is wrong.
 */
export function ReleaseSettingsEditor({ settings, saved }: { settings: ReleaseSettingsForm; saved: boolean }) {
  const t = useT();
  const id = useId();
  const [mode, setMode] = useState<ReleaseModeName>(settings.mode);
  const [times, setTimes] = useState<TimeRow[]>(() => settings.times.map((time) => row(time.at, time.days)));
  const [max, setMax] = useState(settings.rule.maxPerBatch === null ? "" : String(settings.rule.maxPerBatch));
  const [pickable, setPickable] = useState<PickableRuleName>(settings.rule.pickable);
  const [holidays, setHolidays] = useState<HolidayRow[]>(() => settings.holidays.map(holiday));
  const [paidOnly, setPaidOnly] = useState(settings.rule.paidOnly);
  const [shopStatuses, setShopStatuses] = useState(settings.rule.shopStatuses.join(", "));
  const [shippingMethods, setShippingMethods] = useState(settings.rule.shippingMethods.join(", "));
  const [releasedStatus, setReleasedStatus] = useState(
    settings.releasedStatus === null ? "" : String(settings.releasedStatus),
  );
  const [formProblem, setFormProblem] = useState<string | null>(null);
  const save = useReleaseAction("save_release_settings");

  const setTime = (key: number, change: (row: TimeRow) => TimeRow) =>
    setTimes((rows) => rows.map((r) => (r.key === key ? change(r) : r)));

  const toggleDay = (key: number, day: Day) =>
    setTime(key, (r) => {
      const days = new Set(r.days);
      if (days.has(day)) days.delete(day);
      else days.add(day);
      return { ...r, days };
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = max.trim();
    const statuses = ids(shopStatuses);
    const methods = ids(shippingMethods);
    const released = releasedStatus.trim();
    const bad = [...statuses.bad, ...methods.bad, ...(released === "" || /^\d+$/.test(released) ? [] : [released])];
    if (bad.length > 0) {
      setFormProblem(t("release.settings.notAnId", { values: bad.map((b) => `"${b}"`).join(", ") }));
      return;
    }
    setFormProblem(null);
    const form: ReleaseSettingsForm = {
      ...settings,
      mode,
      times: times.map((r) => ({ at: r.at.trim(), days: DAYS.filter((d) => r.days.has(d)) })),
      holidays: holidays.map((h) => h.date.trim()).filter((d) => d !== ""),
      rule: {
        ...settings.rule,
        pickable,
        paidOnly,
        shopStatuses: statuses.ids,
        shippingMethods: methods.ids,
        maxPerBatch: trimmed === "" ? null : Number(trimmed),
      },
      releasedStatus: released === "" ? null : Number(released),
    };
    save.mutate({ settings: form });
  };

  return (
    <Card title={t("release.settings.title")}>
      {!saved && !save.isSuccess && (
        <p className="release__hint" data-testid="settings-not-saved">
          {t("release.settings.notSaved")}
        </p>
      )}
      <form className="release-settings" onSubmit={submit} data-testid="release-settings" aria-busy={save.isPending}>
        <fieldset className="release-settings__group">
          <legend>{t("release.settings.mode")}</legend>
          {MODES.map((m) => (
            <label key={m} className="release-settings__choice">
              <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(`release.settings.modes.${m}`)}
            </label>
          ))}
        </fieldset>

        {mode === "batches" && (
          <fieldset className="release-settings__group">
            <legend>{t("release.settings.times")}</legend>
            {times.length === 0 && <p className="release__hint">{t("release.settings.noTimes")}</p>}
            {times.map((r, index) => (
              <fieldset key={r.key} className="release-settings__time" data-testid="release-time">
                <legend className="visually-hidden">{t("release.settings.timeLabel", { n: index + 1 })}</legend>
                <label className="release-settings__field">
                  {t("release.settings.time")}
                  <input
                    type="text"
                    inputMode="numeric"
                    className="input input--time"
                    placeholder="07:00"
                    value={r.at}
                    onChange={(e) => setTime(r.key, (old) => ({ ...old, at: e.target.value }))}
                    aria-label={t("release.settings.timeLabel", { n: index + 1 })}
                  />
                </label>
                <span className="release-settings__days" role="group" aria-label={t("release.settings.days")}>
                  {DAYS.map((day) => (
                    <label key={day} className="release-settings__day" title={t(`release.weekdayNames.${day}`)}>
                      <input type="checkbox" checked={r.days.has(day)} onChange={() => toggleDay(r.key, day)} />
                      <span aria-hidden="true">{t(`release.weekdays.${day}`)}</span>
                      <span className="visually-hidden">{t(`release.weekdayNames.${day}`)}</span>
                    </label>
                  ))}
                </span>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setTimes((rows) => rows.filter((x) => x.key !== r.key))}
                >
                  {t("release.settings.removeTime")}
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className="button button--small"
              onClick={() => setTimes((rows) => [...rows, row("", ["mon", "tue", "wed", "thu", "fri"])])}
            >
              {t("release.settings.addTime")}
            </button>
          </fieldset>
        )}

        {mode === "batches" && (
          <fieldset className="release-settings__group" data-testid="holidays">
            <legend>{t("release.settings.holidays")}</legend>
            {holidays.length === 0 && <p className="release__hint">{t("release.settings.noHolidays")}</p>}
            {holidays.map((h, index) => (
              <span key={h.key} className="release-settings__time" data-testid="holiday">
                <input
                  type="text"
                  className="input input--date"
                  placeholder="2025-12-24"
                  value={h.date}
                  onChange={(e) =>
                    setHolidays((rows) => rows.map((r) => (r.key === h.key ? { ...r, date: e.target.value } : r)))
                  }
                  aria-label={t("release.settings.holidayLabel", { n: index + 1 })}
                />
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setHolidays((rows) => rows.filter((r) => r.key !== h.key))}
                  aria-label={`${t("release.settings.removeHoliday")} ${index + 1}`}
                >
                  {t("release.settings.removeHoliday")}
                </button>
              </span>
            ))}
            <button
              type="button"
              className="button button--small"
              onClick={() => setHolidays((rows) => [...rows, holiday("")])}
            >
              {t("release.settings.addHoliday")}
            </button>
          </fieldset>
        )}

        <label className="release-settings__field">
          {t("release.settings.maxPerBatch")}
          <input
            type="number"
            min={0}
            className="input input--number"
            value={max}
            onChange={(e) => setMax(e.target.value)}
            data-testid="max-per-batch"
          />
          <span className="release__hint">{t("release.settings.maxHint")}</span>
        </label>

        <label className="release-settings__field">
          {t("release.settings.pickable")}
          <select className="input" value={pickable} onChange={(e) => setPickable(e.target.value as PickableRuleName)}>
            {PICKABLE.map((p) => (
              <option key={p} value={p}>
                {t(`release.settings.pickableRules.${p}`)}
              </option>
            ))}
          </select>
        </label>

        <label className="release-settings__choice">
          <input type="checkbox" checked={paidOnly} onChange={(e) => setPaidOnly(e.target.checked)} data-testid="paid-only" />
          {t("release.settings.paidOnly")}
        </label>

        <label className="release-settings__field">
          {t("release.settings.shopStatuses")}
          <input
            type="text"
            className="input"
            placeholder="1, 2"
            value={shopStatuses}
            onChange={(e) => setShopStatuses(e.target.value)}
            data-testid="shop-statuses"
          />
          <span className="release__hint">{t("release.settings.idsHint")}</span>
        </label>

        <label className="release-settings__field">
          {t("release.settings.shippingMethods")}
          <input
            type="text"
            className="input"
            placeholder="3, 7"
            value={shippingMethods}
            onChange={(e) => setShippingMethods(e.target.value)}
            data-testid="shipping-methods"
          />
          <span className="release__hint">{t("release.settings.idsHint")}</span>
        </label>

        <label className="release-settings__field">
          {t("release.settings.releasedStatus")}
          <input
            type="text"
            inputMode="numeric"
            className="input input--number"
            placeholder="300"
            value={releasedStatus}
            onChange={(e) => setReleasedStatus(e.target.value)}
            data-testid="released-status"
          />
          <span className="release__hint">{t("release.settings.releasedStatusHint")}</span>
        </label>

        <div className="release__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending} data-testid="save-settings">
            {save.isPending ? (
              <>
                <Spinner /> {t("release.settings.saving")}
              </>
            ) : (
              t("release.settings.save")
            )}
          </button>
          {save.isSuccess && (
            <span role="status" data-testid="settings-saved">
              {t("release.settings.saved")}
            </span>
          )}
        </div>
        {formProblem !== null && (
          <p className="release__problem-detail" role="alert" data-testid="settings-form-problem">
            {formProblem}
          </p>
        )}
        {save.error !== null && (
          <ErrorBanner
            testId="settings-error"
            context={t("release.settings.saveFailed")}
            code={save.error.code}
            message={save.error.message}
          />
        )}
      </form>
    </Card>
  );
}
