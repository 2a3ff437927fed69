import { LOCALES, type Catalog, type Language, type MessageKey } from "./catalog";
import { en } from "./en";
import { sv } from "./sv";

export const CATALOGS: Record<Language, Catalog> = { sv, en };

export type MessageParams = Readonly<Record<string, string | number>>;

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Looks up a dotted key; a missing entry (impossible while the types hold) falls back to the key itself. */
export function lookup(catalog: Catalog, key: MessageKey): string {
  let node: unknown = catalog;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) {
      return key;
    }
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : key;
}

/** `{count, plural, one {# rad} other {# rader}}`: the branch for the number, `#` standing for it. */
const PLURAL = /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g;

/**
 * Fills `{name}` placeholders, and picks the branch of `{name, plural, one {…} other {…}}` by the
 * language's plural rule (`1 rad`, `2 rader`), so a count never reads "1 ordrar".
 */
export function interpolate(
  template: string,
  params: MessageParams | undefined,
  plural: (n: number) => Intl.LDMLPluralRule = (n) => (n === 1 ? "one" : "other"),
): string {
  if (params === undefined) {
    return template;
  }
  return template
    .replace(PLURAL, (whole, name: string, one: string, other: string) => {
      if (!Object.hasOwn(params, name)) return whole;
      const value = params[name]!;
      return (plural(Number(value)) === "one" ? one : other).replaceAll("#", String(value));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  const rules = new Intl.PluralRules(LOCALES[language]);
  return (key, params) => interpolate(lookup(catalog, key), params, (n) => rules.select(n));
}
