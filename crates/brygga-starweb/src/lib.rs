//! Client for the Starweb Shop API v2, the shop side of Brygga.
//!
//! Starweb is the merchant's web shop. This crate speaks its REST API (OAuth2 client-credentials token,
//! `{data, meta.pagination}` envelopes, statuses found by `idCode`) and maps its wire types to
//! `brygga-core` types, so Starweb's field names never leave this crate. It knows neither the store nor
//! the warehouse client. The contract is `shared/specs/starweb-shop-api-v2.*.openapi.json`.
