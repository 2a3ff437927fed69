//! The article routes: upsert by article number, search with the id cursor and the stock-changed
//! feed, lookup by id, and inventory per warehouse.
//!
//! Articles cannot be deleted in Ongoing, so there is no such route here either. A `PUT` whose
//! content equals what is stored changes nothing, not even `articleDataLastUpdated`, so pushing
//! the same article twice is visibly idempotent.

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use chrono::{DateTime, TimeDelta, Utc};

use super::OngoingSim;
use super::article_view::article_view;
use super::http::{ApiError, QueryParams, format_time, json, parse_body, parse_time};
use super::stock::StockLedger;
use super::wire::article::{
    ArticlesByQuery, GetArticle, InventoryPerWarehouse, InventoryPerWarehouseArticle, PostArticle,
    PostArticleResponse, ReportedInfo,
};
use super::wms::{Article, Wms};

pub(super) fn routes() -> Router<OngoingSim> {
    Router::new()
        .route("/api/v1/articles", get(list).put(upsert))
        .route("/api/v1/articles/byQuery", post(by_query))
        .route(
            "/api/v1/articles/inventoryPerWarehouse",
            get(inventory_per_warehouse),
        )
        .route("/api/v1/articles/{articleSystemId}", get(by_id))
}

async fn upsert(State(sim): State<OngoingSim>, headers: HeaderMap, body: Bytes) -> Response {
    sim.call("Articles_Put3", &headers, |wms| {
        let data: PostArticle = parse_body(&body)?;
        wms.check_goods_owner(data.goods_owner_id)?;
        if data.article_number.trim().is_empty() {
            return Err(ApiError::bad_request("articleNumber must not be empty."));
        }
        let (id, message) = upsert_article(wms, data);
        Ok(json(
            StatusCode::OK,
            &PostArticleResponse {
                article_system_id: Some(id),
                message: Some(message),
            },
        ))
    })
}

/// Creates or replaces the article and says which it did.
pub(crate) fn upsert_article(wms: &mut Wms, data: PostArticle) -> (i32, String) {
    let now = wms.now();
    if let Some(&id) = wms.article_ids.get(&data.article_number) {
        let mut stock_kind_changed = false;
        if let Some(article) = wms.articles.get_mut(&id)
            && article.data != data
        {
            stock_kind_changed = article.data.is_stock_article != data.is_stock_article;
            article.data = data;
            article.data_updated = now;
        }
        if stock_kind_changed {
            wms.touch_stock([id]);
        }
        return (id, format!("Article {id} was updated."));
    }
    let id = wms.ids.article();
    wms.article_ids.insert(data.article_number.clone(), id);
    wms.articles.insert(
        id,
        Article {
            id,
            data,
            created: now,
            data_updated: now,
            stock_changed: now,
        },
    );
    (id, format!("Article {id} was created."))
}

async fn list(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    sim.call("Articles_GetAll", &headers, |wms| {
        let query = QueryParams::parse(raw.as_deref());
        wms.check_goods_owner(query.goods_owner_id()?)?;
        let filter = ArticleFilter::from_query(&query, wms.now())?;
        Ok(json(StatusCode::OK, &search(wms, &filter)))
    })
}

async fn by_query(State(sim): State<OngoingSim>, headers: HeaderMap, body: Bytes) -> Response {
    sim.call("Articles_GetArticlesByQuery", &headers, |wms| {
        let request: ArticlesByQuery = parse_body(&body)?;
        wms.check_goods_owner(request.goods_owner_id)?;
        let filter = ArticleFilter::from_body(request, wms.now())?;
        Ok(json(StatusCode::OK, &search(wms, &filter)))
    })
}

