import type { Screen } from "../navigation/screens";
import { Dashboard } from "./dashboard/Dashboard";
import { NotBuilt } from "./notBuilt/NotBuilt";
import { ReleaseScreen } from "./release/ReleaseScreen";
import { SyncLogScreen } from "./syncLog/SyncLogScreen";

export function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case "dashboard":
      return <Dashboard />;
    case "releaseBatches":
      return <ReleaseScreen />;
    case "syncLog":
      return <SyncLogScreen />;
    case "orders":
    case "products":
    case "stockReconciliation":
    case "inbound":
    case "returns":
    case "statusMapping":
    case "transportMapping":
    case "connections":
    case "settings":
      return <NotBuilt screen={screen} />;
  }
}
