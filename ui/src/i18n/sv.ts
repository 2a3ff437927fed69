import type { AppMode } from "../bindings/AppMode";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { SecretBackend } from "../bindings/SecretBackend";
import type { NavSection, Screen } from "../navigation/screens";

/**
 * The Swedish catalog is the source of every message key. `en.ts` must have
 * the same shape (see `Catalog`), so a key missing there fails `tsc`.
 * Placeholders are written `{name}` and filled by `t(key, { name })`.
 */
export const sv = {
  app: {
    name: "Brygga",
    tagline: "Starweb och Ongoing i takt",
  },
  language: {
    label: "Språk",
    sv: "Svenska",
    en: "English",
  },
  nav: {
    label: "Huvudmeny",
    sections: {
      work: "Dagligt arbete",
      setup: "Konfiguration",
    } satisfies Record<NavSection, string>,
  },
  screens: {
    dashboard: "Översikt",
    orders: "Ordrar",
    releaseBatches: "Ordersläpp",
    products: "Artiklar",
    stockReconciliation: "Lageravstämning",
    inbound: "Inleveranser",
    returns: "Returer",
    statusMapping: "Statusmappning",
    transportMapping: "Transportmappning",
    connections: "Kopplingar",
    settings: "Inställningar",
    syncLog: "Synklogg",
  } satisfies Record<Screen, string>,
  notBuilt: {
    notice: "Den här vyn finns inte ännu i den här versionen.",
  },
  common: {
    loading: "Hämtar…",
    retry: "Försök igen",
    notAvailable: "–",
  },
  dashboard: {
    loading: "Hämtar information om appen…",
    loadFailed: "Kunde inte hämta information om appen",
    demoNote:
      "Demoläge: butiken och lagret är simulerade och ansluter inte till något riktigt system. Inga ordrar, saldon eller statusar skickas någonstans.",
    cards: {
      app: "Appen",
      folders: "Mappar",
      database: "Databas",
      secrets: "Lösenord och nycklar",
    },
    fields: {
      version: "Version",
      mode: "Läge",
      dataDir: "Datamapp",
      logDir: "Loggmapp",
      databaseFile: "Databasfil",
      schemaVersion: "Schemaversion",
      supportedSchemaVersion: "Schemaversion som appen stöder",
      secretBackend: "Lagras i",
    },
    schemaUnknown: "Okänd",
  },
  modes: {
    normal: "Normal",
    demo: "Demo",
  } satisfies Record<AppMode, string>,
  secretBackends: {
    secretService: "Systemets nyckelring (Secret Service)",
    environment: "Miljövariabler",
    macosKeychain: "macOS nyckelring",
    windowsCredentialManager: "Windows autentiseringshanteraren",
    memory: "Endast i minnet (sparas inte)",
  } satisfies Record<SecretBackend, string>,
  errors: {
    validation: "Ogiltiga uppgifter",
    notConfigured: "Inte inställt ännu",
    keychainUnavailable: "Nyckelringen går inte att nå",
    dataDirUnreadable: "Datamappen går inte att läsa",
    databaseNewerThanApp: "Databasen är från en nyare version av Brygga",
    databaseCorrupt: "Databasen är skadad",
    databaseLocked: "Databasen används av ett annat program",
    unknown: "Något gick fel",
  } satisfies Record<ErrorCode, string>,
  errorBanner: {
    detail: "Detaljer",
  },
} as const;
