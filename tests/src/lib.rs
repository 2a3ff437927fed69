//! Whole-product scenarios: the application layer and the sync engine against the simulators of both
//! APIs over real HTTP on loopback, with real SQLite files in temporary folders and time fast-forwarded
//! through the clock port. They show the flows of `shared/docs/product.md` end to end, without a window.
//!
//! [`World`] is the shared set-up: a shop and a warehouse simulator, a database in a temporary
//! folder, and an engine connected to both.

mod catalogue;
mod world;

pub use world::{World, WorldClock, WorldState};
