import type { FirstSyncPreview } from "../../bindings/FirstSyncPreview";
import type { FlowPreview } from "../../bindings/FlowPreview";
import type { GoLiveState } from "../../bindings/GoLiveState";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDate, formatDateTime, formatNumber, useLanguage, useT } from "../../i18n";
import { useSetupCheck } from "../../queries";

/** The counts the engine reports, with words; another count is shown by its own name. */
const COUNT_NAMES = [
  "read",
  "unchanged",
  "skipped",
  "held",
  "problems",
  "orphaned",
  "baseline",
  "notFromBrygga",
  "differences",
] as const;
type CountName = (typeof COUNT_NAMES)[number];
const isCountName = (name: string): name is CountName => (COUNT_NAMES as readonly string[]).includes(name);

function FlowRow({ flow }: { flow: FlowPreview }) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <li className="preview-flow" data-testid="preview-flow" data-flow={flow.flow}>
      <details>
        <summary>
          <span className="preview-flow__name">{t(`setup.settings.flows.${flow.flow}`)}</span>
          {flow.error === null ? (
            <>
              <span data-testid="preview-writes" data-count={flow.writes}>
                {t("setup.wizard.preview.flowWrites", { count: formatNumber(language, flow.writes) })}
              </span>
              {flow.findings > 0 && (
                <span className="preview-flow__findings" data-testid="preview-findings" data-count={flow.findings}>
                  {t("setup.wizard.preview.flowFindings", { count: formatNumber(language, flow.findings) })}
                </span>
              )}
            </>
          ) : (
            <span className="setup-problem" data-testid="preview-error">
              {t("setup.wizard.preview.flowError", { error: flow.error })}
            </span>
          )}
        </summary>
        {flow.firstWrites.length > 0 && (
          <>
            <h4 className="preview-flow__heading">{t("setup.wizard.preview.firstWrites")}</h4>
            <ul className="preview-flow__list">
              {flow.firstWrites.map((w, n) => (
                <li key={`${w.subject}-${n}`} data-testid="preview-write" data-write={w.write}>
                  {t(`setup.wizard.preview.writes.${w.write}`)}: <code>{w.subject}</code>
                </li>
              ))}
            </ul>
          </>
        )}
        {flow.firstFindings.length > 0 && (
          <>
            <h4 className="preview-flow__heading">{t("setup.wizard.preview.firstFindings")}</h4>
            <ul className="preview-flow__list">
              {flow.firstFindings.map((f, n) => (
                <li key={`${f.subject}-${n}`} data-testid="preview-finding">
                  <code>{f.subject}</code>: {f.message}
                </li>
              ))}
            </ul>
          </>
        )}
        {Object.keys(flow.counts).length > 0 && (
          <p className="setup-field__hint">
            {t("setup.wizard.preview.counts")}:{" "}
            {Object.entries(flow.counts)
              .map(
                ([name, value]) =>
                  `${isCountName(name) ? t(`setup.wizard.preview.countNames.${name}`) : name} ${formatNumber(language, value)}`,
              )
              .join(" · ")}
          </p>
        )}
      </details>
    </li>
  );
}

function PreviewResult({ preview }: { preview: FirstSyncPreview }) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <div data-testid="preview-result">
      <p className="setup-field__hint" data-testid="preview-dry-run">
        {t("setup.wizard.preview.nothingWritten")}
      </p>
      <p data-testid="preview-orders-from">
        {preview.startDateChosen
          ? t("setup.wizard.preview.ordersFromChosen", { date: formatDate(language, preview.ordersFrom) })
          : t("setup.wizard.preview.ordersFromLive")}
      </p>
      <ul className="preview-flows">
        {preview.flows.map((flow) => (
          <FlowRow key={flow.flow} flow={flow} />
        ))}
      </ul>
    </div>
  );
}

/**
 * The last step: the first-sync guard explained, a dry run of every flow, and the explicit "go
 * live". After going live the result stays on screen until the merchant moves on to the dashboard.
 */
export function PreviewStep({ state, onLive }: { state: GoLiveState; onLive: () => void }) {
  const t = useT();
  const [language] = useLanguage();
  const preview = useSetupCheck("first_sync_preview");
  const goLive = useSetupCheck("go_live");
  const missing = (["connections", "statusMapping", "transportMapping"] as const).filter((step) => !state[step]);
  const ready = missing.length === 0;

  if (goLive.isSuccess) {
    const result = goLive.data;
    return (
      <div className="wizard-live" role="status" data-testid="go-live-result">
        <Card title={t("setup.wizard.liveTitle")}>
          <p>
            {t("setup.wizard.liveSummary", {
              time: formatDateTime(language, result.baseline),
              done: formatNumber(language, result.done),
              failed: formatNumber(language, result.failed),
              retrying: formatNumber(language, result.retrying),
            })}
          </p>
          {result.problems.length > 0 && (
            <ul className="preview-flow__list" data-testid="go-live-problems">
              {result.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <button type="button" className="button button--primary" onClick={onLive} data-testid="go-live-done">
            {t("setup.wizard.toDashboard")}
          </button>
        </Card>
      </div>
    );
  }

  return (
    <div className="wizard-preview">
      <div className="wizard-guard" data-testid="first-sync-guard">
        <p className="wizard-guard__title">{t("setup.wizard.preview.guardTitle")}</p>
        <p>{t("setup.wizard.preview.guard")}</p>
      </div>
      <div className="setup-actions">
        <button
          type="button"
          className="button"
          disabled={preview.isPending || goLive.isPending || !state.connections}
          onClick={() => preview.mutate({})}
          data-testid="preview-run"
        >
          {preview.isPending ? t("setup.wizard.preview.running") : t("setup.wizard.preview.run")}
        </button>
      </div>
      {preview.isError && (
        <ErrorBanner
          code={preview.error.code}
          message={preview.error.message}
          context={t("setup.wizard.preview.failed")}
          testId="preview-error-banner"
        />
      )}
      {preview.isSuccess && <PreviewResult preview={preview.data} />}
      {!ready && (
        <div className="wizard-missing" data-testid="go-live-missing">
          <p>{t("setup.wizard.missingTitle")}</p>
          <ul>
            {missing.map((m) => (
              <li key={m} data-missing={m}>
                {t(`setup.wizard.missing.${m}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="setup-actions">
        <button
          type="button"
          className="button button--primary wizard-go-live"
          disabled={!ready || !preview.isSuccess || goLive.isPending}
          onClick={() => goLive.mutate({})}
          data-testid="go-live"
        >
          {goLive.isPending ? t("setup.wizard.goingLive") : t("setup.wizard.goLive")}
        </button>
      </div>
      {goLive.isError && (
        <ErrorBanner
          code={goLive.error.code}
          message={goLive.error.message}
          context={t("setup.wizard.goLiveFailed")}
          testId="go-live-error"
        />
      )}
    </div>
  );
}
