//! The order page's actions: try a call that gave up again, send the order to the warehouse
//! again, and let a held order go. Each goes through the engine of the saved connections and
//! drains the outbox at once, so the answer says what became of the call, not only that it was
//! queued.

use std::sync::atomic::AtomicBool;

use brygga_store::OutboxStatus;
use brygga_sync::Engine;
use brygga_sync::resend::Resend;
use chrono::Utc;

use super::{
    ORDER_CALL_KINDS, OrderActionOutcome, OrderActionResult, OrderRequest, RETURN_CALL_KINDS,
    RetryOrderCallRequest, hold_view, known, sync_error,
};
use crate::{App, ErrorCode, IpcError};

/// Carries out what is due in the outbox and says what became of call `call_id`.
async fn drain_and_answer(engine: &Engine, call_id: i64) -> Result<OrderActionResult, IpcError> {
    engine
        .drain(&AtomicBool::new(false))
        .await
        .map_err(sync_error)?;
    let row = engine.store().outbox().get(call_id)?.ok_or_else(|| {
        IpcError::new(
            ErrorCode::Unknown,
            format!("call {call_id} disappeared from the outbox"),
        )
    })?;
    let error = row.last_error.clone().unwrap_or_default();
    let (outcome, message) = match row.status {
        OutboxStatus::Done => (
            OrderActionOutcome::Done,
            format!("call {call_id} was made and accepted"),
        ),
        OutboxStatus::Pending if row.attempts > 0 => (
            OrderActionOutcome::Retrying,
            format!("call {call_id} failed and will be tried again: {error}"),
        ),
        OutboxStatus::Pending | OutboxStatus::Running => (
            OrderActionOutcome::Queued,
            format!("call {call_id} is queued"),
        ),
        OutboxStatus::Dead => (
            OrderActionOutcome::Failed,
            format!("call {call_id} gave up again: {error}"),
        ),
    };
    Ok(OrderActionResult {
        outcome,
        message,
        call_id: Some(call_id),
    })
}

/// Tries a call of the order that gave up (a dead outbox row) again, at once.
pub async fn retry_order_call(
    app: &App,
    request: RetryOrderCallRequest,
) -> Result<OrderActionResult, IpcError> {
    let store = app.store()?;
    let id = request.shop_order_id;
    known(store, id)?;
    let returns = store.returns().numbers_for_order(&id.to_string())?;
    let call = store
        .outbox()
        .get(request.call_id)?
        .filter(|row| {
            let key = row.idempotency_key.as_str();
            (ORDER_CALL_KINDS.contains(&row.kind.as_str()) && key.starts_with(&format!("{id}@")))
                || (RETURN_CALL_KINDS.contains(&row.kind.as_str())
                    && returns
                        .iter()
                        .any(|n| key == n || key.starts_with(&format!("{n}@"))))
        })
        .ok_or_else(|| {
            IpcError::new(
                ErrorCode::Validation,
                format!("order {id} has no call {}", request.call_id),
            )
        })?;
    if call.status != OutboxStatus::Dead {
        return Err(IpcError::new(
            ErrorCode::Validation,
            format!(
                "call {} is {}; only a call that gave up can be tried again",
                call.id,
                call.status.as_str()
            ),
        ));
    }
    let engine = crate::sync::engine(app)?;
    store
        .outbox()
        .retry_dead(call.id, Utc::now().timestamp_millis())?;
    drain_and_answer(&engine, call.id).await
}

/// Sends the order's current content to the warehouse again, if the warehouse still accepts
/// changes; asking twice before the call is made queues one call.
pub async fn resend_order(app: &App, request: OrderRequest) -> Result<OrderActionResult, IpcError> {
    known(app.store()?, request.shop_order_id)?;
    let engine = crate::sync::engine(app)?;
    match engine
        .resend_order(request.shop_order_id)
        .await
        .map_err(sync_error)?
    {
        Resend::Refused(message) => Ok(OrderActionResult {
            outcome: OrderActionOutcome::Refused,
            message,
            call_id: None,
        }),
        Resend::Queued { outbox_id, new } => {
            let mut answer = drain_and_answer(&engine, outbox_id).await?;
            if !new {
                answer.message = format!("the same send was already queued; {}", answer.message);
            }
            Ok(answer)
        }
    }
}

/// Lets a held order go, when the merchant can: the warehouse refused a change or a cancellation
/// and the merchant has taken note. Other holds name what to fix.
pub async fn clear_order_hold(
    app: &App,
    request: OrderRequest,
) -> Result<OrderActionResult, IpcError> {
    let store = app.store()?;
    let id = request.shop_order_id;
    let link = known(store, id)?;
    let Some(hold) = hold_view(&link) else {
        return Err(IpcError::new(
            ErrorCode::Validation,
            format!("order {id} is not held"),
        ));
    };
    if !hold.clearable {
        return Err(IpcError::new(
            ErrorCode::Validation,
            format!(
                "order {id} is held because {}; fix that first (the mappings or the shop order) \
                 and the next orders sync lets it go",
                hold.message
            ),
        ));
    }
    let now_ms = Utc::now().timestamp_millis();
    store.atomically(|w| {
        w.order_hold(id, None, now_ms)?;
        w.event(
            &brygga_sync::order_events::order_subject(id),
            brygga_sync::order_events::HOLD_CLEARED,
            serde_json::json!({"code": hold.code, "message": hold.message, "by": "merchant"}),
            now_ms,
        )
    })?;
    Ok(OrderActionResult {
        outcome: OrderActionOutcome::Cleared,
        message: format!("order {id} is no longer held"),
        call_id: None,
    })
}
