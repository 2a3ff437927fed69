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
  runs: {
    all: ["runs"] as const,
    dashboard: () => ["runs", "dashboard"] as const,
    log: (request: unknown) => ["runs", "log", request] as const,
    calls: () => ["runs", "calls"] as const,
    progress: () => ["runs", "progress"] as const,
    activity: () => ["runs", "activity"] as const,
  },
} as const;
