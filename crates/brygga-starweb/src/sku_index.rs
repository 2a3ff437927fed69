//! The SKU -> (product, variant) index.
//!
//! Starweb has no "stock by SKU" call: stock is written on `/products/{productId}/variants/{variantId}`,
//! and order lines carry only the SKU. The index is built by walking the product list (which embeds
//! each product's primary variant) and, for products with several variants, their variant lists.
//! SKUs are meant to be unique per shop; if two variants share one, the first is kept and the SKU is
//! listed in [`SkuIndex::duplicates`] so the merchant can be told, rather than writing stock to a
//! variant picked at random.

use std::collections::{BTreeMap, BTreeSet};

use crate::client::StarwebClient;
use crate::error::StarwebError;
use crate::products::{Product, ProductQuery, Variant};

/// Where a SKU lives, with the variant as last read.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexedVariant {
    pub product_id: i32,
    pub variant: Variant,
}

/// Every variant of the shop by SKU.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SkuIndex {
    by_sku: BTreeMap<String, IndexedVariant>,
    duplicates: BTreeSet<String>,
}

impl SkuIndex {
    /// Adds a product's variants.
    pub fn add(&mut self, product_id: i32, variants: impl IntoIterator<Item = Variant>) {
        for variant in variants {
            if self.by_sku.contains_key(&variant.sku) {
                self.duplicates.insert(variant.sku.clone());
                continue;
            }
            self.by_sku.insert(
                variant.sku.clone(),
                IndexedVariant {
                    product_id,
                    variant,
                },
            );
        }
    }

    pub fn get(&self, sku: &str) -> Option<&IndexedVariant> {
        self.by_sku.get(sku)
    }

    pub fn len(&self) -> usize {
        self.by_sku.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_sku.is_empty()
    }

    /// Every SKU with its variant, in SKU order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &IndexedVariant)> {
        self.by_sku.iter().map(|(sku, found)| (sku.as_str(), found))
    }

    /// SKUs found on more than one variant.
    pub fn duplicates(&self) -> impl Iterator<Item = &str> {
        self.duplicates.iter().map(String::as_str)
    }
}

impl StarwebClient {
    /// Builds the index of every variant in the shop.
    pub async fn sku_index(&self) -> Result<SkuIndex, StarwebError> {
        let mut index = SkuIndex::default();
        for (product, variants) in self.products_with_variants().await? {
            index.add(product.product_id, variants);
        }
        Ok(index)
    }

    /// Every product with all of its variants.
    pub async fn products_with_variants(
        &self,
    ) -> Result<Vec<(Product, Vec<Variant>)>, StarwebError> {
        self.products_with_variants_where(&ProductQuery::default())
            .await
    }

    /// The products changed at or after `since` (Starweb's `updatedSince`), with all their variants.
    pub async fn products_with_variants_changed(
        &self,
        since: crate::wire::Timestamp,
    ) -> Result<Vec<(Product, Vec<Variant>)>, StarwebError> {
        self.products_with_variants_where(&ProductQuery {
            updated_since: Some(since),
            ..ProductQuery::default()
        })
        .await
    }

    async fn products_with_variants_where(
        &self,
        query: &ProductQuery,
    ) -> Result<Vec<(Product, Vec<Variant>)>, StarwebError> {
        let products = self.products(query).await?;
        let mut all = Vec::with_capacity(products.len());
        for product in products {
            let variants = self.variants_of(&product).await?;
            all.push((product, variants));
        }
        Ok(all)
    }

    /// The product's variants: the embedded one when it is the only one, else the full list.
    async fn variants_of(&self, product: &Product) -> Result<Vec<Variant>, StarwebError> {
        match (&product.variants, product.has_several_variants) {
            (Some(embedded), false) => Ok(embedded.clone()),
            _ => self.product_variants(product.product_id).await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn variant(variant_id: i32, sku: &str) -> Variant {
        Variant {
            variant_id,
            sku: sku.to_owned(),
            external_id: None,
            is_active: Some(true),
            ean: None,
            mpn: None,
            weight_in_kg: None,
            stock_quantity: Some(1),
            stock_status_id: None,
            sort_index: None,
        }
    }

    #[test]
    fn a_shared_sku_keeps_the_first_variant_and_is_reported() {
        let mut index = SkuIndex::default();
        index.add(1, [variant(10, "MUG-1"), variant(11, "MUG-2")]);
        index.add(2, [variant(20, "MUG-1")]);
        assert_eq!(index.len(), 2);
        assert_eq!(
            index.get("MUG-1").map(|found| found.product_id),
            Some(1),
            "stock is never written to a variant picked at random"
        );
        assert_eq!(index.duplicates().collect::<Vec<_>>(), vec!["MUG-1"]);
    }
}
