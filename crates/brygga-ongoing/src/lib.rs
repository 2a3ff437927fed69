//! Client for the Ongoing WMS Goods Owner REST API, the warehouse side of Brygga.
//!
//! Ongoing is the WMS the 3PL runs; the merchant is a goods owner in it. This crate speaks its REST API
//! (HTTP Basic auth, id-cursor paging, one call at a time per goods owner) and keeps Ongoing's field
//! names inside itself. It knows neither the store nor the shop client. The contract is
//! `shared/specs/ongoing-wms-rest-api.swagger.json`; its tests run against `brygga-sim`, whose server
//! checks every request body this client sends against that file.

pub mod articles;
pub mod catalog;
mod client;
pub mod config;
pub mod error;
pub mod inventory;
pub mod map;
pub mod map_inbound;
pub mod orders;
pub mod paging;
pub mod pickability;
pub mod purchase_orders;
pub mod return_orders;
mod wire_order;
mod wire_purchase_order;
mod wire_return_order;

pub use client::OngoingClient;
pub use config::{ConfigError, DEFAULT_TIMEOUT, OngoingConfig};
pub use error::OngoingError;
