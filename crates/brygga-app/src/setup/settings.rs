//! The settings screen: when each flow runs, from which date and in which currencies orders go to
//! the warehouse, and which of the 3PL's warehouses the shop's stock comes from.
//!
//! These are the engine's own settings (`sync.schedules`, `sync.order_rules`, `sync.warehouses`),
//! so what is saved here is what the next scheduler pass, order cycle and stock cycle use. A form is
//! checked whole and saved whole; the first problem found is named with its flow or field. Schedules
//! are converted through their stored JSON form, so the screen and a settings file are checked by
//! the same rules in `brygga-core`.

use brygga_core::plan::orders::OrderRules;
use brygga_core::schedule::{Flow, Schedule, Schedules, ZONE, window::local_instant};
use brygga_sync::SyncSettings;
use brygga_sync::flows::warehouses::WAREHOUSES;
use brygga_sync::settings::{ORDER_RULES, SCHEDULES};
use chrono::{NaiveDate, NaiveTime, SecondsFormat};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use ts_rs::TS;

use crate::form::filled;
use crate::{App, ErrorCode, IpcError};

/// A flow that runs on a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ScheduledFlow {
    Articles,
    Orders,
    Statuses,
    Stock,
    Reconcile,
    PurchaseOrders,
    Returns,
}

impl From<ScheduledFlow> for Flow {
    fn from(flow: ScheduledFlow) -> Self {
        match flow {
            ScheduledFlow::Articles => Flow::Articles,
            ScheduledFlow::Orders => Flow::Orders,
            ScheduledFlow::Statuses => Flow::Statuses,
            ScheduledFlow::Stock => Flow::Stock,
            ScheduledFlow::Reconcile => Flow::Reconcile,
            ScheduledFlow::PurchaseOrders => Flow::PurchaseOrders,
            ScheduledFlow::Returns => Flow::Returns,
        }
    }
}

impl From<Flow> for ScheduledFlow {
    fn from(flow: Flow) -> Self {
        match flow {
            Flow::Articles => ScheduledFlow::Articles,
            Flow::Orders => ScheduledFlow::Orders,
            Flow::Statuses => ScheduledFlow::Statuses,
            Flow::Stock => ScheduledFlow::Stock,
            Flow::Reconcile => ScheduledFlow::Reconcile,
            Flow::PurchaseOrders => ScheduledFlow::PurchaseOrders,
            Flow::Returns => ScheduledFlow::Returns,
        }
    }
}

/// How a flow runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ScheduleMode {
    /// Only when the merchant starts it.
    Manual,
    /// Every `minutes`, inside the window `from`–`to` on `days` when one is given.
    Every,
    /// Once a day at `at` on `days`.
    Daily,
}

/// One flow's schedule as the form shows it. Days are `mon` … `sun`; times `HH:MM` in Swedish
/// time; `to` may be `24:00`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FlowScheduleForm {
    pub flow: ScheduledFlow,
    pub mode: ScheduleMode,
    pub minutes: Option<u32>,
    pub days: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub at: Option<String>,
}

/// The settings the merchant edits on the settings screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncSettingsForm {
    /// Every flow once, in the engine's order.
    pub schedules: Vec<FlowScheduleForm>,
    /// `YYYY-MM-DD`: orders placed from this day (Swedish time) go to the warehouse; `None` means
    /// from the moment of going live.
    pub start_date: Option<String>,
    /// Accepted currencies (ISO 4217 codes); empty accepts any.
    pub currencies: Vec<String>,
    /// The warehouse ids whose stock the shop sells; empty for all of them.
    pub warehouses: Vec<i32>,
}

/// `sync_settings` takes no parameters.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SyncSettingsRequest {}

/// The settings in force and what they rest on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SyncSettingsView {
    pub settings: SyncSettingsForm,
    /// Whether the merchant saved schedules; until then the defaults apply.
    pub schedules_saved: bool,
    /// When the installation went live (the first-sync baseline), RFC 3339; `None` before.
    pub baseline: Option<String>,
}

/// `save_sync_settings`: replaces schedules and order rules whole.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SaveSyncSettingsRequest {
    pub settings: SyncSettingsForm,
}

fn invalid(message: impl Into<String>) -> IpcError {
    IpcError::new(ErrorCode::Validation, message)
}

fn form_of(flow: Flow, schedule: Option<&Schedule>) -> FlowScheduleForm {
    let stored = schedule
        .and_then(|s| serde_json::to_value(s).ok())
        .unwrap_or(Value::Null);
    let text = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_owned);
    let days = |v: &Value| -> Vec<String> {
        match v.get("days").and_then(Value::as_array) {
            Some(days) => days
                .iter()
                .filter_map(|d| d.as_str().map(str::to_owned))
                .collect(),
            None => ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                .map(str::to_owned)
                .to_vec(),
        }
    };
    let mut form = FlowScheduleForm {
        flow: flow.into(),
        mode: ScheduleMode::Manual,
        minutes: None,
        days: Vec::new(),
        from: None,
        to: None,
        at: None,
    };
    match stored.get("kind").and_then(Value::as_str) {
        Some("every") => {
            form.mode = ScheduleMode::Every;
            form.minutes = stored
                .get("minutes")
                .and_then(Value::as_u64)
                .and_then(|m| u32::try_from(m).ok());
            if let Some(window) = stored.get("window") {
                form.days = days(window);
                form.from = text(window, "from");
                form.to = text(window, "to");
            }
        }
        Some("daily") => {
            form.mode = ScheduleMode::Daily;
            form.at = text(&stored, "at");
            form.days = days(&stored);
        }
        _ => {}
    }
    form
}

