import { useT } from "../../i18n";

export function TransportMappingEditor(_props: { onSaved?: () => void }) {
  const t = useT();
  return <h2>{t("screens.transportMapping")}</h2>;
}
