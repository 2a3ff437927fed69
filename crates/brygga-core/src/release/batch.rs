//! Which waiting orders a batch takes, and the pickability preview.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{PickableRule, ReleaseRule};

/// How much of an order the warehouse could pick now, from its stock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Pickable {
    /// Every line in full ("all in stock").
    All,
    /// Something, not everything: at least one line is short ("partly").
    Some,
    /// Nothing ("backordered").
    None,
    /// The stock could not be read; treated as not pickable unless the rule takes any order.
    Unknown,
}

impl Pickable {
    /// From each picked line's ordered quantity and the quantity the warehouse could pick of it
    /// now. Lines with nothing ordered do not count; an order without a line to pick is `All`
    /// (nothing is missing). A quantity that is not a number counts as nothing pickable.
    ///
    /// Leave out lines that are not picked (fees, text lines): they would count as missing.
    pub fn from_lines(lines: &[(f64, f64)]) -> Self {
        let mut full = 0_usize;
        let mut some = 0_usize;
        let mut counted = 0_usize;
        for &(ordered, pickable_now) in lines {
            if ordered.is_nan() || ordered <= 0.0 {
                continue;
            }
            counted += 1;
            let now = if pickable_now.is_nan() {
                0.0
            } else {
                pickable_now
            };
            if now >= ordered {
                full += 1;
            } else if now > 0.0 {
                some += 1;
            }
        }
        if full == counted {
            Self::All
        } else if full + some == 0 {
            Self::None
        } else {
            Self::Some
        }
    }
}

/// A waiting order the next batch could take, as the engine read it just before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub shop_order_id: i64,
    /// The shop order's identity (number and creation time), see
    /// [`ShopOrder::identity`](crate::order::ShopOrder::identity).
    pub identity: String,
    pub warehouse_order_id: i32,
    /// When the customer placed the order; batches take the oldest first.
    pub created_at: DateTime<Utc>,
    pub shop_status: i64,
    pub paid: bool,
    pub shipping_method_id: Option<i64>,
    /// The merchant held this order back from the next batch.
    pub held_back: bool,
    pub pickability: Pickable,
}

/// Why a batch left an order waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum BatchSkip {
    /// The merchant held it back.
    HeldBack,
    /// Its shop status is not one the rule takes.
    ShopStatus,
    /// The rule takes paid orders only and it is not paid.
    NotPaid,
    /// Its shipping method is not one the rule takes (or it has none).
    ShippingMethod,
    /// Only some lines can be picked and the rule takes fully pickable orders only.
    NotFullyPickable,
    /// Nothing can be picked now.
    NothingPickable,
    /// Its stock could not be read, and the rule needs it to be pickable.
    PickabilityUnknown,
    /// The batch was full; newer orders wait for the next one.
    OverMaximum,
}

impl fmt::Display for BatchSkip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::HeldBack => "held back by the merchant",
            Self::ShopStatus => "the shop status is not in the release rule",
            Self::NotPaid => "not paid",
            Self::ShippingMethod => "the shipping method is not in the release rule",
            Self::NotFullyPickable => "not fully pickable",
            Self::NothingPickable => "nothing pickable",
            Self::PickabilityUnknown => "the stock could not be read",
            Self::OverMaximum => "over the batch maximum",
        })
    }
}

/// What a batch takes and leaves, by shop order id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchPlan {
    /// The orders to release, oldest first.
    pub take: Vec<i64>,
    /// The orders left waiting, oldest first, each with the first reason that applied.
    pub skipped: Vec<(i64, BatchSkip)>,
}

/// Chooses a batch from the waiting orders under `rule`: oldest first (by creation time, then
/// order number), each order checked in the order held back, shop status, paid, shipping method,
/// pickability, and the first `max_per_batch` that pass are taken.
///
/// Each order's pickability is its own: two orders short of the same article both look fully
/// pickable when the stock covers either alone.
pub fn plan_batch(candidates: &[Candidate], rule: &ReleaseRule) -> BatchPlan {
    let mut oldest_first: Vec<&Candidate> = candidates.iter().collect();
    oldest_first.sort_by_key(|c| (c.created_at, c.shop_order_id));
    let max = rule.max_per_batch.map(|max| max as usize);
    let mut plan = BatchPlan::default();
    for candidate in oldest_first {
        let id = candidate.shop_order_id;
        match skip_reason(candidate, rule) {
            Some(reason) => plan.skipped.push((id, reason)),
            None if max.is_some_and(|max| plan.take.len() >= max) => {
                plan.skipped.push((id, BatchSkip::OverMaximum));
            }
            None => plan.take.push(id),
        }
    }
    plan
}

/// Why the rule leaves this order waiting, whatever the batch size; `None` if it passes.
fn skip_reason(candidate: &Candidate, rule: &ReleaseRule) -> Option<BatchSkip> {
    if candidate.held_back {
        return Some(BatchSkip::HeldBack);
    }
    if !rule.shop_statuses.is_empty() && !rule.shop_statuses.contains(&candidate.shop_status) {
        return Some(BatchSkip::ShopStatus);
    }
    if rule.paid_only && !candidate.paid {
        return Some(BatchSkip::NotPaid);
    }
    if !rule.shipping_methods.is_empty()
        && !candidate
            .shipping_method_id
            .is_some_and(|method| rule.shipping_methods.contains(&method))
    {
        return Some(BatchSkip::ShippingMethod);
    }
    match (rule.pickable, candidate.pickability) {
        (PickableRule::Any, _)
        | (_, Pickable::All)
        | (PickableRule::AlsoPartly, Pickable::Some) => None,
        (PickableRule::Fully, Pickable::Some) => Some(BatchSkip::NotFullyPickable),
        (_, Pickable::None) => Some(BatchSkip::NothingPickable),
        (_, Pickable::Unknown) => Some(BatchSkip::PickabilityUnknown),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_quantities_give_all_some_or_none() {
        assert_eq!(
            Pickable::from_lines(&[(2.0, 2.0), (1.0, 5.0)]),
            Pickable::All
        );
        assert_eq!(
            Pickable::from_lines(&[(2.0, 2.0), (1.0, 0.0)]),
            Pickable::Some,
            "one line in full, one not at all"
        );
        assert_eq!(
            Pickable::from_lines(&[(3.0, 1.0)]),
            Pickable::Some,
            "a line partly in stock is partly pickable"
        );
        assert_eq!(
            Pickable::from_lines(&[(3.0, 0.0), (1.0, -2.0)]),
            Pickable::None,
            "negative stock is nothing to pick"
        );
        assert_eq!(
            Pickable::from_lines(&[(1.0, f64::NAN)]),
            Pickable::None,
            "an unreadable quantity is not counted as stock"
        );
        assert_eq!(
            Pickable::from_lines(&[(0.0, 0.0)]),
            Pickable::All,
            "a line with nothing ordered misses nothing"
        );
    }
}
