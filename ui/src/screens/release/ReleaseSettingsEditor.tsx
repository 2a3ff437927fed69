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

/**
 * The simple rule and time editor: mode, release times with weekdays, batch maximum and the
 * pickable rule. Fields the screen does not edit (holidays, statuses, shipping methods, release
 * status) are kept as loaded. The backend checks everything and names what is wrong.
 */
export function ReleaseSettingsEditor({ settings, saved }: { settings: ReleaseSettingsForm; saved: boolean }) {
  const t = useT();
  const id = useId();
  const [mode, setMode] = useState<ReleaseModeName>(settings.mode);
  const [times, setTimes] = useState<TimeRow[]>(() => settings.times.map((time) => row(time.at, time.days)));
  const [max, setMax] = useState(settings.rule.maxPerBatch === null ? "" : String(settings.rule.maxPerBatch));
  const [pickable, setPickable] = useState<PickableRuleName>(settings.rule.pickable);
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
    const form: ReleaseSettingsForm = {
      ...settings,
      mode,
      times: times.map((r) => ({ at: r.at.trim(), days: DAYS.filter((d) => r.days.has(d)) })),
      rule: { ...settings.rule, pickable, maxPerBatch: trimmed === "" ? null : Number(trimmed) },
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
