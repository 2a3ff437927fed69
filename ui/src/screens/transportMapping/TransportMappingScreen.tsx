import { useT } from "../../i18n";
import "../statusMapping/StatusMapping.css";
import { TransportMappingEditor } from "./TransportMappingEditor";

/** Transportmappning: which carrier and service each shop shipping method books in the warehouse. */
export function TransportMappingScreen() {
  const t = useT();
  return (
    <div className="mapping" data-testid="transport-mapping-screen">
      <p className="mapping__intro">{t("mappings.transport.intro")}</p>
      <TransportMappingEditor />
    </div>
  );
}
