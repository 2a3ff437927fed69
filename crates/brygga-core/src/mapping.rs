//! The mappings the merchant owns: what each status means on the other side, and which carrier
//! each shipping method books.
//!
//! Both are built from the live lists of the two systems, since every 3PL numbers its Ongoing
//! statuses its own way and every shop has its own status ids. A warehouse status Brygga has no
//! rule for is treated as "the warehouse has started" (the safe reading: nothing is changed or
//! cancelled behind the warehouse's back) and reported, so the merchant can map it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What a shop status means for the warehouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ShopStatusRule {
    /// Orders in this status go to the warehouse (and follow changes until it starts).
    Send,
    /// Orders in this status wait in the shop.
    Hold,
    /// Orders in this status go to the warehouse and are released to picking at once.
    Release,
    /// Orders in this status are cancelled in the warehouse if it still allows it.
    Cancel,
}

/// Where an order is in the warehouse, as far as Brygga's rules are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum WarehouseStage {
    /// Registered; the shop may still change or cancel it.
    Open,
    /// The warehouse has started (released, picking, packed): locked in both systems.
    Started,
    /// Handed to the carrier: the shop gets the tracking number.
    Sent,
    /// Cancelled in the warehouse.
    Cancelled,
}

impl WarehouseStage {
    /// Whether the warehouse still accepts changes and cancellation.
    pub fn is_open(self) -> bool {
        match self {
            WarehouseStage::Open => true,
            WarehouseStage::Started | WarehouseStage::Sent | WarehouseStage::Cancelled => false,
        }
    }
}

/// The rule for one warehouse status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WarehouseStatusRule {
    pub stage: WarehouseStage,
    /// The shop status to set when an order reaches this warehouse status, if any.
    pub shop_status: Option<i64>,
}

/// Both directions of the status mapping.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusMapping {
    /// By shop status id. A status missing here holds its orders.
    pub shop: BTreeMap<i64, ShopStatusRule>,
    /// By warehouse status number.
    pub warehouse: BTreeMap<i32, WarehouseStatusRule>,
}

impl StatusMapping {
    /// What the shop status means; unmapped statuses hold their orders.
    pub fn shop_rule(&self, status_id: i64) -> ShopStatusRule {
        self.shop
            .get(&status_id)
            .copied()
            .unwrap_or(ShopStatusRule::Hold)
    }

    /// The rule for a warehouse status; `None` when the 3PL has a status nobody mapped yet.
    pub fn warehouse_rule(&self, status: i32) -> Option<WarehouseStatusRule> {
        self.warehouse.get(&status).copied()
    }

    /// The stage of a warehouse status, reading an unmapped status as started.
    pub fn stage(&self, status: i32) -> WarehouseStage {
        self.warehouse_rule(status)
            .map_or(WarehouseStage::Started, |rule| rule.stage)
    }
}

/// How the warehouse ships one shop shipping method.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Transport {
    /// Book this Ongoing transporter and service; `tracker_type` is the shop's tracking type for
    /// the carrier, so the customer's tracking link works.
    #[serde(rename_all = "camelCase")]
    Carrier {
        transporter_code: String,
        service_code: String,
        tracker_type: Option<i64>,
    },
    /// Not sent to the warehouse (click and collect in the merchant's own store).
    NotSent,
}

/// Shop shipping method id -> transport.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransportMapping {
    pub methods: BTreeMap<i64, Transport>,
}

impl TransportMapping {
    /// The transport for a shipping method, if mapped.
    pub fn get(&self, shipping_method_id: i64) -> Option<&Transport> {
        self.methods.get(&shipping_method_id)
    }
}
