//! Client for the Starweb Shop API v2, the shop side of Brygga.
//!
//! Starweb is the merchant's web shop. This crate speaks its REST API (OAuth2 client-credentials token,
//! `{data, meta.pagination}` envelopes, statuses found by `idCode`) and keeps Starweb's field names
//! inside its own types. It knows neither the store nor the warehouse client. The contract is
//! `shared/specs/starweb-shop-api-v2.*.openapi.json` (2.12.0 for fields and paths, 2.11.0 for the
//! token); its tests run against `brygga-sim`, whose server checks every request body this client
//! sends against that file.

mod client;
pub mod config;
pub mod error;
pub mod map;
mod order_items;
pub mod order_model;
mod order_parts;
pub mod orders;
pub mod paging;
pub mod products;
pub mod reference;
mod sku_index;
pub mod statuses;
mod token;
mod wire;

pub use client::StarwebClient;
pub use config::{ConfigError, DEFAULT_TIMEOUT, StarwebConfig};
pub use error::StarwebError;
pub use sku_index::{IndexedVariant, SkuIndex};
pub use statuses::{OrderStatus, ShopStatuses, StandardStatus};
pub use wire::Timestamp;
