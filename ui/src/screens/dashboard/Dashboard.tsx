import type { ReactNode } from "react";
import type { AppInfo } from "../../bindings/AppInfo";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useI18n, type MessageKey } from "../../i18n";
import { useAppInfo } from "../../queries/appInfo";

/** The first screen: this installation, its database and its keychain, with any problem in words. */
export function Dashboard() {
  const { t } = useI18n();
  const info = useAppInfo();
  return (
    <section className="screen">
      <h1>{t("screens.dashboard")}</h1>
      {info.isPending && <p className="muted">{t("dashboard.loading")}</p>}
      {info.isError && (
        <>
          <h2>{t("dashboard.loadFailed")}</h2>
          <ErrorBanner error={info.error} testId="app-info-error" onRetry={() => void info.refetch()} />
        </>
      )}
      {info.data && <Installation info={info.data} />}
    </section>
  );
}

function Installation({ info }: { info: AppInfo }) {
  const { t, number } = useI18n();
  const { database, secrets } = info;
  return (
    <>
      {info.mode === "demo" && (
        <p className="demo-note" data-testid="demo-note">
          {t("dashboard.demoNote")}
        </p>
      )}
      {database.problem && <ErrorBanner error={database.problem} testId="database-problem" />}
      {secrets.problem && <ErrorBanner error={secrets.problem} testId="secrets-problem" />}
      <div className="cards">
        <Card title="dashboard.cards.app">
          <Field label="dashboard.fields.version">{info.version}</Field>
          <Field label="dashboard.fields.mode">
            <span className={`badge badge--${info.mode}`}>{t(`modes.${info.mode}`)}</span>
          </Field>
        </Card>
        <Card title="dashboard.cards.database">
          <Field label="dashboard.fields.schemaVersion">
            {database.schemaVersion === null ? (
              <span className="muted">{t("dashboard.noSchemaYet")}</span>
            ) : (
              <span data-testid="schema-version">{database.schemaVersion}</span>
            )}
          </Field>
          <Field label="dashboard.fields.supportedSchemaVersion">{number(database.supportedSchemaVersion)}</Field>
          <Field label="dashboard.fields.databaseFile">
            <code>{database.path}</code>
          </Field>
        </Card>
        <Card title="dashboard.cards.folders">
          <Field label="dashboard.fields.dataDir">
            <code data-testid="data-dir">{info.dataDir}</code>
          </Field>
          <Field label="dashboard.fields.logDir">
            <code>{info.logDir}</code>
          </Field>
        </Card>
        <Card title="dashboard.cards.secrets">
          <Field label="dashboard.fields.secretBackend">
            <span data-testid="secret-backend">{t(`secretBackends.${secrets.backend}`)}</span>
          </Field>
        </Card>
      </div>
    </>
  );
}

function Card({ title, children }: { title: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <article className="card">
      <h2>{t(title)}</h2>
      <dl>{children}</dl>
    </article>
  );
}

function Field({ label, children }: { label: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </div>
  );
}
