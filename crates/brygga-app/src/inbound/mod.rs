//! The inbound screen's commands (flow 7, "Inleveranser / Inbound"): purchase orders created,
//! changed and cancelled by the merchant and pre-advised to the warehouse, lines imported from a
//! `SKU;quantity` file, the go-live purchase order of all stock articles, and the deviations of
//! what arrived, which the merchant acknowledges with a note.
//!
//! Every write to the warehouse goes through the outbox like any other call, and the command
//! drains it at once so the answer says whether the warehouse took it. A change or cancel after
//! the warehouse started receiving is refused before anything is saved, with the reason; should
//! the warehouse refuse it anyway (it started in between), its words are kept on the purchase order.

mod forms;
mod preview;
mod view;

use brygga_core::inbound::{PurchaseOrderDraft, purchase_order_number};
use brygga_store::{PurchaseOrderKind, PurchaseOrderState};
use brygga_sync::Engine;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use forms::{
    CsvRowErrorView, InitialStockInRequest, ParsePurchaseOrderLinesRequest,
    ParsedPurchaseOrderLines, PurchaseOrderForm, UpdatePurchaseOrderRequest,
};
pub use preview::{InitialStockInPreview, preview_initial_stock_in};
pub use view::{
    DeviationKindName, DeviationView, PurchaseOrderDetail, PurchaseOrderKindName,
    PurchaseOrderLineForm, PurchaseOrderLineView, PurchaseOrderStage, PurchaseOrderSummary,
};
pub(crate) use view::{Loaded, load_all};

use crate::form::filled;
use crate::products::sync_error;
use crate::sync::drain_now as drain;
use crate::{App, ErrorCode, IpcError};

/// `list_purchase_orders`: cancelled ones only when asked for.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ListPurchaseOrdersRequest {
    pub include_cancelled: bool,
}

/// Every purchase order, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PurchaseOrderList {
    pub purchase_orders: Vec<PurchaseOrderSummary>,
    /// Open deviations over all purchase orders.
    pub open_deviations: u32,
}

/// Names one purchase order.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PurchaseOrderRequest {
    pub number: String,
}

/// What a create, change or cancel did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PurchaseOrderSaved {
    pub detail: PurchaseOrderDetail,
    /// Whether the warehouse has taken it (the version, or the cancel).
    pub accepted: bool,
    /// Why not, in words (the warehouse's own for a refusal); `None` when accepted.
    pub problem: Option<String>,
}

/// `list_deviations`: acknowledged ones too when asked for.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ListDeviationsRequest {
    pub include_acknowledged: bool,
}

/// Deviations, newest purchase order first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviationList {
    pub deviations: Vec<DeviationView>,
    /// How many are open.
    pub open: u32,
}

/// One deviation: an article on a purchase order.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DeviationRef {
    pub number: String,
    pub sku: String,
}

/// `acknowledge_deviations`: these deviations, all with one note.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AcknowledgeDeviationsRequest {
    pub deviations: Vec<DeviationRef>,
    pub note: Option<String>,
}

/// What acknowledging did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AcknowledgeDeviationsResult {
    pub acknowledged: u32,
    /// Purchase orders now marked reported in the warehouse (all their deviations acknowledged).
    pub reported: Vec<String>,
    /// What could not be done, in words.
    pub problems: Vec<String>,
}

fn not_found(number: &str) -> IpcError {
    IpcError::new(
        ErrorCode::Validation,
        format!("there is no purchase order {number}"),
    )
}

fn load(app: &App, number: &str) -> Result<Loaded, IpcError> {
    let store = app.store()?;
    let record = store
        .purchase_orders()
        .get(number.trim())?
        .ok_or_else(|| not_found(number))?;
    Loaded::load(store, record)
}

fn saved(app: &App, number: &str, cancel: bool) -> Result<PurchaseOrderSaved, IpcError> {
    let loaded = load(app, number)?;
    let record = &loaded.record;
    let accepted = if cancel {
        record.state == PurchaseOrderState::Cancelled
    } else {
        record.sent_generation == Some(record.generation)
    };
    let problem = match (&record.refusal, accepted) {
        (Some(refusal), _) => Some(refusal.clone()),
        (None, true) => None,
        (None, false) => Some(
            "the warehouse has not answered yet; the call is queued and will be tried again"
                .to_owned(),
        ),
    };
    Ok(PurchaseOrderSaved {
        detail: loaded.detail(),
        accepted,
        problem,
    })
}

