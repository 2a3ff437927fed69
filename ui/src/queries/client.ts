import { QueryClient } from "@tanstack/react-query";

/**
 * The one cache of backend data. Commands run locally, so a failure is not a
 * flaky network: show it at once and let the merchant retry, rather than
 * retrying behind their back.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
    },
  });
}
