//! Deviations: where what arrived differs from what was advised, line by line.
//!
//! The warehouse reports per article the advised, received and rejected quantities (rejected goods
//! are received into a locked status: in the warehouse, never sellable). An article nobody advised
//! shows as advised 0. A line deviates when more arrived than was advised (over), when less arrived
//! and receiving is finished (under: while the warehouse is still receiving, what has not arrived
//! yet may still come), when goods were rejected, or when it was not advised at all (unadvised).

use serde::{Deserialize, Serialize};

/// One article on a purchase order as the warehouse reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedLine {
    pub sku: String,
    pub advised: i64,
    /// Everything received, rejected goods included.
    pub received: i64,
    /// The part of `received` taken in as rejected (locked).
    pub rejected: i64,
}

/// How a line differs from what was advised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum DeviationKind {
    Over,
    Under,
    Rejected,
    Unadvised,
}

/// A deviating line, with the difference in units and percent of the advised quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LineDeviation {
    pub sku: String,
    pub advised: i64,
    pub received: i64,
    pub rejected: i64,
    /// Received minus advised.
    pub difference: i64,
    /// The difference in percent of the advised quantity, to one decimal; `None` when nothing was
    /// advised (an unadvised article has no base to compare with).
    pub difference_percent: Option<f64>,
    /// Every way the line deviates, in a fixed order.
    pub kinds: Vec<DeviationKind>,
}

impl ReceivedLine {
    /// The line's deviation, or `None` when it arrived as advised (or is still arriving).
    /// `finished` says whether the warehouse has finished receiving the purchase order.
    pub fn deviation(&self, finished: bool) -> Option<LineDeviation> {
        let difference = self.received - self.advised;
        let mut kinds = Vec::new();
        if self.advised == 0 {
            if self.received > 0 {
                kinds.push(DeviationKind::Unadvised);
            }
        } else if difference > 0 {
            kinds.push(DeviationKind::Over);
        } else if difference < 0 && finished {
            kinds.push(DeviationKind::Under);
        }
        if self.rejected > 0 {
            kinds.push(DeviationKind::Rejected);
        }
        kinds.sort();
        if kinds.is_empty() {
            return None;
        }
        let difference_percent = (self.advised > 0)
            .then(|| (difference as f64 * 1000.0 / self.advised as f64).round() / 10.0);
        Some(LineDeviation {
            sku: self.sku.clone(),
            advised: self.advised,
            received: self.received,
            rejected: self.rejected,
            difference,
            difference_percent,
            kinds,
        })
    }
}

/// The deviating lines of a purchase order, in the order given.
pub fn deviations(lines: &[ReceivedLine], finished: bool) -> Vec<LineDeviation> {
    lines
        .iter()
        .filter_map(|line| line.deviation(finished))
        .collect()
}
