//! `status_mapping_overview` and `save_status_mapping`: the shop's order statuses (standard ones
//! with their `idCode`, and the merchant's own) and the warehouse's order status list, each with
//! its saved rule and the suggested one.
//!
//! A shop status without a rule holds its orders; a warehouse status without a rule is read as
//! "started" (locked) by the engine. Both are legal but flagged, so the merchant decides.

use std::collections::{BTreeMap, BTreeSet};

use brygga_core::mapping::{ShopStatusRule, StatusMapping, WarehouseStage, WarehouseStatusRule};
use brygga_core::release::ReleaseSettings;
use brygga_ongoing::catalog::OrderStatus as WarehouseStatus;
use brygga_starweb::statuses::ShopStatuses;
use brygga_sync::release::RELEASE_SETTINGS;
use brygga_sync::setup::suggest_statuses;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::refused;
use crate::{App, IpcError, mapping};

/// What a shop status does with its orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ShopRuleName {
    Send,
    Hold,
    Release,
    Cancel,
}

impl From<ShopStatusRule> for ShopRuleName {
    fn from(rule: ShopStatusRule) -> Self {
        match rule {
            ShopStatusRule::Send => Self::Send,
            ShopStatusRule::Hold => Self::Hold,
            ShopStatusRule::Release => Self::Release,
            ShopStatusRule::Cancel => Self::Cancel,
        }
    }
}

impl From<ShopRuleName> for ShopStatusRule {
    fn from(rule: ShopRuleName) -> Self {
        match rule {
            ShopRuleName::Send => Self::Send,
            ShopRuleName::Hold => Self::Hold,
            ShopRuleName::Release => Self::Release,
            ShopRuleName::Cancel => Self::Cancel,
        }
    }
}

/// Where a warehouse status puts an order; every stage but `open` locks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum StageName {
    Open,
    Started,
    Sent,
    Cancelled,
}

impl From<WarehouseStage> for StageName {
    fn from(stage: WarehouseStage) -> Self {
        match stage {
            WarehouseStage::Open => Self::Open,
            WarehouseStage::Started => Self::Started,
            WarehouseStage::Sent => Self::Sent,
            WarehouseStage::Cancelled => Self::Cancelled,
        }
    }
}

impl From<StageName> for WarehouseStage {
    fn from(stage: StageName) -> Self {
        match stage {
            StageName::Open => Self::Open,
            StageName::Started => Self::Started,
            StageName::Sent => Self::Sent,
            StageName::Cancelled => Self::Cancelled,
        }
    }
}

/// The rule for one warehouse status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WarehouseRuleForm {
    pub stage: StageName,
    /// The shop status an order gets on reaching this warehouse status; `null` leaves it.
    #[ts(type = "number | null")]
    pub shop_status: Option<i64>,
}

impl From<WarehouseStatusRule> for WarehouseRuleForm {
    fn from(rule: WarehouseStatusRule) -> Self {
        Self {
            stage: rule.stage.into(),
            shop_status: rule.shop_status,
        }
    }
}

/// One shop status from the shop's live list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ShopStatusRow {
    #[ts(type = "number")]
    pub status_id: i64,
    /// `created`, `picking`, `completed` or `canceled` on Starweb's standard statuses; `null` on
    /// the merchant's own.
    pub id_code: Option<String>,
    /// The Swedish name, else the first one the shop gives.
    pub name: Option<String>,
    pub name_en: Option<String>,
    /// The shop e-mails the customer when an order enters this status.
    pub sends_email: bool,
    /// The saved rule; `null` when unmapped (its orders are held).
    pub rule: Option<ShopRuleName>,
    /// What Brygga suggests; `null` when it has no suggestion (the merchant's own statuses).
    pub suggested: Option<ShopRuleName>,
}

/// One warehouse status from the warehouse's live list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WarehouseStatusRow {
    pub number: i32,
    /// The name the 3PL gives it.
    pub text: Option<String>,
    /// The saved rule; `null` when unmapped (the engine reads it as started).
    pub rule: Option<WarehouseRuleForm>,
    /// The rule suggested from the name (or number).
    pub suggested: WarehouseRuleForm,
    /// The saved rule sets a shop status the shop no longer has.
    pub shop_status_missing: bool,
}

