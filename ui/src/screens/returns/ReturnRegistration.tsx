import { useState, type FormEvent } from "react";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, Fields } from "../../components/Fields";
import { formatNumber, useLanguage, useT } from "../../i18n";
import { useRegisterReturn, useReturnCauses, useReturnableOrders } from "../../queries";
import { readQuantity } from "./lines";
import type { ReturnableOrder, ReturnKindName, ReturnSaved } from "./types";

/** The kinds the merchant registers; unannounced returns come from the warehouse. */
const REGISTERED_KINDS: readonly ReturnKindName[] = ["regret", "complaint", "unclaimed"];

type Props = { onRegistered: (registered: ReturnSaved) => void };

/**
 * Registration of a customer's return: find the shop order by number, name or e-mail, then pick
 * lines and quantities (never more than delivered minus already returned), the kind, one of the
 * warehouse's return causes and a note.
 */
export function ReturnRegistration({ onRegistered }: Props) {
  const t = useT();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [picked, setPicked] = useState<string | null>(null);
  const search = useReturnableOrders(query);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setPicked(null);
    setQuery(text.trim());
  };

  const hits = search.data?.orders ?? [];
  const chosen = hits.length === 1 ? hits[0] : hits.find((o) => o.orderNumber === picked);

  return (
    <Card title={t("returns.search.title")}>
      <div className="returns__register" data-testid="return-register-panel">
        <form className="returns__toolbar" role="search" onSubmit={submit}>
          <label className="returns__field returns__field--wide">
            <span className="returns__label">{t("returns.search.label")}</span>
            <input
              className="input"
              type="search"
              value={text}
              placeholder={t("returns.search.placeholder")}
              onChange={(event) => setText(event.target.value)}
              data-testid="return-search"
            />
          </label>
          <button
            type="submit"
            className="button button--primary"
            data-testid="return-search-submit"
            disabled={text.trim() === "" || search.isFetching}
          >
            {search.isFetching ? t("returns.search.searching") : t("returns.search.submit")}
          </button>
        </form>
        {search.isError && (
          <ErrorBanner
            testId="return-search-error"
            context={t("returns.search.failed")}
            code={search.error.code}
            message={search.error.message}
          />
        )}
        {search.isSuccess && hits.length === 0 && (
          <p className="screen-status" data-testid="return-search-empty">
            {t("returns.search.noHits", { query })}
          </p>
        )}
        {hits.length > 1 && <OrderHits orders={hits} picked={picked} onPick={setPicked} />}
        {chosen !== undefined && (
          <ReturnForm
            key={`${query}:${chosen.orderNumber}`}
            order={chosen}
            onRegistered={(registered) => {
              setText("");
              setQuery("");
              setPicked(null);
              onRegistered(registered);
            }}
          />
        )}
      </div>
    </Card>
  );
}

