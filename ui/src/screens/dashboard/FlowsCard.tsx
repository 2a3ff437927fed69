import type { FlowOverview } from "../../bindings/FlowOverview";
import { Card } from "../../components/Card";
import { formatDateTime, useLanguage, useT } from "../../i18n";

/** Each flow's next run and last outcome. */
export function FlowsCard({ flows }: { flows: FlowOverview[] }) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <Card title={t("runs.dashboard.flows")}>
      <table className="flows">
        <thead>
          <tr>
            <th scope="col">{t("runs.log.flow")}</th>
            <th scope="col">{t("runs.dashboard.lastRun")}</th>
            <th scope="col">{t("runs.dashboard.nextRun")}</th>
          </tr>
        </thead>
        <tbody>
          {flows.map((flow) => (
            <tr key={flow.flow} data-testid="flow-row" data-flow={flow.flow}>
              <th scope="row">{t(`runs.flows.${flow.flow}`)}</th>
              <td data-testid="flow-outcome" data-outcome={flow.lastRun?.outcome ?? "never"}>
                {flow.lastRun === null ? (
                  t("runs.dashboard.never")
                ) : (
                  <>
                    <span className={`outcome outcome--${flow.lastRun.outcome}`}>
                      {t(`runs.outcomes.${flow.lastRun.outcome}`)}
                    </span>{" "}
                    <span className="flows__time">{formatDateTime(language, flow.lastRun.startedAt)}</span>
                  </>
                )}
              </td>
              <td data-testid="flow-next">
                {flow.nextRun !== null
                  ? formatDateTime(language, flow.nextRun)
                  : flow.scheduled
                    ? t("common.notAvailable")
                    : t("runs.dashboard.manual")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
