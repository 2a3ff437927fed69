//! The drain: the outbox's rows carried out one at a time, oldest due first.
//!
//! One at a time is deliberate: Ongoing serialises a goods owner's writes, Starweb limits requests
//! per minute, and an order's versions must reach the warehouse in order. A success is recorded
//! together with its effect in one transaction, so a crash can never leave a call done but its
//! effect unrecorded (the row would be sent again, which [`crate::execute`] makes harmless, but the
//! effect would be lost). A failure is retried as the retry policy says; when the attempts run
//! out the row is dead: kept, shown, never dropped.

use std::sync::atomic::{AtomicBool, Ordering};

use brygga_core::operation::Operation;
use brygga_core::retry::RetryDecision;
use brygga_store::{OutboxRow, StoreError, Writes};
use rand::Rng;

use crate::engine::Engine;
use crate::error::SyncError;
use crate::execute::{Effect, Failure, execute};
use crate::report::{DrainReport, Finding};

impl Engine {
    /// Carries out every due row until none is left or `stop` is set (checked between calls, so
    /// the call in flight always finishes and is recorded).
    pub async fn drain(&self, stop: &AtomicBool) -> Result<DrainReport, SyncError> {
        let statuses = self.settings()?.statuses;
        let mut report = DrainReport::default();
        if self.progress.is_some() {
            let due = self.store.outbox().due_count(self.now_ms())?;
            self.report(|p| p.drain_started(due));
        }
        let result = self.drain_rows(stop, &statuses, &mut report).await;
        self.report(crate::progress::Progress::finished);
        result.map(|()| report)
    }

    async fn drain_rows(
        &self,
        stop: &AtomicBool,
        statuses: &brygga_core::mapping::StatusMapping,
        report: &mut DrainReport,
    ) -> Result<(), SyncError> {
        while !stop.load(Ordering::SeqCst) {
            let Some(row) = self.store.outbox().claim_next(self.now_ms())? else {
                break;
            };
            let operation: Operation = match serde_json::from_value(row.payload.clone()) {
                Ok(operation) => operation,
                Err(err) => {
                    let message = format!("the queued operation cannot be read: {err}");
                    self.store.outbox().mark_dead(
                        row.id,
                        "outbox.unreadable",
                        &message,
                        self.now_ms(),
                    )?;
                    report.dead += 1;
                    report
                        .failures
                        .push(finding(&row, "outbox.unreadable", message));
                    self.report(crate::progress::Progress::call_finished);
                    continue;
                }
            };
            let retry = row.attempts > 1;
            let executed = execute(&operation, retry, &self.remotes, statuses).await;
            self.report(crate::progress::Progress::call_finished);
            match executed {
                Ok(effect) => {
                    self.record_success(&row, &operation, &effect)?;
                    report.done += 1;
                }
                Err(failure) => {
                    if self.record_failure(&row, &operation, &failure)? {
                        report.retrying += 1;
                    } else {
                        report.dead += 1;
                        report
                            .failures
                            .push(finding(&row, failure.code, failure.message));
                    }
                }
            }
        }
        Ok(())
    }

    fn record_success(
        &self,
        row: &OutboxRow,
        operation: &Operation,
        effect: &Effect,
    ) -> Result<(), StoreError> {
        let now_ms = self.now_ms();
        let follow_up = crate::return_ops::follow_up(operation).map(|op| self.outbox_row(&op));
        self.store.atomically(|w| {
            w.outbox_done(row.id, now_ms)?;
            record_effect(w, operation, effect, now_ms)?;
            if let Some(next) = &follow_up {
                w.enqueue(next, now_ms)?;
            }
            w.event(
                &operation.subject(),
                operation.kind(),
                done_payload(row, operation, effect),
                now_ms,
            )?;
            Ok(())
        })
    }

