export { DEFAULT_LANGUAGE, LANGUAGES, LOCALES, isLanguage } from "./catalog";
export type { Catalog, Language, MessageKey } from "./catalog";
export { formatDate, formatDateTime, formatMoney, formatNumber } from "./format";
export { I18nProvider, LANGUAGE_STORAGE_KEY, useLanguage, useT } from "./I18nProvider";
export { CATALOGS, lookup, translator } from "./translate";
export type { MessageParams, Translate } from "./translate";
