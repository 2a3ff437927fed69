//! The products and stock reconciliation screens' commands through the same functions the desktop
//! shell calls, against both simulators (demo systems on loopback, connected and mapped).

use std::collections::{BTreeMap, BTreeSet};

use brygga_app::commands::types::*;
use brygga_app::commands::{
    apply_stock_corrections, export_orphaned_articles, products_overview, retry_product,
    run_stock_reconciliation, stock_reconciliation_overview,
};
use brygga_app::demo::DemoSystems;
use brygga_app::products::{ArticleProblemKind, ExportLanguage, ProductSyncState};
use brygga_app::runs::AttentionKind;
use brygga_app::{App, ErrorCode};
use brygga_core::schedule::Flow;
use brygga_sim::ongoing::StockAdjustment;
use brygga_sim::starweb::{EditVariant, NewProduct, NewVariant};

async fn connected(dir: &std::path::Path) -> (App, DemoSystems) {
    let app = App::for_testing(dir);
    let systems = DemoSystems::start(&app, 12, None)
        .await
        .expect("the simulators start and are connected");
    (app, systems)
}

/// SKUs the shop keeps stock for and the warehouse holds, in SKU order.
fn stocked_skus(systems: &DemoSystems) -> Vec<String> {
    systems
        .shop
        .stock_levels()
        .into_keys()
        .filter(|sku| systems.warehouse.article(sku).is_some())
        .collect()
}

/// What Brygga should write for `sku`: the warehouse's sellable quantity (no orders wait).
fn sellable(systems: &DemoSystems, sku: &str) -> i64 {
    systems
        .warehouse
        .article(sku)
        .expect("the warehouse holds the article")
        .sellable
        .floor() as i64
}