    /// Reschedules or buries the row; true when it will be tried again.
    fn record_failure(
        &self,
        row: &OutboxRow,
        operation: &Operation,
        failure: &Failure,
    ) -> Result<bool, StoreError> {
        let now_ms = self.now_ms();
        let jitter: f64 = rand::rng().random();
        let decision = self.retry.decide(failure.class, row.attempts, jitter);
        let outbox = self.store.outbox();
        let again = match decision {
            RetryDecision::RetryIn(wait) => {
                let run_at = now_ms + i64::try_from(wait.as_millis()).unwrap_or(i64::MAX / 2);
                outbox.reschedule(row.id, run_at, failure.code, &failure.message, now_ms)?;
                true
            }
            RetryDecision::GiveUp => {
                outbox.mark_dead(row.id, failure.code, &failure.message, now_ms)?;
                if let Operation::ReleaseOrder {
                    shop_order_id,
                    batch_id: Some(batch),
                    ..
                } = operation
                {
                    self.store.atomically(|w| {
                        w.batch_order_outcome(
                            *batch,
                            *shop_order_id,
                            "refused",
                            Some(&failure.message),
                            now_ms,
                        )
                    })?;
                }
                crate::inbound::record_refusal(&self.store, operation, failure, now_ms)?;
                if let (Some(problem), Some(order_id)) = (&failure.problem, order_of(operation)) {
                    self.store.order_links().set_hold(
                        order_id,
                        Some(serde_json::json!({
                            "code": failure.code,
                            "message": problem.to_string(),
                            "source": "warehouse",
                            "problems": [problem],
                        })),
                        now_ms,
                    )?;
                }
                false
            }
        };
        self.store.events().append(
            &operation.subject(),
            operation.kind(),
            serde_json::json!({
                "outcome": if again { "retrying" } else { "dead" },
                "key": row.idempotency_key,
                "code": failure.code,
                "message": failure.message,
                "attempts": row.attempts,
            }),
            now_ms,
        )?;
        Ok(again)
    }
}

fn record_effect(
    w: &Writes<'_>,
    operation: &Operation,
    effect: &Effect,
    now_ms: i64,
) -> Result<(), StoreError> {
    match effect {
        Effect::ArticleSent {
            sku,
            hash,
            warehouse_article_id,
        } => w.article_sent(
            sku,
            &hash.to_string(),
            Some(i64::from(*warehouse_article_id)),
            now_ms,
        ),
        Effect::OrderSent {
            shop_order_id,
            warehouse_order_id,
            hash,
        } => {
            w.order_sent(
                *shop_order_id,
                i64::from(*warehouse_order_id),
                &hash.to_string(),
                now_ms,
            )?;
            w.order_hold(*shop_order_id, None, now_ms)
        }
        Effect::OrderCancelled { shop_order_id } => w.order_cancelled(*shop_order_id, now_ms),
        Effect::ShopStatusWritten {
            shop_order_id,
            status_id,
            tracking,
            ..
        } => w.order_shop_status_written(*shop_order_id, *status_id, tracking.as_deref(), now_ms),
        Effect::StockWritten { sku, quantity } => w.stock_written(sku, *quantity, now_ms),
        Effect::Released {
            shop_order_id,
            released_status,
            shop_status,
        } => {
            let batch_id = match operation {
                Operation::ReleaseOrder { batch_id, .. } => *batch_id,
                _ => None,
            };
            w.order_warehouse_status(*shop_order_id, i64::from(*released_status), "", now_ms)?;
            w.order_released(*shop_order_id, batch_id, now_ms)?;
            if let Some(batch) = batch_id {
                w.batch_order_outcome(batch, *shop_order_id, "released", None, now_ms)?;
            }
            if let Some(status) = shop_status {
                w.order_shop_status_written(*shop_order_id, *status, None, now_ms)?;
            }
            Ok(())
        }
        Effect::PutOnHold {
            shop_order_id,
            held_status,
        } => {
            w.order_warehouse_status(*shop_order_id, i64::from(*held_status), "", now_ms)?;
            w.order_released(*shop_order_id, None, now_ms)
        }
        Effect::PurchaseOrderSent {
            number,
            warehouse_purchase_order_id,
            generation,
        } => w.purchase_order_sent(
            number,
            i64::from(*warehouse_purchase_order_id),
            *generation,
            now_ms,
        ),
        Effect::PurchaseOrderCancelled { number } => w.purchase_order_cancelled(number, now_ms),
        Effect::ReceiptReported { number } => w.purchase_order_reported(number, now_ms),
        Effect::ReturnOrderSent {
            number,
            warehouse_return_order_id,
        } => w.return_sent(number, i64::from(*warehouse_return_order_id), now_ms),
        Effect::ShopCommented => Ok(()),
    }
}

