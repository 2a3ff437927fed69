import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { useSyncSettings } from "../../queries";
import { MasterChoices } from "./MasterChoices";
import { SyncSettingsEditor } from "./SyncSettingsEditor";
import "../connections/Connections.css";
import "./Settings.css";

/** The saved settings with their editor and the master systems; the wizard shows it as a step. */
export function SettingsPanel({ onSaved }: { onSaved?: (() => void) | undefined }) {
  const t = useT();
  const settings = useSyncSettings();
  if (settings.isPending) {
    return (
      <p className="screen-status" data-testid="settings-loading">
        {t("setup.settings.loading")}
      </p>
    );
  }
  if (settings.isError) {
    return (
      <ErrorBanner
        code={settings.error.code}
        message={settings.error.message}
        context={t("setup.settings.loadFailed")}
        onRetry={() => void settings.refetch()}
        retrying={settings.isFetching}
        testId="settings-load-error"
      />
    );
  }
  return (
    <div className="settings-panel">
      <MasterChoices />
      <SyncSettingsEditor view={settings.data} onSaved={onSaved} />
    </div>
  );
}
