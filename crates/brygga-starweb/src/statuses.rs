//! Order statuses, found by `idCode` because their numeric ids differ from shop to shop.
//!
//! Starweb has four standard statuses, `created`, `picking`, `completed` and `canceled` (one "l"),
//! and any number of the merchant's own, which have no `idCode`. Nothing else marks a status's
//! meaning, so [`ShopStatuses`] reads the shop's list once and answers "which id is `picking` here".

use reqwest::Method;
use serde::Deserialize;

use crate::client::{Call, StarwebClient};
use crate::error::StarwebError;
use crate::wire::{Data, list_either_way};

/// Starweb's standard order statuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StandardStatus {
    Created,
    Picking,
    Completed,
    Canceled,
}

impl StandardStatus {
    pub const ALL: [StandardStatus; 4] = [
        StandardStatus::Created,
        StandardStatus::Picking,
        StandardStatus::Completed,
        StandardStatus::Canceled,
    ];

    /// The `idCode` Starweb gives it.
    pub fn id_code(self) -> &'static str {
        match self {
            StandardStatus::Created => "created",
            StandardStatus::Picking => "picking",
            StandardStatus::Completed => "completed",
            StandardStatus::Canceled => "canceled",
        }
    }

    /// The standard status an `idCode` names; `None` for anything else.
    pub fn from_id_code(id_code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|status| status.id_code() == id_code)
    }
}

/// A status name in one language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusName {
    pub lang_code: String,
    pub name: String,
}

/// `OrderStatusModel`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderStatus {
    pub status_id: i32,
    /// Set on standard statuses only.
    pub id_code: Option<String>,
    /// The customer is e-mailed when an order enters this status.
    #[serde(default)]
    pub should_send_email: bool,
    /// Names per language (`{data: [...]}` in 2.12.0, a plain list in 2.11.0).
    #[serde(default, deserialize_with = "list_either_way")]
    pub languages: Vec<StatusName>,
}

impl OrderStatus {
    /// Which standard status this is; `None` for the merchant's own.
    pub fn standard(&self) -> Option<StandardStatus> {
        self.id_code
            .as_deref()
            .and_then(StandardStatus::from_id_code)
    }

    /// The name in `lang_code`, else the first one given.
    pub fn name(&self, lang_code: &str) -> Option<&str> {
        self.languages
            .iter()
            .find(|name| name.lang_code == lang_code)
            .or(self.languages.first())
            .map(|name| name.name.as_str())
    }
}

/// One shop's statuses, looked up by standard meaning or by id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopStatuses {
    statuses: Vec<OrderStatus>,
}

impl ShopStatuses {
    pub fn new(statuses: Vec<OrderStatus>) -> Self {
        Self { statuses }
    }

    /// The shop's id for a standard status; an error if the shop lacks it.
    pub fn id_of(&self, standard: StandardStatus) -> Result<i32, StarwebError> {
        self.statuses
            .iter()
            .find(|status| status.standard() == Some(standard))
            .map(|status| status.status_id)
            .ok_or_else(|| StarwebError::MissingStatus {
                id_code: standard.id_code().to_owned(),
            })
    }

    pub fn by_id(&self, status_id: i32) -> Option<&OrderStatus> {
        self.statuses
            .iter()
            .find(|status| status.status_id == status_id)
    }

    /// The merchant's own statuses, the ones without an `idCode`.
    pub fn custom(&self) -> impl Iterator<Item = &OrderStatus> {
        self.statuses
            .iter()
            .filter(|status| status.standard().is_none())
    }

    pub fn all(&self) -> &[OrderStatus] {
        &self.statuses
    }
}

impl StarwebClient {
    /// The shop's order statuses, standard and custom.
    pub async fn order_statuses(&self) -> Result<ShopStatuses, StarwebError> {
        let call = Call::new("list order statuses", Method::GET, &[&"order-statuses"]);
        let statuses: Data<Vec<OrderStatus>> = self.send(call).await?;
        Ok(ShopStatuses::new(statuses.data))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_found_by_id_code_not_by_number() {
        let body = r#"[
            {"statusId": 7, "idCode": "picking", "shouldSendEmail": false,
             "languages": {"data": [{"langCode": "sv", "name": "Plockas"}]}},
            {"statusId": 3, "idCode": "created", "shouldSendEmail": true, "languages": []},
            {"statusId": 9, "shouldSendEmail": false}
        ]"#;
        let statuses = ShopStatuses::new(serde_json::from_str(body).unwrap());
        assert_eq!(
            statuses.id_of(StandardStatus::Picking).unwrap(),
            7,
            "the shop's own number for picking"
        );
        assert_eq!(statuses.by_id(7).unwrap().name("en"), Some("Plockas"));
        assert_eq!(
            statuses.custom().map(|s| s.status_id).collect::<Vec<_>>(),
            vec![9],
            "a status without idCode is the merchant's own"
        );
        let err = statuses.id_of(StandardStatus::Canceled).unwrap_err();
        assert!(
            err.to_string().contains("canceled"),
            "a missing standard status is named: {err}"
        );
    }
}
