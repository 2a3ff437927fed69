//! Operations: the side effects a planner asks for, as data. They are stored in the outbox before
//! anything is sent, shown as the plan in a dry run, and carried out one at a time by the engine.
//!
//! Every operation has a kind (which call it makes) and an idempotency key (which change it
//! carries). The outbox keeps one row per (kind, key), so planning the same change twice sends it
//! once. A key holds the subject, its *generation* (how many changes of this kind were already
//! accepted for it) and the target value: a value that changes back and forth (A -> B -> A -> B)
//! is a new change every time, while a change planned twice before it is sent stays one row.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::hash::ContentHash;
use crate::inbound::PurchaseOrderDraft;
use crate::order::WarehouseOrderDraft;
use crate::returns::{ReturnOrderDraft, ShopComment};

/// A tracking number for the shop order, and the shop's tracker type for the carrier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Tracking {
    pub number: String,
    pub tracker_type: Option<i64>,
}

/// A line as the warehouse shipped it: how many were ordered and how many went. `row` is the
/// row number the line was sent with (the shop's line id), or the 3PL's own for a line it added.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveredLine {
    pub row: Option<String>,
    pub sku: String,
    pub ordered: f64,
    pub delivered: f64,
}

/// One side effect on the shop or the warehouse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Operation {
    /// Create or update an article in the warehouse by its SKU.
    #[serde(rename = "warehouse.upsert_article", rename_all = "camelCase")]
    UpsertArticle {
        article: Article,
        hash: ContentHash,
        generation: u32,
    },
    /// Create or update an order in the warehouse by its order number.
    #[serde(rename = "warehouse.upsert_order", rename_all = "camelCase")]
    SendOrder {
        shop_order_id: i64,
        identity: String,
        draft: Box<WarehouseOrderDraft>,
        hash: ContentHash,
        generation: u32,
    },
    /// Cancel the warehouse order of a shop order that was cancelled in the shop.
    #[serde(rename = "warehouse.cancel_order", rename_all = "camelCase")]
    CancelWarehouseOrder {
        shop_order_id: i64,
        identity: String,
        warehouse_order_id: i32,
    },
    /// Move the shop order to a status, with the tracking number once it is sent.
    #[serde(rename = "shop.set_status", rename_all = "camelCase")]
    SetShopStatus {
        shop_order_id: i64,
        identity: String,
        status_id: i64,
        /// The warehouse status this follows.
        warehouse_status: i32,
        tracking: Option<Tracking>,
        /// Once sent: every picked line as delivered, so the shop order shows (and charges) what
        /// went: short lines get the delivered quantity, lines the 3PL added are added.
        #[serde(default)]
        delivered: Vec<DeliveredLine>,
        generation: u32,
    },
    /// Release an order to picking: the warehouse order to the status the 3PL picks from, the shop
    /// order to its picking status. `batch_id` is the release batch (`None`: released on arrival).
    #[serde(rename = "warehouse.release_order", rename_all = "camelCase")]
    ReleaseOrder {
        shop_order_id: i64,
        identity: String,
        warehouse_order_id: i32,
        released_status: i32,
        shop_status: Option<i64>,
        batch_id: Option<i64>,
    },
    /// Put a released order back on hold, where the warehouse still allows it.
    #[serde(rename = "warehouse.hold_order", rename_all = "camelCase")]
    HoldOrder {
        shop_order_id: i64,
        identity: String,
        warehouse_order_id: i32,
        held_status: i32,
        /// The batch that released it, so a later release is a new change.
        released_by: Option<i64>,
    },
    /// Set a shop variant's stock quantity.
    #[serde(rename = "shop.set_stock", rename_all = "camelCase")]
    SetShopStock {
        sku: String,
        product_id: i64,
        variant_id: i64,
        quantity: i64,
        generation: u32,
    },
    /// Create or update a purchase order (pre-advice) in the warehouse by its number.
    /// `generation` counts the merchant's saved edits, so every edit is a change of its own.
    #[serde(rename = "warehouse.upsert_purchase_order", rename_all = "camelCase")]
    UpsertPurchaseOrder {
        draft: PurchaseOrderDraft,
        generation: u32,
    },
    /// Cancel a purchase order the warehouse has not started receiving.
    #[serde(rename = "warehouse.cancel_purchase_order", rename_all = "camelCase")]
    CancelPurchaseOrder {
        number: String,
        warehouse_purchase_order_id: i32,
    },
    /// Mark what was received on a purchase order as reported (the merchant acknowledged it).
    /// `received` is the total received when acknowledged, so a later receipt is a new change.
    #[serde(rename = "warehouse.acknowledge_received", rename_all = "camelCase")]
    AcknowledgeReceived {
        number: String,
        warehouse_purchase_order_id: i32,
        received: i64,
    },
    /// Create a customer's return order in the warehouse by its number. `announcement` is the
    /// comment the shop order gets once the warehouse has it.
    #[serde(rename = "warehouse.upsert_return_order", rename_all = "camelCase")]
    UpsertReturnOrder {
        draft: ReturnOrderDraft,
        announcement: Option<ShopComment>,
    },
    /// Write a comment about return `about` on its shop order.
    #[serde(rename = "shop.add_order_comment", rename_all = "camelCase")]
    CommentOnShopOrder { about: String, comment: ShopComment },
}

/// Which system an operation writes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Side {
    Shop,
    Warehouse,
}

