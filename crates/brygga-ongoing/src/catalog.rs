//! What the warehouse offers: the goods owner (the connection test), its warehouses, its order status
//! list and its transporter contracts. Each 3PL names and numbers these its own way, so Brygga always
//! reads them live instead of assuming Ongoing's defaults.

use reqwest::Method;
use serde::Deserialize;

use crate::client::{Call, OngoingClient};
use crate::error::OngoingError;

/// A goods owner the API user may act for.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GoodsOwner {
    pub goods_owner_id: i32,
    pub goods_owner_name: Option<String>,
}

/// One of the 3PL's warehouses.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Warehouse {
    pub id: i32,
    pub code: Option<String>,
    pub name: Option<String>,
}

/// One order status as this warehouse numbers and names it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderStatus {
    pub number: i32,
    pub text: Option<String>,
}

/// A transporter contract: the codes an order needs to be booked with this carrier and service.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransporterContract {
    pub transporter_name: Option<String>,
    pub transporter_code: Option<String>,
    pub transporter_service_code: Option<String>,
    pub edi_code: Option<String>,
    /// Every service the contract offers; the contract's own service code is its default.
    #[serde(default)]
    pub transporter_services: Option<Vec<TransporterService>>,
}

/// One service of a transporter contract (home delivery, service point, ...).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransporterService {
    pub transporter_service_name: Option<String>,
    pub transporter_service_code: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct GoodsOwners {
    goods_owners: Option<Vec<GoodsOwner>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OrderStatuses {
    order_statuses: Option<Vec<OrderStatus>>,
}

impl OngoingClient {
    /// The goods owners this user may act for; the connection test checks ours is among them.
    pub async fn goods_owners(&self) -> Result<Vec<GoodsOwner>, OngoingError> {
        let call = Call::new("list goods owners", Method::GET, "api/v1/goodsOwners");
        let owners: Option<GoodsOwners> = self.send(call).await?;
        Ok(owners.and_then(|o| o.goods_owners).unwrap_or_default())
    }

    /// The 3PL's warehouses.
    pub async fn warehouses(&self) -> Result<Vec<Warehouse>, OngoingError> {
        let call = Call::new("list warehouses", Method::GET, "api/v1/warehouses");
        Ok(self
            .send::<Option<Vec<Warehouse>>>(call)
            .await?
            .unwrap_or_default())
    }

    /// The order statuses as this warehouse has set them up.
    pub async fn order_statuses(&self) -> Result<Vec<OrderStatus>, OngoingError> {
        let call = Call::new("list order statuses", Method::GET, "api/v1/orders/statuses");
        let statuses: Option<OrderStatuses> = self.send(call).await?;
        Ok(statuses.and_then(|s| s.order_statuses).unwrap_or_default())
    }

    /// The transporter contracts the goods owner can book orders with.
    pub async fn transporter_contracts(&self) -> Result<Vec<TransporterContract>, OngoingError> {
        let call = Call::new(
            "list transporter contracts",
            Method::GET,
            "api/v1/transporterContracts",
        )
        .query("goodsOwnerId", self.goods_owner_id());
        Ok(self
            .send::<Option<Vec<TransporterContract>>>(call)
            .await?
            .unwrap_or_default())
    }
}
