//! A stateful simulator of Ongoing WMS's Goods Owner REST API, as one 3PL's system looks to one
//! goods owner (the merchant), plus a control API through which the 3PL's staff work.
//!
//! It is written from `spec/ongoing-wms-rest-api.swagger.json` and `shared/docs/ongoing-api.md`
//! alone, never from Brygga's client, so a misreading in the client shows up as a failing test
//! instead of being copied here. [`OngoingSim::api_router`] serves the API paths exactly as the spec
//! names them (`/api/v1/articles`, …) and is meant to be nested under `/{warehouse}`, like the real
//! base URL `https://api.ongoingsystems.se/{warehouse}/`; [`OngoingSim::control_router`] serves the
//! simulator-only routes under `/_sim/ongoing/` (see [`operator`] for the table).
//!
//! Where the spec is silent the simulator makes one documented choice, stated in the module that
//! owns it: the error bodies and status codes (`http`), which statuses lock an order
//! (`statuses`, `orders`), how the stock figures relate (`stock`), pickability
//! (`pickability`), the purchase-order and return-order status numbers (`statuses`), and how
//! deviations at goods receipt look ([`operator`]).
//!
//! All state sits behind one mutex in a cheaply cloneable [`OngoingSim`]; no lock is held across an
//! `.await`. Time comes from a settable clock so scenarios can fast-forward.

mod article_view;
mod articles;
mod clock;
mod config;
mod http;
pub mod operator;
mod order_search;
mod order_view;
mod order_workflow;
mod orders;
mod pickability;
mod purchase_order_view;
mod purchase_orders;
mod reference;
mod return_orders;
mod snapshot;
mod statuses;
mod stock;
mod wire;
mod wms;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use axum::Router;
use axum::extract::{OriginalUri, Request, State};
use axum::http::HeaderMap;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, TimeDelta, Utc};

pub use config::{OngoingConfig, WarehouseSite};
pub use operator::{
    Allocation, ClockChange, GoodsReceipt, OperatorError, PickedLine, Picking, ReceivedGoods,
    Release, ReturnReceipt, ReturnedGoods, ShippedParcel, Shipping, StatusChange, StatusDefinition,
    StockAdjustment, UnclaimedParcel,
};
pub use snapshot::{
    ArticleSnapshot, OrderLineSnapshot, OrderSnapshot, PurchaseOrderLineSnapshot,
    PurchaseOrderSnapshot, ReturnOrderLineSnapshot, ReturnOrderSnapshot,
};
pub use statuses::{OrderStage, OrderStatusEntry};

use http::{ApiError, check_basic_auth};
use wms::Wms;

/// The simulator: a handle on the shared state. Clones share it.
#[derive(Debug, Clone)]
pub struct OngoingSim {
    state: Arc<Mutex<Wms>>,
}

impl OngoingSim {
    pub fn new(config: OngoingConfig) -> Self {
        Self {
            state: Arc::new(Mutex::new(Wms::new(config))),
        }
    }

    /// The API under its spec paths (`/api/v1/…`), to be nested under `/{warehouse}`. A request
    /// nested under another warehouse name gets 404, as a wrong base URL would.
    pub fn api_router(&self) -> Router {
        Router::new()
            .merge(articles::routes())
            .merge(order_workflow::routes())
            .merge(pickability::routes())
            .merge(orders::routes())
            .merge(purchase_orders::routes())
            .merge(return_orders::routes())
            .merge(reference::routes())
            .layer(middleware::from_fn_with_state(
                self.clone(),
                check_warehouse_name,
            ))
            .with_state(self.clone())
    }

