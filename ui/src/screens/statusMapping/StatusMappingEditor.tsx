import { useMemo, useState, type FormEvent } from "react";
import type { ShopRuleName } from "../../bindings/ShopRuleName";
import type { StageName } from "../../bindings/StageName";
import type { StatusMappingForm } from "../../bindings/StatusMappingForm";
import type { StatusMappingView } from "../../bindings/StatusMappingView";
import { Badge } from "../../components/Badge";
import { Card } from "../../components/Card";
import { ErrorBanner } from "../../components/ErrorBanner";
import { LiveLists } from "./LiveLists";
import { useT } from "../../i18n";
import { useSaveStatusMapping, useStatusMapping } from "../../queries";
import "./StatusMapping.css";

const STAGES: readonly StageName[] = ["open", "started", "sent", "cancelled"];
const RULES: readonly ShopRuleName[] = ["send", "hold", "release", "cancel"];

type WarehouseDraft = { stage: StageName | ""; shopStatus: number | null };

/** The draft as first shown: the saved rules, "" where a status is unmapped. */
function initialDraft(view: StatusMappingView) {
  return {
    shop: new Map<number, ShopRuleName | "">(view.shop.map((s) => [s.statusId, s.rule ?? ""])),
    warehouse: new Map<number, WarehouseDraft>(
      view.warehouse.map((w) => [w.number, { stage: w.rule?.stage ?? "", shopStatus: w.rule?.shopStatus ?? null }]),
    ),
  };
}

/**
 * The status mapping editor: both live lists side by side, each status with its rule, unmapped
 * statuses and stale rules flagged before saving, the suggestion for the unmapped ones one click
 * away. Used by the status mapping screen and the go-live wizard.
 */
export function StatusMappingEditor({ onSaved }: { onSaved?: () => void }) {
  const view = useStatusMapping();
  const save = useSaveStatusMapping(onSaved);

  return (
    <LiveLists query={view} testIdPrefix="status-mapping">
      {(data, loadedAt) => (
        <StatusMappingDraft
          key={loadedAt}
          view={data}
          saving={save.isPending}
          saved={save.isSuccess}
          error={save.error}
          onSave={(mapping) => save.mutate({ mapping })}
        />
      )}
    </LiveLists>
  );
}

type DraftProps = {
  view: StatusMappingView;
  saving: boolean;
  saved: boolean;
  error: { code: import("../../bindings/ErrorCode").ErrorCode; message: string } | null;
  onSave: (mapping: StatusMappingForm) => void;
};

