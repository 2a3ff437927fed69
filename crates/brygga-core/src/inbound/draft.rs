//! A purchase order as the merchant writes it: supplier, reference, expected date, free text for
//! the warehouse and lines of SKU and quantity. It is checked before it is saved or sent, and every
//! problem is named at once, so the merchant fixes all of them in one go.

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::article::MAX_SKU_LENGTH;

/// The longest supplier name and reference sent to the warehouse.
pub const MAX_SUPPLIER_LENGTH: usize = 100;
/// The longest free text for the warehouse.
pub const MAX_REMARK_LENGTH: usize = 1000;

/// Brygga's number for its `n`th purchase order: stable for the purchase order's whole life, so
/// the warehouse's upsert by number always updates the same pre-advice.
pub fn purchase_order_number(n: i64) -> String {
    format!("PO-{n:06}")
}

/// One line: this many of this article are expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseOrderLine {
    pub sku: String,
    pub quantity: i64,
}

/// A purchase order to pre-advise to the warehouse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PurchaseOrderDraft {
    /// Brygga's number, see [`purchase_order_number`].
    pub number: String,
    pub supplier: String,
    /// The supplier's order number or the merchant's own reference.
    pub reference: Option<String>,
    /// When the goods are expected at the warehouse.
    pub expected: Option<NaiveDate>,
    /// Free text for the warehouse staff.
    pub remark: Option<String>,
    pub lines: Vec<PurchaseOrderLine>,
}

/// Why a purchase order cannot be saved as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum DraftProblem {
    NoSupplier,
    SupplierTooLong {
        length: usize,
    },
    RemarkTooLong {
        length: usize,
    },
    NoLines,
    /// Line `line` (from 1) has no SKU.
    EmptySku {
        line: usize,
    },
    SkuTooLong {
        line: usize,
        sku: String,
    },
    /// The quantity must be a whole number above zero.
    BadQuantity {
        line: usize,
        sku: String,
        quantity: i64,
    },
    /// The SKU is on an earlier line already.
    DuplicateSku {
        line: usize,
        sku: String,
        first: usize,
    },
}

impl fmt::Display for DraftProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSupplier => write!(f, "the supplier is empty"),
            Self::SupplierTooLong { length } => write!(
                f,
                "the supplier is {length} characters long; at most {MAX_SUPPLIER_LENGTH} are sent"
            ),
            Self::RemarkTooLong { length } => write!(
                f,
                "the text for the warehouse is {length} characters long; at most {MAX_REMARK_LENGTH} fit"
            ),
            Self::NoLines => write!(f, "the purchase order has no lines"),
            Self::EmptySku { line } => write!(f, "line {line} has no SKU"),
            Self::SkuTooLong { line, sku } => write!(
                f,
                "line {line}: the SKU '{sku}' is longer than {MAX_SKU_LENGTH} characters"
            ),
            Self::BadQuantity {
                line,
                sku,
                quantity,
            } => write!(
                f,
                "line {line}: the quantity of '{sku}' is {quantity}; it must be above zero"
            ),
            Self::DuplicateSku { line, sku, first } => write!(
                f,
                "line {line}: '{sku}' is already on line {first}; put the whole quantity on one line"
            ),
        }
    }
}

impl PurchaseOrderDraft {
    /// Every problem with the purchase order, in line order; empty when it can be sent.
    pub fn problems(&self) -> Vec<DraftProblem> {
        let mut problems = Vec::new();
        let supplier = self.supplier.trim();
        if supplier.is_empty() {
            problems.push(DraftProblem::NoSupplier);
        } else if supplier.chars().count() > MAX_SUPPLIER_LENGTH {
            problems.push(DraftProblem::SupplierTooLong {
                length: supplier.chars().count(),
            });
        }
        if let Some(remark) = &self.remark
            && remark.chars().count() > MAX_REMARK_LENGTH
        {
            problems.push(DraftProblem::RemarkTooLong {
                length: remark.chars().count(),
            });
        }
        problems.extend(line_problems(&self.lines));
        problems
    }
}

