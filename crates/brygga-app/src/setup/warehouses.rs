//! The 3PL's warehouses, read live so the merchant can choose which take part in the stock flow.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{App, IpcError};

/// `list_warehouses` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ListWarehousesRequest {}

/// One of the 3PL's warehouses, to choose the ones taking part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WarehouseChoice {
    pub id: i32,
    pub code: Option<String>,
    pub name: Option<String>,
}

/// The 3PL's warehouses, read live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WarehouseList {
    pub warehouses: Vec<WarehouseChoice>,
}

/// The warehouses of the saved Ongoing connection; `notConfigured` before it is saved.
pub async fn list_warehouses(
    app: &App,
    _request: ListWarehousesRequest,
) -> Result<WarehouseList, IpcError> {
    let remotes = crate::sync::remotes(app)?;
    let warehouses = remotes
        .warehouse
        .warehouses()
        .await
        .map_err(|err| IpcError::remote(&err))?;
    Ok(WarehouseList {
        warehouses: warehouses
            .into_iter()
            .map(|w| WarehouseChoice {
                id: w.id,
                code: w.code,
                name: w.name,
            })
            .collect(),
    })
}
