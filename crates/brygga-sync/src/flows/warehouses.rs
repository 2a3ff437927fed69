//! Multi-warehouse stock: which of the 3PL's warehouses the shop sells from.
//!
//! Ongoing's article list sums stock over every warehouse of the goods owner. A merchant whose
//! goods also lie in a warehouse the shop does not sell from (a second site, a returns store)
//! chooses the warehouses taking part (`sync.warehouses`, a list of warehouse ids; missing or empty
//! means all). The stock flow then reads stock per warehouse and counts only the chosen ones, so an
//! article with nothing in them is sold out in the shop.

use std::collections::BTreeMap;

use brygga_ongoing::inventory::InventoryQuery;
use chrono::{DateTime, Utc};

use crate::engine::Engine;
use crate::error::SyncError;

/// Setting: the warehouse ids whose stock the shop sells; all when missing or empty.
pub const WAREHOUSES: &str = "sync.warehouses";

impl Engine {
    /// The warehouses taking part; empty for all.
    pub fn warehouses_taking_part(&self) -> Result<Vec<i32>, SyncError> {
        Ok(self
            .store
            .settings()
            .get::<Vec<i32>>(WAREHOUSES)?
            .unwrap_or_default())
    }

    /// Replaces each article's sellable quantity in `sellable` by the sum over the chosen
    /// warehouses; articles with no stock in them get zero. Does nothing when all take part.
    pub(crate) async fn restrict_to_warehouses(
        &self,
        sellable: &mut BTreeMap<String, f64>,
        changed_from: Option<DateTime<Utc>>,
    ) -> Result<(), SyncError> {
        let chosen = self.warehouses_taking_part()?;
        if chosen.is_empty() || sellable.is_empty() {
            return Ok(());
        }
        let per_warehouse = self
            .remotes
            .warehouse
            .inventory_per_warehouse(&InventoryQuery {
                warehouse_ids: chosen.clone(),
                stock_changed_from: changed_from,
                ..InventoryQuery::default()
            })
            .await?;
        let mut counted: BTreeMap<&str, f64> = BTreeMap::new();
        for article in &per_warehouse {
            let Some(sku) = article.article_number.as_deref() else {
                continue;
            };
            let in_chosen: f64 = article
                .inventory_per_warehouse
                .iter()
                .filter(|w| chosen.contains(&w.warehouse_id))
                .map(|w| w.sellable_number_of_items)
                .sum();
            *counted.entry(sku).or_default() += in_chosen;
        }
        for (sku, quantity) in sellable.iter_mut() {
            *quantity = counted.get(sku.as_str()).copied().unwrap_or(0.0);
        }
        Ok(())
    }
}
