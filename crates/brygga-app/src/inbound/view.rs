//! What the inbound screen ("Inleveranser / Inbound") shows: purchase orders with their warehouse
//! state, their lines with what arrived, and deviations with their acknowledgement.
//!
//! Deviations are computed here from the stored receipts by the pure rules of
//! `brygga_core::inbound`; a deviation is open while the line deviates and its quantities are not
//! the ones the merchant acknowledged.

use brygga_core::inbound::{
    DeviationKind, InboundStage, LineDeviation, PurchaseOrderLine, ReceivedLine,
};
use brygga_store::{
    PurchaseOrderKind, PurchaseOrderRecord, PurchaseOrderState, ReceiptRecord, Store,
};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::IpcError;
use crate::runs::iso;

/// What a purchase order is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PurchaseOrderKindName {
    Regular,
    /// The go-live purchase order of the stock already in the warehouse.
    InitialStockIn,
}

/// Where a purchase order stands, across both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PurchaseOrderStage {
    /// Saved, not yet accepted by the warehouse (waiting to be sent, or the send failed).
    NotSent,
    /// Pre-advised; may still be changed or cancelled.
    Advised,
    /// The warehouse has started receiving: changes and cancelling are refused.
    Receiving,
    /// The warehouse has finished receiving.
    Received,
    /// Cancelled by the merchant; the cancel waits to be sent.
    Cancelling,
    Cancelled,
}

/// How a line deviates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DeviationKindName {
    Over,
    Under,
    Rejected,
    Unadvised,
}

impl From<DeviationKind> for DeviationKindName {
    fn from(kind: DeviationKind) -> Self {
        match kind {
            DeviationKind::Over => Self::Over,
            DeviationKind::Under => Self::Under,
            DeviationKind::Rejected => Self::Rejected,
            DeviationKind::Unadvised => Self::Unadvised,
        }
    }
}

/// One line as the merchant writes it (forms, CSV import results).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PurchaseOrderLineForm {
    pub sku: String,
    #[ts(type = "number")]
    pub quantity: i64,
}

impl From<PurchaseOrderLineForm> for PurchaseOrderLine {
    fn from(form: PurchaseOrderLineForm) -> Self {
        PurchaseOrderLine {
            sku: form.sku.trim().to_owned(),
            quantity: form.quantity,
        }
    }
}

impl From<PurchaseOrderLine> for PurchaseOrderLineForm {
    fn from(line: PurchaseOrderLine) -> Self {
        PurchaseOrderLineForm {
            sku: line.sku,
            quantity: line.quantity,
        }
    }
}

/// A purchase order in the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PurchaseOrderSummary {
    /// Brygga's number, e.g. `PO-000123`; the same in the warehouse.
    pub number: String,
    pub kind: PurchaseOrderKindName,
    pub supplier: String,
    pub reference: Option<String>,
    /// `YYYY-MM-DD`.
    pub expected_date: Option<String>,
    pub stage: PurchaseOrderStage,
    /// The warehouse's status number and name as last read.
    pub warehouse_status: Option<i32>,
    pub warehouse_status_text: Option<String>,
    pub line_count: u32,
    #[ts(type = "number")]
    pub advised_units: i64,
    /// Received so far, rejected goods included.
    #[ts(type = "number")]
    pub received_units: i64,
    /// Deviating lines not yet acknowledged.
    pub open_deviations: u32,
    /// Whether the merchant may still change or cancel it.
    pub editable: bool,
    /// The warehouse's words for the last refused change or cancel.
    pub refusal: Option<String>,
    /// Whether the warehouse has accepted the latest saved version.
    pub in_warehouse: bool,
    pub created_at: String,
    pub updated_at: String,
    /// When the warehouse was last read for it.
    pub checked_at: Option<String>,
}

/// One line of a purchase order: what was advised and what arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PurchaseOrderLineView {
    pub sku: String,
    /// The quantity on the merchant's purchase order; 0 for an unadvised article.
    #[ts(type = "number")]
    pub ordered: i64,
    /// What the warehouse reports (`None` before it has reported the line).
    #[ts(type = "number | null")]
    pub advised: Option<i64>,
    #[ts(type = "number")]
    pub received: i64,
    #[ts(type = "number")]
    pub rejected: i64,
}

