//! The status lists of the simulated warehouse: customer orders, purchase orders and return orders.
//!
//! Ongoing does not enumerate status numbers in its spec; every 3PL has its own list, readable
//! through `GET …/statuses` (`ongoing-api.md` §4.8). The order list starts as Ongoing's standard
//! one (`peers.md` §0: 150 Error, 200 Open, 300 Released, 320 Allocated, 400 Picked, 450 Sent,
//! 500 Collected, 800 Returned, 1000 Cancelled) and the control API can rename entries or add
//! new ones, as a real 3PL does (a Norwegian one has 425 "Sendt/Dellevert"). Each entry carries an
//! [`OrderStage`] so the simulator knows what a renamed or added number *means* (open, started,
//! final) without guessing from the text. Purchase-order and return-order numbers are not
//! documented anywhere; the lists below are our choice, in the same hundreds style, with the
//! terminal 500/1000 that a peer's script treats as final.

use serde::{Deserialize, Serialize};

/// What an order status means for the warehouse's work, whatever the 3PL calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum OrderStage {
    /// The order could not be processed (for example unknown data); the warehouse does nothing.
    Error,
    /// Registered, waiting for release; the merchant may still change or cancel it.
    Open,
    /// Released to picking: the warehouse has started on it.
    Released,
    /// Goods reserved for the order.
    Allocated,
    /// Being picked.
    Picking,
    /// Picked and packed, waiting for the carrier.
    Picked,
    /// Handed to the carrier.
    Sent,
    /// Collected by the carrier or the customer.
    Collected,
    /// Came back to the warehouse.
    Returned,
    /// Cancelled; it holds no stock.
    Cancelled,
}

impl OrderStage {
    /// Whether the warehouse has started working on the order, which locks it against updates and
    /// cancellation through the API ("You may not update or cancel an order after the warehouse has
    /// started working on it"). Release to picking counts as started: it is the lever that locks an
    /// order in both systems (`product.md` flow 4, `peers.md` §0).
    pub fn is_started(self) -> bool {
        match self {
            Self::Error | Self::Open | Self::Cancelled => false,
            Self::Released
            | Self::Allocated
            | Self::Picking
            | Self::Picked
            | Self::Sent
            | Self::Collected
            | Self::Returned => true,
        }
    }

    /// Whether the order is finished: it no longer claims stock.
    pub fn is_final(self) -> bool {
        match self {
            Self::Sent | Self::Collected | Self::Returned | Self::Cancelled => true,
            Self::Error
            | Self::Open
            | Self::Released
            | Self::Allocated
            | Self::Picking
            | Self::Picked => false,
        }
    }
}

/// Standard order status numbers the simulator uses for its own transitions.
pub(crate) mod order_status {
    pub(crate) const OPEN: i32 = 200;
    pub(crate) const RELEASED: i32 = 300;
    pub(crate) const ALLOCATED: i32 = 320;
    pub(crate) const PICKED: i32 = 400;
    pub(crate) const SENT: i32 = 450;
    pub(crate) const CANCELLED: i32 = 1000;
}

/// One entry of the warehouse's order status list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderStatusEntry {
    pub number: i32,
    pub text: String,
    pub stage: OrderStage,
}

/// The warehouse's order status list, kept sorted by number.
#[derive(Debug, Clone)]
pub(crate) struct OrderStatusList(Vec<OrderStatusEntry>);

impl OrderStatusList {
    pub(crate) fn standard() -> Self {
        let entries = [
            (150, "Error", OrderStage::Error),
            (200, "Open", OrderStage::Open),
            (300, "Released", OrderStage::Released),
            (320, "Allocated", OrderStage::Allocated),
            (400, "Picked", OrderStage::Picked),
            (450, "Sent", OrderStage::Sent),
            (500, "Collected", OrderStage::Collected),
            (800, "Returned", OrderStage::Returned),
            (1000, "Cancelled", OrderStage::Cancelled),
        ];
        Self(
            entries
                .into_iter()
                .map(|(number, text, stage)| OrderStatusEntry {
                    number,
                    text: text.to_owned(),
                    stage,
                })
                .collect(),
        )
    }

    pub(crate) fn entries(&self) -> &[OrderStatusEntry] {
        &self.0
    }

