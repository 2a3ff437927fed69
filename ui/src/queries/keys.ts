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
} as const;
