import type { OrderActionResult } from "../../bindings/OrderActionResult";
import type { OrderDetail } from "../../bindings/OrderDetail";
import { Badge } from "../../components/Badge";
import { ErrorBanner } from "../../components/ErrorBanner";
import { Field, Fields } from "../../components/Fields";
import { formatDateTime, useLanguage, useT } from "../../i18n";
import type { CommandError } from "../../platform";
import { useNavigate } from "../../navigation/navigate";
import { useOrderAction, useOrderDetail } from "../../queries";
import { shopStatusText, warehouseStatusText } from "./format";
import { OrderCalls } from "./OrderCalls";
import { OrderStateBadge } from "./OrderStateBadge";
import { Timeline } from "./Timeline";
import "../inbound/records.css";

/** One order: where it stands in both systems, why it is held, what can be done, and its story. */
export function OrderPage({ shopOrderId, onBack }: { shopOrderId: number; onBack: () => void }) {
  const t = useT();
  const detail = useOrderDetail(shopOrderId);

  return (
    <div className="order-page" data-testid="order-page" data-order={shopOrderId}>
      <div className="order-page__top">
        <button type="button" className="button" data-testid="order-back" onClick={onBack}>
          ← {t("orders.page.back")}
        </button>
        <h1 className="order-page__title" data-testid="order-title">
          {t("orders.page.title", { order: shopOrderId })}
        </h1>
        {detail.data !== undefined && <OrderStateBadge state={detail.data.order.state} />}
      </div>
      {detail.isPending && (
        <p className="screen-status" role="status" data-testid="order-loading">
          {t("orders.page.loading")}
        </p>
      )}
      {detail.isError && (
        <ErrorBanner
          testId="order-error"
          context={t("orders.page.loadFailed")}
          code={detail.error.code}
          message={detail.error.message}
          onRetry={() => void detail.refetch()}
          retrying={detail.isFetching}
        />
      )}
      {detail.data !== undefined && <OrderView detail={detail.data} />}
    </div>
  );
}

