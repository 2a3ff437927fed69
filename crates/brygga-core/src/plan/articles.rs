//! Flow 1, articles shop -> warehouse: which articles to send, which to hold back and why, and
//! which warehouse articles the shop no longer has.
//!
//! Only active articles that pass validation and whose content differs from what was last sent
//! are pushed. Ongoing cannot delete articles, so an article the warehouse has but the shop does not
//! (removed or deactivated) is listed as orphaned for the merchant to take up with the 3PL.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::article::{Article, ArticleProblem, check_all};
use crate::hash::ContentHash;
use crate::operation::Operation;

/// What the article planner looks at.
#[derive(Debug, Clone, Copy)]
pub struct ArticleState<'a> {
    /// Every variant in the shop, active or not.
    pub shop: &'a [Article],
    /// What was last accepted by the warehouse, by SKU.
    pub sent: &'a BTreeMap<String, Sent>,
    /// The article numbers the warehouse has.
    pub in_warehouse: &'a BTreeSet<String>,
}

/// What the warehouse last accepted for one SKU.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sent {
    pub hash: ContentHash,
    /// How many versions of the article the warehouse has accepted.
    pub generation: u32,
}

/// What the article planner decided.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ArticlePlan {
    pub operations: Vec<Operation>,
    /// Active articles already in the warehouse as they are now.
    pub unchanged: usize,
    /// Articles held back, with every reason.
    pub problems: BTreeMap<String, Vec<ArticleProblem>>,
    /// Warehouse articles with no active article in the shop.
    pub orphaned: Vec<String>,
}

/// Plans flow 1.
pub fn plan_articles(state: ArticleState<'_>) -> ArticlePlan {
    let active: Vec<Article> = state.shop.iter().filter(|a| a.is_active).cloned().collect();
    let problems = check_all(&active);
    let mut plan = ArticlePlan {
        problems,
        ..ArticlePlan::default()
    };
    for article in active {
        if plan.problems.contains_key(&article.sku) {
            continue;
        }
        let hash = article.content_hash();
        let sent = state.sent.get(&article.sku).copied();
        if sent.is_some_and(|s| s.hash == hash) {
            plan.unchanged += 1;
            continue;
        }
        plan.operations.push(Operation::UpsertArticle {
            article,
            hash,
            generation: sent.map_or(0, |s| s.generation),
        });
    }
    let active_skus: BTreeSet<&str> = state
        .shop
        .iter()
        .filter(|a| a.is_active)
        .map(|a| a.sku.as_str())
        .collect();
    plan.orphaned = state
        .in_warehouse
        .iter()
        .filter(|number| !active_skus.contains(number.as_str()))
        .cloned()
        .collect();
    plan
}
