//! The Starweb shop simulator: the Shop API v2 served from one in-memory shop, plus shopper control
//! routes under `/_sim/starweb/` that play the shop's customers and admin.
//!
//! The API covers what a bridge to a warehouse needs: `POST /token` (OAuth 2.0 client credentials),
//! orders with their lines, addresses, comments and external-service references, order statuses,
//! products with variants and stock, stock locations and statuses, shipping and payment methods,
//! tracking types, currencies, the shop's details and single customers. It is written from the 2.12.0
//! OpenAPI file (fields and paths; authentication from 2.11.0) and `shared/docs/starweb-api.md`, never
//! from our client, so a client that misreads the API fails here instead of in a merchant's shop.
//!
//! What a real shop does and a bridge must cope with is modelled on purpose: tokens expire on a clock
//! that tests move; standard order statuses have scattered, shop-specific ids and are found by
//! `idCode`; lists hold 100 per page; a requests-per-minute limit answers 429; status changes e-mail
//! customers (recorded, so tests can count them); a deleted order's number can come back on a new
//! order. Choices where the docs are silent are noted in the module that makes them.
//!
//! [`sample`] generates a deterministic Swedish catalogue and order book to load into the shop.

mod auth;
mod control;
mod demo_shop;
mod error;
mod events;
mod model;
mod order_input;
mod order_items;
mod order_parts;
mod order_services;
mod orders;
mod products;
mod reference;
pub mod sample;
mod setup;
mod shop_actions;
mod shopper;
mod state;
mod statuses;
mod stock;
mod time;
mod wire;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::{get, post};
use chrono::{DateTime, Utc};

pub use events::{CustomerEmail, EmailTrigger, ProcessedPayment};
pub use model::{
    Address, AddressType, Customer, DiscountType, ExternalService, OrderComment, OrderDetails,
    OrderLine, OrderTotals, Product, ShopOrder, Variant,
};
pub use setup::{
    Currency, LocalName, OrderStatus, PaymentMethod, ShippingMethod, ShopInfo, StockStatus,
    TrackingType,
};
pub use shop_actions::{
    EditOrder, EditVariant, NewProduct, NewVariant, PlaceOrder, PlacedLine, ShopError,
};
pub use time::{format_time, parse_time};

use setup::ShopSetup;
use state::ShopState;

/// Where the API lives on a real shop's host; the routers here are relative to it.
pub const API_BASE_PATH: &str = "/api/v2";

/// How the simulated shop is set up.
#[derive(Debug, Clone)]
pub struct StarwebConfig {
    /// The shop's id code, as in `https://{shopId}.starwebserver.se`.
    pub shop_id_code: String,
    pub client_id: String,
    pub client_secret: String,
    /// How long an access token works; `expires_in` in the token response.
    pub token_lifetime: Duration,
    /// Requests per sliding minute before 429; 0 means no limit.
    pub requests_per_minute: u32,
}

impl Default for StarwebConfig {
    /// A demo shop with demo credentials, hour-long tokens and the documented limit of 1000 a minute.
    fn default() -> Self {
        Self {
            shop_id_code: "brygga-demo".into(),
            client_id: "brygga.demo".into(),
            client_secret: "demo-secret".into(),
            token_lifetime: Duration::from_secs(3600),
            requests_per_minute: 1000,
        }
    }
}

#[derive(Debug)]
struct Shop {
    config: StarwebConfig,
    state: Mutex<ShopState>,
}

/// A simulated Starweb shop. Clones share the same shop.
#[derive(Debug, Clone)]
pub struct StarwebSim {
    shop: Arc<Shop>,
}

impl StarwebSim {
    /// An open shop with its set-up (statuses, shipping and payment methods, currencies) and no
    /// products or orders; see [`sample::SampleData`] to fill it.
    pub fn new(config: StarwebConfig) -> Self {
        let state = ShopState::new(
            ShopSetup::swedish_demo(&config.shop_id_code),
            config.requests_per_minute,
        );
        Self {
            shop: Arc::new(Shop {
                config,
                state: Mutex::new(state),
            }),
        }
    }

