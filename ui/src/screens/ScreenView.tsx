import type { Screen } from "../navigation/screens";
import { Dashboard } from "./dashboard/Dashboard";
import { NotBuilt } from "./notBuilt/NotBuilt";
import { ProductsScreen } from "./products/ProductsScreen";
import { ReleaseScreen } from "./release/ReleaseScreen";
import { StockReconciliationScreen } from "./stockReconciliation/StockReconciliationScreen";

export function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case "dashboard":
      return <Dashboard />;
    case "releaseBatches":
      return <ReleaseScreen />;
    case "products":
      return <ProductsScreen />;
    case "stockReconciliation":
      return <StockReconciliationScreen />;
    case "orders":
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
