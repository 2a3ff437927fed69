import type { ReactNode } from "react";
import "./Fields.css";

/** A label/value list for read-only details. */
export function Fields({ children }: { children: ReactNode }) {
  return <dl className="fields">{children}</dl>;
}

export function Field({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="fields__row">
      <dt className="fields__label">{label}</dt>
      <dd className={mono ? "fields__value fields__value--mono" : "fields__value"}>{children}</dd>
    </div>
  );
}
