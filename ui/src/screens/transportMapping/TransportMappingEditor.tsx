import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type { ErrorCode } from "../../bindings/ErrorCode";
import type { ShippingMethodRow } from "../../bindings/ShippingMethodRow";
import type { TransportEntry } from "../../bindings/TransportEntry";
import type { TransportForm } from "../../bindings/TransportForm";
import type { TransportMappingView } from "../../bindings/TransportMappingView";
import { Badge } from "../../components/Badge";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { LiveLists } from "../statusMapping/LiveLists";
import { useT } from "../../i18n";
import { useFocus } from "../../navigation/navigate";
import { useSaveTransportMapping, useTransportMapping } from "../../queries";
import "../statusMapping/StatusMapping.css";
import "./TransportMapping.css";

/** How many held order numbers a row names before it says "…". */
const ORDERS_SHOWN = 10;

/** A transport as the method's select knows it: "", "notSent" or "carrier|CODE|SERVICE". */
function choiceOf(transport: TransportForm | null): string {
  if (transport === null) return "";
  if (transport.kind === "notSent") return "notSent";
  return `carrier|${transport.transporterCode}|${transport.serviceCode}`;
}

function transportOf(choice: string, trackerType: number | null): TransportForm | null {
  if (choice === "") return null;
  if (choice === "notSent") return { kind: "notSent" };
  const [, transporterCode = "", serviceCode = ""] = choice.split("|");
  return { kind: "carrier", transporterCode, serviceCode, trackerType };
}

type Draft = { choice: string; tracker: number | null };

function draftOf(transport: TransportForm | null): Draft {
  return {
    choice: choiceOf(transport),
    tracker: transport !== null && transport.kind === "carrier" ? transport.trackerType : null,
  };
}

/** Whether an unmapped method needs the merchant: offered at checkout, or holding orders. */
function needsMapping(method: ShippingMethodRow): boolean {
  return method.active || method.held.count > 0;
}

/**
 * The transport mapping editor: every shop shipping method against the warehouse's live
 * transporter contracts (or "not sent to the warehouse") with the shop tracking type; unmapped
 * methods flagged with the orders they hold up. `useFocus()` names a shipping method id to scroll
 * to and highlight (the dashboard's "needs attention" link). Used by the transport mapping screen
 * and the go-live wizard.
 */
export function TransportMappingEditor({ onSaved }: { onSaved?: () => void }) {
  const view = useTransportMapping();
  const save = useSaveTransportMapping(onSaved);

  return (
    <LiveLists query={view} testIdPrefix="transport-mapping">
      {(data, loadedAt) => (
        <TransportMappingDraft
          key={loadedAt}
          view={data}
          saving={save.isPending}
          saved={save.isSuccess}
          error={save.error}
          onSave={(methods) => save.mutate({ methods })}
        />
      )}
    </LiveLists>
  );
}

type DraftProps = {
  view: TransportMappingView;
  saving: boolean;
  saved: boolean;
  error: { code: ErrorCode; message: string } | null;
  onSave: (methods: TransportEntry[]) => void;
};

