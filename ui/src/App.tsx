import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { I18nProvider } from "./i18n";
import { Shell } from "./shell/Shell";

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Shell />
      </I18nProvider>
    </QueryClientProvider>
  );
}
