//! One module per flow cycle: read both sides, plan, record, queue.

pub mod articles;
pub mod orders;
pub mod purchase_orders;
pub mod reconcile;
pub mod returns;
pub mod statuses;
pub mod stock;
pub mod warehouses;
