import { useState } from "react";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, Fields } from "../../components/Fields";
import { formatDateTime, formatMoney, formatNumber, useLanguage, useT } from "../../i18n";
import { useReturnDetail, useSetReturnState } from "../../queries";
import { DEVIATION_SYMBOL, isDeviationKind } from "../inbound/deviation";
import { formatUnitDifference } from "../inbound/format";
import { isCurrency, minorDigits, minorUnitsToInput, parseMinorUnits } from "./money";
import { DeliveryBadge, KindLabel, StateBadge, useCauseName } from "./ReturnList";
import type { ReturnDetail, ReturnSaved, SetReturnStateRequest } from "./types";

type Props = {
  number: string;
  /** What the registration answered, shown above the return it created. */
  registered: ReturnSaved | null;
  onClose: () => void;
};

/** One return: read from the backend, then shown with its lines and handling actions. */
export function ReturnPanel({ number, registered, onClose }: Props) {
  const t = useT();
  const detail = useReturnDetail(number);
  if (detail.isPending) {
    return (
      <p className="screen-status" role="status">
        {t("common.loading")}
      </p>
    );
  }
  if (detail.isError) {
    return (
      <ErrorBanner
        testId="return-detail-error"
        context={t("returns.loadFailed")}
        code={detail.error.code}
        message={detail.error.message}
        onRetry={() => void detail.refetch()}
        retrying={detail.isFetching}
      />
    );
  }
  return <ReturnView detail={detail.data} registered={registered} onClose={onClose} />;
}

function ReturnView({ detail, registered, onClose }: { detail: ReturnDetail; registered: ReturnSaved | null; onClose: () => void }) {
  const t = useT();
  const [language] = useLanguage();
  const r = detail.summary;
  const none = t("returns.none");
  const causeName = useCauseName();
  return (
    <Card title={t("returns.detail.title", { id: r.number })}>
      <div className="returns__detail" data-testid="return-detail" data-return={r.number} data-state={r.state} data-kind={r.kind}>
        {registered !== null && registered.detail.summary.number === r.number && (
          <div
            role="status"
            className={registered.problem === null ? "returns__result" : "returns__warning"}
            data-testid="return-registered"
            data-commented={registered.shopCommentWritten}
            data-comment={registered.comment}
          >
            <p>{t("returns.form.registered", { id: r.number })}</p>
            {r.orderNumber !== null && <CommentOutcome saved={registered} order={r.orderNumber} />}
          </div>
        )}
        <div className="returns__head">
          <StateBadge state={r.state} />
          <KindLabel kind={r.kind} />
          <DeliveryBadge delivery={r.delivery} />
        </div>
        {r.delivery.state !== "sent" && (
          <div
            className={r.delivery.state === "failed" ? "returns__warning" : "returns__hint"}
            role={r.delivery.state === "failed" ? "alert" : "status"}
            data-testid="return-delivery-detail"
          >
            <p>{t(r.delivery.state === "failed" ? "returns.delivery.failedDetail" : "returns.delivery.waitingDetail")}</p>
            {r.delivery.message !== null && <p>{t("returns.delivery.lastError", { message: r.delivery.message })}</p>}
          </div>
        )}
        <Fields>
          <Field label={t("returns.detail.order")}>{r.orderNumber ?? t("returns.list.noOrder")}</Field>
          <Field label={t("returns.detail.warehouseStatus")}>{r.warehouseStatus ?? none}</Field>
          <Field label={t("returns.detail.cause")}>{causeName(r.cause) ?? none}</Field>
          <Field label={t("returns.detail.note")}>{detail.note ?? none}</Field>
          <Field label={t("returns.detail.registered")}>{formatDateTime(language, r.createdAt)}</Field>
          {r.refund !== null && (
            <Field label={t("returns.detail.refund")}>
              <span data-testid="return-refund">{formatMoney(language, r.refund.minorUnits, r.refund.currency)}</span>
            </Field>
          )}
          {detail.handlingNote !== null && (
            <Field label={t("returns.detail.handlingNote")}>
              <span data-testid="return-handling-note">{detail.handlingNote}</span>
            </Field>
          )}
        </Fields>
        <LinesTable detail={detail} />
        <Handling detail={detail} />
        <div className="returns__actions">
          <button type="button" className="button" data-testid="return-detail-close" onClick={onClose}>
            {t("returns.detail.close")}
          </button>
        </div>
      </div>
    </Card>
  );
}

