//! Ongoing's JSON models, written from `spec/ongoing-wms-rest-api.swagger.json`.
//!
//! Request models (`Post…`) are read leniently: only the fields the simulator keeps are declared and
//! anything else is ignored, because the server layer checks every body against the spec first.
//! Response models (`Get…`) are exact: the spec's response models say `additionalProperties: false`,
//! so each struct here has only properties the spec names, spelled as it spells them (`wayBill` in
//! `orderInfo` but `waybill` in `tracking`, `purcaseCurrencyCode`), and a non-nullable property is
//! never an `Option`. Properties the simulator has nothing for are left out rather than invented;
//! the spec requires almost none of them.

pub(crate) mod article;
pub(crate) mod order;
pub(crate) mod order_view;
pub(crate) mod purchase_order;
pub(crate) mod reference;
pub(crate) mod return_order;

use serde::{Deserialize, Serialize};

/// `CodeNamePair`, used both ways.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CodeNamePair {
    pub code: Option<String>,
    pub name: Option<String>,
}

impl CodeNamePair {
    pub(crate) fn new(code: &str, name: &str) -> Self {
        Self {
            code: Some(code.to_owned()),
            name: Some(name.to_owned()),
        }
    }
}

/// `PostOrderNotification` / `GetOrderNotification` (same two properties).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Notification {
    #[serde(default)]
    pub to_be_notified: bool,
    pub value: Option<String>,
}

/// `{"number": …, "text": …}`, the shape of every status in every status list and model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct StatusNumberText {
    pub number: i32,
    pub text: Option<String>,
}

/// `{id, name}` of the goods owner, embedded in articles, orders and purchase orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GoodsOwnerRef {
    pub id: i32,
    pub name: Option<String>,
}

/// `{id, code, name}` of a warehouse, embedded in orders, purchase orders and return orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WarehouseRef {
    pub id: i32,
    pub code: Option<String>,
    pub name: Option<String>,
}