/// A purchase order with its lines and deviations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PurchaseOrderDetail {
    pub summary: PurchaseOrderSummary,
    /// Free text for the warehouse.
    pub remark: Option<String>,
    /// The merchant's lines in order, then unadvised articles the warehouse received.
    pub lines: Vec<PurchaseOrderLineView>,
    /// Every deviating line, open or acknowledged.
    pub deviations: Vec<DeviationView>,
    /// Why it can no longer be changed, in words; `None` while it can.
    pub locked_reason: Option<String>,
}

/// One deviating line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviationView {
    pub number: String,
    pub supplier: String,
    pub sku: String,
    #[ts(type = "number")]
    pub advised: i64,
    #[ts(type = "number")]
    pub received: i64,
    #[ts(type = "number")]
    pub rejected: i64,
    /// Received minus advised, in units.
    #[ts(type = "number")]
    pub difference: i64,
    /// The difference in percent of the advised quantity (one decimal); `None` when nothing was
    /// advised.
    pub difference_percent: Option<f64>,
    pub kinds: Vec<DeviationKindName>,
    /// Not yet acknowledged with the quantities now reported.
    pub open: bool,
    /// The merchant's note and time of the last acknowledgement, if any.
    pub note: Option<String>,
    pub acknowledged_at: Option<String>,
    /// When the warehouse's quantities were read.
    pub read_at: String,
}

/// One purchase order with what the warehouse reported, ready to show.
pub(crate) struct Loaded {
    pub record: PurchaseOrderRecord,
    pub lines: Vec<PurchaseOrderLine>,
    pub receipts: Vec<ReceiptRecord>,
}

impl Loaded {
    pub fn load(store: &Store, record: PurchaseOrderRecord) -> Result<Self, IpcError> {
        let lines = stored_lines(&record)?;
        let receipts = store.purchase_orders().receipts(record.id)?;
        Ok(Self {
            record,
            lines,
            receipts,
        })
    }

    pub fn inbound_stage(&self) -> Option<InboundStage> {
        let status = self.record.warehouse_status?;
        let received = self.receipts.iter().any(|r| r.received > 0);
        Some(InboundStage::of(
            i32::try_from(status).unwrap_or(0),
            received,
        ))
    }

    pub fn stage(&self) -> PurchaseOrderStage {
        match self.record.state {
            PurchaseOrderState::Cancelled => return PurchaseOrderStage::Cancelled,
            PurchaseOrderState::Cancelling => return PurchaseOrderStage::Cancelling,
            PurchaseOrderState::Open => {}
        }
        match self.inbound_stage() {
            Some(InboundStage::Receiving) => PurchaseOrderStage::Receiving,
            Some(InboundStage::Received) => PurchaseOrderStage::Received,
            Some(InboundStage::Cancelled) => PurchaseOrderStage::Cancelled,
            Some(InboundStage::Advised) | None if self.record.sent_generation.is_none() => {
                PurchaseOrderStage::NotSent
            }
            Some(InboundStage::Advised) | None => PurchaseOrderStage::Advised,
        }
    }

    /// Why the purchase order can no longer be changed, or `None`.
    pub fn locked_reason(&self) -> Option<String> {
        let status = || {
            format!(
                "warehouse status {} {}",
                self.record.warehouse_status.unwrap_or_default(),
                self.record.warehouse_status_text.as_deref().unwrap_or("")
            )
            .trim_end()
            .to_owned()
        };
        match self.stage() {
            PurchaseOrderStage::NotSent | PurchaseOrderStage::Advised => None,
            PurchaseOrderStage::Receiving | PurchaseOrderStage::Received => Some(format!(
                "the warehouse has started receiving purchase order {} ({})",
                self.record.number,
                status()
            )),
            PurchaseOrderStage::Cancelling | PurchaseOrderStage::Cancelled => Some(format!(
                "purchase order {} is cancelled",
                self.record.number
            )),
        }
    }

    /// Every deviating line, with whether it is open.
    pub fn deviations(&self) -> Vec<DeviationView> {
        let finished = self.inbound_stage() == Some(InboundStage::Received);
        self.receipts
            .iter()
            .filter_map(|receipt| {
                let deviation = ReceivedLine {
                    sku: receipt.sku.clone(),
                    advised: receipt.advised,
                    received: receipt.received,
                    rejected: receipt.rejected,
                }
                .deviation(finished)?;
                Some(self.deviation_view(receipt, deviation))
            })
            .collect()
    }