    /// The warehouse-operator control routes under `/_sim/ongoing/`, to be served at the root.
    pub fn control_router(&self) -> Router {
        operator::routes().with_state(self.clone())
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Wms> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Counts the call, checks Basic auth and runs `work` under the lock.
    pub(crate) fn call(
        &self,
        operation: &'static str,
        headers: &HeaderMap,
        work: impl FnOnce(&mut Wms) -> Result<Response, ApiError>,
    ) -> Response {
        let mut wms = self.lock();
        *wms.calls.entry(operation).or_default() += 1;
        let outcome = check_basic_auth(headers, &wms.config.user, &wms.config.password)
            .and_then(|()| work(&mut wms));
        outcome.unwrap_or_else(|error| {
            tracing::debug!(operation, status = %error.status(), message = error.message(), "ongoing simulator refused a call");
            error.into_response()
        })
    }

    pub fn config(&self) -> OngoingConfig {
        self.lock().config.clone()
    }

    /// The simulator's current time.
    pub fn now(&self) -> DateTime<Utc> {
        self.lock().now()
    }

    pub fn set_clock(&self, time: DateTime<Utc>) {
        self.lock().clock.set(time);
    }

    pub fn advance_clock(&self, by: TimeDelta) {
        self.lock().clock.advance(by);
    }

    /// How many calls an operation (its spec `operationId`, e.g. `Orders_PutOrder`) has received.
    pub fn call_count(&self, operation: &str) -> u64 {
        self.lock().calls.get(operation).copied().unwrap_or(0)
    }

    pub fn call_counts(&self) -> BTreeMap<String, u64> {
        self.lock()
            .calls
            .iter()
            .map(|(operation, count)| ((*operation).to_owned(), *count))
            .collect()
    }

    pub fn article_count(&self) -> usize {
        self.lock().articles.len()
    }

    pub fn article(&self, article_number: &str) -> Option<ArticleSnapshot> {
        let wms = self.lock();
        wms.article_by_number(article_number)
            .map(|article| snapshot::article(&wms, article))
    }

    pub fn order_count(&self) -> usize {
        self.lock().orders.len()
    }

    pub fn order(&self, order_id: i32) -> Option<OrderSnapshot> {
        let wms = self.lock();
        wms.orders
            .get(&order_id)
            .map(|order| snapshot::order(&wms, order))
    }

    pub fn order_by_number(&self, order_number: &str) -> Option<OrderSnapshot> {
        let wms = self.lock();
        wms.order_ids
            .get(order_number)
            .and_then(|id| wms.orders.get(id))
            .map(|order| snapshot::order(&wms, order))
    }

    pub fn purchase_order_by_number(&self, number: &str) -> Option<PurchaseOrderSnapshot> {
        let wms = self.lock();
        let id = wms.purchase_order_ids.get(number)?;
        wms.purchase_orders
            .get(id)
            .map(|purchase_order| snapshot::purchase_order(&wms, purchase_order))
    }

    pub fn return_order_count(&self) -> usize {
        self.lock().return_orders.len()
    }

    pub fn return_order_by_number(&self, number: &str) -> Option<ReturnOrderSnapshot> {
        let wms = self.lock();
        let id = wms.return_order_ids.get(number)?;
        wms.return_orders
            .get(id)
            .map(|return_order| snapshot::return_order(&wms, return_order))
    }

    /// The warehouse's order status list with the stage of each entry.
    pub fn order_statuses(&self) -> Vec<OrderStatusEntry> {
        self.lock().order_statuses.entries().to_vec()
    }

    /// Renames an order status or adds one, as a 3PL configures its system.
    pub fn define_order_status(
        &self,
        definition: StatusDefinition,
    ) -> Result<OrderStatusEntry, OperatorError> {
        let mut wms = self.lock();
        wms.order_statuses
            .define(definition.number, definition.text, definition.stage)
            .cloned()
            .map_err(OperatorError::Refused)
    }

    /// Creates or replaces an article from a `PostArticleModel` JSON value, as `PUT /articles`
    /// would, without HTTP (for sample data).
    pub fn put_article(&self, model: serde_json::Value) -> Result<i32, OperatorError> {
        let data = serde_json::from_value(model)
            .map_err(|error| OperatorError::Invalid(error.to_string()))?;
        let mut wms = self.lock();
        Ok(articles::upsert_article(&mut wms, data).0)
    }

    /// Creates or replaces an order from a `PostOrderModel` JSON value, as `PUT /orders` would.
    pub fn put_order(&self, model: serde_json::Value) -> Result<i32, OperatorError> {
        let data = serde_json::from_value(model)
            .map_err(|error| OperatorError::Invalid(error.to_string()))?;
        let mut wms = self.lock();
        orders::upsert_order(&mut wms, data, None)
            .map(|(id, _)| id)
            .map_err(|error| OperatorError::Refused(error.message().to_owned()))
    }

    pub fn release_order(
        &self,
        order_id: i32,
        request: &Release,
    ) -> Result<OrderSnapshot, OperatorError> {
        self.on_order(order_id, |wms| operator::release(wms, order_id, request))
    }

    pub fn allocate_order(
        &self,
        order_id: i32,
        request: &Allocation,
    ) -> Result<OrderSnapshot, OperatorError> {
        self.on_order(order_id, |wms| operator::allocate(wms, order_id, request))
    }

    pub fn pick_order(
        &self,
        order_id: i32,
        request: &Picking,
    ) -> Result<OrderSnapshot, OperatorError> {
        self.on_order(order_id, |wms| operator::pick(wms, order_id, request))
    }

    pub fn ship_order(
        &self,
        order_id: i32,
        request: &Shipping,
    ) -> Result<OrderSnapshot, OperatorError> {
        self.on_order(order_id, |wms| operator::ship(wms, order_id, request))
    }

    pub fn set_order_status(
        &self,
        order_id: i32,
        status_number: i32,
    ) -> Result<OrderSnapshot, OperatorError> {
        self.on_order(order_id, |wms| {
            operator::set_any_status(wms, order_id, status_number)
        })
    }

    pub fn receive_purchase_order(
        &self,
        id: i32,
        receipt: &GoodsReceipt,
    ) -> Result<PurchaseOrderSnapshot, OperatorError> {
        let mut wms = self.lock();
        operator::receive_purchase_order(&mut wms, id, receipt)?;
        Ok(snapshot::purchase_order(&wms, &wms.purchase_orders[&id]))
    }

    pub fn receive_return_order(
        &self,
        id: i32,
        receipt: &ReturnReceipt,
    ) -> Result<ReturnOrderSnapshot, OperatorError> {
        let mut wms = self.lock();
        operator::receive_return_order(&mut wms, id, receipt)?;
        Ok(snapshot::return_order(&wms, &wms.return_orders[&id]))
    }

    pub fn register_unclaimed_parcel(
        &self,
        request: &UnclaimedParcel,
    ) -> Result<ReturnOrderSnapshot, OperatorError> {
        let mut wms = self.lock();
        let id = operator::register_unclaimed_parcel(&mut wms, request)?;
        Ok(snapshot::return_order(&wms, &wms.return_orders[&id]))
    }

    /// Switches the returns module on or off for the goods owner; when off, every return order
    /// call is refused with 403, as for a module the 3PL has not activated.
    pub fn set_returns_enabled(&self, enabled: bool) {
        self.lock().returns_enabled = enabled;
    }

    pub fn adjust_stock(
        &self,
        adjustment: &StockAdjustment,
    ) -> Result<ArticleSnapshot, OperatorError> {
        let mut wms = self.lock();
        let article_id = operator::adjust_stock(&mut wms, adjustment)?;
        Ok(snapshot::article(&wms, &wms.articles[&article_id]))
    }

    fn on_order(
        &self,
        order_id: i32,
        action: impl FnOnce(&mut Wms) -> Result<(), OperatorError>,
    ) -> Result<OrderSnapshot, OperatorError> {
        let mut wms = self.lock();
        action(&mut wms)?;
        Ok(snapshot::order(&wms, &wms.orders[&order_id]))
    }
}

/// Answers 404 when the API router is nested under a `{warehouse}` segment that is not this
/// simulator's, like a base URL with the wrong warehouse name.
async fn check_warehouse_name(
    State(sim): State<OngoingSim>,
    request: Request,
    next: Next,
) -> Response {
    let prefix = request
        .extensions()
        .get::<OriginalUri>()
        .and_then(|original| {
            original
                .path()
                .strip_suffix(request.uri().path())
                .map(str::to_owned)
        });
    if let Some(prefix) = prefix.filter(|prefix| !prefix.is_empty()) {
        let expected = sim.lock().config.warehouse.clone();
        if prefix.trim_matches('/') != expected {
            return ApiError::not_found(format!(
                "There is no Ongoing WMS named '{}' here.",
                prefix.trim_matches('/')
            ))
            .into_response();
        }
    }
    next.run(request).await
}
