//! The side effects a real shop has on the outside world, recorded instead of done: customer e-mails
//! (order confirmations and status-change mails) and payment actions (capture, void) asked of the
//! payment provider. Tests count them to prove, for example, that a first sync e-mails nobody.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// Why the shop e-mailed a customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum EmailTrigger {
    /// The order confirmation sent when an order is placed.
    OrderPlaced,
    /// The mail sent when an order enters a status whose `shouldSendEmail` is set.
    StatusChanged,
}

/// A customer e-mail the shop sent (recorded, never delivered).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerEmail {
    pub order_id: u32,
    pub to: Option<String>,
    pub trigger: EmailTrigger,
    pub status_id: u32,
    pub status_id_code: Option<String>,
    pub sent_at: DateTime<Utc>,
}

/// A payment action (capture, void) the shop would have asked the payment provider for.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessedPayment {
    pub order_id: u32,
    pub status_id: u32,
    pub status_id_code: Option<String>,
    pub processed_at: DateTime<Utc>,
}
