//! Carrying out a release or a hold: the warehouse order's status first (the 3PL picks from the
//! released status), then the shop order's picking status, which locks it there too.
//!
//! Both steps read before they write, so a retry after a crash never releases twice: an order
//! already at or past the released status counts as released, and the shop write goes through
//! the same "is this still the order Brygga sent" check as every status write.

use brygga_core::mapping::{StatusMapping, WarehouseStage};
use brygga_core::remote::FailureClass;
use brygga_starweb::orders::StatusChange;

use crate::execute::{Effect, Failure, Remotes, id32, still_ours};

/// Moves the warehouse order to `released_status` and the shop order to `shop_status`.
pub(crate) async fn release(
    remotes: &Remotes,
    statuses: &StatusMapping,
    shop_order_id: i64,
    identity: &str,
    warehouse_order_id: i32,
    released_status: i32,
    shop_status: Option<i64>,
) -> Result<Effect, Failure> {
    let order = remotes.warehouse.order(warehouse_order_id).await?;
    let now = order
        .order_info
        .order_status
        .as_ref()
        .map_or(0, |s| s.number);
    match statuses.stage(now) {
        WarehouseStage::Open => {
            remotes
                .warehouse
                .set_order_status(warehouse_order_id, released_status)
                .await?;
        }
        WarehouseStage::Started | WarehouseStage::Sent => {}
        WarehouseStage::Cancelled => {
            return Err(Failure {
                class: FailureClass::Abort,
                code: "release.cancelled",
                message: format!("warehouse order {warehouse_order_id} is cancelled"),
                problem: None,
            });
        }
    }
    let mut shop_written = false;
    if let Some(status) = shop_status {
        let order_id = id32(shop_order_id)?;
        let shop = still_ours(remotes, order_id, identity).await?;
        if shop.status_id != Some(id32(status)?) {
            remotes
                .shop
                .set_order_status(
                    order_id,
                    StatusChange {
                        status_id: id32(status)?,
                        email_customer: true,
                        process_payment: true,
                    },
                )
                .await?;
        }
        shop_written = true;
    }
    Ok(Effect::Released {
        shop_order_id,
        released_status,
        shop_status: shop_status.filter(|_| shop_written),
    })
}

/// Moves a released warehouse order back to `held_status`, if the warehouse has not gone further.
pub(crate) async fn hold(
    remotes: &Remotes,
    statuses: &StatusMapping,
    shop_order_id: i64,
    warehouse_order_id: i32,
    held_status: i32,
) -> Result<Effect, Failure> {
    let order = remotes.warehouse.order(warehouse_order_id).await?;
    let now = order
        .order_info
        .order_status
        .as_ref()
        .map_or(0, |s| s.number);
    match statuses.stage(now) {
        WarehouseStage::Open => {}
        WarehouseStage::Started => {
            remotes
                .warehouse
                .set_order_status(warehouse_order_id, held_status)
                .await?;
        }
        WarehouseStage::Sent | WarehouseStage::Cancelled => {
            return Err(Failure {
                class: FailureClass::Abort,
                code: "hold.tooLate",
                message: format!(
                    "warehouse order {warehouse_order_id} is already {}; it cannot be held",
                    order
                        .order_info
                        .order_status
                        .and_then(|s| s.text)
                        .unwrap_or_else(|| now.to_string())
                ),
                problem: None,
            });
        }
    }
    Ok(Effect::PutOnHold {
        shop_order_id,
        held_status,
    })
}
