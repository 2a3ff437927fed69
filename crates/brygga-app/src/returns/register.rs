//! Registering a return: check the lines and cause against what can be returned, choose its
//! number, store it and queue its return order in the warehouse, linked to the order's lines,
//! through the outbox; the shop order is commented once the warehouse has it.

use brygga_core::returns::{
    RequestedLine, ReturnDraftLine, ReturnKind, ReturnOrderDraft, ShopComment, validate_return,
};
use brygga_ongoing::orders::OrderQuery;
use brygga_store::ReturnRecord;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ReturnSaved;
use super::returnable::{delivered_lines, earlier_returns, warehouse_returns};
use super::view::ReturnKindName;
use super::warehouse::{returns_error, shop_order_id};
use crate::form::filled;
use crate::{App, ErrorCode, IpcError};

/// One line to return.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReturnLineForm {
    pub sku: String,
    pub quantity: u32,
}

/// `register_return`: a regret purchase or a complaint on a delivered order.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RegisterReturnRequest {
    pub order_number: String,
    /// `regret`, `complaint` or `unclaimed`; unannounced returns come from the warehouse.
    pub kind: ReturnKindName,
    pub lines: Vec<ReturnLineForm>,
    /// A return cause code from `list_return_causes`.
    pub cause: String,
    #[serde(default)]
    pub note: Option<String>,
}

/// The next return number of an order, `{order}-R{n}`, free both here and in the warehouse.
fn next_number(order_number: &str, taken: &[String]) -> String {
    let used = |n: usize| {
        let number = format!("{order_number}-R{n}");
        taken.contains(&number)
    };
    let mut n = taken.len() + 1;
    while used(n) {
        n += 1;
    }
    format!("{order_number}-R{n}")
}

/// Registers a return: checks it, stores it and queues its return order (linked to the order's
/// lines) under its number in one transaction, then sends it. The shop order's comment follows
/// once the warehouse has the return order.
pub async fn register_return(
    app: &App,
    req: RegisterReturnRequest,
) -> Result<ReturnSaved, IpcError> {
    let kind = match req.kind {
        ReturnKindName::Regret => ReturnKind::Regret,
        ReturnKindName::Complaint => ReturnKind::Complaint,
        // The carrier told the merchant a parcel is on its way back uncollected.
        ReturnKindName::Unclaimed => ReturnKind::Unclaimed,
        ReturnKindName::Unannounced => {
            return Err(IpcError::new(
                ErrorCode::Validation,
                "a return the merchant registers is announced: a regret purchase, a complaint or an unclaimed parcel; only the warehouse registers unannounced returns",
            ));
        }
    };
    let order_number = req.order_number.trim().to_owned();
    let engine = crate::sync::engine(app)?;
    let remotes = engine.remotes();
    let warehouse = &remotes.warehouse;
    let order = warehouse
        .orders(&OrderQuery {
            order_number: Some(order_number.clone()),
            ..Default::default()
        })
        .await
        .map_err(|err| IpcError::remote(&err))?
        .into_iter()
        .next()
        .ok_or_else(|| {
            IpcError::new(
                ErrorCode::Validation,
                format!(
                    "order {order_number} is not in the warehouse, so it was never delivered and nothing on it can be returned"
                ),
            )
        })?;
    let causes = warehouse
        .return_causes()
        .await
        .map_err(|err| returns_error(&err))?;
    let known: Vec<String> = causes.iter().filter_map(|c| c.code.clone()).collect();
    let in_warehouse = warehouse_returns(warehouse, vec![order_number.clone()]).await?;
    let earlier = earlier_returns(&in_warehouse, &engine.unsent_return_orders()?, &order);
    let (delivered, _) = delivered_lines(&order, &earlier);
    let requested: Vec<RequestedLine> = req
        .lines
        .iter()
        .map(|line| RequestedLine {
            sku: line.sku.trim().to_owned(),
            quantity: i64::from(line.quantity),
        })
        .collect();
    let cause = req.cause.trim().to_owned();
    validate_return(&order_number, &delivered, &requested, &cause, &known)
        .map_err(|problems| IpcError::new(ErrorCode::Validation, problems.join("; ")))?;

    let store = app.store()?;
    let mut taken = earlier.numbers.clone();
    taken.extend(store.returns().numbers_for_order(&order_number)?);
    taken.sort();
    taken.dedup();
    let number = next_number(&order_number, &taken);
    let note = filled(&req.note).map(str::to_owned);
    let cause_name = causes
        .iter()
        .find(|c| c.code.as_deref() == Some(cause.as_str()))
        .and_then(|c| c.name.clone());
    let mut lines = Vec::new();
    for (index, line) in requested.iter().enumerate() {
        let order_line = order
            .order_lines
            .iter()
            .find(|l| {
                l.article.as_ref().and_then(|a| a.article_number.as_deref())
                    == Some(line.sku.as_str())
            })
            .ok_or_else(|| {
                IpcError::new(
                    ErrorCode::Validation,
                    format!("{} is not on order {order_number}", line.sku),
                )
            })?;
        lines.push(ReturnDraftLine {
            row_number: (index + 1).to_string(),
            order_line_id: order_line.id,
            sku: line.sku.clone(),
            quantity: line.quantity,
            cause_code: cause.clone(),
            cause_name: cause_name.clone(),
            comment: note.clone(),
        });
    }
    let draft = ReturnOrderDraft {
        number: number.clone(),
        order_number: order_number.clone(),
        warehouse_order_id: order.order_info.order_id,
        comment: note.clone(),
        lines,
    };
    let (announcement, problem) = match shop_order_id(&order_number) {
        Ok(shop_order_id) => (
            Some(ShopComment {
                shop_order_id,
                generation: 1,
                text: announcement_text(&number, kind, &cause, &requested, note.as_deref()),
            }),
            None,
        ),
        Err(problem) => (None, Some(problem)),
    };
    let now_ms = chrono::Utc::now().timestamp_millis();
    let record = ReturnRecord {
        number: number.clone(),
        warehouse_id: None,
        order_number: Some(order_number.clone()),
        kind: kind.as_str().to_owned(),
        cause: Some(cause.clone()),
        note,
        state: "announced".to_owned(),
        handling_note: None,
        refund_minor: None,
        refund_currency: None,
        arrived_at_ms: None,
        comment_generation: u32::from(announcement.is_some()),
        created_at_ms: now_ms,
        updated_at_ms: now_ms,
    };
    if let Err(err) = engine.queue_return(&record, draft, announcement) {
        if store.returns().get(&number)?.is_some() {
            return Err(IpcError::new(
                ErrorCode::Validation,
                format!(
                    "another return of order {order_number} was registered as {number} at the same moment; search the order again to see what can still be returned"
                ),
            ));
        }
        return Err(err.into());
    }
    crate::sync::drain_now(&engine).await?;
    super::saved(app, &engine, warehouse, &number, problem).await
}

/// The comment announcing a return on its shop order.
fn announcement_text(
    number: &str,
    kind: ReturnKind,
    cause: &str,
    requested: &[RequestedLine],
    note: Option<&str>,
) -> String {
    let summary: Vec<String> = requested
        .iter()
        .map(|l| format!("{} x {}", l.sku, l.quantity))
        .collect();
    let kind_text = match kind {
        ReturnKind::Complaint => "complaint",
        ReturnKind::Unclaimed => "unclaimed parcel",
        _ => "regret purchase",
    };
    let mut text = format!(
        "Return {number} announced to the warehouse ({kind_text}, cause {cause}): {}",
        summary.join(", ")
    );
    if let Some(note) = note {
        text.push_str(&format!(". {note}"));
    }
    text
}
