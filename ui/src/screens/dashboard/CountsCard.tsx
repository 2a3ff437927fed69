import type { DashboardCounts } from "../../bindings/DashboardCounts";
import { Card } from "../../components/Card";
import { Field, Fields } from "../../components/Fields";
import { formatNumber, useLanguage, useT } from "../../i18n";

const ORDER: (keyof DashboardCounts)[] = [
  "orders",
  "ordersSent",
  "ordersHeld",
  "ordersCancelled",
  "articles",
  "articlesSent",
  "articlesWithProblems",
  "articlesOrphaned",
  "callsWaiting",
  "callsRunning",
  "callsDead",
];

/** Orders, articles and queued calls. */
export function CountsCard({ counts }: { counts: DashboardCounts }) {
  const t = useT();
  const [language] = useLanguage();
  return (
    <Card title={t("runs.dashboard.counts")}>
      <Fields>
        {ORDER.map((name) => (
          <Field key={name} label={t(`runs.dashboard.countNames.${name}`)}>
            <span data-testid={`count-${name}`}>{formatNumber(language, counts[name])}</span>
          </Field>
        ))}
      </Fields>
    </Card>
  );
}
