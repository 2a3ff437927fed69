import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { useConnectionsOverview } from "../../queries";
import { OngoingConnectionEditor, StarwebConnectionEditor } from "./ConnectionForms";
import "./Connections.css";

/**
 * Both connection forms over the saved connections; the connections screen and the wizard's first
 * step show the same panel. The forms start from what was saved when the panel opened.
 */
export function ConnectionsPanel() {
  const t = useT();
  const overview = useConnectionsOverview();
  if (overview.isPending) {
    return (
      <p className="screen-status" data-testid="connections-loading">
        {t("setup.connections.loading")}
      </p>
    );
  }
  if (overview.isError) {
    return (
      <ErrorBanner
        code={overview.error.code}
        message={overview.error.message}
        context={t("setup.connections.loadFailed")}
        onRetry={() => void overview.refetch()}
        retrying={overview.isFetching}
        testId="connections-error"
      />
    );
  }
  return (
    <div className="setup-connections" data-testid="connections">
      <p className="setup-intro">{t("setup.connections.intro")}</p>
      <div className="setup-connections__pair">
        <OngoingConnectionEditor saved={overview.data.ongoing} />
        <StarwebConnectionEditor saved={overview.data.starweb} />
      </div>
    </div>
  );
}
