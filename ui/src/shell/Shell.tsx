import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { NavigationProvider, type Destination } from "../navigation/navigate";
import { DEFAULT_SCREEN, type Screen } from "../navigation/screens";
import { useT } from "../i18n";
import { useGoLiveState, useSavedLanguage } from "../queries";
import { GoLiveWizard } from "../screens/goLive/GoLiveWizard";
import { ScreenView } from "../screens/ScreenView";
import { LanguageSwitch } from "./LanguageSwitch";
import { Sidebar } from "./Sidebar";
import "./Shell.css";

/**
 * The window: the go-live wizard while a new installation is not live, else the side navigation
 * and the chosen screen. Only a clear "not live" answer opens the wizard; while the answer is on
 * its way, or when the backend cannot give one (the dashboard then shows why), the screens show.
 */
export function Shell({ initialScreen = DEFAULT_SCREEN }: { initialScreen?: Screen }) {
  const t = useT();
  const client = useQueryClient();
  const goLive = useGoLiveState();
  useSavedLanguage();
  const [destination, setDestination] = useState<Destination>({ screen: initialScreen });
  const screen = destination.screen;

  if (goLive.data?.live === false) {
    return (
      <GoLiveWizard
        onLive={() => {
          setDestination({ screen: "dashboard" });
          void client.invalidateQueries();
        }}
      />
    );
  }

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
