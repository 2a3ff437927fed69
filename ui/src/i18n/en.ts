import type { Catalog } from "./catalog";

/** English catalog. Typed as `Catalog`, so it must have exactly the keys of `sv.ts`. */
export const en: Catalog = {
  app: {
    name: "Brygga",
    tagline: "Starweb and Ongoing in step",
  },
  language: {
    label: "Language",
    sv: "Svenska",
    en: "English",
  },
  nav: {
    label: "Main menu",
    sections: {
      work: "Daily work",
      setup: "Configuration",
    },
  },
  screens: {
    dashboard: "Dashboard",
    orders: "Orders",
    releaseBatches: "Release batches",
    products: "Products",
    stockReconciliation: "Stock reconciliation",
    inbound: "Purchase orders and inbound",
    returns: "Returns",
    statusMapping: "Status mapping",
    transportMapping: "Transport mapping",
    connections: "Connections",
    settings: "Schedules and settings",
    syncLog: "Sync log",
  },
  notBuilt: {
    notice: "This screen is not available in this version yet.",
  },
  common: {
    loading: "Loading…",
    retry: "Try again",
    notAvailable: "–",
  },
  dashboard: {
    loading: "Loading app information…",
    loadFailed: "Could not load app information",
    demoNote:
      "Demo mode: the shop and the warehouse are simulated and connect to nothing real. No orders, stock or statuses are sent anywhere.",
    cards: {
      app: "App",
      folders: "Folders",
      database: "Database",
      secrets: "Passwords and keys",
    },
    fields: {
      version: "Version",
      mode: "Mode",
      dataDir: "Data folder",
      logDir: "Log folder",
      databaseFile: "Database file",
      schemaVersion: "Schema version",
      supportedSchemaVersion: "Schema version this app supports",
      secretBackend: "Stored in",
    },
    schemaUnknown: "Unknown",
  },
  modes: {
    normal: "Normal",
    demo: "Demo",
  },
  secretBackends: {
    secretService: "System keyring (Secret Service)",
    environment: "Environment variables",
    macosKeychain: "macOS Keychain",
    windowsCredentialManager: "Windows Credential Manager",
    memory: "Memory only (not saved)",
  },
  errors: {
    validation: "Invalid input",
    notConfigured: "Not set up yet",
    keychainUnavailable: "The keychain cannot be reached",
    dataDirUnreadable: "The data folder cannot be read",
    databaseNewerThanApp: "The database is from a newer version of Brygga",
    databaseCorrupt: "The database is damaged",
    databaseLocked: "The database is in use by another program",
    unknown: "Something went wrong",
  },
  errorBanner: {
    detail: "Details",
  },
};
