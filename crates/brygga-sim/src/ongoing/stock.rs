//! Stock figures per article and warehouse, derived from physical stock and from what open orders,
//! purchase orders and returns claim.
//!
//! The spec defines only two figures in words: `numberOfItems` is what is "physically present in the
//! warehouse", and `sellableNumberOfItems` is what "can still be sold. If you create an order for an
//! item, then the sellable number of items will be decreased accordingly". The rest is our reading,
//! stated once here:
//!
//! - `numberOfBookedItems`: what open orders still need that is not yet picked.
//! - `allocatedNumberOfItems`: what the warehouse has reserved for open orders and not yet picked.
//! - `pickedToBeCollectedNumberOfItems`: picked for open orders, still in the building.
//! - `numberOfLockedItems` / `lockedForSaleNumberOfItems`: present but locked (rejected, damaged) or
//!   held back from sale.
//! - sellable = on hand − locked − locked for sale − booked − picked to be collected, that is on
//!   hand minus everything open orders claim, whether or not the warehouse has allocated it yet. It
//!   goes negative when the shop has oversold, which is worth seeing.
//! - `availableForSaleNumberOfItems` (per warehouse only): on hand minus locked, picked and
//!   allocated items, i.e. what the warehouse could still allocate to a new release.
//! - `toReceiveNumberOfItems`: advised minus received on purchase orders still expecting goods.
//!
//! An order is "open" while its status stage is not final (`OrderStage::is_final`).

use std::collections::BTreeMap;

use super::wms::Wms;

/// The figures of one article in one warehouse (or summed over warehouses).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct StockFigures {
    pub on_hand: f64,
    pub locked: f64,
    pub locked_for_sale: f64,
    pub booked: f64,
    pub allocated: f64,
    pub picked_to_be_collected: f64,
    pub to_receive: f64,
    pub picked_to_be_reported: f64,
    pub returned_to_be_reported: f64,
    pub received_to_be_reported: f64,
}

impl StockFigures {
    pub(crate) fn sellable(&self) -> f64 {
        self.on_hand
            - self.locked
            - self.locked_for_sale
            - self.booked
            - self.picked_to_be_collected
    }

    /// What the warehouse could still allocate or pick for another order.
    pub(crate) fn free_to_allocate(&self) -> f64 {
        (self.on_hand
            - self.locked
            - self.locked_for_sale
            - self.picked_to_be_collected
            - self.allocated)
            .max(0.0)
    }

    fn add(&mut self, other: &Self) {
        self.on_hand += other.on_hand;
        self.locked += other.locked;
        self.locked_for_sale += other.locked_for_sale;
        self.booked += other.booked;
        self.allocated += other.allocated;
        self.picked_to_be_collected += other.picked_to_be_collected;
        self.to_receive += other.to_receive;
        self.picked_to_be_reported += other.picked_to_be_reported;
        self.returned_to_be_reported += other.returned_to_be_reported;
        self.received_to_be_reported += other.received_to_be_reported;
    }
}

/// Figures for every (article id, warehouse id) that has any.
#[derive(Debug, Clone, Default)]
pub(crate) struct StockLedger(BTreeMap<(i32, i32), StockFigures>);

impl StockLedger {
    pub(crate) fn compute(wms: &Wms) -> Self {
        let mut figures: BTreeMap<(i32, i32), StockFigures> = BTreeMap::new();
        for (key, cell) in &wms.stock {
            let entry = figures.entry(*key).or_default();
            entry.on_hand = cell.on_hand;
            entry.locked = cell.locked;
            entry.locked_for_sale = cell.locked_for_sale;
        }
        for order in wms.orders.values() {
            let open = !wms.order_stage(order).is_final();
            for line in &order.lines {
                let entry = figures
                    .entry((line.article_id, order.warehouse_id))
                    .or_default();
                entry.picked_to_be_reported += (line.picked - line.reported).max(0.0);
                entry.returned_to_be_reported += (line.returned - line.reported_returned).max(0.0);
                if open && line.should_be_picked {
                    entry.booked += line.unpicked();
                    entry.allocated += (line.allocated - line.picked).max(0.0);
                    entry.picked_to_be_collected += line.picked;
                }
            }
        }
        for purchase_order in wms.purchase_orders.values() {
            let expecting = purchase_order.status.expects_goods();
            for line in &purchase_order.lines {
                let entry = figures
                    .entry((line.article_id, purchase_order.warehouse_id))
                    .or_default();
                if expecting {
                    entry.to_receive += (line.advised - line.received).max(0.0);
                }
                entry.received_to_be_reported += (line.received - line.reported).max(0.0);
            }
        }
        Self(figures)
    }

    pub(crate) fn at(&self, article_id: i32, warehouse_id: i32) -> StockFigures {
        self.0
            .get(&(article_id, warehouse_id))
            .copied()
            .unwrap_or_default()
    }

    /// The article's figures summed over all warehouses.
    pub(crate) fn total(&self, article_id: i32) -> StockFigures {
        let mut total = StockFigures::default();
        for figures in self
            .0
            .range((article_id, i32::MIN)..=(article_id, i32::MAX))
            .map(|(_, f)| f)
        {
            total.add(figures);
        }
        total
    }

    /// The warehouses the article has any figures in, in id order.
    pub(crate) fn warehouses_of(&self, article_id: i32) -> Vec<i32> {
        self.0
            .range((article_id, i32::MIN)..=(article_id, i32::MAX))
            .map(|((_, warehouse), _)| *warehouse)
            .collect()
    }
}
