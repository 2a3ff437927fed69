//! `articles`: sent hashes per SKU, and problems and orphans replaced as whole sets.

use std::collections::{BTreeMap, BTreeSet};

use brygga_store::{ArticleCounts, ArticleRecord};
use serde_json::json;

use crate::fresh_store;

const HASH_1: &str = "00000000000000a1";
const HASH_2: &str = "00000000000000b2";

#[test]
fn an_unknown_sku_has_no_record() {
    let store = fresh_store();
    assert_eq!(
        store.articles().get("SKU-1").unwrap(),
        None,
        "a SKU Brygga never recorded anything about has no row"
    );
}

#[test]
fn record_sent_inserts_then_updates_and_keeps_a_known_article_id() {
    let store = fresh_store();
    let articles = store.articles();
    articles
        .record_sent("SKU-1", HASH_1, Some(77), 1_000)
        .unwrap();
    assert_eq!(
        articles.get("SKU-1").unwrap(),
        Some(ArticleRecord {
            sku: "SKU-1".into(),
            sent_hash: Some(HASH_1.into()),
            sent_at_ms: Some(1_000),
            sent_generation: 1,
            warehouse_article_id: Some(77),
            problems: json!([]),
            orphaned: false,
            updated_at_ms: 1_000,
        }),
        "the first send creates the row, with no problems and not orphaned"
    );

    articles.record_sent("SKU-1", HASH_2, None, 2_000).unwrap();
    let row = articles.get("SKU-1").unwrap().unwrap();
    assert_eq!(
        (row.sent_hash.as_deref(), row.sent_at_ms, row.updated_at_ms),
        (Some(HASH_2), Some(2_000), 2_000),
        "a later send replaces the hash the planner compares with"
    );
    assert_eq!(
        row.warehouse_article_id,
        Some(77),
        "an answer without an article id must not forget the id the warehouse gave before"
    );
}

#[test]
fn each_accepted_send_counts_one_generation_even_when_a_hash_comes_back() {
    let store = fresh_store();
    store
        .articles()
        .replace_orphaned(&BTreeSet::from(["SKU-1".to_owned()]), 500)
        .unwrap();
    assert_eq!(
        store
            .articles()
            .get("SKU-1")
            .unwrap()
            .unwrap()
            .sent_generation,
        0,
        "a row created for another reason was never sent, so no generation is used up"
    );

    let mut generations = Vec::new();
    for (at, hash) in [(1_000, HASH_1), (2_000, HASH_2), (3_000, HASH_1)] {
        store
            .articles()
            .record_sent("SKU-1", hash, None, at)
            .unwrap();
        generations.push(
            store
                .articles()
                .get("SKU-1")
                .unwrap()
                .unwrap()
                .sent_generation,
        );
    }
    store
        .atomically(|w| w.article_sent("SKU-1", HASH_2, None, 4_000))
        .unwrap();
    generations.push(
        store
            .articles()
            .get("SKU-1")
            .unwrap()
            .unwrap()
            .sent_generation,
    );
    assert_eq!(
        generations,
        vec![1, 2, 3, 4],
        "A -> B -> A -> B is four sends, each a new idempotency key, through the handle and \
         through atomically alike"
    );

    store
        .articles()
        .record_sent("SKU-2", HASH_1, None, 5_000)
        .unwrap();
    assert_eq!(
        store
            .articles()
            .get("SKU-2")
            .unwrap()
            .unwrap()
            .sent_generation,
        1,
        "generations are per SKU: another SKU's sends do not count"
    );
}

#[test]
fn a_refused_send_uses_up_no_generation() {
    let store = fresh_store();
    store
        .articles()
        .record_sent("SKU-1", HASH_1, None, 1_000)
        .unwrap();
    assert!(
        store
            .articles()
            .record_sent("SKU-1", "not-a-hash", None, 2_000)
            .is_err(),
        "precondition: a hash in another spelling is refused"
    );
    assert_eq!(
        store
            .articles()
            .get("SKU-1")
            .unwrap()
            .unwrap()
            .sent_generation,
        1,
        "only sends that were recorded count, or the engine would skip a key"
    );
}

#[test]
fn sent_hashes_lists_only_articles_that_were_sent() {
    let store = fresh_store();
    store
        .articles()
        .record_sent("SKU-1", HASH_1, Some(1), 1_000)
        .unwrap();
    store
        .articles()
        .replace_orphaned(&BTreeSet::from(["SKU-9".to_owned()]), 1_000)
        .unwrap();
    assert_eq!(
        store.articles().sent_hashes().unwrap(),
        BTreeMap::from([("SKU-1".to_owned(), HASH_1.to_owned())]),
        "a row created for another reason has no hash, so the planner must see it as never sent"
    );
}

