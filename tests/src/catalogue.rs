//! The merchant's catalogue in a [`World`]: which SKUs customers can order, and edits made in the
//! shop's admin between cycles.

use brygga_sim::starweb::EditVariant;
use brygga_sim::starweb::sample::ean13;

use crate::World;

impl World {
    /// Every SKU a customer can order and the warehouse has as an article: active variants that
    /// keep stock, of visible products, in catalogue order.
    pub fn orderable_skus(&self) -> Vec<String> {
        self.shop
            .products()
            .iter()
            .filter(|p| p.visible)
            .flat_map(|p| p.variants.iter())
            .filter(|v| v.is_active && v.stock_quantity.is_some())
            .map(|v| v.sku.clone())
            .collect()
    }

    /// The merchant edits `n` products in the admin so that exactly `n` articles change: in turn a
    /// new name (only on products with a single variant, as the name is every variant's article
    /// name), a new EAN, or a new weight, each on the first active stock variant of a product.
    /// Returns the changed SKUs.
    pub fn change_products(&self, n: usize) -> Vec<String> {
        let mut changed: Vec<String> = Vec::with_capacity(n);
        for product in self.shop.products() {
            if changed.len() == n {
                break;
            }
            let Some(variant) = product
                .variants
                .iter()
                .find(|v| v.is_active && v.stock_quantity.is_some())
            else {
                continue;
            };
            let edit = match changed.len() % 3 {
                0 if product.variants.len() > 1 => continue,
                0 => EditVariant {
                    product_name: Some(format!("{} v2", product.name)),
                    ..EditVariant::default()
                },
                1 => EditVariant {
                    ean: Some(ean13(900_000 + changed.len() as u64)),
                    ..EditVariant::default()
                },
                _ => {
                    let grams = (variant.weight_in_kg.unwrap_or(0.0) * 1000.0).round() + 250.0;
                    EditVariant {
                        weight_in_kg: Some(grams / 1000.0),
                        ..EditVariant::default()
                    }
                }
            };
            self.shop
                .edit_variant(&variant.sku, edit)
                .expect("the variant was just read from the shop");
            changed.push(variant.sku.clone());
        }
        assert_eq!(changed.len(), n, "the catalogue has {n} products to change");
        changed
    }
}
