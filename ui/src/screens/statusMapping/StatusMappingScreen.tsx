import { useT } from "../../i18n";
import { StatusMappingEditor } from "./StatusMappingEditor";
import "./StatusMapping.css";

/** Statusmappning: what each warehouse status and each shop status means on the other side. */
export function StatusMappingScreen() {
  const t = useT();
  return (
    <div className="mapping" data-testid="status-mapping-screen">
      <p className="mapping__intro">{t("mappings.status.intro")}</p>
      <StatusMappingEditor />
    </div>
  );
}
