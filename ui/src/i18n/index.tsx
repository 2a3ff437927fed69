import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { en } from "./en";
import { sv } from "./sv";
import { lookup, type Catalog, type Language, type MessageKey } from "./catalog";
import { formatDate, formatNumber } from "./format";

export type { Language, MessageKey } from "./catalog";

const CATALOGS: Record<Language, Catalog> = { sv, en };
const STORAGE_KEY = "brygga.language";

/** Swedish unless the merchant chose English earlier on this computer. */
export function initialLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "en" ? "en" : "sv";
  } catch {
    return "sv";
  }
}

export type I18n = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  number: (value: number) => string;
  date: (value: Date) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, language: fixed }: { children: ReactNode; language?: Language }) {
  const [language, setLanguageState] = useState<Language>(fixed ?? initialLanguage);

  const setLanguage = useCallback((next: Language) => {
    setLanguageState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // Private windows may refuse storage; the choice then lasts for this session only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, values) => lookup(CATALOGS[language], key, values),
      number: (value) => formatNumber(language, value),
      date: (value) => formatDate(language, value),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error("useI18n needs an I18nProvider above it");
  return i18n;
}
