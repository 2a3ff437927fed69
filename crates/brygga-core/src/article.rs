//! Articles: a shop product variant as the warehouse needs to know it, checked before it is sent.
//!
//! The shop is master for product data, so an article is built from the shop's variant and pushed to
//! the WMS by its SKU (the warehouse's article number). Each variant is its own article. Whether a
//! product is sent again is decided by a content hash of exactly the fields the warehouse receives,
//! so a price change in the shop costs no warehouse call.
//!
//! Validation happens before anything is sent, per article, so one bad product is reported and the
//! rest go on. The rules are the ones 3PLs ask merchants for: a unique, non-empty SKU that the shop's
//! own SKU filter accepts, and a name without characters that break pick lists and labels.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::hash::ContentHash;

/// The longest SKU the shop accepts, and so the longest article number Brygga sends.
pub const MAX_SKU_LENGTH: usize = 40;
/// The longest article name Brygga sends; longer names are cut on pick lists and labels.
pub const MAX_NAME_LENGTH: usize = 100;
/// Characters refused in names: field separators of the EDI and CSV files 3PLs exchange, and markup.
const FORBIDDEN_IN_NAME: &[char] = &[';', '|', '<', '>', '"'];

/// One article as the warehouse receives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The shop's SKU, the warehouse's article number.
    pub sku: String,
    pub name: String,
    /// The manufacturer's article number (MPN).
    pub manufacturer_number: Option<String>,
    /// EAN/GTIN barcode.
    pub ean: Option<String>,
    pub weight_kg: Option<f64>,
    /// False for services the warehouse never picks (freight, gift wrap, fees).
    pub is_stock: bool,
    /// False when the variant is deactivated in the shop.
    pub is_active: bool,
}

impl Article {
    /// The hash of what the warehouse receives. Weight counts in whole grams, so float noise in
    /// the shop's kilograms does not resend an unchanged article.
    pub fn content_hash(&self) -> ContentHash {
        let grams = self.weight_kg.map(|kg| (kg * 1000.0).round() as i64);
        ContentHash::of(&[
            Some(self.sku.as_str()),
            Some(self.name.as_str()),
            self.manufacturer_number.as_deref(),
            self.ean.as_deref(),
            grams.map(|g| g.to_string()).as_deref(),
            Some(if self.is_stock { "stock" } else { "service" }),
            Some(if self.is_active { "active" } else { "inactive" }),
        ])
    }
}

/// Why an article cannot be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ArticleProblem {
    EmptySku,
    SkuTooLong {
        length: usize,
    },
    /// The SKU holds characters other than letters A–Z, digits, `.`, `_` and `-`.
    SkuCharacters {
        found: String,
    },
    /// Another product in the shop has the same SKU.
    DuplicateSku {
        count: usize,
    },
    EmptyName,
    NameTooLong {
        length: usize,
    },
    NameCharacters {
        found: String,
    },
    NegativeWeight,
}

impl fmt::Display for ArticleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArticleProblem::EmptySku => write!(f, "the SKU is empty"),
            ArticleProblem::SkuTooLong { length } => write!(
                f,
                "the SKU is {length} characters long; at most {MAX_SKU_LENGTH} are allowed"
            ),
            ArticleProblem::SkuCharacters { found } => write!(
                f,
                "the SKU contains {found}; only letters A-Z, digits, '.', '_' and '-' are allowed"
            ),
            ArticleProblem::DuplicateSku { count } => {
                write!(f, "{count} products in the shop share this SKU")
            }
            ArticleProblem::EmptyName => write!(f, "the name is empty"),
            ArticleProblem::NameTooLong { length } => write!(
                f,
                "the name is {length} characters long; at most {MAX_NAME_LENGTH} are allowed"
            ),
            ArticleProblem::NameCharacters { found } => write!(
                f,
                "the name contains {found}, which breaks pick lists and labels"
            ),
            ArticleProblem::NegativeWeight => write!(f, "the weight is negative"),
        }
    }
}

/// The problems of one article on its own, not counting duplicates.
pub fn check(article: &Article) -> Vec<ArticleProblem> {
    let mut problems = Vec::new();
    let sku = article.sku.as_str();
    if sku.is_empty() {
        problems.push(ArticleProblem::EmptySku);
    }
    let sku_length = sku.chars().count();
    if sku_length > MAX_SKU_LENGTH {
        problems.push(ArticleProblem::SkuTooLong { length: sku_length });
    }
    let bad_sku = quoted(sku.chars().filter(|c| !is_sku_char(*c)));
    if !bad_sku.is_empty() {
        problems.push(ArticleProblem::SkuCharacters { found: bad_sku });
    }
    let name = article.name.trim();
    if name.is_empty() {
        problems.push(ArticleProblem::EmptyName);
    }
    let name_length = name.chars().count();
    if name_length > MAX_NAME_LENGTH {
        problems.push(ArticleProblem::NameTooLong {
            length: name_length,
        });
    }
    let bad_name = quoted(
        article
            .name
            .chars()
            .filter(|c| c.is_control() || FORBIDDEN_IN_NAME.contains(c)),
    );
    if !bad_name.is_empty() {
        problems.push(ArticleProblem::NameCharacters { found: bad_name });
    }
    if article.weight_kg.is_some_and(|w| w < 0.0) {
        problems.push(ArticleProblem::NegativeWeight);
    }
    problems
}