/// A saved shop rule whose status the shop no longer has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StaleShopRule {
    #[ts(type = "number")]
    pub status_id: i64,
    pub rule: ShopRuleName,
}

/// A saved warehouse rule whose status the warehouse no longer lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StaleWarehouseRule {
    pub number: i32,
    pub rule: WarehouseRuleForm,
}

/// Everything the status mapping screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusMappingView {
    pub shop: Vec<ShopStatusRow>,
    pub warehouse: Vec<WarehouseStatusRow>,
    /// Saved rules for shop statuses that are gone; saving drops them.
    pub stale_shop: Vec<StaleShopRule>,
    /// Saved rules for warehouse statuses that are gone; saving drops them.
    pub stale_warehouse: Vec<StaleWarehouseRule>,
    /// Whether a status mapping was ever saved.
    pub saved: bool,
    /// Why order release cannot work under the saved mapping (no status the warehouse has
    /// started on to release to), in words; `null` when it can.
    pub release_problem: Option<String>,
}

/// `status_mapping_overview` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusMappingRequest {}

/// One shop status's rule as saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ShopRuleEntry {
    #[ts(type = "number")]
    pub status_id: i64,
    pub rule: ShopRuleName,
}

/// One warehouse status's rule as saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WarehouseRuleEntry {
    pub number: i32,
    pub stage: StageName,
    #[ts(type = "number | null")]
    pub shop_status: Option<i64>,
}

/// The whole status mapping; statuses left out are unmapped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StatusMappingForm {
    pub shop: Vec<ShopRuleEntry>,
    pub warehouse: Vec<WarehouseRuleEntry>,
}

/// `save_status_mapping`: replaces the status mapping whole.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SaveStatusMappingRequest {
    pub mapping: StatusMappingForm,
}

/// Both live lists.
struct Lists {
    shop: ShopStatuses,
    warehouse: Vec<WarehouseStatus>,
}

async fn lists(app: &App) -> Result<Lists, IpcError> {
    let remotes = crate::sync::remotes(app)?;
    let shop = remotes
        .shop
        .order_statuses()
        .await
        .map_err(|e| IpcError::remote(&e))?;
    let warehouse = remotes
        .warehouse
        .order_statuses()
        .await
        .map_err(|e| IpcError::remote(&e))?;
    Ok(Lists { shop, warehouse })
}

fn view(
    lists: &Lists,
    saved: &StatusMapping,
    ever_saved: bool,
    release: &ReleaseSettings,
) -> StatusMappingView {
    let suggested = suggest_statuses(&lists.shop, &lists.warehouse, &mut Vec::new());
    let shop_ids: BTreeSet<i64> = lists
        .shop
        .all()
        .iter()
        .map(|s| i64::from(s.status_id))
        .collect();
    let warehouse_numbers: BTreeSet<i32> = lists.warehouse.iter().map(|s| s.number).collect();
    let shop = lists
        .shop
        .all()
        .iter()
        .map(|status| {
            let id = i64::from(status.status_id);
            ShopStatusRow {
                status_id: id,
                id_code: status.id_code.clone(),
                name: status.name("sv").map(str::to_owned),
                name_en: status
                    .languages
                    .iter()
                    .find(|n| n.lang_code == "en")
                    .map(|n| n.name.clone()),
                sends_email: status.should_send_email,
                rule: saved.shop.get(&id).copied().map(Into::into),
                suggested: suggested.shop.get(&id).copied().map(Into::into),
            }
        })
        .collect();
    let warehouse = lists
        .warehouse
        .iter()
        .map(|status| {
            let rule = saved.warehouse_rule(status.number);
            WarehouseStatusRow {
                number: status.number,
                text: status.text.clone(),
                rule: rule.map(Into::into),
                suggested: suggested.warehouse_rule(status.number).map_or(
                    WarehouseRuleForm {
                        stage: StageName::Started,
                        shop_status: None,
                    },
                    Into::into,
                ),
                shop_status_missing: rule
                    .and_then(|r| r.shop_status)
                    .is_some_and(|id| !shop_ids.contains(&id)),
            }
        })
        .collect();
    StatusMappingView {
        shop,
        warehouse,
        stale_shop: saved
            .shop
            .iter()
            .filter(|(id, _)| !shop_ids.contains(id))
            .map(|(id, rule)| StaleShopRule {
                status_id: *id,
                rule: (*rule).into(),
            })
            .collect(),
        stale_warehouse: saved
            .warehouse
            .iter()
            .filter(|(number, _)| !warehouse_numbers.contains(number))
            .map(|(number, rule)| StaleWarehouseRule {
                number: *number,
                rule: (*rule).into(),
            })
            .collect(),
        saved: ever_saved,
        release_problem: release.release_target(saved).err().map(|e| e.to_string()),
    }
}

