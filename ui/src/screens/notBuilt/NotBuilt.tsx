import type { Screen } from "../../navigation/screens";
import { useT } from "../../i18n";
import "./NotBuilt.css";

/** The shared placeholder for every screen that a later version fills in. */
export function NotBuilt({ screen }: { screen: Screen }) {
  const t = useT();
  return (
    <div className="not-built" data-testid="not-built" data-screen={screen}>
      <p className="not-built__notice">{t("notBuilt.notice")}</p>
    </div>
  );
}
