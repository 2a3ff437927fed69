//! Returns toward the two systems (flow 8): the return order sent to the warehouse and the
//! comments written on the shop order, both through the outbox.
//!
//! Registering a return stores it and queues its return order in one transaction, under a number
//! chosen before anything is sent (`{order}-R{n}`), so a crash at any point leaves either nothing
//! or exactly one return order to send. The warehouse upserts return orders by number, so a
//! repeat is harmless; a retry still looks the number up first, because the warehouse refuses an
//! upsert once goods arrived. The shop comment announcing the return is queued in the same
//! transaction that records the warehouse's acceptance, so the shop never hears of a return the
//! warehouse does not have. A comment is not harmless to repeat (the order would show it twice),
//! so a retried comment first reads the order's comments and counts an identical one as written.

use brygga_core::operation::Operation;
use brygga_core::remote::FailureClass;
use brygga_core::returns::{ReturnOrderDraft, ShopComment};
use brygga_ongoing::return_orders::{
    CodeName, ReturnOrderLineUpsert, ReturnOrderQuery, ReturnOrderUpsert,
};
use brygga_store::{NewOutboxRow, OutboxRow, ReturnRecord, StoreError};

use crate::engine::Engine;
use crate::execute::{Effect, Failure, Remotes, id32};

/// Carries out one of the returns operations.
pub(crate) async fn execute_returns(
    op: &Operation,
    retry: bool,
    remotes: &Remotes,
) -> Result<Effect, Failure> {
    match op {
        Operation::UpsertReturnOrder { draft, .. } => {
            if retry && let Some(id) = existing_return_order(remotes, &draft.number).await? {
                return Ok(Effect::ReturnOrderSent {
                    number: draft.number.clone(),
                    warehouse_return_order_id: id,
                });
            }
            let id = remotes
                .warehouse
                .upsert_return_order(&return_order_upsert(draft))
                .await?;
            Ok(Effect::ReturnOrderSent {
                number: draft.number.clone(),
                warehouse_return_order_id: id,
            })
        }
        Operation::CommentOnShopOrder { comment, .. } => {
            let order_id = id32(comment.shop_order_id)?;
            let written = retry
                && remotes
                    .shop
                    .order_comments(order_id)
                    .await?
                    .iter()
                    .any(|c| c.text == comment.text);
            if !written {
                remotes
                    .shop
                    .add_order_comment(order_id, &comment.text)
                    .await?;
            }
            Ok(Effect::ShopCommented)
        }
        other => Err(Failure {
            class: FailureClass::Abort,
            code: "outbox.misrouted",
            message: format!("{} is not a returns call", other.kind()),
            problem: None,
        }),
    }
}

async fn existing_return_order(remotes: &Remotes, number: &str) -> Result<Option<i32>, Failure> {
    let found = remotes
        .warehouse
        .return_orders(&ReturnOrderQuery {
            return_order_numbers: vec![number.to_owned()],
            ..ReturnOrderQuery::default()
        })
        .await?;
    Ok(found
        .iter()
        .find(|o| o.number() == Some(number))
        .map(|o| o.return_order_info.return_order_id))
}

fn return_order_upsert(draft: &ReturnOrderDraft) -> ReturnOrderUpsert {
    ReturnOrderUpsert {
        return_order_number: draft.number.clone(),
        order_id: draft.warehouse_order_id,
        comment: draft.comment.clone(),
        in_date: None,
        warehouse_id: None,
        lines: draft
            .lines
            .iter()
            .map(|line| ReturnOrderLineUpsert {
                row_number: line.row_number.clone(),
                order_line_id: line.order_line_id,
                number_of_items: line.quantity as f64,
                cause: Some(CodeName {
                    code: Some(line.cause_code.clone()),
                    name: line.cause_name.clone(),
                }),
                comment: line.comment.clone(),
            })
            .collect(),
    }
}

/// The call a returns operation leads to once it succeeded: the announcement comment after the
/// return order.
pub(crate) fn follow_up(operation: &Operation) -> Option<Operation> {
    match operation {
        Operation::UpsertReturnOrder {
            draft,
            announcement: Some(comment),
        } => Some(Operation::CommentOnShopOrder {
            about: draft.number.clone(),
            comment: comment.clone(),
        }),
        _ => None,
    }
}

/// What the outbox says about one return's calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// Every call for it was made.
    Done,
    /// A call waits for its turn or for the other side to answer.
    Waiting { message: Option<String> },
    /// A call gave up; the message says why.
    Failed { message: String },
}

