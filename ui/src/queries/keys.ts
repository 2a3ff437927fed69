/**
 * Query keys, one group per backend area. Invalidation (later driven by
 * backend events) targets these prefixes.
 */
export const queryKeys = {
  app: {
    all: ["app"] as const,
    info: () => ["app", "info"] as const,
  },
} as const;
