import { LANGUAGES, useLanguage, useT } from "../i18n";

/** Two buttons rather than a select: the choice is small and both options stay visible. */
export function LanguageSwitch() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t("language.label")}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          className="language-switch__option"
          lang={option}
          aria-pressed={option === language}
          data-language={option}
          onClick={() => setLanguage(option)}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </div>
  );
}
