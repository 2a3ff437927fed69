import { useI18n } from "../../i18n";
import type { Screen } from "../../navigation/screens";

/** A screen whose capability is not in this version yet says so plainly. */
export function NotBuilt({ screen }: { screen: Screen }) {
  const { t } = useI18n();
  return (
    <section className="screen">
      <h1>{t(`screens.${screen}`)}</h1>
      <p className="notice" data-testid="not-built">
        {t("notBuilt.notice")}
      </p>
    </section>
  );
}
