//! The products list and the "try again" of a failed article send.
//!
//! The list reads the shop's catalogue, so it can say which products changed since they were last
//! sent and name every product: whole on the first visit, after that only the products the shop
//! reports changed since (the catalogue as read is shared by every engine of the shop). When the
//! shop cannot be read the rows come from the store alone and the answer says why. The rest comes from the store, which the article and
//! stock flows keep: no warehouse call is made.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::AtomicBool;

use brygga_core::article::Article;
use brygga_core::operation::Operation;
use brygga_store::{ArticleRecord, OutboxRow, OutboxStatus, Store};

use super::view::{self, ProductCounts, ProductRow, ProductSyncState};
use super::{
    ProductsOverview, ProductsOverviewRequest, RetryProductRequest, RetryProductResult, sync_error,
};
use crate::{App, ErrorCode, IpcError};

const UPSERT_ARTICLE: &str = "warehouse.upsert_article";
/// More dead rows than any installation keeps; the list is newest first.
const DEAD_ROWS: usize = 100_000;

fn sku_of(row: &OutboxRow) -> Option<String> {
    match serde_json::from_value::<Operation>(row.payload.clone()).ok()? {
        Operation::UpsertArticle { article, .. } => Some(article.sku),
        _ => None,
    }
}

/// The newest given-up send of each SKU.
fn dead_sends(store: &Store) -> Result<BTreeMap<String, OutboxRow>, IpcError> {
    let mut dead = BTreeMap::new();
    for row in store.outbox().list(Some(OutboxStatus::Dead), DEAD_ROWS)? {
        if row.kind != UPSERT_ARTICLE {
            continue;
        }
        if let Some(sku) = sku_of(&row) {
            // Newest first: the first row seen for a SKU is its latest.
            dead.entry(sku).or_insert(row);
        }
    }
    Ok(dead)
}

/// The state of one SKU, from the most pressing down: a send that gave up after the last
/// accepted one, a send waiting, never accepted, accepted but the shop has changed it since.
fn state_of(
    record: Option<&ArticleRecord>,
    shop: Option<&Article>,
    dead: Option<&OutboxRow>,
    open: bool,
) -> ProductSyncState {
    let sent_at = record.and_then(|r| r.sent_at_ms);
    if dead.is_some_and(|row| sent_at.is_none_or(|sent| row.updated_at_ms > sent)) {
        return ProductSyncState::Failed;
    }
    if open {
        return ProductSyncState::Pending;
    }
    let Some(sent_hash) = record.and_then(|r| r.sent_hash.as_deref()) else {
        return ProductSyncState::NeverSent;
    };
    match shop {
        Some(article) if article.content_hash().to_string() != sent_hash => {
            ProductSyncState::Changed
        }
        _ => ProductSyncState::Current,
    }
}

/// Every SKU known to the shop or to Brygga, with its sync state, problems and stock.
pub async fn products_overview(
    app: &App,
    _request: ProductsOverviewRequest,
) -> Result<ProductsOverview, IpcError> {
    let store = app.store()?;
    let (shop, shop_problem) = match crate::sync::engine(app) {
        Ok(engine) => match engine.shop_catalogue().await {
            Ok(catalogue) => (Some(catalogue), None),
            Err(err) => (None, Some(sync_error(err).message)),
        },
        Err(err) => (None, Some(err.message)),
    };
    let mut articles: BTreeMap<&str, &Article> = BTreeMap::new();
    if let Some(catalogue) = &shop {
        // An active variant wins over an inactive one with the same SKU.
        for article in &catalogue.articles {
            let keep = articles
                .get(article.sku.as_str())
                .is_some_and(|seen| seen.is_active);
            if !keep {
                articles.insert(article.sku.as_str(), article);
            }
        }
    }
    let records: BTreeMap<String, ArticleRecord> = store
        .articles()
        .list()?
        .into_iter()
        .map(|r| (r.sku.clone(), r))
        .collect();
    let levels = store.stock_levels().all()?;
    let dead = dead_sends(store)?;
    let open: BTreeSet<String> = store
        .outbox()
        .open_of_kind(UPSERT_ARTICLE)?
        .iter()
        .filter_map(sku_of)
        .collect();
    let skus: BTreeSet<&str> = articles
        .keys()
        .copied()
        .chain(records.keys().map(String::as_str))
        .chain(levels.keys().map(String::as_str))
        .collect();
    let rows: Vec<ProductRow> = skus
        .into_iter()
        .map(|sku| {
            let record = records.get(sku);
            let article = articles.get(sku).copied();
            let level = levels.get(sku);
            let dead_row = dead.get(sku);
            let state = state_of(record, article, dead_row, open.contains(sku));
            ProductRow {
                sku: sku.to_owned(),
                name: article.map(|a| a.name.clone()),
                state,
                in_shop: article.is_some_and(|a| a.is_active),
                problems: record
                    .map(|r| view::problems_of(&r.problems))
                    .unwrap_or_default(),
                orphaned: record.is_some_and(|r| r.orphaned),
                warehouse_article_id: record.and_then(|r| r.warehouse_article_id),
                sent_at: record.and_then(|r| r.sent_at_ms).map(view::iso),
                failure: (state == ProductSyncState::Failed)
                    .then(|| dead_row.and_then(|r| r.last_error.clone()))
                    .flatten(),
                warehouse_sellable: level.and_then(|l| l.warehouse_sellable),
                shop_quantity: level.and_then(|l| l.shop_quantity),
                written_quantity: level.and_then(|l| l.written_quantity),
                written_at: level.and_then(|l| l.written_at_ms).map(view::iso),
            }
        })
        .collect();
    Ok(ProductsOverview {
        counts: ProductCounts::of(&rows),
        rows,
        shop_read: shop.is_some(),
        shop_problem,
        read_at: view::iso(chrono::Utc::now().timestamp_millis()),
    })
}

/// Sends a failed article again: its latest given-up send goes back in the queue and is sent
/// now. Older given-up sends of the SKU stay as they are, since their content is out of date.
pub async fn retry_product(
    app: &App,
    request: RetryProductRequest,
) -> Result<RetryProductResult, IpcError> {
    let store = app.store()?;
    let Some(row) = dead_sends(store)?.remove(&request.sku) else {
        return Err(IpcError::new(
            ErrorCode::Validation,
            format!(
                "article {} has no failed send to try again; the next article sync sends it \
                 if it changed",
                request.sku
            ),
        ));
    };
    let engine = crate::sync::engine(app)?;
    store
        .outbox()
        .retry_dead(row.id, chrono::Utc::now().timestamp_millis())?;
    engine
        .drain(&AtomicBool::new(false))
        .await
        .map_err(sync_error)?;
    let after = store.outbox().get(row.id)?;
    let status = after.as_ref().map(|r| r.status);
    Ok(RetryProductResult {
        sent: status == Some(OutboxStatus::Done),
        failure: after
            .filter(|r| r.status != OutboxStatus::Done)
            .and_then(|r| r.last_error),
    })
}
