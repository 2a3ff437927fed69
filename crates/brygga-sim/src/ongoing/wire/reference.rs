//! Reference-data models: goods owners, warehouses and transporter contracts.

use serde::Serialize;

use super::CodeNamePair;

/// `GetGoodsOwnersModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GoodsOwners {
    pub goods_owners: Vec<GetGoodsOwner>,
}

/// `GetGoodsOwnerModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetGoodsOwner {
    pub goods_owner_id: i32,
    pub goods_owner_name: Option<String>,
    pub goods_owner_comment: Option<String>,
    pub is_training_goods_owner: bool,
    pub default_warehouse: GoodsOwnerWarehouse,
    pub goods_owner_classes: Vec<CodeNamePair>,
    pub invoicing_currency: CodeNamePair,
}

/// `GetGoodsOwnerWarehouseModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GoodsOwnerWarehouse {
    pub warehouse_id: i32,
    pub warehouse_name: Option<String>,
    pub warehouse_code: Option<String>,
}

/// `WarehouseModel`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetWarehouse {
    pub id: i32,
    pub code: Option<String>,
    pub name: Option<String>,
    pub address: WarehouseAddress,
}

/// `WarehouseAddressModel` (the postal part).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct WarehouseAddress {
    pub name: Option<String>,
    pub address1: Option<String>,
    pub post_code: Option<String>,
    pub city: Option<String>,
    pub country_code: Option<String>,
}

/// `GetTransporterContract`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetTransporterContract {
    pub edi_code: Option<String>,
    pub transporter_name: Option<String>,
    pub transporter_code: Option<String>,
    pub transporter_service_code: Option<String>,
    pub transporter_services: Vec<GetTransporterService>,
}

/// `GetTransporterService`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct GetTransporterService {
    pub transporter_service_name: Option<String>,
    pub transporter_service_code: Option<String>,
}
