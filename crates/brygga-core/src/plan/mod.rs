//! Planners: pure functions from the state of both sides (and what Brygga sent before) to the list
//! of operations that would bring them in step. The same planner serves the real run and the dry
//! run; only the engine decides whether the operations are queued or just shown.

pub mod articles;
mod order_draft;
pub mod orders;
pub mod statuses;
pub mod stock;
