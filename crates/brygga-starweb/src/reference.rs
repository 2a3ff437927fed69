//! The shop's reference data: its details, currencies, shipping methods and tracking types.
//!
//! Shipping methods carry no carrier or service code, only an id, names and an `externalId`, so a
//! bridge maps them to warehouse transport codes in its own settings; these calls supply the list
//! the merchant picks from. Tracking types are what [`StarwebClient::set_order_tracking`] needs to
//! make the tracking number a link for the customer.

use reqwest::Method;
use serde::Deserialize;

use crate::client::{Call, StarwebClient};
use crate::error::StarwebError;
use crate::wire::{Data, list_either_way};

/// `ShopModel`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShopInfo {
    pub name: Option<String>,
    pub id_code: Option<String>,
    /// `open`, `closed` or `inactive`.
    pub status: Option<String>,
    pub default_lang_code: Option<String>,
    pub base_currency: Option<String>,
    pub shop_company_name: Option<String>,
    pub shop_org_no: Option<String>,
    pub shop_country_code: Option<String>,
}

/// `CurrencyModel`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Currency {
    pub code: String,
    /// Units of this currency per unit of the shop's base currency.
    pub exchange_rate: Option<f64>,
    /// Decimals shown.
    pub precision: Option<u32>,
}

/// A shipping method's name in one language.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShippingMethodName {
    pub lang_code: String,
    pub name: Option<String>,
    pub title: Option<String>,
}

/// `ShippingMethodModel`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShippingMethod {
    pub shipping_method_id: i32,
    #[serde(default)]
    pub active: bool,
    #[serde(default)]
    pub is_click_and_collect: bool,
    /// The only integration code a shipping method has.
    pub external_id: Option<String>,
    #[serde(default, deserialize_with = "list_either_way")]
    pub languages: Vec<ShippingMethodName>,
}

impl ShippingMethod {
    /// The name in `lang_code`, else the first one given.
    pub fn name(&self, lang_code: &str) -> Option<&str> {
        self.languages
            .iter()
            .find(|name| name.lang_code == lang_code)
            .or(self.languages.first())
            .and_then(|name| name.name.as_deref())
    }
}

/// A carrier whose tracking numbers the shop links to (`GET /shipping-tracking-types`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TrackingType {
    #[serde(rename = "type")]
    pub tracker_type: i32,
    pub name: String,
}

impl StarwebClient {
    /// The shop's details; also a cheap connection test.
    pub async fn shop(&self) -> Result<ShopInfo, StarwebError> {
        let call = Call::new("get shop", Method::GET, &[&"shop"]);
        let shop: Data<ShopInfo> = self.send(call).await?;
        Ok(shop.data)
    }

    pub async fn currencies(&self) -> Result<Vec<Currency>, StarwebError> {
        let call = Call::new("list currencies", Method::GET, &[&"currencies"]);
        let currencies: Data<Vec<Currency>> = self.send(call).await?;
        Ok(currencies.data)
    }

    pub async fn shipping_methods(&self) -> Result<Vec<ShippingMethod>, StarwebError> {
        let call = Call::new("list shipping methods", Method::GET, &[&"shipping-methods"]);
        let methods: Data<Vec<ShippingMethod>> = self.send(call).await?;
        Ok(methods.data)
    }

    pub async fn shipping_tracking_types(&self) -> Result<Vec<TrackingType>, StarwebError> {
        let call = Call::new(
            "list shipping tracking types",
            Method::GET,
            &[&"shipping-tracking-types"],
        );
        let types: Data<Vec<TrackingType>> = self.send(call).await?;
        Ok(types.data)
    }
}
