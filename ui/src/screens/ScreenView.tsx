import type { Screen } from "../navigation/screens";
import { ConnectionsScreen } from "./connections/ConnectionsScreen";
import { Dashboard } from "./dashboard/Dashboard";
import { InboundScreen } from "./inbound/InboundScreen";
import { OrdersScreen } from "./orders/OrdersScreen";
import { ProductsScreen } from "./products/ProductsScreen";
import { ReleaseScreen } from "./release/ReleaseScreen";
import { ReturnsScreen } from "./returns/ReturnsScreen";
import { SettingsScreen } from "./settings/SettingsScreen";
import { StatusMappingScreen } from "./statusMapping/StatusMappingScreen";
import { StockReconciliationScreen } from "./stockReconciliation/StockReconciliationScreen";
import { SyncLogScreen } from "./syncLog/SyncLogScreen";
import { TransportMappingScreen } from "./transportMapping/TransportMappingScreen";

export function ScreenView({ screen }: { screen: Screen }) {
  switch (screen) {
    case "dashboard":
      return <Dashboard />;
    case "orders":
      return <OrdersScreen />;
    case "releaseBatches":
      return <ReleaseScreen />;
    case "products":
      return <ProductsScreen />;
    case "stockReconciliation":
      return <StockReconciliationScreen />;
    case "statusMapping":
      return <StatusMappingScreen />;
    case "transportMapping":
      return <TransportMappingScreen />;
    case "connections":
      return <ConnectionsScreen />;
    case "settings":
      return <SettingsScreen />;
    case "syncLog":
      return <SyncLogScreen />;
    case "inbound":
      return <InboundScreen />;
    case "returns":
      return <ReturnsScreen />;
  }
}
