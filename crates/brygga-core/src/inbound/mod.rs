//! Purchase orders and inbound deviations (flow 7): the merchant pre-advises goods coming from a
//! supplier, the warehouse receives them, and Brygga shows where the delivery differed from the
//! order for the merchant to acknowledge.
//!
//! Three pure parts: the purchase order as the merchant writes it and its checks ([`draft`]),
//! lines read from a `SKU;quantity` file with every bad row named ([`csv`]), and the comparison of
//! what was advised with what arrived ([`deviation`]).

pub mod csv;
pub mod deviation;
pub mod draft;

pub use csv::{CsvRowError, parse_lines};
pub use deviation::{DeviationKind, LineDeviation, ReceivedLine, deviations};
pub use draft::{
    DraftProblem, InboundStage, PurchaseOrderDraft, PurchaseOrderLine, line_problems,
    purchase_order_number,
};