    pub fn config(&self) -> &StarwebConfig {
        &self.shop.config
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, ShopState> {
        // A panic in one handler must not take the whole shop down with it.
        self.shop
            .state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The Shop API, with paths relative to [`API_BASE_PATH`] (`/token`, `/orders`, …).
    pub fn api_router(&self) -> Router {
        let guarded = Router::new()
            .route("/orders", get(orders::list).post(orders::create))
            .route(
                "/orders/{orderId}",
                get(orders::get_one)
                    .put(orders::put)
                    .patch(orders::patch)
                    .delete(orders::delete),
            )
            .route(
                "/orders/{orderId}/items",
                get(order_items::list_items).post(order_items::add_item),
            )
            .route(
                "/orders/{orderId}/items/{orderItemId}",
                get(order_items::get_item)
                    .put(order_items::update_item)
                    .patch(order_items::update_item)
                    .delete(order_items::delete_item),
            )
            .route(
                "/orders/{orderId}/addresses",
                get(order_parts::list_addresses),
            )
            .route(
                "/orders/{orderId}/addresses/{addressType}",
                get(order_parts::get_address)
                    .put(order_parts::put_address)
                    .patch(order_parts::patch_address)
                    .delete(order_parts::delete_address),
            )
            .route(
                "/orders/{orderId}/comments",
                get(order_parts::list_comments).post(order_parts::add_comment),
            )
            .route(
                "/orders/{orderId}/comments/{commentId}",
                get(order_parts::get_comment)
                    .put(order_parts::update_comment)
                    .patch(order_parts::update_comment)
                    .delete(order_parts::delete_comment),
            )
            .route(
                "/orders/{orderId}/external-services",
                get(order_services::list_services).post(order_services::add_service),
            )
            .route(
                "/orders/{orderId}/external-services/{serviceName}",
                get(order_services::get_service)
                    .put(order_services::put_service)
                    .patch(order_services::patch_service)
                    .delete(order_services::delete_service),
            )
            .route(
                "/order-statuses",
                get(statuses::list_statuses).post(statuses::add_status),
            )
            .route(
                "/order-statuses/{orderStatusId}",
                get(statuses::get_status)
                    .put(statuses::update_status)
                    .patch(statuses::update_status)
                    .delete(statuses::delete_status),
            )
            .route("/products", get(products::list_products))
            .route(
                "/products/{productId}",
                get(products::get_product).delete(products::delete_product),
            )
            .route(
                "/products/{productId}/variants",
                get(products::list_variants),
            )
            .route(
                "/products/{productId}/variants/{variantId}",
                get(products::get_variant)
                    .put(products::put_variant)
                    .patch(products::patch_variant)
                    .delete(products::delete_variant),
            )
            .route(
                "/products/{productId}/variants/{variantId}/stocks",
                get(stock::list_stocks),
            )
            .route(
                "/products/{productId}/variants/{variantId}/stocks/{stockLocationId}",
                get(stock::get_stock)
                    .put(stock::put_stock)
                    .patch(stock::patch_stock)
                    .delete(stock::delete_stock),
            )
            .route("/stock-locations", get(stock::list_stock_locations))
            .route(
                "/stock-locations/{stockLocationId}",
                get(stock::get_stock_location),
            )
            .route("/product-stock-statuses", get(stock::list_stock_statuses))
            .route("/shipping-methods", get(reference::list_shipping_methods))
            .route(
                "/shipping-methods/{shippingMethodId}",
                get(reference::get_shipping_method),
            )
            .route("/payment-methods", get(reference::list_payment_methods))
            .route(
                "/payment-methods/{paymentMethodId}",
                get(reference::get_payment_method),
            )
            .route("/currencies", get(reference::list_currencies))
            .route("/currencies/{currencyCode}", get(reference::get_currency))
            .route(
                "/shipping-tracking-types",
                get(reference::list_tracking_types),
            )
            .route("/shop", get(reference::get_shop))
            .route("/customers/{customerId}", get(reference::get_customer))
            .route_layer(from_fn_with_state(self.clone(), auth::require_token));
        Router::new()
            .route("/token", post(auth::issue_token))
            .merge(guarded)
            .fallback(|| async { error::ApiError::not_found("Not Found") })
            .layer(from_fn_with_state(self.clone(), auth::meter))
            .with_state(self.clone())
    }

    /// The shopper control routes, with their full paths under `/_sim/starweb/`.
    pub fn control_router(&self) -> Router {
        control::router(self.clone())
    }

    /// The simulated present.
    pub fn now(&self) -> DateTime<Utc> {
        self.lock().now()
    }

    /// Moves the simulated clock on, for example past a token's expiry.
    pub fn advance_clock(&self, by: chrono::Duration) {
        self.lock().clock.advance(by);
    }

    /// Sets the simulated clock; it goes on ticking from there.
    pub fn set_clock(&self, to: DateTime<Utc>) {
        self.lock().clock.set(to);
    }

    /// Changes the requests-per-minute limit; 0 turns it off.
    pub fn set_requests_per_minute(&self, limit: u32) {
        let mut state = self.lock();
        state.requests_per_minute = limit;
        state.recent_requests.clear();
    }

    /// All orders, by order number.
    pub fn orders(&self) -> Vec<ShopOrder> {
        self.lock().orders.values().cloned().collect()
    }

    pub fn order(&self, order_id: u32) -> Option<ShopOrder> {
        self.lock().orders.get(&order_id).cloned()
    }

    /// Every customer e-mail the shop has sent, oldest first.
    pub fn customer_emails(&self) -> Vec<CustomerEmail> {
        self.lock().emails.clone()
    }

    /// Every payment action a status change asked for, oldest first.
    pub fn processed_payments(&self) -> Vec<ProcessedPayment> {
        self.lock().payments.clone()
    }

    /// Requests received per route, keyed like `"GET /orders/{orderId}"` (relative to the API base).
    pub fn call_counts(&self) -> BTreeMap<String, u64> {
        self.lock().calls.clone()
    }

    /// Requests received for one method and route template, for example `("PATCH", "/orders/{orderId}")`.
    pub fn call_count(&self, method: &str, route: &str) -> u64 {
        self.lock()
            .calls
            .get(&format!("{method} {route}"))
            .copied()
            .unwrap_or(0)
    }

    pub fn products(&self) -> Vec<Product> {
        self.lock().products.values().cloned().collect()
    }

    /// A variant's stock by SKU; `None` for unknown SKUs and for service products.
    pub fn stock(&self, sku: &str) -> Option<i64> {
        self.lock()
            .find_variant(sku)
            .and_then(|(_, variant)| variant.stock_quantity)
    }

    /// The stock of every variant that keeps stock, by SKU.
    pub fn stock_levels(&self) -> BTreeMap<String, i64> {
        let state = self.lock();
        let variants = state
            .products
            .values()
            .flat_map(|product| &product.variants);
        variants
            .filter_map(|variant| Some((variant.sku.clone(), variant.stock_quantity?)))
            .collect()
    }

    /// This shop's id for a standard status (`created`, `picking`, `completed`, `canceled`).
    pub fn status_id(&self, id_code: &str) -> Option<u32> {
        self.lock()
            .setup
            .status_by_code(id_code)
            .map(|status| status.status_id)
    }

    pub fn order_statuses(&self) -> Vec<OrderStatus> {
        self.lock().setup.statuses.clone()
    }

    pub fn shipping_methods(&self) -> Vec<ShippingMethod> {
        self.lock().setup.shipping_methods.clone()
    }

    pub fn payment_methods(&self) -> Vec<PaymentMethod> {
        self.lock().setup.payment_methods.clone()
    }

    /// Numbers of deleted orders, oldest first, that no order has taken again.
    pub fn deleted_order_ids(&self) -> Vec<u32> {
        self.lock().deleted_order_ids.clone()
    }

    /// A customer checks out; returns the new order's number.
    pub fn place_order(&self, order: PlaceOrder) -> Result<u32, ShopError> {
        shopper::place_order(&mut self.lock(), order)
    }

    /// The customer changes an order after checkout.
    pub fn edit_order(&self, order_id: u32, edit: EditOrder) -> Result<(), ShopError> {
        shopper::edit_order(&mut self.lock(), order_id, edit)
    }

    /// The order is cancelled in the shop (status `canceled`, with the customer e-mail if `send_email`).
    pub fn cancel_order(&self, order_id: u32, send_email: bool) -> Result<(), ShopError> {
        shopper::cancel_order(&mut self.lock(), order_id, send_email)
    }

    /// The order is deleted in the admin; its number becomes free again.
    pub fn delete_order(&self, order_id: u32) -> Result<(), ShopError> {
        self.lock()
            .delete_order(order_id)
            .map(drop)
            .ok_or(ShopError::UnknownOrder(order_id))
    }

    /// The merchant adds a product; returns its id.
    pub fn add_product(&self, product: NewProduct) -> Result<u32, ShopError> {
        shopper::add_product(&mut self.lock(), product)
    }

    /// The merchant edits a variant (or its product's name) in the admin; the product's
    /// `modifiedAt` moves.
    pub fn edit_variant(&self, sku: &str, edit: EditVariant) -> Result<(), ShopError> {
        shopper::edit_variant(&mut self.lock(), sku, edit)
    }

    /// The merchant sets a variant's stock in the admin.
    pub fn set_stock(&self, sku: &str, quantity: i64) -> Result<(), ShopError> {
        shopper::set_stock(&mut self.lock(), sku, quantity)
    }
}