#[test]
fn a_hash_in_another_spelling_is_refused() {
    let store = fresh_store();
    for bad in ["00000000000000A1", "a1", "00000000000000g1"] {
        assert!(
            store
                .articles()
                .record_sent("SKU-1", bad, None, 1_000)
                .is_err(),
            "{bad:?} is not 16 lowercase hex digits, and would never equal a freshly computed hash"
        );
    }
    assert_eq!(
        store.articles().get("SKU-1").unwrap(),
        None,
        "a refused write leaves no row behind"
    );
}

#[test]
fn replace_problems_sets_the_given_skus_and_clears_every_other() {
    let store = fresh_store();
    let articles = store.articles();
    articles.record_sent("SKU-1", HASH_1, None, 500).unwrap();
    articles
        .replace_problems(
            &BTreeMap::from([
                ("SKU-1".to_owned(), json!([{"code": "missing_weight"}])),
                ("SKU-2".to_owned(), json!([{"code": "name_too_long"}])),
            ]),
            1_000,
        )
        .unwrap();
    articles
        .replace_problems(
            &BTreeMap::from([
                ("SKU-2".to_owned(), json!([{"code": "name_too_long"}])),
                ("SKU-3".to_owned(), json!([{"code": "missing_barcode"}])),
            ]),
            2_000,
        )
        .unwrap();

    let problems: Vec<(String, serde_json::Value, i64)> = articles
        .list()
        .unwrap()
        .into_iter()
        .map(|row| (row.sku, row.problems, row.updated_at_ms))
        .collect();
    assert_eq!(
        problems,
        vec![
            ("SKU-1".to_owned(), json!([]), 2_000),
            (
                "SKU-2".to_owned(),
                json!([{"code": "name_too_long"}]),
                1_000
            ),
            (
                "SKU-3".to_owned(),
                json!([{"code": "missing_barcode"}]),
                2_000
            ),
        ],
        "SKU-1 was left out so it is fine now; SKU-2's problem did not change so its row did not \
         either; SKU-3 had no row and got one"
    );
    assert_eq!(
        articles.get("SKU-1").unwrap().unwrap().sent_hash.as_deref(),
        Some(HASH_1),
        "clearing problems must not touch what was sent"
    );
}

#[test]
fn problems_must_be_a_list() {
    let store = fresh_store();
    let error = store
        .articles()
        .replace_problems(
            &BTreeMap::from([("SKU-1".to_owned(), json!({"code": "x"}))]),
            1_000,
        )
        .expect_err("the column holds an array of problems");
    assert!(
        error.to_string().contains("replacing article problems"),
        "the message says what the store was doing: {error}"
    );
}

#[test]
fn replace_orphaned_marks_the_given_skus_and_unmarks_every_other() {
    let store = fresh_store();
    let articles = store.articles();
    articles
        .replace_orphaned(&BTreeSet::from(["A".to_owned(), "B".to_owned()]), 1_000)
        .unwrap();
    articles
        .replace_orphaned(&BTreeSet::from(["B".to_owned(), "C".to_owned()]), 2_000)
        .unwrap();
    let orphaned: Vec<(String, bool, i64)> = articles
        .list()
        .unwrap()
        .into_iter()
        .map(|row| (row.sku, row.orphaned, row.updated_at_ms))
        .collect();
    assert_eq!(
        orphaned,
        vec![
            ("A".to_owned(), false, 2_000),
            ("B".to_owned(), true, 1_000),
            ("C".to_owned(), true, 2_000),
        ],
        "A came back to the shop, B is still orphaned (and unchanged), C is newly orphaned"
    );
}

#[test]
fn counts_follow_each_state() {
    let store = fresh_store();
    let articles = store.articles();
    assert_eq!(
        articles.counts().unwrap(),
        ArticleCounts::default(),
        "an empty table counts zero everywhere, not an error from SUM over no rows"
    );
    articles.record_sent("SKU-1", HASH_1, None, 1_000).unwrap();
    articles.record_sent("SKU-2", HASH_2, None, 1_000).unwrap();
    articles
        .replace_problems(&BTreeMap::from([("SKU-2".to_owned(), json!(["x"]))]), 1_000)
        .unwrap();
    articles
        .replace_orphaned(&BTreeSet::from(["SKU-3".to_owned()]), 1_000)
        .unwrap();
    assert_eq!(
        articles.counts().unwrap(),
        ArticleCounts {
            total: 3,
            sent: 2,
            with_problems: 1,
            orphaned: 1,
        },
        "each SKU is counted once in total and once in each state it is in"
    );
}
