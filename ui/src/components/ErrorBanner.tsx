import type { IpcError } from "../bindings/IpcError";
import { useI18n } from "../i18n";

/** A problem in words: the translated title for its code, the backend's message as detail. */
export function ErrorBanner({ error, testId, onRetry }: { error: IpcError; testId?: string; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error-banner" role="alert" data-testid={testId} data-code={error.code}>
      <strong>{t(`errors.${error.code}`)}</strong>
      {error.message && (
        <p>
          <span className="error-banner__label">{t("errorBanner.detail")}: </span>
          {error.message}
        </p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
