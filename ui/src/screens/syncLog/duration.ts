import { formatNumber, type Language, type Translate } from "../../i18n";

/** A run's duration in the largest unit that keeps it readable. */
export function formatDuration(t: Translate, language: Language, ms: number): string {
  if (ms < 1000) return t("runs.duration.ms", { value: formatNumber(language, ms) });
  if (ms < 60_000) return t("runs.duration.s", { value: formatNumber(language, Math.round(ms / 100) / 10) });
  return t("runs.duration.min", { value: formatNumber(language, Math.round(ms / 6000) / 10) });
}
