import { useId, useState, type FormEvent, type ReactNode } from "react";
import type { ConnectionCheck } from "../../bindings/ConnectionCheck";
import type { OngoingConnectionView } from "../../bindings/OngoingConnectionView";
import type { StarwebConnectionView } from "../../bindings/StarwebConnectionView";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useT, type MessageKey } from "../../i18n";
import type { CommandError } from "../../platform";
import { useSetupAction, useSetupCheck } from "../../queries";

/** A labelled text input; `hint` goes under it. */
function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  type?: "text" | "password" | "url";
  hint?: string;
  inputMode?: "numeric";
}) {
  const id = useId();
  return (
    <div className="setup-field">
      <label htmlFor={id} className="setup-field__label">
        {props.label}
      </label>
      <input
        id={id}
        className="setup-input"
        type={props.type ?? "text"}
        inputMode={props.inputMode}
        autoComplete={props.type === "password" ? "new-password" : "off"}
        spellCheck={false}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
      {props.hint !== undefined && <span className="setup-field__hint">{props.hint}</span>}
    </div>
  );
}

/** The test's verdict in words; the system's own answer as detail under it. */
export function Verdict({ check, okKey, testId }: { check: ConnectionCheck; okKey: MessageKey; testId: string }) {
  const t = useT();
  const ok = check.verdict === "ok";
  return (
    <div
      className={ok ? "setup-verdict setup-verdict--ok" : "setup-verdict setup-verdict--bad"}
      role="status"
      data-testid={testId}
      data-verdict={check.verdict}
    >
      <p className="setup-verdict__title">
        <span aria-hidden="true">{ok ? "✓ " : "✗ "}</span>
        {t(`setup.connections.verdicts.${check.verdict}`)}
      </p>
      {ok && check.name !== null && <p className="setup-verdict__detail">{t(okKey, { name: check.name })}</p>}
      {!ok && check.message !== "" && <p className="setup-verdict__detail">{check.message}</p>}
    </div>
  );
}

/** Test and save buttons with their results: shared by both connection forms. */
function FormActions(props: {
  prefix: "ongoing" | "starweb";
  testing: boolean;
  saving: boolean;
  onTest: () => void;
  check: ConnectionCheck | undefined;
  testError: CommandError | null;
  saveError: CommandError | null;
  saved: boolean;
  problem: string | null;
  okKey: MessageKey;
}) {
  const t = useT();
  const busy = props.testing || props.saving;
  return (
    <>
      <div className="setup-actions">
        <button type="button" className="button" onClick={props.onTest} disabled={busy} data-testid={`${props.prefix}-test`}>
          {props.testing ? t("setup.connections.testing") : t("setup.connections.test")}
        </button>
        <button type="submit" className="button button--primary" disabled={busy} data-testid={`${props.prefix}-save`}>
          {props.saving ? t("setup.connections.saving") : t("setup.connections.save")}
        </button>
        {props.saved && (
          <span className="setup-saved" role="status" data-testid={`${props.prefix}-saved`}>
            {t("setup.connections.saved")}
          </span>
        )}
      </div>
      {props.problem !== null && (
        <p className="setup-problem" role="alert" data-testid={`${props.prefix}-problem`}>
          {props.problem}
        </p>
      )}
      {props.check !== undefined && <Verdict check={props.check} okKey={props.okKey} testId={`${props.prefix}-verdict`} />}
      {props.testError !== null && (
        <ErrorBanner
          code={props.testError.code}
          message={props.testError.message}
          context={t("setup.connections.testFailed")}
          testId={`${props.prefix}-test-error`}
        />
      )}
      {props.saveError !== null && (
        <ErrorBanner
          code={props.saveError.code}
          message={props.saveError.message}
          context={t("setup.connections.saveFailed")}
          testId={`${props.prefix}-save-error`}
        />
      )}
    </>
  );
}

function SecretState({ stored, testId }: { stored: boolean; testId: string }) {
  const t = useT();
  return (
    <span className="setup-field__hint" data-testid={testId} data-stored={stored}>
      {stored ? t("setup.connections.secretStored") : t("setup.connections.secretMissing")}
    </span>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <div className="setup-connection" data-testid={testId}>
      <Card title={title}>{children}</Card>
    </div>
  );
}

