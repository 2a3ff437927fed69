//! Order release (flow 4) as the engine runs it: which orders are waiting, how pickable each is,
//! and releasing a batch of them, by schedule or by hand, exactly once.
//!
//! A batch is written to the store with every order's outcome (pending, or skipped and why)
//! before any release is sent, and each release is an outbox row keyed by the batch. A batch cut
//! off by a crash is resumed from the store: its pending orders are queued again under the same
//! keys, so no order is released twice and none is forgotten. A scheduled slot has at most one
//! batch (the store refuses a second), and a slot missed while Brygga was not running is recorded
//! as overdue for the merchant to release or skip, never released late on its own.

use std::collections::BTreeMap;

use brygga_core::mapping::WarehouseStage;
use brygga_core::operation::Operation;
use brygga_core::release::{
    BatchPlan, Candidate, Pickable, ReleaseMode, ReleaseSettings, SlotState, due_batches,
    plan_batch,
};
use brygga_ongoing::pickability::{Pickability, PickabilityQuery};
use brygga_store::{OrderLink, StoreError};
use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use serde::Serialize;

use crate::engine::Engine;
use crate::error::SyncError;
use crate::report::DrainReport;
use crate::scheduler::Stop;

/// The release settings' key.
pub const RELEASE_SETTINGS: &str = "sync.release";
/// When the release schedule was last looked at, so slots in between are found once.
pub const RELEASE_CHECKED: &str = "release.checked";
/// How late a scheduled batch may still run on its own; later, it waits for the merchant.
pub const GRACE: TimeDelta = TimeDelta::minutes(15);

/// Who started a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum StartedBy {
    Schedule,
    Merchant,
}

impl StartedBy {
    fn as_str(self) -> &'static str {
        match self {
            StartedBy::Schedule => "schedule",
            StartedBy::Merchant => "merchant",
        }
    }
}

/// What a release did (or, in a dry run, would do).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchReport {
    pub batch_id: Option<i64>,
    pub dry_run: bool,
    pub plan: BatchPlan,
    pub candidates: Vec<Candidate>,
    pub drained: Option<DrainReport>,
}

impl Engine {
    /// The merchant's release settings, or the defaults.
    pub fn release_settings(&self) -> Result<ReleaseSettings, StoreError> {
        Ok(self
            .store
            .settings()
            .get(RELEASE_SETTINGS)?
            .unwrap_or_default())
    }

    /// Every order sent to the warehouse and still waiting there, with how much of it the
    /// warehouse could pick now.
    pub async fn release_candidates(&self) -> Result<Vec<Candidate>, SyncError> {
        let statuses = self.settings()?.statuses;
        let waiting: Vec<OrderLink> = self
            .store
            .order_links()
            .list()?
            .into_iter()
            .filter(|link| link.sent_hash.is_some() && !link.cancelled)
            .filter(|link| link.released_batch_id.is_none())
            .filter(|link| {
                link.warehouse_status
                    .and_then(|s| i32::try_from(s).ok())
                    .is_none_or(|s| statuses.stage(s) == WarehouseStage::Open)
            })
            .collect();
        let ids: Vec<i32> = waiting
            .iter()
            .filter_map(|l| l.warehouse_order_id.and_then(|id| i32::try_from(id).ok()))
            .collect();
        let mut pickable = BTreeMap::new();
        for chunk in ids.chunks(200) {
            let results = self
                .remotes
                .warehouse
                .pickability(&PickabilityQuery {
                    order_ids: chunk.to_vec(),
                    ..PickabilityQuery::default()
                })
                .await?;
            for result in results {
                pickable.insert(result.order_info.order_id, pickable_of(&result));
            }
        }
        Ok(waiting
            .into_iter()
            .filter_map(|link| {
                let warehouse_order_id = i32::try_from(link.warehouse_order_id?).ok()?;
                Some(Candidate {
                    shop_order_id: link.shop_order_id,
                    identity: link.identity.clone(),
                    warehouse_order_id,
                    created_at: Utc.timestamp_millis_opt(link.shop_created_at_ms).single()?,
                    shop_status: link.shop_status_id.unwrap_or_default(),
                    paid: link.paid,
                    shipping_method_id: link.shipping_method_id,
                    held_back: link.held_back,
                    pickability: pickable
                        .get(&warehouse_order_id)
                        .copied()
                        .unwrap_or(Pickable::Unknown),
                })
            })
            .collect())
    }

