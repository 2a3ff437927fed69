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
  products: {
    all: ["products"] as const,
    overview: () => ["products", "overview"] as const,
    reconciliation: () => ["products", "reconciliation"] as const,
  },
} as const;
