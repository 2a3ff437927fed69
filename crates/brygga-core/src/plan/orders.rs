//! Flows 2 and 3, orders shop -> warehouse: which orders to send, which changes to follow, which
//! to cancel, and which to stop for the merchant with a reason.
//!
//! An order goes when it was created on or after the start date and its shop status sends. It
//! follows the shop until the warehouse starts on it; a later change or cancellation is reported
//! as refused, never lost. Before a number is sent for the first time, the warehouse's order with
//! that number (if any) must be the same customer's: a shop that reuses a deleted order's number
//! must not overwrite someone else's order.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::hash::ContentHash;
use crate::mapping::{ShopStatusRule, StatusMapping, TransportMapping, WarehouseStage};
use crate::operation::Operation;
use crate::order::{OrderProblem, ShopOrder, WarehouseOrder};
use crate::plan::order_draft::{Drafted, draft};

/// What Brygga recorded about a shop order it has seen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Link {
    /// [`ShopOrder::identity`] of the order this record is about.
    pub identity: String,
    /// What the warehouse last accepted, if anything.
    pub sent: Option<SentOrder>,
    /// The warehouse status last read.
    pub warehouse_status: Option<i32>,
    /// Cancelled in the warehouse by Brygga.
    pub cancelled: bool,
}

/// The version of an order the warehouse accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SentOrder {
    pub hash: ContentHash,
    pub generation: u32,
    pub warehouse_order_id: Option<i32>,
}

/// The merchant's order settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderRules {
    /// Orders created before this are never sent.
    pub start: DateTime<Utc>,
    /// Accepted currencies (ISO 4217); empty accepts any.
    pub currencies: Vec<String>,
}

/// What the order planner looks at.
#[derive(Debug, Clone, Copy)]
pub struct OrderState<'a> {
    pub shop_orders: &'a [ShopOrder],
    /// By shop order id.
    pub links: &'a BTreeMap<i64, Link>,
    /// The warehouse's orders with the numbers of `shop_orders` that have never been sent.
    pub warehouse_by_number: &'a BTreeMap<String, WarehouseOrder>,
    /// The shop's articles by SKU, to tell stock lines from services.
    pub catalogue: &'a BTreeMap<String, Article>,
    pub rules: &'a OrderRules,
    pub statuses: &'a StatusMapping,
    pub transport: &'a TransportMapping,
}

/// Why an order was left alone without being a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Skip {
    /// Created before the start date.
    BeforeStart,
    /// Its shop status holds it.
    StatusHolds,
    /// Cancelled in the shop before it was ever sent.
    CancelledBeforeSending,
    /// Its shipping method is not handled by the warehouse (click and collect).
    NotForWarehouse,
    /// No line for the warehouse to pick.
    NothingToPick,
    /// Already cancelled in the warehouse.
    AlreadyCancelled,
    /// Shipped or cancelled in the warehouse; later shop edits do not concern it.
    Finished,
}

/// What the order planner decided.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderPlan {
    pub operations: Vec<Operation>,
    /// Orders stopped for the merchant, with every reason.
    pub held: BTreeMap<i64, Vec<OrderProblem>>,
    pub skipped: BTreeMap<i64, Skip>,
    /// Sent orders with nothing new.
    pub unchanged: usize,
}

/// Plans flows 2 and 3 for every order in `state.shop_orders`.
pub fn plan_orders(state: OrderState<'_>) -> OrderPlan {
    let mut plan = OrderPlan::default();
    for order in state.shop_orders {
        match decide(&state, order) {
            Decision::Do(op) => plan.operations.push(op),
            Decision::Hold(problems) => {
                plan.held.insert(order.order_id, problems);
            }
            Decision::Skip(skip) => {
                plan.skipped.insert(order.order_id, skip);
            }
            Decision::Unchanged => plan.unchanged += 1,
        }
    }
    plan
}

enum Decision {
    Do(Operation),
    Hold(Vec<OrderProblem>),
    Skip(Skip),
    Unchanged,
}

