//! The state of one simulated Ongoing WMS as seen by one goods owner: articles and their stock per
//! warehouse, customer orders, purchase orders, return orders, the status list and the clock.
//!
//! The records keep what the merchant sent (the request models, replaced whole on every upsert)
//! apart from what the warehouse did (allocated, picked, shipped, received, returned quantities and
//! their timestamps), because the API lets the merchant change only the former and the change feeds
//! are driven by the latter. Ids come from separate sequences that start in different ranges, so an
//! article id passed where an order id belongs finds nothing instead of the wrong record.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

mod inbound;
mod order;

pub(crate) use inbound::{
    PurchaseOrder, PurchaseOrderLine, ReceivedBatch, ReturnCause, ReturnOrder, ReturnOrderLine,
    ReturnedBatch,
};
pub(crate) use order::{Order, OrderLine, Parcel, PickedBatch, Shipment};

use super::OngoingConfig;
use super::clock::SimClock;
use super::http::ApiError;
use super::statuses::{OrderStage, OrderStatusList};
use super::wire::article::PostArticle;

/// Everything behind the simulator's mutex.
#[derive(Debug)]
pub(crate) struct Wms {
    pub config: OngoingConfig,
    pub clock: SimClock,
    pub order_statuses: OrderStatusList,
    pub return_causes: Vec<ReturnCause>,
    pub articles: BTreeMap<i32, Article>,
    pub article_ids: HashMap<String, i32>,
    /// Physical stock per (article id, warehouse id).
    pub stock: BTreeMap<(i32, i32), StockCell>,
    pub orders: BTreeMap<i32, Order>,
    pub order_ids: HashMap<String, i32>,
    pub purchase_orders: BTreeMap<i32, PurchaseOrder>,
    pub purchase_order_ids: HashMap<String, i32>,
    pub return_orders: BTreeMap<i32, ReturnOrder>,
    pub return_order_ids: HashMap<String, i32>,
    pub ids: IdSequences,
    /// API calls received, by operation id (`Orders_PutOrder`, …), whether or not they succeeded.
    pub calls: BTreeMap<&'static str, u64>,
    /// Whether the 3PL has switched on the return order module for this goods owner; when off,
    /// every return order call is refused with the words a 3PL's support would recognise.
    pub returns_enabled: bool,
}

impl Wms {
    /// Refuses a return order call when the returns module is off for this goods owner.
    pub(crate) fn check_returns_enabled(&self) -> Result<(), ApiError> {
        if self.returns_enabled {
            return Ok(());
        }
        Err(ApiError::forbidden(format!(
            "Return orders (the returns module) are not activated for goods owner {}. The warehouse must activate return orders for this goods owner and give the API user access to them.",
            self.config.goods_owner_id
        )))
    }

    pub(crate) fn new(config: OngoingConfig) -> Self {
        Self {
            config,
            clock: SimClock::default(),
            order_statuses: OrderStatusList::standard(),
            return_causes: ReturnCause::standard(),
            articles: BTreeMap::new(),
            article_ids: HashMap::new(),
            stock: BTreeMap::new(),
            orders: BTreeMap::new(),
            order_ids: HashMap::new(),
            purchase_orders: BTreeMap::new(),
            purchase_order_ids: HashMap::new(),
            return_orders: BTreeMap::new(),
            return_order_ids: HashMap::new(),
            ids: IdSequences::default(),
            calls: BTreeMap::new(),
            returns_enabled: true,
        }
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    /// Refuses a `goodsOwnerId` other than the API user's own.
    pub(crate) fn check_goods_owner(&self, goods_owner_id: i32) -> Result<(), ApiError> {
        if goods_owner_id == self.config.goods_owner_id {
            return Ok(());
        }
        Err(ApiError::forbidden(format!(
            "The API user '{}' has no access to goods owner {goods_owner_id}: an API user belongs to exactly one goods owner. Check the goods owner id.",
            self.config.user
        )))
    }

    /// The warehouse a new order or purchase order goes to: the one asked for, or the default.
    pub(crate) fn resolve_site(&self, requested: Option<i32>) -> Result<i32, ApiError> {
        let default = self.config.sites.first().map_or(1, |site| site.id);
        match requested {
            None => Ok(default),
            Some(id) if self.config.sites.iter().any(|site| site.id == id) => Ok(id),
            Some(id) => Err(ApiError::bad_request(format!(
                "There is no warehouse with id {id}."
            ))),
        }
    }

    pub(crate) fn article_by_number(&self, article_number: &str) -> Option<&Article> {
        self.article_ids
            .get(article_number)
            .and_then(|id| self.articles.get(id))
    }

    pub(crate) fn order_stage(&self, order: &Order) -> OrderStage {
        self.order_statuses.stage(order.status)
    }

    /// Marks the stock figures of these articles as changed now, for `stockInfoChangedFrom`.
    pub(crate) fn touch_stock(&mut self, article_ids: impl IntoIterator<Item = i32>) {
        let now = self.now();
        for id in article_ids {
            if let Some(article) = self.articles.get_mut(&id) {
                article.stock_changed = now;
            }
        }
    }

    pub(crate) fn stock_cell(&mut self, article_id: i32, warehouse_id: i32) -> &mut StockCell {
        self.stock.entry((article_id, warehouse_id)).or_default()
    }
}

/// Next free ids, one sequence per kind of record.
#[derive(Debug)]
pub(crate) struct IdSequences {
    article: i32,
    order: i32,
    order_line: i32,
    consignee: i32,
    purchase_order: i32,
    purchase_order_line: i32,
    return_order: i32,
    return_order_line: i32,
    article_item: i32,
    parcel: i32,
    shipment: i32,
}

impl Default for IdSequences {
    fn default() -> Self {
        Self {
            article: 1_001,
            order: 200_001,
            order_line: 300_001,
            consignee: 350_001,
            purchase_order: 400_001,
            purchase_order_line: 450_001,
            return_order: 600_001,
            return_order_line: 650_001,
            article_item: 700_001,
            parcel: 800_001,
            shipment: 900_001,
        }
    }
}

macro_rules! sequence {
    ($($name:ident),*) => {
        impl IdSequences {
            $(
                pub(crate) fn $name(&mut self) -> i32 {
                    let id = self.$name;
                    self.$name += 1;
                    id
                }
            )*
        }
    };
}

sequence!(
    article,
    order,
    order_line,
    consignee,
    purchase_order,
    purchase_order_line,
    return_order,
    return_order_line,
    article_item,
    parcel,
    shipment
);

/// An article: the merchant's data plus the times the feeds filter on.
#[derive(Debug, Clone)]
pub(crate) struct Article {
    pub id: i32,
    pub data: PostArticle,
    pub created: DateTime<Utc>,
    pub data_updated: DateTime<Utc>,
    pub stock_changed: DateTime<Utc>,
}

impl Article {
    /// Only stock articles are picked and hold stock; freight, fees and services are not.
    pub(crate) fn is_stock_article(&self) -> bool {
        self.data.is_stock_article.unwrap_or(true)
    }
}

/// Physical stock of one article in one warehouse.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct StockCell {
    /// Physically present, including picked items not yet shipped and locked items.
    pub on_hand: f64,
    /// Received into a locked item status (damaged, rejected at goods receipt).
    pub locked: f64,
    /// Present and fine but held back from sale.
    pub locked_for_sale: f64,
    pub last_in: Option<DateTime<Utc>>,
}