function TransportMappingDraft({ view, saving, saved, error, onSave }: DraftProps) {
  const t = useT();
  const focus = useFocus();
  const focusedRow = useRef<HTMLTableRowElement | null>(null);
  const initial = useMemo(
    () => new Map(view.methods.map((m) => [m.shippingMethodId, draftOf(m.transport)])),
    [view],
  );
  const [drafts, setDrafts] = useState(initial);
  const [suggested, setSuggested] = useState(false);

  useEffect(() => {
    focusedRow.current?.scrollIntoView?.({ block: "center" });
  }, [focus]);

  const offered = new Set(
    view.contracts.flatMap((c) => c.services.map((s) => `carrier|${c.transporterCode}|${s.serviceCode}`)),
  );
  const draft = (id: number) => drafts.get(id) ?? { choice: "", tracker: null };
  const isMissing = (choice: string) => choice.startsWith("carrier|") && !offered.has(choice);
  const unmapped = view.methods.filter((m) => draft(m.shippingMethodId).choice === "" && needsMapping(m));
  const blocked = view.methods.some((m) => isMissing(draft(m.shippingMethodId).choice));
  const changed = view.methods.some((m) => {
    const now = draft(m.shippingMethodId);
    const was = initial.get(m.shippingMethodId) ?? { choice: "", tracker: null };
    return now.choice !== was.choice || now.tracker !== was.tracker;
  });
  const dirty = changed || view.stale.length > 0 || !view.saved;
  const hasSuggestion = view.methods.some((m) => draft(m.shippingMethodId).choice === "" && m.suggested !== null);

  const setDraft = (id: number, change: (old: Draft) => Draft) =>
    setDrafts((old) => new Map(old).set(id, change(old.get(id) ?? { choice: "", tracker: null })));

  const applySuggestion = () => {
    setDrafts((old) => {
      const next = new Map(old);
      for (const m of view.methods) {
        if ((next.get(m.shippingMethodId)?.choice ?? "") === "" && m.suggested !== null) {
          next.set(m.shippingMethodId, draftOf(m.suggested));
        }
      }
      return next;
    });
    setSuggested(true);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blocked) return;
    onSave(
      view.methods.flatMap((m) => {
        const d = draft(m.shippingMethodId);
        const transport = transportOf(d.choice, d.tracker);
        return transport === null ? [] : [{ shippingMethodId: m.shippingMethodId, transport }];
      }),
    );
  };

  return (
    <form className="mapping" onSubmit={submit} data-testid="transport-mapping" aria-busy={saving}>
      {!view.saved && (
        <p className="mapping__hint" data-testid="transport-not-saved">
          {t("mappings.common.notSavedYet")}
        </p>
      )}
      <div
        className={unmapped.length > 0 ? "mapping__summary mapping__summary--warning" : "mapping__summary"}
        data-testid="transport-unmapped-summary"
        data-unmapped={unmapped.length}
        data-held={view.heldTotal}
      >
        <p className="mapping__summary-line">
          {unmapped.length > 0
            ? t("mappings.transport.summary", { methods: unmapped.length, orders: view.heldTotal })
            : t("mappings.transport.allMapped")}
        </p>
        {unmapped.length > 0 && hasSuggestion && (
          <button type="button" className="button" onClick={applySuggestion} data-testid="transport-apply-suggestion">
            {t("mappings.common.applySuggestion")}
          </button>
        )}
        {suggested && (
          <p className="mapping__hint" role="status" data-testid="transport-suggestion-applied">
            {t("mappings.common.suggestionApplied")}
          </p>
        )}
      </div>

      <Card title={t("mappings.transport.methodsTitle")}>
        <div className="mapping__table-wrap">
          <table className="mapping__table" data-testid="shipping-methods">
            <thead>
              <tr>
                <th scope="col">{t("mappings.transport.method")}</th>
                <th scope="col">{t("mappings.transport.transport")}</th>
                <th scope="col">{t("mappings.transport.tracking")}</th>
                <th scope="col">{t("mappings.transport.held")}</th>
              </tr>
            </thead>
            <tbody>
              {view.methods.map((m) => {
                const d = draft(m.shippingMethodId);
                const flagged = d.choice === "" && needsMapping(m);
                const missing = isMissing(d.choice);
                const focused = focus === String(m.shippingMethodId);
                const name = m.name ?? String(m.shippingMethodId);
                const classes = ["mapping__row"];
                if (flagged || missing) classes.push("mapping__row--flagged");
                if (focused) classes.push("mapping__row--focused");
                const [, code = "", service = ""] = d.choice.split("|");
                return (
                  <tr
                    key={m.shippingMethodId}
                    ref={focused ? focusedRow : undefined}
                    className={classes.join(" ")}
                    data-testid="shipping-method"
                    data-method={m.shippingMethodId}
                    data-unmapped={d.choice === "" ? "true" : "false"}
                    data-focused={focused ? "true" : "false"}
                    aria-current={focused ? "true" : undefined}
                  >
                    <td>
                      <span className="transport__name">{name}</span>
                      {m.externalId !== null && <span className="transport__external mapping__mono">{m.externalId}</span>}
                      {!m.active && <Badge>{t("mappings.transport.inactive")}</Badge>}
                      {m.clickAndCollect && <Badge tone="info">{t("mappings.transport.clickAndCollect")}</Badge>}
                      {flagged && (
                        <span className="mapping__flag" data-testid="unmapped-flag">
                          <Badge tone="warning">{t("mappings.common.unmapped")}</Badge>
                        </span>
                      )}
                      {missing && (
                        <span className="mapping__flag" data-testid="contract-missing-flag">
                          <Badge tone="warning">{t("mappings.transport.contractMissing")}</Badge>
                        </span>
                      )}
                      {focused && (
                        <p className="mapping__hint" data-testid="focused-hint">
                          {t("mappings.transport.focused")}
                        </p>
                      )}
                    </td>
                    <td>
                      <select
                        data-testid="transport-select"
                        aria-label={`${t("mappings.transport.transport")}: ${name}`}
                        value={d.choice}
                        onChange={(e) => {
                          const choice = e.target.value;
                          setDraft(m.shippingMethodId, (old) => ({
                            choice,
                            tracker: choice.startsWith("carrier|") ? old.tracker : null,
                          }));
                        }}
                      >
                        <option value="">{t("mappings.common.unmapped")}</option>
                        <option value="notSent">{t("mappings.transport.notSent")}</option>
                        {view.contracts.map((c) => (
                          <optgroup key={c.transporterCode} label={`${c.transporterName ?? c.transporterCode} (${c.transporterCode})`}>
                            {c.services.map((s) => (
                              <option key={s.serviceCode} value={`carrier|${c.transporterCode}|${s.serviceCode}`}>
                                {`${s.serviceName ?? s.serviceCode} (${c.transporterCode} / ${s.serviceCode})`}
                              </option>
                            ))}
                          </optgroup>
                        ))}
                        {missing && (
                          <option value={d.choice}>{t("mappings.transport.missingContract", { code, service })}</option>
                        )}
                      </select>
                    </td>
                    <td>
                      <select
                        data-testid="tracker-select"
                        aria-label={`${t("mappings.transport.tracking")}: ${name}`}
                        value={d.tracker === null ? "" : String(d.tracker)}
                        disabled={!d.choice.startsWith("carrier|")}
                        onChange={(e) =>
                          setDraft(m.shippingMethodId, (old) => ({
                            ...old,
                            tracker: e.target.value === "" ? null : Number(e.target.value),
                          }))
                        }
                      >
                        <option value="">{t("mappings.transport.noTracking")}</option>
                        {view.trackingTypes.map((tt) => (
                          <option key={tt.trackerType} value={String(tt.trackerType)}>
                            {tt.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      {m.held.count > 0 && (
                        <p
                          className={
                            m.transport === null ? "mapping__held mapping__held--blocking" : "mapping__held mapping__held--waiting"
                          }
                          data-testid={m.transport === null ? "held-orders" : "held-waiting"}
                          data-count={m.held.count}
                        >
                          {m.transport === null
                            ? t("mappings.transport.heldOrders", {
                                count: m.held.count,
                                orders:
                                  m.held.orderIds.slice(0, ORDERS_SHOWN).join(", ") +
                                  (m.held.orderIds.length > ORDERS_SHOWN ? ", …" : ""),
                              })
                            : t("mappings.transport.heldWaiting", { count: m.held.count })}
                        </p>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>

      {view.stale.length > 0 && (
        <div className="mapping__stale" data-testid="transport-stale">
          <p className="mapping__summary-line">{t("mappings.common.stale")}</p>
          <ul>
            {view.stale.map((s) => (
              <li key={s.shippingMethodId} data-testid="stale-rule" data-method={s.shippingMethodId}>
                {t("mappings.transport.staleMethod", { id: s.shippingMethodId })}
              </li>
            ))}
          </ul>
          <p className="mapping__hint">{t("mappings.common.staleHint")}</p>
        </div>
      )}

      <div className="mapping__actions">
        {blocked && (
          <p className="mapping__blocked" role="alert" data-testid="transport-save-blocked">
            {t("mappings.transport.saveBlocked")}
          </p>
        )}
        {!blocked && unmapped.length > 0 && dirty && (
          <p className="mapping__warning" data-testid="transport-save-warning">
            {t("mappings.transport.saveWarning")}
          </p>
        )}
        <button type="submit" className="button mapping__save" data-testid="transport-save" disabled={!dirty || blocked || saving}>
          {saving
            ? t("mappings.common.saving")
            : unmapped.length > 0
              ? t("mappings.transport.saveAnyway")
              : t("mappings.transport.save")}
        </button>
        {saved && !dirty && (
          <p className="mapping__saved" role="status" data-testid="transport-saved">
            {t("mappings.common.saved")}
          </p>
        )}
      </div>
      {error !== null && (
        <ErrorBanner
          testId="transport-save-error"
          context={t("mappings.common.saveFailed")}
          code={error.code}
          message={error.message}
        />
      )}
    </form>
  );
}