/** What became of the comment on the shop order, in the merchant's language. */
function CommentOutcome({ saved, order }: { saved: ReturnSaved; order: string }) {
  const t = useT();
  switch (saved.comment) {
    case "written":
      return <p>{t("returns.form.commented", { order })}</p>;
    case "waiting":
      return <p data-testid="return-comment-waiting">{t("returns.form.commentWaiting", { order })}</p>;
    case "failed":
      return (
        <p data-testid="return-comment-problem">
          {t("returns.form.notCommented", { order })} {saved.problem}
        </p>
      );
    case "none":
      return saved.problem === null ? null : (
        <p data-testid="return-comment-problem">{t("returns.form.notShopOrder", { order })}</p>
      );
  }
}


/** Announced against received per line, with the difference and its kinds as inbound deviations show them. */
function LinesTable({ detail }: { detail: ReturnDetail }) {
  const t = useT();
  const [language] = useLanguage();
  const reported = detail.summary.state !== "announced" || detail.lines.some((l) => l.received > 0);
  const differences = new Map(detail.differences.map((d) => [d.sku, d]));
  return (
    <div className="returns__table-wrap">
      {!reported && (
        <p className="returns__hint" data-testid="return-not-received">
          {t("returns.detail.notReceived")}
        </p>
      )}
      <table className="returns__table" data-testid="return-lines">
        <caption className="returns__caption">{t("returns.detail.lines")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("returns.detail.sku")}</th>
            <th scope="col" className="returns__num">
              {t("returns.detail.announced")}
            </th>
            <th scope="col" className="returns__num">
              {t("returns.detail.received")}
            </th>
            <th scope="col" className="returns__num">
              {t("returns.detail.removed")}
            </th>
            <th scope="col" className="returns__num">
              {t("returns.detail.difference")}
            </th>
            <th scope="col">{t("returns.detail.condition")}</th>
            <th scope="col">{t("returns.detail.deviation")}</th>
          </tr>
        </thead>
        <tbody>
          {detail.lines.map((line) => {
            const kinds = (differences.get(line.sku)?.kinds ?? []).filter(isDeviationKind);
            return (
              <tr
                key={line.sku}
                data-testid="return-line"
                data-sku={line.sku}
                data-deviation={kinds.length === 0 ? "none" : kinds.join(" ")}
                className={kinds.length === 0 ? "returns__row" : "returns__row returns__row--open"}
              >
                <th scope="row" className="returns__sku">
                  {line.sku}
                  {line.name !== null && <span className="returns__kind">{line.name}</span>}
                </th>
                <td className="returns__num" data-testid="return-line-announced">
                  {formatNumber(language, line.announced)}
                </td>
                <td className="returns__num" data-testid="return-line-received">
                  {reported ? formatNumber(language, line.received) : t("returns.none")}
                </td>
                <td className="returns__num" data-testid="return-line-removed">
                  {reported ? formatNumber(language, line.removed) : t("returns.none")}
                </td>
                <td className="returns__num" data-testid="return-line-difference">
                  {reported ? formatUnitDifference(language, line.received - line.announced) : t("returns.none")}
                </td>
                <td data-testid="return-line-condition">
                  {line.conditions.length === 0 ? t("returns.none") : line.conditions.join(", ")}
                </td>
                <td>
                  {kinds.length === 0
                    ? reported && <span className="returns__muted">{t("returns.detail.asAnnounced")}</span>
                    : kinds.map((kind) => (
                        <span key={kind} className={`return-diff return-diff--${kind}`} data-testid="return-line-deviation" data-kind={kind}>
                          <span aria-hidden="true">{DEVIATION_SYMBOL[kind]}</span> {t(`returns.detail.kinds.${kind}`)}
                        </span>
                      ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The merchant's handling: mark received once the parcel is in, then refunded with the amount or
 * closed with a note saying why. A refunded or closed return is finished.
 */
function Handling({ detail }: { detail: ReturnDetail }) {
  const t = useT();
  const [language] = useLanguage();
  const r = detail.summary;
  const setState = useSetReturnState();
  const [saved, setSaved] = useState<ReturnSaved | null>(null);
  const [amount, setAmount] = useState(
    r.refund === null ? "" : minorUnitsToInput(language, r.refund.minorUnits, r.refund.currency),
  );
  const [currency, setCurrency] = useState(r.refund?.currency ?? "SEK");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const commentProblem = saved !== null && saved.problem !== null && (
    <p className="returns__warning" role="status" data-testid="return-comment-problem">
      {t("returns.handling.commentProblem")} {saved.problem}
    </p>
  );

  if (r.state === "refunded" || r.state === "closed") {
    return (
      <>
        <p className="returns__hint" data-testid="return-finished">
          {t("returns.handling.finished")}
        </p>
        {commentProblem}
      </>
    );
  }

  const change = (request: SetReturnStateRequest) => setState.mutate(request, { onSuccess: setSaved });

  const trimmedNote = note.trim() === "" ? null : note.trim();

  const markReceived = () => {
    setProblem(null);
    change({ number: r.number, state: "received", refund: null, note: trimmedNote });
  };
  const markRefunded = () => {
    setProblem(null);
    const code = currency.trim().toUpperCase();
    if (!isCurrency(code)) {
      setProblem(t("returns.handling.badCurrency"));
      return;
    }
    const minorUnits = parseMinorUnits(language, amount, code);
    if (minorUnits === null || minorUnits <= 0) {
      const digits = minorDigits(code);
      setProblem(
        t("returns.handling.badAmount", {
          digits,
          example: minorUnitsToInput(language, digits === 0 ? 199 : 19950, code),
        }),
      );
      return;
    }
    change({ number: r.number, state: "refunded", refund: { minorUnits, currency: code }, note: trimmedNote });
  };
  const close = () => {
    setProblem(null);
    if (trimmedNote === null) {
      setProblem(t("returns.handling.noteRequired"));
      return;
    }
    change({ number: r.number, state: "closed", refund: null, note: trimmedNote });
  };

  return (
    <section className="returns__handling" data-testid="return-handling" aria-label={t("returns.handling.title")}>
      <h3 className="returns__subtitle">{t("returns.handling.title")}</h3>
      {r.state === "announced" && (
        <div className="returns__actions">
          <button
            type="button"
            className="button"
            data-testid="return-mark-received"
            onClick={markReceived}
            disabled={setState.isPending}
          >
            {t("returns.handling.markReceived")}
          </button>
        </div>
      )}
      {r.state === "received" && (
        <div className="returns__fields">
          <label className="returns__field">
            <span className="returns__label">{t("returns.handling.refundAmount")}</span>
            <input
              className="input"
              inputMode="decimal"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              data-testid="return-refund-amount"
            />
          </label>
          <label className="returns__field">
            <span className="returns__label">{t("returns.handling.currency")}</span>
            <input
              className="input returns__currency"
              value={currency}
              maxLength={3}
              onChange={(event) => setCurrency(event.target.value.toUpperCase())}
              data-testid="return-refund-currency"
            />
          </label>
          <div className="returns__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="return-mark-refunded"
              onClick={markRefunded}
              disabled={setState.isPending}
            >
              {t("returns.handling.markRefunded")}
            </button>
          </div>
        </div>
      )}
      <div className="returns__fields">
        <label className="returns__field returns__field--wide">
          <span className="returns__label">{t("returns.handling.closeNote")}</span>
          <input
            className="input"
            value={note}
            onChange={(event) => setNote(event.target.value)}
            data-testid="return-close-note"
          />
        </label>
        <div className="returns__actions">
          <button type="button" className="button" data-testid="return-close" onClick={close} disabled={setState.isPending}>
            {t("returns.handling.close")}
          </button>
        </div>
      </div>
      {setState.isPending && (
        <p className="screen-status" role="status">
          {t("returns.working")}
        </p>
      )}
      {commentProblem}
      {problem !== null && (
        <p className="returns__warning" role="alert" data-testid="return-handling-problem">
          {problem}
        </p>
      )}
      {setState.error !== null && (
        <ErrorBanner
          testId="return-handling-error"
          context={t("returns.actionFailed")}
          code={setState.error.code}
          message={setState.error.message}
        />
      )}
    </section>
  );
}
