import type { AppInfo } from "../../bindings/AppInfo";
import { Badge } from "../../components/Badge";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, Fields } from "../../components/Fields";
import { useT } from "../../i18n";
import "./Dashboard.css";

export function AppInfoView({ info }: { info: AppInfo }) {
  const t = useT();
  const { database, secrets } = info;

  return (
    <section className="dashboard__about" aria-label={t("runs.dashboard.about")}>
      <h2 className="dashboard__section-title">{t("runs.dashboard.about")}</h2>
      <div className="dashboard__grid">
        <Card title={t("dashboard.cards.app")}>
          <Fields>
            <Field label={t("dashboard.fields.version")}>
              <span data-testid="app-version">{info.version}</span>
            </Field>
            <Field label={t("dashboard.fields.mode")}>
              <Badge tone={info.mode === "demo" ? "warning" : "neutral"} testId="app-mode">
                {t(`modes.${info.mode}`)}
              </Badge>
            </Field>
          </Fields>
        </Card>

        <Card title={t("dashboard.cards.folders")}>
          <Fields>
            <Field label={t("dashboard.fields.dataDir")} mono>
              <span data-testid="data-dir">{info.dataDir}</span>
            </Field>
            <Field label={t("dashboard.fields.logDir")} mono>
              <span data-testid="log-dir">{info.logDir}</span>
            </Field>
          </Fields>
        </Card>

        <Card title={t("dashboard.cards.database")}>
          {database.problem !== null && (
            <ErrorBanner
              testId="database-problem"
              code={database.problem.code}
              message={database.problem.message}
            />
          )}
          <Fields>
            <Field label={t("dashboard.fields.databaseFile")} mono>
              <span data-testid="database-path">{database.path}</span>
            </Field>
            <Field label={t("dashboard.fields.schemaVersion")}>
              {database.schemaVersion === null ? (
                <span data-testid="schema-version-missing">{t("dashboard.schemaUnknown")}</span>
              ) : (
                // Raw digits on purpose: versions may be timestamps, and grouping would garble them.
                <span data-testid="schema-version">{String(database.schemaVersion)}</span>
              )}
            </Field>
            <Field label={t("dashboard.fields.supportedSchemaVersion")}>
              <span data-testid="supported-schema-version">{String(database.supportedSchemaVersion)}</span>
            </Field>
          </Fields>
        </Card>

        <Card title={t("dashboard.cards.secrets")}>
          {secrets.problem !== null && (
            <ErrorBanner testId="secrets-problem" code={secrets.problem.code} message={secrets.problem.message} />
          )}
          <Fields>
            <Field label={t("dashboard.fields.secretBackend")}>
              <span data-testid="secret-backend">{t(`secretBackends.${secrets.backend}`)}</span>
            </Field>
          </Fields>
        </Card>
      </div>
    </section>
  );
}
