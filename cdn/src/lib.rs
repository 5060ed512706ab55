//! Typed, validated, signed client for Alibaba Cloud `Cdn` (API version `2018-05-10`),
//! generated at compile time from the specs in `../specs/cdn-2018-05-10` (imported from Alibaba's metadata by
//! `acs-codegen import`).
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = cdn::client().region("cn-hangzhou").build()?;
//! # let _ = client;
//! # Ok(()) }
//! ```
#![doc = include_str!("features.md")]
#![warn(missing_docs)]
// Deprecated operations and parameters are generated with `#[deprecated]` for their users; the
// crate itself must still compile them.
#![allow(deprecated)]

pub use acs_runtime::client::{
    BuildError, Client, ClientBuilder, HttpMethod, PreparedRequest, SignatureVersion,
};
pub use acs_runtime::{
    Credentials, CredentialsError, Endpoint, EndpointError, Error, ErrorMeta, RetryConfig, Rule,
    ServiceError, UnexpectedResponse, ValidationErrors, Violation,
};

/// Region id → endpoint host, as published in the vendor metadata.
pub use endpoints::ENDPOINTS;

mod endpoints {
    acs_macros::generate!(
        spec = "../specs/cdn-2018-05-10/_service.json",
        runtime = crate::__private::runtime
    );
}

/// A [`ClientBuilder`] preset with this product's regional endpoints ([`ENDPOINTS`]). Set
/// `.region(..)` (or `.endpoint(..)`), optionally credentials (default: the provider chain), then
/// `.build()`.
pub fn client() -> ClientBuilder {
    Client::builder().regional_endpoints(crate::ENDPOINTS)
}

// One `generate!` per imported operation, behind the feature of its group: written by
// `acs-codegen import --facade cdn`.
include!("operations.rs");

/// What generated code and the macro need, under a path pinned to this crate's version of the
/// runtime.
#[doc(hidden)]
pub mod __private {
    pub use acs_runtime as runtime;
}
