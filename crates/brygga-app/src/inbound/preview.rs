//! The go-live purchase order before it is made: how many lines and units it would get from the
//! warehouse's stock articles as they are now. The inbound screen asks before "create", so the
//! merchant confirms knowing what is about to be pre-advised; nothing is saved or sent.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::forms::InitialStockInRequest;
use crate::products::sync_error;
use crate::{App, ErrorCode, IpcError};

/// What `create_initial_stock_in` would make of the same request now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InitialStockInPreview {
    /// Lines the purchase order would get: stock articles matching the filter with a quantity.
    pub lines: u32,
    /// Units over all those lines.
    #[ts(type = "number")]
    pub units: i64,
}

/// Reads the warehouse's stock articles and counts the lines the go-live purchase order would
/// get; zero when none matches with a quantity.
pub async fn preview_initial_stock_in(
    app: &App,
    request: InitialStockInRequest,
) -> Result<InitialStockInPreview, IpcError> {
    let engine = crate::sync::engine(app)?;
    let skus = engine
        .warehouse_stock_articles()
        .await
        .map_err(sync_error)?;
    let lines = match request.form(&skus) {
        Ok(form) => form.lines,
        // The only refusal: no stock article matches with a quantity.
        Err(err) if err.code == ErrorCode::Validation => Vec::new(),
        Err(err) => return Err(err),
    };
    Ok(InitialStockInPreview {
        lines: u32::try_from(lines.len()).unwrap_or(u32::MAX),
        units: lines.iter().map(|line| line.quantity).sum(),
    })
}