impl Engine {
    /// Stores a new return and queues its return order, in one transaction.
    pub fn queue_return(
        &self,
        record: &ReturnRecord,
        draft: ReturnOrderDraft,
        announcement: Option<ShopComment>,
    ) -> Result<(), StoreError> {
        let row = self.outbox_row(&Operation::UpsertReturnOrder {
            draft,
            announcement,
        });
        let now_ms = self.now_ms();
        self.store.atomically(|w| {
            w.return_registered(record)?;
            w.enqueue(&row, now_ms).map(drop)
        })
    }

    /// Saves the merchant's handling of a return and, for a return of a shop order, queues the
    /// comment saying so, in one transaction. `comment` gets the text for the new generation.
    pub fn queue_return_handling(
        &self,
        record: &ReturnRecord,
        handling: (&str, Option<&str>, Option<(i64, &str)>),
        comment: Option<(i64, String)>,
    ) -> Result<(), StoreError> {
        let (state, note, refund) = handling;
        let now_ms = self.now_ms();
        let max_attempts = self.retry.max_attempts;
        self.store.atomically(|w| {
            let generation = w.return_handling(&record.number, state, note, refund, now_ms)?;
            if let Some((shop_order_id, text)) = comment {
                let op = Operation::CommentOnShopOrder {
                    about: record.number.clone(),
                    comment: ShopComment {
                        shop_order_id,
                        generation,
                        text,
                    },
                };
                w.enqueue(&new_row(&op, max_attempts, now_ms), now_ms)?;
            }
            Ok(())
        })
    }

    /// Where the calls for return `number` stand, oldest problem first.
    pub fn return_delivery(&self, number: &str) -> Result<Delivery, StoreError> {
        let outbox = self.store.outbox();
        let mut rows: Vec<OutboxRow> =
            outbox.with_key_prefix(&["warehouse.upsert_return_order"], number)?;
        rows.retain(|row| row.idempotency_key == number);
        rows.extend(outbox.with_key_prefix(&["shop.add_order_comment"], &format!("{number}@"))?);
        Ok(delivery(&rows))
    }

    /// The return orders registered and not yet accepted by the warehouse.
    pub fn unsent_return_orders(&self) -> Result<Vec<ReturnOrderDraft>, StoreError> {
        let rows = self
            .store
            .outbox()
            .open_of_kind("warehouse.upsert_return_order")?;
        Ok(rows.iter().filter_map(draft_of).collect())
    }

    /// The return order registered as `number`, as it was queued for the warehouse.
    pub fn return_order_draft(&self, number: &str) -> Result<Option<ReturnOrderDraft>, StoreError> {
        let rows = self
            .store
            .outbox()
            .with_key_prefix(&["warehouse.upsert_return_order"], number)?;
        Ok(rows
            .iter()
            .filter(|row| row.idempotency_key == number)
            .find_map(draft_of))
    }

    pub(crate) fn outbox_row(&self, operation: &Operation) -> NewOutboxRow {
        new_row(operation, self.retry.max_attempts, self.now_ms())
    }
}

fn draft_of(row: &OutboxRow) -> Option<ReturnOrderDraft> {
    match serde_json::from_value(row.payload.clone()) {
        Ok(Operation::UpsertReturnOrder { draft, .. }) => Some(draft),
        _ => None,
    }
}

fn delivery(rows: &[OutboxRow]) -> Delivery {
    use brygga_store::OutboxStatus;
    if let Some(dead) = rows.iter().find(|r| r.status == OutboxStatus::Dead) {
        return Delivery::Failed {
            message: dead
                .last_error
                .clone()
                .unwrap_or_else(|| format!("{} gave up", dead.kind)),
        };
    }
    match rows
        .iter()
        .find(|r| matches!(r.status, OutboxStatus::Pending | OutboxStatus::Running))
    {
        Some(open) => Delivery::Waiting {
            message: open.last_error.clone(),
        },
        None => Delivery::Done,
    }
}

/// An outbox row for `operation`, due now.
pub(crate) fn new_row(operation: &Operation, max_attempts: u32, now_ms: i64) -> NewOutboxRow {
    NewOutboxRow {
        kind: operation.kind().to_owned(),
        idempotency_key: operation.key(),
        payload: serde_json::to_value(operation)
            .expect("operations are plain data and always serialise"),
        max_attempts,
        run_at_ms: now_ms,
    }
}
