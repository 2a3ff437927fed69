import { useT } from "../../i18n";

export function StatusMappingEditor(_props: { onSaved?: () => void }) {
  const t = useT();
  return <h2>{t("screens.statusMapping")}</h2>;
}