    fn deviation_view(&self, receipt: &ReceiptRecord, deviation: LineDeviation) -> DeviationView {
        DeviationView {
            number: self.record.number.clone(),
            supplier: self.record.content.supplier.clone(),
            sku: deviation.sku,
            advised: deviation.advised,
            received: deviation.received,
            rejected: deviation.rejected,
            difference: deviation.difference,
            difference_percent: deviation.difference_percent,
            kinds: deviation.kinds.into_iter().map(Into::into).collect(),
            open: !receipt.acknowledged_as_is(),
            note: receipt.acknowledged.as_ref().and_then(|a| a.note.clone()),
            acknowledged_at: receipt.acknowledged.as_ref().map(|a| iso(a.at_ms)),
            read_at: iso(receipt.read_at_ms),
        }
    }

    pub fn summary(&self) -> PurchaseOrderSummary {
        let record = &self.record;
        let stage = self.stage();
        PurchaseOrderSummary {
            number: record.number.clone(),
            kind: match record.kind {
                PurchaseOrderKind::Regular => PurchaseOrderKindName::Regular,
                PurchaseOrderKind::InitialStockIn => PurchaseOrderKindName::InitialStockIn,
            },
            supplier: record.content.supplier.clone(),
            reference: record.content.reference.clone(),
            expected_date: record.content.expected_date.clone(),
            stage,
            warehouse_status: record.warehouse_status.and_then(|s| i32::try_from(s).ok()),
            warehouse_status_text: record.warehouse_status_text.clone(),
            line_count: u32::try_from(self.lines.len()).unwrap_or(u32::MAX),
            advised_units: self.lines.iter().map(|l| l.quantity).sum(),
            received_units: self.receipts.iter().map(|r| r.received).sum(),
            open_deviations: u32::try_from(self.deviations().iter().filter(|d| d.open).count())
                .unwrap_or(u32::MAX),
            editable: matches!(
                stage,
                PurchaseOrderStage::NotSent | PurchaseOrderStage::Advised
            ),
            refusal: record.refusal.clone(),
            in_warehouse: record.sent_generation == Some(record.generation),
            created_at: iso(record.created_at_ms),
            updated_at: iso(record.updated_at_ms),
            checked_at: record.checked_at_ms.map(iso),
        }
    }

    pub fn detail(&self) -> PurchaseOrderDetail {
        let mut lines: Vec<PurchaseOrderLineView> = self
            .lines
            .iter()
            .map(|line| {
                let receipt = self.receipts.iter().find(|r| r.sku == line.sku);
                PurchaseOrderLineView {
                    sku: line.sku.clone(),
                    ordered: line.quantity,
                    advised: receipt.map(|r| r.advised),
                    received: receipt.map_or(0, |r| r.received),
                    rejected: receipt.map_or(0, |r| r.rejected),
                }
            })
            .collect();
        for receipt in &self.receipts {
            if !self.lines.iter().any(|l| l.sku == receipt.sku) {
                lines.push(PurchaseOrderLineView {
                    sku: receipt.sku.clone(),
                    ordered: 0,
                    advised: Some(receipt.advised),
                    received: receipt.received,
                    rejected: receipt.rejected,
                });
            }
        }
        PurchaseOrderDetail {
            summary: self.summary(),
            remark: self.record.content.remark.clone(),
            lines,
            deviations: self.deviations(),
            locked_reason: self.locked_reason(),
        }
    }
}

/// The merchant's lines of a stored purchase order.
pub(crate) fn stored_lines(
    record: &PurchaseOrderRecord,
) -> Result<Vec<PurchaseOrderLine>, IpcError> {
    serde_json::from_value(record.content.lines.clone()).map_err(|err| {
        IpcError::new(
            crate::ErrorCode::DatabaseCorrupt,
            format!(
                "the lines of purchase order {} cannot be read: {err}",
                record.number
            ),
        )
    })
}

/// Every stored purchase order with its receipts, newest first.
pub(crate) fn load_all(store: &Store) -> Result<Vec<Loaded>, IpcError> {
    store
        .purchase_orders()
        .list()?
        .into_iter()
        .map(|record| Loaded::load(store, record))
        .collect()
}
