import { LOCALES, type Language } from "../../i18n";

/**
 * Numbers of the inbound screen: differences between what was advised and what arrived, in units
 * and in percent of the advised quantity. A difference always carries its sign (a plain "5" would
 * not say whether five are missing or five too many), and the minus is the typographic one.
 */

/** A quantity of units, grouped the language's way (12 000 / 12,000). */
export function formatUnits(language: Language, units: number): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0 }).format(units);
}

/** A difference in units with its sign: "+3", "−2", "0". */
export function formatUnitDifference(language: Language, difference: number): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(
    difference,
  );
}

/**
 * A difference in percent of the advised quantity, to one decimal, with its sign ("+12,5 %",
 * "−100 %"). `null` (nothing was advised, so there is no base) gives `null`; the caller says so
 * in words.
 */
export function formatPercentDifference(language: Language, percent: number | null): string | null {
  if (percent === null || !Number.isFinite(percent)) return null;
  return new Intl.NumberFormat(LOCALES[language], {
    style: "percent",
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  }).format(percent / 100);
}

/** Received minus advised in percent of advised, to one decimal; `null` when nothing was advised. */
export function percentOf(advised: number, received: number): number | null {
  if (advised <= 0) return null;
  return Math.round(((received - advised) * 1000) / advised) / 10;
}
