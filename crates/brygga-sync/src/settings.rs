//! The merchant's sync settings, kept as JSON in the store's settings table: the two mappings,
//! the order rules, the schedules and the baseline of the first-sync guard.
//!
//! Each has its own key so the UI and the command line can change one without touching the rest.
//! A missing key means "not set yet": the mappings start empty (nothing is sent until the merchant
//! maps at least one shop status and shipping method), the schedules start at the defaults.

use brygga_core::mapping::{StatusMapping, TransportMapping};
use brygga_core::plan::orders::OrderRules;
use brygga_core::schedule::Schedules;
use brygga_store::{Store, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const STATUS_MAPPING: &str = "sync.status_mapping";
pub const TRANSPORT_MAPPING: &str = "sync.transport_mapping";
pub const ORDER_RULES: &str = "sync.order_rules";
pub const SCHEDULES: &str = "sync.schedules";
pub const BASELINE: &str = "sync.baseline";

/// Everything the planners need from the merchant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncSettings {
    pub statuses: StatusMapping,
    pub transport: TransportMapping,
    /// `None` until set; the engine then starts at the baseline.
    pub order_rules: Option<OrderRules>,
    pub schedules: Schedules,
    /// When the connection was first activated: older orders are never changed in the shop.
    pub baseline: Option<DateTime<Utc>>,
}

impl SyncSettings {
    /// Reads every setting, with the defaults for those never set.
    pub fn load(store: &Store) -> Result<Self, StoreError> {
        let settings = store.settings();
        Ok(SyncSettings {
            statuses: settings.get(STATUS_MAPPING)?.unwrap_or_default(),
            transport: settings.get(TRANSPORT_MAPPING)?.unwrap_or_default(),
            order_rules: settings.get(ORDER_RULES)?,
            schedules: settings.get(SCHEDULES)?.unwrap_or_default(),
            baseline: settings.get(BASELINE)?,
        })
    }

    /// The order rules in force: the merchant's, or from the baseline on with any currency.
    pub fn effective_order_rules(&self, now: DateTime<Utc>) -> OrderRules {
        self.order_rules.clone().unwrap_or_else(|| OrderRules {
            start: self.baseline.unwrap_or(now),
            currencies: Vec::new(),
        })
    }
}
