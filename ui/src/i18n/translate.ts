import type { Catalog, Language, MessageKey } from "./catalog";
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

export function interpolate(template: string, params: MessageParams | undefined): string {
  if (params === undefined) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function translator(language: Language): Translate {
  const catalog = CATALOGS[language];
  return (key, params) => interpolate(lookup(catalog, key), params);
}
