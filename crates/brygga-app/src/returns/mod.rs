//! The returns commands (flow 8, "Returer / Returns"): find the delivered shop order a customer
//! returns goods from, register the return (a return order in the warehouse linked to the order,
//! and a comment on the shop order), list every return (the warehouse's own too: unclaimed parcels
//! and returns that arrived without notice), and handle it announced -> received -> refunded or
//! closed, with a refund amount in minor units.
//!
//! The warehouse is the record of what is announced and what arrived; the store keeps what only
//! Brygga knows (kind, linked order, the merchant's handling). Listing reads the warehouse's
//! return orders, so a return the 3PL registered shows up linked to its shop order.

mod register;
mod returnable;
mod view;
mod warehouse;

use brygga_core::returns::{HandlingChange, HandlingState, Money, check_transition};
use brygga_ongoing::OngoingClient;
use brygga_ongoing::return_orders::ReturnOrder;
use brygga_store::ReturnRecord;
use brygga_sync::Engine;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use register::{RegisterReturnRequest, ReturnLineForm, register_return};
pub use returnable::{
    FindReturnableOrdersRequest, ReturnableLine, ReturnableOrder, ReturnableOrders,
    find_returnable_orders,
};
pub use view::{
    DeliveryState, MoneyView, ReturnDelivery, ReturnDetail, ReturnDifferenceView, ReturnKindName,
    ReturnLineView, ReturnStateName, ReturnSummary,
};

use crate::form::filled;
use crate::{App, ErrorCode, IpcError};

/// `list_return_causes`: no input.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ListReturnCausesRequest {}

/// One of the warehouse's return causes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnCauseView {
    pub code: String,
    pub name: Option<String>,
    /// Goods returned with this cause are taken out of stock (damaged).
    pub removes_from_stock: bool,
    /// The warehouse wants a comment with this cause.
    pub comment_required: bool,
}

/// The warehouse's return causes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnCauseList {
    pub causes: Vec<ReturnCauseView>,
}

/// `list_returns`: refunded and closed ones only when asked for.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ListReturnsRequest {
    pub include_finished: bool,
}

/// Every return, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnList {
    pub returns: Vec<ReturnSummary>,
    /// Returns whose goods arrived and wait for the merchant to refund or close them.
    pub waiting_for_merchant: u32,
}

/// Names one return by its number.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnRequest {
    pub number: String,
}

/// `set_return_state`: move a return on, with a note (needed to close) and, when refunding, the
/// amount refunded.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SetReturnStateRequest {
    pub number: String,
    pub state: ReturnStateName,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub refund: Option<MoneyView>,
}

/// What registering a return or setting its state did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnSaved {
    pub detail: ReturnDetail,
    /// Whether the comment on the shop order was written.
    pub shop_comment_written: bool,
    /// Where the comment stands, for the screen to say in the merchant's language.
    pub comment: CommentState,
    /// Why it was not written, in words; `None` when written (or when the return has no shop
    /// order).
    pub problem: Option<String>,
}

/// Where the comment on the shop order stands after registering or moving a return on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum CommentState {
    /// The shop has it.
    Written,
    /// It is queued and is sent when the shop (or, first, the warehouse) answers.
    Waiting,
    /// Its call gave up; `problem` says why.
    Failed,
    /// No comment: the return has no shop order, or its number is not a shop order id.
    None,
}

/// The warehouse's return causes.
pub async fn list_return_causes(
    app: &App,
    _req: ListReturnCausesRequest,
) -> Result<ReturnCauseList, IpcError> {
    let remotes = crate::sync::remotes(app)?;
    let causes = remotes
        .warehouse
        .return_causes()
        .await
        .map_err(|err| warehouse::returns_error(&err))?;
    Ok(ReturnCauseList {
        causes: causes
            .into_iter()
            .filter_map(|cause| {
                Some(ReturnCauseView {
                    code: cause.code.filter(|c| !c.is_empty())?,
                    name: cause.name,
                    removes_from_stock: cause.is_remove_cause,
                    comment_required: cause.is_return_comment_mandatory,
                })
            })
            .collect(),
    })
}

/// Every return: reads the warehouse's return orders first, so returns the 3PL registered and
/// goods that arrived show.
pub async fn list_returns(app: &App, req: ListReturnsRequest) -> Result<ReturnList, IpcError> {
    let engine = crate::sync::engine(app)?;
    let remotes = engine.remotes();
    let orders = warehouse::refresh(app, &remotes.warehouse).await?;
    let store = app.store()?;
    let mut returns = Vec::new();
    for record in store.returns().list()? {
        returns.push(present(&engine, &record, &orders)?.summary);
    }
    let waiting_for_merchant = returns.iter().filter(|r| r.waiting_for_merchant).count() as u32;
    if !req.include_finished {
        returns.retain(|r| !matches!(r.state, ReturnStateName::Refunded | ReturnStateName::Closed));
    }
    Ok(ReturnList {
        returns,
        waiting_for_merchant,
    })
}

/// One return with its lines and differences.
pub async fn return_detail(app: &App, req: ReturnRequest) -> Result<ReturnDetail, IpcError> {
    let engine = crate::sync::engine(app)?;
    let remotes = engine.remotes();
    let orders = warehouse::refresh(app, &remotes.warehouse).await?;
    let record = app
        .store()?
        .returns()
        .get(req.number.trim())?
        .ok_or_else(|| not_found(&req.number))?;
    present(&engine, &record, &orders)
}