fn set_warehouse_stock(systems: &DemoSystems, sku: &str, on_hand: f64) {
    systems
        .warehouse
        .adjust_stock(&StockAdjustment {
            article_number: sku.to_owned(),
            set_to: Some(on_hand),
            ..StockAdjustment::default()
        })
        .expect("the 3PL counts the article");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_lists_exactly_the_differences_and_corrections_fix_them() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems) = connected(dir.path()).await;

    // The sample warehouse counts a few more items than the shop shows; start from agreement.
    let first = run_stock_reconciliation(&app, RunStockReconciliationRequest {})
        .await
        .expect("the first report is read from both simulators");
    assert!(
        !first.differences.is_empty(),
        "the sample data starts with differences, so the report has something to show"
    );
    let settled = apply_stock_corrections(&app, ApplyStockCorrectionsRequest { skus: None })
        .await
        .expect("every difference is corrected");
    assert!(
        settled.failed.is_empty(),
        "the shop accepts every write: {settled:?}"
    );
    assert_eq!(
        settled.written.len(),
        first.differences.len(),
        "one write per difference"
    );
    let agreed = run_stock_reconciliation(&app, RunStockReconciliationRequest {})
        .await
        .unwrap();
    assert!(
        agreed.differences.is_empty(),
        "after the corrections both sides agree: {:?}",
        agreed.differences
    );

    let skus = stocked_skus(&systems);
    assert!(skus.len() >= 3, "the sample has stocked articles: {skus:?}");
    let (counted, sold, both) = (&skus[0], &skus[1], &skus[2]);
    set_warehouse_stock(&systems, counted, 40.0);
    systems.shop.set_stock(sold, 2).unwrap();
    set_warehouse_stock(&systems, both, 7.0);
    // Another app raises `both` in the shop above what Brygga wrote.
    let written_both = systems.shop.stock(both).unwrap();
    let raised_both = written_both + 25;
    systems.shop.set_stock(both, raised_both).unwrap();
    let expected: BTreeMap<String, (i64, i64)> = [counted, sold, both]
        .into_iter()
        .map(|sku| {
            let shop = systems.shop.stock(sku).unwrap();
            (sku.clone(), (sellable(&systems, sku), shop))
        })
        .collect();

    let report = run_stock_reconciliation(&app, RunStockReconciliationRequest {})
        .await
        .unwrap();
    let found: BTreeMap<String, (i64, i64)> = report
        .differences
        .iter()
        .map(|d| (d.sku.clone(), (d.warehouse, d.shop)))
        .collect();
    assert_eq!(
        found, expected,
        "exactly the three changed articles differ, with both sides' quantities"
    );
    for difference in &report.differences {
        assert_eq!(
            difference.difference,
            difference.warehouse - difference.shop,
            "the difference is what Brygga would write minus what the shop has"
        );
        assert!(
            difference.name.is_some(),
            "the shop's name comes along for {}",
            difference.sku
        );
    }
    assert_eq!(
        systems.shop.stock(sold),
        Some(2),
        "the report is a dry run: the shop is not touched"
    );
    assert_eq!(
        report
            .raised_outside
            .iter()
            .map(|r| (r.sku.as_str(), r.written, r.shown))
            .collect::<Vec<_>>(),
        vec![(both.as_str(), written_both, raised_both)],
        "only the article raised above Brygga's write has another writer; `sold` went down as \
         orders take it"
    );
    let attention = brygga_app::runs::attention::collect(app.store().unwrap()).unwrap();
    assert!(
        attention
            .iter()
            .any(|i| i.kind == AttentionKind::StockRaisedOutside && i.focus == *both),
        "the dashboard asks the merchant to find the other writer: {attention:?}"
    );
    let overview = stock_reconciliation_overview(&app, StockReconciliationOverviewRequest {})
        .await
        .unwrap();
    assert_eq!(
        overview
            .raised_outside
            .iter()
            .map(|r| (r.sku.as_str(), r.shown, r.name.is_some()))
            .collect::<Vec<_>>(),
        vec![(both.as_str(), raised_both, true)],
        "the screen the dashboard leads to names the article, with the shop's name for it"
    );
    let problems = brygga_app::sync::problems(&app).unwrap();
    assert!(
        problems
            .iter()
            .any(|p| p.code == "stock.raisedOutside" && p.subject == format!("stock:{both}")),
        "`brygga problems` lists it too: {problems:?}"
    );
    let kept = stock_reconciliation_overview(&app, StockReconciliationOverviewRequest {})
        .await
        .unwrap();
    assert_eq!(
        kept.last.as_ref(),
        Some(&report),
        "the screen shows the last report again with when it ran"
    );
    assert!(!kept.report_only, "the default corrects on schedule");

    let chosen = vec![counted.clone(), sold.clone()];
    let applied = apply_stock_corrections(
        &app,
        ApplyStockCorrectionsRequest {
            skus: Some(chosen.clone()),
        },
    )
    .await
    .expect("the chosen corrections are written");
    assert_eq!(
        applied.written.iter().collect::<BTreeSet<_>>(),
        chosen.iter().collect::<BTreeSet<_>>(),
        "exactly the chosen articles are written: {applied:?}"
    );
    assert!(applied.failed.is_empty() && applied.already_right.is_empty());
    for sku in &chosen {
        assert_eq!(
            systems.shop.stock(sku),
            Some(expected[sku].0),
            "the shop now shows what the warehouse can sell for {sku}"
        );
    }
    assert_eq!(
        systems.shop.stock(both),
        Some(raised_both),
        "an article not chosen is left alone"
    );
    let kept = stock_reconciliation_overview(&app, StockReconciliationOverviewRequest {})
        .await
        .unwrap()
        .last
        .unwrap();
    assert_eq!(
        kept.differences
            .iter()
            .map(|d| d.sku.as_str())
            .collect::<Vec<_>>(),
        vec![both.as_str()],
        "the corrected articles leave the kept report"
    );

    let rest = apply_stock_corrections(&app, ApplyStockCorrectionsRequest { skus: None })
        .await
        .unwrap();
    assert_eq!(
        rest.written,
        vec![both.clone()],
        "only one difference was left"
    );
    assert_eq!(systems.shop.stock(both), Some(expected[both].0));
    let attention = brygga_app::runs::attention::collect(app.store().unwrap()).unwrap();
    assert!(
        !attention
            .iter()
            .any(|i| i.kind == AttentionKind::StockRaisedOutside),
        "once corrected the article shows what Brygga wrote: {attention:?}"
    );
    assert!(
        stock_reconciliation_overview(&app, StockReconciliationOverviewRequest {})
            .await
            .unwrap()
            .raised_outside
            .is_empty(),
        "and the screen no longer warns of it"
    );
    let products = products_overview(&app, ProductsOverviewRequest {})
        .await
        .unwrap();
    let row = products
        .rows
        .iter()
        .find(|r| &r.sku == both)
        .expect("a corrected article is listed");
    assert_eq!(
        (
            row.warehouse_sellable,
            row.shop_quantity,
            row.written_quantity
        ),
        (Some(7.0), Some(raised_both), Some(expected[both].0)),
        "the stock columns show what was read on each side and what Brygga wrote"
    );
    assert!(row.written_at.is_some(), "the write has its time");
    let after = run_stock_reconciliation(&app, RunStockReconciliationRequest {})
        .await
        .unwrap();
    assert!(
        after.differences.is_empty(),
        "a second report after the corrections is empty: {:?}",
        after.differences
    );

    let nothing =
        apply_stock_corrections(&app, ApplyStockCorrectionsRequest { skus: Some(vec![]) })
            .await
            .expect_err("an empty choice is a mistake, not 'apply all'");
    assert_eq!(nothing.code, ErrorCode::Validation);
}