/** The Ongoing connection: API URL, user, goods owner id, password (write-only). */
export function OngoingConnectionEditor({ saved }: { saved: OngoingConnectionView | null }) {
  const t = useT();
  const [apiUrl, setApiUrl] = useState(saved?.apiUrl ?? "");
  const [user, setUser] = useState(saved?.user ?? "");
  const [goodsOwner, setGoodsOwner] = useState(saved === null ? "" : String(saved.goodsOwnerId));
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const test = useSetupCheck("test_ongoing_connection");
  const save = useSetupAction("save_ongoing_connection");

  const form = () => {
    const id = goodsOwner.trim();
    if (!/^\d+$/.test(id) || Number(id) === 0) {
      setProblem(t("setup.connections.goodsOwnerNotNumber"));
      return null;
    }
    setProblem(null);
    return { apiUrl: apiUrl.trim(), user: user.trim(), goodsOwnerId: Number(id), password: password === "" ? null : password };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = form();
    if (request !== null) {
      test.reset();
      save.mutate(request, { onSuccess: () => setPassword("") });
    }
  };

  return (
    <Section title={t("setup.connections.ongoingTitle")} testId="ongoing-connection">
      <form className="setup-form" onSubmit={submit} aria-busy={test.isPending || save.isPending}>
        {saved === null && <p className="setup-field__hint">{t("setup.connections.notSaved")}</p>}
        <TextField
          label={t("setup.connections.ongoingApiUrl")}
          hint={t("setup.connections.ongoingApiUrlHint")}
          type="url"
          value={apiUrl}
          onChange={setApiUrl}
          testId="ongoing-api-url"
        />
        <TextField label={t("setup.connections.ongoingUser")} value={user} onChange={setUser} testId="ongoing-user" />
        <TextField
          label={t("setup.connections.goodsOwnerId")}
          inputMode="numeric"
          value={goodsOwner}
          onChange={setGoodsOwner}
          testId="ongoing-goods-owner"
        />
        <TextField
          label={t("setup.connections.password")}
          type="password"
          value={password}
          onChange={setPassword}
          testId="ongoing-password"
        />
        <SecretState stored={saved?.secretStored ?? false} testId="ongoing-secret-stored" />
        <FormActions
          prefix="ongoing"
          testing={test.isPending}
          saving={save.isPending}
          onTest={() => {
            const request = form();
            if (request !== null) {
              save.reset();
              test.mutate(request);
            }
          }}
          check={test.data}
          testError={test.error}
          saveError={save.error}
          saved={save.isSuccess}
          problem={problem}
          okKey="setup.connections.okOngoing"
        />
      </form>
    </Section>
  );
}

/** The Starweb connection: API URL, client id, client secret (write-only). */
export function StarwebConnectionEditor({ saved }: { saved: StarwebConnectionView | null }) {
  const t = useT();
  const [apiUrl, setApiUrl] = useState(saved?.apiUrl ?? "");
  const [clientId, setClientId] = useState(saved?.clientId ?? "");
  const [secret, setSecret] = useState("");
  const test = useSetupCheck("test_starweb_connection");
  const save = useSetupAction("save_starweb_connection");

  const form = () => ({ apiUrl: apiUrl.trim(), clientId: clientId.trim(), clientSecret: secret === "" ? null : secret });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    test.reset();
    save.mutate(form(), { onSuccess: () => setSecret("") });
  };

  return (
    <Section title={t("setup.connections.starwebTitle")} testId="starweb-connection">
      <form className="setup-form" onSubmit={submit} aria-busy={test.isPending || save.isPending}>
        {saved === null && <p className="setup-field__hint">{t("setup.connections.notSaved")}</p>}
        <TextField
          label={t("setup.connections.starwebApiUrl")}
          hint={t("setup.connections.starwebApiUrlHint")}
          type="url"
          value={apiUrl}
          onChange={setApiUrl}
          testId="starweb-api-url"
        />
        <TextField label={t("setup.connections.clientId")} value={clientId} onChange={setClientId} testId="starweb-client-id" />
        <TextField
          label={t("setup.connections.clientSecret")}
          type="password"
          value={secret}
          onChange={setSecret}
          testId="starweb-client-secret"
        />
        <SecretState stored={saved?.secretStored ?? false} testId="starweb-secret-stored" />
        <FormActions
          prefix="starweb"
          testing={test.isPending}
          saving={save.isPending}
          onTest={() => {
            save.reset();
            test.mutate(form());
          }}
          check={test.data}
          testError={test.error}
          saveError={save.error}
          saved={save.isSuccess}
          problem={null}
          okKey="setup.connections.okStarweb"
        />
      </form>
    </Section>
  );
}
