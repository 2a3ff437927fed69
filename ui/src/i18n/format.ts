import { LOCALES, type Language } from "./catalog";

/**
 * Formatting of raw backend values for display. The backend sends numbers,
 * minor units and ISO timestamps; only the UI turns them into text.
 */

export function formatNumber(language: Language, value: number): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** Money is integer minor units plus an ISO 4217 code (never a float amount). */
export function formatMoney(language: Language, minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat(LOCALES[language], { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

/** A calendar date, shown in the Stockholm time zone unless told otherwise. */
export function formatDate(language: Language, value: Date | string, timeZone = "Europe/Stockholm"): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "medium", timeZone }).format(toDate(value));
}

/** A date and time to the minute, shown in the Stockholm time zone unless told otherwise. */
export function formatDateTime(language: Language, value: Date | string, timeZone = "Europe/Stockholm"): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  }).format(toDate(value));
}
