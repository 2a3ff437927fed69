import type { ListOrdersRequest } from "../bindings/ListOrdersRequest";

/**
 * Query keys, one group per backend area. Invalidation (later driven by
 * backend events) targets these prefixes.
 */
export const queryKeys = {
  app: {
    all: ["app"] as const,
    info: () => ["app", "info"] as const,
  },
  release: {
    all: ["release"] as const,
    overview: () => ["release", "overview"] as const,
  },
  mappings: {
    all: ["mappings"] as const,
    status: () => ["mappings", "status"] as const,
    transport: () => ["mappings", "transport"] as const,
  },
  orders: {
    all: ["orders"] as const,
    page: (filter: ListOrdersRequest) => ["orders", "page", filter] as const,
    detail: (shopOrderId: number) => ["orders", "detail", shopOrderId] as const,
  },
  setup: {
    all: ["setup"] as const,
    connections: () => ["setup", "connections"] as const,
    settings: () => ["setup", "settings"] as const,
    goLive: () => ["setup", "goLive"] as const,
    language: () => ["setup", "language"] as const,
    warehouses: () => ["setup", "warehouses"] as const,
  },
  products: {
    all: ["products"] as const,
    overview: () => ["products", "overview"] as const,
    reconciliation: () => ["products", "reconciliation"] as const,
  },
  runs: {
    all: ["runs"] as const,
    dashboard: () => ["runs", "dashboard"] as const,
    log: (request: unknown) => ["runs", "log", request] as const,
    calls: () => ["runs", "calls"] as const,
    progress: () => ["runs", "progress"] as const,
    activity: () => ["runs", "activity"] as const,
  },
  inbound: {
    all: ["inbound"] as const,
    list: (includeCancelled: boolean) => ["inbound", "list", includeCancelled] as const,
    detail: (number: string) => ["inbound", "detail", number] as const,
    deviations: (includeAcknowledged: boolean) => ["inbound", "deviations", includeAcknowledged] as const,
  },
  returns: {
    all: ["returns"] as const,
    list: (includeClosed: boolean) => ["returns", "list", includeClosed] as const,
    detail: (id: string) => ["returns", "detail", id] as const,
    causes: () => ["returns", "causes"] as const,
    search: (query: string) => ["returns", "search", query] as const,
  },
} as const;
