import type { sv } from "./sv";

/** The shape of a catalog: the Swedish one with every text widened to `string`. */
type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type Catalog = Widen<typeof sv>;

export type Language = "sv" | "en";

/** Dotted paths to every text, e.g. `"dashboard.fields.version"`. */
type Paths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Paths<Catalog>;

/** Looks a dotted key up in a catalog and fills `{name}` placeholders. */
export function lookup(catalog: Catalog, key: MessageKey, values?: Record<string, string | number>): string {
  let node: unknown = catalog;
  for (const part of key.split(".")) {
    node = (node as Record<string, unknown>)[part];
  }
  const text = typeof node === "string" ? node : key;
  return values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)) : text;
}
