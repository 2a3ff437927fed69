//! What the merchant sends to create or change a purchase order, import lines from a file, or
//! make the go-live purchase order, and the checks that turn it into a draft.

use brygga_core::inbound::{PurchaseOrderDraft, PurchaseOrderLine, parse_lines};
use brygga_store::{PurchaseOrderContent, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::view::PurchaseOrderLineForm;
use crate::{ErrorCode, IpcError};

/// A purchase order as the merchant writes it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PurchaseOrderForm {
    pub supplier: String,
    /// The supplier's order number or the merchant's own reference.
    pub reference: Option<String>,
    /// When the goods are expected at the warehouse, `YYYY-MM-DD`.
    pub expected_date: Option<String>,
    /// Free text for the warehouse staff.
    pub remark: Option<String>,
    pub lines: Vec<PurchaseOrderLineForm>,
}

/// `update_purchase_order`: the purchase order's whole new content.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct UpdatePurchaseOrderRequest {
    pub number: String,
    pub purchase_order: PurchaseOrderForm,
}

/// `parse_purchase_order_lines`: the text of a `SKU;quantity` file.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ParsePurchaseOrderLinesRequest {
    pub text: String,
}

/// One bad row of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CsvRowErrorView {
    /// The row's line number in the file, from 1.
    pub line: u32,
    /// The row as it stands in the file.
    pub text: String,
    pub reason: String,
}

/// The lines of a file, or (and then no lines at all) every bad row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ParsedPurchaseOrderLines {
    /// Empty whenever `errors` is not: nothing is half-imported.
    pub lines: Vec<PurchaseOrderLineForm>,
    pub errors: Vec<CsvRowErrorView>,
    /// SKUs of the lines that Brygga has never sent to the warehouse as articles: the warehouse
    /// refuses a purchase order with an article it does not know. A warning, not an error.
    pub unknown_skus: Vec<String>,
}

/// `create_initial_stock_in`: which articles, and how many of each.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct InitialStockInRequest {
    /// Only articles whose SKU contains this text (any case); all stock articles when empty.
    pub sku_filter: Option<String>,
    /// The quantity of every article not in `quantities`; articles without either are left out.
    #[ts(type = "number | null")]
    pub default_quantity: Option<i64>,
    /// Quantities per SKU, e.g. from a count of the goods about to be delivered.
    pub quantities: Vec<PurchaseOrderLineForm>,
    /// Defaults to "Initial stock-in".
    pub supplier: Option<String>,
    pub expected_date: Option<String>,
    pub remark: Option<String>,
}

fn blank_to_none(text: Option<&String>) -> Option<String> {
    text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

impl PurchaseOrderForm {
    /// The checked draft under `number`; every problem at once otherwise.
    pub(crate) fn draft(&self, number: String) -> Result<PurchaseOrderDraft, IpcError> {
        let expected = match blank_to_none(self.expected_date.as_ref()) {
            Some(text) => Some(NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
                IpcError::new(
                    ErrorCode::Validation,
                    format!("the expected date '{text}' is not a date like 2026-12-01"),
                )
            })?),
            None => None,
        };
        let draft = PurchaseOrderDraft {
            number,
            supplier: self.supplier.trim().to_owned(),
            reference: blank_to_none(self.reference.as_ref()),
            expected,
            remark: blank_to_none(self.remark.as_ref()),
            lines: self
                .lines
                .iter()
                .cloned()
                .map(PurchaseOrderLine::from)
                .collect(),
        };
        let problems = draft.problems();
        if problems.is_empty() {
            Ok(draft)
        } else {
            Err(IpcError::new(
                ErrorCode::Validation,
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            ))
        }
    }
}

/// The draft as the store keeps it.
pub(crate) fn content(draft: &PurchaseOrderDraft) -> PurchaseOrderContent {
    PurchaseOrderContent {
        supplier: draft.supplier.clone(),
        reference: draft.reference.clone(),
        expected_date: draft.expected.map(|d| d.format("%Y-%m-%d").to_string()),
        remark: draft.remark.clone(),
        lines: serde_json::to_value(&draft.lines).unwrap_or_default(),
    }
}

/// Parses a file's text; SKUs never sent to the warehouse are named as a warning.
pub(crate) fn parse(store: &Store, text: &str) -> Result<ParsedPurchaseOrderLines, IpcError> {
    match parse_lines(text) {
        Ok(lines) => {
            let known = store.articles().list()?;
            let unknown_skus = lines
                .iter()
                .filter(|line| {
                    !known
                        .iter()
                        .any(|a| a.sku == line.sku && a.sent_hash.is_some())
                })
                .map(|line| line.sku.clone())
                .collect();
            Ok(ParsedPurchaseOrderLines {
                lines: lines.into_iter().map(Into::into).collect(),
                errors: Vec::new(),
                unknown_skus,
            })
        }
        Err(errors) => Ok(ParsedPurchaseOrderLines {
            lines: Vec::new(),
            errors: errors
                .into_iter()
                .map(|e| CsvRowErrorView {
                    line: u32::try_from(e.line).unwrap_or(u32::MAX),
                    text: e.text,
                    reason: e.reason,
                })
                .collect(),
            unknown_skus: Vec::new(),
        }),
    }
}

impl InitialStockInRequest {
    /// The purchase order form for the warehouse's stock articles `skus`.
    pub(crate) fn form(&self, skus: &[String]) -> Result<PurchaseOrderForm, IpcError> {
        let filter = blank_to_none(self.sku_filter.as_ref()).map(|f| f.to_lowercase());
        let lines: Vec<PurchaseOrderLineForm> = skus
            .iter()
            .filter(|sku| {
                filter
                    .as_ref()
                    .is_none_or(|f| sku.to_lowercase().contains(f))
            })
            .filter_map(|sku| {
                let quantity = self
                    .quantities
                    .iter()
                    .find(|q| q.sku.trim() == sku)
                    .map(|q| q.quantity)
                    .or(self.default_quantity)?;
                Some(PurchaseOrderLineForm {
                    sku: sku.clone(),
                    quantity,
                })
            })
            .collect();
        if lines.is_empty() {
            return Err(IpcError::new(
                ErrorCode::Validation,
                format!(
                    "no stock article of the warehouse{} has a quantity to advise; give a default \
                     quantity or quantities per SKU",
                    filter
                        .as_ref()
                        .map(|f| format!(" matching '{f}'"))
                        .unwrap_or_default()
                ),
            ));
        }
        Ok(PurchaseOrderForm {
            supplier: blank_to_none(self.supplier.as_ref())
                .unwrap_or_else(|| "Initial stock-in".to_owned()),
            reference: Some("go-live".to_owned()),
            expected_date: self.expected_date.clone(),
            remark: self.remark.clone(),
            lines,
        })
    }
}
