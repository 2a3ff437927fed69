//! Flow 6, stock warehouse -> shop, and the reconciliation that compares every article.
//!
//! The warehouse is master for stock: the shop gets each article's sellable quantity, less what
//! shop orders not yet in the warehouse will take (the shop has already counted those; the
//! warehouse has not), never below zero. Services that keep no stock in the shop are left alone.
//! The reconciliation is the same comparison over every article, reported before it corrects
//! anything, and it can be told to report only.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::operation::Operation;

/// A shop variant as the stock flow needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShopStock {
    pub product_id: i64,
    pub variant_id: i64,
    /// `None` when the variant keeps no stock.
    pub quantity: Option<i64>,
}

/// What the stock planner looks at.
#[derive(Debug, Clone, Copy)]
pub struct StockState<'a> {
    /// Sellable quantity by SKU, for the articles read (the changed ones, or all of them).
    pub warehouse: &'a BTreeMap<String, f64>,
    /// Every variant in the shop by SKU.
    pub shop: &'a BTreeMap<String, ShopStock>,
    /// Items of each SKU on shop orders the warehouse does not have yet.
    pub pending: &'a BTreeMap<String, i64>,
    /// How many stock writes the shop has accepted per SKU.
    pub generations: &'a BTreeMap<String, u32>,
    /// Report the differences without planning corrections.
    pub report_only: bool,
}

/// An article whose shop stock is above what Brygga last wrote: the shop itself only takes stock
/// away (for orders), so something else raised it: another app, an import, or a hand edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OutsideWrite {
    pub sku: String,
    /// What Brygga last wrote.
    pub written: i64,
    /// What the shop shows now.
    pub shown: i64,
}

impl OutsideWrite {
    /// What was found, in words.
    pub fn message(&self) -> String {
        format!(
            "the shop shows {} although Brygga last wrote {}: something else writes stock too",
            self.shown, self.written
        )
    }
}

/// The articles whose stock was raised outside Brygga (product rule "one writer for stock"). `shop`
/// must be read now, after Brygga's writes; a SKU with a stock write of Brygga's still on its way
/// (`in_flight`: queued, or sent with its answer lost) is left out, as its quantity is not settled.
pub fn raised_outside(
    shop: &BTreeMap<String, ShopStock>,
    written: &BTreeMap<String, i64>,
    in_flight: &BTreeSet<String>,
) -> Vec<OutsideWrite> {
    shop.iter()
        .filter(|(sku, _)| !in_flight.contains(*sku))
        .filter_map(|(sku, stock)| {
            let shown = stock.quantity?;
            let written = *written.get(sku)?;
            (shown > written).then(|| OutsideWrite {
                sku: sku.clone(),
                written,
                shown,
            })
        })
        .collect()
}

/// One article whose shop stock differs from what the warehouse can sell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StockDifference {
    pub sku: String,
    pub shop: i64,
    pub should_be: i64,
}

/// What the stock planner decided.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StockPlan {
    pub operations: Vec<Operation>,
    pub differences: Vec<StockDifference>,
    pub unchanged: usize,
    /// Warehouse articles with no variant in the shop.
    pub not_in_shop: Vec<String>,
}

/// Plans flow 6 (or the reconciliation, when `warehouse` holds every article).
pub fn plan_stock(state: StockState<'_>) -> StockPlan {
    let mut plan = StockPlan::default();
    for (sku, sellable) in state.warehouse {
        let Some(variant) = state.shop.get(sku) else {
            plan.not_in_shop.push(sku.clone());
            continue;
        };
        let Some(shop) = variant.quantity else {
            continue;
        };
        let pending = state.pending.get(sku).copied().unwrap_or(0);
        let should_be = (sellable.floor() as i64 - pending).max(0);
        if shop == should_be {
            plan.unchanged += 1;
            continue;
        }
        plan.differences.push(StockDifference {
            sku: sku.clone(),
            shop,
            should_be,
        });
        if !state.report_only {
            plan.operations.push(Operation::SetShopStock {
                sku: sku.clone(),
                product_id: variant.product_id,
                variant_id: variant.variant_id,
                quantity: should_be,
                generation: state.generations.get(sku).copied().unwrap_or(0),
            });
        }
    }
    plan
}
