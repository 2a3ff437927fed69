//! The Ongoing WMS simulator over real HTTP: one test binary, one file per area of the API.
//!
//! Every test starts its own simulator on 127.0.0.1:0 through `brygga_sim::server::serve`, so each
//! API body a test sends or reads is also checked against the OpenAPI spec; `support` fails the
//! test at the first spec violation.

mod support;

mod articles;
mod auth;
mod operator;
mod order_flow;
mod orders;
mod purchase_orders;
mod reference;
mod returns;
