import type { ReactNode } from "react";
import "./Badge.css";

export type BadgeTone = "neutral" | "info" | "warning";

export function Badge({ tone = "neutral", children, testId }: { tone?: BadgeTone; children: ReactNode; testId?: string }) {
  return (
    <span className={`badge badge--${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}
