//! The article planner: what is sent, what is held back, what is orphaned.

use std::collections::{BTreeMap, BTreeSet};

use brygga_core::article::{Article, ArticleProblem};
use brygga_core::hash::ContentHash;
use brygga_core::operation::Operation;
use brygga_core::plan::articles::{ArticlePlan, ArticleState, plan_articles};

fn article(sku: &str) -> Article {
    Article {
        sku: sku.to_owned(),
        name: format!("Produkt {sku}"),
        manufacturer_number: None,
        ean: None,
        weight_kg: Some(0.5),
        is_stock: true,
        is_active: true,
    }
}

fn plan(
    shop: &[Article],
    sent: &BTreeMap<String, ContentHash>,
    in_warehouse: &[&str],
) -> ArticlePlan {
    let in_warehouse: BTreeSet<String> = in_warehouse.iter().map(ToString::to_string).collect();
    plan_articles(ArticleState {
        shop,
        sent,
        in_warehouse: &in_warehouse,
    })
}

fn skus(plan: &ArticlePlan) -> Vec<String> {
    plan.operations
        .iter()
        .map(|op| match op {
            Operation::UpsertArticle { article, .. } => article.sku.clone(),
        })
        .collect()
}

/// What the store would hold after every operation of `plan` was sent.
fn sent_after(plan: &ArticlePlan) -> BTreeMap<String, ContentHash> {
    plan.operations
        .iter()
        .map(|op| match op {
            Operation::UpsertArticle { article, hash, .. } => (article.sku.clone(), *hash),
        })
        .collect()
}

#[test]
fn the_first_run_sends_every_good_active_article_and_reports_the_rest() {
    let mut retired = article("OLD-1");
    retired.is_active = false;
    let mut bad = article("BAD SKU");
    bad.name = String::new();
    let shop = vec![article("A-1"), article("B-2"), retired, bad];
    let plan = plan(&shop, &BTreeMap::new(), &[]);
    assert_eq!(
        skus(&plan),
        vec!["A-1", "B-2"],
        "only active articles that pass validation go to the warehouse"
    );
    assert_eq!(
        plan.problems.get("BAD SKU").map(Vec::len),
        Some(2),
        "the bad article is held back with both reasons (SKU characters, empty name): {:?}",
        plan.problems
    );
    assert!(
        matches!(
            plan.problems["BAD SKU"][0],
            ArticleProblem::SkuCharacters { .. }
        ),
        "the space in the SKU is named"
    );
}

#[test]
fn an_unchanged_catalogue_plans_nothing() {
    let shop = vec![article("A-1"), article("B-2")];
    let first = plan(&shop, &BTreeMap::new(), &[]);
    let second = plan(&shop, &sent_after(&first), &["A-1", "B-2"]);
    assert!(
        second.operations.is_empty(),
        "what was sent is not sent again: {:?}",
        second.operations
    );
    assert_eq!(second.unchanged, 2);
}

#[test]
fn only_the_changed_article_is_sent_and_it_names_what_it_replaces() {
    let mut shop = vec![article("A-1"), article("B-2")];
    let sent = sent_after(&plan(&shop, &BTreeMap::new(), &[]));
    shop[1].ean = Some("7310000000017".to_owned());
    let next = plan(&shop, &sent, &["A-1", "B-2"]);
    assert_eq!(skus(&next), vec!["B-2"], "a new EAN is a change");
    let Operation::UpsertArticle { replaces, .. } = &next.operations[0];
    assert_eq!(
        *replaces,
        Some(sent["B-2"]),
        "the operation carries the hash it replaces"
    );
}

#[test]
fn changing_back_is_a_new_change_with_a_new_key() {
    let original = vec![article("A-1")];
    let mut changed = original.clone();
    changed[0].name = "Nytt namn".to_owned();

    let first = plan(&original, &BTreeMap::new(), &[]);
    let second = plan(&changed, &sent_after(&first), &["A-1"]);
    let third = plan(&original, &sent_after(&second), &["A-1"]);
    let keys: Vec<String> = [&first, &second, &third]
        .iter()
        .map(|p| p.operations[0].key())
        .collect();
    assert_ne!(
        keys[0], keys[2],
        "A -> B -> A must be sent a third time, so its outbox key differs from the first"
    );
    assert_eq!(
        plan(&original, &sent_after(&second), &["A-1"]).operations[0].key(),
        keys[2],
        "planning the same change twice gives the same key, so the outbox keeps one row"
    );
}

#[test]
fn warehouse_articles_the_shop_dropped_are_orphaned() {
    let mut deactivated = article("B-2");
    deactivated.is_active = false;
    let shop = vec![article("A-1"), deactivated];
    let plan = plan(&shop, &BTreeMap::new(), &["A-1", "B-2", "GONE-3"]);
    assert_eq!(
        plan.orphaned,
        vec!["B-2", "GONE-3"],
        "a deactivated and a deleted product stay in Ongoing, which has no delete"
    );
}
