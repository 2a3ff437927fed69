import type { Screen } from "../navigation/screens";
import { Dashboard } from "./dashboard/Dashboard";
import { NotBuilt } from "./notBuilt/NotBuilt";
import { OrdersScreen } from "./orders/OrdersScreen";
import { ReleaseScreen } from "./release/ReleaseScreen";

export function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case "dashboard":
      return <Dashboard />;
    case "releaseBatches":
      return <ReleaseScreen />;
    case "orders":
      return <OrdersScreen />;
    case "products":
    case "stockReconciliation":
    case "inbound":
    case "returns":
    case "statusMapping":
    case "transportMapping":
    case "connections":
    case "settings":
    case "syncLog":
      return <NotBuilt screen={screen} />;
  }
}
