//! Returns (flow 8): the rules for what a customer may send back, how a return is handled, and
//! what a refund is, without any IO.
//!
//! A line can be returned up to what was delivered minus what is already on earlier returns, so a
//! customer cannot be refunded twice for one item. Validation names every problem at once, so the
//! merchant fixes the whole form in one go. What arrived is compared with what was announced with
//! the same maths as inbound deviations (announced = advised, removed by inventory = rejected).
//! The merchant moves a return announced -> received -> refunded or closed; closing needs a note
//! saying why, and money is integer minor units with a currency, never a float.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::inbound::{DeviationKind, LineDeviation, ReceivedLine};

/// Why the goods come back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ReturnKind {
    /// The customer regrets the purchase (ångerköp).
    Regret,
    /// The goods are faulty (reklamation).
    Complaint,
    /// The parcel was never collected and came back to the sender.
    Unclaimed,
    /// The 3PL registered a return nobody announced.
    Unannounced,
}

impl ReturnKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Regret => "regret",
            Self::Complaint => "complaint",
            Self::Unclaimed => "unclaimed",
            Self::Unannounced => "unannounced",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Regret,
            Self::Complaint,
            Self::Unclaimed,
            Self::Unannounced,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == text)
    }
}

/// Where the merchant is with a return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum HandlingState {
    Announced,
    Received,
    Refunded,
    Closed,
}

impl HandlingState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Announced => "announced",
            Self::Received => "received",
            Self::Refunded => "refunded",
            Self::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [
            Self::Announced,
            Self::Received,
            Self::Refunded,
            Self::Closed,
        ]
        .into_iter()
        .find(|state| state.as_str() == text)
    }

    /// Whether the merchant is done with it.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Refunded | Self::Closed)
    }
}

impl fmt::Display for HandlingState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An amount of money: integer minor units (öre, cent) and an ISO 4217 code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Money {
    pub minor_units: i64,
    pub currency: String,
}

impl Money {
    /// Checks the amount is positive and the currency three capital letters.
    pub fn new(minor_units: i64, currency: &str) -> Result<Self, String> {
        let currency = currency.trim().to_ascii_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(format!(
                "the currency \"{currency}\" is not a three-letter code such as SEK"
            ));
        }
        if minor_units <= 0 {
            return Err(format!(
                "a refund must be more than zero, not {minor_units} minor units"
            ));
        }
        Ok(Self {
            minor_units,
            currency,
        })
    }
}

/// A change of handling state the merchant asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandlingChange {
    pub to: HandlingState,
    pub note: Option<String>,
    pub refund: Option<Money>,
}

/// Checks a change of handling state and names why it is refused.
///
/// Announced may become received (goods the merchant saw arrive) or closed; received may become
/// refunded or closed; refunded and closed are final. Closing needs a note; a refund amount only
/// goes with refunded.
pub fn check_transition(from: HandlingState, change: &HandlingChange) -> Result<(), String> {
    use HandlingState::*;
    let allowed = matches!(
        (from, change.to),
        (Announced, Received) | (Announced, Closed) | (Received, Refunded) | (Received, Closed)
    );
    if !allowed {
        return Err(format!(
            "a return that is {from} cannot become {}: the order is announced, received, then refunded or closed",
            change.to
        ));
    }
    let note_empty = change.note.as_deref().is_none_or(|n| n.trim().is_empty());
    if change.to == Closed && note_empty {
        return Err("closing a return needs a note saying why".to_owned());
    }
    if change.refund.is_some() && change.to != Refunded {
        return Err(format!(
            "a refund amount goes with refunded, not with {}",
            change.to
        ));
    }
    Ok(())
}

/// One line of a delivered order as far as returns are concerned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveredLine {
    pub sku: String,
    pub delivered: i64,
    /// On earlier returns (announced or received) of this order.
    pub already_returned: i64,
}

impl DeliveredLine {
    /// What may still be returned: delivered minus already returned, never below zero.
    pub fn returnable(&self) -> i64 {
        (self.delivered - self.already_returned).max(0)
    }
}

/// One line the merchant wants to return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestedLine {
    pub sku: String,
    pub quantity: i64,
}

/// A return order as it is sent to the warehouse: everything the call needs, fixed when the
/// merchant registers it, so a retried send carries exactly the same return.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnOrderDraft {
    /// `{order}-R{n}`: the warehouse's upsert key, chosen before anything is sent.
    pub number: String,
    pub order_number: String,
    /// The warehouse's id of the delivered order.
    pub warehouse_order_id: i32,
    pub comment: Option<String>,
    pub lines: Vec<ReturnDraftLine>,
}

/// One line of a [`ReturnOrderDraft`]: units of one warehouse order line, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReturnDraftLine {
    pub row_number: String,
    pub order_line_id: i32,
    pub sku: String,
    pub quantity: i64,
    pub cause_code: String,
    pub cause_name: Option<String>,
    pub comment: Option<String>,
}

/// A comment for the shop order a return belongs to. `generation` numbers the comments written
/// for one return (1 is the announcement), so each is one change and none is written twice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShopComment {
    pub shop_order_id: i64,
    pub generation: u32,
    pub text: String,
}

/// Checks a return against the order's delivered lines; names every problem.
pub fn validate_return(
    order_number: &str,
    delivered: &[DeliveredLine],
    requested: &[RequestedLine],
    cause: &str,
    known_causes: &[String],
) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    if delivered.iter().all(|line| line.delivered <= 0) {
        problems.push(format!(
            "order {order_number} has not been delivered, so nothing on it can be returned"
        ));
    }
    if requested.is_empty() {
        problems.push("a return needs at least one line".to_owned());
    }
    if cause.trim().is_empty() {
        problems.push("choose a return cause".to_owned());
    } else if !known_causes.iter().any(|known| known == cause.trim()) {
        problems.push(format!(
            "the warehouse has no return cause \"{}\" (it has: {})",
            cause.trim(),
            known_causes.join(", ")
        ));
    }
    let mut totals: BTreeMap<&str, i64> = BTreeMap::new();
    for line in requested {
        if line.quantity <= 0 {
            problems.push(format!(
                "{}: a quantity to return must be at least 1, not {}",
                line.sku, line.quantity
            ));
        }
        *totals.entry(line.sku.as_str()).or_default() += line.quantity.max(0);
    }
    for (sku, quantity) in totals {
        match delivered.iter().find(|line| line.sku == sku) {
            None => problems.push(format!("{sku} is not on order {order_number}")),
            Some(line) if quantity > line.returnable() => problems.push(format!(
                "{sku}: {quantity} is more than can be returned ({} delivered, {} already returned, {} returnable)",
                line.delivered,
                line.already_returned,
                line.returnable()
            )),
            Some(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The differences between what was announced and what arrived, like inbound deviations.
/// `finished` says whether the warehouse has finished receiving the return.
pub fn differences(lines: &[ReceivedLine], finished: bool) -> Vec<LineDeviation> {
    crate::inbound::deviations(lines, finished)
}
