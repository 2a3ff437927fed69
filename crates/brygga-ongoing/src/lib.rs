//! Client for the Ongoing WMS Goods Owner REST API, the warehouse side of Brygga.
//!
//! Ongoing is the WMS the 3PL runs; the merchant is a goods owner in it. This crate speaks its REST API
//! (HTTP Basic auth, id-cursor paging, one call at a time per goods owner) and maps its wire types to
//! `brygga-core` types, so Ongoing's field names never leave this crate. It knows neither the store nor
//! the shop client. The contract is `shared/specs/ongoing-wms-rest-api.swagger.json`.