/// The schedule a form row describes, or why it cannot be one (naming the flow).
fn schedule_of(form: &FlowScheduleForm) -> Result<Option<Schedule>, IpcError> {
    let flow = Flow::from(form.flow);
    let stored = match form.mode {
        ScheduleMode::Manual => return Ok(None),
        ScheduleMode::Every => {
            let minutes = form.minutes.ok_or_else(|| {
                invalid(format!("schedule for {flow}: enter how many minutes apart"))
            })?;
            let mut every = json!({ "kind": "every", "minutes": minutes });
            match (filled(&form.from), filled(&form.to)) {
                (None, None) => {}
                (Some(from), Some(to)) => {
                    every["window"] = json!({ "days": form.days, "from": from, "to": to });
                }
                _ => {
                    return Err(invalid(format!(
                        "schedule for {flow}: a time window needs both a start and an end time"
                    )));
                }
            }
            every
        }
        ScheduleMode::Daily => {
            let at = filled(&form.at).ok_or_else(|| {
                invalid(format!(
                    "schedule for {flow}: enter the time of day, as 02:30"
                ))
            })?;
            json!({ "kind": "daily", "at": at, "days": form.days })
        }
    };
    serde_json::from_value::<Schedule>(stored)
        .map(Some)
        .map_err(|err| invalid(format!("schedule for {flow}: {err}")))
}

fn schedules_of(forms: &[FlowScheduleForm]) -> Result<Schedules, IpcError> {
    let mut schedules = Schedules::manual_only();
    for flow in Flow::ALL {
        let mut rows = forms.iter().filter(|f| Flow::from(f.flow) == flow);
        let row = rows
            .next()
            .ok_or_else(|| invalid(format!("the schedule for {flow} is missing from the form")))?;
        if rows.next().is_some() {
            return Err(invalid(format!("the form has two schedules for {flow}")));
        }
        schedules.set(flow, schedule_of(row)?);
    }
    Ok(schedules)
}

fn currencies_of(typed: &[String]) -> Result<Vec<String>, IpcError> {
    let mut codes: Vec<String> = Vec::new();
    for typed in typed.iter().map(|c| c.trim()) {
        if typed.is_empty() {
            continue;
        }
        let code = typed.to_uppercase();
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(invalid(format!(
                "\"{typed}\" is not a currency code; use three letters such as SEK, EUR or NOK"
            )));
        }
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

fn start_of(date: &str) -> Result<chrono::DateTime<chrono::Utc>, IpcError> {
    let day = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| {
        invalid(format!(
            "\"{date}\" is not a date; use YYYY-MM-DD such as 2025-11-24"
        ))
    })?;
    Ok(local_instant(day, NaiveTime::MIN))
}

pub(crate) fn view(app: &App) -> Result<SyncSettingsView, IpcError> {
    let store = app.store()?;
    let settings = SyncSettings::load(store)?;
    let schedules_saved = store.settings().get::<Value>(SCHEDULES)?.is_some();
    let rules = settings.order_rules.as_ref();
    Ok(SyncSettingsView {
        settings: SyncSettingsForm {
            schedules: Flow::ALL
                .into_iter()
                .map(|flow| form_of(flow, settings.schedules.get(flow)))
                .collect(),
            start_date: rules.map(|r| r.start.with_timezone(&ZONE).format("%Y-%m-%d").to_string()),
            currencies: rules.map(|r| r.currencies.clone()).unwrap_or_default(),
            warehouses: store
                .settings()
                .get::<Vec<i32>>(WAREHOUSES)?
                .unwrap_or_default(),
        },
        schedules_saved,
        baseline: settings
            .baseline
            .map(|b| b.to_rfc3339_opts(SecondsFormat::Secs, true)),
    })
}

/// The schedules, start date and currencies in force.
pub async fn sync_settings(
    app: &App,
    _request: SyncSettingsRequest,
) -> Result<SyncSettingsView, IpcError> {
    view(app)
}

/// Checks the whole form, then saves schedules and order rules; returns what is now in force.
pub async fn save_sync_settings(
    app: &App,
    request: SaveSyncSettingsRequest,
) -> Result<SyncSettingsView, IpcError> {
    let form = request.settings;
    let schedules = schedules_of(&form.schedules)?;
    let currencies = currencies_of(&form.currencies)?;
    let start = filled(&form.start_date).map(start_of).transpose()?;
    if let Some(bad) = form.warehouses.iter().find(|id| **id <= 0) {
        return Err(invalid(format!(
            "{bad} is not a warehouse id; choose the warehouses from the list"
        )));
    }
    let mut warehouses = form.warehouses.clone();
    warehouses.sort_unstable();
    warehouses.dedup();
    let store = app.store()?;
    let rules = match start {
        Some(start) => Some(OrderRules { start, currencies }),
        None if currencies.is_empty() => None,
        None => match SyncSettings::load(store)?.baseline {
            // Live already: "from going live" is the baseline.
            Some(start) => Some(OrderRules { start, currencies }),
            None => {
                return Err(invalid(
                    "choose a start date to accept only some currencies before going live",
                ));
            }
        },
    };
    let now_ms = chrono::Utc::now().timestamp_millis();
    store.settings().set(SCHEDULES, &schedules, now_ms)?;
    match &rules {
        Some(rules) => store.settings().set(ORDER_RULES, rules, now_ms)?,
        None => {
            store.settings().delete(ORDER_RULES)?;
        }
    }
    if warehouses.is_empty() {
        store.settings().delete(WAREHOUSES)?;
    } else {
        store.settings().set(WAREHOUSES, &warehouses, now_ms)?;
    }
    view(app)
}
