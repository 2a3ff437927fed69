//! Operations: the side effects a planner asks for, as data. They are stored in the outbox before
//! anything is sent, shown as the plan in a dry run, and carried out one at a time by the engine.
//!
//! Every operation has a kind (which call it makes) and an idempotency key (which change it
//! carries). The outbox keeps one row per (kind, key), so planning the same change twice sends it
//! once. A key names the state the change starts from as well as where it goes, so a value that
//! changes back (A -> B -> A) is a new change and is sent again.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::hash::ContentHash;

/// One side effect on the shop or the warehouse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Operation {
    /// Create or update an article in the warehouse by its SKU.
    #[serde(rename = "warehouse.upsert_article", rename_all = "camelCase")]
    UpsertArticle {
        article: Article,
        hash: ContentHash,
        /// The content last sent, if any.
        replaces: Option<ContentHash>,
    },
}

/// Which system an operation writes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Side {
    Shop,
    Warehouse,
}

impl Operation {
    /// The outbox kind: which call this is.
    pub fn kind(&self) -> &'static str {
        match self {
            Operation::UpsertArticle { .. } => "warehouse.upsert_article",
        }
    }

    /// The idempotency key within the kind: which change this is.
    pub fn key(&self) -> String {
        match self {
            Operation::UpsertArticle {
                article,
                hash,
                replaces,
            } => match replaces {
                Some(old) => format!("{}:{old}->{hash}", article.sku),
                None => format!("{}:new->{hash}", article.sku),
            },
        }
    }

    /// The system the call goes to.
    pub fn side(&self) -> Side {
        match self {
            Operation::UpsertArticle { .. } => Side::Warehouse,
        }
    }

    /// What the operation is about, as the events table names it (`article:SKU`).
    pub fn subject(&self) -> String {
        match self {
            Operation::UpsertArticle { article, .. } => format!("article:{}", article.sku),
        }
    }
}