    pub(crate) fn get(&self, number: i32) -> Option<&OrderStatusEntry> {
        self.0.iter().find(|entry| entry.number == number)
    }

    /// The stage of a status number. Every number an order can hold is in the list (entries are
    /// renamed or added, never removed), so a miss is a bug; it reads as `Error`.
    pub(crate) fn stage(&self, number: i32) -> OrderStage {
        self.get(number)
            .map_or(OrderStage::Error, |entry| entry.stage)
    }

    pub(crate) fn text(&self, number: i32) -> Option<String> {
        self.get(number).map(|entry| entry.text.clone())
    }

    /// Renames an existing number (keeping its stage unless one is given) or adds a new one, which
    /// then needs a stage.
    pub(crate) fn define(
        &mut self,
        number: i32,
        text: String,
        stage: Option<OrderStage>,
    ) -> Result<&OrderStatusEntry, String> {
        if let Some(index) = self.0.iter().position(|entry| entry.number == number) {
            let entry = &mut self.0[index];
            entry.text = text;
            if let Some(stage) = stage {
                entry.stage = stage;
            }
            return Ok(&self.0[index]);
        }
        let stage = stage.ok_or_else(|| {
            format!("Order status {number} is new: say which stage it belongs to.")
        })?;
        self.0.push(OrderStatusEntry {
            number,
            text,
            stage,
        });
        self.0.sort_by_key(|entry| entry.number);
        let index = self
            .0
            .iter()
            .position(|entry| entry.number == number)
            .unwrap_or_default();
        Ok(&self.0[index])
    }
}

/// Where a purchase order (an expected delivery) is in the goods-receiving flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PurchaseOrderStatus {
    Notified,
    Receiving,
    PartlyReceived,
    Received,
    Cancelled,
}

impl PurchaseOrderStatus {
    pub(crate) const ALL: [Self; 5] = [
        Self::Notified,
        Self::Receiving,
        Self::PartlyReceived,
        Self::Received,
        Self::Cancelled,
    ];

    pub(crate) fn number(self) -> i32 {
        match self {
            Self::Notified => 100,
            Self::Receiving => 300,
            Self::PartlyReceived => 400,
            Self::Received => 500,
            Self::Cancelled => 1000,
        }
    }

    pub(crate) fn text(self) -> &'static str {
        match self {
            Self::Notified => "Notified",
            Self::Receiving => "Receiving",
            Self::PartlyReceived => "Partly received",
            Self::Received => "Received",
            Self::Cancelled => "Cancelled",
        }
    }

    pub(crate) fn from_number(number: i32) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|status| status.number() == number)
    }

    /// Whether the warehouse has started receiving, which locks the purchase order.
    pub(crate) fn is_started(self) -> bool {
        match self {
            Self::Notified | Self::Cancelled => false,
            Self::Receiving | Self::PartlyReceived | Self::Received => true,
        }
    }

    /// Whether goods are still expected (counted in `toReceiveNumberOfItems`).
    pub(crate) fn expects_goods(self) -> bool {
        match self {
            Self::Notified | Self::Receiving | Self::PartlyReceived => true,
            Self::Received | Self::Cancelled => false,
        }
    }
}

/// Where a return order is: pre-advised, partly or fully received, processed or cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReturnOrderStatus {
    Notified,
    PartlyReceived,
    Received,
    Processed,
    Cancelled,
}

impl ReturnOrderStatus {
    pub(crate) const ALL: [Self; 5] = [
        Self::Notified,
        Self::PartlyReceived,
        Self::Received,
        Self::Processed,
        Self::Cancelled,
    ];

    pub(crate) fn number(self) -> i32 {
        match self {
            Self::Notified => 100,
            Self::PartlyReceived => 300,
            Self::Received => 400,
            Self::Processed => 500,
            Self::Cancelled => 1000,
        }
    }

    pub(crate) fn text(self) -> &'static str {
        match self {
            Self::Notified => "Notified",
            Self::PartlyReceived => "Partly received",
            Self::Received => "Received",
            Self::Processed => "Processed",
            Self::Cancelled => "Cancelled",
        }
    }

    /// Whether goods have arrived, which locks the return order against updates.
    pub(crate) fn is_started(self) -> bool {
        match self {
            Self::Notified | Self::Cancelled => false,
            Self::PartlyReceived | Self::Received | Self::Processed => true,
        }
    }
}
