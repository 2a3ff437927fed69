/** Every screen of the app. Navigation is plain state over this union; no router yet. */
export type Screen =
  | "dashboard"
  | "orders"
  | "releaseBatches"
  | "products"
  | "stockReconciliation"
  | "inbound"
  | "returns"
  | "statusMapping"
  | "transportMapping"
  | "connections"
  | "settings"
  | "syncLog";

export type NavSection = "work" | "setup";

/** A run of navigation items; `section: null` is the untitled group at the top. */
export type NavGroup = { section: NavSection | null; screens: readonly Screen[] };

/** The side navigation, in order. Every `Screen` appears exactly once. */
export const NAV_GROUPS: readonly NavGroup[] = [
  { section: null, screens: ["dashboard"] },
  {
    section: "work",
    screens: ["orders", "releaseBatches", "products", "stockReconciliation", "inbound", "returns", "syncLog"],
  },
  { section: "setup", screens: ["statusMapping", "transportMapping", "connections", "settings"] },
];

export const ALL_SCREENS: readonly Screen[] = NAV_GROUPS.flatMap((group) => group.screens);

export const DEFAULT_SCREEN: Screen = "dashboard";
