//! Stateful simulators of the Ongoing WMS and Starweb APIs, served over real HTTP on 127.0.0.1.
//!
//! They let `brygga demo`, the scenario tests and the client tests run the whole product without an
//! account. They are written from the published OpenAPI files, not from our clients: this crate depends
//! on no client crate, so a misreading of the API in a client is not mirrored here and tests can catch it.
