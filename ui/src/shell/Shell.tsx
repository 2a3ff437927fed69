import { useState } from "react";
import { NavigationProvider, type Destination } from "../navigation/navigate";
import { DEFAULT_SCREEN, type Screen } from "../navigation/screens";
import { useT } from "../i18n";
import { ScreenView } from "../screens/ScreenView";
import { LanguageSwitch } from "./LanguageSwitch";
import { Sidebar } from "./Sidebar";
import "./Shell.css";

export function Shell({ initialScreen = DEFAULT_SCREEN }: { initialScreen?: Screen }) {
  const t = useT();
  const [destination, setDestination] = useState<Destination>({ screen: initialScreen });
  const screen = destination.screen;

  return (
    <div className="shell">
      <Sidebar current={screen} onNavigate={(to) => setDestination({ screen: to })} />
      <div className="shell__main">
        <header className="shell__header">
          <h1 className="shell__title" data-testid="screen-title">
            {t(`screens.${screen}`)}
          </h1>
          <LanguageSwitch />
        </header>
        <main className="shell__content" data-screen={screen}>
          <NavigationProvider value={{ current: destination, navigate: setDestination }}>
            <ScreenView key={`${screen}:${destination.focus ?? ""}`} screen={screen} />
          </NavigationProvider>
        </main>
      </div>
    </div>
  );
}