/// The problems of every article, keyed by SKU, including SKUs shared by several products. Articles
/// without problems are not in the map.
pub fn check_all(articles: &[Article]) -> BTreeMap<String, Vec<ArticleProblem>> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for article in articles {
        *counts.entry(article.sku.as_str()).or_default() += 1;
    }
    let mut found: BTreeMap<String, Vec<ArticleProblem>> = BTreeMap::new();
    for article in articles {
        let mut problems = check(article);
        let count = counts[article.sku.as_str()];
        if count > 1 && !article.sku.is_empty() {
            problems.push(ArticleProblem::DuplicateSku { count });
        }
        if !problems.is_empty() {
            let entry = found.entry(article.sku.clone()).or_default();
            for problem in problems {
                if !entry.contains(&problem) {
                    entry.push(problem);
                }
            }
        }
    }
    found
}

fn is_sku_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')
}

/// The characters, each once, quoted and named when invisible: `' ', '\t'`.
fn quoted(chars: impl Iterator<Item = char>) -> String {
    let mut seen = Vec::new();
    for c in chars {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.iter()
        .map(|c| format!("{:?}", c))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn article(sku: &str) -> Article {
        Article {
            sku: sku.to_owned(),
            name: "Ullsocka grå".to_owned(),
            manufacturer_number: Some("WS-100".to_owned()),
            ean: Some("7312345678901".to_owned()),
            weight_kg: Some(0.15),
            is_stock: true,
            is_active: true,
        }
    }

    #[test]
    fn a_good_article_has_no_problems() {
        assert!(
            check(&article("SOCK-GRA-40-42")).is_empty(),
            "letters, digits and dashes are what 3PLs accept"
        );
    }

    #[test]
    fn each_rule_names_what_is_wrong() {
        let mut bad = article("SOCK GRÅ/1");
        bad.name = "Socka;\tgrå".to_owned();
        bad.weight_kg = Some(-1.0);
        let problems = check(&bad);
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|t| t.contains("' '") && t.contains("'Å'") && t.contains("'/'")),
            "the SKU problem quotes each bad character once: {text:?}"
        );
        assert!(
            text.iter()
                .any(|t| t.contains("';'") && t.contains("'\\t'")),
            "the name problem names the separator and the tab: {text:?}"
        );
        assert!(problems.contains(&ArticleProblem::NegativeWeight));
        assert!(
            check(&article(&"A".repeat(41))).contains(&ArticleProblem::SkuTooLong { length: 41 }),
            "41 characters is one more than the shop allows"
        );
        let mut unnamed = article("X");
        unnamed.name = "  ".to_owned();
        assert_eq!(check(&unnamed), vec![ArticleProblem::EmptyName]);
    }

    #[test]
    fn a_shared_sku_is_reported_for_both_and_others_are_not() {
        let articles = vec![article("A-1"), article("A-1"), article("B-2")];
        let problems = check_all(&articles);
        assert_eq!(
            problems.get("A-1"),
            Some(&vec![ArticleProblem::DuplicateSku { count: 2 }]),
            "the warehouse cannot tell two products with one article number apart"
        );
        assert!(
            !problems.contains_key("B-2"),
            "a good article is not held back by a bad one"
        );
    }

    #[test]
    fn the_hash_follows_what_the_warehouse_receives() {
        let base = article("A-1");
        let mut same = base.clone();
        same.weight_kg = Some(0.150_000_000_1);
        assert_eq!(
            base.content_hash(),
            same.content_hash(),
            "float noise below a gram is not a change"
        );
        let mut renamed = base.clone();
        renamed.name = "Ullsocka svart".to_owned();
        assert_ne!(
            base.content_hash(),
            renamed.content_hash(),
            "a new name is sent"
        );
        let mut no_ean = base.clone();
        no_ean.ean = None;
        let mut empty_ean = base.clone();
        empty_ean.ean = Some(String::new());
        assert_ne!(
            no_ean.content_hash(),
            empty_ean.content_hash(),
            "a missing field and an empty one hash differently"
        );
    }
}
