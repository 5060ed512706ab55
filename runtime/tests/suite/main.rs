//! The runtime's integration tests, one module per subject, in one test binary: one compile and
//! link instead of sixteen.

#[path = "../common/mod.rs"]
mod common;

mod client_http;
mod client_prepare;
mod client_roa;
mod credentials;
mod credentials_cache;
mod deadline;
mod endpoints;
mod form_data;
mod paging_styles;
mod properties;
mod region;
mod sts_spec_copies;
mod tracing_redaction;
mod vectors;
mod vectors_roa;
mod wire_reader;
