import type { Screen } from "../navigation/screens";
import { Dashboard } from "./dashboard/Dashboard";
import { NotBuilt } from "./notBuilt/NotBuilt";
import { OrdersScreen } from "./orders/OrdersScreen";
import { ReleaseScreen } from "./release/ReleaseScreen";
import { StatusMappingScreen } from "./statusMapping/StatusMappingScreen";
import { TransportMappingScreen } from "./transportMapping/TransportMappingScreen";
import { ConnectionsScreen } from "./connections/ConnectionsScreen";
import { SettingsScreen } from "./settings/SettingsScreen";

export function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case "dashboard":
      return <Dashboard />;
    case "releaseBatches":
      return <ReleaseScreen />;
    case "statusMapping":
      return <StatusMappingScreen />;
    case "transportMapping":
      return <TransportMappingScreen />;
    case "connections":
      return <ConnectionsScreen />;
    case "settings":
      return <SettingsScreen />;
    case "orders":
      return <OrdersScreen />;
    case "products":
    case "stockReconciliation":
    case "inbound":
    case "returns":
    case "syncLog":
      return <NotBuilt screen={screen} />;
  }
}
