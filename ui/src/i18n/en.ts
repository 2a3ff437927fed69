import type { Catalog } from "./catalog";

/** English. Must have every key of the Swedish catalog; `tsc` fails otherwise. */
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
      overview: "Overview",
      work: "Daily work",
      setup: "Setup and mapping",
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
    loading: "Loading information about the app…",
    loadFailed: "Could not load information about the app",
    demoNote:
      "Demo mode: the shop and the warehouse are simulated and connect to no real system. No orders, stock or statuses are sent anywhere.",
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
      secretBackend: "Kept in",
    },
    noSchemaYet: "No database yet",
  },
  modes: {
    normal: "Normal",
    demo: "Demo",
  },
  secretBackends: {
    secretService: "The system keyring (Secret Service)",
    macosKeychain: "macOS Keychain",
    windowsCredentialManager: "Windows Credential Manager",
    memory: "Memory only (not kept)",
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
