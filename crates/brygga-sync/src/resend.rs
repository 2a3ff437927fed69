//! Sending one order to the warehouse again, at the merchant's request from the order page.
//!
//! The re-send goes through the same planner and the same outbox as a cycle, so every rule still
//! holds: the number-reuse check, the transport mapping, and the lock (the warehouse refuses
//! changes once it has started, so a locked order is refused here, before anything is queued).
//! The planner would see an unchanged order as nothing to do; a re-send asks it to plan as if
//! the warehouse had another version, so the call carries the order's current content under
//! the next idempotency key of the order's sends. Asking twice before the call is made queues it
//! once.

use std::collections::BTreeMap;

use brygga_core::hash::ContentHash;
use brygga_core::mapping::WarehouseStage;
use brygga_core::operation::Operation;
use brygga_core::plan::orders::{OrderState, Skip, plan_orders};
use brygga_starweb::map::shop_order;

use crate::engine::Engine;
use crate::error::SyncError;
use crate::flows::orders::core_link;

/// What a re-send request did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resend {
    /// The call is in the outbox as row `outbox_id`; `new` is false when the same call was
    /// already queued.
    Queued { outbox_id: i64, new: bool },
    /// Nothing was queued, for the reason given in words.
    Refused(String),
}

/// A hash no real order content is compared against: the planner takes the stored version as
/// different from the current one and plans the send.
fn another_version() -> ContentHash {
    ContentHash::of(&[Some("brygga: send the order again")])
}

fn skip_words(skip: Skip) -> &'static str {
    match skip {
        Skip::BeforeStart => "it was placed before the start date",
        Skip::StatusHolds => "its shop status holds it in the shop",
        Skip::CancelledBeforeSending => "it was cancelled in the shop before it was ever sent",
        Skip::NotForWarehouse => "its shipping method is not sent to the warehouse",
        Skip::NothingToPick => "it has no line for the warehouse to pick",
        Skip::AlreadyCancelled => "it is already cancelled in the warehouse",
        Skip::Finished => "the warehouse has shipped or cancelled it",
    }
}

impl Engine {
    /// Plans and queues a send of the shop order's current content to the warehouse.
    pub async fn resend_order(&self, shop_order_id: i64) -> Result<Resend, SyncError> {
        let Some(link) = self.store.order_links().get(shop_order_id)? else {
            return Err(SyncError::NotReady(format!(
                "order {shop_order_id} is not known to Brygga; it was never read from the shop"
            )));
        };
        if link.cancelled {
            return Ok(Resend::Refused(format!(
                "order {shop_order_id} was cancelled in the warehouse; it is not sent again"
            )));
        }
        let id = i32::try_from(shop_order_id).map_err(|_| {
            SyncError::NotReady(format!("order number {shop_order_id} is out of range"))
        })?;
        let wire = self.remotes.shop.order(id).await?;
        let order = shop_order(&wire).map_err(|err| {
            SyncError::NotReady(format!(
                "order {shop_order_id} cannot be read from the shop: {err}"
            ))
        })?;
        let settings = self.settings()?;
        let rules = settings.effective_order_rules(self.now());
        let number = shop_order_id.to_string();
        let mut warehouse_by_number = self
            .warehouse_orders_numbered(std::slice::from_ref(&number))
            .await?;
        let mut core = core_link(&link);
        if let Some(sent) = core
            .sent
            .as_mut()
            .filter(|_| core.identity == order.identity())
        {
            if let Some(theirs) = warehouse_by_number.remove(&number)
                && sent.warehouse_order_id == Some(theirs.warehouse_order_id)
            {
                core.warehouse_status = Some(theirs.status);
            }
            let stage = core
                .warehouse_status
                .map(|status| settings.statuses.stage(status));
            if let Some(stage) = stage.filter(|stage| !stage.is_open()) {
                let why = match stage {
                    WarehouseStage::Sent => "has already shipped it",
                    WarehouseStage::Cancelled => "has cancelled it",
                    WarehouseStage::Open | WarehouseStage::Started => "has started on it",
                };
                return Ok(Resend::Refused(format!(
                    "the warehouse {why} (status {}); it no longer accepts changes",
                    core.warehouse_status.unwrap_or_default()
                )));
            }
            sent.hash = another_version();
        }
        let skus: Vec<&str> = order
            .lines
            .iter()
            .filter_map(|l| l.sku.as_deref())
            .collect();
        let catalogue = self.catalogue(&skus).await?;
        let by_sku = catalogue
            .articles
            .iter()
            .map(|a| (a.sku.clone(), a.clone()))
            .collect();
        let links = BTreeMap::from([(shop_order_id, core)]);
        let orders = [order];
        let plan = plan_orders(OrderState {
            shop_orders: &orders,
            links: &links,
            warehouse_by_number: &warehouse_by_number,
            catalogue: &by_sku,
            rules: &rules,
            statuses: &settings.statuses,
            transport: &settings.transport,
        });
        if let Some(problems) = plan.held.get(&shop_order_id) {
            let reasons: Vec<String> = problems.iter().map(ToString::to_string).collect();
            return Ok(Resend::Refused(format!(
                "the order cannot be sent: {}",
                reasons.join("; ")
            )));
        }
        if let Some(skip) = plan.skipped.get(&shop_order_id) {
            return Ok(Resend::Refused(format!(
                "the order is not for the warehouse now: {}",
                skip_words(*skip)
            )));
        }
        let Some(operation) = plan
            .operations
            .into_iter()
            .find(|op| matches!(op, Operation::SendOrder { .. }))
        else {
            return Ok(Resend::Refused(
                "the planner has nothing to send for this order".to_owned(),
            ));
        };
        let new = self.queue(&operation)?;
        let key = operation.key();
        let outbox_id = self
            .store
            .outbox()
            .with_key_prefix(&[operation.kind()], &key)?
            .into_iter()
            .find(|row| row.idempotency_key == key)
            .map(|row| row.id)
            .ok_or_else(|| {
                SyncError::NotReady(format!("the send of order {shop_order_id} was not queued"))
            })?;
        Ok(Resend::Queued { outbox_id, new })
    }
}