async fn by_id(State(sim): State<OngoingSim>, headers: HeaderMap, Path(id): Path<i32>) -> Response {
    sim.call("Articles_Get", &headers, |wms| {
        let article = wms
            .articles
            .get(&id)
            .ok_or_else(|| ApiError::not_found(format!("There is no article with id {id}.")))?;
        let ledger = StockLedger::compute(wms);
        Ok(json(StatusCode::OK, &article_view(wms, &ledger, article)))
    })
}

async fn inventory_per_warehouse(
    State(sim): State<OngoingSim>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
) -> Response {
    sim.call("Articles_GetInventoryPerWarehouse", &headers, |wms| {
        let query = QueryParams::parse(raw.as_deref());
        wms.check_goods_owner(query.goods_owner_id()?)?;
        let filter = ArticleFilter::from_query(&query, wms.now())?;
        let warehouse_ids = query.ints("warehouseIds")?;
        let exclude_non_stock = query.flag("excludeNonStockArticles")?.unwrap_or(false);
        let exclude_structure = query.flag("excludeStructureArticles")?.unwrap_or(false);
        let ledger = StockLedger::compute(wms);
        let sites: Vec<i32> = wms
            .config
            .sites
            .iter()
            .map(|site| site.id)
            .filter(|id| warehouse_ids.is_empty() || warehouse_ids.contains(id))
            .collect();
        let body: Vec<InventoryPerWarehouseArticle> = filter
            .select(wms, &ledger)
            .into_iter()
            .filter(|article| !exclude_non_stock || article.is_stock_article())
            .filter(|article| !exclude_structure || article.data.structure_definition.is_none())
            .map(|article| InventoryPerWarehouseArticle {
                article_system_id: article.id,
                article_number: Some(article.data.article_number.clone()),
                inventory_per_warehouse: sites
                    .iter()
                    .map(|&warehouse_id| {
                        let figures = ledger.at(article.id, warehouse_id);
                        InventoryPerWarehouse {
                            warehouse_id,
                            number_of_items: figures.on_hand,
                            number_of_locked_items: figures.locked,
                            sellable_number_of_items: figures.sellable(),
                            available_for_sale_number_of_items: figures.free_to_allocate(),
                            reported: ReportedInfo {
                                picked_to_be_reported_number_of_items: figures
                                    .picked_to_be_reported,
                                returned_to_be_reported_number_of_items: figures
                                    .returned_to_be_reported,
                                received_to_be_reported_number_of_items: figures
                                    .received_to_be_reported,
                            },
                            allocated_number_of_items: figures.allocated,
                        }
                    })
                    .collect(),
            })
            .collect();
        Ok(json(StatusCode::OK, &body))
    })
}

fn search(wms: &Wms, filter: &ArticleFilter) -> Vec<GetArticle> {
    let ledger = StockLedger::compute(wms);
    filter
        .select(wms, &ledger)
        .into_iter()
        .map(|article| article_view(wms, &ledger, article))
        .collect()
}

/// The article search parameters shared by `GET /articles`, `POST /articles/byQuery` and
/// `GET /articles/inventoryPerWarehouse`.
#[derive(Debug, Default)]
struct ArticleFilter {
    numbers: Vec<String>,
    id_from: Option<i32>,
    max: Option<i32>,
    stock_changed_from: Option<DateTime<Utc>>,
    data_updated_from: Option<DateTime<Utc>>,
    only_in_stock: bool,
    product_codes: Vec<String>,
    bar_codes: Vec<String>,
    only_obsolete: bool,
}