function OrderView({ detail }: { detail: OrderDetail }) {
  const t = useT();
  const [language] = useLanguage();
  const id = detail.order.shopOrderId;
  const resend = useOrderAction("resend_order");
  const clearHold = useOrderAction("clear_order_hold");
  const retry = useOrderAction("retry_order_call");
  const letGo = useOrderAction("hold_back_orders");
  const busy = resend.isPending || clearHold.isPending || retry.isPending || letGo.isPending;
  const last = [resend, clearHold, retry].find((action) => action.isSuccess || action.isError);
  const failed = last?.error ?? letGo.error;
  const na = t("common.notAvailable");
  const navigate = useNavigate();
  const order = detail.order;

  return (
    <>
      {detail.hold !== null && (
        <div className="order-page__hold" role="alert" data-testid="order-hold" data-code={detail.hold.code}>
          <p className="order-page__hold-title">{t("orders.page.hold")}</p>
          <p className="order-page__hold-reason" data-testid="order-hold-reason">
            {detail.hold.message}
          </p>
          {detail.hold.clearable ? (
            <button
              type="button"
              className="button"
              data-testid="clear-hold"
              disabled={busy}
              onClick={() => {
                resend.reset();
                retry.reset();
                clearHold.mutate({ shopOrderId: id });
              }}
            >
              {t("orders.actions.clearHold")}
            </button>
          ) : (
            <p className="orders__muted" data-testid="order-hold-fix">
              {t("orders.page.holdFix")}
            </p>
          )}
        </div>
      )}
      {detail.heldBack && (
        <div className="order-page__note" data-testid="order-held-back">
          <span>{t("orders.page.heldBackNote")}</span>
          <button
            type="button"
            className="button"
            data-testid="let-go-batches"
            disabled={busy}
            onClick={() => letGo.mutate({ orders: [id], held: false })}
          >
            {t("orders.page.letGoBatches")}
          </button>
        </div>
      )}
      <section className="order-page__section" aria-label={t("orders.page.summary")}>
        <Fields>
          <Field label={t("orders.page.fields.created")}>{formatDateTime(language, order.createdAt)}</Field>
          <Field label={t("orders.page.fields.lock")}>
            <span data-testid="order-lock" data-locked={order.locked}>
              {order.locked ? <Badge tone="warning">{t("orders.locked")}</Badge> : t("orders.unlocked")}
            </span>
          </Field>
          <Field label={t("orders.page.fields.warehouseOrder")} mono>
            {detail.warehouseOrderId ?? na}
          </Field>
          <Field label={t("orders.page.fields.warehouseStatus")}>
            <span data-testid="order-warehouse-status">
              {warehouseStatusText(order.warehouseStatus, order.warehouseStatusText) ?? na}
            </span>
          </Field>
          <Field label={t("orders.page.fields.shopStatus")}>
            <span data-testid="order-shop-status">{shopStatusText(order.shopStatusId, order.shopStatusName) ?? na}</span>
          </Field>
          <Field label={t("orders.page.fields.shopStatusWritten")}>
            {shopStatusText(detail.shopStatusWritten, detail.shopStatusWrittenName) ?? na}
          </Field>
          <Field label={t("orders.page.fields.tracking")} mono>
            <span data-testid="order-tracking">{order.tracking ?? na}</span>
          </Field>
          <Field label={t("orders.page.fields.sentAt")}>
            {detail.sentAt === null ? na : formatDateTime(language, detail.sentAt)}
          </Field>
          <Field label={t("orders.page.fields.sends")}>{detail.sends}</Field>
          <Field label={t("orders.page.fields.paid")}>
            {detail.paid ? t("orders.page.paid") : t("orders.page.notPaid")}
          </Field>
          <Field label={t("orders.page.fields.releasedBatch")}>{detail.releasedBatchId ?? na}</Field>
          {detail.returns.length > 0 && (
            <Field label={t("orders.page.fields.returns")}>
              <span className="order-page__returns" data-testid="order-returns">
                {detail.returns.map((number) => (
                  <button
                    key={number}
                    type="button"
                    className="returns__link"
                    data-testid="order-return"
                    data-return={number}
                    onClick={() => navigate({ screen: "returns", focus: number })}
                  >
                    {number}
                  </button>
                ))}
              </span>
            </Field>
          )}
        </Fields>
      </section>
      <section className="order-page__section" aria-label={t("orders.actions.title")}>
        <h2 className="order-page__heading">{t("orders.actions.title")}</h2>
        <div className="order-page__actions">
          <button
            type="button"
            className="button"
            data-testid="resend-order"
            disabled={busy || !detail.canResend}
            onClick={() => {
              clearHold.reset();
              retry.reset();
              resend.mutate({ shopOrderId: id });
            }}
          >
            {resend.isPending ? t("orders.actions.working") : t("orders.actions.resend")}
          </button>
          <span className="orders__muted">
            {detail.canResend ? t("orders.actions.resendHelp") : t("orders.actions.resendLocked")}
          </span>
        </div>
        {last?.isSuccess === true && last.data !== undefined && <ActionResult result={last.data} />}
        {failed !== null && failed !== undefined && <ActionError error={failed} />}
      </section>
      <Timeline entries={detail.timeline} calls={detail.calls} />
      <OrderCalls
        calls={detail.calls}
        busy={busy}
        onRetry={(callId) => {
          resend.reset();
          clearHold.reset();
          retry.mutate({ shopOrderId: id, callId });
        }}
      />
    </>
  );
}

function ActionResult({ result }: { result: OrderActionResult }) {
  const t = useT();
  return (
    <div className="order-page__result" role="status" data-testid="order-action-result" data-outcome={result.outcome}>
      <p className="order-page__result-title">{t(`orders.actions.outcomes.${result.outcome}`)}</p>
      <p className="orders__muted">{result.message}</p>
    </div>
  );
}

function ActionError({ error }: { error: CommandError }) {
  const t = useT();
  return (
    <ErrorBanner testId="order-action-error" context={t("orders.actions.failed")} code={error.code} message={error.message} />
  );
}
