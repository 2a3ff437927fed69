import type { Language } from "./catalog";

const LOCALES: Record<Language, string> = { sv: "sv-SE", en: "en-GB" };

/** Numbers the way the merchant reads them: `1 234,5` in Swedish, `1,234.5` in English. */
export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** Money from integer minor units and a currency code, never from floats. */
export function formatMoney(language: Language, minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat(LOCALES[language], { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

/** Date and time in Swedish time, where the shop and the warehouse are. */
export function formatDate(language: Language, value: Date): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Stockholm",
  }).format(value);
}
