//! The sync engine that keeps the shop and the warehouse in step.
//!
//! One cycle reads the change feeds of both sides, plans the operations with the pure planners of
//! `brygga-core`, enqueues them in the persisted outbox and drains it one call at a time per goods owner.
//! The scheduler runs cycles per flow on intervals and weekday windows in Europe/Stockholm; time comes
//! from a clock port so tests can fast-forward days. It receives its clients and store by value and never
//! builds HTTP clients or reads secrets itself.

mod catalogue;
mod drain;
mod engine;
pub mod error;
pub mod execute;
pub mod flows;
pub mod inbound;
pub mod order_events;
pub mod progress;
pub mod release;
mod release_ops;
pub mod report;
pub mod resend;
pub mod return_ops;
pub mod scheduler;
pub mod settings;
pub mod setup;

pub use catalogue::CatalogueCache;
pub use engine::Engine;
pub use error::SyncError;
pub use execute::Remotes;
pub use progress::{Phase, Progress, ProgressSnapshot};
pub use report::{DrainReport, FlowReport};
pub use scheduler::{Stop, Tick};
pub use settings::SyncSettings;
