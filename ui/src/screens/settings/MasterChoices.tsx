import { Card } from "../../components/Card";
import { Field, Fields } from "../../components/Fields";
import { useT } from "../../i18n";

/**
 * Which system owns what. Shown, not chosen: the engine supports the product's defaults only (the
 * shop owns product data and prices, the warehouse owns stock), so offering other choices would
 * promise something the sync does not do.
 */
export function MasterChoices() {
  const t = useT();
  return (
    <div data-testid="master-choices">
      <Card title={t("setup.settings.mastersTitle")}>
        <p className="setup-field__hint">{t("setup.settings.mastersHint")}</p>
        <Fields>
          <Field label={t("setup.settings.masters.products")}>
            <span data-testid="master-products">{t("setup.settings.masters.shop")}</span>
          </Field>
          <Field label={t("setup.settings.masters.prices")}>
            <span data-testid="master-prices">{t("setup.settings.masters.shop")}</span>
          </Field>
          <Field label={t("setup.settings.masters.stock")}>
            <span data-testid="master-stock">{t("setup.settings.masters.warehouse")}</span>
          </Field>
        </Fields>
      </Card>
    </div>
  );
}