function OrderHits({ orders, picked, onPick }: { orders: ReturnableOrder[]; picked: string | null; onPick: (id: string) => void }) {
  const t = useT();
  return (
    <ul className="returns__hits" aria-label={t("returns.search.hits")} data-testid="return-hits">
      {orders.map((o) => (
        <li key={o.orderNumber}>
          <button
            type="button"
            className={o.orderNumber === picked ? "returns__hit returns__hit--picked" : "returns__hit"}
            data-testid="return-order-pick"
            data-order={o.orderNumber}
            aria-label={t("returns.search.pick", { order: o.orderNumber })}
            onClick={() => onPick(o.orderNumber)}
          >
            <strong>{o.orderNumber}</strong> {o.customerName ?? ""} <span className="returns__muted">{o.email ?? ""}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function ReturnForm({ order, onRegistered }: { order: ReturnableOrder; onRegistered: (r: ReturnSaved) => void }) {
  const t = useT();
  const [language] = useLanguage();
  const causes = useReturnCauses();
  const register = useRegisterReturn();
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [kind, setKind] = useState<ReturnKindName>("regret");
  const [cause, setCause] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const read = order.lines.map((line) => ({ line, ...readQuantity(quantities[line.sku] ?? "", line.returnable) }));
  const over = read.filter((r) => r.over);
  const picked = read.filter((r) => r.valid && r.quantity > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (picked.length === 0 || read.some((r) => !r.valid)) {
      setProblem(t("returns.form.nothingPicked"));
      return;
    }
    if (cause === "") {
      setProblem(t("returns.form.noCause"));
      return;
    }
    const chosenCause = causes.data?.causes.find((c) => c.code === cause);
    if (chosenCause?.commentRequired === true && note.trim() === "") {
      setProblem(t("returns.form.commentRequired", { cause: chosenCause.name ?? chosenCause.code }));
      return;
    }
    register.mutate(
      {
        orderNumber: order.orderNumber,
        kind,
        lines: picked.map((r) => ({ sku: r.line.sku, quantity: r.quantity })),
        cause,
        note: note.trim() === "" ? null : note.trim(),
      },
      { onSuccess: onRegistered },
    );
  };

  return (
    <form className="returns__form" data-testid="return-form" data-order={order.orderNumber} onSubmit={submit}>
      <h3 className="returns__subtitle">{t("returns.form.title", { order: order.orderNumber })}</h3>
      <Fields>
        <Field label={t("returns.form.customer")}>{order.customerName ?? t("returns.none")}</Field>
        <Field label={t("returns.form.email")}>{order.email ?? t("returns.none")}</Field>
      </Fields>
      {!order.delivered && (
        <p className="returns__warning" role="status" data-testid="return-not-delivered">
          {t("returns.form.notDelivered")}
        </p>
      )}
      <div className="returns__table-wrap">
        <table className="returns__table" data-testid="return-order-lines">
          <caption className="returns__caption">{t("returns.form.lines")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("returns.form.sku")}</th>
              <th scope="col" className="returns__num">
                {t("returns.form.delivered")}
              </th>
              <th scope="col" className="returns__num">
                {t("returns.form.returned")}
              </th>
              <th scope="col" className="returns__num">
                {t("returns.form.returnable")}
              </th>
              <th scope="col" className="returns__num">
                {t("returns.form.quantity")}
              </th>
            </tr>
          </thead>
          <tbody>
            {read.map(({ line, valid }) => (
              <tr key={line.sku} data-testid="return-order-line" data-sku={line.sku} data-returnable={line.returnable}>
                <th scope="row" className="returns__sku">
                  {line.sku}
                </th>
                <td className="returns__num" data-testid="return-delivered">
                  {formatNumber(language, line.delivered)}
                </td>
                <td className="returns__num" data-testid="return-returned">
                  {formatNumber(language, line.alreadyReturned)}
                </td>
                <td className="returns__num" data-testid="return-returnable">
                  {formatNumber(language, line.returnable)}
                </td>
                <td className="returns__num">
                  <input
                    className="input returns__qty"
                    type="number"
                    inputMode="numeric"
                    min={0}
                    max={line.returnable}
                    step={1}
                    value={quantities[line.sku] ?? ""}
                    disabled={line.returnable === 0 || register.isPending}
                    aria-invalid={!valid}
                    aria-label={t("returns.form.quantityLabel", { sku: line.sku })}
                    onChange={(event) => setQuantities({ ...quantities, [line.sku]: event.target.value })}
                    data-testid="return-qty"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {over.map((r) => (
        <p key={r.line.sku} className="returns__warning" role="alert" data-testid="return-qty-over" data-sku={r.line.sku}>
          {t("returns.form.tooMany", { max: r.line.returnable, sku: r.line.sku })}
        </p>
      ))}
      <div className="returns__fields">
        <label className="returns__field">
          <span className="returns__label">{t("returns.form.kind")}</span>
          <select
            className="input"
            value={kind}
            onChange={(event) => setKind(event.target.value as ReturnKindName)}
            data-testid="return-kind-select"
          >
            {REGISTERED_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`returns.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="returns__field">
          <span className="returns__label">{t("returns.form.cause")}</span>
          <select
            className="input"
            value={cause}
            onChange={(event) => setCause(event.target.value)}
            disabled={!causes.isSuccess}
            data-testid="return-cause"
          >
            <option value="">{t("returns.form.causePick")}</option>
            {(causes.data?.causes ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name === null ? c.code : `${c.name} (${c.code})`}
              </option>
            ))}
          </select>
        </label>
        <label className="returns__field returns__field--wide">
          <span className="returns__label">{t("returns.form.note")}</span>
          <textarea
            className="input returns__textarea"
            value={note}
            placeholder={t("returns.form.notePlaceholder")}
            onChange={(event) => setNote(event.target.value)}
            data-testid="return-note"
          />
        </label>
      </div>
      {causes.isError && (
        <ErrorBanner
          testId="return-causes-error"
          context={t("returns.form.causesFailed")}
          code={causes.error.code}
          message={causes.error.message}
          onRetry={() => void causes.refetch()}
          retrying={causes.isFetching}
        />
      )}
      {problem !== null && (
        <p className="returns__warning" role="alert" data-testid="return-form-problem">
          {problem}
        </p>
      )}
      {register.error !== null && (
        <ErrorBanner
          testId="return-error"
          context={t("returns.form.failed")}
          code={register.error.code}
          message={register.error.message}
        />
      )}
      <div className="returns__actions">
        <button
          type="submit"
          className="button button--primary"
          data-testid="return-register"
          disabled={register.isPending || !order.delivered || over.length > 0}
        >
          {register.isPending ? t("returns.form.registering") : t("returns.form.register")}
        </button>
      </div>
    </form>
  );
}
