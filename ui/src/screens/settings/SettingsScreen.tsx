import { Card } from "../../components/Card";
import { useT } from "../../i18n";
import { LanguageSwitch } from "../../shell/LanguageSwitch";
import { SettingsPanel } from "./SettingsPanel";
import "../connections/Connections.css";

/** Inställningar: schedules, start date, currencies, master systems and language. */
export function SettingsScreen() {
  const t = useT();
  return (
    <div className="settings-screen" data-testid="settings-screen">
      <SettingsPanel />
      <div className="settings-language" data-testid="settings-language">
        <Card title={t("setup.settings.languageTitle")}>
          <p className="setup-field__hint">{t("setup.settings.languageHint")}</p>
          <LanguageSwitch />
        </Card>
      </div>
    </div>
  );
}