/// Every purchase order with its warehouse state and open deviations.
pub async fn list_purchase_orders(
    app: &App,
    request: ListPurchaseOrdersRequest,
) -> Result<PurchaseOrderList, IpcError> {
    let all = load_all(app.store()?)?;
    let purchase_orders: Vec<PurchaseOrderSummary> = all
        .iter()
        .map(Loaded::summary)
        .filter(|po| request.include_cancelled || po.stage != PurchaseOrderStage::Cancelled)
        .collect();
    Ok(PurchaseOrderList {
        open_deviations: purchase_orders.iter().map(|po| po.open_deviations).sum(),
        purchase_orders,
    })
}

/// One purchase order with its lines, what arrived and its deviations.
pub async fn purchase_order_detail(
    app: &App,
    request: PurchaseOrderRequest,
) -> Result<PurchaseOrderDetail, IpcError> {
    Ok(load(app, &request.number)?.detail())
}

/// Saves a new purchase order under the next number and pre-advises it to the warehouse.
pub async fn create_purchase_order(
    app: &App,
    request: PurchaseOrderForm,
) -> Result<PurchaseOrderSaved, IpcError> {
    create(app, PurchaseOrderKind::Regular, request).await
}

async fn create(
    app: &App,
    kind: PurchaseOrderKind,
    form: PurchaseOrderForm,
) -> Result<PurchaseOrderSaved, IpcError> {
    let draft = form.draft(String::new())?;
    let engine = crate::sync::engine(app)?;
    let store = app.store()?;
    let record = store.purchase_orders().create(
        kind,
        &forms::content(&draft),
        purchase_order_number,
        chrono::Utc::now().timestamp_millis(),
    )?;
    let draft = PurchaseOrderDraft {
        number: record.number.clone(),
        ..draft
    };
    engine.queue_purchase_order(draft, record.generation)?;
    drain(&engine).await?;
    saved(app, &record.number, false)
}

/// Replaces a purchase order's content and sends the new version, while the warehouse has not
/// started receiving it.
pub async fn update_purchase_order(
    app: &App,
    request: UpdatePurchaseOrderRequest,
) -> Result<PurchaseOrderSaved, IpcError> {
    let number = request.number.trim().to_owned();
    let engine = crate::sync::engine(app)?;
    refuse_if_locked(app, &engine, &number, "changed").await?;
    let draft = request.purchase_order.draft(number.clone())?;
    let generation = app.store()?.purchase_orders().save_version(
        &number,
        &forms::content(&draft),
        chrono::Utc::now().timestamp_millis(),
    )?;
    engine.queue_purchase_order(draft, generation)?;
    drain(&engine).await?;
    saved(app, &number, false)
}

/// Reads the purchase order from the warehouse (when it has it) and refuses with the reason if
/// it can no longer be `what` ("changed", "cancelled").
async fn refuse_if_locked(
    app: &App,
    engine: &Engine,
    number: &str,
    what: &str,
) -> Result<(), IpcError> {
    let before = load(app, number)?;
    if before.record.warehouse_id.is_some() {
        // The stored state may be hours old; the warehouse's own answer decides. Unreachable, the
        // stored state decides, and the warehouse still refuses a change it no longer takes.
        if let Err(err) = engine.check_purchase_order(number).await {
            tracing::warn!(number, error = %err, "purchase order not read before a change");
        }
    }
    let now = load(app, number)?;
    match now.locked_reason() {
        Some(reason) => Err(IpcError::new(
            ErrorCode::RemoteRefused,
            format!("purchase order {number} cannot be {what}: {reason}"),
        )),
        None => Ok(()),
    }
}

/// Cancels a purchase order the warehouse has not started receiving.
pub async fn cancel_purchase_order(
    app: &App,
    request: PurchaseOrderRequest,
) -> Result<PurchaseOrderSaved, IpcError> {
    let number = request.number.trim().to_owned();
    let engine = crate::sync::engine(app)?;
    refuse_if_locked(app, &engine, &number, "cancelled").await?;
    let store = app.store()?;
    let record = load(app, &number)?.record;
    let now_ms = chrono::Utc::now().timestamp_millis();
    match record.warehouse_id.and_then(|id| i32::try_from(id).ok()) {
        Some(id) => {
            engine.queue_purchase_order_cancel(&number, id)?;
            drain(&engine).await?;
        }
        None => {
            // Never accepted by the warehouse: withdraw the queued sends, nothing to cancel there.
            store.outbox().supersede_pending(
                "warehouse.upsert_purchase_order",
                &format!("{number}#"),
                "",
                now_ms,
            )?;
            store
                .purchase_orders()
                .set_state(&number, PurchaseOrderState::Cancelled, now_ms)?;
        }
    }
    saved(app, &number, true)
}