impl Operation {
    /// The outbox kind: which call this is.
    pub fn kind(&self) -> &'static str {
        match self {
            Operation::UpsertArticle { .. } => "warehouse.upsert_article",
            Operation::SendOrder { .. } => "warehouse.upsert_order",
            Operation::CancelWarehouseOrder { .. } => "warehouse.cancel_order",
            Operation::ReleaseOrder { .. } => "warehouse.release_order",
            Operation::HoldOrder { .. } => "warehouse.hold_order",
            Operation::SetShopStatus { .. } => "shop.set_status",
            Operation::SetShopStock { .. } => "shop.set_stock",
            Operation::UpsertPurchaseOrder { .. } => "warehouse.upsert_purchase_order",
            Operation::CancelPurchaseOrder { .. } => "warehouse.cancel_purchase_order",
            Operation::AcknowledgeReceived { .. } => "warehouse.acknowledge_received",
            Operation::UpsertReturnOrder { .. } => "warehouse.upsert_return_order",
            Operation::CommentOnShopOrder { .. } => "shop.add_order_comment",
        }
    }

    /// The idempotency key within the kind: which change this is.
    pub fn key(&self) -> String {
        match self {
            Operation::UpsertArticle {
                article,
                hash,
                generation,
            } => format!("{}#{generation}->{hash}", article.sku),
            Operation::SendOrder {
                identity,
                hash,
                generation,
                ..
            } => format!("{identity}#{generation}->{hash}"),
            Operation::CancelWarehouseOrder { identity, .. } => identity.clone(),
            Operation::ReleaseOrder {
                identity, batch_id, ..
            } => match batch_id {
                Some(batch) => format!("{identity}@batch{batch}"),
                None => format!("{identity}@arrival"),
            },
            Operation::HoldOrder {
                identity,
                released_by,
                ..
            } => format!(
                "{identity}@hold{}",
                released_by.map_or("arrival".to_owned(), |b| b.to_string())
            ),
            Operation::SetShopStatus {
                identity,
                status_id,
                warehouse_status,
                generation,
                ..
            } => format!("{identity}#{generation}:{warehouse_status}->{status_id}"),
            Operation::SetShopStock {
                sku,
                quantity,
                generation,
                ..
            } => format!("{sku}#{generation}->{quantity}"),
            Operation::UpsertPurchaseOrder { draft, generation } => {
                format!("{}#{generation}", draft.number)
            }
            Operation::CancelPurchaseOrder { number, .. } => number.clone(),
            Operation::AcknowledgeReceived {
                number, received, ..
            } => format!("{number}@received{received}"),
            // A return order is sent once: its number is its whole identity.
            Operation::UpsertReturnOrder { draft, .. } => draft.number.clone(),
            // No `#`: a later comment must never supersede an earlier one still waiting.
            Operation::CommentOnShopOrder { about, comment } => {
                format!("{about}@comment{}", comment.generation)
            }
        }
    }

    /// The system the call goes to.
    pub fn side(&self) -> Side {
        match self {
            Operation::UpsertArticle { .. }
            | Operation::SendOrder { .. }
            | Operation::CancelWarehouseOrder { .. }
            | Operation::ReleaseOrder { .. }
            | Operation::HoldOrder { .. }
            | Operation::UpsertPurchaseOrder { .. }
            | Operation::CancelPurchaseOrder { .. }
            | Operation::AcknowledgeReceived { .. }
            | Operation::UpsertReturnOrder { .. } => Side::Warehouse,
            Operation::SetShopStatus { .. }
            | Operation::SetShopStock { .. }
            | Operation::CommentOnShopOrder { .. } => Side::Shop,
        }
    }

    /// What the operation is about, as the events table names it (`article:SKU`, `order:1042`).
    pub fn subject(&self) -> String {
        match self {
            Operation::UpsertArticle { article, .. } => format!("article:{}", article.sku),
            Operation::SendOrder { shop_order_id, .. }
            | Operation::CancelWarehouseOrder { shop_order_id, .. }
            | Operation::SetShopStatus { shop_order_id, .. }
            | Operation::ReleaseOrder { shop_order_id, .. }
            | Operation::HoldOrder { shop_order_id, .. } => format!("order:{shop_order_id}"),
            Operation::SetShopStock { sku, .. } => format!("stock:{sku}"),
            Operation::UpsertPurchaseOrder { draft, .. } => {
                format!("purchaseOrder:{}", draft.number)
            }
            Operation::CancelPurchaseOrder { number, .. }
            | Operation::AcknowledgeReceived { number, .. } => format!("purchaseOrder:{number}"),
            Operation::UpsertReturnOrder { draft, .. } => format!("return:{}", draft.number),
            Operation::CommentOnShopOrder { about, .. } => format!("return:{about}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_operation_survives_the_outbox_as_json() {
        let op = Operation::SetShopStock {
            sku: "A-1".to_owned(),
            product_id: 4,
            variant_id: 9,
            quantity: 12,
            generation: 3,
        };
        let json = serde_json::to_value(&op).unwrap();
        assert_eq!(
            json["kind"],
            op.kind(),
            "the payload names its kind like the outbox row does"
        );
        let back: Operation = serde_json::from_value(json).unwrap();
        assert_eq!(
            back, op,
            "the drain worker reads back exactly what was planned"
        );
        assert_eq!(back.key(), "A-1#3->12");
    }
}
