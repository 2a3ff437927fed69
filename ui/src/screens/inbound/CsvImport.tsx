import { useId, useState, type ChangeEvent } from "react";
import type { CsvRowErrorView } from "../../bindings/CsvRowErrorView";
import type { PurchaseOrderLineForm } from "../../bindings/PurchaseOrderLineForm";
import { ErrorBanner } from "../../components/ErrorBanner";
import { useT } from "../../i18n";
import { useParseLines } from "../../queries";

type Outcome =
  | { kind: "imported"; file: string; count: number; unknown: string[] }
  | { kind: "failed"; file: string; errors: CsvRowErrorView[] }
  | { kind: "unreadable"; file: string };

type Props = {
  label: string;
  hint?: string;
  /** Gets every line of a file without a bad row; never called for a file with one. */
  onLines: (lines: PurchaseOrderLineForm[]) => void;
  testId?: string;
  disabled?: boolean;
};

/**
 * Reads `SKU;quantity` lines from a file the merchant picks. The file is read here and its text
 * parsed by the backend, all or nothing: with any bad row nothing is taken and every bad row is
 * listed with its line number.
 */
export function CsvImport({ label, hint, onLines, testId = "po-csv", disabled = false }: Props) {
  const t = useT();
  const id = useId();
  const parse = useParseLines();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reading, setReading] = useState<string | null>(null);

  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (file === undefined) return;
    setOutcome(null);
    setReading(file.name);
    let text: string;
    try {
      text = await file.text();
    } catch {
      setReading(null);
      setOutcome({ kind: "unreadable", file: file.name });
      return;
    }
    // The same file may be picked again after it is fixed.
    input.value = "";
    parse.mutate(
      text,
      {
        onSuccess: (parsed) => {
          if (parsed.errors.length > 0) {
            setOutcome({ kind: "failed", file: file.name, errors: parsed.errors });
          } else {
            setOutcome({ kind: "imported", file: file.name, count: parsed.lines.length, unknown: parsed.unknownSkus });
            onLines(parsed.lines);
          }
        },
        onSettled: () => setReading(null),
      },
    );
  };

  return (
    <div className="inbound__csv" data-testid={testId}>
      <label className="inbound__field" htmlFor={id}>
        <span className="inbound__label">{label}</span>
        <input
          id={id}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          className="inbound__file"
          data-testid={`${testId}-input`}
          onChange={(event) => void pick(event)}
          disabled={disabled || reading !== null}
        />
        {hint !== undefined && <span className="inbound__hint">{hint}</span>}
      </label>
      {reading !== null && (
        <p className="screen-status" role="status">
          {t("inbound.form.csv.reading", { file: reading })}
        </p>
      )}
      {outcome?.kind === "imported" && (
        <div className="inbound__result" role="status" data-testid={`${testId}-imported`}>
          <p>{t("inbound.form.csv.imported", { count: outcome.count, file: outcome.file })}</p>
          {outcome.unknown.length > 0 && (
            <p data-testid={`${testId}-unknown`}>{t("inbound.form.csv.unknown", { skus: outcome.unknown.join(", ") })}</p>
          )}
        </div>
      )}
      {outcome?.kind === "failed" && (
        <div className="inbound__problem" role="alert" data-testid={`${testId}-errors`}>
          <p className="inbound__problem-title">
            {t("inbound.form.csv.failed", { file: outcome.file, count: outcome.errors.length })}
          </p>
          <ul className="inbound__csv-errors">
            {outcome.errors.map((error) => (
              <li key={`${error.line}:${error.reason}`} data-testid={`${testId}-error`} data-line={error.line}>
                <strong>{t("inbound.form.csv.line", { line: error.line })}:</strong> {error.reason}
                {error.text !== "" && <code className="inbound__row-text">{error.text}</code>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.kind === "unreadable" && (
        <p className="inbound__problem" role="alert" data-testid={`${testId}-errors`}>
          {t("inbound.form.csv.unreadable", { file: outcome.file })}
        </p>
      )}
      {parse.error !== null && (
        <ErrorBanner
          testId={`${testId}-error-banner`}
          context={t("inbound.actionFailed")}
          code={parse.error.code}
          message={parse.error.message}
        />
      )}
    </div>
  );
}