/// The success event: the outcome, and what the call wrote, for the order's history.
fn done_payload(row: &OutboxRow, operation: &Operation, effect: &Effect) -> serde_json::Value {
    let mut payload = serde_json::json!({
        "outcome": "done",
        "key": row.idempotency_key,
        "attempts": row.attempts,
    });
    let details = match (operation, effect) {
        (
            Operation::SetShopStatus {
                status_id,
                warehouse_status,
                ..
            },
            Effect::ShopStatusWritten { tracking, .. },
        ) => serde_json::json!({
            "statusId": status_id,
            "warehouseStatus": warehouse_status,
            "tracking": tracking,
            // Every status write asks the shop to e-mail the customer; the shop does when the
            // status is set up to send one.
            "emailCustomer": true,
        }),
        (
            Operation::SendOrder { generation, .. },
            Effect::OrderSent {
                warehouse_order_id,
                hash,
                ..
            },
        ) => serde_json::json!({
            "warehouseOrderId": warehouse_order_id,
            "hash": hash.to_string(),
            "generation": generation,
        }),
        (
            Operation::ReleaseOrder { batch_id, .. },
            Effect::Released {
                released_status,
                shop_status,
                ..
            },
        ) => serde_json::json!({
            "releasedStatus": released_status,
            "statusId": shop_status,
            "batchId": batch_id,
            "emailCustomer": shop_status.is_some(),
        }),
        (
            Operation::CancelWarehouseOrder {
                warehouse_order_id, ..
            },
            _,
        ) => serde_json::json!({"warehouseOrderId": warehouse_order_id}),
        (
            _,
            Effect::ReturnOrderSent {
                warehouse_return_order_id,
                ..
            },
        ) => serde_json::json!({"warehouseReturnOrderId": warehouse_return_order_id}),
        (Operation::CommentOnShopOrder { comment, .. }, _) => serde_json::json!({
            "shopOrderId": comment.shop_order_id,
            "comment": comment.text,
        }),
        (_, Effect::PutOnHold { held_status, .. }) => {
            serde_json::json!({"heldStatus": held_status})
        }
        _ => serde_json::json!({}),
    };
    if let (Some(payload), serde_json::Value::Object(details)) = (payload.as_object_mut(), details)
    {
        payload.extend(details);
    }
    payload
}

fn order_of(operation: &Operation) -> Option<i64> {
    match operation {
        Operation::SendOrder { shop_order_id, .. }
        | Operation::CancelWarehouseOrder { shop_order_id, .. }
        | Operation::SetShopStatus { shop_order_id, .. }
        | Operation::ReleaseOrder { shop_order_id, .. }
        | Operation::HoldOrder { shop_order_id, .. } => Some(*shop_order_id),
        Operation::UpsertArticle { .. }
        | Operation::SetShopStock { .. }
        | Operation::UpsertPurchaseOrder { .. }
        | Operation::CancelPurchaseOrder { .. }
        | Operation::AcknowledgeReceived { .. }
        | Operation::UpsertReturnOrder { .. }
        | Operation::CommentOnShopOrder { .. } => None,
    }
}

fn finding(row: &OutboxRow, code: &str, message: String) -> Finding {
    Finding {
        subject: format!("outbox:{}", row.id),
        code: code.to_owned(),
        message,
    }
}
