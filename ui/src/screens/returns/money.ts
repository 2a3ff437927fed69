import { LOCALES, type Language } from "../../i18n";

/**
 * Refund amounts as the merchant types them ("199,50", "1 299", "199.50") turned into integer
 * minor units of the currency, so no float ever reaches the backend.
 */

/** How many minor units a currency has (SEK 2, JPY 0, ...); 2 when the browser does not know it. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en-GB", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** True for a three-letter ISO 4217 code the browser can format. */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat("en-GB", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}

/**
 * Parses an amount in the language's way of writing it into minor units; `null` for anything
 * that is not a non-negative amount with at most the currency's decimals. Both comma and point
 * are taken as the decimal mark; spaces (also no-break ones) group thousands.
 */
export function parseMinorUnits(language: Language, text: string, currency: string): number | null {
  const group = language === "en" ? /[\s\u00a0\u202f,]/g : /[\s\u00a0\u202f]/g;
  const cleaned = text.trim().replace(group, "");
  const normalised = language === "en" ? cleaned : cleaned.replace(",", ".");
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:\.(\d*))?$/.exec(normalised);
  if (match === null) return null;
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  const units = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(units) ? units : null;
}

/** Minor units as the amount to put back in an input field ("199,50" / "199.50"), no currency sign. */
export function minorUnitsToInput(language: Language, minorUnits: number, currency: string): string {
  const digits = minorDigits(currency);
  return new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(minorUnits / 10 ** digits);
}
