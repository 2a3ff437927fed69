import { useEffect, useState } from "react";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { useFocus } from "../../navigation/navigate";
import { useReturns } from "../../queries";
import { ReturnList } from "./ReturnList";
import { ReturnPanel } from "./ReturnPanel";
import { ReturnRegistration } from "./ReturnRegistration";
import type { ReturnSaved } from "./types";
import "../inbound/records.css";
import "./Returns.css";

/**
 * Returer / Returns: register a customer's return against the shop order, which announces it to
 * the warehouse; follow every return (also those the warehouse registered itself) through what
 * arrived to refunded or closed.
 */
export function ReturnsScreen() {
  const t = useT();
  const focus = useFocus();
  const [includeClosed, setIncludeClosed] = useState(false);
  const [selected, setSelected] = useState<string | null>(focus === undefined || focus === "" ? null : focus);
  const [registered, setRegistered] = useState<ReturnSaved | null>(null);
  const list = useReturns(includeClosed);

  // A "needs attention" entry opens its return, also when the screen is already open.
  useEffect(() => {
    if (focus !== undefined && focus !== "") setSelected(focus);
  }, [focus]);

  if (list.isPending) {
    return (
      <p className="screen-status" role="status" data-testid="returns-loading">
        {t("returns.loading")}
      </p>
    );
  }

  if (list.isError) {
    return (
      <div className="returns">
        <ErrorBanner
          testId="returns-error"
          context={t("returns.loadFailed")}
          code={list.error.code}
          message={list.error.message}
          onRetry={() => void list.refetch()}
          retrying={list.isFetching}
        />
        {list.error.code === "notConfigured" && (
          <p className="screen-status" data-testid="returns-not-configured">
            {t("returns.notConfigured")}
          </p>
        )}
      </div>
    );
  }

  const open = (id: string | null) => {
    setRegistered(null);
    setSelected(id);
  };

  return (
    <div className="returns">
      <ReturnRegistration
        onRegistered={(answer) => {
          setRegistered(answer);
          setSelected(answer.detail.summary.number);
        }}
      />
      <ReturnList
        list={list.data}
        selected={selected}
        includeClosed={includeClosed}
        onIncludeClosed={setIncludeClosed}
        onOpen={open}
      />
      {selected !== null && (
        <ReturnPanel key={selected} number={selected} registered={registered} onClose={() => open(null)} />
      )}
    </div>
  );
}