function StatusMappingDraft({ view, saving, saved, error, onSave }: DraftProps) {
  const t = useT();
  const initial = useMemo(() => initialDraft(view), [view]);
  const [shop, setShop] = useState(initial.shop);
  const [warehouse, setWarehouse] = useState(initial.warehouse);
  const [suggested, setSuggested] = useState(false);

  const shopIds = new Set(view.shop.map((s) => s.statusId));
  const unmappedShop = view.shop.filter((s) => (shop.get(s.statusId) ?? "") === "");
  const unmappedWarehouse = view.warehouse.filter((w) => (warehouse.get(w.number)?.stage ?? "") === "");
  const missingTargets = view.warehouse.filter((w) => {
    const target = warehouse.get(w.number)?.shopStatus ?? null;
    return target !== null && !shopIds.has(target);
  });
  const stale = view.staleShop.length + view.staleWarehouse.length;
  const changed =
    view.shop.some((s) => (shop.get(s.statusId) ?? "") !== (initial.shop.get(s.statusId) ?? "")) ||
    view.warehouse.some((w) => {
      const now = warehouse.get(w.number);
      const was = initial.warehouse.get(w.number);
      return now?.stage !== was?.stage || now?.shopStatus !== was?.shopStatus;
    });
  const dirty = changed || stale > 0 || !view.saved;
  const unmapped = unmappedShop.length + unmappedWarehouse.length;
  const blocked = missingTargets.length > 0;
  const noStarted = !view.warehouse.some((w) => warehouse.get(w.number)?.stage === "started");
  const hasSuggestion =
    unmappedShop.some((s) => s.suggested !== null) || unmappedWarehouse.length > 0;

  const applySuggestion = () => {
    setShop((old) => {
      const next = new Map(old);
      for (const s of view.shop) if ((next.get(s.statusId) ?? "") === "" && s.suggested !== null) next.set(s.statusId, s.suggested);
      return next;
    });
    setWarehouse((old) => {
      const next = new Map(old);
      for (const w of view.warehouse) {
        if ((next.get(w.number)?.stage ?? "") === "") next.set(w.number, { ...w.suggested });
      }
      return next;
    });
    setSuggested(true);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blocked) return;
    const mapping: StatusMappingForm = {
      shop: view.shop.flatMap((s) => {
        const rule = shop.get(s.statusId) ?? "";
        return rule === "" ? [] : [{ statusId: s.statusId, rule }];
      }),
      warehouse: view.warehouse.flatMap((w) => {
        const draft = warehouse.get(w.number);
        return draft === undefined || draft.stage === ""
          ? []
          : [{ number: w.number, stage: draft.stage, shopStatus: draft.shopStatus }];
      }),
    };
    onSave(mapping);
  };

  const shopName = (id: number) => {
    const s = view.shop.find((x) => x.statusId === id);
    return s?.name ?? s?.idCode ?? String(id);
  };

  return (
    <form className="mapping" onSubmit={submit} data-testid="status-mapping" aria-busy={saving}>
      {!view.saved && (
        <p className="mapping__hint" data-testid="status-not-saved">
          {t("mappings.common.notSavedYet")}
        </p>
      )}
      <div
        className={unmapped > 0 ? "mapping__summary mapping__summary--warning" : "mapping__summary"}
        data-testid="status-unmapped-summary"
        data-unmapped={unmapped}
      >
        <p className="mapping__summary-line">
          {unmapped > 0
            ? t("mappings.status.summary", { warehouse: unmappedWarehouse.length, shop: unmappedShop.length })
            : t("mappings.status.allMapped")}
        </p>
        <p className="mapping__hint">{t("mappings.status.unmappedWarehouseExplained")}</p>
        <p className="mapping__hint">{t("mappings.status.unmappedShopExplained")}</p>
        {unmapped > 0 && hasSuggestion && (
          <button type="button" className="button" onClick={applySuggestion} data-testid="status-apply-suggestion">
            {t("mappings.common.applySuggestion")}
          </button>
        )}
        {suggested && (
          <p className="mapping__hint" role="status" data-testid="status-suggestion-applied">
            {t("mappings.common.suggestionApplied")}
          </p>
        )}
      </div>

      {view.releaseProblem !== null && !changed && (
        <div className="mapping__problem" role="alert" data-testid="status-release-problem">
          <p className="mapping__summary-line">{t("mappings.status.releaseProblem")}</p>
          <p>{view.releaseProblem}</p>
        </div>
      )}
      {noStarted && (view.releaseProblem === null || changed) && (
        <p className="mapping__problem" role="alert" data-testid="status-release-warning">
          {t("mappings.status.noStartedStatus")}
        </p>
      )}

      <div className="mapping__sides">
        <Card title={t("mappings.status.warehouseTitle")}>
          <div className="mapping__table-wrap">
            <table className="mapping__table" data-testid="warehouse-statuses">
              <thead>
                <tr>
                  <th scope="col">{t("mappings.status.number")}</th>
                  <th scope="col">{t("mappings.status.name")}</th>
                  <th scope="col">{t("mappings.status.stage")}</th>
                  <th scope="col">{t("mappings.status.locks")}</th>
                  <th scope="col">{t("mappings.status.setsShopStatus")}</th>
                </tr>
              </thead>
              <tbody>
                {view.warehouse.map((w) => {
                  const draft = warehouse.get(w.number) ?? { stage: "", shopStatus: null };
                  const missing = draft.shopStatus !== null && !shopIds.has(draft.shopStatus);
                  const label = `${w.number} ${w.text ?? ""}`.trim();
                  const locks = draft.stage !== "open";
                  return (
                    <tr
                      key={w.number}
                      data-testid="warehouse-status"
                      data-number={w.number}
                      data-unmapped={draft.stage === "" ? "true" : "false"}
                      className={draft.stage === "" || missing ? "mapping__row mapping__row--flagged" : "mapping__row"}
                    >
                      <td className="mapping__mono">{w.number}</td>
                      <td>
                        {w.text ?? ""}
                        {draft.stage === "" && (
                          <span className="mapping__flag" data-testid="unmapped-flag" title={t("mappings.status.unmappedWarehouse")}>
                            <Badge tone="warning">{t("mappings.common.unmapped")}</Badge>
                          </span>
                        )}
                        {missing && (
                          <span className="mapping__flag" data-testid="shop-status-missing-flag">
                            <Badge tone="warning">{t("mappings.status.shopStatusMissing")}</Badge>
                          </span>
                        )}
                      </td>
                      <td>
                        <select
                          className="input"
                          data-testid="stage-select"
                          aria-label={`${t("mappings.status.stage")}: ${label}`}
                          value={draft.stage}
                          onChange={(e) =>
                            setWarehouse((old) =>
                              new Map(old).set(w.number, { ...draft, stage: e.target.value as StageName | "" }),
                            )
                          }
                        >
                          <option value="">{t("mappings.common.unmapped")}</option>
                          {STAGES.map((stage) => (
                            <option key={stage} value={stage}>
                              {t(`mappings.status.stages.${stage}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td data-testid="locks" data-locks={locks ? "true" : "false"}>
                        {locks ? <Badge>{t("mappings.status.lock")}</Badge> : t("mappings.status.open")}
                      </td>
                      <td>
                        <select
                          className="input"
                          data-testid="shop-status-select"
                          aria-label={`${t("mappings.status.setsShopStatus")}: ${label}`}
                          value={draft.shopStatus === null ? "" : String(draft.shopStatus)}
                          onChange={(e) =>
                            setWarehouse((old) =>
                              new Map(old).set(w.number, {
                                ...draft,
                                shopStatus: e.target.value === "" ? null : Number(e.target.value),
                              }),
                            )
                          }
                        >
                          <option value="">{t("mappings.status.noShopStatus")}</option>
                          {view.shop.map((s) => (
                            <option key={s.statusId} value={String(s.statusId)}>
                              {shopName(s.statusId)}
                            </option>
                          ))}
                          {missing && (
                            <option value={String(draft.shopStatus)}>
                              {t("mappings.status.missingShopStatus", { id: draft.shopStatus ?? "" })}
                            </option>
                          )}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>

        <Card title={t("mappings.status.shopTitle")}>
          <div className="mapping__table-wrap">
            <table className="mapping__table" data-testid="shop-statuses">
              <thead>
                <tr>
                  <th scope="col">{t("mappings.status.name")}</th>
                  <th scope="col">{t("mappings.status.rule")}</th>
                </tr>
              </thead>
              <tbody>
                {view.shop.map((s) => {
                  const rule = shop.get(s.statusId) ?? "";
                  return (
                    <tr
                      key={s.statusId}
                      data-testid="shop-status"
                      data-status-id={s.statusId}
                      data-unmapped={rule === "" ? "true" : "false"}
                      className={rule === "" ? "mapping__row mapping__row--flagged" : "mapping__row"}
                    >
                      <td>
                        {s.name ?? String(s.statusId)}
                        <span className="mapping__sub mapping__mono" data-testid="id-code">
                          {s.idCode ?? t("mappings.status.ownStatus")}
                        </span>
                        {rule === "" && (
                          <span className="mapping__flag" data-testid="unmapped-flag" title={t("mappings.status.unmappedShop")}>
                            <Badge tone="warning">{t("mappings.common.unmapped")}</Badge>
                          </span>
                        )}
                      </td>
                      <td>
                        <select
                          className="input"
                          data-testid="rule-select"
                          aria-label={`${t("mappings.status.rule")}: ${s.name ?? s.statusId}`}
                          value={rule}
                          onChange={(e) => setShop((old) => new Map(old).set(s.statusId, e.target.value as ShopRuleName | ""))}
                        >
                          <option value="">{t("mappings.common.unmapped")}</option>
                          {RULES.map((r) => (
                            <option key={r} value={r}>
                              {t(`mappings.status.rules.${r}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      </div>

      {stale > 0 && (
        <div className="mapping__stale" data-testid="stale-rules">
          <p className="mapping__summary-line">{t("mappings.common.stale")}</p>
          <ul>
            {view.staleWarehouse.map((w) => (
              <li key={`w${w.number}`} data-testid="stale-rule" data-number={w.number}>
                {t("mappings.status.staleWarehouse", {
                  number: w.number,
                  stage: t(`mappings.status.stages.${w.rule.stage}`),
                })}
              </li>
            ))}
            {view.staleShop.map((s) => (
              <li key={`s${s.statusId}`} data-testid="stale-rule" data-status-id={s.statusId}>
                {t("mappings.status.staleShop", { id: s.statusId, rule: t(`mappings.status.rules.${s.rule}`) })}
              </li>
            ))}
          </ul>
          <p className="mapping__hint">{t("mappings.common.staleHint")}</p>
        </div>
      )}

      <div className="mapping__actions">
        {blocked && (
          <p className="mapping__blocked" role="alert" data-testid="status-save-blocked">
            {t("mappings.status.saveBlocked")}
          </p>
        )}
        {!blocked && unmapped > 0 && dirty && (
          <p className="mapping__warning" data-testid="status-save-warning">
            {t("mappings.status.saveWarning")}
          </p>
        )}
        <button
          type="submit"
          className="button mapping__save"
          data-testid="status-save"
          disabled={!dirty || blocked || saving}
        >
          {saving
            ? t("mappings.common.saving")
            : unmapped > 0
              ? t("mappings.status.saveAnyway")
              : t("mappings.status.save")}
        </button>
        {saved && !dirty && (
          <p className="mapping__saved" role="status" data-testid="status-saved">
            {t("mappings.common.saved")}
          </p>
        )}
      </div>
      {error !== null && (
        <ErrorBanner
          testId="status-save-error"
          context={t("mappings.common.saveFailed")}
          code={error.code}
          message={error.message}
        />
      )}
    </form>
  );
}
