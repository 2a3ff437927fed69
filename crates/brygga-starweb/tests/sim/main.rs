//! The client against the Starweb simulator over real HTTP. The simulator's server checks every
//! request body this client sends and every answer it gets against the OpenAPI file, so each test
//! ending with no recorded violations shows the client speaks the spec.

mod auth;
mod catalogue;
mod faults;
mod map;
mod orders;
mod paging;
mod support;
