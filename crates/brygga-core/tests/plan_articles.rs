//! The article planner: what is sent, what is held back, what is orphaned.

use std::collections::{BTreeMap, BTreeSet};

use brygga_core::article::{Article, ArticleProblem};
use brygga_core::operation::Operation;
use brygga_core::plan::articles::{ArticlePlan, ArticleState, Sent, plan_articles};

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

fn plan(shop: &[Article], sent: &BTreeMap<String, Sent>, in_warehouse: &[&str]) -> ArticlePlan {
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
            other => panic!("the article planner plans articles only: {other:?}"),
        })
        .collect()
}

/// What the store holds after every operation of `plan` was accepted, starting from `before`.
fn sent_after(before: &BTreeMap<String, Sent>, plan: &ArticlePlan) -> BTreeMap<String, Sent> {
    let mut sent = before.clone();
    for op in &plan.operations {
        if let Operation::UpsertArticle {
            article,
            hash,
            generation,
        } = op
        {
            sent.insert(
                article.sku.clone(),
                Sent {
                    hash: *hash,
                    generation: generation + 1,
                },
            );
        }
    }
    sent
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
    let second = plan(
        &shop,
        &sent_after(&BTreeMap::new(), &first),
        &["A-1", "B-2"],
    );
    assert!(
        second.operations.is_empty(),
        "what was sent is not sent again: {:?}",
        second.operations
    );
    assert_eq!(second.unchanged, 2);
}

#[test]
fn only_the_changed_article_is_sent_as_its_next_generation() {
    let mut shop = vec![article("A-1"), article("B-2")];
    let sent = sent_after(&BTreeMap::new(), &plan(&shop, &BTreeMap::new(), &[]));
    shop[1].ean = Some("7310000000017".to_owned());
    let next = plan(&shop, &sent, &["A-1", "B-2"]);
    assert_eq!(skus(&next), vec!["B-2"], "a new EAN is a change");
    assert!(
        matches!(
            next.operations[0],
            Operation::UpsertArticle { generation: 1, .. }
        ),
        "the warehouse accepted one version before: {:?}",
        next.operations[0]
    );
}

#[test]
fn changing_back_and_forth_is_a_new_change_every_time() {
    let a = vec![article("A-1")];
    let mut b = a.clone();
    b[0].name = "Nytt namn".to_owned();

    let mut sent = BTreeMap::new();
    let mut keys = Vec::new();
    for catalogue in [&a, &b, &a, &b] {
        let next = plan(catalogue, &sent, &["A-1"]);
        assert_eq!(
            plan(catalogue, &sent, &["A-1"]).operations[0].key(),
            next.operations[0].key(),
            "planning the same change twice gives the same key, so the outbox keeps one row"
        );
        keys.push(next.operations[0].key());
        sent = sent_after(&sent, &next);
    }
    let distinct: BTreeSet<&String> = keys.iter().collect();
    assert_eq!(
        distinct.len(),
        4,
        "A -> B -> A -> B is four changes, each with its own outbox key: {keys:?}"
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
