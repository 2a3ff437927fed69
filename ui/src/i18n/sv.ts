import { productsSv } from "./sv/products";
import type { AppMode } from "../bindings/AppMode";
import type { BatchStarter } from "../bindings/BatchStarter";
import type { BatchState } from "../bindings/BatchState";
import type { OrderOutcome } from "../bindings/OrderOutcome";
import type { OrderPickability } from "../bindings/OrderPickability";
import type { PickableRuleName } from "../bindings/PickableRuleName";
import type { ReleaseModeName } from "../bindings/ReleaseModeName";
import type { SkipReason } from "../bindings/SkipReason";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { SecretBackend } from "../bindings/SecretBackend";
import type { NavSection, Screen } from "../navigation/screens";
import { mappingsSv } from "./sv/mappings";
import { ordersSv } from "./sv/orders";
import { setupSv } from "./sv/setup";
import { runsSv } from "./sv/runs";
import { inboundSv } from "./sv/inbound";
import { returnsSv } from "./sv/returns";

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
  release: {
    loading: "Hämtar ordersläpp…",
    loadFailed: "Kunde inte hämta ordersläppet",
    notConfigured: "Koppla butiken och lagret under Kopplingar, så visas ordrarna som väntar här.",
    releaseProblem: "Ordrar kan inte släppas med nuvarande statusmappning",
    actionFailed: "Åtgärden kunde inte utföras",
    next: {
      title: "Nästa ordersläpp",
      at: "Nästa schemalagda släpp: {time}",
      noTimes: "Inga schemalagda tider – ordrar släpps bara för hand.",
      onArrival: "Ordrar släpps direkt när de kommer till lagret.",
      notSaved:
        "Reglerna är inte sparade ännu, så inget släpps av sig självt. Spara reglerna nedan för att släppa enligt schema.",
      upcoming: "Kommande tider",
      empty: "Inga ordrar väntar i lagret.",
      summary: "{take} av {total} väntande ordrar följer med nästa släpp.",
    },
    table: {
      caption: "Ordrar som väntar i lagret",
      select: "Välj",
      selectOrder: "Välj order {id}",
      order: "Order",
      placed: "Lagd",
      pickability: "Plockbarhet",
      fate: "Nästa släpp",
      actions: "Åtgärd",
    },
    pickability: {
      all: "Allt i lager",
      some: "Delvis i lager",
      none: "Restad – inget i lager",
      unknown: "Lagersaldo okänt",
    } satisfies Record<OrderPickability, string>,
    fate: {
      release: "Släpps",
      wait: "Väntar: {reason}",
    },
    skip: {
      heldBack: "hålls tillbaka",
      shopStatus: "butiksstatusen ingår inte i regeln",
      notPaid: "inte betald",
      shippingMethod: "leveranssättet ingår inte i regeln",
      notFullyPickable: "inte helt plockbar",
      nothingPickable: "inget går att plocka",
      pickabilityUnknown: "lagersaldot gick inte att läsa",
      overMaximum: "över maxantalet per släpp",
    } satisfies Record<SkipReason, string>,
    holdBack: "Håll tillbaka",
    letGo: "Ta med igen",
    releaseRule: "Släpp nu",
    releaseSelected: "Släpp valda ({count})",
    releasing: "Släpper…",
    working: "Arbetar…",
    result: "Släppet är klart: {released} ordrar släpptes, {skipped} väntar kvar.",
    resultFailed: "{failed} ordrar kunde inte släppas: {problems}",
    overdue: {
      title: "Missade släpp",
      explain:
        "Appen eller datorn var avstängd när de här släppen skulle ske. De släpps aldrig i efterhand av sig själva – välj själv.",
      due: "Skulle ha släppts {time}",
      release: "Släpp nu",
      skip: "Hoppa över",
    },
    settings: {
      title: "Regler och tider",
      notSaved: "Standardregler – inte sparade ännu",
      mode: "Hur ordrar släpps",
      modes: {
        batches: "I omgångar på bestämda tider",
        onArrival: "Direkt när de kommer till lagret",
      } satisfies Record<ReleaseModeName, string>,
      times: "Släpptider (svensk tid)",
      time: "Tid (TT:MM)",
      timeLabel: "Släpptid {n}",
      days: "Veckodagar",
      addTime: "Lägg till tid",
      removeTime: "Ta bort tid",
      noTimes: "Inga tider – ordrar släpps bara för hand.",
      maxPerBatch: "Max antal ordrar per släpp",
      maxHint: "Tomt betyder inget tak.",
      pickable: "Vilka ordrar som får följa med",
      pickableRules: {
        fully: "Bara helt plockbara",
        alsoPartly: "Även delvis plockbara",
        any: "Alla, oavsett lagersaldo",
      } satisfies Record<PickableRuleName, string>,
      save: "Spara regler",
      saving: "Sparar…",
      saved: "Reglerna är sparade.",
      saveFailed: "Reglerna sparades inte",
      holidays: "Helgdagar utan släpp",
      noHolidays: "Inga helgdagar.",
      holidayLabel: "Helgdag {n} (ÅÅÅÅ-MM-DD)",
      addHoliday: "Lägg till helgdag",
      removeHoliday: "Ta bort helgdag",
      paidOnly: "Bara betalda ordrar",
      shopStatuses: "Butiksstatusar (id, kommaseparerade)",
      shippingMethods: "Leveranssätt (id, kommaseparerade)",
      idsHint: "Tomt betyder alla.",
      releasedStatus: "Lagerstatus vid släpp (nummer)",
      releasedStatusHint: "Tomt betyder den första statusen som är mappad till ”påbörjad”.",
      notAnId: "Reglerna sparades inte: {values} är inte ett id (heltal).",
    },
    weekdays: {
      mon: "mån",
      tue: "tis",
      wed: "ons",
      thu: "tor",
      fri: "fre",
      sat: "lör",
      sun: "sön",
    },
    weekdayNames: {
      mon: "måndag",
      tue: "tisdag",
      wed: "onsdag",
      thu: "torsdag",
      fri: "fredag",
      sat: "lördag",
      sun: "söndag",
    },
    history: {
      title: "Historik",
      empty: "Inga släpp ännu.",
      batch: "Släpp {id}",
      startedBy: {
        schedule: "Enligt schema",
        merchant: "För hand",
      } satisfies Record<BatchStarter, string>,
      state: {
        overdue: "Missat",
        running: "Pågår",
        done: "Klart",
        skipped: "Överhoppat",
      } satisfies Record<BatchState, string>,
      counts: "{released} släppta · {skipped} väntade · {refused} nekade",
      orders: "Visa ordrar ({count})",
      noOrders: "Släppet omfattade inga ordrar.",
      outcome: {
        pending: "Pågår",
        released: "Släppt",
        refused: "Nekad",
        skipped: "Väntade",
      } satisfies Record<OrderOutcome, string>,
      order: "Order {id}",
      putOnHold: "Sätt tillbaka i väntan",
      putOnHoldDone: "{done} ordrar sattes tillbaka i väntan, {failed} misslyckades.",
      putOnHoldFailed: "Ordern kunde inte sättas tillbaka i väntan",
    },
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
    remoteUnavailable: "Butiken eller lagret svarar inte just nu",
    remoteRefused: "Butiken eller lagret nekade anropet",
    unknown: "Något gick fel",
  } satisfies Record<ErrorCode, string>,
  errorBanner: {
    detail: "Detaljer",
  },
  mappings: mappingsSv,
  orders: ordersSv,
  setup: setupSv,
  products: productsSv,
  runs: runsSv,
  inbound: inboundSv,
  returns: returnsSv,
} as const;