    /// Releases a batch: the orders the rule takes (or exactly `only`, when the merchant chose
    /// them), for the scheduled `slot` or now. A slot that already has a batch is not released again.
    pub async fn release_batch(
        &self,
        slot: Option<DateTime<Utc>>,
        started_by: StartedBy,
        only: Option<&[i64]>,
        dry_run: bool,
    ) -> Result<BatchReport, SyncError> {
        let settings = self.release_settings()?;
        let mapping = self.settings()?.statuses;
        let target = settings
            .release_target(&mapping)
            .map_err(|err| SyncError::NotReady(err.to_string()))?;
        let candidates = self.release_candidates().await?;
        let plan = match only {
            None => plan_batch(&candidates, &settings.rule),
            Some(chosen) => chosen_plan(&candidates, chosen)?,
        };
        let mut report = BatchReport {
            batch_id: None,
            dry_run,
            plan,
            candidates,
            drained: None,
        };
        if dry_run {
            return Ok(report);
        }
        let mut orders: Vec<(i64, &str, Option<String>)> = report
            .plan
            .take
            .iter()
            .map(|id| (*id, "pending", None))
            .collect();
        orders.extend(
            report
                .plan
                .skipped
                .iter()
                .map(|(id, why)| (*id, "skipped", Some(why.to_string()))),
        );
        let rows: Vec<(i64, &str, Option<&str>)> = orders
            .iter()
            .map(|(id, outcome, why)| (*id, *outcome, why.as_deref()))
            .collect();
        let rule = serde_json::to_value(&settings.rule).unwrap_or_default();
        let batch_id = match self.store.release_batches().create(
            slot.map(|s| s.timestamp_millis()),
            started_by.as_str(),
            "running",
            &rule,
            &rows,
            self.now_ms(),
        ) {
            Ok(id) => id,
            Err(StoreError::SlotTaken { batch_id, .. }) => {
                report.batch_id = Some(batch_id);
                return Ok(report);
            }
            Err(err) => return Err(err.into()),
        };
        report.batch_id = Some(batch_id);
        self.queue_releases(batch_id, target.warehouse_status, target.shop_status)?;
        report.drained = Some(self.finish_batch(batch_id).await?);
        Ok(report)
    }

    /// Queues a release for every order of the batch still pending (again, after a crash: the
    /// keys are the same, so nothing is queued twice).
    fn queue_releases(
        &self,
        batch_id: i64,
        released_status: i32,
        shop_status: Option<i64>,
    ) -> Result<(), StoreError> {
        let Some(batch) = self.store.release_batches().get(batch_id)? else {
            return Ok(());
        };
        let links: BTreeMap<i64, OrderLink> = self
            .store
            .order_links()
            .list()?
            .into_iter()
            .map(|l| (l.shop_order_id, l))
            .collect();
        let operations: Vec<Operation> = batch
            .orders
            .iter()
            .filter(|o| o.outcome == "pending")
            .filter_map(|o| {
                let link = links.get(&o.shop_order_id)?;
                let warehouse_order_id = i32::try_from(link.warehouse_order_id?).ok()?;
                Some(Operation::ReleaseOrder {
                    shop_order_id: o.shop_order_id,
                    identity: link.identity.clone(),
                    warehouse_order_id,
                    released_status,
                    shop_status,
                    batch_id: Some(batch_id),
                })
            })
            .collect();
        for operation in &operations {
            self.queue(operation)?;
        }
        Ok(())
    }

    /// Drains and marks the batch done.
    async fn finish_batch(&self, batch_id: i64) -> Result<DrainReport, SyncError> {
        let stop = Stop::default();
        let drained = self.drain(stop.flag()).await?;
        let pending = self
            .store
            .release_batches()
            .get(batch_id)?
            .is_some_and(|b| b.orders.iter().any(|o| o.outcome == "pending"));
        if !pending {
            self.store
                .release_batches()
                .set_state(batch_id, "done", None, self.now_ms())?;
        }
        Ok(drained)
    }

    /// Resumes batches a crash cut off, then looks at the release schedule: a slot due now is
    /// released, a slot missed is recorded as overdue. With "release on arrival", every waiting
    /// order is released at once instead.
    pub async fn release_tick(&self) -> Result<Vec<BatchReport>, SyncError> {
        let mut reports = Vec::new();
        let saved: Option<ReleaseSettings> = self.store.settings().get(RELEASE_SETTINGS)?;
        let settings = saved.clone().unwrap_or_default();
        let mapping = self.settings()?.statuses;
        let Ok(target) = settings.release_target(&mapping) else {
            return Ok(reports);
        };
        let (released_status, shop_status) = (target.warehouse_status, target.shop_status);
        for batch in self.store.release_batches().running()? {
            self.queue_releases(batch.id, released_status, shop_status)?;
            self.finish_batch(batch.id).await?;
        }
        // Releasing by schedule starts when the merchant has saved release settings: an
        // installation that never chose release times releases by hand only.
        if saved.is_none() {
            return Ok(reports);
        }
        let now = self.now();
        match settings.mode {
            ReleaseMode::OnArrival => {
                for c in self.release_candidates().await? {
                    if !c.held_back {
                        self.queue(&Operation::ReleaseOrder {
                            shop_order_id: c.shop_order_id,
                            identity: c.identity,
                            warehouse_order_id: c.warehouse_order_id,
                            released_status,
                            shop_status,
                            batch_id: None,
                        })?;
                    }
                }
            }
            ReleaseMode::Batches => {
                let checked = self.cursor(RELEASE_CHECKED)?;
                for slot in due_batches(&settings, checked, now, GRACE) {
                    match slot.due {
                        SlotState::RunNow => {
                            reports.push(
                                self.release_batch(Some(slot.at), StartedBy::Schedule, None, false)
                                    .await?,
                            );
                        }
                        SlotState::Overdue => {
                            let rule = serde_json::to_value(&settings.rule).unwrap_or_default();
                            match self.store.release_batches().create(
                                Some(slot.at.timestamp_millis()),
                                StartedBy::Schedule.as_str(),
                                "overdue",
                                &rule,
                                &[],
                                self.now_ms(),
                            ) {
                                Ok(_) | Err(StoreError::SlotTaken { .. }) => {}
                                Err(err) => return Err(err.into()),
                            }
                        }
                    }
                }
            }
        }
        self.advance_cursor(RELEASE_CHECKED, now, false)?;
        Ok(reports)
    }