/// The release settings: the merchant's, or the defaults (which release to the first started
/// status) when never saved.
fn release_settings(app: &App) -> Result<(ReleaseSettings, bool), IpcError> {
    let saved: Option<ReleaseSettings> = app.store()?.settings().get(RELEASE_SETTINGS)?;
    let was_saved = saved.is_some();
    Ok((saved.unwrap_or_default(), was_saved))
}

fn ever_saved(app: &App) -> Result<bool, IpcError> {
    Ok(app
        .store()?
        .settings()
        .get::<StatusMapping>(brygga_sync::settings::STATUS_MAPPING)?
        .is_some())
}

/// Both live status lists with the saved and the suggested rules, and the stale rules.
pub async fn status_mapping_overview(
    app: &App,
    _request: StatusMappingRequest,
) -> Result<StatusMappingView, IpcError> {
    let lists = lists(app).await?;
    let saved: StatusMapping = mapping::get(app)?;
    let (release, _) = release_settings(app)?;
    Ok(view(&lists, &saved, ever_saved(app)?, &release))
}

/// Checks every id against the live lists and saves the mapping; returns the screen as saved.
pub async fn save_status_mapping(
    app: &App,
    request: SaveStatusMappingRequest,
) -> Result<StatusMappingView, IpcError> {
    let lists = lists(app).await?;
    let mapping = checked(&lists, &request.mapping)?;
    // Saved release settings are the merchant's promise that batches run: a mapping under which
    // they cannot release is refused, as saving such release settings is.
    let (release, release_saved) = release_settings(app)?;
    if release_saved && let Err(err) = release.release_target(&mapping) {
        return Err(refused(
            "status mapping",
            &[format!("order release needs it: {err}")],
        ));
    }
    mapping::set(app, &mapping)?;
    Ok(view(&lists, &mapping, true, &release))
}

/// The mapping the form describes, or every reason it cannot be saved.
fn checked(lists: &Lists, form: &StatusMappingForm) -> Result<StatusMapping, IpcError> {
    let shop_ids: BTreeSet<i64> = lists
        .shop
        .all()
        .iter()
        .map(|s| i64::from(s.status_id))
        .collect();
    let warehouse_numbers: BTreeSet<i32> = lists.warehouse.iter().map(|s| s.number).collect();
    let mut problems = Vec::new();
    let mut shop = BTreeMap::new();
    for entry in &form.shop {
        if !shop_ids.contains(&entry.status_id) {
            problems.push(format!(
                "the shop has no order status {} (read the lists again)",
                entry.status_id
            ));
        }
        if shop.insert(entry.status_id, entry.rule.into()).is_some() {
            problems.push(format!("shop status {} is given twice", entry.status_id));
        }
    }
    let mut warehouse = BTreeMap::new();
    for entry in &form.warehouse {
        if !warehouse_numbers.contains(&entry.number) {
            problems.push(format!(
                "the warehouse has no order status {} (read the lists again)",
                entry.number
            ));
        }
        if let Some(target) = entry.shop_status
            && !shop_ids.contains(&target)
        {
            problems.push(format!(
                "warehouse status {} sets shop status {target}, which the shop does not have",
                entry.number
            ));
        }
        let rule = WarehouseStatusRule {
            stage: entry.stage.into(),
            shop_status: entry.shop_status,
        };
        if warehouse.insert(entry.number, rule).is_some() {
            problems.push(format!("warehouse status {} is given twice", entry.number));
        }
    }
    if problems.is_empty() {
        Ok(StatusMapping { shop, warehouse })
    } else {
        Err(refused("status mapping", &problems))
    }
}