/// Lines from a `SKU;quantity` file: all of them, or every bad row with its line number.
pub async fn parse_purchase_order_lines(
    app: &App,
    request: ParsePurchaseOrderLinesRequest,
) -> Result<ParsedPurchaseOrderLines, IpcError> {
    forms::parse(app.store()?, &request.text)
}

/// Creates the go-live purchase order of every stock article in the warehouse (or those whose
/// SKU contains the filter), so the 3PL receives the first delivery without typing it.
pub async fn create_initial_stock_in(
    app: &App,
    request: InitialStockInRequest,
) -> Result<PurchaseOrderSaved, IpcError> {
    let engine = crate::sync::engine(app)?;
    let skus = engine
        .warehouse_stock_articles()
        .await
        .map_err(sync_error)?;
    let form = request.form(&skus)?;
    create(app, PurchaseOrderKind::InitialStockIn, form).await
}

/// Deviations of every purchase order, open ones only unless asked for all.
pub async fn list_deviations(
    app: &App,
    request: ListDeviationsRequest,
) -> Result<DeviationList, IpcError> {
    let deviations: Vec<DeviationView> = load_all(app.store()?)?
        .iter()
        .flat_map(Loaded::deviations)
        .filter(|d| request.include_acknowledged || d.open)
        .collect();
    Ok(DeviationList {
        open: u32::try_from(deviations.iter().filter(|d| d.open).count()).unwrap_or(u32::MAX),
        deviations,
    })
}

/// Acknowledges deviations with a note. A purchase order left without open deviations is marked
/// reported in the warehouse, so it stops coming back as "to report".
pub async fn acknowledge_deviations(
    app: &App,
    request: AcknowledgeDeviationsRequest,
) -> Result<AcknowledgeDeviationsResult, IpcError> {
    if request.deviations.is_empty() {
        return Err(IpcError::new(
            ErrorCode::Validation,
            "no deviation was chosen to acknowledge",
        ));
    }
    let store = app.store()?;
    let note = filled(&request.note);
    let now_ms = chrono::Utc::now().timestamp_millis();
    let mut acknowledged = 0;
    let mut problems = Vec::new();
    let mut touched: Vec<String> = Vec::new();
    for deviation in &request.deviations {
        let Some(record) = store.purchase_orders().get(deviation.number.trim())? else {
            problems.push(format!("there is no purchase order {}", deviation.number));
            continue;
        };
        if store
            .purchase_orders()
            .acknowledge(record.id, deviation.sku.trim(), note, now_ms)?
        {
            acknowledged += 1;
            if !touched.contains(&record.number) {
                touched.push(record.number);
            }
        } else {
            problems.push(format!(
                "purchase order {} has nothing received of '{}'",
                record.number, deviation.sku
            ));
        }
    }
    if acknowledged == 0 {
        return Err(IpcError::new(ErrorCode::Validation, problems.join("; ")));
    }
    let mut to_report = Vec::new();
    for number in &touched {
        let loaded = load(app, number)?;
        let open = loaded.deviations().iter().any(|d| d.open);
        let received: i64 = loaded.receipts.iter().map(|r| r.received).sum();
        if let (false, Some(id)) = (
            open,
            loaded
                .record
                .warehouse_id
                .and_then(|id| i32::try_from(id).ok()),
        ) {
            to_report.push((number.clone(), id, received));
        }
    }
    let mut reported = Vec::new();
    if !to_report.is_empty() {
        match crate::sync::engine(app) {
            Ok(engine) => {
                for (number, id, received) in &to_report {
                    engine.queue_receipt_reported(number, *id, *received)?;
                }
                drain(&engine).await?;
                for (number, _, _) in &to_report {
                    match store.purchase_orders().get(number)? {
                        Some(po) if po.reported_at_ms.is_some_and(|at| at >= now_ms) => {
                            reported.push(number.clone());
                        }
                        _ => problems.push(format!(
                            "purchase order {number} is not yet marked reported in the warehouse; it will be tried again"
                        )),
                    }
                }
            }
            Err(err) => problems.push(format!("the warehouse was not told: {}", err.message)),
        }
    }
    Ok(AcknowledgeDeviationsResult {
        acknowledged,
        reported,
        problems,
    })
}
