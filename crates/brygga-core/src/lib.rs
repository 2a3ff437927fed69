//! The words Brygga thinks in, and the rules that need no I/O to decide.
//!
//! A merchant sells in a web shop; a third-party warehouse (3PL) runs a WMS in which the merchant is a
//! *goods owner*. Brygga keeps the two in step: articles and orders go to the warehouse, statuses, stock
//! and tracking come back, orders are released to picking in batches. This crate holds the types and pure
//! functions for that, so every decision can be tested without a network, a database or a clock.
//!
//! It must stay pure: no tokio, reqwest, rusqlite, keyring or tauri in its dependency tree (`make test`
//! checks this with `cargo tree`). Everything that talks to the world implements a port defined here or
//! lives in a crate above this one.

pub mod article;
pub mod clock;
pub mod endpoint;
pub mod hash;
pub mod inbound;
pub mod mapping;
pub mod operation;
pub mod order;
pub mod plan;
pub mod release;
pub mod remote;
pub mod retry;
pub mod returns;
pub mod schedule;
mod sensitive;

pub use sensitive::Sensitive;