    /// Releases an overdue batch now, with the orders its rule takes now.
    pub async fn release_overdue(&self, batch_id: i64) -> Result<BatchReport, SyncError> {
        let Some(batch) = self.store.release_batches().get(batch_id)? else {
            return Err(SyncError::NotReady(format!("there is no batch {batch_id}")));
        };
        if batch.state != "overdue" {
            return Err(SyncError::NotReady(format!(
                "batch {batch_id} is {}, not overdue",
                batch.state
            )));
        }
        self.store.release_batches().set_state(
            batch_id,
            "skipped",
            Some("released by hand instead"),
            self.now_ms(),
        )?;
        self.release_batch(None, StartedBy::Merchant, None, false)
            .await
    }

    /// Puts released orders back on hold where the warehouse still allows it: back to the
    /// highest waiting ("open") status below the released one, and out of the next batches until
    /// the merchant lets them go again.
    pub async fn put_on_hold(&self, shop_order_ids: &[i64]) -> Result<DrainReport, SyncError> {
        let mapping = self.settings()?.statuses;
        let target = self
            .release_settings()?
            .release_target(&mapping)
            .map_err(|err| SyncError::NotReady(err.to_string()))?;
        let held_status = mapping
            .warehouse
            .iter()
            .filter(|(number, rule)| {
                rule.stage == WarehouseStage::Open && **number < target.warehouse_status
            })
            .map(|(number, _)| *number)
            .max()
            .ok_or_else(|| {
                SyncError::NotReady(
                    "no waiting warehouse status is mapped below the released one".to_owned(),
                )
            })?;
        let mut operations = Vec::new();
        for id in shop_order_ids {
            let link = self
                .store
                .order_links()
                .get(*id)?
                .ok_or_else(|| SyncError::NotReady(format!("order {id} was never sent")))?;
            let warehouse_order_id = link
                .warehouse_order_id
                .and_then(|w| i32::try_from(w).ok())
                .ok_or_else(|| {
                    SyncError::NotReady(format!("order {id} is not in the warehouse"))
                })?;
            self.store
                .order_links()
                .set_held_back(*id, true, self.now_ms())?;
            operations.push(Operation::HoldOrder {
                shop_order_id: *id,
                identity: link.identity.clone(),
                warehouse_order_id,
                held_status,
                released_by: link.released_batch_id,
            });
        }
        for operation in &operations {
            self.queue(operation)?;
        }
        let stop = Stop::default();
        self.drain(stop.flag()).await
    }

    /// Skips an overdue batch: its time passed, and the merchant chose not to release it late.
    pub fn skip_overdue(&self, batch_id: i64) -> Result<(), SyncError> {
        self.store.release_batches().set_state(
            batch_id,
            "skipped",
            Some("skipped by the merchant"),
            self.now_ms(),
        )?;
        Ok(())
    }
}

/// A batch of exactly the orders the merchant chose; each must be waiting in the warehouse.
fn chosen_plan(candidates: &[Candidate], chosen: &[i64]) -> Result<BatchPlan, SyncError> {
    let not_waiting: Vec<String> = chosen
        .iter()
        .filter(|id| !candidates.iter().any(|c| c.shop_order_id == **id))
        .map(ToString::to_string)
        .collect();
    if !not_waiting.is_empty() {
        return Err(SyncError::NotReady(format!(
            "order(s) {} are not waiting in the warehouse (not sent, already released, or \
             cancelled)",
            not_waiting.join(", ")
        )));
    }
    Ok(BatchPlan {
        take: chosen.to_vec(),
        skipped: Vec::new(),
    })
}

/// How much of an order the warehouse could pick now, from its pickability answer.
fn pickable_of(result: &brygga_ongoing::pickability::OrderPickability) -> Pickable {
    let can = |p: Option<&Pickability>| {
        p.is_some_and(|p| p.can_pick_now() || *p == Pickability::NothingToAllocate)
    };
    if can(result.pickability()) {
        return Pickable::All;
    }
    let lines = result.order_lines.as_deref().unwrap_or_default();
    if lines.iter().any(|line| {
        can(line
            .order_line_pickability
            .as_ref()
            .and_then(|p| p.pickability.as_ref()))
    }) {
        Pickable::Some
    } else if result.pickability().is_some() {
        Pickable::None
    } else {
        Pickable::Unknown
    }
}
