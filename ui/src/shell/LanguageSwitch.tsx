import { LANGUAGES, useLanguage, useT } from "../i18n";
import { useSaveLanguage } from "../queries";

/**
 * Two buttons rather than a select: the choice is small and both options stay visible. The choice
 * is saved in the backend too, which words desktop notifications in it.
 */
export function LanguageSwitch() {
  const t = useT();
  const [language, setLanguage] = useLanguage();
  const save = useSaveLanguage();
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
          onClick={() => {
            setLanguage(option);
            save.mutate({ language: option });
          }}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </div>
  );
}
