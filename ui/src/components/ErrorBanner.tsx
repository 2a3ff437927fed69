import type { ErrorCode } from "../bindings/ErrorCode";
import { useT } from "../i18n";
import "./ErrorBanner.css";

type ErrorBannerProps = {
  /** Decides the translated title; the backend's message is only shown as detail. */
  code: ErrorCode;
  message: string;
  /** Optional lead-in shown above the title, e.g. what was being done. */
  context?: string;
  onRetry?: () => void;
  retrying?: boolean;
  testId?: string;
};

export function ErrorBanner({ code, message, context, onRetry, retrying = false, testId }: ErrorBannerProps) {
  const t = useT();
  return (
    <div className="error-banner" role="alert" data-testid={testId} data-error-code={code}>
      <div className="error-banner__body">
        {context !== undefined && <p className="error-banner__context">{context}</p>}
        <p className="error-banner__title">{t(`errors.${code}`)}</p>
        {message !== "" && (
          <p className="error-banner__detail">
            <span className="error-banner__detail-label">{t("errorBanner.detail")}: </span>
            <span className="error-banner__message">{message}</span>
          </p>
        )}
      </div>
      {onRetry !== undefined && (
        <button type="button" className="button" onClick={onRetry} disabled={retrying}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