/// A stored return with what the warehouse reports of it and where its calls stand.
fn present(
    engine: &Engine,
    record: &ReturnRecord,
    orders: &[ReturnOrder],
) -> Result<ReturnDetail, IpcError> {
    let order = orders
        .iter()
        .find(|o| o.number() == Some(record.number.as_str()));
    let delivery = engine.return_delivery(&record.number)?;
    let draft = match order {
        Some(_) => None,
        None => engine.return_order_draft(&record.number)?,
    };
    Ok(view::detail(
        record,
        view::Known {
            order,
            draft: draft.as_ref(),
            delivery: &delivery,
        },
    ))
}

/// What registering a return or moving it on answers, after its calls were made (or queued):
/// the return, and whether the shop order's comment was written and, if not, why.
async fn saved(
    app: &App,
    engine: &Engine,
    warehouse_client: &OngoingClient,
    number: &str,
    problem: Option<String>,
) -> Result<ReturnSaved, IpcError> {
    // The change is saved and queued already: a warehouse that cannot be read now must not turn
    // that into an error, or the merchant would register the same return again.
    let orders = match warehouse::refresh(app, warehouse_client).await {
        Ok(orders) => orders,
        Err(err) => {
            tracing::warn!(code = ?err.code, "the warehouse's returns could not be read after a change: {}", err.message);
            Vec::new()
        }
    };
    let record = app
        .store()?
        .returns()
        .get(number)?
        .ok_or_else(|| not_found(number))?;
    let detail = present(engine, &record, &orders)?;
    let delivery = &detail.summary.delivery;
    let (comment, problem) = match (delivery.state, problem) {
        (_, Some(problem)) => (CommentState::None, Some(problem)),
        (DeliveryState::Sent, None) if record.comment_generation > 0 => {
            (CommentState::Written, None)
        }
        (DeliveryState::Sent, None) => (CommentState::None, None),
        (DeliveryState::Waiting, None) => (
            CommentState::Waiting,
            Some(match &delivery.message {
                Some(message) => format!(
                    "it is queued and is sent as soon as the other side answers (last try: {message})"
                ),
                None => "it is queued and is sent as soon as the other side answers".to_owned(),
            }),
        ),
        (DeliveryState::Failed, None) => (CommentState::Failed, delivery.message.clone()),
    };
    Ok(ReturnSaved {
        detail,
        shop_comment_written: comment == CommentState::Written,
        comment,
        problem,
    })
}

fn not_found(number: &str) -> IpcError {
    IpcError::new(
        ErrorCode::Validation,
        format!("there is no return {}", number.trim()),
    )
}

fn core_state(state: ReturnStateName) -> HandlingState {
    match state {
        ReturnStateName::Announced => HandlingState::Announced,
        ReturnStateName::Received => HandlingState::Received,
        ReturnStateName::Refunded => HandlingState::Refunded,
        ReturnStateName::Closed => HandlingState::Closed,
    }
}

/// Moves a return on and writes a comment on the shop order saying so, through the outbox: the
/// handling and the comment's call are saved together, so the comment is never lost or doubled.
pub async fn set_return_state(
    app: &App,
    req: SetReturnStateRequest,
) -> Result<ReturnSaved, IpcError> {
    let number = req.number.trim().to_owned();
    let engine = crate::sync::engine(app)?;
    let remotes = engine.remotes();
    warehouse::refresh(app, &remotes.warehouse).await?;
    let record = app
        .store()?
        .returns()
        .get(&number)?
        .ok_or_else(|| not_found(&number))?;
    let from = HandlingState::parse(&record.state).unwrap_or(HandlingState::Announced);
    let refund = req
        .refund
        .as_ref()
        .map(|money| Money::new(money.minor_units, &money.currency))
        .transpose()
        .map_err(|problem| IpcError::new(ErrorCode::Validation, problem))?;
    let note = filled(&req.note).map(str::to_owned);
    let change = HandlingChange {
        to: core_state(req.state),
        note: note.clone(),
        refund: refund.clone(),
    };
    check_transition(from, &change).map_err(|problem| {
        IpcError::new(ErrorCode::Validation, format!("return {number}: {problem}"))
    })?;
    let text = handling_comment(&record.number, change.to, note.as_deref(), refund.as_ref());
    let (comment, problem) = match record.order_number.as_deref().map(warehouse::shop_order_id) {
        Some(Ok(shop_order_id)) => (Some((shop_order_id, text)), None),
        Some(Err(problem)) => (None, Some(problem)),
        None => (None, None),
    };
    engine.queue_return_handling(
        &record,
        (
            change.to.as_str(),
            note.as_deref(),
            refund
                .as_ref()
                .map(|m| (m.minor_units, m.currency.as_str())),
        ),
        comment,
    )?;
    crate::sync::drain_now(&engine).await?;
    saved(app, &engine, &remotes.warehouse, &number, problem).await
}

/// The comment the shop order gets when the merchant moves a return on.
fn handling_comment(
    number: &str,
    state: HandlingState,
    note: Option<&str>,
    refund: Option<&Money>,
) -> String {
    let mut text = match state {
        HandlingState::Announced => format!("Return {number} announced"),
        HandlingState::Received => format!("Return {number} received"),
        HandlingState::Refunded => format!("Return {number} refunded"),
        HandlingState::Closed => format!("Return {number} closed"),
    };
    if let Some(money) = refund {
        text.push_str(&format!(
            ": {}.{:02} {}",
            money.minor_units / 100,
            money.minor_units % 100,
            money.currency
        ));
    }
    if let Some(note) = note {
        text.push_str(&format!(" ({note})"));
    }
    text
}
