import type { sv } from "./sv";

/** The Swedish catalog with its literal strings widened: the shape every language must have. */
type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export type Catalog = Widen<typeof sv>;

type Paths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every message key, in dotted form, e.g. `"dashboard.fields.version"`. */
export type MessageKey = Paths<Catalog>;

export type Language = "sv" | "en";

export const LANGUAGES: readonly Language[] = ["sv", "en"];

export const DEFAULT_LANGUAGE: Language = "sv";

/** BCP 47 tags used for `Intl` formatting and for `<html lang>`. */
export const LOCALES: Record<Language, string> = {
  sv: "sv-SE",
  en: "en-GB",
};

export function isLanguage(value: unknown): value is Language {
  return value === "sv" || value === "en";
}
