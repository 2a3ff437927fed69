//! The client against the Ongoing simulator over real HTTP. The simulator's server checks every
//! request body this client sends, and every answer it gives, against the OpenAPI file, so a test
//! ending with no recorded violations shows the client speaks the spec.

mod articles;
mod catalog;
mod faults;
mod map;
mod orders;
mod purchase_orders;
mod return_orders;
mod support;
