import type { ConnectionHealth } from "../../bindings/ConnectionHealth";
import type { SystemCheck } from "../../bindings/SystemCheck";
import { Badge, type BadgeTone } from "../../components/Badge";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { formatDateTime, useLanguage, useT } from "../../i18n";
import { useCheckConnections } from "../../queries";

const TONE: Record<ConnectionHealth["state"], BadgeTone> = {
  ok: "info",
  failing: "warning",
  unknown: "neutral",
  notConfigured: "neutral",
};

/** Both systems' health from the latest runs, and a live check on request. */
export function ConnectionsCard({ connections }: { connections: ConnectionHealth[] }) {
  const t = useT();
  const [language] = useLanguage();
  const check = useCheckConnections();
  const checked = check.data;
  return (
    <Card title={t("runs.dashboard.connections")}>
      <ul className="health">
        {connections.map((health) => (
          <li
            key={health.system}
            className="health__item"
            data-testid="connection-health"
            data-system={health.system}
            data-state={health.state}
          >
            <span className="health__system">{t(`runs.systems.${health.system}`)}</span>
            <Badge tone={TONE[health.state]}>{t(`runs.health.${health.state}`)}</Badge>
            {health.since !== null && (
              <span className="health__since">
                {t("runs.dashboard.since", { time: formatDateTime(language, health.since) })}
              </span>
            )}
            {health.message !== null && <p className="health__message">{health.message}</p>}
            {checked !== undefined && (
              <CheckResult result={health.system === "shop" ? checked.shop : checked.warehouse} />
            )}
          </li>
        ))}
      </ul>
      {check.isError && (
        <ErrorBanner
          testId="connection-check-error"
          context={t("runs.dashboard.checkFailedAll")}
          code={check.error.code}
          message={check.error.message}
        />
      )}
      <button
        type="button"
        className="button button--small health__check-button"
        data-testid="check-connections"
        disabled={check.isPending}
        onClick={() => check.mutate()}
      >
        {check.isPending ? t("runs.dashboard.checking") : t("runs.dashboard.check")}
      </button>
    </Card>
  );
}

function CheckResult({ result }: { result: SystemCheck }) {
  const t = useT();
  return (
    <p className="health__check" data-testid="connection-check" data-ok={String(result.ok)}>
      <strong>{result.ok ? t("runs.dashboard.checkOk") : t("runs.dashboard.checkFailed")}</strong>: {result.message}
    </p>
  );
}
