import { useState } from "react";
import { useI18n, type Language } from "../i18n";
import { DEFAULT_SCREEN, NAV_GROUPS, type Screen } from "../navigation/screens";
import { Dashboard } from "../screens/dashboard/Dashboard";
import { NotBuilt } from "../screens/notBuilt/NotBuilt";

/** The window's layout: navigation on the left, the chosen screen on the right. */
export function Shell() {
  const [screen, setScreen] = useState<Screen>(DEFAULT_SCREEN);
  return (
    <div className="shell">
      <Sidebar current={screen} onSelect={setScreen} />
      <main className="content">{screen === "dashboard" ? <Dashboard /> : <NotBuilt screen={screen} />}</main>
    </div>
  );
}

function Sidebar({ current, onSelect }: { current: Screen; onSelect: (screen: Screen) => void }) {
  const { t } = useI18n();
  return (
    <aside className="sidebar">
      <div className="brand">
        <span className="brand__name">{t("app.name")}</span>
        <span className="brand__tagline">{t("app.tagline")}</span>
      </div>
      <nav aria-label={t("nav.label")}>
        {NAV_GROUPS.map((group) => (
          <div key={group.section} className="nav-group">
            <h2>{t(`nav.sections.${group.section}`)}</h2>
            <ul>
              {group.screens.map((screen) => (
                <li key={screen}>
                  <button
                    type="button"
                    data-screen={screen}
                    aria-current={screen === current ? "page" : undefined}
                    onClick={() => onSelect(screen)}
                  >
                    {t(`screens.${screen}`)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      <LanguageSwitch />
    </aside>
  );
}

function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="language">
      {t("language.label")}
      <select
        data-testid="language"
        value={language}
        onChange={(event) => setLanguage(event.target.value as Language)}
      >
        <option value="sv">{t("language.sv")}</option>
        <option value="en">{t("language.en")}</option>
      </select>
    </label>
  );
}