fn decide(state: &OrderState<'_>, order: &ShopOrder) -> Decision {
    let identity = order.identity();
    let link = state.links.get(&order.order_id);
    let sent = match link {
        Some(link) if link.identity != identity && link.sent.is_some() => {
            return Decision::Hold(vec![OrderProblem::NumberReused {
                warehouse_order_id: link.sent.and_then(|s| s.warehouse_order_id),
                warehouse_consignee: None,
            }]);
        }
        Some(link) if link.identity == identity => link.sent,
        _ => None,
    };
    let link = link.filter(|link| link.identity == identity);
    if sent.is_none() {
        if let Some(theirs) = state.warehouse_by_number.get(&order.order_id.to_string())
            && !same_customer(order, theirs)
        {
            return Decision::Hold(vec![OrderProblem::NumberReused {
                warehouse_order_id: Some(theirs.warehouse_order_id),
                warehouse_consignee: theirs.consignee_name.clone(),
            }]);
        }
        if order.created_at < state.rules.start {
            return Decision::Skip(Skip::BeforeStart);
        }
    }
    let stage = link
        .and_then(|link| link.warehouse_status)
        .map(|status| state.statuses.stage(status));
    let open = stage.is_none_or(WarehouseStage::is_open);
    match state.statuses.shop_rule(order.status_id) {
        ShopStatusRule::Cancel => {
            let Some(sent) = sent else {
                return Decision::Skip(Skip::CancelledBeforeSending);
            };
            if link.is_some_and(|link| link.cancelled) || stage == Some(WarehouseStage::Cancelled) {
                return Decision::Skip(Skip::AlreadyCancelled);
            }
            match sent.warehouse_order_id {
                Some(warehouse_order_id) if open => Decision::Do(Operation::CancelWarehouseOrder {
                    shop_order_id: order.order_id,
                    identity,
                    warehouse_order_id,
                }),
                _ => Decision::Hold(vec![OrderProblem::CancelRefused]),
            }
        }
        ShopStatusRule::Hold if sent.is_none() => Decision::Skip(Skip::StatusHolds),
        ShopStatusRule::Hold | ShopStatusRule::Send | ShopStatusRule::Release => {
            let draft = match draft(order, state.catalogue, state.rules, state.transport) {
                Drafted::Ready(draft) => draft,
                Drafted::NotForWarehouse => return Decision::Skip(Skip::NotForWarehouse),
                Drafted::NothingToPick => return Decision::Skip(Skip::NothingToPick),
                Drafted::Problems(problems) => return Decision::Hold(problems),
            };
            let hash = draft.content_hash();
            match sent {
                Some(sent) if sent.hash == hash => Decision::Unchanged,
                // Once shipped or cancelled the warehouse is done with the order: later edits in
                // the shop (credits, the delivered quantities Brygga writes back) stay there.
                Some(_)
                    if matches!(
                        stage,
                        Some(WarehouseStage::Sent | WarehouseStage::Cancelled)
                    ) =>
                {
                    Decision::Skip(Skip::Finished)
                }
                Some(_) if !open => Decision::Hold(vec![OrderProblem::ChangeRefused]),
                _ => Decision::Do(Operation::SendOrder {
                    shop_order_id: order.order_id,
                    identity,
                    draft,
                    hash,
                    generation: sent.map_or(0, |s| s.generation),
                }),
            }
        }
    }
}

/// Whether the warehouse's order with this number is this customer's: the same consignee name
/// and, where both sides have one, the same e-mail. Letter case and spacing do not count.
fn same_customer(order: &ShopOrder, theirs: &WarehouseOrder) -> bool {
    let norm = |text: Option<&str>| {
        text.map(|t| {
            t.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
    };
    let name_matches =
        norm(order.delivery.name.as_deref()) == norm(theirs.consignee_name.as_deref());
    let email_matches = match (
        norm(order.contact.email.as_deref()),
        norm(theirs.consignee_email.as_deref()),
    ) {
        (Some(ours), Some(their)) => ours == their,
        _ => true,
    };
    name_matches && email_matches
}
