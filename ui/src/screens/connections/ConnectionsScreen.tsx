import { ConnectionsPanel } from "./ConnectionsPanel";

/** Kopplingar: where the warehouse and the shop are, who Brygga logs in as, and a test of each. */
export function ConnectionsScreen() {
  return <ConnectionsPanel />;
}