impl ArticleFilter {
    fn from_query(query: &QueryParams, now: DateTime<Utc>) -> Result<Self, ApiError> {
        let mut numbers: Vec<String> = query
            .all("articleNumbers")
            .into_iter()
            .map(str::to_owned)
            .collect();
        numbers.extend(query.first("articleNumber").map(str::to_owned));
        let mut product_codes: Vec<String> = query
            .all("productCodes")
            .into_iter()
            .map(str::to_owned)
            .collect();
        product_codes.extend(query.first("productCode").map(str::to_owned));
        Ok(Self {
            numbers,
            id_from: query.int("articleSystemIdFrom")?,
            max: query.int("maxArticlesToGet")?,
            stock_changed_from: within_a_day(query.time("stockInfoChangedFrom")?, now)?,
            data_updated_from: query.time("articleDataLastUpdatedFrom")?,
            only_in_stock: query.flag("onlyArticlesInStock")?.unwrap_or(false),
            product_codes,
            bar_codes: query
                .all("barCodes")
                .into_iter()
                .map(str::to_owned)
                .collect(),
            only_obsolete: query.flag("isObsolete")?.unwrap_or(false),
        })
    }

    fn from_body(request: ArticlesByQuery, now: DateTime<Utc>) -> Result<Self, ApiError> {
        let time = |field: &str, value: Option<String>| {
            value
                .map(|text| {
                    parse_time(&text).ok_or_else(|| {
                        ApiError::bad_request(format!("{field} '{text}' is not a date-time."))
                    })
                })
                .transpose()
        };
        Ok(Self {
            numbers: request.article_numbers.unwrap_or_default(),
            id_from: request.article_system_id_from,
            max: request.max_articles_to_get,
            stock_changed_from: within_a_day(
                time("stockInfoChangedFrom", request.stock_info_changed_from)?,
                now,
            )?,
            data_updated_from: time(
                "articleDataLastUpdatedFrom",
                request.article_data_last_updated_from,
            )?,
            only_in_stock: request.only_articles_in_stock.unwrap_or(false),
            product_codes: request.product_codes.unwrap_or_default(),
            bar_codes: request.bar_codes.unwrap_or_default(),
            only_obsolete: request.is_obsolete.unwrap_or(false),
        })
    }

    /// The matching articles in id order, from the cursor on, at most `max` of them.
    fn select<'a>(&self, wms: &'a Wms, ledger: &StockLedger) -> Vec<&'a Article> {
        let limit = self
            .max
            .map_or(usize::MAX, |max| usize::try_from(max).unwrap_or(0));
        wms.articles
            .range(self.id_from.unwrap_or(i32::MIN)..)
            .map(|(_, article)| article)
            .filter(|article| {
                self.numbers.is_empty() || self.numbers.contains(&article.data.article_number)
            })
            .filter(|article| {
                self.stock_changed_from
                    .is_none_or(|from| article.stock_changed >= from)
            })
            .filter(|article| {
                self.data_updated_from
                    .is_none_or(|from| article.data_updated >= from)
            })
            .filter(|article| !self.only_in_stock || ledger.total(article.id).on_hand > 0.0)
            .filter(|article| {
                self.product_codes.is_empty()
                    || article
                        .data
                        .product_code
                        .as_ref()
                        .is_some_and(|code| self.product_codes.contains(code))
            })
            .filter(|article| {
                self.bar_codes.is_empty()
                    || article
                        .data
                        .bar_code_info
                        .as_ref()
                        .and_then(|info| info.bar_code.as_ref())
                        .is_some_and(|code| self.bar_codes.contains(code))
            })
            .filter(|article| !self.only_obsolete || is_obsolete(article))
            .take(limit)
            .collect()
    }
}

/// `stockInfoChangedFrom` "must be within 24 hours of the current time". What an older value does
/// is not stated; we refuse it with 400 so a client that forgot its full pass finds out.
fn within_a_day(
    from: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, ApiError> {
    match from {
        Some(from) if now - from > TimeDelta::hours(24) => Err(ApiError::bad_request(format!(
            "stockInfoChangedFrom ({}) must be within 24 hours of the current time ({}).",
            format_time(from),
            format_time(now)
        ))),
        other => Ok(other),
    }
}

fn is_obsolete(article: &Article) -> bool {
    article
        .data
        .storage_properties
        .as_ref()
        .and_then(|properties| properties.is_obsolete)
        .unwrap_or(false)
}
