//! Purchase orders toward the warehouse (flow 7): the calls that pre-advise, cancel and report a
//! purchase order, what their refusals leave behind, and reading one purchase order's receipt.
//!
//! The warehouse refuses a change or a cancel once it has started receiving. That refusal is not
//! lost in the outbox: the purchase order keeps the warehouse's words (`refusal`) for the merchant
//! to read, like a refused order change, and a refused cancel leaves the purchase order open.

use brygga_core::inbound::PurchaseOrderDraft;
use brygga_core::operation::Operation;
use brygga_core::remote::FailureClass;
use brygga_ongoing::OngoingError;
use brygga_ongoing::map_inbound::{
    WarehousePurchaseOrder, purchase_order_upsert, warehouse_purchase_order,
};
use brygga_ongoing::purchase_orders::PurchaseOrderQuery;
use brygga_store::{PurchaseOrderState, ReceiptRead, Store, StoreError};

use crate::engine::Engine;
use crate::error::SyncError;
use crate::execute::{Effect, Failure, Remotes};

/// Carries out one of the purchase order operations.
pub(crate) async fn execute_inbound(
    op: &Operation,
    retry: bool,
    remotes: &Remotes,
) -> Result<Effect, Failure> {
    match op {
        Operation::UpsertPurchaseOrder { draft, generation } => {
            let id = remotes
                .warehouse
                .upsert_purchase_order(&purchase_order_upsert(draft))
                .await
                .map_err(refused)?;
            Ok(Effect::PurchaseOrderSent {
                number: draft.number.clone(),
                warehouse_purchase_order_id: id,
                generation: *generation,
            })
        }
        Operation::CancelPurchaseOrder {
            number,
            warehouse_purchase_order_id,
        } => {
            // A retried cancel may have gone through before its answer was lost.
            let done = retry
                && remotes
                    .warehouse
                    .purchase_order(*warehouse_purchase_order_id)
                    .await
                    .map(|po| warehouse_purchase_order(&po).status >= 1000)?;
            if !done {
                remotes
                    .warehouse
                    .cancel_purchase_order(*warehouse_purchase_order_id)
                    .await
                    .map_err(refused)?;
            }
            Ok(Effect::PurchaseOrderCancelled {
                number: number.clone(),
            })
        }
        Operation::AcknowledgeReceived {
            number,
            warehouse_purchase_order_id,
            ..
        } => {
            remotes
                .warehouse
                .acknowledge_received(*warehouse_purchase_order_id)
                .await?;
            Ok(Effect::ReceiptReported {
                number: number.clone(),
            })
        }
        other => Err(Failure {
            class: FailureClass::Abort,
            code: "outbox.misrouted",
            message: format!("{} is not a purchase order call", other.kind()),
            problem: None,
        }),
    }
}

/// A refusal keeps the warehouse's own words as the message, for the merchant.
fn refused(err: OngoingError) -> Failure {
    let words = match &err {
        OngoingError::Rejected { message, .. } => Some(message.clone()),
        _ => None,
    };
    let mut failure = Failure::from(err);
    if let Some(words) = words {
        failure.message = words;
    }
    failure
}

/// After a purchase order call gave up: keeps the reason on the purchase order, and a refused
/// cancel leaves it open (the warehouse still expects the goods).
pub(crate) fn record_refusal(
    store: &Store,
    operation: &Operation,
    failure: &Failure,
    now_ms: i64,
) -> Result<(), StoreError> {
    let number = match operation {
        Operation::UpsertPurchaseOrder { draft, .. } => &draft.number,
        Operation::CancelPurchaseOrder { number, .. } => {
            store
                .purchase_orders()
                .set_state(number, PurchaseOrderState::Open, now_ms)?;
            number
        }
        Operation::AcknowledgeReceived { number, .. } => number,
        _ => return Ok(()),
    };
    store
        .purchase_orders()
        .set_refusal(number, Some(&failure.message), now_ms)
}

/// The quantities of a warehouse purchase order, as the store keeps them.
pub(crate) fn receipt_reads(po: &WarehousePurchaseOrder) -> Vec<ReceiptRead> {
    po.lines
        .iter()
        .filter(|line| !line.sku.is_empty())
        .map(|line| ReceiptRead {
            sku: line.sku.clone(),
            advised: line.advised,
            received: line.received,
            rejected: line.rejected,
        })
        .collect()
}

impl Engine {
    /// Queues sending version `generation` of a purchase order; false when already queued.
    pub fn queue_purchase_order(
        &self,
        draft: PurchaseOrderDraft,
        generation: u32,
    ) -> Result<bool, StoreError> {
        self.queue(&Operation::UpsertPurchaseOrder { draft, generation })
    }

    /// Queues the cancel of a purchase order the warehouse has, and marks it cancelling.
    pub fn queue_purchase_order_cancel(
        &self,
        number: &str,
        warehouse_purchase_order_id: i32,
    ) -> Result<bool, StoreError> {
        self.store.purchase_orders().set_state(
            number,
            PurchaseOrderState::Cancelling,
            self.now_ms(),
        )?;
        self.queue(&Operation::CancelPurchaseOrder {
            number: number.to_owned(),
            warehouse_purchase_order_id,
        })
    }

    /// Queues marking everything received on the purchase order as reported.
    pub fn queue_receipt_reported(
        &self,
        number: &str,
        warehouse_purchase_order_id: i32,
        received: i64,
    ) -> Result<bool, StoreError> {
        self.queue(&Operation::AcknowledgeReceived {
            number: number.to_owned(),
            warehouse_purchase_order_id,
            received,
        })
    }

    /// Reads one purchase order from the warehouse now and records its status and receipt.
    /// `None` when the warehouse has no purchase order under that number.
    pub async fn check_purchase_order(
        &self,
        number: &str,
    ) -> Result<Option<WarehousePurchaseOrder>, SyncError> {
        let found = self
            .remotes
            .warehouse
            .purchase_orders(&PurchaseOrderQuery {
                purchase_order_number: Some(number.to_owned()),
                ..PurchaseOrderQuery::default()
            })
            .await?;
        let Some(po) = found
            .iter()
            .map(warehouse_purchase_order)
            .find(|po| po.number.as_deref() == Some(number))
        else {
            return Ok(None);
        };
        self.record_purchase_order(number, &po)?;
        Ok(Some(po))
    }

    pub(crate) fn record_purchase_order(
        &self,
        number: &str,
        po: &WarehousePurchaseOrder,
    ) -> Result<(), StoreError> {
        self.store.purchase_orders().record_warehouse(
            number,
            i64::from(po.warehouse_purchase_order_id),
            i64::from(po.status),
            po.status_text.as_deref(),
            &receipt_reads(po),
            self.now_ms(),
        )
    }
}

impl Engine {
    /// The SKUs of every active stock article the warehouse has, sorted: what an initial
    /// stock-in purchase order can advise.
    pub async fn warehouse_stock_articles(&self) -> Result<Vec<String>, SyncError> {
        let articles = self
            .remotes
            .warehouse
            .articles(&brygga_ongoing::articles::ArticleQuery::default())
            .await?;
        let mut skus: Vec<String> = articles
            .into_iter()
            .filter(|a| a.is_stock_article != Some(false) && a.is_active != Some(false))
            .filter_map(|a| a.article_number)
            .filter(|sku| !sku.trim().is_empty())
            .collect();
        skus.sort();
        skus.dedup();
        Ok(skus)
    }
}