/// The problems of a list of lines alone (also used for lines read from a file).
pub fn line_problems(lines: &[PurchaseOrderLine]) -> Vec<DraftProblem> {
    let mut problems = Vec::new();
    if lines.is_empty() {
        problems.push(DraftProblem::NoLines);
    }
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, line) in lines.iter().enumerate() {
        let number = index + 1;
        let sku = line.sku.trim();
        if sku.is_empty() {
            problems.push(DraftProblem::EmptySku { line: number });
            continue;
        }
        if sku.chars().count() > MAX_SKU_LENGTH {
            problems.push(DraftProblem::SkuTooLong {
                line: number,
                sku: sku.to_owned(),
            });
        }
        if line.quantity <= 0 {
            problems.push(DraftProblem::BadQuantity {
                line: number,
                sku: sku.to_owned(),
                quantity: line.quantity,
            });
        }
        if let Some(first) = seen.get(sku) {
            problems.push(DraftProblem::DuplicateSku {
                line: number,
                sku: sku.to_owned(),
                first: *first,
            });
        } else {
            seen.insert(sku, number);
        }
    }
    problems
}

/// How far the warehouse has come with a purchase order, from its status number. Ongoing's
/// standard purchase order statuses are 100 pre-advised, 200–400 receiving started or partly
/// received, 500–999 received and 1000 and above cancelled (the numbers a 3PL adds keep within
/// these bands); a line with goods received counts as started whatever the status says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InboundStage {
    /// Pre-advised; the merchant may still change or cancel it.
    Advised,
    /// The warehouse has started receiving; changes and cancelling are refused.
    Receiving,
    /// Receiving is finished: what did not arrive is short.
    Received,
    Cancelled,
}

impl InboundStage {
    pub fn of(status: i32, anything_received: bool) -> Self {
        match status {
            s if s >= 1000 => Self::Cancelled,
            s if s >= 500 => Self::Received,
            s if s > 100 => Self::Receiving,
            _ if anything_received => Self::Receiving,
            _ => Self::Advised,
        }
    }

    /// Whether the merchant may still change or cancel the purchase order.
    pub fn editable(self) -> bool {
        match self {
            Self::Advised => true,
            Self::Receiving | Self::Received | Self::Cancelled => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(sku: &str, quantity: i64) -> PurchaseOrderLine {
        PurchaseOrderLine {
            sku: sku.to_owned(),
            quantity,
        }
    }

    #[test]
    fn every_problem_is_named_at_once() {
        let draft = PurchaseOrderDraft {
            number: purchase_order_number(7),
            supplier: " ".to_owned(),
            reference: None,
            expected: None,
            remark: None,
            lines: vec![line("A", 2), line("", 1), line("B", 0), line("A", 1)],
        };
        assert_eq!(
            draft.number, "PO-000007",
            "numbers are zero-padded to six digits"
        );
        assert_eq!(
            draft.problems(),
            vec![
                DraftProblem::NoSupplier,
                DraftProblem::EmptySku { line: 2 },
                DraftProblem::BadQuantity {
                    line: 3,
                    sku: "B".to_owned(),
                    quantity: 0
                },
                DraftProblem::DuplicateSku {
                    line: 4,
                    sku: "A".to_owned(),
                    first: 1
                },
            ],
            "the supplier and every bad line are reported, not only the first problem"
        );
    }

    #[test]
    fn a_line_with_goods_received_is_receiving_whatever_the_status() {
        assert_eq!(InboundStage::of(100, false), InboundStage::Advised);
        assert_eq!(
            InboundStage::of(100, true),
            InboundStage::Receiving,
            "goods on a line mean the warehouse has started, even before the status moves"
        );
        assert_eq!(InboundStage::of(400, true), InboundStage::Receiving);
        assert_eq!(InboundStage::of(500, true), InboundStage::Received);
        assert_eq!(InboundStage::of(1000, false), InboundStage::Cancelled);
        assert!(!InboundStage::Receiving.editable(), "receiving locks it");
    }
}
