import { useState } from "react";
import type { GoLiveState } from "../../bindings/GoLiveState";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { useGoLiveState } from "../../queries";
import { LanguageSwitch } from "../../shell/LanguageSwitch";
import { ConnectionsPanel } from "../connections/ConnectionsPanel";
import { SettingsPanel } from "../settings/SettingsPanel";
import { StatusMappingEditor } from "../statusMapping/StatusMappingEditor";
import { TransportMappingEditor } from "../transportMapping/TransportMappingEditor";
import { PreviewStep } from "./PreviewStep";
import "./GoLive.css";

export const WIZARD_STEPS = ["connections", "statusMapping", "transportMapping", "settings", "preview"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Whether a step's saved state is complete; the preview is done once live. */
export function stepDone(step: WizardStep, state: GoLiveState): boolean {
  switch (step) {
    case "connections":
      return state.connections;
    case "statusMapping":
      return state.statusMapping;
    case "transportMapping":
      return state.transportMapping;
    case "settings":
      return state.settings;
    case "preview":
      return state.live;
  }
}

/**
 * The go-live wizard a new installation opens in: connections, status mapping, transport mapping,
 * settings, then the first-sync preview and "go live". The steps can be visited in any order; the
 * list shows which are done, and going live waits for the ones the sync cannot run without.
 * `onLive` is called when the merchant leaves the wizard after going live.
 */
export function GoLiveWizard({ onLive }: { onLive: () => void }) {
  const t = useT();
  const state = useGoLiveState();
  const [step, setStep] = useState<WizardStep>("connections");
  const refresh = () => void state.refetch();
  const index = WIZARD_STEPS.indexOf(step);

  const go = (to: WizardStep) => {
    setStep(to);
    refresh();
  };

  return (
    <div className="wizard" data-testid="go-live-wizard">
      <header className="wizard__header">
        <div>
          <h1 className="wizard__title">{t("setup.wizard.title")}</h1>
          <p className="wizard__intro">{t("setup.wizard.intro")}</p>
        </div>
        <LanguageSwitch />
      </header>
      <div className="wizard__body">
        <nav aria-label={t("setup.wizard.title")}>
          <ol className="wizard__steps" data-testid="wizard-steps">
            {WIZARD_STEPS.map((s, n) => {
              const done = state.data !== undefined && stepDone(s, state.data);
              return (
                <li key={s}>
                  <button
                    type="button"
                    className="wizard__step"
                    aria-current={s === step ? "step" : undefined}
                    data-testid={`wizard-step-${s}`}
                    data-done={done}
                    onClick={() => go(s)}
                  >
                    <span className="wizard__step-number" aria-hidden="true">
                      {done ? "✓" : n + 1}
                    </span>
                    <span>{t(`setup.wizard.steps.${s}`)}</span>
                    <span className="wizard__sr">
                      {done ? t("setup.wizard.done") : t("setup.wizard.notDone")}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <section className="wizard__content" data-testid="wizard-step" data-step={step}>
          <h2 className="wizard__step-title">{t(`setup.wizard.steps.${step}`)}</h2>
          {state.isError && (
            <ErrorBanner
              code={state.error.code}
              message={state.error.message}
              context={t("setup.wizard.loadFailed")}
              onRetry={refresh}
              testId="wizard-state-error"
            />
          )}
          {step === "connections" && (
            <>
              <p className="setup-intro">{t("setup.wizard.connectionsHint")}</p>
              <ConnectionsPanel />
            </>
          )}
          {step === "statusMapping" && (
            <>
              <p className="setup-intro">{t("setup.wizard.statusHint")}</p>
              <StatusMappingEditor onSaved={refresh} />
            </>
          )}
          {step === "transportMapping" && (
            <>
              <p className="setup-intro">{t("setup.wizard.transportHint")}</p>
              <TransportMappingEditor onSaved={refresh} />
            </>
          )}
          {step === "settings" && (
            <>
              <p className="setup-intro">{t("setup.wizard.settingsHint")}</p>
              <SettingsPanel onSaved={refresh} />
            </>
          )}
          {step === "preview" && state.data !== undefined && <PreviewStep state={state.data} onLive={onLive} />}
          <div className="wizard__nav">
            {index > 0 && (
              <button
                type="button"
                className="button"
                onClick={() => go(WIZARD_STEPS[index - 1] ?? "connections")}
                data-testid="wizard-back"
              >
                {t("setup.wizard.back")}
              </button>
            )}
            {index < WIZARD_STEPS.length - 1 && (
              <button
                type="button"
                className="button button--primary"
                onClick={() => go(WIZARD_STEPS[index + 1] ?? "preview")}
                data-testid="wizard-next"
              >
                {t("setup.wizard.next")}
              </button>
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
