//! Stateful simulators of the Ongoing WMS and Starweb APIs, served over real HTTP on 127.0.0.1.
//!
//! They let `brygga demo`, the scenario tests and the client tests run the whole product without an
//! account. They are written from the published OpenAPI files (copied unchanged into `spec/`), not
//! from our clients: this crate depends on no client crate, so a misreading of the API in a client is
//! not mirrored here and tests can catch it. Every request body is checked against the spec before it
//! is handled and every response body before it is sent ([`conformance`]); the API routes can be made
//! to fail on purpose ([`fault`]); each simulator also has control routes under `/_sim/` that play
//! the other party (the 3PL's warehouse staff, the shop's customers), clearly apart from the API.

pub mod conformance;
pub mod demo;
pub mod fault;
pub mod ongoing;
pub mod server;
pub mod starweb;