/// Reads a semicolon-separated file with RFC 4180 quoting.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (';', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_orphan_export_lists_exactly_the_orphaned_articles() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems) = connected(dir.path()).await;
    let goods_owner = systems.warehouse.config().goods_owner_id;
    let name = "Vintermössa; \"röd\"";
    systems
        .warehouse
        .put_article(serde_json::json!({
            "goodsOwnerId": goods_owner,
            "articleNumber": "OLD-HAT-1",
            "articleName": name,
            "isStockArticle": true,
        }))
        .expect("the 3PL keeps an article the shop dropped long ago");
    set_warehouse_stock(&systems, "OLD-HAT-1", 4.0);
    let engine = brygga_app::sync::engine(&app).unwrap();
    engine
        .run_flow(Flow::Articles, false)
        .await
        .expect("the article sync runs");

    let orphaned: BTreeSet<String> = app
        .store()
        .unwrap()
        .articles()
        .list()
        .unwrap()
        .into_iter()
        .filter(|a| a.orphaned)
        .map(|a| a.sku)
        .collect();
    assert!(
        orphaned.contains("OLD-HAT-1"),
        "the article sync finds the warehouse article no shop product has: {orphaned:?}"
    );

    let export = export_orphaned_articles(
        &app,
        ExportOrphanedArticlesRequest {
            language: ExportLanguage::En,
        },
    )
    .await
    .expect("the file is written");
    let text = std::fs::read_to_string(&export.path).expect("the file is where the answer says");
    std::fs::remove_file(&export.path).unwrap();
    assert!(export.from_warehouse, "the warehouse was read for names");
    let rows = read_csv(&text);
    assert_eq!(
        rows[0],
        vec!["SKU", "Warehouse article id", "Name", "Sellable stock"],
        "a header row names the columns"
    );
    assert_eq!(
        export.rows as usize,
        rows.len() - 1,
        "the answer counts the data rows"
    );
    let skus: BTreeSet<String> = rows[1..].iter().map(|r| r[0].clone()).collect();
    assert_eq!(skus, orphaned, "exactly the orphaned articles are listed");
    let hat = rows
        .iter()
        .find(|r| r[0] == "OLD-HAT-1")
        .expect("the dropped article is listed");
    let snapshot = systems.warehouse.article("OLD-HAT-1").unwrap();
    assert_eq!(
        hat,
        &vec![
            "OLD-HAT-1".to_owned(),
            snapshot.article_system_id.to_string(),
            name.to_owned(),
            "4".to_owned()
        ],
        "the name with a separator and quotes survives as one field; the stock is the sellable"
    );

    let overview = products_overview(&app, ProductsOverviewRequest {})
        .await
        .unwrap();
    let row = overview
        .rows
        .iter()
        .find(|r| r.sku == "OLD-HAT-1")
        .expect("an orphan is listed among the products");
    assert!(row.orphaned && !row.in_shop, "{row:?}");
    assert_eq!(
        row.warehouse_sellable, None,
        "no stock was read for it yet; the columns stay empty rather than guess"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn products_show_their_sync_state_and_problems_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems) = connected(dir.path()).await;
    systems
        .shop
        .add_product(NewProduct {
            name: "Mössa <röd>".to_owned(),
            name_en: None,
            vat_rate: 25.0,
            visible: true,
            variants: vec![NewVariant {
                sku: "HAT RED/1".to_owned(),
                label: None,
                ean: None,
                mpn: None,
                weight_in_kg: Some(0.1),
                stock_quantity: Some(3),
                price_ex_vat_minor: 10_000,
                is_active: true,
            }],
        })
        .expect("the merchant adds a product with a SKU the warehouse refuses");
    let before = products_overview(&app, ProductsOverviewRequest {})
        .await
        .expect("the list reads the shop");
    assert!(before.shop_read && before.shop_problem.is_none());
    assert!(
        before
            .rows
            .iter()
            .filter(|r| r.in_shop)
            .all(|r| r.state == ProductSyncState::NeverSent),
        "before the first article sync nothing was sent"
    );

    let engine = brygga_app::sync::engine(&app).unwrap();
    engine.run_flow(Flow::Articles, false).await.unwrap();
    engine
        .drain(&std::sync::atomic::AtomicBool::new(false))
        .await
        .unwrap();
    let sent = stocked_skus(&systems);
    let changed = sent[0].clone();
    systems
        .shop
        .edit_variant(
            &changed,
            EditVariant {
                product_name: None,
                ean: None,
                mpn: None,
                weight_in_kg: Some(9.875),
            },
        )
        .unwrap();

    let overview = products_overview(&app, ProductsOverviewRequest {})
        .await
        .unwrap();
    let by_sku: BTreeMap<&str, _> = overview.rows.iter().map(|r| (r.sku.as_str(), r)).collect();
    let bad = by_sku["HAT RED/1"];
    assert_eq!(
        bad.state,
        ProductSyncState::NeverSent,
        "a product with problems is held back"
    );
    let kinds: Vec<ArticleProblemKind> = bad.problems.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        vec![
            ArticleProblemKind::SkuCharacters,
            ArticleProblemKind::NameCharacters
        ],
        "both the SKU and the name break the rules"
    );
    assert_eq!(bad.problems[0].detail.as_deref(), Some("' ', '/'"));
    assert!(
        bad.problems[0]
            .message
            .contains("the SKU contains ' ', '/'"),
        "the problem is in words: {}",
        bad.problems[0].message
    );
    assert_eq!(bad.name.as_deref(), Some("Mössa <röd>"));
    assert_eq!(
        by_sku[changed.as_str()].state,
        ProductSyncState::Changed,
        "a product whose weight changed after it was sent waits for the next article sync"
    );
    assert_eq!(
        by_sku[sent[1].as_str()].state,
        ProductSyncState::Current,
        "an article sent and not changed is current"
    );
    assert!(by_sku[sent[1].as_str()].sent_at.is_some());
    assert_eq!(overview.counts.problems, 1, "{:?}", overview.counts);
    assert_eq!(overview.counts.changed, 1);
    assert_eq!(overview.counts.all as usize, overview.rows.len());

    let nothing = retry_product(
        &app,
        RetryProductRequest {
            sku: sent[1].clone(),
        },
    )
    .await
    .expect_err("a current article has no failed send");
    assert_eq!(nothing.code, ErrorCode::Validation, "{nothing}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_connections_the_list_says_why_and_the_report_is_not_configured() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::for_testing(dir.path());
    let overview = products_overview(&app, ProductsOverviewRequest {})
        .await
        .expect("the stored part is shown without a shop");
    assert!(!overview.shop_read && overview.shop_problem.is_some());
    assert!(overview.rows.is_empty());
    let error = run_stock_reconciliation(&app, RunStockReconciliationRequest {})
        .await
        .expect_err("there is nothing to compare");
    assert_eq!(error.code, ErrorCode::NotConfigured, "{error}");
    let kept = stock_reconciliation_overview(&app, StockReconciliationOverviewRequest {})
        .await
        .unwrap();
    assert_eq!(kept.last, None, "no report ran yet");
    let early = apply_stock_corrections(&app, ApplyStockCorrectionsRequest { skus: None })
        .await
        .expect_err("stock is not written to the shop before going live");
    assert_eq!(early.code, ErrorCode::Validation, "{early}");
    assert!(
        brygga_sync::SyncSettings::load(app.store().unwrap())
            .unwrap()
            .baseline
            .is_none(),
        "a refused correction does not go live behind the wizard's back"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_send_is_shown_with_its_reason_and_sent_again() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems) = connected(dir.path()).await;
    let engine = brygga_app::sync::engine(&app).unwrap();
    engine.run_flow(Flow::Articles, false).await.unwrap();
    let sku = stocked_skus(&systems)[0].clone();
    let store = app.store().unwrap();
    let row = store
        .outbox()
        .open_of_kind("warehouse.upsert_article")
        .unwrap()
        .into_iter()
        .find(|r| r.payload["article"]["sku"] == sku.as_str())
        .expect("the article sync queued the article");
    // The warehouse's refusal, as the drain records it when the attempts run out.
    store
        .outbox()
        .mark_dead(
            row.id,
            "warehouse.rejected",
            "the warehouse refused the article: barcode in use",
            chrono::Utc::now().timestamp_millis(),
        )
        .unwrap();
    engine
        .drain(&std::sync::atomic::AtomicBool::new(false))
        .await
        .unwrap();

    let overview = products_overview(&app, ProductsOverviewRequest {})
        .await
        .unwrap();
    let failed = overview.rows.iter().find(|r| r.sku == sku).unwrap();
    assert_eq!(failed.state, ProductSyncState::Failed, "{failed:?}");
    assert_eq!(
        failed.failure.as_deref(),
        Some("the warehouse refused the article: barcode in use"),
        "the reason is shown as the drain recorded it"
    );
    assert_eq!(overview.counts.failed, 1, "only this article failed");

    let retried = retry_product(&app, RetryProductRequest { sku: sku.clone() })
        .await
        .expect("the failed send is queued again and sent");
    assert!(retried.sent && retried.failure.is_none(), "{retried:?}");
    let after = products_overview(&app, ProductsOverviewRequest {})
        .await
        .unwrap();
    let row = after.rows.iter().find(|r| r.sku == sku).unwrap();
    assert_eq!(
        row.state,
        ProductSyncState::Current,
        "the warehouse accepted it over HTTP, so it is current: {row:?}"
    );
    assert!(
        row.warehouse_article_id.is_some(),
        "the warehouse named its id"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_visit_shows_what_changed_in_the_shop_since_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let (app, systems) = connected(dir.path()).await;
    let first = products_overview(&app, ProductsOverviewRequest {})
        .await
        .expect("the list reads the shop");
    assert!(first.shop_read, "{:?}", first.shop_problem);
    let sku = stocked_skus(&systems)
        .into_iter()
        .next()
        .expect("the demo shop stocks an article the warehouse holds");
    systems
        .shop
        .edit_variant(
            &sku,
            EditVariant {
                product_name: Some("Ny vinterjacka".to_owned()),
                ean: None,
                mpn: None,
                weight_in_kg: None,
            },
        )
        .expect("the merchant renames the product in the shop admin");

    let second = products_overview(&app, ProductsOverviewRequest {})
        .await
        .expect("the list reads the shop again");
    assert_eq!(
        second
            .rows
            .iter()
            .find(|r| r.sku == sku)
            .and_then(|r| r.name.as_deref()),
        Some("Ny vinterjacka"),
        "the catalogue kept from the first visit gets the shop's change merged in"
    );
    assert_eq!(
        second.rows.len(),
        first.rows.len(),
        "every product is still listed"
    );
}
