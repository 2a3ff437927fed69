//! The shop's catalogue as the engine keeps it between cycles.
//!
//! Reading a whole Starweb catalogue costs a request per page and one per product with several
//! variants: thousands of requests against a limit of about a thousand a minute. So the catalogue
//! is read whole once a day (and for the reconciliation); in between only the products the shop
//! reports changed since the last read (`updatedSince`, reaching back a few minutes) are read
//! again and merged in. A product deleted from the shop therefore leaves the cache at the next
//! whole read, within a day.
//!
//! The cache belongs to the shop, not to one engine: the app builds an engine per command, and a
//! screen that lists every product would otherwise read the whole catalogue on each visit. Every
//! engine of one shop shares one [`CatalogueCache`] ([`Engine::with_catalogue`]).

use std::collections::BTreeMap;
use std::sync::Arc;

use brygga_starweb::map::{Catalogue, catalogue};
use brygga_starweb::products::{Product, Variant};
use chrono::{DateTime, TimeDelta, Utc};

use crate::engine::Engine;
use crate::error::SyncError;

/// How long a read is trusted before the changes since are read.
const MAX_AGE: TimeDelta = TimeDelta::minutes(30);
/// How long between whole reads.
const WHOLE_READ_EVERY: TimeDelta = TimeDelta::hours(24);
/// How far each read of changes reaches back before the last read.
const OVERLAP: TimeDelta = TimeDelta::minutes(5);

/// The shop's catalogue as last read, for every engine of that shop.
#[derive(Debug, Default)]
pub struct CatalogueCache(tokio::sync::Mutex<Option<CachedCatalogue>>);

impl CatalogueCache {
    pub fn new() -> Self {
        Self::default()
    }
}

/// The products as last read, and the catalogue built from them.
#[derive(Debug)]
pub(crate) struct CachedCatalogue {
    whole_at: DateTime<Utc>,
    read_at: DateTime<Utc>,
    products: BTreeMap<i32, (Product, Vec<Variant>)>,
    built: Arc<Catalogue>,
}

impl CachedCatalogue {
    fn new(now: DateTime<Utc>, products: Vec<(Product, Vec<Variant>)>) -> Self {
        let products: BTreeMap<i32, (Product, Vec<Variant>)> = products
            .into_iter()
            .map(|(product, variants)| (product.product_id, (product, variants)))
            .collect();
        CachedCatalogue {
            whole_at: now,
            read_at: now,
            built: build(&products),
            products,
        }
    }

    fn merge(&mut self, now: DateTime<Utc>, changed: Vec<(Product, Vec<Variant>)>) {
        for (product, variants) in changed {
            self.products
                .insert(product.product_id, (product, variants));
        }
        self.read_at = now;
        self.built = build(&self.products);
    }
}

fn build(products: &BTreeMap<i32, (Product, Vec<Variant>)>) -> Arc<Catalogue> {
    let list: Vec<(Product, Vec<Variant>)> = products.values().cloned().collect();
    Arc::new(catalogue(&list))
}

impl Engine {
    /// The catalogue, with the changes since the last read merged in when that read is older than
    /// half an hour or lacks a SKU needed now; read whole when there is none yet or it is a day old.
    pub(crate) async fn catalogue(&self, needed: &[&str]) -> Result<Arc<Catalogue>, SyncError> {
        let now = self.now();
        let mut cached = self.catalogue.0.lock().await;
        let fresh = cached.as_ref().is_some_and(|c| {
            now - c.read_at < MAX_AGE && needed.iter().all(|sku| c.built.stock.contains_key(*sku))
        });
        if !fresh {
            self.refresh(&mut cached, now, false).await?;
        }
        Ok(cached
            .as_ref()
            .map(|c| c.built.clone())
            .expect("the catalogue was just read"))
    }

    /// The catalogue as the shop has it now: the changes merged in, or read whole when `whole`
    /// (the reconciliation) or when the last whole read is a day old.
    pub(crate) async fn catalogue_now(&self, whole: bool) -> Result<Arc<Catalogue>, SyncError> {
        let now = self.now();
        let mut cached = self.catalogue.0.lock().await;
        self.refresh(&mut cached, now, whole).await?;
        Ok(cached
            .as_ref()
            .map(|c| c.built.clone())
            .expect("the catalogue was just read"))
    }

    /// The shop's catalogue as it is now, for screens that list every product: the products
    /// changed since the last read merged in, read whole when there is none yet or it is a day old.
    pub async fn shop_catalogue(&self) -> Result<Arc<Catalogue>, SyncError> {
        self.catalogue_now(false).await
    }

    async fn refresh(
        &self,
        cached: &mut Option<CachedCatalogue>,
        now: DateTime<Utc>,
        whole: bool,
    ) -> Result<(), SyncError> {
        match cached {
            Some(c) if !whole && now - c.whole_at < WHOLE_READ_EVERY => {
                let since = (c.read_at - OVERLAP).fixed_offset();
                let changed = self
                    .remotes
                    .shop
                    .products_with_variants_changed(since)
                    .await?;
                c.merge(now, changed);
            }
            _ => {
                let products = self.remotes.shop.products_with_variants().await?;
                *cached = Some(CachedCatalogue::new(now, products));
            }
        }
        Ok(())
    }
}
