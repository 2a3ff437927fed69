//! What the products screen shows per SKU, and the one place its sync state is decided.
//!
//! A row joins what Brygga knows from four places: the shop's catalogue as read now (name, active,
//! content), the `articles` table (what the warehouse last accepted, validation problems, orphans),
//! the outbox (article sends waiting or given up) and `stock_levels` (both sides' stock as last
//! read, and what Brygga last wrote). Validation problems go out as a closed kind plus the detail,
//! so the UI words them in the merchant's language; the English sentence comes along too.

use brygga_core::article::ArticleProblem;
use chrono::{SecondsFormat, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where an article stands with the warehouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ProductSyncState {
    /// The warehouse never accepted it from Brygga.
    NeverSent,
    /// The warehouse has it as the shop has it now.
    Current,
    /// The shop's product changed since it was last sent; the next article sync sends it.
    Changed,
    /// A send is queued or under way.
    Pending,
    /// The last send gave up; the failure says why.
    Failed,
}

/// Which validation rule an article breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ArticleProblemKind {
    EmptySku,
    SkuTooLong,
    SkuCharacters,
    DuplicateSku,
    EmptyName,
    NameTooLong,
    NameCharacters,
    NegativeWeight,
    /// A problem this version of Brygga does not know; the message says it.
    Other,
}

/// One validation problem: the rule, its detail (the characters found, the length, how many
/// products share the SKU) and the English sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ArticleProblemView {
    pub kind: ArticleProblemKind,
    pub detail: Option<String>,
    pub message: String,
}

impl From<&ArticleProblem> for ArticleProblemView {
    fn from(problem: &ArticleProblem) -> Self {
        let (kind, detail) = match problem {
            ArticleProblem::EmptySku => (ArticleProblemKind::EmptySku, None),
            ArticleProblem::SkuTooLong { length } => {
                (ArticleProblemKind::SkuTooLong, Some(length.to_string()))
            }
            ArticleProblem::SkuCharacters { found } => {
                (ArticleProblemKind::SkuCharacters, Some(found.clone()))
            }
            ArticleProblem::DuplicateSku { count } => {
                (ArticleProblemKind::DuplicateSku, Some(count.to_string()))
            }
            ArticleProblem::EmptyName => (ArticleProblemKind::EmptyName, None),
            ArticleProblem::NameTooLong { length } => {
                (ArticleProblemKind::NameTooLong, Some(length.to_string()))
            }
            ArticleProblem::NameCharacters { found } => {
                (ArticleProblemKind::NameCharacters, Some(found.clone()))
            }
            ArticleProblem::NegativeWeight => (ArticleProblemKind::NegativeWeight, None),
        };
        ArticleProblemView {
            kind,
            detail,
            message: problem.to_string(),
        }
    }
}

/// The problems stored for an article (a JSON array of the planner's problems); an entry this
/// version cannot read is kept as `other` with its JSON as the message, never dropped.
pub fn problems_of(stored: &serde_json::Value) -> Vec<ArticleProblemView> {
    stored
        .as_array()
        .map(|list| {
            list.iter()
                .map(
                    |entry| match serde_json::from_value::<ArticleProblem>(entry.clone()) {
                        Ok(problem) => ArticleProblemView::from(&problem),
                        Err(_) => ArticleProblemView {
                            kind: ArticleProblemKind::Other,
                            detail: None,
                            message: entry.to_string(),
                        },
                    },
                )
                .collect()
        })
        .unwrap_or_default()
}

/// One SKU on the products screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProductRow {
    pub sku: String,
    /// The shop's product name; `None` when the shop no longer has the SKU or was not read.
    pub name: Option<String>,
    pub state: ProductSyncState,
    /// An active product in the shop has this SKU (as read now).
    pub in_shop: bool,
    /// Validation problems that keep it from being sent; empty when it is fine.
    pub problems: Vec<ArticleProblemView>,
    /// In the warehouse, but no active product in the shop has this SKU.
    pub orphaned: bool,
    #[ts(type = "number | null")]
    pub warehouse_article_id: Option<i64>,
    /// When the warehouse last accepted it from Brygga.
    pub sent_at: Option<String>,
    /// Why the last send gave up, when `state` is `failed`.
    pub failure: Option<String>,
    /// The warehouse's sellable quantity as last read.
    pub warehouse_sellable: Option<f64>,
    /// The shop's stock as last read.
    #[ts(type = "number | null")]
    pub shop_quantity: Option<i64>,
    /// What Brygga last wrote to the shop, and when.
    #[ts(type = "number | null")]
    pub written_quantity: Option<i64>,
    pub written_at: Option<String>,
}

/// How many rows are in each state or flagged, for the filter buttons.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProductCounts {
    pub all: u32,
    pub never_sent: u32,
    pub current: u32,
    pub changed: u32,
    pub pending: u32,
    pub failed: u32,
    pub problems: u32,
    pub orphaned: u32,
}

impl ProductCounts {
    pub fn of(rows: &[ProductRow]) -> Self {
        let mut counts = ProductCounts::default();
        for row in rows {
            counts.all += 1;
            match row.state {
                ProductSyncState::NeverSent => counts.never_sent += 1,
                ProductSyncState::Current => counts.current += 1,
                ProductSyncState::Changed => counts.changed += 1,
                ProductSyncState::Pending => counts.pending += 1,
                ProductSyncState::Failed => counts.failed += 1,
            }
            counts.problems += u32::from(!row.problems.is_empty());
            counts.orphaned += u32::from(row.orphaned);
        }
        counts
    }
}

/// A time in milliseconds as RFC 3339 text in UTC.
pub fn iso(ms: i64) -> String {
    Utc.timestamp_millis_opt(ms)
        .single()
        .unwrap_or_default()
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_problems_keep_their_detail_and_unknown_ones_are_not_dropped() {
        let stored = serde_json::json!([
            {"kind": "skuCharacters", "found": "' ', '/'"},
            {"kind": "somethingNew", "x": 1}
        ]);
        let problems = problems_of(&stored);
        assert_eq!(problems.len(), 2, "every stored problem is shown");
        assert_eq!(problems[0].kind, ArticleProblemKind::SkuCharacters);
        assert_eq!(
            problems[0].detail.as_deref(),
            Some("' ', '/'"),
            "the UI quotes the characters found"
        );
        assert!(
            problems[0].message.contains("only letters A-Z"),
            "the English sentence comes from the planner: {}",
            problems[0].message
        );
        assert_eq!(
            problems[1].kind,
            ArticleProblemKind::Other,
            "a problem from a newer Brygga is still listed"
        );
    }
}
