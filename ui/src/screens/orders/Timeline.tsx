import type { OrderCall } from "../../bindings/OrderCall";
import type { TimelineEntry } from "../../bindings/TimelineEntry";
import { formatDateTime, useLanguage, useT } from "../../i18n";
import { timelineFacts, timelineTitle } from "./format";

/** Every event of the order across both systems, oldest first, each call with the payload it sent. */
export function Timeline({ entries, calls }: { entries: readonly TimelineEntry[]; calls: readonly OrderCall[] }) {
  const t = useT();
  const [language] = useLanguage();
  const byId = new Map(calls.map((c) => [c.id, c]));
  return (
    <section className="order-page__section" aria-label={t("orders.timeline.title")}>
      <h2 className="order-page__heading">{t("orders.timeline.title")}</h2>
      {entries.length === 0 ? (
        <p className="screen-status" data-testid="timeline-empty">
          {t("orders.timeline.empty")}
        </p>
      ) : (
        <ol className="timeline" data-testid="order-timeline">
          {entries.map((entry) => {
            const call = entry.callId === null ? undefined : byId.get(entry.callId);
            const facts = timelineFacts(t, entry);
            return (
              <li
                key={entry.id}
                className={`timeline__entry timeline__entry--${entry.side}${entry.outcome === "dead" ? " timeline__entry--dead" : ""}`}
                data-testid="timeline-entry"
                data-kind={entry.kind}
                data-side={entry.side}
                data-outcome={entry.outcome ?? undefined}
              >
                <div className="timeline__head">
                  <span className="timeline__side">{t(`orders.timeline.sides.${entry.side}`)}</span>
                  <time className="timeline__time" dateTime={entry.at}>
                    {formatDateTime(language, entry.at)}
                  </time>
                </div>
                <p className="timeline__title" data-testid="timeline-title">
                  {timelineTitle(t, entry)}
                </p>
                {entry.kind === "warehouse.tracking" && entry.tracking !== null && (
                  <p className="timeline__tracking" data-testid="timeline-tracking">
                    <span className="orders__mono">{entry.tracking}</span>
                    {entry.trackingUrl !== null && (
                      <span className="timeline__url orders__mono" data-testid="timeline-tracking-url">
                        {entry.trackingUrl}
                      </span>
                    )}
                  </p>
                )}
                {facts.length > 0 && (
                  <p className="timeline__facts" data-testid="timeline-facts">
                    {facts.join(" · ")}
                  </p>
                )}
                {call !== undefined && (
                  <details className="timeline__payload" data-testid="timeline-payload">
                    <summary>{t("orders.timeline.payload")}</summary>
                    <pre>{call.payload}</pre>
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
