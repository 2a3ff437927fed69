import { useState } from "react";
import { DEFAULT_SCREEN, type Screen } from "../navigation/screens";
import { useT } from "../i18n";
import { ScreenView } from "../screens/ScreenView";
import { LanguageSwitch } from "./LanguageSwitch";
import { Sidebar } from "./Sidebar";
import "./Shell.css";

export function Shell({ initialScreen = DEFAULT_SCREEN }: { initialScreen?: Screen }) {
  const t = useT();
  const [screen, setScreen] = useState<Screen>(initialScreen);

  return (
    <div className="shell">
      <Sidebar current={screen} onNavigate={setScreen} />
      <div className="shell__main">
        <header className="shell__header">
          <h1 className="shell__title" data-testid="screen-title">
            {t(`screens.${screen}`)}
          </h1>
          <LanguageSwitch />
        </header>
        <main className="shell__content" data-screen={screen}>
          <ScreenView screen={screen} />
        </main>
      </div>
    </div>
  );
}
